"""``timeline export``: formats, default paths, standard output, filters, and files never overwritten."""
from __future__ import annotations

import pytest

from timeline.export import FORMATS, ExportError, default_path, export


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("args", "written"), [
    (["graphml"], "output/actors.graphml"),
    (["gexf", "--level", "state"], "output/actors-state.gexf"),
    (["json", "--graph", "events"], "output/events.json"),
    (["cytoscape"], "output/actors.cyjs"),
    (["dot"], "output/actors.dot"),
    (["timelinejs"], "output/timeline.json"),
    (["ical"], "output/meetings.ics"),
    (["csv"], "output/tables"),
    (["xlsx"], "output/timeline.xlsx"),
    (["ftm"], "output/entities.ftm.json"),
    (["timelinejs", "--group-by", "side"], "output/timeline.json"),
    (["ical", "--coarse"], "output/meetings.ics"),
])
def test_default_paths(args, written, run, workdir):
    result = run("export", *args)
    assert (result.exit_code, result.output) == (0, f"wrote {written}\n")
    assert (workdir / written).exists()


def test_every_format_writes_the_same_bytes_twice(run, workdir):
    for fmt in FORMATS:
        first = run("export", fmt, "-o", f"a/{fmt}").exit_code, _contents(workdir / "a" / fmt)
        second = run("export", fmt, "-o", f"b/{fmt}").exit_code, _contents(workdir / "b" / fmt)
        assert first == second and first[0] == 0 and first[1]


def _contents(path):
    return sorted((p.name, p.read_bytes()) for p in path.iterdir()) if path.is_dir() else path.read_bytes()


def test_dash_writes_to_standard_output(run, workdir):
    assert run("export", "graphml", "-o", "-").output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')
    calendar = run("export", "ical", "-o", "-", "--type", "visit").stdout_bytes
    assert calendar.startswith(b"BEGIN:VCALENDAR\r\n") and calendar.count(b"BEGIN:VEVENT") == 2
    assert not (workdir / "output").exists()


def test_filters_choose_the_events(run, workdir):
    import networkx as nx

    run("export", "graphml", "--actor", "witkoff", "--type", "meeting", "-o", "witkoff.graphml")
    graph = nx.read_graphml(workdir / "witkoff.graphml")
    assert sorted(graph) == ["kushner", "putin", "ukrainian-delegation", "witkoff"]


def test_a_file_timeline_did_not_write_is_kept(run, workdir):
    (workdir / "mine.gexf").write_text("my notes", encoding="utf-8")
    result = run("export", "gexf", "-o", "mine.gexf")
    assert result.exit_code == 1
    assert result.output.startswith("Error: mine.gexf exists and was not written by timeline")
    assert (workdir / "mine.gexf").read_text(encoding="utf-8") == "my notes"
    assert run("export", "gexf", "-o", "mine.gexf", "--force").exit_code == 0
    assert (workdir / "mine.gexf").read_text(encoding="utf-8").startswith("<?xml")
    assert run("export", "gexf", "-o", "mine.gexf").exit_code == 0  # ours now: replaced without --force


def test_a_csv_table_the_user_wrote_stops_the_whole_export(run, workdir):
    (workdir / "tables").mkdir()
    (workdir / "tables" / "quotes.csv").write_text("mine", encoding="utf-8")
    result = run("export", "csv", "-o", "tables")
    assert result.exit_code == 1 and "quotes.csv exists" in result.output
    assert sorted(p.name for p in (workdir / "tables").iterdir()) == ["quotes.csv"]


def test_an_existing_folder_gets_the_default_name(run, workdir):
    (workdir / "exports").mkdir()
    assert run("export", "dot", "-o", "exports").output == "wrote exports/actors.dot\n"


@pytest.mark.parametrize(("args", "message"), [
    (["timelinejs", "--graph", "events"], "Error: timelinejs does not take the option graph: it takes group_by\n"),
    (["ftm", "--level", "state"], "Error: ftm does not take the option level: it takes none\n"),
    (["ical", "--group-by", "side"], "Error: ical does not take the option group_by: it takes coarse\n"),
    (["graphml", "--graph", "events", "--level", "state"], "Error: the level applies to the actor graph; "
                                                          "the event graph shows each actor as itself\n"),
    (["csv", "-o", "-"], "Error: csv writes a folder of files, not one stream: give the folder with -o\n"),
])
def test_options_a_format_does_not_take(args, message, run, workdir):
    result = run("export", *args)
    assert result.exit_code == 1 and result.output.startswith(message)


def test_library_errors_are_user_errors(seed):
    with pytest.raises(ExportError, match="unknown export format 'gefx'; did you mean 'gexf'"):
        export(seed, "gefx")
    with pytest.raises(ExportError, match="unknown level 'country' for gexf; choose from person, state"):
        export(seed, "gexf", level="country")
    assert str(default_path("csv")) == "output/tables"


def test_shared_options_are_one_definition_everywhere():
    """--force, -o, --dpi, --size, --graph and --level mean and read the same in every command that has them."""
    import click

    from timeline.cli import cli

    found: dict[str, set] = {}
    with click.Context(cli) as context:
        for path in (("export",), ("build",), ("render", "graph"), ("render", "timeline"), ("met",)):
            command = cli
            for name in path:
                command = command.get_command(context, name)
            for param in command.params:
                flag = max(param.opts, key=len)
                if flag in ("--force", "--output", "--dpi", "--size", "--graph", "--level"):
                    kind = type(param.type).__name__, getattr(param.type, "choices", None)
                    found.setdefault(flag, set()).add((param.help if flag != "--output" else None, kind))
    assert set(found) == {"--force", "--output", "--dpi", "--size", "--graph", "--level"}
    assert {flag: len(kinds) for flag, kinds in found.items() if flag != "--output"} == {
        "--force": 1, "--dpi": 1, "--size": 1, "--graph": 1, "--level": 1}


def test_every_format_option_reaches_the_command_line(run, workdir):
    from timeline.cli.export import export as command
    from timeline.export import OPTIONS

    flags = {max(p.opts, key=len) for p in command.params}
    assert {"--" + name.replace("_", "-") for name in OPTIONS} <= flags
    assert run("export", "timelinejs", "--group-by", "side", "-o", "t.json").exit_code == 0
    assert '"group": "Russia"' in (workdir / "t.json").read_text(encoding="utf-8")


def test_a_missing_library_is_one_line_and_build_skips_it(run, workdir, monkeypatch, write_yaml):
    import sys

    from timeline.build import build
    from timeline.dataset import load

    monkeypatch.setitem(sys.modules, "followthemoney", None)  # as if not installed
    result = run("export", "ftm")
    assert (result.exit_code, result.output) == (
        1, "Error: the ftm export needs followthemoney: pip install 'timeline[ftm]'\n")
    one_statement = load(write_yaml("""
        actors: [{id: a, name: A}]
        events: [{id: s, type: statement, date: 2025-12-02, source: [a]}]
        """))   # a build that draws little: what is asked is the ftm step's line
    report = build(one_statement, workdir / "out")
    assert [line for line in report.skipped if line.startswith("entities.ftm.json")] == [
        "entities.ftm.json: the ftm export needs followthemoney: pip install 'timeline[ftm]'"]


def test_drafts_are_left_out_unless_asked_for(run, workdir, write_yaml):
    data = write_yaml("""
        actors: [{id: a, name: A}, {id: b, name: B}]
        events:
          - {id: held, type: meeting, date: 2025-12-02, participants: [a, b]}
          - {id: drafted, type: meeting, date: 2025-12-03, participants: [a, b], draft: true}
        """)
    assert run("export", "ical", "-o", "a.ics", data=data).exit_code == 0
    assert "UID:drafted@timeline" not in (workdir / "a.ics").read_text(encoding="utf-8")
    assert run("export", "ical", "-o", "b.ics", "--include-drafts", data=data).exit_code == 0
    assert "UID:drafted@timeline" in (workdir / "b.ics").read_text(encoding="utf-8")
    only_draft = write_yaml("""
        actors: [{id: a, name: A}]
        events: [{id: drafted, type: statement, date: 2025-12-03, source: [a], draft: true}]
        """, "draft.yaml")
    result = run("export", "json", data=only_draft)
    assert (result.exit_code, result.output) == (1, "Error: no events to write as json; the dataset's are all drafts: add "
                                                        "--include-drafts\n")
