"""Timeline charts: every event on a true date axis, in lanes by side, actor or type.

>>> figure = draw_timeline(record, lanes="side")
>>> drawing = render_timeline(record, "output/timeline.svg")
>>> open("output/timeline.svg").read(5)
'<?xml'

Lanes follow :mod:`timeline.render.lanes`; a date is drawn as what it is (:mod:`timeline.render.marks`); the axis
covers the known dates only and compresses long empty stretches (:mod:`timeline.render.spans`). The use of force
(CAMEO roots 18–20) is counted per week by side in a band beneath the lanes (:func:`timeline.render.counts.draw_band`)
when there is a lot of it, so that the talks stay readable against the fighting. Past :data:`AGGREGATE_ABOVE` events
the chart counts events per lane and period instead of drawing each one.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from timeline.errors import NothingToShow, UserError
from timeline.model import Dataset, Event
from timeline.palette import FAMILIES
from timeline.render import style
from timeline.render.axis import break_note, clear_zoom_label, date_axis, zoom_note
from timeline.render.captions import period_label, sources_line, titled
from timeline.render.choices import LANES, TIMELINE_PATH, TIMELINE_WIDTH
from timeline.render.counts import (
    BAND_GREYS,
    bins,
    count_events,
    draw_band,
    draw_scale,
    draw_stack,
    nice_step,
    print_shades,
)
from timeline.render.events_chart import LANE_PAD, TRACK, day_note, draw_rows, layout_stacked, legends
from timeline.render.files import image_format, save_image
from timeline.render.frame import DPI, Frame
from timeline.render.labels import dated_repeats, event_titles, with_bounds
from timeline.render.lane_drawing import draw_lanes, lane_rows, tops_of
from timeline.render.lanes import MAX_LANES, acting_sides, plan_lanes
from timeline.render.legend import LINKS, count_entries, keep_drawn_cues
from timeline.render.marks import links as links_between
from timeline.render.notes import coarse_note, numbered, numbered_at_most, slide_note
from timeline.render.numbering import remember, stable_numbers
from timeline.render.spans import Glyph, clipped, glyphs_of, time_scale
from timeline.render.stacks import stack_note
from timeline.render.tags import clear_tags, tags_of
from timeline.render.text import printable, quiet_glyphs, typeset, undrawable

__all__ = ["AGGREGATE_ABOVE", "LANES", "MAX_LANES", "ChartError", "Drawing", "assign_lanes", "bins", "clock",
           "draw_timeline", "plan_lanes", "render_timeline"]

DEFAULT_PATH = TIMELINE_PATH
#: Past this many events the chart shows counts per lane and period.
AGGREGATE_ABOVE = 400
#: Links between events are drawn up to this many events.
LINKS_UP_TO = 60
#: With ``battlefield=None``, the band is drawn from this many uses of force; fewer stay in the lanes.
BAND_FROM = 12
BAND = 0.9              # inches: the band's height
BAND_SIDES = len(BAND_GREYS)  # sides the band tells apart (a grey each); the rest share the last
WIDTH = TIMELINE_WIDTH  # inches, by default
COUNT_ROWS = 4.0        # rows of height per lane of counts
COUNT_LANE = 0.5        # inches: a lane of counts at a fixed height is this high at least
COUNT_FRAME = 2.6       # inches a chart of counts gives its title, key, axis and notes, about
SCALE_ROOM = 0.07       # inches per character of the value a lane's scale bracket gives, right of the axes
MIN_SIZE = (3.0, 2.0)   # inches: the smallest chart
MAX_SIZE = 200.0        # inches: the longest side of a chart
#: A date covering more than this share of the axis, and this many days, is too coarse to place (a year on
#: a chart of a year): a note lists it as "some time in 2025", a period, never a day.
COARSE_SHARE, COARSE_DAYS = 0.2, 90.0
#: A chart of a fixed height at least this many times wider than high is a slide: read from across a room, it
#: keeps its source line and no notes, and numbers no event (a numbered key would fill it in 7-point type).
SLIDE_ASPECT = 1.6
#: Characters of a label's title at most (on three lines).
TITLE_LENGTH = 90
#: The footnote that says what is labelled; ``{drawn}`` and ``{labelled}`` are counts, ``{rule}`` is :data:`RULE`
#: where fewer than half are labelled.
LABEL_RULE = "{labelled} of the {drawn} events drawn are labelled{rule}."
RULE = ", the most important first: agreements, ceasefires, leaders’ meetings and calls, plans and demands"
NO_LABELS = "None of the {drawn} events drawn is labelled: this size has no room for rows of labels."


class ChartError(UserError):
    """A chart that cannot be drawn or saved as asked."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """What a chart shows, kept on its figure as ``figure.timeline``.

    ``lanes`` are the lane names top to bottom; ``lanes_of`` maps each event
    id to the lanes it is drawn in (several with lanes by actor), and
    ``lane_of`` to the first; ``labels`` maps each labelled event's id to its
    label's text. ``period`` is the bin width of an aggregated chart;
    ``band`` the events counted in the battlefield band instead of drawn in
    the lanes. ``undrawable`` holds the characters no installed font draws.
    ``coarse`` are the events dated too coarsely to place on the axis
    (a year on a chart of a year), listed in a note instead.
    """

    events: tuple[Event, ...]
    lanes: tuple[str, ...]
    lanes_of: dict[str, tuple[int, ...]]
    labels: dict[str, str]
    xlim: tuple[datetime, datetime]
    period: str | None = None
    band: tuple[Event, ...] = ()
    undrawable: str = ""
    coarse: tuple[Event, ...] = ()
    numbers: dict[str, int] | None = None

    @property
    def lane_of(self) -> dict[str, int]:
        return {event: lanes[0] for event, lanes in self.lanes_of.items()}

    @property
    def omitted(self) -> int:
        """How many drawn events have no label (``lanes_of`` holds the drawn events: not the coarse ones)."""
        return 0 if self.period else len(self.lanes_of) - len(self.labels)


def render_timeline(dataset: Dataset, path: str | Path = DEFAULT_PATH, *, events: Sequence[Event] | None = None,
                    dpi: float = 200, force: bool = False, **options: object) -> Drawing:
    """Draw the timeline and save it as PNG, SVG or PDF, by the extension of ``path``; return what was drawn.

    The same data gives the same file, byte for byte. ``options`` go to
    :func:`draw_timeline`; ``force`` replaces a file timeline did not write.
    Raises :class:`ChartError` (a :class:`~timeline.errors.UserError`) for
    options that cannot give a chart.
    """
    image_format(path, force)
    figure = draw_timeline(dataset, events, **options)
    save_image(figure, path, dpi, force)
    return figure.timeline


def draw_timeline(dataset: Dataset, events: Sequence[Event] | None = None, *, lanes: str = "side",
                  title: str | None = None, size: tuple[float, float | None] | None = None,
                  aggregate: bool | None = None, links: Sequence[str] = ("disputes",),
                  battlefield: bool | None = None) -> Figure:
    """The timeline of ``events`` (default: all of ``dataset``) as a matplotlib Figure.

    ``lanes``: one of :data:`LANES`. ``size``: (width, height) in inches;
    a height of ``None`` fits the content. ``aggregate``: count events per
    lane and period (default: past :data:`AGGREGATE_ABOVE` events).
    ``links``: relations drawn as arrows between events (see
    :data:`~timeline.render.legend.LINKS`). ``battlefield``: count the use of
    force per period and side in a band beneath the lanes (default: from
    :data:`BAND_FROM` such events). What was drawn is on
    ``figure.timeline`` (a :class:`Drawing`). Raises :class:`ChartError` for
    a bad parameter, :class:`~timeline.errors.NothingToShow` for no events.
    """
    events = list(dataset.events if events is None else events)
    _check(events, lanes, links, size)
    style.apply_defaults()
    force = [e for e in events if _is_force(e)]
    banded = force if (battlefield or (battlefield is None and len(force) >= BAND_FROM)) else []
    gone = {id(b) for b in banded}                     # by identity, in one pass (was events x banded)
    shown = [e for e in events if id(e) not in gone] if banded else events
    if not shown:
        shown, banded = events, []
    width, height = size or (WIDTH, None)
    figure = Figure(figsize=(width, height or 4), dpi=DPI)
    FigureCanvasAgg(figure)
    counted = aggregate if aggregate is not None else len(shown) > AGGREGATE_ABOVE
    plan = plan_lanes(dataset, shown, lanes, _count_lanes(height, bool(banded)) if counted else MAX_LANES)
    drawn = glyphs_of(shown, plan.lanes_of)
    key = (id(dataset), tuple((e.id, e.date.text) for e in events), lanes, title, tuple(links), aggregate, battlefield)

    def number(chosen: list[str], when: dict[str, tuple[float, int]]) -> dict[str, int]:   # numbering.py
        remember((*key, tuple(size or (WIDTH, None))), chosen)
        return stable_numbers(chosen, lambda at: (*key, at), lambda at: draw_timeline(
            dataset, events, lanes=lanes, title=title, size=at, aggregate=aggregate, links=links,
            battlefield=battlefield), when) if chosen else {}
    band = glyphs_of(banded, [(0,)] * len(banded))
    scale = time_scale([(g.lo, g.hi) for g in drawn + band], magnify=not counted)
    with quiet_glyphs():
        if counted:
            drawing = _draw_counts(figure, dataset, drawn, band, plan.names, scale, title, lanes, height)
        else:
            drawing = _draw_events(figure, dataset, drawn, band, plan.names, scale, title, lanes, height, links,
                                   plan.notes, number)
        ax = figure.axes[0]
        if tags_of(ax) or any(t.get_gid() == "zoom-label" for t in ax.texts):   # else saving draws it once
            figure.draw_without_rendering()  # the figure's final layout, to keep the zoom note clear of labels
            clear_tags(ax)                   # numbers, "×n" and "?" clear of every mark and text
            clear_zoom_label(ax)
    figure.timeline = drawing
    return figure


def assign_lanes(dataset: Dataset, events: Sequence[Event], lanes: str) -> tuple[list[str], list[int]]:
    """The lane names, top to bottom, and each event's first lane: for views that draw an event once
    (the HTML page). The chart itself draws an event in each of its lanes (:func:`plan_lanes`)."""
    plan = plan_lanes(dataset, events, lanes)
    return list(plan.names), [lanes_[0] for lanes_ in plan.lanes_of]


def _count_lanes(height: float | None, band: bool) -> int:
    """Lanes of their own a chart of counts ``height`` inches high keeps (the rest go in "Others"), so that each
    is :data:`COUNT_LANE` inches high at least once the title, key, axis and notes (:data:`COUNT_FRAME`) and the
    band have their room."""
    if height is None:
        return MAX_LANES
    room = height - COUNT_FRAME - (BAND + 0.5) * band
    return max(2, min(MAX_LANES, int(room / COUNT_LANE) - 1))


def _is_force(event: Event) -> bool:
    return getattr(event.event_type, "cameo", "")[:2] in style.FORCE_ROOTS


def _check(events: list[Event], lanes: str, links: Sequence[str], size: tuple | None) -> None:
    if not events:
        raise NothingToShow("no events to draw: events= is empty (or the dataset has none)")
    if lanes not in LANES:
        raise ChartError(f"unknown lanes={lanes!r}; use one of: {', '.join(LANES)}")
    if unknown := [link for link in links if link not in LINKS]:
        raise ChartError(f"links: cannot draw relation {unknown[0]!r}; use any of: {', '.join(LINKS)}")
    if size is not None:
        w, h = (tuple(size) + (None, None))[:2]
        if not isinstance(w, int | float) or (h is not None and not isinstance(h, int | float)):
            raise ChartError(f"size={size!r}: give (width, height) in inches, the height may be None")
        if w < MIN_SIZE[0] or (h is not None and h < MIN_SIZE[1]) or max(w, h or 0) > MAX_SIZE:
            raise ChartError(f"size=({w:g}, {h if h is None else format(h, 'g')}) inches cannot hold a chart; give "
                             f"at least {MIN_SIZE[0]:g} × {MIN_SIZE[1]:g} and at most {MAX_SIZE:g} a side")


def clock(events: Sequence[Event]) -> str | None:
    """The zone of the times drawn: 'UTC+03:00' if all share it, 'UTC' if they differ; ``None`` for no times."""
    offsets = {e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}
    if len(offsets) != 1:
        return "UTC" if offsets else None
    minutes = int(offsets.pop().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if minutes else "UTC"


def _subtitle(events: Sequence[Event], lanes: str, band: Sequence[Event], how: str = "") -> str:
    by = {"side": ", by side", "actor": ", by actor", "type": ", by type", "none": ""}[lanes]
    period = period_label([*events, *band])
    count = len(events) + len(band)
    within = f" in {period}" if period and period.isdigit() else f", {period}" if period else ""   # '211 events in 2025'
    text = f"{count:,} event{'s' * (count != 1)}" + within + by + (f", {how}" if how else "")
    return text + (f"; the use of force ({len(band):,}) counted beneath" if band else "")


def _notes(frame: Frame, events: Sequence[Event], scale: object) -> None:
    frame.footnote(break_note(scale))
    frame.footnote(zoom_note(scale))
    if edge := clipped(events):
        frame.footnote(f"{len(edge)} event{'s' * (len(edge) > 1)} dated beyond the days the axis can draw "
                       f"(3 Jan 0001 to 29 Dec 9999; {edge[0].date.text}…) drawn at its edge.")


def _draw_events(figure: Figure, dataset: Dataset, glyphs: list[Glyph], band: list[Glyph], names: Sequence[str],
                 scale: object, title: str | None, lanes: str, height: float | None,
                 links: Sequence[str], lane_notes: Sequence[str] = (), number: Callable | None = None) -> Drawing:
    """Every event as a mark in its lane, the key events labelled beneath their marks; ``number(ids, dates)``
    numbers the events left without a label (:mod:`timeline.render.numbering`)."""
    events = [g.event for g in glyphs if not g.copy]
    banded = [g.event for g in band]
    shown_links = links_between(events, links) if len(events) <= LINKS_UP_TO else []
    labelled = lanes != "none"
    frame = Frame(figure, names if labelled else [])
    frame.band = BAND if band else 0.0
    frame.header(title or titled(dataset.title or "Timeline", events), _subtitle(events, lanes, banded),
                 legends(glyphs, scale, frame.axes_width, shown_links))
    coarse = [g for g in glyphs if g.hi - g.lo > max(COARSE_SHARE * (scale.xlim[1] - scale.xlim[0]), COARSE_DAYS)
              and not (g.open_start or g.open_end)]
    glyphs = [g for g in glyphs if g not in coarse]
    when = {g.event.id: (g.lo, k) for k, g in enumerate(glyphs)}
    titles = [typeset(printable(t)) for t in event_titles(dataset, [g.event for g in glyphs], limit=TITLE_LENGTH)]
    texts = dated_repeats(titles, [g.event for g in glyphs])
    if day_note(glyphs, scale, frame.axes_width):        # a chart of days: an open date's bound in words
        texts = with_bounds(texts, [g.event for g in glyphs])
    frame.footer(sources_line(dataset, [*events, *banded]))
    _notes(frame, [*events, *banded], scale)
    frame.footnote(coarse_note(coarse))
    frame.footnote(day_note(glyphs, scale, frame.axes_width))
    first = len(frame.notes)
    drawn = f"{len({g.event.id for g in glyphs}):,}"
    frame.footnote(LABEL_RULE.format(drawn=drawn, labelled="{labelled}", rule=RULE))      # its room, at the most
    rule = slice(first, len(frame.notes))
    least = [lane_rows(name, note) if labelled else 0.0 for name, note in zip(names, [*lane_notes, *[""] * len(names)])]
    slide = height is not None and figure.get_figwidth() >= SLIDE_ASPECT * height
    kept, placed, heights, figure_height = layout_stacked(frame, dataset, glyphs, texts, least, scale, height,
                                                          0 if slide else numbered_at_most(figure))
    titles = [titles[i] for i in kept]
    frame.footnote(stack_note(glyphs))
    numbers = {} if slide else numbered(frame, glyphs, titles, placed, number and (lambda ids: number(ids, when)))
    figure_height += 0 if height else (len(frame.notes) - first - (rule.stop - rule.start)) * Frame.LINE
    why = RULE if 2 * len(placed.labels) < len(glyphs) else ""       # the rule, where most events have no label
    lines = frame.wrap(LABEL_RULE.format(drawn=drawn, labelled=f"{len(placed.labels):,}", rule=why))
    figure_height -= 0 if height else (rule.stop - rule.start - len(lines)) * Frame.LINE
    frame.notes[rule] = lines if len(placed.labels) < len(glyphs) else []
    if not placed.labels and labelled:
        frame.notes[rule] = [NO_LABELS.format(drawn=drawn)]
    if slide:                                          # one line, the room of the notes it replaces
        frame.notes[:] = frame.wrap(slide_note(scale, glyphs, len(placed.labels),
                                               len({g.event.id for g in coarse})))
    ax = frame.axes(figure_height)
    rows = sum(heights) + 2 * LANE_PAD * len(names)
    lane_tops = tops_of(heights)
    draw_lanes(ax, names, heights, labelled, lane_notes)
    ax.set_ylim(rows, 0)
    date_axis(ax, scale, clock(events))
    drawn_labels = draw_rows(ax, glyphs, placed, heights, lane_tops, scale, shown_links, numbers)
    keep_drawn_cues(figure.legends, any(isinstance(a, Text) and a.get_fontstyle() == "italic" and
                                        (a.get_gid() or "").startswith("label:") for a in drawn_labels))
    if band:
        _band(frame, dataset, band, scale)
    lanes_of: dict[str, tuple[int, ...]] = {}
    for g in glyphs:
        for event in (g.event, *g.stack):
            lanes_of[event.id] = (*lanes_of.get(event.id, ()), g.lane)
    return Drawing(tuple(events), tuple(names), lanes_of,
                   {glyphs[i].event.id: text for i, text in sorted(placed.labels.items(), reverse=True)},
                   _dates(scale.xlim), band=tuple(banded), undrawable=_undrawable(figure),
                   coarse=tuple(g.event for g in coarse if not g.copy), numbers=numbers)


def _band(frame: Frame, dataset: Dataset, band: list[Glyph], scale: object) -> None:
    """The battlefield band beneath the chart, on an axes of its own with the same time scale."""
    ax = frame.band_axes()
    state = dataset.nodes_at("state")
    side_of = ["\0several" if len(sides) > 1 else sides[0] if sides else "\0none"
               for sides in (acting_sides(dataset, g.event, state) for g in band)]
    sides = sorted(set(side_of), key=lambda s: (s.startswith("\0"), -side_of.count(s), s))
    if len(sides) > BAND_SIDES:                          # the most active sides, and the rest as one
        kept = set(sides[:BAND_SIDES - 1])
        side_of = [s if s in kept else "\0others" for s in side_of]
        sides = sides[:BAND_SIDES - 1] + ["\0others"]
    colors = dict(zip(sides, BAND_GREYS))              # greys: a side must not read as an event family
    names = {s: {"\0several": "Several sides", "\0none": "Unattributed", "\0others": "Other sides"}.get(s)
             or printable(dataset.actors[s].name) for s in sides}
    date_axis(ax, scale)
    draw_band(ax, band, sides, [sides.index(s) for s in side_of], colors, names, scale)


def _dates(xlim: tuple[float, float]) -> tuple[datetime, datetime]:
    return tuple(mdates.num2date(x).replace(tzinfo=None) for x in xlim)


def _undrawable(figure: Figure) -> str:
    return undrawable(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def _draw_counts(figure: Figure, dataset: Dataset, glyphs: list[Glyph], band: list[Glyph], names: list[str],
                 scale: object, title: str | None, lanes: str, height: float | None) -> Drawing:
    """Events counted per lane, type and period, as stacked bars that share one scale."""
    events = [g.event for g in glyphs if not g.copy]
    banded = [g.event for g in band]
    period, edges = bins(scale.xlim, sum(b - a for a, b in scale.segments()))
    counts = count_events(glyphs, len(names), edges)
    families = [f for f, n in zip(FAMILIES.values(), counts.sum(axis=(0, 2))) if n > 0]
    shade = dict(zip((f.id for f in families), print_shades([f.color for f in families])))
    labels = [f"{name}\n{total:,.0f}" for name, total in zip(names, counts.sum(axis=(1, 2)))]
    tallest = counts.sum(axis=1).max()
    step = nice_step(tallest)
    frame = Frame(figure, labels if lanes != "none" else [], right=Frame.RIGHT + SCALE_ROOM * len(f"{step:,.0f}"))
    frame.band = BAND if band else 0.0
    frame.header(title or dataset.title or "Timeline",
                 _subtitle(events, lanes, banded, f"counted per {period} (too many to draw one by one)"),
                 [count_entries(families, [shade[f.id] for f in families])])
    most = f"{tallest:,.0f}" if float(tallest).is_integer() else f"about {round(tallest):,}"   # counts are whole
    frame.footnote(f"Bars share one scale: the tallest holds {most} events in a {period}; the bracket right of "
                   f"each lane marks {step:,.0f}. An event dated only to a month or a range counts in part in each "
                   f"{period} of it; one known only as before or after a day, on that day.")
    _notes(frame, [*events, *banded], scale)
    frame.footer(sources_line(dataset, [*events, *banded]))
    rows = len(names) * (COUNT_ROWS + 2 * LANE_PAD)
    ax = frame.axes(height or frame.fixed_height + rows * TRACK)
    tops = tops_of([COUNT_ROWS] * len(names))
    draw_lanes(ax, labels, [COUNT_ROWS] * len(names), lanes != "none")
    ax.set_ylim(rows, 0)
    date_axis(ax, scale, clock(events))
    for lane, top in enumerate(tops):
        draw_stack(ax, counts[lane], edges, top + COUNT_ROWS, COUNT_ROWS / tallest,
                   [shade.get(f.id, f.color) for f in FAMILIES.values()],
                   [f"counts:{names[lane]}:{f.id}" for f in FAMILIES.values()])
        draw_scale(ax, top + COUNT_ROWS, COUNT_ROWS / tallest, step, f"scale:{lane}")
    if band:
        _band(frame, dataset, band, scale)
    lanes_of: dict[str, tuple[int, ...]] = {}
    for g in glyphs:
        lanes_of[g.event.id] = (*lanes_of.get(g.event.id, ()), g.lane)
    return Drawing(tuple(events), tuple(names), lanes_of, {}, _dates(scale.xlim), period, tuple(banded),
                   _undrawable(figure))
