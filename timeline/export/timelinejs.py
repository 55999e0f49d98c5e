"""TimelineJS3 JSON: the record as a slide show on a timeline (https://timeline.knightlab.com).

Each event is a slide. Its dates carry only the fields their precision
supports (``2025-12`` is ``{"year": 2025, "month": 12}``); an interval
has an ``end_date``; a date that is approximate, uncertain, open-ended
or zoned (at either end) also gets a ``display_date`` that says so
("c. Nov 2025", "by 3 Dec 2025", "2 Dec 2025 21:00 UTC+03:00"), and an
open start is placed at its known end. The headline is the event's
title, or its type and actors, with any status but ``occurred`` first
("Cancelled: ...") so that the timeline itself shows it. Slides are
grouped by event type (or by side: that of the event's first actor) and
keep the event id as ``unique_id``; the title slide gets an id that no
event has (TimelineJS would otherwise make one from its headline, which
may be an event's id).

Text from the data is HTML-escaped, and links are made only of http(s)
addresses. ``group`` is escaped twice, because TimelineJS strips markup
from it and then writes it as HTML. The JSON escapes ``<``, ``>`` and
``&``, so it can be inlined in a page's ``<script>``.

>>> from timeline.export.timelinejs import write_timelinejs
>>> write_timelinejs(record, "timeline.json")
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from html import escape
from typing import Any, Literal

from timeline.dates import DateSpan
from timeline.export._common import (
    CONTROL,
    DEFAULT_STATUS,
    PathOrFile,
    actor_name,
    headline,
    outcome_and_quantities,
    plain_text,
    roles,
    type_label,
    unique_ids,
    web_address,
    write_bytes,
)
from timeline.export.json_text import json_slices
from timeline.model import Dataset, Event, Source

GroupBy = Literal["type", "side"]
_FIELDS = {"year": ("year",), "month": ("year", "month"), "day": ("year", "month", "day"),
           "minute": ("year", "month", "day", "hour", "minute"),
           "second": ("year", "month", "day", "hour", "minute", "second")}
#: What :func:`_html` changes: markup (``html.escape``'s five characters) and control characters.
_HTML_SPECIAL = re.compile(f"[&<>\"']|{CONTROL.pattern}")
#: Characters escaped in the JSON text so that it is safe inside an HTML <script>.
_SCRIPT_UNSAFE = tuple((char.encode(), escaped.encode()) for char, escaped in (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")))
#: Slides made and written at a time.
SLICE = 1000


def write(dataset: Dataset, events: Sequence[Event], path_or_file: PathOrFile, group_by: GroupBy = "type") -> None:
    """Write ``events`` as TimelineJS3 JSON, slides grouped by ``group_by``: the export writer."""
    write_timelinejs(dataset, path_or_file, events, group_by)


def write_timelinejs(dataset: Dataset, path_or_file: PathOrFile, events: Iterable[Event] | None = None,
                     group_by: GroupBy = "type") -> None:
    """Write the ``events`` (default: all) of ``dataset`` as TimelineJS3 JSON to a path or a file: the slides
    made and written :data:`SLICE` at a time (all at once, 1.8× 0.1's memory at 100k events, issue 18)."""
    events = list(dataset.events if events is None else events)
    slide = _slide_maker(dataset, group_by)
    slices = ([slide(event) for event in events[at:at + SLICE]] for at in range(0, len(events), SLICE))
    write_bytes(map(_script_safe, json_slices(_head(dataset, events), "events", slices)), path_or_file)


def timelinejs_data(dataset: Dataset, events: Iterable[Event] | None = None,
                    group_by: GroupBy = "type") -> dict[str, Any]:
    """The TimelineJS3 data: a title slide (if the dataset has a title) and one slide per event.

    >>> timelinejs_data(record)["events"][0]["start_date"]
    {'year': 2025, 'month': 11, 'day': 19}
    """
    events = list(dataset.events if events is None else events)
    return {**_head(dataset, events), "events": list(map(_slide_maker(dataset, group_by), events))}


def _head(dataset: Dataset, events: list[Event]) -> dict[str, Any]:
    """The data before the slides: the title slide (if the dataset has a title) and the scale."""
    if not dataset.title:
        return {"scale": "human"}
    text = f"<p>{_html(dataset.description)}</p>" if dataset.description else ""
    title_id = next(unique_ids("title-", {event.id for event in events}))
    return {"title": {"unique_id": title_id, "text": {"headline": _html(dataset.title), "text": text}},
            "scale": "human"}


def _slide_maker(dataset: Dataset, group_by: GroupBy) -> Callable[[Event], dict[str, Any]]:
    """A function of an event to its slide (each source's citation made once)."""
    citations = {source.id: _citation(source) for source in dataset.sources.values()}
    return partial(_slide, dataset, group_by=group_by, citations=citations)


def _script_safe(text: bytes) -> bytes:
    """JSON text with the characters an HTML ``<script>`` could take for its own escaped."""
    for char, escaped in _SCRIPT_UNSAFE:
        text = text.replace(char, escaped)
    return text


def _slide(dataset: Dataset, event: Event, group_by: GroupBy, citations: dict[str, str]) -> dict[str, Any]:
    start, end, label = _dates(event.date)
    slide: dict[str, Any] = {"unique_id": event.id, "start_date": dict(start)}
    if end is not None:
        slide["end_date"] = dict(end)
    if label is not None:
        slide["display_date"] = label
    slide["text"] = {"headline": _html(headline(event, dataset, status=True)),
                     "text": _text(dataset, event, citations)}
    if group_by == "side":
        actors = [a for a in event.actors() if a in dataset.actors]
        group = actor_name(dataset, dataset.side(actors[0])) if actors else "No actor"
    else:
        group = type_label(event.type)
    slide["group"] = escape(_html(group))
    return slide


@lru_cache(maxsize=1 << 16)
def _dates(span: DateSpan) -> tuple[dict[str, int], dict[str, int] | None, str | None]:
    """A slide's start date, end date (if it ends on another start) and display date (if TimelineJS would
    mislead), worked out once per distinct date (issue 18); each slide gets copies of the mappings."""
    first, last = span.ends()
    end = _date(last) if first and last and last.start != first.start else None
    return _date(first or last), end, span.label() if _misleading(span, first, last) else None  # type: ignore[arg-type]


def _date(single: DateSpan) -> dict[str, int]:
    """A TimelineJS date with the fields of the date's precision."""
    return {name: getattr(single.start, name) for name in _FIELDS[single.precision]}


def _misleading(span: DateSpan, first: DateSpan | None, last: DateSpan | None) -> bool:
    """Would TimelineJS's own rendering of the fields hide something: a qualifier, an open end, a zone at either end?"""
    return (span.approximate or span.uncertain or first is None or last is None
            or first.tz is not None or last.tz is not None)


def _text(dataset: Dataset, event: Event, citations: dict[str, str]) -> str:
    """The slide's HTML: summary, quotes, place and status, sources."""
    parts = [f"<p>{_html(event.summary)}</p>"] if event.summary else []
    for quote in event.quotes:
        parts.append(f"<blockquote>“{_html(quote.text)}” — {_html(actor_name(dataset, quote.speaker))}</blockquote>")
    facts = [f"Where: {_html(event.location)}" if event.location else "",
             f"Status: {_html(event.status)}" if event.status != DEFAULT_STATUS else ""]
    if any(facts):
        parts.append(f"<p>{' · '.join(f for f in facts if f)}</p>")
    who = [f"{_html(label)}: {_html(', '.join(names))}" for label, names in roles(dataset, event)]
    if who:
        parts.append(f"<p>{' · '.join(who)}</p>")
    parts += [f"<p>{_html(line)}</p>" for line in outcome_and_quantities(dataset, event)]
    cited = [citations[s] for s in event.sources]
    if cited:
        parts.append(f"<p>Source{'s' * (len(cited) > 1)}: {'; '.join(cited)}</p>")
    return "".join(parts)


def _citation(source: Source) -> str:
    """A source as HTML: its citation, a link if it has a web address."""
    text = _html(source.citation())
    url = web_address(source.url)
    return f'<a href="{escape(url)}">{text}</a>' if url else text


def _html(text: str) -> str:
    """``text`` as HTML text: markup escaped, control characters replaced (most text has neither: as it is)."""
    return text if _HTML_SPECIAL.search(text) is None else escape(plain_text(text))
