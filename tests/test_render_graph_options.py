"""The actor graph's options (around, relations, a period, bad values), the actor-event graph, and drawings past the
budgets of actors and relations."""
from __future__ import annotations

import pytest
from graph_geometry import arrow_head, by_gid, clusters, legend, synthetic, text
from matplotlib.colors import to_rgb

from timeline.dates import parse_edtf
from timeline.errors import NothingToShow
from timeline.graph import actor_graph
from timeline.model import Actor, Dataset, Event
from timeline.names import ActorNotFound
from timeline.render import style
from timeline.render.graph import (
    MAX_EDGES,
    GraphError,
    draw_graph,
    select_actors,
)
from timeline.render.select import by_family

PERSON_NODES = {
    "putin", "witkoff", "kushner", "sybiha", "zelenskyy", "us-delegation", "ukrainian-delegation",
    "russia", "ukraine", "united-states", "ireland", "european-allies", "pro-ukrainian-mapping", "ushakov",
}   # round 11's data: Ushakov rejects the counter-proposal on 24 Nov; no event uses "Ukraine's allies"
STATE_NODES = {"russia", "ukraine", "united-states", "ireland", "european-allies", "pro-ukrainian-mapping"}


def test_around_keeps_the_neighbourhood_of_an_actor(seed):
    one = draw_graph(seed, around="Vladimir Putin")
    assert set(by_gid(one, "node")) == {"putin", "witkoff", "kushner", "sybiha", "ukraine", "european-allies"}
    assert by_gid(one, "node")["putin"].get_edgecolor()[0][:3] == pytest.approx(to_rgb(style.INK))
    assert "within 1 step of Vladimir Putin" in " ".join(text(one, "subtitle").split())  # may wrap
    two = draw_graph(seed, around="putin", depth=2)
    assert set(by_gid(two, "node")) == PERSON_NODES - {"zelenskyy", "ireland", "pro-ukrainian-mapping", "us-delegation"}
    as_state = draw_graph(seed, around="putin", level="state")         # Putin counts as Russia
    assert set(by_gid(as_state, "node")) == STATE_NODES - {"ireland"}


def test_relations_filter_keeps_only_those_relations(seed):
    figure = draw_graph(seed, relations=["met"], layout="stress")
    assert {gid.rsplit(":", 1)[1] for gid in by_gid(figure, "edge")} == {"talks"}
    assert set(by_gid(figure, "node")) == {"putin", "witkoff", "kushner", "russia",
                                          "ukrainian-delegation", "zelenskyy", "ireland"}
    assert legend(figure, "relation") == ["Met or talked (meeting,\ncall, visit)", "Planned, not yet happened (faint)",
                                          "Member of (person to their side)"]
    assert "only met" in text(figure, "subtitle")


def test_a_period_draws_the_network_of_that_period(seed):
    from timeline.filters import EventFilter

    events = EventFilter(since="2025-12-02", until="2025-12-02").apply(seed)
    figure = draw_graph(seed, events, relations=["met"], level="state")
    assert set(by_gid(figure, "edge")) == {"russia:united-states:pair", "ireland:ukraine:pair"}


def test_bad_options_raise_one_clear_error(seed):
    with pytest.raises(GraphError, match="unknown relation 'rejectd'; did you mean 'rejected'"):
        draw_graph(seed, relations=["met", "rejectd"])
    with pytest.raises(ActorNotFound, match="did you mean 'witkoff'"):
        draw_graph(seed, around="witcoff")
    with pytest.raises(GraphError, match="Donald Trump has no relations"):
        draw_graph(seed, around="trump")
    with pytest.raises(NothingToShow, match="nothing to draw"):
        draw_graph(seed, relations=["attacked"])
    with pytest.raises(GraphError, match="use it with --graph events"):
        draw_graph(seed, layout="dated")


# --- the actor-event graph ---------------------------------------------------------------


def test_event_graph_joins_actors_to_their_events_by_role(seed):
    figure = draw_graph(seed, graph="events")
    nodes = by_gid(figure, "node")
    assert set(nodes) == {e.id for e in seed.events} | PERSON_NODES | {"trump", "ushakov"}
    edges = by_gid(figure, "edge")
    assert edges["putin:moscow-talks:participant"].get_edgecolor()[:3] == pytest.approx(
        to_rgb(style.ROLE_COLORS["participant"]))
    assert edges["putin:moscow-talks:host"].get_edgecolor()[:3] == pytest.approx(to_rgb(style.ROLE_COLORS["host"]))
    assert not any(arrow_head(p) for p in edges.values())
    # events run top to bottom in date order, in one column
    ys = [nodes[e.id].get_offsets()[0] for e in seed.events]
    assert len({x for x, _ in ys}) == 1 and [y for _, y in ys] == sorted((y for _, y in ys), reverse=True)
    assert legend(figure, "role") == ["Participant", "Host", "Source", "Target", "Mentioned"]
    assert tuple(nodes["planned-meeting-ukrainian-delegation"].get_facecolor()[0]) == (1, 1, 1, 1)   # hollow
    meeting = to_rgb(style.EVENT_MARKS["meeting"].color)
    assert tuple(nodes["moscow-talks"].get_facecolor()[0][:3]) == pytest.approx(meeting)


def test_event_graph_at_state_level_and_around(seed):
    figure = draw_graph(seed, graph="events", level="state", around="witkoff")
    actors = {n for n in by_gid(figure, "node") if n in seed.actors}
    events = set(by_gid(figure, "node")) - actors
    assert actors == {"united-states", "russia", "ukraine", "european-allies"}
    assert events == {"leaked-28-point-draft", "criticism-of-leaked-draft", "us-delegation-moscow-visit",
                      "kyiv-europe-counter-proposal",
                      "moscow-talks", "updated-peace-plan", "ushakov-statement-after-talks", "trump-remarks-on-talks",
                      "planned-meeting-ukrainian-delegation", "zelenskyy-ireland-remarks"}


# --- scale --------------------------------------------------------------------------------


def test_past_the_budget_the_most_active_actors_are_drawn_and_the_rest_counted():
    data = synthetic(520, lambda i: 1 + i % 5)
    figure = draw_graph(data, max_actors=60, dpi=50)         # what is drawn does not depend on the pixels
    kept = {"p000"} | {f"p{i:03}" for i in range(4, 520, 5)[:59]}
    assert set(by_gid(figure, "node")) == kept
    # the most active first (round 7: they were listed by first name, which told nothing)
    assert "Not shown: 460 less active actors (Person 299, Person 304, Person 309, Person 314, Person 319 and " \
        "455 others)." in text(figure, "footer")


def test_past_the_edge_budget_the_strongest_relations_stay_and_every_actor_keeps_one():
    data = synthetic(30, lambda i: 1 + i % 3)
    selection = select_actors(data, data.events, max_edges=5)
    assert len(selection.graph) == 30
    assert all(selection.graph.degree(n) for n in selection.graph)
    assert selection.hidden_edges == 0            # a star: each spoke is some actor's only relation
    data = clusters()
    every = [key for *_, key in by_family(actor_graph(data)).edges(keys=True)]
    figure = draw_graph(data, max_actors=50, max_edges=MAX_EDGES, layout="stress", dpi=50)
    kept = [gid.rsplit(":", 1)[1] for gid in by_gid(figure, "edge")]
    assert len(every) > len(kept) >= MAX_EDGES and len(by_gid(figure, "node")) == 50
    assert f"Not shown: {len(every) - len(kept)} relations with fewer events." in text(figure, "footer")
    assert kept.count("pressure") == every.count("pressure") > 40      # the rarer kind is kept first


def test_relations_of_one_pair_merge_into_families_whose_counts_add_up():
    data = synthetic(12, lambda i: 1)
    kinds = ("proposal", "demand", "rejection", "accusation", "threat", "claim", "denial", "statement")
    data.events += [Event(f"{kind}-{k}", kind, parse_edtf("2025-03-01"), source=("p001",), target=("p002",))
                     for n, kind in enumerate(kinds) for k in range(n + 1)]     # 1 proposal ... 8 statements
    selection = select_actors(data, data.events)
    pair = {key: count for u, v, key, count in selection.graph.edges(keys=True, data="count") if (u, v) == ("p001", "p002")}
    assert pair == {"cooperation": 1, "pressure": 2 + 3 + 4 + 5, "words": 6 + 7 + 8}
    relations = selection.graph.edges["p001", "p002", "pressure"]["relations"]
    assert relations == ["demanded_of", "rejected", "accused", "threatened"]
    assert len(selection.graph.edges) == 11 + 3



def test_cli_depth_needs_around(run):
    result = run("render", "graph", "--depth", "2")
    assert result.exit_code == 2 and "--depth counts steps from an actor" in result.output


def test_the_library_checks_its_own_limits_naming_parameters(seed):
    with pytest.raises(GraphError, match=r"size=\(2.5, 3\) inches cannot hold the graph"):
        draw_graph(seed, size=(2.5, 3))
    with pytest.raises(GraphError, match="depth=0"):
        draw_graph(seed, around="putin", depth=0)
    with pytest.raises(GraphError, match="max_actors=1"):
        draw_graph(seed, max_actors=1)


def test_the_subtitle_gives_the_period_at_the_precision_of_the_dates():
    people = [Actor("a", "Alpha", kind="state"), Actor("b", "Beta", kind="state")]
    events = [Event("x", "meeting", parse_edtf("2022"), participants=("a", "b")),
              Event("y", "rejection", parse_edtf("2025-03"), source=("a",), target=("b",))]
    figure = draw_graph(Dataset(actors={p.id: p for p in people}, events=events))
    assert "events 2022–2025" in text(figure, "subtitle")
    one = draw_graph(Dataset(actors={p.id: p for p in people}, events=events[1:]))
    assert "events Mar 2025" in text(one, "subtitle")


def test_a_huge_name_is_cut_before_it_is_measured(tmp_path):
    import time

    people = [Actor("a", "A" * 10_000_000, kind="state"), Actor("b", "Beta", kind="state")]
    data = Dataset(actors={p.id: p for p in people},
                   events=[Event("x", "meeting", parse_edtf("2025-01-02"), participants=("a", "b"))])
    start = time.process_time()
    figure = draw_graph(data)
    assert time.process_time() - start < 20
    assert len(by_gid(figure, "label")["a"].get_text()) < 400
