"""Drawing an actor graph's relations: each line a gentle arc from rim to rim. Each helper takes the ``ax`` to draw
on and returns the artists it added (plus what later steps need).

Several relations between one pair bow apart as arcs that meet at both
nodes, each with its arrowhead at its target's rim: every line touches its
two nodes, and a line bows round any third node in its way. Relations are told apart by colour and by dash
(:data:`timeline.palette.RELATION_FAMILIES`), so that they survive
black-and-white print and colour-vision deficiencies.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch

from timeline.graph import ACTOR_RELATIONS
from timeline.model import ROLES
from timeline.palette import RELATION_FAMILIES
from timeline.render.graph_draw import reach
from timeline.render.markers import area_scale

#: Opacity of a relation that is only planned: drawn in its family's look, faint.
PLANNED_ALPHA = 0.35


#: No label boxes (x0, y0, x1, y1).
NO_BOXES = np.empty((0, 4))

#: Points between two parallel lines, beyond their widths.
LANE_GAP = 2.5


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


def offsets(edges: list[Edge]) -> dict[Edge, float]:
    """Each edge's offset from the line between its nodes, in points, seen from its smaller node: parallel
    relations between one pair sit side by side, each as far from the next as their widths need."""
    pairs: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in edges:
        pairs[min(edge.u, edge.v), max(edge.u, edge.v)].append(edge)
    order = {r: i for i, r in enumerate((*ACTOR_RELATIONS, *ROLES))}
    out = {}
    for (first, _), group in pairs.items():
        group.sort(key=lambda e: (order.get(e.key, len(order)), e.u))
        widths = [e.width + LANE_GAP for e in group]
        at = -sum(widths) / 2
        for edge, width in zip(group, widths):
            out[edge] = (at + width / 2) * (1 if edge.u == first else -1)
            at += width
    return out


class Route(NamedTuple):
    """Where an edge's arc runs, in pixels: from ``start`` on one rim to ``stop`` on the other, bowed towards the
    quadratic Bézier ``control`` point; ``rims`` are the ends' distances from the node centres in points."""

    edge: Edge
    start: np.ndarray
    control: np.ndarray
    stop: np.ndarray
    rims: tuple[float, float]
    #: The two nodes' centres.
    centres: tuple[np.ndarray, np.ndarray]


def route_edges(ax: Axes, edges: list[Edge], pos: dict, area: dict, markers: dict,
                boxes: Sequence[tuple[float, float, float, float]] = ()) -> list[Route]:
    """Each edge's arc from rim to rim (pixels of ``ax`` as drawn), in the order given (the widest first).

    The parallel relations of one pair bow apart in the middle (:func:`offsets`) and meet at both nodes, so every
    line touches both its ends; a line that would pass under a third node, or through one of ``boxes`` (labels
    already placed, x0, y0, x1, y1), bows round it (:func:`_bulge`), and its ends keep off other pairs' line ends
    at the same node. No line bows further than :data:`MAX_RAD_NODE`, nor than :data:`MAX_RAD` to clear a label.
    """
    px = ax.figure.dpi / 72
    shift = offsets(edges)
    centres = {n: ax.transData.transform(pos[n]) for n in pos}
    reaches = {n: reach(markers[n], area[n]) * px for n in pos if n in markers and n in area}
    labels = np.array(boxes, dtype=float).reshape(-1, 4)
    attached: dict[str, list[tuple[frozenset, np.ndarray, float]]] = defaultdict(list)
    heads: dict[str, list[tuple[np.ndarray, float]]] = defaultdict(list)     # arrowheads' tips and lengths at a node
    routes = []
    for edge in edges:
        a, b, pair = centres[edge.u], centres[edge.v], frozenset((edge.u, edge.v))
        if np.hypot(*(b - a)) < 1e-6:
            continue
        half = edge.width * px / 2
        others = [(centres[n], r + half + 3 * px) for n, r in reaches.items() if n not in (edge.u, edge.v)]
        marks = [(markers[n], area[n]) for n in (edge.u, edge.v)]
        head = _head_length(edge, px) if edge.directed else 0.0
        start, control, stop, rims = _bulge(a, b, shift[edge] * px, others, marks, px,
                                            [[(at, w) for p, at, w in attached[n] if p != pair]
                                             for n in (edge.u, edge.v)], half,
                                            [(at, min(head, length) * HEAD_APART) for at, length in heads[edge.v]]
                                            if head else [], labels)
        if np.dot(stop - start, b - a) <= 0:
            continue                        # the nodes overlap: no room for a line
        attached[edge.u].append((pair, start, half))
        attached[edge.v].append((pair, stop, half))
        if head:
            heads[edge.v].append((stop, head))
        routes.append(Route(edge, start, control, stop, tuple(rims), (a, b)))
    return routes


def line_points(routes: list[Route], px: float) -> tuple[np.ndarray, np.ndarray]:
    """Points along the routes' lines (x, y and half the line's width, in pixels, one every 2 pixels or so, and
    which route they lie on), and which of them lie within 18 points of a line's end."""
    points, ends = [], []
    for i, route in enumerate(routes):
        t = np.linspace(0, 1, max(8, int(np.hypot(*(route.stop - route.start)) / 2)))[:, None]
        curve = _curve(route.start, route.control, route.stop, t)
        points.append(np.column_stack([curve, np.full(len(curve), route.edge.width * px / 2), np.full(len(curve), i)]))
        near = [np.hypot(*(curve - centre).T) < (rim + 18) * px for centre, rim in zip(route.centres, route.rims)]
        ends.append(near[0] | near[1])
    if not points:
        return np.empty((0, 4)), np.empty(0, dtype=bool)
    return np.concatenate(points), np.concatenate(ends)


def draw_routes(ax: Axes, routes: list[Route]) -> list[Artist]:
    """Draw each route as its arc, a directed one with its head at its target's rim; return the artists."""
    px = ax.figure.dpi / 72
    to_data = ax.transData.inverted()
    artists: list[Artist] = []
    for edge, start, control, stop, *_ in routes:
        alpha = PLANNED_ALPHA if edge.dashed else 0.9     # planned: the family's own dash, faint
        line = FancyArrowPatch(*to_data.transform([start, stop]), arrowstyle="-", linewidth=edge.width,
                               connectionstyle=f"arc3,rad={_rad(start, stop, control):.4f}", color=edge.color,
                               alpha=alpha, linestyle=dashes(edge.dash, edge.width), shrinkA=0, shrinkB=0, zorder=1,
                               gid=f"edge:{edge.u}:{edge.v}:{edge.key}")
        artists.append(ax.add_patch(line))
        if edge.directed:
            artists.append(ax.add_patch(_head(to_data, edge, control, stop, alpha, px)))
    return artists


def draw_edges(ax: Axes, edges: list[Edge], pos: dict, area: dict, markers: dict
               ) -> tuple[list[Artist], np.ndarray, np.ndarray]:
    """Draw each edge as a gentle arc from rim to rim (:func:`route_edges`); return the artists and the points along
    the lines (:func:`line_points`)."""
    routes = route_edges(ax, edges, pos, area, markers)
    return draw_routes(ax, routes), *line_points(routes, ax.figure.dpi / 72)


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
    best, best_score, first = None, (False, False, False, -math.inf), None
    moves = [0.0] + [s * k * BOW_STEP * px for k in range(1, BOW_STEPS + 1) for s in (1, -1)]
    for move in moves:
        control = (a + b) / 2 + normal * 2 * (offset + move)
        for turn in TURNS if len(heads) else (0.0,):       # a tip on another's slides round the target's rim
            start, stop, rims = _arc_ends(a, b, control, marks, px, _spread(a, b, offset, marks, px), turn)
            if not any(np.hypot(*(stop - tip)) < apart for tip, apart in heads) and not _clash(stop, half, attached[1]):
                break
        rad = _rad(start, stop, control)
        if move and abs(rad) > (MAX_RAD if best_score[0] else MAX_RAD_NODE):
            continue
        control = _arc3(start, stop, rad)                          # the control point matplotlib will draw
        curve = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop
        room = min((float(np.min(np.hypot(*(curve - c).T))) - r for c, r in others), default=math.inf)
        score = (room >= 0, not any(np.hypot(*(stop - tip)) < apart for tip, apart in heads),
                 not any(_clash(end, half, near) for end, near in zip((start, stop), attached)), room)
        if score[:3] == (True, True, True) and abs(rad) <= MAX_RAD:
            if _box_room(curve, labels) >= half:
                return start, control, stop, rims
            first = first or (start, control, stop, rims)     # the least bow, should no bow clear the labels
        if score > best_score:              # clear of the nodes, then of other heads, then of other ends, then room
            best, best_score = (start, control, stop, rims), score
    return first or best


def _box_room(curve: np.ndarray, boxes: np.ndarray) -> float:
    """Pixels from the points ``curve`` to the nearest of ``boxes`` (x0, y0, x1, y1), less where a point lies in
    one (the depth it lies in, negative); infinite for no boxes."""
    if not len(boxes):
        return math.inf
    x, y = curve[:, :1], curve[:, 1:]
    dx = np.maximum(boxes[:, 0] - x, x - boxes[:, 2])
    dy = np.maximum(boxes[:, 1] - y, y - boxes[:, 3])
    outside = np.hypot(np.maximum(dx, 0), np.maximum(dy, 0))
    return float(np.min(np.where((dx < 0) & (dy < 0), np.maximum(dx, dy), outside)))


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
    for centre, shift, (marker, size), angle in zip((a, b), spread, marks, (0.0, turn)):
        way = control - centre - shift
        way = way / max(np.hypot(*way), 1e-9)
        if angle:
            way = np.array([way[0] * math.cos(angle) - way[1] * math.sin(angle),
                            way[0] * math.sin(angle) + way[1] * math.cos(angle)])
        reach_px = _exit(marker, size, shift / px, way) * px + 1.5 * px
        ends.append(centre + shift + way * reach_px)
        rims.append(float(np.hypot(*(ends[-1] - centre))) / px)
    return ends[0], ends[1], rims


def _exit(marker: str, area: float, origin: np.ndarray, way: np.ndarray) -> float:
    """Points from ``origin`` (points from a marker's centre, inside it) along ``way`` to the marker's outline."""
    size = math.sqrt(area * area_scale(marker))

    def inside(p: np.ndarray) -> bool:
        if marker == "s":
            return max(abs(p[0]), abs(p[1])) <= size / 2
        if marker == "D":
            return abs(p[0]) + abs(p[1]) <= size * math.sqrt(0.5)
        return math.hypot(*p) <= size / 2

    low, high = 0.0, size
    for _ in range(24):
        mid = (low + high) / 2
        low, high = (mid, high) if inside(origin + way * mid) else (low, mid)
    return low


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


def _head(to_data: object, edge: Edge, control: np.ndarray, stop: np.ndarray, alpha: float, px: float
          ) -> FancyArrowPatch:
    """The arrowhead of a directed line, its tip on the target's rim, pointing along the arc's last stretch."""
    way = (stop - control) / max(np.hypot(*(stop - control)), 1e-9)
    length = _head_length(edge, px)
    family = RELATION_FAMILIES.get(edge.key)
    shape = family.head if family else "-|>"
    return FancyArrowPatch(*to_data.transform([stop - way * length, stop]), arrowstyle=shape,
                           mutation_scale=12 + 2.5 * edge.width, color=edge.color,
                           linewidth=0 if "|" in shape else max(1.3, 0.8 * edge.width), joinstyle="miter",
                           alpha=max(alpha, 0.6), shrinkA=0, shrinkB=0, zorder=1.5,
                           gid=f"head:{edge.u}:{edge.v}:{edge.key}")


def _clash(end: np.ndarray, half: float, others: list[tuple[np.ndarray, float]]) -> list[np.ndarray]:
    """The ends of other lines at the same node that a line's ``end`` (``half`` its width) lies on."""
    return [at for at, width in others if np.hypot(*(end - at)) < half + width + 0.5]
