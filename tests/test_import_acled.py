"""``timeline import`` of ACLED files: every layout the codebook and its 2023 changes name, built from the codebook."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.acled import event_day, read_acled
from timeline.importers.records import Filters, collect

DATA = ROOT / "tests" / "data" / "import"
NEW, MIDDLE, OLD = DATA / "acled_2023.csv", DATA / "acled_2019_index.csv", DATA / "acled_old_title.csv"


@pytest.mark.parametrize(("path", "layout"), [
    (NEW, "ACLED, columns since the 2023 change"),
    (MIDDLE, "ACLED, columns of 2019-2023; skipping a leading index column"),
    (OLD, "ACLED, older columns (ally_actor_*, gwno); skipping a title line above the header"),
])
def test_every_layout_is_detected(path, layout):
    assert detect(path) == ("acled", layout)


@pytest.mark.parametrize(("text", "year", "day"), [
    ("2024-02-17", "", dt.date(2024, 2, 17)),
    ("17-02-2024", "", dt.date(2024, 2, 17)),
    ("17-02-24", "2024", dt.date(2024, 2, 17)),
    ("17-02-98", "", dt.date(1998, 2, 17)),
    ("17/02/2024", "", dt.date(2024, 2, 17)),
    ("17 February 2024", "", dt.date(2024, 2, 17)),
    ("17 Feb 2024", "", dt.date(2024, 2, 17)),
    ("31-02-2024", "", None),
    ("Feb 17", "", None),
])
def test_event_dates_in_every_published_form(text, year, day):
    assert event_day(text, year) == day


def test_time_precision_gives_the_day_the_week_or_the_month():
    events = collect(read_acled(NEW)).events
    assert events["acled-ukr112233"]["date"] == "2024-02-17"            # 1: the day
    assert events["acled-ukr112240"]["date"] == "2024-02-11/2024-02-17"  # 2: the week around event_date
    assert events["acled-rus5678"]["date"] == "2024-03"                 # 3: the month


def test_a_2023_row_exactly():
    imported = collect(read_acled(NEW))
    assert imported.events["acled-ukr112233"] == {
        "id": "acled-ukr112233", "type": "military_action",
        "title": "Armed clash: Military Forces of Russia (2000-) and Military Forces of Ukraine (2019-)",
        "date": "2024-02-17", "source": ["military-forces-of-russia-2000", "military-forces-of-ukraine-2019"],
        "location": "Avdiivka, Donetsk, Ukraine",
        "summary": "On 17 February 2024, Russian forces clashed with Ukrainian forces in Avdiivka, Donetsk.",
        "quantities": [{"what": "fatalities", "value": 12, "unit": "persons"}],
        "sources": ["acled-source-ukrainska-pravda", "acled-source-kyiv-independent"],
        "notes": "ACLED event_id_cnty UKR112233; ACLED event_type Battles; ACLED sub_event_type Armed clash; "
                 "ACLED disorder_type Political violence; ACLED interaction State forces-State forces; "
                 "ACLED time_precision 1; ACLED source_scale National-International; "
                 "actor order is not direction (ACLED)"}
    assert imported.sources["acled-source-kyiv-independent"] == {"id": "acled-source-kyiv-independent",
                                                                "publisher": "Kyiv Independent"}
    assert imported.actors["military-forces-of-russia-2000"] == {  # inter1: State forces; the name's country
        "id": "military-forces-of-russia-2000", "name": "Military Forces of Russia (2000-)", "kind": "organization",
        "affiliation": "russia"}
    assert imported.actors["russia"] == {"id": "russia", "name": "Russia", "kind": "state"}
    assert imported.actors["protesters-ukraine"]["affiliation"] == "ukraine"


def test_associated_actors_split_on_semicolons_and_are_mentioned_not_acting():
    event = collect(read_acled(NEW)).events["acled-ukr112240"]
    assert event["source"] == ["protesters-ukraine"]
    assert event["mentioned"] == ["women-ukraine", "families-of-prisoners-ukraine"]


def test_an_agreement_has_participants_and_the_original_types_are_kept():
    event = collect(read_acled(NEW)).events["acled-rus5678"]
    assert (event["type"], event["participants"]) == ("agreement", ["government-of-russia-2000",
                                                                    "government-of-ukraine-2019"])
    assert "ACLED event_type Strategic developments; ACLED sub_event_type Agreement" in event["notes"]


def test_broken_rows_are_refused_with_their_line():
    imported = collect(read_acled(NEW))
    assert imported.refused == [
        f"{NEW}:5: event_date '2024-02-31' is not a date (yyyy-mm-dd, dd-mm-yyyy, dd-mm-yy or dd Month yyyy)",
        f"{NEW}:6: unknown event_type 'Dances' / sub_event_type 'Folk dance'; ACLED's are Battles, Violence against "
        "civilians, Explosions/Remote violence, Riots, Protests, Strategic developments (and the older "
        "Riots/Protests, Remote violence, Battle-...)"]


def test_2019_layout_with_an_index_column_and_two_digit_years():
    events = collect(read_acled(MIDDLE)).events
    assert events["acled-ukr70001"]["date"] == "2022-03-05"
    assert events["acled-ukr70001"]["type"] == "military_action"
    assert events["acled-ukr70002"]["date"] == "2022-03-09/2022-03-15"   # 12-03-22, precision 2
    assert events["acled-ukr70002"]["type"] == "abduction"
    assert events["acled-ukr70002"]["mentioned"] == ["government-of-ukraine-2019"]


def test_older_layout_title_line_ally_actors_and_old_event_types():
    imported = collect(read_acled(OLD))
    assert imported.summary() == "2 rows read, 2 events imported, 0 skipped by filter, 0 merged, 0 refused"
    battle = imported.events["acled-som1234"]
    assert (battle["date"], battle["type"]) == ("2011-06-14", "military_action")
    assert battle["mentioned"] == ["african-union-mission-in-somalia-2007"]
    assert battle["sources"] == ["acled-source-shabelle-media-network", "acled-source-afp"]
    base = imported.events["acled-som1240"]
    assert (base["date"], base["type"]) == ("2011-06", "show_of_force")


def test_a_wrong_year_is_refused(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(NEW.read_text().splitlines()[0] + "\n" +
                    NEW.read_text().splitlines()[1].replace("2024-02-17,2024", "2024-02-17,2023") + "\n")
    assert collect(read_acled(path)).refused == [f"{path}:2: event_date '2024-02-17' is not in the row's year 2023"]


def test_xlsx_and_country_filter(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    with OLD.open(newline="") as handle:
        for row in csv.reader(handle):  # numbers as a sheet holds them: numeric cells
            book.active.append([int(cell) if cell.isdigit() else cell for cell in row])
    path = tmp_path / "acled.xlsx"
    book.save(path)
    assert detect(path)[0] == "acled"
    assert set(collect(read_acled(path)).events) == {"acled-som1234", "acled-som1240"}
    kept = collect(read_acled(NEW), Filters(countries=frozenset({"russia"}))).events
    assert set(kept) == {"acled-rus5678"}


def test_the_command_imports_all_three_layouts_into_one_valid_file(run, tmp_path):
    out = tmp_path / "acled.yaml"
    result = run("import", str(NEW), str(MIDDLE), str(OLD), "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"9 rows read, 7 events imported, 0 skipped by filter, 0 merged, 2 refused; wrote {out}\n"
    assert f"{OLD}: acled (ACLED, older columns (ally_actor_*, gwno); skipping a title line above the header)" \
        in result.stderr
    dataset = load(out)
    assert dataset.event("acled-ukr112240").date.text == "2024-02-11/2024-02-17"
    assert dataset.event("acled-ukr112233").quantities[0].value == 12


def test_data_rolls_acled_actors_up_to_the_seed_s_states(run, tmp_path):
    out = tmp_path / "acled.yaml"
    result = run("import", str(NEW), "-o", str(out), data=ROOT / "seeds")
    assert result.exit_code == 0, result.output
    dataset = load(ROOT / "seeds", out)
    assert dataset.actors["military-forces-of-russia-2000"].affiliation == "russia"
    assert "id: russia" not in out.read_text()  # the seed's own state, not proposed again
