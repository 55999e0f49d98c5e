"""The question commands: met, relations, path, contested."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import SEED

MEETING_KEYS = ["actors", "event", "type", "date", "start", "end", "location", "status"]


@pytest.fixture(autouse=True)
def own_cache_and_full_width(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("COLUMNS", raising=False)  # tables are cut to $COLUMNS


def table(result: Result) -> list[list[str]]:
    """The rows of a printed table, split on runs of two or more spaces, without the header rule."""
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    return [re.split(r"\s{2,}", line) for i, line in enumerate(lines) if i != 1]


def test_met_one_actor_on_one_day(run: Callable[..., Result]) -> None:
    assert table(run("met", "putin", "--since", "2 Dec 2025", "--until", "2 Dec 2025")) == [
        ["date", "actors", "type", "event", "location", "status"],
        ["2 Dec 2025", "putin – kushner", "meeting", "moscow-talks", "Moscow", "occurred"],
        ["2 Dec 2025", "putin – witkoff", "meeting", "moscow-talks", "Moscow", "occurred"]]


def test_met_json_is_the_documented_array(run: Callable[..., Result]) -> None:
    rows = json.loads(run("met", "Witkoff", "putin", "--format", "json").stdout)
    assert rows == [{"actors": ["witkoff", "putin"], "event": "moscow-talks", "type": "meeting",
                     "date": "2025-12-02", "start": "2025-12-02", "end": "2025-12-02", "location": "Moscow",
                     "status": "occurred"}]


def test_met_csv_has_one_row_per_pair_and_event(run: Callable[..., Result]) -> None:
    rows = list(csv.DictReader(io.StringIO(run("met", "--level", "state", "--format", "csv").stdout)))
    assert list(rows[0]) == MEETING_KEYS
    assert [(r["actors"], r["event"]) for r in rows] == [
        ("ireland; ukraine", "zelenskyy-ireland-visit"),  # 1–2 Dec starts before 2 Dec
        ("russia; united-states", "moscow-talks"), ("russia; united-states", "us-delegation-moscow-visit")]


def test_planned_meeting_left_out_with_a_note(run: Callable[..., Result]) -> None:
    result = run("met", "witkoff", "ukrainian delegation")
    assert result.stdout == "(nothing matches)\n"
    assert result.stderr == "(1 planned, postponed or cancelled meeting left out; --include-planned lists it)\n"


def test_include_planned_marks_it_not_held(run: Callable[..., Result]) -> None:
    result = run("met", "ukrainian-delegation", "--include-planned")
    assert [row[1:] for row in table(result)[1:]] == [
        ["ukrainian-delegation – kushner", "meeting", "planned-meeting-ukrainian-delegation", "possibly Brussels",
         "planned (not held)"],
        ["ukrainian-delegation – witkoff", "meeting", "planned-meeting-ukrainian-delegation", "possibly Brussels",
         "planned (not held)"]]
    rows = json.loads(run("met", "ukrainian-delegation", "--include-planned", "--format", "json").stdout)
    assert {row["status"] for row in rows} == {"planned"}
    assert (rows[0]["date"], rows[0]["start"], rows[0]["end"]) == ("2025-12-03/..", "2025-12-03", None)


@pytest.mark.parametrize("name", ["zelensky", "Zelenskyy", "ZELENSKYY"])
def test_names_ignore_case_and_spelling(run: Callable[..., Result], name: str) -> None:
    rows = json.loads(run("met", name, "--format", "json").stdout)
    assert [(row["actors"], row["event"]) for row in rows] == [(["zelenskyy", "ireland"], "zelenskyy-ireland-visit")]


def test_unknown_actor_fails_with_a_suggestion(run: Callable[..., Result]) -> None:
    result = run("met", "putn")
    assert result.exit_code == 1
    assert result.stderr == "Error: no actor called 'putn'; did you mean 'putin'?\n"
    assert result.stdout == ""


def test_ambiguous_actor_lists_the_candidates(run: Callable[..., Result]) -> None:
    result = run("met", "ukrain")
    assert result.exit_code == 1
    assert result.stderr == ("Error: 'ukrain' could be any of: european-allies (Ukraine's European allies), "
                             "ukraine (Ukraine), ukraine-allies (Ukraine's allies), "
                             "ukrainian-delegation (Ukrainian delegation); use one of these ids\n")


def test_met_type_is_a_meeting_type(run: Callable[..., Result]) -> None:
    assert [row[3] for row in table(run("met", "--type", "visit"))[1:]] == [
        "zelenskyy-ireland-visit"] + ["us-delegation-moscow-visit"] * 2  # each visitor meets the host, not the other
    result = run("met", "--type", "proposal")
    assert result.exit_code == 2 and "'proposal' is not one of 'meeting', 'call', 'visit'" in result.stderr


def test_same_side_at_state_level_is_an_error(run: Callable[..., Result]) -> None:
    result = run("met", "putin", "ushakov", "--level", "state")
    assert result.exit_code == 1
    assert "both count as 'russia' at level 'state'" in result.stderr


def test_relations_table(run: Callable[..., Result]) -> None:
    assert table(run("relations", "united states", "--level", "state")) == [
        ["source", "relation", "target", "dates", "count", "events"],
        ["united-states", "statement", "(no counterpart)", "2 Dec 2025?", "1", "trump-remarks-on-talks"],
        ["european-allies", "counter proposed to", "united-states", "23 Nov 2025", "1", "kyiv-europe-counter-proposal"],
        ["european-allies", "criticized", "united-states", "21–22 Nov 2025", "1", "criticism-of-leaked-draft"],
        ["united-states", "met", "russia", "2 Dec 2025", "2", "moscow-talks; us-delegation-moscow-visit"],
        ["united-states", "proposed to", "russia", "20 Nov – 2 Dec 2025", "2",
         "leaked-28-point-draft; updated-peace-plan"],
        ["united-states", "proposed to", "ukraine", "20 Nov 2025", "1", "leaked-28-point-draft"],
        ["ukraine", "counter proposed to", "united-states", "23 Nov 2025", "1", "kyiv-europe-counter-proposal"],
        ["ukraine", "criticized", "united-states", "21–22 Nov 2025", "1", "criticism-of-leaked-draft"]]
    assert ["pro-ukrainian-mapping", "assessed", "russia", "by 3 Dec 2025", "2",
            "assessment-russian-gains-2025; assessment-russian-territorial-control"] in table(
        run("relations", "russia", "--level", "state"))  # an open start stays open


def test_relations_json_keeps_the_vocabulary(run: Callable[..., Result]) -> None:
    rows = json.loads(run("relations", "sybiha", "--format", "json").stdout)
    assert rows == [{"source": "sybiha", "relation": "addressed", "target": "putin", "directed": True, "count": 1,
                     "first": "2025-12-02", "last": "2025-12-02", "events": ["sybiha-response-to-forum-remarks"],
                     "dates": ["2025-12-02"]}]


def test_path_links_with_their_events(run: Callable[..., Result]) -> None:
    assert table(run("path", "Vladimir Putin", "Russia")) == [
        ["actors", "dates", "events"],
        ["putin – kushner", "2 Dec 2025", "moscow-talks"],
        ["kushner – russia", "2 Dec 2025", "us-delegation-moscow-visit"]]


def test_no_path_is_an_answer_not_an_error(run: Callable[..., Result]) -> None:
    result = run("path", "zelenskyy", "putin", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr == "no chain of meetings joins 'zelenskyy' and 'putin'\n"


def test_contested(run: Callable[..., Result]) -> None:
    rows = json.loads(run("contested", "--format", "json").stdout)
    assert rows == [{"event": "russia-claims-pokrovsk", "type": "claim", "date": "2025-12-01",
                     "status": "disputed", "claimed_by": ["russia"], "denied_by": ["ukraine"],
                     "denials": ["ukraine-denies-pokrovsk"],
                     "summary": "Russia said its forces had taken Pokrovsk, a city of strategic value in the Donbas."}]
    assert table(run("contested"))[1][:6] == ["1 Dec 2025", "russia-claims-pokrovsk", "disputed", "russia",
                                              "ukraine", "ukraine-denies-pokrovsk"]


def test_met_imports_neither_networkx_nor_matplotlib(tmp_path: Path) -> None:
    code = ("import sys\nfrom timeline.cli import cli\n"
            f"cli(['met', 'putin', '--data', {str(SEED)!r}], standalone_mode=False)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'networkx', 'matplotlib'}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"XDG_CACHE_HOME": str(tmp_path), "PATH": ""})
    assert done.stderr == "[]\n"
    assert "putin – witkoff" in done.stdout
