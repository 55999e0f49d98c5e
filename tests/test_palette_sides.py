"""Side and relation colours, measured: distinct for every reader, and never the same for a node and a line.

Colour difference is CIEDE2000 (coloraide), in normal vision and under
simulated deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009),
the two deficiencies that together affect about 6% of men.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from coloraide import Color

from timeline import palette
from timeline.dataset import load

SEEDS = Path(palette.__file__).parents[1] / "seeds"
#: CIEDE2000 below which two marks of one chart can be taken for each other.
DISTINCT = 12.0


def difference(a: str, b: str, deficient: bool = True) -> float:
    """The least CIEDE2000 difference between ``a`` and ``b`` in normal vision and, if ``deficient``, under
    deuteranopia and protanopia."""
    def views(c: str) -> list[Color]:
        color = Color(c)
        return [color, *((color.clone().filter("deutan", method="machado"),
                          color.clone().filter("protan", method="machado")) if deficient else ())]
    return min(x.delta_e(y, method="2000") for x, y in zip(views(a), views(b)))


def test_the_side_palette_is_distinct_for_colour_blind_readers():
    for a, b in combinations(palette.SIDE_PALETTE, 2):
        assert difference(a, b) >= DISTINCT, (a, b)


def test_the_editor_flagged_pairs_are_now_distinct():
    # last round: US/UK, Ukraine/UAE, Turkey/Ukraine's allies, Saudi Arabia/Germany looked alike
    seeds = load(SEEDS)
    sides = sorted({seeds.side(a) for e in seeds.events for a in e.actors()})
    colors = palette.side_colors(sides, seeds)
    for a, b in (("united-states", "united-kingdom"), ("ukraine", "united-arab-emirates"),
                 ("turkey", "ukraine-allies"), ("saudi-arabia", "germany")):
        assert colors[a] != colors[b]
        assert difference(colors[a], colors[b]) >= DISTINCT, (a, b, colors[a], colors[b])


def test_every_coloured_side_of_the_2025_record_is_distinct():
    seeds = load(SEEDS)
    sides = sorted({seeds.side(a) for e in seeds.events for a in e.actors()})
    named = [c for c in palette.side_colors(sides, seeds).values() if c != palette.OTHER_SIDE]
    assert len(named) == len(set(named)) >= 8
    for a, b in combinations(named, 2):
        assert difference(a, b) >= DISTINCT, (a, b)


def test_relation_lines_never_wear_a_side_colour():
    # a line and a node differ by form too, so for colour-deficient readers form carries it (greys are greys)
    sides = {*palette.SIDE_PALETTE, *palette.KNOWN_SIDES.values(), palette.OTHER_SIDE}
    for family in palette.RELATION_FAMILIES.values():
        assert family.color not in sides
        assert min(difference(family.color, s, deficient=False) for s in sides) >= 10, family.id


def test_relations_are_greys_but_for_the_hostile_accents():
    def grey(c: str) -> bool:
        return c[1:3] == c[3:5] == c[5:7]
    families = palette.RELATION_FAMILIES
    assert all(grey(families[f].color) for f in ("talks", "cooperation", "words"))
    assert not grey(families["pressure"].color) and families["force"].color == "#000000"
    # in black-and-white print the families differ by dash
    assert len({str(f.dash) for f in families.values() if f.id != "force"}) == 4


@pytest.mark.parametrize("name, color", [("Russia", "#D55E00"), ("Ukraine", "#0072B2"), ("United States", "#009E73"),
                                         ("China", "#882255"), ("France", "#332288")])
def test_stable_defaults_whatever_the_order(name, color):
    others = ["a", "b", "c", "d", "e"]
    assert palette.side_colors([*others, name])[name] == color
    assert palette.side_colors([name, *others])[name] == color


def test_a_side_keeps_its_colour_in_every_chart_of_a_record():
    import networkx as nx

    seeds = load(SEEDS)

    def graph(*sides: str) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        g.add_nodes_from((s, {"node_type": "actor", "side": s, "activity": 1}) for s in sides)
        return g

    alone = palette.graph_look(graph("european-allies"), seeds).sides
    among = palette.graph_look(graph("russia", "ukraine", "united-arab-emirates", "european-allies"), seeds).sides
    assert alone["european-allies"] == among["european-allies"] != palette.OTHER_SIDE
    assert among["united-arab-emirates"] == "#56B4E9"          # the dataset's own colour


def test_a_side_has_one_colour_whatever_a_chart_asks_for():
    # last round: the timeline's band dealt the free colours over its own sides, the graph over the record's
    seeds = load(SEEDS)
    every = palette.side_colors(["russia", "ukraine", "united-states", "european-allies", "hungary"], seeds)
    for asked in (["hungary"], ["european-allies", "hungary"], ["hungary", "ukraine", "european-allies"]):
        assert palette.side_colors(asked, seeds) == {side: every[side] for side in asked}
