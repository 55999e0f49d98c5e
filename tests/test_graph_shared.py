"""timeline.graph.shared_graphs: inside a build each actor or event graph is made once, and every caller
still gets a graph of its own."""
from __future__ import annotations

import networkx as nx

from timeline import graph
from timeline.model import Dataset


def test_a_graph_asked_for_again_is_made_once_and_equal(seed: Dataset) -> None:
    alone = graph.actor_graph(seed, level="state", include_planned=True)
    with graph.shared_graphs():
        first = graph.actor_graph(seed, level="state", include_planned=True)
        second = graph.actor_graph(seed, None, "state", True)
        graph.actor_graph(seed)
        graph.event_graph(seed, seed.events)
        graph.event_graph(seed, list(seed.events))
        assert len(graph._MADE.get() or {}) == 3  # state with planned, person, events
    assert graph._MADE.get() is None
    assert nx.utils.graphs_equal(first, alone) and nx.utils.graphs_equal(second, alone)
    assert first.graph == alone.graph == {"title": seed.title, "level": "state"}


def test_each_caller_may_cut_its_own_copy(seed: Dataset) -> None:
    with graph.shared_graphs():
        cut = graph.actor_graph(seed)
        cut.remove_nodes_from(list(cut)[:3])
        whole = graph.actor_graph(seed)
    assert len(whole) == len(graph.actor_graph(seed)) == len(cut) + 3


def test_other_events_make_another_graph(seed: Dataset) -> None:
    with graph.shared_graphs():
        every = graph.actor_graph(seed, seed.events)
        some = graph.actor_graph(seed, seed.events[:5])
    assert nx.utils.graphs_equal(some, graph.actor_graph(seed, seed.events[:5]))
    assert some.number_of_edges() < every.number_of_edges()
