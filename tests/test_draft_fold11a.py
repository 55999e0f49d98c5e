"""``timeline draft``, round 11 (draft11): one rule folds every event told again (``timeline/draft/retold.py``).

The rule's parts on hand-made events (same type family and status, overlapping dates not told apart, one
acting side, the same object, near enough), then short texts written for the test (not from the development
set) and the exact events drafted from them against the seeds, published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check

from timeline.draft.drafted import Drafted
from timeline.draft.retold import absorb, same_event

KINDS = {"putin": "person", "lavrov": "person", "peskov": "person", "witkoff": "person", "russia": "state",
         "ukraine": "state", "united-states": "state"}
STATES = {"putin": "russia", "lavrov": "russia", "peskov": "russia", "witkoff": "united-states"}


def _event(kind: str = "rejection", roles: dict | None = None, date: str = BEFORE, **more) -> Drafted:
    return Drafted(kind, date, more.pop("status", "occurred"), roles or {"source": ["russia"]}, "A sentence.",
                   more.pop("start", 0), 10, "rejected", 0.6, **more)


def _same(first: Drafted, second: Drafted, apart: int = 1) -> bool:
    return same_event(first, second, apart, KINDS, lambda a: STATES.get(a, a))


@pytest.mark.parametrize(("second", "expected"), [
    (_event(), True),
    (_event(roles={"source": ["putin"]}), True),                         # the Kremlin, then Putin: one side
    (_event(roles={"source": ["ukraine"]}), False),                      # another side
    (_event("criticism"), False),                                        # another type
    (_event("agreement_in_principle", {"participants": ["russia", "ukraine"]}), False),
    (_event(status="planned"), False),
    (_event(date="2025-12-05/.."), False),                               # dates that do not overlap
    (_event(thing="demands"), True),                                     # one names the object, one does not
])
def test_the_rule_in_one_sentence(second: Drafted, expected: bool) -> None:
    assert _same(_event(), second, apart=0) is expected


def test_an_act_in_another_sentence_is_another_act_unless_the_same_actors_do_it() -> None:
    assert _same(_event(), _event(), apart=2) is True
    assert _same(_event(), _event(roles={"source": ["putin"]}), apart=1) is False
    assert _same(_event(), _event(roles={"source": ["russia", "ukraine"]}), apart=1) is False


def test_words_told_over_sentences_are_one_voice_and_two_people_two_voices() -> None:
    lavrov, peskov = _event("statement", {"source": ["lavrov"]}), _event("statement", {"source": ["peskov"]})
    assert _same(lavrov, peskov) is False
    assert _same(lavrov, _event("statement", {"source": ["lavrov", "russia"]})) is True
    assert _same(_event("statement", {"source": ["russia"]}), lavrov) is True           # the Kremlin, then Lavrov
    assert _same(_event("statement", {"source": ["ukraine"]}), lavrov) is False


def test_the_object_and_the_days_the_text_gives_keep_events_apart() -> None:
    assert _same(_event(thing="proposal"), _event(thing="demands"), apart=0) is False
    assert _same(_event(date="2025-12-01", explicit=True), _event(date="2025-12-02", explicit=True)) is False
    assert _same(_event(date="2025-12-01", explicit=True), _event(date="2025-12-01/2025-12-03"), apart=0) is True
    assert _same(_event(date="2025-12-01", explicit=True), _event(date="2025-12-01/2025-12-03"), apart=1) is False


def test_a_type_family_folds_its_variants_and_agreements_fold_only_in_one_sentence() -> None:
    deal = _event("agreement", {"participants": ["russia", "ukraine"]})
    assert _same(deal, _event("agreement_in_principle", {"participants": ["russia", "ukraine"]}), apart=0) is True
    assert _same(deal, _event("agreement", {"participants": ["russia", "ukraine"]}), apart=1) is False


def test_near_enough_an_occasion_anywhere_other_events_within_three_sentences() -> None:
    talks = {"participants": ["putin", "witkoff"]}
    assert _same(_event("meeting", talks), _event("meeting", talks), apart=9) is True
    assert _same(_event(), _event(), apart=3) is True
    assert _same(_event(), _event(), apart=4) is False


def test_the_fold_keeps_the_better_date_every_actor_and_the_other_sentence() -> None:
    kept = _event(roles={"source": ["russia"]})
    other = _event(roles={"source": ["putin"], "target": ["ukraine"]}, date="2025-12-01", explicit=True,
                   start=40, location="Moscow", thing="plan")
    absorb(kept, other)
    assert (kept.date, kept.explicit, kept.roles, kept.location, kept.thing, kept.also) == (
        "2025-12-01", True, {"source": ["russia", "putin"], "target": ["ukraine"]}, "Moscow", "plan",
        [("A sentence.", 40, 10)])


@pytest.mark.parametrize(("text", "expected"), [
    # one side's act told twice in a sentence: one event with both actors
    ("The Kremlin rejected the plan on Monday, with Putin rejecting it as unacceptable.",
     [("rejection", "2025-12-01", "occurred", {"source": ["russia", "putin"]})]),
    # two people of one side speaking: two statements
    ("Lavrov said the talks were useful. Peskov said the talks were useful.",
     [("statement", BEFORE, "occurred", {"source": ["lavrov"]}),
      ("statement", BEFORE, "occurred", {"source": ["peskov"]})]),
])
def test_texts(text: str, expected: list) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The talks in Sanaa are part of wider efforts.", True),          # a definite noun: the talks told before
    ("Another round of talks in Sanaa is planned.", False),            # brought in as a new one
])
def test_an_occasion_told_again_by_a_definite_noun_whoever_it_names(sentence: str, expected: bool) -> None:
    first = _event("meeting", {"participants": ["putin", "witkoff"]})
    second = Drafted("meeting", BEFORE, "occurred", {"participants": ["ukraine"]}, sentence, 50, 90, "talks", 0.5,
                     at=sentence.index("talks"), nominal=True)
    assert _same(first, second, apart=5) is expected


def test_an_extra_event_by_cause() -> None:
    """``score_drafts --details`` says why each extra event matched nothing (round 11)."""
    import datetime as dt
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import score_drafts as sd

    def item(ident: str, kind: str, actors: set[str], start: int) -> sd.Item:
        day = dt.datetime(2025, 12, start)
        return sd.Item(ident, kind, day, day + dt.timedelta(days=1), frozenset(actors))

    gold = [item("g1", "meeting", {"putin", "witkoff"}, 1), item("g2", "statement", {"lavrov"}, 2)]
    matched = {gold[0]}
    assert [sd.extra_reason(p, gold, matched) for p in (
        item("p1", "meeting", {"putin"}, 1),         # the meeting matched already: drafted twice
        item("p2", "meeting", {"putin"}, 5),          # its type and an actor, another day
        item("p3", "statement", {"peskov"}, 2),      # its type and day, another speaker
        item("p4", "criticism", {"lavrov"}, 2),      # an unmatched gold event of another type
        item("p5", "threat", {"trump"}, 9),           # nothing like it
    )] == ["told again", "date", "actor", "type", "no such event"]
