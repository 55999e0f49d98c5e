"""The lineage chart's date ticks, thinned where :func:`timeline.render.axis.date_axis` crowds them.

A workaround kept in the chart's own module: the axis module gives a span of a few weeks a tick every
other day and may tick the first day after the data ("1 Jan 2026" on a chart of 2025).
"""
from __future__ import annotations

import math

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
    """Keep every n-th date tick so that labels stand ``room`` inches apart (a span of a few weeks gets a tick
    every other day from :func:`~timeline.render.axis.date_axis`, too close for '14 Nov')."""
    locator = ax.xaxis.get_major_locator()
    if not isinstance(locator, FixedLocator) or len(locator.locs) < 2:
        return
    u0, u1 = scale.units[0], scale.units[-1]
    at = [float((scale.forward(t) - u0) / (u1 - u0) * width_in) for t in locator.locs]
    closest = min(b - a for a, b in zip(at, at[1:]))
    if closest < room:
        ax.xaxis.set_major_locator(FixedLocator(list(locator.locs)[::math.ceil(room / closest)]))
