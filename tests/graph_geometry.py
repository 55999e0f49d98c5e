"""Geometry of a drawn actor graph, measured in pixels from its artists (shared by the graph tests)."""
from __future__ import annotations

from itertools import combinations

import numpy as np
from matplotlib.path import Path
from matplotlib.transforms import Affine2D


def by_gid(figure, kind: str) -> dict[str, object]:
    """Every artist of the figure whose gid starts with ``kind:``, by the rest of its gid."""
    return {a.get_gid().split(":", 1)[1]: a for a in figure.findobj(lambda a: str(a.get_gid()).startswith(kind + ":"))}


def segments(patch) -> np.ndarray:
    """The straight line of an edge, (x0, y0, x1, y1) in pixels."""
    (x0, y0), (x1, y1) = patch._posA_posB    # noqa: SLF001 - the two ends the line was drawn between
    (x0, y0), (x1, y1) = patch.get_transform().transform([(x0, y0), (x1, y1)])
    return np.array([x0, y0, x1, y1])


def crosses(line: np.ndarray, box, grow: float = 0.0) -> bool:
    """Does the segment ``line`` pass through ``box`` (a matplotlib Bbox) grown by ``grow`` pixels?"""
    x0, y0, x1, y1 = line
    lo, hi = np.array([box.x0 - grow, box.y0 - grow]), np.array([box.x1 + grow, box.y1 + grow])
    start, step = np.array([x0, y0]), np.array([x1 - x0, y1 - y0])
    t0, t1 = 0.0, 1.0
    for axis in range(2):                   # Liang-Barsky clipping
        if abs(step[axis]) < 1e-12:
            if not lo[axis] <= start[axis] <= hi[axis]:
                return False
            continue
        a, b = (lo[axis] - start[axis]) / step[axis], (hi[axis] - start[axis]) / step[axis]
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
        if t0 > t1:
            return False
    return True


def labels_crossed(figure) -> list[tuple[str, str]]:
    """(label, edge) for every node label an edge's line runs through (the glyphs' box, less a pixel)."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = {n: t.get_window_extent(renderer).expanded(1, 1).padded(-1) for n, t in by_gid(figure, "label").items()}
    px = figure.dpi / 72
    return [(label, edge) for edge, patch in by_gid(figure, "edge").items()
            for label, box in boxes.items() if crosses(segments(patch), box, patch.get_linewidth() * px / 2)]


def crossings(figure) -> int:
    """How many pairs of drawn edges cross each other (sharing no end node)."""
    lines = {e: segments(p) for e, p in by_gid(figure, "edge").items()}
    count = 0
    for (a, la), (b, lb) in combinations(lines.items(), 2):
        if set(a.split(":")[:2]) & set(b.split(":")[:2]):
            continue
        count += _intersect(la, lb)
    return count


def _intersect(a: np.ndarray, b: np.ndarray) -> bool:
    def side(p, q, r):
        return np.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
    p1, p2, p3, p4 = a[:2], a[2:], b[:2], b[2:]
    return side(p1, p2, p3) * side(p1, p2, p4) < 0 and side(p3, p4, p1) * side(p3, p4, p2) < 0


def drawn_line(patch, step: float = 2.0) -> np.ndarray:
    """The points of an edge's line as drawn (straight or bowed), in pixels, one every ``step`` pixels or less."""
    path = patch.get_path().transformed(patch.get_transform())
    points = np.concatenate([p for p in path.to_polygons(closed_only=False) if len(p)])
    out = [points[:1]]
    for a, b in zip(points[:-1], points[1:]):
        n = max(1, int(np.ceil(np.hypot(*(b - a)) / step)))
        out.append(a + (b - a) * np.linspace(0, 1, n + 1)[1:, None])
    return np.concatenate(out)


def node_outline(figure, node) -> np.ndarray:
    """The outline of a node's marker as drawn, a closed polygon in pixels."""
    figure.canvas.draw()
    centre = node.get_offset_transform().transform(node.get_offsets()[0])
    shape = node.get_paths()[0].transformed(Affine2D(node.get_transforms()[0]))
    return centre + np.concatenate(shape.to_polygons(closed_only=False))


def distance_to(outline: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Each point's distance to the polygon ``outline`` in pixels, negative inside it."""
    a, b = outline, np.roll(outline, -1, axis=0)
    ab = b - a
    t = np.clip(np.einsum("pik,ik->pi", points[:, None, :] - a, ab) / np.maximum((ab ** 2).sum(1), 1e-12), 0, 1)
    nearest = a + t[..., None] * ab
    d = np.hypot(*(points[:, None, :] - nearest).transpose(2, 0, 1)).min(axis=1)
    return np.where(Path(outline).contains_points(points), -d, d)
