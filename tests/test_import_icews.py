"""``timeline import`` of ICEWS: the data description's columns, CAMEO codes as text, mirrored pairs collapsed."""
from __future__ import annotations

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.icews import read_icews
from timeline.importers.records import collect

EVENTS = ROOT / "tests" / "data" / "import" / "icews_events.tab"


@pytest.fixture(scope="module")
def imported():
    return collect(read_icews(EVENTS))


def test_counts(imported):
    assert imported.summary() == "8 rows read, 4 events imported, 0 skipped by filter, 2 merged, 2 refused"
    assert detect(EVENTS) == ("icews", "ICEWS coded events")


def test_the_mirrored_pair_and_the_repeat_collapse_with_every_source(imported):
    event = imported.events["icews-20118432-2014-06-06"]
    assert event == {
        "id": "icews-20118432-2014-06-06", "type": "meeting",
        "title": "Consult, not specified below: Vladimir Putin and Petro Poroshenko", "date": "2014-06-06",
        "participants": ["vladimir-putin", "petro-poroshenko"], "location": "Bénouville, Normandy, France",
        "cameo": "040", "plover": {"type": "CONSULT"}, "quantities": [{"what": "intensity", "value": 1.0}],
        "sources": ["icews-story-28187441", "icews-story-28188002"],
        "notes": "ICEWS Event ID 20118432; Event Text Consult\nAlso recorded as icews-20118433-2014-06-06.\n"
                 "Also recorded as icews-20118501-2014-06-06."}
    assert imported.sources["icews-story-28188002"] == {"id": "icews-story-28188002", "publisher":
                                                        "Agence France-Presse",
                                                        "title": "ICEWS story 28188002, sentence 1"}


def test_directed_accusations_both_ways_stay_two_events(imported):
    assert imported.events["icews-20118601-2014-06-07"]["source"] == ["russia"]
    assert imported.events["icews-20118602-2014-06-07"]["source"] == ["ukraine"]


def test_actors_states_agents_and_people(imported):
    assert imported.actors["russia"] == {"id": "russia", "name": "Russia", "kind": "state"}
    assert imported.actors["police-ukraine"] == {"id": "police-ukraine", "name": "Police (Ukraine)", "kind": "group",
                                                 "notes": "ICEWS sectors: Police", "affiliation": "ukraine"}
    assert imported.actors["vladimir-putin"]["kind"] == "person"
    assert imported.actors["vladimir-putin"]["affiliation"] == "russia"


def test_refused_rows(imported):
    assert imported.refused == [
        f"{EVENTS}:8: Event Date '2014-06-31' is not a date (yyyy-mm-dd)",
        f"{EVENTS}:9: CAMEO Code '9999' is not a CAMEO event code (two to four digits, 01 to 20; a spreadsheet "
        "may have dropped its leading zero)"]


def test_cameo_code_keeps_its_leading_zero_and_filters(run, tmp_path):
    out = tmp_path / "icews.yaml"
    result = run("import", str(EVENTS), "--cameo", "04", "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("8 rows read, 1 events imported, 3 skipped by filter, 2 merged, 2 refused")
    assert "cameo: '040'" in out.read_text()
    assert load(out).event("icews-20118432-2014-06-06").cameo == "040"


def test_data_maps_names_onto_the_seed_actors(run, tmp_path):
    out = tmp_path / "icews"
    result = run("import", str(EVENTS), "-o", f"{out}/", data=ROOT / "seeds")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".timeline-manifest", "2014-06.yaml", "actors.yaml",
                                                     "sources.yaml"]
    dataset = load(ROOT / "seeds", out)
    assert dataset.event("icews-20118432-2014-06-06").participants == ("putin", "petro-poroshenko")
    assert dataset.actors["petro-poroshenko"].affiliation == "ukraine"


def test_excel_unicode_text_utf16_is_read(tmp_path):
    path = tmp_path / "icews.txt"  # Excel's "Unicode Text": UTF-16 with its mark, tab-separated
    path.write_text(EVENTS.read_text(encoding="utf-8"), encoding="utf-16")
    assert detect(path) == ("icews", "ICEWS coded events")
    again = collect(read_icews(path))
    assert again.summary() == "8 rows read, 4 events imported, 0 skipped by filter, 2 merged, 2 refused"
    assert again.events["icews-20118432-2014-06-06"]["location"] == "Bénouville, Normandy, France"
