"""Stance colours, measured: each stance keeps its own grey in black-and-white print and stays distinct for
colour-blind readers (coloraide: CIE L*, CIEDE2000, and Machado, Oliveira & Fernandes 2009 simulations of
deuteranopia and protanopia, as tests/test_palette_sides.py measures the sides)."""
from __future__ import annotations

from itertools import combinations

import pytest
from coloraide import Color
from conftest import SEEDS

from timeline.negotiation import DEFAULT_STANCES, Stance
from timeline.stance_colors import NEUTRAL, hatched_stance, stance_colors

#: L* (0-100) two stances must differ by when printed in grey. In colour, every two stances differ in hue too
#: (last round's Demands and Accepts were two oranges that a reader confused): by HUE_APART degrees of CIE LCh hue
#: and CIEDE2000 DISTINCT in normal vision; for colour-blind readers, whose red and orange differ by lightness,
#: by CIEDE2000 COLOUR_BLIND (several times a just-noticeable difference).
GREY_MARGIN = 12.0
HUE_APART, DISTINCT, COLOUR_BLIND = 25.0, 15.0, 9.0


def grey(color: str) -> float:
    """The lightness a greyscale print gives ``color``: CIE L* of its luminance."""
    return Color(color).convert("lab")["lightness"]


def rec601(color: str) -> float:
    """The grey (0-255) of a cheap conversion, Rec. 601 luma on gamma-encoded sRGB (PIL's ``convert("L")``)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def hue(color: str) -> float:
    """The CIE LCh hue angle of ``color``, in degrees."""
    return Color(color).convert("lch")["hue"]


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
    assert [round(grey(colors[s])) for s in by_grey] == [20, 34, 47, 61, 74, 88]
    # in favour: red, orange, gold; against: purple, navy (last round Demands and Accepts were two oranges)
    assert {s: round(hue(colors[s])) for s in ids if s != "undecided"} == {
        "demands": 36, "accepts": 64, "open_to": 92, "rejects": 305, "red_line": 263}
    assert colors["undecided"] == NEUTRAL and hatched_stance(DEFAULT_STANCES) == "red_line"


@pytest.mark.parametrize("a, b", list(combinations([s.id for s in DEFAULT_STANCES], 2)))
def test_every_pair_of_default_stances_differs_in_hue_and_in_lightness(a, b):
    """Hue AND lightness: no two stances are told apart by lightness alone, in print, on screen and for
    colour-blind readers (the chart, the grid and the page read the same colours: see the test below)."""
    colors = stance_colors(DEFAULT_STANCES)
    assert abs(grey(colors[a]) - grey(colors[b])) >= GREY_MARGIN, (a, b)
    assert abs(rec601(colors[a]) - rec601(colors[b])) >= 20, (a, b)
    if "undecided" not in (a, b):        # the grey has no hue; it is the lightest by 14 L*
        apart = abs(hue(colors[a]) - hue(colors[b])) % 360
        assert min(apart, 360 - apart) >= HUE_APART, (a, b, colors[a], colors[b])
    normal, *blind = [x.delta_e(y, method="2000") for x, y in zip(views(colors[a]), views(colors[b]))]
    assert normal >= DISTINCT and min(blind) >= COLOUR_BLIND, (a, b, colors[a], colors[b], normal, blind)


def test_the_judged_pair_demands_and_accepts_are_a_red_and_an_orange():
    colors = stance_colors(DEFAULT_STANCES)
    demands, accepts = Color(colors["demands"]), Color(colors["accepts"])
    assert demands.delta_e(accepts, method="2000") >= 20
    assert hue(colors["demands"]) < 45 < 55 < hue(colors["accepts"])       # red, then orange


def test_the_chart_the_grid_the_page_read_the_same_colours():
    from timeline.dataset import load
    from timeline.html.positions import stance_looks

    seeds = load(SEEDS)
    colors = stance_colors(seeds.stances)
    assert {s["id"]: s["color"] for s in stance_looks(seeds)} == colors


@pytest.mark.parametrize("values", [(3, 1, 0, -3), (2, 1, 0, -1, -2), (3, 2, 1, 0, -1, -2, -3), (1, -1), (2, 1),
                                    (-1, -2, -3), (0,)])
def test_any_scale_of_up_to_seven_stances_keeps_its_greys_apart(values):
    stances = scale(*values)
    colors = stance_colors(stances)
    assert len(set(colors.values())) == len(stances)
    greys = sorted(grey(c) for c in colors.values())
    assert all(b - a >= 11 for a, b in zip(greys, greys[1:])), greys
    for s in stances:               # red to gold in favour, navy to purple against, a grey for no lean
        if s.value > 0:
            assert 30 < hue(colors[s.id]) < 98, (s, colors[s.id])
        elif s.value < 0:
            assert 255 < hue(colors[s.id]) < 310, (s, colors[s.id])
        else:
            assert colors[s.id] == NEUTRAL
    for side in ([s for s in stances if s.value > 0], [s for s in stances if s.value < 0]):   # each its own hue
        hues = sorted(hue(colors[s.id]) for s in side)
        assert all(b - a >= 14 for a, b in zip(hues, hues[1:])), hues
    for side in ([s for s in stances if s.value > 0], [s for s in stances if s.value < 0]):   # stronger: darker
        side.sort(key=lambda s: abs(s.value))
        assert [grey(colors[s.id]) for s in side] == sorted((grey(colors[s.id]) for s in side), reverse=True)
