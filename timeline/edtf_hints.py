"""What to write instead of a date that is not EDTF, for the one line that refuses it.

>>> hint("2 Dec 2025")
"; write '2025-12-02'"
>>> hint("2025-W49")
"; an ISO week is not EDTF: write its days, '2025-12-01/2025-12-07'"
>>> hint("nonsense")
''
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date, timedelta

_SPACE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ _](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d\d:?\d\d)?", re.ASCII)
_FRACTION = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d+(Z|[+-]\d\d:\d\d)?", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.ASCII)
_WEEK = re.compile(r"(\d{4})-?W(\d{2})(?:-?(\d))?", re.ASCII)
_ORDINAL = re.compile(r"(\d{4})-?(\d{3})", re.ASCII)
_SEASON = re.compile(r"(spring|summer|autumn|fall|winter)\s+(\d{4})", re.IGNORECASE | re.ASCII)
_SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
#: Set while a date in words is read for a hint: that reader tries EDTF first, whose refusal asks for a hint.
_READING_WORDS: ContextVar[bool] = ContextVar("timeline_reading_words", default=False)


def hint(text: str) -> str:
    """``"; write 'EDTF'"`` (or a word on the form) for ``text`` that is not EDTF, or ``""`` if none is known."""
    text = text.strip()
    for form in (_time_form, _numbers_form, _calendar_form, _words_form):
        if found := form(text):
            return found
    return ""


def _time_form(text: str) -> str:
    if match := _SPACE_TIME.fullmatch(text):
        zone = match[4] or ""
        zone = f"{zone[:3]}:{zone[3:]}" if len(zone) == 5 else zone
        return f"; EDTF puts a T between the day and the time: write '{match[1]}T{match[2]}{zone}'"
    if match := _FRACTION.fullmatch(text):
        return f"; EDTF has no fractions of a second: write '{match[1]}{match[2] or ''}'"
    return ""


def _numbers_form(text: str) -> str:
    if (match := _COMPACT.fullmatch(text)) and 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31:
        return f"; EDTF separates year, month and day with dashes: write '{match[1]}-{match[2]}-{match[3]}'"
    match = _UNPADDED.fullmatch(text)
    if match is None or not 1 <= int(match[2]) <= 12:
        return ""
    padded = f"{match[1]}-{int(match[2]):02d}" + (f"-{int(match[3]):02d}" if match[3] else "")
    return f"; months and days have two digits: write '{padded}'" if padded != text else ""


def _calendar_form(text: str) -> str:
    try:
        if match := _WEEK.fullmatch(text):
            if match[3]:
                day = date.fromisocalendar(int(match[1]), int(match[2]), int(match[3]))
                return f"; an ISO week date is not EDTF: write '{day.isoformat()}'"
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return (f"; an ISO week is not EDTF: write its days, "
                    f"'{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}'")
        if (match := _ORDINAL.fullmatch(text)) and 1 <= int(match[2]) <= 366:
            day = date(int(match[1]), 1, 1) + timedelta(days=int(match[2]) - 1)
            if day.year == int(match[1]):
                return f"; a day of the year is not EDTF: write '{day.isoformat()}'"
    except ValueError:  # week 53 of a year that has 52, year 0
        return ""
    if match := _SEASON.fullmatch(text):
        return f"; EDTF writes a season as a code: '{match[2]}-{_SEASON_CODE[match[1].lower()]}'"
    return ""


def _words_form(text: str) -> str:
    """The EDTF of a date in words ('2 Dec 2025'), as the command line reads it (:mod:`timeline.user_dates`)."""
    from timeline.edtf_grammar import DateError
    from timeline.user_dates import read_user_date

    if _READING_WORDS.get() or not re.search(r"[^\W\d_]", text) or len(text) > 60:
        return ""
    token = _READING_WORDS.set(True)
    try:
        return f"; write '{read_user_date(text).text}'"
    except DateError:
        return ""
    finally:
        _READING_WORDS.reset(token)
