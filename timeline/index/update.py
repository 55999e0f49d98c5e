"""After an edit, rewrite only the changed events' rows of the store's tables (:mod:`timeline.index`).

When the data files that changed, appeared or went away define nothing but
events (and drafts), before and after the edit, the tables are brought up to
date without the record: each changed file is read and checked alone
(:func:`timeline.store.fragments.read`), its events are checked across files
by the loader's own checks against everything else the dataset defines (the
ids of every file and the actors, sources and the rest, kept in the tables:
``items``, ``context``), no id another file names (``refs``) may have gone,
and no id may be defined twice. Then the rows of the events that changed
(their digest, ``digests``: :func:`timeline.index.write.digest`), came, went
or moved to another file are deleted and written anew, and every row of the
files removed deleted: an edit of one event of a file of thousands writes the
rows of that event (the file is still read and checked whole). The tables
made from the others' rows are brought up to date (:mod:`timeline.index.derive`),
the stamps and the MAC written anew: in place, in one transaction, so a reader sees the old tables or
the new ones, and an update killed half-way is rolled back.

A changed file that defines actors and sources (and nothing of events or of
the negotiation) is taken too when what changed is only what the dataset's
own rows are made of (names, aliases, titles, notes, colours, actors or
sources added: :mod:`timeline.index.definitions`).

Anything else goes to the whole load, which reports every problem with its
file and line and writes the tables anew (:func:`timeline.cache.load`): an
actor or a source removed, a kind or an affiliation changed (what other files'
rows mean may change), the dataset's title or scale, issues, positions or
plans, a dataset with issues, positions or plans, a file with a problem of its
own, a reference or a duplicate id that does not check out.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from timeline.index import (
    FILE_COLUMNS,
    SCHEMA,
    _current,
    columns,
    definitions,
    derive,
    expected_meta,
    full_schema,
    mac,
    per_file,
    relation_rows,
    rows_of,
    table_name,
    tables_file,
)
from timeline.index.guard import own_file, owned, secret_key
from timeline.index.stamps import FileStamp, confirmed, key_dir, writer_lock
from timeline.index.write import context_of, derived, digest, folders, insert_rows, sort_key
from timeline.model import Dataset, Event, date_order
from timeline.read.files import dataset_files, max_file_bytes
from timeline.read.negotiation import KINDS
from timeline.read.problems import DatasetError
from timeline.store import codec, fragments
from timeline.store.assemble import check


def update_tables(path: str | os.PathLike) -> bool:
    """Bring the tables of the dataset at ``path`` up to date with its files by rewriting the rows of the files
    that changed; ``False`` (tables untouched) when that cannot give what a whole load would. Never raises
    for the data or the tables: a problem means ``False``, and the whole load says what is wrong.

    The tables are changed in place, in one transaction under SQLite's rollback
    journal and the writer's lock (:func:`~timeline.index.stamps.writer_lock`): a
    reader sees them before or after, and an update that fails or is killed
    leaves them as they were (SQLite rolls the journal back when they are next
    opened for writing, here or by the next update).
    """
    target = tables_file(path)
    key = secret_key(key_dir())
    try:
        if key is None or not owned(os.lstat(target.parent), stat.S_IFDIR) or own_file(target) is None:
            return False
        with writer_lock(target), contextlib.closing(sqlite3.connect(target, isolation_level=None)) as db:
            if own_file(target) is None:  # replaced meanwhile by something not ours
                return False
            db.execute("PRAGMA trusted_schema = OFF")
            db.execute("BEGIN IMMEDIATE")  # rolls back first a journal left by an update that was killed
            done = False
            try:
                done = _current(db, path, key, now=False) and _update(db, Path(path), key)
            finally:
                db.execute("COMMIT" if done else "ROLLBACK")
            return done
    except (sqlite3.Error, OSError, UnicodeError, ValueError, KeyError, TypeError, IndexError):
        return False


def _update(db: sqlite3.Connection, data: Path, key: bytes) -> bool:
    """Rewrite, in ``db`` (a copy of signed tables of this code), the rows of the files of ``data`` that
    changed; ``False`` if that cannot be done (see the module's docstring)."""
    meta = dict(db.execute("SELECT name, value FROM meta"))
    stored = {row[0]: row for row in db.execute(f"SELECT {FILE_COLUMNS} FROM files")}
    now = time.time_ns()
    files, unread = dataset_files(data)
    if unread or not files:
        return False
    stamps = []
    for file in files:
        row = stored.get((stamp := FileStamp.of(file)).path)
        before = FileStamp(row[0], *row[2:8]) if row is not None and not row[1] else None
        stamps.append(confirmed(stamp, before, int(meta["checked_ns"])))
    paths = {stamp.path for stamp in stamps}
    changed = [(file, stamp) for file, stamp in zip(files, stamps, strict=True)
               if stamp.path not in stored or stored[stamp.path][7] != stamp.sha256]
    gone = [name for name, row in stored.items() if not row[1] and (name not in paths or name in {
        stamp.path for _, stamp in changed})]
    if any(not stored[name][8] and name not in paths for name in gone):
        return False  # a file that defined more than events went away: what other files' rows mean may change
    if (gone or changed) and not all(map(per_file, full_schema()[0][len(SCHEMA):])):
        return False  # a table whose rows are not kept per file
    numbers = {name: row[9] for name, row in stored.items() if name in paths}
    for stamp in stamps:
        numbers.setdefault(stamp.path, max(numbers.values(), default=0) + 1)
    previous = _kept(data, stamps, changed)
    read = {stamp.path: (numbers[stamp.path], fragments.read(file, max_file_bytes(), previous.get(stamp.path, ("", None))[1]))
            for file, stamp in changed}
    same = {id(event) for path, (sha, piece) in previous.items() if path in stored and stored[path][7] == sha
            for event in (*piece.record.events, *piece.record.drafts)}  # taken as the tables have them
    pieces = list(read.values())
    if any(piece is None for _, piece in pieces):
        return False  # a problem in the file: the whole load says where
    defining = [name for name, (_, piece) in read.items() if not fragments.events_only(piece)]  # type: ignore[arg-type]
    if defining and (len(defining) > 1 or defining[0] not in stored or stored[defining[0]][8]
                     or not definitions.defines_names_only(read[defining[0]][1])):  # type: ignore[arg-type]
        return False  # definitions in more than one file, or in a file of events: the whole load
    db.execute("PRAGMA query_only = OFF")
    if (pieces or gone) and not _rewrite(db, [stored[name][9] for name in gone], pieces, same):  # type: ignore[arg-type]
        return False
    db.execute("DELETE FROM files")
    rows = [(s.path, 0, *s[1:], int(s.path not in stored or stored[s.path][8]), numbers[s.path]) for s in stamps]
    rows += folders(data)
    db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    signed = {**expected_meta(data), "checked_ns": str(now)}
    signed["mac"] = mac(key, signed, rows)
    db.execute("DELETE FROM meta")
    db.executemany("INSERT INTO meta VALUES (?, ?)", signed.items())
    return True


def _kept(data: Path, stamps: list[FileStamp], changed: list[tuple[Path, FileStamp]]
          ) -> dict[str, tuple[str, fragments.Fragment]]:
    """The store's fragments of the files that changed, as it last read them (path: the file's SHA-256 then,
    fragment): their unchanged items are not read again (:func:`timeline.store.chunks.again`); nothing without
    a store."""
    from timeline.store import open_store

    store = open_store(data) if changed else None
    return store.fragments([stamp.path for stamp in stamps], {stamp.path for _, stamp in changed}) if store else {}


def _rewrite(db: sqlite3.Connection, gone: list[int], pieces: list[tuple[int, fragments.Fragment]],
             same: frozenset[int] | set[int] = frozenset()) -> bool:
    """Check the events of ``pieces`` (file number, fragment) against the rest and put their rows in place of
    those of the files ``gone`` (numbers); ``False`` if a check fails or an id another file names has gone.
    The events in ``same`` (by ``id()``) are as the tables hold them: their digests are not made again."""
    (body,), = db.execute("SELECT body FROM context")
    context = codec.decode([body])[0]
    if context.issues or context.positions or context.plans:
        return False  # positions rest on events of any file: the whole load checks them
    defining = [(file, piece) for file, piece in pieces if not fragments.events_only(piece)]
    if defining and (context := definitions.renamed(db, context, *defining[0])) is None:  # type: ignore[assignment]
        return False
    others = f"file NOT IN ({', '.join('?' * len(gone))})"
    new = {ident: (file, (key, position)) for file, piece in pieces for key, ids in piece.ids.items()
           for ident, position in zip(ids, piece.index[key], strict=True)}
    if len(new) < sum(len(ids) for _, piece in pieces for ids in piece.ids.values()) \
            or _found(db, f"SELECT id FROM items WHERE {others} AND id IN (SELECT value FROM json_each(?))",
                      gone, new):
        return False  # an id defined twice: the whole load says where
    lost = [ident for (ident,) in db.execute(f"SELECT id FROM items WHERE file IN ({', '.join('?' * len(gone))})",
                                             gone) if ident not in new]
    if _found(db, f"SELECT target FROM refs WHERE {others} AND target IN (SELECT value FROM json_each(?))",
              gone, lost):
        return False  # an id another file names has gone: the whole load says where
    origin = {**dict.fromkeys(context.actors, (0, ("actors", 0))), **_named(db, pieces, new), **new}
    events = _checked(context, pieces, origin)
    if events is None:
        return False
    file_of = {event.id: file for file, piece in pieces for event in (*piece.record.events, *piece.record.drafts)}
    dropped, events = _changed(db, gone, file_of, events, same)
    if derive.maintained([table_name(statement) for statement in full_schema()[0]]):
        derive.touch(db, dropped)  # the nodes and edges of the rows about to go: their first places may move
    links = relation_rows.links_of(db, dropped)  # as they were: the actors whose links change are answered again
    for statement in full_schema()[0]:
        if per_file(statement) and "ord" in columns(statement):
            for file, ords in dropped.items():
                chosen, values = rows_of(file, ords)
                db.execute(f"DELETE FROM {table_name(statement)} WHERE {chosen}", values)
        elif per_file(statement):
            db.execute(f"DELETE FROM {table_name(statement)} WHERE file IN ({', '.join('?' * len(gone))})", gone)
    db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)",
                   ((file, key, position, ident) for ident, (file, (key, position)) in new.items()))
    files = [file_of[event.id] for event in events]
    insert_rows(db, context, events, files, whole=False)
    if defining:  # the dataset's own rows (names, actors' nodes, chains) and the context, from the new actors
        for statement in full_schema()[0]:
            if per_file(statement) and table_name(statement) != derive.TABLE:
                db.execute(f"DELETE FROM {table_name(statement)} WHERE file = 0")
        insert_rows(db, context, [], [], whole=True)
        db.execute("UPDATE context SET body = ?", (context_of(context),))
    written: dict[int, list[str]] = {}
    for event, file in zip(events, files, strict=True):
        written.setdefault(file, []).append(sort_key(event))
    derived(db, written)
    relation_rows.after_edit(db, links, relation_rows.links_of(db, written))  # names and new actors move no link
    return True


def _changed(db: sqlite3.Connection, gone: list[int], file_of: dict[str, int], events: list[Event],
             same: frozenset[int] | set[int]) -> tuple[dict[int, list[str] | None], list[Event]]:
    """The rows to delete (data file number: the ``ord`` of its events whose rows go, ``None``: every row of a
    file gone) and the events whose rows are to be written, of ``events`` (each in file ``file_of[id]``), read
    from the files that changed, against the digests of the events the files ``gone`` held: an event as it was,
    in the same file, keeps its rows."""
    stored = {(file, ord_): value for file, ord_, value in db.execute(
        f"SELECT file, ord, digest FROM digests WHERE file IN ({', '.join('?' * len(gone))})", gone)}
    places = [((file_of[event.id], sort_key(event)), event) for event in events]
    fresh = {place: (stored[place] if id(event) in same and place in stored else digest(event), event)
             for place, event in places}
    read = set(file_of.values())
    dropped: dict[int, list[str] | None] = {file: None for file in gone if file not in read}
    for (file, ord_), value in stored.items():
        if file in read and fresh.get((file, ord_), (None,))[0] != value:
            dropped.setdefault(file, []).append(ord_)  # type: ignore[union-attr]
    return dropped, [event for place, (value, event) in fresh.items() if stored.get(place) != value]


def _named(db: sqlite3.Connection, pieces: list[tuple[int, fragments.Fragment]],
           new: dict[str, tuple]) -> dict[str, tuple]:
    """The sources and the other files' events that the events of ``pieces`` name, where they are defined
    (``origin`` of the loader, with no line: none is reported from here)."""
    named = {name for _, piece in pieces for event in (*piece.record.events, *piece.record.drafts)
             for name in (*event.sources, *(q.source for q in event.quotes if q.source),
                          *(link.event for link in event.related))} - new.keys()
    return {ident: (0, (key, 0)) for ident, key in db.execute(
        "SELECT id, key FROM items WHERE key IN ('events', 'sources') AND id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(named))])}


def _found(db: sqlite3.Connection, query: str, values: list, ids: Iterable[str]) -> set[str]:
    """The ids ``query`` finds among ``ids`` (given to it as a JSON array after ``values``)."""
    return {ident for (ident,) in db.execute(query, [*values, json.dumps(list(ids))])}


def _checked(context: Dataset, pieces: Sequence[tuple[int, fragments.Fragment]],
             origin: dict[str, tuple[str | int, tuple]]) -> list[Event] | None:
    """The events and drafts of ``pieces`` in the record's order, checked across files as the loader checks
    them (references to the ids of ``origin``: the actors and sources, the events of ``pieces`` and the
    others' events they name; roles); ``None`` if a check fails."""
    events = [event for _, piece in pieces for event in piece.record.events]
    drafts = [draft for _, piece in pieces for draft in piece.record.drafts]
    record = dataclasses.replace(context, events=events, drafts=drafts)
    try:
        check([str(file) for file, _ in pieces], record, origin, max_file_bytes(),  # type: ignore[arg-type]
              {"ids": {kind: {} for kind in KINDS}, "references": [],
               "scale": None}, lines=False)
    except DatasetError:
        return None
    return sorted((*events, *drafts), key=lambda e: (date_order(e.date), e.id))
