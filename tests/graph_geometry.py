"""Geometry of a drawn actor graph, measured in pixels from its artists (shared by the graph tests)."""
from __future__ import annotations

from itertools import combinations

import numpy as np


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
