"""``timeline draft``, round 7: kinds of reporting no trigger read, one table per kind.

Each row is a sentence and the exact events drafted from it against the seeds: (type, date, status, roles),
published Wednesday 3 December 2025; rows with ``[]`` must draft nothing. The kinds come from grouping the
type misses of ``bench/score_drafts.py --set tune --details`` (issue #16, round 7): background wars and
treaties told as past facts, leaving an accord, coercion, calls told by "called X", visits told by their host;
the sentences are written for the test (none is a tune or heldout sentence).
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
    # a war fought, clashes engaged in, an invasion told as a noun: CAMEO 19 (fight)
    ("Russia and Ukraine fought a border war in 2014.",
     [("military_action", "2014", "occurred", {"source": ["russia", "ukraine"]})]),
    ("A standoff ensued, with Russia and Ukraine engaging in clashes occasionally.",
     [("military_action", BEFORE, "occurred", {"source": ["russia", "ukraine"]})]),
    ("Prices soared after Russia's February 2022 invasion of Ukraine.",
     [("military_action", "2022-02", "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    # a blockade, monitors kept out: CAMEO 17 (coerce), not violence
    ("Ukraine exported grain despite Russia's blockade of Black Sea ports.",
     [("coercion", BEFORE, "occurred", {"source": ["russia"]})]),
    ("Russia has restricted inspectors from the plant since March.",
     [("coercion", BEFORE, "occurred", {"source": ["russia"]})]),
    # reimposed sanctions are sanctions
    ("The United States reimposed sanctions on Russia in 2018.",
     [("sanctions", "2018", "occurred", {"source": ["united-states"], "target": ["russia"]})]),
])
def test_background_fighting_and_coercion(text: str, expected: list) -> None:
    """Past wars, clashes, invasions and blockades that an article tells as background are events."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # leaving a deal rejects it (the gold files: "withdrew from the accord in 2018" is a rejection)
    ("The United States withdrew from the accord in 2018.",
     [("rejection", "2018", "occurred", {"source": ["united-states"]})]),
    ("Russia pulled out of the grain deal in July.",
     [("rejection", "2025-07", "occurred", {"source": ["russia"]})]),
    # walking out of talks stays a suspension of talks; troops withdrawn are neither (a withdrawal, drafta10)
    ("Russia pulled out of the negotiations on Tuesday.",
     [("talks_suspended", "2025-12-02", "occurred", {"source": ["russia"]})]),
    ("Russia withdrew its troops from Kherson in November.",
     [("withdrawal", "2025-11", "occurred", {"source": ["russia"]})]),
    # a deal signed, told in the passive with its signatories after "by"
    ("The agreement was signed by Putin and Trump on Monday.",
     [("agreement_signed", "2025-12-01", "occurred", {"participants": ["putin", "trump"]})]),
    # a deal named after a city is no side's acceptance
    ("The Minsk agreement was signed in February 2015.", []),
])
def test_accords_left_and_signed(text: str, expected: list) -> None:
    """Withdrawing from an accord is a rejection of it; a signing told in the passive is a signing."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump called Putin on Monday.",
     [("call", "2025-12-01", "occurred", {"participants": ["trump", "putin"]})]),
    # "called X a ..." names X; "called on", "called for" ask
    ("Trump called Putin a liar on Monday.", []),
    ("Trump called on Putin to stop the strikes.",
     [("appeal", BEFORE, "occurred", {"source": ["trump"], "target": ["putin"]})]),
    # the host's welcome at the airport tells a visit; a welcome of a plan stays an endorsement
    ("Putin welcomed Witkoff at Moscow airport on Monday.",
     [("visit", "2025-12-01", "occurred", {"participants": ["witkoff"], "host": ["putin"]})]),
    ("Putin welcomed the proposal on Monday.",
     [("endorsement", "2025-12-01", "occurred", {"source": ["putin"]})]),
    # talks held, in the singular too
    ("Putin and Witkoff held a long peace talk on Tuesday.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"]})]),
])
def test_calls_visits_and_talks_told_briefly(text: str, expected: list) -> None:
    """ "called X" is a call, "welcomed X at the airport" a visit with its host, "held a talk" a meeting."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # sides that gather or convene, a mediator shuttling between them, a host of talks: meetings
    ("Russia and Ukraine convened in Istanbul on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Witkoff has been shuttling between Russia and Ukraine in a bid to forge a compromise.",
     [("meeting", BEFORE, "occurred", {"participants": ["witkoff", "russia", "ukraine"]})]),
    ("Trump hosted talks between Russia and Ukraine on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["trump", "russia", "ukraine"]})]),
    ("Putin and Trump spoke to each other on Monday.",
     [("call", "2025-12-01", "occurred", {"participants": ["putin", "trump"]})]),
    # talks with no side named are the sides the article told last; the same talks told again stay one event
    ("Russia and Ukraine met in Istanbul on Monday. Last week's talks were the first in over five months.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]}),
      ("meeting", "2025-11-24/2025-11-30", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Russia and Ukraine met in Istanbul on Monday. Talks are expected to continue next week.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]}),
      ("meeting", "2025-12-08/2025-12-14", "planned", {"participants": ["russia", "ukraine"]})]),
    ("Russia and Ukraine met in Istanbul on Monday. The talks lasted two hours.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]})]),
    # with nobody told before, talks with no side are no event
    ("Talks are expected to continue next week.", []),
    # talks that are the object of another act are not told as talks of their own
    ("Russia and Ukraine met in Istanbul on Monday. Russia accepted the offer for direct negotiations.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine"]}),
      # the next sentence of the same episode, by one of its parties: it takes the episode's day (draft/episodes.py)
      ("acceptance", "2025-12-01", "occurred", {"source": ["russia"]})]),
    # one side's talks at a venue: the venue's state hosts them (vocabulary: the host of mediated talks),
    # never the side's own state
    ("Ukraine will hold talks in Riyadh next week.",
     [("meeting", "2025-12-08/2025-12-14", "planned", {"participants": ["ukraine"], "host": ["saudi-arabia"]})]),
    ("Zelenskyy met in Kyiv on Monday.", []),
])
def test_meetings_told_without_a_meeting_verb(text: str, expected: list) -> None:
    """Meetings told by "convened", "shuttling between", "hosted talks", or by a noun whose sides were told before."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # arrivals told by "landed in": a visit of the place's state
    ("Witkoff landed in Moscow on Thursday.",
     [("visit", "2025-11-27", "occurred", {"participants": ["witkoff"], "host": ["russia"]})]),
    # a refusal to sign is a rejection; a warning against an act is a threat
    ("Russia will not sign the agreement.", [("rejection", BEFORE, "occurred", {"source": ["russia"]})]),
    ("Putin said on Thursday that he won't sign anything at the meeting.",
     [("rejection", "2025-11-27", "occurred", {"source": ["putin"]})]),
    ("Russia has warned against any deployment of European troops.",
     [("threat", BEFORE, "occurred", {"source": ["russia"], "target": ["european-allies"]})]),
    # frameworks presented to someone, a "vision" to be presented: proposals
    ("Witkoff presented Putin with two potential frameworks on Monday.",
     [("proposal", "2025-12-01", "occurred", {"source": ["witkoff"]})]),
    ("Ukraine and Russia will present their vision of a possible ceasefire.",
     [("proposal", "2025-12-03/..", "planned", {"source": ["ukraine", "russia"]})]),
])
def test_arrivals_refusals_warnings_and_plans(text: str, expected: list) -> None:
    """ "landed in" visits, "won't sign" rejections, "warned against" threats, frameworks and visions presented."""
    check(text, expected, seeds())
