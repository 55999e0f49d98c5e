"""``timeline draft``, round 14 (draft14): one speaker's words said twice, and an unnamed speaker beside a named one.

The fold of statements told again (``timeline/draft/retold.py``) took every later statement of one person (or of
one side) for the same utterance. Two kinds are other utterances (the tune misses of round 13: "Baqaei said
separately to state TV", "an Iranian negotiator told Tasnim"): words said "separately" or where the earlier words
were not ("in a statement", then "to state TV"), and an unnamed speaker of a side beside a named person of it.
Short texts written for the test (not from the development set), drafted against the seeds, published Wednesday
3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import check
from test_draft_fold11a import STATES, _event

from timeline.draft.retold import same_event

BEFORE = "../2025-12-03"
PESKOV = ("statement", BEFORE, "occurred", {"source": ["peskov"]})


@pytest.mark.parametrize(("text", "expected"), [
    # said separately, or somewhere else: two utterances
    ("Peskov said the talks were useful. Peskov said separately that no date was set.", [PESKOV, PESKOV]),
    ("Peskov said in a statement that the talks were useful. Peskov told state TV that no date was set.",
     [PESKOV, PESKOV]),
    ("Peskov said the talks were useful, according to the Tass news agency. Peskov said in a statement that no "
     "date was set.", [PESKOV, PESKOV]),
    # a channel told once, or the same one twice: one utterance
    ("Peskov said in a statement that the talks were useful. \"No date was set,\" Peskov said.", [PESKOV]),
    ("Peskov told reporters that the talks were useful. Peskov also told reporters that no date was set.",
     [PESKOV]),
])
def test_words_said_separately_or_elsewhere_are_another_statement(text: str, expected: list) -> None:
    check(text, expected, seeds())


def test_an_unnamed_official_is_not_the_named_speaker_of_the_side() -> None:
    check("Peskov said the talks were useful. A Russian official told Tass the talks were about the map.",
          [PESKOV, ("statement", BEFORE, "occurred", {"source": ["russia"]})], seeds())


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("said separately to state TV", "told Tass", False),     # two channels: two utterances
    ("said in a statement", "said in a statement", True),     # the same channel: one voice, one statement
    ("said", "told reporters", True),                         # a channel told once proves nothing
])
def test_one_sentence_two_channels(first: str, second: str, expected: bool) -> None:
    """In one sentence a person's and their side's statements fold unless said in two places."""
    sentence = f"Peskov {first} that it went well, while a Russian official {second} it did."
    one = _event("statement", {"source": ["peskov"]}, at=7)
    other = _event("statement", {"source": ["russia"]}, at=sentence.index(" official ") + 10)
    one.sentence = other.sentence = sentence
    one.trigger, other.trigger = first.split()[0], second.split()[0]
    assert same_event(one, other, 0, {"peskov": "person", "russia": "state"}, lambda a: STATES.get(a, a)) is expected


def test_two_people_in_one_sentence_are_two_voices() -> None:
    check("Peskov said the talks were useful, while Lavrov similarly stated that they went well.",
          [PESKOV, ("statement", BEFORE, "occurred", {"source": ["lavrov"]})], seeds())


@pytest.mark.parametrize(("first", "second", "verb", "expected"), [
    ({"source": ["peskov"]}, {"source": ["lavrov"]}, "said", False),          # two people of one side
    ({"source": ["russia"]}, {"source": ["peskov"]}, "said", True),           # a state and the person speaking for it
    ({"source": ["russia", "peskov"]}, {"source": ["peskov"]}, "said", True),  # one person in both
    ({"source": ["peskov"]}, {"source": ["lavrov"]}, "saying", True),  # a participle goes on with the main verb
])
def test_voices_in_one_sentence(first: dict, second: dict, verb: str, expected: bool) -> None:
    kinds = {"peskov": "person", "lavrov": "person", "russia": "state"}
    one, other = _event("statement", first), _event("statement", second)
    other.trigger = verb
    assert same_event(one, other, 0, kinds, lambda a: STATES.get(a, a)) is expected
