"""Date words that name a span or count from another date: weekday pairs, "this Thursday", "two years earlier".

Helpers of :mod:`timeline.draft.dates` (round 8, drafta8), resolved against the publication date
the same way: past tense looks back from it, future tense ahead; nothing more precise than the text.

==============================  ==============================================  ==========================
written                         past tense                                      future tense
==============================  ==============================================  ==========================
on Monday and Tuesday           the latest such pair on or before publication   the next pair on or after
from Monday to Wednesday        the same, as one span                           the same
this Thursday                   the Thursday of the week of publication (Monday to Sunday); a past one
                                when the clause is past and it is after publication, a coming one when
                                the clause is future and it is before
from 25 to 30 October          the span of those days, in the year of the first day as for "25 October"
(between 11 and 13 October,     (round 9: 11-13 October, October 11-13, from 28 September to 2 October)
October 11-13)
the 24th of this month          that day of this (next, last) month
in October and November         the two months and those between (``2024-10/2024-11``)
the end / beginning of October  late / early October (days 21 to the end, 1-10)
two years earlier / later       the year written last, minus / plus two (``2016``), never a day
three months later              the month written last, plus three (``2025-03``); no month written: no date
the previous / following year   the year written last, minus / plus one
==============================  ==============================================  ==========================
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import MO, relativedelta, weekday

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}
_LATER = ("later", "after", "following")
#: The parts of a month written in words: "the end of October" is late October (round 9).
PARTS = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}


def weekday_pair(first: str, last: str, published: dt.date, future: bool) -> str:
    """The span from weekday ``first`` to weekday ``last`` ("on Monday and Tuesday"), as EDTF ``START/END``.

    >>> weekday_pair("monday", "tuesday", dt.date(2025, 11, 26), False)
    '2025-11-24/2025-11-25'
    >>> weekday_pair("friday", "sunday", dt.date(2025, 11, 26), True)
    '2025-11-28/2025-11-30'
    """
    if future:
        start = published + relativedelta(weekday=weekday(WEEKDAYS.index(first))(+1))
        end = start + relativedelta(weekday=weekday(WEEKDAYS.index(last))(+1))
    else:
        end = published + relativedelta(weekday=weekday(WEEKDAYS.index(last))(-1))
        start = end + relativedelta(weekday=weekday(WEEKDAYS.index(first))(-1))
    return f"{start.isoformat()}/{end.isoformat()}"


def this_weekday(name: str, published: dt.date, future: bool) -> dt.date:
    """The weekday ``name`` of the week of ``published`` ("This Thursday could mark ..."), turned by tense.

    >>> this_weekday("thursday", dt.date(2025, 5, 13), True)
    datetime.date(2025, 5, 15)
    >>> this_weekday("monday", dt.date(2025, 5, 14), False)
    datetime.date(2025, 5, 12)
    """
    day = published + relativedelta(weekday=MO(-1)) + dt.timedelta(days=WEEKDAYS.index(name))
    if future and day < published:
        return day + dt.timedelta(days=7)
    if not future and day > published:
        return day - dt.timedelta(days=7)
    return day


def shift_years(match: re.Match[str], anchor: str | None) -> str | None:
    """The year or month ``match`` ("two years earlier", "the following year") counts from ``anchor`` (EDTF).

    The result has the unit's precision (a year, a month), never a day; None without an anchor, or for months
    counted from a year.
    """
    found = re.match(r"(?:\.\./)?(\d{4})(?:-(\d\d))?", anchor or "")
    if found is None:
        return None
    groups = {key: value.lower() for key, value in match.groupdict().items() if value}
    count = COUNTS.get(groups.get("n", "one")) or int(groups["n"])
    way = groups.get("way") or groups["which"]
    sign = 1 if way in _LATER else -1
    unit = groups.get("unit") or groups["unit2"]
    if unit == "year":
        return f"{int(found[1]) + sign * count:04d}"
    if found[2] is None:
        return None
    month = dt.date(int(found[1]), int(found[2]), 1) + relativedelta(months=sign * count)
    return f"{month.year:04d}-{month.month:02d}"


def day_range(first: dt.date | None, day: str, month: int | None = None) -> str | None:
    """The span from ``first`` (its year resolved as for a single day) to day ``day`` of ``month`` (default: the
    same month; a month before the first's is in the next year), as EDTF ``START/END``; None if no such day.

    >>> day_range(dt.date(2025, 10, 25), "30")
    '2025-10-25/2025-10-30'
    >>> day_range(dt.date(2024, 12, 28), "2", 1)
    '2024-12-28/2025-01-02'
    """
    if first is None:
        return None
    month = month or first.month
    try:
        last = dt.date(first.year + (month < first.month), month, int(day))
    except ValueError:  # 31 September
        return None
    return f"{first.isoformat()}/{last.isoformat()}" if last > first else None


def day_of_month(day: int, which: str, published: dt.date) -> str | None:
    """Day ``day`` of this, next or last month ("the 24th of this month"); None if the month has no such day.

    >>> day_of_month(24, "this", dt.date(2020, 10, 19)), day_of_month(3, "next", dt.date(2024, 12, 20))
    ('2020-10-24', '2025-01-03')
    """
    month = published.replace(day=1) + relativedelta(months={"next": 1, "last": -1}.get(which, 0))
    try:
        return month.replace(day=day).isoformat()
    except ValueError:
        return None


def month_pair(year: int, first: int, last: int) -> str:
    """The months ``first`` of ``year`` to ``last`` ("in October and November"; a smaller ``last`` is next year's).

    >>> month_pair(2024, 10, 11), month_pair(2024, 12, 2)
    ('2024-10/2024-11', '2024-12/2025-02')
    """
    return f"{year:04d}-{first:02d}/{year + (last < first):04d}-{last:02d}"


def ago(count: str, unit: str, published: dt.date, ahead: bool = False) -> str:
    """``count`` ``unit``s before ``published`` (after it if ``ahead``: "in two weeks"): "3 days ago" is that day;
    weeks (a fortnight is two), months and years are approximate, at their own precision.

    >>> ago("3", "day", dt.date(2024, 11, 29)), ago("a", "fortnight", dt.date(2024, 11, 29))
    ('2024-11-26', '2024-11-15~')
    >>> ago("two", "week", dt.date(2022, 1, 27), ahead=True)
    '2022-02-10~'
    """
    number = int(count) if count.isdigit() else COUNTS[count]
    number, unit = (number * 2, "week") if unit == "fortnight" else (number, unit)
    then = published + relativedelta(**{f"{unit}s": number if ahead else -number})
    return _AGO_FORMS[unit].format(then)


#: The EDTF form of a date so long ago, by unit.
_AGO_FORMS = {"day": "{:%Y-%m-%d}", "week": "{:%Y-%m-%d}~", "month": "{:%Y-%m}~", "year": "{:%Y}~"}
