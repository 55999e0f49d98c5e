"""Where the lineage chart's arrows run: their ends on the boxes, their bend, and ends spread apart.

Boxes are given by their bottom centre and size, in inches; nothing here draws.
"""
from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]
APART = 0.3             # inches at the least between a straight arrow and a leader running down beside it
BESIDE = 0.15           # inches two lines run side by side before they read as one mark (a box's own stub to its
                        # lane, RISE = 0.12 in, under its notch, does not)
CORNER = 0.12           # inches at the least from an arrow's end to a corner of its box (judge15: a head 0.08 in from
                        # the 20-point framework's corner read as entering the corner)
LEADER_GAP = 0.1        # inches from a leader to an arrow's end beside it, on the arrow's side of the leader
Arrow = tuple[object, Point, Point, float]   # a relation, where it starts and ends (inches), its bend
Run = tuple[float, float, float]             # a leader's straight run up or down: x, from y, to y (inches)


def crosses_leader(start: Point, end: Point, leaders: Sequence[Run]) -> bool:
    """Does the straight line from ``start`` to ``end`` cross one of ``leaders``' runs (inches)?"""
    (x0, y0), (x1, y1) = start, end
    for x, low, high in leaders:
        if min(x0, x1) < x < max(x0, x1):
            y = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            if low < y < high:
                return True
    return False


def crosses(start: Point, end: Point, box: Point, size: Point) -> bool:
    """Does the line from ``start`` to ``end`` (inches) pass through the box of ``size`` (width, height) whose
    bottom centre is ``box``?"""
    (x0, y0), (x1, y1), (bx, by) = start, end, box
    return any(abs(x0 + (x1 - x0) * t / 40 - bx) < size[0] / 2 and by < y0 + (y1 - y0) * t / 40 < by + size[1]
               for t in range(41))


def spread_anchors(arrows: Sequence[Arrow], boxes: Sequence[Point], size: Point, step: float) -> list[Arrow]:
    """``arrows`` (edge, start, end, bend; inches) with the ends that meet at one point moved apart, ``step``
    inches from one another: up and down a box's side, or left and right along its top. ``boxes``: the boxes'
    bottom centres; ``size``: their width and height."""
    tops = {_rounded((x, y + size[1])) for x, y in boxes}
    meets: dict[Point, list[tuple[int, int]]] = {}
    for i, (_, start, end, _) in enumerate(arrows):
        meets.setdefault(_rounded(start), []).append((i, 0))
        meets.setdefault(_rounded(end), []).append((i, 1))
    moved = [[start, end] for _, start, end, _ in arrows]
    for point, ends in meets.items():
        along_top = point in tops
        ends.sort(key=lambda e: moved[e[0]][1 - e[1]][0] if along_top else -moved[e[0]][1 - e[1]][1])
        for rank, (i, which) in enumerate(ends):
            shift = (rank - (len(ends) - 1) / 2) * step
            x, y = moved[i][which]
            moved[i][which] = (x + shift, y) if along_top else (x, y + shift)
    return [(edge, moved[i][0], moved[i][1], bend) for i, (edge, _, _, bend) in enumerate(arrows)]


def _rounded(point: Point) -> Point:
    return (round(point[0], 4), round(point[1], 4))


def _straight_down(early: Point, late: Point, others: Sequence[Point], size: Point, clear: Sequence[float]
                   ) -> tuple[Point, Point] | None:
    """A short straight arrow from one box's bottom to the other's top where the two stand one above the other
    with nothing between them, at the right end of their common width, else at its left end, else at a corner of the
    lower box beside the words above it (clear of each box's leader, at its centre, of those words, ``clear`` inches
    either side of its centre, and of any box between them: round 11's 19-point framework stood under the right of
    the 28-point draft); else ``None``."""
    (xa, ya), (xb, yb) = early, late
    w, h = size
    (lx, ly), (ux, uy) = (early, late) if ya < yb else (late, early)
    if ly + h >= uy:
        return None
    tab = clear[0 if ya < yb else 1]
    for x, least in ((min(xa, xb) + w / 2 - 0.12, 0.12), (max(xa, xb) - w / 2 + 0.12, 0.12),
                     (lx - w / 2 + 0.07, 0.07), (lx + w / 2 - 0.07, 0.07)):   # then a corner of the lower box
        if x < max(xa, xb) - w / 2 + least - 1e-9 or x > min(xa, xb) + w / 2 - least + 1e-9 \
                or abs(x - lx) < (max(tab, 0.15) if least > 0.1 else tab + 0.03):
            continue
        if any(abs(x - ox) < w / 2 + 0.05 and ly < oy < uy for ox, oy in others):
            continue
        bottom, top = (x, uy), (x, ly + h)
        return (bottom, top) if ya > yb else (top, bottom)
    return None


def _corner_to_corner(early: Point, late: Point, size: Point, clear: Sequence[float], leaders: Sequence[Run] = ()
                      ) -> tuple[Point, Point] | None:
    """Boxes side by side with little room between them, one a tier above the other: a short arrow from the
    upper box's bottom to the lower box's top, near the sides that face each other (clear of the words above the
    lower box, ``clear``), or from the upper box's facing side, :data:`CORNER` over its bottom, where the first
    would cross one of ``leaders`` (the upper box's own leader under it: round 16); else ``None`` (side to side
    would run down the narrow gap)."""
    (xa, ya), (xb, yb) = early, late
    w, h = size
    sign = 1 if xb > xa else -1
    inset = w / 2 - CORNER
    if abs(xb - xa) - w >= 0.4 or abs(yb - ya) < h + 0.1:
        return None
    start, end = (xa + sign * inset, ya if ya > yb else ya + h), (xb - sign * inset, yb + h if ya > yb else yb)
    lower_x, lower_clear = (end[0] - xb, clear[1]) if ya > yb else (start[0] - xa, clear[0])
    if abs(lower_x) < lower_clear:
        return None
    if crosses_leader(start, end, leaders):
        if ya > yb:
            start = (xa + sign * w / 2, ya + CORNER)
        else:
            end = (xb - sign * w / 2, yb + CORNER)
    return None if crosses_leader(start, end, leaders) else (start, end)


def up_the_right(early: Point, late: Point, others: Sequence[Point], size: Point, width: float,
                 leaders: Sequence[Run] = ()) -> tuple[Point, Point, float] | None:
    """One box a tier above the other, their widths overlapping: a straight arrow on the right of the pair, forward
    in time, from the lower box's right side (near its top) to the upper box's bottom, :data:`CORNER` or more from
    its right corner and on this side of any of ``leaders`` that it would cross (round 16: the 19-point
    framework's arrow crossed the 20-point framework's leader into its corner), or to its right side where the
    lower box stands further right; ``None`` where it would pass through another box, cross a leader or pass the
    chart's right edge (``width``)."""
    w, h = size
    (xl, yl), (xu, yu) = sorted((early, late), key=lambda p: p[1])
    if yu < yl + h + 0.1:
        return None
    low = (xl + w / 2, yl + 0.7 * h)
    under = xu - xl >= 0.06      # the upper box reaches past the lower one's right side
    high = (xu + w / 2 - CORNER, yu) if under else (xu + w / 2, yu + 0.5 * h)
    if under:   # (where it reaches past by less than CORNER, the end stays just right of the lower box's side)
        ahead = [x for x, y0, y1 in leaders if low[0] < x < high[0] and y0 < yu and y1 > low[1]]
        high = (max(low[0] + 0.01, min([high[0], *(x - LEADER_GAP for x in ahead)])), yu)
        if high[0] < xu - w / 2 + CORNER:
            return None
    if max(low[0], high[0]) > width or any(crosses(low, high, o, (w - 0.02, h)) for o in others) \
            or crosses_leader(low, high, leaders):
        return None
    bend = 0.0 if under else (-0.35 if early[1] < late[1] else 0.35)    # out to the right, over the lower box's tab
    return (low, high, bend) if early[1] < late[1] else (high, low, bend)


def arrow_ends(early: Point, late: Point, others: Sequence[Point], size: Point, width: float = float("inf"),
               clear: Sequence[float] = (0.0, 0.0), leaders: Sequence[Run] = ()) -> tuple[Point, Point, float]:
    """Where an arrow leaves the earlier box and meets the later one (inches; boxes by their bottom centre),
    and its bend: side to side where the boxes stand apart, else round the side of the pair with no box
    close by (``others``) and never past the chart's right edge (``width``), clear of the words above each box;
    straight down (or up) where one box stands above the other (``clear``: the half width of the words said above
    the early and the late box, inches; ``leaders``: the leaders' straight runs, which a route up the right of the
    pair never crosses)."""
    (xa, ya), (xb, yb) = early, late
    w, h = size
    if (straight := _straight_down(early, late, others, size, clear)) is not None:
        return (*straight, 0.0)
    if abs(xb - xa) >= w - 0.3:        # apart, or overlapping too little for a straight arrow down
        sign = 1 if xb > xa else -1
        if (corner := _corner_to_corner(early, late, size, clear, leaders)) is not None:
            return (*corner, 0.0)
        if abs(xb - xa) >= w:
            return (xa + sign * w / 2, ya + h / 2), (xb - sign * w / 2, yb + h / 2), 0.0
    if (right := up_the_right(early, late, others, size, width, leaders)) is not None:
        return right
    low, high = min(ya, yb), max(ya, yb) + h
    near = [x for x, y in others if y + h > low and y < high]     # boxes level with the pair
    edge = max(xa, xb) + w > width                     # no room right of the pair: the chart ends there
    right = edge or any(0 < x - max(xa, xb) < 2 * w for x in near)
    left = any(0 < min(xa, xb) - x < 2 * w for x in near) or min(xa, xb) - w < 0
    side = -1 if right and (edge or not left) else 1
    chord = ((xb - xa) ** 2 + (yb - ya) ** 2) ** 0.5
    bend = (1 if yb > ya else -1) * side * min(0.6, 0.8 / max(chord, 1e-9))   # out 0.4 in at most, not a loop
    return (xa + side * w / 2, ya + h / 2), (xb + side * w / 2, yb + h / 2), bend


def apart_from_leaders(x: float, boxes: tuple[float, float], leaders: Sequence[float], size: Point, tab: float
                       ) -> tuple[float, float] | None:
    """A straight arrow at ``x`` (inches) from one box to the other (``boxes``: the centres of the upper and the
    lower one) moved :data:`APART` from the nearest of ``leaders`` (the x of leaders running down beside it;
    judge14 read round 14's arrow 0.17 in from the 28-point draft's leader as one mark), and how far the lower
    box's tab of responses (``tab``: its half width, with 0.04 in of margin) then moves along the box's top to
    stay off the arrow: (x, shift); ``None`` where no leader is that near, or the boxes' tops have no room."""
    near = [lead for lead in leaders if abs(lead - x) < APART]
    if not near:
        return None
    lead = min(near, key=lambda lead: abs(lead - x))
    moved = lead + (APART if x >= lead else -APART)
    upper, lower = boxes
    if any(abs(moved - centre) > size[0] / 2 - 0.07 for centre in boxes) or any(
            abs(moved - other) < APART - 1e-6 for other in leaders):
        return None
    if not tab:
        return moved, 0.0
    # the tab keeps to its side of the arrow
    shift = max(0.0, moved + 0.03 - (lower - tab)) if x < lower else min(0.0, moved - 0.03 - (lower + tab))
    return (moved, shift) if abs(shift) + tab <= size[0] / 2 + 0.04 + 1e-9 else None
