"""Each busy actor's answer of ``relations`` with no period, made when the tables are written and kept after edits.

``relations`` of an actor in thousands of events reads each of its links
(``links``: 29,000 rows for Ukraine at the state level at 100,000 events),
groups them, looks up their dates' ends and labels each group's period.
For an actor with at least :data:`BUSY` links at a level, the writer keeps
the answer itself (table ``relation_rows``: one row per relation, in the
answer's order, with the label of its dates), without and with drafts, so
the question reads about a thousand rows instead. The rows are those
:func:`timeline.index.relations.answer` gives, so the answer is the same;
a question with a period, or about a quieter actor, is answered from
``links`` as before.

After an edit the links of the changed events as they were and as they are
are compared (:func:`links_of`): the kept answers of the actors of the links
that differ are dropped (an edit of a summary, a place or a source changes
none), and those actors' questions read ``links`` again until the tables are
next written whole: answering again for Ukraine and Russia at both levels
took 2.4 s of CPU at 100,000 events (on a loaded machine), past the 1 s an
edit may cost.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the answers' module is imported when an answer is read or kept: the store's import skips it
    from timeline.answers import Relation

#: The writer's table (in :data:`timeline.index.SCHEMA`).
SCHEMA = ("CREATE TABLE relation_rows (level TEXT NOT NULL, drafts INTEGER NOT NULL, actor TEXT NOT NULL,"
          " place INTEGER NOT NULL, source TEXT NOT NULL, relation TEXT NOT NULL, target TEXT, directed INTEGER NOT NULL,"
          " count INTEGER NOT NULL, first TEXT, last TEXT, events TEXT NOT NULL, dates TEXT NOT NULL, label TEXT NOT NULL,"
          " PRIMARY KEY (level, drafts, actor, place)) WITHOUT ROWID",)
#: Links at a level from which an actor's answer is kept (below, reading them costs a few milliseconds).
BUSY = 2000
#: The columns of ``links`` an answer rests on (:func:`links_of`).
_LINK = "level, ord, seq, source, relation, target, directed, draft"


def stored(db: sqlite3.Connection, me: str, level: str, include_drafts: bool) -> list[Relation] | None:
    """The kept answer of the node ``me`` at ``level`` (``None``: not kept, ask ``links``)."""
    from timeline.answers import Relation, remember_labels

    found = db.execute("SELECT source, relation, target, directed, count, first, last, events, dates, label"
                       " FROM relation_rows WHERE level = ? AND drafts = ? AND actor = ? ORDER BY place",
                       (level, int(include_drafts), me)).fetchall()
    if not found:
        return None
    answer = [Relation(source, relation, target, bool(directed), count, first, last,
                       tuple(json.loads(events)), tuple(json.loads(dates)))
              for source, relation, target, directed, count, first, last, events, dates, _ in found]
    remember_labels((relation.dates, row[-1]) for relation, row in zip(answer, found, strict=True))
    return answer


def fill(db: sqlite3.Connection) -> None:
    """Keep the answers of every actor with :data:`BUSY` links or more at a level, and no other."""
    from timeline.answers import dates_label
    from timeline.index.relations import answer

    db.execute("DELETE FROM relation_rows")
    for level, actor, _, drafts_too in db.execute(
            "SELECT level, actor, count(*), max(draft) FROM (SELECT level, source AS actor, draft FROM links UNION ALL"
            " SELECT level, target, draft FROM links WHERE target IS NOT NULL AND target <> source)"
            " GROUP BY level, actor HAVING count(*) >= ?", (BUSY,)).fetchall():
        found = answer(db, actor, level, ([], []), False)
        for drafts in (0, 1):
            if drafts and drafts_too:  # else the answer with drafts is the same
                found = answer(db, actor, level, ([], []), True)
            if found is None:
                continue  # a date the tables cannot label: the question asks the library, as before
            db.executemany("INSERT INTO relation_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           ((level, drafts, actor, place, r.source, r.relation, r.target, int(r.directed), r.count,
                             r.first, r.last, json.dumps(r.events), json.dumps(r.dates), dates_label(r.dates))
                            for place, r in enumerate(found)))


def links_of(db: sqlite3.Connection, rows: Mapping[int, list[str] | None]) -> list[tuple]:
    """The links of the events ``rows`` names (data file number: the ``ord`` of its events, ``None``: all), sorted."""
    from timeline.index import rows_of

    found: list[tuple] = []
    for file, ords in rows.items():
        chosen, values = rows_of(file, ords)
        found += db.execute(f"SELECT {_LINK} FROM links WHERE {chosen}", values)
    return sorted(found, key=repr)


def after_edit(db: sqlite3.Connection, before: list[tuple], after: list[tuple]) -> set[tuple[str, str]]:
    """Drop the kept answers of the actors of the links that differ between ``before`` and ``after``
    (:func:`links_of`); return those (level, node) pairs."""
    changed = set(before).symmetric_difference(after)
    touched = {(level, actor) for level, _, _, source, _, target, _, _ in changed
               for actor in (source, target) if actor is not None}
    db.executemany("DELETE FROM relation_rows WHERE level = ? AND actor = ?", sorted(touched))
    return touched
