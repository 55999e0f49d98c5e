"""Every line of an actor graph touches its two nodes and passes under no other (round 6 judge, X1), and what a
state-level line's width means (X5), measured on the drawn artists of the 2025 seed at column, page and slide
sizes."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from graph_geometry import by_gid, distance_to, drawn_line, node_outline

from timeline.dataset import load
from timeline.render.graph import draw_graph

ROOT = Path(__file__).parents[1]
SIZES = {"column": (6.0, 6.0), "page": (11.0, 8.5), "slide": (13.33, 7.5)}
#: How far (points) a line's end may stand off its node's outline: the drawing leaves 1.5 points.
END_GAP = 2.5


@pytest.fixture(scope="module")
def seeds():
    return load(ROOT / "seeds")


@pytest.fixture(scope="module")
def figures(seeds):
    return {f"{level}-{name}": draw_graph(seeds, level=level, size=size, dpi=150)
            for level in ("person", "state") for name, size in SIZES.items()}


def outlines(figure) -> dict[str, np.ndarray]:
    return {n: node_outline(figure, a) for n, a in by_gid(figure, "node").items()}


@pytest.mark.parametrize("name", [f"{level}-{size}" for level in ("person", "state") for size in SIZES])
def test_every_line_touches_both_its_nodes(figures, name):
    figure = figures[name]
    shapes, px = outlines(figure), figure.dpi / 72
    loose = []
    for gid, patch in by_gid(figure, "edge").items():
        u, v = gid.split(":")[:2]
        line = drawn_line(patch)
        gaps = distance_to(shapes[u], line[:1])[0], distance_to(shapes[v], line[-1:])[0]
        if max(gaps) > END_GAP * px:
            loose.append((gid, round(gaps[0] / px, 1), round(gaps[1] / px, 1)))
    assert loose == [], name


@pytest.mark.parametrize("name", [f"{level}-{size}" for level in ("person", "state") for size in SIZES])
def test_no_line_passes_under_a_node_other_than_its_ends(figures, name):
    figure = figures[name]
    shapes, px = outlines(figure), figure.dpi / 72
    under = []
    for gid, patch in by_gid(figure, "edge").items():
        ends = set(gid.split(":")[:2])
        line, half = drawn_line(patch), patch.get_linewidth() * px / 2
        under += [(gid, node) for node, shape in shapes.items()
                  if node not in ends and distance_to(shape, line).min() < half]
    assert under == [], name


def test_lines_of_one_pair_part_in_the_middle_and_meet_at_the_nodes(seeds):
    # the stress layout draws each relation family of a pair as its own line: Russia–Ukraine has several
    figure = draw_graph(seeds, layout="stress", size=SIZES["page"], dpi=150)
    lines = {g: drawn_line(p) for g, p in by_gid(figure, "edge").items()
             if set(g.split(":")[:2]) == {"russia", "ukraine"}}
    assert len(lines) >= 3
    middles = np.array([line[len(line) // 2] for line in lines.values()])
    starts = np.array([line[0] if g.startswith("russia") else line[-1] for g, line in lines.items()])
    spread = lambda pts: max(np.hypot(*(a - b)) for a in pts for b in pts)   # noqa: E731
    assert spread(middles) > 2 * spread(starts)
