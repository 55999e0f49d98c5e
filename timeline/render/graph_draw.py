"""Drawing an actor graph's parts: relations, membership ties, nodes and labels. Each helper takes the ``ax``
to draw on and returns the artists it added (plus what later steps need).

Several relations between one pair run side by side as parallel lines,
like lanes of a road, each with its arrowhead at its middle: seven
relations between two states stay seven readable lines, and no heads pile
up at a node's corner. Relations are told apart by colour and by dash
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
    """Draw each edge as a straight line from rim to rim, beside its parallels, a directed one with its head at
    its middle, or moved along it off another head (:data:`HEAD_SPOTS`), its ends moved sideways off other
    lines at the same node (:data:`SPREAD`); return the artists, points along the lines (x, y and half the
    line's width, in pixels) and which lie near an end."""
    px = ax.figure.dpi / 72
    to_data = ax.transData.inverted()
    artists: list[Artist] = []
    points, ends, heads = [], [], []
    shift = offsets(edges)
    attached: dict[str, list[tuple[np.ndarray, float]]] = defaultdict(list)
    for edge in edges:                      # the widest first, so that narrow lines stay on top
        a, b = ax.transData.transform([pos[edge.u], pos[edge.v]])
        along = (b - a) / max(np.hypot(*(b - a)), 1e-9)
        half = edge.width * px / 2
        away = 1.0
        for step in SPREAD:                 # off the ends of other lines at the same node, away from them
            offset = shift[edge] + away * step * (edge.width + LANE_GAP)
            start, stop, rims = _line(a, b, along, offset, px, [(markers[n], area[n]) for n in (edge.u, edge.v)])
            hit = [at for node, end in ((edge.u, start), (edge.v, stop)) for at in _clash(end, half, attached[node])]
            if not hit:
                break
            if step == 0:                   # step to the side the line's neighbour is not on
                away = 1.0 if np.dot(start - hit[0], np.array([along[1], -along[0]])) >= 0 else -1.0
        if np.dot(stop - start, along) <= 0:
            continue                        # the nodes overlap: no room for a line
        attached[edge.u].append((start, half))
        attached[edge.v].append((stop, half))
        alpha = PLANNED_ALPHA if edge.dashed else 0.9     # planned: the family's own dash, faint
        line = FancyArrowPatch(*to_data.transform([start, stop]), arrowstyle="-", linewidth=edge.width,
                               color=edge.color, alpha=alpha, linestyle=edge.dash,
                               shrinkA=0, shrinkB=0, zorder=1, gid=f"edge:{edge.u}:{edge.v}:{edge.key}")
        artists.append(ax.add_patch(line))
        if edge.directed:
            head = 4 + 1.5 * edge.width
            mid = _head_at(start, stop, heads, 3 * (head + 2) * px)
            heads.append(mid)
            artists.append(ax.add_patch(FancyArrowPatch(
                *to_data.transform([mid - along * head * px, mid + along * head * px]), arrowstyle="-|>",
                mutation_scale=9 + 2.5 * edge.width, linewidth=0, color=edge.color, alpha=alpha, shrinkA=0,
                shrinkB=0, zorder=1.5, gid=f"head:{edge.u}:{edge.v}:{edge.key}")))
        t = np.linspace(0, 1, max(8, int(np.hypot(*(stop - start)) / 2)))[:, None]   # a point every 2 pixels
        curve = (1 - t) * start + t * stop
        points.append(np.column_stack([curve, np.full(len(curve), edge.width * px / 2)]))
        ends.append((np.hypot(*(curve - a).T) < (rims[0] + 18) * px) | (np.hypot(*(curve - b).T) < (rims[1] + 18) * px))
    if not points:
        return artists, np.empty((0, 3)), np.empty(0, dtype=bool)
    return artists, np.concatenate(points), np.concatenate(ends)


#: Sideways steps (in line widths) a line takes so that its ends stay off other pairs' lines at the same node.
SPREAD = (0, 1, -1, 2, -2, 3, -3)


def _line(a: np.ndarray, b: np.ndarray, along: np.ndarray, offset: float, px: float,
          marks: list[tuple[str, float]]) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """The ends (pixels) of a line ``offset`` points beside the one from ``a`` to ``b``, cut at the two nodes'
    rims (``marks``: each node's marker and area), and the rims' distances in points."""
    normal = np.array([along[1], -along[0]]) * offset * px
    rims = [_rim(marker, area, end - other, abs(offset)) + 1.5
            for (marker, area), end, other in zip(marks, (a, b), (b, a))]
    return a + normal + along * rims[0] * px, b + normal - along * rims[1] * px, rims


def _clash(end: np.ndarray, half: float, others: list[tuple[np.ndarray, float]]) -> list[np.ndarray]:
    """The ends of other lines at the same node that a line's ``end`` (``half`` its width) lies on."""
    return [at for at, width in others if np.hypot(*(end - at)) < half + width + 0.5]


#: Where along a line its arrowhead may go, the middle first: a head moves off another head (lines converging on
#: one node) rather than lie on it.
HEAD_SPOTS = (0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8)


def _head_at(start: np.ndarray, stop: np.ndarray, heads: list[np.ndarray], clear: float) -> np.ndarray:
    """The first spot of :data:`HEAD_SPOTS` on the line from ``start`` to ``stop`` at least ``clear`` pixels from
    every head already drawn, else the one farthest from them."""
    spots = [start + (stop - start) * t for t in HEAD_SPOTS]
    room = [min((float(np.hypot(*(spot - h))) for h in heads), default=math.inf) for spot in spots]
    return next((spot for spot, r in zip(spots, room) if r >= clear), spots[int(np.argmax(room))])


def draw_ties(ax: Axes, ties: Iterable[tuple[str, str]], pos: dict) -> list[Artist]:
    """A wide pale band from each member to the group it belongs to (a person to its state), beneath the
    relations: a grouping, not one more kind of line."""
    return [ax.plot(*np.transpose([pos[member], pos[group]]), color=style.MEMBERSHIP_COLOR,
                    lw=style.MEMBERSHIP_WIDTH, solid_capstyle="round", zorder=0.5, gid=f"tie:{member}:{group}")[0]
            for member, group in ties if member in pos and group in pos]


def _rim(marker: str, area: float, direction: np.ndarray, offset: float = 0.0) -> float:
    """Points from the centre of a ``marker`` of ``area`` to its outline, towards ``direction``; for a line
    ``offset`` points beside the centre, to where that line meets the outline."""
    size = math.sqrt(area * area_scale(marker))
    c, s = np.abs(direction) / max(np.hypot(*direction), 1e-9)
    if marker == "s":
        rim = size / 2 / max(c, s)
    elif marker == "D":
        rim = size * math.sqrt(0.5) / (c + s)
    else:
        rim = size / 2
    return math.sqrt(max(rim * rim - offset * offset, 0.0)) if offset < rim else 0.0


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
