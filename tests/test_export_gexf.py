"""GEXF: valid GEXF 1.3, dynamic (spells per period), read back whole, coloured like the drawn graph."""
from __future__ import annotations

import io
import json
import math
from collections import Counter
from datetime import datetime

import networkx as nx
import pytest
from conftest import require_schema
from export_cases import HOSTILE, TRICKY

from timeline.dataset import load
from timeline.export._common import arcs
from timeline.export.gexf import Spell, generate_gexf, merge
from timeline.graph import actor_graph, event_graph
from timeline.palette import OTHER_SIDE, RELATION_FAMILIES
from timeline.render.style import NODE_AREA, graph_look

etree = pytest.importorskip("lxml.etree")
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


@pytest.fixture(scope="module")
def schema():
    return etree.RelaxNG(etree.parse(str(require_schema("gexf-1.3", "gexf.rng"))))


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def parse(text: str) -> tuple[etree._Element, dict, list]:
    """The <graph> element, nodes by id and edges in order, each as a dict of what the file says."""
    root = etree.fromstring(text.encode())
    graph = root.find("g:graph", NS)
    types = {(a.getparent().get("class"), a.get("id")): a.get("type") for a in graph.iterfind(".//g:attribute", NS)}

    def read(element: etree._Element, domain: str) -> dict:
        values = {v.get("for"): _typed(v.get("value"), types[domain, v.get("for")])
                  for v in element.iterfind("g:attvalues/g:attvalue", NS)}
        spells = [(s.get("start"), s.get("end")) for s in element.iterfind("g:spells/g:spell", NS)]
        if element.get("start") or element.get("end"):
            spells = [(element.get("start"), element.get("end"))]
        color = element.find("viz:color", NS)
        size = element.find("viz:size", NS) if domain == "node" else element.find("viz:thickness", NS)
        shape = element.find("viz:shape", NS)
        return {**{k: element.get(k) for k in element.attrib if k not in ("start", "end")}, "values": values,
                "spells": spells, "color": "#{:02X}{:02X}{:02X}".format(*(int(color.get(c)) for c in "rgb")),
                "size": float(size.get("value")), "shape": shape is not None and shape.get("value")}

    nodes = {n.get("id"): read(n, "node") for n in graph.iterfind("g:nodes/g:node", NS)}
    return graph, nodes, [read(e, "edge") for e in graph.iterfind("g:edges/g:edge", NS)]


def _typed(text: str, kind: str) -> object:
    return {"long": int, "double": float, "boolean": lambda t: t == "true"}.get(kind, str)(text)


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_valid_against_the_gexf_schema(which, seed, tricky, schema):
    dataset = seed if which == "seed" else tricky
    for graph in (actor_graph(dataset, include_planned=True), actor_graph(dataset, level="state"),
                  event_graph(dataset)):
        text = generate_gexf(graph, dataset)
        assert "xsi:" not in text and "<graph name" not in text
        assert schema.validate(etree.fromstring(text.encode())), schema.error_log


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_every_node_edge_and_value_comes_back(which, seed, tricky):
    dataset = seed if which == "seed" else tricky
    for graph in (actor_graph(dataset, include_planned=True), event_graph(dataset)):
        _, nodes, edges = parse(generate_gexf(graph, dataset))
        assert {n: (d["label"], d["values"]) for n, d in nodes.items()} == {
            n: (d["name"], {k: v for k, v in d.items() if v is not None and k != "name"})
            for n, d in graph.nodes(data=True)}
        read = [(e["source"], e["target"], e["kind"], {k: json.loads(v) if k in ("events", "dates", "planned_events") else v
                                                       for k, v in e["values"].items()}) for e in edges]
        written = arcs(graph)  # a meeting both ways
        assert read == [(a.source, a.target, a.key, {n: x for n, x in a.data.items() if x is not None})
                        for a in written]
        assert [e["id"] for e in edges] == [a.id for a in written]
        assert len({e["id"] for e in edges} | set(nodes)) == len(edges) + len(nodes)


def test_networkx_reads_the_event_graph_back(seed):
    graph = event_graph(seed)
    read = nx.read_gexf(io.BytesIO(generate_gexf(graph, seed).encode()))
    assert set(read) == set(graph)
    assert sorted((u, v, d["label"]) for u, v, d in read.edges(data=True)) == sorted(graph.edges(keys=True))
    assert read.nodes["moscow-talks"]["summary"] == graph.nodes["moscow-talks"]["summary"]
    assert read.nodes["moscow-talks"]["meeting"] is True


def test_networkx_reads_moments_and_open_spells(tricky, write_yaml):
    """timeformat="dateTime" made networkx fail, and an open bound in <spells> came back as "None"."""
    graph = actor_graph(tricky, include_planned=True)
    read = nx.read_gexf(io.BytesIO(generate_gexf(graph, tricky).encode()))
    assert read.nodes["ид:1"]["spells"] == [("2024-03-01", "2024-03-31"),
                                            ("2025-12-02T21:00:00+03:00", "2025-12-02T21:00:00+03:00")]
    hostile = load(write_yaml(HOSTILE, "hostile.yaml"))
    text = generate_gexf(event_graph(hostile), hostile)
    root, nodes, _ = parse(text)
    assert (root.get("start"), root.get("end")) == ("2024-01-01", "2025-12-31")  # 2024~ to 2025-12
    read = nx.read_gexf(io.BytesIO(text.encode()))
    assert read.nodes["title-0"]["end"] == "2025-11-20" and "start" not in read.nodes["title-0"]
    # e1 (a person) is in a cancelled visit open at its start, and in later events: the open bound is the file's
    assert nodes["e1"]["spells"][0] == ("2024-01-01", "2025-11-20")
    assert read.nodes["e1"]["spells"][0] == ("2024-01-01", "2025-11-20")


def test_a_dynamic_graph_with_a_spell_per_period(tricky):
    graph, nodes, edges = parse(generate_gexf(actor_graph(tricky, include_planned=True), tricky))
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")  # networkx reads only "date"
    assert nodes["ид:1"]["spells"] == [
        ("2024-03-01", "2024-03-31"),                                # 2024-03~: the whole month
        ("2025-12-02T21:00:00+03:00", "2025-12-02T21:00:00+03:00"),  # a moment, with its zone
    ]                                                                 # (the January meeting is only planned)
    assert nodes['o"brien']["spells"] == [("2024-03-01", "2024-03-31"),
                                          ("2025-12-02T21:00:00+03:00", "2025-12-02T21:00:00+03:00")]
    # The relation has one held meeting; the one planned for January is listed, not played as held.
    assert [(e["target"], e["kind"], e["spells"]) for e in edges if e["source"] == "x y/z"] == [
        (other, "met", [("2025-12-02T21:00:00+03:00", "2025-12-02T21:00:00+03:00")]) for other in ('o"brien', "ид:1")]


def test_days_stay_days_and_open_ends_stay_open(seed):
    graph, nodes, edges = parse(generate_gexf(event_graph(seed), seed))
    assert graph.get("timeformat") == "date"
    assert nodes["moscow-talks"]["spells"] == [("2025-12-02", "2025-12-02")]
    assert nodes["ushakov-statement-after-talks"]["spells"] == [("2025-12-02", "2025-12-03")]
    assert nodes["planned-meeting-ukrainian-delegation"]["spells"] == [("2025-12-03", None)]
    assert nodes["kyiv-rejects-leaked-demands"]["spells"] == [("2025-11-19", "2025-11-20")]
    assert nodes["assessment-russian-territorial-control"]["spells"] == [(None, "2025-12-03")]
    # Witkoff's events: a visit and talks on 2 Dec, and a meeting planned from 3 Dec: they touch, one spell.
    assert nodes["witkoff"]["spells"] == [("2025-12-02", None)]
    link = next(e for e in edges if (e["source"], e["target"]) == ("updated-peace-plan", "leaked-28-point-draft"))
    assert link["spells"] == [("2025-11-20", "2025-12-02")]  # from the earlier event's start to the later's end
    link = next(e for e in edges if (e["source"], e["target"]) == ("russia", "putin-pokrovsk-expansion-remark"))
    assert link["spells"] == [(None, "2025-12-03")]  # an event with an open start keeps it open


def test_spells_merge_when_they_overlap_or_touch():
    def spell(a: str | None, b: str | None) -> Spell:
        return Spell(a and datetime.fromisoformat(a), b and datetime.fromisoformat(b), a, b)

    merged = merge([spell("2025-12-03", "2025-12-04"), spell("2025-12-01", "2025-12-02"),
                    spell("2025-12-02", "2025-12-03"), spell("2026-01-01", "2026-01-02")])
    assert [(s.first, s.last) for s in merged] == [("2025-12-01", "2025-12-04"), ("2026-01-01", "2026-01-02")]
    assert [(s.first, s.last) for s in merge([spell(None, "2025-01-01"), spell("2024-06-01", "2026-01-01")])] == [
        (None, "2026-01-01")]
    assert [(s.first, s.last) for s in merge([spell("2025-01-01", None), spell("2026-06-01", "2026-07-01")])] == [
        ("2025-01-01", None)]


def test_colours_and_sizes_are_those_of_the_drawn_graph(seed):
    graph = actor_graph(seed, include_planned=True)
    look = graph_look(graph, seed)
    _, nodes, edges = parse(generate_gexf(graph, seed))
    assert {n: (d["color"], d["size"]) for n, d in nodes.items()} == {
        n: (look.nodes[n].color.upper(), round(math.sqrt(look.nodes[n].area), 2)) for n in graph}
    most = max(a for _, a in graph.nodes(data="activity"))
    assert [n for n, d in nodes.items() if d["size"] == math.sqrt(NODE_AREA[1])] == [
        n for n, a in graph.nodes(data="activity") if a == most]
    assert nodes["putin"]["color"] == nodes["russia"]["color"]  # one colour per side
    met = [e for e in edges if e["kind"] == "met"]
    assert {e["color"] for e in met} == {RELATION_FAMILIES["talks"].color} and all("type" not in e for e in edges)
    assert Counter((e["source"], e["target"]) for e in met) == Counter((e["target"], e["source"]) for e in met)
    planned = [e for e in edges if e["values"]["planned"]]
    assert planned and all(e["shape"] == "dashed" for e in planned)
    assert {e["shape"] for e in edges if not e["values"]["planned"]} == {"solid"}


def test_the_drawing_uses_the_same_colours(seed):
    """Each node of the rendered SVG of a main side (the United States, Ukraine, Russia) is filled with the colour
    the GEXF file gives it (its side's); the drawing greys the other sides (``palette.principal_colors``), which
    the file keeps in their own colours for Gephi."""
    pytest.importorskip("matplotlib")
    from timeline.render.graph import draw_graph

    buffer = io.BytesIO()
    draw_graph(seed).savefig(buffer, format="svg")
    svg = etree.fromstring(buffer.getvalue())
    _, nodes, _ = parse(generate_gexf(actor_graph(seed, include_planned=True), seed))
    drawn = {node: etree.tostring(svg.find(f".//{{http://www.w3.org/2000/svg}}g[@id='node:{node}']")).decode()
             for node in ("putin", "witkoff", "ukraine", "european-allies")}
    for node in ("putin", "witkoff", "ukraine"):
        assert f"fill: {nodes[node]['color'].lower()}" in drawn[node]
    assert f"fill: {OTHER_SIDE.lower()}" in drawn["european-allies"]
    assert nodes["european-allies"]["color"].lower() != OTHER_SIDE.lower()


def test_text_is_escaped(tricky):
    text = generate_gexf(event_graph(tricky), tricky)
    assert "<script>" not in text and "<img" not in text
    _, nodes, _ = parse(text)
    assert nodes["talks:1"]["values"]["summary"] == tricky.event("talks:1").summary


def test_same_graph_same_bytes(seed):
    assert generate_gexf(actor_graph(seed), seed) == generate_gexf(actor_graph(seed), seed)
