"""Every graph export read back by the programs its users have, asserting what they understand.

networkx (read_gexf, read_graphml, node_link_graph), igraph (GraphML),
graphology (graphology-gexf, graphology-graphml) and Cytoscape.js under
node, pydot and Graphviz for DOT. Each reader must hold the library
graph: the same nodes with the same names, every relation (a meeting as
two reciprocal arcs, so that it is symmetric in every reader), and no
edge lost to an id that a node already has.
"""
from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from conftest import require_program
from export_cases import HOSTILE, SPECIAL, TRICKY
from node_readers import read_in_node

from timeline.dataset import load
from timeline.export._common import arcs
from timeline.export.cytoscape import write_cytoscape
from timeline.export.dot import write_dot
from timeline.export.gexf import write_gexf
from timeline.export.graphml import decode_id, write_graphml
from timeline.export.json import write_node_link
from timeline.graph import actor_graph, event_graph
from timeline.model import Dataset

DATASETS = ("seed", "tricky", "hostile")
GRAPHS = ("person", "state", "events")
#: The files node reads: graphology's GEXF and GraphML parsers, and Cytoscape.js's JSON.
NODE_FORMATS = ("gexf", "graphml", "cyjs")


@pytest.fixture(scope="module")
def datasets(seed: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dataset]:
    """The seed, TRICKY and HOSTILE, loaded once for the module."""
    folder = tmp_path_factory.mktemp("datasets")
    for name, text in (("tricky", TRICKY), ("hostile", HOSTILE)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return {"seed": seed, "tricky": load(folder / "tricky.yaml"), "hostile": load(folder / "hostile.yaml")}


@pytest.fixture(scope="module")
def node_reads(datasets: dict[str, Dataset], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple, dict]:
    """What node's readers find in each graph file, ``(format, dataset, graph) -> reader's answer``: every file
    written first, then read in one node process (tests/js/read_many.js) instead of one process a file."""
    folder = tmp_path_factory.mktemp("node-reads")
    files = {}
    for name, dataset in datasets.items():
        for which in GRAPHS:
            graph = library_graph(dataset, which)
            for fmt in NODE_FORMATS:
                path = files[fmt, name, which] = folder / f"{name}-{which}.{fmt}"
                write(fmt, graph, path, dataset)
    return dict(zip(files, read_in_node([(fmt, path) for (fmt, *_), path in files.items()]), strict=True))


def write(fmt: str, graph: nx.MultiDiGraph, path: Path, dataset: Dataset) -> None:
    """Write ``graph`` as a GEXF, GraphML or Cytoscape.js file."""
    if fmt == "gexf":
        write_gexf(graph, path, dataset)
    elif fmt == "graphml":
        write_graphml(graph, path)
    else:
        write_cytoscape(graph, path)


def library_graph(dataset, which: str) -> nx.MultiDiGraph:
    if which == "events":
        return event_graph(dataset)
    return actor_graph(dataset, level=which, include_planned=True)


def expected_arcs(graph) -> Counter:
    """The arcs a reader of a directed file must find: each relation, a meeting both ways."""
    return Counter((str(a.source), str(a.target), a.key) for a in arcs(graph))


def relations(read_arcs: Counter, graph) -> int:
    """How many relations of the library graph the arcs hold: a reciprocal pair of a two-way relation is one."""
    two_way = {(str(u), str(v), k) for u, v, k, d in graph.edges(keys=True, data=True) if d.get("directed") is False}
    return sum(n for (u, v, k), n in read_arcs.items() if (u, v, k) not in two_way and (v, u, k) not in two_way) + \
        sum(n for arc, n in read_arcs.items() if arc in two_way)


def check(graph, nodes: dict[str, str], read_arcs: Counter) -> None:
    """The reader's nodes (id -> name) and arcs are the library graph's, and meetings are symmetric."""
    assert nodes == {str(n): str(d.get("name", n)) for n, d in graph.nodes(data=True)}
    assert read_arcs == expected_arcs(graph)
    assert relations(read_arcs, graph) == graph.number_of_edges()
    for u, v, k, d in graph.edges(keys=True, data=True):
        if d.get("directed") is False:
            assert read_arcs[str(u), str(v), k] == read_arcs[str(v), str(u), k] == 1


cases = pytest.mark.parametrize(("name", "which"), [(d, g) for d in DATASETS for g in GRAPHS])


@cases
def test_networkx_reads_the_gexf(name, which, datasets, tmp_path):
    dataset = datasets[name]
    graph = library_graph(dataset, which)
    write_gexf(graph, tmp_path / "g.gexf", dataset)
    read = nx.read_gexf(tmp_path / "g.gexf")
    assert read.is_directed()  # a MultiDiGraph where two arcs join the same pair
    check(graph, {n: d["label"] for n, d in read.nodes(data=True)},
          Counter((u, v, d["label"]) for u, v, d in read.edges(data=True)))
    for _, data in [*read.nodes(data=True), *((None, d) for *_, d in read.edges(data=True))]:
        for start, end in data.get("spells", []):
            assert "None" not in (start, end)  # an open bound is never the text "None"


@cases
def test_networkx_and_igraph_read_the_graphml(name, which, datasets, tmp_path):
    dataset = datasets[name]
    graph = library_graph(dataset, which)
    write_graphml(graph, tmp_path / "g.graphml")
    read = nx.relabel_nodes(nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True), decode_id)
    assert read.is_directed()
    check(graph, {n: d.get("name", n) for n, d in read.nodes(data=True)},
          Counter((u, v, d["key"]) for u, v, d in read.edges(data=True)))
    igraph = pytest.importorskip("igraph")
    read = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    assert read.is_directed()
    names = [decode_id(v["id"]) for v in read.vs]
    check(graph, {n: v["name"] or n for n, v in zip(names, read.vs)},
          Counter((names[e.source], names[e.target], e["key"]) for e in read.es))


@cases
def test_networkx_reads_the_node_link_json(name, which, datasets, tmp_path):
    dataset = datasets[name]
    graph = library_graph(dataset, which)
    write_node_link(graph, tmp_path / "g.json")
    read = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="edges")
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    check(graph, {str(n): d.get("name", n) for n, d in read.nodes(data=True)},
          Counter((u, v, k) for u, v, k in read.edges(keys=True)))
    assert all(read.edges[u, v, k] == graph.edges[u, v, k] if graph.has_edge(u, v, k) else
               read.edges[u, v, k] == graph.edges[v, u, k] for u, v, k in read.edges(keys=True))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
@cases
def test_graphology_reads_the_file(fmt, name, which, datasets, node_reads):
    dataset = datasets[name]
    graph = library_graph(dataset, which)
    read = node_reads[fmt, name, which]
    assert read["type"] == "directed"
    ids = decode_id if fmt == "graphml" else str
    nodes = {ids(key): attributes.get("label" if fmt == "gexf" else "name", ids(key))
             for key, attributes in read["nodes"]}
    found = Counter((ids(s), ids(t), a.get("kind" if fmt == "gexf" else "key", a.get("label")))
                    for _, s, t, undirected, a in read["edges"])
    assert not any(undirected for *_, undirected, _ in read["edges"])
    check(graph, nodes, found)


@cases
def test_cytoscape_js_keeps_every_edge(name, which, datasets, node_reads):
    dataset = datasets[name]
    graph = library_graph(dataset, which)
    loaded = node_reads["cyjs", name, which]
    assert sorted(loaded["nodes"]) == sorted(map(str, graph))
    ids = [edge[0] for edge in loaded["edges"]]
    assert len(set(ids)) == len(ids) and not set(ids) & set(loaded["nodes"])
    check(graph, {n: str(graph.nodes[n].get("name", n)) for n in loaded["nodes"]},
          Counter((s, t, k) for _, s, t, k in loaded["edges"]))


@cases
def test_pydot_and_graphviz_read_the_dot(name, which, datasets, tmp_path):
    dataset = datasets[name]
    pydot = pytest.importorskip("pydot")
    graph = library_graph(dataset, which)
    write_dot(graph, tmp_path / "g.dot", dataset)
    done = subprocess.run([require_program("dot"), "-Tjson", str(tmp_path / "g.dot")], capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    drawn = json.loads(done.stdout)
    assert len(drawn["objects"]) == len(graph) and len(drawn.get("edges", [])) == graph.number_of_edges()
    [read] = pydot.graph_from_dot_file(str(tmp_path / "g.dot"), encoding="utf-8")

    def text(value: str) -> str:  # a DOT quoted string as the data said it
        return json.loads(value).replace("&amp;", "&")  # DOT escapes \\ \" \\n as JSON does

    nodes = {text(n.get_name()): text(n.get("label")).split("\n")[0] for n in read.get_nodes()
             if n.get_name() not in ("node", "edge", "graph")}
    names = {str(n): (str(n) if d.get("node_type") == "event" else str(d.get("name", n)))
             for n, d in graph.nodes(data=True)}
    assert nodes == names
    edges = Counter((text(e.get_source()), text(e.get_destination()), text(e.get("label")).removesuffix(" (planned)"))
                    for e in read.get_edges())
    assert edges == Counter((str(u), str(v), k) for u, v, k in graph.edges(keys=True))
    two_way = [e for e in read.get_edges() if e.get("dir") == '"none"']
    assert len(two_way) == sum(d.get("directed") is False for *_, d in graph.edges(keys=True, data=True))


def test_actors_who_acted_alone_are_in_every_actor_graph(datasets):
    seed, hostile = datasets["seed"], datasets["hostile"]
    assert "solo" in actor_graph(hostile)  # a statement without a target
    acting = {a for e in seed.events if e.status != "cancelled" for a, role in e.roles() if role != "mentioned"}
    assert set(actor_graph(seed, include_planned=True)) == acting


def test_the_special_text_round_trips_in_the_event_graph(datasets, tmp_path):
    hostile = datasets["hostile"]
    graph = event_graph(hostile)
    write_gexf(graph, tmp_path / "g.gexf", hostile)
    write_graphml(graph, tmp_path / "g.graphml")
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["e10"]["summary"] == SPECIAL
    read = nx.relabel_nodes(nx.read_graphml(tmp_path / "g.graphml"), decode_id)
    assert read.nodes["e10"]["summary"] == SPECIAL
    assert read.nodes["e0"]["name"] == hostile.actors["e0"].name
