"""Every kind of edit, then the questions: the tables brought up to date answer byte for byte as a cold load.

After each edit, ``met`` and ``contested`` are asked through the tables
(brought up to date by :mod:`timeline.index.update`, or written anew after a
whole load) and with ``TIMELINE_NO_CACHE=1`` (the library on the record
loaded from YAML): exit code, output and messages must be equal. The tables
must also hold the same rows as tables written from scratch for the same
files, and an edit of files of events alone must not load the record.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline.index
from tests import store_cases, test_store_edits
from tests.test_store_edits import edit
from timeline.cli import cli
from timeline.store import Store

cache_home, tables_rows = store_cases.cache_home, store_cases.tables_rows  # a private cache for each test
folder = test_store_edits.folder  # actors.yaml, events/2025-01.yaml, events/2025-02.yaml
QUESTIONS = (["met", "anna"], ["met", "--level", "state"], ["met", "boris", "anna", "--format", "json"],
             ["met", "--include-planned", "--include-drafts", "--since", "2025-01-11"], ["contested"],
             ["contested", "--include-drafts", "--format", "csv"], ["relations", "anna"],
             ["relations", "boris", "--level", "state", "--format", "json"], ["path", "boris", "anna"],
             ["path", "anna", "boris", "--since", "2025-01-11"], ["events", "--order", "start"],
             ["events", "--actor", "ruritania", "--order", "end", "--format", "json"])
MARCH = """events:
  - {id: march-call, type: call, date: 2025-03-01, participants: [boris, anna]}
  - {id: denial, type: denial, date: 2025-03-02, source: [anna], related: [{relation: disputes, event: claim}]}
"""


def ask(data: Path, question: list[str], cold: bool = False) -> tuple[int, str, str]:
    """Exit code, output and messages of a question about ``data``; ``cold``: from the YAML, no store."""
    env = {"TIMELINE_NO_CACHE": "1" if cold else "", "COLUMNS": "120"}
    result = CliRunner().invoke(cli, [*question, "--data", str(data)], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def whole_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The datasets loaded whole through the store (a question answered after an edit without it adds none)."""
    seen: list[Path] = []
    real = Store.load

    def load(store: Store) -> object:
        seen.append(store.data)
        return real(store)

    monkeypatch.setattr(Store, "load", load)
    return seen


def same_as_cold(data: Path) -> list[tuple[int, str, str]]:
    """Ask every question through the tables and cold; assert the answers equal; return them."""
    answers = []
    for question in QUESTIONS:
        answer = ask(data, question)
        assert answer == ask(data, question, cold=True), question
        answers.append(answer)
    return answers


def _rename(data: Path) -> None:
    (data / "events" / "2025-02.yaml").rename(data / "events" / "2025-02-b.yaml")


def _remove(data: Path) -> None:
    (data / "events" / "2025-02.yaml").unlink()


def _add(data: Path) -> None:
    (data / "events" / "2025-03.yaml").write_text(MARCH, encoding="utf-8")


#: name: (the edit, whether the tables are brought up to date without a whole load)
EDITS: dict[str, tuple[Callable[[Path], None], bool]] = {
    "an event's place": (lambda d: edit(d / "events/2025-01.yaml", "Geneva", "Genoa, Italy"), True),
    "a date that moves an event before others": (lambda d: edit(d / "events/2025-02.yaml", "2025-02-03",
                                                                "2025-01-05"), True),
    "a status: planned, then left out": (lambda d: edit(d / "events/2025-01.yaml", "type: call,",
                                                        "type: call, status: planned,"), True),
    "a draft added": (lambda d: edit(d / "events/2025-02.yaml", "events:\n", "events:\n  - {id: d1, type: meeting,"
                                     " date: 2025-01-20, participants: [anna, boris], draft: true}\n"), True),
    "a new file naming an event of another": (_add, True),
    "a file removed": (_remove, True),
    "a file renamed": (_rename, True),
    "a new disputes link to another file's event": (lambda d: edit(
        d / "events/2025-01.yaml", "participants: [anna, boris]}",
        "participants: [anna, boris], related: [{relation: disputes, event: claim}]}"), True),
    "an actor's affiliation": (lambda d: edit(d / "actors.yaml", "{id: boris, name: Boris}",
                                              "{id: boris, name: Boris, affiliation: ruritania}"), False),
    "an actor renamed": (lambda d: edit(d / "actors.yaml", "name: Anna", "name: Anna Petrova"), True),
    "an alias and a title": (lambda d: edit(d / "actors.yaml", "{id: boris, name: Boris}",
                                            "{id: boris, name: Boris, aliases: [Borya], title: Envoy}"), True),
    "an actor added": (lambda d: edit(d / "actors.yaml", "sources:\n", "  - {id: vera, name: Vera, affiliation:"
                                      " ruritania}\nsources:\n"), True),
    "a source changed and one added": (lambda d: edit(d / "actors.yaml", "{id: wire, publisher: Wire}",
                                                      "{id: wire, publisher: The Wire}\n  - {id: post}"), True),
    "an actor's kind": (lambda d: edit(d / "actors.yaml", "{id: boris, name: Boris}",
                                       "{id: boris, name: Boris, kind: organization}"), False),
    "an actor renamed and an event moved": (lambda d: (edit(d / "actors.yaml", "name: Anna", "name: Anna P."), edit(
        d / "events/2025-02.yaml", "2025-02-03", "2025-01-05")), True),
}


@pytest.mark.parametrize("case", EDITS)
def test_an_edit_then_the_questions_answer_as_a_cold_load(folder: Path, whole_loads: list[Path], case: str) -> None:
    change, incremental = EDITS[case]
    same_as_cold(folder)
    whole_loads.clear()
    change(folder)
    after = same_as_cold(folder)
    assert whole_loads == ([] if incremental else [folder])
    edited_rows = tables_rows(folder)
    timeline.index.tables_file(folder).unlink()
    assert same_as_cold(folder) == after
    assert tables_rows(folder) == edited_rows  # the rows rewritten per file equal rows written from scratch


def test_two_edits_in_turn_and_an_untouched_file_touched(folder: Path, whole_loads: list[Path]) -> None:
    same_as_cold(folder)
    whole_loads.clear()
    _add(folder)
    same_as_cold(folder)
    edit(folder / "events/2025-03.yaml", "2025-03-01", "2025-01-01")
    same_as_cold(folder)
    os.utime(folder / "actors.yaml")  # its stamp moves, its bytes do not
    assert same_as_cold(folder)[0][0] == 0
    assert whole_loads == []


#: An edit that breaks a check across files, and its fix: (file, text, replacement)
BREAKS = {
    "an unknown actor": ("events/2025-02.yaml", "participants: [boris]", "participants: [borris]"),
    "an unknown event in related": ("events/2025-01.yaml", "participants: [anna, boris]}",
                                    "participants: [anna, boris], related: [{relation: disputes, event: clam}]}"),
    "a duplicate id across files": ("events/2025-02.yaml", "id: visit", "id: talks"),
    "an id another file names removed": ("events/2025-02.yaml", "id: claim", "id: claim-2"),
    "an unknown source": ("events/2025-02.yaml", "target: [anna]}", "target: [anna], sources: [wir]}"),
    "an id of an actor given to an event": ("events/2025-02.yaml", "id: visit", "id: boris"),
    "a role missing": ("events/2025-02.yaml", "source: [boris], ", ""),
    "a new actor of an unknown state": ("actors.yaml", "sources:\n", "  - {id: vera, name: Vera, affiliation: narnia}"
                                        "\nsources:\n"),
    "a source an event cites removed": ("actors.yaml", "  - {id: wire, publisher: Wire}\n", ""),
}


@pytest.mark.parametrize("case", BREAKS)
def test_an_edit_that_breaks_a_check_across_files_reports_as_a_cold_load(folder: Path, case: str) -> None:
    file, old, new = BREAKS[case]
    if case == "an id another file names removed":
        _add(folder)  # march's denial disputes 'claim'
    same_as_cold(folder)
    edit(folder / file, old, new)
    for question in QUESTIONS[:2]:
        code, out, error = ask(folder, question)
        assert code == 1 and (code, out, error) == ask(folder, question, cold=True)
        assert error.startswith(str(folder)) and error.count(":") >= 2  # file:line: what is wrong
    edit(folder / file, new, old)
    same_as_cold(folder)


def test_tables_whose_mac_does_not_check_out_are_not_brought_up_to_date(folder: Path,
                                                                         whole_loads: list[Path]) -> None:
    same_as_cold(folder)
    with contextlib.closing(sqlite3.connect(timeline.index.tables_file(folder))) as db, db:
        db.execute("UPDATE events SET summary = 'forged' WHERE id = 'claim'")  # rows are not signed, the stamps are
        db.execute("UPDATE files SET size = size + 1 WHERE path LIKE '%2025-02.yaml'")
    whole_loads.clear()
    _add(folder)
    same_as_cold(folder)
    assert whole_loads == [folder]  # written anew from the record, not updated
    assert "forged" not in ask(folder, ["contested"])[1]


def _module(name: str, schema: str, make: Callable) -> types.ModuleType:
    module = types.ModuleType(name)
    module.SCHEMA, module.INDEXES, module.rows = (schema,), (), make  # type: ignore[attr-defined]
    return module


#: A question's table as another module would add it: kept per file (``file`` first, ``ord`` given as the
#: event's position), and one not kept per file (written whole, as given: every edit writes all anew).
PER_FILE = _module("tests.per_file_table", "CREATE TABLE roles_of (file INTEGER NOT NULL, ord TEXT NOT NULL,"
                   " actor TEXT NOT NULL)", lambda record, events: (
                       ("roles_of", n, actor) for n, event in enumerate(events) for actor in event.acting()))
WHOLE = _module("tests.whole_table", "CREATE TABLE whole (ord INTEGER PRIMARY KEY, id TEXT NOT NULL)",
                lambda record, events: (("whole", n, event.id) for n, event in enumerate(events)))


@pytest.mark.parametrize("module", [PER_FILE, WHOLE], ids=["kept per file", "written whole"])
def test_a_table_registered_by_another_module_is_written_and_kept_up_to_date(
        folder: Path, whole_loads: list[Path], monkeypatch: pytest.MonkeyPatch, module: types.ModuleType) -> None:
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(timeline.index, "TABLES", (*timeline.index.TABLES, module.__name__))
    same_as_cold(folder)
    whole_loads.clear()
    EDITS["a date that moves an event before others"][0](folder)
    same_as_cold(folder)
    assert whole_loads == ([] if module is PER_FILE else [folder])
    rows = tables_rows(folder)
    timeline.index.tables_file(folder).unlink()
    same_as_cold(folder)
    assert tables_rows(folder) == rows
    table = timeline.index.table_name(module.SCHEMA[0])
    if module is WHOLE:  # in the record's order
        assert [row[1] for row in sorted(rows[table])] == [row[2] for row in sorted(rows["events"], key=lambda r: r[1])]
        assert [row[1] for row in sorted(rows[table])] == ["visit", "talks", "claim", "call"]  # visit moved to 5 Jan
    else:
        assert ("/".join(Path(rows[table][0][0]).parts[-2:]), rows[table][0][2]) == ("events/2025-01.yaml", "anna")
