"""The colours of stances, shared by the positions chart, the graph of stances, the page and the exports.

A stance scale runs from most in favour of an issue's proposition to most
against it (:class:`timeline.negotiation.Stance`). Its colours diverge as
ColorBrewer's PuOr does (Brewer & Harrower, colorbrewer2.org), warm in
favour, cool against, a grey for no lean; but every two stances a reader
must tell apart differ in hue AND in lightness, never in lightness alone
(last round's Demands and Accepts were two oranges):

* lightness: every stance gets its own step of one ladder (CIE L* from
  :data:`DARKEST` to :data:`LIGHTEST`), the stances against darkest, then
  those in favour, the neutral stance lightest, so that each keeps its own
  grey in black-and-white print;
* hue: on each side the hue turns with the strength of the stance, as
  ColorBrewer's multi-hue ramps do (YlOrRd in favour: red, orange, gold;
  purple to navy against), between the ends of :data:`FAVOUR_HUES` and
  :data:`AGAINST_HUES` (CIE LCh hue angles, strongest stance first).

Each colour is the CIE LCh colour at its step, its chroma reduced until it
fits sRGB (coloraide's ray-trace gamut mapping in LCh keeps lightness and hue).
On the default six-stance scale two stances differ by about 14 L* and two
stances of one side by at least 25° of hue (tested with coloraide in normal
vision, greyscale and simulated deuteranopia and protanopia). The most
extreme stance against (the default scale's "Red line") is also
cross-hatched. Nothing here imports matplotlib.
"""
from __future__ import annotations

from collections.abc import Sequence

from coloraide import Color

from timeline.negotiation import Stance

#: CIE LCh hue angles (degrees) of each side, from its strongest stance to its mildest: red to gold in
#: favour, navy to purple against. A side with one stance takes the middle of its range.
FAVOUR_HUES = (36.0, 92.0)
AGAINST_HUES = (262.0, 305.0)
#: The chroma asked for (reduced where sRGB cannot give it): strong enough to name a hue, short of neon.
CHROMA = 66.0
#: The lightness ladder (CIE L*) the stances of a scale share out, and the grey of the neutral stance on it.
DARKEST, LIGHTEST = 20.0, 88.0
NEUTRAL = "#dddddd"
#: The hatch of the most extreme stance against, when the scale has more than one stance against.
EXTREME_HATCH = "xxx"


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A ``#rrggbb`` colour (lower case) for each stance id of ``scale``.

    The stances take evenly spaced steps of lightness from :data:`DARKEST` to
    :data:`LIGHTEST`, in this order: against, most against first; in favour,
    most in favour first; no lean (grey, the lightest). Each side's hue turns
    evenly across its range, strongest stance first."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    favour = sorted((s for s in scale if s.value > 0), key=lambda s: -s.value)
    neutral = [s for s in scale if s.value == 0]
    ladder = [*zip(against, _hues(AGAINST_HUES, len(against))), *zip(favour, _hues(FAVOUR_HUES, len(favour)))]
    steps = len(ladder) + bool(neutral) - 1
    colors = {s.id: NEUTRAL for s in neutral}
    for rank, (stance, hue) in enumerate(ladder):
        lightness = DARKEST + (LIGHTEST - DARKEST) * rank / steps if steps else (DARKEST + LIGHTEST) / 2
        colors[stance.id] = _lch(lightness, hue)
    return colors


def hatched_stance(scale: Sequence[Stance]) -> str | None:
    """The id of the stance drawn cross-hatched: the lowest, when more than one stance is against."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    return against[0].id if len(against) > 1 else None


def _hues(ends: tuple[float, float], count: int) -> list[float]:
    """``count`` hue angles evenly from ``ends[0]`` to ``ends[1]`` (the middle for one)."""
    if count == 1:
        return [(ends[0] + ends[1]) / 2]
    return [ends[0] + (ends[1] - ends[0]) * i / (count - 1) for i in range(count)]


def _lch(lightness: float, hue: float) -> str:
    """The sRGB colour (``#rrggbb``) of CIE LCh (``lightness``, :data:`CHROMA`, ``hue``), chroma cut to fit."""
    color = Color("lch", [lightness, CHROMA, hue]).fit("srgb", method="raytrace", pspace="lch").convert("srgb")
    return color.to_string(hex=True).lower()
