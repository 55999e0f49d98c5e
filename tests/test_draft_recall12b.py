"""``timeline draft``, round 12 (drafta12): recall of events told as nouns in time phrases and as passives.

Each row is a short text written for the test (not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
The kinds are those of the tune set's misses with no prediction of their type (bench/RESULTS-draft.md, round 12).
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check


@pytest.mark.parametrize(("text", "expected"), [
    # a call or talks "with X" in a phrase that opens the sentence: the subject after its comma is the other party,
    # and the phrase's date is the call's
    ("During a phone call with Rubio last Monday, Putin emphasized the need for talks.",
     [("call", "2025-12-01", "occurred", {"participants": ["rubio", "putin"]}),
      ("statement", BEFORE, "occurred", {"source": ["putin"]})]),
    # ... after a title ("Russian Foreign Minister Sergei Lavrov"), up to the verb
    ("During a call with Rubio on Monday, Russian Foreign Minister Sergei Lavrov stressed the need for talks.",
     [("call", "2025-12-01", "occurred", {"participants": ["rubio", "lavrov"]}),
      ("statement", BEFORE, "occurred", {"source": ["lavrov"]})]),
    # a party named after the verb is not the other party ("the minister" is nobody the record knows)
    ("During the call with Rubio, the minister said Ukraine must leave.", []),
    ("In talks with Witkoff, the Kremlin stressed its demands.",
     [("meeting", BEFORE, "occurred", {"participants": ["witkoff", "russia"]}),
      ("statement", BEFORE, "occurred", {"source": ["russia"]})]),
    # ... or an aside after the subject; the date before the comma is the call's, not the next verb's
    ("Putin, after a call with Trump on May 19, praised the talks.",
     [("call", "2025-05-19", "occurred", {"participants": ["trump", "putin"]})]),
    # the talks of a verb's "during" phrase: their date dates both
    ("Pakistan and the Taliban agreed a ceasefire during their meeting in Doha in October.",
     [("agreement", "2025-10", "occurred", {"participants": ["pakistan", "taliban"]}),
      ("meeting", "2025-10", "occurred", {"participants": ["pakistan", "taliban"]})]),
    # after another verb, "after talks with X" is still the verb's subject's (unchanged)
    ("Witkoff flew to Moscow after talks with Umerov in Miami.",
     [("visit", BEFORE, "occurred", {"participants": ["witkoff"], "host": ["russia"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["witkoff", "umerov"]})]),
])
def test_talks_told_in_a_time_phrase(text: str, expected: list) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # "supported by X": X endorses, though the participle is joined by "and" to another one's verb
    ("The agreement, drafted by France and Germany and supported by the United States, does not call for "
     "recognition.",
     [("proposal", BEFORE, "occurred", {"source": ["france", "germany"]}),
      ("endorsement", BEFORE, "occurred", {"source": ["united-states"], "target": ["france", "germany"]})]),
    # ... when what is supported is a plan, a deal or talks; a government supported by a power is backing
    ("Witkoff said the plan is supported by the United States.",
     [("endorsement", BEFORE, "occurred", {"source": ["united-states"]})]),
    ("The government in Kyiv is supported by the United States.", []),
    # a passive in a relative clause ("that were suspended by") is a verb, not a noun after "that"
    ("Russia returned to negotiations that were suspended by Ukraine back in 2022, as is well known.",
     [("talks_suspended", "2022", "occurred", {"source": ["ukraine"], "target": ["russia"]})]),
    # a dated deal told as a noun and its participle: the sides are the clause's subject
    ("Iran and Russia are bound by the accord sealed in Vienna in 2015.",
     [("agreement", "2015", "occurred", {"participants": ["iran", "russia"]})]),
    ("Ukraine and Russia returned to the memorandum of understanding signed in Mexico City on August 13, 2021.",
     [("agreement_signed", "2021-08-13", "occurred", {"participants": ["ukraine", "russia"]})]),
    # a deal's participle tells it was done, whatever the clause asks; its sides are the last ones told
    ("Russia and Ukraine resumed talks in Geneva. They were urged to respect an earlier agreement announced on May "
     "11, as well as a ceasefire agreement signed on May 20.",
     [("talks_resumed", BEFORE, "occurred", {"participants": ["russia", "ukraine"]}),
      ("agreement", "2025-05-11", "occurred", {"participants": ["russia", "ukraine"]}),
      ("agreement_signed", "2025-05-20", "occurred", {"participants": ["russia", "ukraine"]})]),
    ("Russia and Ukraine will sign an agreement on Friday.",
     [("agreement_signed", "2025-12-05", "planned", {"participants": ["russia", "ukraine"]})]),
    # a deal named with no participle is no event of the sides that speak of it
    ("Russia and Ukraine discussed the deal.", []),
])
def test_passives_and_deals_told_as_nouns(text: str, expected: list) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a war or an attack dated by the year (or day) before it, its author named before the date
    ("Cyprus has been divided since the island was riven in a 1974 Turkish army invasion.",
     [("military_action", "1974", "occurred", {"source": ["turkey"]})]),
    ("Russia's February 2022 invasion changed everything.",
     [("military_action", "2022-02", "occurred", {"source": ["russia"]})]),
    ("Russia's October 7, 2023 attack killed hundreds.",
     [("military_action", "2023-10-07", "occurred", {"source": ["russia"]})]),
    # what follows the invasion goes on about it ("triggered by a coup" names no author of the invasion)
    ("The island was riven in a 1974 Turkish army invasion triggered by a coup.",
     [("military_action", "1974", "occurred", {"source": ["turkey"]})]),
    ("The Russian invasion in 2022 ended the talks.",
     [("military_action", "2022", "occurred", {"source": ["russia"]})]),
    ("An invasion in 2022 ended the talks.", []),
    # a year before a deal is not read as a date of the clause's verb; a war with no author is no event
    ("Russia and Ukraine resumed talks on the 2015 deal.",
     [("talks_resumed", BEFORE, "occurred", {"participants": ["russia", "ukraine"]})]),
    ("The 2014 war in Yemen goes on.", []),
])
def test_fighting_dated_by_the_year_before_it(text: str, expected: list) -> None:
    check(text, expected, seeds())
