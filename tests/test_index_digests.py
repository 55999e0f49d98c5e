"""An edit rewrites the rows of the events that changed, not of the whole file (``digests``).

The writer keeps a digest of each event as read (:func:`timeline.index.write.digest`);
after an edit, the changed file is read and checked whole, but only the rows
of the events whose digest changed (or that came, went or moved to another
file) are deleted and written (:func:`timeline.index.update._changed`). That
holds only if each row with an ``ord`` is made from its event and the dataset's
context alone: checked here for every module of :data:`timeline.index.TABLES`.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import timeline.index
from tests import store_cases, test_store_edits
from tests.test_store_edits import edit
from tests.test_store_tables_edit_kinds import ask, same_as_cold
from timeline import dataset
from timeline.index import columns, table_modules, table_name, update
from timeline.index.write import in_order
from timeline.model import Event

cache_home, tables_rows = store_cases.cache_home, store_cases.tables_rows  # a private cache for each test
folder = test_store_edits.folder  # actors.yaml, events/2025-01.yaml (talks, call), events/2025-02.yaml (visit, claim)
ROOT = Path(__file__).resolve().parent.parent
CALL = "  - {id: call, type: call, date: 2025-01-12, participants: [anna, boris]}\n"


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The ids of the events whose rows each update writes."""
    seen: list[list[str]] = []
    real = update.insert_rows

    def insert_rows(db: object, record: object, events: list[Event], *args: object, **kwargs: object) -> None:
        seen.append([event.id for event in events])
        real(db, record, events, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(update, "insert_rows", insert_rows)
    return seen


def as_from_scratch(data: Path) -> None:
    """The tables of ``data`` as they are equal the tables written anew from its files, and answer the same."""
    rows = tables_rows(data)
    answers = same_as_cold(data)
    timeline.index.tables_file(data).unlink()
    assert same_as_cold(data) == answers
    assert tables_rows(data) == rows


def test_an_edit_of_one_event_writes_that_event_s_rows_only(folder: Path, written: list[list[str]]) -> None:
    same_as_cold(folder)
    edit(folder / "events/2025-01.yaml", "Geneva", "Genoa, Italy")  # talks; the call, in the same file, is as it was
    assert ask(folder, ["met", "anna"])[1].count("Genoa, Italy") == 1
    assert written == [["talks"]]
    as_from_scratch(folder)


def test_an_edit_that_moves_an_event_in_the_record_s_order(folder: Path, written: list[list[str]]) -> None:
    same_as_cold(folder)
    edit(folder / "events/2025-01.yaml", "date: 2025-01-10", "date: 2025-01-13")  # talks, now after the call
    same_as_cold(folder)
    assert written == [["talks"]]
    as_from_scratch(folder)


def test_an_event_moved_to_another_file_is_written_in_its_new_file(folder: Path, written: list[list[str]]) -> None:
    same_as_cold(folder)
    edit(folder / "events/2025-01.yaml", CALL, "")
    edit(folder / "events/2025-02.yaml", "events:\n", "events:\n" + CALL)
    same_as_cold(folder)
    assert written == [["call"]]  # the same event, in another file: its rows carry the new file
    rows = tables_rows(folder)
    assert [row[0] for row in rows["events"] if row[2] == "call"] == [str(folder.resolve() / "events/2025-02.yaml")]
    as_from_scratch(folder)


def test_an_event_copied_into_another_file_is_a_duplicate_id(folder: Path, written: list[list[str]]) -> None:
    same_as_cold(folder)
    edit(folder / "events/2025-02.yaml", "events:\n", "events:\n" + CALL)  # in both files now
    code, _, message = ask(folder, ["met", "anna"])
    assert written == []  # not an update: the whole load reports the duplicate
    assert code == 1 and "call" in message and "2025-02.yaml" in message
    edit(folder / "events/2025-02.yaml", CALL, "")
    assert ask(folder, ["met", "anna"])[0] == 0
    as_from_scratch(folder)


def test_an_emptied_file_loses_every_row(folder: Path, written: list[list[str]]) -> None:
    same_as_cold(folder)
    edit(folder / "events/2025-01.yaml", folder.joinpath("events/2025-01.yaml").read_text(encoding="utf-8"),
         "events: []\n")
    same_as_cold(folder)
    assert written == [[]]
    assert not [row for row in tables_rows(folder)["events"] if row[2] in ("talks", "call")]
    as_from_scratch(folder)


@pytest.mark.parametrize("data", ["seeds", "seeds/moscow-talks-2025-12.yaml"])
def test_every_row_of_an_event_is_made_from_that_event_alone(data: str) -> None:
    """What the per-event update rests on: the rows of the tables with an ``ord``, made for all the events at once,
    are those made for each event alone."""
    record = dataset.load(ROOT / data)
    events = in_order(record)
    for module in table_modules():
        keyed = {table_name(s): columns(s).index("ord") - 1 for s in module.SCHEMA if "ord" in columns(s)}
        together = Counter(row for row in module.rows(record, events) if row[0] in keyed)
        alone: Counter[tuple] = Counter()
        for n, event in enumerate(events):
            for table, *row in module.rows(record, [event]):
                if table in keyed:
                    row[keyed[table]] = n
                    alone[(table, *row)] += 1
        assert alone == together, module.__name__
        assert together or not keyed, module.__name__  # the seed has rows of each such table
