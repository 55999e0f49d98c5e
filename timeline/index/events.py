"""The events a filter keeps, answered from the store's tables (:mod:`timeline.index`): ``timeline events``.

Tables: ``event_rows`` (each event's row as ``timeline.rows.event_row``
makes it, as JSON, with text that sorts it in the ``start`` and ``end`` orders),
``roles`` (each actor and role of each event) and ``chains`` (each actor
with every actor it belongs to, as things stand). The filter's dates,
types, statuses and drafts are the ``events`` table's columns.

:func:`events` returns ``None`` when the tables cannot give exactly the
library's answer (a name that is not an id or a whole name or alias, a
date that does not parse, a period that ends before it starts): the
caller then asks :class:`timeline.filters.EventFilter`, which answers or
says what is wrong.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from timeline.index.met import actor_id, bounds

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE chains (file INTEGER NOT NULL, actor TEXT NOT NULL, ancestor TEXT NOT NULL)",
    "CREATE TABLE event_rows (file INTEGER NOT NULL, ord TEXT PRIMARY KEY, by_start TEXT NOT NULL,"
    " by_end TEXT NOT NULL, row TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE roles (file INTEGER NOT NULL, ord TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL)",
)
INDEXES = (
    "CREATE INDEX chains_ancestor ON chains (ancestor)",
    "CREATE INDEX roles_actor ON roles (actor, ord)",
)


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of this module's tables, each ``(table, *row)``; an event's ``ord`` is its place in ``events``,
    ``by_start`` and ``by_end`` text that sorts it in those orders (:func:`timeline.index.write.sort_key`)."""
    from timeline.index.write import sort_key
    from timeline.rows import event_row

    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for n, event in enumerate(events):
        yield "event_rows", n, sort_key(event, "start"), sort_key(event, "end"), encode(event_row(event))
    for n, event in enumerate(events):
        for actor, role in event.roles():
            yield "roles", n, actor, role
    for actor in record.actors:
        for ancestor in record.affiliation_chain(actor):
            yield "chains", actor, ancestor


def events(db: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
           actors: Sequence[str] = (), types: Sequence[str] = (), statuses: Sequence[str] = (),
           roles: Sequence[str] = (), include_drafts: bool = False,
           order: str = "midpoint") -> list[dict[str, Any]] | None:
    """The rows ``timeline.rows.event_row`` gives of the events the filter keeps, in ``order``; ``None``: ask the library.

    The arguments are those of :class:`timeline.filters.EventFilter`.
    """
    period = bounds(since, until)
    wanted = [actor_id(db, name) for name in actors]
    if period is None or None in wanted or order not in ("midpoint", "start", "end"):
        return None
    where, values = [*period[0]], [*period[1]]
    for column, chosen in (("type", types), ("status", statuses)):
        if chosen:
            where.append(f"e.{column} IN ({', '.join('?' * len(chosen))})")
            values += chosen
    if not include_drafts:
        where.append("e.draft = 0")
    if wanted:
        role = f" AND r.role IN ({', '.join('?' * len(roles))})" if roles else ""
        where.append(f"e.ord IN (SELECT r.ord FROM roles AS r WHERE r.actor IN (SELECT c.actor FROM chains AS c"
                     f" WHERE c.ancestor IN ({', '.join('?' * len(wanted))})){role})")
        values += [*wanted, *roles]
    sort = {"midpoint": "e.ord", "start": "x.by_start", "end": "x.by_end"}[order]
    query = (f"SELECT x.row FROM events AS e JOIN event_rows AS x ON x.ord = e.ord"
             f" WHERE {' AND '.join(where) or '1'} ORDER BY {sort}")
    return [json.loads(row) for (row,) in db.execute(query, values)]

