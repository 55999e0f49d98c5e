"""Timeline charts: every event on a true date axis, in lanes by side, actor or type.

>>> figure = draw_timeline(record, lanes="side")
>>> drawing = render_timeline(record, "output/timeline.svg")
>>> open("output/timeline.svg").read(5)
'<?xml'

A date is drawn as what it is. An event's marker sits in the middle of
the day, month or interval it is known to lie in, over a faint bar that
covers that span; an open date ("../2025-12-03": on or before) fades from
its known bound toward the open side. ``?`` and ``~`` beside a marker
flag uncertain and approximate dates. Planned events are hollow,
disputed ones ringed, cancelled ones struck through.

Each event is drawn once, in the lane of its first actor (participants,
then host, source, target): with ``lanes="side"`` the state or
organisation that actor belongs to. Its label names the others.

Past :data:`AGGREGATE_ABOVE` events the chart counts events per lane and
period instead of drawing each one.
"""
from __future__ import annotations

import functools
import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
from dateutil.relativedelta import relativedelta
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle, StepPatch
from matplotlib.ticker import FuncFormatter, NullFormatter

from timeline.dates import DateSpan, parse_edtf
from timeline.errors import NothingToShow, UserError
from timeline.model import EVENT_TYPES, Dataset, Event
from timeline.outputs import DEFAULT_DIR
from timeline.render import style
from timeline.render.files import image_format, save_image
from timeline.render.labels import (
    Footprint,
    Slot,
    display_name,
    event_titles,
    pack,
    short_name,
    shorten,
)

LANES = ("side", "actor", "type", "none")
DEFAULT_PATH = DEFAULT_DIR / "timeline.png"
#: Past this many events the chart shows counts per lane and period.
AGGREGATE_ABOVE = 400
#: At most this many lanes of their own: the least active actors or sides share one more.
MAX_LANES = 10
OTHERS = "\0others"
LANE_NAME = 18          # characters per line of a lane's name
#: Links between events are drawn up to this many events.
LINKS_UP_TO = 60
#: The order in which events keep their labels when not all fit.
PRIORITY = ("agreement", "meeting", "rejection", "acceptance", "proposal", "counter_proposal", "demand",
            "visit", "call", "threat", "military_action", "claim", "denial", "accusation", "statement",
            "assessment")
PRIORITY += tuple(t for t in EVENT_TYPES if t not in PRIORITY)  # the model's other types, after these
#: Relations drawn as arrows between events, and their look.
LINKS = {"disputes": {"color": "#8E44AD", "ls": (0, (3, 2)), "label": "Disputes"},
         "responds_to": {"color": "#999999", "ls": "-", "label": "Responds to"},
         "supersedes": {"color": "#2CA02C", "ls": (0, (1, 1.5)), "label": "Supersedes"},
         "part_of": {"color": "#BBBBBB", "ls": (0, (1, 1.5)), "label": "Part of"}}

WIDTH = 11.0            # inches, by default
MAX_HEIGHT = 13.0       # inches, when the height is left to the chart
TRACK = 0.2             # inches per row of events
MIN_TRACK = 0.15        # inches per row, at the least, when rows must be squeezed to fit
LANE_PAD = 0.4          # rows of air above and below a lane's events
DAY_NAMES = 12          # days: up to this range, each day is named under its middle
MARKER = 7.0            # points
LABEL_SIZE = 7.5        # points
GAP = 3.0               # points between two things on a row
BAR = 0.42              # rows: the height of a date's bar
DPI = 100               # of the figure while laid out; savefig's dpi only scales pixels


class ChartError(UserError):
    """A chart that cannot be drawn or saved as asked."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """What a chart shows, kept on its figure as ``figure.timeline``.

    ``lanes`` are the lane names top to bottom; ``lane_of`` maps each event
    id to its lane's index; ``labels`` maps each labelled event's id to its
    label's text. ``period`` is the bin width of an aggregated chart.
    """

    events: tuple[Event, ...]
    lanes: tuple[str, ...]
    lane_of: dict[str, int]
    labels: dict[str, str]
    xlim: tuple[datetime, datetime]
    period: str | None = None

    @property
    def omitted(self) -> int:
        """How many drawn events have no label."""
        return 0 if self.period else len(self.events) - len(self.labels)


@dataclass(slots=True)
class _Glyph:
    """One event as drawn: its lane, marker position and the bar of its known span (date numbers)."""

    event: Event
    lane: int
    x: float
    lo: float
    hi: float
    open_start: bool
    open_end: bool


# --- the public API -------------------------------------------------------------

def render_timeline(dataset: Dataset, path: str | Path = DEFAULT_PATH, *, events: Sequence[Event] | None = None,
                    dpi: float = 200, force: bool = False, **options: object) -> Drawing:
    """Draw the timeline and save it as PNG, SVG or PDF, by the extension of ``path``; return what was drawn.

    The same data gives the same file, byte for byte. ``options`` go to
    :func:`draw_timeline`; ``force`` replaces a file timeline did not write.
    """
    image_format(path, force)
    figure = draw_timeline(dataset, events, **options)
    save_image(figure, path, dpi, force)
    return figure.timeline


def draw_timeline(dataset: Dataset, events: Sequence[Event] | None = None, *, lanes: str = "side",
                  title: str | None = None, size: tuple[float, float | None] | None = None,
                  aggregate: bool | None = None, links: Sequence[str] = ("disputes",)) -> Figure:
    """The timeline of ``events`` (default: all of ``dataset``) as a matplotlib Figure.

    ``lanes``: one of :data:`LANES`. ``size``: (width, height) in inches;
    a height of ``None`` fits the content. ``aggregate``: count events per
    lane and period (default: past :data:`AGGREGATE_ABOVE` events).
    ``links``: relations drawn as arrows between events (see :data:`LINKS`).
    What was drawn is on ``figure.timeline`` (a :class:`Drawing`).
    """
    events = list(dataset.events if events is None else events)
    _check(events, lanes, links, size)
    style.apply_defaults()
    width, height = size or (WIDTH, None)
    figure = Figure(figsize=(width, height or 4), dpi=DPI)
    FigureCanvasAgg(figure)
    names, lane_of = assign_lanes(dataset, events, lanes)
    glyphs = _glyphs(events, lane_of)
    if aggregate if aggregate is not None else len(events) > AGGREGATE_ABOVE:
        drawing = _draw_counts(figure, dataset, glyphs, names, _x_range(glyphs, fades=False), title, lanes, height)
    else:
        drawing = _draw_events(figure, dataset, glyphs, names, _x_range(glyphs), title, lanes, height, links)
    figure.timeline = drawing
    return figure


def assign_lanes(dataset: Dataset, events: Sequence[Event], lanes: str) -> tuple[list[str], list[int]]:
    """The lane names, top to bottom, and each event's lane index.

    An event goes to the lane of its first actor (or its side, or its type);
    lanes are ordered by their number of events, most first (types keep
    their vocabulary order). Past :data:`MAX_LANES`, the least active share
    a last lane, "12 others".
    """
    sides = {actor: dataset.side(actor) for actor in dataset.actors} | {"": ""}

    def key(event: Event) -> str:
        actor = (event.participants or event.host or event.source or event.target or event.mentioned or ("",))[0]
        return {"side": sides[actor], "actor": actor, "type": event.type, "none": ""}[lanes]

    keys = [key(event) for event in events]
    counts = Counter(keys)
    order = sorted(counts, key=lambda k: (-counts[k], keys.index(k)))
    if len(order) > MAX_LANES + 1 and lanes != "type":
        kept = set(order[:MAX_LANES])
        keys = [k if k in kept else OTHERS for k in keys]
        order = order[:MAX_LANES] + [OTHERS]
    if lanes == "type":
        order = [t for t in EVENT_TYPES if t in order]
    index = {k: i for i, k in enumerate(order)}
    names = [f"{len(counts) - MAX_LANES} others" if k == OTHERS else
             style.EVENT_MARKS[k].label if lanes == "type" else
             _lane_name(dataset, k) if k in dataset.actors else "" for k in order]
    return names, [index[k] for k in keys]


def _lane_name(dataset: Dataset, actor_id: str) -> str:
    """An actor's name as a lane's label: on two lines at most, else its short name."""
    name = printable(display_name(dataset.actors[actor_id]))
    if len(textwrap.wrap(name, LANE_NAME)) > 2:
        name = printable(short_name(dataset, actor_id))
    return name[:1].upper() + name[1:]


def _check(events: list[Event], lanes: str, links: Sequence[str], size: tuple | None) -> None:
    if not events:
        raise NothingToShow("no events to draw; loosen the filters (--since, --until, --actor, --type, --status)")
    if lanes not in LANES:
        raise ChartError(f"unknown lanes {lanes!r}; use one of: {', '.join(LANES)}")
    if unknown := [link for link in links if link not in LINKS]:
        raise ChartError(f"cannot draw relation {unknown[0]!r}; use any of: {', '.join(LINKS)}")
    if size and (size[0] < 3 or (size[1] is not None and size[1] < 2)):
        raise ChartError(f"a chart of {size[0]} × {size[1]} inches is too small; give at least 3 × 2")


# --- dates to positions ---------------------------------------------------------

def _glyphs(events: Sequence[Event], lane_of: Sequence[int]) -> list[_Glyph]:
    """Each event's marker and bar as date numbers; moments in several zones are put in UTC."""
    utc = len({e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}) > 1
    spans = [_known_span(event.date) for event in events]
    if utc:
        offsets = [e.date.tz.utcoffset(None) if e.date.tz else timedelta(0) for e in events]
        spans = [(start - off, end - off, *opens) for (start, end, *opens), off in zip(spans, offsets)]
    los = mdates.date2num([start for start, *_ in spans])
    his = mdates.date2num([end for _, end, *_ in spans])
    return [_Glyph(event, lane, (lo + hi) / 2, lo, hi, open_start, open_end)
            for event, lane, lo, hi, (*_, open_start, open_end) in zip(events, lane_of, los, his, spans)]


def _known_span(span: DateSpan) -> tuple[datetime, datetime, bool, bool]:
    """The part of a date that is known: the whole span, or an open span's bound; and which ends are open."""
    if span.start is not None and span.end is not None:
        return span.start, span.end, False, False
    before, _, after = span.text.partition("/")
    bound = parse_edtf(after if span.start is None else before)
    return bound.start, bound.end, span.start is None, span.end is None


def clock(events: Sequence[Event]) -> str | None:
    """The zone of the times drawn: 'UTC+03:00' if all share it, 'UTC' if they differ; ``None`` for no times."""
    offsets = {e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}
    if len(offsets) != 1:
        return "UTC" if offsets else None
    minutes = int(offsets.pop().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if minutes else "UTC"


def _x_range(glyphs: Sequence[_Glyph], fades: bool = True) -> tuple[float, float]:
    """Date limits that hold every known span, with room for open ends to fade out if ``fades``."""
    lo = min(g.lo for g in glyphs)
    hi = max(g.hi for g in glyphs)
    width = max(hi - lo, 1 / 24)
    pad = 0.03 * width
    left = pad + 0.12 * width * (fades and any(g.open_start for g in glyphs))
    right = pad + 0.12 * width * (fades and any(g.open_end for g in glyphs))
    return lo - left, hi + right


# --- the chart of single events ------------------------------------------------

def _draw_events(figure: Figure, dataset: Dataset, glyphs: list[_Glyph], names: list[str],
                 xlim: tuple[float, float], title: str | None, lanes: str, height: float | None,
                 links: Sequence[str]) -> Drawing:
    """Each event as a marker on its own row of its lane, with its label beside it."""
    events = [g.event for g in glyphs]
    shown_links = _links(events, links) if len(events) <= LINKS_UP_TO else []
    frame = _Frame(figure, names if lanes != "none" else [])
    per_day = frame.axes_width * 72 / (xlim[1] - xlim[0])  # points
    frame.header(title or dataset.title or "Timeline", _subtitle(len(events), lanes),
                 [_type_entries(glyphs), _cue_entries(glyphs, shown_links, per_day)])
    frame.footer(sources_line(dataset, events))
    room = (height or MAX_HEIGHT) - frame.fixed_height - frame.LINE  # a line kept for the note below
    named = [_name_rows(name) if lanes != "none" else 0 for name in names]  # rows that lanes' names need
    budget = int(room / MIN_TRACK - 2 * LANE_PAD * len(names) - sum(max(0, n - 1) for n in named))
    texts = [printable(t) for t in event_titles(dataset, events)]
    placed = _place(frame.renderer, glyphs, texts, len(names), xlim, frame.axes_width, budget)
    tracks = [1 + max((p.track for g, p in zip(glyphs, placed.slots) if g.lane == k), default=0)
              for k in range(len(names))]
    if omitted := len(events) - len(placed.labels):
        frame.footnote(f"Labels of {omitted} of {len(events)} events left out for room: "
                       "the most significant (meetings, agreements, rejections…) are labelled.")
    heights = [max(pair) for pair in zip(tracks, named)]
    rows = sum(heights) + 2 * LANE_PAD * len(names)
    ax = frame.axes(height or frame.fixed_height + min(rows * TRACK, room))
    lane_tops = _draw_lanes(ax, names, heights, lanes != "none")
    y = [lane_tops[g.lane] + (heights[g.lane] - tracks[g.lane]) / 2 + placed.slots[i].track + 0.5
         for i, g in enumerate(glyphs)]
    ax.set_ylim(rows, 0)
    _date_axis(ax, xlim, clock(events))
    for i, g in enumerate(glyphs):
        _draw_event(ax, g, y[i], per_day)
    for i, (text, lo, hi) in placed.labels.items():
        _draw_label(ax, glyphs[i], text, lo, hi, y[i])
    _draw_links(ax, glyphs, y, shown_links)
    return Drawing(tuple(events), tuple(names), {g.event.id: g.lane for g in glyphs},
                   {glyphs[i].event.id: text for i, (text, *_) in placed.labels.items()}, _dates(xlim))


def _dates(xlim: tuple[float, float]) -> tuple[datetime, datetime]:
    return tuple(mdates.num2date(x).replace(tzinfo=None) for x in xlim)


def _subtitle(count: int, lanes: str) -> str:
    by = {"side": ", by side", "actor": ", by actor", "type": ", by type", "none": ""}[lanes]
    return f"{count:,} event{'s' * (count != 1)}{by}"


def _rank(event: Event) -> tuple:
    """Which labels to keep first: by type, then events that happened, then those with more actors."""
    return PRIORITY.index(event.type), event.status != "occurred", -len(event.actors()), event.date.sort_key()


# --- placing events and labels on rows ------------------------------------------

@dataclass(slots=True)
class _Placed:
    slots: list[Slot]
    labels: dict[int, tuple[str, float, float]]  # event index -> (text, left and right as date numbers)


def _place(renderer: RendererAgg, glyphs: list[_Glyph], texts: list[str], lanes: int,
           xlim: tuple[float, float], axes_width: float, budget: int) -> _Placed:
    """Give each event a row in its lane and its label a side, measuring text with the renderer."""
    px = DPI / 72  # pixels per point
    width = axes_width * DPI
    scale = width / (xlim[1] - xlim[0])
    font = FontProperties(size=LABEL_SIZE)
    footprints, options = [], []
    for glyph, text in zip(glyphs, texts):
        lo, hi, places = _footprint(renderer, font, glyph, text, (glyph.x - xlim[0]) * scale, width,
                                    (glyph.lo - xlim[0]) * scale, (glyph.hi - xlim[0]) * scale, px)
        footprints.append(Footprint(glyph.lane, (lo, hi), tuple((a, b) for a, b, *_ in places),
                                    _rank(glyph.event)))
        options.append(places)
    slots = pack(footprints, lanes, budget, gap=GAP * px)
    labels = {}
    for i, slot in enumerate(slots):
        if slot.label is not None:
            lo, hi, text = options[i][slot.label]
            labels[i] = text, xlim[0] + lo / scale, xlim[0] + hi / scale
    return _Placed(slots, labels)


def _footprint(renderer: RendererAgg, font: FontProperties, glyph: _Glyph, text: str, x: float, width: float,
               bar_lo: float, bar_hi: float, px: float) -> tuple[float, float, list]:
    """The glyph's interval on its row and the places its label may go, all in pixels."""
    radius = MARKER / 2 * px
    qualifier = _qualifier(glyph.event.date)
    mark = _text_width(renderer, qualifier, _QUALIFIER_FONT) + 1.5 * px if qualifier else 0
    lo = 0 if glyph.open_start else min(x - radius, max(bar_lo, 0))
    hi = width if glyph.open_end else max(x + radius + mark, min(bar_hi, width))
    right, left = x + radius + mark + GAP * px, x - radius - GAP * px
    sides = [("left", left)] if glyph.open_end else [("right", right)] if glyph.open_start else \
        [("right", right), ("left", left)]
    full, cut = [], []  # a label is cut only where it cannot fit whole on either side
    for ha, at in sides:
        room = width - at if ha == "right" else at
        label = _fit(renderer, font, text, room)
        if label:
            w = _text_width(renderer, label, font)
            place = (at, at + w, label) if ha == "right" else (at - w, at, label)
            (full if label == text else cut).append(place)
    return lo, hi, full or cut


_QUALIFIER_FONT = FontProperties(size=LABEL_SIZE, weight="bold")


def _qualifier(span: DateSpan) -> str:
    """The mark beside an uncertain (?) or approximate (~) date."""
    return "~" * span.approximate + "?" * span.uncertain


def _fit(renderer: RendererAgg, font: FontProperties, text: str, room: float) -> str | None:
    """``text``, shortened until it is at most ``room`` pixels wide; ``None`` if not even 12 characters fit."""
    limit = len(text)
    while limit >= 12:
        label = shorten(text, limit)
        width = _text_width(renderer, label, font)
        if width <= room:
            return label
        limit = min(limit - 1, int(limit * room / width))
    return None


def _text_width(renderer: RendererAgg, text: str, font: FontProperties) -> float:
    return renderer.get_text_width_height_descent(text, font, ismath=False)[0]


def printable(text: str) -> str:
    """``text`` without the parenthesised parts the chart's font cannot draw: 'Yonhap (연합뉴스)' → 'Yonhap'.

    Right-to-left scripts count as undrawable: matplotlib does not join or reorder their letters.
    """
    def drawable(part: str) -> bool:
        return all(ord(c) in _charmap() and unicodedata.bidirectional(c) not in ("R", "AL") for c in part)

    return re.sub(r"\s*\(([^()]*)\)", lambda m: m[0] if drawable(m[1]) else "", text)


@functools.cache
def _charmap() -> dict[int, int]:
    from matplotlib.font_manager import findfont, get_font

    return get_font(findfont(FontProperties(family=style.FONT["family"]))).get_charmap()


# --- drawing one event ------------------------------------------------------------

def _draw_event(ax: Axes, glyph: _Glyph, y: float, per_day: float) -> None:
    """The event's bar (if wider than its marker), open-end fade, marker, status and date marks."""
    event = glyph.event
    mark = style.EVENT_MARKS[event.type]
    planned, cancelled = event.status == "planned", event.status == "cancelled"
    alpha = 0.45 if cancelled else 1.0
    if _has_bar(glyph, per_day):
        ax.add_patch(Rectangle((glyph.lo, y - BAR / 2), glyph.hi - glyph.lo, BAR, lw=0.6,
                               fc="none" if planned else mark.color, alpha=0.16 if not planned else 0.7 * alpha,
                               ec=mark.color, ls="--" if planned else "-", zorder=2, gid=f"span:{event.id}"))
    if glyph.open_start or glyph.open_end:
        _draw_fade(ax, glyph, y, mark.color)
    ax.plot([glyph.x], [y], ls="none", marker=mark.marker, ms=_marker_size(mark.marker), mew=1.1, color=mark.color,
            mfc="white" if planned else mark.color, alpha=alpha, zorder=5, gid=event.id)
    if event.status == "disputed":
        ax.plot([glyph.x], [y], ls="none", marker="o", ms=MARKER * 1.75, mfc="none", mec=style.INK,
                mew=0.8, zorder=4, gid=f"disputed:{event.id}")
    if cancelled:
        ax.plot([glyph.x], [y], ls="none", marker="_", ms=MARKER * 1.9, mew=1.3, color=style.INK,
                zorder=6, gid=f"cancelled:{event.id}")
    if qualifier := _qualifier(event.date):
        ax.annotate(qualifier, (glyph.x, y), xytext=(MARKER / 2 + 1, 2), textcoords="offset points",
                    fontproperties=_QUALIFIER_FONT, color=style.MUTED, va="center",
                    gid=f"qualifier:{event.id}", zorder=6)


def _has_bar(glyph: _Glyph, per_day: float) -> bool:
    """Is the known span wider than the marker, at ``per_day`` points a day?"""
    return (glyph.hi - glyph.lo) * per_day > MARKER * 1.2


def _marker_size(marker: str) -> float:
    """Markers of the same visual weight: stars and math glyphs run small."""
    return MARKER * {"*": 1.45, "$\u2261$": 1.15, "8": 0.95}.get(marker, 1.0)


def _draw_fade(ax: Axes, glyph: _Glyph, y: float, color: str, steps: int = 24) -> None:
    """A line from the known bound toward the open side that fades out at the edge of the chart."""
    lo, hi = ax.get_xlim()
    if glyph.open_start:
        xs, fade = np.linspace(lo, glyph.lo, steps + 1), np.linspace(0, 0.8, steps)
    else:
        xs, fade = np.linspace(glyph.hi, hi, steps + 1), np.linspace(0.8, 0, steps)
    segments = [[(a, y), (b, y)] for a, b in pairwise(xs)]
    rgba = [(*to_rgb(color), a) for a in fade]
    ax.add_collection(LineCollection(segments, colors=rgba, linewidths=1.6, capstyle="butt",
                                     linestyles="--" if glyph.event.status == "planned" else "-",
                                     zorder=3, gid=f"open:{glyph.event.id}"))


def _draw_label(ax: Axes, glyph: _Glyph, text: str, lo: float, hi: float, y: float) -> None:
    """The label between ``lo`` and ``hi``, on the marker's side; struck through if cancelled."""
    event = glyph.event
    right = lo > glyph.x
    cancelled = event.status == "cancelled"
    ax.text(lo if right else hi, y, text, ha="left" if right else "right", va="center", fontsize=LABEL_SIZE,
            parse_math=False, color=style.MUTED if cancelled else style.INK,
            fontstyle="italic" if event.status == "planned" else "normal", zorder=6, gid=f"label:{event.id}")
    if cancelled:
        ax.plot([lo, hi], [y, y], color=style.MUTED, lw=0.8, zorder=7, gid=f"struck:{event.id}")


def _links(events: Sequence[Event], relations: Sequence[str]) -> list[tuple[str, str, str]]:
    """(from id, relation, to id) for each link among the shown events whose relation is drawn."""
    shown = {e.id for e in events}
    return [(e.id, link.relation, link.event) for e in events for link in e.related
            if link.relation in relations and link.event in shown]


def _draw_links(ax: Axes, glyphs: Sequence[_Glyph], y: Sequence[float], links: Sequence[tuple]) -> None:
    """An arrow from each event to the one it relates to, curving out to the left."""
    where = {g.event.id: (g.x, y[i]) for i, g in enumerate(glyphs)}
    for source, relation, target in links:
        (x1, y1), (x2, y2) = where[source], where[target]
        look = LINKS[relation]
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle=f"arc3,rad={0.35 if y2 > y1 else -0.35}",
                                     arrowstyle="-|>", mutation_scale=8, lw=0.9, color=look["color"],
                                     ls=look["ls"], shrinkA=MARKER * 0.9, shrinkB=MARKER * 0.9, zorder=4,
                                     gid=f"link:{source}:{relation}:{target}"))


# --- lanes, axis, header and footer ---------------------------------------------

def _lane_label_width(renderer: RendererAgg, names: Sequence[str]) -> float:
    """Inches to the left of the axes for the lane names."""
    font = FontProperties(size=style.FONT["size"], weight="bold")
    widest = max((_text_width(renderer, line, font) for name in names for line in _wrap_lane(name).split("\n")),
                 default=0)
    return widest / DPI + 0.35


def _name_rows(name: str) -> float:
    """Rows a lane needs for its name, were rows squeezed to :data:`MIN_TRACK`."""
    lines = _wrap_lane(name).count("\n") + 1
    return lines * _LINE / MIN_TRACK - 2 * LANE_PAD


_LINE = style.FONT["size"] * 1.4 / 72  # inches per line of a lane's name


def _wrap_lane(name: str, lines: int = 2) -> str:
    """A lane's name on at most ``lines`` lines of :data:`LANE_NAME` characters, cut short if need be."""
    wrapped = [line for part in name.split("\n") for line in textwrap.wrap(part, LANE_NAME)] or ["(none)"]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines - 1] + [shorten(" ".join(wrapped[lines - 1:]), LANE_NAME)]
    return "\n".join(wrapped)


def _draw_lanes(ax: Axes, names: Sequence[str], heights: Sequence[float], labelled: bool) -> list[float]:
    """Shade every other lane, name each on the left; return each lane's first row (y of its top)."""
    tops, y = [], 0.0
    for k, rows in enumerate(heights):
        tops.append(y + LANE_PAD)
        span = rows + 2 * LANE_PAD
        if k % 2 == 0:
            ax.axhspan(y, y + span, color="#F2F2F2", lw=0, zorder=0)
        y += span
    centres = [top + rows / 2 for top, rows in zip(tops, heights)]
    row = ax.get_position().height * ax.figure.get_figheight() / y  # inches
    ax.set_yticks(centres, [_wrap_lane(n, max(1, int((rows + 2 * LANE_PAD) * row / _LINE)))
                            for n, rows in zip(names, heights)] if labelled else [""] * len(names))
    ax.tick_params(axis="y", length=0, labelsize=style.FONT["size"], labelcolor=style.INK, pad=8)
    for tick in ax.get_yticklabels():
        tick.set_fontweight("bold")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return tops


def _date_axis(ax: Axes, xlim: tuple[float, float], zone: str | None) -> None:
    """A date axis with ticks that suit the range: days named under their middle, else concise dates.

    Where ticks show hours, the note under the axis names their zone.
    """
    ax.set_xlim(*xlim)
    ax.tick_params(axis="x", which="both", labelsize=style.FONT["size"], labelcolor=style.INK)
    if 1.5 <= xlim[1] - xlim[0] <= DAY_NAMES:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(NullFormatter())
        ax.xaxis.set_minor_locator(mdates.HourLocator(byhour=12))
        ax.xaxis.set_minor_formatter(FuncFormatter(_day_name))
        ax.tick_params(axis="x", which="minor", length=0)
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
            locator, zero_formats=["", "%Y", "%b", "%d %b", "%H:%M", "%H:%M"], show_offset=False))
        if note := _period(xlim, zone):
            ax.annotate(note, (1, 0), xycoords="axes fraction", xytext=(0, -20), textcoords="offset points",
                        ha="right", va="top", color=style.MUTED, fontsize=style.FONT["size"], gid="period")
    ax.grid(axis="x", which="major", color=style.GRID, lw=0.7)
    ax.set_axisbelow(True)


def _period(xlim: tuple[float, float], zone: str | None) -> str | None:
    """What concise ticks leave unsaid: the dates spanned ('2025', '2–3 Jun 2025 (UTC+03:00)'); ``None`` for years."""
    days = xlim[1] - xlim[0]
    first, last = (mdates.num2date(x) for x in xlim)
    if days >= 2 * 365:
        return None
    if days > 3:
        return f"{first.year}" if first.year == last.year else f"{first.year}–{last.year}"
    if first.date() == last.date():
        dates = f"{first.day} {first:%b %Y}"
    else:
        start = f"{first.day}" if (first.year, first.month) == (last.year, last.month) else f"{first.day} {first:%b}"
        dates = f"{start}–{last.day} {last:%b %Y}"
    return f"{dates} ({zone})" if zone and days < 1.5 else dates


def _day_name(x: float, position: int | None) -> str:
    """'Tue 2 Dec', with the year on the first day shown and on New Year's Day."""
    day = mdates.num2date(x)
    year = f" {day.year}" if position == 0 or (day.month, day.day) == (1, 1) else ""
    return f"{day:%a} {day.day} {day:%b}{year}"


class _Frame:
    """The figure around the chart: title, subtitle, legends above; notes and sources below; lane names left.

    Everything is measured before the figure's height is known, then
    placed by :meth:`axes`, which gives the figure its height.
    """

    PAD = 0.2         # inches around the figure's edges
    RIGHT = 0.3       # inches right of the axes
    TOP = 0.75        # inches from the top of the figure to the first legend
    SPACE = 0.1       # inches below each legend
    AXIS = 0.5        # inches below the axes for tick labels
    LINE = 0.14       # inches per line of the footer

    def __init__(self, figure: Figure, lane_names: Sequence[str]) -> None:
        self.figure = figure
        self.renderer = figure.canvas.get_renderer()
        self.left = _lane_label_width(self.renderer, lane_names) if lane_names else self.PAD + 0.05
        self.axes_width = figure.get_figwidth() - self.left - self.RIGHT
        self.legends: list[tuple[Legend, float]] = []
        self.notes: list[str] = []
        self.credits: list[str] = []

    @property
    def fixed_height(self) -> float:
        """Inches of the figure that are not the axes."""
        top = self.TOP + sum(height + self.SPACE for _, height in self.legends)
        return top + self.AXIS + self.LINE * len(self.notes + self.credits) + 0.12

    def header(self, title: str, subtitle: str, legends: list[list[Entry]]) -> None:
        fig = self.figure
        self.title = fig.text(0, 0, title, fontsize=style.TITLE_SIZE, fontweight="bold", va="top",
                              parse_math=False, gid="title")
        self.subtitle = fig.text(0, 0, subtitle, fontsize=style.FONT["size"], color=style.MUTED, va="top",
                                 parse_math=False, gid="subtitle")
        for entries in legends:
            if entries:
                legend = self._legend(entries)
                self.legends.append((legend, legend.get_window_extent(self.renderer).height / DPI))

    def footer(self, *lines: str | None) -> None:
        for text in lines:
            if text:
                self.credits += self._wrap(printable(text))

    def footnote(self, text: str) -> None:
        self.notes += self._wrap(text)

    def axes(self, height: float) -> Axes:
        """Give the figure its height, put the header and footer in place, and add the axes."""
        fig = self.figure
        fig.set_figheight(height)
        width = fig.get_figwidth()
        x = self.PAD / width
        self.title.set_position((x, 1 - self.PAD / height))
        self.subtitle.set_position((x, 1 - 0.48 / height))
        top = self.TOP
        for legend, legend_height in self.legends:
            legend.set_bbox_to_anchor((x, 1 - top / height), transform=fig.transFigure)
            top += legend_height + self.SPACE
        bottom = self.LINE * len(self.notes + self.credits) + 0.12
        fig.text(x, 0.1 / height, "\n".join(self.notes + self.credits), fontsize=style.FOOTER_SIZE,
                 color=style.MUTED, va="bottom", linespacing=1.45, parse_math=False, gid="footer")
        return fig.add_axes((self.left / width, (bottom + self.AXIS) / height, self.axes_width / width,
                             (height - self.fixed_height) / height))

    def _legend(self, entries: list[Entry]) -> Legend:
        """A legend in as few rows as the figure's width allows."""
        room = (self.figure.get_figwidth() - self.PAD - self.RIGHT) * DPI
        handles, labels = zip(*entries)
        for rows in range(1, len(handles) + 1):
            legend = Legend(self.figure, handles, labels, loc="upper left", ncols=-(-len(handles) // rows),
                            frameon=False, fontsize=LABEL_SIZE, handlelength=2.2, handletextpad=0.6,
                            columnspacing=1.4, borderaxespad=0, borderpad=0, labelspacing=0.45,
                            handler_map={_Fade: _FadeHandler()})
            if legend.get_window_extent(self.renderer).width <= room:
                break
        self.figure.legends.append(legend)
        return legend

    def _wrap(self, text: str) -> list[str]:
        """Lines no wider than the figure; widths of words are added up, with 3% to spare for kerning."""
        font = FontProperties(size=style.FOOTER_SIZE)
        room = (self.figure.get_figwidth() - 2 * self.PAD) * DPI / 1.03
        space = _text_width(self.renderer, "a b", font) - _text_width(self.renderer, "ab", font)
        lines: list[list[str]] = [[]]
        used = 0.0
        for word in text.split(" "):
            width = _text_width(self.renderer, word, font)
            if lines[-1] and used + space + width > room:
                lines.append([])
            used = used + space + width if lines[-1] else width
            lines[-1].append(word)
        return [" ".join(words) for words in lines]


def sources_line(dataset: Dataset, events: Sequence[Event], cite: int = 3, publishers: int = 10) -> str | None:
    """'Source: …' citing each source the events rest on, in order of first use.

    Past ``cite`` sources, it counts the reports of each publisher instead,
    naming the ``publishers`` with most: 'Sources: 265 reports: Le Monde (30), …'.
    """
    used = [dataset.sources[s] for s in dict.fromkeys(s for e in events for s in e.sources)
            if s in dataset.sources]
    if len(used) <= cite:
        return f"Source{'s' * (len(used) > 1)}: {'; '.join(s.citation() for s in used)}" if used else None
    counts = Counter(s.publisher or s.id for s in used).most_common()
    named = ", ".join(f"{publisher} ({n})" for publisher, n in counts[:publishers])
    rest = len(counts) - publishers
    others = f" and {rest} other publisher{'s' * (rest > 1)}" if rest > 0 else ""
    return f"Sources: {len(used)} reports: {named}{others}"


# --- the legend -------------------------------------------------------------------

class _Fade(Line2D):
    """A legend handle for open dates, drawn by :class:`_FadeHandler`; ``before`` fades to the left."""

    def __init__(self, before: bool) -> None:
        super().__init__([], [])
        self.before = before


class _FadeHandler(HandlerBase):
    """Draw an open date in the legend: a dot at the bound, and a line fading out toward the open side."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        inset = 0.12 * width  # keeps the dot off the label
        xs = np.linspace(-xdescent + (0 if handle.before else inset), -xdescent + width - (inset if handle.before else 0),
                         13)
        y = height / 2 - ydescent
        segments = [[(a, y), (b, y)] for a, b in pairwise(xs)]
        fade = np.linspace(0, 0.9, 12) if handle.before else np.linspace(0.9, 0, 12)
        line = LineCollection(segments, colors=[(*to_rgb(style.MUTED), a) for a in fade], linewidths=1.6,
                              transform=trans)
        dot = Line2D([xs[-1] if handle.before else xs[0]], [y], ls="none", marker="o", ms=5, color=style.MUTED,
                     transform=trans)
        return [line, dot]


Entry = tuple[object, str]  # a legend handle (an artist, or a tuple of artists drawn one over another) and its label


def _type_entries(glyphs: Sequence[_Glyph]) -> list[Entry]:
    """A legend entry per event type shown, in vocabulary order."""
    types = {g.event.type for g in glyphs}
    return [(Line2D([], [], ls="none", marker=m.marker, ms=_marker_size(m.marker), color=m.color), m.label)
            for t, m in style.EVENT_MARKS.items() if t in types]


def _cue_entries(glyphs: Sequence[_Glyph], links: Sequence[tuple], per_day: float) -> list[Entry]:
    """A legend entry per way of drawing a date, a status or a link, for those the chart uses."""
    statuses = {g.event.status for g in glyphs}

    def grey(**look: object) -> Line2D:
        return Line2D([], [], **{"ls": "none", "marker": "o", "ms": MARKER, "color": style.MUTED, **look})

    cues = [
        (any(_has_bar(g, per_day) for g in glyphs),
         Patch(fc=style.MUTED, alpha=0.3, ec=style.MUTED), "Span the date covers"),
        (any(g.open_start for g in glyphs), _Fade(before=True), "On or before"),
        (any(g.open_end for g in glyphs), _Fade(before=False), "On or after"),
        (any(g.event.date.uncertain for g in glyphs), grey(marker="$?$"), "Uncertain date"),
        (any(g.event.date.approximate for g in glyphs), grey(marker="$\\sim$"), "Approximate date"),
        ("planned" in statuses, grey(mfc="white"), "Planned"),
        ("disputed" in statuses, (grey(), grey(ms=MARKER * 1.75, mfc="none", mec=style.INK, mew=0.8)), "Disputed"),
        ("cancelled" in statuses, (grey(alpha=0.45), grey(marker="_", ms=MARKER * 1.9, mew=1.3, color=style.INK)),
         "Cancelled"),
    ]
    for relation in dict.fromkeys(relation for _, relation, _ in links):
        look = LINKS[relation]
        cues.append((True, Line2D([], [], color=look["color"], ls=look["ls"], lw=0.9), look["label"]))
    return [(handle, label) for shown, handle, label in cues if shown]


# --- the aggregated chart -------------------------------------------------------------

#: Periods to count in, finest first, as (name, length in days); month, quarter and year follow the calendar.
PERIODS = (("hour", 1 / 24), ("6 hours", 1 / 4), ("day", 1), ("week", 7), ("month", 30.44),
           ("quarter", 91.31), ("year", 365.25))
MAX_BINS = 150
COUNT_ROWS = 4.0        # rows of height per lane of counts


def _draw_counts(figure: Figure, dataset: Dataset, glyphs: list[_Glyph], names: list[str],
                 xlim: tuple[float, float], title: str | None, lanes: str, height: float | None) -> Drawing:
    """Events counted per lane, type and period, as stacked bars that share one scale."""
    events = [g.event for g in glyphs]
    period, edges = bins(xlim)
    counts = count_events(glyphs, len(names), edges)
    types = [t for t, n in zip(style.EVENT_MARKS, counts.sum(axis=(0, 2))) if n > 0]
    labels = [f"{name}\n{total:,.0f}" for name, total in zip(names, counts.sum(axis=(1, 2)))]
    frame = _Frame(figure, labels if lanes != "none" else [])
    frame.header(title or dataset.title or "Timeline",
                 f"{_subtitle(len(events), lanes)}, counted per {period}: too many to draw one by one",
                 [[(Patch(color=style.EVENT_MARKS[t].color), style.EVENT_MARKS[t].label) for t in types]])
    tallest = counts.sum(axis=1).max()
    frame.footnote(f"Bars share one scale: the tallest holds {tallest:,.0f} events in a {period}. Each event "
                   "counts once, spread over the span its date covers; an open date counts at its known bound. "
                   "Lane names give each lane's total.")
    frame.footer(sources_line(dataset, events))
    rows = len(names) * (COUNT_ROWS + 2 * LANE_PAD)
    ax = frame.axes(height or frame.fixed_height + rows * TRACK)
    tops = _draw_lanes(ax, labels, [COUNT_ROWS] * len(names), lanes != "none")
    ax.set_ylim(rows, 0)
    _date_axis(ax, xlim, clock(events))
    scale = COUNT_ROWS / tallest
    for lane, top in enumerate(tops):
        _draw_stack(ax, counts[lane], edges, top + COUNT_ROWS, scale, names[lane])
    return Drawing(tuple(events), tuple(names), {g.event.id: g.lane for g in glyphs}, {}, _dates(xlim), period)


def bins(xlim: tuple[float, float]) -> tuple[str, np.ndarray]:
    """The finest period that cuts the range into at most :data:`MAX_BINS` bins, and their edges (date numbers)."""
    name, days = next(((n, d) for n, d in PERIODS if (xlim[1] - xlim[0]) / d <= MAX_BINS), PERIODS[-1])
    first = mdates.num2date(xlim[0]).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    if days < 1:
        start = first.replace(hour=first.hour - first.hour % round(days * 24))
        step = relativedelta(hours=round(days * 24))
    elif days < 28:
        start = first.replace(hour=0) - timedelta(days=first.weekday() if name == "week" else 0)
        step = relativedelta(days=round(days))
    else:
        months = {"month": 1, "quarter": 3, "year": 12}[name]
        start = first.replace(day=1, hour=0, month=first.month - (first.month - 1) % months)
        step = relativedelta(months=months)
    edges = [start]
    while mdates.date2num(edges[-1]) < xlim[1]:
        edges.append(edges[-1] + step)
    return name, mdates.date2num(edges)


def count_events(glyphs: Sequence[_Glyph], lanes: int, edges: np.ndarray) -> np.ndarray:
    """Events per (lane, type, bin): each counts once, spread evenly over its known span."""
    types = {t: i for i, t in enumerate(style.EVENT_MARKS)}
    counts = np.zeros((lanes, len(types), len(edges) - 1))
    lane = np.array([g.lane for g in glyphs])
    kind = np.array([types[g.event.type] for g in glyphs])
    lo, hi = np.array([g.lo for g in glyphs]), np.array([g.hi for g in glyphs])
    first = np.clip(np.searchsorted(edges, lo, side="right") - 1, 0, len(edges) - 2)
    last = np.clip(np.searchsorted(edges, hi, side="left") - 1, 0, len(edges) - 2)
    whole = first == last
    np.add.at(counts, (lane[whole], kind[whole], first[whole]), 1)
    for i in np.flatnonzero(~whole):
        overlap = np.minimum(edges[1:], hi[i]) - np.maximum(edges[:-1], lo[i])
        counts[lane[i], kind[i]] += np.clip(overlap, 0, None) / (hi[i] - lo[i])
    return counts


def _draw_stack(ax: Axes, counts: np.ndarray, edges: np.ndarray, base: float, scale: float, lane: str) -> None:
    """One lane's counts as bars stacked by type, growing up from ``base``."""
    below = np.zeros(counts.shape[1])
    for (kind, mark), values in zip(style.EVENT_MARKS.items(), counts):
        if values.any():
            # add_artist, not stairs(): the limits are set, and updating them from every step is slow
            ax.add_artist(StepPatch(base - (below + values) * scale, edges, baseline=base - below * scale,
                                    fill=True, color=mark.color, lw=0, gid=f"counts:{lane}:{kind}"))
            below += values
