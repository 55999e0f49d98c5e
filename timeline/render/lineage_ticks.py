"""The lineage chart's date ticks, thinned where :func:`timeline.render.axis.date_axis` crowds them.

A workaround kept in the chart's own module: the axis module gives a span of a few weeks a tick every
other day and may tick the first day after the data ("1 Jan 2026" on a chart of 2025).
"""
from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.ticker import FixedLocator

from timeline.render.spans import TimeScale


def no_ticks_after(ax: Axes, last: float) -> None:
    """Leave out the date ticks past ``last`` (a day number): a chart of 2025 does not end on '1 Jan 2026'."""
    for which, locator in (("major", ax.xaxis.get_major_locator()), ("minor", ax.xaxis.get_minor_locator())):
        if isinstance(locator, FixedLocator):
            kept = FixedLocator([t for t in locator.locs if t <= last])
            (ax.xaxis.set_major_locator if which == "major" else ax.xaxis.set_minor_locator)(kept)


def thin_ticks(ax: Axes, scale: TimeScale, width_in: float, room: float) -> None:
    """Leave out a date tick closer than ``room`` inches to the one kept before it (a span of a few weeks gets a
    tick every other day from :func:`~timeline.render.axis.date_axis`, too close for '14 Nov')."""
    locator = ax.xaxis.get_major_locator()
    if not isinstance(locator, FixedLocator):
        return
    u0, u1 = scale.units[0], scale.units[-1]
    kept: list[tuple[float, float]] = []
    for tick in locator.locs:
        at = float((scale.forward(tick) - u0) / (u1 - u0) * width_in)
        if not kept or at - kept[-1][1] >= room:
            kept.append((tick, at))
    ax.xaxis.set_major_locator(FixedLocator([tick for tick, _ in kept]))
