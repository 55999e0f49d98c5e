"""Write the store's tables (:mod:`timeline.index`) from a checked record and the stamps of its files.

Called after a load through the store, with the stamps the store took
before reading; the tables are written to a temporary file and moved into
place, so a reader sees the old tables or the new ones, never a mix.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from timeline.dates import DateError, parse_edtf
from timeline.folding import fold
from timeline.index import INDEXES, SCHEMA, expected_meta, mac, tables_file
from timeline.index.guard import private_folder, secret_key
from timeline.index.met import MEETING_STATUSES, sortable
from timeline.index.stamps import FileStamp, key_dir
from timeline.model import LEVELS, MEETING_TYPES, Dataset, Event, date_order


def write_tables(path: str | os.PathLike, record: Dataset, stamps: list[FileStamp], checked_ns: int) -> None:
    """Write the tables of the dataset at ``path``: ``record`` as loaded from files stamped ``stamps``.

    ``checked_ns`` is when the stamps were taken. Never fails: tables that
    cannot be written are simply not there (the next query loads the record).
    """
    key = secret_key(key_dir())
    target = tables_file(path)
    if key is None or private_folder(target.parent) is None:
        return
    files = [(s.path, 0, *s[1:]) for s in stamps] + list(_folders(Path(path)))
    meta = {**expected_meta(path), "checked_ns": str(checked_ns)}
    meta["mac"] = mac(key, meta, files)
    draft = None
    try:
        descriptor, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(descriptor)
        with contextlib.closing(sqlite3.connect(draft)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            for statement in SCHEMA:
                db.execute(statement)
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", files)
            _fill(db, record)
            for statement in INDEXES:
                db.execute(statement)
            db.commit()
        os.replace(draft, target)
    except (sqlite3.Error, OSError, UnicodeError):
        if draft:
            with contextlib.suppress(OSError):
                os.unlink(draft)


def _fill(db: sqlite3.Connection, record: Dataset) -> None:
    """The rows of ``record``: actors' nodes and names, events in order, and who met whom at each level."""
    for level in LEVELS:
        db.executemany("INSERT INTO actors VALUES (?, ?, ?)",
                       ((level, actor, node) for actor, node in record.nodes_at(level).items()))
    db.executemany("INSERT INTO names VALUES (?, ?)", {(fold(name), actor.id) for actor in record.actors.values()
                                                       for name in (actor.id, actor.name, *actor.aliases)})
    events = sorted((*record.events, *record.drafts), key=lambda e: (date_order(e.date), e.id)) \
        if record.drafts else record.events  # the record's events are in this order already
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   _event_rows(events))
    db.executemany("INSERT INTO disputes VALUES (?, ?, ?)",
                   ((n, seq, link.event) for n, event in enumerate(events)
                    for seq, link in enumerate(event.related) if link.relation == "disputes"))
    db.executemany("INSERT INTO pairs VALUES (?, ?, ?, ?, ?)", _pairs(record, events))


def _event_rows(events: list[Event]) -> Iterator[tuple]:
    """One row per event; what its date gives (label, ISO ends, sortable bounds) worked out once per date."""
    dates: dict[str, tuple] = {}
    for n, event in enumerate(events):
        date = event.date
        if date.text not in dates:
            dates[date.text] = (date.text, _label(date.text), date.iso_start(), date.iso_end(), _key(date.start),
                                _key(date.end))
        yield (n, event.id, event.type, event.status, int(event.draft), *dates[date.text], event.location,
               json.dumps(event.acting(), ensure_ascii=False), event.summary)


def _pairs(record: Dataset, events: list[Event]) -> Iterator[tuple]:
    """Each pair that met at each meeting, call or visit not merely proposed, at each level (as ``query.met``)."""
    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for ord_, event in enumerate(events):
            if event.type not in MEETING_TYPES or event.status not in MEETING_STATUSES:
                continue
            sides: dict[str, str] = {}
            for u, v in sorted(record.iter_met_pairs(event, nodes_at(event.date))):
                for node in (u, v):
                    if node not in sides:
                        sides[node] = record.side(node, event.date)
                yield level, ord_, u, v, int(sides[u] == sides[v])


def _folders(root: Path) -> Iterator[tuple]:
    """The folders the dataset's files are found in (a file added, removed or renamed changes one's mtime)."""
    if not root.is_dir():
        return
    for folder, subfolders, _ in os.walk(root):
        subfolders[:] = [name for name in subfolders
                         if not name.startswith(".") and name != "node_modules" and not os.path.islink(
                             os.path.join(folder, name))]
        info = os.lstat(folder)
        yield os.path.realpath(folder), 1, 0, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev, ""


def _key(moment: datetime | None) -> str | None:
    return None if moment is None else sortable(moment)


def _label(text: str) -> str:
    """An EDTF date as the short label the commands print; as written if it cannot be one."""
    try:
        return parse_edtf(text).label()
    except DateError:
        return text
