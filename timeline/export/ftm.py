"""FollowTheMoney (FtM) entities for Aleph and OpenAleph: one JSON object a line.

Made and cleaned with the ``followthemoney`` library itself (the ``ftm``
extra), so that ``ftm validate`` accepts every line and Aleph can load
the file (``alephclient write-entities``). What becomes what:

- a person is a ``Person`` (``position``: their title); a state a
  ``PublicBody`` whose ``country`` is the state's ISO code when FtM knows
  its name; an organisation or group an ``Organization``. People and
  bodies carry the ``country`` of the state they belong to;
- an affiliation is a ``Membership`` of the actor in the organisation or
  state it belongs to;
- an event is an ``Event``: ``name`` its headline (any status but
  ``occurred`` first, "Planned: ..."), ``summary``, ``location``,
  ``involved`` (every actor with a part in it), ``namesMentioned`` (those
  only mentioned), ``organizer`` (the host), ``sourceUrl`` and
  ``publisher`` of its sources, ``keywords`` its type and status. Dates are
  ISO prefixes whose length is the precision (``2025-12`` for December):
  one date as ``date``, an interval as ``startDate``/``endDate`` (an
  open end left out); a moment with a zone in UTC (FtM keeps no zone).
  What FtM has no property for (each actor's role, the status, an
  approximate or uncertain date, the quotes, the links between events)
  is kept in ``notes`` and ``description``, as the FtM model suggests.

Entity ids are ``actor-<id>``, ``event-<id>`` and ``membership-<a>-<b>``
where that is a valid FtM id, else a SHA-1 of the same parts; the same
data gives the same ids and bytes.

>>> from timeline.export.ftm import entities
>>> next(entities(record)).schema.name
'Person'
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import timezone
from typing import TYPE_CHECKING

from timeline.dates import DateSpan
from timeline.export._common import (
    DEFAULT_STATUS,
    NotInstalled,
    PathOrFile,
    actor_name,
    headline,
    outcome_and_quantities,
    plain_text,
    roles,
    status_label,
    type_label,
    web_address,
    write_lines,
)
from timeline.model import Actor, Dataset, Event

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

#: The FtM schema of each actor kind; any other kind is an Organization.
SCHEMA_OF_KIND = {"person": "Person", "state": "PublicBody", "organization": "Organization", "group": "Organization"}
#: Characters of a date's ISO text per precision (a moment to the minute or second).
_PREFIX = {"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}


def write(dataset: Dataset, events: Sequence[Event], path_or_file: PathOrFile) -> None:
    """Write the actors, their affiliations and ``events`` as FtM entities, one JSON object a line: the export writer."""
    write_lines((json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in entities(dataset, events)),
                path_or_file)


def entities(dataset: Dataset, events: Iterable[Event] | None = None) -> Iterator[EntityProxy]:
    """The FtM entities of ``dataset``: every actor, every affiliation, then each of ``events`` (default: all).

    Raises :class:`~timeline.export._common.NotInstalled` (with the install line) if ``followthemoney`` is missing.
    """
    model = _model()
    ids = {actor_id: _entity_id(model, "actor", actor_id) for actor_id in dataset.actors}
    for actor in dataset.actors.values():
        yield _actor(model, dataset, actor, ids)
    for actor in dataset.actors.values():
        if actor.affiliation in dataset.actors:
            yield _membership(model, actor, ids)
    for event in dataset.events if events is None else events:
        yield _event(model, dataset, event, ids)


def _model():  # noqa: ANN202 (followthemoney's Model; imported only when the format is used)
    try:
        from followthemoney import model
    except ImportError:
        raise NotInstalled("the ftm export needs followthemoney: pip install 'timeline[ftm]'") from None
    return model


def _entity_id(model, *parts: str) -> str:  # noqa: ANN001
    """``kind-id`` where FtM accepts it as an id, else the SHA-1 of the parts."""
    from followthemoney.types import registry

    readable = "-".join(parts)
    if registry.entity.clean(readable) == readable:
        return readable
    return model.make_entity("Thing").make_id("timeline", *parts)


def _actor(model, dataset: Dataset, actor: Actor, ids: dict[str, str]) -> EntityProxy:  # noqa: ANN001
    entity = model.make_entity(SCHEMA_OF_KIND.get(actor.kind, "Organization"))
    entity.id = ids[actor.id]
    entity.add("name", plain_text(actor.name))
    entity.add("alias", [plain_text(a) for a in actor.aliases])
    if actor.kind == "person" and actor.title:
        entity.add("position", plain_text(actor.title))
    country = _country(dataset, actor.id)
    if country:
        entity.add("country", country)
        if actor.kind == "state":
            entity.add("jurisdiction", country)
    entity.add("notes", plain_text(f"timeline id: {actor.id}" + (f"\n{actor.notes}" if actor.notes else "")))
    return entity


def _country(dataset: Dataset, actor_id: str) -> str | None:
    """The ISO code of the state the actor is, or belongs to, if FtM knows the state's name."""
    from followthemoney.types import registry

    side = dataset.actors[dataset.side(actor_id)]
    return registry.country.clean(side.name) if side.kind == "state" else None


def _membership(model, actor: Actor, ids: dict[str, str]) -> EntityProxy:  # noqa: ANN001
    entity = model.make_entity("Membership")
    entity.id = _entity_id(model, "membership", actor.id, actor.affiliation)
    entity.add("member", ids[actor.id])
    entity.add("organization", ids[actor.affiliation])
    if actor.title:
        entity.add("role", plain_text(actor.title))
    return entity


def _event(model, dataset: Dataset, event: Event, ids: dict[str, str]) -> EntityProxy:  # noqa: ANN001
    entity = model.make_entity("Event")
    entity.id = _entity_id(model, "event", event.id)
    entity.add("name", plain_text(headline(event, dataset, status=True)))
    if event.summary:
        entity.add("summary", plain_text(event.summary))
    for prop, value in _dates(event.date).items():
        entity.add(prop, value)
    if event.location:
        entity.add("location", plain_text(event.location))
    entity.add("involved", [ids[a] for a in dict.fromkeys(event.role_actors(mentioned=False))
                            if a in ids])
    entity.add("namesMentioned", [plain_text(actor_name(dataset, a)) for a in event.mentioned])
    entity.add("organizer", [ids[a] for a in event.host if a in ids])
    sources = [dataset.sources[s] for s in event.sources if s in dataset.sources]
    entity.add("sourceUrl", [url for url in (web_address(s.url) for s in sources) if url])
    entity.add("publisher", [plain_text(s.publisher) for s in sources if s.publisher])
    entity.add("keywords", [type_label(event.type), status_label(event.status)])
    entity.add("notes", plain_text(_notes(dataset, event)))
    if event.quotes or event.related:
        entity.add("description", plain_text(_description(dataset, event)))
    return entity


def _dates(span: DateSpan) -> dict[str, str]:
    """``date`` for one date, ``startDate``/``endDate`` for an interval (open ends left out)."""
    first, last = span.ends()
    if not span.is_interval:
        return {"date": _iso(span)}
    return {prop: _iso(end) for prop, end in (("startDate", first), ("endDate", last)) if end is not None}


def _iso(single: DateSpan) -> str:
    """An ISO prefix as long as the date's precision; a moment with a zone in UTC."""
    start = single.start
    if single.tz is not None and single.precision in ("minute", "second"):
        utc = timezone.utc  # noqa: UP017 (datetime.UTC is new in 3.11; setup.cfg allows 3.10)
        start = start.replace(tzinfo=single.tz).astimezone(utc).replace(tzinfo=None)
    return start.isoformat(timespec="seconds")[:_PREFIX[single.precision]]


def _notes(dataset: Dataset, event: Event) -> str:
    """What FtM has no property for: the id, type, status, date as written, each role's actors."""
    lines = [f"timeline id: {event.id}", f"Type: {type_label(event.type)}",
             f"Date: {event.date.label()} ({event.date.text})"]
    if event.status != DEFAULT_STATUS:
        lines.append(f"Status: {status_label(event.status)}")
    lines += [f"{label}: {', '.join(names)}" for label, names in roles(dataset, event)]
    lines += outcome_and_quantities(dataset, event)
    if event.notes:
        lines.append(event.notes)
    return "\n".join(lines)


def _description(dataset: Dataset, event: Event) -> str:
    """The quotes and the links to other events."""
    names = {a.id: a.name for a in dataset.actors.values()}
    lines = [f"“{q.text}” — {names.get(q.speaker, q.speaker)}" for q in event.quotes]
    lines += [f"{link.relation.replace('_', ' ')}: {link.event}" for link in event.related]
    return "\n".join(lines)
