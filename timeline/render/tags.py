"""The small words beside a timeline's marks (an event's number, a stack's "×3", a date's "?") moved, once the
chart is laid out, to the first place around their mark where they touch no marker, ring, bar, arrow or other
text, and where they lie nearer their own mark than any other (the nearest-mark rule: a reader pins a number on
the mark it is nearest to). A tag with no such place is joined to its mark by a thin leader.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

#: Kinds of tag, by the start of their gid.
TAGS = ("number:", "qualifier:")
#: Points: the air kept between a tag and anything else, and more beside a label (a number against a label's
#: first word would read as part of it).
PAD, TEXT_PAD = 1.0, 3.0
#: Pixels (at the layout's 100 dpi) by which a tag must lie nearer its own mark than any other event's mark, and
#: how many times nearer (judged round 10: a "12" 3 px from its circle and 4 px from a span read as the span's).
NEARER, NEARER_TIMES = 2.0, 1.5
#: Pixels (at 100 dpi): a leader shows at least this much line (judged round 10: 5 px leaders hidden in a
#: triangle), and the words at its end keep this far from every other event's mark (a "12" at the end of its
#: leader, beside the 6 Aug circle, read as that meeting's).
MIN_LEADER, AWAY = 8.0, 6.0
#: The leader that joins a tag to its mark where no place beside it obeys the nearest-mark rule.
LEADER = {"arrowstyle": "-", "color": "#8A8A8A", "lw": 0.5, "shrinkA": 0.5, "shrinkB": 3.5}
#: Offsets tried from the mark, in points (x, y), and the side a tag then reads from: right, level with it first
#: (raised, a "×2" at a lane's top read as the lane above's: judged round 9), then left, level with it (judged
#: round 13: numbers above their circles, or between a circle and a span), then up and down right and left,
#: straight above and beneath, then further out.
NEAR = ((1.0, 0.0), (-1.0, 0.0), (1.0, 0.5), (1.0, -0.5), (-1.0, 0.5), (-1.0, -0.5), (0.0, 1.0), (0.0, -1.0),
        (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0))
#: The cost of a place outside the axes, as square pixels of overlap: a tag in the key's gap reads as the key's.
OUTSIDE = 1e6
#: The cost of a place across a lane's edge from its mark: it reads as the other lane's (judged round 9: "×2" on
#: the edge of Ukraine's lane under Russia's last row).
ACROSS = 1e5
OFFSETS = NEAR + tuple((x * far, y * far) for far in (1.7, 2.4, 3.2, 4.2, 5.4, 7.0, 9.0) for x, y in NEAR)
#: The places a stack's "×3" tries first, wherever clear and nearer its mark than any other: tight right of
#: its mark, level first, with no leader (judged round 10: a "×2" left of its mark, or at a leader's end, did not
#: say which mark it counts); only where none is, the places of a number.
RIGHT = tuple((x, y) for x, y in OFFSETS if 0 < x <= 2.4 and abs(y) <= x)
#: Further places for a leader's end, tried where none of :data:`OFFSETS` gives a plain leader: every 22.5°.
ROUND = tuple((float(np.cos(a)) * far, float(np.sin(a)) * far) for far in (2.0, 3.0, 4.0, 5.5, 7.0, 9.0, 11.5)
              for a in np.linspace(0, 2 * np.pi, 16, endpoint=False))


def obstacles(ax: Axes, renderer: object) -> list[Bbox]:
    """The extents, in display pixels, of every mark of ``ax`` (markers, rings, bars and their caps, leaders,
    arrows)."""
    boxes = [line.get_window_extent(renderer) for line in ax.lines if line.get_visible() and line.get_gid()]
    boxes += [patch.get_window_extent(renderer) for patch in ax.patches
              if isinstance(patch, FancyArrowPatch) and (patch.get_gid() or "").startswith("open:")]
    return boxes


def tags_of(ax: Axes) -> list[Text]:
    """The tags of ``ax``: its texts whose gid starts with one of :data:`TAGS`."""
    return [t for t in ax.texts if (t.get_gid() or "").startswith(TAGS) and t.get_text().strip()]


def clear_tags(ax: Axes) -> list[Text]:
    """Move each tag of ``ax`` to the first of :data:`OFFSETS` around its mark (at its own size) where it keeps
    :data:`PAD` points clear of every mark, axis break and text placed and lies nearer its own mark than any other
    (:func:`nearest_is_own`); with no such place, to the first clear one, joined to its mark by a leader
    (:data:`LEADER`); with none clear either, to the one that overlaps least. A stack's "×3" first tries the
    places tight right of its mark (:data:`RIGHT`). Return the tags; call once the
    figure is laid out (``figure.draw_without_rendering()``)."""
    renderer = ax.figure.canvas.get_renderer()
    px = ax.figure.dpi / 72
    tags = tags_of(ax)
    fixed = [t.get_window_extent(renderer).padded(TEXT_PAD * px) for t in ax.texts
             if t not in tags and t.get_text().strip()]
    breaks = [p.get_window_extent(renderer) for p in ax.patches if (p.get_gid() or "").startswith("break:")]
    taken = _array([*obstacles(ax, renderer), *fixed, *breaks])     # a number left of its mark: not on a break
    keyed = marks_by_event(ax, renderer)
    edges = lane_edges(ax)
    scale = ax.figure.dpi / 100
    for tag in tags:
        reach = _reach(tag, ax, renderer, px)
        own = event_of(tag.get_gid())
        mine = _array(box for key, box in keyed if key == own)     # its own mark: not overlapped, but no air needed
        others = [box for key, box in keyed if key != own]
        mark = ax.transData.transform(tag.xy)
        beside = led = clear = None
        best: tuple[float, float, float] | None = None
        tight = RIGHT if tag.get_text().startswith("×") else ()
        for k, (dx, dy) in enumerate(tight + OFFSETS + ROUND):
            if k == len(tight + OFFSETS) and led is not None:
                break
            at = (dx * reach[0], dy * reach[1])
            _move(tag, *at)
            box = tag.get_window_extent(renderer)
            cost = _overlap(box, taken, PAD * px) - _overlap(box, mine, PAD * px) + _overlap(box, mine, 0.0) \
                + OUTSIDE * _outside(box, ax.bbox) + ACROSS * _across(box, tag, edges)
            if cost == 0 and nearest_is_own(box, own, keyed, NEARER * scale, 1.0 if k < len(tight) else NEARER_TIMES):
                beside = at
                break
            if cost == 0 and led is None and _leads(box, mark, mine, others, scale):
                led = at
            if cost == 0 and clear is None:
                clear = at
            if best is None or cost < best[0]:
                best = (cost, *at)
        _move(tag, *(beside or led or clear or best[1:]))
        if beside is None and not nearest_is_own(text_extent(tag, renderer), own, keyed, NEARER * scale, NEARER_TIMES):
            _join(tag)
        taken = np.vstack([taken, _array([text_extent(tag, renderer).padded(TEXT_PAD * px)])])
    return tags


def lane_edges(ax: Axes) -> list[float]:
    """The display y of every edge between two lanes of ``ax`` (the edges of the shaded lanes, gids
    'lane-band:k', which every edge between lanes is)."""
    return sorted({y for patch in ax.patches if (patch.get_gid() or "").startswith("lane-band:")
                   for y in (patch.get_window_extent().y0, patch.get_window_extent().y1)})


def _across(box: Bbox, tag: Text, edges: Sequence[float]) -> int:
    """How many lane edges lie between the tag's mark and the far side of ``box`` (or cut the box)."""
    mark_y = tag.axes.transData.transform(tag.xy)[1]
    low, high = min(mark_y, box.y0), max(mark_y, box.y1)
    return sum(low < y < high for y in edges)


def event_of(gid: str) -> str:
    """The key of the event an artist's gid names ('ring:a@1' -> 'a@1', 'a' -> 'a')."""
    return gid.split(":", 1)[1] if ":" in gid else gid


def marks_by_event(ax: Axes, renderer: object) -> list[tuple[str, Bbox]]:
    """(event key, extent in display pixels) of every mark of ``ax``: markers, rings, bars and caps, open dates'
    arrows; not leaders (a label's leader is not its event's mark)."""
    found = [(event_of(line.get_gid()), line.get_window_extent(renderer)) for line in ax.lines
             if line.get_visible() and line.get_gid() and not line.get_gid().startswith("leader:")]
    found += [(event_of(patch.get_gid()), patch.get_window_extent(renderer)) for patch in ax.patches
              if isinstance(patch, FancyArrowPatch) and (patch.get_gid() or "").startswith("open:")]
    return found


def gap(a: Bbox, b: Bbox) -> float:
    """Pixels between two boxes (0 where they touch or overlap)."""
    return float(np.hypot(max(0.0, a.x0 - b.x1, b.x0 - a.x1), max(0.0, a.y0 - b.y1, b.y0 - a.y1)))


def nearest_is_own(box: Bbox, own: str, marks: Iterable[tuple[str, Bbox]], margin: float, times: float = 1.0) -> bool:
    """Does ``box`` lie nearer the marks of event ``own`` than any other event's mark, by ``margin`` pixels and
    ``times`` as near?"""
    mine, others = np.inf, np.inf
    for key, extent in marks:
        if key == own:
            mine = min(mine, gap(box, extent))
        else:
            others = min(others, gap(box, extent))
    return mine + margin <= others and mine * times <= others


def _leads(box: Bbox, mark: Sequence[float], mine: np.ndarray, others: Sequence[Bbox], scale: float) -> bool:
    """Could a leader from the middle of ``box`` to the ``mark`` point (display pixels) join them plainly: showing
    :data:`MIN_LEADER` of line outside the words and the own mark's extents (``mine``), crossing no other mark,
    with the words :data:`AWAY` from every other mark (``scale``: pixels per pixel at 100 dpi)?"""
    start = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
    points = start + np.linspace(0.0, 1.0, 41)[:, None] * (np.asarray(mark, dtype=float) - start)
    held = _inside(points, _array([box]), 0.0)
    if len(mine):
        held |= _inside(points, mine, 0.0)
    shown = np.count_nonzero(~held) / 40 * float(np.hypot(*(points[-1] - start)))
    if shown < MIN_LEADER * scale:
        return False
    rest = _array(others)
    return not (_inside(points, rest, scale).any() or _overlap(box, rest, AWAY * scale) > 0)


def _inside(points: np.ndarray, boxes: np.ndarray, inset: float) -> np.ndarray:
    """Which ``points`` (n x 2) lie inside any of ``boxes`` (m x 4) shrunk by ``inset``."""
    if not len(boxes):
        return np.zeros(len(points), dtype=bool)
    x, y = points[:, :1], points[:, 1:]
    return ((boxes[:, 0] + inset < x) & (x < boxes[:, 2] - inset)
            & (boxes[:, 1] + inset < y) & (y < boxes[:, 3] - inset)).any(axis=1)


def text_extent(tag: Text, renderer: object) -> Bbox:
    """The extent of the tag's words alone (an annotation's own extent takes in its leader)."""
    return Text.get_window_extent(tag, renderer)


def is_joined(tag: Text) -> bool:
    """Is the tag joined to its mark by a leader (:func:`_join`)?"""
    patch = getattr(tag, "arrow_patch", None)
    return patch is not None and patch.get_visible()


def _join(tag: Text) -> None:
    """Draw a leader from the tag to the point it annotates (its mark)."""
    tag.arrowprops = dict(LEADER)
    tag._arrow_relpos = (0.5, 0.5)       # as Annotation(arrowprops=...) sets it: from the tag's middle, clipped
    tag.arrow_patch = FancyArrowPatch((0, 0), (1, 1), **LEADER)
    tag.arrow_patch.set_gid(f"tag-leader:{event_of(tag.get_gid())}")


def _reach(tag: Text, ax: Axes, renderer: object, px: float) -> tuple[float, float]:
    """Points from the mark's centre to the tag's near edge, across and up: half the mark's size, and more."""
    own = [line for line in ax.lines if line.get_gid() and tag.get_gid().endswith(":" + line.get_gid())]
    size = max((line.get_markersize() for line in own if isinstance(line, Line2D)), default=8.0)
    return size / 2 + 1.5, size / 2 + 1.0


def _move(tag: Text, dx: float, dy: float) -> None:
    """Put the tag ``dx``, ``dy`` points from its mark, reading away from it."""
    tag.xyann = (dx, dy)
    tag.set_ha("left" if dx > 0 else "right" if dx < 0 else "center")
    tag.set_va("center" if dy == 0 else "bottom" if dy > 0 else "top")


def _outside(box: Bbox, frame: Bbox) -> bool:
    """Does ``box`` reach out of the axes ``frame`` (into the key above, or past the lanes)?"""
    return box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1


def _array(boxes: Iterable[Bbox]) -> np.ndarray:
    return np.array([[b.x0, b.y0, b.x1, b.y1] for b in boxes], dtype=float).reshape(-1, 4)


def _overlap(box: Bbox, taken: np.ndarray, pad: float) -> float:
    """The area (square pixels, plus one per box) by which ``box``, grown by ``pad``, overlaps ``taken``."""
    w = np.minimum(box.x1 + pad, taken[:, 2]) - np.maximum(box.x0 - pad, taken[:, 0])
    h = np.minimum(box.y1 + pad, taken[:, 3]) - np.maximum(box.y0 - pad, taken[:, 1])
    hit = (w > 0) & (h > 0)
    return float(np.sum(w[hit] * h[hit]) + np.count_nonzero(hit))
