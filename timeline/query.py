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

from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise

from timeline.answers import Contest, Meeting, Relation, dates_label  # noqa: F401 (the answers' shapes)
from timeline.dates import DateSpan
from timeline.errors import UserError
from timeline.filters import EventFilter
from timeline.index.met import MEETING_STATUSES
from timeline.model import EVENT_TYPES, HELD_STATUSES, MEETING_TYPES, Dataset, Event
from timeline.names import find_actor


def met(dataset: Dataset, actor: str | None = None, other: str | None = None, *,
        since: str | None = None, until: str | None = None, types: Iterable[str] = MEETING_TYPES,
        level: str = "person", include_planned: bool = False, counterparts: bool = False,
        include_drafts: bool = False) -> list[Meeting]:
    """Who met whom: one :class:`Meeting` per pair of actors and event, in date order.

    With no actor, every pair that met; with ``actor``, the pairs it is in
    (it comes first); with ``other`` too, the meetings between the two. The
    participants, heads of delegation and host of a meeting or call each
    meet the others; a visit's visitors meet their host. At talks with a
    ``mediator``, each side meets the mediator, never the other side, and
    the host meets no one unless it took part. Nobody meets a group they
    belong to. At ``level="person"`` an actor is only itself; at
    ``level="state"`` it is its state at the event's date (dated
    affiliations), named actors included. ``counterparts`` keeps only pairs
    from different sides (not two envoys of one delegation). Meetings that
    did not take place are left out unless ``include_planned``, which adds
    planned, postponed and cancelled ones (marked by their status), never a
    merely ``proposed`` one. Drafts count only with ``include_drafts``.
    Asking about one actor costs time in proportion to each meeting's size,
    not to its number of pairs.

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
    wanted = _nodes(dataset, dataset.nodes_at(level), level, actor, other)
    statuses = MEETING_STATUSES if include_planned else HELD_STATUSES
    meetings = []
    nodes_at = dataset.nodes_by_date(level)
    for event in EventFilter(since, until, types=types, statuses=statuses,
                             include_drafts=include_drafts).apply(dataset):
        node = nodes_at(event.date)
        if wanted and wanted[0] not in {node[a] for a in (*event.attendees(), *event.host, *event.mediator)}:
            continue
        dates = event.date.text, event.date.iso_start(), event.date.iso_end()
        for u, v in sorted(dataset.iter_met_pairs(event, node, only=wanted[0] if wanted else None)):
            if counterparts and dataset.side(u, event.date) == dataset.side(v, event.date):
                continue
            pair = (v, u) if wanted and v == wanted[0] else (u, v)
            if wanted[1:] and pair[1] != wanted[1]:
                continue
            meetings.append(Meeting(pair, event.id, event.type, *dates, event.location, event.status))
    return meetings


def relations(dataset: Dataset, actor: str, *, since: str | None = None, until: str | None = None,
              level: str = "person", include_drafts: bool = False) -> list[Relation]:
    """Everything that passed between ``actor`` and each other actor, by relation, with dates.

    Sorted by the other actor, then relation. In each :class:`Relation`
    the actor asked about is the source, unless it was on the receiving end
    of a directed relation. An event with no counterpart (a statement to
    the press, a plan made public) is a relation with ``target`` ``None``,
    named by its type (``statement``, ``proposal``), listed first. Only
    events that took place count; drafts only with ``include_drafts``.

    >>> [(r.source, r.relation, r.target) for r in query.relations(record, "sybiha")]
    [('sybiha', 'addressed', 'putin')]
    """
    from timeline.graph import ACTOR_RELATIONS, actor_graph

    (me,) = _nodes(dataset, dataset.nodes_at(level), level, actor)
    nodes_at = dataset.nodes_by_date(level)
    events = [e for e in EventFilter(since, until, include_drafts=include_drafts).apply(dataset)
              if me in {nodes_at(e.date)[actor] for actor in e.role_actors(mentioned=False)}]
    graph = actor_graph(dataset, events, level=level)
    found = [*_alone(events, me, nodes_at)]
    for u, v, data in [*graph.out_edges(me, data=True), *graph.in_edges(me, data=True)] if me in graph else []:
        source, target = (u, v) if data["directed"] or u == me else (v, u)
        found.append(Relation(source, data["relation"], target, data["directed"], data["count"],
                              data["first"], data["last"], tuple(data["events"]), tuple(data["dates"])))
    order = {name: index for index, name in enumerate((*EVENT_TYPES, *ACTOR_RELATIONS))}
    return sorted(found, key=lambda r: (r.target is not None, (r.target if r.source == me else r.source) or "",
                                        order[r.relation], r.source != me))


def _alone(events: list[Event], me: str, nodes_at: Callable[[DateSpan], Mapping[str, str]]) -> list[Relation]:
    """``me``'s held directed events with no target, one :class:`Relation` per type."""
    by_type: dict[str, list[Event]] = {}
    for event in events:
        if (event.held and not event.event_type.symmetric and not event.target
                and me in {nodes_at(event.date)[s] for s in event.source}):
            by_type.setdefault(event.type, []).append(event)
    return [Relation(me, kind, None, True, len(found), _bound(found, 0), _bound(found, 1),
                     tuple(e.id for e in found), tuple(e.date.text for e in found))
            for kind, found in by_type.items()]


def _bound(events: list[Event], end: int) -> str | None:
    """The earliest start (``end`` 0) or latest end (1) of the events, ISO; ``None`` if open."""
    values = [e.date.iso_start() if end == 0 else e.date.iso_end() for e in events]
    known = [value for value in values if value is not None]
    if len(known) < len(values):
        return None
    return min(known) if end == 0 else max(known)


def path(dataset: Dataset, actor: str, other: str, *, since: str | None = None, until: str | None = None,
         level: str = "person", include_drafts: bool = False) -> list[Relation]:
    """The shortest chain of meetings from ``actor`` to ``other``, one ``met`` :class:`Relation` per step.

    Only meetings, calls and visits that took place count (drafts only with
    ``include_drafts``). An empty list means no chain of meetings joins the two.

    >>> [link.actors for link in query.path(record, "kushner", "putin")]
    [('kushner', 'putin')]
    >>> [link.actors for link in query.path(record, "zelenskyy", "putin")]
    []
    """
    import networkx as nx

    from timeline.graph import actor_graph

    node = dataset.nodes_at(level)
    start, end = _nodes(dataset, node, level, actor, other)
    events = EventFilter(since, until, types=MEETING_TYPES, statuses=HELD_STATUSES,
                         include_drafts=include_drafts).apply(dataset)
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
        links.append(Relation(u, "met", v, False, data["count"], data["first"], data["last"], tuple(data["events"]),
                              tuple(data["dates"])))
    return links


def contested(dataset: Dataset, *, since: str | None = None, until: str | None = None,
              include_drafts: bool = False) -> list[Contest]:
    """Each claim, and any other event disputed or merely claimed, with its denials and the actors on each side.

    An event is contested when its type is ``claim``, its status is
    ``disputed`` or ``claimed``, or another event ``disputes`` it (in
    ``related``). Drafts count only with ``include_drafts``.

    >>> [(c.event, c.claimed_by, c.denied_by) for c in query.contested(record)]
    [('russia-claims-pokrovsk', ('russia',), ('ukraine',))]
    """
    everything = EventFilter(include_drafts=include_drafts).apply(dataset)
    denials: dict[str, list[Event]] = {}
    for event in everything:
        for link in event.related:
            if link.relation == "disputes":
                denials.setdefault(link.event, []).append(event)
    return [
        Contest(event.id, event.type, event.date.text, event.status, event.acting(),
                tuple(dict.fromkeys(a for denial in denials.get(event.id, ()) for a in denial.acting())),
                tuple(denial.id for denial in denials.get(event.id, ())), event.summary)
        for event in EventFilter(since, until, include_drafts=include_drafts).apply(dataset)
        if event.type == "claim" or event.status_info.contested or event.id in denials
    ]


def _nodes(dataset: Dataset, node: Mapping[str, str], level: str, *names: str | None) -> tuple[str, ...]:
    """The nodes the given names stand for at ``level``; two names for one node is an error."""
    found = tuple(node[find_actor(dataset, name).id] for name in names if name is not None)
    if len(found) == 2 and found[0] == found[1]:
        a, b = names
        if level == "person":
            raise UserError(f"'{a}' and '{b}' are the same actor; name two different actors")
        raise UserError(f"'{a}' and '{b}' both count as '{found[0]}' at level '{level}'; "
                        "use level 'person' to look within one side")
    return found
