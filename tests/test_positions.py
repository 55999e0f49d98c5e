"""The questions of issues, positions and plans, answered exactly on the fixture (tests/data/negotiation.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline import positions
from timeline.dataset import load
from timeline.errors import UserError
from timeline.names import find_actor

FIXTURE = Path(__file__).parent / "data" / "negotiation.yaml"


@pytest.fixture(scope="module")
def talks():
    return load(FIXTURE)


def _stance(talks, actor, issue, day, claims=False):
    found = [s.stance for s in positions.as_of(talks, day, issue, claims=claims) if s.actor == actor
             and s.issue == positions.find_issue(talks, issue).id and bool(s.claimed_by) == claims]
    return found[0] if found else None


STANCES = [  # actor, issue, day asked, stance that day
    ("ukraine", "donbas", "2025-07-31", None),                # before its first position
    ("ukraine", "donbas", "2025-08-01", "red_line"),          # "2025-08" counts from 1 Aug
    ("ukraine", "donbas", "2025-11-22", "red_line"),
    ("ukraine", "donbas", "2025-11-23", "rejects"),           # the later position replaces it that day
    ("ukraine", "donbas", "2025-11", "rejects"),              # a month: as it stood at its end
    ("ukraine", "donbas", "22 Nov 2025", "red_line"),         # dates as people type them
    ("russia", "donbas", "2025-08-14", None),
    ("russia", "donbas", "2025-08-15", "demands"),
    ("russia", "donbas", "2025-12-31", "demands"),            # own position kept: the later claim does not replace it
    ("ukraine", "zaporizhzhia", "2025-07-09", None),          # "../2025-07-10" counts from its end
    ("ukraine", "zaporizhzhia", "2025-07-10", "rejects"),
    ("ukraine", "territory", "2025-12-31", "red_line"),       # a position on Donbas does not replace territory
    ("Ukraine", "Donetsk region", "2025-12", "rejects"),      # names and aliases
    ("zelenskyy", "nato", "2025-12-31", "rejects"),           # his own chain: Ukraine's later one is another actor's
]


@pytest.mark.parametrize(("actor", "issue", "day", "stance"), STANCES)
def test_the_stance_of_an_actor_on_an_issue_on_a_day(talks, actor, issue, day, stance):
    actor = find_actor(talks, actor).id
    assert _stance(talks, actor, issue, day) == stance


def test_a_claimed_position_is_kept_apart(talks):
    assert _stance(talks, "russia", "donbas", "2025-09-10", claims=True) == "red_line"
    assert _stance(talks, "russia", "donbas", "2025-09-09", claims=True) is None
    rows = positions.as_of(talks, "2025-12-05", "donbas")
    assert [(s.actor, s.stance, s.claimed_by) for s in rows] == [
        ("russia", "demands", ()), ("ukraine", "rejects", ()), ("united-states", "accepts", ()),
        ("witkoff", "open_to", ()), ("russia", "red_line", ("ukraine",))]
    assert "red_line" not in [s.stance for s in positions.as_of(talks, "2025-12-05", "donbas", claims=False)]


def test_history_gives_each_position_with_when_it_was_replaced(talks):
    assert [(s.stance, s.date, s.since, s.until, s.event) for s in positions.history(talks, "donbas", actor="ukraine")] \
        == [("red_line", "2025-08", "2025-08-01", "2025-11-23", None),
            ("rejects", "2025-11-23", "2025-11-23", None, "geneva-talks")]


def test_history_of_a_state_includes_its_members_and_children_on_request(talks):
    assert [(s.actor, s.issue) for s in positions.history(talks, "nato", actor="ukraine")] == \
        [("zelenskyy", "nato"), ("ukraine", "nato")]
    assert {s.issue for s in positions.history(talks, "territory")} == {"territory"}
    assert {s.issue for s in positions.history(talks, "territory", children=True)} == \
        {"territory", "donbas", "zaporizhzhia"}


def test_gaps_on_known_data(talks):
    found = positions.gaps(talks, "2025-12-05", since="2025-09-01")
    assert [(g.issue, g.gap, g.most_for, g.most_against, g.before, g.change, g.trend) for g in found] == [
        ("territory", 4.0, ("russia",), ("ukraine",), 4.0, 0.0, "steady"),
        ("donbas", 3.0, ("russia",), ("ukraine",), 4.0, -1.0, "converging"),
        ("nato", 1.5, ("russia",), ("ukraine",), 3.0, -1.5, "converging")]
    # Witkoff (11-20, open to) and the United States (12-02, accepts) are one side: the later speaks for it
    assert found[1].sides == {"russia": "demands", "united-states": "accepts", "ukraine": "rejects"}


def test_gaps_before_a_side_spoke_and_as_persons(talks):
    assert [(g.issue, g.gap, g.trend) for g in positions.gaps(talks, "2025-08-20", since="2025-04-01")] == [
        ("territory", 4.0, "steady"), ("donbas", 4.0, "new"), ("nato", 3.0, "new")]
    nato = next(g for g in positions.gaps(talks, "2025-12-05", level="person") if g.issue == "nato")
    assert nato.sides == {"russia": "demands", "ukraine": "open_to", "zelenskyy": "rejects"}
    assert nato.gap == 3.0
    assert positions.gaps(talks, "2025-05-31") == [positions.Gap("territory", 4.0, ("russia",), ("ukraine",),
                                                                 {"russia": "demands", "ukraine": "red_line"},
                                                                 None, None, None)]


def test_the_points_added_dropped_and_changed_between_two_versions(talks):
    first, second = positions.plan_diff(talks, "us-peace-plan")
    assert (first.version, first.previous, first.points, first.added, first.dropped, first.changed) == \
        ("us-plan-28-points", None, 4, (), (), ())
    assert first.responses == (("russia", "welcomed", "2025-11-21"), ("ukraine", "accepted_as_basis", "2025-11-23"))
    assert second.previous == "us-plan-28-points"
    assert [p.key for p in second.added] == ["security"]
    assert [p.key for p in second.dropped] == ["nato"]
    assert [(old.text, new.text) for old, new in second.changed] == [
        ("Ukraine withdraws from Donetsk region.", "The front line in Donetsk region is where talks start."),
        ("Ukraine's army is capped at 600,000.", "Ukraine's army is capped at 800,000.")]
    assert second.relations == (("supersedes", "us-plan-28-points"),)
    assert second.responses == (("russia", "rejected", "2025-11-26"),)


def test_plans_and_issues_are_found_by_name_and_alias(talks):
    assert positions.find_plan(talks, "28-POINT plan").id == "us-peace-plan"
    assert positions.find_issue(talks, "nato membership").id == "nato"


BAD_NAMES = [
    (positions.find_issue, "lnd", "no issue called 'lnd'; did you mean 'land'? (the dataset has: territory, donbas, "
                                  "zaporizhzhia, nato, sanctions)"),
    (positions.find_issue, " ", "an issue name cannot be empty"),
    (positions.find_plan, "x", "no plan called 'x' (the dataset has: us-peace-plan, european-plan)"),
]


@pytest.mark.parametrize(("find", "name", "message"), BAD_NAMES)
def test_unknown_names(talks, find, name, message):
    with pytest.raises(UserError) as error:
        find(talks, name)
    assert str(error.value) == message


def test_a_draft_event_keeps_its_positions_out_unless_asked(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("    issues: [donbas, nato]\n",
                                                        "    issues: [donbas, nato]\n    draft: true\n")
    path = tmp_path / "drafted.yaml"
    path.write_text(text, encoding="utf-8")
    record = load(path)
    assert "witkoff" not in {s.actor for s in positions.as_of(record, "2025-12-05", "donbas")}
    assert "witkoff" in {s.actor for s in positions.as_of(record, "2025-12-05", "donbas", include_drafts=True)}


def test_one_default_as_of_day_for_every_view_of_stances(talks, tmp_path):
    """Round 8 (judged): the charts said 'as of 31 Dec 2025' and the page 28 Dec. One rule now: the last day of
    the latest dated position; the positions chart and the stance grid both name it."""
    from datetime import date

    from conftest import SEEDS

    from timeline.render.positions import draw_positions
    from timeline.render.stance_graph import draw_stance_graph

    assert positions.default_as_of(talks) == date(2025, 12, 2)        # us-donbas-2025-12-02, the latest
    seeds = load(SEEDS)
    assert positions.default_as_of(seeds) == date(2025, 12, 28)
    chart = next(t.get_text() for t in draw_positions(seeds, ["ceasefire"]).texts if t.get_gid() == "subtitle")
    grid = next(t.get_text() for t in draw_stance_graph(seeds).texts if t.get_gid() == "title")
    assert chart.endswith("as of 28 Dec 2025") and grid.endswith(" as of 28 Dec 2025")
    path = tmp_path / "d.yaml"                                         # "no later than" counts by its last day
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace("date: 2025-12-02", "date: ../2025-12-20"),
                    encoding="utf-8")
    assert positions.default_as_of(load(path)) == date(2025, 12, 20)
    empty = tmp_path / "e.yaml"
    empty.write_text("dataset: {title: Empty}\nactors:\n  - {id: a, name: A, kind: state}\n", encoding="utf-8")
    with pytest.raises(UserError, match="no dated positions"):
        positions.default_as_of(load(empty))
