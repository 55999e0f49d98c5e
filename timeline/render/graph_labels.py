"""Naming the nodes of an actor graph: each label beside its own node, on no other node or label.

A graphics desk's rules, which the placement follows in this order:

1. A label lies inside the plot, and covers no node and no other label.
2. It touches its node (a gap of a few points) wherever it can; failing
   that it may stand at most :data:`MAX_LEADER` points off, joined by a thin
   leader line. A label that cannot be placed so is still drawn at the least
   bad spot beside its node, never across the plot.
3. It is nearer its own node than any other node, so that no reader takes
   one actor's name for its neighbour's; a label less than :data:`NEARER`
   points nearer (judged round 10: "Dmitriev" midway between two nodes) costs
   as much as one on a line, and goes out on a leader if that is clear.
   It keeps :data:`TITLE_PAD` points off a group's name, under which it
   would read as the group's subtitle.
4. It lies on no line: a spot a line crosses costs more than a leader, so a
   label moves out along a leader before it sits on a line.
5. Among the spots left it covers the fewest lines, ends of lines most.

Everything is measured in pixels of the figure as drawn.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple, cast

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from timeline.render import style

#: Gaps between a node's reach and its label tried, in points; at the last a leader joins them. A label further off
#: reads as its neighbour's or as a caption of the line beside it (judged round 7: up to 66 points off); a label that
#: finds no clean spot this near lies on a line, and the lines bow round it (:mod:`timeline.render.graph_edges`).
GAPS = (1.5, 4.0, 7.0, 10.0)
#: Further gaps, tried only where no spot that near is free of other nodes and labels (a crowded cluster): a leader
#: joins such a label to its node, rather than one label lying on another.
FAR = (14.0, 22.0, 32.0, 44.0, 60.0)
MAX_LEADER = FAR[-1]
#: How many of the :data:`GAPS` leave a label touching its node; a label further off gets a leader (judged round 14:
#: 'Mike Waltz' 40 pixels off his node, across two lines, read as theirs).
TOUCHING = 2
#: Directions tried, in degrees, the most readable first: right, left, above, below, then the diagonals.
DIRECTIONS = (0, 180, 90, 270, 35, 145, 325, 215, 60, 120, 300, 240, 15, 165, 345, 195, 75, 105, 285, 255)
HALO = 3.0
#: Points by which a label without a leader lies nearer its own node's rim than any other node's, at least.
NEARER = 3.0
#: Ems of a label's font that two labels side by side, on overlapping lines, keep between them at least (judged round
#: 16: 'Donald Trump' and 'Volodymyr Zelenskyy / President' 17 pixels apart on one baseline read as one name).
SIDE_GAP = 1.0
#: Points a label keeps off the boxes taken before any label (a group's name).
TITLE_PAD = 8.0


class Spot(NamedTuple):
    """Where a label went: its box (x0, y0, x1, y1) in pixels, the point a leader runs to, if any, and which of
    the label's forms it took (0: the first)."""

    box: tuple[float, float, float, float]
    leader: tuple[float, float] | None
    form: int = 0


#: The cost from which a spot lies on a line (see :func:`_covered`), and from which it covers a node or a label or
#: lies nearer another node: only then does a label take a shorter form (a person's name without the role that
#: every other person's label carries, judged round 8).
ON_A_LINE, OVERLAP = 5000.0, 1e4
#: What each line through a label adds to its cost, in line points under it (3 each): a label crossed once by a line
#: running along it reads better than one cut by several (measured by tests/graph_geometry.labels_crossed).
PER_LINE = 150.0
#: What each point of a leader's length adds to a label's cost: a label out on a leader costs less than one on a line
#: (:data:`ON_A_LINE`), more the further out it stands.
LEADER = 40.0


def place(sizes: Sequence[Sequence[tuple[float, float]]], nodes: np.ndarray, bounds: tuple[float, float, float, float],
          edge_points: np.ndarray, edge_ends: np.ndarray, px: float,
          prefer: Sequence[float] | None = None, taken: Sequence[tuple] = (), roled: Sequence[bool] = (),
          circles: np.ndarray | None = None) -> list[Spot]:
    """A spot for each label beside node ``i`` of ``nodes`` (x, y, reach and inner rim in pixels), placed in the
    order given. ``sizes[i]`` are the (width, height) in pixels of the label's forms, the preferred first: the first
    form that finds a clean spot (on no line) wins, else the least bad; where ``roled[i]`` (a person's role) the
    first wherever it covers no node or label. ``circles`` are the sides' circles (x, y, radius in pixels): a label
    lies in no circle but its node's. ``px`` pixels a point. ``edge_points`` are
    (x, y, half the line's width) in pixels, a point every two pixels or so of every line. ``prefer`` turns each
    label's directions (0: right first, 180: left first); ``taken`` are boxes already drawn (a group's name)."""
    circles = np.empty((0, 3)) if circles is None else circles
    taken = [(x0 - TITLE_PAD * px, y0 - TITLE_PAD * px, x1 + TITLE_PAD * px, y1 + TITLE_PAD * px)
             for x0, y0, x1, y1 in taken]
    placed = _place_in(range(len(sizes)), sizes, nodes, bounds, edge_points, edge_ends, px, prefer, taken, roled,
                       circles)
    hemmed = [i for i, (cost, _) in placed.items() if cost >= OVERLAP]
    if hemmed:      # round 12: a label on a node or label, or nearer another node (Peskov's, its spots taken by its
        # neighbours' labels, lay nearer Putin's node): placed again before the others, kept if fewer are so placed
        again = _place_in([*hemmed, *(i for i in placed if i not in hemmed)], sizes, nodes, bounds, edge_points,
                          edge_ends, px, prefer, taken, roled, circles)
        if sum(cost >= OVERLAP for cost, _ in again.values()) < len(hemmed):
            placed = again
    return [placed[i][1] for i in range(len(sizes))]


def _place_in(order: Sequence[int], sizes: Sequence[Sequence[tuple[float, float]]], nodes: np.ndarray,
              bounds: tuple[float, float, float, float], edge_points: np.ndarray, edge_ends: np.ndarray, px: float,
              prefer: Sequence[float] | None, taken: Sequence[tuple], roled: Sequence[bool],
              circles: np.ndarray) -> dict[int, tuple[float, Spot]]:
    """:func:`place`'s spots (and their costs) by label, the labels placed in ``order``."""
    titles, taken = len(taken), list(taken)
    out = {}
    for i in order:
        forms = sizes[i]
        tried = [_spot(w, h, nodes, i, bounds, edge_points, edge_ends, px, prefer[i] if prefer else 0.0, taken,
                       circles, titles)
                 for w, h in forms]
        role = i < len(roled) and roled[i]
        usual = range(len(tried) - 1 if role else min(len(tried), 2))      # a person's name alone: a last resort
        clean = next((k for k in usual if tried[k][0] < ON_A_LINE), None)
        form = min(usual, key=lambda k: tried[k][0]) if clean is None else clean
        if tried[form][0] >= OVERLAP:       # round 12: on a node or label, or nearer another node
            form = min(range(len(tried)), key=lambda k: tried[k][0])
        spot = tried[form][1]._replace(form=form)
        taken.append(spot.box)
        out[i] = (tried[form][0], spot)
    return out


def _spot(w: float, h: float, nodes: np.ndarray, i: int, bounds: tuple, edge_points: np.ndarray,
          edge_ends: np.ndarray, px: float, prefer: float, taken: list[tuple], circles: np.ndarray,
          titles: int = 0) -> tuple[float, Spot]:
    """The best spot for a ``w`` x ``h`` label of node ``i``, and its cost: of the usual directions, else (where
    each of them lies on a line) of every tenth degree. The first ``titles`` of ``taken`` are group names."""
    x, y, r, inner = nodes[i][:4]
    near = np.hypot(edge_points[:, 0] - x, edge_points[:, 1] - y) < r + (MAX_LEADER + 6) * px + w + h
    points, ends = edge_points[near], edge_ends[near]
    own = np.hypot(circles[:, 0] - x, circles[:, 1] - y) < circles[:, 2]

    def search(angles: Sequence[float], gaps: Sequence[float] = GAPS) -> tuple[float, tuple, int]:
        best: tuple[float, tuple, int] = (math.inf, (x, y, x, y), 0)
        far = gaps is FAR
        turns = np.radians(np.asarray(angles, dtype=float))
        rims = _rims(r, inner, turns)
        for ring, gap in enumerate(gaps):
            if best[0] < 1e3 + far * LEADER * FAR[-1]:      # a clean spot nearer the node beats any further out
                break
            boxes = _boxes(x, y, rims + gap * px, turns, w, h)
            cost = (1e6 * _outside(boxes, bounds) + 1e5 * _on_nodes(boxes, nodes, px)
                    + 1e5 * _on_boxes(boxes, taken[:titles], 1.5 * px)
                    + 1e5 * _on_boxes(boxes, taken[titles:], 1.5 * px, SIDE_GAP * cast(float, style.FONT["size"]) * px)
                    + 1e4 * _nearer_other(boxes, nodes, i, -0.5)
                    + ON_A_LINE * (not far) * _nearer_other(boxes, nodes, i, NEARER * px)
                    + 1e4 * _in_circles(boxes, circles[~own])
                    + 1e3 * (ring > 2 and not far) + 30 * ring + 2 * np.arange(len(turns))
                    + _covered(boxes, points, ends, 1.5 * px))
            if far:                         # a leader: the longer and the more lines it crosses, the worse
                cost += LEADER * gap + np.array([PER_LINE * _leader_lines(x, y, r, box, points) if c < best[0] else 0.0
                                                 for box, c in zip(boxes, cost)])
            k = int(np.argmin(cost))
            if cost[k] < best[0]:
                best = (float(cost[k]), tuple(float(v) for v in boxes[k]), ring)
        return best

    best = search(_turned(prefer))
    if best[0] >= ON_A_LINE:
        best = min(best, search(range(5, 360, 10)), key=lambda b: b[0])
    if best[0] >= ON_A_LINE:                # on a line, another label or node: out along a leader if that is clear
        further = search(range(5, 360, 10), FAR)
        if further[0] < best[0]:
            best = (further[0], further[1], len(GAPS) - 1)      # a leader joins it
    cost, box, ring = best
    leader = (float(np.clip(x, box[0], box[2])), float(np.clip(y, box[1], box[3]))) if ring >= TOUCHING else None
    return cost, Spot(box, leader)


def _leader_lines(x: float, y: float, r: float, box: tuple, points: np.ndarray) -> int:
    """How many lines (of ``points``, see :func:`place`) a leader from the rim (radius ``r``) of the node at (x, y)
    to the nearest point of ``box`` crosses."""
    tip = np.array((float(np.clip(x, box[0], box[2])), float(np.clip(y, box[1], box[3]))))
    way = tip - (x, y)
    length = float(np.hypot(*way))
    if length <= r or not len(points):
        return 0
    way /= length
    reach = float(points[:, 2].max()) + 1.0      # only the points beside the leader: the same count
    points = points[(points[:, 0] >= min(x, tip[0]) - reach) & (points[:, 0] <= max(x, tip[0]) + reach)
                    & (points[:, 1] >= min(y, tip[1]) - reach) & (points[:, 1] <= max(y, tip[1]) + reach)]
    rel = points[:, :2] - (x, y)
    along = rel @ way
    off = np.abs(rel[:, 0] * way[1] - rel[:, 1] * way[0])
    near = (along > r) & (along < length) & (off < points[:, 2] + 1.0)
    return len(np.unique(points[near, 3])) if points.shape[1] > 3 else int(near.any())


def draw_labels(ax: Axes, order: list[str], pos: dict, radius: dict[str, float], texts: dict[str, str],
                points: np.ndarray, ends: np.ndarray, prefer: dict[str, float] | None = None,
                taken: Sequence[tuple] = (), forms: dict[str, Sequence[str]] | None = None,
                inside: dict[str, float] | None = None, circles: Sequence[tuple] = ()) -> list[Artist]:
    """Name the nodes of ``order`` (the most important first) at the spots :func:`place` finds; return the
    texts and leader lines (gids ``label:<node>``, ``leader:<node>``). ``forms`` gives shorter forms of a
    label, tried in turn where ``texts[node]`` finds no spot clear of every line; ``inside`` the share of a node's
    reach its marker's inner rim lies at (a square's side: 1/√2), for telling which node a label is nearest; ``circles``
    the sides' circles ((x, y), radius in data units)."""
    figure = ax.figure
    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    halo = [patheffects.withStroke(linewidth=HALO, foreground="white")]
    texts_drawn = [ax.text(0, 0, texts[n], ha="center", va="center", fontsize=style.FONT["size"], color=style.INK,
                           zorder=4, path_effects=halo, gid=f"label:{n}", parse_math=False) for n in order]
    words = [[texts[n], *(f for f in (forms or {}).get(n, ()) if f != texts[n])] for n in order]
    sizes = [[_measure(text, form, renderer) for form in options] for text, options in zip(texts_drawn, words)]
    all_nodes = list(pos)
    centres = ax.transData.transform([pos[n] for n in order + [n for n in all_nodes if n not in order]])
    everyone = order + [n for n in all_nodes if n not in order]
    rims = [radius[n] * px for n in everyone]
    inner = [r * (inside or {}).get(n, 1.0) for n, r in zip(everyone, rims)]
    nodes = np.column_stack([centres, rims, inner])
    spots = place(sizes, nodes, tuple(ax.get_window_extent(renderer).extents), points, ends, px,
                  [(prefer or {}).get(n, 0.0) for n in order], taken,
                  [len(w) > 1 and w[-1] == w[0].split("\n")[0] for w in words],      # a person's role, kept
                  _pixels(ax, circles))
    to_data = ax.transData.inverted()
    artists: list[Artist] = list(texts_drawn)
    for node, text, spot, (x, y, r, _), options in zip(order, texts_drawn, spots, nodes, words):
        box = spot.box
        text.set_text(options[spot.form])
        text.set_multialignment(flush(box, x))
        text.set_position(to_data.transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)))
        if spot.leader is not None:
            direction = np.subtract(spot.leader, (x, y))
            rim = np.array((x, y)) + direction / max(np.hypot(*direction), 1e-9) * r
            artists += ax.plot(*to_data.transform([rim, spot.leader]).T, color=style.INK, linewidth=0.5, zorder=2,
                               gid=f"leader:{node}")
    return artists


def _pixels(ax: Axes, circles: Sequence[tuple]) -> np.ndarray:
    """``circles`` ((x, y), radius in data units) as rows of x, y and radius in pixels."""
    if not circles:
        return np.empty((0, 3))
    centres = ax.transData.transform([c for c, _ in circles])
    rims = ax.transData.transform([(c[0] + r, c[1]) for c, r in circles])
    return np.column_stack([centres, rims[:, 0] - centres[:, 0]])


def flush(box: tuple, x: float) -> str:
    """How a label's lines align: flush towards its node (at ``x`` pixels) where the label (``box``, pixels) lies
    to its right or left, so that each line starts at the node's side (judged round 14: 'Mike Waltz' centred over
    a longer role stood off his node), else centred."""
    return "left" if box[0] >= x else "right" if box[2] <= x else "center"


def _measure(text: Artist, words: str, renderer: object) -> tuple[float, float]:
    """The (width, height) in pixels of ``text`` when it reads ``words``."""
    text.set_text(words)
    box = text.get_window_extent(renderer)
    return box.width, box.height


def _rims(reach: float, inner: float, angles: np.ndarray) -> np.ndarray:
    """Pixels from a node's centre to its outline towards each of ``angles`` (radians): its ``reach`` for a circle,
    for a square (``inner`` its half side, less than its reach) its side or corner, so that a label beside a large
    square touches its side rather than the circle round its corners."""
    if inner >= reach - 1e-9:
        return np.full(len(angles), reach)
    return np.minimum(reach, inner / np.maximum(np.abs(np.cos(angles)), np.abs(np.sin(angles))))


def _turned(prefer: float) -> list[float]:
    return [(prefer + d) % 360 for d in DIRECTIONS]


def _boxes(x: float, y: float, reach: np.ndarray, angles: np.ndarray, w: float, h: float) -> np.ndarray:
    """The ``w`` x ``h`` boxes (rows of x0, y0, x1, y1) ``reach`` pixels from (x, y) towards each of ``angles``
    (radians), each touching that point's circle."""
    dx, dy = np.cos(angles), np.sin(angles)
    cx = x + dx * reach + np.where(np.abs(dx) < 1e-6, 0.0, np.copysign(w / 2, dx))
    cy = y + dy * reach + np.where(np.abs(dy) < 1e-6, 0.0, np.copysign(h / 2, dy))
    return np.column_stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])


def _outside(boxes: np.ndarray, bounds: tuple) -> np.ndarray:
    return ((boxes[:, 0] < bounds[0]) | (boxes[:, 1] < bounds[1]) | (boxes[:, 2] > bounds[2])
            | (boxes[:, 3] > bounds[3]))


def _gaps(boxes: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Pixels from each box (rows) to each node's centre (columns)."""
    x, y = nodes[:, 0], nodes[:, 1]
    dx = np.maximum(np.maximum(boxes[:, :1] - x, 0), x - boxes[:, 2:3])
    dy = np.maximum(np.maximum(boxes[:, 1:2] - y, 0), y - boxes[:, 3:4])
    return np.hypot(dx, dy)


def _on_nodes(boxes: np.ndarray, nodes: np.ndarray, pad: float) -> np.ndarray:
    """How many nodes each box covers (its own node too, if the box cuts into it)."""
    return np.count_nonzero(_gaps(boxes, nodes) < nodes[:, 2] + pad, axis=1)


def _on_boxes(boxes: np.ndarray, taken: list[tuple], pad: float, across: float = 0.0) -> np.ndarray:
    """How many of the boxes ``taken`` each box overlaps, ``pad`` pixels round them, or lies within ``across`` pixels
    of side by side, their lines overlapping (two labels on one baseline closer than that read as one name)."""
    if not taken:
        return np.zeros(len(boxes))
    t = np.asarray(taken, dtype=float)
    on = ((boxes[:, :1] < t[:, 2] + pad) & (t[:, 0] < boxes[:, 2:3] + pad)
          & (boxes[:, 1:2] < t[:, 3] + pad) & (t[:, 1] < boxes[:, 3:4] + pad))
    beside = ((boxes[:, :1] < t[:, 2] + across) & (t[:, 0] < boxes[:, 2:3] + across)
              & (boxes[:, 1:2] < t[:, 3]) & (t[:, 1] < boxes[:, 3:4]))
    return np.count_nonzero(on | beside, axis=1)


def _in_circles(boxes: np.ndarray, circles: np.ndarray) -> np.ndarray:
    """Does each box reach into any of ``circles`` (rows of x, y, radius)? (Judged round 16: a label under another
    side's circle, or its leader into one, was pinned on that side.)"""
    if not len(circles):
        return np.zeros(len(boxes), dtype=bool)
    return np.asarray((_gaps(boxes, circles) < circles[:, 2]).any(axis=1))


def _nearer_other(boxes: np.ndarray, nodes: np.ndarray, own: int, margin: float) -> np.ndarray:
    """Does another node's rim lie less than ``margin`` pixels further from each box than its own node's rim?"""
    gaps = _gaps(boxes, nodes) - nodes[:, -1]                    # to the marker's inner rim
    if len(nodes) < 2:
        return np.zeros(len(boxes), dtype=bool)
    return np.delete(gaps, own, axis=1).min(axis=1) < gaps[:, own] + margin


def _covered(boxes: np.ndarray, points: np.ndarray, ends: np.ndarray, pad: float) -> np.ndarray:
    """The cost of the line points under each box (grown by ``pad`` and each line's half width): ON_A_LINE if any
    (a label on a line is worse than a leader), :data:`PER_LINE` a line (each line through a label breaks its
    words once), 3 a point, 20 a point near an end."""
    grow = pad + points[:, 2]
    near = ((points[:, 0] >= boxes[:, 0].min() - grow) & (points[:, 0] <= boxes[:, 2].max() + grow)
            & (points[:, 1] >= boxes[:, 1].min() - grow) & (points[:, 1] <= boxes[:, 3].max() + grow))
    points, ends, grow = points[near], ends[near], grow[near]     # only the points under some box: the same cost
    if not len(points):
        return np.zeros(len(boxes))
    under = ((points[:, 0] >= boxes[:, :1] - grow) & (points[:, 0] <= boxes[:, 2:3] + grow)
             & (points[:, 1] >= boxes[:, 1:2] - grow) & (points[:, 1] <= boxes[:, 3:4] + grow))
    ids = points[:, 3].astype(int) if points.shape[1] > 3 else np.zeros(len(points), dtype=int)
    hit = np.zeros((len(boxes), int(ids.max()) + 1), dtype=bool)
    k, p = np.nonzero(under)
    hit[k, ids[p]] = True
    lines = hit.sum(axis=1)
    return np.where(lines > 0, ON_A_LINE + PER_LINE * lines + 3 * under.sum(axis=1) + 17 * (under & ends).sum(axis=1),
                    0.0)
