"""Dates in an article's words, resolved against its publication date into EDTF, never more precise than the text.

The rules (``published`` is the day the article came out; past or future is
the tense of the clause, see :mod:`timeline.draft.modality`):

==============================  ======================================  ==========================
written                         past tense                              future tense
==============================  ======================================  ==========================
on Tuesday, Tuesday night       the latest Tuesday on or before it       the next on or after it
last Tuesday / next Tuesday     the latest before it                     the first after it
as early as Wednesday           --                                       that Wednesday, open end
from Wednesday                  (the edge of a period: no date)          that Wednesday, open end
today, this morning             the day itself
yesterday / tomorrow            the day before / after
last week, next week            Monday to Sunday of that week (a span)
this week, earlier this week    its Monday to the day                    the day to its Sunday
last weekend, at the weekend    the Saturday and Sunday before           the next Saturday and Sunday
last month / next month         the month (``2025-11``)
this month, earlier this month  its first day to the day                 the day to its last day
last year / next year           the year (``2024``)
this year, earlier this year    1 January to the day                     the day to 31 December
previously, recently, earlier   on or before the day (``../2025-12-03``)
in recent days, coming days     on or before the day                    from the day on (``2025-12-03/..``)
over the past week / month      seven days (a month) up to the day
the same day, that day          the day the article named last (its *anchor*), else no date
the day before / the next day   the day before / after the anchor
two days later / earlier        that many days after / before the anchor
later / earlier that week       the anchor to its Sunday / its Monday to the anchor
3 days ago, in 3 days            that day
2 weeks ago, a month ago        that day or month, approximate (``~``)
2 December, Dec. 2, 2025        that day (without a year: the latest one on or before, or the next one)
early/mid/late December         days 1-10, 11-20, 21 to the end
in December, December 2025      the month
last / next February            the latest February before the month / the first after it
in 2024, in late 2014           the year (no part of a year is more precise than the text)
==============================  ======================================  ==========================

Weekday pairs ("on Monday and Tuesday"), "this Thursday" and years or months counted from
the date written last ("two years earlier"): :mod:`timeline.draft.date_spans`.
Dates are computed with :mod:`dateutil.relativedelta`; weekdays and months
are read in English. The anchor of the words that point back ("the same day")
is the last day written earlier in the same text, else the day the article
named last before it (``anchor``, kept by the caller): without either, such
words give no date. An event whose clause holds no date is bounded by the
publication date: ``../PUBLISHED`` when it took place, ``PUBLISHED/..`` when
it is still to come.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from dateutil.relativedelta import MO, SU, relativedelta, weekday

from timeline.draft import date_spans as spans
from timeline.draft.date_spans import COUNTS, WEEKDAYS, shift_years, this_weekday, weekday_pair

_WEEKDAYS = WEEKDAYS
_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_MONTHS = {name.lower(): number for name, number in _MONTHS.items()}
_NUMBERS = {**COUNTS, "several": 0, "a few": 0}

_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december" \
       r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_WD2 = _WD.replace("?P<wd>", "?P<wd2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MON2, _DAY2 = _MON.replace("?P<mon>", "?P<mon2>"), _DAY.replace("?P<day>", "?P<day2>")
_TO = r"\s*(?:-|–|to|and|until|through)\s*"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

#: (kind, pattern), tried in this order; the longest match at a place wins.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b{text}\b", re.IGNORECASE)) for kind, text in (
    ("from_weekday", rf"as (?:early|soon) as (?:next )?{_WD}"),
    ("from_day", rf"as (?:early|soon) as {_DAY} {_MON}"),
    ("from_day", rf"as (?:early|soon) as {_MON} {_DAY}"),
    ("weekday_pair", rf"(?:from )?{_WD}(?: and | to | through |-|–){_WD2}"),
    ("day_range", rf"(?:from |between )?{_DAY}(?: {_MON})?{_TO}{_DAY2} {_MON2}(?:,? {_YEAR})?"),
    ("day_range", rf"(?:from |between )?{_MON} {_DAY}{_TO}(?:{_MON2} )?{_DAY2}(?!\d)(?:,? {_YEAR})?"),
    ("this_weekday", rf"this {_WD}{_PART}"),
    ("last_weekday", rf"last {_WD}{_PART}"),
    ("next_weekday", rf"(?:next|this coming) {_WD}{_PART}"),
    ("day_month", rf"(?:{_WD},? )?{_DAY} {_MON}(?:,? {_YEAR})?"),
    ("day_month", rf"(?:{_WD},? )?the {_DAY} of {_MON}(?:,? {_YEAR})?"),
    ("day_of_month", rf"the {_DAY} of (?P<which>this|next|last) month"),
    ("month_pair", rf"(?:in |between |from )?{_MON}(?: and | to | through |-|–){_MON2}(?:,? {_YEAR})?(?!\s*\d)"),
    ("month_day", rf"(?:{_WD},? )?{_MON} {_DAY}(?!\d)(?:,? {_YEAR})?"),
    ("weekday", rf"{_WD}{_PART}"),
    ("relative_day", r"(?P<word>yesterday|today|tomorrow|tonight|this morning|this afternoon|this evening"
                     r"|earlier today|later today|overnight)"),
    ("weekend", r"(?P<which>last|this|next|over the|at the)(?: \w+)? weekend"),
    ("period", r"(?P<which>last|next|this|earlier this|later this|past) (?P<unit>week|month|year)"),
    ("ago", r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>day|week|fortnight|month|year)s?"
            r" ago"),
    # drafta15: a time still to come counted from publication ("would be held in two weeks in Berlin")
    ("ahead", r"in (?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>day|week|fortnight|month)s?"
              r"(?! ago| of| after| before| later| earlier)(?!['’])"),
    ("part_month", rf"(?P<part>early|mid|late|the (?:end|beginning|start|middle) of)[- ]{_MON}(?:,? {_YEAR})?"),
    ("part_year", rf"(?:in |by )?(?:the )?(?:early|mid|late|end of|start of|beginning of|(?:spring|summer|autumn|fall"
                  rf"|winter) of)[- ]{_YEAR}"),
    ("named_month", rf"(?P<which>last|next|this coming|this past) {_MON}(?!\s*\d)"),
    ("month_year", rf"(?:in )?{_MON},? {_YEAR}"),
    ("month", rf"in {_MON}"),
    ("year", rf"(?:in|during) {_YEAR}"),
    # drafta12: a year before a war or an attack it dates ("a 1974 Turkish army invasion", "Russia's 2022 invasion")
    ("year_noun", rf"(?:(?<=\ba )|(?<=\bthe )|(?<='s )|(?<=’s )|(?<=s' )){_YEAR}(?=(?: [\w-]+){{0,2}} "
                  r"(?:war|invasion|attack|offensive)\b)"),
    ("anchor_week", r"(?P<which>later|earlier) that week|that (?:same )?week"),
    ("anchor_day", r"(?:on )?(?:the|that) same day|(?:earlier|later) (?:that|in the) day|(?:on )?that day"
                   r"|that (?:morning|afternoon|evening|night)"),
    ("anchor_shift", r"(?P<word>the day before(?!\s+(?:the|a|an|his|her|its|their|[A-Z0-9]))|the previous day"
                     r"|the (?:next|following) day|a day (?:later|earlier)"
                     r"|(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten) days (?P<way>later|earlier)"
                     r"|a week (?P<week>later|earlier))"),
    ("anchor_years", r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?P<unit>year|month)s? "
                     r"(?P<way>later|earlier|before|after)(?!\s+(?:the|a|an|his|her|its|their|[A-Z0-9])\b)"
                     r"|the (?P<which>previous|following) (?P<unit2>year|month)"),
    ("before", r"in (?:the )?(?:recent|coming|next few|past few|last few) (?:days|weeks)"
               r"|previously|recently|earlier|already|so far|to date"),
    ))
#: Kinds that name one day: "from" before them in a clause still to come opens a span from that day.
_ONE_DAY = frozenset(("weekday", "this_weekday", "next_weekday", "day_month", "month_day", "relative_day"))
#: Kinds whose day is counted from the anchor, not from publication.
ANCHORED = frozenset(("anchor_week", "anchor_day", "anchor_shift", "anchor_years"))


class DatePhrase(NamedTuple):
    """A date found in a text: where (character offsets), the words, and the EDTF date they give."""

    start: int
    end: int
    text: str
    edtf: str
    explicit: bool  # False for words that only bound the date by the publication ("previously")


def find_dates(text: str, published: dt.date, future: bool = False, offset: int = 0,
               anchor: dt.date | None = None) -> list[DatePhrase]:
    """Every date phrase in ``text``, resolved against ``published``; offsets shifted by ``offset``.

    ``anchor`` is the day the article named last before ``text`` ("On Monday ... The same day"):
    words that point back count from the last day written before them in ``text``, else from it.
    ``since 2022`` and ``until March`` name the edge of a period, not an event's date: they are skipped.
    """
    found: list[DatePhrase] = []
    taken: list[range] = []
    pointing: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            edge = re.search(r"\b(since|until|till|from)\s*$", text[:match.start()], re.IGNORECASE)
            if edge and not (future and edge.group(1).lower() == "from" and kind in _ONE_DAY):
                continue
            if kind in ANCHORED:
                pointing.append((kind, match))
                continue
            edtf = _resolve(kind, match, published, future)
            if edge and edtf:  # "will gather from Friday": from that day on, as "as early as"
                edtf = f"{edtf}/.."
            if edtf:
                found.append(DatePhrase(offset + match.start(), offset + match.end(), match.group(0), edtf,
                                        kind != "before"))
    for kind, match in pointing:
        last = max((d for d in found if d.end <= offset + match.start()), default=None, key=lambda d: d.end)
        if kind == "anchor_years":  # "two years earlier" counts from the year (or month) written last
            edtf = shift_years(match, last.edtf if last else anchor.isoformat() if anchor else None)
        else:
            edtf = _from_anchor(kind, match, day_of(last) or anchor)
        if edtf:
            found.append(DatePhrase(offset + match.start(), offset + match.end(), match.group(0), edtf, True))
    return sorted(found)


def anchor_after(dates: list[str], anchor: dt.date | None) -> dt.date | None:
    """The anchor once events dated ``dates`` (EDTF, in the order told) are told: the last whole day among them.

    >>> anchor_after(["2025-12-01", "../2025-12-03"], None)
    datetime.date(2025, 12, 1)
    """
    days = [dt.date.fromisoformat(d) for d in dates if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
    return days[-1] if days else anchor


def opens_sentence(line: str, start: int, phrase: DatePhrase) -> bool:
    """Whether ``phrase`` opens the sentence that starts at ``start`` of ``line``, set off by a comma.

    "On Wednesday, June 26, the EU will host a meeting": such a date frames the whole sentence.
    """
    lead = line[start:phrase.start].strip().lower()
    return lead in ("", "on", "in", "by", "late on", "early on", "later on") and line[phrase.end:phrase.end + 1] == ","


def quoted(line: str, start: int, at: int) -> bool:
    """Whether offset ``at`` of ``line`` lies inside a quotation opened after ``start`` (the sentence's start).

    A date inside the words quoted dates what was said, not the saying: 'he said, "Late Monday ..."'.
    """
    before = line[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def day_of(phrase: DatePhrase | None) -> dt.date | None:
    """The day a date phrase names, if it names one whole day ("on Monday"), else None ("last week")."""
    if phrase is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", phrase.edtf):
        return None
    return dt.date.fromisoformat(phrase.edtf)


def _from_anchor(kind: str, match: re.Match[str], anchor: dt.date | None) -> str | None:
    """The EDTF date of words that point back to ``anchor`` ("the same day", "two days later"); None without one."""
    if anchor is None:
        return None
    groups = {key: value.lower() for key, value in match.groupdict().items() if value}
    if kind == "anchor_day":
        return anchor.isoformat()
    if kind == "anchor_week":
        monday, sunday = anchor + relativedelta(weekday=MO(-1)), anchor + relativedelta(weekday=SU(+1))
        first, last = {"later": (anchor, sunday), "earlier": (monday, anchor)}.get(groups.get("which", ""),
                                                                                   (monday, sunday))
        return f"{first.isoformat()}/{last.isoformat()}"
    word = groups["word"]
    if "week" in groups:
        days = 7
    elif "n" in groups:
        days = int(groups["n"]) if groups["n"].isdigit() else _NUMBERS[groups["n"]]
    else:
        days = 1
    back = any(w in word for w in ("before", "previous", "earlier"))
    return (anchor + dt.timedelta(days=-days if back else days)).isoformat()


def resolve(phrase: str, published: dt.date, future: bool = False) -> str | None:
    """The EDTF date of the whole ``phrase`` written in an article of ``published``; None if it is no date.

    >>> resolve("on Tuesday", dt.date(2025, 12, 3))
    '2025-12-02'
    >>> resolve("as early as Wednesday", dt.date(2025, 12, 3), future=True)
    '2025-12-03/..'
    >>> resolve("last week", dt.date(2025, 12, 3))
    '2025-11-24/2025-11-30'
    """
    dates = find_dates(phrase, published, future)
    return dates[0].edtf if dates else None


def bound(published: dt.date, future: bool = False) -> str:
    """The date of an event the text does not date: on or before publication, or from it on if still to come."""
    return f"{published.isoformat()}/.." if future else f"../{published.isoformat()}"


def _resolve(kind: str, match: re.Match[str], published: dt.date, future: bool) -> str | None:
    groups = {key: value.lower() for key, value in match.groupdict().items() if value}
    if kind in ("from_weekday", "from_day"):
        day = _weekday(groups["wd"], published, True, False) if kind == "from_weekday" \
            else _day(groups, published, True)
        return f"{day.isoformat()}/.." if day else None
    if kind == "weekday_pair":
        return weekday_pair(groups["wd"], groups["wd2"], published, future)
    if kind == "this_weekday":
        return this_weekday(groups["wd"], published, future).isoformat()
    if kind in ("weekday", "last_weekday", "next_weekday"):
        ahead = kind == "next_weekday" or (kind == "weekday" and future)
        day = _weekday(groups["wd"], published, ahead, strict=kind != "weekday")
        return day.isoformat()
    if kind in ("day_month", "month_day"):
        day = _day(groups, published, future)
        return day.isoformat() if day else None
    if kind == "day_range":  # "from 25 to 30 October", "October 11-13": (day, mon) the first day, (day2, mon2) the last
        first = {**groups, "mon": groups.get("mon") or groups["mon2"]}
        return spans.day_range(_day(first, published, future), groups["day2"], _MONTHS[groups.get("mon2") or groups["mon"]])
    if kind == "relative_day":
        return _relative_day(groups["word"], published)
    if kind == "weekend":
        return _weekend(groups["which"], published, future)
    if kind == "period":
        return _period(groups["which"], groups["unit"], published, future)
    if kind in ("ago", "ahead"):
        return spans.ago(groups["n"], groups["unit"], published, ahead=kind == "ahead")
    if kind == "day_of_month":
        return spans.day_of_month(int(groups["day"]), groups["which"], published)
    if kind == "month_pair":
        year, month = _month({**groups, "mon": groups["mon"]}, published, future)
        return spans.month_pair(year, month, _MONTHS[groups["mon2"]])
    if kind == "part_month":
        year, month = _month(groups, published, future)
        part = spans.PARTS.get(groups["part"].split()[-2] if " " in groups["part"] else groups["part"], groups["part"])
        first, last = {"early": (1, 10), "mid": (11, 20)}.get(part, (21, calendar.monthrange(year, month)[1]))
        return f"{dt.date(year, month, first).isoformat()}/{dt.date(year, month, last).isoformat()}"
    if kind == "named_month":
        return _named_month(groups["which"], _MONTHS[groups["mon"]], published)
    if kind == "part_year":
        return groups["year"]
    if kind in ("month_year", "month"):
        year, month = _month(groups, published, future)
        return f"{year:04d}-{month:02d}"
    if kind in ("year", "year_noun"):
        return groups["year"]
    return bound(published, future)


def _weekday(name: str, published: dt.date, ahead: bool, strict: bool) -> dt.date:
    """The weekday ``name`` nearest ``published``: on or before it (or after, ``ahead``); ``strict`` excludes it."""
    day = weekday(_WEEKDAYS.index(name))
    if ahead:
        return published + relativedelta(days=1 if strict else 0, weekday=day(+1))
    return published + relativedelta(days=-1 if strict else 0, weekday=day(-1))


def _day(groups: dict[str, str], published: dt.date, future: bool) -> dt.date | None:
    month = _MONTHS[groups["mon"]]
    try:
        if "year" in groups:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        day = dt.date(published.year, month, int(groups["day"]))
    except ValueError:  # 31 February: no date
        return None
    if future and day < published:
        return day + relativedelta(years=1)
    if not future and day > published:
        return day - relativedelta(years=1)
    return day


def _month(groups: dict[str, str], published: dt.date, future: bool) -> tuple[int, int]:
    month = _MONTHS[groups["mon"]]
    if "year" in groups:
        return int(groups["year"]), month
    if future and month < published.month:
        return published.year + 1, month
    if not future and month > published.month:
        return published.year - 1, month
    return published.year, month


def _named_month(which: str, month: int, published: dt.date) -> str:
    """"last February" is the latest February before the month of publication; "next February" the first after."""
    if which in ("next", "this coming"):
        year = published.year + (month <= published.month)
    else:
        year = published.year - (month >= published.month)
    return f"{year:04d}-{month:02d}"


def _relative_day(word: str, published: dt.date) -> str:
    if word == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if word == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if word == "overnight":
        return f"{(published - dt.timedelta(days=1)).isoformat()}/{published.isoformat()}"
    return published.isoformat()


def _weekend(which: str, published: dt.date, future: bool) -> str:
    ahead = which == "next" or (which != "last" and future)
    if ahead:
        saturday = published + relativedelta(days=1, weekday=weekday(5)(+1))
    else:
        saturday = published + relativedelta(days=-1, weekday=weekday(5)(-1))
        if saturday + dt.timedelta(days=1) >= published:  # published on the weekend: the one before
            saturday -= dt.timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


def _period(which: str, unit: str, published: dt.date, future: bool) -> str:
    today = published.isoformat()
    if which == "past":  # "over the past week": the seven days up to publication, not last calendar week
        return f"{(published - relativedelta(**{f'{unit}s': 1})).isoformat()}/{today}"
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "week":
        monday = published + relativedelta(weekday=MO(-1), weeks=step)
        sunday = monday + relativedelta(weekday=SU(+1))
        if step:
            return f"{monday.isoformat()}/{sunday.isoformat()}"
        return f"{today}/{sunday.isoformat()}" if _ahead(which, future) else f"{monday.isoformat()}/{today}"
    if unit == "month":
        first = published.replace(day=1) + relativedelta(months=step)
        if step:
            return f"{first.year:04d}-{first.month:02d}"
        last = first + relativedelta(day=31)
        return f"{today}/{last.isoformat()}" if _ahead(which, future) else f"{first.isoformat()}/{today}"
    if step:
        return f"{published.year + step:04d}"
    year = published.year
    return f"{today}/{year:04d}-12-31" if _ahead(which, future) else f"{year:04d}-01-01/{today}"


def _ahead(which: str, future: bool) -> bool:
    return which == "later this" or (which == "this" and future)
