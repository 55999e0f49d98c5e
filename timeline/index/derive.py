"""Tables made from the others' rows, kept up to date after an edit from the rows it touched.

``meeting_edges`` (:mod:`timeline.index.path`) lists the nodes and the ``met``
edges of the meetings graph in the order each first appears: by the least
``ord`` and place (``pos``, ``seq``) among the rows of the meetings, calls and
visits that took place, without drafts (``drafts`` 0) and with them (1). Its
``DERIVED`` statements make it from every row of ``event_nodes`` and ``links``
(about 1 s of CPU at 100,000 events), which an edit of one file cannot afford.
So the writer keeps where each node and edge first appears (its own table
``firsts``, in :data:`timeline.index.SCHEMA`: level, drafts, source, target, ``''`` for a node, first place);
after an edit only the nodes and edges of the changed events' rows, as they
were and as they are, are looked up again, and ``meeting_edges`` is numbered
anew from ``firsts`` (17,580 rows at 100k). The rows are the ``DERIVED``
statements' (tested after edits of every kind: ``tests/test_index_derive.py``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from timeline.vocabulary import HELD_STATUSES, MEETING_TYPES

#: The table kept from ``firsts``.
TABLE = "meeting_edges"
#: Where the nodes and the edges come from: table, the column of the place, the columns of a key, which rows,
#: and how a key's rows are found in the order of their places (through :data:`INDEXES`).
_SOURCES = (("event_nodes", "pos", "x.node, ''", "1", "t.target = '' AND x.node = t.source"),
            ("links", "seq", "x.source, x.target", "x.relation = 'met'",
             "t.target <> '' AND x.source = t.source AND x.target = t.target"))
#: A node's or an edge's rows in the order of their places: its first place is found without reading the others.
INDEXES = ("CREATE INDEX event_nodes_first ON event_nodes (level, node, ord, pos)",
           "CREATE INDEX links_first ON links (level, source, target, ord, seq)")
#: Which rows count: meetings, calls and visits that took place; drafts only in the rows with drafts.
_HELD = (f"e.type IN ({', '.join('?' * len(MEETING_TYPES))}) AND e.status IN ({', '.join('?' * len(HELD_STATUSES))})"
         " AND (d.drafts = 1 OR e.draft = 0)")
_DRAFTS = "(SELECT 0 AS drafts UNION ALL SELECT 1) AS d"


def maintained(tables: Sequence[str]) -> bool:
    """Are :data:`TABLE` and the tables it is made from among ``tables`` (so kept here, not by ``DERIVED``)?"""
    return {TABLE, "firsts", "events", *(source for source, *_ in _SOURCES)} <= set(tables)


def touch(db: sqlite3.Connection, rows: Mapping[int, list[str] | None]) -> None:
    """Note the nodes and edges of the ``rows`` (data file number: the ``ord`` of its events, ``None`` for every
    one): their first places are looked up again by :func:`refresh`. Called before rows are deleted and after
    the new ones are written."""
    from timeline.index import rows_of

    _table(db)
    for file, ords in rows.items():
        chosen, values = rows_of(file, ords, "x")
        for table, _, key, where, _ in _SOURCES:
            db.execute(f"INSERT OR IGNORE INTO temp.touched SELECT x.level, {key} FROM {table} AS x"
                       f" WHERE {chosen} AND {where}", values)


def refresh(db: sqlite3.Connection, whole: bool) -> None:
    """Bring ``firsts`` up to date (``whole``: from every row; else for the nodes and edges :func:`touch`
    noted) and number :data:`TABLE` anew from it, unless no first place moved (an edit of a summary)."""
    if whole:
        db.execute("DELETE FROM firsts")
        for table, seq, key, where, _ in _SOURCES:
            db.execute(f"INSERT INTO firsts SELECT x.level, d.drafts, {key}, min({_place(seq)}) FROM {table} AS x"
                       f" JOIN events AS e ON e.ord = x.ord JOIN {_DRAFTS} WHERE {where} AND {_HELD}"
                       f" GROUP BY x.level, d.drafts, {key}", [*MEETING_TYPES, *HELD_STATUSES])
    else:
        _table(db)
        before = db.execute(_TOUCHED).fetchall()
        db.execute(f"DELETE FROM firsts WHERE {_NOTED}")
        for table, seq, _, where, same in _SOURCES:  # each key's first row that counts, along the index
            db.execute(f"INSERT INTO firsts SELECT * FROM (SELECT t.level, d.drafts, t.source, t.target, (SELECT"
                       f" {_place(seq)} FROM {table} AS x JOIN events AS e ON e.ord = x.ord WHERE x.level = t.level"
                       f" AND {same} AND {where} AND {_HELD} ORDER BY x.ord, x.{seq} LIMIT 1) AS first"
                       f" FROM temp.touched AS t JOIN {_DRAFTS}) WHERE first IS NOT NULL", [*MEETING_TYPES, *HELD_STATUSES])
        moved = db.execute(_TOUCHED).fetchall() != before
        db.execute("DROP TABLE temp.touched")
        if not moved:
            return  # the numbering of every node and edge is as it was
    db.execute(f"DELETE FROM {TABLE}")
    db.execute(f"INSERT INTO {TABLE} SELECT 0, level, drafts, row_number() OVER (PARTITION BY level, drafts, target = ''"
               f" ORDER BY first), source, nullif(target, '') FROM firsts")


#: The rows of ``firsts`` of the nodes and edges :func:`touch` noted (in a fixed order: :data:`_TOUCHED`).
_NOTED = "(level, source, target) IN (SELECT level, source, target FROM temp.touched)"
_TOUCHED = f"SELECT * FROM firsts WHERE {_NOTED} ORDER BY level, drafts, source, target"


def _place(seq: str) -> str:
    """SQL of text that sorts a row as the actor graph adds it: by event (``ord``), then ``seq``; ``ord`` has no
    ``\\x01`` after its id (:func:`timeline.index.write.sort_key`), so a shorter one that starts another sorts first."""
    return f"x.ord || char(1) || printf('%010d', x.{seq})"


def _table(db: sqlite3.Connection) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched (level TEXT NOT NULL, source TEXT NOT NULL,"
               " target TEXT NOT NULL, PRIMARY KEY (level, source, target)) WITHOUT ROWID")
