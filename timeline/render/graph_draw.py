"""Drawing an actor graph's parts: relations, membership ties, nodes and labels. Each helper takes the ``ax``
to draw on and returns the artists it added (plus what later steps need).

Several relations between one pair bow apart as arcs that meet at both
nodes, each with its arrowhead at its target's rim: every line touches its
two nodes, and a line bows round any third node in its way. Relations are told apart by colour and by dash
(:data:`timeline.render.style.RELATION_LOOKS`), so that they survive
black-and-white print and colour-vision deficiencies.
"""
from __future__ import annotations

import math
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import networkx as nx
import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, FancyArrowPatch

from timeline.dates import parse_edtf
from timeline.graph import ACTOR_RELATIONS
from timeline.model import ROLES, Actor, Dataset, Event
from timeline.names import respell
from timeline.palette import RELATION_FAMILIES
from timeline.render import style
from timeline.render.labels import display_name, event_titles
from timeline.render.markers import area_scale
from timeline.render.text import clip, printable, shorten, text_width

LABEL_WIDTH = 18
#: Opacity of a relation that is only planned: drawn in its family's look, faint.
PLANNED_ALPHA = 0.35
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


def draw_edges(ax: Axes, edges: list[Edge], pos: dict, area: dict, markers: dict
               ) -> tuple[list[Artist], np.ndarray, np.ndarray]:
    """Draw each edge as a gentle arc from rim to rim, a directed one with its head at its target's rim; return
    the artists, points along the lines (x, y and half the line's width, in pixels) and which lie near an end.

    The parallel relations of one pair bow apart in the middle (:func:`offsets`) and meet at both nodes, so every
    line touches both its ends; a line that would pass under a third node bows round it (:func:`_bulge`), and
    its ends keep off other pairs' line ends at the same node.
    """
    px = ax.figure.dpi / 72
    to_data = ax.transData.inverted()
    artists: list[Artist] = []
    points, ends = [], []
    shift = offsets(edges)
    centres = {n: ax.transData.transform(pos[n]) for n in pos}
    reaches = {n: reach(markers[n], area[n]) * px for n in pos if n in markers and n in area}
    attached: dict[str, list[tuple[frozenset, np.ndarray, float]]] = defaultdict(list)
    for edge in edges:                      # the widest first, so that narrow lines stay on top
        a, b, pair = centres[edge.u], centres[edge.v], frozenset((edge.u, edge.v))
        if np.hypot(*(b - a)) < 1e-6:
            continue
        half = edge.width * px / 2
        others = [(centres[n], r + half + 3 * px) for n, r in reaches.items() if n not in (edge.u, edge.v)]
        marks = [(markers[n], area[n]) for n in (edge.u, edge.v)]
        start, control, stop, rims = _bulge(a, b, shift[edge] * px, others, marks, px,
                                            [[(at, w) for p, at, w in attached[n] if p != pair]
                                             for n in (edge.u, edge.v)], half)
        if np.dot(stop - start, b - a) <= 0:
            continue                        # the nodes overlap: no room for a line
        attached[edge.u].append((pair, start, half))
        attached[edge.v].append((pair, stop, half))
        alpha = PLANNED_ALPHA if edge.dashed else 0.9     # planned: the family's own dash, faint
        chord, rad = stop - start, _rad(start, stop, control)
        line = FancyArrowPatch(*to_data.transform([start, stop]), arrowstyle="-", linewidth=edge.width,
                               connectionstyle=f"arc3,rad={rad:.4f}", color=edge.color, alpha=alpha,
                               linestyle=edge.dash, shrinkA=0, shrinkB=0, zorder=1,
                               gid=f"edge:{edge.u}:{edge.v}:{edge.key}")
        artists.append(ax.add_patch(line))
        if edge.directed:
            artists.append(ax.add_patch(_head(to_data, edge, control, stop, alpha, px)))
        t = np.linspace(0, 1, max(8, int(np.hypot(*chord) / 2)))[:, None]   # a point every 2 pixels
        curve = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop
        points.append(np.column_stack([curve, np.full(len(curve), half)]))
        ends.append((np.hypot(*(curve - a).T) < (rims[0] + 18) * px) | (np.hypot(*(curve - b).T) < (rims[1] + 18) * px))
    if not points:
        return artists, np.empty((0, 3)), np.empty(0, dtype=bool)
    return artists, np.concatenate(points), np.concatenate(ends)


#: Points an arc's middle may move sideways, in steps, to bow round a third node or off another line's end.
BOW_STEP, BOW_STEPS = 5.0, 24


def _bulge(a: np.ndarray, b: np.ndarray, offset: float, others: list[tuple[np.ndarray, float]],
           marks: list[tuple[str, float]], px: float, attached: list[list[tuple[np.ndarray, float]]], half: float
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[float]]:
    """The arc from node ``a`` to node ``b`` (pixels): its start and stop on the two rims, its quadratic Bézier
    control point, and the rims' distances in points. Its middle lies ``offset`` pixels beside the straight line,
    or, where that arc passes within ``others`` (centre, clearance) or ends on another line's end, the nearest
    sideways move that clears them; failing that, the one that comes least near a third node."""
    along = (b - a) / np.hypot(*(b - a))
    normal = np.array([along[1], -along[0]])
    t = np.linspace(0.0, 1.0, max(16, int(np.hypot(*(b - a)) / 3)))[:, None]
    best, best_score = None, (False, False, -math.inf)
    moves = [0.0] + [s * k * BOW_STEP * px for k in range(1, BOW_STEPS + 1) for s in (1, -1)]
    for move in moves:
        control = (a + b) / 2 + normal * 2 * (offset + move)
        start, stop, rims = _arc_ends(a, b, control, marks, px, _spread(a, b, offset, marks, px))
        control = _arc3(start, stop, _rad(start, stop, control))       # the control point matplotlib will draw
        curve = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t ** 2 * stop
        room = min((float(np.min(np.hypot(*(curve - c).T))) - r for c, r in others), default=math.inf)
        score = (room >= 0, not any(_clash(end, half, near) for end, near in zip((start, stop), attached)), room)
        if score[:2] == (True, True):
            return start, control, stop, rims
        if score > best_score:              # clear of the nodes first, then of other ends, then the most room
            best, best_score = (start, control, stop, rims), score
    return best


def _rad(start: np.ndarray, stop: np.ndarray, control: np.ndarray) -> float:
    """matplotlib's ``arc3`` ``rad`` whose control point lies nearest ``control``."""
    chord = stop - start
    return float(np.dot(control - (start + stop) / 2, [chord[1], -chord[0]]) / max(np.dot(chord, chord), 1e-9))


def _arc3(start: np.ndarray, stop: np.ndarray, rad: float) -> np.ndarray:
    """The control point of matplotlib's ``arc3,rad=rad`` from ``start`` to ``stop`` (pixels)."""
    chord = stop - start
    return (start + stop) / 2 + rad * np.array([chord[1], -chord[0]])


def _arc_ends(a: np.ndarray, b: np.ndarray, control: np.ndarray, marks: list[tuple[str, float]], px: float,
              spread: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Where an arc bowed towards ``control`` leaves node ``a`` and meets node ``b`` (centres, pixels): from
    each centre moved by its ``spread`` towards the control point, 1.5 points past the marker's outline; and
    the ends' distances from the centres in points."""
    ends, rims = [], []
    for centre, shift, (marker, size) in zip((a, b), spread, marks):
        way = control - centre - shift
        way = way / max(np.hypot(*way), 1e-9)
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


def _head(to_data: object, edge: Edge, control: np.ndarray, stop: np.ndarray, alpha: float, px: float
          ) -> FancyArrowPatch:
    """The arrowhead of a directed line, its tip on the target's rim, pointing along the arc's last stretch."""
    way = (stop - control) / max(np.hypot(*(stop - control)), 1e-9)
    length = (5 + 1.5 * edge.width) * px
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


def draw_ties(ax: Axes, ties: Iterable[tuple[str, str]], pos: dict) -> list[Artist]:
    """A wide pale band from each member to the group it belongs to (a person to its state), beneath the
    relations: a grouping, not one more kind of line."""
    return [ax.plot(*np.transpose([pos[member], pos[group]]), color=style.MEMBERSHIP_COLOR,
                    lw=style.MEMBERSHIP_WIDTH, solid_capstyle="round", zorder=0.5, gid=f"tie:{member}:{group}")[0]
            for member, group in ties if member in pos and group in pos]


def marker_of(g: nx.MultiDiGraph, node: str) -> str:
    data = g.nodes[node]
    mark = style.EVENT_MARKS[data["type"]] if data["node_type"] == "event" else style.KIND_MARKERS[data["kind"]]
    return mark.marker


def draw_nodes(ax: Axes, g: nx.MultiDiGraph, pos: dict, looks: dict[str, style.NodeLook], markers: dict,
               center: str | None) -> list[Artist]:
    """Draw the nodes, the largest first: actors filled with their side's colour (a white rim keeps them off
    the lines), events in their type's, hollow if planned."""
    artists: list[Artist] = []
    for node in sorted(g, key=lambda n: (-looks[n].area, n)):
        look, marker = looks[node], markers[node]
        event = g.nodes[node]["node_type"] == "event"
        face = "white" if look.hollow else look.color
        rim = style.INK if node == center else look.color if event else "white"
        artists.append(ax.scatter([pos[node][0]], [pos[node][1]], s=look.area * area_scale(marker), marker=marker,
                                  facecolors=face, edgecolors=rim, linewidths=2.4 if node == center else 1.2,
                                  zorder=3, gid=f"node:{node}"))
    return artists


def fit_columns(ax: Axes, pos: dict, texts: dict[str, str], left: list[str], radius: float) -> dict[str, str]:
    """Set the limits so the ``left`` nodes' labels fit on their left and the others' on their right.

    A column's labels get at most a third (left) or half (right) of the
    width; longer ones are cut to fit. Return the labels as they fit.
    """
    renderer = ax.figure.canvas.get_renderer()
    font = label_font()
    width = ax.get_window_extent(renderer).width
    gap = (radius + 12) * ax.figure.dpi / 72
    room = {True: width / 3, False: width / 2}
    fitted = {n: cut(renderer, text, room[n in left]) for n, text in texts.items()}
    a = max(text_width(renderer, fitted[n], font) for n in left) + gap
    b = width - a - max(text_width(renderer, t, font) for n, t in fitted.items() if n not in left) - gap
    ax.set_xlim(-a / b, (width - a) / b)
    ys = [y for _, y in pos.values()]
    pad = (max(ys) - min(ys)) * 0.03 + 0.01
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    return fitted


def label_font() -> FontProperties:
    return FontProperties(size=style.FONT["size"])


def cut(renderer: object, text: str, room: float) -> str:
    """``text`` shortened at a word, with an ellipsis, until it is at most ``room`` pixels wide."""
    font = label_font()
    limit = len(text)
    while limit > 8 and text_width(renderer, shorten(text, limit), font) > room:
        limit -= 2
    return shorten(text, limit)


def label_texts(dataset: Dataset, g: nx.MultiDiGraph, width: int) -> dict[str, str]:
    """Each node's label: a person's surname when it is one of their aliases and no one in the record shares it,
    another actor's name wrapped at ``width`` characters, an event's date and headline."""
    events = {e.id: e for e in dataset.events if e.id in g}
    texts = dict(zip(events, (f"{day_label(e)} · {t}" for e, t in
                              zip(events.values(), event_titles(dataset, list(events.values()))))))
    names = {n: printable(clip(respell(display_name(dataset.actors[n]), dataset.actors[n]), 120))
             for n in g if n not in events}
    short = {n: surname(dataset.actors[n], name) for n, name in names.items()}
    # a surname shared with anyone in the record, drawn or not, is ambiguous (the footer may name the other)
    surnames = Counter(name.split()[-1] for a in dataset.actors.values() if a.kind == "person"
                       for name in [display_name(a)] if name.split())
    shared = {s for s, count in Counter(short.values()).items() if count > 1} | {
        s for n, s in short.items() if s != names[n] and surnames[s] > 1}
    texts.update({n: textwrap.fill(name if short[n] in shared else short[n], width, max_lines=3, placeholder="…")
                  for n, name in names.items()})
    return texts


def label_forms(dataset: Dataset, texts: dict[str, str]) -> dict[str, list[str]]:
    """Shorter forms of each actor's label, tried where the label finds no spot clear of every line: the label on
    two balanced lines, then the actor's abbreviation ('UK', 'US') or shortest Latin alias of two words or more
    ('Russian delegation'), if shorter."""
    forms: dict[str, list[str]] = {}
    for node, text in texts.items():
        flat = " ".join(text.split())
        two = textwrap.fill(flat, max(len(flat) // 2 + 1, max(len(w) for w in flat.split())), max_lines=2,
                            placeholder="…") if " " in flat else flat
        actor = dataset.actors.get(node)
        aliases = [a for a in (actor.aliases if actor and actor.kind != "person" else ()) if a.isascii()]
        short = [a for a in aliases if a.replace(".", "").isupper()] or sorted(
            (a for a in aliases if len(a.split()) > 1), key=len)
        forms[node] = list(dict.fromkeys([text, two, *(a for a in short[:1] if len(a) < len(flat))]))
    return forms


def day_label(event: Event) -> str:
    """The event's date as a short label, to the day: a moment's time and zone are left out."""
    return parse_edtf(event.date.first.isoformat()).label() if event.date.is_moment else event.date.label()


def surname(actor: Actor, name: str) -> str:
    """'Putin' for Vladimir Putin, who is also called Putin; else ``name``."""
    from timeline.names import fold

    last = name.split()[-1] if name.split() else name
    return last if actor.kind == "person" and fold(last) in {fold(clip(a)) for a in actor.aliases} else name


def reach(marker: str, area: float) -> float:
    """Points from a node's centre to the farthest point of its marker (a square's corner): what labels and
    other nodes keep clear of."""
    half = math.sqrt(area * area_scale(marker)) / 2
    return half * (math.sqrt(2) if marker == "s" else 1.0)


def apart(ax: Axes, pos: dict, radius: dict[str, float], gap: float = 6.0) -> dict:
    """``pos`` with the nodes pushed apart until no two come nearer than their radii and ``gap`` (points), kept
    within the axes' limits: a layout's positions do not know how large the nodes are drawn."""
    to_px, px = ax.transData, ax.figure.dpi / 72
    names = list(pos)
    xy = to_px.transform([pos[n] for n in names])
    r = np.array([radius[n] * px for n in names])
    box = ax.get_window_extent().extents
    for _ in range(60):
        moved = False
        for i in range(len(names)):
            d = xy[i + 1:] - xy[i]
            dist = np.hypot(d[:, 0], d[:, 1])
            short = r[i] + r[i + 1:] + gap * px - dist
            for j in np.nonzero(short > 0)[0]:
                k = i + 1 + j
                way = d[j] / dist[j] if dist[j] > 1e-6 else np.array([1.0, 0.0])
                xy[i] -= way * short[j] / 2
                xy[k] += way * short[j] / 2
                moved = True
        xy[:, 0] = np.clip(xy[:, 0], box[0] + r, box[2] - r)
        xy[:, 1] = np.clip(xy[:, 1], box[1] + r, box[3] - r)
        if not moved:
            break
    back = ax.transData.inverted().transform(xy)
    return {n: tuple(p) for n, p in zip(names, back)}


def fit_view(ax: Axes, pos: dict, margin: float = 0.07) -> None:
    """Set the limits so that ``pos`` fills the plot with one scale on both axes, centred."""
    (x0, y0), (x1, y1) = np.min(list(pos.values()), axis=0), np.max(list(pos.values()), axis=0)
    w, h = max(x1 - x0, 0.2), max(y1 - y0, 0.2)
    pad = margin * max(w, h)
    w, h = max(w + 2 * pad, (h + 2 * pad) * aspect(ax)), max(h + 2 * pad, (w + 2 * pad) / aspect(ax))
    ax.set_xlim((x0 + x1 - w) / 2, (x0 + x1 + w) / 2)
    ax.set_ylim((y0 + y1 - h) / 2, (y0 + y1 + h) / 2)


def aspect(ax: Axes) -> float:
    box = ax.get_position()
    w, h = ax.figure.get_size_inches()
    return box.width * w / (box.height * h)


def rims(groups: Iterable) -> dict[str, tuple[float, float]]:
    """Four points on each group's circle (left, right, top, bottom): what a view must hold besides the nodes."""
    return {f"\0{g.side}:{i}": (g.center[0] + dx * g.radius, g.center[1] + dy * g.radius)
            for g in groups for i, (dx, dy) in enumerate(((-1, 0), (1, 0), (0, 1), (0, -1)))}


def group_radii(ax: Axes, groups: Iterable, pos: dict, radius: dict[str, float], pad: float = 5.0
                ) -> dict[str, float]:
    """Each group's radius in data units as drawn: round its members' markers (``radius`` in points) and ``pad``
    points more, and never smaller than the layout made it."""
    px = ax.figure.dpi / 72
    unit = float(np.hypot(*(ax.transData.transform((1, 0)) - ax.transData.transform((0, 0)))))   # pixels a unit
    return {g.side: max(g.radius, *(math.dist(g.center, pos[m]) + (radius[m] + pad) * px / unit for m in g.members))
            for g in groups}


def draw_groups(ax: Axes, groups: Iterable, colors: dict[str, str], names: dict[str, str]
                ) -> list[tuple[float, float, float, float]]:
    """Draw each side's circle (gid ``group:<side>``) at its centre and radius (data units), pale in the side's
    colour with a rim of it, beneath everything, and name the side (gid ``group-label:<side>``) above the circle,
    or below it where the plot ends above: the name stands for the side's own node in the middle too. Return the
    names' boxes in pixels, for the labels to keep clear of."""
    px = ax.figure.dpi / 72
    boxes = []
    renderer = ax.figure.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    for group in groups:
        color = colors.get(group.side, style.OTHER_SIDE)
        center = np.array(group.center)
        ax.add_patch(Circle(tuple(center), group.radius, facecolor=color, alpha=0.09, edgecolor="none", zorder=0.2,
                            gid=f"group:{group.side}"))
        ax.add_patch(Circle(tuple(center), group.radius, facecolor="none", edgecolor=color, linewidth=1.0,
                            alpha=0.7, zorder=0.25, gid=f"group-rim:{group.side}"))
        if group.side not in names:
            continue
        text = ax.text(0, 0, names[group.side], ha="center", va="center", fontsize=style.FONT["size"] + 1,
                       fontweight="bold", color=style.INK, zorder=4,
                       path_effects=[patheffects.withStroke(linewidth=3.0, foreground="white")],
                       gid=f"group-label:{group.side}", parse_math=False)
        size = text.get_window_extent(renderer)
        rim = {way: ax.transData.transform((center[0], center[1] + way * group.radius)) for way in (1, -1)}
        spots = [rim[way] + (0, way * (3 * px + size.height / 2)) for way in (1, -1)]
        boxes.append(_caption_box(spots, size.width, size.height, boxes, plot))
        text.set_position(ax.transData.inverted().transform(((boxes[-1][0] + boxes[-1][2]) / 2,
                                                              (boxes[-1][1] + boxes[-1][3]) / 2)))
    return boxes


def _caption_box(spots: list[np.ndarray], w: float, h: float, taken: list[tuple], plot: object
                 ) -> tuple[float, float, float, float]:
    """The box (pixels) of a circle's name at the first of ``spots`` (centres: above the circle, then below) that
    lies inside the ``plot`` and on no name ``taken``, else at the first."""
    boxes = [(x - w / 2, y - h / 2, x + w / 2, y + h / 2) for x, y in spots]
    for box in boxes:
        inside = plot.x0 <= box[0] and box[2] <= plot.x1 and plot.y0 <= box[1] and box[3] <= plot.y1
        if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            return box
    return boxes[0]
