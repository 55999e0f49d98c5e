"""`timeline render positions`, `render lineage` and `render graph --graph positions` from the command line: the
files they write, their issue and plan names, their errors."""
from __future__ import annotations

import matplotlib.image as mpimg
import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.render.stance_graph import draw_stance_graph
from timeline.render.stance_rows import select_panels


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


def test_the_commands_write_and_refuse_cleanly(run, tmp_path):
    out = tmp_path / "p.png"
    result = run("render", "positions", "donbas", "--actor", "Russia", "--actor", "ukraine", "--as-of",
                 "2025-12-01", "-o", str(out), "--dpi", "50", data=SEEDS)
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    assert mpimg.imread(out).shape[0] > 100
    result = run("render", "lineage", "us-peace-plan", "-o", str(tmp_path / "l.pdf"), data=SEEDS)
    assert result.exit_code == 0 and (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    bad = run("render", "positions", "moon", "-o", str(tmp_path / "x.png"), data=SEEDS)
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [
        "Error: no issue called 'moon' (the dataset has: territory, donbas, zaporizhzhia-kherson, crimea, "
        "security-guarantees, foreign-troops, nato-membership, army-size, sanctions, frozen-assets, prisoners, "
        "elections, ...)"]
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("names", [("land", "Frozen Russian assets"), ("TERRITORY", "frozen-assets"),
                                   ("territory", "frozen assets")])
def test_issues_are_named_by_id_name_or_alias_as_in_the_positions_command(seeds, run, tmp_path, names):
    """`render positions` reads ISSUE as `timeline positions ISSUE` does (last round it refused aliases)."""
    assert [p.issue for p in select_panels(seeds, list(names))] == ["territory", "frozen-assets"]
    out = tmp_path / "p.png"
    assert run("render", "positions", *names, "-o", str(out), "--dpi", "40", data=SEEDS).output == f"wrote {out}\n"
    listed = run("render", "positions", "--issues", ",".join(names), "-o", str(out), "--dpi", "40", "--force",
                 data=SEEDS)
    assert listed.exit_code == 0
    assert run("positions", names[0], "--as-of", "2025-12-31", data=SEEDS).exit_code == 0



def test_issues_option_and_the_graph_of_stances_from_the_command_line(run, tmp_path):
    out = tmp_path / "p.png"
    result = run("render", "positions", "--issues", "crimea, donbas", "-o", str(out), "--dpi", "50", data=SEEDS)
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    bad = run("render", "positions", "--issues", "crimea,lands", "-o", str(tmp_path / "x.png"), data=SEEDS)
    assert bad.exit_code == 1 and bad.output == ("Error: no issue called 'lands'; did you mean 'land'? (the dataset "
                                                 "has: territory, donbas, zaporizhzhia-kherson, crimea, "
                                                 "security-guarantees, foreign-troops, nato-membership, army-size, "
                                                 "sanctions, frozen-assets, prisoners, elections, ...)\n")
    graph = tmp_path / "g.svg"
    result = run("render", "graph", "--graph", "positions", "-o", str(graph), data=SEEDS)
    assert result.exit_code == 0 and result.output == f"wrote {graph}\n"
    svg = graph.read_text(encoding="utf-8")
    assert svg.count('id="stance:') == len(draw_stance_graph(load(SEEDS)).stances) == 57
