"""``timeline import`` of UCDP GED: ranges at their precision, sides, violence types and deaths from the codebook."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.records import collect
from timeline.importers.ucdp import date_range, read_ucdp

GED = ROOT / "tests" / "data" / "import" / "ucdp_ged.csv"


@pytest.fixture(scope="module")
def imported():
    return collect(read_ucdp(GED))


@pytest.mark.parametrize(("start", "end", "edtf"), [
    ("2022-03-05", "2022-03-05", "2022-03-05"),
    ("2022-03-01", "2022-03-31", "2022-03"),
    ("2024-02-01", "2024-02-29", "2024-02"),
    ("2024-02-01", "2024-02-28", "2024-02-01/2024-02-28"),
    ("2011-06-13", "2011-06-19", "2011-06-13/2011-06-19"),
    ("2011-01-01", "2011-12-31", "2011"),
    ("2011-01-01", "2012-12-31", "2011-01-01/2012-12-31"),
])
def test_a_range_never_a_made_up_day(start, end, edtf):
    assert date_range(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == edtf


def test_detected():
    assert detect(GED) == ("ucdp", "UCDP GED")


def test_dates_of_the_fixture(imported):
    assert {k: e["date"] for k, e in imported.events.items()} == {
        "ucdp-455331": "2022-03-05", "ucdp-455332": "2022-03", "ucdp-455333": "2011-06-13/2011-06-19",
        "ucdp-455335": "2011"}
    assert imported.refused == [f"{GED}:5: date_end 2011-06-01 is before date_start 2011-07-01"]


def test_state_based_conflict_exactly(imported):
    assert imported.events["ucdp-455331"] == {
        "id": "ucdp-455331", "type": "military_action",
        "title": "Government of Russia (Soviet Union) - Government of Ukraine", "date": "2022-03-05",
        "source": ["russia", "ukraine"], "location": "Mariupol town, Donetsk region, Ukraine",
        "quantities": [{"what": "deaths", "value": 17, "unit": "persons"},
                       {"what": "deaths", "value": 15, "unit": "persons", "bound": "at_least"},
                       {"what": "deaths", "value": 25, "unit": "persons", "bound": "at_most"},
                       {"what": "deaths_a", "value": 4, "unit": "persons", "actor": "russia"},
                       {"what": "deaths_b", "value": 11, "unit": "persons", "actor": "ukraine"},
                       {"what": "deaths_civilians", "value": 2, "unit": "persons"},
                       {"what": "deaths_unknown", "value": 0, "unit": "persons"}],
        "sources": ["ucdp-455331-sources"],
        "notes": "UCDP GED id 455331; type_of_violence 1 (state-based conflict); relid UKR-2022-1-411-12; "
                 "conflict_name Russia - Ukraine; dyad_name Government of Russia (Soviet Union) - Government of "
                 "Ukraine; date_prec 1; event_clarity 1; where_prec 1"}
    assert imported.sources["ucdp-455331-sources"] == {
        "id": "ucdp-455331-sources", "publisher": "Reuters;AFP", "notes": "UCDP source_date 2022-03-05;2022-03-05",
        "title": '"Reuters,2022-03-05,Russian forces pound Mariupol";"AFP,2022-03-05,Mariupol under siege"'}
    assert imported.actors["russia"] == {"id": "russia", "name": "Russia", "kind": "state",
                                         "aliases": ["Government of Russia (Soviet Union)"]}


def test_one_sided_violence_has_a_perpetrator_and_a_target(imported):
    event = imported.events["ucdp-455332"]
    assert (event["type"], event["source"], event["target"]) == ("assault", ["russia"], ["civilians"])
    assert "type_of_violence 3 (one-sided violence)" in event["notes"]


def test_non_state_conflict(imported):
    event = imported.events["ucdp-455333"]
    assert (event["type"], event["source"]) == ("military_action", ["al-shabaab", "hizbul-islam"])


def test_the_command_resolves_states_against_the_seed(run, tmp_path):
    out = tmp_path / "ged.yaml"
    result = run("import", str(GED), "-o", str(out), data=ROOT / "seeds")
    assert result.exit_code == 0, result.output
    dataset = load(ROOT / "seeds", out)
    assert dataset.event("ucdp-455331").source == ("russia", "ukraine")
    assert "russia" not in out.read_text().split("events:")[0]  # the seed's own actor, not proposed again
    assert dataset.event("ucdp-455332").date.precision == "month"
