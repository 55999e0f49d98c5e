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
