"""``timeline draft``, round 11 (drafta11): fighting told in the background of talks.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check


@pytest.mark.parametrize(("text", "expected"), [
    # ground taken back (CAMEO 19): its day where the text gives one
    ("Ukraine recaptured Kherson in November 2022.",
     [("military_action", "2022-11", "occurred", {"source": ["ukraine"]})]),
    ("Russia retook the village on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["russia"]})]),
    # an attack or invasion told as a noun, with its author after "by" or as the adjective before it
    ("The talks resumed despite a deadly attack by Russian forces on Monday.",
     [("military_action", "2025-12-01", "occurred", {"source": ["russia"]})]),
    ("Kyiv was quiet a day after a missile attack by Russia.",
     [("military_action", BEFORE, "occurred", {"source": ["russia"]})]),
    ("The war began with the Russian invasion.",
     [("military_action", BEFORE, "occurred", {"source": ["russia"]})]),
    # no author, no event
    ("The war began with an invasion.", []),
])
def test_fighting_told_in_the_background(text: str, expected: list) -> None:
    """Fighting an article recalls as the background of talks is an event of the record (tests/drafting/README.md
    annotates it): ground retaken, an attack or invasion named with its author."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # gratitude expressed is praise (CAMEO 051); "thanked" is left a readout's courtesy
    ("Zelenskyy expressed gratitude to Trump for the talks.",
     [("endorsement", BEFORE, "occurred", {"source": ["zelenskyy"], "target": ["trump"]})]),
    ("Zelenskyy thanked Trump for the talks.", []),
    ("Sybiha met Rubio. He expressed gratitude for the support of the United States.",
     [("meeting", BEFORE, "occurred", {"participants": ["sybiha", "rubio"]}),
      ("endorsement", BEFORE, "occurred", {"source": ["sybiha"], "target": ["united-states"]})]),
    # the participle after the clause's subject shares it
    ("Putin made a brief statement, praising the work of the Ukrainian delegation.",
     [("endorsement", BEFORE, "occurred", {"source": ["putin"], "target": ["ukrainian-delegation"]})]),
    ("Putin welcomed the talks, condemning the strikes.",
     [("endorsement", BEFORE, "occurred", {"source": ["putin"]}),
      ("criticism", BEFORE, "occurred", {"source": ["putin"]})]),
    # calls in the plural; a host's readiness to help the process along
    ("Telephone conversations took place between representatives of Russia and the United States on Monday.",
     [("call", "2025-12-01", "occurred", {"participants": ["russia", "united-states"]})]),
    ("Turkey stands ready to assist and facilitate the peace process.",
     [("offer_to_mediate", BEFORE, "occurred", {"source": ["turkey"]})]),
])
def test_readout_words(text: str, expected: list) -> None:
    """Words of readouts the lexicon lacked: gratitude, praise and condemnation told with a participle, calls in the
    plural, a readiness to assist the process."""
    check(text, expected, seeds())
