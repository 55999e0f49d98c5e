"""Round-8 review: hostile files given to ``timeline import`` get one line, exit 1, and nothing overwritten."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEED

from timeline.dataset import load

ROW = ("id,type,date,participants,source,target,status,summary\n"
       "e1,meeting,2025-12-02,putin; witkoff,,,occurred,{summary}\n")


def _events_csv(folder: Path, text: str, encoding: str) -> Path:
    path = folder / "events.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding, summary", [("latin-1", "Réunion à Moscou"), ("cp1251", "Встреча в Москве")])
def test_a_table_not_in_utf8_is_refused_at_its_line_not_garbled(run, tmp_path, encoding, summary):
    path = _events_csv(tmp_path, ROW.format(summary=summary), encoding)
    byte = summary.encode(encoding)[next(i for i, c in enumerate(summary) if not c.isascii())]
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (f"Error: {path}:2: byte 0x{byte:02x} is not UTF-8; save the file as "
                                              "UTF-8 (from Excel: 'CSV UTF-8')")
    assert not (tmp_path / "out.yaml").exists()


def test_a_non_utf8_plover_file_is_refused_at_its_line(run, tmp_path):
    path = tmp_path / "events.json"
    path.write_bytes('[\n{"event": "CONSULT", "text": "Réunion"}\n]'.encode("latin-1"))
    result = run("import", str(path), "--format", "plover", "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: {path}:2: byte 0xe9 is not UTF-8; save the file as UTF-8"


MARKED = {"utf-8 (marked)": "utf-8", "utf-16 (LE)": "utf-16-le", "utf-16 (BE)": "utf-16-be",
          "utf-32 (LE)": "utf-32-le", "utf-32 (BE)": "utf-32-be"}


@pytest.mark.parametrize("separator", [",", "\t"])
@pytest.mark.parametrize("encoding", MARKED.values(), ids=MARKED)
def test_the_project_table_with_a_byte_order_mark_is_read(run, tmp_path, separator, encoding):
    """Excel's "Unicode Text" is UTF-16; UTF-32's little-endian mark begins as UTF-16's and was misread as it."""
    text = "\ufeff" + ROW.format(summary="Встреча").replace(",", separator)
    path = _events_csv(tmp_path, text, encoding)
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), "--data", str(SEED), data=None)
    assert result.exit_code == 0, result.output
    assert "  summary: Встреча\n" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_the_output_cannot_be_the_file_imported(run, tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(ROW.format(summary="Talks"), encoding="utf-8")
    before = path.read_bytes()
    result = run("import", str(path), "--format", "csv", "-o", str(path), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {path} is the file being imported: writing there would replace "
                                          "it; choose another -o"]
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["events.csv", "out.json", "out"])
def test_the_output_must_be_named_as_a_data_file(run, tmp_path, name):
    source = _events_csv(tmp_path, ROW.format(summary="Talks"), "utf-8")
    before = source.read_bytes()
    output = tmp_path / name
    result = run("import", str(source), "-o", str(output), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {output}: the import is a YAML dataset file; name it .yaml "
                                          f"(-o {output.with_suffix('.yaml')}), or give a folder ending in /"]
    assert source.read_bytes() == before


def _refusal(run, tmp_path, text: str, *options: str, name: str = "table.csv") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("import", str(path), *options, "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1 and not (tmp_path / "out.yaml").exists()
    return [line.replace(f"{path}", "FILE") for line in result.output.splitlines()]


def test_an_empty_file_says_so(run, tmp_path):
    assert _refusal(run, tmp_path, "\n\n") == ["Error: FILE: no rows: the file is empty; export the table again"]


def test_a_header_without_rows_writes_nothing(run, tmp_path):
    assert _refusal(run, tmp_path, "Year,Month,Day,Headline,Text\n") == [
        "FILE: timelinejs (the TimelineJS 3 template (Year, Month, Day, ...))",
        "Error: nothing to import: no rows under the header; nothing was written"]


def test_a_file_of_refused_rows_writes_nothing(run, tmp_path):
    lines = _refusal(run, tmp_path, "1\t20251202\n", "--format", "gdelt", name="events.txt")
    assert lines[1:] == [
        "refused FILE:1: 2 columns; a GDELT row has 57, 58 or 61 and starts with GLOBALEVENTID and SQLDATE",
        "Error: nothing to import: 1 rows read, 0 events imported, 0 skipped by filter, 0 merged, 1 refused (the "
        "refused rows say why above); nothing was written"]


def test_filters_that_choose_nothing_write_nothing(run, tmp_path):
    text = (ROOT / "tests" / "data" / "import" / "ucdp_ged.csv").read_text(encoding="utf-8")
    assert _refusal(run, tmp_path, text, "--since", "2030")[-1] == (
        "Error: nothing to import: 5 rows read, 0 events imported, 4 skipped by filter, 0 merged, 1 refused (the "
        "refused rows say why above; the filters chose none of the others); nothing was written")


@pytest.mark.parametrize("text, why", [
    ("date,type,participants,summary\n2025-12-02,meeting,a; b,Talks\n",
     "nearest timeline's events.csv, but no header row has the columns id, source, status, target; rename them as "
     "that format names them (the first row has: date | type | participants | summary)"),
    ("WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES\n2024-01-06,Europe,Ukraine,Kyiv,Battles,"
     "Armed clash,3,4\n", "ACLED's aggregates (events and fatalities by week or month): counts, not events; "
     "download ACLED's event-level export (event_id_cnty, event_date, ...) (the first row has: WEEK | REGION | "
     "COUNTRY | ADMIN1 | EVENT_TYPE | SUB_EVENT_TYPE | EVENTS | FATALITIES)"),
    ("\t".join(["1", "20250101", *["x"] * 14]) + "\n", "16 tab-separated columns with no header: a GDELT 2.0 mentions "
     "file, which holds no events; GDELT events files (*.export.CSV) have 57, 58 or 61 columns (the first row has: "
     "1 | 20250101 | x | x | x | x | x | x | x | x | x | x | x | x | x | x)"),
    ("\t".join(["GLOBALEVENTID", *["x"] * 60]) + "\n", "61 tab-separated columns, as GDELT events have, but the first "
     "line is not an event (an id, then the day as YYYYMMDD); remove the header or notes above the first event (the "
     "first row has: GLOBALEVENTID | " + " | ".join(["x"] * 26) + " | …)"),
])
def test_an_unknown_layout_names_the_nearest_format_and_what_it_lacks(run, tmp_path, text, why):
    assert _refusal(run, tmp_path, text) == [f"Error: FILE: unknown layout: {why}; or name the format with --format"]


def test_the_hxl_hashtag_row_of_hdx_copies_is_skipped(run, tmp_path):
    lines = (ROOT / "tests" / "data" / "import" / "acled_2023.csv").read_text(encoding="utf-8").splitlines()
    tags = ",".join("#" + column.replace("_", "+") for column in lines[0].split(","))
    path = tmp_path / "hdx.csv"
    path.write_text("\n".join([lines[0], tags, *lines[1:]]) + "\n", encoding="utf-8")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == ("5 rows read, 3 events imported, 0 skipped by filter, 0 merged, "
                                              f"2 refused; wrote {tmp_path / 'out.yaml'}")


def test_a_row_with_a_text_past_the_loader_s_limit_is_refused_not_written(run, tmp_path):
    header, row, *rest = (ROOT / "tests" / "data" / "import" / "acled_2023.csv").read_text(encoding="utf-8").splitlines()
    notes = '"On 17 February 2024, Russian forces clashed with Ukrainian forces in Avdiivka, Donetsk."'
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, row.replace(notes, "y" * 200_000), *rest]) + "\n", encoding="utf-8")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (f"refused {path}:2: 'summary' is 200,000 characters long, over the "
                                             "100,000 a text may hold; shorten it")
    assert len(load(tmp_path / "out.yaml").events) == 2


@pytest.mark.parametrize("date, why", [
    ("2025-02-30", "2025-02 has no day 30 in '2025-02-30' (e.g. '2025-02-28')"),
    ("", "empty date (e.g. '2025-12-02', '2025-12', '2025-12-02T21:00+03:00' or '2025-11/2025-12-03')"),
])
def test_a_project_table_row_with_a_bad_date_is_refused_at_its_line(run, tmp_path, date, why):
    path = _events_csv(tmp_path, ROW.format(summary="Talks").replace("2025-12-02", date), "utf-8")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[1:] == [
        f"refused {path}:2: date: {why}",
        "Error: nothing to import: 1 rows read, 0 events imported, 0 skipped by filter, 0 merged, 1 refused (the "
        "refused rows say why above); nothing was written"]


def test_acled_columns_in_title_case_with_spaces_are_read(run, tmp_path):
    header, *rows = (ROOT / "tests" / "data" / "import" / "acled_2023.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header.replace("_", " ").title(), *rows]) + "\n", encoding="utf-8")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{path}: acled (ACLED, columns since the 2023 change)"
    assert result.output.splitlines()[-1] == ("5 rows read, 3 events imported, 0 skipped by filter, 0 merged, "
                                              f"2 refused; wrote {tmp_path / 'out.yaml'}")
