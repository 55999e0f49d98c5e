"""Stance colours, measured: each stance keeps its own grey in black-and-white print and stays distinct for
colour-blind readers (coloraide: CIE L*, CIEDE2000, and Machado, Oliveira & Fernandes 2009 simulations of
deuteranopia and protanopia, as tests/test_palette_sides.py measures the sides)."""
from __future__ import annotations

from itertools import combinations

import pytest
from coloraide import Color

from timeline.negotiation import DEFAULT_STANCES, Stance
from timeline.stance_colors import NEUTRAL, hatched_stance, stance_colors

#: L* (0-100) two stances must differ by when printed in grey; CIEDE2000 for colour: 12 between hues (as for
#: the sides), 9 between two steps of one hue's ramp, which differ by lightness alone (CIEDE2000 weighs
#: lightness away from L* 50 less; 9 is still several times a just-noticeable difference).
GREY_MARGIN = 12.0
DISTINCT, ONE_RAMP = 12.0, 9.0


def grey(color: str) -> float:
    """The lightness a greyscale print gives ``color``: CIE L* of its luminance."""
    return Color(color).convert("lab")["lightness"]


def rec601(color: str) -> float:
    """The grey (0-255) of a cheap conversion, Rec. 601 luma on gamma-encoded sRGB (PIL's ``convert("L")``)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def views(color: str) -> list[Color]:
    c = Color(color)
    return [c, c.clone().filter("deutan", method="machado"), c.clone().filter("protan", method="machado")]


def scale(*values: float) -> list[Stance]:
    return [Stance(f"s{v:g}", v, f"S {v:g}") for v in values]


def test_the_default_scale_in_grey_in_order():
    colors = stance_colors(DEFAULT_STANCES)
    ids = [s.id for s in DEFAULT_STANCES]
    assert ids == ["demands", "accepts", "open_to", "undecided", "rejects", "red_line"]
    # darkest first: red line, rejects, demands, accepts, open to, undecided (last round Accepts ~ Rejects)
    by_grey = sorted(ids, key=lambda s: grey(colors[s]))
    assert by_grey == ["red_line", "rejects", "demands", "accepts", "open_to", "undecided"]
    assert [round(grey(colors[s])) for s in by_grey] == [20, 33, 47, 61, 74, 88]
    assert colors["undecided"] == NEUTRAL and hatched_stance(DEFAULT_STANCES) == "red_line"


@pytest.mark.parametrize("a, b", list(combinations([s.id for s in DEFAULT_STANCES], 2)))
def test_every_pair_of_default_stances_differs_in_grey_and_for_colour_blind_readers(a, b):
    colors = stance_colors(DEFAULT_STANCES)
    assert abs(grey(colors[a]) - grey(colors[b])) >= GREY_MARGIN, (a, b)
    assert abs(rec601(colors[a]) - rec601(colors[b])) >= 20, (a, b)
    difference = min(x.delta_e(y, method="2000") for x, y in zip(views(colors[a]), views(colors[b])))
    value = {s.id: s.value for s in DEFAULT_STANCES}
    same_ramp = value[a] * value[b] > 0
    assert difference >= (ONE_RAMP if same_ramp else DISTINCT), (a, b, colors[a], colors[b])


@pytest.mark.parametrize("values", [(3, 1, 0, -3), (2, 1, 0, -1, -2), (3, 2, 1, 0, -1, -2, -3), (1, -1), (2, 1),
                                    (-1, -2, -3), (0,)])
def test_any_scale_of_up_to_seven_stances_keeps_its_greys_apart(values):
    stances = scale(*values)
    colors = stance_colors(stances)
    assert len(set(colors.values())) == len(stances)
    greys = sorted(grey(c) for c in colors.values())
    assert all(b - a >= 11 for a, b in zip(greys, greys[1:])), greys
    for s in stances:               # oranges in favour, purples against, a grey for no lean
        hue = Color(colors[s.id]).convert("lch")["hue"]
        if s.value > 0:
            assert 40 < hue < 75, (s, colors[s.id])
        elif s.value < 0:
            assert 280 < hue < 320, (s, colors[s.id])
        else:
            assert colors[s.id] == NEUTRAL
    for side in ([s for s in stances if s.value > 0], [s for s in stances if s.value < 0]):   # stronger: darker
        side.sort(key=lambda s: abs(s.value))
        assert [grey(colors[s.id]) for s in side] == sorted((grey(colors[s.id]) for s in side), reverse=True)
