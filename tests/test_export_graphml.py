"""GraphML: valid against the 1.1 schema, and read back whole by networkx and by igraph."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from conftest import require_schema
from export_cases import TRICKY

from timeline.dataset import load
from timeline.export._common import arcs
from timeline.export.graphml import (
    decode_id,
    encode_id,
    generate_graphml,
    write_graphml,
)
from timeline.graph import actor_graph, event_graph

etree = pytest.importorskip("lxml.etree")


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(require_schema("graphml", "1.1-local", "graphml.xsd"))))


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def graphs(dataset):
    return {"person": actor_graph(dataset, include_planned=True), "state": actor_graph(dataset, level="state"),
            "events": event_graph(dataset)}


def present(data: dict) -> dict:
    """Attributes as GraphML holds them: missing values left out, lists as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in data.items()
            if v is not None}


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_valid_against_the_graphml_schema(which, seed, tricky, schema):
    for graph in graphs(seed if which == "seed" else tricky).values():
        document = etree.fromstring(generate_graphml(graph).encode())
        assert schema.validate(document), schema.error_log


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_networkx_reads_back_the_same_graph(which, seed, tricky, tmp_path):
    for name, graph in graphs(seed if which == "seed" else tricky).items():
        path = tmp_path / f"{name}.graphml"
        write_graphml(graph, path)
        read = nx.relabel_nodes(nx.read_graphml(path, force_multigraph=True), decode_id)
        assert read.graph == present(graph.graph) | {"node_default": {}, "edge_default": {}}
        assert dict(read.nodes(data=True)) == {n: present(d) for n, d in graph.nodes(data=True)}
        written = arcs(graph, taken={encode_id(n) for n in graph})  # a meeting both ways
        ids = {i: (u, v, d["key"]) for u, v, i, d in read.edges(keys=True, data=True)}
        assert ids == {a.id: (a.source, a.target, a.key) for a in written}  # networkx keys edges by their GraphML id
        edges = {(u, v, d.pop("key")): d for u, v, d in read.edges(data=True)}
        assert edges == {(a.source, a.target, a.key): present(a.data) for a in written}


def test_igraph_reads_back_the_same_graph(seed, tmp_path):
    igraph = pytest.importorskip("igraph")
    graph = actor_graph(seed, include_planned=True)
    path = tmp_path / "actors.graphml"
    write_graphml(graph, path)
    read = igraph.Graph.Read_GraphML(str(path))
    names = [decode_id(v["id"]) for v in read.vs]
    assert names == list(graph)
    assert [v["name"] for v in read.vs] == [graph.nodes[n]["name"] for n in names]
    assert [v["activity"] for v in read.vs] == [graph.nodes[n]["activity"] for n in names]
    read_edges = [(names[e.source], names[e.target], e["key"]) for e in read.es]
    written = arcs(graph)
    assert read_edges == [(a.source, a.target, a.key) for a in written]
    for e, arc in zip(read.es, written):
        source = arc.data
        assert (e["count"], e["directed"], json.loads(e["events"]), json.loads(e["dates"])) == (
            source["count"], source["directed"], source["events"], source["dates"])
        assert e["first"] == (source["first"] or "")  # igraph reads a missing string as ""


def test_edge_ids_are_unique_also_between_parallel_edges(seed):
    graph = actor_graph(seed, level="state")
    assert graph.number_of_edges("ukraine", "russia") >= 3
    document = etree.fromstring(generate_graphml(graph).encode())
    ids = [e.get("id") for e in document.iter("{*}edge")]
    assert ids == [a.id for a in arcs(graph)] and len(set(ids)) == len(ids)


def test_values_are_typed_and_missing_values_left_out(seed):
    document = etree.fromstring(generate_graphml(actor_graph(seed, include_planned=True)).encode())
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in document.iter("{*}key")}
    assert types[("edge", "count")] == "int"
    assert types[("edge", "planned")] == "boolean"
    assert types[("edge", "events")] == types[("edge", "first")] == "string"
    assert [d.text for d in document.iter("{*}data") if d.text in ("None", "null", "")] == []
    putin = document.find(".//{*}node[@id='putin']")
    keys = {k.get("id"): k.get("attr.name") for k in document.iter("{*}key")}
    assert {keys[d.get("key")]: d.text for d in putin} == {
        "node_type": "actor", "name": "Vladimir Putin", "kind": "person", "title": "President of Russia",
        "affiliation": "russia", "side": "russia", "activity": "6"}


def test_text_is_escaped_and_ids_are_name_tokens(tricky):
    text = generate_graphml(event_graph(tricky))
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"" in text
    document = etree.fromstring(text.encode())
    assert {decode_id(n.get("id")) for n in document.iter("{*}node")} == {
        "ид:1", 'o"brien', "x y/z", "talks:1", "-claim", "later"}


@pytest.mark.parametrize(("node", "token"), [
    ("putin", "putin"), ("ид:1", "ид:1"), ('o"brien', "o_x0022_brien"), ("x y/z", "x_x0020_y_x002F_z"),
    ("a_x0041_", "a_x005F_x0041_"), ("😀", "_x0001F600_"),
])
def test_ids_are_encoded_reversibly(node, token):
    assert encode_id(node) == token
    assert decode_id(token) == node


def test_same_graph_same_bytes(seed):
    assert generate_graphml(event_graph(seed)) == generate_graphml(event_graph(seed))
