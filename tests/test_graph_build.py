"""The actor graph's exact nodes and edges on a small made-up record (tests/data/graph-build.yaml).

:func:`timeline.graph.actor_graph` works out each date's sides, bounds and affiliation chains once; these are
the cases that would show a value kept for the wrong date or event: a planned meeting counted only until one is
held, co-sources with and without a tie to each other, a person whose state changes in May, a mentioned actor,
a cancelled meeting.
"""
from __future__ import annotations

import pytest

from timeline.dataset import load
from timeline.graph import actor_graph
from timeline.model import Dataset


@pytest.fixture(scope="module")
def record() -> Dataset:
    return load("tests/data/graph-build.yaml")


def _edges(record: Dataset, **options: object) -> list[tuple]:
    graph = actor_graph(record, **options)
    return [(u, v, k, d["count"], d["events"], d["planned_events"], d["first"], d["last"], d["planned"])
            for u, v, k, d in graph.edges(keys=True, data=True)]


def test_person_level(record: Dataset) -> None:
    graph = actor_graph(record, include_planned=True)
    assert list(graph.nodes(data="activity")) == [("ann", 6), ("bob", 3), ("cyd", 1), ("south", 3), ("north", 1)]
    planned = ["talks-planned", "talks-later"]
    assert _edges(record, include_planned=True) == [
        ("ann", "bob", "met", 1, ["talks-held"], planned, "2025-03-01", "2025-03-02", False),
        ("ann", "cyd", "acted_together", 1, ["joint-plan"], [], "2025-04-01", "2025-04-01", False),
        # north-and-ann: Ann belongs to Northland on 1 May, so the two did not "act together"
        ("ann", "south", "proposed_to", 3, ["joint-plan", "north-and-ann", "plan-again"], [], "2025-04-01",
         "2025-06-30", False),
        ("cyd", "south", "proposed_to", 1, ["joint-plan"], [], "2025-04-01", "2025-04-01", False),
        ("north", "south", "proposed_to", 1, ["north-and-ann"], [], "2025-05-01", "2025-05-01", False)]
    held = _edges(record)
    assert held[0] == ("ann", "bob", "met", 1, ["talks-held"], [], "2025-03-01", "2025-03-02", False)
    assert [e[:3] for e in held] == [e[:3] for e in _edges(record, include_planned=True)]
    assert "dee" not in graph  # only mentioned


def test_state_level_by_date(record: Dataset) -> None:
    graph = actor_graph(record, level="state", include_planned=True)
    # Ann counts as Northland until 15 May, then as Southland: August's planned talks with Bob are within one state
    assert list(graph.nodes(data="activity")) == [("north", 4), ("south", 6), ("west", 1)]
    assert _edges(record, level="state", include_planned=True) == [
        ("north", "south", "met", 1, ["talks-held"], ["talks-planned"], "2025-03-01", "2025-03-02", False),
        ("north", "south", "proposed_to", 2, ["joint-plan", "north-and-ann"], [], "2025-04-01", "2025-05-01",
         False),
        ("north", "west", "acted_together", 1, ["joint-plan"], [], "2025-04-01", "2025-04-01", False),
        ("west", "south", "proposed_to", 1, ["joint-plan"], [], "2025-04-01", "2025-04-01", False)]


def test_only_planned_is_a_planned_edge(record: Dataset) -> None:
    early = [e for e in record.events if e.id == "talks-planned"]
    assert _edges(record, events=early, include_planned=True) == [
        ("ann", "bob", "met", 1, ["talks-planned"], [], "2025-02-01", "2025-02-01", True)]
    assert _edges(record, events=early) == []
