"""Outputs that would land in the record: a chart, page or export named as a dataset file is refused in one line."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SEED

from timeline.cli import cli


@pytest.mark.parametrize(("args", "name"), [
    (("export", "json"), "x.yaml"), (("export", "csv"), "events.yml"), (("html",), "index.YAML"),
    (("render", "timeline"), "t.yaml"), (("render", "graph"), "g.yml"), (("render", "positions"), "p.yaml"),
    (("render", "lineage", "peace-plan"), "l.yaml")])
def test_an_output_named_as_a_data_file_is_refused(tmp_path, args, name):
    target = tmp_path / name
    result = CliRunner().invoke(cli, [*args, "--data", str(SEED), "-o", str(target)], prog_name="timeline")
    command = " ".join(args[:2] if args[0] == "render" else args[:1])
    assert (result.exit_code, result.stderr) == (
        2, f"Error: timeline {command}: --output: {str(target)!r} is named as a dataset file ({target.suffix}), "
           "which this command does not write: a dataset would read it as data; name it for what it holds "
           f"(see 'timeline {command} --help')\n")
    assert not target.exists()


def test_the_dataset_file_itself_is_never_replaced(tmp_path):
    data = tmp_path / "record.yaml"
    data.write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(cli, ["export", "json", "--data", str(data), "-o", str(data), "--force"],
                                prog_name="timeline")
    assert result.exit_code == 2 and data.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_graph_of_positions_without_positions_is_refused_not_written_empty(tmp_path, fmt):
    target = tmp_path / f"x.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "--graph", "positions", "--data", str(SEED), "-o", str(target)],
                                prog_name="timeline")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: the dataset records no positions: a graph of them as {fmt} would be empty; write --graph actors "
           "or events\n")
    assert not target.exists()
