"""``timeline draft``, round 13 (draft13): kinds of extra events on tune, each fixed as a rule and tested here.

Short texts written for the test (not from the development set), drafted against the seeds, published Wednesday
3 December 2025: the exact events (type, date, status, roles).
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import check


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that only says whose words it gives reports no event of theirs (was an assessment by them)
    ("The front line has barely moved since spring, according to Ukraine.", []),
    ("Casualties rose sharply in the past months, according to Guterres.", []),
    # the events of an attributed sentence keep the attribution as mentioned
    ("Putin met Witkoff in Moscow on Tuesday, according to the Kremlin.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"], "mentioned": ["russia"]})]),
])
def test_an_attribution_alone_is_no_event(text: str, expected: list) -> None:
    check(text, expected, seeds())
