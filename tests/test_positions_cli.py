"""``timeline positions``, ``gaps`` and ``plan``: tables in words, JSON and CSV exact, one line for a mistake."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "data" / "negotiation.yaml"


def _table(result):
    assert result.exit_code == 0, result.output
    return [line.split("  ")[0] for line in result.stdout.splitlines()[2:]]


def test_positions_over_time(run):
    result = run("positions", "donbas", data=FIXTURE)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "issue", "actor", "stance", "until", "statement", "event"]
    assert lines[2].split() == ["Aug", "2025", "donbas", "ukraine", "Red", "line", "23", "Nov", "2025", "Ukraine", "will",
                                "never", "leave", "Donbas."]
    assert "Red line (claimed by ukraine)  still holds  Kyiv says Moscow" in lines[4]
    assert _table(result) == ["Aug 2025", "15 Aug 2025", "10 Sep 2025", "20 Nov 2025", "23 Nov 2025", "2 Dec 2025"]


def test_positions_as_of_a_day_for_an_actor(run):
    rows = json.loads(run("positions", "Donetsk region", "--as-of", "22 Nov 2025", "--actor", "Ukraine",
                          "--format", "json", data=FIXTURE).stdout)
    assert [(r["actor"], r["stance"], r["value"], r["since"], r["until"]) for r in rows] == \
        [("ukraine", "red_line", -2.0, "2025-08-01", "2025-11-23")]


def test_positions_without_claims_and_with_children(run):
    result = run("positions", "territory", "--children", "--no-claims", "--as-of", "2025-12-05", "--format", "csv",
                 data=FIXTURE)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["issue"], r["actor"], r["stance"]) for r in rows] == [
        ("territory", "russia", "demands"), ("territory", "ukraine", "red_line"), ("donbas", "russia", "demands"),
        ("donbas", "ukraine", "rejects"), ("donbas", "united-states", "accepts"), ("donbas", "witkoff", "open_to"),
        ("zaporizhzhia", "ukraine", "rejects")]


def test_no_positions_is_said_on_stderr(run):
    result = run("positions", "sanctions", "--as-of", "2025-04", data=FIXTURE)
    assert result.exit_code == 0
    assert result.stdout == "(nothing matches)\n"
    assert result.stderr == "no positions on 'sanctions' as of 2025-04\n"


def test_gaps_table(run):
    result = run("gaps", "--as-of", "2025-12-05", "--since", "2025-09-01", data=FIXTURE)
    assert result.exit_code == 0
    assert [" ".join(line.split()) for line in result.stdout.splitlines()[2:]] == [
        "territory 4 russia ukraine russia: Demands; ukraine: Red line 0 steady",
        "donbas 3 russia ukraine russia: Demands; united-states: Accepts; ukraine: Rejects -1 converging",
        "nato 1.5 russia ukraine russia: Demands; ukraine: Open to -1.5 converging"]


def test_gaps_json_is_the_library_rows(run):
    rows = json.loads(run("gaps", "--as-of", "2025-12-05", "--format", "json", data=FIXTURE).stdout)
    assert rows[1] == {"issue": "donbas", "gap": 3.0, "most_for": ["russia"], "most_against": ["ukraine"],
                       "sides": {"russia": "demands", "united-states": "accepts", "ukraine": "rejects"},
                       "before": None, "change": None, "trend": None}


def test_plan_table(run):
    result = run("plan", "28-point plan", data=FIXTURE, env={"COLUMNS": "400"})   # wide enough for the last column
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[2:] == [
        "us-plan-28-points 19–20 Nov 2025 first version 4 points 28-point draft; drafted by witkoff",
        "us-plan-28-points 21 Nov 2025 response russia welcomed",
        "us-plan-28-points 23 Nov 2025 response ukraine accepted as basis",
        "us-plan-19-points 23 Nov 2025 new version 4 points 19-point revision; drafted by witkoff; "
        "supersedes us-plan-28-points",
        "us-plan-19-points added security (4) Security guarantees modelled on Article 5.",
        "us-plan-19-points dropped nato (3) Ukraine writes non-membership of NATO into its constitution.",
        "us-plan-19-points changed donbas (2) The front line in Donetsk region is where talks start. "
        "(was: Ukraine withdraws from Donetsk region.)",
        "us-plan-19-points changed army (3) Ukraine's army is capped at 800,000. "
        "(was: Ukraine's army is capped at 600,000.)",
        "us-plan-19-points 26 Nov 2025 response russia rejected"]


def test_plan_json_keeps_before_and_after(run):
    rows = json.loads(run("plan", "us-peace-plan", "--format", "json", data=FIXTURE).stdout)
    changed = [r for r in rows if r["change"] == "changed"]
    assert changed[0] == {"plan": "us-peace-plan", "version": "us-plan-19-points", "date": None, "change": "changed",
                          "point": "donbas (2)", "text": "The front line in Donetsk region is where talks start.",
                          "before": "Ukraine withdraws from Donetsk region.", "actor": None}


MISTAKES = [  # arguments, the one line on stderr
    (("positions", "lnd"), "Error: no issue called 'lnd'; did you mean 'land'? (the dataset has: territory, donbas, "
                           "zaporizhzhia, nato, sanctions)"),
    (("positions", "donbas", "--actor", "nobody"), "Error: no actor called 'nobody'; 'timeline actors' lists every "
                                                   "actor"),
    (("positions", "donbas", "--as-of", "31 Feb 2025"), "Error: cannot read the date '31 Feb 2025' (e.g. '2 Dec 2025' "
                                                        "or '2025-12')"),
    (("positions", "bad\x1b[2Jname"), "Error: no issue called 'bad\\x1b[2Jname' (the dataset has: territory, donbas, "
                                      "zaporizhzhia, nato, sanctions)"),
    (("gaps", "--as-of", "2025-09", "--since", "2025-12"), "Error: --since 2025-12 is after --as-of 2025-09; give the "
                                                           "earlier date to --since"),
    (("plan", "x"), "Error: no plan called 'x' (the dataset has: us-peace-plan, european-plan)"),
]


@pytest.mark.parametrize(("args", "line"), MISTAKES)
def test_a_mistake_is_one_line_and_exit_1(run, args, line):
    result = run(*args, data=FIXTURE)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", line + "\n")


def test_a_dataset_without_issues_says_so(run):
    result = run("positions", "donbas")
    assert (result.exit_code, result.stderr) == (1, "Error: no issue called 'donbas'; the dataset has no issues\n")


def test_data_cannot_drive_the_terminal(run, tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("Ukraine will never leave Donbas.",
                                                        '"Ukraine\\r\\u001b[2Jwill never leave Donbas."')
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    table = run("positions", "donbas", data=path).stdout
    assert "\x1b" not in table and "\r" not in table
    assert "Ukraine\\r\\x1b[2Jwill never leave Donbas." in table
    rows = json.loads(run("positions", "donbas", "--format", "json", data=path).stdout)
    assert rows[0]["statement"] == "Ukraine\r\x1b[2Jwill never leave Donbas."


def test_validate_counts_issues_positions_and_plans(run):
    result = run("validate", data=FIXTURE)
    assert result.stdout == (f"ok: {FIXTURE}: 4 events, 7 actors, 3 sources, 5 issues, 13 positions, 2 plans, "
                             "15 Aug 2025 to 25 Nov 2025\n")
