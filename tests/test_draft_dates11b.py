"""``timeline draft``, round 11 (drafta11): a "when" clause dated by the date just before it.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import check


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks were the first since March 2022, when Russia and Ukraine met in Istanbul.",
     [("meeting", "2022-03", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("The talks resumed in Geneva in 2019, when Russia and Ukraine met.",
     [("meeting", "2019", "occurred", {"participants": ["russia", "ukraine"]})]),
    # a "when" clause before its own date keeps that date
    ("On Friday, when Putin met Trump, the talks ended.",
     [("meeting", "2025-11-28", "occurred", {"participants": ["putin", "trump"]})]),
    # what is still to come is left bounded from publication on
    ("They meet on 20 December, when Russia will present a memorandum.",
     [("proposal", "2025-12-03/..", "planned", {"source": ["russia"]})]),
])
def test_a_when_clause_after_a_date(text: str, expected: list) -> None:
    """ "since March 2022, when Türkiye brought both sides together": the clause's event happened at that date
    (the text says so), not at the article's last date nor only before publication."""
    check(text, expected, seeds())
