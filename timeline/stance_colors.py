"""The colours of stances, shared by the positions chart, the graph of stances, the page and the exports.

A stance scale runs from most in favour of an issue's proposition to most
against it (:class:`timeline.negotiation.Stance`). Its colours diverge in hue
as ColorBrewer's PuOr does (Brewer & Harrower, colorbrewer2.org): oranges in
favour, purples against, a grey for no lean; on each side the stronger
stance is the darker. Unlike PuOr, the two sides do not mirror each other in
lightness, so that a stance keeps its own grey when printed in black and
white: every stance of the scale gets its own step of one lightness ladder
(CIE L* from :data:`DARKEST` to :data:`LIGHTEST`), the stances against
darkest, then those in favour, the neutral stance lightest. On the default
six-stance scale two stances differ by about 14 L* (tested with coloraide
in normal vision, greyscale and simulated deuteranopia and protanopia). The
most extreme stance against (the default scale's "Red line") is also
cross-hatched. Nothing here imports matplotlib.
"""
from __future__ import annotations

from collections.abc import Sequence

from timeline.negotiation import Stance

#: Colours (``#RRGGBB``) of each side's ramp, lightest first, at CIE L* 95, 90, ... 15 (a step of
#: :data:`RAMP_STEP`): PuOr's orange hue (LCh 58°) in favour, its purple (302°) against, with chroma falling
#: towards white as PuOr's does.
FAVOUR = ("#FFECDE", "#FFDABE", "#FFC79F", "#FFB57F", "#FCA260", "#F78F40", "#ED7E25", "#DE7115", "#CE6400",
          "#BF5700", "#AD4D00", "#9A4300", "#883A00", "#763100", "#632900", "#512100", "#3E1A00")
AGAINST = ("#F3EFF7", "#E6E0EF", "#DAD1E8", "#CDC2E0", "#C1B3D8", "#B5A4D0", "#A996C9", "#9C87C1", "#9079B9",
           "#846BB1", "#775EA9", "#6B50A2", "#5E439A", "#513692", "#43298A", "#361E7D", "#281370")
RAMP_TOP, RAMP_STEP = 95.0, 5.0
#: The lightness ladder (CIE L*) the stances of a scale share out, and the grey of the neutral stance on it.
DARKEST, LIGHTEST = 20.0, 88.0
NEUTRAL = "#dddddd"
#: The hatch of the most extreme stance against, when the scale has more than one stance against.
EXTREME_HATCH = "xxx"


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A ``#rrggbb`` colour (lower case) for each stance id of ``scale``.

    The stances take evenly spaced steps of lightness from :data:`DARKEST` to
    :data:`LIGHTEST`, in this order: against, most against first (purples);
    in favour, most in favour first (oranges); no lean (grey, the lightest).
    Each stance's colour is its side's ramp at its step."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    favour = sorted((s for s in scale if s.value > 0), key=lambda s: -s.value)
    neutral = [s for s in scale if s.value == 0]
    ladder = [*((s, AGAINST) for s in against), *((s, FAVOUR) for s in favour)]
    steps = len(ladder) + bool(neutral) - 1
    colors = {s.id: NEUTRAL for s in neutral}
    for rank, (stance, ramp) in enumerate(ladder):
        lightness = DARKEST + (LIGHTEST - DARKEST) * rank / steps if steps else (DARKEST + LIGHTEST) / 2
        colors[stance.id] = _at(ramp, lightness)
    return colors


def hatched_stance(scale: Sequence[Stance]) -> str | None:
    """The id of the stance drawn cross-hatched: the lowest, when more than one stance is against."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    return against[0].id if len(against) > 1 else None


def _at(ramp: Sequence[str], lightness: float) -> str:
    """The colour of ``ramp`` at CIE L* ``lightness``, mixed in sRGB between the two nearest of its colours."""
    where = min(max((RAMP_TOP - lightness) / RAMP_STEP, 0.0), len(ramp) - 1.0)
    low = min(int(where), len(ramp) - 2)
    a, b, share = ramp[low], ramp[low + 1], where - low
    mixed = [(1 - share) * int(a[i:i + 2], 16) + share * int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c):02x}" for c in mixed)
