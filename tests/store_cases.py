"""Fixtures shared by the tests of the store: a private cache and key folder, and what the store reads."""
from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

import timeline.index
from timeline import cache, dataset
from timeline.model import Dataset
from timeline.store import fragments

#: A dataset of one file: two actors who met in Geneva.
RECORD = """
actors:
  - {id: anna, name: Anna}
  - {id: boris, name: Boris}
events:
  - {id: talks, type: meeting, date: 2025-01-10, location: Geneva, participants: [anna, boris]}
"""


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache and a key folder of the test's own, the store turned on."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("TIMELINE_NO_CACHE", raising=False)
    return tmp_path / "cache" / "timeline"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the YAML loader reads, one entry per real load: a dataset read whole, or one file the store read."""
    seen: list[Path] = []
    real, real_file = dataset.load, fragments.read

    def whole(path: str | os.PathLike) -> Dataset:
        seen.append(Path(path))
        return real(path)

    def one(file: Path, max_bytes: int, previous: fragments.Fragment | None = None) -> fragments.Fragment | None:
        seen.append(Path(file))
        return real_file(file, max_bytes, previous)

    monkeypatch.setattr(dataset, "load", whole)
    monkeypatch.setattr(fragments, "read", one)
    return seen


def tables_rows(data: Path) -> dict[str, list[tuple]]:
    """Every row of every table written for ``data`` but meta and stamps, sorted; a file by its path."""
    with contextlib.closing(sqlite3.connect(timeline.index.tables_file(data))) as db:
        paths = {number: path for path, number in db.execute("SELECT path, number FROM files WHERE folder = 0")}
        paths[0] = ""
        rows = {}
        for statement in timeline.index.full_schema()[0]:
            table = timeline.index.table_name(statement)
            if table not in ("meta", "files"):
                found = db.execute(f"SELECT * FROM {table}").fetchall()
                by_file = timeline.index.per_file(statement)
                rows[table] = sorted(((paths[row[0]], *row[1:]) if by_file else row for row in found), key=repr)
        return rows


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A dataset folder holding :data:`RECORD` as ``record.yaml``."""
    path = tmp_path / "data"
    path.mkdir()
    (path / "record.yaml").write_text(RECORD, encoding="utf-8")
    return path


def location(folder: Path) -> str | None:
    """Where the talks of :data:`RECORD` took place, by :func:`timeline.cache.load`."""
    return cache.load(folder).event("talks").location
