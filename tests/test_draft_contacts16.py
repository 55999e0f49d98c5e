"""``timeline draft``, round 16 (draft16): calls and meetings told in ways the rules missed or drafted twice.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check


@pytest.mark.parametrize(("text", "expected"), [
    # the date of a meeting told as what was said: the noun opens a clause of its own ("would be held on"), it is
    # no object of "said", so the date after it is the meeting's (it was cut at the noun before)
    ("Ushakov said Witkoff's meeting with Putin would take place on December 17.",
     [("statement", BEFORE, "occurred", {"source": ["ushakov"], "mentioned": ["witkoff"]}),
      ("meeting", "2025-12-17", "planned", {"participants": ["witkoff", "putin"]})]),
    ("Witkoff said a meeting with Putin would be held on December 17.",
     [("statement", BEFORE, "occurred", {"source": ["witkoff"]}),
      ("meeting", "2025-12-17", "planned", {"participants": ["witkoff", "putin"]})]),
    # ... while a noun that is the object keeps the date for the verb ("rebuffed the counter-proposal on Monday")
    ("Kyiv rebuffed the European counter-proposal on Monday.",
     [("rejection", "2025-12-01", "occurred", {"source": ["ukraine"], "target": ["european-allies"]}),
      ("counter_proposal", BEFORE, "occurred", {"source": ["european-allies"]})]),
])
def test_a_planned_meeting_keeps_its_date(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # the other party named between the verb and "by phone": a party, not part of the trigger
    ("Trump spoke with Putin by phone on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["trump", "putin"]})]),
    ("Trump talked to Putin by phone on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["trump", "putin"]})]),
    ("Rubio held talks with Lavrov by phone on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["rubio", "lavrov"]})]),
    # a call whose length is told before its noun, with a hyphen
    ("Putin and Trump had a 90-minute phone call on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["putin", "trump"]})]),
    ("Putin and Trump held a two-hour phone conversation on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["putin", "trump"]})]),
])
def test_calls_told_with_the_other_party_or_a_length_inside(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting told again by a noun adds only the actors its own sentence names: "the negotiations" took the pair
    # of the sentence before (the planned meeting's) and gave the Ukrainian delegation to the Moscow meeting
    ("Witkoff and Kushner met Putin on Tuesday. Kushner and Witkoff may meet a Ukrainian delegation on Friday. "
     "Zelenskyy said territorial integrity remains the central challenge in the negotiations.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["witkoff", "kushner", "putin"]}),
      ("meeting", "2025-12-05", "planned", {"participants": ["kushner", "witkoff", "ukrainian-delegation"]}),
      ("statement", BEFORE, "occurred", {"source": ["zelenskyy"]})]),
])
def test_a_meeting_told_again_adds_only_the_actors_it_names(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


def test_a_potential_meeting_is_planned() -> None:
    """"a potential meeting" is still to come; "potential" further away plans nothing (the model's sentences)."""
    check("At talks in Istanbul, Russia and Ukraine discussed a potential meeting between Zelenskyy and Putin.",
          [("meeting", BEFORE, "occurred", {"participants": ["russia", "ukraine"]}),
           ("meeting", "2025-12-03/..", "planned", {"participants": ["zelenskyy", "putin"]})], seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # talks, then the same contact told as a conversation over a hotline or a call: one call
    ("The military chiefs of Russia and Ukraine held talks on Monday. "
     "The conversation, conducted over the military hotline, lasted an hour.",
     [("call", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Rubio and Lavrov held talks on Tuesday. They spoke by phone for an hour.",
     [("call", "2025-12-02", "occurred", {"participants": ["rubio", "lavrov"]})]),
    # a call, then what the leaders discussed "during the talks": the call, not a meeting beside it
    ("Trump spoke with Putin on Tuesday. During the talks, the two leaders discussed the ceasefire.",
     [("call", "2025-12-02", "occurred", {"participants": ["trump", "putin"]})]),
    # talks at a place are a meeting in person, whatever call is told beside them
    ("Russia and Ukraine held talks in Istanbul on Friday. Putin spoke with Trump by phone on Friday.",
     [("meeting", "2025-11-28", "occurred", {"participants": ["russia", "ukraine"]}),
      ("call", "2025-11-28", "occurred", {"participants": ["putin", "trump"]})]),
])
def test_talks_told_as_a_call_are_the_call(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


def test_talks_told_again_in_the_state_of_their_city_are_one_meeting() -> None:
    """"concluded in Rome", then "the talks were in Italy": one place, one meeting (they were two)."""
    check("A second round of talks between US and Iranian delegations concluded in Rome on Saturday. "
          "Although the talks were in Italy, Oman was again acting as mediator.",
          [("meeting", "2025-11-29", "occurred", {"participants": ["united-states", "iran", "oman"], "host": ["italy"]})],
          seeds())
