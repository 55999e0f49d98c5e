"""LibreOffice Calc (headless) opens our .xlsx and CSV exports: what it reads, cell by cell, with its types.

Calc converts each file to .xlsx (``soffice --headless --convert-to xlsx``), which
openpyxl then reads with the types Calc gave every cell: text, number, date or formula.
The CSV import options are those of Calc's Text Import dialog (filter options
"44,34,76,1,...": comma, double quote, UTF-8, from line 1), with "Detect special
numbers" and "Evaluate formulas" on: the most a spreadsheet does to a CSV file
(Excel does the same unasked). Headless Calc ignores the byte-order mark unless the
character set is named, so UTF-8 is named, as the dialog shows it.
"""
from __future__ import annotations

import subprocess

import pytest
from conftest import require_program

from timeline.dataset import load
from timeline.export import export

#: Text Import options: separator, quote, UTF-8, first line, column types, language, quoted as text,
#: detect special numbers, (export-only options), evaluate formulas.
_CSV = "44,34,76,1,{columns},0,false,true,false,false,false,false,true"

HOSTILE = """
dataset: {title: LibreOffice check}
actors:
  - {id: '007', name: "=1+1", kind: person}
  - {id: minus, name: "-2+3", kind: state}
  - {id: zel, name: "Зеленський 🇺🇦 عربى", kind: person}
sources:
  - {id: s1, publisher: "@SUM(1)", title: "Nov 2025"}
events:
  - id: e1
    type: meeting
    date: 2025-11
    participants: ['007', minus]
    cameo: '040'
    summary: '=HYPERLINK("http://evil.example","x")'
    sources: [s1]
  - id: e2
    type: statement
    date: 2025-12-02
    source: [zel]
    cameo: '010'
    title: "1/2"
    summary: "Слава; «quotes» and \\"double\\""
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    require_program("soffice")
    folder = tmp_path_factory.mktemp("calc")
    (folder / "data.yaml").write_text(HOSTILE, encoding="utf-8")
    dataset = load(folder / "data.yaml")
    export(dataset, "xlsx", folder / "timeline.xlsx")
    export(dataset, "csv", folder / "tables")
    return folder


@pytest.fixture(scope="module")
def detected(exported, tmp_path_factory):
    """The three CSV tables as Calc reads them with its default column types (special numbers detected,
    formulas evaluated): {table: {(row id, column): (value, type)}}."""
    tables = [exported / "tables" / f"{name}.csv" for name in ("events", "actors", "sources")]
    books = calc(tables, tmp_path_factory.mktemp("detected"), _CSV.format(columns=""))
    return {name: cells(book.active) for name, book in books.items()}


def calc(files, folder, infilter=None):
    """Open ``files`` in headless Calc and save each as .xlsx in ``folder``; return the workbooks (openpyxl).

    Calc's user profile is made on its first start and kept (in the temporary root) for the next ones."""
    from openpyxl import load_workbook

    profile = folder.parent / "calc-profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               *([f"--infilter=CSV:{infilter}"] if infilter else []),
               "--convert-to", "xlsx", "--outdir", str(folder / "out"), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return {path.stem: load_workbook(folder / "out" / f"{path.stem}.xlsx") for path in files}


def cells(sheet):
    """{(row id, column): (value, openpyxl data type)} of a sheet whose first column is the id."""
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return {(str(row[0].value), column): (cell.value, cell.data_type)
            for row in rows[1:] for column, cell in zip(header, row) if cell.value is not None}


def test_calc_reads_the_workbook_exactly(exported, tmp_path):
    from openpyxl import load_workbook

    ours = load_workbook(exported / "timeline.xlsx")
    theirs = calc([exported / "timeline.xlsx"], tmp_path)["timeline"]
    for name in ("events", "actors", "sources"):
        expected, found = cells(ours[name]), cells(theirs[name])
        for key, (value, kind) in expected.items():
            if kind == "b":  # Calc saves a boolean as the formula =TRUE() or =FALSE()
                assert found[key] == (f"={str(value).upper()}()", "f"), key
            else:
                assert found[key] == (value, kind), key
    events = cells(theirs["events"])
    assert events[("e1", "date")] == ("2025-11", "s") and events[("e1", "label")] == ("Nov 2025", "s")
    assert events[("e2", "date")] == ("2025-12-02", "s") and events[("e2", "title")] == ("1/2", "s")
    assert events[("e1", "cameo")] == ("040", "s") and events[("e1", "cameo_root")] == ("04", "s")
    assert events[("e1", "summary")] == ('=HYPERLINK("http://evil.example","x")', "s")  # text, never run
    assert cells(theirs["actors"])[("007", "name")] == ("=1+1", "s")
    assert cells(theirs["actors"])[("zel", "name")] == ("Зеленський 🇺🇦 عربى", "s")


def test_calc_reads_the_csv_with_its_columns_as_text_exactly(exported, tmp_path):
    import csv

    tables = [exported / "tables" / f"{name}.csv" for name in ("events", "actors", "sources")]
    widest = max(len(next(csv.reader(path.open(encoding="utf-8-sig")))) for path in tables)
    as_text = "/".join(f"{column}/2" for column in range(1, widest + 1))  # 2: the Text column type
    books = calc(tables, tmp_path, _CSV.format(columns=as_text))
    for path in tables:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            expected = {(row["id"], column): (value, "s") for row in csv.DictReader(handle)
                        for column, value in row.items() if value}
        assert cells(books[path.stem].active) == expected, path.name


def test_calc_never_runs_a_csv_cell_and_keeps_every_script(detected):
    found = detected
    assert not [key for table in found.values() for key, (_, kind) in table.items() if kind == "f"]
    assert found["events"][("e1", "summary")] == ('\'=HYPERLINK("http://evil.example","x")', "s")
    assert found["actors"][("minus", "name")] == ("'-2+3", "s")
    assert found["sources"][("s1", "publisher")] == ("'@SUM(1)", "s")
    assert found["actors"][("zel", "name")] == ("Зеленський 🇺🇦 عربى", "s")
    assert found["events"][("e2", "summary")] == ('Слава; «quotes» and "double"', "s")


def test_calc_retypes_csv_cells_as_the_readme_warns(detected):
    """Why spreadsheet users get the .xlsx: with number detection on, Calc turns CSV text into dates and numbers."""
    import datetime as dt

    found = detected
    assert found["events"][("e1", "label")] == (dt.datetime(2025, 11, 1), "d")   # "Nov 2025": a day
    assert found["events"][("e1", "cameo")] == (40, "n")                         # "040"
    assert ("7", "id") in found["actors"]                                         # "007"
