"""The main job: every file written, the summary, and nothing of the user's replaced."""
from __future__ import annotations

import json
import shutil

from conftest import TWO_PEOPLE

from timeline.build import steps
from timeline.dataset import load


def test_build_writes_every_file_and_summarises(seed_build, seed):
    result, out = seed_build   # exit status 0: the fixture checks it
    names = [step.name for step in steps(seed)]
    assert "positions.png" not in names  # the Moscow talks record no positions
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(names)
    assert {"timeline.png", "graph.png", "graph-state.png", "actors.gexf", "actors.graphml", "actors.dot",
            "timeline.json", "meetings.ics", "tables"} <= set(names)
    assert (out / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(json.loads((out / "timeline.json").read_text())["events"]) == len(seed.events)
    held = sum(e.type in ("meeting", "call", "visit") and e.status == "occurred" for e in seed.events)
    assert result.stdout.splitlines()[-2] == (  # the record opens with the leak of 20 Nov
        f"{len(seed.events)} events, {len(seed.actors)} actors, {held} meetings, calls or visits held, 19 Nov 2025 to 3 Dec 2025")
    assert result.stdout.splitlines()[-1].startswith(f"{len(names)} files written in ")
    assert f"[ 1/{len(names)}]" in result.stderr


def test_build_replaces_its_own_files_but_not_the_users(run, tmp_path, seed_build, seed, write_yaml):
    out = tmp_path / "out"
    shutil.copytree(seed_build[1], out)   # a build of the seed, as `timeline build` left it
    two = write_yaml(TWO_PEOPLE)
    assert [step.name for step in steps(load(two))] == [step.name for step in steps(seed)]  # each file replaced
    assert run("build", "-q", "--out", str(out), data=two).exit_code == 0   # its own files: replaced
    mine = out / "graph.png"
    mine.unlink()
    mine.write_text("my own notes")
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = run("build", "-q", "--out", str(out), data=two)
    assert result.exit_code == 1
    assert result.output.strip() == (f"Error: {mine} exists and was not written by timeline; "
                                     "choose another path with -o, or pass --force to replace it")
    assert mine.read_text() == "my own notes"
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before   # nothing was touched
    assert run("build", "-q", "--force", "--out", str(out), data=two).exit_code == 0
    assert mine.read_bytes()[:4] == b"\x89PNG"


def test_build_skips_what_has_nothing_to_show(run, tmp_path, write_yaml):
    path = write_yaml("""\
        actors: [{id: a}, {id: b}]
        events: [{id: s, type: statement, date: 2025-12-02, source: [a]}]
    """)
    result = run("build", "-q", "--out", str(tmp_path / "out"), data=path)
    assert result.exit_code == 0, result.output
    skipped = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("skipped ")]
    assert skipped == ["skipped graph.png", "skipped graph-state.png", "skipped graph.svg", "skipped meetings.ics"]
    assert (tmp_path / "out" / "timeline.png").exists() and not (tmp_path / "out" / "graph.png").exists()


def test_build_draws_positions_and_plans_when_the_dataset_records_them(run, tmp_path):
    from test_positions_export import NEGOTIATION

    dataset = load(NEGOTIATION)
    names = [step.name for step in steps(dataset)]
    assert {"positions.png", "lineage.png", "positions.gexf"} <= set(names)
    result = run("build", "-q", "--out", str(tmp_path / "out"), data=NEGOTIATION)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "positions.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "out" / "lineage.png").read_bytes()[:4] == b"\x89PNG"
    import networkx as nx

    graph = nx.read_gexf(tmp_path / "out" / "positions.gexf")
    assert sum(1 for _, _, d in graph.edges(data=True) if d.get("stance")) == len(dataset.positions)


def test_each_step_names_the_single_command_that_writes_the_same_file(run, tmp_path, seed, seed_build, write_yaml):
    """bench/bench_build.py times each step alone with its command: the build must write what the command does."""
    two = write_yaml(TWO_PEOPLE)
    for step in steps(seed):
        assert step.command, step.name
        alone = tmp_path / "alone" / step.name
        alone.parent.mkdir(exist_ok=True)
        drawn = step.name.endswith((".png", ".svg", ".html"))
        # drawn: the same kind of file (the pixels are the charts' tests), so drawn from a smaller dataset
        result = run(*step.command, "-o", str(alone), **({"data": two} if drawn else {}))
        assert result.exit_code == 0, (step.command, result.output)
        built = seed_build[1] / step.name
        if drawn:
            assert alone.read_bytes()[:4] == built.read_bytes()[:4], step.name
        elif built.is_dir():
            assert {p.name: p.read_bytes() for p in alone.iterdir()} == {p.name: p.read_bytes() for p in built.iterdir()}
        else:
            assert alone.read_bytes() == built.read_bytes(), step.name


def test_a_library_build_leaves_nothing_frozen_from_the_collector(tmp_path, write_yaml):
    """Each step freezes what survives its collect (so later collects skip it); the caller's process gets its
    collector back whole when the build ends."""
    import gc

    from timeline.build import build

    path = write_yaml("""\
        actors: [{id: a}, {id: b}]
        events: [{id: s, type: statement, date: 2025-12-02, source: [a]}]
    """)
    gc.unfreeze()
    report = build(load(path), tmp_path / "out")
    assert (tmp_path / "out" / "timeline.png").exists() and report.skipped
    assert gc.get_freeze_count() == 0
