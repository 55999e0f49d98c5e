"""Drawing an actor graph's nodes, membership ties and side circles, and fitting the view to them. Each helper
takes the ``ax`` to draw on and returns the artists it added (or the positions it moved). The relations' lines are
drawn by :mod:`timeline.render.graph_edges`, the labels' words chosen by :mod:`timeline.render.graph_names`.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle

from timeline.render import style
from timeline.render.markers import area_scale
from timeline.render.text import shorten, text_width


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


def reach(marker: str, area: float) -> float:
    """Points from a node's centre to the farthest point of its marker (a square's corner): what labels and
    other nodes keep clear of."""
    half = math.sqrt(area * area_scale(marker)) / 2
    return half * (math.sqrt(2) if marker == "s" else 1.0)


#: Points between the rims of two nodes a line joins, at least: room for an arrowhead at each end and the line
#: between them to be seen (judged round 10: Russia and Ukraine nearly touching, seven relations knotted between).
JOINED_GAP = 44.0


def apart(ax: Axes, pos: dict, radius: dict[str, float], gap: float = 6.0,
          joined: Iterable[tuple[str, str]] = ()) -> dict:
    """``pos`` with the nodes pushed apart until no two come nearer than their radii and ``gap`` (points), or
    :data:`JOINED_GAP` for the pairs a line ``joined``, kept within the axes' limits: a layout's positions do not
    know how large the nodes are drawn."""
    to_px, px = ax.transData, ax.figure.dpi / 72
    names = list(pos)
    xy = to_px.transform([pos[n] for n in names])
    r = np.array([radius[n] * px for n in names])
    index = {n: i for i, n in enumerate(names)}
    gaps = np.full((len(names), len(names)), gap * px)
    for u, v in joined:
        if u in index and v in index:
            gaps[index[u], index[v]] = gaps[index[v], index[u]] = JOINED_GAP * px
    box = ax.get_window_extent().extents
    for _ in range(60):
        moved = False
        for i in range(len(names)):
            d = xy[i + 1:] - xy[i]
            dist = np.hypot(d[:, 0], d[:, 1])
            short = r[i] + r[i + 1:] + gaps[i, i + 1:] - dist
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


def fit_view(ax: Axes, pos: dict, margin: float = 0.07, across: float | None = None) -> None:
    """Set the limits so that ``pos`` fills the plot with one scale on both axes, centred, ``margin`` of the
    larger extent clear on every side; given ``across``, that share of the width clear left and right and
    ``margin`` of the height above and below (a wide plot's room for names above the circles need not grow with
    its width)."""
    (x0, y0), (x1, y1) = np.min(list(pos.values()), axis=0), np.max(list(pos.values()), axis=0)
    w, h = max(x1 - x0, 0.2), max(y1 - y0, 0.2)
    pad, side = (margin * max(w, h),) * 2 if across is None else (margin * h, across * w)
    w, h = max(w + 2 * side, (h + 2 * pad) * aspect(ax)), max(h + 2 * pad, (w + 2 * side) / aspect(ax))
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
