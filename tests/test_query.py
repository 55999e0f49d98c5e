"""timeline.query: exact answers on the seed data and on a small hand-made record."""
from __future__ import annotations

import doctest

import pytest

from timeline import query
from timeline.dataset import load
from timeline.errors import UserError
from timeline.graph import actor_graph
from timeline.model import LEVELS, Dataset
from timeline.names import ActorNotFound

# Aland, Borduria and Carpania. Anna belongs to the Aland delegation, which belongs to Aland;
# Boris and Bela are Bordurian; Carl and Dan Carpanian.
SMALL = """
actors:
  - {id: aland, name: Åland, kind: state}
  - {id: borduria, name: Borduria, kind: state}
  - {id: carpania, name: Carpania, kind: state}
  - {id: aland-delegation, name: Aland delegation, kind: group, affiliation: aland}
  - {id: anna, name: Anna Ångström, affiliation: aland-delegation, aliases: [Anna]}
  - {id: boris, name: Boris, affiliation: borduria}
  - {id: bela, name: Bela, affiliation: borduria}
  - {id: carl, name: Carl, affiliation: carpania}
  - {id: dan, name: Dan, affiliation: carpania}
events:
  - {id: summit, type: meeting, date: 2025-01-10, location: Geneva, participants: [anna, boris, carl]}
  - {id: offer, type: proposal, date: 2025-01-11, source: [anna], target: [boris]}
  - {id: no-to-offer, type: rejection, date: 2025-01-12, source: [boris], target: [anna]}
  - {id: next-round, type: meeting, date: 2025-02, status: planned, participants: [anna, bela]}
  - {id: called-off, type: call, date: 2025-03-01, status: cancelled, participants: [boris, carl]}
  - {id: tour, type: visit, date: 2025-04-02, participants: [aland-delegation, anna], host: [borduria]}
  - {id: border-talk, type: meeting, date: 2025-05-05, status: disputed, participants: [boris, bela]}
  - {id: capital-call, type: call, date: 2025-05-20, participants: [carl, dan]}
  - {id: town-taken, type: claim, date: 2025-06-01, status: disputed, source: [borduria], target: [carpania]}
  - {id: town-held, type: denial, date: 2025-06-02, source: [carpania, carl], target: [borduria],
     related: [{relation: disputes, event: town-taken}]}
  - {id: harvest-record, type: claim, date: 2025-06-03, source: [aland]}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    path = tmp_path_factory.mktemp("small") / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load(path)


def pairs(meetings: list[query.Meeting]) -> list[tuple[str, str, str]]:
    return [(*m.actors, m.event) for m in meetings]


# -- met on the seed ----------------------------------------------------------------


def test_whom_putin_met_on_2_december(seed: Dataset) -> None:
    found = query.met(seed, "putin", since="2 Dec 2025", until="2 Dec 2025")
    assert pairs(found) == [("putin", "kushner", "moscow-talks"), ("putin", "witkoff", "moscow-talks")]
    assert found[0]._asdict() == {
        "actors": ("putin", "kushner"), "event": "moscow-talks", "type": "meeting", "date": "2025-12-02",
        "start": "2025-12-02", "end": "2025-12-02", "location": "Moscow", "status": "occurred"}


def test_possible_meeting_with_ukrainian_delegation_is_not_reported_as_held(seed: Dataset) -> None:
    assert "planned-meeting-ukrainian-delegation" not in {m.event for m in query.met(seed)}
    planned = query.met(seed, "ukrainian-delegation", include_planned=True)
    assert [(m.actors, m.status, m.held) for m in planned] == [
        (("ukrainian-delegation", "kushner"), "planned", False),
        (("ukrainian-delegation", "witkoff"), "planned", False)]


@pytest.mark.parametrize("name", ["zelensky", "Zelenskyy", "ZELENSKYY", "Volodymyr Zelensky"])
def test_names_as_people_type_them(seed: Dataset, name: str) -> None:
    assert pairs(query.met(seed, name)) == [("zelenskyy", "ireland", "zelenskyy-ireland-visit")]


def test_state_level_reads_envoys_as_their_states(seed: Dataset) -> None:
    found = query.met(seed, "united-states", "Russia", level="state")
    assert pairs(found) == [("united-states", "russia", "moscow-talks"),
                            ("united-states", "russia", "us-delegation-moscow-visit")]
    assert pairs(query.met(seed, "witkoff", level="state")) == pairs(found)


def test_docstring_examples(seed: Dataset) -> None:
    result = doctest.testmod(query, extraglobs={"record": seed, "query": query})
    assert result.attempted >= 8 and result.failed == 0


# -- met on a hand-made record --------------------------------------------------------


def test_every_pair_at_a_multi_party_meeting(small: Dataset) -> None:
    assert pairs(query.met(small)) == [
        ("anna", "boris", "summit"), ("anna", "carl", "summit"), ("boris", "carl", "summit"),
        ("aland-delegation", "borduria", "tour"), ("anna", "borduria", "tour"),
        ("bela", "boris", "border-talk"), ("carl", "dan", "capital-call")]


def test_an_actor_does_not_meet_the_group_it_belongs_to(small: Dataset) -> None:
    assert query.met(small, "anna", "aland-delegation") == []


def test_one_actor_comes_first_and_means_itself_at_person_level(small: Dataset) -> None:
    assert pairs(query.met(small, "Carl")) == [("carl", "anna", "summit"), ("carl", "boris", "summit"),
                                               ("carl", "dan", "capital-call")]
    assert pairs(query.met(small, "borduria")) == [("borduria", "aland-delegation", "tour"),
                                                   ("borduria", "anna", "tour")]


def test_two_actors(small: Dataset) -> None:
    assert pairs(query.met(small, "boris", "anna")) == [("boris", "anna", "summit")]


def test_planned_and_cancelled_only_when_asked_and_marked(small: Dataset) -> None:
    assert query.met(small, "bela", "anna") == []
    assert [(m.event, m.status, m.held) for m in query.met(small, "bela", "anna", include_planned=True)] == [
        ("next-round", "planned", False)]
    assert [(m.event, m.status, m.held) for m in query.met(small, "boris", "carl", include_planned=True)] == [
        ("summit", "occurred", True), ("called-off", "cancelled", False)]


def test_a_disputed_meeting_counts_as_held_with_its_status(small: Dataset) -> None:
    assert [(m.status, m.held) for m in query.met(small, "bela")] == [("disputed", True)]


def test_state_level_drops_meetings_within_one_side(small: Dataset) -> None:
    assert pairs(query.met(small, level="state")) == [
        ("aland", "borduria", "summit"), ("aland", "carpania", "summit"), ("borduria", "carpania", "summit"),
        ("aland", "borduria", "tour")]
    assert pairs(query.met(small, "bela", level="state")) == [("borduria", "aland", "summit"),
                                                              ("borduria", "carpania", "summit"),
                                                              ("borduria", "aland", "tour")]


def test_dates_and_types_filter(small: Dataset) -> None:
    assert pairs(query.met(small, since="2025-04", until="30 Apr 2025")) == [
        ("aland-delegation", "borduria", "tour"), ("anna", "borduria", "tour")]
    assert pairs(query.met(small, types=["call"])) == [("carl", "dan", "capital-call")]
    with pytest.raises(ValueError, match="not proposal"):
        query.met(small, types=["proposal"])
    with pytest.raises(ValueError, match="level"):
        query.met(small, level="country")


def test_unknown_and_repeated_actors_are_errors(small: Dataset) -> None:
    with pytest.raises(ActorNotFound, match=r"no actor called 'borsi'; did you mean 'boris'\?$"):
        query.met(small, "borsi")
    with pytest.raises(ActorNotFound, match="could be any of: bela .*, borduria .*, boris"):
        query.met(small, "b")
    with pytest.raises(UserError, match="'Anna' and 'anna' are the same actor"):
        query.met(small, "Anna", "anna")
    with pytest.raises(UserError, match="both count as 'borduria' at level 'state'"):
        query.met(small, "boris", "bela", level="state")


@pytest.mark.parametrize("level", LEVELS)
def test_met_agrees_with_the_actor_graph(seed: Dataset, small: Dataset, level: str) -> None:
    for record in (seed, small):
        edges = actor_graph(record, level=level).edges(keys=True, data="events")
        from_graph = {(u, v, e) for u, v, key, events in edges if key == "met" for e in events}
        assert {(*sorted(m.actors), m.event) for m in query.met(record, level=level)} == from_graph


# -- relations, path, contested ----------------------------------------------------------


def test_relations_of_an_actor(small: Dataset) -> None:
    assert [(r.source, r.relation, r.target, r.count, r.first, r.last, r.events)
            for r in query.relations(small, "anna")] == [
        ("anna", "met", "borduria", 1, "2025-04-02", "2025-04-02", ("tour",)),
        ("anna", "met", "boris", 1, "2025-01-10", "2025-01-10", ("summit",)),
        ("anna", "proposed_to", "boris", 1, "2025-01-11", "2025-01-11", ("offer",)),
        ("boris", "rejected", "anna", 1, "2025-01-12", "2025-01-12", ("no-to-offer",)),
        ("anna", "met", "carl", 1, "2025-01-10", "2025-01-10", ("summit",))]


def test_relations_at_state_level_sum_the_events(small: Dataset) -> None:
    found = query.relations(small, "borduria", level="state", until="2025-05")
    assert [(r.source, r.relation, r.target, r.directed, r.count, r.events) for r in found] == [
        ("borduria", "met", "aland", False, 2, ("summit", "tour")),
        ("aland", "proposed_to", "borduria", True, 1, ("offer",)),
        ("borduria", "rejected", "aland", True, 1, ("no-to-offer",)),
        ("borduria", "met", "carpania", False, 1, ("summit",))]


def test_relations_dates_stay_open_when_an_event_is(seed: Dataset) -> None:
    (proposed,) = [r for r in query.relations(seed, "united-states", level="state")
                   if (r.relation, r.target) == ("proposed_to", "russia")]
    assert (proposed.first, proposed.last, proposed.count) == ("2025-11-20", "2025-12-02", 2)
    (assessed,) = [r for r in query.relations(seed, "russia", level="state") if r.relation == "assessed"]
    assert (assessed.first, assessed.last, assessed.count) == (None, "2025-12-03", 2)


def test_path_through_held_meetings_only(small: Dataset) -> None:
    assert [(link.actors, link.events) for link in query.path(small, "anna", "dan")] == [
        (("anna", "carl"), ("summit",)), (("carl", "dan"), ("capital-call",))]
    # the planned anna-bela meeting is no link; the disputed boris-bela one is
    assert [link.actors for link in query.path(small, "anna", "bela")] == [("anna", "boris"), ("boris", "bela")]
    assert query.path(small, "anna", "dan", until="2025-03") == []


def test_path_at_state_level(small: Dataset) -> None:
    assert [(link.actors, link.count, link.first, link.last) for link in query.path(small, "dan", "aland",
                                                                                      level="state")] == [
        (("carpania", "aland"), 1, "2025-01-10", "2025-01-10")]


def test_path_on_the_seed(seed: Dataset) -> None:
    assert [(link.actors, link.events) for link in query.path(seed, "putin", "russia")] == [
        (("putin", "kushner"), ("moscow-talks",)), (("kushner", "russia"), ("us-delegation-moscow-visit",))]
    assert query.path(seed, "zelenskyy", "putin") == []
    with pytest.raises(ActorNotFound):
        query.path(seed, "zelenskyy", "nobody-at-all")


def test_contested(small: Dataset) -> None:
    assert [c._asdict() for c in query.contested(small, since="2025-06")] == [
        {"event": "town-taken", "type": "claim", "date": "2025-06-01", "status": "disputed",
         "claimed_by": ("borduria",), "denied_by": ("carpania", "carl"), "denials": ("town-held",), "summary": ""},
        {"event": "harvest-record", "type": "claim", "date": "2025-06-03", "status": "occurred",
         "claimed_by": ("aland",), "denied_by": (), "denials": (), "summary": ""}]
    assert [c.event for c in query.contested(small, since="2025-06-03")] == ["harvest-record"]


def test_a_disputed_meeting_is_contested_too(small: Dataset) -> None:
    assert [(c.event, c.claimed_by, c.denials) for c in query.contested(small, until="2025-05")] == [
        ("border-talk", ("boris", "bela"), ())]


def test_visitors_meet_their_host_not_each_other(write_yaml) -> None:
    dataset = load(write_yaml("""\
        actors: [{id: kyiv, kind: state}, {id: dublin, kind: state}, {id: zel}, {id: aide}]
        events:
          - {id: trip, type: visit, date: 2025-12-02, participants: [zel, aide], host: [dublin]}
          - {id: summit, type: meeting, date: 2025-12-03, participants: [zel, aide], host: [dublin]}
    """))
    assert pairs(query.met(dataset, types=["visit"])) == [("aide", "dublin", "trip"), ("dublin", "zel", "trip")]
    assert pairs(query.met(dataset, types=["meeting"])) == [
        ("aide", "dublin", "summit"), ("aide", "zel", "summit"), ("dublin", "zel", "summit")]


def test_a_host_whose_own_minister_sits_at_the_table_meets_through_him(write_yaml) -> None:
    dataset = load(write_yaml("""\
        actors: [{id: ireland, kind: state}, {id: zel}, {id: putin}, {id: martin, affiliation: ireland}]
        events:
          - {id: talk, type: meeting, date: 2025-12-03, participants: [zel, putin, martin], host: [ireland]}
    """))
    assert pairs(query.met(dataset)) == [("martin", "putin", "talk"), ("martin", "zel", "talk"), ("putin", "zel", "talk")]


def test_counterparts_leaves_out_colleagues(seed: Dataset) -> None:
    assert pairs(query.met(seed, "witkoff")) == [
        ("witkoff", "kushner", "moscow-talks"), ("witkoff", "putin", "moscow-talks"),
        ("witkoff", "russia", "us-delegation-moscow-visit")]
    assert pairs(query.met(seed, "witkoff", counterparts=True)) == [
        ("witkoff", "putin", "moscow-talks"), ("witkoff", "russia", "us-delegation-moscow-visit")]


def test_the_actor_graph_never_counts_a_planned_meeting_as_held(write_yaml) -> None:
    dataset = load(write_yaml("""\
        actors: [{id: a}, {id: b}, {id: c}]
        events:
          - {id: planned-first, type: meeting, date: 2025-11, status: planned, participants: [a, b]}
          - {id: held, type: meeting, date: 2025-12-02, participants: [a, b]}
          - {id: planned-later, type: meeting, date: 2026-01, status: planned, participants: [a, b]}
          - {id: only-planned, type: call, date: 2026-02, status: planned, participants: [b, c]}
    """))
    graph = actor_graph(dataset, include_planned=True)
    held = graph.edges["a", "b", "met"]
    assert (held["count"], held["events"], held["planned"]) == (1, ["held"], False)
    assert (held["first"], held["last"], held["planned_events"]) == ("2025-12-02", "2025-12-02",
                                                                     ["planned-first", "planned-later"])
    planned = graph.edges["b", "c", "met"]
    assert (planned["count"], planned["events"], planned["planned"]) == (1, ["only-planned"], True)
    assert not actor_graph(dataset).has_edge("b", "c")
