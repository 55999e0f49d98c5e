"""``timeline draft``, round 13 (drafta13): recall of events no trigger proposed, and actors named by role.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
The kinds are those of the tune set's misses (bench/RESULTS-draft.md, "round 13 misses").
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, WEDNESDAY, check

from timeline.draft import draft_article

FRIDAY = "2025-11-28"
MET = ("meeting", FRIDAY, "occurred", {"participants": ["putin", "zelenskyy"]})


@pytest.mark.parametrize(("text", "expected"), [
    # a proposal told with any object, not only a plan's word ("proposed autonomous rule", "floated a swap")
    ("Russia proposed autonomous rule in the region under its sovereignty.",
     [("proposal", BEFORE, "occurred", {"source": ["russia"]})]),
    ("Ukraine floated a prisoner swap on Tuesday.",
     [("proposal", "2025-12-02", "occurred", {"source": ["ukraine"]})]),
    # ... but not a proposal told as a modifier ("the proposed meeting")
    ("The proposed meeting was not necessary.", []),
    # a deal told in the passive with its auxiliary: the sides told before struck it
    ("Putin and Zelenskyy met in Istanbul on Friday. The deal was struck in Washington last Friday.",
     [MET, ("agreement", FRIDAY, "occurred", {"participants": ["putin", "zelenskyy"]})]),
    # an assault is force used, like an attack; the agent of a passive ends at a relative pronoun
    ("The attack by Hamas militants that triggered Israel's devastating assault on Gaza.",
     [("military_action", BEFORE, "occurred", {"source": ["hamas"]}),
      ("military_action", BEFORE, "occurred", {"source": ["israel"]})]),
    # "is to meet": arranged, still to come
    ("Witkoff is to meet Putin in Moscow.",
     [("meeting", "2025-12-03/..", "planned", {"participants": ["witkoff", "putin"]})]),
    # "them" after the verb: the sides told before
    ("Putin and Zelenskyy met in Istanbul on Friday. Trump urged them to sign.",
     [MET, ("appeal", BEFORE, "occurred", {"source": ["trump"], "target": ["putin", "zelenskyy"]})]),
    ("Putin and Zelenskyy met in Istanbul on Friday. Trump phoned them to urge a ceasefire.",
     [MET, ("call", FRIDAY, "occurred", {"participants": ["trump", "putin", "zelenskyy"]})]),
    # a truce announced with several words between, or extended; a ceasefire brokered by a mediator
    ("Hamas announced a seven-day unilateral truce on Tuesday.",
     [("ceasefire_declared", "2025-12-02", "occurred", {"source": ["hamas"]})]),
    ("Hamas extended the truce for another 60 days.",
     [("ceasefire_declared", BEFORE, "occurred", {"source": ["hamas"]})]),
    ("France brokered a ceasefire between Russia and Ukraine.",
     [("agreement", BEFORE, "occurred", {"participants": ["france", "russia", "ukraine"]})]),
    # a round of talks named after their forum: the sides told before, on the day it gives
    ("Putin and Zelenskyy met in Istanbul on Friday. The next round of the Geneva International Discussions is "
     "scheduled for December 10.",
     [MET, ("meeting", "2025-12-10", "planned", {"participants": ["putin", "zelenskyy"]})]),
])
def test_recall(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # "the leaders of A and B": the person of each state whose title fits (a president before a prime minister)
    ("The leaders of Russia and Ukraine are expected to meet in Istanbul.",
     [("meeting", "2025-12-03/..", "planned", {"participants": ["putin", "zelenskyy"]})]),
    ("The presidents of Russia and Ukraine met.",
     [("meeting", BEFORE, "occurred", {"participants": ["putin", "zelenskyy"]})]),
    # a deputy's title does not fit the role ("the foreign minister" is not his deputy)
    ("The foreign ministers of Russia and the United States met in Riyadh.",
     [("meeting", BEFORE, "occurred", {"participants": ["lavrov", "rubio"]})]),
    # a state with no person whose title fits stays the state
    ("The leaders of Russia and Brazil met.",
     [("meeting", BEFORE, "occurred", {"participants": ["putin", "brazil"]})]),
])
def test_leaders_of(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


def test_plural_demonym() -> None:
    # a demonym in the plural is a noun of its own: the people of that state, as the state
    check("The Israelis rejected the plan on Monday.",
          [("rejection", "2025-12-01", "occurred", {"source": ["israel"]})], seeds())
    # ... but after another capitalised word it names a community, not the state ("Greek Cypriots")
    assert "cyprus" not in draft_article("Greek Cypriots rejected the plan on Monday.", WEDNESDAY, seeds()).events[0].actors()


def test_title_case_headline() -> None:
    # the capitals of a headline in title case name no one: "Aspects" and "Agenda" are no parties of the meeting
    check("Leaders Discuss Various Aspects of the Normalization Agenda\n"
          "Putin and Zelenskyy met on Friday and discussed various aspects of the agenda.",
          [MET], seeds())


def test_hyphenated_acronym() -> None:
    # "SPLM-IO" is one organisation, not "SPLM" and "IO"
    check("The SPLM-IO withdrew from the process in July.",
          [("talks_suspended", "2025-07", "occurred", {"source": ["splm-io"]})], seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a text named after the city where it was agreed: the city's state is no party to it
    ("Putin and Zelenskyy met in Istanbul on Friday. The Minsk agreements were signed in February 2015.",
     [MET, ("agreement_signed", "2015-02", "occurred", {"participants": ["putin", "zelenskyy"]})]),
    ("Russia accused Ukraine of violating the Minsk agreements.",
     [("accusation", BEFORE, "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    # a state in brackets after the place of a meeting is where it met, no party
    ("Putin met Trump in Alaska (United States) on Friday.",
     [("meeting", FRIDAY, "occurred", {"participants": ["putin", "trump"]})]),
    # a state's own name or demonym before the noun stays its owner
    ("The Russian proposal was rejected by Ukraine.",
     [("rejection", BEFORE, "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
])
def test_named_texts(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())
