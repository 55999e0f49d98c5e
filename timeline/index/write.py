"""Write the store's tables (:mod:`timeline.index`) from a checked record and the stamps of its files.

Called after a load through the store, with the stamps the store took
before reading and where each item was defined; the tables are written to a
temporary file and moved into place, so a reader sees the old tables or the
new ones, never a mix. Every row of an event carries its data file and its
sort key, so that after an edit :mod:`timeline.index.update` rewrites only
the changed files' rows.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from timeline.dates import DateSpan
from timeline.index import (
    columns,
    core,
    derive,
    expected_meta,
    full_schema,
    mac,
    open_tables,
    per_file,
    relation_rows,
    table_modules,
    table_name,
    tables_file,
)
from timeline.index.guard import private_folder, secret_key
from timeline.index.stamps import FileStamp, key_dir, write_sqlite
from timeline.model import Dataset, Event, date_order


class Layout(NamedTuple):
    """Where a record's items come from: each id's file, top-level key and position in that list (its first
    definition), and the data files that define nothing but events (an edit of one rewrites its rows only)."""

    where: dict[str, tuple[str, str, int]]
    events_only: set[str]


def write_tables(path: str | os.PathLike, record: Dataset, stamps: list[FileStamp], checked_ns: int,
                 layout: Layout) -> None:
    """Write the tables of the dataset at ``path``: ``record`` as loaded from files stamped ``stamps``.

    ``checked_ns`` is when the stamps were taken. Never fails: tables that
    cannot be written are simply not there (the next query loads the record).
    """
    key = secret_key(key_dir())
    target = tables_file(path)
    if key is None or private_folder(target.parent) is None:
        return
    numbers = {stamp.path: n for n, stamp in enumerate(stamps, 1)}
    files = [(s.path, 0, *s[1:], int(s.path in layout.events_only), numbers[s.path]) for s in stamps]
    files += folders(Path(path))
    meta = {**expected_meta(path), "checked_ns": str(checked_ns)}
    meta["mac"] = mac(key, meta, files)
    _remember_dates(path)
    schema, indexes = full_schema()
    events = in_order(record)

    def fill(db: sqlite3.Connection) -> None:
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", files)
        db.execute("INSERT INTO context VALUES (?)", (context_of(record),))
        db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)",
                       ((numbers[file], key, position, ident)
                        for ident, (file, key, position) in layout.where.items()))
        insert_rows(db, record, events, [numbers[layout.where[event.id][0]] for event in events])
        derived(db, None)
        for statement in indexes:
            db.execute(statement)

    write_sqlite(target, schema, fill, "PRAGMA page_size = 8192", updated=True)  # rows of 1 KB overflow 4 KB pages


def in_order(record: Dataset) -> list[Event]:
    """The record's events and drafts in the record's order (:func:`sort_key`)."""
    if not record.drafts:
        return record.events  # in this order already
    return sorted((*record.events, *record.drafts), key=lambda e: (date_order(e.date), e.id))


def context_of(record: Dataset) -> bytes:
    """Everything of ``record`` but its events and sources (:mod:`timeline.store.codec`): what an edit's rows
    are made with (the ids of the sources are in ``items``)."""
    from timeline.store import codec

    return codec.encode(dataclasses.replace(record, events=[], drafts=[], sources={}))


def insert_rows(db: sqlite3.Connection, record: Dataset, events: Sequence[Event], files: Sequence[int],
                whole: bool = True) -> None:
    """Insert the rows of every table of :data:`timeline.index.TABLES` made from ``events`` (``files[n]``: the
    number of the data file of ``events[n]``) and the references between events (``refs``); ``whole``: also
    the dataset's rows (those of no event). The tables made from these rows are then brought up to date by
    :func:`derived`."""
    keys = [sort_key(event) for event in events]
    db.executemany("INSERT INTO refs VALUES (?, ?, ?)",
                   ((files[n], keys[n], link.event) for n, event in enumerate(events) for link in event.related))
    db.executemany("INSERT INTO digests VALUES (?, ?, ?)",
                   ((files[n], keys[n], digest(event)) for n, event in enumerate(events)))
    for module in table_modules():
        shapes = {table_name(statement): _shape(statement) for statement in module.SCHEMA}
        for table, group in groupby(module.rows(record, events), key=itemgetter(0)):
            place, width = shapes[table]
            statement = f"INSERT INTO {table} VALUES ({', '.join('?' * abs(width))})"
            if width < 0:  # not kept per file: as given (see timeline.index.per_file)
                if whole:
                    db.executemany(statement, (row[1:] for row in group))
            elif place is None:
                if whole:
                    db.executemany(statement, ((0, *row[1:]) for row in group))
            else:
                db.executemany(statement, ((files[row[place]], *row[1:place], keys[row[place]], *row[place + 1:])
                                           for row in group))


def derived(db: sqlite3.Connection, written: Mapping[int, list[str]] | None) -> None:
    """Make the tables made from the others' rows (a module's ``DERIVED``) anew, but ``meeting_edges``, which
    :mod:`timeline.index.derive` keeps up to date from the rows just ``written`` (data file number: the
    ``ord`` of its events written; ``None``: from every row)."""
    kept = derive.maintained([table_name(statement) for statement in full_schema()[0]])
    statements = [s for module in table_modules() for s in getattr(module, "DERIVED", ())
                  if not (kept and table_name(s) == derive.TABLE)]
    for statement in statements:
        db.execute(f"DELETE FROM {table_name(statement)}")
    for statement in statements:
        db.execute(statement)
    if kept:
        if written is not None:
            derive.touch(db, written)
        derive.refresh(db, whole=written is None)
    if written is None:  # after an edit, update.py answers again for the actors whose links changed
        relation_rows.fill(db)


def _shape(statement: str) -> tuple[int | None, int]:
    """Where ``ord`` is among the columns of a ``CREATE TABLE`` (``None``: not there), and how many there are
    (negative for a table not kept per file)."""
    names = columns(statement)
    if not per_file(statement):
        return None, -len(names)
    return (names.index("ord") if "ord" in names else None), len(names)


def digest(event: Event) -> bytes:
    """A digest of everything ``event`` holds (its ``repr``: every field, as read): an edit rewrites the rows
    of an event only if it changed."""
    return hashlib.blake2b(repr(event).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def sort_key(event: Event, order: str = "midpoint") -> str:
    """Text that sorts as the events sorted by :func:`timeline.model.date_order` in ``order`` (the record's order
    by default), then by id."""
    return f"{_date_key(event.date, order)}\x01{event.id}"  # a date's text has no \x01: a shorter one sorts first


@cache
def _date_key(date: DateSpan, order: str = "midpoint") -> str:
    """:func:`timeline.model.date_order` of ``date`` in ``order`` as text that sorts the same: its moments as
    microseconds since 1 Jan 1 in 15 hex digits each, then the date as written."""
    *moments, text = date_order(date, order)
    return "".join(f"{(moment - datetime.min) // _MICROSECOND:015x}" for moment in moments) + text


_MICROSECOND = timedelta(microseconds=1)


def _remember_dates(path: str | os.PathLike) -> None:
    """Add what each date of the tables last written for ``path`` gives to :data:`core.DATES`, if they are
    ours and of this code: a date's label, ISO ends and bounds depend on its text alone."""
    db = open_tables(path, current=False)
    if db is None:
        return
    try:
        core.DATES.update((row[0], row) for row in db.execute(
            "SELECT DISTINCT date, label, start, end, lo, hi FROM events"))
    except sqlite3.Error:
        pass
    finally:
        db.close()


def folders(root: Path) -> Iterator[tuple]:
    """The folders the dataset's files are found in (a file added, removed or renamed changes one's mtime),
    as rows of ``files``."""
    if not root.is_dir():
        return
    for folder, subfolders, _ in os.walk(root):
        subfolders[:] = [name for name in subfolders
                         if not name.startswith(".") and name != "node_modules" and not os.path.islink(
                             os.path.join(folder, name))]
        info = os.lstat(folder)
        yield os.path.realpath(folder), 1, 0, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev, "", 0, 0
