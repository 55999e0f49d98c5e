"""The events a filter keeps, answered from the store's tables (:mod:`timeline.index`): ``timeline events``.

Tables: ``event_rows`` (each event's row as ``timeline.rows.event_row``
makes it, as JSON), ``event_cells`` (what a table of events prints that the
``events`` table lacks, its headline, and text that sorts it in the
``start`` and ``end`` orders), ``roles`` (each actor and role of each event,
with the event's bounds and draft flag, so that an actor's events in a
period are found from the index alone) and ``chains`` (each actor with
every actor it belongs to, as things stand). The filter's dates, types,
statuses and drafts are the ``events`` table's columns. A question that
prints a table reads only its columns; the JSON rows are decoded only for
JSON and CSV.

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

from timeline.index.met import actor_id, moments

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE chains (file INTEGER NOT NULL, actor TEXT NOT NULL, ancestor TEXT NOT NULL)",
    "CREATE TABLE event_cells (file INTEGER NOT NULL, ord TEXT PRIMARY KEY, by_start TEXT NOT NULL,"
    " by_end TEXT NOT NULL, headline TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE event_rows (file INTEGER NOT NULL, ord TEXT PRIMARY KEY, row TEXT NOT NULL) WITHOUT ROWID",
    # lo and hi as in ``events``, an open end as text that sorts before (lo '') or after (hi '~') every bound
    "CREATE TABLE roles (file INTEGER NOT NULL, ord TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,"
    " lo TEXT NOT NULL, hi TEXT NOT NULL)",
)
INDEXES = (
    "CREATE INDEX chains_ancestor ON chains (ancestor)",
    # covering: an actor's events ending after a day, with their start and role, from the index alone
    "CREATE INDEX roles_actor ON roles (actor, hi, lo, role, ord)",
)
#: The columns of the table ``timeline events`` prints, and where the tables keep them.
CELLS = {"id": "e.id", "label": "e.label", "type": "e.type", "status": "e.status", "location": "e.location",
         "headline": "c.headline"}


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of this module's tables, each ``(table, *row)``; an event's ``ord`` is its place in ``events``,
    ``by_start`` and ``by_end`` text that sorts it in those orders (:func:`timeline.index.write.sort_key`)."""
    from timeline.index.met import sortable
    from timeline.index.write import sort_key
    from timeline.rows import event_row

    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for n, event in enumerate(events):
        yield "event_rows", n, encode(event_row(event))
    for n, event in enumerate(events):
        yield "event_cells", n, sort_key(event, "start"), sort_key(event, "end"), event.headline()
    for n, event in enumerate(events):
        start, end = event.date.start, event.date.end
        lo, hi = "" if start is None else sortable(start), "~" if end is None else sortable(end)
        for actor, role in event.roles():
            yield "roles", n, actor, role, lo, hi
    for actor in record.actors:
        for ancestor in record.affiliation_chain(actor):
            yield "chains", actor, ancestor


def events(db: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
           actors: Sequence[str] = (), types: Sequence[str] = (), statuses: Sequence[str] = (),
           roles: Sequence[str] = (), include_drafts: bool = False, order: str = "midpoint",
           fields: Sequence[str] | None = None) -> list[dict[str, Any]] | None:
    """The rows ``timeline.rows.event_row`` gives of the events the filter keeps, in ``order``; ``None``: ask the library.

    The arguments are those of :class:`timeline.filters.EventFilter`; ``fields``: only these keys of each row
    (all when ``None``), read from their own columns when they are among :data:`CELLS`.
    """
    period = moments(since, until)
    wanted = [actor_id(db, name) for name in actors]
    if period is None or None in wanted or order not in ("midpoint", "start", "end"):
        return None
    since_moment, until_moment = period
    where: list[str] = []
    values: list[Any] = []
    for column, chosen in (("type", types), ("status", statuses)):
        if chosen:
            where.append(f"e.{column} IN ({', '.join('?' * len(chosen))})")
            values += chosen
    if not include_drafts:
        where.append("e.draft = 0")
    if wanted:  # the period on the roles' index: only the events of the actors in it are looked up
        role = f" AND r.role IN ({', '.join('?' * len(roles))})" if roles else ""
        when = "".join([" AND r.hi > ?" * (since_moment is not None), " AND r.lo < ?" * (until_moment is not None)])
        where.append(f"e.ord IN (SELECT r.ord FROM roles AS r WHERE r.actor IN (SELECT c.actor FROM chains AS c"
                     f" WHERE c.ancestor IN ({', '.join('?' * len(wanted))})){when}{role})")
        values += [*wanted, *(m for m in period if m is not None), *roles]
    else:
        for condition, moment in (("(e.lo IS NULL OR e.lo < ?)", until_moment), ("(e.hi IS NULL OR e.hi > ?)",
                                                                                  since_moment)):
            if moment is not None:
                where.append(condition)
                values.append(moment)
    sort = {"midpoint": "e.ord", "start": "c.by_start", "end": "c.by_end"}[order]
    tables = "events AS e JOIN event_cells AS c ON c.ord = e.ord"
    if fields is not None and set(fields) <= CELLS.keys():
        query = f"SELECT {', '.join(CELLS[f] for f in fields)} FROM {tables} WHERE {' AND '.join(where) or '1'}"
        return [dict(zip(fields, row)) for row in db.execute(f"{query} ORDER BY {sort}", values)]
    query = (f"SELECT x.row FROM {tables} JOIN event_rows AS x ON x.ord = e.ord"
             f" WHERE {' AND '.join(where) or '1'} ORDER BY {sort}")
    found = [json.loads(row) for (row,) in db.execute(query, values)]
    return found if fields is None else [{key: row[key] for key in fields} for row in found]
