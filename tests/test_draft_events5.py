"""``timeline draft``, round 5: kinds of event that no trigger read, one table per kind.

Each row is a sentence (or two) and the exact events drafted from it against the seeds: (type, date, status,
roles), published Wednesday 3 December 2025. The kinds come from grouping the misses of
``bench/score_drafts.py --set tune --details`` by kind; the sentences are written for the test (none is a
tune or heldout sentence).
"""
from __future__ import annotations

from functools import cache

import pytest
from conftest import SEEDS
from test_draft_events4b import BEFORE, check

from timeline.dataset import load
from timeline.draft.content import statement_kind


@cache
def seeds():  # noqa: ANN201 - the seeds dataset, loaded once
    return load(SEEDS)

BOTH = {"participants": ["russia", "ukraine"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces captured Pokrovsk in November and pushed on toward Kramatorsk.",
     [("military_action", "2025-11", "occurred", {"source": ["russia"]})]),
    ("Russia stormed the city of Huliaipole on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["russia"]})]),
    ("Three people died in massive Ukrainian strikes.",
     [("military_action", BEFORE, "occurred", {"source": ["ukraine"]})]),
    ("Heavy fighting between Russia and Ukraine continued on Tuesday.",
     [("military_action", "2025-12-02", "occurred", {"source": ["russia", "ukraine"]})]),
    # what a truce ends, and force inside a claim, are no events of their own
    ("The agreement ends three years of fighting between Russia and Ukraine.", []),
    ("Russia claims to have captured Siversk.", [("claim", BEFORE, "claimed", {"source": ["russia"]})]),
    # a name that only says who backs another acts in nothing
    ("The Russia-backed administration rejected the plan on Monday.", []),
])
def test_force_told_by_verbs_and_nouns(text: str, expected: list) -> None:
    """CAMEO 19 (fight): ground taken ("captured X"), strikes and fighting told as nouns ("massive Ukrainian
    strikes", "fighting between X and Y": both sides act); not the fighting a truce ends, nor a claimed capture."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump raised tariffs on Indian goods to 50% on Monday.",
     [("sanctions", "2025-12-01", "occurred", {"source": ["trump"]})]),
    ("Russia retaliated with duties on European wine.",
     [("sanctions", BEFORE, "occurred", {"source": ["russia"]})]),
])
def test_tariffs_are_sanctions(text: str, expected: list) -> None:
    """CAMEO 163 (impose embargo, boycott or sanctions): tariffs, levies and duties raised or retaliated with."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and Ukraine reached a prisoner exchange deal on Monday.",
     [("agreement", "2025-12-01", "occurred", BOTH)]),
    ("Russia and Ukraine reached a preliminary deal on Monday.",
     [("agreement_in_principle", "2025-12-01", "occurred", BOTH)]),
    ("Zelenskyy and Erdogan signed a joint declaration in Ankara on Monday.",
     [("agreement_signed", "2025-12-01", "occurred", {"participants": ["zelenskyy", "erdogan"]})]),
    ("Turkey and Ukraine inked a trade pact on Tuesday.",
     [("agreement_signed", "2025-12-02", "occurred", {"participants": ["turkey", "ukraine"]})]),
    # an acronym in brackets ends no clause: the European Union still signs
    ("The European Union (EU) and Ukraine signed a memorandum on Monday.",
     [("agreement_signed", "2025-12-01", "occurred", {"participants": ["european-union", "ukraine"]})]),
])
def test_agreements_with_words_between_verb_and_noun(text: str, expected: list) -> None:
    """"reached a trade agreement", "inked a pact", "signed a joint declaration"; a "draft" or "preliminary"
    deal is an agreement in principle (terms still to be written down, tests/drafting/README.md)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Rubio has pressed Ukraine to accept the plan.",
     [("appeal", BEFORE, "occurred", {"source": ["rubio"], "target": ["ukraine"]})]),
    ("Trump asked Turkey to release the detainees.",
     [("appeal", BEFORE, "occurred", {"source": ["trump"], "target": ["turkey"]})]),
    # asked to meet: the meeting is the event (planned), not an appeal; who asks is no side of it (drafta11)
    ("Trump asked Witkoff to meet Putin.",
     [("meeting", "2025-12-03/..", "planned", {"participants": ["witkoff", "putin"]})]),
    # journalists' requests are no events
    ("Witkoff did not respond to calls seeking comment.", []),
])
def test_pressing_or_asking_another_to_act_is_an_appeal(text: str, expected: list) -> None:
    """CAMEO 02 (appeal): "pressed X to", "asked X to release/extradite/withdraw ..."."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Witkoff and Umerov led the talks in Miami on Sunday.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["witkoff", "umerov"]})]),
    ("The deal was announced after a meeting between Rubio, Lavrov, and Fidan.",
     [("meeting", BEFORE, "occurred", {"participants": ["rubio", "lavrov", "fidan"]})]),
])
def test_talks_told_by_who_led_them_or_by_a_list(text: str, expected: list) -> None:
    """"X and Y led the talks" is a meeting of X and Y; "after a meeting between A, B, and C" keeps the whole list."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and Ukraine agreed to a ceasefire on Monday. The ceasefire takes effect on Friday.",
     [("agreement", "2025-12-01", "occurred", BOTH), ("ceasefire_in_force", "2025-12-05", "planned", BOTH)]),
    ("Russia and Ukraine agreed to a ceasefire on Monday. The truce took effect on Tuesday.",
     [("agreement", "2025-12-01", "occurred", BOTH), ("ceasefire_in_force", "2025-12-02", "occurred", BOTH)]),
    ("Kellogg called off talks with Russia on Monday.",
     [("talks_suspended", "2025-12-01", "occurred", {"source": ["kellogg"], "target": ["russia"]})]),
])
def test_truces_taking_effect_and_talks_called_off(text: str, expected: list) -> None:
    """A truce that "takes effect" is still to come (planned), one that "took effect" held; its sides are
    those of the agreement told before. "Called off talks" is CAMEO 164 (talks suspended)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Sybiha told reporters on Tuesday that Russia's strikes represent a violation of international law.",
     [("accusation", "2025-12-02", "occurred", {"source": ["sybiha"], "target": ["russia"]})]),
    ("\"This refusal shows again Russia's lack of interest in peace,\" Sybiha said.",
     [("criticism", BEFORE, "occurred", {"source": ["sybiha"]})]),
    ("Zelenskyy stressed the need for security guarantees before any ceasefire.",
     [("demand", BEFORE, "occurred", {"source": ["zelenskyy"]})]),
    ("Zelenskyy said the talks were useful.",
     [("statement", BEFORE, "occurred", {"source": ["zelenskyy"]})]),
])
def test_words_that_make_a_statement_an_accusation_criticism_or_demand(text: str, expected: list) -> None:
    """What is said, after the verb or in the quotation before a final "X said", can make the utterance
    CAMEO 112 (accuse: "a violation of"), 111 (criticize) or 10 (demand: "the need for"); else a statement."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("words", "expected"), [
    ("that the strikes represent a flagrant violation of the truce", "accusation"),
    ("russia violated the agreement", "accusation"),
    ("the need to address kyiv 's concerns before any talks", "demand"),
    ("the need for a dignified peace", None),
    ("talks are the only way to peace", "demand"),
    ("they would like to see sincere intent", "demand"),
    ("the talks were a first step", None),
])
def test_statement_kind_accusations_and_demands(words: str, expected: str | None) -> None:
    assert statement_kind(words.split()) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Witkoff has since accepted the invitation.",
     [("acceptance", BEFORE, "occurred", {"source": ["witkoff"]})]),
    ("Putin met Witkoff on Tuesday. Umerov, who led the delegation, was more cautious. \"We are not there yet,\" he said.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"]}),
      ("statement", BEFORE, "occurred", {"source": ["umerov"]})]),
    ("\"Peace is close,\" Zelenskyy said at Monday's briefing.",
     [("statement", "2025-12-01", "occurred", {"source": ["zelenskyy"]})]),
])
def test_who_speaks_and_when(text: str, expected: list) -> None:
    """"has since accepted" is an act (not a reference to an earlier one); "he said" after a sentence about a
    person is that person; "said at Monday's briefing" is dated by the briefing."""
    check(text, expected, seeds())
