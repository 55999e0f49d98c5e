"""iCalendar (RFC 5545): meetings, calls and visits, for a calendar application.

Each meeting, call or visit is a VEVENT:

- a day, month or year, or an interval of them, is an all-day event over
  the whole span (``2025-12`` runs through December);
- a moment is a timed event, in UTC when its zone is known, else in
  floating local time;
- an open-ended date is placed at its known end (``../2025-12-03`` on
  3 December) with its real meaning in the title: "(by 3 Dec 2025)".

Planned, disputed and open-ended meetings are ``TENTATIVE``, cancelled ones
``CANCELLED``. ``DTSTAMP`` is the latest date in the data, so the same data
gives the same bytes. Lines end in CRLF and are folded at 75 octets.

>>> from timeline.export.ical import write_ical
>>> write_ical(record, "meetings.ics")
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone

from timeline.dates import DateSpan
from timeline.export._common import (
    PathOrFile,
    headline,
    web_address,
    write_lines,
)
from timeline.model import MEETING_TYPES, STATUS_INFO, Dataset, Event
from timeline.render.style import EVENT_MARKS

PRODID = "-//timeline//timeline export//EN"
#: RFC 5545 STATUS of each of the model's statuses: held and undisputed CONFIRMED, called off CANCELLED.
STATUS = {name: "CONFIRMED" if info.held and not info.contested else
          "CANCELLED" if not (info.held or info.pending) else "TENTATIVE" for name, info in STATUS_INFO.items()}


def write_ical(dataset: Dataset, path_or_file: PathOrFile, events: Iterable[Event] | None = None) -> None:
    """Write the meetings, calls and visits among ``events`` (default: all) as an iCalendar file."""
    write_lines(map(fold, _lines(dataset, events)), path_or_file, end="\r\n")


def generate_ical(dataset: Dataset, events: Iterable[Event] | None = None) -> str:
    """The iCalendar text of the meetings, calls and visits among ``events``."""
    return "".join(f"{fold(line)}\r\n" for line in _lines(dataset, events))


def _lines(dataset: Dataset, events: Iterable[Event] | None) -> Iterator[str]:
    stamp = _stamp(dataset)
    yield from ("BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN")
    if dataset.title:
        yield f"X-WR-CALNAME:{text(dataset.title)}"
    for event in dataset.events if events is None else events:
        if event.type in MEETING_TYPES:
            yield from _vevent(dataset, event, stamp)
    yield "END:VCALENDAR"


def text(value: str) -> str:
    r"""``value`` as an iCalendar TEXT value: ``\``, ``;``, ``,`` and line breaks escaped.

    >>> text("Moscow; then Kyiv, maybe")
    'Moscow\\; then Kyiv\\, maybe'
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets (CRLF and a space between), never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with a space
    return "\r\n ".join(parts)


def _vevent(dataset: Dataset, event: Event, stamp: str) -> list[str]:
    first, last = event.date.ends()
    open_ended = first is None or last is None
    title = headline(event, dataset)
    if open_ended or event.date.approximate or event.date.uncertain:
        title += f" ({event.date.label()})"
    lines = ["BEGIN:VEVENT", f"UID:{text(event.id)}@timeline", f"DTSTAMP:{stamp}",
             *_when(first or last, last or first, open_ended), f"SUMMARY:{text(title)}"]
    if event.location:
        lines.append(f"LOCATION:{text(event.location)}")
    lines.append(f"DESCRIPTION:{text(_description(dataset, event))}")
    status = "TENTATIVE" if open_ended and event.status == "occurred" else STATUS[event.status]
    lines += [f"STATUS:{status}", f"CATEGORIES:{text(EVENT_MARKS[event.type].label)}"]
    urls = [u for u in (web_address(dataset.sources[s].url) for s in event.sources) if u]
    if urls:
        lines.append(f"URL:{urls[0]}")
    lines.append("END:VEVENT")
    return lines


def _when(first: DateSpan, last: DateSpan, open_ended: bool) -> list[str]:
    """DTSTART and DTEND: all-day dates, or moments (then no DTEND for a single or open-ended moment)."""
    if not first.is_moment:
        return [f"DTSTART;VALUE=DATE:{first.first:%Y%m%d}", f"DTEND;VALUE=DATE:{_day_after(last.last):%Y%m%d}"]
    start = [f"DTSTART:{_moment(first.start, first.tz)}"]
    if open_ended or last is first:
        return start
    end = last.start if last.is_moment else last.end  # a day ends at the midnight after it
    return [*start, f"DTEND:{_moment(end, last.tz if last.is_moment else first.tz)}"]


def _moment(when: datetime, tz: timezone | None) -> str:
    """A DATE-TIME: UTC (``Z``) when the zone is known, else floating local time."""
    if tz is None:
        return f"{when:%Y%m%dT%H%M%S}"
    utc = timezone.utc  # noqa: UP017 (datetime.UTC is new in 3.11; setup.cfg allows 3.10)
    return f"{when.replace(tzinfo=tz).astimezone(utc):%Y%m%dT%H%M%SZ}"


def _day_after(day: date) -> date:
    return day + timedelta(days=1) if day < date.max else day


def _description(dataset: Dataset, event: Event) -> str:
    """Plain text: summary, date, who took part, quotes, sources."""
    names = {role: ", ".join(dataset.actors[a].name for a in getattr(event, role))
             for role in ("participants", "host", "mentioned")}
    lines = [event.summary, "", f"Date: {event.date.label()} ({event.date.text})"]
    lines += [f"{role.capitalize()}: {found}" for role, found in names.items() if found]
    lines += [f"“{q.text}” — {dataset.actors[q.speaker].name if q.speaker in dataset.actors else q.speaker}"
              for q in event.quotes]
    sources = [dataset.sources[s] for s in event.sources]
    lines += [" ".join(filter(None, ("Source:", source.citation(), source.url))) for source in sources]
    if event.notes:
        lines.append(f"Notes: {event.notes}")
    return "\n".join(lines).strip()


def _stamp(dataset: Dataset) -> str:
    """DTSTAMP: the latest day the data names (an event's end or a source's date), as UTC midnight."""
    days = [d for e in dataset.events for d in (e.date.first, e.date.last) if d]
    days += [s.published.last for s in dataset.sources.values() if s.published and s.published.last]
    return f"{max(days, default=date(1970, 1, 1)):%Y%m%d}T000000Z"
