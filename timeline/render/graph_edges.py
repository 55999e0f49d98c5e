"""Drawing an actor graph's relations: each line a gentle arc from rim to rim. Each helper takes the ``ax`` to draw
on and returns the artists it added (plus what later steps need).

Several relations between one pair run side by side as one bundle (:mod:`timeline.render.graph_bundles`),
each with its arrowhead at its target's rim: every line touches its two nodes, and a bundle bows round any third
node, and any label placed, in its way. Relations are told apart by colour and by dash
(:data:`timeline.palette.RELATION_FAMILIES`), so that they survive
black-and-white print and colour-vision deficiencies.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, PathPatch
from matplotlib.path import Path

from timeline.palette import RELATION_FAMILIES
from timeline.render.graph_bundles import bundles, exit_length, offset_line, offsets, width
from timeline.render.graph_draw import reach
from timeline.render.graph_ports import spread_ends
from timeline.render.markers import area_scale

#: Opacity of a relation that is only planned: drawn in its family's look, faint.
PLANNED_ALPHA = 0.35


#: No label boxes (x0, y0, x1, y1).
NO_BOXES = np.empty((0, 4))

class Edge(NamedTuple):
    """One line to draw, from ``u`` to ``v``: its look, and whether it points (``directed``)."""

    u: str
    v: str
    key: str
    color: str
    width: float
    directed: bool
    dashed: bool
    dash: object = "-"
    #: Events behind the line.
    count: int = 1


class Route(NamedTuple):
    """Where an edge's line runs, in pixels: from ``start`` on one rim to ``stop`` on the other through ``points``;
    its bundle's middle line is the quadratic Bézier bowed towards ``control``; ``rims`` are the ends' distances
    from the node centres in points."""

    edge: Edge
    start: np.ndarray
    control: np.ndarray
    stop: np.ndarray
    rims: tuple[float, float]
    #: The two nodes' centres.
    centres: tuple[np.ndarray, np.ndarray]
    #: The line's points, ``start`` to ``stop``, one every 2 pixels or so.
    points: np.ndarray


def route_edges(ax: Axes, edges: list[Edge], pos: dict, area: dict, markers: dict,
                boxes: Sequence[tuple[float, float, float, float]] = ()) -> list[Route]:
    """Each edge's line from rim to rim (pixels of ``ax`` as drawn), the widest pair first.

    The relations of one pair run as one bundle (:mod:`timeline.render.graph_bundles`): its middle line a gentle
    arc, each relation beside it at a constant offset, so every line touches both its ends and none lies on
    another; an arc that would pass under a third node, or through one of ``boxes`` (labels already placed, x0,
    y0, x1, y1), bows round it (:func:`_bulge`), and its ends keep off other pairs' line ends at the same node. No
    arc bows further than :data:`MAX_RAD_NODE`, nor than :data:`MAX_RAD` to clear a label. The ends at each node
    are then spread round its rim (:func:`timeline.render.graph_ports.spread_ends`).
    """
    px = ax.figure.dpi / 72
    centres = {n: ax.transData.transform(pos[n]) for n in pos}
    reaches = {n: reach(markers[n], area[n]) * px for n in pos if n in markers and n in area}
    labels = np.array(boxes, dtype=float).reshape(-1, 4)
    attached: dict[str, list[tuple[frozenset, np.ndarray, float]]] = defaultdict(list)
    heads: dict[str, list[tuple[np.ndarray, float]]] = defaultdict(list)     # arrowheads' tips and lengths at a node
    routes = []
    for group in bundles(edges):
        lead = next((e for e in group if e.directed), group[0])      # the bundle runs the way its first arrow points
        u, v = lead.u, lead.v
        a, b, pair = centres[u], centres[v], frozenset((u, v))
        if np.hypot(*(b - a)) < 1e-6:
            continue
        half = width(group) * px / 2
        others = [(centres[n], r + half + 3 * px) for n, r in reaches.items() if n not in (u, v)]
        marks = [(markers[n], area[n]) for n in (u, v)]
        head = max((_head_length(e, px) for e in group if e.directed and e.v == v), default=0.0)
        spread = half if len(group) > 1 else 0.0
        start, control, stop, rims = _bulge(a, b, 0.0, others, marks, px,
                                            [[(at, w) for p, at, w in attached[n] if p != pair] for n in (u, v)],
                                            half, [(at, min(head, length) * HEAD_APART + spread)
                                                   for at, length in heads[v]] if head else [], labels)
        if np.dot(stop - start, b - a) <= 0:
            continue                        # the nodes overlap: no room for a line
        shifts = offsets(group, u)
        for edge, offset in zip(group, shifts):
            line = offset_line(start, control, stop, (a, b), offset * px, max(map(abs, shifts)) * px, marks, px)
            if edge.u != u:
                line = line[::-1]
            ends = (line[0], line[-1])
            attached[edge.u].append((pair, ends[0], edge.width * px / 2))
            attached[edge.v].append((pair, ends[1], edge.width * px / 2))
            if edge.directed:
                heads[edge.v].append((ends[1], _head_length(edge, px)))
            at = (a, b) if edge.u == u else (b, a)
            routes.append(Route(edge, ends[0], control, ends[1],
                                tuple(float(np.hypot(*(end - c))) / px for end, c in zip(ends, at)), at, line))
    return spread_ends(routes, {n: (markers[n], area[n]) for n in reaches}, px)


def line_points(routes: list[Route], px: float) -> tuple[np.ndarray, np.ndarray]:
    """Points along the routes' lines (x, y and half the line's width, in pixels, one every 2 pixels or so, and
    which route they lie on), and which of them lie within 18 points of a line's end."""
    points, ends = [], []
    for i, route in enumerate(routes):
        curve = route.points
        drawn = rail_width(route.edge.width) if rails(route.edge) else route.edge.width
        points.append(np.column_stack([curve, np.full(len(curve), drawn * px / 2), np.full(len(curve), i)]))
        near = [np.hypot(*(curve - centre).T) < (rim + 18) * px for centre, rim in zip(route.centres, route.rims)]
        ends.append(near[0] | near[1])
    if not points:
        return np.empty((0, 4)), np.empty(0, dtype=bool)
    return np.concatenate(points), np.concatenate(ends)


def draw_routes(ax: Axes, routes: list[Route]) -> list[Artist]:
    """Draw each route as its line, a directed one with its head at its target's rim; return the artists."""
    px = ax.figure.dpi / 72
    to_data = ax.transData.inverted()
    artists: list[Artist] = []
    for route in routes:
        edge = route.edge
        alpha = PLANNED_ALPHA if edge.dashed else 0.9     # planned: the family's own dash, faint
        double = rails(edge)
        line = PathPatch(Path(to_data.transform(route.points)), fill=False, linewidth=rail_width(edge.width) if
                         double else edge.width, edgecolor=edge.color, alpha=alpha,
                         linestyle="-" if double else dashes(edge.dash, edge.width), path_effects=double,
                         capstyle="butt", joinstyle="round", zorder=1, gid=f"edge:{edge.u}:{edge.v}:{edge.key}")
        artists.append(ax.add_patch(line))
        if edge.directed:
            artists.append(ax.add_patch(_head(to_data, edge, route.points, alpha, px)))
    return artists


#: The relation drawn as a double line (two rails, white between), the one undirected relation of a family whose
#: others point: "acted together" had been the proposals' dashes without their head, and where heads pile up the two
#: read alike (judged round 13, with "planned", faint dashes with a head).
TOGETHER = "cooperation"


def rail_width(width: float) -> float:
    """The full width in points of a double line standing for a line ``width`` points wide: two rails of at least a
    point each and a white core between them."""
    return max(3.2, width + 2.0)


def rails(edge: Edge) -> list | None:
    """The path effects drawing ``edge`` as a double line (its colour, a white core a third of its width), if it is
    an undirected line of :data:`TOGETHER`'s family; else None (drawn as its family's dashes)."""
    if edge.key != TOGETHER or edge.directed:
        return None
    full = rail_width(edge.width)
    return [patheffects.Stroke(linewidth=full, foreground=edge.color),
            patheffects.Stroke(linewidth=full / 3, foreground="white")]


def _curve(start: np.ndarray, control: np.ndarray, stop: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Points of the quadratic Bézier from ``start`` to ``stop`` bowed towards ``control`` at ``t`` (a column)."""
    return (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop


#: Line width (points) past which a dash pattern stops growing with the line: matplotlib scales dashes by the
#: width, and a 6-point line's dashes broke it into pieces that read as separate arrows.
DASH_WIDTH = 2.0


def dashes(dash: object, width: float) -> object:
    """``dash`` (a matplotlib linestyle) as drawn on a line ``width`` points wide: an on-off pattern keeps the
    lengths it has at :data:`DASH_WIDTH` points."""
    if not isinstance(dash, tuple) or width <= DASH_WIDTH:
        return dash
    offset, pattern = dash
    return offset, tuple(length * DASH_WIDTH / width for length in pattern)


#: Points an arc's middle may move sideways, in steps, to bow round a third node or off another line's end.
BOW_STEP, BOW_STEPS = 5.0, 24
#: The most an arc bows: matplotlib's ``arc3`` ``rad``, its middle ``MAX_RAD / 2`` of its chord off the chord. A line
#: bowed further reads as going round its nodes rather than joining them (judged round 7: up to 0.67 of its chord
#: off). Only to clear a third node may a line bow up to :data:`MAX_RAD_NODE`.
MAX_RAD, MAX_RAD_NODE = 0.6, 1.0


def _bulge(a: np.ndarray, b: np.ndarray, offset: float, others: list[tuple[np.ndarray, float]],
           marks: list[tuple[str, float]], px: float, attached: list[list[tuple[np.ndarray, float]]], half: float,
           heads: list[tuple[np.ndarray, float]] = (), labels: np.ndarray = NO_BOXES
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[float]]:
    """The arc from node ``a`` to node ``b`` (pixels): its start and stop on the two rims, its quadratic Bézier
    control point, and the rims' distances in points. Its middle lies ``offset`` pixels beside the straight line,
    or, where that arc passes within ``others`` (centre, clearance) or ends on another line's end, the nearest
    sideways move (up to :data:`MAX_RAD`) that clears them and keeps its tip off the tips of other ``heads`` at
    its target (tip, the least distance; any pair's) and runs through none of the ``labels`` (boxes, pixels);
    failing that, the least bowed arc that meets all but the labels; failing that, the one clear of the nodes
    (bowing up to :data:`MAX_RAD_NODE`), then of other heads, then of other ends, that comes least near a third
    node."""
    along = (b - a) / np.hypot(*(b - a))
    normal = np.array([along[1], -along[0]])
    t = np.linspace(0.0, 1.0, max(16, int(np.hypot(*(b - a)) / 3)))[:, None]
    best, best_score, first, fewest = None, (False, False, False, -math.inf), None, math.inf
    centres = np.array([c for c, _ in others]).reshape(-1, 2)
    clear = np.array([r for _, r in others])
    moves = [0.0] + [s * k * BOW_STEP * px for k in range(1, BOW_STEPS + 1) for s in (1, -1)]
    spread = _spread(a, b, offset, marks, px)
    for move in moves:
        control = (a + b) / 2 + normal * 2 * (offset + move)
        for turn in TURNS if len(heads) else (0.0,):       # a tip on another's slides round the target's rim
            start, stop, rims = _arc_ends(a, b, control, marks, px, spread, turn)
            off_heads = not _near(stop, heads)
            if off_heads and not _clash(stop, half, attached[1]):
                break
        rad = _rad(start, stop, control)
        if move and abs(rad) > (MAX_RAD if best_score[0] else MAX_RAD_NODE):
            continue
        control = _arc3(start, stop, rad)                          # the control point matplotlib will draw
        curve = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop
        room = float(np.min(np.hypot(*(curve[:, None, :] - centres).transpose(2, 0, 1)).min(axis=0) - clear)) \
            if len(clear) else math.inf
        score = (room >= 0, off_heads, not any(_clash(end, half, near) for end, near in zip((start, stop), attached)),
                 room)
        if score[:3] == (True, True, True) and abs(rad) <= MAX_RAD:
            hits = _boxes_hit(curve, labels, half)
            if not hits:
                return start, control, stop, rims
            if hits < fewest:               # the least bow through the fewest labels, should no bow clear them all
                first, fewest = (start, control, stop, rims), hits
        if score > best_score:              # clear of the nodes, then of other heads, then of other ends, then room
            best, best_score = (start, control, stop, rims), score
    return first or best


def _boxes_hit(curve: np.ndarray, boxes: np.ndarray, grow: float) -> int:
    """How many of ``boxes`` (x0, y0, x1, y1, pixels), grown by ``grow``, the points ``curve`` enter."""
    if not len(boxes):
        return 0
    x, y = curve[:, :1], curve[:, 1:]
    inside = (x > boxes[:, 0] - grow) & (x < boxes[:, 2] + grow) & (y > boxes[:, 1] - grow) & (y < boxes[:, 3] + grow)
    return int(np.count_nonzero(inside.any(axis=0)))


def _rad(start: np.ndarray, stop: np.ndarray, control: np.ndarray) -> float:
    """matplotlib's ``arc3`` ``rad`` whose control point lies nearest ``control``."""
    chord = stop - start
    return float(np.dot(control - (start + stop) / 2, [chord[1], -chord[0]]) / max(np.dot(chord, chord), 1e-9))


def _arc3(start: np.ndarray, stop: np.ndarray, rad: float) -> np.ndarray:
    """The control point of matplotlib's ``arc3,rad=rad`` from ``start`` to ``stop`` (pixels)."""
    chord = stop - start
    return (start + stop) / 2 + rad * np.array([chord[1], -chord[0]])


def _arc_ends(a: np.ndarray, b: np.ndarray, control: np.ndarray, marks: list[tuple[str, float]], px: float,
              spread: tuple[np.ndarray, np.ndarray], turn: float = 0.0) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Where an arc bowed towards ``control`` leaves node ``a`` and meets node ``b`` (centres, pixels): from
    each centre moved by its ``spread`` towards the control point (at ``b`` turned by ``turn`` radians round
    it), 1.5 points past the marker's outline; and the ends' distances from the centres in points."""
    ends, rims = [], []
    for (cx, cy), (sx, sy), (marker, size), angle in zip((a, b), spread, marks, (0.0, turn)):
        wx, wy = float(control[0] - cx - sx), float(control[1] - cy - sy)      # in floats: numpy on pairs is slow
        norm = max(math.hypot(wx, wy), 1e-9)
        wx, wy = wx / norm, wy / norm
        if angle:
            wx, wy = (wx * math.cos(angle) - wy * math.sin(angle), wx * math.sin(angle) + wy * math.cos(angle))
        reach_px = exit_length(marker, size, (sx / px, sy / px), (wx, wy)) * px + 1.5 * px
        ex, ey = float(cx + sx + wx * reach_px), float(cy + sy + wy * reach_px)
        ends.append(np.array((ex, ey)))
        rims.append(math.hypot(ex - cx, ey - cy) / px)
    return ends[0], ends[1], rims


def _spread(a: np.ndarray, b: np.ndarray, offset: float, marks: list[tuple[str, float]], px: float
            ) -> tuple[np.ndarray, np.ndarray]:
    """How far (pixels, sideways) the parallel lines of a pair leave and meet their nodes off the centres:
    one and a half ``offset``, but never past 0.6 of each node's half width, so that their ends and heads lie apart."""
    along = (b - a) / np.hypot(*(b - a))
    normal = np.array([along[1], -along[0]])
    halves = [math.sqrt(size * area_scale(marker)) / 2 * px * 0.6 for marker, size in marks]
    return tuple(normal * float(np.clip(1.5 * offset, -h, h)) for h in halves)


#: Turns (radians) of an arrow's end round its target's rim tried where its tip lies on another's.
TURNS = (0.0, *(s * math.radians(k) for k in (8, 16, 24, 32) for s in (1, -1)))
#: The least distance between two arrowheads' tips at one node, a share of the shorter head: nearer, they pile up.
HEAD_APART = 1.0


def _head_length(edge: Edge, px: float) -> float:
    """The length of a directed line's arrowhead, in pixels."""
    return (5 + 1.5 * edge.width) * px


def _head(to_data: object, edge: Edge, points: np.ndarray, alpha: float, px: float) -> FancyArrowPatch:
    """The arrowhead of a directed line through ``points``, its tip on the target's rim, pointing along the line's
    last stretch."""
    stop, length = points[-1], _head_length(edge, px)
    far = np.flatnonzero(np.hypot(*(points - stop).T) >= length)
    behind = points[far[-1]] if len(far) else points[0]
    way = (stop - behind) / max(np.hypot(*(stop - behind)), 1e-9)
    family = RELATION_FAMILIES.get(edge.key)
    shape = family.head if family else "-|>"
    return FancyArrowPatch(*to_data.transform([stop - way * length, stop]), arrowstyle=shape,
                           mutation_scale=12 + 2.5 * edge.width, color=edge.color,
                           linewidth=0 if "|" in shape else max(1.3, 0.8 * edge.width), joinstyle="miter",
                           alpha=max(alpha, 0.6), shrinkA=0, shrinkB=0, zorder=1.5,
                           gid=f"head:{edge.u}:{edge.v}:{edge.key}")


def _clash(end: np.ndarray, half: float, others: list[tuple[np.ndarray, float]]) -> bool:
    """Does a line's ``end`` (``half`` its width) lie on the end of another line at the same node (``others``: end,
    half width)?"""
    return _near(end, [(at, half + width + 0.5) for at, width in others])


def _near(point: np.ndarray, others: list[tuple[np.ndarray, float]]) -> bool:
    """Does ``point`` lie nearer any of ``others`` (point, distance; pixels) than that distance? (In floats: numpy
    on pairs of numbers is slow, and this runs some ten thousand times a drawing.)"""
    x, y = float(point[0]), float(point[1])
    return any(math.hypot(x - float(at[0]), y - float(at[1])) < apart for at, apart in others)
