"""DOT: Graphviz renders it without a warning, and reads back the same nodes, labels and edges."""
from __future__ import annotations

import json
import subprocess

import pytest
from conftest import require_program
from export_cases import TRICKY

from timeline.dataset import load
from timeline.export.dot import generate_dot, quote
from timeline.graph import actor_graph, event_graph


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def graphviz(text: str, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([require_program("dot"), f"-T{fmt}"], input=text, capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_dot_renders_svg_without_warnings(which, seed, tricky):
    dataset = seed if which == "seed" else tricky
    for graph in (actor_graph(dataset, include_planned=True), actor_graph(dataset, level="state"),
                  event_graph(dataset)):
        done = graphviz(generate_dot(graph, dataset), "svg")
        assert (done.returncode, done.stderr) == (0, "")
        assert "<script" not in done.stdout and "<img" not in done.stdout


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_graphviz_reads_back_the_ids_labels_and_edges(which, seed, tricky):
    dataset = seed if which == "seed" else tricky
    graph = event_graph(dataset)
    done = graphviz(generate_dot(graph, dataset), "json")
    read = json.loads(done.stdout)
    names = [o["name"] for o in read["objects"]]
    assert names == list(graph)
    labels = {o["name"]: o["label"] for o in read["objects"]}
    for actor in (n for n, kind in graph.nodes(data="node_type") if kind == "actor"):
        # a label is an escString: Graphviz keeps \\ as written and draws it as one backslash, and &amp; as &
        assert labels[actor] == dataset.actors[actor].name.replace("\\", "\\\\").replace("&", "&amp;")
    edges = sorted((names[e["tail"]], names[e["head"]], e["label"]) for e in read["edges"])
    assert edges == sorted(graph.edges(keys=True))


def test_labels_are_drawn_as_written(tricky):
    svg = graphviz(generate_dot(actor_graph(tricky, include_planned=True), tricky), "svg").stdout
    etree = pytest.importorskip("lxml.etree")
    texts = [t.text for t in etree.fromstring(svg.encode()).iter("{http://www.w3.org/2000/svg}text")]
    assert tricky.title in texts
    assert {a.name for a in tricky.actors.values()} <= set(texts)


def test_undirected_relations_have_no_arrow(seed):
    lines = generate_dot(actor_graph(seed), seed).splitlines()
    met = [line for line in lines if 'label="met"' in line]
    assert met and all('dir="none"' in line for line in met)
    assert all('dir="none"' not in line for line in lines if 'label="rejected"' in line)


@pytest.mark.parametrize(("text", "quoted"), [
    ("putin", '"putin"'), ('o"brien', r'"o\"brien"'), ("a\\b", r'"a\\b"'), ("two\nlines", r'"two\nlines"'),
    ("ид:1", '"ид:1"'), ("node", '"node"'),
])
def test_quote(text, quoted):
    assert quote(text) == quoted
