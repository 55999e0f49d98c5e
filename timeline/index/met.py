"""Who met whom, answered from the store's tables (:mod:`timeline.index`): the rows of :func:`timeline.query.met`.

Each function returns ``None`` when the tables cannot give exactly the
library's answer (a name that is not an id or a whole name or alias, two
names for one actor, a date that does not parse): the caller then asks
:mod:`timeline.query`, which answers or says what is wrong.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from timeline.vocabulary import HELD_STATUSES, MEETING_TYPES, STATUSES

if TYPE_CHECKING:
    from datetime import datetime

#: Statuses listed with ``include_planned``: all but ``proposed`` (suggested, never arranged).
MEETING_STATUSES = tuple(s for s in STATUSES if s != "proposed")

Row = dict[str, Any]

def met(db: sqlite3.Connection, actor: str | None = None, other: str | None = None, *,
        since: str | None = None, until: str | None = None, types: Iterable[str] = MEETING_TYPES,
        level: str = "person", include_planned: bool = False, counterparts: bool = False,
        include_drafts: bool = False) -> list[tuple[Row, str]] | None:
    """The meetings of :func:`timeline.query.met`, each as (its row, its date's label); ``None``: ask the library.

    A row has the keys of :class:`timeline.query.Meeting` (``actors`` a tuple).
    """
    wanted = [node(db, name, level) for name in (actor, other) if name is not None]
    if None in wanted or len(wanted) == 2 and wanted[0] == wanted[1]:
        return None
    period = bounds(since, until)
    if period is None:
        return None
    types = tuple(types) or MEETING_TYPES
    statuses = MEETING_STATUSES if include_planned else HELD_STATUSES
    where = [f"e.type IN ({_marks(types)})", f"e.status IN ({_marks(statuses)})", "p.level = ?"]
    values: list[Any] = [*types, *statuses, level]
    if not include_drafts:
        where.append("e.draft = 0")
    if counterparts:
        where.append("p.same_side = 0")
    where += period[0]
    values += period[1]
    if wanted:
        where.append("(p.u = ? OR p.v = ?)")
        values += [wanted[0], wanted[0]]
    found = []
    for u, v, event, kind, date, start, end, location, status, label in _select(db, where, values):
        pair = (v, u) if wanted and v == wanted[0] else (u, v)
        if len(wanted) == 2 and pair[1] != wanted[1]:
            continue
        found.append(({"actors": pair, "event": event, "type": kind, "date": date, "start": start, "end": end,
                       "location": location, "status": status}, label))
    return found


def _select(db: sqlite3.Connection, where: list[str], values: list[Any]) -> list[tuple]:
    query = (f"SELECT p.u, p.v, e.id, e.type, e.date, e.start, e.end, e.location, e.status, e.label"
             f" FROM pairs AS p JOIN events AS e ON e.ord = p.ord WHERE {' AND '.join(where)}"
             " ORDER BY p.ord, p.u, p.v")
    return db.execute(query, values).fetchall()


def node(db: sqlite3.Connection, name: str, level: str) -> str | None:
    """What the actor ``name`` (an id, or a whole name or alias in any case) counts as at ``level``; else ``None``."""
    ident = actor_id(db, name)
    if ident is None:
        return None
    row = db.execute("SELECT node FROM actors WHERE level = ? AND id = ?", (level, ident)).fetchone()
    return row[0] if row else None


def actor_id(db: sqlite3.Connection, name: str) -> str | None:
    """The id of the actor ``name`` (an id, or a whole name or alias in any case); ``None`` if not exactly one."""
    from timeline.folding import fold

    if db.execute("SELECT 1 FROM actors WHERE level = 'person' AND id = ?", (name,)).fetchone():
        return name
    ids = [i for (i,) in db.execute("SELECT DISTINCT id FROM names WHERE key = ?", (fold(name),))]
    return ids[0] if len(ids) == 1 and name.strip() else None


def bounds(since: str | None, until: str | None) -> tuple[list[str], list[str]] | None:
    """SQL conditions on ``e``, the table ``events``, keeping the events that may lie between ``since`` and
    ``until``; ``None`` if one is wrong."""
    period = moments(since, until)
    if period is None:
        return None
    conditions, values = [], []
    if period[1] is not None:
        conditions.append("(e.lo IS NULL OR e.lo < ?)")
        values.append(period[1])
    if period[0] is not None:
        conditions.append("(e.hi IS NULL OR e.hi > ?)")
        values.append(period[0])
    return conditions, values


def moments(since: str | None, until: str | None) -> tuple[str | None, str | None] | None:
    """The first and the last moment of the period from ``since`` to ``until`` (dates as typed), as
    :func:`sortable` text (``None``: unbounded); ``None`` if a date is wrong or the period ends before it starts."""
    if since is None and until is None:
        return None, None
    from timeline.dates import DateError, parse_user_date

    try:
        first = parse_user_date(since).start if since is not None else None
        last = parse_user_date(until).end if until is not None else None
    except DateError:
        return None
    if first and last and first >= last:
        return None
    return (None if first is None else sortable(first)), (None if last is None else sortable(last))


def sortable(moment: datetime) -> str:
    """A bound of a date span as text that sorts as the moments do."""
    return f"{moment.year:04d}{moment.isoformat(timespec='microseconds')[4:]}"


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))
