"""The positions chart: each actor's stance on each issue through time, as one strip per actor and issue.

Issues are stacked on one shared time axis (months above and below), each
with its name and the proposition stances are for or against; an issue's
parts (Donbas under Territory) follow it. What is drawn is chosen by
:mod:`timeline.render.stance_rows`.

How it reads (the key says the same):

* a bar per stance, coloured on a diverging scale (:mod:`timeline.stance_colors`:
  brown to gold in favour, blue against, grey undecided; the most extreme
  stance against maroon and cross-hatched); consecutive identical stances are
  one bar, its full-height part at least :data:`LEAST` wide
  (:mod:`timeline.render.stance_bars` draws them);
* a thin grey line where the actor has no stance on record yet;
* under the bar, a tick for each statement made on a known day, or a capped
  line as wide as the span when it is dated only to a span (a month, a
  week), dotted for "no later than";
* a stance is held until replaced: its bar runs on to the as-of day, and a
  stance not restated shows no tick after its last (as the page draws it);
* stances others attribute to an actor ("as Ukraine claims") get a narrower
  row under the actor's own, each bar outlined in its stance's colour around
  white (a filled bar is always the actor's own word); the key
  (:mod:`timeline.render.positions_key`) draws every mark as the chart does.
"""
from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator
from matplotlib.transforms import blended_transform_factory

from timeline.errors import NothingToShow
from timeline.model import Dataset, Position
from timeline.negotiation import Stance
from timeline.render import style
from timeline.render.axis import date_axis
from timeline.render.captions import sources_line
from timeline.render.files import image_format, save_image
from timeline.render.frame import DPI, Frame
from timeline.render.graph_names import actor_name
from timeline.render.positions_key import AS_OF, key_entries, one_row
from timeline.render.positions_layout import (
    GAP,
    GUTTER,
    HEAD,
    NAME_SIZE,
    ROW,
    TOP_AXIS,
    fit_columns,
    layout,
    names_and,
)
from timeline.render.spans import TimeScale
from timeline.render.stance_bars import LEAST, draw_row, draw_run
from timeline.render.stance_columns import main_actors
from timeline.render.stance_rows import ChartError, Panel, Row, select_panels
from timeline.render.text import text_width
from timeline.stance_colors import hatched_stance, stance_colors

WIDTH = 10.0           # inches
MAX_TALL = 60.0         # inches: a taller chart is refused (choose issues or actors)
COLUMN = 7.0           # inches: a chart this wide or narrower is a newspaper column's ...
COLUMN_TALL = 9.0      # ... at most this tall by default, with the sides and mediators only
#: The rule of "as of", stated on both charts of stances (this one and the grid, timeline.render.stance_graph).
AS_OF_RULE = ("A stance holds from the day it was stated until the same actor's next stance on the issue. "
              "A stance shown “as of” a date is the last one the actor stated by that day.")


def stance_scale(dataset: Dataset) -> list[Stance]:
    """The dataset's stances (:class:`timeline.negotiation.Stance`), most in favour first."""
    return sorted(dataset.stances, key=lambda s: -s.value)


def draw_heading(ax: Axes, panel: Panel, lines: list[str], top: float, x: float) -> list[Artist]:
    """The issue's name in bold, what stances are for or against in grey, at ``top`` (inches down) and ``x``
    (figure fraction)."""
    where = blended_transform_factory(ax.figure.transFigure, ax.transData)
    name = ax.text(x, top, panel.name, transform=where, fontsize=NAME_SIZE + 0.5, fontweight="bold", va="top",
                   color=style.INK, gid=f"issue:{panel.issue}", parse_math=False, clip_on=False)
    artists: list[Artist] = [name, ax.axhline(top - 0.03, color=style.GRID, lw=0.8, zorder=0)]
    rest = lines[0][len(panel.name):].strip()
    if rest:
        artists.append(ax.annotate(rest, (1, 0), xycoords=name, xytext=(6, 0), textcoords="offset points",
                                   fontsize=NAME_SIZE - 0.5, color=style.MUTED, va="bottom", parse_math=False))
    for i, line in enumerate(lines[1:]):
        artists.append(ax.text(x, top + HEAD * (i + 1), line, transform=where, fontsize=NAME_SIZE - 0.5,
                               color=style.MUTED, va="top", parse_math=False, clip_on=False,
                               fontstyle="normal"))
    return artists


def draw_positions(dataset: Dataset, issues: Sequence[str] | None = None, actors: Sequence[str] | None = None, *,
                   title: str | None = None, width: float = WIDTH, height: float | None = None,
                   until: datetime | None = None) -> Figure:
    """The positions chart as a matplotlib Figure; its chart axes are ``figure.charts`` (one per column of
    issues, y in inches down), the first also ``figure.chart``.

    ``issues``/``actors``: names to draw (default every issue and actor with a stance). ``height``: the most
    inches the figure may take (a slide: 7.5); issues then flow into two or three columns, and those that
    still do not fit are left out, named in a note. Without it, one column as tall as the issues need, except
    that a chart :data:`COLUMN` inches wide or less (a newspaper column) is at most :data:`COLUMN_TALL` tall and,
    without ``actors``, draws the two sides and the mediators only
    (:func:`timeline.render.stance_columns.main_actors`), naming the others in a note.
    Raises :class:`ChartError` for a width under 4 inches or a height that holds no issue,
    :class:`~timeline.errors.UserError` for an unknown issue, :class:`~timeline.errors.NothingToShow`
    when no position is left.
    """
    if width < 4:
        raise ChartError(f"width={width:g} inches is too narrow for a positions chart; give 4 or more")
    counted, unseen = None, ""
    if height is None and width <= COLUMN:
        height = COLUMN_TALL
        if not actors:
            actors, counted, unseen = column_actors(dataset, issues, until)
    panels = select_panels(dataset, issues, actors, until)
    if not any(p.rows for p in panels):
        first = min((p.date.first for p in dataset.positions if p.date.first), default=None)
        early = (f" by {until - timedelta(days=1):%-d %b %Y}: the first is dated {first:%-d %b %Y}; give a later "
                 "--as-of") if until and first and first >= until.date() else ""
        raise NothingToShow("no positions to draw" + (" for these issues or actors" if issues or actors else "") + early)
    if (tall := sum(len(p.rows) for p in panels) * ROW + len(panels) * (2 * HEAD + GAP)) > MAX_TALL:
        raise ChartError(f"{len(panels):,} issues with {sum(len(p.rows) for p in panels):,} rows would make a chart "
                         f"{tall:,.0f} inches tall; choose issues (--issues) or actors (--actor) to draw")
    style.apply_defaults()
    scale_steps = stance_scale(dataset)
    colors = stance_colors(scale_steps)
    last = max(run.end for p in panels for r in p.rows for run in r.runs)     # the end of the as-of day
    counted = counted or panels
    drawn = list(panels)
    for _ in range(3):           # measured with the header, key and notes of what is drawn, until it fits
        left_out = [p.name for p in counted if p.issue not in {d.issue for d in drawn}]
        figure, frame = _framed(dataset, panels, drawn, left_out, colors, title=title, width=width, last=last,
                                until=until, publishers=None if height is None else 3, counted=counted,
                                unseen=unseen, fixed=height is not None)
        groups, lines, column = fit_columns(figure, frame, drawn, width, height)
        if sum(map(len, groups)) == len(drawn):
            break
        drawn = [p for group in groups for p in group]
    runs = [run for p in drawn for r in p.rows for run in r.runs]
    placed = [layout(group, lines) for group in groups]
    chart = max(tall for *_, tall in placed) - GAP       # no gap under the last issue
    ax = frame.axes(frame.fixed_height + TOP_AXIS + chart)
    left, bottom, w, h = ax.get_position().bounds
    time = column - (frame.left - Frame.PAD) if len(groups) > 1 else w * width     # inches of a time axis
    # the axis runs to the as-of day's end and every bar stops at the as-of rule, a stance stated in the last days
    # too (judge11: its least-width bar stuck out past the rule); its tick marks the day
    scale = month_scale([run.start for run in runs], last)
    hatch = hatched_stance(scale_steps)
    figure.charts = []
    for index, (group, (rows, heads, _)) in enumerate(zip(groups, placed)):
        x0 = Frame.PAD + index * (column + GUTTER)                     # inches: the column's left edge
        if index:
            ax = figure.add_axes((0, 0, 1, 1))
        ax.set_position(((x0 + frame.left - Frame.PAD) / width, bottom, time / width,
                         h - TOP_AXIS / figure.get_figheight()))
        date_axis(ax, scale)
        month_ticks(ax, last)
        ax.set_ylim(chart, 0)
        for panel, ys, top in zip(group, rows, heads):
            draw_heading(ax, panel, lines[panel.issue], top, x0 / width)
            for row, y in zip(panel.rows, ys):
                draw_row(ax, row, y, colors, hatch, panel.issue, (last, last))
        ax.axvline(mdates.date2num(last), **AS_OF, zorder=4, gid="as-of")   # bars stop at it (judge10: past it)
        _row_labels(ax, [(y, r) for p, ys in zip(group, rows) for y, r in zip(ys, p.rows)])
        _frame_axes(ax)
        figure.charts.append(ax)
    figure.chart = figure.charts[0]
    return figure


def column_actors(dataset: Dataset, issues: Sequence[str] | None, until: datetime | None
                  ) -> tuple[list[str], list[Panel], str]:
    """What a chart a column wide draws when no actors are named: the two sides and the mediators
    (:func:`timeline.render.stance_columns.main_actors`); every panel with every actor (what the headline counts);
    and the note naming the actors left out ('' when none is)."""
    counted = select_panels(dataset, issues, None, until)
    everyone = list(dict.fromkeys(r.actor for p in counted for r in p.rows if not r.claimed))
    sides, mediators = main_actors(dataset, everyone)
    chosen = [a for a in everyone if a in sides or a in mediators]
    named = {a: actor_name(dataset.actors[a]) if a in dataset.actors else a for a in everyone}
    note = "" if len(chosen) == len(everyone) else (
        f"Drawn: the two sides, {names_and([named[a] for a in sides])}"
        + (f", and the mediator{'s' * (len(mediators) > 1)} {names_and([named[a] for a in mediators])}"
           if mediators else "")
        + f"; not drawn for lack of room: {names_and([named[a] for a in everyone if a not in chosen])}.")
    return chosen, counted, note


def _framed(dataset: Dataset, panels: Sequence[Panel], drawn: Sequence[Panel], left_out: Sequence[str],
            colors: dict[str, str], *, title: str | None, width: float, last: datetime, until: datetime | None,
            publishers: int | None = None, counted: Sequence[Panel] = (), unseen: str = "", fixed: bool = False
            ) -> tuple[Figure, Frame]:
    """A figure ``width`` inches wide with the chart's header (title, subtitle, key of the ``drawn`` panels),
    notes (``unseen``: on the actors left out; naming the issues ``left_out``; the headline
    counts the ``counted`` panels, default ``panels``) and sources (naming the ``publishers`` cited
    most, default as many as fit); row names measured on every panel."""
    figure = Figure(figsize=(width, 4), dpi=DPI)
    FigureCanvasAgg(figure)
    frame = Frame(figure, [r.name for p in panels for r in p.rows])
    head = (title or "Where the sides stood, issue by issue", _subtitle(counted or panels, drawn, last, until,
                                                                          bool(unseen)))
    as_of = None if fixed else f"As of {as_of_words(until or last)}: bars stop"   # at a fixed size: the subtitle
    frame.header(*head, key_entries(stance_scale(dataset), colors, drawn, as_of, split=False))
    if not one_row(frame.legends[0][0]):           # the stances wrapped: their groups a row each
        figure = Figure(figsize=(width, 4), dpi=DPI)
        FigureCanvasAgg(figure)
        frame = Frame(figure, [r.name for p in panels for r in p.rows])
        frame.header(*head, key_entries(stance_scale(dataset), colors, drawn, as_of, split=not fixed,
                                         grouped=not fixed))   # at a fixed size a row more would cost an issue
    frame.footnote(f"{AS_OF_RULE} Read each stance against the proposition after the issue's name. A stance on a "
                   "part of an issue (Donbas) is not counted as one on the whole (Territory).")
    if unseen:
        frame.footnote(unseen)
    if left_out:
        frame.footnote(f"Not shown for lack of room: {names_and(left_out)}.")
    shown = {s.position for p in drawn for r in p.rows for run in r.runs for s in run.statements}
    cited = [Cited(p, dataset) for p in dataset.positions if p.id in shown]
    frame.footer(sources_line(dataset, cited) if publishers is None else sources_line(dataset, cited, publishers=publishers))
    return figure, frame



def _row_labels(ax: Axes, rows: Sequence[tuple[float, Row]]) -> None:
    """Actor names left of their rows: bold for the actor's own, smaller italic grey for claims (7 pt, the least
    a printed chart may use: judge13 measured 6.5)."""
    ax.set_yticks([y for y, _ in rows], [row.name for _, row in rows])
    for label, (_, row) in zip(ax.get_yticklabels(), rows):
        label.set(fontsize=NAME_SIZE - (0.5 if row.claimed else 0), fontstyle="italic" if row.claimed else "normal",
                  color=style.MUTED if row.claimed else style.INK, fontweight="normal" if row.claimed else "bold")
    ax.tick_params(axis="y", length=0, pad=6)


def _frame_axes(ax: Axes) -> None:
    """Months above and below the chart, a light rule per month, no box."""
    ax.tick_params(axis="x", which="both", colors=style.MUTED, labelcolor=style.INK, labelsize=NAME_SIZE)
    ax.grid(axis="x", which="major", color=style.GRID, lw=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("left", "right"):
        ax.spines[side].set_visible(False)
    for side in ("top", "bottom"):
        ax.spines[side].set_color(style.GRID)


def month_ticks(ax: Axes, until: datetime | None = None) -> None:
    """A tick and a rule at the start of every month on ``ax`` (as laid out) up to ``until`` (default the axis's
    end: a month after the as-of day is not named), each labelled with the month's name ('Nov'), or with its
    initial ('N') where a month is narrower than its name and a space; the year under the first month and under
    January. Every month is named, so the last ones (the latest stances) always are."""
    lo, hi = ax.get_xlim()
    first, last = mdates.num2date(lo).replace(tzinfo=None), mdates.num2date(hi).replace(tzinfo=None)
    last = min(last, until or last)
    months, day = [], datetime(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = datetime(day.year + day.month // 12, day.month % 12 + 1, 1)
    renderer, font = ax.figure.canvas.get_renderer(), FontProperties(size=NAME_SIZE)
    inches = ax.get_position().width * ax.figure.get_figwidth() * 30.44 / (hi - lo)    # of a month
    named = inches >= max(text_width(renderer, f"{m:%b}", font) for m in months) / ax.figure.dpi + 0.06
    names = [f"{m:%b}" if named else f"{m:%b}"[0] for m in months]
    years = [str(m.year) if m.month == 1 or i == 0 else "" for i, m in enumerate(months)]
    ticks = [mdates.date2num(m) for m in months]
    top = ax.secondary_xaxis("top")           # its own labels: the year above the month, clear of the next month's
    for axis, labels in ((ax.xaxis, [f"{n}\n{y}".strip() for n, y in zip(names, years)]),
                         (top.xaxis, [f"{y}\n{n}".strip() for n, y in zip(names, years)])):
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_major_formatter(FixedFormatter(labels))
        axis.set_minor_locator(NullLocator())
    top.tick_params(axis="x", colors=style.MUTED, labelcolor=style.INK, labelsize=NAME_SIZE)
    top.spines["top"].set_color(style.GRID)
    ax.top_months = top


def month_scale(starts: Sequence[datetime], end: datetime) -> TimeScale:
    """A linear date axis from the first of the month of the earliest start (of January, for half a year or
    more) to just before ``end``, so that no tick names the month after the chart."""
    first = min(starts)
    begin = datetime(first.year, 1 if (end - first).days > 180 else first.month, 1)
    knots = np.array([mdates.date2num(begin) - 0.5, mdates.date2num(end) - 0.01])
    return TimeScale(knots, knots.copy())


def _subtitle(panels: Sequence[Panel], drawn: Sequence[Panel], last: datetime, until: datetime | None,
              fewer_actors: bool = False) -> str:
    """The headline's counts, of every panel chosen (the same at every size), and how many of them are shown (of the
    actors too, when some were left out for room: ``fewer_actors``)."""
    actors = len({r.actor for p in panels for r in p.rows})
    statements = sum(len(run.statements) for p in panels for r in p.rows for run in r.runs)
    line = (f"{statements} stated positions of {actors} actor{'s' * (actors != 1)} on {len(panels)} "
            f"issue{'s' * (len(panels) != 1)}, as of {as_of_words(until or last)}")
    shown = len({r.actor for p in drawn for r in p.rows})
    parts = [f"{shown} of the {actors} actors"] if fewer_actors and shown < actors else []
    parts += [f"{len(drawn)} of the {len(panels)} issues"] if len(drawn) < len(panels) else []
    return line + ("; showing " + " on ".join(parts) if parts else "")


def as_of_words(end: datetime) -> str:
    """'31 Dec 2025': the day whose end ``end`` (exclusive) is, as both stance charts name their "as of"."""
    day = end - timedelta(days=1)
    return f"{day.day} {day:%b %Y}"


def render_positions(dataset: Dataset, path: str | Path, issues: Sequence[str] | None = None,
                     actors: Sequence[str] | None = None, *, dpi: float = 200, force: bool = False,
                     **options: object) -> Path:
    """Draw the positions chart and save it as PNG, SVG or PDF by the extension of ``path``; return the path.

    ``options`` go to :func:`draw_positions`; ``force`` replaces a file timeline did not write.
    """
    image_format(path, force)
    figure = draw_positions(dataset, issues, actors, **options)
    save_image(figure, path, dpi, force)
    return Path(path)



class Cited:
    """A position's sources, its own and its event's, for :func:`sources_line` (this chart and the grid)."""

    def __init__(self, position: Position, dataset: Dataset) -> None:
        own = tuple(position.sources or ())
        via: tuple[str, ...] = ()
        if position.event:
            with contextlib.suppress(KeyError):
                via = tuple(dataset.event(position.event).sources)
        self.sources = tuple(dict.fromkeys(own + via))


__all__ = ["LEAST", "ChartError", "draw_heading", "draw_positions", "draw_row", "draw_run", "key_entries", "layout",
           "month_scale", "render_positions", "select_panels", "stance_colors", "stance_scale"]
