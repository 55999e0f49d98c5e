"""The colours of stances, shared by the positions chart, the graph of stances, the page and the exports.

A stance scale runs from most in favour of an issue's proposition to most
against it (:class:`timeline.negotiation.Stance`). Hue tells the side, as
ColorBrewer's diverging PuOr does (Brewer & Harrower, colorbrewer2.org):
warm (brown, ochre, gold) in favour, cool (navy to sky blue) against, a grey
for no lean. No stance is red, so that red never stands for one side while
the default scale's most extreme stance against is called "Red line".

Lightness tells the strength: on each side a stronger stance is darker, and
the two sides' ramps interleave on one ladder (strongest of the larger side,
strongest of the other, next of the larger side...), the neutral grey
lightest. A greyscale print therefore keeps every stance apart and orders
them by firmness (Demands, Red line, Accepts, Rejects, Open to, Undecided on
the default scale), neighbours on the ladder are of opposite sides, and two
stances of one side are two steps apart, which keeps them apart for
colour-blind readers too (within a side they differ in lightness mostly).
The ladder is evenly spaced in Rec. 601 luma, the grey a print driver or
PIL's ``convert("L")`` gives: on the default scale about 41 luma a step (so
"Accepts" and "Rejects", opposite stances, are 41 apart, not 25 as when the
steps were even in CIE L*), and at least 8 CIE L* (tested with coloraide in
normal vision, greyscale and simulated deuteranopia and protanopia). The most
extreme stance against is also cross-hatched, on its thin "held" bar too.

Each colour is a CIE LCh colour, its chroma reduced until it fits sRGB
(coloraide's ray-trace gamut mapping in LCh keeps lightness and hue).
Nothing here imports matplotlib.
"""
from __future__ import annotations

from collections.abc import Sequence

from coloraide import Color

from timeline.negotiation import Stance

#: CIE LCh hue angles (degrees) of each side, from its strongest stance to its mildest: brown to gold in
#: favour, navy to sky blue against. A side with one stance takes the middle of its range.
FAVOUR_HUES = (50.0, 95.0)
AGAINST_HUES = (265.0, 240.0)
#: The chroma asked for (reduced where sRGB cannot give it): strong enough to name a hue, short of neon.
CHROMA = 70.0
#: The CIE L* of the darkest stance, and the grey of the neutral stance (the lightest step of the ladder).
DARKEST = 10.0
NEUTRAL = "#e8e8e8"
#: The outline of the neutral stance's bars, cells and swatches: its grey alone (luma 232) is barely seen on white
#: paper, and a darker grey would crowd the ladder (the sky blue and the gold are only 8 CIE L* apart now).
NEUTRAL_EDGE = "#8c8c8c"
#: The hatch of the most extreme stance against, when the scale has more than one stance against.
EXTREME_HATCH = "xxx"


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A ``#rrggbb`` colour (lower case) for each stance id of ``scale``.

    The stances take evenly spaced steps of :func:`grey` from the darkest
    (CIE L* :data:`DARKEST`) to the grey of :data:`NEUTRAL`, in the order of
    :func:`ladder`. Each side's hue turns evenly across its range, strongest
    stance first."""
    favour = sorted((s for s in scale if s.value > 0), key=lambda s: -s.value)
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    hues = {s.id: h for side, ends in ((favour, FAVOUR_HUES), (against, AGAINST_HUES))
            for s, h in zip(side, _hues(ends, len(side)))}
    colors = {s.id: NEUTRAL for s in scale if s.value == 0}
    steps = ladder(favour, against)
    if not steps:
        return colors
    darkest, lightest = grey(_lch(DARKEST, hues[steps[0].id])), grey(NEUTRAL)
    for rank, stance in enumerate(steps):
        colors[stance.id] = _at_grey(darkest + (lightest - darkest) * rank / len(steps), hues[stance.id])
    return colors


def ladder(favour: Sequence[Stance], against: Sequence[Stance]) -> list[Stance]:
    """The stances of both sides (each strongest first), darkest first: the larger side's strongest, the other
    side's strongest, the larger side's next..., so that two stances of one side are never neighbours while
    the other side has stances left."""
    larger, smaller = (favour, against) if len(favour) >= len(against) else (against, favour)
    steps: list[Stance] = []
    for rank, stance in enumerate(larger):
        steps += [stance, *smaller[rank:rank + 1]]
    return steps


def grey(color: str) -> float:
    """The grey of ``color`` (``#rrggbb``): its Rec. 601 luma on gamma-encoded sRGB, 0-255."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def outline(color: str) -> str | None:
    """The outline a bar or swatch of ``color`` takes: :data:`NEUTRAL_EDGE` around the neutral grey, else none."""
    return NEUTRAL_EDGE if color.lower() == NEUTRAL else None


def hatched_stance(scale: Sequence[Stance]) -> str | None:
    """The id of the stance drawn cross-hatched: the lowest, when more than one stance is against."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    return against[0].id if len(against) > 1 else None


def _hues(ends: tuple[float, float], count: int) -> list[float]:
    """``count`` hue angles evenly from ``ends[0]`` to ``ends[1]`` (the middle for one)."""
    if count == 1:
        return [(ends[0] + ends[1]) / 2]
    return [ends[0] + (ends[1] - ends[0]) * i / (count - 1) for i in range(count)]


def _at_grey(target: float, hue: float) -> str:
    """The colour of ``hue`` whose :func:`grey` is ``target`` (bisection on CIE L*, to 0.01 L*; a hue's
    chroma is cut near black and white, so its grey rises with L* throughout)."""
    low, high = 0.0, 100.0
    while high - low > 0.01:
        middle = (low + high) / 2
        low, high = (middle, high) if grey(_lch(middle, hue)) < target else (low, middle)
    return _lch(low, hue)


def _lch(lightness: float, hue: float) -> str:
    """The sRGB colour (``#rrggbb``) of CIE LCh (``lightness``, :data:`CHROMA`, ``hue``), chroma cut to fit."""
    color = Color("lch", [lightness, CHROMA, hue]).fit("srgb", method="raytrace", pspace="lch").convert("srgb")
    return color.to_string(hex=True).lower()
