"""The colours of stances, shared by the positions chart, the graph of stances and its exports.

A stance scale runs from most in favour of an issue's proposition to most
against it (:class:`timeline.negotiation.Stance`). Its colours are a
diverging scale, ColorBrewer's PuOr (Brewer & Harrower, colorbrewer2.org,
"colour-blind safe, print friendly"): orange for stances in favour, purple
against, a neutral grey for no lean. The orange end is the palette's
"Demands, rejections and threats" vermilion (:data:`timeline.palette.FAMILIES`
``pressure``), so "Demands" is the same colour here as in the timeline. The
most extreme stance against (the default scale's "Red line") is also
cross-hatched, so the two ends stay apart in black and white. Nothing here
imports matplotlib.
"""
from __future__ import annotations

from collections.abc import Sequence

from timeline.negotiation import Stance

#: Light, middle and dark colours (``#RRGGBB``) of each ramp: in favour (PuOr's oranges, ending on the palette's
#: vermilion) and against (PuOr's purples); and the grey of no lean.
FAVOUR = ("#FDD49E", "#F1A340", "#D55E00")
AGAINST = ("#D8DAEB", "#998EC3", "#542788")
NEUTRAL = "#BDBDBD"
#: The hatch of the most extreme stance against, when the scale has more than one stance against.
EXTREME_HATCH = "xxx"


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A ``#rrggbb`` colour for each stance id of ``scale``, by rank on its side of zero: the stance nearest
    zero lightest, the scale's ends darkest (two stances on a side take the middle and dark colours)."""
    colors = {s.id: NEUTRAL for s in scale if s.value == 0}
    for ramp, side in ((FAVOUR, [s for s in scale if s.value > 0]), (AGAINST, [s for s in scale if s.value < 0])):
        side.sort(key=lambda s: abs(s.value))
        step = 0.5 if len(side) <= 3 else 1 / (len(side) - 1)
        for rank, stance in enumerate(side):
            colors[stance.id] = _ramp(ramp, 1 - (len(side) - 1 - rank) * step)
    return colors


def hatched_stance(scale: Sequence[Stance]) -> str | None:
    """The id of the stance drawn cross-hatched: the lowest, when more than one stance is against."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    return against[0].id if len(against) > 1 else None


def _ramp(ramp: tuple[str, str, str], t: float) -> str:
    """The colour ``t`` (0 to 1) of the way along ``ramp``'s three colours, as ``#rrggbb``."""
    (a, b), share = (ramp[:2], 2 * t) if t <= 0.5 else (ramp[1:], 2 * t - 1)
    mixed = [(1 - share) * int(a[i:i + 2], 16) + share * int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c):02x}" for c in mixed)
