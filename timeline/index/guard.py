"""Folders and files that only the current user controls: where the store and its key may live.

A path is *ours* when it is not a symbolic link, belongs to the effective
user, and no one else may write it (no group or world write bit); the key
must not even be readable by others. Each function returns ``None`` (or
``False``) rather than raise when a path is not ours or cannot be used:
the caller then goes without a store.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterable
from pathlib import Path

#: Length of the secret key of the stores, in bytes (HMAC-SHA256 keys gain nothing past 32).
KEY_BYTES = 32


def owned(info: os.stat_result, kind: int, private: bool = False) -> bool:
    """Is this ``lstat`` result a ``kind`` (``stat.S_IFDIR``, ``stat.S_IFREG``) of ours, writable by us only?

    ``private``: nobody else may read it either.
    """
    closed = 0o077 if private else 0o022
    return stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.geteuid() and not info.st_mode & closed


def private_folder(path: Path) -> Path | None:
    """``path``, made if missing (mode 0700), if it is a folder of ours; else ``None``."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path if owned(os.lstat(path), stat.S_IFDIR) else None
    except OSError:
        return None


def own_file(path: Path, private: bool = False) -> os.stat_result | None:
    """The ``lstat`` of ``path`` if it is a regular file of ours; ``None`` if not, or if there is none."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if owned(info, stat.S_IFREG, private) else None


def holds_exactly(db: sqlite3.Connection, schema: Iterable[str]) -> bool:
    """Does ``db`` hold exactly the tables and indexes whose SQL is ``schema`` (in any order; ``()``: none)?

    Read with the schema's code not trusted (``PRAGMA trusted_schema = OFF``, left set), so that a file made by
    someone else runs none of its own SQL (views, triggers, defaults) in our queries.
    """
    db.execute("PRAGMA trusted_schema = OFF")
    found = db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    return sorted(sql for (sql,) in found) == sorted(schema)


def open_ours(file: Path, schema: Iterable[str]) -> sqlite3.Connection:
    """``file`` opened read-only (``query_only``) if it is a regular file of ours (:func:`own_file`) holding
    exactly ``schema`` (:func:`holds_exactly`); else ``ValueError`` (``sqlite3.Error`` if SQLite cannot read it)."""
    if own_file(file) is None:
        raise ValueError(f"{file} is not a file of ours")
    db = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        db.execute("PRAGMA query_only = ON")
        if not holds_exactly(db, schema):
            raise ValueError(f"{file} does not hold exactly our tables")
    except BaseException:
        db.close()
        raise
    return db


def secret_key(folder: Path) -> bytes | None:
    """The key in ``folder/store.key``, made (random, mode 0600) if there is none; ``None`` if unusable.

    Made under a temporary name and linked into place, so that two
    processes starting at once end with one key, never a half-written one.
    """
    if private_folder(folder) is None:
        return None
    key = folder / "store.key"
    if own_file(key) is None and not key.is_symlink():
        _make_key(folder, key)
    if own_file(key, private=True) is None:
        return None
    try:
        with open(key, "rb") as file:
            value = file.read(KEY_BYTES + 1)
    except OSError:
        return None
    return value if len(value) == KEY_BYTES else None


def _make_key(folder: Path, key: Path) -> None:
    import secrets  # only here: a key is made once

    draft = folder / f".store.key.{secrets.token_hex(8)}"
    try:
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(secrets.token_bytes(KEY_BYTES))
        os.link(draft, key)  # fails if another process made one meanwhile: theirs is kept
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            draft.unlink()
