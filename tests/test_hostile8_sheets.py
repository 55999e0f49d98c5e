"""Round-8 review: workbooks as programs and people leave them: merged cells, formulas never computed or failed."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from timeline.dataset import load

HEADER = ["Year", "Month", "Day", "Headline", "Text"]


def _workbook(path: Path, rows: list[list], merged: tuple[str, ...] = (), cell: str | None = None) -> Path:
    """A TimelineJS sheet; ``cell`` replaces the XML of the formula cell D3 (its cached value, as a spreadsheet saves it)."""
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    for ref in merged:
        sheet.merge_cells(ref)
    book.save(path)
    if cell is not None:
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        xml = members["xl/worksheets/sheet1.xml"].decode()
        start = xml.index('<c r="D3"')
        members["xl/worksheets/sheet1.xml"] = (xml[:start] + cell + xml[xml.index("</c>", start) + 4:]).encode()
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    return path


ROWS = [[2025, 12, 2, "Putin meets Witkoff", "Talks"], [2025, 12, 3, '=CONCAT("Talks ","end")', "x"]]


@pytest.mark.parametrize(("cell", "message"), [
    ({}, 'cell D3 holds the formula =CONCAT("Talks ","end") with no value saved (a program wrote the sheet); '
         "open it in a spreadsheet and save it, or export it as CSV"),
    ({"cell": '<c r="D3" t="e"><f>CONCAT(1)</f><v>#NAME?</v></c>'},
     "cell D3 holds the formula =CONCAT(1), which gives the error #NAME?; correct it in the spreadsheet, or type "
     "the value in"),
], ids=["never computed", "failed"])
def test_a_formula_without_a_value_refuses_the_workbook_at_its_cell(run, tmp_path, cell, message):
    path = _workbook(tmp_path / "sheet.xlsx", ROWS, **cell)
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1 and not (tmp_path / "out.yaml").exists()
    assert result.output.splitlines() == [f"Error: {path}:3: {message}"]


def test_a_computed_formula_gives_its_value(run, tmp_path):
    path = _workbook(tmp_path / "sheet.xlsx", ROWS, cell='<c r="D3" t="str"><f>CONCAT(1)</f><v>Talks end</v></c>')
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0, result.output
    assert [e.title for e in load(tmp_path / "out.yaml").drafts] == ["Putin meets Witkoff", "Talks end"]


def _drafts(run, tmp_path: Path, rows: list[list], merged: tuple[str, ...]) -> list[tuple]:
    path = _workbook(tmp_path / "sheet.xlsx", rows, merged)
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0, result.output
    return sorted((e.date.text, e.title, e.summary) for e in load(tmp_path / "out.yaml").drafts)


def test_cells_merged_down_a_column_give_each_row_their_value(run, tmp_path):
    rows = [[2025, 12, 2, "One", "a"], [2025, 12, 3, "Two", "b"], [None, None, None, "Three", "c"]]
    assert _drafts(run, tmp_path, rows, ("A3:A4", "B3:B4", "C3:C4")) == [
        ("2025-12-02", "One", "a"), ("2025-12-03", "Three", "c"), ("2025-12-03", "Two", "b")]


def test_cells_merged_across_columns_are_left_as_they_are(run, tmp_path):
    rows = [[2025, 12, 2, "One", None], [2025, 12, 3, "Two", "b"]]
    assert _drafts(run, tmp_path, rows, ("D2:E2",)) == [("2025-12-02", "One", ""), ("2025-12-03", "Two", "b")]
