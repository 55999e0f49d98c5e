"""Dates of every precision, written in EDTF (ISO 8601-2, levels 0 and 1 complete).

A date is a span, never a fake exact day: ``2025-12`` is the whole of
December 2025. The forms read (the grammar of one date, with seasons,
unspecified digits and what is refused, is :mod:`timeline.edtf_grammar`)::

    2025  2025-12  2025-12-02                     year, month, day
    2025-12-02T21:00+03:00  2025-12-02T21:00:30Z   moments (zone optional)
    2025-21  202X  2025-12-XX                      season, unspecified digits
    2025-11/2025-12-03                            interval, ends of any precision
    2025-11~  2025-11?  2025-11%                  approximate, uncertain, both
    ../2025-12-03  2025-12-03/..                  on or before, on or after (open)
    /2025-12-03  2025-12-03/                      start or end unknown

Bounds are naive wall-clock times where the event happened; a moment's
zone is kept in ``tz`` for display and export. When the two ends of an
interval carry different zones, the end is converted to the start's zone,
so the bounds stay in order (``2025-12-02T21:00+03:00/2025-12-02T20:00Z``
is 21:00 to 23:01 at +03:00). An unknown end, like an open one, is no
bound at all: the event may reach any date on that side.

>>> parse_edtf("2025-11/2025-12-03").label()
'Nov – 3 Dec 2025'
>>> parse_edtf("2025-24").label(), parse_edtf("2025-24").iso_end()
('Winter 2025–26', '2026-02-28')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from timeline.edtf_grammar import (
    EXAMPLES,
    PRECISIONS,
    DateError,
    Single,
    after,
    days_in_month,
    edtf_text,
    quoted,
    read_single,
    zone_text,
)

__all__ = ["DateError", "DateSpan", "format_edtf", "parse_edtf", "parse_user_date"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_WORDS = {"year": 1, "month": 2}  # how many of day, month, year a label shows; else 3
_TICK = timedelta(microseconds=1)
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)", re.ASCII)
_SEASON_NAMES = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter", 25: "Spring", 26: "Summer",
                 27: "Autumn", 28: "Winter", 29: "Southern spring", 30: "Southern summer", 31: "Southern autumn",
                 32: "Southern winter", 33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4", 37: "First third",
                 38: "Second third", 39: "Last third", 40: "First half", 41: "Second half"}


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
        return _iso(first) if first.is_moment else _start_of(first).date().isoformat()

    def iso_end(self) -> str | None:
        """The inclusive end: a day (``2025-12-31`` for Dec 2025) or a moment; ``None`` if open."""
        last = self.ends()[1]
        if last is None:
            return None
        return _iso(last) if last.is_moment else (_end_of(last) - _TICK).date().isoformat()

    def label(self, words: bool = False) -> str:
        """A short label: '2 Dec 2025', '2–3 Dec 2025', 'Nov – 3 Dec 2025', 'by 3 Dec 2025', 'c. Nov 2025?'.

        'c. ' marks an approximate date, '?' an uncertain one (EDTF's own sign); with ``words``, for readers
        who do not know EDTF (a chart's notes, a source line), an uncertain date says so: '3 Dec 2025
        (uncertain)'. An unknown end (not an open one) is said: 'from 2 Dec 2025 (end unknown)'.
        """
        first, last = self.ends()
        if first is None and last is not None:
            text = f"by {_label(last)}{' (start unknown)' * self.text.startswith('/')}"
        elif last is None and first is not None:
            text = f"from {_label(first)}{' (end unknown)' * self.text.endswith('/')}"
        elif first is not None and last is not None:
            text = _label_range(first, last)
        else:
            raise ValueError(f"{self.text!r} is open at both ends")
        return f"{'c. ' * self.approximate}{text}{(' (uncertain)' if words else '?') * self.uncertain}"

    def ends(self) -> tuple[DateSpan | None, DateSpan | None]:
        """The two ends as single dates (``self`` twice for a single date); ``None`` for an open or unknown end."""
        if not self.is_interval:
            return self, self
        a, _, b = self.text.partition("/")
        return (None if a in ("..", "") else parse_edtf(a)), (None if b in ("..", "") else parse_edtf(b))


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

    See :func:`timeline.user_dates.read_user_date`.
    """
    from timeline.user_dates import read_user_date

    return read_user_date(text)


@lru_cache(maxsize=1 << 14)
def _parse(text: str) -> DateSpan:
    """:func:`parse_edtf` of stripped text."""
    if day := _day(text):  # fast path for the common case
        return DateSpan(text, day, after(day, "day"), "day")
    if "/" not in text:
        return _span(read_single(text, text))
    a, _, b = text.partition("/")
    if "/" in b:
        raise DateError(f"{quoted(text)} is not an EDTF date (e.g. {EXAMPLES})")
    first = None if a in ("..", "") else _end(a, text)
    last = None if b in ("..", "") else _end(b, text)
    ends = [end for end in (first, last) if end]
    if not ends:
        raise DateError(f"both ends are open or unknown in {quoted(text)} "
                        "(e.g. '../2025-12-03' or '2025-12-03/..')")
    end = last.end if last else None
    if first and last and first.tz and last.tz and end is not None and end != datetime.max:  # in the start's zone
        shift = first.tz.utcoffset(None) - last.tz.utcoffset(None)
        try:
            end = end + shift
        except OverflowError:  # past 9999, or before year 1 (which makes a reversal)
            end = datetime.max if shift > timedelta(0) else datetime.min
    if first and last and end is not None and end <= first.start:
        raise DateError(f"end {b} is before start {a} in {quoted(text)} (e.g. '{b}/{a}')")
    return DateSpan(
        text=f"{first.text if first else a}/{last.text if last else b}",
        start=first.start if first else None,
        end=end,
        precision=max((end.precision for end in ends), key=PRECISIONS.index),
        approximate=any(end.approximate for end in ends),
        uncertain=any(end.uncertain for end in ends),
        tz=ends[0].tz,
    )


def _end(part: str, whole: str) -> Single:
    """One end of the interval ``whole``, read once per text (ends repeat across intervals); a problem quotes ``whole``."""
    try:
        return _single(part)
    except DateError:
        return read_single(part, whole)


@lru_cache(maxsize=1 << 14)
def _single(text: str) -> Single:
    if day := _day(text):  # fast path for the common case
        return Single(text, day, after(day, "day"), "day", False, False, None)
    return read_single(text, text)


def _day(text: str) -> datetime | None:
    """The day ``text`` names when it is one written ``YYYY-MM-DD`` (the most common date), else ``None``."""
    if match := _DAY.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if year and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            return datetime(year, month, day)
    return None


def _span(single: Single) -> DateSpan:
    return DateSpan(single.text, single.start, single.end, single.precision, single.approximate,
                    single.uncertain, single.tz)


def _start_of(single: DateSpan) -> datetime:
    """The start of a single date (an end of :meth:`DateSpan.ends`), which is never open."""
    if single.start is None:
        raise ValueError(f"{single.text!r} has no start")
    return single.start


def _end_of(single: DateSpan) -> datetime:
    """The end of a single date, which is never open."""
    if single.end is None:
        raise ValueError(f"{single.text!r} has no end")
    return single.end


def _iso(moment: DateSpan) -> str:
    """A moment in ISO 8601, with its zone if it has one."""
    return edtf_text(_start_of(moment), moment.precision, moment.tz)


def _label_words(single: DateSpan) -> list[str]:
    """A single date for people, word by word: ['2', 'Dec', '2025', '21:00', 'UTC+03:00']."""
    start = _start_of(single)
    words = [str(start.day), _MONTHS[start.month - 1], f"{start.year:04d}"]
    words = words[-_DATE_WORDS.get(single.precision, 3):]
    if single.is_moment:
        words.append(start.isoformat(timespec=f"{single.precision}s")[11:])
        if single.tz is not None:
            words.append("UTC" + zone_text(single.tz).replace("Z", ""))
    return words


def _label(single: DateSpan) -> str:
    """A single date for people: '2025', 'Dec 2025', '2 Dec 2025', '2 Dec 2025 21:00 UTC+03:00'.

    A season is named ('Spring 2025', 'Winter 2025–26'); unspecified digits give the dates they allow
    ('2020–2029', 'Oct–Dec 2025').
    """
    bare = single.text.rstrip("~?%")
    if "X" in bare or int(bare[5:7] or 0) > 12:
        return _label_irregular(single, bare)
    return " ".join(_label_words(single))


def _label_irregular(single: DateSpan, bare: str) -> str:
    """The label of a season or of a date with unspecified digits."""
    start, end = single.start, single.end
    if start is None or end is None:  # not a single date
        return single.text
    if "X" not in bare:
        code, year = int(bare[5:7]), start.year
        wraps = end.year > year and end != datetime(year + 1, 1, 1)
        return f"{_SEASON_NAMES[code]} {year:04d}{f'–{(year + 1) % 100:02d}' * wraps}"
    if end == after(start, single.precision):  # exactly a month or a year
        return " ".join(_label_words(single))
    last = end - _TICK
    precision = "day" if start.day != 1 or end.day != 1 else "month" if start.month != 1 or end.month != 1 else "year"
    first_day = DateSpan("", start, None, precision)
    last_day = DateSpan("", last.replace(hour=0, minute=0, second=0, microsecond=0), None, precision)
    return _label_range(first_day, last_day)


def _label_range(first: DateSpan, last: DateSpan) -> str:
    """Two dates, saying once the words they end with: '2–3 Dec 2025', 'Nov – 3 Dec 2025'."""
    a, b = _label_words(first), _label_words(last)
    if any("X" in end.text or (end.text[5:7].isdigit() and int(end.text[5:7]) > 12) for end in (first, last)):
        said = _label(first), _label(last)
        return said[0] if said[0] == said[1] else " – ".join(said)
    if a == b:
        return " ".join(a)
    if first.is_moment or last.is_moment:
        return f"{' '.join(a)} – {' '.join(b)}"
    shared = 0
    while shared < min(len(a), len(b)) - 1 and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    dash = "–" if len(a) == len(b) and len(a) - shared == 1 else " – "
    return " ".join(a[:len(a) - shared]) + dash + " ".join(b)
