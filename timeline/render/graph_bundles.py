"""Several relations between one pair drawn as one bundle: parallel lines side by side, as a transit map draws lines
that share a track.

The pair's route is found once (:func:`timeline.render.graph_edges.route_edges`), as wide as its lines and the gaps
between them; each relation runs along it at its own constant offset, in its own colour and dash, and closes in
towards the middle only where a node is narrower than the bundle, over the last :data:`RAMP` points, so that every
line still ends on its node's rim. Lines of one bundle never overlap: they stay :data:`LANE_GAP` points apart beyond
their widths wherever the nodes give room.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from timeline.graph import ACTOR_RELATIONS
from timeline.model import ROLES
from timeline.render.markers import area_scale

if TYPE_CHECKING:
    from timeline.render.graph_edges import Edge

#: Points between two parallel lines, beyond their widths.
LANE_GAP = 2.5
#: Points between the lines of a pair that act on each other both ways (judged round 13: the chronology's red
#: Ukraine→Russia and black Russia→Ukraine lines ran as one twisted pair, their heads at opposite ends): far enough
#: apart to read as two lines, each with its own head.
TWO_WAY_GAP = 9.0
#: Points of a line's length over which a bundle closes in to fit a node narrower than itself.
RAMP = 16.0
#: The share of a node's half width a bundle's lines may end apart from its centre.
END_SPREAD = 0.6


def bundles(edges: list[Edge]) -> list[list[Edge]]:
    """The edges grouped by pair, in the order of each pair's first edge (the widest first); within a pair in the
    order of :data:`timeline.graph.ACTOR_RELATIONS`, so that a relation keeps its side of the bundle."""
    pairs: dict[frozenset, list[Edge]] = defaultdict(list)
    for edge in edges:
        pairs[frozenset((edge.u, edge.v))].append(edge)
    order = {r: i for i, r in enumerate((*ACTOR_RELATIONS, *ROLES))}
    return [sorted(group, key=lambda e: (order.get(e.key, len(order)), e.u)) for group in pairs.values()]


def offsets(group: list[Edge], u: str) -> list[float]:
    """Each edge's offset in points from the bundle's middle line, to the right of the way from node ``u`` of the
    pair: side by side, as far apart as their widths and :data:`LANE_GAP` need, in the same order seen from the
    pair's first node (by id) whichever way the bundle is drawn."""
    widths = [e.width + lane_gap(group) for e in group]
    sign = 1 if u == min(group[0].u, group[0].v) else -1
    at, out = -sum(widths) / 2, []
    for w in widths:
        out.append(sign * (at + w / 2))
        at += w
    return out


def width(group: list[Edge]) -> float:
    """The width of a bundle in points: its lines and the gaps between them."""
    return sum(e.width for e in group) + lane_gap(group) * (len(group) - 1)


def lane_gap(group: list[Edge]) -> float:
    """Points between two lines of the bundle ``group``: :data:`LANE_GAP`, or :data:`TWO_WAY_GAP` where its lines
    point both ways."""
    ways = {(e.u, e.v) for e in group if e.directed}
    return TWO_WAY_GAP if len(ways) > 1 else LANE_GAP


def offset_line(start: np.ndarray, control: np.ndarray, stop: np.ndarray, centres: tuple[np.ndarray, np.ndarray],
                offset: float, extent: float, marks: list[tuple[str, float]], px: float) -> np.ndarray:
    """The points (pixels, one every 2 or so) of a line ``offset`` pixels to the right of the quadratic Bézier from
    ``start`` to ``stop`` bowed towards ``control``, its ends on the rims of the two nodes (``centres``, ``marks``:
    marker and area). The offset is constant, but where a node is narrower than the bundle (``extent`` pixels
    from its middle to its outermost line), within :data:`RAMP` points of it the bundle closes in in proportion,
    each line keeping its order and its own end."""
    chord = float(np.hypot(*(stop - start)))
    t = np.linspace(0.0, 1.0, max(16, int(chord / 2)))[:, None]
    curve = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop
    if abs(offset) < 1e-9:
        return curve
    tangent = 2 * (1 - t) * (control - start) + 2 * t * (stop - control)
    tangent /= np.maximum(np.hypot(*tangent.T), 1e-9)[:, None]
    normal = np.column_stack([tangent[:, 1], -tangent[:, 0]])
    run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(curve, axis=0).T))])
    share = np.ones(len(t))
    for (marker, area), gone in zip(marks, (run, run[-1] - run)):
        room = math.sqrt(area * area_scale(marker)) / 2 * px * END_SPREAD
        if room < extent:
            x = np.clip(gone / (RAMP * px), 0.0, 1.0)
            share = np.minimum(share, room / extent + (1 - room / extent) * x * x * (3 - 2 * x))
    line = curve + normal * (offset * share)[:, None]
    ends = [_on_rim(centre, line[k] - curve[k], way, mark, px)
            for centre, k, way, mark in ((centres[0], 0, tangent[0], marks[0]), (centres[1], -1, -tangent[-1], marks[1]))]
    keep = (((line - ends[0]) @ tangent[0]) > 0) & (((ends[1] - line) @ tangent[-1]) > 0)
    return np.vstack([ends[0], line[keep], ends[1]])


def _on_rim(centre: np.ndarray, side: np.ndarray, way: np.ndarray, mark: tuple[str, float], px: float) -> np.ndarray:
    """Where a line ``side`` pixels beside a node's centre, running out along ``way``, leaves its marker (1.5
    points past the outline)."""
    marker, area = mark
    return centre + side + way * (exit_length(marker, area, side / px, way) * px + 1.5 * px)


def exit_length(marker: str, area: float, origin: np.ndarray, way: np.ndarray) -> float:
    """Points from ``origin`` (points from a marker's centre, inside it) along ``way`` (a unit vector) to the
    marker's outline: a square's sides, a diamond's, else a circle's; 0 from outside it."""
    size = math.sqrt(area * area_scale(marker))
    x, y = float(origin[0]), float(origin[1])
    dx, dy = float(way[0]), float(way[1])
    if marker in ("s", "D"):            # the nearest side the ray runs towards: |x|, |y| ≤ h, or |x| + |y| ≤ h
        h = size / 2 if marker == "s" else size * math.sqrt(0.5)
        sides = ((1, 0), (-1, 0), (0, 1), (0, -1)) if marker == "s" else ((1, 1), (1, -1), (-1, 1), (-1, -1))
        hits = [(h - sx * x - sy * y) / (sx * dx + sy * dy) for sx, sy in sides if sx * dx + sy * dy > 1e-12]
        return float(min(max(0.0, min(hits, default=0.0)), size))
    along, r = x * dx + y * dy, size / 2
    inside = along * along - (x * x + y * y - r * r)
    return float(min(max(0.0, -along + math.sqrt(inside)), size)) if inside >= 0 and x * x + y * y <= r * r else 0.0
