"""The timeline chart of single events: each on its own row of its lane, labelled where room allows."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties

from timeline.model import Event
from timeline.render.frame import DPI, LINE, Frame, wrap_lane
from timeline.render.labels import Footprint, Slot, pack
from timeline.render.legend import MARKER, cue_entries, type_entries
from timeline.render.marks import (
    LABEL_SIZE,
    QUALIFIER_FONT,
    draw_event,
    draw_label,
    draw_links,
    is_span,
    qualifier,
)
from timeline.render.spans import Glyph, TimeScale
from timeline.render.text import fit, text_width

MAX_HEIGHT = 13.0       # inches, when the height is left to the chart
TRACK = 0.2             # inches per row of events
MIN_TRACK = 0.15        # inches per row, at the least, when rows must be squeezed to fit
LANE_PAD = 0.4          # rows of air above and below a lane's events
GAP = 3.0               # points between two things on a row
#: The order in which events keep their labels when not all fit; other types follow.
PRIORITY = ("agreement", "agreement_signed", "meeting", "rejection", "acceptance", "proposal", "counter_proposal",
            "demand", "visit", "call", "threat", "military_action", "claim", "denial", "accusation", "statement",
            "assessment")


@dataclass(slots=True)
class Placed:
    """Each glyph's row in its lane, and the labels that fit: glyph index -> (text, left, right date numbers)."""

    slots: list[Slot]
    labels: dict[int, tuple[str, float, float]]


def layout_rows(frame: Frame, glyphs: list[Glyph], texts: list[str], names: Sequence[str], scale: TimeScale,
                height: float | None, labelled: bool) -> tuple[Placed, list[int], list[float], float]:
    """Rows for every glyph and label within the height; return them, each lane's rows, its height, the axes'."""
    room = (height or MAX_HEIGHT) - frame.fixed_height - frame.LINE
    named = [name_rows(name) if labelled else 0 for name in names]  # rows that lanes' names need
    budget = int(room / MIN_TRACK - 2 * LANE_PAD * len(names) - sum(max(0, n - 1) for n in named))
    placed = place(frame.renderer, glyphs, texts, len(names), scale, frame.axes_width, budget)
    tracks = [1 + max((p.track for g, p in zip(glyphs, placed.slots) if g.lane == k), default=0)
              for k in range(len(names))]
    heights = [max(pair) for pair in zip(tracks, named)]
    rows = sum(heights) + 2 * LANE_PAD * len(names)
    return placed, tracks, heights, height or frame.fixed_height + min(rows * TRACK, room)


def draw_rows(ax: Axes, glyphs: list[Glyph], placed: Placed, tracks: list[int], heights: list[float],
              lane_tops: list[float], scale: TimeScale, links: Sequence[tuple]) -> list[float]:
    """Draw every glyph on its row, the labels that fit and the links; return each glyph's y."""
    y = [lane_tops[g.lane] + (heights[g.lane] - tracks[g.lane]) / 2 + placed.slots[i].track + 0.5
         for i, g in enumerate(glyphs)]
    width = ax.get_position().width * ax.figure.get_figwidth() * 72   # points
    for i, g in enumerate(glyphs):
        text, lo, hi = placed.labels.get(i, (None, None, None))
        over_fade = lo if g.open_start and text and hi <= g.lo else hi if g.open_end and text and lo >= g.hi \
            else None
        draw_event(ax, g, y[i], width / _units(scale) / scale.days_per_unit(g.x), fade_to=over_fade)
        if text:
            draw_label(ax, g, text, lo, hi, y[i])
    draw_links(ax, {g.event.id: (g.x, y[i]) for i, g in enumerate(glyphs) if not g.copy}, links)
    return y


def legends(glyphs: Sequence[Glyph], scale: TimeScale, axes_width: float, shown_links: Sequence[tuple]) -> list:
    """The type legend and the cue legend of the glyphs drawn."""
    per_unit = axes_width * 72 / _units(scale)
    spans = [g for g in glyphs if is_span(g, per_unit / scale.days_per_unit(g.x))]
    events = [g.event for g in glyphs]
    return [type_entries({e.type for e in events}),
            cue_entries(bool(spans), any(g.open_start for g in glyphs), any(g.open_end for g in glyphs),
                        any(e.date.uncertain for e in events), any(e.date.approximate for e in events),
                        {e.status for e in events}, [relation for _, relation, _ in shown_links])]


def _units(scale: TimeScale) -> float:
    return float(scale.units[-1] - scale.units[0])


def name_rows(name: str) -> float:
    """Rows a lane needs for its name, were rows squeezed to :data:`MIN_TRACK`."""
    lines = wrap_lane(name).count("\n") + 1
    return lines * LINE / MIN_TRACK - 2 * LANE_PAD


def rank(event: Event) -> tuple:
    """Which labels to keep first: by type, then events that happened, then those with more actors."""
    kind = PRIORITY.index(event.type) if event.type in PRIORITY else len(PRIORITY)
    return kind, event.status != "occurred", -len(event.actors()), event.date.sort_key()


def place(renderer: object, glyphs: list[Glyph], texts: list[str], lanes: int, scale: TimeScale,
          axes_width: float, budget: int) -> Placed:
    """Give each glyph a row in its lane and its label a side, measuring text with the renderer."""
    px = DPI / 72  # pixels per point
    width = axes_width * DPI
    font = FontProperties(size=LABEL_SIZE)
    footprints, options = [], []
    for glyph, text in zip(glyphs, texts):
        lo, hi, places = footprint(renderer, font, glyph, text, scale, width, px)
        footprints.append(Footprint(glyph.lane, (lo, hi), tuple((a, b) for a, b, *_ in places), rank(glyph.event)))
        options.append(places)
    slots = pack(footprints, lanes, budget, gap=GAP * px)
    labels = {}
    for i, slot in enumerate(slots):
        if slot.label is not None:
            lo, hi, text = options[i][slot.label]
            labels[i] = text, float(scale.inverse(scale.units[0] + lo / width * _units(scale))), \
                float(scale.inverse(scale.units[0] + hi / width * _units(scale)))
    return Placed(slots, labels)


def footprint(renderer: object, font: FontProperties, glyph: Glyph, text: str, scale: TimeScale, width: float,
              px: float) -> tuple[float, float, list]:
    """The glyph's interval on its row and the places its label may go (beside it, never over it), in pixels."""
    x, bar_lo, bar_hi = (scale.fraction(v) * width for v in (glyph.x, glyph.lo, glyph.hi))
    radius = MARKER / 2 * px
    mark = qualifier(glyph.event.date)
    mark_w = text_width(renderer, mark, QUALIFIER_FONT) + 1.5 * px if mark else 0
    span = glyph.hi - glyph.lo > 1.001 or bar_hi - bar_lo > MARKER * 1.2 * px
    if span and bar_hi - bar_lo < MARKER * px:         # as marks.bar_extent widens it
        bar_lo, bar_hi = x - MARKER * px / 2, x + MARKER * px / 2
    left_edge, right_edge = (bar_lo, bar_hi) if span else (x - radius, x + radius)
    right_edge += mark_w
    lo = 0 if glyph.open_start else max(min(left_edge, width), 0)
    hi = width if glyph.open_end else min(max(right_edge, 0), width)
    right, left = right_edge + GAP * px, left_edge - GAP * px
    # an open end's label may lie on its own fade, which then stops short of it
    sides = [("left", left), ("right", right)] if glyph.open_end else [("right", right), ("left", left)]
    full, cut = [], []  # a label is cut only where it cannot fit whole on either side
    for ha, at in sides:
        room = width - at if ha == "right" else at
        label = fit(renderer, font, text, room)
        if label:
            w = text_width(renderer, label, font)
            place_ = (at, at + w, label) if ha == "right" else (at - w, at, label)
            (full if label == text else cut).append(place_)
    inside = text_width(renderer, text, font) if span and not full else None
    if inside is not None and inside + 4 * GAP * px <= bar_hi - bar_lo:   # a wide bar holds its own label
        full.append((bar_lo + 2 * GAP * px, bar_lo + 2 * GAP * px + inside, text))
    return lo, hi, full or cut
