"""The small words beside a timeline's marks (an event's number, a stack's "×3", a date's "?") moved, once the
chart is laid out, to the first place around their mark where they touch no marker, ring, bar, arrow or other
text: a number on a ring reads as part of it, or as another event's.
"""
from __future__ import annotations

from collections.abc import Iterable

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
#: Offsets tried from the mark, in points (x, y), and the side a tag then reads from: up right first (where
#: tags sit by default), then right, down right, the left side, straight above and beneath, then further out.
NEAR = ((1.0, 0.5), (1.0, 0.0), (1.0, -0.5), (-1.0, 0.5), (-1.0, 0.0), (-1.0, -0.5), (0.0, 1.0), (0.0, -1.0),
        (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0))
OFFSETS = NEAR + tuple((x * far, y * far) for far in (1.7, 2.4, 3.2, 4.2, 5.4) for x, y in NEAR)


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
    :data:`PAD` points clear of every mark and every text placed; a tag with no such place keeps the one that
    overlaps least. Return the tags; call once the figure is laid out (``figure.draw_without_rendering()``)."""
    renderer = ax.figure.canvas.get_renderer()
    px = ax.figure.dpi / 72
    tags = tags_of(ax)
    fixed = [t.get_window_extent(renderer).padded(TEXT_PAD * px) for t in ax.texts
             if t not in tags and t.get_text().strip()]
    taken = _array([*obstacles(ax, renderer), *fixed])
    for tag in tags:
        reach = _reach(tag, ax, renderer, px)
        best: tuple[float, float, float] | None = None
        for dx, dy in OFFSETS:
            _move(tag, dx * reach[0], dy * reach[1])
            cost = _overlap(tag.get_window_extent(renderer), taken, PAD * px)
            if best is None or cost < best[0]:
                best = (cost, dx * reach[0], dy * reach[1])
            if cost == 0:
                break
        _move(tag, best[1], best[2])
        taken = np.vstack([taken, _array([tag.get_window_extent(renderer).padded(TEXT_PAD * px)])])
    return tags


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


def _array(boxes: Iterable[Bbox]) -> np.ndarray:
    return np.array([[b.x0, b.y0, b.x1, b.y1] for b in boxes], dtype=float).reshape(-1, 4)


def _overlap(box: Bbox, taken: np.ndarray, pad: float) -> float:
    """The area (square pixels, plus one per box) by which ``box``, grown by ``pad``, overlaps ``taken``."""
    w = np.minimum(box.x1 + pad, taken[:, 2]) - np.maximum(box.x0 - pad, taken[:, 0])
    h = np.minimum(box.y1 + pad, taken[:, 3]) - np.maximum(box.y0 - pad, taken[:, 1])
    hit = (w > 0) & (h > 0)
    return float(np.sum(w[hit] * h[hit]) + np.count_nonzero(hit))
