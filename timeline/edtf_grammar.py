"""The grammar of one EDTF date (not an interval): its text read into bounds, or a one-line refusal.

What is read (ISO 8601-2:2019, EDTF levels 0 and 1, and level 2's season codes)::

    2025  2025-12  2025-12-02  2025-12-02T21:00:30+03:00   year to second, zone optional
    2025-11~  2025-11?  2025-11%                           approximate, uncertain, both
    202X  20XX  2025-XX  2025-12-XX  2025-XX-02            unspecified digits
    2025-21 .. 2025-24                                     spring, summer, autumn, winter
    2025-25 .. 2025-41                                     hemisphere seasons, quarters, thirds, halves

Seasons follow the meteorological convention of the northern hemisphere
(spring March to May, summer June to August, autumn September to
November, winter December to February of the next year), as the Met
Office and the WMO count them; codes 29 to 32 are the southern
hemisphere's. python-edtf (the reference implementation) ends winter on
31 December of the same year instead; ours runs to the end of February.

Refused with what to write instead: years before 0001 or after 9999
(``-0044``, ``Y170000002``: Python's dates cannot hold them), a
qualifier on one part of a date (``2004?-06-11``, level 2), sets and
other level 2 forms.

>>> read_single("2025-12-XX", "2025-12-XX").start
datetime.datetime(2025, 12, 1, 0, 0)
>>> read_single("-0044", "-0044")
Traceback (most recent call last):
timeline.edtf_grammar.DateError: timeline places dates in the years 0001 to 9999, not the year -44 in '-0044'; \
give a date in that range and write the real one in the summary or notes
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from itertools import product
from typing import NamedTuple

from timeline.edtf_hints import hint
from timeline.errors import UserError

PRECISIONS = ("year", "month", "day", "minute", "second")  # coarse to fine
EXAMPLES = "'2025-12-02', '2025-12', '2025-12-02T21:00+03:00' or '2025-11/2025-12-03'"
_EDTF_LENGTH = {"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}  # of isoformat()
_STEP = {"day": timedelta(days=1), "minute": timedelta(minutes=1), "second": timedelta(seconds=1)}
#: Season code -> (first month, number of months); a season may run into the next year.
SEASONS = {21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),
           25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),
           29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),
           33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
           37: (1, 4), 38: (5, 4), 39: (9, 4), 40: (1, 6), 41: (7, 6)}

_SINGLE = re.compile(
    r"(?P<year>Y-?\d+|-?[\dX]{4})(?:-(?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2})"
    r"(?:T(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?(?P<zone>Z|[+-]\d\d:\d\d)?)?)?)?"
    r"(?P<qualifier>[~?%])?",
    re.ASCII,
)
_INNER_QUALIFIER = re.compile(r"^[~?%]|[~?%]-|-[~?%]", re.ASCII)


class DateError(UserError, ValueError):
    """A date that cannot be read; ``str()`` is one line saying what is wrong, with a valid example."""


class Single(NamedTuple):
    """One date read: canonical text and the span ``[start, end)`` of naive wall-clock time."""

    text: str
    start: datetime
    end: datetime
    precision: str
    approximate: bool
    uncertain: bool
    tz: timezone | None


def quoted(text: str, limit: int = 60) -> str:
    """``repr(text)``, cut to ``limit`` characters with '...' (like the loader's messages)."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def read_single(text: str, whole: str) -> Single:
    """Read one date, not an interval; errors quote ``whole``, the text it is part of."""
    _refuse_level_2(text, whole)
    match = _SINGLE.fullmatch(text)
    if match is None:
        if whole and (instead := hint(whole)):
            raise DateError(f"{quoted(whole)} is not an EDTF date{instead}")
        problem = f"{quoted(whole)} is not an EDTF date" if whole else "empty date"
        raise DateError(f"{problem} (e.g. {EXAMPLES})")
    fields = match.groupdict()
    qualifier = fields["qualifier"] or ""
    year = _year(fields["year"], whole)
    if "X" in text:
        start, end, precision = _unspecified(fields, whole)
        canonical = text.removesuffix(qualifier)
    elif fields["month"] and int(fields["month"]) > 12 and not fields["day"]:
        start, end = _season(year, int(fields["month"]), whole)
        precision, canonical = "month", text.removesuffix(qualifier)
    else:
        start, precision = _known(year, fields, whole)
        end = after(start, precision)
        canonical = edtf_text(start, precision, zone(fields["zone"]))
    return Single(canonical + qualifier, start, end, precision, qualifier in ("~", "%"), qualifier in ("?", "%"),
                  zone(fields["zone"]))


def _refuse_level_2(text: str, whole: str) -> None:
    """Refuse, with the form to write instead, what EDTF level 2 adds and timeline does not read."""
    if text[:1] in ("[", "{"):
        raise DateError(f"{quoted(whole)} is a set of dates (EDTF level 2), which timeline does not read; "
                        "give each date its own event, or write an interval such as '2025-11/2025-12-03'")
    if _INNER_QUALIFIER.search(text):
        bare = re.sub(r"[~?%]", "", text)
        marks = "".join(dict.fromkeys(re.findall(r"[~?%]", text)))
        mark = "%" if len(marks) > 1 or marks == "%" else marks
        raise DateError(f"a qualifier on one part of a date, as in {quoted(whole)}, is EDTF level 2, which "
                        f"timeline does not read; put it after the whole date (e.g. '{bare}{mark}')")


def _year(text: str, whole: str) -> int:
    """The year written (``X`` digits as 0); refuse what datetime cannot hold."""
    if text.startswith("Y"):
        value = int(text[1:])
        if 1 <= value <= 9999:
            raise DateError(f"'Y' marks a year of more than four digits, not {quoted(whole)}; "
                            f"write the year as four digits (e.g. '{value:04d}')")
    else:
        value = int(text.replace("X", "0"))
        if value == 0 and "X" not in text:
            raise DateError(f"there is no year 0000 in {quoted(whole)} that timeline can place "
                            "(EDTF's 0000 is 1 BCE); give a year from 0001 to 9999 (e.g. '0001' or '2025')")
    if value < 0 or value > 9999:
        raise DateError(f"timeline places dates in the years 0001 to 9999, not the year {value} in "
                        f"{quoted(whole)}; give a date in that range and write the real one in the summary or notes")
    return value


def _known(year: int, fields: dict[str, str | None], whole: str) -> tuple[datetime, str]:
    """The start and precision of a date with every digit given."""
    month, day, hour, minute, second = (int(text) if (text := fields[f]) else None
                                        for f in ("month", "day", "hour", "minute", "second"))
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"there is no month {month:02d} in {quoted(whole)} (e.g. '{year:04d}-12')")
    if day is not None and month is not None and not 1 <= day <= days_in_month(year, month):
        example = f"{year:04d}-{month:02d}-{days_in_month(year, month):02d}"
        raise DateError(f"{year:04d}-{month:02d} has no day {day:02d} in {quoted(whole)} (e.g. '{example}')")
    if hour is not None and minute is not None and (hour > 23 or minute > 59 or (second or 0) > 59):
        raise DateError(f"there is no such time of day in {quoted(whole)} (e.g. '2025-12-02T21:00')")
    written = fields["zone"]
    if written not in (None, "Z") and (int(written[1:3]) > 23 or int(written[4:]) > 59):
        raise DateError(f"there is no zone {written} in {quoted(whole)} (e.g. '+03:00' or 'Z')")
    precision = PRECISIONS[sum(part is not None for part in (month, day, minute, second))]
    return datetime(year, month or 1, day or 1, hour or 0, minute or 0, second or 0), precision


def _season(year: int, code: int, whole: str) -> tuple[datetime, datetime]:
    """The months of season (or quarter, third, half) ``code`` of ``year``."""
    if code < min(SEASONS):
        raise DateError(f"there is no month {code:02d} in {quoted(whole)} (e.g. '{year:04d}-12')")
    if code not in SEASONS:
        raise DateError(f"there is no month or season {code} in {quoted(whole)} "
                        f"(months are 01 to 12, seasons 21 to 41: e.g. '{year:04d}-21' for spring {year:04d})")
    first, count = SEASONS[code]
    start = datetime(year, first, 1)
    return start, _months_after(start, count)


def _unspecified(fields: dict[str, str | None], whole: str) -> tuple[datetime, datetime, str]:
    """The first start and last end of the dates that unspecified digits (``X``) allow."""
    if fields["hour"]:
        raise DateError(f"a time needs a whole date, not {quoted(whole)} (e.g. '2025-12-02T21:00')")
    year_text, month_text, day_text = fields["year"] or "", fields["month"], fields["day"]
    if month_text and "X" not in month_text and int(month_text) > 12:
        raise DateError(f"a season needs a whole year, not {quoted(whole)} (e.g. '2025-21')")
    years = _matching(year_text, range(1, 10000))
    months = _matching(month_text or "XX", range(1, 13))
    days = _matching(day_text or "XX", range(1, 32))
    dates = ((y, m, d) for y, m, d in product(years, months, days) if d <= days_in_month(y, m))
    first = next(dates, None)
    if first is None:
        raise DateError(f"no date matches {quoted(whole)} (e.g. '2025-12-XX' for a day of December 2025)")
    last = next((y, m, d) for y, m, d in product(years[::-1], months[::-1], days[::-1])
                if d <= days_in_month(y, m))
    precision = "year" if "X" in year_text or "X" in (month_text or "") or not month_text else "month"
    return datetime(*first), after(datetime(*last), "day"), precision


def _matching(pattern: str, values: range) -> list[int]:
    """The ``values`` whose zero-padded digits match ``pattern`` (``X`` is any digit), in order."""
    rx = re.compile(pattern.replace("X", r"\d"), re.ASCII)
    return [v for v in values if rx.fullmatch(f"{v:0{len(pattern)}d}")]


def days_in_month(year: int, month: int) -> int:
    """28 to 31, leap years included."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _months_after(start: datetime, count: int) -> datetime:
    """The first day ``count`` months after ``start`` (``datetime.max`` past 9999)."""
    index = start.year * 12 + start.month - 1 + count
    return datetime(index // 12, index % 12 + 1, 1) if index // 12 <= 9999 else datetime.max


def after(start: datetime, precision: str) -> datetime:
    """The exclusive end of the year, month, day... beginning at ``start`` (``datetime.max`` past 9999)."""
    if precision in ("year", "month"):
        return _months_after(start, 12 if precision == "year" else 1)
    try:
        return start + _STEP[precision]
    except OverflowError:
        return datetime.max


def zone(text: str | None) -> timezone | None:
    """``Z`` or ``+03:00`` as a timezone."""
    if not text:
        return None
    if text == "Z":
        return timezone.utc  # noqa: UP017 (datetime.UTC is new in 3.11; setup.cfg allows 3.10)
    offset = timedelta(hours=int(text[1:3]), minutes=int(text[4:]))
    return timezone(-offset if text[0] == "-" else offset)


def zone_text(tz: timezone | None) -> str:
    """A zone as EDTF writes it: ``Z`` for UTC, else ``+03:00``; empty for none."""
    if tz is None:
        return ""
    offset = tz.utcoffset(None) // timedelta(minutes=1)
    if not offset:
        return "Z"
    hours, minutes = divmod(abs(offset), 60)
    return f"{'-' if offset < 0 else '+'}{hours:02d}:{minutes:02d}"


def edtf_text(start: datetime, precision: str, tz: timezone | None) -> str:
    """The EDTF text, without qualifier, of the unit of ``precision`` beginning at ``start``."""
    return start.isoformat(timespec="seconds")[:_EDTF_LENGTH[precision]] + zone_text(tz)
