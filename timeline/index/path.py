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

import sqlite3
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from timeline.answers import Relation
from timeline.index.met import bounds, node
from timeline.index.relations import remember_dates
from timeline.vocabulary import HELD_STATUSES, LEVELS, MEETING_TYPES

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = ("CREATE TABLE event_nodes (file INTEGER NOT NULL, level TEXT NOT NULL, ord TEXT NOT NULL,"
          " pos INTEGER NOT NULL, node TEXT NOT NULL)",
          "CREATE TABLE meeting_edges (file INTEGER NOT NULL, level TEXT NOT NULL, drafts INTEGER NOT NULL,"
          " rank INTEGER NOT NULL, source TEXT NOT NULL, target TEXT)")
INDEXES = ("CREATE INDEX event_nodes_ord ON event_nodes (level, ord)",
           "CREATE INDEX meeting_edges_rank ON meeting_edges (level, drafts, rank)")

Graph = dict[str, dict[str, bool]]

def _first(table: str, seq: str) -> str:
    """SQL of text that sorts the rows of ``table`` as the actor graph adds them: by event (``ord``), then
    ``seq``; its least over a group is the group's first."""
    return f"{table}.ord || char(1) || printf('%010d', {table}.{seq})"  # an id has no \x01: see write.sort_key


#: ``meeting_edges`` (``file`` 0), made anew from the other tables whenever rows are written (so also after
#: rows of one file changed): for the question with no dates, without drafts (0) and with (1), the nodes in the
#: order the actor graph adds them (rows with no ``target``) and its ``met`` edges in the order it adds them.
DERIVED = tuple(
    f"INSERT INTO meeting_edges SELECT 0, x.level, d.drafts, row_number() OVER (PARTITION BY x.level, d.drafts"
    f" ORDER BY min({_first('x', seq)})), {columns} FROM {table} AS x JOIN events AS e ON e.ord = x.ord"
    f" JOIN (SELECT 0 AS drafts UNION ALL SELECT 1) AS d WHERE {where} AND e.type IN {MEETING_TYPES!r}"
    f" AND e.status IN {HELD_STATUSES!r} AND (d.drafts = 1 OR e.draft = 0) GROUP BY x.level, d.drafts, {columns}"
    for table, seq, columns, where in (("event_nodes", "pos", "x.node, NULL", "1"),
                                       ("links", "seq", "x.source, x.target", "x.relation = 'met'")))
#: The events a chain is made of: meetings, calls and visits that took place.
_KINDS = (f"e.type IN ({', '.join('?' * len(MEETING_TYPES))}) AND e.status IN ({', '.join('?' * len(HELD_STATUSES))})")



def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of ``event_nodes``, each ``(table, *row)``; ``events`` in the record's order (``ord``)."""
    from timeline.graph import event_relations

    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for n, event in enumerate(events):
            if event.type not in MEETING_TYPES or not event.held:
                continue
            side = nodes_at(event.date)
            nodes = [side[a] for a in (*event.acting(), *event.initiator)]
            nodes += [x for u, v, _ in event_relations(record, event, side) for x in (u, v)]
            nodes += [side[a] for a in event.role_actors(mentioned=False)]
            for pos, node_ in enumerate(dict.fromkeys(nodes)):
                yield "event_nodes", level, n, pos, node_


def path(db: sqlite3.Connection, actor: str, other: str, *, since: str | None = None, until: str | None = None,
         level: str = "person", include_drafts: bool = False) -> list[Relation] | None:
    """The answer of :func:`timeline.query.path`; ``None``: ask the library."""
    start, end = node(db, actor, level), node(db, other, level)
    period = bounds(since, until)
    if start is None or end is None or start == end or period is None:
        return None
    where = [_KINDS, *period[0], *([] if include_drafts else ["e.draft = 0"])]
    chosen = (" AND ".join(where), [*MEETING_TYPES, *HELD_STATUSES, *period[1]])
    kept = int(include_drafts) if since is None and until is None else None
    graph, rank = _meetings(db, level, chosen, kept)
    links = []
    for u, v in pairwise(_shortest(graph, start, end)):
        # both directions met: networkx's graph keeps the data of the one whose source it came to last
        source, target = max(((a, b) for a, b in ((u, v), (v, u)) if b in graph.get(a, {}) and graph[a][b]),
                             key=lambda pair: rank[pair[0]])
        links.append(_link(db, level, chosen, source, target, (u, v)))
    remember_dates(db, {date for link in links for date in link.dates})
    return links


def _meetings(db: sqlite3.Connection, level: str, chosen: tuple[str, list[Any]],
              kept: int | None) -> tuple[Graph, dict[str, int]]:
    """The undirected graph of who met whom, each node's neighbours in the order networkx's would list them,
    and each node's place in the order the actor graph added them.

    ``graph[u][v]`` is true where a meeting went from ``u`` to ``v`` (the actor graph is directed).
    ``kept``: the order kept in ``meeting_edges`` for a question without dates (0: without drafts, 1: with).
    """
    where, values = chosen
    if kept is not None:
        found = db.execute("SELECT source, target FROM meeting_edges WHERE level = ? AND drafts = ? ORDER BY rank",
                           (level, kept)).fetchall()
        return _graph([u for u, v in found if v is None], [(u, v) for u, v in found if v is not None])
    order = [n for n, in db.execute(
        f"SELECT n.node FROM event_nodes AS n JOIN events AS e ON e.ord = n.ord WHERE n.level = ? AND {where}"
        f" GROUP BY n.node ORDER BY min({_first('n', 'pos')})", [level, *values])]
    return _graph(order, db.execute(
        f"SELECT l.source, l.target FROM links AS l JOIN events AS e ON e.ord = l.ord WHERE l.level = ?"
        f" AND l.relation = 'met' AND {where} GROUP BY l.source, l.target ORDER BY min({_first('l', 'seq')})",
        [level, *values]).fetchall())


def _graph(order: list[str], edges: list[tuple[str, str]]) -> tuple[Graph, dict[str, int]]:
    """The graph of :func:`_meetings` from the nodes and the directed edges, each in the order first added."""
    rank = {n: place for place, n in enumerate(order)}
    out: dict[str, list[str]] = {}
    for u, v in edges:
        out.setdefault(u, []).append(v)
    graph: Graph = {}
    for u in order:  # as nx.Graph.add_edges_from over the multigraph's edges, node by node
        for v in out.get(u, ()):
            graph.setdefault(u, {})[v] = True
            graph.setdefault(v, {}).setdefault(u, False)
    return graph, rank


def _link(db: sqlite3.Connection, level: str, chosen: tuple[str, list[Any]], source: str, target: str,
          pair: tuple[str, str]) -> Relation:
    """The link ``pair`` of a chain, with the meetings of its edge ``source`` -> ``target``."""
    where, values = chosen
    rows = db.execute(f"SELECT e.id, e.date, e.start, e.end FROM links AS l JOIN events AS e ON e.ord = l.ord"
                      f" WHERE l.level = ? AND l.relation = 'met' AND l.source = ? AND l.target = ? AND {where}"
                      f" ORDER BY l.ord, l.seq", [level, source, target, *values]).fetchall()
    starts, ends = [row[2] for row in rows], [row[3] for row in rows]
    return Relation(pair[0], "met", pair[1], False, len(rows), None if None in starts else min(starts),
                    None if None in ends else max(ends), tuple(row[0] for row in rows), tuple(row[1] for row in rows))


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
