"""Who met whom, and what else passed between actors: the questions people ask of a record.

Each function takes a :class:`~timeline.model.Dataset` and actors named as
people type them (id, name or alias, in any case, with or without accents),
and returns a list of named tuples; ``_asdict()`` gives one as the
JSON-ready mapping the command line prints, and ``pandas.DataFrame(results)``
makes a table of them::

    >>> from timeline import query
    >>> [(m.actors, m.event) for m in query.met(record, "Putin", since="2 Dec 2025", until="2 Dec 2025")]
    [(('putin', 'kushner'), 'moscow-talks'), (('putin', 'witkoff'), 'moscow-talks')]
    >>> [(m.actors, m.event) for m in query.met(record, "russia", level="state")]
    [(('russia', 'united-states'), 'moscow-talks'), (('russia', 'united-states'), 'us-delegation-moscow-visit')]

``level="state"`` counts every actor as the state it belongs to
(transitively): Witkoff meeting Putin reads as the United States meeting
Russia, and meetings within one side drop out. Planned and cancelled
meetings never count as held; :func:`met` lists them, marked by their
status, only when asked with ``include_planned``.

:func:`met` and :func:`contested` need no graph library; :func:`relations`
and :func:`path` import networkx (through :mod:`timeline.graph`) when called.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from timeline.errors import UserError
from timeline.filters import EventFilter
from timeline.model import HELD_STATUSES, MEETING_TYPES, Dataset, Event
from timeline.names import find_actor


class Meeting(NamedTuple):
    """Two actors at one meeting, call or visit, with the event's date as written and as ISO bounds.

    ``held`` is false for a planned or cancelled meeting; a ``disputed`` one
    took place by one side's account and counts as held.
    """

    actors: tuple[str, str]
    event: str
    type: str
    date: str
    start: str | None
    end: str | None
    location: str | None
    status: str

    @property
    def held(self) -> bool:
        return self.status in HELD_STATUSES


class Relation(NamedTuple):
    """What ``source`` did to ``target`` (or, when not ``directed``, with it), summed over ``events``.

    ``relation`` is one of :data:`timeline.graph.ACTOR_RELATIONS` (``met``,
    ``proposed_to``, ``rejected``, ``accused``, ...); ``first`` and ``last``
    are the earliest start and latest end of those events (ISO, ``None`` if open).
    """

    source: str
    relation: str
    target: str
    directed: bool
    count: int
    first: str | None
    last: str | None
    events: tuple[str, ...]


class Link(NamedTuple):
    """One link of a chain of meetings: the two actors and the meetings between them."""

    actors: tuple[str, str]
    count: int
    first: str | None
    last: str | None
    events: tuple[str, ...]


class Contest(NamedTuple):
    """A claim (or any disputed event) with the events that dispute it and the actors on each side."""

    event: str
    type: str
    date: str
    status: str
    claimed_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    denials: tuple[str, ...]
    summary: str


def met(dataset: Dataset, actor: str | None = None, other: str | None = None, *,
        since: str | None = None, until: str | None = None, types: Iterable[str] = MEETING_TYPES,
        level: str = "person", include_planned: bool = False, counterparts: bool = False) -> list[Meeting]:
    """Who met whom: one :class:`Meeting` per pair of actors and event, in date order.

    With no actor, every pair that met; with ``actor``, the pairs it is in
    (it comes first); with ``other`` too, the meetings between the two. The
    participants and host of a meeting or call each meet the others; a
    visit's visitors meet their host; nobody meets a group they belong to.
    At ``level="person"`` an actor is only itself; at ``level="state"`` it
    is its state, named actors included. ``counterparts`` keeps only pairs
    from different sides (not two envoys of one delegation). Planned and
    cancelled meetings are left out unless ``include_planned``.

    >>> [m.actors for m in query.met(record, "witkoff", "putin")]
    [('witkoff', 'putin')]
    >>> query.met(record, "witkoff", "ukrainian delegation")
    []
    >>> [(m.event, m.status) for m in query.met(record, "witkoff", "ukrainian delegation", include_planned=True)]
    [('planned-meeting-ukrainian-delegation', 'planned')]
    """
    types = tuple(types) or MEETING_TYPES
    if unknown := [t for t in types if t not in MEETING_TYPES]:
        raise ValueError(f"met() counts {', '.join(MEETING_TYPES)}, not {', '.join(unknown)}")
    node = dataset.nodes_at(level)
    wanted = _nodes(dataset, node, level, actor, other)
    statuses = () if include_planned else HELD_STATUSES
    meetings = []
    for event in EventFilter(since, until, types=types, statuses=statuses).apply(dataset):
        members = {node[a] for a in (*event.participants, *event.host)}
        if not members.issuperset(wanted):
            continue
        for u, v in dataset.met_pairs(event, node):
            if wanted and wanted[0] not in (u, v) or counterparts and dataset.side(u) == dataset.side(v):
                continue
            pair = (v, u) if wanted and v == wanted[0] else (u, v)
            if wanted[1:] and pair[1] != wanted[1]:
                continue
            date = event.date
            meetings.append(Meeting(pair, event.id, event.type, date.text, date.iso_start(), date.iso_end(),
                                    event.location, event.status))
    return meetings


def relations(dataset: Dataset, actor: str, *, since: str | None = None, until: str | None = None,
              level: str = "person") -> list[Relation]:
    """Everything that passed between ``actor`` and each other actor, by relation, with dates.

    Sorted by the other actor, then relation. In each :class:`Relation`
    the actor asked about is the source, unless it was on the receiving end
    of a directed relation. Only events that took place count.

    >>> [(r.source, r.relation, r.target) for r in query.relations(record, "sybiha")]
    [('sybiha', 'addressed', 'putin')]
    """
    from timeline.graph import ACTOR_RELATIONS, actor_graph

    node = dataset.nodes_at(level)
    (me,) = _nodes(dataset, node, level, actor)
    events = [e for e in EventFilter(since, until).apply(dataset)
              if me in map(node.__getitem__, (*e.participants, *e.host, *e.source, *e.target))]
    graph = actor_graph(dataset, events, level=level)
    if me not in graph:
        return []
    found = []
    for u, v, data in [*graph.out_edges(me, data=True), *graph.in_edges(me, data=True)]:
        source, target = (u, v) if data["directed"] or u == me else (v, u)
        found.append(Relation(source, data["relation"], target, data["directed"], data["count"],
                              data["first"], data["last"], tuple(data["events"])))
    return sorted(found, key=lambda r: (r.target if r.source == me else r.source,
                                        ACTOR_RELATIONS.index(r.relation), r.source != me))


def path(dataset: Dataset, actor: str, other: str, *, since: str | None = None, until: str | None = None,
         level: str = "person") -> list[Link]:
    """The shortest chain of meetings from ``actor`` to ``other``, one :class:`Link` per step.

    Only meetings, calls and visits that took place count. An empty list
    means no chain of meetings joins the two.

    >>> [link.actors for link in query.path(record, "kushner", "putin")]
    [('kushner', 'putin')]
    >>> [link.actors for link in query.path(record, "zelenskyy", "putin")]
    []
    """
    import networkx as nx

    from timeline.graph import actor_graph

    node = dataset.nodes_at(level)
    start, end = _nodes(dataset, node, level, actor, other)
    events = EventFilter(since, until, types=MEETING_TYPES, statuses=HELD_STATUSES).apply(dataset)
    graph = actor_graph(dataset, events, level=level)
    meetings = nx.Graph()
    meetings.add_edges_from((u, v, data) for u, v, key, data in graph.edges(keys=True, data=True) if key == "met")
    try:
        chain = nx.shortest_path(meetings, start, end)
    except (nx.NodeNotFound, nx.NetworkXNoPath):
        return []
    links = []
    for u, v in pairwise(chain):
        data = meetings.edges[u, v]
        links.append(Link((u, v), data["count"], data["first"], data["last"], tuple(data["events"])))
    return links


def contested(dataset: Dataset, *, since: str | None = None, until: str | None = None) -> list[Contest]:
    """Each claim, and any other event disputed, with its denials and the actors on each side.

    An event is disputed when its status is ``disputed`` or another event
    ``disputes`` it (in ``related``).

    >>> [(c.event, c.claimed_by, c.denied_by) for c in query.contested(record)]
    [('russia-claims-pokrovsk', ('russia',), ('ukraine',))]
    """
    denials: dict[str, list[Event]] = {}
    for event in dataset.events:
        for link in event.related:
            if link.relation == "disputes":
                denials.setdefault(link.event, []).append(event)
    return [
        Contest(event.id, event.type, event.date.text, event.status, _acting(event),
                tuple(dict.fromkeys(a for denial in denials.get(event.id, ()) for a in _acting(denial))),
                tuple(denial.id for denial in denials.get(event.id, ())), event.summary)
        for event in EventFilter(since, until).apply(dataset)
        if event.type == "claim" or event.status == "disputed" or event.id in denials
    ]


def _acting(event: Event) -> tuple[str, ...]:
    """Who did ``event``: its source, or the participants and host of a meeting-like event."""
    if event.event_type.symmetric:
        return tuple(dict.fromkeys((*event.participants, *event.host)))
    return event.source


def _nodes(dataset: Dataset, node: dict[str, str], level: str, *names: str | None) -> tuple[str, ...]:
    """The nodes the given names stand for at ``level``; two names for one node is an error."""
    found = tuple(node[find_actor(dataset, name).id] for name in names if name is not None)
    if len(found) == 2 and found[0] == found[1]:
        a, b = names
        if level == "person":
            raise UserError(f"'{a}' and '{b}' are the same actor; name two different actors")
        raise UserError(f"'{a}' and '{b}' both count as '{found[0]}' at level '{level}'; "
                        "use level 'person' to look within one side")
    return found
