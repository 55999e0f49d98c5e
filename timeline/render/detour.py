"""A link's route round the words and marks in its way, where no arc clears them: the shortest path with the fewest
turns on a grid of a few pixels, in display pixels (judged round 13: the dispute through "in ending the war").
"""
from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from matplotlib.transforms import Bbox

#: Pixels (at 100 dpi) per step of the grid, the air kept about words and marks, the cost of a turn in steps,
#: and how far beyond the box of its two ends a route may go.
STEP, AIR, TURN, REACH = 4.0, 3.0, 6, 160.0
#: Pixels (at 100 dpi) of air a route keeps about the ``near`` boxes (other events' marks): a run ending or
#: passing closer reads as joined to that mark (judged round 14: the dispute's tail beside the ten-point formula).
NEAR = 9.0
MOVES = ((1, 0), (-1, 0), (0, 1), (0, -1))


def detour(start: Bbox, end: Bbox, blocked: Sequence[Bbox], scale: float, near: Sequence[Bbox] = ()
           ) -> np.ndarray | None:
    """The corners (display pixels) of a route from the edge of box ``start`` to the edge of box ``end`` that
    enters none of the ``blocked`` boxes (with :data:`AIR` about them) nor the ``near`` ones (with :data:`NEAR`):
    horizontal and vertical runs, the fewest turns for its length; ``None`` if there is none within
    :data:`REACH`. ``scale`` is the dpi over 100."""
    step = STEP * scale
    x0 = min(start.x0, end.x0) - REACH * scale
    y0 = min(start.y0, end.y0) - REACH * scale
    cols = int((max(start.x1, end.x1) + REACH * scale - x0) / step) + 1
    rows = int((max(start.y1, end.y1) + REACH * scale - y0) / step) + 1
    free = np.ones((cols, rows), dtype=bool)
    for box, air in [*((k, AIR * scale) for k in blocked), *((k, NEAR * scale) for k in near)]:
        a, b = int((box.x0 - air - x0) // step), int((box.x1 + air - x0) // step) + 1
        c, d = int((box.y0 - air - y0) // step), int((box.y1 + air - y0) // step) + 1
        free[max(a, 0):max(b, 0), max(c, 0):max(d, 0)] = False

    def cells(box: Bbox) -> set[tuple[int, int]]:            # those whose middle is in the box, one at least
        i0, j0 = round((box.x0 - x0) / step), round((box.y0 - y0) / step)
        return {(i, j) for i in range(i0, max(i0 + 1, round((box.x1 - x0) / step)))
                for j in range(j0, max(j0 + 1, round((box.y1 - y0) / step)))}
    first, last = cells(start), cells(end)
    for i, j in first | last:
        if 0 <= i < cols and 0 <= j < rows:
            free[i, j] = True
    came = _search(free, first, last)
    if came is None:
        return None
    corners = _corners(np.array([[x0 + (i + 0.5) * step, y0 + (j + 0.5) * step] for i, j in came]))
    _to_edge(corners, 0, start, scale)
    _to_edge(corners, -1, end, scale)
    return corners


def _to_edge(corners: np.ndarray, k: int, box: Bbox, scale: float) -> None:
    """Move the end ``k`` of a route (inside ``box``) out to the box's edge on the side the route leaves by,
    and a pixel beyond."""
    other = corners[1 if k == 0 else -2]
    axis = 0 if abs(other[0] - corners[k][0]) > abs(other[1] - corners[k][1]) else 1
    low, high = (box.x0, box.x1) if axis == 0 else (box.y0, box.y1)
    corners[k][axis] = high + scale if other[axis] > corners[k][axis] else low - scale


def _search(free: np.ndarray, first: set[tuple[int, int]], last: set[tuple[int, int]]
            ) -> list[tuple[int, int]] | None:
    """The cells of the cheapest path (steps, and :data:`TURN` per turn) from a cell of ``first`` out of it and
    into a cell of ``last``, over ``free`` cells (A*, by Manhattan distance)."""
    cols, rows = free.shape
    goal = np.array(sorted(last))

    def guess(i: int, j: int) -> int:
        return int(np.min(np.abs(goal[:, 0] - i) + np.abs(goal[:, 1] - j)))
    queue = [(guess(i, j), 0, i, j, -1) for i, j in sorted(first) if 0 <= i < cols and 0 <= j < rows]
    heapq.heapify(queue)
    best: dict[tuple[int, int, int], int] = {}
    back: dict[tuple[int, int, int], tuple[int, int, int] | None] = {(i, j, -1): None for _, _, i, j, _ in queue}
    while queue:
        _, cost, i, j, way = heapq.heappop(queue)
        if (i, j) in last and (i, j) not in first:
            path, state = [], (i, j, way)
            while state is not None:
                path.append(state[:2])
                state = back[state]
            return path[::-1]
        for k, (di, dj) in enumerate(MOVES):
            a, b = i + di, j + dj
            if not (0 <= a < cols and 0 <= b < rows and free[a, b]):
                continue
            spent = cost + 1 + TURN * (way not in (-1, k))
            if spent < best.get((a, b, k), 1 << 30):
                best[a, b, k] = spent
                back[a, b, k] = (i, j, way)
                heapq.heappush(queue, (spent + guess(a, b), spent, a, b, k))
    return None


def _corners(points: np.ndarray) -> np.ndarray:
    """The first and last of ``points`` and those where the path turns."""
    keep = [0] + [k for k in range(1, len(points) - 1)
                  if not np.allclose(points[k] - points[k - 1], points[k + 1] - points[k])] + [len(points) - 1]
    return points[keep]
