"""DOT: Graphviz renders it without a warning, and reads back the same nodes, labels and edges."""
from __future__ import annotations

import json
import subprocess

import pytest
from conftest import require_program
from export_cases import HOSTILE, TRICKY

from timeline.dataset import load
from timeline.dates import parse_edtf
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


def test_entities_are_drawn_as_written_and_a_nul_is_accepted(tmp_path):
    """Graphviz decodes &amp; in labels and stops at a NUL: a name with both is drawn as written, without a word."""
    from timeline.model import Actor, Dataset, Event

    names = {"att": "AT&amp;T & Co <b>", "nul": "before\x00after\x07bell"}
    dataset = Dataset(actors={i: Actor(i, name, kind="organization") for i, name in names.items()},
                      events=[Event("talks", "meeting", parse_edtf("2025-12-02"), participants=("att", "nul"))])
    done = graphviz(generate_dot(actor_graph(dataset), dataset), "svg")
    assert (done.returncode, done.stderr) == (0, "")
    etree = pytest.importorskip("lxml.etree")
    texts = {t.text for t in etree.fromstring(done.stdout.encode()).iter("{http://www.w3.org/2000/svg}text")}
    assert {"AT&amp;T & Co <b>", "before\ufffdafter\ufffdbell"} <= texts


def test_statuses_are_told_apart(write_yaml):
    hostile = load(write_yaml(HOSTILE, "hostile.yaml"))
    lines = {line.split(" [")[0].strip(): line for line in generate_dot(event_graph(hostile), hostile).splitlines()}
    assert 'style="rounded,filled,dotted"' in lines['"title-0"'] and "\\nCancelled" in lines['"title-0"']
    assert 'style="rounded,filled,dashed"' in lines['"e13"'] and "\\nPlanned" in lines['"e13"']
    assert 'style="rounded,filled"' in lines['"e15"'] and "\\nDisputed" in lines['"e15"']
    assert 'style="rounded,filled"' in lines['"e10"'] and "\\n" in lines['"e10"'].split("label=")[1][:40]
    edges = generate_dot(actor_graph(hostile, include_planned=True), hostile)
    assert 'label="met (planned)"' in edges
