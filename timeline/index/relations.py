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

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.answers import Relation, remember_ends
from timeline.index.met import bounds, node
from timeline.vocabulary import EVENT_TYPES, LEVELS

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE date_ends (file INTEGER NOT NULL, ord TEXT NOT NULL, date TEXT NOT NULL, label TEXT NOT NULL,"
    " first TEXT, first_start TEXT, first_end TEXT, last TEXT, last_start TEXT, last_end TEXT)",
    "CREATE TABLE links (file INTEGER NOT NULL, level TEXT NOT NULL, ord TEXT NOT NULL, seq INTEGER NOT NULL,"
    " source TEXT NOT NULL, relation TEXT NOT NULL, target TEXT, directed INTEGER NOT NULL)",
)
INDEXES = (
    "CREATE INDEX date_ends_date ON date_ends (date)",
    # covering, in the order of the answer: an actor's rows come in the graph's order from the index alone
    "CREATE INDEX links_source ON links (level, source, ord, seq, relation, target, directed)",
    "CREATE INDEX links_target ON links (level, target, ord, seq, relation, source, directed)",
    "CREATE INDEX links_relation ON links (level, relation, ord)",
)


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of ``date_ends`` (one per event that dates as one of its kind, so that each file's rows stand
    alone) and ``links``, each ``(table, *row)``; an event's ``ord`` is its place in ``events``."""
    from timeline.answers import date_ends
    from timeline.dates import DateError
    from timeline.graph import UNDIRECTED_RELATIONS, event_relations

    ends: dict[str, tuple | None] = {}
    for n, event in enumerate(events):
        text = event.date.text
        if text not in ends:
            ends[text] = None
            with contextlib.suppress(DateError):
                label, first, last = date_ends(text)
                ends[text] = (label, *(first or (None,) * 3), *(last or (None,) * 3))
        if ends[text] is not None:
            yield "date_ends", n, text, *ends[text]  # type: ignore[misc]
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
                after = seq + 1
                for place, source in enumerate(dict.fromkeys(side[s] for s in event.source), after):
                    yield "links", level, n, place, source, event.type, None, 1


def relations(db: sqlite3.Connection, actor: str, *, since: str | None = None, until: str | None = None,
              level: str = "person", include_drafts: bool = False) -> list[Relation] | None:
    """The answer of :func:`timeline.query.relations`; ``None``: ask the library."""
    from timeline.graph import ACTOR_RELATIONS

    me = node(db, actor, level)
    period = bounds(since, until)
    if me is None or period is None:
        return None
    where = [*period[0], *([] if include_drafts else ["e.draft = 0"])]
    select = ("SELECT l.ord, l.seq, l.source, l.relation, l.target, l.directed, e.id, e.date, e.start, e.end"
              f" FROM links AS l JOIN events AS e ON e.ord = l.ord WHERE {' AND '.join(['l.level = ?', *where])}")
    groups: dict[tuple[int, str | None, str], list[tuple]] = {}  # alone (0), out (1), in (2): in the graph's order
    for row in db.execute(f"{select} AND l.source = ? UNION ALL {select} AND l.target = ? ORDER BY 1, 2",
                          [level, *period[1], me] * 2):  # two indexes, not one OR
        source, target = row[2], row[4]
        key = (0, None, row[3]) if target is None else (1, target, row[3]) if source == me else (2, source, row[3])
        groups.setdefault(key, []).append(row)
    first_seen: dict[tuple[int, str | None], int] = {}  # (direction, other): when the graph first joined them
    for direction, other, _ in groups:
        first_seen.setdefault((direction, other), len(first_seen))
    found = []
    for (direction, other, relation), rows in sorted(groups.items(), key=lambda g: (g[0][0], first_seen[g[0][:2]])):
        directed = bool(rows[0][5])
        source, target = (other, me) if direction == 2 and directed else (me, other)
        starts, ends = [row[8] for row in rows], [row[9] for row in rows]
        found.append(Relation(source, relation, target, directed, len(rows), None if None in starts else min(starts),
                              None if None in ends else max(ends), tuple(row[6] for row in rows),
                              tuple(row[7] for row in rows)))
    remember_dates(db, {date for r in found for date in r.dates})
    order = {name: index for index, name in enumerate((*EVENT_TYPES, *ACTOR_RELATIONS))}
    return sorted(found, key=lambda r: (r.target is not None, (r.target if r.source == me else r.source) or "",
                                        order[r.relation], r.source != me))


def remember_dates(db: sqlite3.Connection, dates: set[str]) -> None:
    """Let :func:`timeline.answers.dates_label` take what it needs of ``dates`` from the table ``date_ends``."""
    found = db.execute("SELECT d.date, d.label, d.first, d.first_start, d.first_end, d.last, d.last_start, d.last_end"
                       " FROM json_each(?) AS j JOIN date_ends AS d"
                       " ON d.rowid = (SELECT rowid FROM date_ends WHERE date = j.value LIMIT 1)",  # one row a date
                       (json.dumps(sorted(dates)),))
    remember_ends((date, label, _end(ends[:3]), _end(ends[3:])) for date, label, *ends in found)


def _end(columns: list[str | None]) -> tuple[str, str, str] | None:
    text, start, end = columns
    return None if text is None else (text, start or "", end or "")
