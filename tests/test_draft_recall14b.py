"""``timeline draft``, round 14 (drafta14): recall on unseen text, stances said in other words, meetings to come.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
The kinds are those of the tune set's misses (bench/RESULTS-draft.md, "round 14").
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check

FROM_NOW = "2025-12-03/.."


@pytest.mark.parametrize(("text", "expected"), [
    # a round told in the passive: the sides told before, on its own date
    ("Russia and Ukraine met on Friday. An initial round was held in Muscat in April.",
     [("meeting", "2025-11-28", "occurred", {"participants": ["russia", "ukraine"]}),
      ("meeting", "2025-04", "occurred", {"participants": ["russia", "ukraine"]})]),
    # a call spoken "over the phone" (an article before the phone word)
    ("Lavrov and Rubio spoke over the phone on Tuesday.",
     [("call", "2025-12-02", "occurred", {"participants": ["lavrov", "rubio"]})]),
    # an arrangement "is planned/scheduled" after its noun: still to come
    ("A summit between Putin and Trump is planned for next month.",
     [("meeting", "2026-01", "planned", {"participants": ["putin", "trump"]})]),
    # ... but a statement whose clause tells of a plan is still a statement that was made
    ("Lavrov said a summit between Putin and Trump is planned for next month.",
     [("statement", BEFORE, "occurred", {"source": ["lavrov"]}),
      ("meeting", FROM_NOW, "planned", {"participants": ["putin", "trump"]})]),
    # a side's readiness to act makes the act planned, not held
    ("Putin signalled his readiness to meet Zelenskyy.",
     [("meeting", FROM_NOW, "planned", {"participants": ["putin", "zelenskyy"]})]),
    ("Russia is prepared to hold talks with Ukraine.",
     [("meeting", FROM_NOW, "planned", {"participants": ["russia", "ukraine"]})]),
    # a round "is expected" with a time to come: planned, on that time
    ("Russia and Ukraine met in Istanbul on Friday. A second round is expected next month.",
     [("meeting", "2025-11-28", "occurred", {"participants": ["russia", "ukraine"]}),
      ("meeting", "2026-01", "planned", {"participants": ["russia", "ukraine"]})]),
])
def test_meetings_to_come(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a position held as a condition
    ("New Delhi remains firm that dialogue will only follow an end to terrorism.",
     [("demand", BEFORE, "occurred", {"source": ["india"]})]),
    ("Ukraine is insisting on a full withdrawal of Russian troops.",
     [("demand", BEFORE, "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    # a position against, told with its verb or a negated acceptance
    ("Russia opposes the deployment of European troops.",
     [("rejection", BEFORE, "occurred", {"source": ["russia"], "target": ["european-allies"]})]),
    ("Ukraine objected to the plan.", [("rejection", BEFORE, "occurred", {"source": ["ukraine"]})]),
    ("Russia won't accept any ceasefire.", [("rejection", BEFORE, "occurred", {"source": ["russia"]})]),
    # open to what the other side offers: an acceptance, and the talks it is open to are still to come
    ("Ukraine is open to talks with Russia.",
     [("acceptance", BEFORE, "occurred", {"source": ["ukraine"]}),
      ("meeting", FROM_NOW, "planned", {"participants": ["ukraine", "russia"]})]),
])
def test_stances(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # the pair an article opens with stands for "their", "the two states" before any meeting is told
    ("Armenia and Azerbaijan are discussing the venue of an upcoming meeting of their foreign ministers. The leaders "
     "of the two states reached an agreement on the venue.",
     [("meeting", FROM_NOW, "planned", {"participants": ["armenia", "azerbaijan"]}),
      ("agreement", BEFORE, "occurred", {"participants": ["armenia", "azerbaijan"]})]),
    # ... and a meeting told later is theirs no more
    ("Russia and Ukraine held talks in Istanbul. Trump met Putin on Sunday. The two leaders agreed to talk again.",
     [("meeting", BEFORE, "occurred", {"participants": ["russia", "ukraine"]}),
      ("meeting", "2025-11-30", "occurred", {"participants": ["trump", "putin"]}),
      ("agreement", "2025-11-30", "occurred", {"participants": ["trump", "putin"]})]),
    # talks told as their matter, or with one side of the pair told before: the pair's
    ("Armenia and Azerbaijan signed a declaration on Friday. It formalises elements that have been under "
     "negotiation for months.",
     [("agreement_signed", "2025-11-28", "occurred", {"participants": ["armenia", "azerbaijan"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["armenia", "azerbaijan"]})]),
    ("Colombia and the ELN agreed a truce on Friday. Dialogue with the ELN started in 2018 under Santos.",
     [("agreement", "2025-11-28", "occurred", {"participants": ["colombia", "eln"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["colombia", "eln"]})]),
    # mediators named together are no pair
    ("Egyptian and Qatari mediators proposed a new plan. The two sides held talks on Monday.",
     [("proposal", BEFORE, "occurred", {"source": ["egypt", "qatar"]})]),
])
def test_the_pair_told_first(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())
