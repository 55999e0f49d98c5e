"""Round 15 (issue #16): the scorer counts each set's misses by cause and type (``--breakdown``), counts only,
so that the held-out set's failures can be read without its gold.

Table of (drafted events, of them matched to other gold events) -> the cause of a gold meeting's miss.
"""
from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.append(str(ROOT / "bench"))
sd = importlib.import_module("score_drafts")     # bench/score_drafts.py (bench/ is no package)


def item(ident: str, kind: str, day: int, *actors: str) -> object:
    start = dt.datetime(2025, 5, day)
    return sd.Item(ident, kind, start, start + dt.timedelta(days=1), frozenset(actors))


GOLD = item("g", "meeting", 10, "russia", "ukraine")
CAUSES = [
    ([item("p", "meeting", 10, "russia")], {"p"}, ("taken", "")),            # it would match, but matched another
    ([item("p", "statement", 10, "russia")], set(), ("type", "statement")),  # unmatched, another type
    ([item("p", "statement", 10, "russia")], {"p"}, ("actor named", "")),    # that one matched something else
    ([item("p", "meeting", 12, "russia")], {"p"}, ("date", "")),             # its type and actor, another day
    ([item("p", "meeting", 10, "turkey")], set(), ("actor", "")),
    ([item("p", "meeting", 12, "turkey")], set(), ("date+actor", "")),
    ([item("p", "call", 12, "turkey")], set(), ("not drafted", "")),
]


@pytest.mark.parametrize(("predicted", "matched", "cause"), CAUSES, ids=[row[2][0] for row in CAUSES])
def test_the_cause_of_a_miss_looks_at_every_drafted_event(predicted: list, matched: set, cause: tuple) -> None:
    assert sd.miss_cause(GOLD, predicted, {p for p in predicted if p.id in matched}) == cause


def test_the_breakdown_counts_causes_types_and_extras_without_ids(tmp_path: Path) -> None:
    article = sd.Article("heldout", "h11-x", tmp_path / "h11-x.yaml", "2025-05-10", ["seeds"])
    article.scored = True
    article.causes = [("type", "appeal", "statement"), ("type", "appeal", "statement"), ("not drafted", "meeting", "")]
    article.extra_reasons = {"type": 2}
    article.extra_types = [("type", "statement"), ("type", "statement")]
    report = sd.breakdown([article], "heldout")
    assert report == {"extra_by_type": {"statement": {"type": 2}},
                      "misses": {"taken": 0, "type": 2, "date": 0, "actor": 0, "date+actor": 0, "actor named": 0,
                                 "not drafted": 1},
                      "by_type": {"appeal": {"type": 2}, "meeting": {"not drafted": 1}},
                      "drafted_as": {"appeal -> statement": 2},
                      "extra": {"told again": 0, "date": 0, "actor": 0, "type": 2, "no such event": 0}}
    text = sd.breakdown_markdown([article], ["heldout"])
    assert "- drafted as another type: appeal -> statement 2" in text
    assert "| appeal | 2 | type 2 |" in text and "h11-x" not in text
