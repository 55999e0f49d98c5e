"""The store's tables: the checked rows the questions need, in indexed SQLite, read without the model.

Beside each dataset's store (:mod:`timeline.store`) a second SQLite file,
``<store>.tables.sqlite``, holds what the questions ask of the checked
record (:mod:`timeline.index.write`), in the tables of the modules of
:data:`TABLES` (:mod:`timeline.index.core`: one row per event, per pair
that met at each level, per event that disputes another, per actor's
folded names and node at each level). Every row of an event carries its
data file and a sort key (``ord``: the record's order), so that after an
edit of files of events only their rows are rewritten
(:mod:`timeline.index.update`): the changed files are read and checked
alone, and across files against the ids and references kept per file
(``items``, ``refs``) and the rest of the record (``context``). A query
reads them with SQL and formats the rows; it imports neither the YAML
loader nor the model, so answering costs the start-up, one ``stat`` per
data file and folder, and the rows asked for.

The tables answer only while they match the files: each data file's size,
mtime, ctime, inode and device, and each folder's mtime (a file added,
removed or renamed changes it), must be as they were when the record was
read; a file whose stamp changed is hashed and counts as unchanged only if
its SHA-256 is the same, and a file changed within
:data:`~timeline.index.stamps.RACY_SECONDS` of that read is always hashed.
The file must be ours (:mod:`timeline.index.guard`), have exactly our
schema (no view, no trigger: it never runs code), and carry a MAC (keyed BLAKE2b) of
its meta and file stamps under the store's secret key. Tables of files
that changed since are brought up to date in place, in one transaction
(:mod:`timeline.index.update`), when only files of events changed, or names
and additions in a file of actors and sources; anything else, and the
question is answered from the loaded record instead (which writes the
tables anew): deleting them changes nothing but speed. A reader reads in one
snapshot (the rows of the stamps it checked), and an update killed half-way
is rolled back by the next.

>>> from timeline.index import open_tables
>>> tables = open_tables("seeds")  # None until a query has written them
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

from timeline import __version__
from timeline.index import derive, relation_rows
from timeline.index.guard import holds_exactly, own_file, owned, secret_key
from timeline.index.stamps import (
    FileStamp,
    cache_dir,
    code_stamp,
    confirmed,
    journal,
    key_dir,
    keyed_digest,
    same_digest,
    slot_name,
)

#: Written in ``meta``: tables of another format are written anew.
FORMAT = "timeline-tables 7"
#: The writer's own tables: stamps, meta, what the checks across files need after an edit (``items``, ``refs``),
#: a digest of each event as read (``digests``: an edit rewrites the rows of the events whose digest changed),
#: where each node and edge of the meetings graph first appears (:mod:`timeline.index.derive`), and the busiest
#: actors' answers of ``relations`` (:mod:`timeline.index.relation_rows`).
SCHEMA = (
    "CREATE TABLE context (body BLOB NOT NULL)",
    "CREATE TABLE digests (file INTEGER NOT NULL, ord TEXT NOT NULL, digest BLOB NOT NULL,"
    " PRIMARY KEY (file, ord)) WITHOUT ROWID",
    "CREATE TABLE firsts (level TEXT NOT NULL, drafts INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " first TEXT NOT NULL, PRIMARY KEY (level, drafts, source, target)) WITHOUT ROWID",
    "CREATE TABLE files (path TEXT PRIMARY KEY, folder INTEGER NOT NULL, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL, events_only INTEGER NOT NULL, number INTEGER NOT NULL)",
    "CREATE TABLE items (file INTEGER NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL)",
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE refs (file INTEGER NOT NULL, ord TEXT NOT NULL, target TEXT NOT NULL)",
    *relation_rows.SCHEMA,
)
INDEXES = (
    "CREATE INDEX items_file ON items (file)",
    "CREATE INDEX items_id ON items (id)",
    "CREATE INDEX refs_file ON refs (file, ord)",
    "CREATE INDEX refs_target ON refs (target)",
)
#: The modules of the query tables, written per data file by :mod:`timeline.index.write`. Each gives
#: ``SCHEMA`` (``CREATE TABLE`` statements whose first column is ``file INTEGER NOT NULL``), ``INDEXES``
#: and ``rows(record, events)``: an iterator of ``(table, *row)``, ``row`` the columns after ``file``.
#: In a table with an ``ord TEXT`` column, ``ord`` is given as the position of the row's event in
#: ``events``: the writer writes that event's file (its ``number`` in ``files``) and its stored sort key
#: instead (:func:`timeline.index.write.sort_key`, the record's order). A row with an ``ord`` is made from its
#: event and the dataset's context alone (its actors, sources and the rest; never from another event): after
#: an edit, only the rows of the events that changed (their digest) are rewritten, whatever the table's
#: columns. A table without ``ord`` holds the dataset's rows (``file`` 0),
#: written anew when an edit changes more than events. A module's ``DERIVED`` (optional): ``INSERT INTO``
#: statements that fill a table (``file`` 0) from the others' rows, run anew after every write, an edit's too.
#: A module imports nothing heavy at its top: a warm query imports it for its ``SCHEMA``.
TABLES = ("timeline.index.core", "timeline.index.events", "timeline.index.relations", "timeline.index.path",
          "timeline.index.positions")


def table_modules() -> list:
    """The modules named in :data:`TABLES`, imported."""
    import importlib

    return [importlib.import_module(name) for name in TABLES]


def full_schema() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every ``CREATE TABLE`` and every ``CREATE INDEX`` of the tables: the writer's, then each module's,
    with an index on ``file`` of each module's table (an edit deletes a file's rows)."""
    modules = table_modules()
    tables = tuple(s for m in modules for s in m.SCHEMA)
    by_file = tuple(f"CREATE INDEX {table_name(s)}_file ON {table_name(s)} (file)" for s in tables if per_file(s))
    derived = derive.INDEXES if derive.maintained([table_name(s) for s in (*SCHEMA, *tables)]) else ()
    return (*SCHEMA, *tables), (*INDEXES, *(s for m in modules for s in m.INDEXES), *by_file, *derived)


def per_file(statement: str) -> bool:
    """Is the first column of the table a ``CREATE TABLE`` makes ``file`` (its rows kept per data file)?

    A module's table without it is written whole, with its rows as given, and any edit writes every
    table anew (no row of it can be told apart by file)."""
    return statement.split("(", 1)[1].split(None, 1)[0] == "file"


def columns(statement: str) -> list[str]:
    """The names of the columns a ``CREATE TABLE`` statement makes, in order."""
    body = statement[statement.index("(") + 1:statement.rindex(")")]
    names = []
    for part in body.split(","):
        word = part.split()[0] if part.split() else ""
        if word.upper() in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"):
            break
        names.append(word)
    return names


def rows_of(file: int, ords: list[str] | None, table: str = "") -> tuple[str, list]:
    """SQL that keeps the rows of data file ``file`` (its number) of the events ``ords`` (``None``: every row of
    the file) in a table with an ``ord`` column (``table``: its alias), and its values."""
    prefix = f"{table}." if table else ""
    if ords is None:
        return f"{prefix}file = ?", [file]
    return f"{prefix}file = ? AND {prefix}ord IN (SELECT value FROM json_each(?))", [file, json.dumps(ords)]


def table_name(statement: str) -> str:
    """The name of the table or index a ``CREATE`` statement makes."""
    return statement.split()[2]


#: The columns of ``files`` the MAC covers and a stamp check reads.
FILE_COLUMNS = "path, folder, size, mtime_ns, ctime_ns, inode, device, sha256, events_only, number"


def tables_file(path: str | os.PathLike) -> Path:
    """Where the tables of the dataset at ``path`` are kept: beside its store."""
    return cache_dir() / slot_name(path).replace(".sqlite", ".tables.sqlite")


def expected_meta(path: str | os.PathLike) -> dict[str, str]:
    """The ``meta`` values tables must have to be read (all but the time they were checked and the MAC)."""
    return {"format": FORMAT, "timeline": __version__, "python": sys.version.split()[0], "code": code_stamp(),
            "data": str(Path(path).resolve()), "max_file_mb": os.environ.get("TIMELINE_MAX_FILE_MB", "")}


def mac(key: bytes, meta: dict[str, str], files: list[tuple]) -> str:
    """The MAC (keyed BLAKE2b) of the tables' meta and file stamps under the store's key."""
    text = json.dumps([sorted(meta.items()), sorted(map(list, files))], separators=(",", ":"))
    return keyed_digest(key, text.encode("utf-8", "surrogatepass"))


def open_tables(path: str | os.PathLike, current: bool = True, update: bool = True) -> sqlite3.Connection | None:
    """The tables of the dataset at ``path``, read-only, if they are ours and match its files now; else ``None``.

    Tables of files that changed since are brought up to date first, when
    only files of events changed (``update``; :mod:`timeline.index.update`).
    ``current`` ``False``: also tables written from files that changed since
    (still ours, signed, of this code: their rows of unchanged inputs hold).
    ``None`` too when ``TIMELINE_NO_CACHE`` is set. The caller closes the connection.
    """
    if os.environ.get("TIMELINE_NO_CACHE", "") not in ("", "0"):
        return None
    file = tables_file(path)
    try:
        folder_ok = owned(os.lstat(file.parent), stat.S_IFDIR)
    except OSError:
        return None
    key = secret_key(key_dir()) if folder_ok and own_file(file) is not None else None
    if key is None:
        return None
    try:
        db = sqlite3.connect(file.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    stale = False
    try:
        db.execute("BEGIN")  # one snapshot: the rows read are those of the stamps checked, even if an update commits
        if _current(db, path, key, current):
            return db
        stale = current and update and _current(db, path, key, now=False)
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError):
        stale = current and update and journal(file).exists()  # an update was killed: the next one rolls it back
    db.close()
    if stale:
        from timeline.index.update import update_tables

        if update_tables(path):  # the stamps it wrote were taken just now: no need to take them again
            return open_tables(path, current=False, update=False)
    return None


def _current(db: sqlite3.Connection, path: str | os.PathLike, key: bytes, now: bool = True) -> bool:
    """Are these our tables, signed with ``key``, written from the files as they are now (``now``)?"""
    db.execute("PRAGMA query_only = ON")
    if not holds_exactly(db, sum(full_schema(), ())):
        return False
    meta = dict(db.execute("SELECT name, value FROM meta"))
    files = db.execute(f"SELECT {FILE_COLUMNS} FROM files").fetchall()
    signature, checked = meta.pop("mac", ""), meta.pop("checked_ns", "")
    if meta != expected_meta(path) or not checked.isdigit() or not files \
            or not same_digest(signature, mac(key, {**meta, "checked_ns": checked}, files)):
        return False
    return not now or all(_unchanged(row, int(checked)) for row in files)


def _unchanged(row: tuple, checked_ns: int) -> bool:
    """Is the file or folder of a ``files`` row as it was (a file: same bytes, if its stamp moved)?"""
    name, folder, *stamp, _, _ = row
    if folder:
        info = os.lstat(name)
        return stat.S_ISDIR(info.st_mode) and (info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev) \
            == (stamp[1], stamp[2], stamp[3], stamp[4])
    stored = FileStamp(name, *stamp)
    with contextlib.suppress(OSError):
        now = FileStamp.of(Path(name))
        if now.path == name:
            return confirmed(now, stored, checked_ns).sha256 == stored.sha256
    return False
