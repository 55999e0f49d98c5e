"""The lineage charts the layout tests measure, drawn once per test process and shared (read them, never change
them): the seeds at a column, a page, a slide and ``timeline build``'s size, and the small fixture at a column."""
from __future__ import annotations

import functools
from pathlib import Path

from conftest import SEEDS
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from timeline.dataset import load
from timeline.render.lineage import draw_lineage

SMALL = Path(__file__).parent / "data" / "negotiation.yaml"
#: Sizes in inches (width, height); a height of None lets the chart size itself.
SIZES = {"column": (6, None), "page": (11, 8.5), "slide": (13.33, 7.5)}
BUILD = (11, None)


@functools.cache
def chart(name: str) -> Figure:
    """The seeds' chart at ``SIZES[name]`` (or ``"build"``), or the fixture's (``"fixture"``), drawn on its canvas."""
    if name == "fixture":
        figure = draw_lineage(load(SMALL), width=6)
    else:
        width, height = {**SIZES, "build": BUILD}[name]
        figure = draw_lineage(load(SEEDS), width=width, height=height)
    figure.canvas.draw()
    return figure


def axes_of(figure: Figure) -> Axes:
    """The chart's own axes (the one labelled ``lineage``)."""
    return next(ax for ax in figure.axes if ax.get_label() == "lineage")
