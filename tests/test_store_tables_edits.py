"""Edits seen by the store's tables: in-place edits, the checks across files after an edit, a failed load's
parts kept for the next command, and one store per installation (console script and checkout apart)."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline.index
import timeline.index.stamps
from tests import store_cases, test_store_edits
from tests.test_store_edits import LOADER, edit, names
from timeline import cache
from timeline.cli import cli
from timeline.read.problems import DatasetError

cache_home, loads = store_cases.cache_home, store_cases.loads  # the fixtures of the store's tests
tables_rows = store_cases.tables_rows
folder = test_store_edits.folder  # a dataset of three files
ROOT = Path(__file__).resolve().parent.parent
MET_ANNA = [["anna", "boris", "meeting", "talks", "2025-01-10", "Geneva"],
            ["anna", "boris", "call", "call", "2025-01-12", None],
            ["anna", "boris", "visit", "visit", "2025-02-03", None]]


def met(folder: Path, *args: str) -> tuple[int, list[list[str | None]] | str]:
    """Exit code, and ``met``'s rows (actors, type, event, start, location) or its error output."""
    result = CliRunner().invoke(cli, ["met", *args, "--format", "json", "--data", str(folder)])
    if result.exit_code:
        return result.exit_code, result.stderr
    return 0, [[*row["actors"], row["type"], row["event"], row["start"], row["location"]]
               for row in json.loads(result.stdout)]


def test_an_in_place_edit_of_the_same_size_and_mtime_is_seen(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert met(folder, "anna") == (0, MET_ANNA)
    monkeypatch.setattr(timeline.index.stamps, "RACY_SECONDS", 0)  # the stamps alone are trusted now
    file = folder / "events" / "2025-01.yaml"
    before = file.stat()
    edit(file, "Geneva", "Genoa!")  # same size
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime: only the ctime moved
    assert file.stat().st_size == before.st_size and file.stat().st_mtime_ns == before.st_mtime_ns
    assert met(folder, "anna") == (0, [MET_ANNA[0][:-1] + ["Genoa!"], *MET_ANNA[1:]])


def test_a_new_file_in_a_folder_is_seen(folder: Path) -> None:
    assert met(folder, "anna") == (0, MET_ANNA)
    (folder / "events" / "2025-03.yaml").write_text(
        "events:\n  - {id: march, type: call, date: 2025-03-01, participants: [boris, anna]}\n", encoding="utf-8")
    assert met(folder, "anna") == (0, [*MET_ANNA, ["anna", "boris", "call", "march", "2025-03-01", None]])


CROSS_FILE = {  # an edit that breaks a check across files: the file, the text replaced, its replacement, the error
    "duplicate id": ("events/2025-02.yaml", "id: visit", "id: talks",
                     "{folder}/events/2025-02.yaml:2: duplicate id 'talks': already used at "
                     "{folder}/events/2025-01.yaml:2; ids of actors, events and sources must all differ"),
    "dangling reference": ("events/2025-02.yaml", "participants: [boris]", "participants: [borris]",
                           "{folder}/events/2025-02.yaml:2: unknown actor 'borris' in event 'visit'; "
                           "did you mean 'boris'?"),
    "removed actor": ("actors.yaml", "  - {id: boris, name: Boris}\n", "",
                      "{folder}/events/2025-01.yaml:6: unknown actor 'boris' in event 'talks'"),
}


@pytest.mark.parametrize("case", CROSS_FILE)
def test_a_check_across_files_fails_after_an_edit_and_passes_after_the_fix(folder: Path, case: str) -> None:
    file, old, new, expected = CROSS_FILE[case]
    assert met(folder, "anna") == (0, MET_ANNA)
    edit(folder / file, old, new)
    code, error = met(folder, "anna")
    assert code == 1 and error.splitlines()[0] == expected.format(folder=folder)
    if new:
        edit(folder / file, new, old)
    else:
        edit(folder / file, "actors:\n", "actors:\n" + old)
    assert met(folder, "anna") == (0, MET_ANNA)


@pytest.mark.parametrize("written, broken, fixed", [
    ("participants: [boris]", "participants: [borris]", "participants: [boris], location: Kyiv"),  # across files
    ("type: visit", "type: visitt", "type: visit, location: Kyiv"),  # inside the file
    ("host: [anna]}", "host: [anna]", "host: [anna], location: Kyiv}"),  # not YAML
])
def test_after_a_failed_load_the_fix_is_the_only_file_read(folder: Path, loads: list[Path], written: str,
                                                           broken: str, fixed: str) -> None:
    cache.load(folder)
    edit(folder / "events" / "2025-02.yaml", written, broken)
    with pytest.raises(DatasetError):
        cache.load(folder)
    edit(folder / "events" / "2025-02.yaml", broken, fixed)
    loads.clear()
    record = cache.load(folder)
    assert names(loads) == ["2025-02.yaml"]
    assert next(e for e in record.events if e.id == "visit").location == "Kyiv"


@pytest.mark.parametrize("broken", ["type: visitt", "host: [anna]"])
def test_a_first_load_that_fails_inside_a_file_keeps_the_other_files(folder: Path, loads: list[Path],
                                                                       broken: str) -> None:
    edit(folder / "events" / "2025-02.yaml", "type: visit" if "type" in broken else "host: [anna]}", broken)
    with pytest.raises(DatasetError):
        cache.load(folder)
    edit(folder / "events" / "2025-02.yaml", broken, "type: visit" if "type" in broken else "host: [anna]}")
    loads.clear()
    record = cache.load(folder)
    assert names(loads) == ["2025-02.yaml"]
    assert record == LOADER(folder)


DATE_EDITS = {  # the file, the date replaced and its replacement: a date the old tables do not have
    "a new day": ("events/2025-01.yaml", "date: 2025-01-12", "date: 2025-01-13"),
    "an interval": ("events/2025-02.yaml", "date: 2025-02-03", "date: 2025-02-03/2025-03"),
    "an approximate month": ("events/2025-01.yaml", "date: 2025-01-10", "date: 2025-01~"),
}


@pytest.mark.parametrize("case", DATE_EDITS)
def test_the_tables_after_an_edit_equal_tables_written_from_scratch(folder: Path, case: str) -> None:
    file, old, new = DATE_EDITS[case]
    assert met(folder, "anna") == (0, MET_ANNA)
    edit(folder / file, old, new)
    code, answer = met(folder, "anna")  # the tables written again, the old dates' labels taken from the old tables
    after_edit = tables_rows(folder)
    timeline.index.tables_file(folder).unlink()
    assert met(folder, "anna") == (code, answer)
    assert tables_rows(folder) == after_edit
    os.environ["TIMELINE_NO_CACHE"] = "1"
    try:
        assert met(folder, "anna") == (code, answer)  # the library's answer
    finally:
        del os.environ["TIMELINE_NO_CACHE"]


def test_old_tables_of_other_code_lend_no_date(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert met(folder, "anna") == (0, MET_ANNA)
    with contextlib.closing(sqlite3.connect(timeline.index.tables_file(folder))) as db, db:
        db.execute("UPDATE events SET label = 'wrong', start = 'wrong' WHERE date = '2025-01-10'")
    monkeypatch.setattr(timeline.index, "code_stamp", lambda: "another version")
    edit(folder / "events" / "2025-02.yaml", "2025-02-03", "2025-02-04")
    assert met(folder, "anna")[1][0] == MET_ANNA[0]
    assert ("2025-01-10", "10 Jan 2025", "2025-01-10") in {row[6:9] for row in tables_rows(folder)["events"]}
