"""Where lines meet a node: each line's end at its own point of the node's rim, so that arrowheads into one node never
pile into a knot (judged round 10: seven heads into Ukraine within 40 px).

After the routes are found (:func:`timeline.render.graph_edges.route_edges`), the ends at each node are taken round
its centre by angle and spread apart, the least that gives each two neighbours room for both (an arrowhead's width,
else the line's, and :data:`END_GAP` points): two arrowheads' tips lie at least the wider head's width apart, lanes
of one bundle too (judged round 12). Each line's last stretch bends smoothly to its new end, over :data:`BEND` points
or twice the move, whichever is longer. Where a node's rim is too short for all its ends, they share it evenly.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from timeline.render.graph_bundles import LANE_GAP, exit_length
from timeline.render.markers import area_scale

if TYPE_CHECKING:
    from timeline.render.graph_edges import Edge, Route

#: Points between two line ends at one node, beyond half of each end's width: a bundle's lanes' own gap, so that
#: spreading the ends never brings two lanes of a bundle nearer than the bundle keeps them.
END_GAP = LANE_GAP
#: Points of a line over which its end bends to its place on the rim, at least.
BEND = 24.0


#: How many times its rim a node's arrowheads need side by side: heads come in from a few directions, and spread round
#: the whole rim they would bend their lines far round it; with twice the room they keep to the sides they come from.
HEAD_ROOM = 2.0
#: A node grows to hold its heads up to this many times its width (judged round 13: seven heads knotted on Ukraine's
#: square in the person graph, which the page had spread along a larger square's sides).
HUB_GROWTH = 2.2


def room_for_heads(marker: str, area: float, widths: list[float]) -> float:
    """The area (points², as matplotlib's ``s``) a node drawn as ``marker`` needs for arrowheads of lines ``widths``
    points wide to lie along its outline side by side, each the widest head's width and :data:`END_GAP` apart, with
    :data:`HEAD_ROOM` to spare: ``area`` if that is enough, and at most :data:`HUB_GROWTH` times its width. A square
    (a state) takes heads on all four sides, its outline four times its side; a circle's is π its width."""
    if len(widths) < 3:
        return area
    rim = len(widths) * (head_width(max(widths)) + END_GAP) * HEAD_ROOM
    width = rim / (4.0 if marker == "s" else math.pi)
    side = math.sqrt(area * area_scale(marker))
    return min(max(side, width), HUB_GROWTH * side) ** 2 / area_scale(marker)


def grow_hubs(edges: list[Edge], markers: dict[str, str], area: dict[str, float]) -> dict[str, float]:
    """``area`` (points² by node) with each node that three or more of ``edges`` point into grown to hold their heads
    along its outline (:func:`room_for_heads`); ``markers`` gives each node's marker."""
    into: dict[str, list[float]] = defaultdict(list)
    for e in edges:
        if e.directed:
            into[e.v].append(e.width)
    return {n: room_for_heads(markers[n], a, into[n]) if n in into else a for n, a in area.items()}


def head_width(width: float) -> float:
    """The drawn width in points of the arrowhead of a line ``width`` points wide (matplotlib's ``-|>`` and ``->``:
    0.4 of the mutation scale :func:`timeline.render.graph_edges._head` gives it)."""
    return 0.4 * (12 + 2.5 * width)


def spread_ends(routes: list[Route], marks: dict[str, tuple[str, float]], px: float) -> list[Route]:
    """``routes`` with the ends at each node moved round its rim until no two of different pairs lie nearer than
    their half widths (an arrowhead's at a line's target) and :data:`END_GAP` points (a bundle keeps its lanes);
    ``marks`` gives each node's (marker, area in points²). The routes keep their order."""
    at: dict[str, list[tuple[int, int, float, bool]]] = defaultdict(list)   # node -> (route, end, half width, head)
    for i, route in enumerate(routes):                 # a route runs from its edge's u (end 0) to its v (end 1)
        for end, node in enumerate(route.edge[:2]):
            head = end == 1 and route.edge.directed
            at[node].append((i, end, (head_width(route.edge.width) if head else route.edge.width) * px / 2, head))
    points = [r.points.copy() for r in routes]
    for name, ends in at.items():
        if len(ends) < 2:
            continue
        c = routes[ends[0][0]].centres[ends[0][1]]
        node = marks.get(name)
        angles = np.array([math.atan2(*(points[i][-1 if e else 0] - c)[::-1]) for i, e, *_ in ends])
        radius = np.array([float(np.hypot(*(points[i][-1 if e else 0] - c))) for i, e, *_ in ends])
        pairs = np.array([hash(frozenset(routes[i].edge[:2])) for i, *_ in ends])
        halves, heads = np.array([h for *_, h, _ in ends]), np.array([head for *_, head in ends])
        moved = _spread(angles, halves, max(float(radius.min()), 1.0), END_GAP * px, pairs, heads)
        for (i, e, *_), old, new in zip(ends, angles, moved):
            if abs(new - old) > 1e-6:
                way = np.array([math.cos(new), math.sin(new)])
                tip = c + way * (exit_length(*node, np.zeros(2), way) + 1.5) * px if node else c + way * radius.mean()
                points[i] = _bend(points[i], e, tip, px)
    return [r._replace(start=p[0], stop=p[-1], points=p,
                       rims=tuple(float(np.hypot(*(end - c))) / px for end, c in zip((p[0], p[-1]), r.centres)))
            for r, p in zip(routes, points)]


def _room(angles: np.ndarray, halves: np.ndarray, heads: np.ndarray) -> np.ndarray:
    """Pixels each end needs from the next round the node (by angle; the last from the first), beyond the gap: the
    sum of their ``halves``, or for two arrowheads (``heads``) the wider's width, so that their tips lie a head's
    width apart. In the order of the sorted ``angles``."""
    order = np.argsort(angles)
    h, t = halves[order], heads[order]
    after = np.roll(h, -1)
    return np.where(t & np.roll(t, -1), 2 * np.maximum(h, after), h + after)


def _spread(angles: np.ndarray, halves: np.ndarray, radius: float, gap: float, pairs: np.ndarray,
            heads: np.ndarray) -> np.ndarray:
    """``angles`` (radians round a circle of ``radius`` pixels) moved apart, each two neighbours by at least the
    sum of their ``halves`` and ``gap`` (a chord), two arrowheads (``heads``) by the wider's width and ``gap``, so
    that two tips lie at least a head's width apart; two of one pair (lanes of one bundle,
    :mod:`timeline.render.graph_bundles`) by what they are apart now, two heads of one pair by no less (judged
    round 12: a bundle's heads into Ukraine, spaced as its lanes, made one knot). The least moves are found in a few rounds of
    relaxation; where the circle is too short, it is shared evenly in the same order."""
    order = np.argsort(angles)
    a, p, t, room = angles[order].astype(float), pairs[order], heads[order], _room(angles, halves, heads)
    need = 2 * np.arcsin(np.minimum((room + gap) / (2 * radius), 1.0))
    now = np.diff(np.append(a, a[0] + 2 * math.pi))
    both = t & np.roll(t, -1) & (now < math.pi)     # two heads (not the way round): a head's width apart
    need = np.where(p == np.roll(p, -1), np.where(both, np.maximum(need, now), now), need)   # a bundle's lanes
    if need.sum() >= 2 * math.pi:
        need *= 2 * math.pi / need.sum()
    for _ in range(300):
        gaps = np.diff(np.append(a, a[0] + 2 * math.pi))
        short = need - gaps
        if (short <= 1e-9).all():
            break
        push = np.clip(short, 0, None) / 2
        a = a - push + np.roll(push, 1)            # k moves back from k + 1, k + 1 forward from k
    out = np.empty_like(a)
    out[order] = a
    return out


def _bend(points: np.ndarray, end: int, tip: np.ndarray, px: float) -> np.ndarray:
    """``points`` (a line, pixels) with its ``end`` (0: first, 1: last) moved to ``tip``, the move fading out
    smoothly along the line over :data:`BEND` points or twice the move."""
    line = points if end else points[::-1]
    move = tip - line[-1]
    run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(line, axis=0).T))])
    back = run[-1] - run
    span = max(BEND * px, 2 * float(np.hypot(*move)))
    x = np.clip(1 - back / min(span, max(run[-1], 1e-9)), 0.0, 1.0)
    bent = line + move * (x * x * (3 - 2 * x))[:, None]
    return bent if end else bent[::-1]
