"""Marker sizes both renderers share: markers of one visual weight, whatever their shape."""
from __future__ import annotations

import math

import numpy as np
from matplotlib.path import Path

#: Marker areas relative to a circle's for the same ``s``: squares and diamonds are scaled down to match.
MARKER_AREA = {"o": math.pi / 4, "s": 1.0, "D": 1.0, "h": 0.65}
#: Markers that run small at one size: stars and math glyphs.
_WEIGHT = {"*": 1.45, "$\u2261$": 1.15, "8": 0.95}


def weighted_size(marker: str, size: float) -> float:
    """The marker size (points) at which ``marker`` looks as heavy as a circle of ``size``."""
    return size * _WEIGHT.get(marker, 1.0)


def area_scale(marker: str) -> float:
    """How much to enlarge a marker's ``s`` (area) so it covers the area of a circle of the same ``s``."""
    return MARKER_AREA["o"] / MARKER_AREA.get(marker, 0.8)


def legend_size(diameter: float, marker: str) -> float:
    """A legend marker size for ``marker`` as large as a circle ``diameter`` points wide."""
    return diameter * math.sqrt(area_scale(marker))


def _dashed_ring(dashes: int = 10, ink: float = 0.55) -> Path:
    """A circle of ``dashes`` dashes (each ``ink`` of its share) as a marker path: a ring for a claimed event."""
    vertices, codes = [], []
    for i in range(dashes):
        angles = np.linspace(2 * np.pi * i / dashes, 2 * np.pi * (i + ink) / dashes, 5)
        vertices += [(np.cos(a), np.sin(a)) for a in angles]
        codes += [Path.MOVETO] + [Path.LINETO] * 4
    return Path(vertices, codes)


#: A dashed ring marker.
DASHED_RING = _dashed_ring()
