"""Issues, positions and plans in the exports, read back by the real readers (networkx, csv, openpyxl, the importer)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from conftest import SEED, require_schema

from timeline.dataset import load
from timeline.export import ExportError, export
from timeline.export.gexf import generate_gexf
from timeline.export.graphml import generate_graphml
from timeline.export.negotiation import position_graph
from timeline.stance_colors import stance_colors

NEGOTIATION = Path(__file__).parent / "data" / "negotiation.yaml"
#: The positions of the fixture, in order, and the stance edges the graph has: one per position.
POSITIONS = 13
ISSUES = ("issue:territory", "issue:donbas", "issue:zaporizhzhia", "issue:nato", "issue:sanctions")


@pytest.fixture(scope="module")
def talks():
    return load(NEGOTIATION)


def _stances(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """The stance edges by position id (the edge's ``label`` in GEXF, its ``key`` in GraphML)."""
    return {d.get("label") or d.get("key") or k: d for _, _, k, d in graph.edges(keys=True, data=True)
            if d.get("relation") == "stance"}


def test_the_positions_graph(talks):
    graph = position_graph(talks)
    assert [n for n, d in graph.nodes(data=True) if d["node_type"] == "issue"] == list(ISSUES)
    assert sorted(n for n, d in graph.nodes(data=True) if d["node_type"] == "actor") == \
        ["russia", "ukraine", "united-states", "witkoff", "zelenskyy"]
    assert graph.number_of_edges() == POSITIONS + 2     # and donbas, zaporizhzhia part of territory
    assert graph.has_edge("issue:donbas", "issue:territory", "part_of")
    edge = graph.edges["ukraine", "issue:donbas", "ukraine-donbas-2025-08"]
    assert (edge["stance"], edge["value"], edge["since"], edge["until"], edge["dates"]) == \
        ("red_line", -2.0, "2025-08-01", "2025-11-23", ["2025-08-01/2025-11-22"])
    assert graph.edges["russia", "issue:donbas", "russia-donbas-claimed-2025-09-10"]["claimed_by"] == ["ukraine"]


def test_gexf_plays_the_positions_in_networkx(talks, tmp_path):
    path = export(talks, "gexf", tmp_path / "positions.gexf", graph="positions")
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 10 and graph.number_of_edges() == POSITIONS + 2
    stances = _stances(graph)
    assert len(stances) == POSITIONS
    replaced, holding = stances["ukraine-donbas-2025-08"], stances["ukraine-donbas-2025-11-23"]
    assert (replaced["stance"], replaced["value"], replaced["start"], replaced["end"]) == \
        ("red_line", -2.0, "2025-08-01", "2025-11-22")
    assert (holding["stance"], holding["start"], holding.get("end")) == ("rejects", "2025-11-23", None)
    assert json.loads(stances["russia-donbas-claimed-2025-09-10"]["claimed_by"]) == ["ukraine"]
    assert graph.nodes["issue:donbas"]["label"] == "Donbas"


def test_gexf_is_valid_against_its_schema(talks):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.RelaxNG(etree.parse(str(require_schema("gexf-1.3", "gexf.rng"))))
    assert schema.validate(etree.fromstring(generate_gexf(position_graph(talks), talks).encode())), schema.error_log


def test_graphml_carries_the_same_attributes(talks, tmp_path):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(require_schema("graphml", "1.1-local", "graphml.xsd"))))
    assert schema.validate(etree.fromstring(generate_graphml(position_graph(talks)).encode())), schema.error_log
    graph = nx.read_graphml(export(talks, "graphml", tmp_path / "positions.graphml", graph="positions"))
    stances = _stances(graph)
    assert len(stances) == POSITIONS
    edge = stances["ukraine-donbas-2025-08"]
    assert (edge["stance"], edge["stance_label"], edge["value"], edge["since"], edge["until"]) == \
        ("red_line", "Red line", -2.0, "2025-08-01", "2025-11-23")
    assert "until" not in stances["ukraine-donbas-2025-11-23"]
    assert graph.nodes["issue:nato"]["proposition"] == "Ukraine renounces NATO membership"


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graphology_reads_the_stances(talks, tmp_path, fmt):
    """graphology (what Gephi Lite runs on) under node sees the same stance edges, spells included."""
    from browser import require_package, run_node

    require_package("graphology-" + fmt)
    path = export(talks, fmt, tmp_path / f"positions.{fmt}", graph="positions")
    read = json.loads(run_node("graphology_read.js", fmt, str(path)))
    edges = {(a.get("label") if fmt == "gexf" else a.get("key")): a for *_, a in read["edges"]}
    assert len([a for a in edges.values() if a.get("relation") == "stance"]) == POSITIONS
    edge = edges["ukraine-donbas-2025-08"]
    assert (edge["stance"], edge["stance_label"], edge["value"], edge["until"]) == \
        ("red_line", "Red line", -2, "2025-11-23")
    nodes = dict(read["nodes"])
    assert nodes["issue:donbas"]["label" if fmt == "gexf" else "name"] == "Donbas"


def test_node_link_json_reads_back(talks, tmp_path):
    data = json.loads(export(talks, "json", tmp_path / "positions.json", graph="positions").read_text())
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.number_of_edges() == POSITIONS + 2
    assert graph.edges["witkoff", "issue:donbas", "witkoff-donbas-2025-11-20"]["event"] == "us-plan-presented"


def test_the_level_does_not_apply_to_the_positions_graph(talks, tmp_path):
    with pytest.raises(ExportError, match="the level applies to the actor graph; the position graph shows each"):
        export(talks, "gexf", tmp_path / "x.gexf", graph="positions", level="state")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables(talks, tmp_path):
    folder = export(talks, "csv", tmp_path / "tables")
    positions = _read(folder / "positions.csv")
    assert len(positions) == POSITIONS
    assert positions[5] == {
        "id": "ukraine-donbas-2025-08", "actor": "ukraine", "issue": "donbas", "stance": "red_line", "value": "'-2.0",
        "date": "2025-08", "since": "2025-08-01", "until": "2025-11-23", "statement": "Ukraine will never leave Donbas.",
        "event": "", "quote_speaker": "", "quote_text": "", "quote_source": "", "claimed_by": "", "sources": "src-a",
        "notes": ""}
    assert _read(folder / "issues.csv")[1] == {"id": "donbas", "name": "Donbas", "proposition": "Ukraine withdraws "
                                               "from the parts of Donetsk region it still holds", "parent": "territory",
                                               "aliases": "Donetsk region", "notes": ""}
    assert [(r["version"], r["key"]) for r in _read(folder / "plan_points.csv")][4:] == [
        ("us-plan-19-points", "sovereignty"), ("us-plan-19-points", "donbas"), ("us-plan-19-points", "army"),
        ("us-plan-19-points", "security"), ("european-counter-proposal", "ceasefire")]
    assert _read(folder / "plan_versions.csv")[1]["relations"] == "supersedes: us-plan-28-points"
    assert [(r["actor"], r["response"], r["date"]) for r in _read(folder / "plan_responses.csv")] == [
        ("russia", "welcomed", "2025-11-21"), ("ukraine", "accepted_as_basis", "2025-11-23"),
        ("russia", "rejected", "2025-11-26")]
    assert _read(folder / "events.csv")[0]["issues"] == "donbas; territory"


def test_a_dataset_without_positions_writes_the_tables_it_always_did(tmp_path):
    folder = export(load(SEED), "csv", tmp_path / "tables")
    assert sorted(p.name for p in folder.glob("*.csv")) == ["actors.csv", "edges.csv", "events.csv", "quotes.csv",
                                                         "sources.csv"]


def test_xlsx_sheets_keep_text_as_text(talks, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(export(talks, "xlsx", tmp_path / "t.xlsx"))
    assert book.sheetnames == ["events", "quotes", "actors", "sources", "stances", "issues", "positions", "plans",
                               "plan_versions", "plan_points", "plan_responses", "edges"]
    points = list(book["plan_points"].iter_rows(values_only=True))
    assert points[0] == ("plan", "version", "number", "key", "text", "issues")
    assert points[1] == ("us-peace-plan", "us-plan-28-points", "1", "sovereignty", "Ukraine's sovereignty is confirmed.",
                         None)
    assert list(book["positions"].iter_rows(values_only=True))[6][4] == -2.0


def test_a_custom_scale_comes_back_through_csv(run, tmp_path):
    text = NEGOTIATION.read_text(encoding="utf-8").replace(
        "dataset:\n  title: Positions fixture\n",
        "dataset:\n  title: Positions fixture\n  stances:\n    - {id: demands, value: 3, label: Insists}\n"
        "    - {id: open_to, value: 0.5}\n    - {id: rejects, value: -1}\n    - {id: red_line, value: -3}\n"
        "    - {id: accepts, value: -4}\n").replace("stance: accepts", "stance: rejects")
    source = tmp_path / "scaled.yaml"
    source.write_text(text, encoding="utf-8")
    assert run("export", "csv", "-o", str(tmp_path / "tables"), data=source).exit_code == 0
    result = run("import", str(tmp_path / "tables" / "events.csv"), "-o", str(tmp_path / "back.yaml"), data=None)
    assert result.exit_code == 0, result.output
    original, again = load(source), load(tmp_path / "back.yaml")
    assert again.stances == original.stances and again.stances["demands"].label == "Insists"
    assert (again.positions, again.plans, again.issues) == (original.positions, original.plans, original.issues)


def test_dot_labels_stance_edges_with_the_stance_and_date(talks, tmp_path):
    """graphviz draws the DOT of stances, and pydot reads each stance edge's label as its stance and date, not
    the position's id; claims are dashed and say whose claim."""
    import subprocess

    from conftest import require_program

    pydot = pytest.importorskip("pydot")
    path = export(talks, "dot", tmp_path / "positions.dot", graph="positions")
    done = subprocess.run([require_program("dot"), "-Tjson", str(path)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    [read] = pydot.graph_from_dot_file(str(path), encoding="utf-8")
    edges = [(json.loads(e.get_source()), json.loads(e.get_destination()), json.loads(e.get("label")),
              e.get("color"), e.get("style")) for e in read.get_edges()]
    ukraine = [e for e in edges if e[:2] == ("ukraine", "issue:donbas")]
    colors = {s: f'"{c}"' for s, c in stance_colors(talks.stances).items()}      # the chart's colours
    assert ukraine == [("ukraine", "issue:donbas", "Red line\nAug 2025", colors["red_line"], None),
                       ("ukraine", "issue:donbas", "Rejects\n23 Nov 2025", colors["rejects"], None)]
    assert colors["red_line"] == '"#006765"' and colors["rejects"] == '"#a17fff"'   # deep teal, violet (round 13)
    assert ("russia", "issue:donbas", "Red line\n10 Sep 2025\n(as Ukraine claims)", colors["red_line"], '"dashed"') in edges
    assert not any("2025-08" in label for *_, label, _, _ in edges)


def test_gexf_and_cytoscape_carry_the_stance_label(talks, tmp_path):
    gexf = _stances(nx.read_gexf(export(talks, "gexf", tmp_path / "p.gexf", graph="positions")))
    assert (gexf["ukraine-donbas-2025-08"]["stance_label"], gexf["ukraine-donbas-2025-11-23"]["stance_label"]) == \
        ("Red line", "Rejects")
    cyjs = json.loads(export(talks, "cytoscape", tmp_path / "p.cyjs", graph="positions").read_text())
    by_key = {e["data"].get("key"): e["data"] for e in cyjs["elements"]["edges"]}
    assert (by_key["ukraine-donbas-2025-08"]["stance_label"], by_key["ukraine-donbas-2025-08"]["date"]) == \
        ("Red line", "2025-08")
