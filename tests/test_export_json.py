"""JSON: node-link data that networkx reads back whole, and Cytoscape.js elements that Cytoscape.js loads.

(Every dataset and graph through every reader: test_export_readers.py.)
"""
from __future__ import annotations

import json

import networkx as nx
import pytest
from export_cases import TRICKY
from node_readers import read_in_node

from timeline.dataset import load
from timeline.export._common import arcs
from timeline.export.cytoscape import cytoscape_data, write_cytoscape
from timeline.export.json import write_node_link
from timeline.graph import actor_graph, event_graph


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def graphs(dataset):
    return [actor_graph(dataset, include_planned=True), actor_graph(dataset, level="state"), event_graph(dataset)]


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_node_link_reads_back_whole(which, seed, tricky, tmp_path):
    for graph in graphs(seed if which == "seed" else tricky):
        write_node_link(graph, tmp_path / "graph.json")
        read = nx.node_link_graph(json.loads((tmp_path / "graph.json").read_text(encoding="utf-8")), edges="edges")
        assert read.graph == graph.graph
        assert list(read.nodes(data=True)) == list(graph.nodes(data=True))
        assert sorted(read.edges(keys=True)) == sorted((a.source, a.target, a.key) for a in arcs(graph))
        for u, v, k, d in graph.edges(keys=True, data=True):  # a meeting is read both ways, with the same data
            assert read.edges[u, v, k] == d
            if d.get("directed") is False:
                assert read.edges[v, u, k] == d


def test_cytoscape_elements_hold_every_node_edge_and_value(tricky):
    graph = actor_graph(tricky, include_planned=True)
    data = cytoscape_data(graph)
    assert (data["data"], data["directed"], data["multigraph"]) == (graph.graph, True, True)
    assert [n["data"] for n in data["elements"]["nodes"]] == [
        {"id": n, **{k: v for k, v in d.items() if v is not None}} for n, d in graph.nodes(data=True)]
    assert [e["data"] for e in data["elements"]["edges"]] == [
        {"id": a.id, "source": a.source, "target": a.target, "key": a.key,
         **{n: x for n, x in a.data.items() if x is not None}} for a in arcs(graph)]


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_cytoscape_js_loads_the_elements(which, seed, tricky, tmp_path):
    dataset = seed if which == "seed" else tricky
    drawn = graphs(dataset)
    for number, graph in enumerate(drawn):
        write_cytoscape(graph, tmp_path / f"graph{number}.cyjs")
    read = read_in_node([("cyjs", tmp_path / f"graph{number}.cyjs") for number in range(len(drawn))])
    for graph, loaded in zip(drawn, read, strict=True):
        assert loaded["nodes"] == list(graph)
        assert loaded["edges"] == [[a.id, a.source, a.target, a.key] for a in arcs(graph)]


def test_same_graph_same_bytes(seed, tmp_path):
    write_cytoscape(event_graph(seed), tmp_path / "a.cyjs")
    write_cytoscape(event_graph(seed), tmp_path / "b.cyjs")
    assert (tmp_path / "a.cyjs").read_bytes() == (tmp_path / "b.cyjs").read_bytes()
