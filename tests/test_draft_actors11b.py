"""``timeline draft``, round 11 (drafta11): speakers given as descriptions, and speakers after their verb.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check


@pytest.mark.parametrize(("text", "expected"), [
    # the side of an unnamed source: "close to" names it, it is no place or object
    ("A source close to the Kremlin said the talks were useful.",
     [("statement", BEFORE, "occurred", {"source": ["russia"]})]),
    # "the source" told again is the side of the "a US source" told before; with no such source, nobody
    ("Witkoff met Putin on Tuesday, a US source said. \"The focus is Donbas,\" said the source on Tuesday.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["witkoff", "putin"]}),
      ("statement", "2025-12-02", "occurred", {"source": ["united-states"]})]),
    ("\"The focus is Donbas,\" said the source on Tuesday.", []),
    # ... and "the official" followed by a name is that person's title: Ushakov speaks (his words and the
    # Russian official's are one utterance of one side, folded)
    ("A senior Russian official said the talks were useful. The official Yury Ushakov said the talks were long.",
     [("statement", BEFORE, "occurred", {"source": ["russia", "ushakov"]})]),
    # the speaker after the reporting verb ("said Witkoff") speaks; it is no one mentioned
    ("\"The talks were useful,\" said Witkoff on Tuesday.",
     [("statement", "2025-12-02", "occurred", {"source": ["witkoff"]})]),
    ("The talks were useful, said Peskov.",
     [("statement", BEFORE, "occurred", {"source": ["peskov"]})]),
])
def test_unnamed_and_inverted_speakers(text: str, expected: list) -> None:
    """A speaker described ("a source close to X", "the source") stands for the side the text gives it, else
    nobody and no event; a speaker after "said" is the statement's source."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian and Ukrainian delegations met Turkish and Qatari mediators on Monday. The mediators said on Tuesday "
     "that progress had been made.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine", "turkey", "qatar"]}),
      ("statement", "2025-12-02", "occurred", {"source": ["turkey", "qatar"]})]),
    ("Russia and Ukraine held talks mediated by Turkey and Qatar on Monday. The mediators said on Tuesday that "
     "progress had been made.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["russia", "ukraine", "turkey", "qatar"]}),
      ("statement", "2025-12-02", "occurred", {"source": ["turkey", "qatar"]})]),
    # no mediator named before: nobody, no event
    ("The mediators said on Tuesday that progress had been made.", []),
    # asked of the mediators, the plan is theirs to put forward: not the asker's proposal
    ("Ukraine called on the mediators to put forward a plan.",
     [("appeal", BEFORE, "occurred", {"source": ["ukraine"]})]),
])
def test_the_mediators(text: str, expected: list) -> None:
    """ "The mediators" stand for the sides the article named as mediating ("Qatari mediators", "mediated by X and
    Y"), else for nobody."""
    check(text, expected, seeds())
