"""The first commands: events, actors, show, validate, and the package entry points."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import ROOT


def test_events_json_has_the_documented_fields(run):
    result = run("events", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    talks = next(r for r in rows if r["id"] == "moscow-talks")
    assert {k: talks[k] for k in ("type", "date", "start", "end", "precision", "status", "location")} == {
        "type": "meeting", "date": "2025-12-02", "start": "2025-12-02", "end": "2025-12-02",
        "precision": "day", "status": "occurred", "location": "Moscow"}
    assert set(talks["participants"] + talks["host"]) == {"kushner", "putin", "witkoff"}
    assert {"source", "target", "summary"} <= talks.keys()
    planned = next(r for r in rows if r["status"] == "planned")
    assert (planned["date"], planned["start"], planned["end"]) == ("2025-12-03/..", "2025-12-03", None)


def test_events_filters_combine(run):
    result = run("events", "--actor", "Witkoff", "--type", "meeting", "--format", "json")
    rows = json.loads(result.output)
    assert [(r["id"], r["status"]) for r in rows] == [
        ("moscow-talks", "occurred"), ("planned-meeting-ukrainian-delegation", "planned")]
    result = run("events", "--actor", "witkoff", "--type", "meeting", "--status", "occurred", "--format", "json")
    assert [r["id"] for r in json.loads(result.output)] == ["moscow-talks"]


def test_since_and_until_respect_the_span(run):
    ids = lambda *args: [r["id"] for r in json.loads(run("events", *args, "--format", "json").output)]  # noqa: E731
    after = ids("--since", "3 Dec 2025")
    assert "planned-meeting-ukrainian-delegation" in after      # from 3 Dec
    assert "ushakov-statement-after-talks" in after             # 2-3 Dec may lie on the 3rd
    assert "moscow-talks" not in after                          # the 2nd only
    assert "moscow-talks" in ids("--since", "December 2025", "--until", "2 Dec 2025")
    assert ids("--until", "1 Dec 2025") == [e for e in ids() if e in ids("--until", "2025-12-01")]


def test_actor_filter_includes_members(run):
    rows = json.loads(run("events", "--actor", "united states", "--format", "json").output)
    assert "moscow-talks" in [r["id"] for r in rows]  # Witkoff and Kushner belong to the United States


def test_events_csv_reads_back(run):
    result = run("events", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    talks = next(r for r in rows if r["id"] == "moscow-talks")
    assert talks["date"] == "2025-12-02" and talks["location"] == "Moscow"
    assert set(talks["participants"].split("; ")) == {"putin", "witkoff", "kushner"}


def test_events_table_lists_every_event_once(run, seed):
    lines = run("events").output.splitlines()
    assert lines[0].split()[:3] == ["id", "label", "type"]
    assert len(lines) == 2 + len(seed.events)


def test_actors_json(run, seed):
    rows = json.loads(run("actors", "--format", "json").output)
    assert len(rows) == len(seed.actors)
    witkoff = next(r for r in rows if r["id"] == "witkoff")
    assert witkoff["name"] == "Steve Witkoff" and witkoff["kind"] == "person"
    assert witkoff["affiliation"] == "united-states" and witkoff["side"] == "united-states"
    assert "Witkoff" in witkoff["aliases"] and witkoff["events"] == 3


def test_show_event(run):
    result = run("show", "moscow-talks", "--format", "json")
    row = json.loads(result.output)
    assert row["id"] == "moscow-talks" and row["sources"][0]["id"] == "gnw-2025-12-03"
    table = run("show", "moscow-talks").output
    assert "location:" in table and "Moscow" in table


def test_show_unknown_event_suggests(run):
    result = run("show", "moscow-talk")
    assert result.exit_code == 1
    assert result.output == "Error: no event 'moscow-talk'; did you mean 'moscow-talks'?\n"


def test_unknown_actor_is_one_line_and_exit_1(run):
    result = run("events", "--actor", "witkov")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no actor called 'witkov'; did you mean 'witkoff'?"


def test_bad_date_option_is_one_line(run):
    result = run("events", "--since", "the day after")
    assert (result.exit_code, result.output) == (
        2, "Error: timeline events: --since: cannot read the date 'the day after' (e.g. '2 Dec 2025' or '2025-12') "
           "(see 'timeline events --help')\n")


def test_validate_ok_and_problems(run, write_yaml):
    result = run("validate", str(ROOT / "seeds"), data=None)
    assert result.exit_code == 0
    assert result.output.startswith("ok: ") and "events" in result.output
    bad = write_yaml("events:\n  - {id: e, type: meetng, date: 2025-12-02}\n")
    result = run("validate", str(bad), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{bad}:2: unknown event type 'meetng'; did you mean 'meeting'?",
        "Error: 1 problem in the dataset; nothing was loaded"]


def test_data_option_and_environment_variable(run, write_yaml, tmp_path):
    path = write_yaml("actors: [{id: a, name: Alpha}]\n")
    assert json.loads(run("actors", "--format", "json", data=path).output)[0]["name"] == "Alpha"
    result = run("actors", "--format", "json", data=None, env={"TIMELINE_DATA": str(path)})
    assert json.loads(result.output)[0]["name"] == "Alpha"
    result = run("actors", data=tmp_path / "missing.yaml")
    assert result.exit_code == 2 and "does not exist" in result.output


def test_entry_points(tmp_path):
    """``python -m timeline`` works from any folder and finds the shipped seeds."""
    for args in (["--help"], ["--version"], ["validate"]):
        done = subprocess.run([sys.executable, "-m", "timeline", *args], cwd=tmp_path,
                              capture_output=True, text=True, env={"PATH": ""}, timeout=60)
        assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ") and "seeds" in done.stdout


def test_every_command_has_help(run):
    from timeline.cli import cli

    for name in cli.list_commands(None):
        result = run(name, "--help", data=None)
        assert result.exit_code == 0, name
        assert len(cli.get_command(None, name).help or "") > 20, name


def test_since_after_until_and_empty_names_are_one_line_errors(run):
    result = run("events", "--since", "2025-12-05", "--until", "2025-12-01")
    assert (result.exit_code, result.output) == (1, "Error: --since 2025-12-05 is after --until 2025-12-01; swap them\n")
    result = run("events", "--actor", "")
    assert (result.exit_code, result.output) == (
        1, "Error: an actor name cannot be empty: give an id, a name or an alias ('timeline actors' lists them)\n")


def test_an_output_that_cannot_be_written_is_one_line(run, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("mine")
    for args in (["render", "timeline", "-o", f"{blocker}/x.png"], ["export", "gexf", "-o", f"{blocker}/x.gexf"],
                 ["build", "-q", "--out", str(blocker / "out")]):
        result = run(*args)
        assert result.exit_code == 1, args
        assert result.output.startswith(f"Error: cannot write {blocker}/") and result.output.count("\n") == 1
    assert blocker.read_text() == "mine"


def test_validate_takes_data_and_warns_of_an_empty_record(run, write_yaml):
    path = write_yaml("actors: [{id: a}]\n")
    result = run("validate", data=path)
    assert result.exit_code == 0
    assert result.stdout == f"ok: {path}: 0 events, 1 actors, 0 sources\n"
    assert result.stderr == f"warning: {path} has no events yet: charts and exports will be empty\n"
