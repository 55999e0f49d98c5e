"""Dates of every precision, written in EDTF (ISO 8601-2, levels 0 and 1).

A date is a span, never a fake exact day: ``2025-12`` is the whole of
December 2025. The forms read::

    2025  2025-12  2025-12-02                     year, month, day
    2025-12-02T21:00+03:00  2025-12-02T21:00:30Z   moments (zone optional)
    2025-11/2025-12-03                            interval, ends of any precision
    2025-11~  2025-11?  2025-11%                  approximate, uncertain, both
    ../2025-12-03  2025-12-03/..                  on or before, on or after

Bounds are naive wall-clock times where the event happened; a moment's
zone is kept in ``tz`` for display and export.

>>> parse_edtf("2025-11/2025-12-03").label()
'Nov – 3 Dec 2025'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from timeline.errors import UserError

_PRECISIONS = ("year", "month", "day", "minute", "second")  # coarse to fine
_FIELDS = ("year", "month", "day", "hour", "minute", "second")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EDTF_LENGTH = {"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}  # of isoformat()
_DATE_WORDS = {"year": 1, "month": 2}  # how many of day, month, year a label shows; else 3
_STEP = {"day": timedelta(days=1), "minute": timedelta(minutes=1), "second": timedelta(seconds=1)}
_TICK = timedelta(microseconds=1)
_EXAMPLES = "'2025-12-02', '2025-12', '2025-12-02T21:00+03:00' or '2025-11/2025-12-03'"

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)", re.ASCII)
_SINGLE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d)"
    r"(?:T(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?(?P<zone>Z|[+-]\d\d:\d\d)?)?)?)?"
    r"(?P<qualifier>[~?%])?",
    re.ASCII,
)
#: Text that can only be meant as EDTF: if it is not valid EDTF, say why rather than guess.
_EDTF_LIKE = re.compile(r"(?:\d{4}|\.\.)[-\dT:Z+~?%/.]*", re.ASCII)


class DateError(UserError, ValueError):
    """A date that cannot be read; ``str()`` is one line saying what is wrong, with a valid example."""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date as the span ``[start, end)`` of naive wall-clock time; ``None`` is an open end."""

    text: str
    start: datetime | None
    end: datetime | None
    precision: str
    approximate: bool = False
    uncertain: bool = False
    tz: timezone | None = None

    @property
    def is_interval(self) -> bool:
        """Written as ``a/b`` (open ends included)."""
        return "/" in self.text

    @property
    def is_moment(self) -> bool:
        """A single moment, to the minute or second."""
        return not self.is_interval and self.precision in ("minute", "second")

    @property
    def first(self) -> date | None:
        """The first day covered."""
        return self.start.date() if self.start else None

    @property
    def last(self) -> date | None:
        """The last day covered (inclusive)."""
        return (self.end - _TICK).date() if self.end else None

    def sort_key(self) -> tuple[datetime, datetime, str]:
        """Order by start (open first), then end (open last, so shorter first), then text."""
        return self.start or datetime.min, self.end or datetime.max, self.text

    def overlaps(self, since: datetime | None, until: datetime | None) -> bool:
        """Could the event lie in ``[since, until)``? ``None`` is unbounded."""
        return ((until is None or self.start is None or self.start < until)
                and (since is None or self.end is None or self.end > since))

    def iso_start(self) -> str | None:
        """The inclusive start: a day (``2025-12-01``) or a moment with its zone; ``None`` if open."""
        first = self.ends()[0]
        if first is None:
            return None
        return _iso(first) if first.is_moment else first.first.isoformat()

    def iso_end(self) -> str | None:
        """The inclusive end: a day (``2025-12-31`` for Dec 2025) or a moment; ``None`` if open."""
        last = self.ends()[1]
        if last is None:
            return None
        return _iso(last) if last.is_moment else last.last.isoformat()

    def label(self) -> str:
        """A short label: '2 Dec 2025', '2–3 Dec 2025', 'Nov – 3 Dec 2025', 'by 3 Dec 2025', 'c. Nov 2025?'.

        'c. ' marks an approximate date, '?' an uncertain one.
        """
        first, last = self.ends()
        if first is None:
            text = f"by {_label(last)}"
        elif last is None:
            text = f"from {_label(first)}"
        else:
            text = _label_range(first, last)
        return f"{'c. ' * self.approximate}{text}{'?' * self.uncertain}"

    def ends(self) -> tuple[DateSpan | None, DateSpan | None]:
        """The two ends as single dates (``self`` twice for a single date)."""
        if not self.is_interval:
            return self, self
        a, _, b = self.text.partition("/")
        return (None if a == ".." else parse_edtf(a)), (None if b == ".." else parse_edtf(b))


def parse_edtf(text: str | int) -> DateSpan:
    """Read an EDTF date such as ``2025-12-02`` or ``2025-11/2025-12-03~``; raise :class:`DateError`.

    An int is a year (YAML reads ``2025`` as one); surrounding spaces are ignored.
    Anything but text or an int raises ``TypeError``.
    """
    if isinstance(text, str):
        return _parse(text.strip())
    if isinstance(text, int) and not isinstance(text, bool):
        return _parse(str(text))
    raise TypeError(f"a date is text or a year, not {type(text).__name__}")


def format_edtf(span: DateSpan) -> str:
    """The canonical EDTF text of ``span``.

    It is made when the span is read, from each end's own precision,
    qualifier and zone, which the span's other fields only summarise.
    """
    return span.text


def parse_user_date(text: str) -> DateSpan:
    """Read a date as typed on a command line: EDTF, or words such as '2 Dec 2025' or 'December 2025'.

    The precision is what was written: 'December 2025' is the whole month.
    Dates must be absolute (with a 4-digit year); times must be EDTF.
    """
    try:
        return parse_edtf(text)
    except DateError:
        if _EDTF_LIKE.fullmatch(text.strip()):
            raise
    from dateutil import parser

    # Fields not written take the default's; a weekday ("Tuesday") moves the day by under a week.
    try:
        read = parser.parse(text, default=datetime(2001, 1, 1))
        other = parser.parse(text, default=datetime(2002, 2, 15, 1, 1, 1))
        dayfirst = parser.parse(text, default=datetime(2001, 1, 1), dayfirst=True)
    except (ValueError, OverflowError):
        raise DateError(f"cannot read the date {text!r} (e.g. '2 Dec 2025' or '2025-12')") from None
    given = [getattr(read, field) == getattr(other, field) for field in _FIELDS]
    count = given.index(False) if False in given else len(given)  # leading fields written
    if not given[0]:
        raise DateError(f"no year in {text!r} (e.g. '2 Dec 2025')")
    if f"{read.year:04d}" not in text:
        raise DateError(f"write the year with 4 digits in {text!r} (e.g. '2 Dec 2025')")
    if any(given[3:]) or read.tzinfo is not None:
        raise DateError(f"write a time as EDTF, not {text!r} (e.g. '2025-12-02T21:00+03:00')")
    if dayfirst != read:
        raise DateError(f"day and month are ambiguous in {text!r} (e.g. '2 Dec 2025' or '2025-12-02')")
    return parse_edtf(_edtf(read, _PRECISIONS[count - 1], None))


@lru_cache(maxsize=1 << 14)
def _parse(text: str) -> DateSpan:
    """:func:`parse_edtf` of stripped text."""
    if match := _DAY.fullmatch(text):  # fast path for the common case
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if year and 1 <= month <= 12 and 1 <= day <= _days_in_month(year, month):
            start = datetime(year, month, day)
            return DateSpan(text, start, _after(start, "day"), "day")
    if "/" not in text:
        return _parse_single(text, text)
    a, _, b = text.partition("/")
    first = None if a == ".." else _parse_single(a, text)
    last = None if b == ".." else _parse_single(b, text)
    if first and last and _ends_before(last, first):
        raise DateError(f"end {b} is before start {a} in {text!r} (e.g. '{b}/{a}')")
    ends = [end for end in (first, last) if end]
    if not ends:
        raise DateError(f"both ends are open in {text!r} (e.g. '../2025-12-03' or '2025-12-03/..')")
    return DateSpan(
        text=f"{first.text if first else '..'}/{last.text if last else '..'}",
        start=first.start if first else None,
        end=last.end if last else None,
        precision=max((end.precision for end in ends), key=_PRECISIONS.index),
        approximate=any(end.approximate for end in ends),
        uncertain=any(end.uncertain for end in ends),
        tz=ends[0].tz,
    )


def _parse_single(text: str, whole: str) -> DateSpan:
    """Read one date, not an interval; errors quote ``whole``, the text it is part of."""
    match = _SINGLE.fullmatch(text)
    if match is None:
        problem = f"{whole!r} is not an EDTF date" if whole else "empty date"
        raise DateError(f"{problem} (e.g. {_EXAMPLES})")
    year, month, day, hour, minute, second = (int(match[f]) if match[f] else None for f in _FIELDS)
    if year == 0:
        raise DateError(f"there is no year 0000 in {whole!r} (e.g. '0001' or '2025')")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"there is no month {month:02d} in {whole!r} (e.g. '{year:04d}-12')")
    if day is not None and not 1 <= day <= _days_in_month(year, month):
        example = f"{year:04d}-{month:02d}-{_days_in_month(year, month):02d}"
        raise DateError(f"{year:04d}-{month:02d} has no day {day:02d} in {whole!r} (e.g. '{example}')")
    if hour is not None and (hour > 23 or minute > 59 or (second or 0) > 59):
        raise DateError(f"there is no such time of day in {whole!r} (e.g. '2025-12-02T21:00')")
    zone = match["zone"]
    if zone not in (None, "Z") and (int(zone[1:3]) > 23 or int(zone[4:]) > 59):
        raise DateError(f"there is no zone {zone} in {whole!r} (e.g. '+03:00' or 'Z')")
    precision = _PRECISIONS[sum(part is not None for part in (month, day, minute, second))]
    start = datetime(year, month or 1, day or 1, hour or 0, minute or 0, second or 0)
    tz = _zone(zone)
    qualifier = match["qualifier"] or ""
    return DateSpan(
        text=_edtf(start, precision, tz) + qualifier, start=start, end=_after(start, precision),
        precision=precision, approximate=qualifier in ("~", "%"), uncertain=qualifier in ("?", "%"), tz=tz,
    )


def _days_in_month(year: int, month: int) -> int:
    """28 to 31, leap years included."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _after(start: datetime, precision: str) -> datetime:
    """The exclusive end of the year, month, day... beginning at ``start`` (``datetime.max`` past 9999)."""
    try:
        if precision == "year":
            return start.replace(year=start.year + 1)
        if precision == "month":
            return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
        return start + _STEP[precision]
    except (ValueError, OverflowError):
        return datetime.max


def _ends_before(last: DateSpan, first: DateSpan) -> bool:
    """Does ``last`` end before ``first`` begins? In absolute time when both have a zone."""
    if last.tz and first.tz:
        return last.end.replace(tzinfo=last.tz) <= first.start.replace(tzinfo=first.tz)
    return last.end <= first.start


def _zone(text: str | None) -> timezone | None:
    """``Z`` or ``+03:00`` as a timezone."""
    if not text:
        return None
    if text == "Z":
        return timezone.utc  # noqa: UP017 (datetime.UTC is new in 3.11; setup.cfg allows 3.10)
    offset = timedelta(hours=int(text[1:3]), minutes=int(text[4:]))
    return timezone(-offset if text[0] == "-" else offset)


def _zone_text(tz: timezone | None) -> str:
    """A zone as EDTF writes it: ``Z`` for UTC, else ``+03:00``; empty for none."""
    if tz is None:
        return ""
    offset = tz.utcoffset(None) // timedelta(minutes=1)
    if not offset:
        return "Z"
    hours, minutes = divmod(abs(offset), 60)
    return f"{'-' if offset < 0 else '+'}{hours:02d}:{minutes:02d}"


def _edtf(start: datetime, precision: str, tz: timezone | None) -> str:
    """The EDTF text, without qualifier, of the unit of ``precision`` beginning at ``start``."""
    return start.isoformat(timespec="seconds")[:_EDTF_LENGTH[precision]] + _zone_text(tz)


def _iso(moment: DateSpan) -> str:
    """A moment in ISO 8601, with its zone if it has one."""
    return _edtf(moment.start, moment.precision, moment.tz)


def _label_words(single: DateSpan) -> list[str]:
    """A single date for people, word by word: ['2', 'Dec', '2025', '21:00', 'UTC+03:00']."""
    start = single.start
    words = [str(start.day), _MONTHS[start.month - 1], f"{start.year:04d}"]
    words = words[-_DATE_WORDS.get(single.precision, 3):]
    if single.is_moment:
        words.append(start.isoformat(timespec=f"{single.precision}s")[11:])
        if single.tz is not None:
            words.append("UTC" + _zone_text(single.tz).replace("Z", ""))
    return words


def _label(single: DateSpan) -> str:
    """A single date for people: '2025', 'Dec 2025', '2 Dec 2025', '2 Dec 2025 21:00 UTC+03:00'."""
    return " ".join(_label_words(single))


def _label_range(first: DateSpan, last: DateSpan) -> str:
    """Two dates, saying once the words they end with: '2–3 Dec 2025', 'Nov – 3 Dec 2025'."""
    a, b = _label_words(first), _label_words(last)
    if a == b:
        return " ".join(a)
    if first.is_moment or last.is_moment:
        return f"{' '.join(a)} – {' '.join(b)}"
    shared = 0
    while shared < min(len(a), len(b)) - 1 and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    dash = "–" if len(a) == len(b) and len(a) - shared == 1 else " – "
    return " ".join(a[:len(a) - shared]) + dash + " ".join(b)
