"""XLSX: read back by openpyxl, every text cell typed and formatted as text, nothing run as a formula."""
from __future__ import annotations

import pytest
from export_cases import HOSTILE, SPECIAL, TRICKY

from timeline.dataset import load
from timeline.export import export
from timeline.export.csv import tables
from timeline.graph import actor_graph

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def hostile(write_yaml):
    return load(write_yaml(HOSTILE, "hostile.yaml"))


def workbook(dataset, tmp_path):
    return openpyxl.load_workbook(export(dataset, "xlsx", tmp_path / "timeline.xlsx"))


def rows(sheet) -> list[dict]:
    header, *body = sheet.iter_rows()
    return [{h.value: cell for h, cell in zip(header, row)} for row in body]


@pytest.mark.parametrize("which", ["seed", "tricky", "hostile"])
def test_every_table_comes_back_exactly(which, seed, write_yaml, tmp_path):
    dataset = {"seed": seed}.get(which) or load(write_yaml(TRICKY if which == "tricky" else HOSTILE))
    book = workbook(dataset, tmp_path)
    expected = tables(dataset, graph=actor_graph(dataset, include_planned=True))
    assert book.sheetnames == list(expected) == ["events", "quotes", "actors", "sources", "edges"]
    for name, table in expected.items():
        sheet = book[name]
        assert [c.value for c in next(sheet.iter_rows())] == list(table.columns)
        assert sheet.freeze_panes == "A2"
        for row, want in zip(rows(sheet), table.rows, strict=True):
            for column in table.columns:
                assert row[column].value == _as_cell(want.get(column)), (name, column)


def _as_cell(value):
    from timeline.export.csv import cell

    return value if value is None or isinstance(value, (bool, int, float)) else cell(value) or None  # "": empty


def test_text_stays_text(hostile, tmp_path):
    """Nov 2025, 04, 007, a formula, a leading minus: stored as text, formatted as text, never guarded."""
    book = workbook(hostile, tmp_path)
    actors = {row["id"].value: row for row in rows(book["actors"])}
    for actor_id, column, text in (("007", "id", "007"), ("007", "name", "Nov 2025"), ("007", "title", "04"),
                                   ("-minus", "id", "-minus"), ("-minus", "name", "-minus =1+2")):
        cell = actors[actor_id][column]
        assert (cell.value, cell.data_type, cell.number_format) == (text, "s", "@")
    events = {row["id"].value: row for row in rows(book["events"])}
    assert events["e10"]["summary"].value == SPECIAL
    assert events["e10"]["participants"].value == "e0; e1; -minus"
    assert events["e10"]["approximate"].value is False and events["e16"]["approximate"].value is True
    edges = rows(book["edges"])
    assert all(isinstance(row["count"].value, int) for row in edges)


def test_a_formula_is_never_run(write_yaml, tmp_path):
    tricky = load(write_yaml(TRICKY))
    book = workbook(tricky, tmp_path)
    talks = next(row for row in rows(book["events"]) if row["id"].value == "talks:1")
    assert (talks["location"].value, talks["location"].data_type) == ('=HYPERLINK("http://evil")', "s")
    formulas = [c for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_same_data_same_bytes(seed, tmp_path):
    first = export(seed, "xlsx", tmp_path / "a.xlsx").read_bytes()
    assert export(seed, "xlsx", tmp_path / "b.xlsx").read_bytes() == first
