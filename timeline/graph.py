"""networkx views of a dataset: the event graph and the actor graph.

>>> from timeline.graph import actor_graph, event_graph
>>> g = actor_graph(record, level="state")
>>> g.edges["russia", "united-states", "met"]["events"]
['moscow-talks', 'us-delegation-moscow-visit']
"""
from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import combinations, product
from typing import TYPE_CHECKING, Any, Literal

from timeline.vocabulary import EVENT_TYPES, HELD_STATUSES, MEETING_TYPES, STATUS_INFO

if TYPE_CHECKING:  # networkx is imported when a graph is made: listing relations (--help) needs none
    import networkx as nx

    from timeline.dates import DateSpan
    from timeline.model import Dataset, Event

Level = Literal["person", "state"]

#: The actor-graph relation each event type makes (:attr:`EventType.relation`).
RELATION_OF_TYPE = {name: kind.relation for name, kind in EVENT_TYPES.items()}
#: Mediators of an agreement, exchange or ceasefire "mediated" it for each party (at talks, they meet).
MEDIATED = "mediated"
#: Co-sources of one directed event (a joint draft, a plan announced by two leaders) "acted together".
JOINT = "acted_together"
#: Relations with no direction: those of symmetric types, and acting together.
UNDIRECTED_RELATIONS = (*dict.fromkeys(k.relation for k in EVENT_TYPES.values() if k.symmetric), JOINT)
#: Every relation, in the order legends list them: contacts, offers, refusals, hostility, words; then the rest.
ACTOR_RELATIONS = tuple(dict.fromkeys((
    "met", "agreed", "proposed_to", "counter_proposed_to", "demanded_of", "rejected", "accepted", "accused",
    "threatened", "claimed_against", "denied", "attacked", "addressed", "assessed",
    *RELATION_OF_TYPE.values(), MEDIATED, JOINT)))


#: The graphs made so far inside :func:`shared_graphs`, by what they were made of.
_MADE: ContextVar[dict[tuple, tuple[Any, nx.MultiDiGraph]] | None] = ContextVar("timeline_graphs", default=None)


@contextmanager
def shared_graphs() -> Iterator[None]:
    """Within the block, each graph of the same dataset, events and options is made once.

    Every call still gets a graph of its own (a copy: callers may cut it),
    which costs a fraction of making it again from the events. ``timeline
    build`` draws and exports the same two actor graphs a dozen times.
    """
    token = _MADE.set({})
    try:
        yield
    finally:
        _MADE.reset(token)


#: Gives a graph made before, or makes it: set by :mod:`timeline.store.graphs` for a dataset read from its store.
keeper: Callable[..., nx.MultiDiGraph] | None = None


def _shared(make: Callable[..., nx.MultiDiGraph]) -> Callable[..., nx.MultiDiGraph]:
    @functools.wraps(make)
    def shared(dataset: Dataset, events: Iterable[Event] | None = None, *args: Any, **kwargs: Any) -> nx.MultiDiGraph:
        made = _MADE.get()
        events = None if events is None else list(events)
        bound = inspect.signature(make).bind(dataset, events, *args, **kwargs)
        bound.apply_defaults()
        options = dict(list(bound.arguments.items())[2:])
        if made is None:
            return _make(make, dataset, events, options)
        key = (make.__name__, id(dataset), None if events is None else tuple(map(id, events)), *options.values())
        if key not in made:  # the dataset and events are kept with the graph: their ids stay theirs
            made[key] = ((dataset, events), _make(make, dataset, events, options))
        return made[key][1].copy()

    return shared


def _make(make: Callable[..., nx.MultiDiGraph], dataset: Dataset, events: list[Event] | None,
          options: dict[str, Any]) -> nx.MultiDiGraph:
    """``make``'s graph: through :data:`keeper` when one is set (it reads the graph kept, or makes it), else made."""
    return keeper(make, dataset, events, options) if keeper else make(dataset, events, **options)


@_shared
def event_graph(dataset: Dataset, events: Iterable[Event] | None = None) -> nx.MultiDiGraph:
    """Actors and events as nodes; actor -> event edges keyed by role, event -> event by relation.

    Node attribute ``node_type`` is ``"actor"`` or ``"event"``.
    """
    events = list(_undrafted(dataset) if events is None else events)
    import networkx as nx

    graph = nx.MultiDiGraph(title=dataset.title or "")
    shown = {event.id for event in events}
    for event in events:
        graph.add_node(event.id, **event_attributes(event))
        for actor, role in event.roles():
            if actor not in graph:
                graph.add_node(actor, **actor_attributes(dataset, actor))
            graph.add_edge(actor, event.id, key=role, role=role)
    for event in events:
        for link in event.related:
            if link.event in shown:
                graph.add_edge(event.id, link.event, key=link.relation, relation=link.relation)
    return graph


@_shared
def actor_graph(dataset: Dataset, events: Iterable[Event] | None = None, level: Level = "person",
                include_planned: bool = False) -> nx.MultiDiGraph:
    """Actors as nodes, one edge per pair and relation (the key), aggregating the events behind it.

    Symmetric events (meetings, calls, visits, agreements, exchanges) join
    the actors who met (:meth:`Dataset.met_pairs`: at mediated talks, each
    side with the mediator) under their type's relation; directed events
    join each source to each target, and the co-sources of one event (a
    joint draft) with the undirected ``acted_together``. Every actor who
    acted is a node, with or without edges (a statement to the press).
    Edges carry ``relation``, ``directed``, ``count``, ``first`` and
    ``last`` (ISO dates), ``events`` (ids), ``dates`` (their dates as
    written, in EDTF), ``planned`` and ``planned_events``. A planned event
    is never counted as held: an edge counts the events that happened and
    lists planned ones in ``planned_events``; only while none has happened
    is the edge ``planned`` and counts the planned ones. An undirected edge
    is stored once, from the smaller id. At ``level="state"`` each actor
    counts as the state it belonged to at the event's date, and relations
    within one state are dropped. Events that did not take place are left
    out unless ``include_planned`` (planned, postponed and proposed ones);
    cancelled ones always are. With ``events`` not given, drafts are left out.
    """
    events = _undrafted(dataset) if events is None else events
    import networkx as nx

    taken = {name for name, info in STATUS_INFO.items() if info.held or (info.pending and include_planned)}
    nodes_by_date = dataset.nodes_by_date(level)
    dated: dict[DateSpan, tuple[Mapping[str, str], str | None, str | None]] = {}
    within = _Within(dataset)
    order: dict[str, None] = {}  # the nodes in the order they join the graph
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    activity: dict[str, set[str]] = {}
    for event in events:
        if event.status not in taken:
            continue
        if (at := dated.get(event.date)) is None:  # each date's sides and bounds worked out once
            at = dated[event.date] = (nodes_by_date(event.date), event.date.iso_start(), event.date.iso_end())
        side = at[0]
        for actor in event.role_actors():
            activity.setdefault(side[actor], set()).add(event.id)
        for actor in (*event.acting(), *event.initiator):
            order[side[actor]] = None
        counted = _Counted(event, at[1], at[2])
        for u, v, relation in event_relations(dataset, event, side, within):
            if counted.add(edges, (u, v, relation)):
                order.setdefault(u)
                order.setdefault(v)
        # an actor who acted without a counterpart (a statement, a joint draft) is in the graph all the same
        for actor in event.role_actors(mentioned=False):
            order[side[actor]] = None
    graph = nx.MultiDiGraph(title=dataset.title or "", level=level)
    graph.add_nodes_from((node, {**actor_attributes(dataset, node), "activity": len(activity.get(node, ()))})
                         for node in order)
    graph.add_edges_from((u, v, relation, data) for (u, v, relation), data in edges.items())
    return graph


def event_relations(dataset: Dataset, event: Event, side: Mapping[str, str],
                    within: _Within | None = None) -> Iterable[tuple[str, str, str]]:
    """The edges ``event`` adds to the actor graph, sorted: (source node, target node, relation).

    ``side`` maps each actor to its node at the event's date (:meth:`Dataset.nodes_by_date`).
    ``within``: a :class:`_Within` of ``dataset`` kept across events (it remembers affiliations).
    """
    relation = RELATION_OF_TYPE[event.type]
    kind = EVENT_TYPES[event.type]
    if kind.symmetric:
        pairs = {(u, v, relation) for u, v in dataset.iter_met_pairs(event, side)}
        if not kind.meeting:  # the mediators of an agreement or exchange mediated it, for each party
            pairs |= {(side[m], side[p], MEDIATED) for m in event.mediator
                      for p in {*event.attendees(), *event.host, *event.signatory} - set(event.mediator)}
        return ((u, v, r) for u, v, r in sorted(pairs) if u != v)
    pairs = {(side[s], side[t], relation) for s, t in product(event.source, event.target)}
    if len(event.source) > 1:
        within = within or _Within(dataset)
        sources = sorted({side[s] for s in event.source})
        pairs |= {(u, v, JOINT) for u, v in combinations(sources, 2)   # not a person with its own state
                  if not within(u, v, event.date) and not within(v, u, event.date)}
    return ((u, v, r) for u, v, r in sorted(pairs) if u != v)


class _Within:
    """Does an actor belong to another at a date (:meth:`Dataset.affiliation_chain`)? Each chain walked once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.chains: dict[tuple[str, DateSpan], list[str]] = {}
        # only an actor some actor belongs to (at any date) can be past the first of a chain
        self.parents = {parent for actor in dataset.actors.values()
                        for parent in (actor.affiliation, *(a.actor for a in actor.affiliations)) if parent}

    def __call__(self, outer: str, actor: str, date: DateSpan) -> bool:
        """Is ``outer`` in ``actor``'s affiliation chain at ``date``?"""
        if outer not in self.parents:
            return False
        if (chain := self.chains.get((actor, date))) is None:
            chain = self.chains[actor, date] = self.dataset.affiliation_chain(actor, date)
        return outer in chain


def _undrafted(dataset: Dataset) -> list[Event]:
    """The events of ``dataset`` that are not drafts awaiting review."""
    return [event for event in dataset.events if not event.draft]


class _Counted:
    """One event as the edges count it: held or not, its ISO bounds and its date as written."""

    __slots__ = ("event", "happened", "start", "end", "text")

    def __init__(self, event: Event, start: str | None, end: str | None) -> None:
        """``start`` and ``end``: the event date's :meth:`DateSpan.iso_start` and :meth:`~DateSpan.iso_end`."""
        self.event, self.happened, self.text = event, event.status in HELD_STATUSES, event.date.text
        self.start, self.end = start, end

    def add(self, edges: dict[tuple[str, str, str], dict[str, Any]], key: tuple[str, str, str]) -> bool:
        """Count the event on the edge ``key``; a planned one counts only while nothing behind it has happened.

        Returns whether the edge is new.
        """
        data = edges.get(key)
        if data is None or self.happened and data["planned"]:
            relation = key[2]
            edges[key] = {"relation": relation, "directed": relation not in UNDIRECTED_RELATIONS, "count": 1,
                          "first": self.start, "last": self.end, "events": [self.event.id], "dates": [self.text],
                          "planned": not self.happened, "planned_events": [] if data is None else data["events"]}
            return data is None
        if not self.happened and not data["planned"]:
            data["planned_events"].append(self.event.id)
            return False
        data["count"] += 1
        data["events"].append(self.event.id)
        data["dates"].append(self.text)
        first, last = data["first"], data["last"]
        data["first"] = None if first is None or self.start is None else min(first, self.start)  # None: open
        data["last"] = None if last is None or self.end is None else max(last, self.end)
        return False


def actor_attributes(dataset: Dataset, actor_id: str) -> dict:
    """The node attributes of an actor: name, kind, side, affiliation (as things stand), colour if fixed."""
    actor = dataset.actors[actor_id]
    return {"node_type": "actor", "name": actor.name, "kind": actor.kind, "title": actor.title,
            "affiliation": actor.affiliation, "side": dataset.side(actor_id), "color": actor.color}


def event_attributes(event: Event) -> dict:
    """The node attributes of an event: title, type, date as written, as a label (``date_label``: GEXF readers such
    as graphology take an attribute called ``label`` for the node's own label) and as ISO bounds, status..."""
    return {"node_type": "event", "name": event.id, "title": event.headline(), "type": event.type,
            "type_label": event.event_type.label, "date": event.date.text, "date_label": event.date.label(),
            "outcome": event.outcome,
            "start": event.date.iso_start(), "end": event.date.iso_end(), "precision": event.date.precision,
            "status": event.status, "location": event.location, "summary": event.summary,
            "meeting": event.type in MEETING_TYPES}
