"""``timeline draft``, round 6: kinds of event no trigger read, one table per kind.

Each row is a sentence and the exact events drafted from it against the seeds: (type, date, status, roles),
published Wednesday 3 December 2025; rows with ``[]`` must draft nothing. The kinds come from grouping the
type misses of ``bench/score_drafts.py --set tune --details`` (issue #16, round 6); the sentences are written
for the test (none is a tune or heldout sentence).
"""
from __future__ import annotations

from functools import cache

import pytest
from conftest import SEEDS
from test_draft_events4b import BEFORE, check

from timeline.dataset import load
from timeline.draft.content import statement_kind


@cache
def seeds():  # noqa: ANN201 - the seeds dataset, loaded once
    return load(SEEDS)


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelenskyy suspended the peace talks in September.",
     [("talks_suspended", "2025-09", "occurred", {"source": ["zelenskyy"]})]),
    ("Russia halted negotiations with Ukraine on Monday.",
     [("talks_suspended", "2025-12-01", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    # the passive: who acts follows "by"; the talks' other side is the target
    ("Talks with Ukraine were called off in 2019 by Russia.",
     [("talks_suspended", "2019", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    ("The talks were suspended by Ukraine on Tuesday.",
     [("talks_suspended", "2025-12-02", "occurred", {"source": ["ukraine"]})]),
    # with no "by", the sides of the talks suspended them; the talks are not a meeting of their own
    ("The talks between Russia and Ukraine were suspended on Monday.",
     [("talks_suspended", "2025-12-01", "occurred", {"source": ["russia", "ukraine"]})]),
    # walking out: a delegation withdrawn or recalled, a side that pulls out of talks or a meeting
    ("Russia withdrew its delegation from the talks on Monday.",
     [("talks_suspended", "2025-12-01", "occurred", {"source": ["russia"]})]),
    ("Russia pulled out of the negotiations on Tuesday.",
     [("talks_suspended", "2025-12-02", "occurred", {"source": ["russia"]})]),
    ("Russia recalled its negotiators from Istanbul on Tuesday.",
     [("talks_suspended", "2025-12-02", "occurred", {"source": ["russia"]})]),
    ("Ukraine walked out of the meeting on Tuesday.",
     [("talks_suspended", "2025-12-02", "occurred", {"source": ["ukraine"]})]),
    # only talks are suspended in this type; troops withdrawn are no walk-out (a withdrawal, drafta10)
    ("The plan was suspended on Monday.", []),
    ("Russia suspended the grain deal in July.", []),
    ("Russia withdrew its troops from Kherson in November.",
     [("withdrawal", "2025-11", "occurred", {"source": ["russia"]})]),
    # the cost of a condition is no event ("... if they do not agree"): a threat, when someone says it
    ("Vance said the US is withdrawing from the negotiation process if Russia and Ukraine do not agree to a proposal.",
     [("threat", BEFORE, "occurred", {"source": ["vance"], "mentioned": ["united-states"]})]),
])
def test_talks_suspended_active_passive_and_walkouts(text: str, expected: list) -> None:
    """CAMEO 164 (halt negotiations): "suspended the peace talks", "talks were called off by X", "withdrew its
    delegation", "pulled out of the negotiations"; not a plan or a deal suspended, nor troops withdrawn."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and Ukraine resumed talks in Istanbul on Monday.",
     [("talks_resumed", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Russia and Ukraine decided to resume their negotiations.",
     [("talks_resumed", BEFORE, "occurred", {"participants": ["russia", "ukraine"]})]),
    # talks still to resume are a planned meeting (the vocabulary: record the meeting itself as a meeting)
    ("Russia and Ukraine will resume talks next week.",
     [("meeting", "2025-12-08/2025-12-14", "planned", {"participants": ["russia", "ukraine"]})]),
])
def test_talks_resumed(text: str, expected: list) -> None:
    """CAMEO 046 (talks resumed): negotiations that had stopped start again."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine's army resumed operations against Russia on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    ("Russia intensified attacks on Kyiv on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    ("Russian troops were fighting against Ukraine on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    # operations that are not against anyone are no use of force
    ("Russia resumed operations at the port on Monday.", []),
])
def test_force_resumed_or_intensified(text: str, expected: list) -> None:
    """CAMEO 19 (fight): "resumed operations against", "intensified attacks on", "fighting against"."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia decided not to renew the ceasefire in August.",
     [("rejection", "2025-08", "occurred", {"source": ["russia"]})]),
    ("Ukraine did not extend the truce.",
     [("rejection", BEFORE, "occurred", {"source": ["ukraine"]})]),
    ("Russia renewed the ceasefire in August.", []),
])
def test_a_truce_not_renewed_is_a_rejection(text: str, expected: list) -> None:
    """CAMEO 12 (reject): a side that does not renew or extend a truce or deal rejects it."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Medinsky named three results of the talks.",
     [("statement", BEFORE, "occurred", {"source": ["medinsky"]})]),
    ("Lavrov listed the conditions for a settlement on Tuesday.",
     [("statement", "2025-12-02", "occurred", {"source": ["lavrov"]})]),
    # demands made or conditions set are demands
    ("Russia made numerous demands last week.",
     [("demand", "2025-11-24/2025-11-30", "occurred", {"source": ["russia"]})]),
    ("Ukraine set conditions for the talks on Monday.",
     [("demand", "2025-12-01", "occurred", {"source": ["ukraine"]})]),
])
def test_reported_speech_no_saying_verb_reads(text: str, expected: list) -> None:
    """What a speaker names or lists is a statement; demands made and conditions set are demands (CAMEO 10)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin said that if Kyiv does not withdraw, Russia will take the land by force.",
     [("threat", BEFORE, "occurred", {"source": ["putin"], "target": ["ukraine"]})]),
    ("Putin warned that Ukraine would face serious consequences.",
     [("threat", BEFORE, "occurred", {"source": ["putin"], "target": ["ukraine"]})]),
    # a condition with no cost to anyone is no threat
    ("Peskov said Russia will answer if asked.",
     [("statement", BEFORE, "occurred", {"source": ["peskov"], "mentioned": ["russia"]})]),
    ("Putin said he would meet Zelensky if the talks go well.",
     [("meeting", "2025-12-03/..", "planned", {"participants": ["putin", "zelenskyy"]})]),
])
def test_conditional_threats(text: str, expected: list) -> None:
    """CAMEO 13 (threaten): "if X does not ..., we will ...", "would face consequences"; the threatened side
    is the target, never the speaker's own."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia submitted its response to the peace plan on Monday.",
     [("counter_proposal", "2025-12-01", "occurred", {"source": ["russia"]})]),
    ("Witkoff sent a reply to the journalist.", []),  # a reply to anything but a plan is no counter-proposal
    ("The principles set out by Trump were backed by the UN.",
     [("proposal", BEFORE, "occurred", {"source": ["trump"]}),
      ("endorsement", BEFORE, "occurred", {"source": ["united-nations"], "target": ["trump"]})]),
    ("Witkoff presented two frameworks on Monday.",
     [("proposal", "2025-12-01", "occurred", {"source": ["witkoff"]})]),
    ("Turkey expressed its support for holding the talks.",
     [("endorsement", BEFORE, "occurred", {"source": ["turkey"]})]),
])
def test_answers_plans_and_support(text: str, expected: list) -> None:
    """A response submitted to a plan is a counter-proposal; a plan "set out by" its author a proposal (plural
    plan words too); support expressed for talks an endorsement (CAMEO 051)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("words", "expected"), [
    ("that if kyiv does not withdraw , russia will take the land", "threat"),
    ("the us would walk away if they fail to agree", "threat"),
    ("the us is withdrawing from the talks if they do not agree", "threat"),
    ("iran would pay a heavy price", "threat"),
    ("russia will answer if asked", None),
    ("the talks would continue if needed", None),
])
def test_statement_kind_conditions(words: str, expected: str | None) -> None:
    assert statement_kind(words.split()) == expected
