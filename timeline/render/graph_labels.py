"""Naming the nodes of an actor graph: each label beside its own node, on no other node or label.

A graphics desk's rules, which the placement follows in this order:

1. A label lies inside the plot, and covers no node and no other label.
2. It touches its node (a gap of a few points) wherever it can; failing
   that it may stand at most :data:`MAX_LEADER` points off, joined by a thin
   leader line. A label that cannot be placed so is still drawn at the least
   bad spot beside its node, never across the plot.
3. It is nearer its own node than any other node, so that no reader takes
   one actor's name for its neighbour's.
4. Among the spots left it covers the fewest lines, ends of lines most.

Everything is measured in pixels of the figure as drawn.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from timeline.render import style

#: Gaps between a node's rim and its label tried, in points; past the third a leader joins them.
GAPS = (1.5, 4.0, 8.0, 14.0, 22.0, 32.0, 44.0, 60.0)
MAX_LEADER = GAPS[-1]
#: Directions tried, in degrees, the most readable first: right, left, above, below, then the diagonals.
DIRECTIONS = (0, 180, 90, 270, 35, 145, 325, 215, 60, 120, 300, 240, 15, 165, 345, 195, 75, 105, 285, 255)
HALO = 3.0


class Spot(NamedTuple):
    """Where a label went: its box (x0, y0, x1, y1) in pixels, and the point a leader runs to, if any."""

    box: tuple[float, float, float, float]
    leader: tuple[float, float] | None


def place(sizes: Sequence[tuple[float, float]], nodes: np.ndarray, bounds: tuple[float, float, float, float],
          edge_points: np.ndarray, edge_ends: np.ndarray, px: float,
          prefer: Sequence[float] | None = None, taken: Sequence[tuple] = ()) -> list[Spot]:
    """A spot for each label of ``sizes`` (width, height in pixels) beside node ``i`` of ``nodes`` (x, y,
    radius in pixels), placed in the order given; ``px`` pixels a point. ``prefer`` turns each label's
    directions (0: right first, 180: left first); ``taken`` are boxes already drawn (a group's name)."""
    taken = list(taken)
    spots = []
    for i, (w, h) in enumerate(sizes):
        x, y, r = nodes[i]
        near = np.hypot(edge_points[:, 0] - x, edge_points[:, 1] - y) < r + (MAX_LEADER + 6) * px + w + h
        points, ends = edge_points[near], edge_ends[near]
        best: tuple[float, tuple, int] = (math.inf, (x, y, x, y), 0)
        for ring, gap in enumerate(GAPS):
            if best[0] < 1e3:               # a clean spot nearer the node beats any further out
                break
            for turn, angle in enumerate(_turned(prefer[i] if prefer else 0.0)):
                box = _box(x, y, r + gap * px, angle, w, h)
                cost = (1e6 * _outside(box, bounds) + 1e5 * _on_nodes(box, nodes, i, px)
                        + 1e5 * _on_boxes(box, taken, 1.5 * px) + 1e4 * _nearer_other(box, nodes, i)
                        + 1e3 * (ring > 2) + 30 * ring + 2 * turn + _covered(box, points, ends, 2 * px))
                if cost < best[0]:
                    best = (cost, box, ring)
        _, box, ring = best
        taken.append(box)
        leader = (float(np.clip(x, box[0], box[2])), float(np.clip(y, box[1], box[3]))) if ring > 2 else None
        spots.append(Spot(box, leader))
    return spots


def draw_labels(ax: Axes, order: list[str], pos: dict, radius: dict[str, float], texts: dict[str, str],
                points: np.ndarray, ends: np.ndarray, prefer: dict[str, float] | None = None,
                taken: Sequence[tuple] = ()) -> list[Artist]:
    """Name the nodes of ``order`` (the most important first) at the spots :func:`place` finds; return the
    texts and leader lines (gids ``label:<node>``, ``leader:<node>``)."""
    figure = ax.figure
    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    halo = [patheffects.withStroke(linewidth=HALO, foreground="white")]
    texts_drawn = [ax.text(0, 0, texts[n], ha="center", va="center", fontsize=style.FONT["size"], color=style.INK,
                           zorder=4, path_effects=halo, gid=f"label:{n}", parse_math=False) for n in order]
    sizes = [(t.get_window_extent(renderer).width, t.get_window_extent(renderer).height) for t in texts_drawn]
    all_nodes = list(pos)
    centres = ax.transData.transform([pos[n] for n in order + [n for n in all_nodes if n not in order]])
    rims = [radius[n] * px for n in order + [n for n in all_nodes if n not in order]]
    nodes = np.column_stack([centres, rims])
    spots = place(sizes, nodes, tuple(ax.get_window_extent(renderer).extents), points, ends, px,
                  [(prefer or {}).get(n, 0.0) for n in order], taken)
    to_data = ax.transData.inverted()
    artists: list[Artist] = list(texts_drawn)
    for node, text, spot, (x, y, r) in zip(order, texts_drawn, spots, nodes):
        box = spot.box
        text.set_position(to_data.transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)))
        if spot.leader is not None:
            direction = np.subtract(spot.leader, (x, y))
            rim = np.array((x, y)) + direction / max(np.hypot(*direction), 1e-9) * r
            artists += ax.plot(*to_data.transform([rim, spot.leader]).T, color=style.INK, linewidth=0.5, zorder=2,
                               gid=f"leader:{node}")
    return artists


def _turned(prefer: float) -> list[float]:
    return [(prefer + d) % 360 for d in DIRECTIONS]


def _box(x: float, y: float, reach: float, angle: float, w: float, h: float) -> tuple[float, float, float, float]:
    """The ``w`` x ``h`` box ``reach`` pixels from (x, y) towards ``angle``, touching that point's circle."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    cx = x + dx * reach + (0.0 if abs(dx) < 1e-6 else math.copysign(w / 2, dx))
    cy = y + dy * reach + (0.0 if abs(dy) < 1e-6 else math.copysign(h / 2, dy))
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _outside(box: tuple, bounds: tuple) -> bool:
    return box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]


def _gap(box: tuple, x: float, y: float) -> float:
    """Pixels from (x, y) to the nearest point of ``box`` (0 inside)."""
    return math.hypot(max(box[0] - x, 0.0, x - box[2]), max(box[1] - y, 0.0, y - box[3]))


def _on_nodes(box: tuple, nodes: np.ndarray, own: int, pad: float) -> int:
    """How many nodes other than ``own`` the box covers; its own node too if the box cuts into it."""
    dx = np.maximum(np.maximum(box[0] - nodes[:, 0], 0), nodes[:, 0] - box[2])
    dy = np.maximum(np.maximum(box[1] - nodes[:, 1], 0), nodes[:, 1] - box[3])
    hit = np.hypot(dx, dy) < nodes[:, 2] + pad
    return int(np.count_nonzero(hit))


def _on_boxes(box: tuple, taken: list[tuple], pad: float) -> int:
    return sum(box[0] < b[2] + pad and b[0] < box[2] + pad and box[1] < b[3] + pad and b[1] < box[3] + pad
               for b in taken)


def _nearer_other(box: tuple, nodes: np.ndarray, own: int) -> bool:
    """Is another node's rim nearer the box than its own node's rim?"""
    gaps = [_gap(box, x, y) - r for x, y, r in nodes]
    return min(gaps[:own] + gaps[own + 1:], default=math.inf) < gaps[own] - 0.5


def _covered(box: tuple, points: np.ndarray, ends: np.ndarray, pad: float) -> float:
    """The cost of the line points under the box (grown by ``pad``): 10 if any, 3 a point, 20 a point near an end."""
    if not len(points):
        return 0.0
    under = np.all((points >= (box[0] - pad, box[1] - pad)) & (points <= (box[2] + pad, box[3] + pad)), axis=1)
    return float(10 * under.any() + 3 * under.sum() + 17 * (under & ends).sum())
