"""timeline.cache: a repeated load skips the YAML, and any change to the files is seen."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline import cache, dataset
from timeline.dataset import DatasetError
from timeline.model import Dataset

RECORD = """
actors:
  - {id: anna, name: Anna}
  - {id: boris, name: Boris}
events:
  - {id: talks, type: meeting, date: 2025-01-10, location: Geneva, participants: [anna, boris]}
"""


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TIMELINE_NO_CACHE", raising=False)
    return tmp_path / "cache" / "timeline"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the YAML loader reads, one entry per real load."""
    seen: list[Path] = []
    real = dataset.load

    def counting(path: str | os.PathLike) -> Dataset:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(dataset, "load", counting)
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    (path / "record.yaml").write_text(RECORD, encoding="utf-8")
    return path


def test_second_load_comes_from_the_cache(folder: Path, loads: list[Path], cache_home: Path) -> None:
    first = cache.load(folder)
    assert cache.load(folder) == first == dataset.load(folder)
    assert loads == [folder, folder]  # the cached load did not read the YAML; the last call is direct
    assert [p.name for p in cache_home.iterdir()] == [cache.cache_file(folder).name]


def test_a_changed_file_gives_a_fresh_answer(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    file = folder / "record.yaml"
    file.write_text(RECORD.replace("Geneva", "Vienna"), encoding="utf-8")
    assert cache.load(folder).event("talks").location == "Vienna"
    assert len(loads) == 2


def test_a_touched_file_is_read_again(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    stat = (folder / "record.yaml").stat()
    os.utime(folder / "record.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    cache.load(folder)
    assert len(loads) == 2


def test_a_new_or_removed_file_is_seen(folder: Path) -> None:
    cache.load(folder)
    extra = folder / "more.yaml"
    extra.write_text("actors:\n  - {id: carl, name: Carl}\n", encoding="utf-8")
    assert "carl" in cache.load(folder).actors
    extra.unlink()
    assert "carl" not in cache.load(folder).actors


def test_a_code_change_invalidates(folder: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(folder)
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    cache.load(folder)
    assert len(loads) == 2


@pytest.mark.parametrize("damage", [
    lambda file: file.write_bytes(b"not a pickle at all"),
    lambda file: file.write_bytes(file.read_bytes()[: len(file.read_bytes()) // 2]),
    lambda file: file.write_bytes(b""),
])
def test_a_corrupt_cache_is_rebuilt(folder: Path, loads: list[Path], damage: Callable[[Path], object]) -> None:
    cache.load(folder)
    damage(cache.cache_file(folder))
    assert cache.load(folder).event("talks").location == "Geneva"
    assert cache.load(folder) == dataset.load(folder)
    assert len(loads) == 3  # the first load, the rebuild, and the direct load compared with


def test_a_cache_that_cannot_be_written_is_skipped(folder: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.load(folder).event("talks").location == "Geneva"
    assert cache.load(folder) == dataset.load(folder)


def test_no_cache_when_turned_off(folder: Path, loads: list[Path], cache_home: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cache.load(folder)
    cache.load(folder)
    assert len(loads) == 2
    assert not cache_home.exists()


def test_errors_are_not_cached(tmp_path: Path, cache_home: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - {id: x, type: meetin, date: 2025-01-01}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DatasetError, match="unknown event type 'meetin'; did you mean 'meeting'"):
            cache.load(bad)
    assert not cache_home.exists()


def test_a_missing_path_is_the_loaders_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot read"):
        cache.load(tmp_path / "missing.yaml")


def test_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.cache_dir() == Path.home() / ".cache" / "timeline"


def test_the_command_line_loads_through_the_cache(run: Callable, cache_home: Path) -> None:
    assert run("met", "putin").exit_code == 0
    assert len(list(cache_home.glob("*.pickle"))) == 1


def test_files_unused_for_long_are_pruned_when_another_is_written(folder: Path, tmp_path: Path,
                                                                  cache_home: Path) -> None:
    cache.load(folder)
    used, stale = cache.cache_file(folder), cache_home / "gone-00000000.pickle"
    stale.write_bytes(b"")
    month_ago = used.stat().st_mtime - cache.MAX_AGE_DAYS * 86400 - 1
    for file in (used, stale):
        os.utime(file, (month_ago, month_ago))
    cache.load(folder)  # a hit marks the file used
    other = tmp_path / "other.yaml"
    other.write_text(RECORD, encoding="utf-8")
    cache.load(other)
    assert sorted(p.name for p in cache_home.iterdir()) == sorted([used.name, cache.cache_file(other).name])
