"""Dates as people type them on a command line: EDTF, or words read by python-dateutil.

>>> read_user_date("2 Dec 2025").text
'2025-12-02'
>>> read_user_date("Monday 2 Dec 2025")
Traceback (most recent call last):
timeline.edtf_grammar.DateError: 2 Dec 2025 is a Tuesday, not a Monday, in 'Monday 2 Dec 2025'; \
correct the day or leave out the weekday
"""
from __future__ import annotations

import re
from datetime import datetime

from timeline.dates import DateSpan, parse_edtf
from timeline.edtf_grammar import PRECISIONS, DateError, edtf_text, quoted

#: The longest date read in words (the longest real ones, 'Wednesday 31 December 2025', are 26).
MAX_LENGTH = 100
_FIELDS = ("year", "month", "day", "hour", "minute", "second")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: A weekday as dateutil reads it (English, full or abbreviated): its number, Monday 0.
_WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b",
                      re.IGNORECASE | re.ASCII)
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                   "sun": 6}
#: Two days of one month and year: '1-2 Dec 2025' or 'Dec 1-2, 2025' (day, day, month; then the year).
_DAY_RANGES = (re.compile(r"\s*(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+([^\W\d]+\.?)\s+(\d{4})\s*"),
               re.compile(r"\s*([^\W\d]+\.?)\s+(\d{1,2})\s*[-–—]\s*(\d{1,2}),?\s+(\d{4})\s*"))
#: Between the two ends of a range: a dash with spaces, an en or em dash, 'to', 'until'.
_RANGE_SEPARATOR = re.compile(r"\s+-\s+|\s*[–—]\s*|\s+(?:to|until|till)\s+", re.IGNORECASE)
#: Text that can only be meant as EDTF: if it is not valid EDTF, say why rather than guess.
_EDTF_LIKE = re.compile(r"(?:Y-?\d|-?[\dX]{4}|\.\.|/)[-\dXT:Z+~?%/.]*", re.ASCII)


def read_user_date(text: str) -> DateSpan:
    """Read a date typed on a command line: EDTF, or words such as '2 Dec 2025' or 'December 2025'.

    The precision is what was written: 'December 2025' is the whole month.
    Dates must be absolute (with a 4-digit year); times must be EDTF. A
    weekday must agree with the date; two dates or days joined by a dash or
    'to' are taken for a range and refused with the interval to write
    instead. Text longer than :data:`MAX_LENGTH` is refused unread. Raise
    :class:`~timeline.edtf_grammar.DateError` with one line quoting (at
    most 60 characters of) ``text``.
    """
    try:
        return parse_edtf(text)
    except DateError:
        if _EDTF_LIKE.fullmatch(text.strip()):
            raise
    if len(text) > MAX_LENGTH:
        raise DateError(f"cannot read the date {quoted(text)}: it is {len(text):,} characters long, and a date "
                        f"is at most {MAX_LENGTH} (e.g. '2 Dec 2025' or '2025-12')")
    if (interval := _as_range(text)) is not None:
        example = interval or "2025-12-01/2025-12-02"
        raise DateError(f"{quoted(text)} looks like a range of dates; give one date here, or write the range as "
                        f"an EDTF interval (e.g. '{example}')")
    read, count = _read_words(text)
    _check_weekday(text, read, count)
    return parse_edtf(edtf_text(read, PRECISIONS[count - 1], None))


def _read_words(text: str) -> tuple[datetime, int]:
    """The date dateutil reads in ``text``, and how many of its leading fields were written."""
    from dateutil import parser

    # Fields not written take the default's; a weekday ("Tuesday") moves the day by under a week.
    try:
        read = parser.parse(text, default=datetime(2001, 1, 1))
        other = parser.parse(text, default=datetime(2002, 2, 15, 1, 1, 1))
        dayfirst = parser.parse(text, default=datetime(2001, 1, 1), dayfirst=True)
    except (ValueError, OverflowError):
        from timeline.edtf_hints import hint

        instead = hint(text) or " (e.g. '2 Dec 2025' or '2025-12')"
        raise DateError(f"cannot read the date {quoted(text)}{instead}") from None
    given = [getattr(read, field) == getattr(other, field) for field in _FIELDS]
    count = given.index(False) if False in given else len(given)  # leading fields written
    if not given[0]:
        raise DateError(f"no year in {quoted(text)} (e.g. '2 Dec 2025')")
    if f"{read.year:04d}" not in text:
        raise DateError(f"write the year with 4 digits in {quoted(text)} (e.g. '2 Dec 2025')")
    if any(given[3:]) or read.tzinfo is not None:
        raise DateError(f"write a time as EDTF, not {quoted(text)} (e.g. '2025-12-02T21:00+03:00')")
    if dayfirst != read:
        raise DateError(f"day and month are ambiguous in {quoted(text)} (e.g. '2 Dec 2025' or '2025-12-02')")
    return read, count


def _check_weekday(text: str, read: datetime, count: int) -> None:
    """Refuse a weekday that contradicts the date (one without a day, as in 'Dec 2025 Tuesday', says little)."""
    match = _WEEKDAY.search(text)
    if match is None or count < 3:
        return
    named = _WEEKDAY_NUMBER[match[1].lower()]
    if read.weekday() != named:
        raise DateError(f"{read.day} {read:%b %Y} is a {_WEEKDAYS[read.weekday()]}, not a {_WEEKDAYS[named]}, "
                        f"in {quoted(text)}; correct the day or leave out the weekday")


def _as_range(text: str) -> str | None:
    """The EDTF interval ``text`` seems to mean if it looks like a range ('' if it cannot be worked out), else ``None``."""
    for pattern, order in zip(_DAY_RANGES, ((1, 2, 3), (2, 3, 1))):
        if match := pattern.fullmatch(text):
            first, last, month = (match[i] for i in order)
            return _interval(f"{first} {month} {match[4]}", f"{last} {month} {match[4]}")
    ends = _RANGE_SEPARATOR.split(text.strip())
    if len(ends) != 2 or not all(ends):
        return None
    interval = _interval(*ends)
    if not interval:  # '1 Dec - 2 Dec 2025': the first end takes the year of the second
        year = re.search(r"\b\d{4}\b", ends[1])
        interval = _interval(f"{ends[0]} {year[0]}", ends[1]) if year else ""
    return interval


def _interval(first: str, last: str) -> str:
    """``first/last`` as EDTF if both read as dates, else ''."""
    try:
        return f"{read_user_date(first).text}/{read_user_date(last).text}"
    except DateError:
        return ""
