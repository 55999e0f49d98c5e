"""What passed between one actor and the others, answered from the store's tables: :func:`timeline.query.relations`.

Table ``links``: for each event that took place, at each level, the edges
it adds to the actor graph (:func:`timeline.graph.event_relations`, in its
order: ``seq``), and, for a directed event with no target, one row per
source node with the event's type as relation and no target. A question
gathers the rows of one actor in the record's order, as the actor graph
does its edges, so the counts, bounds and the order of the answer are the
library's.

:func:`relations` returns ``None`` when the tables cannot give exactly the
library's answer (see :mod:`timeline.index.met`).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from timeline.answers import Relation
from timeline.index.met import bounds, node
from timeline.vocabulary import EVENT_TYPES, LEVELS

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE links (level TEXT NOT NULL, ord INTEGER NOT NULL, seq INTEGER NOT NULL, source TEXT NOT NULL,"
    " relation TEXT NOT NULL, target TEXT, directed INTEGER NOT NULL)",
)
INDEXES = (
    "CREATE INDEX links_source ON links (level, source)",
    "CREATE INDEX links_target ON links (level, target)",
    "CREATE INDEX links_relation ON links (level, relation, ord)",
)


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of ``links``, each ``("links", *row)``; ``events`` in the record's order (``ord``)."""
    from timeline.graph import UNDIRECTED_RELATIONS, event_relations

    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for n, event in enumerate(events):
            if not event.held:
                continue
            side = nodes_at(event.date)
            seq = 0
            for seq, (u, v, relation) in enumerate(event_relations(record, event, side), 1):
                yield "links", level, n, seq, u, relation, v, int(relation not in UNDIRECTED_RELATIONS)
            if not event.event_type.symmetric and not event.target:
                for seq, source in enumerate(dict.fromkeys(side[s] for s in event.source), seq + 1):
                    yield "links", level, n, seq, source, event.type, None, 1


def relations(db: sqlite3.Connection, actor: str, *, since: str | None = None, until: str | None = None,
              level: str = "person", include_drafts: bool = False) -> list[Relation] | None:
    """The answer of :func:`timeline.query.relations`; ``None``: ask the library."""
    from timeline.graph import ACTOR_RELATIONS

    me = node(db, actor, level)
    period = bounds(since, until)
    if me is None or period is None:
        return None
    where = ["l.level = ?", "(l.source = ? OR l.target = ?)", *period[0]]
    if not include_drafts:
        where.append("e.draft = 0")
    alone: dict[str, dict[str, Any]] = {}
    out: dict[str, dict[str, dict[str, Any]]] = {}  # other node -> relation -> edge, in the graph's order
    into: dict[str, dict[str, dict[str, Any]]] = {}
    for source, relation, target, directed, event, date, start, end in db.execute(
            f"SELECT l.source, l.relation, l.target, l.directed, e.id, e.date, e.start, e.end FROM links AS l"
            f" JOIN events AS e ON e.ord = l.ord WHERE {' AND '.join(where)} ORDER BY l.ord, l.seq",
            [level, me, me, *period[1]]):
        if target is None:
            edges = alone
        else:
            edges = out.setdefault(target, {}) if source == me else into.setdefault(source, {})
        _count(edges, relation, bool(directed), event, date, start, end)
    found = [_relation(me, kind, None, edge) for kind, edge in alone.items()]
    for other, edges, outgoing in [*((v, e, True) for v, e in out.items()), *((u, e, False) for u, e in into.items())]:
        for relation, edge in edges.items():
            source, target = (me, other) if outgoing or not edge["directed"] else (other, me)
            found.append(_relation(source, relation, target, edge))
    order = {name: index for index, name in enumerate((*EVENT_TYPES, *ACTOR_RELATIONS))}
    return sorted(found, key=lambda r: (r.target is not None, (r.target if r.source == me else r.source) or "",
                                        order[r.relation], r.source != me))


def _relation(source: str, relation: str, target: str | None, edge: dict[str, Any]) -> Relation:
    return Relation(source, relation, target, edge["directed"], edge["count"], edge["first"], edge["last"],
                    tuple(edge["events"]), tuple(edge["dates"]))


def _count(edges: dict[str, dict[str, Any]], relation: str, directed: bool, event: str, date: str,
           start: str | None, end: str | None) -> None:
    """Count one event on the edge ``relation`` of ``edges`` (as the actor graph does: bounds ``None`` when open)."""
    edge = edges.get(relation)
    if edge is None:
        edges[relation] = {"directed": directed, "count": 1, "first": start, "last": end, "events": [event],
                           "dates": [date]}
        return
    edge["count"] += 1
    edge["events"].append(event)
    edge["dates"].append(date)
    edge["first"] = None if edge["first"] is None or start is None else min(edge["first"], start)
    edge["last"] = None if edge["last"] is None or end is None else max(edge["last"], end)

