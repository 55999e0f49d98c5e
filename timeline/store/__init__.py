"""The store: a checked copy of a dataset in SQLite, read instead of the YAML while the files are unchanged.

One SQLite file per dataset and per installation of timeline (the console
script and ``python -m timeline`` from a checkout keep separate stores) in
``$XDG_CACHE_HOME/timeline/``. Its tables:

- ``files``: one row per data file (path, size, mtime, ctime, inode,
  device, SHA-256 of its bytes), taken before the file was read;
- ``parts``: what reading and checking each data file alone gave
  (:mod:`.fragments`), kept in groups of neighbouring files, one part per
  group (see :mod:`.codec`), and ``order``: how the joined record was
  ordered when it last passed the checks across files; each with its SHA-256;
- ``meta``: the format, the code and data shapes it was written by, and
  an HMAC-SHA256 of all of the above.

What it trusts, and what it does not:

- Nothing in it can run code: SQLite tables of text, numbers and JSON,
  read with fixed queries, by a decoder that only makes the model's own
  classes. A store whose schema is not exactly ours (a view, a trigger,
  another table) is not read; neither is a pickle or anything else.
- It is read only if it is ours: the folder and the file are not symbolic
  links, belong to the current user, and nobody else may write them.
- Its contents count only if its HMAC checks out under a secret key kept
  *outside* the cache folder (``$XDG_STATE_HOME/timeline/store.key``,
  mode 0600), so a store copied in by someone else (a shared or restored
  cache folder, a CI cache) is rebuilt, even with every key field right:
  nobody without the key can make the store answer anything but what it
  was written with. Whoever can read the key (the user, root) could.
- Its answers must match the files now: a file whose size, mtime, ctime,
  inode or device changed is hashed again, and the store is used only if
  the hash is the same (``touch -r`` after an edit changes the ctime,
  which no user can set back). A file changed within
  :data:`RACY_SECONDS` of the stamp is always hashed.

So someone who can write the store but not the data files nor read the
key can delete or spoil it (the next command loads the YAML again), or
put back an older store timeline wrote, which is read only if every file
is again byte for byte what it was then. They cannot make it answer
anything the data files do not say, nor run anything.

After an edit only the changed files are read again (of a file of events,
only the items whose text changed: :mod:`.chunks`); the checks across
files run over every file's part (:mod:`.assemble`), so the answer, or
the problems reported, are those of :func:`timeline.dataset.load`.

Beside it, ``<store>.graphs.sqlite`` keeps the actor graphs made of the
record it returned, read instead of made again (:mod:`.graphs`).

A missing, corrupt, truncated, foreign or stale store is rebuilt; a cache
folder that cannot be used means no store, never a failed command. The
store is only ever a copy: deleting it loses nothing.

>>> from timeline import dataset
>>> from timeline.store import open_store
>>> store = open_store("seeds")
>>> record = store.load()
>>> store.load() == record == dataset.load("seeds")
True
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from timeline import __version__
from timeline.index.guard import open_ours, private_folder, secret_key
from timeline.index.stamps import RACY_SECONDS, FileStamp, cache_dir, key_dir, slot_name, write_sqlite  # noqa: F401 (importable from here)
from timeline.index.stamps import code_stamp as _code_stamp
from timeline.index.stamps import confirmed as _confirmed
from timeline.index.stamps import racy as _racy
from timeline.model import Dataset
from timeline.read import files as data_files
from timeline.read.problems import DatasetError
from timeline.store import codec, fragments
from timeline.store.joined import Conflict, Previous, join, reorder

if TYPE_CHECKING:
    from timeline.index.write import Layout

#: Written in ``meta``: a store of another format is rebuilt.
FORMAT = "timeline-store 4"
_ORDER = "order"  # the part that says how the joined lists were ordered (see fragments.assemble)
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL, sha256 TEXT NOT NULL)",
    "CREATE TABLE parts (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, body BLOB NOT NULL)",
)


def open_store(path: str | os.PathLike, folder: Path | None = None, key_folder: Path | None = None) -> Store | None:
    """The store of the dataset at ``path`` in ``folder`` (default :func:`cache_dir`); ``None`` if none can be kept.

    ``key_folder`` holds the secret key (default :func:`key_dir`). ``None``
    when either folder is not ours or cannot be made.
    """
    folder = private_folder(folder or cache_dir())
    key = secret_key(key_folder or key_dir())
    if folder is None or key is None:
        return None
    return Store(Path(path), folder / slot_name(path), key)


class Parts(NamedTuple):
    """What a store's parts hold: the fragments decoded from them (by the SHA-256 of their file), each part's
    SHA-256 (by name) and the text of its ``order`` part (``None``: none)."""

    known: dict[str, fragments.Fragment]
    digests: dict[str, str]
    order: bytes | None


def _no_parts() -> Parts:
    return Parts({}, {}, None)


class Store:
    """The store of one dataset: :meth:`load` it, reading again only the data files that changed."""

    def __init__(self, data: Path, file: Path, key: bytes) -> None:
        self.data, self.file, self.key = data, file, key
        self.stamps: list[FileStamp] = []  # of the data files, as :meth:`load` found them
        self.read: list[Path] = []  # the data files :meth:`load` read, because the store did not have them
        self.pieces: list[fragments.Fragment] = []  # what each data file gave, as :meth:`load` found them

    def load(self) -> Dataset:
        """The dataset, checked: each unchanged file's part from the store, the others read and checked anew.

        Raises what :func:`timeline.dataset.load` raises (the problems of the
        data); never fails because of the store: a store that is not ours,
        not intact or of other files is read around, then written anew.
        """
        files, unread = data_files.dataset_files(self.data)
        if unread or not files or len(files) == 1 and not data_files.is_data_file(files[0]):
            return _read_all(self.data)  # it says what is wrong
        now = time.time_ns()
        try:
            current = [FileStamp.of(f) for f in files]
        except OSError:
            return _read_all(self.data)
        collecting = gc.isenabled()
        gc.disable()  # as in dataset.load: no garbage to find among so many new objects
        try:
            return self._load(files, current, now, *self._stored())
        except OSError:  # a data file that cannot be read: the loader says so
            return _read_all(self.data)
        finally:
            if collecting:  # the record lasts: frozen, else the next collection walks each object just made
                gc.freeze()  # (0.2 s at 100k events; see options.py)
                gc.enable()

    def _load(self, files: list[Path], current: list[FileStamp], now: int,
              stored: dict[str, FileStamp], parts: Parts, checked: int) -> Dataset:
        known = parts.known
        self.stamps, self.read, self.pieces = [], [], []
        broken = False
        for file, stamp in zip(files, current, strict=True):
            self.stamps.append(_confirmed(stamp, stored.get(stamp.path), checked))
            if self.stamps[-1].sha256 not in known:
                self.read.append(file)
                fragment = fragments.read(file, data_files.max_file_bytes())
                if fragment is None:  # a problem inside the file: read on, to keep the parts of the others
                    broken = True
                    continue
                known[self.stamps[-1].sha256] = fragment
        if broken:  # the loader reports every problem, in order; the next run reads only what changes
            self._write(self._groups(known, parts), now, parts)
            return _read_all(self.data)
        pieces = self.pieces = [known[stamp.sha256] for stamp in self.stamps]
        kept = self._groups(known, parts)
        try:
            previous = _previous(parts, known)
            unchanged = kept.keys() == parts.digests.keys() - {_ORDER} and previous is not None
            record = reorder(join(pieces), previous.orders) if unchanged and previous else None
        except (KeyError, TypeError, ValueError, IndexError):  # not what this version writes: read it all
            return self._load(files, current, now, {}, _no_parts(), 0)
        if record is not None:
            if any(s != stored[s.path] or _racy(s, checked) and not _racy(s, now) for s in self.stamps):
                self._write(dict.fromkeys(parts.digests), now, parts)  # same contents, new stamps: keep them
            else:
                with contextlib.suppress(OSError):
                    os.utime(self.file)  # in use: pruning keeps it
            return record
        from timeline.store.assemble import assemble, ordered_as  # the checks across files: only after an edit

        try:
            record, orders = assemble([str(f) for f in files], pieces, data_files.max_file_bytes(), previous)
        except Conflict:  # the loader reports it, or checks what the parts cannot
            self._write(kept, now, parts)
            record = _read_all(self.data)
            orders = ordered_as(record, pieces)
            if orders is None:
                return record
        except DatasetError:
            self._write(kept, now, parts)  # each file's part is sound: the next run reads only what changes
            raise
        passed = {"files": [stamp.sha256 for stamp in self.stamps], "orders": orders}
        self._write({**kept, _ORDER: json.dumps(passed).encode()}, now, parts)
        return record

    def layout(self) -> Layout | None:
        """Where each item of the record :meth:`load` returned was defined, and the files of events alone;
        ``None`` if the load did not go through every file's part."""
        if not self.pieces or len(self.pieces) != len(self.stamps):
            return None
        where: dict[str, tuple[str, str, int]] = {}
        events_only = set()
        for stamp, piece in zip(self.stamps, self.pieces, strict=True):
            for key, ids in piece.ids.items():
                for ident, position in zip(ids, piece.index[key], strict=True):
                    where.setdefault(ident, (stamp.path, key, position))
            if fragments.events_only(piece):
                events_only.add(stamp.path)
        from timeline.index.write import Layout

        return Layout(where, events_only)

    def digest(self) -> str | None:
        """SHA-256 naming the record :meth:`load` returned: this store's format and code, each data file's path
        and SHA-256; ``None`` if the load did not go through every file's part."""
        if not self.pieces or len(self.pieces) != len(self.stamps):
            return None
        text = json.dumps([sorted(self._expected().items()), [(stamp.path, stamp.sha256) for stamp in self.stamps]])
        return hashlib.sha256(text.encode()).hexdigest()

    def _groups(self, known: dict[str, fragments.Fragment], parts: Parts) -> dict[str, bytes | None]:
        """The parts that hold the data files' fragments: those in the store still right (``None``: copied when
        the store is written), the others made."""
        kept: dict[str, bytes | None] = {}
        for group in fragments.groups([stamp.path for stamp in self.stamps]):
            members = [self.stamps[n] for n in group]
            name = "files:" + hashlib.sha256("".join(f"{s.path}\0{s.sha256}\0" for s in members).encode(
                "utf-8", "surrogatepass")).hexdigest()
            kept[name] = None if name in parts.digests else fragments.encode(
                [(s.sha256, known[s.sha256]) for s in members if s.sha256 in known])  # not a file that failed
        return kept

    def fragments(self, paths: list[str], wanted: set[str]) -> dict[str, tuple[str, fragments.Fragment]]:
        """The fragments the store keeps of the data files ``wanted`` (paths), as they were when it was written
        (path: the SHA-256 of the file then, its fragment), for the dataset's files ``paths`` (in order); reads
        only their parts. Nothing for a file it does not keep or a store that is not ours and intact."""
        found: dict[str, tuple[str, fragments.Fragment]] = {}
        try:
            with self._open() as db:
                files, digests, _ = self._verified(db)
                stamps = {stamp.path: stamp for stamp in files}
                for group in fragments.groups(paths):
                    members = [paths[n] for n in group]
                    if wanted.isdisjoint(members) or not all(path in stamps for path in members):
                        continue
                    name = "files:" + hashlib.sha256("".join(f"{path}\0{stamps[path].sha256}\0" for path in members)
                                                     .encode("utf-8", "surrogatepass")).hexdigest()
                    for (body,) in db.execute("SELECT body FROM parts WHERE name = ?", (name,)):
                        if isinstance(body, bytes) and hashlib.sha256(body).hexdigest() == digests[name]:
                            kept = fragments.decode(body)
                            found |= {path: (stamps[path].sha256, kept[stamps[path].sha256])
                                      for path in wanted.intersection(members)}
        except (sqlite3.Error, OSError, KeyError, TypeError, ValueError, IndexError):  # not a store this version wrote
            return {}
        return found

    def _stored(self) -> tuple[dict[str, FileStamp], Parts, int]:
        """The stamps, the parts and the time of the store, if it is ours and intact; else nothing (no parts if
        a part is not the one written or not what this version writes)."""
        try:
            with self._open() as db:
                files, digests, checked = self._verified(db)
                try:
                    parts = _decoded(db, digests)
                except (KeyError, TypeError, ValueError, IndexError):  # the stamps, under the MAC, still count
                    parts = _no_parts()
        except (sqlite3.Error, OSError, KeyError, TypeError, ValueError):  # not a store this version wrote
            return {}, _no_parts(), 0
        return {stamp.path: stamp for stamp in files}, parts, checked

    def _verified(self, db: sqlite3.Connection) -> tuple[list[FileStamp], dict[str, str], int]:
        """The stamps, the parts' SHA-256 and the time of the open store, if its MAC checks out; else
        ``ValueError``."""
        meta = dict(db.execute("SELECT name, value FROM meta"))
        files = [FileStamp(*row) for row in db.execute(f"SELECT {', '.join(FileStamp._fields)} FROM files")]
        digests = dict(db.execute("SELECT name, sha256 FROM parts ORDER BY name"))
        mac, checked = meta.pop("mac", ""), meta.pop("checked_ns", "")
        if meta != self._expected() or not checked.isdigit() \
                or not hmac.compare_digest(mac, self._mac({**meta, "checked_ns": checked}, files, digests)):
            raise ValueError("not a store of ours, or not intact")
        return files, digests, int(checked)

    def _open(self) -> contextlib.closing[sqlite3.Connection]:
        """The store, read-only, if it is a file of ours with exactly our tables; else ``ValueError``."""
        return contextlib.closing(open_ours(self.file, SCHEMA))

    def _write(self, parts: dict[str, bytes | None], checked_ns: int, stored: Parts) -> None:
        """Write the store anew, atomically: a reader sees the old one or the new one, never a mix. A part given
        as ``None`` is copied from the store as read (``stored``), one at a time; none is written if it changed."""
        stamps = sorted(self.stamps)
        meta = {**self._expected(), "checked_ns": str(checked_ns)}
        digests = {name: stored.digests[name] if body is None else hashlib.sha256(body).hexdigest()
                   for name, body in parts.items()}
        meta["mac"] = self._mac(meta, stamps, digests)

        def fill(db: sqlite3.Connection) -> None:
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", stamps)
            try:
                with self._open() if None in parts.values() else contextlib.nullcontext() as old:
                    db.executemany("INSERT INTO parts VALUES (?, ?, ?)", _copied(parts, digests, old))
            except ValueError as error:  # the store is no longer the one read: write none
                raise sqlite3.IntegrityError(str(error)) from None

        write_sqlite(self.file, SCHEMA, fill, "PRAGMA page_size = 65536")  # parts are large: fewer pages to chain

    def _expected(self) -> dict[str, str]:
        """The ``meta`` values a store must have to be read (all but the stamp time and the MAC)."""
        return {"format": FORMAT, "timeline": __version__, "python": sys.version.split()[0],
                "code": _code_stamp(), "shape": codec.fingerprint(), "data": str(self.data.resolve()),
                "max_file_bytes": str(data_files.max_file_bytes())}

    def _mac(self, meta: dict[str, str], files: list[FileStamp], digests: dict[str, str]) -> str:
        """HMAC-SHA256 of everything in the store (the parts by their SHA-256), under the key."""
        text = json.dumps([sorted(meta.items()), sorted(files), sorted(digests.items())], separators=(",", ":"))
        return hmac.new(self.key, text.encode(), "sha256").hexdigest()


def _decoded(db: sqlite3.Connection, digests: dict[str, str]) -> Parts:
    """The parts of the open store, each checked against its SHA-256 and decoded as it is read, then dropped:
    a load never holds more than one part's bytes (``ValueError``, ...: a part not the one written, or not
    what this version writes)."""
    known: dict[str, fragments.Fragment] = {}
    order = None
    for name, body in db.execute("SELECT name, body FROM parts"):
        if not isinstance(body, bytes) or hashlib.sha256(body).hexdigest() != digests[name]:
            raise ValueError(f"part {name} is not the one written")
        if name == _ORDER:
            order = body
        else:
            known |= fragments.decode(body)
    return Parts(known, digests, order)


def _copied(parts: dict[str, bytes | None], digests: dict[str, str], old: sqlite3.Connection | None
            ) -> Iterator[tuple[str, str, bytes]]:
    """The rows of ``parts``, those given as ``None`` read from the ``old`` store; ``ValueError`` if one is no
    longer there as it was read."""
    for name, body in parts.items():
        if body is None:
            row = old.execute("SELECT body FROM parts WHERE name = ?", (name,)).fetchone() if old else None
            body = row[0] if row else None
            if not isinstance(body, bytes) or hashlib.sha256(body).hexdigest() != digests[name]:
                raise ValueError(f"part {name} of the store changed since it was read")
        yield name, digests[name], body


def _previous(parts: Parts, known: dict[str, fragments.Fragment]) -> Previous | None:
    """The dataset as it last passed its checks, from the store's ``order`` part; ``None`` if it did not."""
    if parts.order is None:
        return None
    passed = json.loads(parts.order)
    orders = passed["orders"]
    if not isinstance(orders, dict) or not all(isinstance(order, list) for order in orders.values()):
        raise ValueError("not the orders of a store")
    return Previous([known[sha] for sha in passed["files"]], orders)


def _read_all(data: Path) -> Dataset:
    """The dataset read and checked from its files (:func:`timeline.dataset.load`): it raises what is wrong."""
    from timeline import dataset  # the YAML reader: not imported by a load from the store

    return dataset.load(data)
