"""``timeline import`` of files in the wrong shape: each refused in one line naming the file and the fix."""
from __future__ import annotations

import os

import pytest
from conftest import SEED


def _refused(run, tmp_path, name, content, *extra):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("import", str(path), *extra, "-o", str(tmp_path / "out.yaml"), data=None)
    assert not (tmp_path / "out.yaml").exists()
    return result.exit_code, result.stderr.replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("list.json", b"[1, 2, 3]", "list.json: JSON, but neither TimelineJS JSON (an object whose \"events\" have "
     "\"start_date\") nor PLOVER records (objects with \"event\" or \"event_type\"); export it again in one of those "
     "shapes"),
    ("other.json", b'{"events": 5}', "other.json: JSON, but neither TimelineJS JSON (an object whose \"events\" have "
     "\"start_date\") nor PLOVER records (objects with \"event\" or \"event_type\"); export it again in one of those "
     "shapes"),
    ("fake.xlsx", b"PK\x03\x04garbage", "fake.xlsx: named .xlsx but not an .xlsx workbook; save it again from the "
     "spreadsheet as .xlsx, or as CSV UTF-8"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", "old.xls: named .xls but not an .xlsx workbook (an Excel "
     "97-2003 .xls file); save it again from the spreadsheet as .xlsx, or as CSV UTF-8"),
    ("bare16.csv", "id,type,title,date\ne1,meeting,X,2025-01-01\n".encode("utf-16-le"), "bare16.csv: UTF-16 text "
     "without its byte-order mark; save the file as UTF-8 (from Excel: 'CSV UTF-8')"),
])
def test_a_file_in_no_known_shape(run, tmp_path, name, content, message):
    assert _refused(run, tmp_path, name, content) == (1, f"Error: {message}\n")


def test_a_pipe_is_refused_not_waited_on(run, tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    message = "Error: pipe.csv: not a regular file (a pipe, socket or device); save the table to a file and import that\n"
    assert _refused(run, tmp_path, "pipe.csv", None) == (1, message)
    assert _refused(run, tmp_path, "pipe.csv", None, "--format", "csv") == (1, message)


@pytest.mark.parametrize(("table", "what"), [("actors", "the actors table"), ("sources", "the sources table"),
                                             ("quotes", "the quotes table"),
                                             ("edges", "the edges table (made from the events)")])
def test_a_table_beside_events_csv_names_events_csv(run, tmp_path, table, what):
    assert run("export", "csv", "-o", str(tmp_path / "tables"), data=SEED).exit_code == 0
    code, err = _refused(run, tmp_path, f"tables/{table}.csv", None)
    assert code == 1
    assert err.startswith(f"Error: tables/{table}.csv: unknown layout: {what} of timeline export csv; import its "
                          "events.csv, which reads actors.csv, sources.csv and quotes.csv from beside it (the first "
                          "row has: ")


def test_a_written_import_that_fails_the_check_says_it_was_written(run, tmp_path):
    assert run("export", "csv", "-o", str(tmp_path / "tables"), data=SEED).exit_code == 0
    alone = tmp_path / "events.csv"
    alone.write_bytes((tmp_path / "tables" / "events.csv").read_bytes())  # without the actors and sources beside it
    result = run("import", str(alone), "-o", str(tmp_path / "out.yaml"), data=None)
    last = result.stderr.splitlines()[-1]
    assert (result.exit_code, last) == (1, f"Error: wrote {tmp_path / 'out.yaml'}, but it does not pass the checker "
                                           "(123 problems): fix them there, or write it again with --data naming the "
                                           "dataset that holds the actors and sources it names")
    assert "nothing was loaded" not in result.stderr and (tmp_path / "out.yaml").exists()


OVERFLOW = ("cells, but the header has {} columns: a comma or tab inside a cell that is not in quotes? Its text would "
            "land in the wrong columns; quote that cell, or export the table again")


def test_a_row_longer_than_the_header_is_refused_not_shifted(run, tmp_path):
    from conftest import ROOT

    lines = (ROOT / "tests" / "data" / "import" / "polecat_events.tsv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "shifted.tsv"
    path.write_text("\n".join([lines[0], lines[1] + "\tstray", lines[2] + "\t\t"]) + "\n", encoding="utf-8")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0
    assert f"refused {path}:2: 41 {OVERFLOW.format(40)}" in result.stderr.splitlines()
    assert result.stdout.startswith("2 rows read, 1 events imported, 0 skipped by filter, 0 merged, 1 refused")


def test_the_projects_own_events_csv_too(run, tmp_path):
    assert run("export", "csv", "-o", str(tmp_path / "t"), data=SEED).exit_code == 0
    events = tmp_path / "t" / "events.csv"
    lines = events.read_text(encoding="utf-8-sig").splitlines()
    events.write_text("\n".join([lines[0], lines[1] + ",stray,cells", *lines[2:]]) + "\n", encoding="utf-8")
    result = run("import", str(events), "-o", str(tmp_path / "out.yaml"), data=None)
    columns = lines[0].count(",") + 1
    assert f"refused {events}:2: {columns + 2} {OVERFLOW.format(columns)}" in result.stderr.splitlines()
    assert ", 1 refused; wrote" in result.stdout


def test_a_sheet_cell_under_no_column_name_is_refused_not_lost(run, tmp_path):
    import csv

    import openpyxl
    from conftest import ROOT

    with (ROOT / "tests" / "data" / "import" / "acled_2023.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[:3]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.active.cell(row=3, column=len(rows[0]) + 3, value="a note")  # AH: two empty columns right of the header
    book.save(tmp_path / "acled.xlsx")
    result = run("import", str(tmp_path / "acled.xlsx"), "-o", str(tmp_path / "out.yaml"), data=None)
    assert f"refused {tmp_path / 'acled.xlsx'}:3: column AH holds text but has no name in the header row, so it " \
           "would be lost; name the column, or move the text" in result.stderr.splitlines()
    assert result.stdout.startswith("2 rows read, 1 events imported, 0 skipped by filter, 0 merged, 1 refused")


@pytest.mark.parametrize(("name", "text", "line"), [
    ("deep.json", '{"events": [{"start_date": {"year": 2025}, "text": ' + "[" * 100000 + "]" * 100000 + "}]}",
     "Error: deep.json: JSON nested too deep to read (thousands of levels); TimelineJS JSON needs four"),
    ("deep-plover.json", '[{"id": "x", "event": "CONSULT", "text": ' + "[" * 100000 + "]" * 100000 + "}]",
     "refused deep-plover.json:1: JSON nested too deep to read (thousands of levels); a PLOVER record needs three")])
def test_json_nested_past_reading_is_one_line(run, tmp_path, name, text, line):
    code, err = _refused(run, tmp_path, name, text.encode())
    assert code == 1 and line in err.splitlines() and "Traceback" not in err


def test_quantities_that_are_not_objects_refuse_the_row(run, tmp_path):
    import csv

    assert run("export", "csv", "-o", str(tmp_path / "t"), data=SEED).exit_code == 0
    events = tmp_path / "t" / "events.csv"
    with events.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("quantities")] = "[1, 2]"
    with events.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = run("import", str(events), "-o", str(tmp_path / "out.yaml"), data=None)
    assert f"refused {events}:2: 'quantities' should hold JSON objects joined with '; ', as the export writes" \
        in result.stderr.splitlines()
