"""The one palette: type families with distinct shapes and colours, relation families, side colours."""
from __future__ import annotations

import itertools

import pytest

from timeline import palette
from timeline.dataset import load
from timeline.model import EVENT_TYPES


def _luminance(hex_color: str) -> float:
    """Relative luminance (WCAG 2.x) of ``#RRGGBB``."""
    channels = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_type_is_in_exactly_one_family():
    placed = [t for family in palette.FAMILIES.values() for t in family.types]
    assert sorted(placed) == sorted(EVENT_TYPES)
    assert len(placed) == len(set(placed)) == 46


def test_families_differ_by_shape_and_by_colour():
    families = list(palette.FAMILIES.values())
    assert 7 <= len(families) <= 9
    assert len({f.marker for f in families}) == len(families)
    assert len({f.shape for f in families}) == len(families)
    assert len({f.color for f in families}) == len(families)
    # print on white: every colour keeps at least 1.5:1 contrast against the paper (no pale yellow)
    assert all((1.05) / (_luminance(f.color) + 0.05) >= 1.5 for f in families)


@pytest.mark.parametrize("event_type, family", [
    ("meeting", "talks"), ("visit", "talks"), ("call", "calls"), ("proposal", "proposals"),
    ("agreement_signed", "proposals"), ("rejection", "pressure"), ("threat", "pressure"),
    ("demand", "pressure"), ("statement", "words"), ("claim", "words"), ("denial", "words"),
    ("exchange", "relief"), ("aid", "relief"), ("ceasefire_declared", "relief"), ("sanctions", "measures"),
    ("military_action", "force"), ("assault", "force"),
])
def test_type_families(event_type, family):
    assert palette.family_of(event_type).id == family


def test_the_pairs_the_editor_flagged_differ_in_shape():
    for a, b in (("threat", "exchange"), ("rejection", "aid"), ("statement", "agreement"), ("call", "meeting")):
        assert palette.family_of(a).marker != palette.family_of(b).marker


def test_relation_families():
    relations = {t.relation for t in EVENT_TYPES.values()} | {"mediated", "acted_together"}
    families = {palette.relation_family(r).id for r in relations}
    assert families == set(palette.RELATION_FAMILIES) and len(families) == 5
    assert palette.relation_family("met").id == "talks"
    assert palette.relation_family("rejected").id == palette.relation_family("threatened").id == "pressure"
    assert palette.relation_family("attacked").id == "force"
    assert palette.relation_family("denied").id == "words"
    looks = {(f.color, str(f.dash)) for f in palette.RELATION_FAMILIES.values()}
    assert len(looks) == 5 and len({f.color for f in palette.RELATION_FAMILIES.values()}) == 5


def test_side_colours_are_distinct_and_honour_the_dataset():
    seeds = load(palette.__file__.rsplit("/", 2)[0] + "/seeds")
    sides = sorted({seeds.side(a) for e in seeds.events for a in e.actors()})
    colors = palette.side_colors(sides, seeds)
    named = [c for c in colors.values() if c != palette.OTHER_SIDE]
    assert len(named) == len(set(named))                          # no two sides share a colour
    assert colors["russia"] == seeds.actors["russia"].color.upper()
    assert colors["ukraine"] == seeds.actors["ukraine"].color.upper()
    assert colors["united-states"] == seeds.actors["united-states"].color.upper()
    assert colors["european-allies"] != colors["united-states"]


def test_side_colours_without_a_dataset():
    colors = palette.side_colors(["Russia", "Ukraine", "x", "y"])
    assert colors["Russia"] == palette.KNOWN_SIDES["russia"] and colors["Ukraine"] == palette.KNOWN_SIDES["ukraine"]
    assert len(set(colors.values())) == 4
    many = palette.side_colors([f"s{i}" for i in range(14)])
    n = len(palette.SIDE_PALETTE)
    assert sorted(list(many.values())[:n]) == sorted(palette.SIDE_PALETTE)      # each colour once, then grey
    assert set(list(many.values())[n:]) == {palette.OTHER_SIDE}


def test_a_known_colour_taken_by_the_dataset_moves_the_default():
    class Actor:
        def __init__(self, name, color=None):
            self.name, self.aliases, self.color = name, (), color

    class Data:
        actors = {"ua": Actor("Ukraine"), "sa": Actor("Saudi Arabia", palette.KNOWN_SIDES["ukraine"])}

    colors = palette.side_colors(["ua", "sa"], Data())
    assert colors["sa"] == palette.KNOWN_SIDES["ukraine"] and colors["ua"] != colors["sa"]


def test_families_are_distinct_pairwise_in_colour_distance():
    def rgb(c):
        return [int(c[i:i + 2], 16) for i in (1, 3, 5)]
    for a, b in itertools.combinations(palette.FAMILIES.values(), 2):
        assert sum((x - y) ** 2 for x, y in zip(rgb(a.color), rgb(b.color))) ** 0.5 > 60, (a.id, b.id)
