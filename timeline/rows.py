"""Events, actors and sources as plain rows: the shape of JSON and CSV output.

>>> event_row(record.event("moscow-talks"))["participants"]
['putin', 'witkoff', 'kushner']
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from timeline.model import Actor, Dataset, Event, Source


def event_row(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready mapping: dates as written and as ISO bounds, lists of actor ids."""
    date = event.date
    kind = event.event_type
    return {
        "id": event.id, "type": event.type, "date": date.text, "label": date.label(),
        "start": date.iso_start(), "end": date.iso_end(), "precision": date.precision,
        "approximate": date.approximate, "uncertain": date.uncertain,
        "status": event.status, "location": event.location,
        "participants": list(event.participants), "host": list(event.host),
        "source": list(event.source), "target": list(event.target), "mentioned": list(event.mentioned),
        "summary": event.summary,
        "quotes": [{"speaker": q.speaker, "text": q.text, "source": q.source} for q in event.quotes],
        "sources": list(event.sources),
        "related": [{"relation": link.relation, "event": link.event} for link in event.related],
        "cameo": kind.cameo, "plover": kind.plover, "notes": event.notes,
    }


def actor_row(actor: Actor) -> dict[str, Any]:
    """An actor as a JSON-ready mapping."""
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "title": actor.title,
        "affiliation": actor.affiliation, "aliases": list(actor.aliases), "notes": actor.notes,
    }


def actor_rows(dataset: Dataset) -> list[dict[str, Any]]:
    """Every actor as a row, with its side (the state it belongs to) and its number of events."""
    counts = Counter(actor for event in dataset.events for actor in event.actors())
    return [{**actor_row(actor), "side": dataset.side(actor.id), "events": counts[actor.id]}
            for actor in dataset.actors.values()]


def source_row(source: Source) -> dict[str, Any]:
    """A source as a JSON-ready mapping."""
    return {
        "id": source.id, "publisher": source.publisher, "title": source.title, "url": source.url,
        "published": source.published.text if source.published else None, "notes": source.notes,
    }
