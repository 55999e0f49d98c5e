"""``timeline draft``, round 8: who speaks when a medium quotes someone, and one side agreeing to a thing.

Each row is a sentence (written for the test, not taken from the development set) and the exact events drafted
from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025; rows with ``[]``
must draft nothing. The kinds come from the tune misses of ``bench/score_drafts.py --sets tune --details``
(issue #16, round 8).
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
    # the medium that quotes is no speaker; "ready to facilitate" what is no talks is no mediation offer
    ("Interfax quoted Lavrov, the foreign minister, as saying Russia is ready to facilitate the export of grain.",
     [("statement", BEFORE, "occurred", {"source": ["lavrov"], "mentioned": ["russia"]})]),
    ("Zelenskyy was quoted by the newspaper El Pais as saying that Kyiv was close to a deal.",
     [("statement", BEFORE, "occurred", {"source": ["zelenskyy"], "mentioned": ["ukraine"]})]),
    # facilitating talks is an offer to mediate
    ("Turkey is ready to facilitate the talks between Russia and Ukraine.",
     [("offer_to_mediate", BEFORE, "occurred", {"source": ["turkey"], "target": ["russia", "ukraine"]})]),
    ("Turkey offered to facilitate the negotiations.",
     [("offer_to_mediate", BEFORE, "occurred", {"source": ["turkey"]})]),
])
def test_quoted_as_saying(text: str, expected: list) -> None:
    """"quoted X as saying" and "X was quoted by Y as saying" are X's statement; facilitating is mediation
    only with talks as its object."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # one side named before the verb agrees to a thing "with" the other: it accepts (the hedge stays in the text)
    ("Russia agreed in principle to a ceasefire with Ukraine on Tuesday.",
     [("acceptance", "2025-12-02", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    ("Ukraine agreed to a ceasefire with Russia on Tuesday.",
     [("acceptance", "2025-12-02", "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    ("On Tuesday, Ukraine announced that it has agreed in principle to a ceasefire with Russia.",
     [("acceptance", BEFORE, "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    # both sides named as the subject, or agreeing "with" each other: an agreement
    ("Russia and Ukraine agreed to a ceasefire on Tuesday.",
     [("agreement", "2025-12-02", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Russia agreed with Ukraine on a ceasefire on Tuesday.",
     [("agreement", "2025-12-02", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Russia and Ukraine agreed in principle to a ceasefire.",
     [("agreement_in_principle", BEFORE, "occurred", {"participants": ["russia", "ukraine"]})]),
])
def test_one_side_agreeing_to_a_thing_accepts_it(text: str, expected: list) -> None:
    """"X agreed (in principle) to a ceasefire with Y" is X's acceptance, Y its target; "X and Y agreed" and
    "X agreed with Y" stay agreements."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # "to press" others to act is an appeal; a press secretary presses no one
    ("Witkoff had flown in on Thursday to press Putin and Zelenskyy to seal a deal.",
     [("appeal", "2025-11-27", "occurred", {"source": ["witkoff"], "target": ["putin", "zelenskyy"]})]),
    ("Putin's press secretary Peskov said it was early.",
     [("statement", BEFORE, "occurred", {"source": ["peskov"]})]),
    # cooperation or ties cut with another side: relations reduced (CAMEO 16)
    ("Russia suspended cooperation with the IAEA in July.",
     [("relations_reduced", "2025-07", "occurred", {"source": ["russia"], "target": ["iaea"]})]),
    ("Russia cut ties with Ukraine in 2022.",
     [("relations_reduced", "2022", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    # a visit paid is a visit that happened (a past "paid" after "after" is no event still to come)
    ("The talks come days after Trump paid a surprise visit to Ukraine.",
     [("visit", BEFORE, "occurred", {"participants": ["trump"], "host": ["ukraine"]})]),
    # "called a halt" suspends the talks; a complaint about someone criticises them, about no one is said
    ("Trump finally called a halt at 2 a.m., a source said.",
     [("talks_suspended", BEFORE, "occurred", {"source": ["trump"]})]),
    ("Zelenskyy complained that Putin did not want peace.",
     [("criticism", BEFORE, "occurred", {"source": ["zelenskyy"], "target": ["putin"]})]),
    ("\"We cannot stop now,\" Lavrov complained.",
     [("statement", BEFORE, "occurred", {"source": ["lavrov"]})]),
])
def test_pressing_cutting_ties_paying_visits_complaining(text: str, expected: list) -> None:
    """Verbs no trigger read before round 8: "to press", "suspended cooperation with", "paid a visit to",
    "called a halt", "complained"."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a reporting clause set off by commas in the middle of the news only sources it
    ("Putin met Witkoff in Moscow on Tuesday, CNN Turk said, starting talks on the plan.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"]})]),
    # unless the speaker goes on saying more ("while acknowledging that ...")
    ("Russia and Ukraine signed a declaration in Doha on Saturday, negotiators said, while acknowledging that key "
     "issues remain unresolved.",
     [("agreement_signed", "2025-11-29", "occurred", {"participants": ["russia", "ukraine"]}),
      ("statement", "2025-11-29", "occurred", {"source": ["russia", "ukraine"]})]),
])
def test_a_reporting_clause_between_commas(text: str, expected: list) -> None:
    """", CNN Turk said," inside a sentence only says where the news comes from; no statement of its own."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a truce between others announced by a third side is its statement mentioning the sides
    ("Two days after Trump announced the ceasefire between Pakistan and India, the officers met.",
     [("statement", BEFORE, "occurred", {"source": ["trump"], "mentioned": ["pakistan", "india"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["pakistan", "india"]})]),
    # a side announcing or declaring its own truce declares it
    ("Putin declared a truce with Ukraine on Tuesday.",
     [("ceasefire_declared", "2025-12-02", "occurred", {"source": ["putin"], "target": ["ukraine"]})]),
])
def test_a_truce_announced_by_a_third_side(text: str, expected: list) -> None:
    """"X announced the ceasefire between Y and Z" is X's statement; the sides declared the truce."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine had proposed \"to examine the crisis in which the process finds itself\".",
     [("proposal", BEFORE, "occurred", {"source": ["ukraine"]})]),
    ("Russia proposed that Ukraine agree to a truce.",
     [("proposal", BEFORE, "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
])
def test_proposed_to_do(text: str, expected: list) -> None:
    """"proposed (quoted words) to do something" is a proposal, with no plan word after it."""
    check(text, expected, seeds())
