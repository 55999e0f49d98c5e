"""The datasets and sizes at which the graphics editors judged the timeline chart, and the charts drawn from them
(shared by the round-6 and round-7 tests of ``render timeline``)."""
from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from timeline.dataset import load
from timeline.model import Dataset
from timeline.render.timeline import draw_timeline

ROOT = Path(__file__).resolve().parent.parent
#: Sizes in inches (width, height); a height of None lets the chart size itself.
SLIDE, PAGE, COLUMN = (13.33, 7.5), (11, 8.5), (6, None)
DATA = {"seed": ROOT / "seeds", "moscow": ROOT / "seeds" / "moscow-talks-2025-12.yaml",
        "chronology": ROOT / "tests" / "charts" / "chronology.yaml"}


def load_judged() -> dict[str, Dataset]:
    """Every dataset of :data:`DATA`, loaded, by name."""
    return {name: load(path) for name, path in DATA.items()}


def drawn(loaded: dict[str, Dataset], specs: dict[str, tuple[str, tuple[float, float | None] | None]]
          ) -> dict[str, Figure]:
    """Each chart of ``specs`` (name → (dataset name in ``loaded``, size)), drawn on its canvas."""
    out = {}
    for name, (data, size) in specs.items():
        figure = draw_timeline(loaded[data], size=size)
        figure.canvas.draw()
        out[name] = figure
    return out
