"""The actor graphs against round 14's no-context judge: the sides' layout chosen from several starts for the fewest
crossings, every person with the role their record gives, and a label off its node joined to it by a leader, its
lines flush towards the node. Small synthetic records, exact values."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from graph_geometry import by_gid, clusters, label_gaps

import timeline.render.graph_groups as groups
from timeline.dates import parse_edtf
from timeline.model import Actor, Dataset, Event
from timeline.render.graph import draw_graph
from timeline.render.graph_labels import GAPS, TOUCHING, flush
from timeline.render.graph_names import actor_name, label_forms, person_label, role
from timeline.render.select import select_actors, weighted


def _crowd() -> Dataset:
    """Three states of four titled people each (one untitled), every person meeting two of the next state's: labels
    with long roles crowded round small rings."""
    actors = [Actor(s, f"State {s.upper()}", kind="state") for s in "abc"]
    actors += [Actor(f"{s}{k}", f"Person {s.upper()}{k} Longname", affiliation=s,
                     title=None if k == 3 else f"Deputy Minister of Foreign Affairs of State {s.upper()}")
               for s in "abc" for k in range(4)]
    nxt = {"a": "b", "b": "c", "c": "a"}
    events = [Event(f"m{s}{k}{j}", "meeting", parse_edtf(f"2025-0{1 + k}-{1 + j:02}"),
                    participants=(f"{s}{k}", f"{nxt[s]}{(k + j) % 4}")) for s in "abc" for k in range(4) for j in range(2)]
    return Dataset(actors={a.id: a for a in actors}, events=events, title="A crowd")


@pytest.fixture(scope="module")
def crowd():
    return draw_graph(_crowd(), size=(12.0, 8.0), dpi=60, max_actors=15)


def test_the_sides_layout_is_the_least_tangled_of_its_starts(monkeypatch):
    # judge14: the seed person slide's lines crossed 72 times (44 a round before) after a line or two changed: the
    # sides' stress layout had settled, from its one start, with two main sides on one flank. Each start's rings are
    # untangled and the least tangled kept
    record = clusters(4)
    graph = weighted(select_actors(record, list(record.events), max_actors=50, max_edges=10 ** 6).graph)
    side = {n: record.actors[n].affiliation or n for n in graph}

    def tangled(starts: tuple[int, ...]) -> float:
        monkeypatch.setattr(groups, "STARTS", starts)
        pos, _ = groups.grouped_positions(graph, side, 1.5)
        return groups.crossings(pos, {frozenset(e) for e in graph.edges()})

    each = [tangled((start,)) for start in groups.STARTS]
    assert tangled(groups.STARTS) == min(each) < max(each)


def test_every_person_whose_record_gives_a_role_shows_it(crowd):
    # judge14: Lavrov and Ushakov lost their roles ('Foreign Minister', 'Aide') where others kept theirs: one rule,
    # every person the record gives a role carries it, however crowded (out on a leader rather than without it)
    record = _crowd()
    labels = {n: t.get_text() for n, t in by_gid(crowd, "label").items()}
    people = [a for a in record.actors.values() if a.kind == "person" and a.id in labels]
    assert len(people) == 12
    renderer = crowd.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in by_gid(crowd, "label").values()]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])     # none on another
    said = {a.id: (labels[a.id].split("\n")[0], " ".join(labels[a.id].split("\n")[1:])) for a in people}
    assert {n: s for n, s in said.items() if s != (actor_name(record.actors[n]), " ".join(
        role(record, record.actors[n]).split()))} == {}               # its role, on one line or two (round 16)
    assert role(record, record.actors["a0"]) == "Deputy Minister\nof Foreign Affairs"
    assert labels["a3"] == "Person A3 Longname"                        # no title, no role
    full = person_label(record, record.actors["a0"])
    assert label_forms(record, {"a0": full}) == {"a0": [full, "Person A0 Longname\nDeputy Minister of Foreign Affairs",
                                                         "Person A0 Longname"]}   # the name alone: on a node only
    assert label_forms(record, {"a": "State A"})["a"] == ["State A", "State\nA"]      # another actor: two lines
    assert actor_name(record.actors["a0"]) == labels["a0"].split("\n")[0]


def test_a_label_off_its_node_has_a_leader(crowd):
    # judge14: 'Mike Waltz / National Security Adviser' 40 pixels off his node, with no leader, across grey lines;
    # a label further off than touching (the first TOUCHING gaps) is joined to its node by a leader
    gaps = label_gaps(crowd)
    led = set(by_gid(crowd, "leader"))
    assert len(gaps) == 12 and len(led) >= 3
    assert {n: round(g, 1) for n, g in gaps.items() if g > GAPS[TOUCHING - 1] + 1.0 and n not in led} == {}
    assert TOUCHING == 2 and GAPS[:TOUCHING] == (1.5, 4.0)


def test_a_labels_lines_run_flush_towards_its_node(crowd):
    # judge14: 'Mike Waltz' centred over a longer role stood off his node: right of a node a label's lines start at
    # the left, left of it at the right, above or below it they are centred
    assert (flush((10, 0, 50, 9), 8.0), flush((-40, 0, 5, 9), 8.0), flush((0, 20, 30, 29), 8.0)) == \
        ("left", "right", "center")
    renderer = crowd.canvas.get_renderer()
    nodes = by_gid(crowd, "node")
    for node, text in by_gid(crowd, "label").items():
        box = text.get_window_extent(renderer)
        x = nodes[node].get_offset_transform().transform(nodes[node].get_offsets()[0])[0]
        assert text._multialignment == flush(box.extents, x), node          # noqa: SLF001 (no getter)


def test_a_side_of_two_nodes_is_circled_round_the_two():
    # judge14 (chronology graph): the UN's circle drawn at full size round its two nodes, a large empty disc; a side
    # drawn with its own node and one person is circled round the two, as a side whose own node is not drawn
    graph = nx.Graph([("un", "guterres"), ("guterres", "p1"), ("p1", "big"), ("p2", "big"), ("p3", "big"),
                      ("p1", "p2")])
    side = {"un": "un", "guterres": "un", "big": "big", "p1": "big", "p2": "big", "p3": "big"}
    pos, circles = groups.grouped_positions(graph, side, 1.5)
    circle = {c.side: c for c in circles}
    two = math.dist(pos["un"], pos["guterres"])
    assert two == pytest.approx(groups.SPACING)
    assert circle["un"].radius == pytest.approx(two / 2 + groups.PAD)                  # 1.15 units, was 1.75
    assert circle["un"].center == pytest.approx(tuple((np.array(pos["un"]) + pos["guterres"]) / 2))
    assert circle["big"].center == pytest.approx(pos["big"])                          # a ring round its state
