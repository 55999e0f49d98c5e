"""The positions chart: each actor's stance on each issue through the year, as heat strips, one panel per issue.

A stance holds from the day it was stated until the same actor's next
stance on the issue (the rule of :mod:`timeline.positions`); the strip is
coloured by the stance's place on the dataset's scale, from "demands" (dark
teal) through "undecided" (grey) to "red line" (dark brown, cross-hatched
so that the two ends stay apart in black-and-white print). Stances others
attribute to an actor ("Kyiv says Moscow demands ...") get a hatched row of
their own under the actor's. Each panel states the issue's proposition,
which gives the scale its direction. Selection (:func:`select_panels`) is
apart from drawing (:func:`draw_panel`, :func:`draw_strip`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from timeline.dates import DateSpan
from timeline.errors import NothingToShow, UserError
from timeline.model import Dataset, Position
from timeline.negotiation import Stance
from timeline.positions import Stand, history
from timeline.render import style
from timeline.render.axis import date_axis
from timeline.render.captions import sources_line
from timeline.render.files import image_format, save_image
from timeline.render.frame import Frame, wrap_lane
from timeline.render.labels import display_name
from timeline.render.spans import TimeScale
from timeline.render.text import quiet_glyphs, shorten

WIDTH = 10.0           # inches
ROW = 0.26             # inches per actor row
CLAIM_ROW = 0.17       # inches per row of claimed stances
HEAD = 0.5             # inches above a panel for the issue's name and proposition
TICKS = 0.3            # inches below a panel for its month labels
GAP = 0.28             # inches between panels
#: Ends of the colour ramps: in favour of the proposition (teal), against it (brown), and no lean (grey).
FAVOUR = ("#C7EAE5", "#01665E")
AGAINST = ("#F0DDB0", "#8C510A")
NEUTRAL = "#BDBDBD"
EMPTY = "#F3F3F3"      # a row's background, where no stance is on record
MIN_DAYS = 3           # a stance stated near the chart's end is drawn at least this wide
CLAIM_HATCH = "////"
RED_LINE_HATCH = "xx"


class ChartError(UserError):
    """Parameters that cannot give a positions chart."""


@dataclass(frozen=True)
class Stint:
    """One stance held over ``[start, end)``; ``stated`` is the span of the day it was stated
    (``stated[0]`` is ``None`` for a date known only as "no later than")."""

    position: str
    stance: str
    value: float
    start: datetime
    end: datetime
    stated: tuple[datetime | None, datetime]


@dataclass(frozen=True)
class Row:
    """An actor's stances on one issue: its own, or (``claimed``) those others attribute to it; ``name`` is
    the row's label ('Russia', 'as Ukraine claims')."""

    actor: str
    name: str
    claimed: bool
    stints: tuple[Stint, ...]


@dataclass(frozen=True)
class Panel:
    """One issue: its name, its proposition, and a row per actor (claims under the actor's own row)."""

    issue: str
    name: str
    proposition: str
    rows: tuple[Row, ...]


def stance_scale(dataset: Dataset) -> list[Stance]:
    """The dataset's stances (:class:`timeline.negotiation.Stance`), most in favour first."""
    return sorted(dataset.stances, key=lambda s: -s.value)


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A colour for each stance: a teal ramp for positive values, brown for negative, grey for zero.

    The ramps run from light near zero to dark at the scale's ends, so any
    scale a dataset defines reads the same way.
    """
    top = max((s.value for s in scale if s.value > 0), default=1.0)
    bottom = min((s.value for s in scale if s.value < 0), default=-1.0)
    colors = {}
    for s in scale:
        if s.value > 0:
            colors[s.id] = _mix(*FAVOUR, s.value / top)
        elif s.value < 0:
            colors[s.id] = _mix(*AGAINST, s.value / bottom)
        else:
            colors[s.id] = NEUTRAL
    return colors


def _mix(light: str, dark: str, share: float) -> str:
    """``share`` of the way from ``light`` to ``dark`` (a fifth at least, so the lightest step still shows)."""
    t = 0.2 + 0.8 * min(max(share, 0.0), 1.0)
    return to_hex(tuple((1 - t) * a + t * b for a, b in zip(to_rgb(light), to_rgb(dark))))


def select_panels(dataset: Dataset, issues: Sequence[str] | None = None, actors: Sequence[str] | None = None,
                  until: datetime | None = None) -> list[Panel]:
    """The panels to draw, in the order of ``issues`` (default: every issue with a position, in the dataset's
    order), each with a row per actor (in the order of ``actors``, default the most active first) and a row
    per chain of claims about it. Stances hold as :func:`timeline.positions.history` says. ``until``: the end
    of the chart, which leaves out what was stated later (default: the end of the month of the latest date
    drawn). Raises :class:`ChartError` for an unknown issue."""
    known = dataset.issues
    wanted = list(issues) if issues else [i for i in known if any(p.issue == i for p in dataset.positions)]
    if unknown := [i for i in wanted if i not in known]:
        raise ChartError(f"no issue {unknown[0]!r} in the dataset; issues: {', '.join(known) or 'none'}")
    by_id = {p.id: p for p in dataset.positions}
    stands = [s for s in history(dataset) if s.issue in wanted and (not actors or s.actor in actors)
              and (until is None or _day(s.since) < until)]
    end = until or _month_end(max((_bounds(by_id[s.position].date)[1] for s in stands), default=None))
    order = list(actors) if actors else _by_activity(stands)
    panels = []
    for issue in wanted:
        rows: list[Row] = []
        for actor in order:
            mine = [s for s in stands if s.issue == issue and s.actor == actor]
            for claimants in dict.fromkeys([(), *(s.claimed_by for s in mine)]):
                chain = [s for s in mine if s.claimed_by == claimants]
                rows.append(Row(actor, _row_name(dataset, actor, claimants), bool(claimants),
                                tuple(_stint(s, by_id[s.position], end) for s in chain)))
        panels.append(Panel(issue, known[issue].name, known[issue].proposition, tuple(rows)))
    return panels


def _stint(stand: Stand, position: Position, end: datetime | None) -> Stint:
    """A stance from the day it counts until the next one in its chain, or ``end``; never past ``end``."""
    start, last = _bounds(position.date)
    stop = _day(stand.until) if stand.until else max(end or last, last)
    if end is not None:
        stop = min(stop, end)
    return Stint(position.id, stand.stance, stand.value, start, max(stop, start + timedelta(days=1)),
                 (position.date.start, last))


def _day(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _row_name(dataset: Dataset, actor: str, claimants: tuple[str, ...]) -> str:
    if not claimants:
        return _actor_name(dataset, actor)
    return "as " + " and ".join(_actor_name(dataset, a) for a in claimants) + " claim" + "s" * (len(claimants) == 1)


def _by_activity(stands: Sequence[Stand]) -> list[str]:
    """Actors with the most positions first (ties by id), so that rows keep their order across panels."""
    counts: dict[str, int] = {}
    for s in stands:
        counts[s.actor] = counts.get(s.actor, 0) + 1
    return sorted(counts, key=lambda a: (-counts[a], a))


def _month_end(day: datetime | None) -> datetime | None:
    """The first moment of the month after ``day``'s last moment: charts of stances end with a month."""
    if day is None:
        return None
    last = day - timedelta(microseconds=1)
    return datetime(last.year + last.month // 12, last.month % 12 + 1, 1)


def _bounds(span: DateSpan) -> tuple[datetime, datetime]:
    """Where a stance stated on ``span`` starts to hold (its first day; for "no later than D", D) and the
    end of the span (exclusive)."""
    end = span.end or span.start + timedelta(days=1)
    start = span.start or end - timedelta(days=1)
    return start, end


def draw_strip(ax: Axes, row: Row, y: float, colors: dict[str, str], height: float = 0.72) -> list[Artist]:
    """Draw ``row`` centred on ``y``: a bar per stint in its stance's colour, a white cut where a stance is
    stated, and under an imprecise date a line the width of the span (dotted for "no later than")."""
    h = height * (0.7 if row.claimed else 1.0)
    back = ax.axhspan(y - h / 2, y + h / 2, facecolor=EMPTY, edgecolor="none", zorder=0)
    artists: list[Artist] = [back]
    for stint in row.stints:
        x0 = mdates.date2num(stint.start)
        x1 = max(mdates.date2num(stint.end), x0 + MIN_DAYS)
        hatch = CLAIM_HATCH if row.claimed else RED_LINE_HATCH if stint.stance == "red_line" else None
        bar = Rectangle((x0, y - h / 2), x1 - x0, h, facecolor=colors.get(stint.stance, NEUTRAL),
                        edgecolor="white", linewidth=0.0, hatch=hatch, gid=f"stint:{stint.position}")
        ax.add_patch(bar)
        cut, = ax.plot([x0, x0], [y - h / 2, y + h / 2], color="white", lw=1.2, solid_capstyle="butt")
        artists += [bar, cut]
        first, last = stint.stated
        if first is None or (last - first) > timedelta(days=1):
            lo = mdates.date2num(first) if first is not None else x0 - 20
            under, = ax.plot([lo, mdates.date2num(last)], [y + h / 2 + 0.08] * 2, color=style.INK, lw=1.0,
                             ls=(0, (1, 1.5)) if first is None else "-", solid_capstyle="butt")
            artists.append(under)
    return artists


def draw_panel(ax: Axes, panel: Panel, colors: dict[str, str], scale: object) -> list[Artist]:
    """Draw one issue on ``ax``: its rows top to bottom, actor names on the left, months below, and the
    issue's name and proposition above."""
    ys = _row_positions(panel.rows)
    artists: list[Artist] = []
    for row, y in zip(panel.rows, ys):
        artists += draw_strip(ax, row, y, colors)
    top = ys[0] - 0.5 if ys else -0.5
    bottom = (ys[-1] + 0.5) if ys else 0.5
    ax.set_ylim(bottom + 0.15, top - 0.1)
    ax.set_yticks(ys, [(shorten(r.name, 28) if r.claimed else wrap_lane(r.name)) for r in panel.rows])
    for label, row in zip(ax.get_yticklabels(), panel.rows):
        label.set(fontsize=style.FONT["size"] - (1.5 if row.claimed else 0), fontstyle="italic" if row.claimed
                  else "normal", color=style.MUTED if row.claimed else style.INK,
                  fontweight="normal" if row.claimed else "bold")
    ax.tick_params(axis="y", length=0, pad=6)
    artists += date_axis(ax, scale)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(style.GRID)
    artists.append(ax.annotate(panel.name, (0, 1), xycoords="axes fraction", xytext=(0, 24),
                               textcoords="offset points", fontsize=style.FONT["size"] + 2, fontweight="bold",
                               va="bottom", gid=f"issue:{panel.issue}"))
    artists.append(ax.annotate(f"For or against: {panel.proposition}", (0, 1), xycoords="axes fraction",
                               xytext=(0, 10), textcoords="offset points", fontsize=style.FONT["size"] - 0.5,
                               color=style.MUTED, va="bottom", parse_math=False))
    if not panel.rows:
        artists.append(ax.text(0.5, 0.5, "No positions on record", transform=ax.transAxes, ha="center",
                               va="center", color=style.MUTED, fontstyle="italic"))
    return artists


def _row_positions(rows: Sequence[Row]) -> list[float]:
    """Row centres from the top, in row units: a claimed row is closer to the row above it."""
    ys, y = [], 0.0
    for row in rows:
        y += 0.75 if row.claimed else (1.0 if ys else 0.0)
        ys.append(y)
    return ys


def _panel_height(panel: Panel) -> float:
    rows = sum(CLAIM_ROW if r.claimed else ROW for r in panel.rows) or ROW
    return HEAD + rows + 0.1 + TICKS + GAP


def key_entries(scale: Sequence[Stance], colors: dict[str, str]) -> list[tuple[object, str]]:
    """The legend: a swatch per stance, then how claims and imprecise dates are drawn."""
    entries: list[tuple[object, str]] = [
        (Patch(facecolor=colors[s.id], edgecolor="white", hatch=RED_LINE_HATCH if s.id == "red_line" else None),
         s.label) for s in scale]
    entries.append((Patch(facecolor=NEUTRAL, edgecolor="white", hatch=CLAIM_HATCH), "Stance others attribute"))
    from matplotlib.lines import Line2D
    entries.append((Line2D([], [], color=style.INK, lw=1.0), "Imprecise date: the line under it spans it"))
    return entries


def draw_positions(dataset: Dataset, issues: Sequence[str] | None = None, actors: Sequence[str] | None = None, *,
                   title: str | None = None, width: float = WIDTH, until: datetime | None = None) -> Figure:
    """The positions chart as a matplotlib Figure, with the panels drawn on ``figure.panels``.

    ``issues``/``actors``: ids to draw (default all with positions). Raises
    :class:`ChartError` for an unknown issue or a width under 4 inches,
    :class:`~timeline.errors.NothingToShow` when no position is left.
    """
    if width < 4:
        raise ChartError(f"width={width:g} inches is too narrow for a positions chart; give 4 or more")
    panels = select_panels(dataset, issues, actors, until)
    if not any(p.rows for p in panels):
        raise NothingToShow("no positions to draw" + (" for these issues or actors" if issues or actors else ""))
    style.apply_defaults()
    scale_steps = stance_scale(dataset)
    colors = stance_colors(scale_steps)
    figure = Figure(figsize=(width, 4), dpi=100)
    FigureCanvasAgg(figure)
    frame = Frame(figure, [r.name for p in panels for r in p.rows])
    last = max(s.end for p in panels for r in p.rows for s in r.stints)
    frame.header(title or "Where the sides stood, issue by issue",
                 _subtitle(panels, last, until), [key_entries(scale_steps, colors)])
    shown = [p for p in dataset.positions if any(s.position == p.id for q in panels for r in q.rows
                                                   for s in r.stints)]
    frame.footnote("Each bar runs from the day a stance was stated to the same actor's next stance on the issue. "
                   "Stances read against the proposition under each issue's name; "
                   "a pale row has no stance on record.")
    frame.footer(sources_line(dataset, [_Cited(p, dataset) for p in shown]))
    chart = sum(_panel_height(p) for p in panels) - frame.AXIS  # the last panel has its month labels
    box = frame.axes(frame.fixed_height + chart)
    left, bottom, w, h = box.get_position().bounds
    box.remove()
    scale = month_scale([s.start for p in panels for r in p.rows for s in r.stints], last)
    height = figure.get_figheight()
    y = bottom + h
    figure.panels = {}
    for panel in panels:
        inches = _panel_height(panel)
        ax = figure.add_axes((left, y - (inches - GAP - TICKS) / height, w, (inches - HEAD - TICKS - GAP) / height))
        y -= inches / height
        draw_panel(ax, panel, colors, scale)
        figure.panels[panel.issue] = ax
    return figure


def month_scale(starts: Sequence[datetime], end: datetime) -> TimeScale:
    """A linear date axis from the first of the month of the earliest start (of January, for half a year or
    more) to just before ``end``, so that no tick names the month after the chart."""
    first = min(starts)
    begin = datetime(first.year, 1 if (end - first).days > 180 else first.month, 1)
    knots = np.array([mdates.date2num(begin) - 0.5, mdates.date2num(end) - 0.01])
    return TimeScale(knots, knots.copy())


def _subtitle(panels: Sequence[Panel], last: datetime, until: datetime | None) -> str:
    actors = len({r.actor for p in panels for r in p.rows})
    stints = sum(len(r.stints) for p in panels for r in p.rows)
    day = (until or last) - timedelta(days=1)
    return (f"{stints} stated positions of {actors} actors on {len(panels)} issue{'s' * (len(panels) != 1)}, "
            f"as of {day.day} {day:%b %Y}")


def render_positions(dataset: Dataset, path: str | Path, issues: Sequence[str] | None = None,
                     actors: Sequence[str] | None = None, *, dpi: float = 200, force: bool = False,
                     **options: object) -> Path:
    """Draw the positions chart and save it as PNG, SVG or PDF by the extension of ``path``; return the path.

    ``options`` go to :func:`draw_positions`; ``force`` replaces a file timeline did not write.
    """
    image_format(path, force)
    figure = draw_positions(dataset, issues, actors, **options)
    with quiet_glyphs():
        save_image(figure, path, dpi, force)
    return Path(path)


class _Cited:
    """A position's sources, its own and its event's, for :func:`sources_line`."""

    def __init__(self, position: Position, dataset: Dataset) -> None:
        own = tuple(getattr(position, "sources", ()) or ())
        event = getattr(position, "event", None)
        via = tuple(_event_sources(dataset, event)) if event else ()
        self.sources = tuple(dict.fromkeys(own + via))


def _event_sources(dataset: Dataset, event_id: str) -> Sequence[str]:
    try:
        return dataset.event(event_id).sources
    except KeyError:
        return ()


def _actor_name(dataset: Dataset, actor: str) -> str:
    found = dataset.actors.get(actor)
    return display_name(found) if found else actor


__all__ = ["ChartError", "Panel", "Row", "Stint", "draw_panel", "draw_positions", "draw_strip",
           "key_entries", "month_scale", "render_positions", "select_panels", "stance_colors", "stance_scale"]
