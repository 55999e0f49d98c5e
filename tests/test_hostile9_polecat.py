"""``timeline import`` of POLECAT's tab-separated files: its own column names, PLOVER types, ``None`` as empty.

The fixture is built from the header the POLECAT Dataverse files carry (40 columns, ``Intensity``);
no POLECAT file is among the shared real samples (../shared/event-data holds GDELT, CAMEO and PLOVER JSON).
"""
from __future__ import annotations

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.polecat import read_polecat
from timeline.importers.records import collect

EVENTS = ROOT / "tests" / "data" / "import" / "polecat_events.tsv"


@pytest.fixture(scope="module")
def imported():
    return collect(read_polecat(EVENTS))


def test_detected_and_counted(imported):
    assert detect(EVENTS) == ("polecat", "POLECAT events (PLOVER-coded)")
    assert imported.summary() == "8 rows read, 4 events imported, 0 skipped by filter, 0 merged, 4 refused"


def test_a_meeting_with_its_mode_contexts_place_and_story(imported):
    assert imported.events["polecat-20251202-0412-5c1e"] == {
        "id": "polecat-20251202-0412-5c1e", "type": "meeting", "title": "Consult: Vladimir Putin and Steve Witkoff",
        "date": "2025-12-02", "participants": ["vladimir-putin", "steve-witkoff"], "location": "Moscow, Russia",
        "plover": {"type": "CONSULT", "mode": "host", "context": ["diplomatic", "military"]},
        "quantities": [{"what": "intensity", "value": 1.0}], "sources": ["polecat-20251202-0412-5c1e-source"],
        "notes": "POLECAT Event ID 20251202-0412-5c1e; Quad Code VERBAL COOPERATION"}
    assert imported.sources["polecat-20251202-0412-5c1e-source"] == {
        "id": "polecat-20251202-0412-5c1e-source", "publisher": "Reuters", "published": "2025-12-03"}


def test_several_actors_in_one_cell_and_an_earlier_plover_type(imported):
    assert imported.events["polecat-20251130-0087-9a2b"]["participants"] == ["ukraine", "united-states"]
    accused = imported.events["polecat-20251127-0150-1d3c"]
    assert (accused["type"], accused["plover"], accused["source"], accused["target"]) == (
        "criticism", {"type": "ACCUSE"}, ["sergei-lavrov"], ["european-union"])
    assert accused["notes"] == "POLECAT Event ID 20251127-0150-1d3c; coded DISAPPROVE (an earlier PLOVER type)"


def test_actors_states_people_groups(imported):
    assert imported.actors["ukraine"] == {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["UKR"]}
    assert imported.actors["vladimir-putin"] == {
        "id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "affiliation": "russia",
        "notes": "title: President; POLECAT sector: Government"}
    assert imported.actors["european-union"] == {"id": "european-union", "name": "European Union", "kind": "group"}


def test_refused_rows_say_why(imported):
    assert imported.refused == [
        f"{EVENTS}:6: Event Date '2025-02-30' is not a date (yyyy-mm-dd)",
        f"{EVENTS}:7: no Event Type: POLECAT rows are coded with a PLOVER type (CONSULT, AGREE, ...)",
        f"{EVENTS}:8: THREATEN (threat) needs the actor who acts: Actor Name is empty",
        f"{EVENTS}:9: CONSULT (call) is between two actors; the row names 1"]


def test_upper_case_header_and_event_intensity_are_read(tmp_path):
    text = EVENTS.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    path = tmp_path / "ngec.txt"
    path.write_text(header.upper().replace("\tINTENSITY\t", "\tEVENT INTENSITY\t") + "\n" + rest, encoding="utf-8")
    again = collect(read_polecat(path))
    assert again.events["polecat-20251125-0311-77f0"]["quantities"] == [{"what": "intensity", "value": 4.0}]


def test_the_command_writes_a_dataset_that_validates(run, tmp_path):
    out = tmp_path / "polecat.yaml"
    result = run("import", str(EVENTS), "--plover", "CONSULT", "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("8 rows read, 2 events imported, 2 skipped by filter, 0 merged, 4 refused")
    assert f"{EVENTS}: polecat (POLECAT events (PLOVER-coded))" in result.stderr
    assert [e.id for e in load(out).events] == ["polecat-20251130-0087-9a2b", "polecat-20251202-0412-5c1e"]


def test_country_filters_take_codes_and_names(run, tmp_path):
    for args, kept in ((("--country", "Russia"), 2), (("--country", "rus"), 2), (("--between", "Russia", "usa"), 1)):
        result = run("import", str(EVENTS), *args, "-o", str(tmp_path / "p.yaml"), "--force", data=None)
        assert result.stdout.startswith(f"8 rows read, {kept} events imported, {4 - kept} skipped by filter"), args


def test_filters_of_unknown_values_are_usage_errors(run, tmp_path):
    out = str(tmp_path / "p.yaml")
    assert (run("import", str(EVENTS), "--between", "RUS", "rus", "-o", out, data=None).stderr ==
            "Error: timeline import: --between: 'RUS' twice: name two different countries (--between RUS UKR) "
            "(see 'timeline import --help')\n")
    result = run("import", str(EVENTS), "--type", "meetin", "-o", out, data=None)
    assert (result.exit_code, result.stderr) == (2, "Error: timeline import: --type 'meetin' is not one of the 46 "
                                                    "event types listed by 'timeline types'; did you mean 'meeting'?\n")
    assert run("import", str(EVENTS), "--plover", "consult", "-o", out, data=None).exit_code == 0
    result = run("import", str(EVENTS), "--plover", "CONSUL", "-o", out, "--force", data=None)
    assert (result.exit_code, result.stderr) == (
        2, "Error: timeline import: --plover: 'CONSUL' is not a PLOVER type (AGREE, CONSULT, SUPPORT, CONCEDE, "
           "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT); "
           "did you mean 'CONSULT'? (see 'timeline import --help')\n")
