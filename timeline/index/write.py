"""Write the store's tables (:mod:`timeline.index`) from a checked record and the stamps of its files.

Called after a load through the store, with the stamps the store took
before reading; the tables are written to a temporary file and moved into
place, so a reader sees the old tables or the new ones, never a mix.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from itertools import chain, groupby
from json.encoder import encode_basestring
from operator import itemgetter
from pathlib import Path

from timeline.dates import DateError, parse_edtf
from timeline.folding import fold
from timeline.index import expected_meta, full_schema, mac, open_tables, question_modules, tables_file
from timeline.index.guard import private_folder, secret_key
from timeline.index.met import MEETING_STATUSES, sortable
from timeline.index.stamps import FileStamp, key_dir, write_sqlite
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
    dates = _previous_dates(path)
    schema, indexes = full_schema()

    def fill(db: sqlite3.Connection) -> None:
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", files)
        _fill(db, record, dates)
        for statement in indexes:
            db.execute(statement)

    write_sqlite(target, schema, fill)


def _previous_dates(path: str | os.PathLike) -> dict[str, tuple]:
    """What each date of the tables last written for ``path`` gives, if they are ours and of this code.

    A date's label, ISO ends and bounds depend on its text alone, so after an
    edit they are taken from the old tables rather than worked out again.
    """
    db = open_tables(path, current=False)
    if db is None:
        return {}
    try:
        return {row[0]: row for row in db.execute("SELECT DISTINCT date, label, start, end, lo, hi FROM events")}
    except sqlite3.Error:
        return {}
    finally:
        db.close()


def _fill(db: sqlite3.Connection, record: Dataset, dates: dict[str, tuple]) -> None:
    """The rows of ``record``: actors' nodes and names, events in order, and who met whom at each level.

    ``dates``: what known dates give (:func:`_previous_dates`); added to as dates are worked out.
    """
    for level in LEVELS:
        db.executemany("INSERT INTO actors VALUES (?, ?, ?)",
                       ((level, actor, node) for actor, node in record.nodes_at(level).items()))
    db.executemany("INSERT INTO names VALUES (?, ?)", {(fold(name), actor.id) for actor in record.actors.values()
                                                       for name in (actor.id, actor.name, *actor.aliases)})
    events = sorted((*record.events, *record.drafts), key=lambda e: (date_order(e.date), e.id)) \
        if record.drafts else record.events  # the record's events are in this order already
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   _event_rows(events, dates))
    db.executemany("INSERT INTO disputes VALUES (?, ?, ?)",
                   ((n, seq, link.event) for n, event in enumerate(events)
                    for seq, link in enumerate(event.related) if link.relation == "disputes"))
    db.executemany("INSERT INTO pairs VALUES (?, ?, ?, ?, ?)", _pairs(record, events))
    for module in question_modules():
        for table, group in groupby(module.rows(record, events), key=itemgetter(0)):
            first = next(group)
            db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(first) - 1))})",
                           (row[1:] for row in chain([first], group)))
    for module in question_modules():  # tables made from the others' rows
        for statement in getattr(module, "DERIVED", ()):
            db.execute(statement)


def _event_rows(events: list[Event], dates: dict[str, tuple]) -> Iterator[tuple]:
    """One row per event; what its date gives (label, ISO ends, sortable bounds) worked out once per date,
    who acted written once per list of actors."""
    acting: dict[tuple[str, ...], str] = {}
    for n, event in enumerate(events):
        date = event.date
        if date.text not in dates:
            dates[date.text] = (date.text, _label(date.text), date.iso_start(), date.iso_end(), _key(date.start),
                                _key(date.end))
        actors = event.acting()
        if actors not in acting:
            acting[actors] = _json_list(actors)
        yield (n, event.id, event.type, event.status, int(event.draft), *dates[date.text], event.location,
               acting[actors], event.summary)


def _json_list(texts: tuple[str, ...]) -> str:
    """``json.dumps(list(texts), ensure_ascii=False)``, without making an encoder each time."""
    return f"[{', '.join(map(encode_basestring, texts))}]"


def _pairs(record: Dataset, events: list[Event]) -> Iterator[tuple]:
    """Each pair that met at each meeting, call or visit not merely proposed, at each level (as ``query.met``)."""
    sides: dict[tuple[str, str], str] = {}  # (node, date as written): its side; a person's node is itself
    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for ord_, event in enumerate(events):
            if event.type not in MEETING_TYPES or event.status not in MEETING_STATUSES:
                continue
            date = event.date
            for u, v in sorted(record.iter_met_pairs(event, nodes_at(date))):
                for node in (u, v):
                    if (node, date.text) not in sides:
                        sides[node, date.text] = record.side(node, date)
                yield level, ord_, u, v, int(sides[u, date.text] == sides[v, date.text])


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
