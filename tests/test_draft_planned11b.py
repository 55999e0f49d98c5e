"""``timeline draft``, round 11 (drafta11): acts still to come, and who is asked to act.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check

#: The span of a planned event the text does not date: from publication on.
AFTER = "2025-12-03/.."


@pytest.mark.parametrize(("text", "expected"), [
    # a trip told with a modal or a plan, its day when the text gives one
    ("Witkoff may travel to Moscow next week.",
     [("visit", "2025-12-08/2025-12-14", "planned", {"participants": ["witkoff"], "host": ["russia"]})]),
    ("Zelenskyy is expected to fly to Washington on Friday.",
     [("visit", "2025-12-05", "planned", {"participants": ["zelenskyy"], "host": ["united-states"]})]),
    ("Putin could go to Turkey as well.",
     [("visit", AFTER, "planned", {"participants": ["putin"], "host": ["turkey"]})]),
    # forces pulled back later: only after a modal ("urged Russia to withdraw" is the appeal alone)
    ("Russia will withdraw its troops from Kherson.",
     [("withdrawal", AFTER, "planned", {"source": ["russia"]})]),
    ("Ukraine urged Russia to withdraw its troops.",
     [("appeal", BEFORE, "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    # a memorandum put forward, now or later
    ("Russia will propose a memorandum to Ukraine.",
     [("proposal", AFTER, "planned", {"source": ["russia"], "target": ["ukraine"]})]),
    ("Medinsky is ready to present the memorandum to Umerov on Monday.",
     [("proposal", "2025-12-08", "planned", {"source": ["medinsky"], "target": ["umerov"]})]),
    # a statement on a schedule is planned; one that only "could" come is speculation, no event
    ("Peskov is expected to brief the media on Thursday.",
     [("statement", "2025-12-04", "planned", {"source": ["peskov"]})]),
    ("Zelenskyy will announce the results on Friday.",
     [("statement", "2025-12-05", "planned", {"source": ["zelenskyy"]})]),
    ("Putin could announce the results.", []),
])
def test_acts_still_to_come(text: str, expected: list) -> None:
    """A base verb after a modal or a schedule ("will", "may", "is expected to") tells an act still to come:
    planned, dated from publication on unless the text gives its day (issue #16: "plans to" makes a planned event)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump asked Witkoff to meet Putin in Moscow.",
     [("meeting", AFTER, "planned", {"participants": ["witkoff", "putin"]})]),
    # urged to meet: a meeting suggested, not arranged (proposed), however far the verb of urging
    ("Erdogan urged Zelenskyy and Putin to meet in Istanbul next week.",
     [("appeal", BEFORE, "occurred", {"source": ["erdogan"], "target": ["zelenskyy", "putin"]}),
      ("meeting", "2025-12-08/2025-12-14", "proposed", {"participants": ["zelenskyy", "putin"]})]),
    ("Erdogan urged Russia and Ukraine to meet in Istanbul.",
     [("appeal", BEFORE, "occurred", {"source": ["erdogan"], "target": ["russia", "ukraine"]}),
      ("meeting", AFTER, "proposed", {"participants": ["russia", "ukraine"]})]),
])
def test_who_is_asked_to_act(text: str, expected: list) -> None:
    """ "X asked Y to meet Z": Y and Z meet; X asked (CAMEO 02), and is no side of the meeting."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin met Witkoff on Tuesday. Ushakov called the talks useful.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"]})]),
    ("Erdogan called for talks between Russia and Ukraine.",
     [("appeal", BEFORE, "occurred", {"source": ["erdogan"]}),
      ("meeting", AFTER, "proposed", {"participants": ["russia", "ukraine"]})]),
])
def test_calling_proposes_only_with_for_or_on(text: str, expected: list) -> None:
    """ "called for talks" proposes them; "called the talks useful" names talks told before (no new meeting)."""
    check(text, expected, seeds())
