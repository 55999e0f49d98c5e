"""The shortest chain of meetings, answered from the store's tables: :func:`timeline.query.path`.

Table ``event_nodes``: for each meeting, call or visit that took place, at
each level, the nodes it brings into the actor graph, in the order the graph
adds them. With the ``met`` rows of ``links`` (:mod:`timeline.index.relations`)
they give the meetings graph of :func:`timeline.query.path`, neighbours in the
same order, searched by the same bidirectional breadth-first search as
networkx's ``shortest_path``: the same chain, not merely one as short.

:func:`path` returns ``None`` when the tables cannot give exactly the
library's answer (see :mod:`timeline.index.met`).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from timeline.answers import Link
from timeline.index.met import bounds, node
from timeline.index.relations import count, remember_dates
from timeline.vocabulary import HELD_STATUSES, LEVELS, MEETING_TYPES

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = ("CREATE TABLE event_nodes (level TEXT NOT NULL, ord INTEGER NOT NULL, nodes TEXT NOT NULL)",)
INDEXES = ("CREATE INDEX event_nodes_ord ON event_nodes (level, ord)",)

Graph = dict[str, dict[str, dict[str, Any]]]


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of ``event_nodes``, each ``("event_nodes", *row)``; ``events`` in the record's order (``ord``)."""
    from timeline.graph import event_relations

    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for n, event in enumerate(events):
            if event.type not in MEETING_TYPES or not event.held:
                continue
            side = nodes_at(event.date)
            nodes = [side[a] for a in (*event.acting(), *event.initiator)]
            nodes += [x for u, v, _ in event_relations(record, event, side) for x in (u, v)]
            nodes += [side[a] for a, role in event.roles() if role != "mentioned"]
            yield "event_nodes", level, n, json.dumps(list(dict.fromkeys(nodes)), ensure_ascii=False)


def path(db: sqlite3.Connection, actor: str, other: str, *, since: str | None = None, until: str | None = None,
         level: str = "person", include_drafts: bool = False) -> list[Link] | None:
    """The answer of :func:`timeline.query.path`; ``None``: ask the library."""
    start, end = node(db, actor, level), node(db, other, level)
    period = bounds(since, until)
    if start is None or end is None or start == end or period is None:
        return None
    graph = _meetings(db, level, period, include_drafts)
    chain = _shortest(graph, start, end)
    remember_dates(db, {date for u, v in pairwise(chain) for date in graph[u][v]["dates"]})
    return [Link((u, v), graph[u][v]["count"], graph[u][v]["first"], graph[u][v]["last"],
                 tuple(graph[u][v]["events"]), tuple(graph[u][v]["dates"])) for u, v in pairwise(chain)]


def _meetings(db: sqlite3.Connection, level: str, period: tuple[list[str], list[str]], drafts: bool) -> Graph:
    """The undirected graph of who met whom: each node's neighbours in the order networkx's would list them."""
    where = [f"e.type IN ({', '.join('?' * len(MEETING_TYPES))})", f"e.status IN ({', '.join('?' * len(HELD_STATUSES))})",
             *period[0], *([] if drafts else ["e.draft = 0"])]
    values = [level, *MEETING_TYPES, *HELD_STATUSES, *period[1]]
    order: dict[str, None] = {}
    for (nodes,) in db.execute(f"SELECT n.nodes FROM event_nodes AS n JOIN events AS e ON e.ord = n.ord"
                               f" WHERE n.level = ? AND {' AND '.join(where)} ORDER BY n.ord", values):
        order.update(dict.fromkeys(json.loads(nodes)))
    out: dict[str, dict[str, dict[str, Any]]] = {}  # the multigraph's 'met' edges, u -> v, as first added
    for u, v, event, date, start, end in db.execute(
            f"SELECT l.source, l.target, e.id, e.date, e.start, e.end FROM links AS l JOIN events AS e"
            f" ON e.ord = l.ord WHERE l.level = ? AND l.relation = 'met' AND {' AND '.join(where)}"
            f" ORDER BY l.ord, l.seq", values):
        count(out.setdefault(u, {}), v, False, event, date, start, end)
    graph: Graph = {}
    for u in order:  # as nx.Graph.add_edges_from over the multigraph's edges: a later direction's data wins
        for v, data in out.get(u, {}).items():
            shared = {**graph.setdefault(u, {}).get(v, {}), **data}
            graph[u][v] = shared
            graph.setdefault(v, {})[u] = shared
    return graph


def _shortest(graph: Graph, source: str, target: str) -> list[str]:
    """The chain networkx's ``bidirectional_shortest_path`` finds (the same search); ``[]`` if none."""
    if source not in graph or target not in graph:
        return []
    pred: dict[str, str | None] = {source: None}
    succ: dict[str, str | None] = {target: None}
    forward, reverse = [source], [target]
    meet = None
    while forward and reverse and meet is None:
        if len(forward) <= len(reverse):
            forward, meet = _step(graph, forward, pred, succ)
        else:
            reverse, meet = _step(graph, reverse, succ, pred)
    if meet is None:
        return []
    chain, at = [], meet
    while at is not None:
        chain.append(at)
        at = pred[at]
    chain.reverse()
    at = succ[chain[-1]]
    while at is not None:
        chain.append(at)
        at = succ[at]
    return chain


def _step(graph: Graph, fringe: list[str], seen: dict[str, str | None],
          other: dict[str, str | None]) -> tuple[list[str], str | None]:
    """One level of the search from ``fringe``: the next fringe, and the node where the two searches meet."""
    following = []
    for v in fringe:
        for w in graph[v]:
            if w not in seen:
                following.append(w)
                seen[w] = v
            if w in other:
                return following, w
    return following, None
