"""Load a dataset through a cache, so a repeated query skips reading and checking the YAML.

:func:`load` is :func:`timeline.dataset.load` with a memory: it keeps a
pickle of the checked :class:`~timeline.model.Dataset` in
``$XDG_CACHE_HOME/timeline/`` (default ``~/.cache/timeline/``), one file per
dataset, and uses it only while every data file keeps the path, size,
modification time and inode it had, and timeline is the same version with
the same loading code. Anything else, a missing, stale, unreadable or
corrupt cache included, means loading the files again. The cache only ever
holds a copy: deleting it loses nothing. A cached dataset unused for 30 days
is deleted when another is written. ``TIMELINE_NO_CACHE=1`` turns it off.

>>> from timeline.cache import load
>>> record = load("seeds")
"""
from __future__ import annotations

import binascii
import contextlib
import copyreg
import gc
import os
import pickle
import sys
from pathlib import Path

from timeline import __version__, dataset, dates, model
from timeline.dates import DateSpan
from timeline.model import Actor, Dataset, Event, Quote, Source

#: A cache file not used for this long is deleted the next time one is written.
MAX_AGE_DAYS = 30


def load(path: str | os.PathLike) -> Dataset:
    """The dataset at ``path``, from the cache if the files are unchanged; else loaded and cached."""
    if os.environ.get("TIMELINE_NO_CACHE", "") not in ("", "0"):
        return dataset.load(path)
    key = cache_key(path)
    if key is None:  # a file cannot be read: let the loader say so
        return dataset.load(path)
    where = cache_file(path)
    record = _read(where, key)
    if record is None:
        record = dataset.load(path)
        _write(where, key, record)
        _prune(where.parent, MAX_AGE_DAYS * 86400)
    return record


def cache_dir() -> Path:
    """Where cached datasets go: ``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline``."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "timeline"


def cache_file(path: str | os.PathLike) -> Path:
    """The cache file of the dataset at ``path``: one per dataset, named after its resolved path.

    Two paths may share a name (a 32-bit checksum): they then take turns,
    never mixed up, as the key holds every file's path.
    """
    resolved = Path(path).resolve()
    return cache_dir() / f"{resolved.stem}-{binascii.crc32(os.fsencode(resolved)):08x}.pickle"


def cache_key(path: str | os.PathLike) -> tuple | None:
    """What the cached copy must match: each data file's path, size, mtime and inode, and the code.

    Taken before the files are read, so a file changed while loading makes
    the next key differ. ``None`` if a file cannot be examined.
    """
    try:
        files = [(str(f.resolve()), *_stamp(f)) for f in dataset.data_files(path)]
        code = [_stamp(Path(file)) for file in (model.__file__, dates.__file__, dataset.__file__, __file__)]
    except OSError:
        return None
    return __version__, sys.version_info[:2], dataset.max_file_bytes(), tuple(code), tuple(files)


#: Classes pickled as their field values, to load through ``__init__``: twice as fast as slot by slot.
_BY_FIELDS = (Actor, DateSpan, Event, Quote, Source)


def _by_fields(item: Actor | DateSpan | Event | Quote | Source) -> tuple:
    return type(item), tuple(getattr(item, name) for name in item.__slots__)


def _stamp(file: Path) -> tuple[int, int, int]:
    stat = file.stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def _read(where: Path, key: tuple) -> Dataset | None:
    """The cached dataset if its key is ``key``; ``None`` if absent, stale or unreadable."""
    collecting = gc.isenabled()
    gc.disable()  # as in dataset.load: no garbage to find among so many new objects
    try:
        with open(where, "rb") as file:
            if pickle.load(file) != key:
                return None
            record = pickle.load(file)
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache file, the data files are the truth
        return None
    finally:
        if collecting:
            gc.enable()
    with contextlib.suppress(OSError):
        os.utime(where)  # in use: _prune keeps it
    return record if isinstance(record, Dataset) else None


def _write(where: Path, key: tuple, record: Dataset) -> None:
    """Store ``record`` under ``key`` atomically; a cache that cannot be written is skipped."""
    import tempfile

    written = None
    try:
        where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("wb", dir=where.parent, prefix=where.stem, suffix=".tmp",
                                         delete=False) as file:
            written = Path(file.name)
            pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {**copyreg.dispatch_table, **dict.fromkeys(_BY_FIELDS, _by_fields)}
            pickler.dump(key)
            pickler.clear_memo()  # two pickles, read one by one
            pickler.dump(record)
        os.replace(written, where)
    except OSError:
        if written:
            written.unlink(missing_ok=True)


def _prune(folder: Path, max_age: float) -> None:
    """Delete the files in ``folder`` (cached datasets, leftovers of failed writes) untouched for ``max_age`` s."""
    import time

    cutoff = time.time() - max_age
    for file in folder.glob("*"):
        with contextlib.suppress(OSError):
            if file.stat().st_mtime < cutoff:
                file.unlink()
