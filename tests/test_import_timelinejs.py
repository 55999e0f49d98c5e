"""``timeline import`` of the TimelineJS spreadsheet template (CSV and .xlsx), and of TimelineJS 2 sheets."""
from __future__ import annotations

import csv

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.records import collect
from timeline.importers.timelinejs import _plain, read_timelinejs

DATA = ROOT / "tests" / "data" / "import"
TEMPLATE, OLD = DATA / "timelinejs_template.csv", DATA / "timelinejs_v2.csv"


def _workbook(tmp_path):
    """The template fixture as a Google Sheets download holds it: numbers in number cells."""
    from openpyxl import Workbook

    book = Workbook()
    with TEMPLATE.open(newline="") as handle:
        for row in csv.reader(handle):
            book.active.append([int(cell) if cell.isdigit() else cell or None for cell in row])
    path = tmp_path / "timeline.xlsx"
    book.save(path)
    return path


@pytest.fixture(params=["csv", "xlsx"])
def sheet(request, tmp_path):
    return TEMPLATE if request.param == "csv" else _workbook(tmp_path)


def test_detected(sheet):
    found = detect(sheet)
    assert found[0] == "timelinejs" and found[1].startswith("the TimelineJS 3 template")
    assert detect(OLD) == ("timelinejs", "a TimelineJS 2 sheet (Start Date, End Date, Tag)")


def test_precision_comes_from_the_empty_fields(sheet):
    events = collect(read_timelinejs(sheet)).events
    assert {e["title"]: e["date"] for e in events.values()} == {
        "A year of talks": "2025",                       # Year only: the year
        "Riyadh preparations": "2025-02",                # Year and Month: the month
        "Riyadh talks": "2025-02-18",
        "Alaska summit begins": "2025-08-15T14:30",      # with a Time: the minute
        "US plan drafted": "2025-11-19/2025-11-20",      # with an end: the interval
    }


def test_the_title_slide_is_the_dataset_s_title(sheet):
    imported = collect(read_timelinejs(sheet))
    assert imported.info == {"title": "Talks on Ukraine in 2025",
                             "description": "A year of negotiation, as our desk followed it."}


def test_html_is_stripped_and_display_date_and_media_kept(sheet):
    event = collect(read_timelinejs(sheet)).events["tljs-riyadh-preparations-2025-02"]
    assert event["summary"] == "US and Russian teams prepare talks (https://example.org/riyadh) & more."
    assert event["notes"] == ("From a TimelineJS sheet: check the type and actors; Display Date: February 2025; "
                              "Media: https://example.org/photo.jpg; Media credit: AP; Media caption: Delegations arrive")


def test_group_is_a_type_when_it_names_one_else_an_actor(sheet):
    imported = collect(read_timelinejs(sheet))
    events = imported.events
    assert events["tljs-us-plan-drafted-2025-11-19"]["type"] == "proposal"
    assert events["tljs-riyadh-preparations-2025-02"]["source"] == ["russia"]
    assert imported.actors["russia"] == {"id": "russia", "name": "Russia", "kind": "group"}
    assert events["tljs-a-year-of-talks-2025"]["source"] == ["unattributed"]
    meeting = events["tljs-riyadh-talks-2025-02-18"]  # a symmetric type needs participants the sheet lacks
    assert meeting["type"] == "statement" and "names the type meeting, which needs two participants" in \
        meeting["notes"]
    assert all(e["draft"] is True for e in events.values())


def test_eras_and_broken_dates_are_refused(sheet):
    imported = collect(read_timelinejs(sheet))
    assert imported.refused == [
        f"{sheet}:8: an era (a span TimelineJS draws behind the slides), not an event",
        f"{sheet}:9: Year/Month/Day '2025-04-31' is not a date: 2025-04 has no day 31 in '2025-04-31' (e.g. '2025-04-30')"]


@pytest.mark.parametrize(("html", "text"), [
    ("<p>One</p><p>Two<br>Three</p>", "One\nTwo\nThree"),
    ("a &lt;b&gt; &amp; &#39;c&#39;", "a <b> & 'c'"),
    ("<script>document.cookie</script><style>p{}</style>kept", "kept"),
    ('<img src=x onerror="alert(1)">after', "after"),
    ('<a href="javascript:alert(1)">link</a>', "link"),
    ("no html at all", "no html at all"),
    ("<b>unclosed", "unclosed"),
])
def test_html_in_text_is_reduced_to_text(html, text):
    assert _plain(html) == text


def test_timelinejs_2_start_date_end_date_and_tag():
    imported = collect(read_timelinejs(OLD))
    assert imported.info == {"title": "Elections year"}
    assert {e["title"]: (e["date"], e["source"]) for e in imported.events.values()} == {
        "Primary in Florida": ("2012-01-26", ["campaign"]),
        "Super Tuesday": ("2012-03-06/2012-03-07", ["unattributed"])}


@pytest.mark.parametrize(("cells", "why"), [
    ({"Year": "-44"}, "Year '-44' should be a year from 1 to 9999"),
    ({"Year": "2025", "Day": "3"}, "Day '3' without a Month"),
    ({"Year": "2025", "Month": "13"}, "Month '13' should be a number from 1 to 12"),
    ({"Year": "2025", "Month": "2", "Day": "3", "Time": "25:00"}, "Time '25:00' is not a time of day"),
    ({"Year": "2025", "Month": "2", "Time": "10:00"}, "Time '10:00' without a Day"),
    ({"Year": "", "Month": "2"}, "no Year: every slide needs one"),
])
def test_broken_dates_are_refused_not_guessed(tmp_path, cells, why):
    path = tmp_path / "sheet.csv"
    columns = ["Year", "Month", "Day", "Time", "Headline"]
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerow([cells.get(c, "") for c in columns[:-1]] + ["A slide"])
    assert collect(read_timelinejs(path)).refused == [f"{path}:2: {why}"]


def test_pm_times(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Month,Day,Time,Headline\n2025,8,15,2:30 PM,Summit\n2025,8,16,12:05 am,Night\n")
    assert sorted(e["date"] for e in collect(read_timelinejs(path)).events.values()) == \
        ["2025-08-15T14:30", "2025-08-16T00:05"]


def test_the_command_writes_a_valid_file_with_the_sheet_s_title(run, tmp_path, sheet):
    out = tmp_path / "sheet.yaml"
    result = run("import", str(sheet), "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("8 rows read, 5 events imported, 0 skipped by filter, 0 merged, 2 refused")
    dataset = load(out)
    assert dataset.title == "Talks on Ukraine in 2025"
    assert len(dataset.drafts) == 5


def test_a_semicolon_separated_sheet(tmp_path):
    path = tmp_path / "sheet.csv"  # as Excel writes CSV where the decimal mark is a comma
    path.write_text("Year;Month;Day;Headline;Text\n2025;5;16;Istanbul talks;Delegations met, briefly.\n")
    assert [(e["date"], e["summary"]) for e in collect(read_timelinejs(path)).events.values()] == \
        [("2025-05-16", "Delegations met, briefly.")]
