"""Lines bent round the labels they would cross: the last step of placing an actor graph's labels.

A label that found no spot clear of every line (:mod:`timeline.render.graph_labels`) used to be knocked out of the
lines on a white ground; a reader takes a line that stops at a label for a line that ends there (judged round 13:
Erdoğan's line 'ended' on Umerov's label), and a label with lines under it still reads as crossed. Instead, each
pair's lines through such a label step aside round it, together, as a road bends round a building: along the pair's
chord the lines keep their course, and across the label's length they move sideways, past its nearer edge, easing in
and out over :data:`EASE` points or more; their ends and arrowheads stay where they were. A detour is kept only where
it clears the label, comes near no node but its own two, and crosses no more labels than the lines did.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from timeline.render.graph_edges import MAX_RAD, Route, rail_width, rails

#: Points a detour keeps off a label's box, beyond each line's half width.
CLEAR = 3.0
#: Points over which a detour eases in and out, at least (else 1.5 times its depth).
EASE = 16.0
#: Points of each line's end that never move: its arrowhead and the stretch that meets the node's rim.
FIXED = 12.0
#: The deepest detour, in points: further, a line reads as going somewhere else.
DEEPEST = 70.0


def bend_round(routes: list[Route], boxes: Sequence[tuple], nodes: np.ndarray, px: float,
               keep_off: Sequence[tuple] = ()) -> list[Route]:
    """``routes`` with each pair's lines bent round the label ``boxes`` (x0, y0, x1, y1, pixels) they run through,
    where a detour clears the box and runs into no more of ``boxes`` and ``keep_off`` (boxes left as they are);
    ``nodes`` are (x, y, reach) in pixels, which a detour keeps off. Returns the routes in their order."""
    routes = list(routes)
    by_pair: dict[frozenset, list[int]] = defaultdict(list)
    for i, route in enumerate(routes):
        by_pair[frozenset(route.edge[:2])].append(i)
    every = [tuple(map(float, b)) for b in [*boxes, *keep_off]]
    for box in every[:len(boxes)]:
        for lanes in by_pair.values():
            if any(_enters(routes[i], box, px) for i in lanes):
                for i, route in zip(lanes, _round_one([routes[i] for i in lanes], box, every, nodes, px)):
                    routes[i] = route
    return routes


def _round_one(lanes: list[Route], box: tuple, boxes: list[tuple], nodes: np.ndarray, px: float) -> list[Route]:
    """``lanes`` bent round ``box`` past its nearer edge, else its further one; where that runs them into a
    neighbouring label, round the two labels as one; unchanged where no detour is better (:func:`_better`)."""
    for turn in (1, -1):
        bent = _detour(lanes, box, px, turn)
        if bent is None:
            continue
        if _better(bent, lanes, boxes, nodes, px):
            return bent
        for other in (b for b in boxes if b != box and any(_enters(r, b, px) for r in bent)):
            both = (min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]), max(box[3], other[3]))
            wider = _detour(lanes, both, px, turn)
            if wider is not None and _better(wider, lanes, boxes, nodes, px):
                return wider
    return lanes


def _half(route: Route, px: float) -> float:
    """Half a route's drawn width, pixels (a double line's full width)."""
    edge = route.edge
    return (rail_width(edge.width) if rails(edge) else edge.width) * px / 2


def _enters(route: Route, box: tuple, px: float, pad: float = 0.0) -> bool:
    """Does ``route``'s line run into ``box`` grown by its half width and ``pad`` pixels?"""
    grow = _half(route, px) + pad
    x, y = route.points.T
    return bool(np.any((x > box[0] - grow) & (x < box[2] + grow) & (y > box[1] - grow) & (y < box[3] + grow)))


def _detour(lanes: list[Route], box: tuple, px: float, turn: int = 1) -> list[Route] | None:
    """The ``lanes`` (one pair's routes) moved sideways together round ``box``, past its nearer edge across the pair's
    chord (``turn`` 1), or its further one (-1); None where that would move them further than :data:`DEEPEST`."""
    first = lanes[0].points
    a = first[0]
    way = first[-1] - a
    way = way / max(float(np.hypot(*way)), 1e-9)
    normal = np.array([-way[1], way[0]])
    corners = np.array([(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]) - a
    along, across = corners @ way, corners @ normal
    pad = CLEAR * px
    lo, hi = float(along.min()), float(along.max())
    near = [(r.points - a, _half(r, px)) for r in lanes]
    side = [(p @ normal, h) for p, h in near]
    inside = [(n[(p @ way > lo - h - pad) & (p @ way < hi + h + pad)], h) for (p, h), (n, _) in zip(near, side)]
    if not any(len(n) for n, _ in inside):
        return None
    low = min(float(n.min()) - h for n, h in inside if len(n))
    high = max(float(n.max()) + h for n, h in inside if len(n))
    up, down = float(across.max()) - low + pad, high - float(across.min()) + pad
    shift = up if (up <= down) == (turn == 1) else -down
    if abs(shift) > DEEPEST * px:
        return None
    ease = max(EASE * px, 1.5 * abs(shift))
    out = []
    for route, (p, _) in zip(lanes, near):
        u = p @ way
        gone = np.maximum(lo - u, u - hi).clip(0.0)
        bump = _smooth(1.0 - gone / ease)
        run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(route.points, axis=0).T))])
        ends = _smooth(np.minimum(run, run[-1] - run) / (FIXED * px) - 1.0)     # 0 over the first FIXED points
        points = route.points + normal * (shift * bump * ends)[:, None]
        out.append(route._replace(points=points))
    return out


def _smooth(x: np.ndarray) -> np.ndarray:
    """Smoothstep of ``x`` clipped to [0, 1]."""
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


def _better(bent: list[Route], lanes: list[Route], boxes: list[tuple], nodes: np.ndarray, px: float) -> bool:
    """Do the ``bent`` lines cross fewer label ``boxes`` than the ``lanes`` they replace, stray from their chords no
    further than a bowed route may, and pass no node but their own ends' (``nodes``: x, y, reach, pixels)?"""
    def crossed(routes: list[Route]) -> int:
        return sum(_enters(r, b, px) for r in routes for b in boxes)

    if crossed(bent) >= crossed(lanes):
        return False
    for new in bent:                # bowed no further than a route may bow to clear a label (graph_edges.MAX_RAD)
        a, b = new.points[0], new.points[-1]
        chord = max(float(np.hypot(*(b - a))), 1e-9)
        off = np.abs((new.points[:, 0] - a[0]) * (b[1] - a[1]) - (new.points[:, 1] - a[1]) * (b[0] - a[0])) / chord
        if float(off.max()) > MAX_RAD / 2 * chord:
            return False
    for new, old in zip(bent, lanes):
        moved = np.hypot(*(new.points - old.points).T) > 0.5
        if not moved.any():
            continue
        p = new.points[moved]
        ends = np.array([old.points[0], old.points[-1]])
        for x, y, r in nodes[:, :3]:
            if np.hypot(*(ends - (x, y)).T).min() <= r + 3 * px:
                continue                                   # one of its own nodes
            if np.any(np.hypot(p[:, 0] - x, p[:, 1] - y) < r + 2 * px + _half(new, px)):
                return False
    return True
