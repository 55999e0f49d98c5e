"""The positions chart and the plan lineage chart (issue #15): what they draw, on the seeds and on edge cases."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.image as mpimg
import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.errors import NothingToShow
from timeline.render.lineage import ChartError as LineageError
from timeline.render.lineage import Node, draw_lineage, place, render_lineage, select_lineage
from timeline.render.positions import (
    ChartError,
    draw_positions,
    render_positions,
    select_panels,
    stance_colors,
    stance_scale,
)

SMALL = """\
dataset: {title: Small negotiation}
actors:
  - {id: russia, name: Russia, kind: state}
  - {id: ukraine, name: Ukraine, kind: state}
sources:
  - {id: s, publisher: Agency, title: Report, url: "https://example.org/a"}
issues:
  - {id: donbas, name: Donbas, proposition: Ukraine leaves Donbas}
  - {id: quiet, name: Quiet issue, proposition: Nobody speaks of it}
positions:
"""


def dataset_with(tmp_path: Path, positions: str = "", plans: str = "", header: str = SMALL):
    path = tmp_path / "d.yaml"
    path.write_text(header + positions + plans, encoding="utf-8")
    return load(path)


def stint_boxes(ax):
    """The bars drawn for stances on a panel, by position id: (x0, x1, y centre) in date numbers."""
    out = {}
    for patch in ax.patches:
        gid = patch.get_gid() or ""
        if gid.startswith("stint:"):
            out[gid[6:]] = (patch.get_x(), patch.get_x() + patch.get_width(), patch.get_y() + patch.get_height() / 2)
    return out


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


# -- positions chart ---------------------------------------------------------------------------------------------

def test_each_stance_spans_from_its_day_to_the_actors_next(seeds):
    figure = draw_positions(seeds, ["ceasefire"], ["united-states", "russia"])
    bars = stint_boxes(figure.panels["ceasefire"])
    x = lambda y, m, d: mdates.date2num(datetime(y, m, d))  # noqa: E731
    assert bars["us-ceasefire-2025-03-11"][:2] == (x(2025, 3, 11), x(2025, 8, 16))
    assert bars["us-ceasefire-2025-08-16"][:2] == (x(2025, 8, 16), x(2025, 10, 17))
    # the last stance runs to the end of the last month with a position
    assert bars["russia-ceasefire-2025-12-28"][:2] == (x(2025, 12, 28), x(2026, 1, 1))
    # rows in the order asked; the claim sits in its own row, under the actor's own
    rows = {gid: y for gid, (_, _, y) in bars.items()}
    assert rows["us-ceasefire-2025-03-11"] < rows["us-ceasefire-2025-12-28-claimed"] < rows["russia-ceasefire-2025-03-13"]
    labels = [t.get_text() for t in figure.panels["ceasefire"].get_yticklabels()]
    assert labels == ["United States", "as Russia claims", "Russia"]


def test_colours_run_from_demands_to_red_line_and_claims_are_hatched(seeds):
    scale = stance_scale(seeds)
    assert [s.id for s in scale] == ["demands", "accepts", "open_to", "undecided", "rejects", "red_line"]
    colors = stance_colors(scale)
    assert len(set(colors.values())) == 6
    figure = draw_positions(seeds, ["crimea"], ["ukraine"])
    patches = {p.get_gid(): p for p in figure.panels["crimea"].patches if (p.get_gid() or "").startswith("stint:")}
    assert patches["stint:ukraine-crimea-2025-04-22"].get_hatch() == "xx"          # red line
    assert patches["stint:ukraine-crimea-2025-04-25-claimed"].get_hatch() == "////"  # a claim
    key = [t.get_text() for legend in figure.legends for t in legend.get_texts()]
    assert key[:6] == ["Demands", "Accepts", "Open to", "Undecided", "Rejects", "Red line"]


def test_the_seed_chart_draws_every_issue_and_names_its_proposition(seeds, tmp_path):
    figure = draw_positions(seeds)
    assert list(figure.panels) == list(seeds.issues)
    texts = [t.get_text() for ax in figure.panels.values() for t in ax.texts]
    assert "For or against: Crimea is recognised as Russian" in texts
    drawn = sum(len(stint_boxes(ax)) for ax in figure.panels.values())
    assert drawn == len(seeds.positions) == 113
    out = render_positions(seeds, tmp_path / "p.png", ["donbas", "ceasefire"], dpi=60)
    assert mpimg.imread(out).shape[2] in (3, 4)


def test_one_position_and_an_issue_nobody_spoke_of(tmp_path):
    data = dataset_with(tmp_path, "  - {id: one, actor: russia, issue: donbas, stance: demands, date: 2025-03-04,"
                                  " statement: Russia demands Donbas., sources: [s]}\n")
    figure = draw_positions(data, ["donbas", "quiet"])
    bars = stint_boxes(figure.panels["donbas"])
    assert list(bars) == ["one"]
    assert bars["one"][:2] == (mdates.date2num(datetime(2025, 3, 4)), mdates.date2num(datetime(2025, 4, 1)))
    assert stint_boxes(figure.panels["quiet"]) == {}
    assert [t.get_text() for t in figure.panels["quiet"].get_yticklabels()] == ["Russia"]


def test_open_ended_and_imprecise_dates(tmp_path):
    data = dataset_with(tmp_path, """\
  - {id: by-july, actor: ukraine, issue: donbas, stance: rejects, date: ../2025-07-10, statement: x, sources: [s]}
  - {id: october-on, actor: ukraine, issue: donbas, stance: red_line, date: 2025-10/.., statement: y, sources: [s]}
  - {id: march, actor: russia, issue: donbas, stance: demands, date: 2025-03, statement: z, sources: [s]}
""")
    figure = draw_positions(data, ["donbas"])
    bars = stint_boxes(figure.panels["donbas"])
    x = lambda y, m, d: mdates.date2num(datetime(y, m, d))  # noqa: E731
    assert bars["by-july"][:2] == (x(2025, 7, 10), x(2025, 10, 1))     # "no later than": from its last day
    assert bars["october-on"][:2] == (x(2025, 10, 1), x(2025, 11, 1))  # the open end does not stretch the chart
    assert bars["march"][:2] == (x(2025, 3, 1), x(2025, 11, 1))
    lines = [line.get_xdata() for line in figure.panels["donbas"].lines if line.get_linestyle() in ("-", ":")
             and line.get_color() != "white"]
    month = [list(xs) for xs in lines if list(xs) == [x(2025, 3, 1), x(2025, 4, 1)]]
    assert month, "a date known to the month gets a line the width of the month"


def test_as_of_cuts_the_chart(seeds):
    figure = draw_positions(seeds, ["donbas"], ["ukraine"], until=datetime(2025, 9, 1))
    bars = stint_boxes(figure.panels["donbas"])
    assert bars["ukraine-donbas-2025-08-16"][1] == mdates.date2num(datetime(2025, 9, 1))


def test_bad_parameters(seeds, tmp_path):
    with pytest.raises(ChartError, match="no issue 'land'"):
        select_panels(seeds, ["land"])
    with pytest.raises(ChartError, match="width=3 inches"):
        draw_positions(seeds, width=3)
    with pytest.raises(NothingToShow):
        draw_positions(dataset_with(tmp_path), ["quiet"])


# -- lineage chart -----------------------------------------------------------------------------------------------

def test_the_lineage_edges_are_the_datas_relations(seeds):
    figure = draw_lineage(seeds)
    data = {(v.id, r.relation, r.version) for p in seeds.plans.values() for v in p.versions for r in v.relations}
    assert {(e.source, e.relation, e.target) for e in figure.lineage.edges} == data
    drawn = {p.get_gid() for ax in figure.axes for p in ax.patches if (p.get_gid() or "").startswith("edge:")}
    assert drawn == {f"edge:{a}:{rel}:{b}" for a, rel, b in data}
    boxes = {p.get_gid()[8:] for ax in figure.axes for p in ax.patches if (p.get_gid() or "").startswith("version:")}
    assert boxes == {v.id for p in seeds.plans.values() for v in p.versions}


def test_boxes_stand_in_date_order_and_never_overlap(seeds):
    figure = draw_lineage(seeds)
    over = next(ax for ax in figure.axes if ax.get_label() == "lineage")
    boxes = {p.get_gid()[8:]: p for p in over.patches if (p.get_gid() or "").startswith("version:")}
    spans = [(b.get_x(), b.get_x() + b.get_width(), b.get_y(), b.get_y() + b.get_height()) for b in boxes.values()]
    for i, (a0, a1, b0, b1) in enumerate(spans):
        for c0, c1, d0, d1 in spans[i + 1:]:
            assert a1 <= c0 or c1 <= a0 or b1 <= d0 or d1 <= b0, "two boxes overlap"
    x = {v: b.get_x() for v, b in boxes.items()}
    assert x["us-terms-paris-2025-04"] < x["us-plan-28-points"] < x["us-plan-20-points"]


def test_a_plan_brings_the_versions_it_relates_to(seeds):
    lineage = select_lineage(seeds, ["european-counter-proposals"])
    assert {n.version for n in lineage.nodes} == {"london-counter-2025-04", "e3-counter-2025-11",
                                                  "us-terms-paris-2025-04", "us-plan-28-points"}
    assert [plan for plan, _ in lineage.lanes] == ["us-peace-plan", "european-counter-proposals"]
    memo = select_lineage(seeds, ["russian-memorandum"])
    assert [n.version for n in memo.nodes] == ["russian-memorandum-2025-06-02"] and memo.edges == ()


def test_crowded_versions_go_up_a_tier():
    node = lambda v: Node(v, "p", v, datetime(2025, 1, 1), datetime(2025, 1, 2), "", None, (), ())  # noqa: E731
    placed = place([node("a"), node("b"), node("c")], {"a": 3.0, "b": 3.05, "c": 8.0}, 0.0, 10.0)
    assert placed["a"][1] == 0 and placed["c"] == (8.0, 0)
    assert placed["b"][1] == 1


def test_lineage_errors_and_a_file(seeds, tmp_path):
    with pytest.raises(LineageError, match="no plan 'x'"):
        draw_lineage(seeds, ["x"])
    with pytest.raises(NothingToShow):
        draw_lineage(dataset_with(tmp_path))
    out = render_lineage(seeds, tmp_path / "l.svg")
    assert out.read_text(encoding="utf-8").startswith("<?xml")


# -- the command -------------------------------------------------------------------------------------------------

def test_the_commands_write_and_refuse_cleanly(run, tmp_path):
    out = tmp_path / "p.png"
    result = run("render", "positions", "donbas", "--actor", "Russia", "--actor", "ukraine", "--as-of",
                 "2025-12-01", "-o", str(out), "--dpi", "50", data=SEEDS)
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    assert mpimg.imread(out).shape[0] > 100
    result = run("render", "lineage", "us-peace-plan", "-o", str(tmp_path / "l.pdf"), data=SEEDS)
    assert result.exit_code == 0 and (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    bad = run("render", "positions", "land", "-o", str(tmp_path / "x.png"), data=SEEDS)
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [
        "Error: no issue 'land' in the dataset; issues: territory, donbas, zaporizhzhia-kherson, crimea, "
        "security-guarantees, foreign-troops, nato-membership, army-size, sanctions, frozen-assets, prisoners, "
        "elections, ceasefire, znpp"]
    assert not (tmp_path / "x.png").exists()
