"""Where things go in a graph drawing: seeded node layouts and labels that avoid each other.

Layouts are deterministic: the same graph gives the same positions. Each
connected part is laid out on its own and the parts are packed in rows,
largest first, so a pair of actors off to the side does not squash the rest.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

SEED = 7
Point = tuple[float, float]


def layout_positions(graph: nx.Graph, layout: str = "auto", aspect: float = 1.5, seed: int = SEED
                     ) -> dict[str, Point]:
    """Positions in the unit square for the nodes of an undirected ``graph``.

    ``stress`` draws the nodes as far apart as the path between them is long (edge
    attribute ``length``, default 1), like Kamada-Kawai;
    ``spring`` is networkx's force-directed layout, weighted by ``weight``;
    ``circular`` puts each part's nodes on a circle in the graph's node order. ``seed`` starts the force layouts.
    """
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    boxes = [_part_layout(_subgraph(graph, nodes), nodes, layout, seed) for nodes in parts]
    return _normalise(_pack(boxes, aspect))


def _subgraph(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """A copy of ``graph`` on ``nodes``, in their order (a subgraph view may follow set order, which varies)."""
    part = nx.Graph()
    part.add_nodes_from(nodes)
    part.add_edges_from(sorted(graph.subgraph(nodes).edges(data=True), key=lambda e: sorted(e[:2])))
    return part


def _part_layout(graph: nx.Graph, nodes: list[str], layout: str, seed: int = SEED) -> dict[str, np.ndarray]:
    """One connected part, scaled so that neighbours sit about one unit apart."""
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    if layout == "circular":
        order = [n for n in graph if n in set(nodes)]
        xy = nx.circular_layout(order, scale=max(1.0, len(nodes) / (2 * math.pi)))
        return {n: np.asarray(xy[n]) for n in nodes}
    start = nx.spring_layout(graph, seed=seed, weight="weight", iterations=200)
    xy = np.array([start[n] for n in nodes])
    if layout in ("auto", "stress"):
        xy = _stress(graph, nodes, xy)
    else:
        xy *= math.sqrt(len(nodes)) / max(np.ptp(xy, axis=0).max(), 1e-9)
    return dict(zip(nodes, _landscape(xy)))


def _stress(graph: nx.Graph, nodes: list[str], xy: np.ndarray, iterations: int = 300) -> np.ndarray:
    """Stress majorization (Gansner, Koren and North 2004) from ``xy``: drawn distance ~ path ``length``."""
    hops = dict(nx.all_pairs_dijkstra_path_length(graph, weight="length"))
    dist = np.array([[hops[u][v] for v in nodes] for u in nodes], dtype=float)
    weight = np.divide(1.0, dist ** 2, out=np.zeros_like(dist), where=dist > 0)
    xy = xy * (dist.max() / max(np.ptp(xy, axis=0).max(), 1e-9))
    for _ in range(iterations):
        diff = xy[:, None, :] - xy[None, :, :]
        norm = np.maximum(np.linalg.norm(diff, axis=2), 1e-9)
        target = xy[None, :, :] + dist[:, :, None] * diff / norm[:, :, None]
        xy = (weight[:, :, None] * target).sum(axis=1) / weight.sum(axis=1)[:, None]
    return xy


def _landscape(xy: np.ndarray) -> np.ndarray:
    """Rotate points so their longest spread runs left to right."""
    centred = xy - xy.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(centred.T))
    rotated = centred @ vectors[:, ::-1]
    return rotated * np.where(np.abs(rotated.min(axis=0)) > rotated.max(axis=0), -1, 1)


def _pack(boxes: list[dict[str, np.ndarray]], aspect: float, gap: float = 1.0) -> dict[str, np.ndarray]:
    """Place the parts in rows, left to right, the rows no wider than the whole is tall x ``aspect``."""
    sizes = [np.ptp(np.array(list(b.values())), axis=0) for b in boxes]
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    width = max(math.sqrt(area * aspect), max(w for w, _ in sizes))
    placed: dict[str, np.ndarray] = {}
    x = y = row_height = 0.0
    for box, (w, h) in zip(boxes, sizes):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        low = np.array(list(box.values())).min(axis=0)
        for node, point in box.items():
            placed[node] = point - low + (x, y - h)
        x, row_height = x + w + gap, max(row_height, h)
    return placed


def _normalise(xy: dict[str, np.ndarray]) -> dict[str, Point]:
    """Scale positions into the unit square, keeping their proportions."""
    points = np.array(list(xy.values()))
    low, span = points.min(axis=0), max(np.ptp(points, axis=0).max(), 1e-9)
    return {node: tuple(float(c) for c in (p - low) / span) for node, p in xy.items()}


def two_columns(left: Sequence[str], right: Sequence[str], links: dict[str, list[str]]) -> dict[str, Point]:
    """``right`` nodes top to bottom in their order, ``left`` nodes beside the rows they link to.

    Left nodes are ordered by the mean row of their links (the barycentre,
    which keeps lines short and crossings few). Both columns share one row
    pitch; the shorter one is centred.
    """
    rows = {node: i for i, node in enumerate(right)}
    order = sorted(left, key=lambda n: (sum(rows[r] for r in links[n]) / max(len(links[n]), 1), n))
    pitch = 1 / max(len(left) - 1, len(right) - 1, 1)

    def column(nodes: Sequence[str], x: float) -> dict[str, Point]:
        return {node: (x, 0.5 + ((len(nodes) - 1) / 2 - i) * pitch) for i, node in enumerate(nodes)}

    return {**column(order, 0.0), **column(right, 1.0)}


@dataclass
class Label:
    """A label to place next to a node: its text artist, the node's centre and radius in pixels."""

    text: object            # matplotlib.text.Text
    x: float
    y: float
    radius: float
    prefer: float = 0.0     # preferred direction in degrees, 0 = right of the node


#: Directions tried, by preference: beside, above and below, then the diagonals.
DIRECTIONS = (0, 180, 90, 270, 30, 150, 330, 210, 60, 120, 300, 240)
#: Gaps between node and label tried, in points; past the second a leader line joins them.
GAPS = (2.5, 10, 20, 34, 52, 80, 115, 160)


def place_labels(labels: list[Label], renderer: object, bounds: tuple[float, float, float, float],
                 edge_points: np.ndarray, edge_ends: np.ndarray, points_to_px: float,
                 ) -> list[tuple[Label, Point, Point | None]]:
    """The free spot nearest each node for its label: (label, centre, leader) in pixels.

    Labels are placed in the order given (put the important ones first).
    A spot must lie within ``bounds`` (x0, y0, x1, y1) and clear every node
    and every label placed before; among those, the nearest spot covering
    the fewest edge points wins, and points near an edge's end
    (``edge_ends``) count most. If no spot is clear, the least bad is taken.
    ``leader`` is the point of the label nearest its node when the label sits
    well apart from it (a line should join them), else ``None``.
    """
    nodes = np.array([(lab.x, lab.y, lab.radius) for lab in labels]).reshape(-1, 3)
    taken: list[tuple[float, float, float, float]] = []
    placed = []
    pad = 2 * points_to_px
    for label in labels:
        extent = label.text.get_window_extent(renderer)
        w, h = extent.width, extent.height
        reach = label.radius + (GAPS[-1] + 4) * points_to_px + w + h
        near = np.hypot(edge_points[:, 0] - label.x, edge_points[:, 1] - label.y) < reach
        points, ends = edge_points[near], edge_ends[near]
        best = (math.inf, (0.0, 0.0, 0.0, 0.0), 0)
        for ring, gap in enumerate(GAPS):
            if best[0] <= ring * 12:        # no spot further out can cost less
                break
            for turn, angle in enumerate(_directions(label.prefer)):
                cx, cy = _centre(label, gap * points_to_px, angle, w, h)
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                cost = (ring * 12 + turn + _outside(box, bounds) * 1e5 + _hits_nodes(box, nodes, pad) * 1e4
                        + _hits_boxes(box, taken, pad) * 1e4 + _covered(box, points, ends, pad))
                if cost < best[0]:
                    best = (cost, box, ring)
        _, box, ring = best
        taken.append(box)
        leader = (float(np.clip(label.x, box[0], box[2])), float(np.clip(label.y, box[1], box[3])))
        placed.append((label, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), leader if ring > 1 else None))
    return placed


def _directions(prefer: float) -> list[float]:
    return [(prefer + d) % 360 for d in DIRECTIONS]


def _centre(label: Label, gap: float, angle: float, w: float, h: float) -> Point:
    """The centre of a ``w`` x ``h`` box that sits ``gap`` beyond the node's edge towards ``angle``."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    reach = label.radius + gap
    return label.x + dx * reach + _sign(dx) * w / 2, label.y + dy * reach + _sign(dy) * h / 2


def _sign(value: float) -> float:
    return 0.0 if abs(value) < 1e-6 else math.copysign(1.0, value)


def _outside(box: tuple, bounds: tuple) -> bool:
    return box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]


def _hits_nodes(box: tuple, nodes: np.ndarray, pad: float) -> int:
    """How many node discs the box touches."""
    nearest_x = np.clip(nodes[:, 0], box[0], box[2])
    nearest_y = np.clip(nodes[:, 1], box[1], box[3])
    return int(np.count_nonzero(np.hypot(nodes[:, 0] - nearest_x, nodes[:, 1] - nearest_y) < nodes[:, 2] + pad))


def _hits_boxes(box: tuple, taken: list[tuple], pad: float) -> int:
    return sum(box[0] < t[2] + pad and t[0] < box[2] + pad and box[1] < t[3] + pad and t[1] < box[3] + pad
               for t in taken)


def _covered(box: tuple, points: np.ndarray, ends: np.ndarray, pad: float) -> float:
    """The cost of the edge points under the box (grown by ``pad``): 10 if any, plus 3 a point, 20 near an end."""
    if not len(points):
        return 0.0
    inside = ((points[:, 0] > box[0] - pad) & (points[:, 0] < box[2] + pad)
              & (points[:, 1] > box[1] - pad) & (points[:, 1] < box[3] + pad))
    hits = np.count_nonzero(inside)
    return float(10 * (hits > 0) + 3 * hits + 17 * np.count_nonzero(inside & ends))
