"""``timeline positions``, ``gaps`` and ``plan``: tables in words, JSON and CSV exact, one line for a mistake."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SEEDS

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
    assert result.stderr == "no positions on 'sanctions' as of 2025-04; the first on it is dated May 2025\n"


@pytest.mark.parametrize(("args", "said"), [
    (("positions", "sanctions", "--as-of", "1990"), "no positions on 'sanctions' as of 1990; the first on it is "
                                                    "dated May 2025"),
    (("positions", "quiet"), "no positions recorded on 'quiet'"),
    (("positions", "quiet", "--as-of", "2025-12"), "no positions on 'quiet' as of 2025-12; the dataset records no "
                                                   "positions on it"),
    (("gaps", "--as-of", "1990-01-01"), "no issue on which two sides or more hold positions as of 1990-01-01; the "
                                        "first is dated Mar 2025"),
])
def test_nothing_to_answer_says_why(run, tmp_path, args, said):
    """Before any record, or on an issue nobody took a position on: exit 0, nothing on stdout, why on stderr."""
    path = tmp_path / "data.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "issues:\n", "issues:\n  - {id: quiet, proposition: Nobody speaks of it}\n", 1), encoding="utf-8")
    result = run(*args, data=path)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "(nothing matches)\n", said + "\n")


def test_a_plan_of_one_version_with_one_point(run, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("actors:\n  - {id: russia, kind: state}\nplans:\n  - id: memo\n    versions:\n"
                    "      - {id: v1, date: 2025-06-02, points: [{number: 1, text: Ceasefire.}]}\n", encoding="utf-8")
    assert [line.split() for line in run("plan", "memo", data=path).stdout.splitlines()[2:]] == [
        ["v1", "2", "Jun", "2025", "first", "version", "1", "point", "v1"]]


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
        "us-plan-28-points 19–20 Nov 2025 first version 4 points 28-point draft; drafted by Steve Witkoff",
        "us-plan-28-points 21 Nov 2025 response Russia welcomed it",
        "us-plan-28-points 23 Nov 2025 response Ukraine took it as a basis",
        "us-plan-19-points 23 Nov 2025 new version 4 points 19-point revision; drafted by Steve Witkoff; "
        "supersedes us-plan-28-points",
        "us-plan-19-points added security (4) Security guarantees modelled on Article 5.",
        "us-plan-19-points dropped nato (3) Ukraine writes non-membership of NATO into its constitution.",
        "us-plan-19-points changed donbas (2) The front line in Donetsk region is where talks start. "
        "(was: Ukraine withdraws from Donetsk region.)",
        "us-plan-19-points changed army (3) Ukraine's army is capped at 800,000. "
        "(was: Ukraine's army is capped at 600,000.)",
        "us-plan-19-points 26 Nov 2025 response Russia rejected it"]


def test_plan_table_says_responses_in_words_never_their_ids(run):
    """Last round the table printed the raw id "amended"; a reader reads "proposed changes"."""
    result = run("plan", "us-peace-plan", data=SEEDS, env={"COLUMNS": "400"})
    assert result.exit_code == 0
    said = [" ".join(line.split(" response ")[1].split()) for line in result.stdout.splitlines()
            if " response " in line]
    assert "Ukraine's European allies proposed changes" in said and "Ukraine took it as a basis" in said
    for raw in ("amended", "accepted_as_basis", "accepted as basis", "open_to", "european-allies", "united-states"):
        assert not any(raw in line for line in said), raw


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


def test_an_unreadable_day_is_a_usage_error_naming_its_option(run):
    result = run("positions", "donbas", "--as-of", "31 Feb 2025", data=FIXTURE)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "Error: timeline positions: --as-of: cannot read the date '31 Feb 2025' (e.g. '2 Dec 2025' or "
               "'2025-12') (see 'timeline positions --help')\n")


def test_a_dataset_without_issues_says_so(run):
    result = run("positions", "donbas")
    assert (result.exit_code, result.stderr) == (1, "Error: no issue called 'donbas'; the dataset has no issues\n")


def test_data_cannot_drive_the_terminal(run, tmp_path):
    """Escapes that would reach the terminal (or reorder a statement's display) are refused when read."""
    text = FIXTURE.read_text(encoding="utf-8").replace("Ukraine will never leave Donbas.",
                                                        '"Ukraine\\u001b[2Jwill never leave Donbas."')
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("positions", "donbas", data=path)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "u001b" in t)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{path}:{line}: 'statement' holds the invisible character U+001B (ESC); delete it",
        "Error: 1 problem in the dataset; nothing was loaded"]


def test_validate_counts_issues_positions_and_plans(run):
    result = run("validate", data=FIXTURE)
    assert result.stdout == (f"ok: {FIXTURE}: 4 events, 7 actors, 3 sources, 5 issues, 13 positions, 2 plans, "
                             "15 Aug 2025 to 25 Nov 2025\n")


def _many_issues(tmp_path: Path, count: int) -> Path:
    """A dataset of ``count`` issues, each with Russia's and Ukraine's positions."""
    lines = ["actors:", "  - {id: russia, kind: state}", "  - {id: ukraine, kind: state}", "sources:",
             "  - {id: src, title: A report}", "issues:"]
    lines += [f"  - {{id: i{n}, proposition: p{n}}}" for n in range(count)]
    lines += ["positions:"] + [f"  - {{id: p{n}-{a}, actor: {a}, issue: i{n}, stance: {s}, date: 2025-03, sources: [src]}}"
                               for n in range(count) for a, s in (("russia", "demands"), ("ukraine", "rejects"))]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_chart_of_too_many_issues_is_refused_in_one_line(run, tmp_path):
    path = _many_issues(tmp_path, 300)
    result = run("render", "positions", "-o", str(tmp_path / "p.png"), data=path)
    assert (result.exit_code, result.stderr) == (1, "Error: 300 issues with 600 rows would make a chart 192 inches "
                                                    "tall; choose issues (--issues) or actors (--actor) to draw\n")
    result = run("render", "graph", "--graph", "positions", "-o", str(tmp_path / "g.png"), data=path)
    assert (result.exit_code, result.stderr) == (1, "Error: 2 actors and 300 issues do not fit a graph of stances "
                                                    "(at most 40 of each); narrow the events (--since, --until), or "
                                                    "draw 'timeline render positions --issues ...'\n")
    result = run("render", "positions", "i7", "i700", "-o", str(tmp_path / "p.png"), data=path)
    assert (result.exit_code, result.stderr) == (1, "Error: no issue called 'i700'; did you mean 'i70'? "
                                                    "(the dataset has: i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, "
                                                    "i11, ...)\n")
    assert run("render", "positions", "i7", "i70", "-o", str(tmp_path / "p.png"), data=path).exit_code == 0
    assert run("gaps", "--as-of", "2025-12", data=path).stdout.count("russia: Demands; ukraine: Rejects") == 300
