"""``timeline draft``, round 8: a flashback inside an episode, and "both nations" as the states of the sides.

Each row is a short text (written for the test, not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles). The kinds come from the tune misses of
``bench/score_drafts.py --sets tune --details`` (issue #16, round 8).
"""
from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.draft import draft_article

#: Wednesday 19 March 2025.
PUBLISHED = dt.date(2025, 3, 19)
CALL = ("Today, Trump and Zelenskyy had a phone call. Zelenskyy thanked Trump for the work of the Ukrainian and "
        "American teams in Riyadh on March 11th. ")


@cache
def seeds():  # noqa: ANN201 - the seeds dataset, loaded once
    return load(SEEDS)


def drafted(text: str) -> list[tuple]:
    return [(e.type, e.date, e.status, e.roles) for e in draft_article(text, PUBLISHED, seeds()).events]


@pytest.mark.parametrize(("text", "expected"), [
    # the earlier day dates the talks told again, and the call's episode goes on after it
    (CALL + "The meeting of the officials from both nations helped. The leaders agreed to keep working together. "
     "Zelenskyy asked for air defence.",
     [("call", "2025-03-19", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("meeting", "2025-03-11", "occurred", {"participants": ["united-states", "ukraine"]}),
      ("agreement", "2025-03-19", "occurred", {"participants": ["zelenskyy", "trump"]}),
      ("appeal", "2025-03-19", "occurred", {"source": ["zelenskyy"]})]),
    # with no talks told again, the next event is the call's at once
    (CALL + "The leaders agreed to keep working together.",
     [("call", "2025-03-19", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("agreement", "2025-03-19", "occurred", {"participants": ["zelenskyy", "trump"]})]),
    # a sentence that dates an event of its own on the earlier day starts a new episode: no flashback
    ("Today, Trump and Zelenskyy had a phone call. Trump met Zelenskyy in Riyadh on March 11th. "
     "They agreed to keep working together.",
     [("call", "2025-03-19", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("meeting", "2025-03-11", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("agreement", "2025-03-11", "occurred", {"participants": ["trump", "zelenskyy"]})]),
])
def test_a_flashback_does_not_end_the_episode(text: str, expected: list) -> None:
    """An earlier day named in passing ("the teams' work in Riyadh on March 11th", no event of the sentence
    dated by it) dates the talks told again right after it; the other undated events keep the day of the
    episode the flashback interrupted."""
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday, Trump and Zelenskyy spoke by phone. Officials of both countries met in Riyadh on Sunday.",
     [("call", "2025-03-17", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("meeting", "2025-03-16", "occurred", {"participants": ["united-states", "ukraine"]})]),
    ("On Monday, Trump and Zelenskyy spoke by phone. The talks of the two nations' officials helped.",
     [("call", "2025-03-17", "occurred", {"participants": ["trump", "zelenskyy"]}),
      ("meeting", "../2025-03-19", "occurred", {"participants": ["united-states", "ukraine"]})]),
])
def test_both_nations_are_the_states_of_the_sides(text: str, expected: list) -> None:
    """"both nations", "the two countries" name the states of the sides told last."""
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that names another year tells of another time: the episode's day is not carried to it
    ("On Monday, Putin met Zelenskyy in Moscow. Russia and Ukraine fought a border war from 1998 to 2000.",
     [("meeting", "2025-03-17", "occurred", {"participants": ["putin", "zelenskyy"]}),
      ("military_action", "../2025-03-19", "occurred", {"source": ["russia", "ukraine"]})]),
    ("On Monday, Putin met Zelenskyy in Moscow. Russia and Ukraine agreed to a truce.",
     [("meeting", "2025-03-17", "occurred", {"participants": ["putin", "zelenskyy"]}),
      ("agreement", "2025-03-17", "occurred", {"participants": ["russia", "ukraine"]})]),
])
def test_another_year_ends_the_episode(text: str, expected: list) -> None:
    """A sentence naming a year that is not the episode's ("from 1998 to 2000") takes no carried day."""
    assert drafted(text) == expected
