"""The store's tables changed in place after an edit: crash safety, snapshots, and ``meeting_edges`` kept per edit.

An update (:func:`timeline.index.update.update_tables`) changes the tables in
one SQLite transaction under the rollback journal and the writer's lock. Here
an update is killed (SIGKILL, in a process of its own) between deleting the
changed file's rows and committing, and one fails with an error half-way:
neither may ever give a wrong answer, and the next question answers as a cold
load. ``meeting_edges``, kept from the rows an edit touched
(:mod:`timeline.index.derive`), must equal what its ``DERIVED`` statements
make from every row, after every kind of edit.
"""
from __future__ import annotations

import contextlib
import hashlib
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import timeline.index
from tests import store_cases, test_store_edits
from tests.test_store_edits import edit
from tests.test_store_tables_edit_kinds import EDITS, QUESTIONS, ask, same_as_cold
from timeline.index import path as path_tables
from timeline.index import update
from timeline.index.stamps import journal

cache_home, tables_rows = store_cases.cache_home, store_cases.tables_rows  # a private cache for each test
folder = test_store_edits.folder  # actors.yaml, events/2025-01.yaml, events/2025-02.yaml
ROOT = Path(__file__).resolve().parent.parent

#: Run in a process of its own: bring the tables up to date, but be killed once the new rows are in, before
#: the transaction commits (the journal is then hot: the tables file holds half an update).
KILLED_UPDATE = textwrap.dedent("""
    import os, signal, sqlite3, sys
    import timeline.index.derive as derive
    import timeline.index.update as update

    def killed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def spilling(*args, **kwargs):  # a cache of a few pages: changed pages go to the file before the commit
        db = sqlite3.connect(*args, **kwargs)
        db.execute("PRAGMA cache_size = 1")
        return db

    derive.refresh = killed
    update.sqlite3 = type("sqlite3", (), {"connect": staticmethod(spilling), "Error": sqlite3.Error})
    update.update_tables(sys.argv[1])
""")


def derived_anew(data: Path) -> list[tuple]:
    """The rows of ``meeting_edges`` as :mod:`timeline.index.path`'s ``DERIVED`` statements make them from every
    row of the tables of ``data`` now (as :func:`tests.store_cases.tables_rows` gives them)."""
    with contextlib.closing(sqlite3.connect(timeline.index.tables_file(data))) as db:
        db.execute("CREATE TEMP TABLE meeting_edges AS SELECT * FROM main.meeting_edges WHERE 0")
        for statement in path_tables.DERIVED:
            db.execute(statement.replace("INSERT INTO meeting_edges", "INSERT INTO temp.meeting_edges", 1))
        return sorted((("", *row[1:]) for row in db.execute("SELECT * FROM temp.meeting_edges")), key=repr)  # as tables_rows


def test_an_update_killed_before_it_commits_gives_no_wrong_answer(folder: Path, tmp_path: Path) -> None:
    answers = same_as_cold(folder)
    before = tables_rows(folder)
    digest = hashlib.sha256(timeline.index.tables_file(folder).read_bytes()).hexdigest()
    edit(folder / "events/2025-02.yaml", "2025-02-03", "2025-01-05")  # the visit moves before every other event
    done = subprocess.run([sys.executable, "-c", KILLED_UPDATE, str(folder)], cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGKILL
    tables = timeline.index.tables_file(folder)
    assert journal(tables).exists()  # hot: the update's first changes are in the tables file itself
    assert hashlib.sha256(tables.read_bytes()).hexdigest() != digest
    assert timeline.index.open_tables(folder, update=False) is None  # a reader: no answer from half an update
    assert timeline.index.open_tables(folder, current=False, update=False) is None
    after = same_as_cold(folder)  # the next question rolls the journal back, brings the tables up to date, answers
    assert after != answers and not journal(tables).exists()
    rows = tables_rows(folder)
    assert rows != before
    tables.unlink()
    assert same_as_cold(folder) == after and tables_rows(folder) == rows  # as tables written from scratch


def test_an_update_that_fails_half_way_leaves_the_tables_as_they_were(folder: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    same_as_cold(folder)
    before = tables_rows(folder)

    def failing(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    edit(folder / "events/2025-01.yaml", "Geneva", "Genoa, Italy")
    monkeypatch.setattr(update, "insert_rows", failing)  # after the changed file's rows were deleted
    assert update.update_tables(folder) is False
    assert tables_rows(folder) == before
    assert not journal(timeline.index.tables_file(folder)).exists()
    monkeypatch.undo()
    assert ask(folder, ["met", "anna"])[1].count("Genoa, Italy") == 1
    assert update.update_tables(folder) is True  # nothing left to do


def test_a_reader_sees_one_state_while_an_update_commits(folder: Path) -> None:
    same_as_cold(folder)
    reader = timeline.index.open_tables(folder)
    assert reader is not None
    try:
        seen = reader.execute("SELECT count(*) FROM events").fetchone()
        edit(folder / "events/2025-02.yaml", "events:\n", "events:\n  - {id: extra, type: call, date: 2025-02-09,"
             " participants: [anna, boris]}\n")
        writer = subprocess.run([sys.executable, "-c", "import sys; from timeline.index.update import update_tables;"
                                 " sys.exit(0 if update_tables(sys.argv[1]) else 3)", str(folder)], cwd=ROOT,
                                check=False, timeout=60, capture_output=True)
        assert writer.returncode == 3  # its commit waited for the reader's snapshot, then gave up: nothing changed
        assert reader.execute("SELECT count(*) FROM events").fetchone() == seen
    finally:
        reader.close()
    assert ask(folder, ["met", "anna"])[1].count("extra") == 1


@pytest.mark.parametrize("case", [name for name, (_, kept) in EDITS.items() if kept])
def test_meeting_edges_after_an_edit_are_those_made_from_every_row(folder: Path, case: str) -> None:
    same_as_cold(folder)
    assert derived_anew(folder) == tables_rows(folder)["meeting_edges"]
    EDITS[case][0](folder)
    ask(folder, QUESTIONS[0])  # brings the tables up to date
    assert derived_anew(folder) == tables_rows(folder)["meeting_edges"]
    assert tables_rows(folder)["meeting_edges"]  # not empty: the dataset's meetings are in it


def test_meeting_edges_through_edits_in_turn(folder: Path) -> None:
    """A node's first meeting moved later, then removed, then put back: its place follows."""
    same_as_cold(folder)
    planned = "    type: meeting\n    status: planned\n"
    steps = [("events/2025-01.yaml", "2025-01-10", "2025-02-20"),
             ("events/2025-01.yaml", "    type: meeting\n", planned),
             ("events/2025-01.yaml", planned, "    type: meeting\n"),
             ("events/2025-01.yaml", "2025-02-20", "2025-01-10")]
    for file, old, new in steps:
        edit(folder / file, old, new)
        same_as_cold(folder)
        assert derived_anew(folder) == tables_rows(folder)["meeting_edges"], (old, new)
