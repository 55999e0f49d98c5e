"""The busiest actors' answers of ``relations``, kept in the tables (``relation_rows``): the same as from ``links``.

With :data:`~timeline.index.relation_rows.BUSY` at 0 every actor with a link
is kept, so the small datasets of the tests exercise the kept path: each
kept answer equals the one made from ``links``, the command line answers as
the library does, and after every kind of edit the kept rows equal those of
tables written from scratch (the edits of ``test_store_tables_edit_kinds``).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline.index.relations
from tests import test_store_tables_edit_kinds as edit_kinds
from tests.store_cases import cache_home, tables_rows  # noqa: F401 (a private cache for each test)
from tests.test_store_edits import edit, folder  # noqa: F401 (three files: actors, two months of events)
from tests.test_store_tables import DATASETS, both_ways
from tests.test_store_tables_questions import _busy
from timeline import query
from timeline.cli import cli
from timeline.index import open_tables, relation_rows


@pytest.fixture
def keep_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relation_rows, "BUSY", 0)


def _write(path: Path) -> None:
    """Write the tables of ``path`` (a question through the store)."""
    assert CliRunner().invoke(cli, ["met", "--data", str(path)]).exit_code == 0


def _kept(path: Path) -> list[tuple[str, str, int]]:
    with open_tables(path) as db:
        return db.execute("SELECT DISTINCT level, actor, drafts FROM relation_rows ORDER BY 1, 2, 3").fetchall()


@pytest.mark.parametrize("name", ["seeds", "war", "tricky", "generated"])
def test_each_kept_answer_is_the_one_made_from_links(name: str, tmp_path: Path, keep_all: None) -> None:
    path = DATASETS[name](tmp_path)
    _write(path)
    kept = _kept(path)
    assert {level for level, _, _ in kept} == {"person", "state"}
    with open_tables(path) as db:
        for level, actor, drafts in kept:
            found = relation_rows.stored(db, actor, level, bool(drafts))
            assert found and found == timeline.index.relations.answer(db, actor, level, ([], []), bool(drafts))


@pytest.mark.parametrize("name", ["seeds", "generated"])
def test_relations_of_kept_actors_answer_as_the_library_without_reading_links(
        name: str, tmp_path: Path, keep_all: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DATASETS[name](tmp_path)
    busy, capitals = _busy(path)
    questions = [["relations", busy[0]], ["relations", capitals], ["relations", busy[0], "--level", "state"],
                 ["relations", busy[0], "--include-drafts", "--format", "json"],
                 *(["relations", actor, "--format", "csv"] for actor in busy[1:])]
    _write(path)
    made = []
    real = timeline.index.relations.answer
    monkeypatch.setattr(timeline.index.relations, "answer", lambda *a: made.append(a[1:3]) or real(*a))
    answered, expected = both_ways(path, questions, [], [(query, "relations")], monkeypatch)
    assert answered == expected
    assert all(code == 0 and output.count("\n") > 2 for output, _, code in expected)
    assert made == []  # every answer was read as kept
    CliRunner().invoke(cli, ["relations", busy[0], "--since", "2025-06", "--data", str(path)])
    assert len(made) == 1  # a period: made from links


def test_only_actors_with_enough_links_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DATASETS["generated"](tmp_path)
    _write(path)
    assert _kept(path) == []  # no actor of a small dataset reaches the default
    with open_tables(path) as db:
        counts = dict(db.execute("SELECT source, count(*) FROM links WHERE level = 'person' GROUP BY source"))
    threshold = sorted(counts.values())[-3]  # the three busiest sources at least, by their links from them alone
    monkeypatch.setattr(relation_rows, "BUSY", threshold)
    timeline.index.tables_file(path).unlink()
    _write(path)
    person = {actor for level, actor, _ in _kept(path) if level == "person"}
    assert {actor for actor, count in counts.items() if count >= threshold} <= person
    with open_tables(path) as db:
        for actor in person:
            (links,), = db.execute("SELECT count(*) FROM links WHERE level = 'person' AND (source = ?1 OR"
                                   " target = ?1)", (actor,))
            assert links >= threshold


def test_an_edit_drops_only_the_kept_answers_of_the_actors_whose_links_changed(
        folder: Path, keep_all: None) -> None:  # noqa: F811
    _write(folder)
    before = tables_rows(folder)["relation_rows"]
    edit(folder / "events/2025-01.yaml", "Geneva", "Genoa, Italy")  # a place: no link changes
    _write(folder)
    assert tables_rows(folder)["relation_rows"] == before
    edit(folder / "events/2025-02.yaml", "2025-02-03", "2025-01-05")  # a date: the event's links move
    _write(folder)
    after = tables_rows(folder)["relation_rows"]
    dropped = {row[:3] for row in before} - {row[:3] for row in after}
    assert dropped and {actor for _, _, actor in dropped} <= {"anna", "boris", "ruritania"}
    assert [row for row in before if row[:3] not in dropped] == after  # the others' rows as they were
    assert edit_kinds.ask(folder, ["relations", "anna"]) == edit_kinds.ask(folder, ["relations", "anna"], cold=True)


@pytest.mark.parametrize("case", edit_kinds.EDITS)
def test_after_every_kind_of_edit_the_kept_rows_are_among_those_written_anew(
        folder: Path, keep_all: None, case: str) -> None:  # noqa: F811
    change, _ = edit_kinds.EDITS[case]
    _write(folder)
    assert tables_rows(folder)["relation_rows"]
    change(folder)
    for question in (["relations", "anna"], ["relations", "boris", "--level", "state", "--format", "json"]):
        assert edit_kinds.ask(folder, question) == edit_kinds.ask(folder, question, cold=True)
    edited = tables_rows(folder)["relation_rows"]
    timeline.index.tables_file(folder).unlink()
    _write(folder)
    anew = tables_rows(folder)["relation_rows"]
    kept = {row[:3] for row in edited}
    assert [row for row in anew if row[:3] in kept] == edited  # what is kept is right; the rest was dropped


def test_kept_rows_are_part_of_the_schema_a_reader_checks(tmp_path: Path) -> None:
    path = DATASETS["seeds"](tmp_path)
    _write(path)
    file = timeline.index.tables_file(path)
    with sqlite3.connect(file) as db:
        db.execute("DROP TABLE relation_rows")
    db.close()
    assert open_tables(path, update=False) is None  # not our schema: not read
