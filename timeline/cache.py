"""Load a dataset through its store, so that a repeated query skips reading and checking the YAML.

:func:`load` is :func:`timeline.dataset.load` with a memory: the checked
dataset is kept in a :mod:`timeline.store` (SQLite, in
``$XDG_CACHE_HOME/timeline/``, default ``~/.cache/timeline/``) and read
from there while the data files are unchanged; see :mod:`timeline.store`
for what it trusts. A dataset that fails to load is not kept. A store unused
for :data:`MAX_AGE_DAYS` days is deleted when another is written.
``TIMELINE_NO_CACHE=1`` turns the store off.

>>> from timeline.cache import load
>>> record = load("seeds")
"""
from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from timeline.model import Dataset
from timeline.store import Store, cache_dir, open_store, slot_name
from timeline.store.graphs import remember

#: A file in the cache folder not used for this long is deleted the next time a store is written.
MAX_AGE_DAYS = 30
#: A temporary file left by a write that was killed is deleted after this long.
MAX_DRAFT_AGE_SECONDS = 3600

__all__ = ["MAX_AGE_DAYS", "cache_dir", "cache_file", "load"]


def load(path: str | os.PathLike, tables: bool = False) -> Dataset:
    """The dataset at ``path``, from its store if the files are unchanged; else loaded, checked and stored.

    ``tables``: also write the store's query tables (:mod:`timeline.index`)
    when they do not match the files. Raises what :func:`timeline.dataset.load`
    raises; never fails because of the store.
    """
    if os.environ.get("TIMELINE_NO_CACHE", "") not in ("", "0") or (store := open_store(path)) is None:
        from timeline import dataset  # the YAML reader: a load from the store does not import it

        return dataset.load(path)
    checked_ns = time.time_ns()
    record = store.load()
    if (digest := store.digest()) is not None:  # the graphs made of it are kept beside the store
        remember(record, digest, store.file, store.key)
    if store.read:
        _prune(store.file.parent)
    if tables and store.stamps:
        _write_tables(path, record, store, checked_ns)
    return record


def _write_tables(path: str | os.PathLike, record: Dataset, store: Store, checked_ns: int) -> None:
    """Write the store's query tables of ``record`` if they do not match the files (:mod:`timeline.index`)."""
    from timeline.index import open_tables
    from timeline.index.write import write_tables

    if (layout := store.layout()) is not None and open_tables(path, update=False) is None:
        write_tables(path, record, store.stamps, checked_ns, layout)


def cache_file(path: str | os.PathLike) -> Path:
    """The store of the dataset at ``path``: one per dataset and installation of timeline."""
    return cache_dir() / slot_name(path)


def _prune(folder: Path) -> None:
    """Delete stores (and anything else) in ``folder`` unused for :data:`MAX_AGE_DAYS`, and old drafts."""
    now = time.time()
    for file in folder.iterdir():
        draft = file.name.startswith(".") and file.name.endswith(".tmp")
        with contextlib.suppress(OSError):
            if file.lstat().st_mtime < now - (MAX_DRAFT_AGE_SECONDS if draft else MAX_AGE_DAYS * 86400):
                file.unlink()
