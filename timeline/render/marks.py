"""Drawing one event of a timeline: its mark, its label, its links. Each helper takes the ``ax`` to draw
on and returns the artists it added.

A date is drawn as what it is. A date known to the day on a chart of
months is a point: a marker of its type family's shape and colour
(:mod:`timeline.palette`). A date that covers more than a marker's width
(a month, an interval) is a line with end caps over the whole span, in its
family's colour, with no marker: no point is claimed where there is none.
An open date ("../2025-12-03", on or before) is a marker at its known bound
with a short arrow toward the open side: never a line that could read as a
duration. ``?`` and ``~`` flag uncertain and approximate dates. Statuses
are drawn as :mod:`timeline.render.legend` lists them.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.font_manager import FontProperties
from matplotlib.patches import ConnectionStyle, FancyArrowPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from timeline.dates import DateSpan
from timeline.model import Event
from timeline.render import style
from timeline.render.detour import detour
from timeline.render.legend import LINKS, MARKER, SPAN_CAP, SPAN_CAP_LINE, SPAN_LINE, ring_marker
from timeline.render.markers import weighted_size
from timeline.render.spans import Glyph
from timeline.render.stacks import stack_text

LABEL_SIZE = 8.0        # points: legible in print at a full page
RING = MARKER * 1.75    # points: a status ring's width
QUALIFIER_FONT = FontProperties(size=LABEL_SIZE, weight="bold")


def qualifier(span: DateSpan) -> str:
    """The mark beside an uncertain (?) or approximate (~) date."""
    return "~" * span.approximate + "?" * span.uncertain


def is_span(glyph: Glyph, points_per_day: float) -> bool:
    """Is the date drawn as a bar: does it cover more than a day, or (hours) more than a marker's width at
    ``points_per_day``? A day is a point, in the middle of its day where days are wide (a bar over a whole
    day read as an event lasting all day); a month never is."""
    days = glyph.hi - glyph.lo
    return days > 1.001 or (abs(days - 1) > 1e-6 and days * points_per_day > MARKER * 1.2)


def wide_days(glyphs: Sequence[Glyph], points_per_day: float) -> bool:
    """Are days wider than a marker at ``points_per_day``, with events dated to the day drawn as points in them?"""
    return points_per_day > MARKER * 1.2 and any(abs(g.hi - g.lo - 1) < 1e-6 for g in glyphs)


def bar_extent(glyph: Glyph, points_per_day: float) -> tuple[float, float]:
    """The bar of a span, as date numbers: the span, widened about its middle to a marker's width at least."""
    least = MARKER / points_per_day
    if glyph.hi - glyph.lo >= least:
        return glyph.lo, glyph.hi
    return glyph.x - least / 2, glyph.x + least / 2


#: Points: the length of the arrow that points from an open date's known bound toward its open side.
ARROW = 11.0
#: Points: the white edge of a filled marker on squeezed rows, where marks of rows next to each other may touch.
APART_EDGE = 0.5
#: The opacity of the tint inside the ring round a span's end (a ring around nothing read as a hollow mark).
SPAN_RING_TINT = 0.3
#: Words put before the label of an event that did not take place as planned.
STATUS_WORDS = {"cancelled": "Cancelled: ", "postponed": "Postponed: "}


def mark_x(glyph: Glyph) -> float:
    """The date number where the event's marker is drawn: the known bound of an open date (the middle of its last,
    or first, day: "by 3 Dec" is drawn on 3 Dec, not at the midnight after it), else its date's middle (a span's
    bar is centred there too). Links and numbers start and end here, on the mark itself."""
    inside = min(0.5, (glyph.hi - glyph.lo) / 2)      # the bound's day itself, not the midnight after it
    return glyph.hi - inside if glyph.open_start else glyph.lo + inside if glyph.open_end else glyph.x


def draw_event(ax: Axes, glyph: Glyph, y: float, points_per_day: float, size: float = 1.0) -> list[Artist]:
    """The event's mark: a marker of its family's shape at its date, or a capped line over its span (no
    point is claimed where there is none); an open date is a marker at its known bound with a short arrow
    toward the open side (never a span); then its status ring, date qualifier and the number of events it
    stands for ("×3", :mod:`timeline.render.stacks`). ``size`` scales the marker and its ring (rows lower than
    a marker take smaller marks, rather than marks that overlap); below 1, a filled marker has a white edge, so
    that two that still touch read as two shapes, not one new glyph (judged round 8: squares fused into a bar)."""
    event = glyph.event
    mark = style.EVENT_MARKS[event.type]
    look = style.status_look(event.status)
    artists: list[Artist] = []
    span = is_span(glyph, points_per_day) and not (glyph.open_start or glyph.open_end)
    lo, hi = bar_extent(glyph, points_per_day)
    alpha = max(look.alpha, 0.6)        # a faded marker stays legible
    if span:     # thin and light: a vague date must not outweigh the events known to the day; a faded status
        alpha = look.alpha * SPAN_LINE["alpha"]      # fades a span as the key's mark is (Budapest read as held)
        artists += ax.plot([lo, hi], [y, y], color=mark.color, lw=SPAN_LINE["lw"], alpha=alpha,
                           ls="-" if look.fill else "--", solid_capstyle="butt", zorder=3, gid=glyph.key)
        artists += ax.plot([lo, hi], [y, y], ls="none", marker="|", ms=SPAN_CAP, mew=SPAN_CAP_LINE,
                           color=mark.color, alpha=alpha, zorder=3, gid=f"caps:{glyph.key}")
    else:
        x = mark_x(glyph)
        apart = look.fill and size < 1        # squeezed rows: a white edge keeps touching marks two shapes
        artists += ax.plot([x], [y], ls="none", marker=mark.marker, ms=weighted_size(mark.marker, MARKER) * size,
                           mew=APART_EDGE if apart else 1.1, color=mark.color, mec="white" if apart else mark.color,
                           mfc=mark.color if look.fill else "white", alpha=alpha, zorder=5, gid=glyph.key)
        if glyph.open_start or glyph.open_end:
            artists.append(draw_open_arrow(ax, x, y, points_per_day, before=glyph.open_start,
                                           color=mark.color, gid=f"open:{glyph.key}"))
    if look.ring:       # a span's ring goes round its end cap: round the middle it ringed nothing; tinted in
        at = hi if span else mark_x(glyph)      # the span's colour, not empty (judged round 9: it read as hollow)
        artists += ax.plot([at], [y], ls="none", marker=ring_marker(look.ring), ms=RING * size,
                           mfc=(*to_rgb(mark.color), SPAN_RING_TINT) if span else "none", mec=style.INK, mew=0.8,
                           zorder=4, gid=f"ring:{glyph.key}")
    if mark_text := qualifier(event.date) + stack_text(glyph):
        at = hi if span else mark_x(glyph)
        artists.append(ax.annotate(mark_text, (at, y), xytext=(2 if span else MARKER / 2 + 1, 2),
                                   textcoords="offset points", fontproperties=QUALIFIER_FONT, color=style.MUTED,
                                   va="center", gid=f"qualifier:{glyph.key}", zorder=6))
    return artists


def draw_open_arrow(ax: Axes, x: float, y: float, points_per_day: float, before: bool, color: str,
                    gid: str | None = None) -> FancyArrowPatch:
    """A short arrow from a marker at ``x`` toward the open side: left for "on or before", right for
    "on or after". It is :data:`ARROW` points long whatever the axis' scale, so it never reads as a span."""
    step = -1 if before else 1
    start = x + step * (MARKER / 2) / points_per_day
    end = x + step * (MARKER / 2 + ARROW) / points_per_day
    return ax.add_patch(FancyArrowPatch((start, y), (end, y), arrowstyle="-|>", mutation_scale=7, lw=1.1,
                                        color=color, shrinkA=0, shrinkB=0, zorder=4, gid=gid))


def draw_label(ax: Axes, glyph: Glyph, text: str, x: float, left: bool, y: float, y_mark: float,
               half: float = 0.5) -> list[Artist]:
    """The label centred on row ``y`` at ``x`` reading rightward (``left``: it ends at ``x``), ``half`` rows
    high each way, with a leader line from the mark at ``y_mark`` to the label's middle (none for a label on
    its mark's row, beside it); a white halo keeps every label clear of the marks of the rows next to it, of
    gridlines and of a magnified stretch's dotted edges (judged round 8: labels read as cut by them); italic if
    the event is pending, grey if it did not take place."""
    look = style.status_look(glyph.event.status)
    step = 1 if y > y_mark else -1
    leader = [] if y == y_mark else ax.plot([x, x], [y_mark + 0.32 * step, y], color="#9A9A9A", lw=0.6, zorder=2,
                                            gid=f"leader:{glyph.key}", solid_capstyle="butt")
    label = ax.annotate(text, (x, y), xytext=(-2.5 if left else 2.5, 0), textcoords="offset points",
                        ha="right" if left else "left", va="center", fontsize=LABEL_SIZE, parse_math=False,
                        color=style.MUTED if look.struck else style.INK, linespacing=1.0,
                        fontstyle="normal" if look.fill else "italic", zorder=6, gid=f"label:{glyph.key}")
    label.set_path_effects([patheffects.withStroke(linewidth=2.5, foreground="white")])   # over gridlines, band edges
    return [*leader, label]


def links(events: Sequence[Event], relations: Sequence[str]) -> list[tuple[str, str, str]]:
    """(from id, relation, to id) for each link among the shown events whose relation is drawn."""
    shown = {e.id for e in events}
    return [(e.id, link.relation, link.event) for e in events for link in e.related
            if link.relation in relations and link.event in shown]


#: How far a link bends (matplotlib's ``arc3`` rad), in the order tried: more only where its head would end by
#: another event's mark (judged round 12: a dispute's head on the bracket of a span beneath its target).
BENDS = (0.35, 0.6, 0.9, 1.3)
#: Shares of a link's length by which a square-cornered route ("bar") stands out to one side, where no arc clears
#: the labels' words (judged round 13: the dispute through "in ending the war").
BARS = (0.15, 0.3, 0.5, 0.8)
#: Points: a link's head's length (``-|>`` at mutation scale 8), and how far short of its target's middle it ends.
LINK_SCALE = 8.0
LINK_HEAD, LINK_SHRINK = 0.4 * LINK_SCALE, MARKER * 0.9


def draw_links(ax: Axes, where: dict[str, tuple[float, float]], shown: Sequence[tuple]) -> list[Artist]:
    """An arrow from each event's mark to the mark of the one it relates to (``where``: id to x, y), by the first
    route of :func:`routes` whose head ends on its own mark (:func:`head_fault`) and that crosses no label's
    words and no other mark (judged round 8: the Pokrovsk dispute crossed 'Kyiv rejects the demands'; round 13:
    one cut "in ending the war"); where none does, the one crossing the fewest words, then marks."""
    artists: list[Artist] = []
    left, right = sorted(ax.get_xlim())
    renderer = ax.figure.canvas.get_renderer()
    marks = mark_boxes(ax, renderer)
    claims = label_claims(ax, renderer, marks)
    px = ax.figure.dpi / 72
    for source, relation, target in shown:
        (x1, y1), (x2, y2) = where[source], where[target]
        look = LINKS[relation]
        outward = 1 if (x1 + x2) / 2 > (left + right) / 2 else -1
        ends = ax.transData.transform([(x1, y1), (x2, y2)])
        choices = routes(outward * (1 if y2 < y1 else -1))       # rows grow down
        passed = [k for k, (key, _) in enumerate(marks) if key not in (source, target)]
        words = [box for key, box, gap in claims if not gap or key not in (source, target)]
        costs = [_cost(ConnectionStyle(style), ends, px, (source, target), marks, [marks[i][1] for i in passed],
                       words) for style in choices]
        best = min(range(len(choices)), key=lambda k: (*costs[k], k))
        drawn = {"arrowstyle": "-|>", "mutation_scale": LINK_SCALE, "lw": 0.9, "color": look["color"],
                 "ls": look["ls"], "zorder": 4, "clip_on": False, "gid": f"link:{source}:{relation}:{target}"}
        if any(costs[best][:3]) and (corners := _detour(source, target, marks, words, ax.figure.dpi / 100)) is not None:
            path = Path(ax.transData.inverted().transform(corners))
            artists.append(ax.add_patch(FancyArrowPatch(path=path, **drawn)))
            continue
        artists.append(ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle=choices[best],
                                                    shrinkA=LINK_SHRINK, shrinkB=LINK_SHRINK, **drawn)))
    return artists


def _cost(style: ConnectionStyle, ends: np.ndarray, px: float, pair: tuple[str, str],
          marks: Sequence[tuple[str, Bbox]], passed: Sequence[Bbox], words: Sequence[Bbox]) -> tuple:
    """What is wrong with a route from ``pair[0]``'s mark to ``pair[1]``'s, worst first: an end off its own
    mark (:func:`head_fault`, at the head and at the tail), words crossed, other marks crossed, then how many."""
    points = route_points(style, ends, px)
    crossed, through = _boxes_crossed(points, words), _boxes_crossed(points, passed)
    ends_off = head_fault(points, pair[1], marks, px) or head_fault(points[::-1], pair[0], marks, px)
    return ends_off, crossed > 0, through > 0, crossed, through


def _detour(source: str, target: str, marks: Sequence[tuple[str, Bbox]], words: Sequence[Bbox], scale: float
            ) -> np.ndarray | None:
    """A square-cornered route from ``source``'s mark to ``target``'s round every label's ``words`` and every
    other mark (:func:`~timeline.render.detour.detour`), in display pixels; ``None`` if there is none."""
    own = {key: Bbox.union([box for k, box in marks if k == key]) for key in (source, target)}
    others = [box for key, box in marks if key not in own]
    found = detour(own[source], own[target], words, scale, near=others)     # clear of other marks, else by them
    return found if found is not None else detour(own[source], own[target], [*words, *others], scale)


def label_claims(ax: Axes, renderer: object, marks: Sequence[tuple[str, Bbox]]) -> list[tuple[str, Bbox, bool]]:
    """(event id, display box, is it the gap beside its own mark) of what joins each label or number to its
    mark: its words, its leader, and for one beside its mark the gap between them (words and mark in one box). No link
    passes between a label and its own mark (judged round 14: the dispute ran between "Sybiha: Putin has no
    interest" and its square, which read as no one's)."""
    own = {}
    for key, box in marks:
        own.setdefault(key, []).append(box)
    leaders = [((line.get_gid() or "").split(":", 1)[1].split("@")[0], line.get_window_extent(renderer), False)
               for line in ax.lines if (line.get_gid() or "").startswith("leader:")]
    led = {key for key, _, _ in leaders}
    out = leaders
    for text in ax.texts:
        gid = text.get_gid() or ""
        if gid.startswith(("label:", "number:")):
            key = gid.split(":", 1)[1].split("@")[0]
            words = label_words(text, renderer)
            out.append((key, words, False))
            if gid.startswith("label:") and key in own and key not in led:
                out.append((key, Bbox.union([words, *own[key]]), True))
    return out


def label_words(text: Text, renderer: object) -> Bbox:
    """The box of a label's words (display pixels; not its leader), where they are drawn: an annotation placed
    by an offset is set in place first (matplotlib does so only when it draws it)."""
    if hasattr(text, "update_positions"):
        text.update_positions(renderer)
    return Text.get_window_extent(text, renderer)


def routes(side: int) -> list[str]:
    """The routes a link may take, in order of preference (matplotlib connection styles): arcs bent ``side``
    first (outward: away from the labels, which read inward from marks near an edge), then the other way, the
    least bent first; then square-cornered ones, the nearest first."""
    arcs = [f"arc3,rad={rad * s}" for rad in BENDS for s in (side, -side)]
    return arcs + [f"bar,armA=0,armB=0,fraction={f * s}" for f in BARS for s in (side, -side)]


def route_points(style: ConnectionStyle, ends: np.ndarray, px: float) -> np.ndarray:
    """Points every pixel or so along a link's route from ``ends[0]`` to ``ends[1]`` (display pixels, ``px`` a
    point), shortened at both ends as the arrow is drawn."""
    path = style(tuple(ends[0]), tuple(ends[1]), shrinkA=LINK_SHRINK * px, shrinkB=LINK_SHRINK * px)
    corners = np.concatenate(path.to_polygons(closed_only=False))
    steps = [np.linspace(a, b, max(2, int(np.hypot(*(b - a))) + 1)) for a, b in zip(corners, corners[1:])]
    return np.concatenate(steps) if steps else corners


def _boxes_crossed(points: np.ndarray, boxes: Sequence[Bbox]) -> int:
    """How many of ``boxes`` (display pixels, a pixel of air about them) a route's ``points`` pass through."""
    return sum(bool(np.any((points[:, 0] > b.x0 - 1) & (points[:, 0] < b.x1 + 1) & (points[:, 1] > b.y0 - 1)
                           & (points[:, 1] < b.y1 + 1))) for b in boxes)


def mark_boxes(ax: Axes, renderer: object) -> list[tuple[str, Bbox]]:
    """(event id, display box) of every event's mark drawn on ``ax``: markers, bars and their caps, rings, open
    dates' arrows; not leaders, lanes or links."""
    out = []
    for artist in (*ax.lines, *ax.patches):
        gid = artist.get_gid() or ""
        if not gid or gid.startswith(("leader:", "lane", "zoom", "break", "link:")) or not artist.get_visible():
            continue
        if artist in ax.patches and not gid.startswith("open:"):
            continue
        key = gid.split(":", 1)[1] if ":" in gid else gid
        out.append((key.split("@")[0], artist.get_window_extent(renderer)))
    return out


def head_fault(points: np.ndarray, target: str, marks: Sequence[tuple[str, Bbox]], px: float) -> bool:
    """Would the head of a link along ``points`` (:func:`route_points`, ``px`` a point) end nearer another event's
    mark (``marks``: id, box) than its ``target``'s, or lie within :data:`LINK_HEAD` of another mark? The head is
    the route's last :data:`LINK_HEAD` points."""
    run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(points[::-1], axis=0).T))])
    head = points[::-1][run <= LINK_HEAD * px]
    own = min((box_distance(head[0], box) for key, box in marks if key == target), default=np.inf)
    others = [box for key, box in marks if key != target]
    tip = min((box_distance(head[0], box) for box in others), default=np.inf)
    body = min((box_distance(point, box) for point in head for box in others), default=np.inf)
    return bool(tip <= own or body < LINK_HEAD * px)


def box_distance(point: np.ndarray, box: Bbox) -> float:
    """Pixels from ``point`` to ``box`` (0 inside)."""
    return float(np.hypot(max(box.x0 - point[0], 0.0, point[0] - box.x1), max(box.y0 - point[1], 0.0, point[1] - box.y1)))


