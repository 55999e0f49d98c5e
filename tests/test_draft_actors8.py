"""``timeline draft``, round 8: sides told by a state's possessive or adjective, and "she" after a long title.

Each row is a short text (written for the test, not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

from functools import cache

import pytest
from conftest import SEEDS
from test_draft_events4b import BEFORE, check

from timeline.dataset import load


@cache
def seeds():  # noqa: ANN201 - the seeds dataset, loaded once
    return load(SEEDS)


@pytest.mark.parametrize(("text", "expected"), [
    # a state's possessive before its team, then a verb: the state acts (it describes no person named after)
    ("Ukraine's negotiators met Witkoff on Sunday.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["ukraine", "witkoff"]})]),
    ("Russia's officials met Witkoff on Sunday.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["russia", "witkoff"]})]),
    ("Kyiv's negotiators held talks with Witkoff on Sunday.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["ukraine", "witkoff"]})]),
    # a possessive that is a title still describes the person: no state in the meeting
    ("Russia's special envoy Dmitriev met Witkoff on Sunday.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["dmitriev", "witkoff"]})]),
    # guests a host receives, told by their states' adjectives
    ("Rubio hosted his Russian counterpart in Washington last November.",
     [("meeting", "2025-11", "occurred", {"participants": ["rubio", "russia"]})]),
    ("Rubio had been scheduled to host his Russian and Ukrainian counterparts in Washington last November.",
     [("meeting", "2025-11", "planned", {"participants": ["rubio", "russia", "ukraine"]})]),
    ("Rubio hosted Russian officials in Washington on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["rubio", "russia"]})]),
])
def test_sides_by_possessive_and_adjective(text: str, expected: list) -> None:
    """"Ukraine's negotiators met X" is Ukraine's meeting (a verb between is no title); "hosted his Russian
    counterpart" is a meeting with Russia."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("White House press secretary Karoline Leavitt spoke after Trump met Putin. She said the talks went well.",
     [("meeting", BEFORE, "occurred", {"participants": ["trump", "putin"]}),
      ("statement", BEFORE, "occurred", {"source": ["leavitt"]})]),
    ("Kremlin aide Yury Ushakov spoke to reporters. He said the talks were useful.",
     [("statement", BEFORE, "occurred", {"source": ["ushakov"]})]),
])
def test_a_pronoun_after_a_long_title(text: str, expected: list) -> None:
    """The words of a title ("press secretary", "aide") are no verb: the person after them is the subject
    an opening "She"/"He" stands for."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a lower-case pronoun after an opener ("Later, they") stands for the subject before, as "They" does
    ("Russian media reported the news on Monday morning. Later, they claimed that the call was delayed.",
     [("claim", BEFORE, "claimed", {"source": ["russian-media"]})]),
    ("Russian media reported the news on Monday morning. But they claimed that the call was delayed.",
     [("claim", BEFORE, "claimed", {"source": ["russian-media"]})]),
])
def test_a_pronoun_after_an_opener(text: str, expected: list) -> None:
    """"Later, they claimed": the pronoun is read after "Later,", "But", "Meanwhile" in lower case too."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and the International Atomic Energy Agency (IAEA) signed an agreement in Cairo on Tuesday.",
     [("agreement_signed", "2025-12-02", "occurred", {"participants": ["russia", "iaea"]})]),
])
def test_an_acronym_defines_the_name_after_and_the(text: str, expected: list) -> None:
    """"X and the Y Agency (YA)": the acronym names Y alone; X is an actor of its own."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Witkoff arrived in the Russian capital Moscow on Wednesday.",
     [("visit", "2025-12-03", "occurred", {"participants": ["witkoff"], "host": ["russia"]})]),
    ("Witkoff arrived in the capital Moscow on Wednesday to discuss the resumption of talks.",
     [("visit", "2025-12-03", "occurred", {"participants": ["witkoff"], "host": ["russia"]})]),
])
def test_a_visit_to_a_capital_named_after_its_state(text: str, expected: list) -> None:
    """"arrived in the Russian capital Moscow": the city after "capital" is where the visit goes."""
    check(text, expected, seeds())
