"""The store: a checked copy of a dataset in SQLite, read instead of the YAML while the files are unchanged.

One SQLite file per dataset and per installation of timeline (the console
script and ``python -m timeline`` from a checkout keep separate stores) in
``$XDG_CACHE_HOME/timeline/``. Its tables:

- ``files``: one row per data file (path, size, mtime, ctime, inode,
  device, SHA-256 of its bytes), taken before the file was read;
- ``parts``: the checked :class:`~timeline.model.Dataset` as JSON, one
  document per field (``actors``, ``events``, ...; see :mod:`.codec`),
  each with its SHA-256;
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

A missing, corrupt, truncated, foreign or stale store is rebuilt; a cache
folder that cannot be used means no store, never a failed command. The
store is only ever a copy: deleting it loses nothing.

>>> from timeline.store import open_store
>>> store = open_store("seeds")
>>> record = store.load() or store.save(dataset.load("seeds"))
>>> len(store.load().events) == len(record.events)
True
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import sqlite3
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import NamedTuple

from timeline import __version__, dataset
from timeline.model import Dataset
from timeline.store import codec
from timeline.store.guard import own_file, private_folder, secret_key

#: Written in ``meta``: a store of another format is rebuilt.
FORMAT = "timeline-store 1"
#: A file whose ctime or mtime is this close to when its stamp was taken is hashed again each time.
RACY_SECONDS = 2
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL, sha256 TEXT NOT NULL)",
    "CREATE TABLE parts (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, body BLOB NOT NULL)",
)


class FileStamp(NamedTuple):
    """What a data file was when it was read: a row of the ``files`` table."""

    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    sha256: str = ""

    @classmethod
    def of(cls, file: Path) -> FileStamp:
        """The stamp of ``file`` (without its hash); ``OSError`` if it cannot be examined."""
        info = file.stat()
        return cls(str(file.resolve()), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)

    def hashed(self) -> FileStamp:
        """This stamp with the SHA-256 of the file's bytes."""
        with open(self.path, "rb") as file:
            return self._replace(sha256=hashlib.file_digest(file, "sha256").hexdigest())


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


def cache_dir() -> Path:
    """Where stores go: ``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline`` (a relative setting is ignored)."""
    return _xdg("XDG_CACHE_HOME", ".cache") / "timeline"


def key_dir() -> Path:
    """Where the stores' key is: ``$XDG_STATE_HOME/timeline``, else ``~/.local/state/timeline``."""
    return _xdg("XDG_STATE_HOME", ".local/state") / "timeline"


def slot_name(path: str | os.PathLike) -> str:
    """The store's file name: the dataset's name and a hash of its resolved path and of this installation."""
    resolved = Path(path).resolve()
    where = os.fsencode(resolved) + b"\0" + os.fsencode(Path(__file__).resolve().parent.parent)
    return f"{resolved.stem}-{hashlib.sha256(where).hexdigest()[:16]}.sqlite"


class Store:
    """The store of one dataset: :meth:`load` it, or :meth:`save` a freshly loaded copy."""

    def __init__(self, data: Path, file: Path, key: bytes) -> None:
        self.data, self.file, self.key = data, file, key
        self.stamps: list[FileStamp] | None = None  # of the data files, as :meth:`load` found them

    def load(self) -> Dataset | None:
        """The stored dataset, if the store is ours, intact and of the data files as they are now; else ``None``.

        ``OSError`` if a data file cannot be examined (the loader then says why).
        """
        now = time.time_ns()
        current = sorted(FileStamp.of(f) for f in dataset.data_files(self.data))
        stored = self._read()
        if stored is None:
            self.stamps = [stamp.hashed() for stamp in current]
            return None
        checked, files, parts = stored
        known = {f.path: f for f in files}
        self.stamps = [_confirmed(stamp, known.get(stamp.path), checked) for stamp in current]
        if [(s.path, s.sha256) for s in self.stamps] != [(f.path, f.sha256) for f in files]:
            return None
        try:
            record = codec.decode(parts)
        except (KeyError, TypeError, ValueError):  # not what this version writes
            return None
        if self.stamps != files or any(_racy(s, checked) and not _racy(s, now) for s in self.stamps):
            self._write(parts, now)  # same contents, new stamps: kept, so that the files are not hashed again
        else:
            with contextlib.suppress(OSError):
                os.utime(self.file)  # in use: pruning keeps it
        return record

    def save(self, record: Dataset) -> Dataset:
        """Keep ``record``, loaded from the data files after :meth:`load`, under their stamps; return it.

        A store that cannot be written is skipped without a word.
        """
        if self.stamps is not None:
            try:
                parts = codec.encode(record)
            except TypeError:  # a field the codec cannot keep: no store rather than a wrong one
                return record
            self._write(parts, time.time_ns())
        return record

    def _read(self) -> tuple[int, list[FileStamp], dict[str, bytes]] | None:
        """When the stamps were taken, the stamps and the parts, if the store is ours, of our schema, code and key."""
        if own_file(self.file) is None:
            return None
        try:
            uri = self.file.resolve().as_uri() + "?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
                db.execute("PRAGMA trusted_schema = OFF")
                db.execute("PRAGMA query_only = ON")
                if db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall() \
                        != [(sql,) for sql in sorted(SCHEMA, key=_table_name)]:
                    return None
                meta = dict(db.execute("SELECT name, value FROM meta"))
                files = [FileStamp(*row) for row in db.execute(
                    f"SELECT {', '.join(FileStamp._fields)} FROM files ORDER BY path")]
                rows = db.execute("SELECT name, sha256, body FROM parts ORDER BY name").fetchall()
        except (sqlite3.Error, OSError, TypeError, ValueError):
            return None
        mac, checked = meta.pop("mac", ""), meta.pop("checked_ns", "")
        digests = {name: sha for name, sha, _ in rows}
        if meta != self._expected() or not checked.isdigit() \
                or not hmac.compare_digest(mac, self._mac({**meta, "checked_ns": checked}, files, digests)) \
                or any(not isinstance(body, bytes) or hashlib.sha256(body).hexdigest() != sha for _, sha, body in rows):
            return None
        return int(checked), files, {name: body for name, _, body in rows}

    def _write(self, parts: dict[str, bytes], checked_ns: int) -> None:
        """Write the store anew, atomically: a reader sees the old one or the new one, never a mix."""
        stamps = sorted(self.stamps or [])
        meta = {**self._expected(), "checked_ns": str(checked_ns)}
        digests = {name: hashlib.sha256(body).hexdigest() for name, body in parts.items()}
        meta["mac"] = self._mac(meta, stamps, digests)
        draft = None
        try:
            descriptor, draft = tempfile.mkstemp(dir=self.file.parent, prefix=f".{self.file.name}.", suffix=".tmp")
            os.close(descriptor)
            with contextlib.closing(sqlite3.connect(draft)) as db:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                for statement in SCHEMA:
                    db.execute(statement)
                db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", stamps)
                db.executemany("INSERT INTO parts VALUES (?, ?, ?)",
                               [(name, digests[name], body) for name, body in parts.items()])
                db.commit()
            os.replace(draft, self.file)
        except (sqlite3.Error, OSError, UnicodeError):
            if draft:
                with contextlib.suppress(OSError):
                    os.unlink(draft)

    def _expected(self) -> dict[str, str]:
        """The ``meta`` values a store must have to be read (all but the stamp time and the MAC)."""
        return {"format": FORMAT, "timeline": __version__, "python": sys.version.split()[0],
                "code": _code_stamp(), "shape": codec.fingerprint(), "data": str(self.data.resolve()),
                "max_file_bytes": str(dataset.max_file_bytes())}

    def _mac(self, meta: dict[str, str], files: list[FileStamp], digests: dict[str, str]) -> str:
        """HMAC-SHA256 of everything in the store (the parts by their SHA-256), under the key."""
        text = json.dumps([sorted(meta.items()), sorted(files), sorted(digests.items())], separators=(",", ":"))
        return hmac.new(self.key, text.encode(), "sha256").hexdigest()


def _confirmed(stamp: FileStamp, stored: FileStamp | None, checked_ns: int) -> FileStamp:
    """``stamp`` with its hash: the stored one if nothing about the file changed since, else hashed anew."""
    if stored is not None and stamp == stored._replace(sha256="") and not _racy(stamp, checked_ns):
        return stored
    return stamp.hashed()


def _racy(stamp: FileStamp, checked_ns: int) -> bool:
    """Was the file changed so close to ``checked_ns`` that a later change may have kept its stamp?"""
    return max(stamp.ctime_ns, stamp.mtime_ns) >= checked_ns - RACY_SECONDS * 10**9


@cache
def _code_stamp() -> str:
    """Size and mtime of each module of timeline that reads, checks or stores a dataset."""
    package = Path(__file__).resolve().parent.parent
    modules = sorted([*package.glob("*.py"), *package.glob("store/*.py")])
    return ";".join(f"{m.relative_to(package)}:{m.stat().st_size}:{m.stat().st_mtime_ns}" for m in modules)


def _table_name(statement: str) -> str:
    return statement.split()[2]


def _xdg(variable: str, default: str) -> Path:
    base = os.environ.get(variable, "")
    return Path(base) if os.path.isabs(base) else Path.home() / default
