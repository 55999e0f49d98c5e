"""iCalendar (RFC 5545): meetings, calls and visits, for a calendar application.

Each meeting, call or visit is a VEVENT:

- a day, or an interval of days, is an all-day event over the span;
- a moment is a timed event, in UTC when its zone is known, else in
  floating local time. DTSTART and DTEND are always of one kind (RFC 5545
  3.8.2.2): in an interval whose ends mix a zone and none, the end
  without a zone is taken in the other end's zone, and both are in UTC;
- a date known only to the month or year (``2025-12``, ``2025``) is not a
  month-long meeting: such meetings are left out unless ``coarse``, and
  then are all-day entries over the whole span, free (``TRANSP:TRANSPARENT``)
  and titled with their real date, "(some time in Dec 2025)";
- an open-ended date is placed at its known end (``../2025-12-03`` on
  3 December) with its real meaning in the title: "(by 3 Dec 2025)";
  approximate and uncertain dates say so in the title too.

The title (SUMMARY) is the event's title, or its type and actors; any
status but ``occurred`` comes first ("Planned: ..."). ``STATUS`` is
``CONFIRMED`` for an event that took place, uncontested, on a date known
to the day, ``CANCELLED`` for one that will not take place (the model's
:data:`~timeline.model.STATUS_INFO` says which), else ``TENTATIVE``. ``DTSTAMP`` is the
latest date in the data, so the same data gives the same bytes. Text is
escaped as RFC 5545 TEXT, control characters replaced; a source address
is written only if it is http(s), percent-encoded so that it cannot end
the line. Lines end in CRLF and are folded at 75 octets.

>>> from timeline.export.ical import write_ical
>>> write_ical(record, "meetings.ics")
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from timeline.dates import DateSpan
from timeline.errors import NothingToShow
from timeline.export._common import (
    CONTROL,
    DEFAULT_STATUS,
    PathOrFile,
    headline,
    latest_day,
    outcome_and_quantities,
    roles,
    type_label,
    web_address,
    write_lines,
)
from timeline.model import MEETING_TYPES, STATUS_INFO, Dataset, Event, Source

PRODID = "-//timeline//timeline export//EN"
#: Precisions of a date known to the day or finer: a calendar can hold such a meeting as it was.
_TO_THE_DAY = ("day", "minute", "second")


def write(dataset: Dataset, events: Sequence[Event], path_or_file: PathOrFile, coarse: bool = False) -> None:
    """Write the meetings, calls and visits among ``events`` as iCalendar: the export writer.

    Raises :class:`~timeline.errors.NothingToShow` if there is none to write.
    """
    chosen = calendar_events(events, coarse)
    if not chosen:
        left_out = " known to the day (pass coarse to add those known to the month or year)" if not coarse else ""
        raise NothingToShow(f"no meetings, calls or visits{left_out} to put in a calendar among the events chosen")
    write_ical(dataset, path_or_file, chosen, coarse=True)


def calendar_events(events: Iterable[Event], coarse: bool = False) -> list[Event]:
    """The meetings, calls and visits among ``events``; with ``coarse``, also those known only to the month or year."""
    return [e for e in events if e.type in MEETING_TYPES and (coarse or not is_coarse(e.date))]


def is_coarse(span: DateSpan) -> bool:
    """Is either known end of ``span`` a whole month or year, not a day?"""
    return any(end is not None and end.precision not in _TO_THE_DAY for end in span.ends())


def write_ical(dataset: Dataset, path_or_file: PathOrFile, events: Iterable[Event] | None = None,
               coarse: bool = False) -> None:
    """Write the meetings, calls and visits among ``events`` (default: all) as an iCalendar file."""
    write_lines(map(fold, _lines(dataset, events, coarse)), path_or_file, end="\r\n")


def generate_ical(dataset: Dataset, events: Iterable[Event] | None = None, coarse: bool = False) -> str:
    """The iCalendar text of the meetings, calls and visits among ``events``."""
    return "".join(f"{fold(line)}\r\n" for line in _lines(dataset, events, coarse))


def _lines(dataset: Dataset, events: Iterable[Event] | None, coarse: bool) -> Iterator[str]:
    stamp = _stamp(dataset)
    yield from ("BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN")
    if dataset.title:
        yield f"X-WR-CALNAME:{text(dataset.title)}"
    cited: dict[str, str] = {}  # each source's line, by id, made once
    for event in calendar_events(dataset.events if events is None else events, coarse):
        yield from _vevent(dataset, event, stamp, cited)
    yield "END:VCALENDAR"


def text(value: str) -> str:
    r"""``value`` as an iCalendar TEXT value: ``\``, ``;``, ``,`` and line breaks escaped, control characters replaced.

    >>> text("Moscow; then Kyiv, maybe")
    'Moscow\\; then Kyiv\\, maybe'
    """
    value = CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets (CRLF and a space between), never inside a character."""
    if line.isascii():  # a character a byte: cut by slicing (issue 18: most lines of a description are long)
        return line if len(line) <= 75 else "\r\n ".join([line[:75], *(line[at:at + 74]
                                                                      for at in range(75, len(line), 74))])
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    return b"\r\n ".join(_OCTETS.findall(data)).decode("utf-8")


#: The longest run of at most 75 octets at the start, 74 after (a continuation line starts with a space), not
#: followed by a UTF-8 continuation byte: lines cut between characters.
_OCTETS = re.compile(rb"(?s)\A.{1,75}(?![\x80-\xbf])|.{1,74}(?![\x80-\xbf])")


def _vevent(dataset: Dataset, event: Event, stamp: str, cited: dict[str, str]) -> list[str]:
    first, last = event.date.ends()
    open_ended = first is None or last is None
    coarse = is_coarse(event.date)
    title = headline(event, dataset, status=True)
    if coarse and not open_ended:
        title += f" (some time in {_label(event.date)})"
    elif open_ended or event.date.approximate or event.date.uncertain:
        title += f" ({_label(event.date)})"
    lines = ["BEGIN:VEVENT", f"UID:{text(event.id)}@timeline", f"DTSTAMP:{stamp}",
             *_when(first or last, last or first, open_ended), f"SUMMARY:{text(title)}"]
    if event.location:
        lines.append(f"LOCATION:{text(event.location)}")
    lines.append(f"DESCRIPTION:{text(_description(dataset, event, cited))}")
    lines += [f"STATUS:{_status(event, open_ended or coarse)}", f"CATEGORIES:{text(type_label(event.type))}"]
    if open_ended or coarse:
        lines.append("TRANSP:TRANSPARENT")
    if url := next(filter(None, (_address(dataset.sources[s].url) for s in event.sources)), None):
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def _status(event: Event, vague: bool) -> str:
    """The RFC 5545 STATUS, from the model's account of the status.

    CANCELLED: will not take place (neither held nor pending); CONFIRMED:
    took place, uncontested, on a date known to the day; else TENTATIVE
    (planned, proposed, postponed, disputed, claimed; open or coarse dates).
    """
    info = STATUS_INFO[event.status]
    if not (info.held or info.pending):
        return "CANCELLED"
    return "CONFIRMED" if info.held and not info.contested and not vague else "TENTATIVE"


def _when(first: DateSpan, last: DateSpan, open_ended: bool) -> list[str]:
    """DTSTART and DTEND of one kind: all-day dates, or moments (no DTEND for a single or open-ended moment)."""
    if not first.is_moment:
        return [f"DTSTART;VALUE=DATE:{_ymd(first.first)}", f"DTEND;VALUE=DATE:{_ymd(_day_after(last.last))}"]
    tz = first.tz or (last.tz if last.is_moment else None)
    start = [f"DTSTART:{_moment(first.start, tz)}"]
    if open_ended or last is first:
        return start
    end = last.start if last.is_moment else last.end  # a day ends at the midnight after it
    return [*start, f"DTEND:{_moment(end, last.tz if last.is_moment and last.tz else tz)}"]


def _moment(when: datetime, tz: timezone | None) -> str:
    """A DATE-TIME: UTC (``Z``) when the zone is known, else floating local time."""
    if tz is None:
        return f"{when:%Y%m%dT%H%M%S}"
    utc = timezone.utc  # noqa: UP017 (datetime.UTC is new in 3.11; setup.cfg allows 3.10)
    return f"{when.replace(tzinfo=tz).astimezone(utc):%Y%m%dT%H%M%SZ}"


def _source_line(source: Source) -> str:
    return " ".join(filter(None, ("Source:", source.citation(), web_address(source.url))))


#: A source's web address, once per distinct address (issue 18).
_address = lru_cache(maxsize=1 << 16)(web_address)


@lru_cache(maxsize=1 << 16)
def _ymd(day: date) -> str:
    """A DATE value, once per distinct day (``strftime`` is slow)."""
    return f"{day:%Y%m%d}"


def _day_after(day: date) -> date:
    return day + timedelta(days=1) if day < date.max else day


def _description(dataset: Dataset, event: Event, cited: dict[str, str]) -> str:
    """Plain text: summary, date, who took part, quotes, sources (each source's line kept in ``cited``)."""
    lines = [event.summary, "", f"Date: {_label(event.date)} ({event.date.text})"]
    if event.status != DEFAULT_STATUS:
        lines.append(f"Status: {event.status}")
    lines += [f"{label}: {', '.join(names)}" for label, names in roles(dataset, event)]
    lines += outcome_and_quantities(dataset, event)
    lines += [f"“{q.text}” — {dataset.actors[q.speaker].name if q.speaker in dataset.actors else q.speaker}"
              for q in event.quotes]
    lines += [cited.get(s) or cited.setdefault(s, _source_line(dataset.sources[s])) for s in event.sources]
    if event.notes:
        lines.append(f"Notes: {event.notes}")
    return "\n".join(lines).strip()


#: A date's label, worked out once per distinct date (issue 18).
_label = lru_cache(maxsize=1 << 16)(DateSpan.label)


def _stamp(dataset: Dataset) -> str:
    """DTSTAMP: the latest day the data names, as UTC midnight."""
    return f"{latest_day(dataset):%Y%m%d}T000000Z"
