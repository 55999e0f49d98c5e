"""The store's tables: the checked rows the questions need, in indexed SQLite, read without the model.

Beside each dataset's store (:mod:`timeline.store`) a second SQLite file,
``<store>.tables.sqlite``, holds what the questions ask of the checked
record (:mod:`timeline.index.write`): one row per event (type, status,
draft, its date as written, labelled and as sortable bounds), per pair
that met at a meeting, call or visit at each level (:mod:`timeline.index.met`),
per event that disputes another (:mod:`timeline.index.contested`), per
actor's folded names and per actor's node at each level. A query
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
its meta and file stamps under the store's secret key. Anything else, and the
question is answered from the loaded record instead (which writes the
tables anew): deleting them changes nothing but speed.

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
from timeline.index.guard import own_file, owned, secret_key
from timeline.index.stamps import FileStamp, cache_dir, code_stamp, confirmed, key_dir, keyed_digest, same_digest, slot_name

#: Written in ``meta``: tables of another format are written anew.
FORMAT = "timeline-tables 4"
SCHEMA = (
    "CREATE TABLE actors (level TEXT NOT NULL, id TEXT NOT NULL, node TEXT NOT NULL, PRIMARY KEY (level, id))"
    " WITHOUT ROWID",
    "CREATE TABLE events (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,"
    " draft INTEGER NOT NULL, date TEXT NOT NULL, label TEXT NOT NULL, start TEXT, end TEXT, lo TEXT, hi TEXT,"
    " location TEXT, acting TEXT NOT NULL, summary TEXT NOT NULL)",
    "CREATE TABLE disputes (ord INTEGER NOT NULL, seq INTEGER NOT NULL, target TEXT NOT NULL)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, folder INTEGER NOT NULL, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL)",
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE names (key TEXT NOT NULL, id TEXT NOT NULL)",
    "CREATE TABLE pairs (level TEXT NOT NULL, ord INTEGER NOT NULL, u TEXT NOT NULL, v TEXT NOT NULL,"
    " same_side INTEGER NOT NULL)",
)
INDEXES = (
    "CREATE INDEX disputes_target ON disputes (target)",
    "CREATE INDEX names_key ON names (key)",
    "CREATE INDEX pairs_ord ON pairs (level, ord)",
    "CREATE INDEX pairs_u ON pairs (level, u)",
    "CREATE INDEX pairs_v ON pairs (level, v)",
)
#: The modules of the questions' own tables (query4's hunk; the writer writes each): each gives ``SCHEMA``,
#: ``INDEXES`` and ``rows(record, events)``, an iterator of ``(table, *row)``, ``events`` in the record's order;
#: and, if it has a table made from the others (not per file), ``DERIVED``: SQL run once the rows are written.
TABLES = ("timeline.index.events", "timeline.index.relations", "timeline.index.path")


def question_modules() -> list:
    """The modules named in :data:`TABLES`, imported."""
    import importlib

    return [importlib.import_module(name) for name in TABLES]


def full_schema() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every ``CREATE TABLE`` and every ``CREATE INDEX`` of the tables: the base ones, then each module's."""
    modules = question_modules()
    return (*SCHEMA, *(s for m in modules for s in m.SCHEMA)), (*INDEXES, *(s for m in modules for s in m.INDEXES))


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


def open_tables(path: str | os.PathLike, current: bool = True) -> sqlite3.Connection | None:
    """The tables of the dataset at ``path``, read-only, if they are ours and match its files now; else ``None``.

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
    try:
        if _current(db, path, key, current):
            return db
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError):
        pass
    db.close()
    return None


def _current(db: sqlite3.Connection, path: str | os.PathLike, key: bytes, now: bool = True) -> bool:
    """Are these our tables, signed with ``key``, written from the files as they are now (``now``)?"""
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA query_only = ON")
    schema = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")]
    if schema != sorted(sum(full_schema(), ()), key=lambda s: s.split()[2]):
        return False
    meta = dict(db.execute("SELECT name, value FROM meta"))
    files = db.execute("SELECT path, folder, size, mtime_ns, ctime_ns, inode, device, sha256 FROM files").fetchall()
    signature, checked = meta.pop("mac", ""), meta.pop("checked_ns", "")
    if meta != expected_meta(path) or not checked.isdigit() or not files \
            or not same_digest(signature, mac(key, {**meta, "checked_ns": checked}, files)):
        return False
    return not now or all(_unchanged(row, int(checked)) for row in files)


def _unchanged(row: tuple, checked_ns: int) -> bool:
    """Is the file or folder of a ``files`` row as it was (a file: same bytes, if its stamp moved)?"""
    name, folder, *stamp = row
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
