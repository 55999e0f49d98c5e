"""``timeline import`` of PLOVER JSON: the real gold-standard records in ../shared/event-data, and hostile copies."""
from __future__ import annotations

import json

import pytest
from conftest import ROOT

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.plover import read_plover
from timeline.importers.records import Filters, collect

GOLD = ROOT.parent / "shared" / "event-data" / "PLOVER_GSR_CAMEO_goldstandard.json"


@pytest.fixture(scope="module")
def gold():
    if not GOLD.exists():
        pytest.fail(f"{GOLD} is missing; CI needs ../shared/event-data beside the checkout")
    return collect(read_plover(GOLD))


def test_counts_and_refusals(gold):
    assert gold.summary() == "323 rows read, 320 events imported, 1 skipped by filter, 0 merged, 2 refused"
    assert gold.refused == [
        f"{GOLD}:4825: id plover-gsr01-coerce-0004 is used again by a different record (first at {GOLD}:4596); "
        "the source repeats an id",
        f"{GOLD}:5023: ASSAULT (military_action) needs the actor who acts: 'source' is empty"]


def test_a_compound_actor_stays_one_list(gold):
    event = gold.events["plover-gsr01-agree-0001"]
    assert event == {
        "id": "plover-gsr01-agree-0001", "type": "proposal", "title": "Agree: agreed cooperate", "date": "2000-01-01",
        "source": ["hungary-government", "romania-government"],
        "plover": {"type": "AGREE", "context": ["refugees"]},
        "summary": "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should "
                   "cooperate to encourage Romanian refugees in Hungary to return home.",
        "sources": ["plover-gsr01-agree-0001-source"], "notes": "PLOVER record PLOVER-GSR01-AGREE-0001"}
    assert gold.actors["romania-government"] == {"id": "romania-government", "name": "Romania government",
                                                 "kind": "organization", "affiliation": "romania",
                                                 "aliases": ["ROUGOV"]}
    assert gold.sources["plover-gsr01-agree-0001-source"] == {"id": "plover-gsr01-agree-0001-source",
                                                              "publisher": "OEDA team from CAMEO 1.1b3 manual"}


def test_mode_context_size_and_place_are_kept(gold):
    protest = gold.events["plover-gsr01-protest-0002"]
    assert (protest["type"], protest["plover"], protest["location"], protest["quantities"],
            protest["source"], protest["target"]) == (
        "protest", {"type": "PROTEST", "mode": "demo-spon", "context": ["discrimination"]}, "Serbia",
        [{"what": "size", "value": 100, "unit": "persons"}], ["serbia-civilian"], ["serbia"])
    visit = gold.events["plover-gsr01-consult-0001"]
    assert (visit["type"], visit["participants"]) == ("visit", ["morocco-government", "united-states-government"])


def test_earlier_plover_types_are_read_as_today_s(gold):
    kinds = {(e["type"], e["plover"]["type"], e["notes"]) for e in gold.events.values() if "earlier" in e["notes"]}
    assert {(k, p) for k, p, _ in kinds} == {("demand", "REQUEST"), ("criticism", "ACCUSE"),
                                             ("military_action", "ASSAULT"), ("investigation", "ACCUSE")}


def test_stray_tabs_and_json_lines(tmp_path):
    lines = [{"id": "\tX-1 ", "event_date": "2024-05-06\t", "event_type": "CONSULT\t", "mode": "phone",
              "context": "diplomatic; military", "actor": [{"name": "Sergei\tLavrov", "code": "RUS", "sector": "GOV"}],
              "recipient": ["\tMarco Rubio"], "cite_info": "https://example.org/readout\t"},
             {"id": "X-2", "event_date": "2024-13", "event_type": "CONSULT", "actor": ["a"], "recipient": ["b"]}]
    path = tmp_path / "polecat.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    assert detect(path) == ("plover", "PLOVER JSON records")
    result = collect(read_plover(path))
    assert result.refused == [f"{path}:2: date '2024-13' is not a date (YYYY-MM-DD)"]
    event = result.events["plover-x-1"]
    assert (event["type"], event["date"], event["participants"], event["plover"]) == (
        "call", "2024-05-06", ["russia-government", "marco-rubio"],
        {"type": "CONSULT", "mode": "phone", "context": ["diplomatic", "military"]})
    assert result.sources["plover-x-1-source"] == {"id": "plover-x-1-source", "url": "https://example.org/readout"}
    assert sorted(collect(read_plover(path), Filters(plover=frozenset({"ASSAULT"}))).events) == []


def test_broken_json_names_its_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n{"id": "A", "date": "2020-01-01", "event": "AGREE", "source": ["x"]},\n{"id": "B",,}\n]')
    result = collect(read_plover(path))
    assert list(result.events) == ["plover-a"]
    assert result.refused == [f"{path}:3: broken JSON: Expecting property name enclosed in double quotes"]


def test_the_command_on_the_gold_standard_validates(run, tmp_path):
    out = tmp_path / "plover.yaml"
    result = run("import", str(GOLD), "--plover", "consult", "-o", str(out), data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"323 rows read, 11 events imported, 311 skipped by filter, 0 merged, 1 refused; " \
                            f"wrote {out}\n"
    assert "# options: plover=('consult',)" in out.read_text()
    dataset = load(out)
    assert dataset.event("plover-gsr01-consult-0001").plover.mode == "visit"
