"""timeline.export.json_text: the same bytes as the standard library's indented encoder, faster."""
from __future__ import annotations

import json
import random

import pytest

from timeline.export.json_text import json_bytes, json_pieces, json_slices

STDLIB = json.JSONEncoder(ensure_ascii=False, indent=1)
LEAVES = ["", "é\n\"<>&\u2028\x00\ud800 text", 0, -3, 10**20, 2**63, 1.5, -0.0, 1e300, float("nan"), float("inf"),
          -float("inf"), True, False, None]


def _value(rng: random.Random, depth: int, leaves: list = LEAVES, keys: list | None = None) -> object:
    """A random JSON value: leaves of every kind, lists, tuples, mappings with keys of every kind, some empty."""
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice(leaves)
    count = rng.choice([0, 1, 3, 300] if depth == 0 else [0, 1, 3])
    if roll < 0.55:
        return [_value(rng, depth + 1, leaves, keys) for _ in range(count)]
    if roll < 0.7:
        return tuple(_value(rng, depth + 1, leaves, keys) for _ in range(count))
    names = keys or ["a", "é", 1, 2.5, True, False, None, *(f"k{n}" for n in range(count))]
    return {rng.choice(names): _value(rng, depth + 1, leaves, keys) for _ in range(count)}


def test_random_values_give_the_standard_librarys_bytes() -> None:
    rng = random.Random(5)
    for _ in range(200):
        value = _value(rng, 0)
        assert "".join(json_pieces(value)) == "".join(STDLIB.iterencode(value)) + "\n"


def test_json_bytes_are_the_standard_librarys_for_text_integers_and_containers() -> None:
    rng = random.Random(7)
    leaves = ["", "é\n\"<>&\u2028\x00\x1f\x7f text", 0, -3, 2**63 - 1, True, False, None]
    deep: object = [{"a": ["b", {}]}]
    for _ in range(9):
        deep = {"x": [deep, 1]}
    for value in [deep, *(_value(rng, 0, leaves, ["a", "é", "k1", "k2"]) for _ in range(200))]:
        assert json_bytes(value) == ("".join(STDLIB.iterencode(value)) + "\n").encode()
    with pytest.raises(TypeError):
        json_bytes([object()])


def test_large_containers_come_in_pieces_with_the_same_bytes() -> None:
    value = {"events": [{"a": [1] * 300, "b": {str(n): n for n in range(300)}} for _ in range(300)], "e": [], "f": {}}
    pieces = list(json_pieces(value, size=100))
    assert len(pieces) > 300 and max(map(len, pieces)) < 10_000
    assert "".join(pieces) == "".join(STDLIB.iterencode(value)) + "\n"


@pytest.mark.parametrize("value", [{(1, 2): 1}, [object()], {"a": {1, 2}}])
def test_what_json_cannot_hold_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        "".join(json_pieces(value))
    with pytest.raises(TypeError):
        "".join(STDLIB.iterencode(value))


@pytest.mark.parametrize("head", [{}, {"title": {"text": "é<"}, "scale": "human"}])
def test_a_list_written_in_slices_gives_the_bytes_of_the_whole(head: dict) -> None:
    items = [{"id": n, "text": ["é\n", {"k": None}], "e": {}} for n in range(7)]
    for size in (1, 3, 7):
        slices = [[], *(items[at:at + size] for at in range(0, 7, size)), []]
        assert b"".join(json_slices(head, "events", slices)) == json_bytes({**head, "events": items})
    assert b"".join(json_slices(head, "events", [[], []])) == json_bytes({**head, "events": []})
    assert len(list(json_slices(head, "events", [items[:3], items[3:]]))) == 4
