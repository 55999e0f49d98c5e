"""``timeline draft``, round 13 (draft13): a speaker quoted through an article is one statement.

The tune errors' largest kind of extra event (round 13, ``bench/RESULTS-draft.md``) was a statement told again:
the same person's words in a later sentence, further than three sentences on, or beside other names the sentence
puts among the sources ("Putin told Trump ..., Ushakov said"). Short texts written for the test (not from the
development set), drafted against the seeds, published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import check
from test_draft_fold11a import STATES, _event

from timeline.draft.retold import same_event


def test_a_person_quoted_again_five_sentences_on_is_one_statement() -> None:
    check("Peskov said on Monday the talks were useful. Russia and Ukraine met in Istanbul on Tuesday. "
          "Zelenskyy visited Ireland on Tuesday. Witkoff met Putin in Moscow on Tuesday. Rubio called Lavrov on "
          "Tuesday. \"We will see,\" Peskov told reporters.",
          [("statement", "2025-12-01", "occurred", {"source": ["peskov"]}),
           ("meeting", "2025-12-02", "occurred", {"participants": ["russia", "ukraine"]}),
           ("visit", "2025-12-02", "occurred", {"participants": ["zelenskyy"], "host": ["ireland"]}),
           ("meeting", "2025-12-02", "occurred", {"participants": ["witkoff", "putin"]}),
           ("call", "2025-12-02", "occurred", {"participants": ["rubio", "lavrov"]})], seeds())


@pytest.mark.parametrize(("first", "second", "apart", "expected"), [
    ({"source": ["ushakov"]}, {"source": ["ukraine", "putin", "ushakov"]}, 1, True),  # the speaker among others
    ({"source": ["ukraine", "peskov"]}, {"source": ["peskov"]}, 6, True),              # far on: one person still
    ({"source": ["peskov"]}, {"source": ["peskov"]}, 9, True),
    ({"source": ["putin", "ushakov"]}, {"source": ["putin", "ushakov"]}, 6, False),    # no one person alone
    ({"source": ["peskov"]}, {"source": ["lavrov"]}, 1, False),                          # two people
    ({"source": ["russia"]}, {"source": ["russia"]}, 6, False),                          # a state, far on
])
def test_one_persons_words_fold_at_any_distance(first: dict, second: dict, apart: int, expected: bool) -> None:
    kinds = {"ushakov": "person", "putin": "person", "peskov": "person", "lavrov": "person", "russia": "state"}
    one, other = _event("statement", first), _event("statement", second)
    assert same_event(one, other, apart, kinds, lambda a: {**STATES, "ushakov": "russia"}.get(a, a)) is expected
