"""Events, actors and sources as plain rows: the shape of JSON and CSV output.

>>> event_row(record.event("moscow-talks"))["participants"]
['putin', 'witkoff', 'kushner']
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from operator import attrgetter
from typing import Any

from timeline.dates import DateSpan
from timeline.model import ROLE_KEYS, Actor, Dataset, Event, Source


def event_row(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready mapping: dates as written, as a label and as ISO bounds, actors by role, codes.

    ``cameo`` is the event's CAMEO code (its own, else its type's default),
    ``plover`` its PLOVER type, with ``plover_mode`` and ``plover_context``.
    ``title`` is as written (``None`` if not), ``headline`` the title or a
    generated one.
    """
    date = event.date
    label, start, end = _date_columns(date)
    plover = event.plover_coding()
    return {
        "id": event.id, "type": event.type, "type_label": event.event_type.label, "title": event.title,
        "headline": event.headline(), "date": date.text, "label": label,
        "start": start, "end": end, "precision": date.precision,
        "approximate": date.approximate, "uncertain": date.uncertain,
        "status": event.status, "held": event.held, "location": event.location,
        **dict(zip(ROLE_KEYS, map(list, _ROLES(event)))),
        "outcome": event.outcome,
        "quantities": [quantity._asdict() for quantity in event.quantities],
        "summary": event.summary,
        "quotes": [{"speaker": q.speaker, "text": q.text, "source": q.source} for q in event.quotes],
        "sources": list(event.sources), "issues": list(event.issues),
        "related": [{"relation": link.relation, "event": link.event} for link in event.related],
        "cameo": event.cameo_code(), "cameo_root": event.event_type.cameo,
        "plover": plover.type if plover else None, "plover_mode": plover.mode if plover else None,
        "plover_context": list(plover.context) if plover else [], "draft": event.draft, "notes": event.notes,
    }


#: An event's actors of each role, in :data:`ROLE_KEYS`' order, read in one call.
_ROLES = attrgetter(*ROLE_KEYS)


@lru_cache(maxsize=1 << 16)
def _date_columns(date: DateSpan) -> tuple[str, str | None, str | None]:
    """A date's label and ISO bounds, worked out once per distinct date (10k events have ~3k; issue 18)."""
    return date.label(), date.iso_start(), date.iso_end()


def actor_row(actor: Actor) -> dict[str, Any]:
    """An actor as a JSON-ready mapping."""
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "title": actor.title,
        "affiliation": actor.affiliation, "aliases": list(actor.aliases), "notes": actor.notes,
        "affiliations": [{"actor": a.actor, "from": a.start.text if a.start else None,
                          "until": a.until.text if a.until else None} for a in actor.affiliations],
        "color": actor.color,
    }


def actor_rows(dataset: Dataset) -> list[dict[str, Any]]:
    """Every actor as a row, with its side (the state it belongs to) and its number of events."""
    counts = Counter(actor for event in dataset.events if not event.draft for actor in event.actors())
    return [{**actor_row(actor), "side": dataset.side(actor.id), "events": counts[actor.id]}
            for actor in dataset.actors.values()]


def source_row(source: Source) -> dict[str, Any]:
    """A source as a JSON-ready mapping."""
    return {
        "id": source.id, "publisher": source.publisher, "title": source.title, "url": source.url,
        "published": source.published.text if source.published else None, "notes": source.notes,
    }
