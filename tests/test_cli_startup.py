"""Start-up: ``--help`` of every command imports neither matplotlib nor networkx (half a second of imports)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import COMMANDS, cli
from timeline.cli.render import CHARTS
from timeline.render import choices

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("matplotlib", "networkx", "numpy")

PROBE = f"""
import json, sys
from click.testing import CliRunner
from timeline.cli import cli
heavy = {{}}
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, (args, result.output)
    heavy[" ".join(args)] = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})
print(json.dumps(heavy))
"""


def test_help_of_every_command_imports_no_chart_or_graph_library() -> None:
    commands = [[], *([name] for name in COMMANDS), *(["render", name] for name in CHARTS)]
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    heavy = json.loads(done.stdout)
    assert set(heavy) == {" ".join(args) for args in commands}
    assert {command: modules for command, modules in heavy.items() if modules} == {}


def test_the_chart_choices_shown_in_help_are_the_renderers() -> None:
    """One module holds them; the renderers and the CLI read the same objects."""
    from timeline.cli import render_graph, render_timeline
    from timeline.render import graph, select, timeline

    assert timeline.DEFAULT_PATH is choices.TIMELINE_PATH == render_timeline.DEFAULT_PATH
    assert timeline.WIDTH == choices.TIMELINE_WIDTH == render_timeline.WIDTH == 11.0
    assert timeline.LANES is choices.LANES is render_timeline.LANES
    assert graph.GRAPH_LAYOUTS is choices.GRAPH_LAYOUTS is render_graph.GRAPH_LAYOUTS
    assert select.MAX_ACTORS is choices.MAX_ACTORS is render_graph.MAX_ACTORS


QUERY_PROBE = """
import json, sys
from timeline.cli import cli
try:
    cli(json.loads(sys.argv[1]), standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("yaml", "networkx", "matplotlib")
                            or m in ("timeline.model", "timeline.dataset", "timeline.store", "timeline.query"))),
          file=sys.stderr)
"""


@pytest.fixture(scope="module")
def warm_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a process whose store of seeds/ one first query has written (loading the model)."""
    folder = tmp_path_factory.mktemp("warm-store")
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache"), "XDG_STATE_HOME": str(folder / "state"),
           "COLUMNS": "80"}
    env.pop("TIMELINE_NO_CACHE", None)
    cold = subprocess.run([sys.executable, "-c", QUERY_PROBE, json.dumps(["met", "--data", str(ROOT / "seeds")])],
                          capture_output=True, text=True, env=env, check=True)
    assert "timeline.model" in json.loads(cold.stderr.splitlines()[-1])  # the first run loads and writes the tables
    return env


@pytest.mark.parametrize("question", [["met", "putin"], ["met", "--level", "state", "--since", "Dec 2025"],
                                      ["contested"], ["relations", "putin", "--since", "2025-11"],
                                      ["relations", "russia", "--level", "state"], ["path", "umerov", "putin"],
                                      ["events", "--actor", "russia", "--since", "Dec 2025", "--order", "start"],
                                      ["events", "--actor", "witkoff", "--role", "participant", "--format", "json"],
                                      ["positions", "donbas"], ["positions", "territory", "--children", "--as-of",
                                                                "2025-12-05", "--actor", "russia"],
                                      ["gaps", "--as-of", "2025-12-05", "--since", "2025-09-01"]])
def test_a_warm_query_reads_the_store_tables_without_yaml_or_the_model(question: list[str],
                                                                       warm_store: dict[str, str]) -> None:
    """The answer from the store's tables alone is the model's (the store turned off, in this process)."""
    args = [*question, "--data", str(ROOT / "seeds")]
    warm = subprocess.run([sys.executable, "-c", QUERY_PROBE, json.dumps(args)], capture_output=True, text=True,
                          env=warm_store, check=True)
    assert json.loads(warm.stderr.splitlines()[-1]) == []
    model = CliRunner().invoke(cli, args, env={"TIMELINE_NO_CACHE": "1", "COLUMNS": "80"}, catch_exceptions=False)
    assert warm.stdout == model.stdout and warm.stdout.count("\n") > 2
