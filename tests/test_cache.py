"""timeline.cache and timeline.store: a repeated load skips the YAML, and any change to the files is seen
(what is planted or forged in the cache folder: test_cache_trust.py)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import store_cases
from store_cases import RECORD, location

import timeline.store
from timeline import cache, dataset
from timeline.dataset import DatasetError
from timeline.store import FileStamp, open_store

cache_home, loads, folder = store_cases.cache_home, store_cases.loads, store_cases.folder  # the store's fixtures
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files whose bytes the store hashes, one entry per hash."""
    seen: list[str] = []
    real = FileStamp.hashed

    def counting(stamp: FileStamp) -> FileStamp:
        seen.append(Path(stamp.path).name)
        return real(stamp)

    monkeypatch.setattr(FileStamp, "hashed", counting)
    return seen


# -- the store is used, and any change to the data is seen ------------------

def test_second_load_comes_from_the_store(folder: Path, loads: list[Path], cache_home: Path) -> None:
    first = cache.load(folder)
    assert cache.load(folder) == first == dataset.load(folder)
    assert loads == [folder / "record.yaml", folder]  # the stored load did not read the YAML; the last is direct
    assert [p.name for p in cache_home.iterdir()] == [cache.cache_file(folder).name]


def test_a_changed_file_gives_a_fresh_answer(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    (folder / "record.yaml").write_text(RECORD.replace("Geneva", "Vienna"), encoding="utf-8")
    assert location(folder) == "Vienna"
    assert len(loads) == 2


def test_an_edit_hidden_with_touch_r_is_seen(folder: Path, tmp_path: Path, loads: list[Path]) -> None:
    """Same size, same mtime (restored by ``touch -r``), same inode: the ctime and the hash tell."""
    file, reference = folder / "record.yaml", tmp_path / "reference"
    shutil.copy2(file, reference)
    assert location(folder) == "Geneva"
    before = file.stat()
    with open(file, "r+", encoding="utf-8") as handle:  # in place: same inode
        handle.write(RECORD.replace("Geneva", "Vienna"))
    subprocess.run(["touch", "-r", str(reference), str(file)], check=True)
    after = file.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert location(folder) == "Vienna"
    assert len(loads) == 2


def test_a_file_touched_but_not_changed_is_hashed_not_read(folder: Path, loads: list[Path],
                                                          hashes: list[str]) -> None:
    cache.load(folder)
    parts = "SELECT name, sha256, body FROM parts ORDER BY name"
    before = sqlite3.connect(cache.cache_file(folder)).execute(parts).fetchall()
    stat = (folder / "record.yaml").stat()
    os.utime(folder / "record.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert location(folder) == "Geneva"
    assert len(loads) == 1 and hashes == ["record.yaml", "record.yaml"]
    stored = sqlite3.connect(cache.cache_file(folder)).execute("SELECT mtime_ns FROM files").fetchall()
    assert stored == [(stat.st_mtime_ns + 10**9,)]  # the new stamp is kept
    assert sqlite3.connect(cache.cache_file(folder)).execute(parts).fetchall() == before  # the parts copied as read
    assert location(folder) == "Geneva" and len(loads) == 1


def test_files_are_hashed_only_while_their_change_is_recent(folder: Path, hashes: list[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(folder)
    cache.load(folder)
    assert hashes == ["record.yaml", "record.yaml"]  # written just now: its stamp may not show a second edit
    later = time.time_ns() + (timeline.store.RACY_SECONDS + 1) * 10**9
    monkeypatch.setattr(timeline.store.time, "time_ns", lambda: later)
    cache.load(folder)  # no longer recent: hashed once more, and the store notes it
    cache.load(folder)
    cache.load(folder)
    assert hashes == ["record.yaml"] * 3


def test_a_new_or_removed_file_is_seen(folder: Path) -> None:
    cache.load(folder)
    extra = folder / "more.yaml"
    extra.write_text("actors:\n  - {id: carl, name: Carl}\n", encoding="utf-8")
    assert "carl" in cache.load(folder).actors
    extra.unlink()
    assert "carl" not in cache.load(folder).actors


def test_a_code_change_invalidates(folder: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(folder)
    monkeypatch.setattr(timeline.store, "__version__", "0.0.0-other")
    cache.load(folder)
    assert len(loads) == 2


def test_the_installed_script_and_a_checkout_keep_separate_stores(folder: Path, tmp_path: Path,
                                                                 cache_home: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "timeline", checkout / "timeline", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"))

    def met(where: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(where)}
        done = subprocess.run([sys.executable, "-m", "timeline", "met", "anna", "--data", str(folder)],
                              capture_output=True, text=True, check=True, env=env, cwd=tmp_path)
        assert "anna – boris" in done.stdout

    met(ROOT)
    met(checkout)
    stores = sorted(cache_home.glob("*.sqlite"))
    assert len(stores) == 4  # a store and its query tables for each
    time.sleep(max(0.0, (folder / "record.yaml").stat().st_ctime + timeline.store.RACY_SECONDS - time.time()))
    met(ROOT)  # the file is no longer recent: each store notes it once
    met(checkout)
    inodes = [p.stat().st_ino for p in stores]
    met(ROOT)
    met(checkout)
    assert [p.stat().st_ino for p in stores] == inodes  # each read its own store: neither was written again


# -- the rest -------------------------------------------------------------------

def test_no_store_when_turned_off(folder: Path, loads: list[Path], cache_home: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cache.load(folder)
    cache.load(folder)
    assert len(loads) == 2
    assert not cache_home.exists()


def test_a_file_with_errors_is_never_stored(tmp_path: Path, cache_home: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - {id: x, type: meetin, date: 2025-01-01}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DatasetError, match="unknown event type 'meetin'; did you mean 'meeting'"):
            cache.load(bad)
    store = open_store(bad)
    with pytest.raises(DatasetError, match="unknown event type 'meetin'"):
        store.load()
    assert store.read == [bad]  # read again each time: no part of it was kept


def test_a_missing_path_is_the_loaders_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot read"):
        cache.load(tmp_path / "missing.yaml")


def test_relative_xdg_folders_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")
    assert cache.cache_dir() == Path.home() / ".cache" / "timeline"
    assert timeline.store.key_dir() == Path.home() / ".local" / "state" / "timeline"


def test_the_command_line_loads_through_the_store(run: Callable, cache_home: Path) -> None:
    assert run("met", "putin").exit_code == 0
    assert len(list(cache_home.glob("*.tables.sqlite"))) == 1 and len(list(cache_home.glob("*.sqlite"))) == 2


def test_files_unused_for_long_are_pruned_when_another_is_written(folder: Path, tmp_path: Path,
                                                                  cache_home: Path) -> None:
    cache.load(folder)
    used, stale, draft = cache.cache_file(folder), cache_home / "gone.sqlite", cache_home / ".x.sqlite.1.tmp"
    stale.write_bytes(b"")
    draft.write_bytes(b"")
    month_ago = used.stat().st_mtime - cache.MAX_AGE_DAYS * 86400 - 1
    for file in (used, stale):
        os.utime(file, (month_ago, month_ago))
    hours_ago = used.stat().st_mtime + cache.MAX_AGE_DAYS * 86400 - 2 * 3600
    os.utime(draft, (hours_ago, hours_ago))
    cache.load(folder)  # a hit marks the file used
    other = tmp_path / "other.yaml"
    other.write_text(RECORD, encoding="utf-8")
    cache.load(other)
    assert sorted(p.name for p in cache_home.iterdir()) == sorted([used.name, cache.cache_file(other).name])
