"""What a data file was when it was read, where stores live, and which store a dataset has.

Kept apart from :mod:`timeline.store` so that a query answered from the
store's tables (:mod:`timeline.index`) imports neither the loader nor the model.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

#: A file whose ctime or mtime is this close to when its stamp was taken is hashed again each time.
RACY_SECONDS = 2


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
        return cls(resolved(file), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)

    def hashed(self) -> FileStamp:
        """This stamp with the SHA-256 of the file's bytes."""
        import hashlib  # only here: it loads OpenSSL, a tenth of a warm query's start-up

        digest = hashlib.sha256()
        with open(self.path, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
        return self._replace(sha256=digest.hexdigest())


def confirmed(stamp: FileStamp, stored: FileStamp | None, checked_ns: int) -> FileStamp:
    """``stamp`` with its hash: the stored one if nothing about the file changed since, else hashed anew."""
    if stored is not None and stamp == stored._replace(sha256="") and not racy(stamp, checked_ns):
        return stored
    return stamp.hashed()


def racy(stamp: FileStamp, checked_ns: int) -> bool:
    """Was the file changed so close to ``checked_ns`` that a later change may have kept its stamp?"""
    return max(stamp.ctime_ns, stamp.mtime_ns) >= checked_ns - RACY_SECONDS * 10**9


def resolved(file: Path) -> str:
    """``file`` as an absolute path without links (its folder resolved once for all its files)."""
    if file.is_symlink():
        return str(file.resolve())
    return os.path.join(_resolved_folder(str(file.parent)), file.name)


@cache
def _resolved_folder(folder: str) -> str:
    return os.path.realpath(folder)


def cache_dir() -> Path:
    """Where stores go: ``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline`` (a relative setting is ignored)."""
    return _xdg("XDG_CACHE_HOME", ".cache") / "timeline"


def key_dir() -> Path:
    """Where the stores' key is: ``$XDG_STATE_HOME/timeline``, else ``~/.local/state/timeline``."""
    return _xdg("XDG_STATE_HOME", ".local/state") / "timeline"


def slot_name(path: str | os.PathLike) -> str:
    """The store's file name: the dataset's name and a hash of its resolved path and of this installation.

    The console script and ``python -m timeline`` from a checkout are two
    installations: each keeps its own store, so neither evicts the other.
    """
    resolved_path = Path(path).resolve()
    where = os.fsencode(resolved_path) + b"\0" + os.fsencode(Path(__file__).resolve().parent.parent)
    return f"{resolved_path.stem}-{_blake2b()(where, digest_size=8).hexdigest()}.sqlite"


def keyed_digest(key: bytes, data: bytes) -> str:
    """BLAKE2b of ``data`` keyed with ``key`` (a MAC, RFC 7693), 32 bytes as hex."""
    return _blake2b()(data, key=key, digest_size=32).hexdigest()


def _blake2b() -> Any:
    """BLAKE2b, from ``_blake2`` itself when it is there: ``hashlib`` loads OpenSSL."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python than CPython
        from hashlib import blake2b
    return blake2b


def same_digest(a: str, b: str) -> bool:
    """``a == b`` in a time that does not depend on where they differ."""
    from _operator import _compare_digest  # hmac.compare_digest, without the import of hashlib it brings

    return _compare_digest(a, b)


@cache
def code_stamp() -> str:
    """Size and mtime of each module of timeline that reads, checks or stores a dataset."""
    package = Path(__file__).resolve().parent.parent
    modules = sorted([*package.glob("*.py"), *package.glob("read/*.py"), *package.glob("store/*.py"),
                      *package.glob("index/*.py")])
    return ";".join(f"{m.relative_to(package)}:{m.stat().st_size}:{m.stat().st_mtime_ns}" for m in modules)


def _xdg(variable: str, default: str) -> Path:
    base = os.environ.get(variable, "")
    return Path(base) if os.path.isabs(base) else Path.home() / default


def write_sqlite(target: Path, schema: tuple[str, ...], fill: Callable[[sqlite3.Connection], None],
                 *pragmas: str, updated: bool = False) -> None:
    """Write the SQLite file ``target`` anew: ``schema``, then ``fill``'s rows, in one transaction.

    Written to a temporary file beside it (no journal, no sync: a cache that can
    be made again) and moved into place, so a reader sees the old file or the new
    one, never a mix, and a crash leaves no half file. ``updated``: the file is
    also changed in place (the store's tables): it is replaced under
    :func:`writer_lock`, and the journal of an update killed in the old file is
    removed. ``pragmas`` run first (``PRAGMA page_size = 65536``). Never fails: a
    file that cannot be written is not.
    """
    import tempfile

    draft = None
    try:
        descriptor, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(descriptor)
        with contextlib.closing(sqlite3.connect(draft)) as db:
            for statement in (*pragmas, "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", *schema):
                db.execute(statement)
            fill(db)
            db.commit()
        with writer_lock(target) if updated else contextlib.nullcontext():
            with contextlib.suppress(FileNotFoundError):  # the journal of an update killed in the file replaced:
                os.unlink(journal(target))  # rolled into the new file, it would spoil it
            os.replace(draft, target)
    except (sqlite3.Error, OSError, UnicodeError):
        if draft:
            with contextlib.suppress(OSError):
                os.unlink(draft)


def journal(target: Path) -> Path:
    """The rollback journal SQLite keeps beside ``target`` while a change to it is not yet committed."""
    return target.with_name(target.name + "-journal")


@contextlib.contextmanager
def writer_lock(target: Path) -> Iterator[None]:
    """Hold the lock that one writer of ``target`` takes at a time: to replace it, or to change it in place.

    An exclusive ``flock`` on ``.<name>.lock`` beside it, waited for; released
    when the process ends, however it ends. ``OSError`` if the lock file cannot
    be made; a file system without locks is written unlocked.
    """
    import fcntl

    descriptor = os.open(target.with_name(f".{target.name}.lock"), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        with contextlib.suppress(OSError):
            os.utime(descriptor)  # in use: pruning keeps it
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock
