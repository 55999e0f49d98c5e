"""``timeline draft``, round 16 (draft16): the type of an event drafted beside the right one, and who it is of.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
The kinds are those of the tune set's misses with a drafted event of another type beside them.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check


@pytest.mark.parametrize(("text", "expected"), [
    # "the two sides agreed" told by a speaker with no sides told before: the speaker did not agree, nor accept
    ("Peskov told reporters on Monday that the two sides agreed to an immediate ceasefire.",
     [("statement", "2025-12-01", "occurred", {"source": ["peskov"]})]),
    ("Putin received Witkoff on Tuesday. He said that the parties agreed to meet again.",
     [("statement", "2025-12-02/2025-12-03", "occurred", {"source": ["putin"]})]),
    # ... and with the sides told before, they agreed
    ("Russia and Ukraine met in Geneva on Monday. Witkoff said on Tuesday that the parties agreed to a prisoner "
     "exchange.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]}),
      ("agreement", "2025-12-02", "occurred", {"participants": ["russia", "ukraine"]})]),
])
def test_the_sides_who_agree_are_not_the_speaker(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # two sides that pledge together to one act agree on it
    ("The leaders of Russia and Ukraine pledged in July to finalize an agreement within four months.",
     [("agreement", "2025-07", "occurred", {"participants": ["putin", "zelenskyy"]})]),
    ("Russia and Ukraine vowed to reach an agreement.",
     [("agreement", BEFORE, "occurred", {"participants": ["russia", "ukraine"]})]),
    # one side's pledge stays its statement
    ("Putin pledged to continue the war.", [("statement", BEFORE, "occurred", {"source": ["putin"]})]),
])
def test_a_joint_pledge_is_an_agreement(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())
