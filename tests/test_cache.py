"""timeline.cache and timeline.store: a repeated load skips the YAML, any change to the files is seen,
and nothing planted or forged in the cache folder runs or changes an answer."""
from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import store_cases

import timeline.store
from timeline import cache, dataset
from timeline.dataset import DatasetError
from timeline.store import FileStamp, open_store

cache_home, loads = store_cases.cache_home, store_cases.loads  # the fixtures of the store's tests
ROOT = Path(__file__).resolve().parent.parent
RECORD = """
actors:
  - {id: anna, name: Anna}
  - {id: boris, name: Boris}
events:
  - {id: talks, type: meeting, date: 2025-01-10, location: Geneva, participants: [anna, boris]}
"""


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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    (path / "record.yaml").write_text(RECORD, encoding="utf-8")
    return path


def location(folder: Path) -> str | None:
    return cache.load(folder).event("talks").location


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
    stat = (folder / "record.yaml").stat()
    os.utime(folder / "record.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert location(folder) == "Geneva"
    assert len(loads) == 1 and hashes == ["record.yaml", "record.yaml"]
    stored = sqlite3.connect(cache.cache_file(folder)).execute("SELECT mtime_ns FROM files").fetchall()
    assert stored == [(stat.st_mtime_ns + 10**9,)]  # the new stamp is kept


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
