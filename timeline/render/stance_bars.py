"""The bars of the positions chart: one row of an actor's stances on an issue, each stance a full bar until it is
replaced (or to the as-of day), a mark under it per statement: a stance not restated since shows as a bar with no
tick after its last, as the page draws it (round 14, judge13: the thinner bar of "not restated" read as a near-black
line at 4 px, and the page drew the full bar). Lengths in inches on a chart whose y axis is inches down; type in
points.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import matplotlib.dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.transforms import ScaledTranslation

from timeline.render import style
from timeline.render.positions_key import MARK, NO_RECORD, bar_look, claim_look
from timeline.render.stance_rows import Row, Run
from timeline.stance_colors import EXTREME_HATCH, NEUTRAL

BAR = 0.085            # inches: height of a stance's bar (a claim's: CLAIM_BAR)
CLAIM_BAR = 0.065
TICK = 3.2             # points: the height of a statement's tick (round 7's 2.4 was a pixel in print)
SAME_DAY = 1.8         # points between the ticks of statements made on one day
LEAD_IN = 20           # days a "no later than" statement's dotted line runs back at the most
LEAD_GAP = 0.08        # inches from the mark before it to where that line starts
RESTATED = 0.12        # inches at the most of that line in a run already held (under the bar: judge16 read round 15's
                       # 17 days of dots under the US's Elections bar as a reference line, "US elections")
LEAST = 0.12           # inches: the least width of a bar's full-height part (a stance stated on one day, or in
                       # the chart's last days, shows as a bar, not a notch: 10 px ones were missed in round 8)


def draw_run(ax: Axes, run: Run, y: float, color: str, *, claimed: bool, hatch: str | None,
             gid: str, nudge: dict[str, float] | None = None,
             end: datetime | None = None, stop: datetime | None = None) -> list[Artist]:
    """Draw ``run`` centred on ``y`` (inches down the chart), to ``end`` (default its own) and never past ``stop``
    (the as-of rule: judge11, a late stance's least-width bar stuck out past it): a bar, and under it a mark per
    statement, ``nudge``d sideways (points, by position id) where statements share a day. The bar is at least
    :data:`LEAST` wide: a run stated less than that before ``stop`` ends on it and reaches back that far (its
    statement's tick still marks its day)."""
    h = CLAIM_BAR if claimed else BAR
    least = days_of(ax, LEAST)
    look = claim_look(color, hatch) if claimed else bar_look(color, hatch)
    look = {**look, "clip_on": False}      # an outline on the axis's end is drawn whole, not halved
    x0 = mdates.date2num(run.start)
    x1 = max(mdates.date2num(end or run.end), x0 + least)
    if stop is not None:          # no bar passes the as-of rule; one stated in the last days ends on it, LEAST wide
        # (round 12: clipped at its day, a stance of the as-of day was a sliver), its outline inside the rule
        # (judge12: a claim's outline, centred on the rule, stood 3 px past it)
        x1 = min(x1, mdates.date2num(stop) - days_of(ax, float(look["linewidth"]) / 2 / 72))
        x0 = min(x0, x1 - least)
    artists: list[Artist] = [ax.add_patch(Rectangle((x0, y - h / 2), x1 - x0, h, gid=f"run:{gid}", **look))]
    artists += _statement_marks(ax, run, y + h / 2 + 0.01, nudge or {})
    return artists


def days_of(ax: Axes, inches: float) -> float:
    """Days that ``inches`` make on ``ax``'s time axis, as laid out."""
    lo, hi = ax.get_xlim()
    return inches * (hi - lo) / (ax.get_position().width * ax.figure.get_figwidth())


def _statement_marks(ax: Axes, run: Run, below: float, nudge: dict[str, float]) -> list[Artist]:
    """A tick under the bar for each statement of ``run`` made on a known day, a capped line as wide as the span
    of one dated to a span, dotted for "no later than"; at ``below`` inches down."""
    artists: list[Artist] = []
    for statement in run.statements:
        shift = ScaledTranslation(nudge.get(statement.position, 0.0) / 72, 0, ax.figure.dpi_scale_trans)
        where = {"transform": ax.transData + shift}
        last = mdates.date2num(statement.last)
        if statement.first is not None and statement.last - statement.first <= timedelta(days=1):
            artists += ax.plot([mdates.date2num(statement.first)], [below], ls="none", marker="|", ms=TICK,
                               mew=MARK["lw"], color=style.INK, gid=f"day:{statement.position}", **where)
            continue
        first = mdates.date2num(statement.first) if statement.first is not None else _lead_in(ax, run, last)
        artists += ax.plot([first, last], [below, below], ls=":" if statement.first is None else "-",
                           gid=f"span:{statement.position}", **MARK, **where)
        caps = [first, last] if statement.first is not None else [last]
        artists += ax.plot(caps, [below] * len(caps), ls="none", marker="|", ms=TICK, mew=MARK["lw"],
                           color=style.INK, **where)
    return artists


def _lead_in(ax: Axes, run: Run, last: float) -> float:
    """Where the dotted line of a statement dated "no later than ``last``" starts: :data:`LEAD_IN` days before, into
    its bar where it starts the run; in a run already held, :data:`RESTATED` inches before its cap at the most, and
    after the run's start and the marks before it by :data:`LEAD_GAP` inches (judge13/14: the US's "no later than
    9 Dec" on Elections ran back under the bar to the 20 Nov tick; judge16: 17 days of dots under the bar still read
    as a line of their own, not a statement's mark)."""
    ticks = (s.first if s.first is not None and s.last - s.first <= timedelta(days=1) else s.last
             for s in run.statements)                   # where each statement's tick or cap stands
    marks = [day for day in (mdates.date2num(run.start), *(mdates.date2num(t) for t in ticks))
             if day < last - 1]      # (the run's start is the day itself where this statement starts it)
    if marks:
        return max([last - days_of(ax, RESTATED), *(day + days_of(ax, LEAD_GAP) for day in marks)])
    return last - LEAD_IN


def same_day_nudges(row: Row) -> dict[str, float]:
    """Points to shift each statement's mark sideways where several of the row's statements end on one day, so
    that their ticks stand side by side (:data:`SAME_DAY` apart, centred on the day) instead of on one another."""
    by_day: dict[datetime, list[str]] = {}
    for run in row.runs:
        for statement in run.statements:
            by_day.setdefault(statement.last, []).append(statement.position)
    return {ident: (k - (len(ids) - 1) / 2) * SAME_DAY for ids in by_day.values() if len(ids) > 1
            for k, ident in enumerate(ids)}


def draw_row(ax: Axes, row: Row, y: float, colors: dict[str, str], hatched: str | None, issue: str,
             flush: tuple[datetime, datetime] | None = None) -> list[Artist]:
    """Draw ``row`` centred on ``y``: a thin grey line where no stance is on record, then its runs; ``hatched``
    is the id of the stance drawn cross-hatched. ``flush``: (the as-of day's end, the axis's end): a run held
    to the first is drawn on to the second, so that rows end flush, and no run passes the first (the as-of rule);
    a stance that ended earlier (``until``) is not stretched."""
    start = mdates.date2num(row.runs[0].start)
    artists: list[Artist] = ax.plot([ax.get_xlim()[0], start], [y, y], color=NO_RECORD, lw=0.6, zorder=1)
    nudge = same_day_nudges(row)
    for run in row.runs:
        artists += draw_run(ax, run, y, colors.get(run.stance, NEUTRAL), claimed=row.claimed,
                            hatch=EXTREME_HATCH if run.stance == hatched else None,
                            gid=f"{issue}:{run.statements[0].position}", nudge=nudge,
                            end=flush[1] if flush and run.end >= flush[0] else None,
                            stop=flush[0] if flush else None)
    return artists
