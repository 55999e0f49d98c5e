"""timeline.cache and timeline.store: a broken store is rebuilt, and nothing planted or forged in the cache
folder runs or changes an answer (a key others may read, a folder others may write, symbolic links, writers
at once)."""
from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import store_cases
from store_cases import RECORD, location

import timeline.store
from timeline import cache, dataset
from timeline.store import FileStamp, open_store

cache_home, loads, folder = store_cases.cache_home, store_cases.loads, store_cases.folder  # the store's fixtures
ROOT = Path(__file__).resolve().parent.parent


# -- a broken store is rebuilt ----------------------------------------------

def _sql(*statements: str) -> Callable[[Path], object]:
    def run(file: Path) -> None:
        with sqlite3.connect(file) as db:
            for statement in statements:
                db.execute(statement)
        db.close()

    return run


@pytest.mark.parametrize("damage", [
    lambda file: file.write_bytes(b"not a store at all"),
    lambda file: file.write_bytes(file.read_bytes()[: len(file.read_bytes()) // 2]),
    lambda file: file.write_bytes(b""),
    lambda file: file.write_bytes(file.read_bytes()[:4096]),
    _sql("UPDATE meta SET value = 'timeline-store 0' WHERE name = 'format'"),
    _sql("UPDATE meta SET value = '9.9.9' WHERE name = 'timeline'"),
    _sql("DROP TABLE parts"),
    _sql("CREATE TABLE extra (x)"),
    _sql("CREATE VIEW events AS SELECT 1"),
    _sql("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END"),
    _sql("DELETE FROM files"),
    _sql("UPDATE parts SET body = X'00' WHERE name != 'order'"),
], ids=["garbage", "half", "empty", "first-page", "format", "version", "no-table", "extra-table", "view",
        "trigger", "no-files", "bad-part"])
def test_a_broken_store_is_rebuilt(folder: Path, loads: list[Path], damage: Callable[[Path], object]) -> None:
    cache.load(folder)
    damage(cache.cache_file(folder))
    assert location(folder) == "Geneva"
    assert cache.load(folder) == dataset.load(folder)
    assert len(loads) == 3  # the first load, the rebuild, and the direct load compared with


def test_a_store_that_cannot_be_written_is_skipped(folder: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    for variable in ("XDG_CACHE_HOME", "XDG_STATE_HOME"):
        with monkeypatch.context() as patch:
            patch.setenv(variable, str(blocker))
            assert location(folder) == "Geneva"
            assert cache.load(folder) == dataset.load(folder)


def test_a_full_or_read_only_folder_never_fails_a_command(folder: Path, cache_home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert location(folder) == "Geneva"
    assert list(cache_home.iterdir()) == []


# -- nothing planted runs, nothing forged counts -----------------------------

class Payload:
    """A pickle that creates a file when unpickled: what a planted cache file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return open, (str(self.marker), "w")


def test_a_planted_pickle_never_runs(folder: Path, tmp_path: Path, cache_home: Path, run: Callable) -> None:
    control = tmp_path / "control"
    pickle.loads(pickle.dumps(Payload(control)))
    assert control.exists()  # the payload does run when unpickled

    marker = tmp_path / "owned"
    payload = pickle.dumps(Payload(marker))
    cache_home.mkdir(parents=True, mode=0o700)
    import binascii
    old_name = f"{folder.stem}-{binascii.crc32(os.fsencode(folder.resolve())):08x}.pickle"  # where 0.1 looked
    for name in (cache.cache_file(folder).name, old_name, "seeds.pickle"):
        (cache_home / name).write_bytes(payload)
    assert location(folder) == "Geneva"
    assert run("met", "anna", data=folder).exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "timeline", "met", "anna", "--data", str(folder)], check=True,
                   capture_output=True, env=env)
    assert not marker.exists()


def _forge(store_file: Path, statement: str, *args: object) -> None:
    """Change the store's contents and put the SHA-256 of each part right, as a forger would."""
    import hashlib

    with sqlite3.connect(store_file) as db:
        db.execute(statement, args)
        for name, body in db.execute("SELECT name, body FROM parts").fetchall():
            db.execute("UPDATE parts SET sha256 = ? WHERE name = ?", (hashlib.sha256(body).hexdigest(), name))
    db.close()


def test_a_forged_store_changes_no_answer(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    store_file = cache.cache_file(folder)
    _forge(store_file, "UPDATE parts SET body = CAST(replace(CAST(body AS TEXT), 'Geneva', 'Moscow') AS BLOB)")
    assert b"Moscow" in store_file.read_bytes()
    assert location(folder) == "Geneva"
    assert len(loads) == 2


def _sign(store: timeline.store.Store, statement: str) -> None:
    """Change ``store``'s contents and sign them again with its key, as whoever holds that key could."""
    import hashlib
    import json

    with sqlite3.connect(store.file) as db:
        db.execute(statement)
        digests = {}
        for name, body in db.execute("SELECT name, body FROM parts").fetchall():
            digests[name] = hashlib.sha256(body).hexdigest()
            db.execute("UPDATE parts SET sha256 = ? WHERE name = ?", (digests[name], name))
        meta = dict(db.execute("SELECT name, value FROM meta"))
        meta.pop("mac")
        files = [FileStamp(*row) for row in db.execute(f"SELECT {', '.join(FileStamp._fields)} FROM files")]
        db.execute("UPDATE meta SET value = ? WHERE name = 'mac'", (store._mac(meta, files, digests),))
        assert json.loads(meta["checked_ns"])
    db.close()


MOSCOW = "UPDATE parts SET body = CAST(replace(CAST(body AS TEXT), 'Geneva', 'Moscow') AS BLOB)"


def test_a_store_made_with_another_key_is_not_read(folder: Path, tmp_path: Path, loads: list[Path]) -> None:
    """A whole store copied in (a shared or restored cache), MAC and stamps right, but under the forger's key."""
    forger = open_store(folder, folder=tmp_path / "forger-cache", key_folder=tmp_path / "forger-key")
    assert forger is not None and forger.load().event("talks").location == "Geneva"
    _sign(forger, MOSCOW)
    assert forger.load().event("talks").location == "Moscow"  # good under the forger's own key
    cache_file = cache.cache_file(folder)
    cache_file.parent.mkdir(parents=True, mode=0o700)
    shutil.copy(forger.file, cache_file)
    assert location(folder) == "Geneva"
    assert len(loads) == 2


def test_an_old_store_put_back_after_an_edit_is_not_read(folder: Path, tmp_path: Path) -> None:
    cache.load(folder)
    shutil.copy(cache.cache_file(folder), tmp_path / "old")
    (folder / "record.yaml").write_text(RECORD.replace("Geneva", "Vienna"), encoding="utf-8")
    assert location(folder) == "Vienna"
    shutil.copy(tmp_path / "old", cache.cache_file(folder))
    assert location(folder) == "Vienna"


def test_whoever_holds_the_key_can_forge(folder: Path) -> None:
    """The documented limit: the key (mode 0600, outside the cache) is what the store trusts."""
    store = open_store(folder)
    assert store is not None and store.load().event("talks").location == "Geneva"
    _sign(store, MOSCOW)
    assert location(folder) == "Moscow"


# -- only a store of ours is read ---------------------------------------------

def test_a_store_others_may_write_is_not_read(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    store_file = cache.cache_file(folder)
    for mode in (0o620, 0o602):
        store_file.chmod(mode)
        assert location(folder) == "Geneva"
        assert store_file.stat().st_mode & 0o777 == 0o600  # rebuilt as ours
    assert len(loads) == 3


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o775])
def test_a_cache_folder_others_may_write_is_not_used(folder: Path, cache_home: Path, loads: list[Path],
                                                     mode: int) -> None:
    cache.load(folder)
    cache_home.chmod(mode)
    before = cache.cache_file(folder).stat().st_mtime_ns
    cache.load(folder)
    cache.load(folder)
    assert len(loads) == 3
    assert cache.cache_file(folder).stat().st_mtime_ns == before  # neither read nor written


def test_a_symlinked_store_is_not_read(folder: Path, tmp_path: Path, loads: list[Path]) -> None:
    cache.load(folder)
    store_file, elsewhere = cache.cache_file(folder), tmp_path / "elsewhere.sqlite"
    shutil.copy(store_file, elsewhere)
    planted = elsewhere.read_bytes()
    store_file.unlink()
    store_file.symlink_to(elsewhere)
    assert location(folder) == "Geneva"
    assert len(loads) == 2
    assert not store_file.is_symlink()  # replaced by a store of ours; the link's target is left alone
    assert elsewhere.read_bytes() == planted


def test_a_symlinked_cache_folder_is_not_used(folder: Path, tmp_path: Path, cache_home: Path,
                                              loads: list[Path]) -> None:
    cache.load(folder)
    real = tmp_path / "real-cache"
    cache_home.rename(real)
    cache_home.symlink_to(real)
    cache.load(folder)
    cache.load(folder)
    assert len(loads) == 3


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user takes root")
def test_a_store_of_another_user_is_not_read(folder: Path, cache_home: Path, loads: list[Path]) -> None:
    cache.load(folder)
    os.chown(cache.cache_file(folder), 65534, 65534)
    assert location(folder) == "Geneva"
    assert len(loads) == 2
    os.chown(cache_home, 65534, 65534)
    cache.load(folder)
    cache.load(folder)
    assert len(loads) == 4


@pytest.mark.parametrize("damage", [
    lambda key: key.chmod(0o640),
    lambda key: key.chmod(0o604),
    lambda key: key.write_bytes(b"short"),
    lambda key: (key.rename(key.with_name("real")), key.symlink_to(key.with_name("real"))),
], ids=["group-readable", "world-readable", "short", "symlink"])
def test_a_key_others_may_read_or_change_disables_the_store(folder: Path, tmp_path: Path, loads: list[Path],
                                                            damage: Callable[[Path], object]) -> None:
    cache.load(folder)
    damage(tmp_path / "state" / "timeline" / "store.key")
    assert location(folder) == "Geneva"
    assert location(folder) == "Geneva"
    assert len(loads) == 3


# -- two processes at once -----------------------------------------------------

def test_concurrent_writers_and_readers_leave_a_good_store(folder: Path, cache_home: Path, tmp_path: Path) -> None:
    for index in range(300):  # a larger dataset, so that writes take a while and overlap
        (folder / f"more-{index // 100}.yaml").open("a", encoding="utf-8").write(
            ("events:\n" if index % 100 == 0 else "")
            + f"  - {{id: e{index}, type: meeting, date: 2025-02-01, participants: [anna, boris]}}\n")
    code = ("import sys; from timeline import cache\n"
            "for _ in range(4): assert cache.load(sys.argv[1]).event('talks').location == 'Geneva'\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(3):
        shutil.rmtree(cache_home, ignore_errors=True)
        workers = [subprocess.Popen([sys.executable, "-c", code, str(folder)], env=env) for _ in range(4)]
        assert [w.wait() for w in workers] == [0] * 4
        assert [p.name for p in cache_home.iterdir()] == [cache.cache_file(folder).name]  # no drafts left
        store = open_store(folder)
        assert store is not None and store.load() == dataset.load(folder)
