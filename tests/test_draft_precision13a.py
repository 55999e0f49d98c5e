"""``timeline draft``, round 13 (draft13): kinds of extra events on tune, each fixed as a rule and tested here.

Short texts written for the test (not from the development set), drafted against the seeds, published Wednesday
3 December 2025: the exact events (type, date, status, roles).
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import check

from timeline.draft import draft_article


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that only says whose words it gives (a state's, a person's) reports no event of theirs (was an
    # assessment by them); an outside assessor's figures stay an assessment (tests/drafting/README.md, round 7)
    ("The front line has barely moved since spring, according to Ukraine.", []),
    ("Casualties rose sharply in the past months, according to Guterres.", []),
    ("Russia controls over 19 percent of Ukrainian territory, according to pro-Ukrainian mapping.",
     [("assessment", "../2025-12-03", "occurred", {"source": ["pro-ukrainian-mapping"], "mentioned": ["russia"]})]),
    # the events of an attributed sentence keep the attribution as mentioned
    ("Putin met Witkoff in Moscow on Tuesday, according to the Kremlin.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"], "mentioned": ["russia"]})]),
])
def test_an_attribution_to_a_state_or_person_alone_is_no_event(text: str, expected: list) -> None:
    check(text, expected, seeds())


def test_a_flashback_dated_only_by_a_noun_lets_the_episode_go_on() -> None:
    """An event dated by a noun's date ("the work of the teams in Jeddah on March 11th": here the model's acceptance,
    told as a noun) does not make that date the episode's: the next paragraph's agreement is on the call's day
    (was 2025-03-11: the rubio-waltz readout's four agreements were dated by the flashback)."""
    text = ("Today, President Trump and President Zelenskyy had a phone conversation. President Zelenskyy thanked "
            "President Trump for a productive start for the work of the Ukrainian and American teams in Jeddah on "
            "March 11th. The meeting of the senior officials helped.\n\nThe leaders agreed to share information.")
    drafted = draft_article(text, dt.date(2025, 3, 19), seeds()).events
    assert [(e.type, e.date) for e in drafted] == [
        ("call", "2025-03-19"), ("acceptance", "2025-03-11"), ("meeting", "2025-03-11"), ("agreement", "2025-03-19")]
