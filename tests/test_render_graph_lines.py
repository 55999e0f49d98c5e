"""Every line of an actor graph touches its two nodes and passes under no other (round 6 judge, X1), and what a
state-level line's width means (X5), measured on the drawn artists of the 2025 seed at column, page and slide
sizes."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from graph_geometry import by_gid, distance_to, drawn, drawn_line, node_outline, record

ROOT = Path(__file__).parents[1]
SIZES = {"column": (6.0, 6.0), "page": (11.0, 8.5), "slide": (13.33, 7.5)}
#: How far (points) a line's end may stand off its node's outline: the drawing leaves 1.5 points.
END_GAP = 3.0


@pytest.fixture(scope="module")
def seeds():
    return record("2025")


@pytest.fixture(scope="module")
def figures():
    return {f"{level}-{name}": drawn("2025", level=level, size=size, dpi=150)
            for level in ("person", "state") for name, size in SIZES.items()}


def outlines(figure) -> dict[str, np.ndarray]:
    return {n: node_outline(figure, a) for n, a in by_gid(figure, "node").items()}


NAMES = [f"{level}-{size}" for level in ("person", "state") for size in SIZES]


def lines(figure):
    """(gid, its two nodes, the points of its line in pixels, half its width in pixels) for each edge drawn."""
    px = figure.dpi / 72
    return [(gid, gid.split(":")[:2], drawn_line(patch), patch.get_linewidth() * px / 2)
            for gid, patch in by_gid(figure, "edge").items()]


@pytest.mark.parametrize("name", NAMES)
def test_every_line_touches_both_its_nodes(figures, name):
    shapes, px = outlines(figures[name]), figures[name].dpi / 72
    gaps = {gid: (distance_to(shapes[u], line[:1])[0], distance_to(shapes[v], line[-1:])[0])
            for gid, (u, v), line, _ in lines(figures[name])}
    assert {gid: (round(a / px, 1), round(b / px, 1)) for gid, (a, b) in gaps.items() if max(a, b) > END_GAP * px} == {}


@pytest.mark.parametrize("name", NAMES)
def test_no_line_passes_under_a_node_other_than_its_ends(figures, name):
    shapes = outlines(figures[name])
    under = [(gid, node) for gid, ends, line, half in lines(figures[name]) for node, shape in shapes.items()
             if node not in ends and distance_to(shape, line).min() < half]
    assert under == [], name


def test_lines_of_one_pair_part_in_the_middle_and_meet_at_the_nodes(seeds):
    # the stress layout draws each relation family of a pair as its own line: Russia–Ukraine has several at round 13's
    # two lines an actor (46 for the page's 23; at round 14's three for two it keeps two, which barely part)
    figure = drawn("2025", layout="stress", size=SIZES["page"], dpi=150, max_edges=46)
    lines = {g: drawn_line(p) for g, p in by_gid(figure, "edge").items()
             if set(g.split(":")[:2]) == {"russia", "ukraine"}}
    assert len(lines) >= 3
    middles = np.array([line[len(line) // 2] for line in lines.values()])
    starts = np.array([line[0] if g.startswith("russia") else line[-1] for g, line in lines.items()])
    spread = lambda pts: max(np.hypot(*(a - b)) for a in pts for b in pts)   # noqa: E731
    assert spread(middles) > spread(starts) and spread(middles) > 2 * figure.dpi / 72   # they part in the middle


# X5: "line width counts every kind of event while the key says 'Dealt with each other'" ----------------------


def _meetings(seeds) -> dict[frozenset, int]:
    from timeline.render.select import pair_rows, select_actors

    g = select_actors(seeds, seeds.events, level="state", max_actors=30, max_edges=10 ** 9).graph
    return {frozenset((r.a, r.b)): r.together.get("talks", 0) for r in pair_rows(g)}


@pytest.mark.parametrize("size", SIZES)
def test_state_lines_are_one_a_pair_and_their_width_is_the_meetings(figures, seeds, size):
    figure = figures[f"state-{size}"]
    edges = by_gid(figure, "edge")
    pairs = [frozenset(g.split(":")[:2]) for g in edges]
    assert len(pairs) == len(set(pairs))                                  # one line a pair, as the key says
    met = _meetings(seeds)
    width = {frozenset(g.split(":")[:2]): p.get_linewidth() for g, p in edges.items()}
    us_russia, russia_ukraine = frozenset(("russia", "united-states")), frozenset(("russia", "ukraine"))
    assert met[us_russia] == 26 and met[russia_ukraine] == 3
    assert width[us_russia] > width[russia_ukraine]                      # 26 meetings draw wider than 3
    for a in width:                                                      # more meetings never draw thinner
        for b in width:
            if met.get(a, 0) > met.get(b, 0):
                assert width[a] >= width[b], (set(a), set(b))
    for pair, patch in ((frozenset(g.split(":")[:2]), p) for g, p in edges.items()):
        assert (patch.get_linestyle() == "-") == (met.get(pair, 0) > 0), set(pair)   # dotted: never met


def test_the_state_key_says_what_a_line_and_its_width_mean(figures):
    figure = figures["state-page"]
    keys = by_gid(figure, "legend")
    lines = [t.get_text() for t in keys["relation"].get_texts()]
    assert lines[0] == "Met, called or visited"
    assert any(t.startswith("Never met") for t in lines)
    assert keys["width"].get_title().get_text() == "Width: meetings"
    assert not any("Dealt with each other" in t for t in lines)


# X2/X3: "hostile vs cooperative lines look the same in print"; "arrowheads small, mid-line" ------------------


@pytest.mark.parametrize("name", ["person-page", "person-slide", "person-column"])
def test_cooperation_and_pressure_differ_without_colour_and_heads_sit_on_the_target(figures, name):
    figure = figures[name]
    shapes, px = outlines(figure), figure.dpi / 72
    edges, heads = by_gid(figure, "edge"), by_gid(figure, "head")
    looks = {}
    for gid, patch in edges.items():
        family = gid.rsplit(":", 1)[1]
        if gid in heads:
            looks.setdefault(family, set()).add((str(patch.get_linestyle()),
                                                 type(heads[gid].get_arrowstyle()).__name__))
            tip = heads[gid].get_transform().transform(heads[gid]._posA_posB)[1]   # noqa: SLF001
            assert distance_to(shapes[gid.split(":")[1]], tip[None])[0] <= END_GAP * px, gid
            assert heads[gid].get_window_extent().width >= 5 * px or heads[gid].get_window_extent().height >= 5 * px
    assert looks.get("pressure", {("-", "CurveFilledB")}) == {("-", "CurveFilledB")}          # solid, filled head
    assert all(dash != "-" and head == "CurveB" for dash, head in looks.get("cooperation", ()))  # dashed, open head


# X6: "the same hue means different actors across charts" ------------------------------------------------------


def test_a_hue_means_one_side_in_every_graph_and_only_the_main_sides_have_one(seeds):
    from matplotlib.colors import to_hex

    from timeline.palette import OTHER_SIDE

    meaning: dict[str, set[str]] = {}
    for name, size in (("2025", SIZES["page"]), ("moscow", None), ("2022-2025", None)):   # the drawings shared
        data = record(name)
        for level in ("person", "state"):
            figure = drawn(name, level=level, size=size, dpi=150)
            for node, artist in by_gid(figure, "node").items():
                color = to_hex(artist.get_facecolors()[0]).upper()
                if color != OTHER_SIDE.upper():
                    meaning.setdefault(color, set()).add(data.actors[data.side(node)].name)
    assert {c: sorted(n) for c, n in meaning.items()} == {
        "#E69F00": ["Russia"], "#0072B2": ["Ukraine"], "#21165A": ["United States"]}
