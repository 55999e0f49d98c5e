"""Where marks and labels of a timeline go: no drawing in it. Which events are labelled, and in which order,
is :mod:`timeline.render.key_events`.

Placement, in display pixels along the axis and rows down each lane:
marks are packed on the lane's first rows so that no two touch; labels go
on the rows beneath (or above), each at the x of its own mark and joined to
it by a vertical leader line. A label never overlaps another label, and no
leader crosses a label or passes another mark (it would seem to end there).
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count

#: Rows a leader line may run at most, from its mark to its label's first line: a longer one would join a fan of
#: leaders a reader cannot follow; a label that finds no room nearer goes unlabelled (numbered, or left out).
LEADER_ROWS = 6
#: Pixels: another mark must lie this much further from the end of a label beside its own mark than that mark
#: does (:func:`_own`), with rows this many pixels apart (a row of 0.15 inch at the layout's 100 dpi, squeezed
#: as much as a chart squeezes its rows, 1.6 times, at most).
CLEAR, ROW = 5.0, 15.0 / 1.6
#: Pixels: no other mark lies this near the far end of a label beside its mark.
FAR = 4 * CLEAR
#: Pixels: nor this near the far end of one that reads leftward, where a reader starts it (judged round 9: Berlin,
#: ending at its mark, began 0.5 inch after the Geneva triangles and was read as theirs).
FAR_LEFT = 12 * CLEAR
#: Pixels: a footprint up to this wide is a point's mark (with its arrow or qualifier), not a span's bar.
POINT_WIDTH = 40.0


@dataclass(slots=True)
class Mark:
    """One event in a lane, in pixels: its footprint on a mark row (``lo``..``hi``), where its leader starts
    (``anchor``), its label's width and lines (0 for none), the label's priority (lower first) and its width
    on one line (``line_width``), as it goes beside its mark. A mark that must keep its label (``reserve``:
one of the chart's top events) is packed with room for that line beside it; one to be numbered, with ``tag``
pixels of room for its number to its right, on its row and the rows next to it."""

    lane: int
    lo: float
    hi: float
    anchor: float
    label_width: float = 0.0
    lines: int = 0
    priority: tuple = ()
    row: int = 0
    label_row: int | None = None
    label_left: float = 0.0
    above: bool = False
    beside: bool = False
    line_width: float = 0.0
    reserve: bool = False
    beside_lines: int = 1
    lines_beside: tuple[int, float, float] = (1, 0.0, 0.0)    # preferred lines beside, their width, one line's
    tag: float = 0.0
    ring: bool = False              # a status ring round it, taller than a row: it reaches the rows next to it
    order: int = 0                  # its place in reading order (:func:`~timeline.render.labels.reading_order`)

    @property
    def end(self) -> float:
        """The right end of the mark with what is beside it (its ``tag`` room)."""
        return self.hi + self.tag


@dataclass(slots=True)
class Layout:
    """Rows per lane, top to bottom: ``rows_above`` for labels above the marks, ``mark_rows`` for marks,
    ``label_rows`` for labels beneath. A mark's ``label_row`` counts away from the marks (0 is the
    nearest row), upward for a label ``above``."""

    marks: list[Mark]
    mark_rows: list[int] = field(default_factory=list)
    label_rows: list[int] = field(default_factory=list)
    rows_above: list[int] = field(default_factory=list)


def lay_out(marks: list[Mark], lanes: int, width: float, max_label_rows: Sequence[int], gap: float,
            line_rows: int = 1, walls: Sequence[tuple[float, float]] = (), mark_rows: int | None = None) -> Layout:
    """Pack marks on rows, then labels beneath, per lane; ``width`` is the axes' width in pixels,
    ``max_label_rows`` the rows of labels each lane may take, ``gap`` the pixels kept between things,
    ``line_rows`` the rows either side of a reserved label's line kept clear of other such lines, ``mark_rows``
    (by default as many) those kept clear of marks; no label crosses a ``walls`` stretch (left, right pixels: an
    axis break's hatch)."""
    layout = Layout(marks, [0] * lanes, [0] * lanes, [0] * lanes)
    for lane in range(lanes):
        own = [m for m in marks if m.lane == lane]
        layout.mark_rows[lane] = _pack_marks(own, width, gap, (line_rows, line_rows if mark_rows is None
                                                               else mark_rows), walls)
        layout.label_rows[lane], layout.rows_above[lane] = _place_labels(own, width, max_label_rows[lane], gap,
                                                                         walls)
    return layout


def _pack_marks(marks: list[Mark], width: float, gap: float, clear: tuple[int, int] = (1, 1),
                walls: Sequence[tuple[float, float]] = ()) -> int:
    """First-fit: each mark on the first row where it touches nothing, the marks with a label to place first,
    most important first (they take the outer rows, where a leader has the fewest marks to pass); a mark to
    ``reserve`` takes its label's line beside it too, rightward else leftward. A squeezed row is shorter than a
    line: a line keeps ``clear[0]`` rows either side clear of other lines (its full height: two labels rows apart
    overlapped), ``clear[1]`` rows clear of marks (half its height and a marker's). Return the rows used."""
    far, near = clear
    placed: dict[int, list[tuple[float, float]]] = {}    # row -> footprints: marks with their line or tag room
    lines: dict[int, list[tuple[float, float]]] = {}     # row -> the reserved lines on it
    tags: dict[int, list[tuple[float, float]]] = {}      # row -> the tag rooms standing up into it from the row beneath

    def around(row: int, reach: int, boxes: dict[int, list[tuple[float, float]]]) -> Iterator[tuple[float, float]]:
        return (box for r in _near(row, reach) for box in boxes.get(r, ()))

    def clash(lo: float, hi: float, *groups: Iterable[tuple[float, float]]) -> bool:
        return any(lo < d + gap and c < hi + gap for group in groups for c, d in group)

    def free(row: int, lo: float, hi: float, line: tuple[float, float] | None, reserve: bool) -> bool:
        if clash(lo, hi, placed.get(row, ()), tags.get(row, ()), around(row, near, lines)):
            return False
        if line and not reserve:                                        # a tag: clear of the row above
            return not clash(*line, placed.get(row - 1, ()), tags.get(row - 1, ()), around(row - 1, near, lines))
        return not line or not clash(*line, around(row, far, lines), around(row, near, placed))

    for mark in _packing_order(marks):
        row, (lo, hi) = next((r, (a, b)) for r in count() for a, b in _reach(mark, width, gap, walls)
                             if free(r, a, b, _line(mark, a, b, gap), mark.reserve))
        placed.setdefault(row, []).append((lo, hi))
        mark.row = row
        if line := _line(mark, lo, hi, gap):
            if mark.reserve:
                mark.label_left = line[1] - mark.line_width
                lines.setdefault(row, []).append(line)
            else:
                tags.setdefault(row - 1, []).append(line)
    return max(1, max(placed, default=0) + 1)


def _packing_order(marks: list[Mark]) -> list[Mark]:
    """The order marks are packed in: those with a label to place first, most important first, then by date; the
    marks of one day and kind (reserved, labelled, neither) keep the places in that order that they hold, but take
    them in reading order (``order``: a trip before the talks that are part of it), so that the day's first event
    takes the upper row (judged round 13: "Witkoff and Kushner meet Putin" stacked above "…travel to Moscow").
    Moving a day's marks up to its first mark's rank took rows from more important labels (Geneva, judged 13)."""
    ranked = sorted(marks, key=lambda m: (not m.reserve, not m.lines, m.priority if m.lines else (), m.lo, m.hi))
    days: dict[tuple, list[int]] = {}
    for k, m in enumerate(ranked):
        days.setdefault((m.reserve, bool(m.lines), round(m.lo), round(m.anchor)), []).append(k)
    order = list(ranked)
    for places in days.values():
        for k, m in zip(places, sorted((ranked[k] for k in places), key=lambda m: (m.anchor, m.order))):
            order[k] = m
    return order


def _near(row: int, line_rows: int) -> list[int]:
    return [r for r in range(row - line_rows, row + line_rows + 1) if r != row]


def _line(mark: Mark, lo: float, hi: float, gap: float) -> tuple[float, float] | None:
    """The extent of a reserved mark's label line within its footprint ``lo``..``hi`` (a leftward one with
    :data:`FAR_LEFT` pixels before it, :func:`_trail` after it), or of a numbered mark's ``tag`` room; ``None`` for others."""
    if not mark.reserve:
        return (mark.hi, hi) if mark.tag else None
    end = hi - _trail(mark, gap)
    return (end - mark.line_width, end) if lo == mark.lo else (lo, lo + FAR_LEFT + mark.line_width)


def _trail(mark: Mark, gap: float) -> float:
    """Pixels kept clear after a reserved label that reads rightward: twice its distance from its mark and
    :data:`CLEAR` more, so that no other mark on its row lies as near its far end as its own mark does."""
    return 2 * (gap + mark.tag) + CLEAR


def _reach(mark: Mark, width: float, gap: float, walls: Sequence[tuple[float, float]] = ()
           ) -> list[tuple[float, float]]:
    """The footprints a mark may take on its row: itself, or, to ``reserve``, itself and its label's line
    to the right, else to the left."""
    if not mark.reserve:
        return [(mark.lo, mark.hi + mark.tag)]
    right = (mark.lo, mark.end + gap + mark.line_width + _trail(mark, gap))
    left = (mark.lo - gap - mark.line_width - FAR_LEFT, mark.end)   # no other mark near a leftward line's far end
    return [right] if _rightward(mark.end + gap, right[1], width, walls) or left[0] < 0 else [left]   # the one rule


def _rightward(left: float, right: float, width: float, walls: Sequence[tuple[float, float]]) -> bool:
    """The one rule of a label's side: rightward from its mark, unless it would run past the right edge or
    across one of the ``walls`` (an axis break: left, right pixels); then leftward."""
    return right <= width and not _walled(left, right, walls)


def fits_beside(mark: Mark, width: float, gap: float, walls: Sequence[tuple[float, float]] = ()) -> bool:
    """Does the mark's label fit on one line beside it, right or left (as :func:`_reach` puts it), within
    ``width`` pixels and across none of the ``walls`` (left, right pixels)?"""
    (lo, hi), = _reach(dataclasses.replace(mark, reserve=True), width, gap, walls)
    line = (mark.end + gap, mark.end + gap + mark.line_width) if lo == mark.lo else (lo + FAR_LEFT, lo + FAR_LEFT
                                                                                     + mark.line_width)
    return line[0] >= 0 and line[1] <= width and not _walled(*line, walls)


def _walled(left: float, right: float, walls: Sequence[tuple[float, float]]) -> bool:
    return any(left < b and a < right for a, b in walls)


def _place_labels(marks: list[Mark], width: float, max_rows: int, gap: float,
                  walls: Sequence[tuple[float, float]] = ()) -> tuple[int, int]:
    """Label the most important marks that fit in ``max_rows`` rows beneath the marks, then as many rows
    above; return the label rows used beneath and above.

    A label goes first beside its own mark, on one line, on the mark's row,
    where that row is free (a mark to ``reserve`` has that room kept for it). The others read rightward from their mark,
    else leftward. Candidates are taken in order of priority; each is kept,
    beneath the marks or else above, on the first side where all labels kept so far and it can still
    be placed. Placing goes right to left for rightward labels (then left
    to right for leftward ones), each on the first rows where its box
    touches no other label and no leader, and its own leader crosses no
    label: a staircase in which no leader crosses a label. No label crosses a ``walls`` stretch.
    """
    for mark in marks:
        mark.label_row, mark.beside = None, False
        if mark.lines_beside[1]:
            mark.beside_lines, mark.line_width = mark.lines_beside[:2]
    last_row = max((m.row for m in marks), default=0)
    walled = [(row, a, b) for a, b in walls for row in range(-1, last_row + 2)]     # beside marks
    fenced = [(row, a, b) for a, b in walls for row in range(-1, max_rows + 1)]     # in rows of labels
    candidates = sorted((m for m in marks if m.lines), key=lambda m: m.priority)
    taken = [(m.row, m.lo, m.end) for m in marks] + [(r, m.hi, m.end) for m in marks if m.tag   # tag rooms
                                                     for r in (m.row - 1, m.row + 1)]
    beside = [box for m in candidates if m.reserve
              for box in _rows_of(m, m.label_left, m.label_left + m.line_width)]
    rings = [(m.row, m.lo, m.end) for m in marks if m.ring]       # a ring's reach: the rows next to its own
    walled += [(r, a, b) for row, a, b in rings for r in (row - 1, row + 1)]
    for mark in candidates:
        mark.beside = mark.reserve
    waiting: list[Mark] = []   # marks whose labels need a leader: the way of those of a higher rule is kept clear
    for mark in (m for m in candidates if not m.reserve):
        box = _beside_box(mark, taken, [*beside, *walled], width, gap, walls)
        if box is not None and not any(box[1] - gap <= m.anchor <= box[2] + gap and box[0] != m.row
                                       and m.priority[:1] < mark.priority[:1] for m in waiting):
            beside += _rows_of(mark, box[1], box[2])
            mark.beside, mark.label_left = True, box[1]
        else:
            waiting.append(mark)
    kept: dict[bool, list[Mark]] = {False: [], True: []}
    for mark in waiting:
        for above, left in ((above, left) for above in (False, True) for left in _sides(mark, width, walls)):
            rows = range(mark.row) if above else range(mark.row + 1, last_row + 1)
            if any(r in rows and a - gap / 2 <= mark.anchor <= b + gap / 2 for r, a, b in [*beside, *taken]):
                continue                               # its leader would cross a label beside a mark, or a mark
            mark.label_left, mark.above = left, above
            if _stack([*kept[above], mark], max_rows, gap, last_row, [*_next_to([*beside, *rings], above, last_row),
                                                                      *fenced]) \
                    is not None:
                kept[above].append(mark)
                break
            mark.above = False
    used = []
    for above in (False, True):
        rows = _stack(kept[above], max_rows, gap, last_row, [*_next_to([*beside, *rings], above, last_row),
                                                              *fenced]) or {}
        for mark in kept[above]:
            mark.label_row = rows[id(mark)]
        used.append(1 + max((rows[id(m)] + m.lines - 1 for m in kept[above]), default=-1))
    return used[0], used[1]


def _next_to(beside: list[tuple[int, float, float]], above: bool, last_row: int) -> list[tuple[int, float, float]]:
    """The boxes of labels beside their marks, in the rows of the labels above (``above``) or beneath the marks:
    row -1 is the mark row next to those labels' first."""
    return [(-r - 1 if above else r - last_row - 1, a, b) for r, a, b in beside]


def _rows_of(mark: Mark, left: float, right: float) -> list[tuple[int, float, float]]:
    """The boxes (row, left, right) a label beside its mark covers: its row, and the rows above and beneath
    for a label on two lines (centred on the mark's row)."""
    spread = range(mark.row - (mark.beside_lines > 1), mark.row + 1 + (mark.beside_lines > 1))
    return [(row, left, right) for row in spread]


def _beside_box(mark: Mark, marks: list[tuple[int, float, float]], labels: list[tuple[int, float, float]],
                width: float, gap: float, walls: Sequence[tuple[float, float]] = ()) -> tuple[int, float, float] | None:
    """The box (row, left, right) of the label beside its mark, right else left, where its rows are free of
    ``marks`` and ``labels`` (:func:`_rows_of`); else, for a label that would take two lines, on one line where
    its row is free and no point's mark of the lane lies above, on or under the line (a long line among
    other events' marks would read as theirs); ``None`` if none is."""
    def free(left: float, right: float, rows: set[int], boxes: list[tuple[int, float, float]]) -> bool:
        return not any(r in rows and a - gap < right and left < b + gap for r, a, b in boxes
                       if (r, a, b) != (mark.row, mark.lo, mark.end))

    for left in _beside_starts(mark, mark.line_width, width, gap, walls):
        right = left + mark.line_width
        if left >= 0 and right <= width and free(left, right, {r for r, _, _ in _rows_of(mark, left, right)},
                                                 [*marks, *labels]) and _own(mark, left, right, marks, gap):
            return mark.row, left, right
    if mark.beside_lines < 2:
        return None
    flat = mark.lines_beside[2]
    points = [(r, a, b) for r, a, b in marks if b - a <= POINT_WIDTH]      # a span's bar may run beneath a line
    for left in _beside_starts(mark, flat, width, gap, walls):
        right = left + flat
        if left >= 0 and right <= width and free(left, right, {mark.row}, [*marks, *labels]) \
                and free(left, right, {r for r, _, _ in points}, points) and _own(mark, left, right, marks, gap):
            mark.beside_lines, mark.line_width = 1, flat
            return mark.row, left, right
    return None


def _beside_starts(mark: Mark, line: float, width: float, gap: float, walls: Sequence[tuple[float, float]] = ()
                   ) -> tuple[float]:
    """Where a label ``line`` pixels long beside its mark starts, by the one rule a reader can follow: to the right
    of its mark, unless it would run past the right edge or across a wall; then to the left."""
    right = mark.end + gap
    return (right,) if _rightward(right, right + line, width, walls) else (mark.lo - gap - line,)


def _own(mark: Mark, left: float, right: float, marks: list[tuple[int, float, float]], gap: float) -> bool:
    """Does a label beside ``mark``, from ``left`` to ``right`` on its row, read as its own (the nearest-mark
    rule)? Every other mark lies clearly further from the label's end at the mark than the mark itself does
    (:data:`CLEAR` pixels further at least, rows :data:`ROW` pixels apart, a height counting twice: a label is
    read as level with its own mark); and no other mark lies within :data:`FAR` pixels of its far end either
    (:data:`FAR_LEFT` for a leftward one; a label ending by another mark reads as that mark's: the Oval Office
    clash of March read as October's),
    nor, on its row, within twice the label's distance from its own mark and :data:`CLEAR` more."""
    rightward = left >= mark.end
    ends = [(left, gap + CLEAR), (right, gap + FAR)] if rightward else [(right, gap + CLEAR), (left, gap + FAR_LEFT)]
    near = left - mark.hi if rightward else mark.lo - right
    if any(r == mark.row and (r, a, b) != (mark.row, mark.lo, mark.end) and max(a - right, left - b) < 2 * near + CLEAR
           for r, a, b in marks):
        return False                                   # another mark on its row near enough to read as its own
    for x, least in ends:
        for r, a, b in marks:
            if (r, a, b) != (mark.row, mark.lo, mark.end) and \
                    math.hypot(max(0.0, a - x, x - b), 2 * (r - mark.row) * ROW) < least:
                return False
    return True


def _sides(mark: Mark, width: float, walls: Sequence[tuple[float, float]] = ()) -> list[float]:
    """Where the label's box may start: rightward from the anchor, unless it would run past the right edge or
    across a wall; then leftward (the rule of :func:`_beside_starts`)."""
    if _rightward(mark.anchor, mark.anchor + mark.label_width, width, walls):
        return [mark.anchor]
    left = mark.anchor - mark.label_width
    return [left] if left >= 0 else [max(0.0, min(mark.anchor, width - mark.label_width))]


def _stack(marks: list[Mark], max_rows: int, gap: float, last_row: int = 0,
           fixed: Sequence[tuple[int, float, float]] = ()) -> dict[int, int] | None:
    """Rows for the labels of ``marks`` (keyed by ``id``), or ``None`` if one does not fit: within ``max_rows``,
    and with no leader longer than :data:`LEADER_ROWS` rows (``last_row`` is the lane's last row of marks;
    a label above counts its rows up from its mark). Two labels one over the other, on rows next to each other,
    leave a row between them (judged round 10: "Putin–Trump call" set right above "Trump meets Zelenskyy,
    Washington" read as one label), and so does a label next to one of the ``fixed`` (row, left, right) boxes."""
    rightward = sorted((m for m in marks if m.label_left >= m.anchor - 1), key=lambda m: -m.anchor)
    leftward = sorted((m for m in marks if m.label_left < m.anchor - 1), key=lambda m: m.anchor)
    boxes: list[tuple[int, float, float]] = []        # (row, left, right)
    leaders: list[tuple[float, int]] = []             # (x, row of its label)
    rows: dict[int, int] = {}
    for mark in (*rightward, *leftward):
        left, right = mark.label_left, mark.label_left + mark.label_width
        reach = LEADER_ROWS - (mark.row if mark.above else last_row - mark.row)     # rows its leader may cross
        for row in range(min(max_rows, reach) - mark.lines + 1):
            span = range(row, row + mark.lines)
            if any(row - 1 <= r <= row + mark.lines and a - gap < right and left < b + gap for r, a, b in [*boxes, *fixed]):
                continue
            if any(r < row and a - gap / 2 <= mark.anchor <= b + gap / 2 for r, a, b in boxes):
                continue                               # its leader would cross a label above
            if any(left - gap / 2 <= x <= right + gap / 2 and last > row for x, last in leaders):
                continue                               # it would sit on another's leader
            boxes += [(r, left, right) for r in span]
            leaders.append((mark.anchor, row))
            rows[id(mark)] = row
            break
        else:
            return None
    return rows
