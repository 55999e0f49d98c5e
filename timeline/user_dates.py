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

_FIELDS = ("year", "month", "day", "hour", "minute", "second")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: A weekday as dateutil reads it (English, full or abbreviated): its number, Monday 0.
_WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b",
                      re.IGNORECASE | re.ASCII)
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                   "sun": 6}
#: Two days and one month and year: '1-2 Dec 2025', '1–2 December 2025'.
_DAY_RANGE = re.compile(r"\s*(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+(\D.*)")
#: Text that can only be meant as EDTF: if it is not valid EDTF, say why rather than guess.
_EDTF_LIKE = re.compile(r"(?:Y-?\d|-?[\dX]{4}|\.\.|/)[-\dXT:Z+~?%/.]*", re.ASCII)


def read_user_date(text: str) -> DateSpan:
    """Read a date typed on a command line: EDTF, or words such as '2 Dec 2025' or 'December 2025'.

    The precision is what was written: 'December 2025' is the whole month.
    Dates must be absolute (with a 4-digit year); times must be EDTF. A
    weekday must agree with the date; two days joined by a dash are taken
    for a range and refused with the interval to write instead. Raise
    :class:`~timeline.edtf_grammar.DateError` with one line quoting (at
    most 60 characters of) ``text``.
    """
    try:
        return parse_edtf(text)
    except DateError:
        if _EDTF_LIKE.fullmatch(text.strip()):
            raise
    if match := _DAY_RANGE.fullmatch(text):
        raise DateError(_range_message(text, match))
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
        raise DateError(f"cannot read the date {quoted(text)} (e.g. '2 Dec 2025' or '2025-12')") from None
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


def _range_message(text: str, match: re.Match[str]) -> str:
    """What to say of '1-2 Dec 2025': it looks like a range, and the EDTF interval it would be."""
    try:
        first = read_user_date(f"{match[1]} {match[3]}")
        last = read_user_date(f"{match[2]} {match[3]}")
        example = f"{first.text}/{last.text}"
    except DateError:
        example = "2025-12-01/2025-12-02"
    return (f"{quoted(text)} looks like a range of days; give one date here, or write the range as an EDTF "
            f"interval (e.g. '{example}')")
