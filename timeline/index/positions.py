"""Where each side stood on each issue, answered from the store's tables: ``timeline positions`` and ``gaps``.

Table ``stands``: every position as :func:`timeline.positions.history` makes it
(its chain's ``until`` worked out by the library when the tables are written),
twice: without the positions resting on a draft event (``drafts`` 0) and with
them (1), since a draft left out changes when the one before it ends. Each row
keeps its place in the library's order (``rank``: by the day it counts from,
then issue and actor), its place in the data (``place``), the side its actor
was on at the position's date (``side``: :meth:`~timeline.model.Dataset.side`)
and the label and sortable start of its date. Tables ``issues`` (in the data's
order, with their parent), ``issue_names`` (folded ids, names and aliases) and
``stances`` (the dataset's scale, with labels). A question picks its chains
with SQL, in the library's order; the same rules then keep those that hold on
a day and measure the gaps (:func:`timeline.answers.widest_gaps`).

Each function returns ``None`` when the tables cannot give exactly the
library's answer (an issue or actor that is not an id or a whole name or
alias, a date that does not parse or has no end, ``--since`` after
``--as-of``): the caller then asks :mod:`timeline.positions`, which answers or
says what is wrong.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.answers import GAP_LEVELS, Gap, Sides, Stand, widest_gaps
from timeline.index.met import actor_id, sortable

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE issue_names (file INTEGER NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL)",
    "CREATE TABLE issues (file INTEGER NOT NULL, rank INTEGER NOT NULL, id TEXT NOT NULL, parent TEXT)",
    "CREATE TABLE stances (file INTEGER NOT NULL, rank INTEGER NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL)",
    "CREATE TABLE stands (file INTEGER NOT NULL, drafts INTEGER NOT NULL, rank INTEGER NOT NULL,"
    " place INTEGER NOT NULL, issue TEXT NOT NULL, actor TEXT NOT NULL, stance TEXT NOT NULL, value NOT NULL,"
    " date TEXT NOT NULL, since TEXT NOT NULL, until TEXT, statement TEXT NOT NULL, event TEXT,"
    " claimed_by TEXT NOT NULL, sources TEXT NOT NULL, position TEXT NOT NULL, side TEXT NOT NULL,"
    " first TEXT NOT NULL, label TEXT NOT NULL)",
)
INDEXES = (
    "CREATE INDEX issue_names_key ON issue_names (key)",
    "CREATE INDEX stands_issue ON stands (drafts, issue, rank)",
    "CREATE INDEX stands_since ON stands (drafts, since)",
)
#: The columns of a :class:`~timeline.answers.Stand`, as ``stands`` keeps them.
_STAND = ("issue, actor, stance, value, date, since, until, statement, event, claimed_by, sources, position")


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of this module's tables (the dataset's: none of them is an event's), each ``(table, *row)``."""
    if not (record.issues or record.positions):
        return
    from timeline import positions as library
    from timeline.folding import fold

    yield from (("issue_names", *row) for row in sorted({(fold(name), issue.id) for issue in record.issues.values()
                                                        for name in (issue.id, issue.name, *issue.aliases)}))
    yield from (("issues", rank, issue.id, issue.parent) for rank, issue in enumerate(record.issues.values()))
    yield from (("stances", rank, stance.id, stance.label) for rank, stance in enumerate(record.stances))
    places = {position.id: (place, position) for place, position in enumerate(record.positions)}
    for drafts in (0, 1):
        for rank, stand in enumerate(library.history(record, include_drafts=bool(drafts))):
            place, position = places[stand.position]
            span = position.date
            yield ("stands", drafts, rank, place, *stand[:9], json.dumps(stand.claimed_by), json.dumps(stand.sources),
                   stand.position, record.side(stand.actor, span), sortable(span.start or span.end), span.label())


def history(db: sqlite3.Connection, issue: str | None = None, *, actor: str | None = None, children: bool = False,
            include_drafts: bool = False) -> list[Stand] | None:
    """The answer of :func:`timeline.positions.history`; ``None``: ask the library."""
    where, values = ["drafts = ?"], [int(include_drafts)]
    for column, chosen in (("issue", _issues(db, issue, children)), ("actor", _members(db, actor))):
        if chosen is None:
            return None
        if chosen:
            where.append(f"{column} IN (SELECT value FROM json_each(?))")
            values.append(json.dumps(sorted(chosen)))
    return [_stand(row) for row in db.execute(f"SELECT {_STAND} FROM stands WHERE {' AND '.join(where)}"
                                              " ORDER BY rank", values)]


def as_of(db: sqlite3.Connection, date: str, issue: str | None = None, *, actor: str | None = None,
          children: bool = False, claims: bool = True, include_drafts: bool = False) -> list[Stand] | None:
    """The answer of :func:`timeline.positions.as_of`; ``None``: ask the library."""
    last = _last_day(date)
    found = history(db, issue, actor=actor, children=children, include_drafts=include_drafts)
    if last is None or found is None:
        return None
    order = issue_order(db)
    holding = [s for s in found if s.since <= last and (s.until is None or s.until > last)
               and (claims or not s.claimed_by)]
    return sorted(holding, key=lambda s: (bool(s.claimed_by), order.get(s.issue, 0), s.actor))


def gaps(db: sqlite3.Connection, date: str, *, since: str | None = None, level: str = "state",
         include_drafts: bool = False) -> list[Gap] | None:
    """The answer of :func:`timeline.positions.gaps`; ``None``: ask the library."""
    last, first = _last_day(date), "" if since is None else _last_day(since)
    if level not in GAP_LEVELS or last is None or first is None or first > last:
        return None
    now = _sides(db, last, level, include_drafts)
    then = _sides(db, first, level, include_drafts) if since is not None else None
    return widest_gaps(now, then, issue_order(db))


def issue_id(db: sqlite3.Connection, name: str) -> str | None:
    """The id of the issue ``name`` (an id, or a whole name or alias in any case); ``None`` if not exactly one."""
    from timeline.folding import fold

    if db.execute("SELECT 1 FROM issues WHERE id = ?", (name,)).fetchone():
        return name
    ids = [i for (i,) in db.execute("SELECT DISTINCT id FROM issue_names WHERE key = ?", (fold(name),))]
    return ids[0] if len(ids) == 1 and name.strip() else None


def issue_order(db: sqlite3.Connection) -> dict[str, int]:
    """Each issue's place in the data."""
    return dict(db.execute("SELECT id, rank FROM issues"))


def stance_labels(db: sqlite3.Connection) -> dict[str, str]:
    """Each stance of the dataset's scale by id, with its label ('Red line')."""
    return dict(db.execute("SELECT id, label FROM stances ORDER BY rank"))


def first_dated(db: sqlite3.Connection, issue: str | None = None) -> str | None:
    """The label of the earliest date of a position (on ``issue``, an id); ``None`` if there is none."""
    on = " AND issue = ?" if issue is not None else ""
    row = db.execute(f"SELECT label FROM stands WHERE drafts = 1{on} ORDER BY first, place LIMIT 1",
                     () if issue is None else (issue,)).fetchone()
    return row[0] if row else None


def _sides(db: sqlite3.Connection, last: str, level: str, include_drafts: bool) -> Sides:
    """Each issue's sides on the day ``last``: the own position that counts latest (on one day, the later in the data)."""
    found: Sides = {}
    for issue, side, stance, value in db.execute(
            f"SELECT issue, {'side' if level == 'state' else 'actor'}, stance, value FROM stands"
            " WHERE drafts = ? AND since <= ? AND (until IS NULL OR until > ?) AND claimed_by = '[]'"
            " ORDER BY since, place", (int(include_drafts), last, last)):
        found.setdefault(issue, {})[side] = (stance, value)
    return found


def _issues(db: sqlite3.Connection, issue: str | None, children: bool) -> set[str] | None:
    """The issue ``issue`` names and, with ``children``, those within it; empty: every issue; ``None``: not known."""
    if issue is None:
        return set()
    ident = issue_id(db, issue)
    if ident is None:
        return None
    chosen, parents = {ident}, list(db.execute("SELECT id, parent FROM issues"))
    while children and (more := {i for i, parent in parents if parent in chosen} - chosen):
        chosen |= more
    return chosen


def _members(db: sqlite3.Connection, actor: str | None) -> set[str] | None:
    """The actor ``actor`` names and its members; empty: every actor; ``None``: not known."""
    if actor is None:
        return set()
    ident = actor_id(db, actor)
    return None if ident is None else {a for (a,) in db.execute("SELECT actor FROM chains WHERE ancestor = ?",
                                                                (ident,))}


def _last_day(date: str) -> str | None:
    """The last day of ``date`` as typed (ISO), as :func:`timeline.positions` reads it; ``None`` if it cannot say."""
    from timeline.dates import DateError, parse_user_date

    try:
        span = parse_user_date(date)
    except DateError:
        return None
    return None if span.last is None else span.last.isoformat()


def _stand(row: tuple) -> Stand:
    *head, claimed_by, sources, position = row
    return Stand(*head, tuple(json.loads(claimed_by)), tuple(json.loads(sources)), position)
