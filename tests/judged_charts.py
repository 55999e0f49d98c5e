"""The datasets and sizes at which the graphics editors judged the timeline chart, the small datasets built for
single chart rules (``tests/charts/``), and the charts drawn from them, drawn once per test session and shared
by the test modules of ``render timeline`` (a chart of the 2025 dataset takes seconds: read a shared figure,
never change it)."""
from __future__ import annotations

import functools
from pathlib import Path

from matplotlib.figure import Figure

from timeline.dataset import load
from timeline.model import Dataset
from timeline.render.timeline import draw_timeline

ROOT = Path(__file__).resolve().parent.parent
#: Sizes in inches (width, height); a height of None lets the chart size itself.
SLIDE, PAGE, COLUMN = (13.33, 7.5), (11, 8.5), (6, None)
#: A width at which the three days of ``days`` get no label and are all numbered.
NARROW = (3.2, None)
DATA = {"seed": ROOT / "seeds", "moscow": ROOT / "seeds" / "moscow-talks-2025-12.yaml",
        "chronology": ROOT / "tests" / "charts" / "chronology.yaml"}
#: Small datasets, each built for chart rules that must hold whatever the shipped seeds say.
RULES = {"days": ROOT / "tests" / "charts" / "days.yaml", "spans": ROOT / "tests" / "charts" / "spans.yaml"}


@functools.cache
def dataset(name: str) -> Dataset:
    """The dataset ``name`` of :data:`DATA` or :data:`RULES`, loaded once."""
    return load({**DATA, **RULES}[name])


@functools.cache
def chart(name: str, size: tuple[float, float | None] | None = None) -> Figure:
    """The chart of dataset ``name`` at ``size``, drawn on its canvas once per session."""
    figure = draw_timeline(dataset(name), size=size)
    figure.canvas.draw()
    return figure


def load_judged() -> dict[str, Dataset]:
    """Every dataset of :data:`DATA`, loaded, by name."""
    return {name: dataset(name) for name in DATA}


def drawn(loaded: dict[str, Dataset], specs: dict[str, tuple[str, tuple[float, float | None] | None]]
          ) -> dict[str, Figure]:
    """Each chart of ``specs`` (name → (dataset name in ``loaded``, size)), drawn on its canvas (shared with
    every module asking for the same chart where ``loaded`` holds the shared datasets)."""
    out = {}
    for name, (data, size) in specs.items():
        if data in {**DATA, **RULES} and loaded[data] is dataset(data):
            out[name] = chart(data, size)
        else:
            out[name] = draw_timeline(loaded[data], size=size)
            out[name].canvas.draw()
    return out
