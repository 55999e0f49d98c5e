"""``timeline draft``, round 9 (drafta9): one event told twice, speakers described then named, sides' names.

Each row is a short text (written for the test, not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, check

from timeline.draft import draft_article
from timeline.draft.pipeline import dt


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting told in the lede and again further down: one meeting, with the date the text gives
    ("Peace talks between South Sudanese President Salva Kiir and rebel leader Riek Machar ended in Addis Ababa. "
     "Their aides said little. A civil war broke out in 2013. Ethiopian Prime Minister Abiy Ahmed, who hosted "
     "the Kiir-Machar meeting on Monday, flew home on Friday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["kiir", "machar"]})]),
    # brought in as a new one ("a meeting of ..."): another meeting
    ("Putin met Witkoff in Moscow. The Kremlin said the talks were useful. Putin and Witkoff will hold a meeting "
     "of their teams.",
     [("meeting", BEFORE, "occurred", {"participants": ["putin", "witkoff"]}),
      ("statement", BEFORE, "occurred", {"source": ["russia"]}),
      ("meeting", "2025-12-03/..", "planned", {"participants": ["putin", "witkoff"]})]),
    # a definite noun with the same place: the talks told before, whoever else it names
    ("Thailand and Cambodia opened talks in Putrajaya on Monday. Trump called Putin. The meeting in Putrajaya, "
     "brokered by Malaysia, is being held to restore stability.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["thailand", "cambodia"]}),
      ("call", BEFORE, "occurred", {"participants": ["trump", "putin"]})]),
])
def test_a_meeting_told_again_far_apart(text: str, expected: list) -> None:
    """The same sides meeting, told again sentences later, is the same meeting (tests/drafting/README.md: several
    sentences describing the same meeting are one event); an indefinite noun brings in a new one."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # one speaker's words over several paragraphs: one statement, dated by the first telling
    ('Lavrov said on Monday the talks were useful. Witkoff flew home. "We will go on," Lavrov said.',
     [("statement", "2025-12-01", "occurred", {"source": ["lavrov"]})]),
    # further apart than three sentences that tell events: one person's words are still one statement (round 13)
    ('Lavrov said on Monday the talks were useful. Putin met Witkoff. Trump called Putin. Zelenskyy met Macron. '
     '"We will go on," Lavrov said.',
     [("statement", "2025-12-01", "occurred", {"source": ["lavrov"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["putin", "witkoff"]}),
      ("call", BEFORE, "occurred", {"participants": ["trump", "putin"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["zelenskyy", "macron"]})]),
    # a speaker described ("A Russian official"), then named: a person of that side
    ('A Russian official said the talks were useful. "We will go on," Ushakov said.',
     [("statement", BEFORE, "occurred", {"source": ["russia", "ushakov"]})]),
    # ... and not a person of another side
    ("A Russian official said the talks were useful. Witkoff said he was hopeful.",
     [("statement", BEFORE, "occurred", {"source": ["russia"]}),
      ("statement", BEFORE, "occurred", {"source": ["witkoff"]})]),
    # a new person of no known side: only in the very next sentence
    ('North Korea\'s top nuclear negotiator says the talks ended. "They broke off," Kim Myong Gil said.',
     [("statement", BEFORE, "occurred", {"source": ["north-korea", "kim-myong-gil"]})]),
    ("A Russian official said the talks were useful. Putin met Witkoff. \"They broke off,\" Kim Myong Gil said.",
     [("statement", BEFORE, "occurred", {"source": ["russia"]}),
      ("meeting", BEFORE, "occurred", {"participants": ["putin", "witkoff"]}),
      ("statement", BEFORE, "occurred", {"source": ["kim-myong-gil"]})]),
])
def test_one_utterance_told_in_several_sentences(text: str, expected: list) -> None:
    """One speaker within three sentences (of those telling events) is one utterance; a described speaker
    ("A Russian official says") and the person named for that side after it are one speaker."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    ("South Sudanese President Salva Kiir met Putin on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["kiir", "putin"]})]),
    ("North Korean leader Kim Jong Un met Trump on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["kim-jong-un", "trump"]})]),
    ("The UN said on Monday it would help.",
     [("statement", "2025-12-01", "occurred", {"source": ["united-nations"]})]),
    ("Khalifa Haftar, the general who leads the Libyan National Army in its fight against the Government of "
     "National Accord, refused to attend talks.",
     [("rejection", BEFORE, "occurred", {"source": ["haftar"]})]),
    # a state's capital named by its demonym is the state, as a place: the visit's host
    ("Witkoff arrived in the Ukrainian capital on Monday.",
     [("visit", "2025-12-01", "occurred", {"participants": ["witkoff"], "host": ["ukraine"]})]),
])
def test_names_of_sides(text: str, expected: list) -> None:
    """"Un" of "Kim Jong Un" is no UN (an acronym is read in capitals only); a description between commas
    ("the general who leads ... in its fight against ...") names no actor of the event."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "affiliations"), [
    ("South Sudanese President Salva Kiir met Putin on Monday.", {"kiir": "south-sudan"}),
    ("UN's Libya envoy Ghassan Salame met Putin on Monday.", {"salame": "united-nations"}),
    ("North Korean leader Kim Jong Un met Trump on Monday.", {"kim-jong-un": "north-korea"}),
])
def test_a_new_person_belongs_to_the_state_before_the_title(text: str, affiliations: dict) -> None:
    """The longest state name before a title ("South Sudanese", not "Sudanese"), an owner's possessive first
    ("UN's Libya envoy" is the UN's)."""
    drafted = draft_article(text, dt.date(2025, 12, 3), seeds())
    assert {a["id"]: a.get("affiliation") for a in drafted.actors if a["kind"] == "person"} == affiliations


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia wants Ukraine to withdraw.",
     [("demand", BEFORE, "occurred", {"source": ["russia"], "target": ["ukraine"]})]),
    ("Thailand wants to hold direct talks.", []),
    ("Sweden invited Russia and Ukraine to return to talks.",
     [("offer_to_mediate", BEFORE, "occurred", {"source": ["sweden"], "target": ["russia", "ukraine"]})]),
    ("The United States accepted the invitation of Sweden to return to talks.",
     [("acceptance", BEFORE, "occurred", {"source": ["united-states"]}),
      ("offer_to_mediate", BEFORE, "occurred", {"source": ["sweden"]})]),
    ("The United States proposed to accept the invitation.",
     [("acceptance", BEFORE, "occurred", {"source": ["united-states"]})]),
])
def test_what_one_side_wants_of_another_and_invitations(text: str, expected: list) -> None:
    """"X wants Y to ..." is a demand (CAMEO 10); an invitation to talks an offer to host them (CAMEO 039);
    "proposed to accept" the acceptance it proposes."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # the last subject is marked a man ("Mr."): "she" is the last person marked a woman ("spokeswoman")
    ("White House spokeswoman Karoline Leavitt spoke on Monday. Mr. Trump visited Moscow on Tuesday. "
     "She said the visit went well.",
     [("visit", "2025-12-02", "occurred", {"participants": ["trump"], "host": ["russia"]}),
      ("statement", BEFORE, "occurred", {"source": ["leavitt"]})]),
    # no mark on anyone: the last subject, as before (no guess from the name)
    ("Karoline Leavitt spoke on Monday. Trump visited Moscow on Tuesday. She said the visit went well.",
     [("visit", "2025-12-02", "occurred", {"participants": ["trump"], "host": ["russia"]}),
      ("statement", "2025-12-02/2025-12-03", "occurred", {"source": ["trump"]})]),
    # marked the other way and nobody of the pronoun's gender named: unresolved
    ("Mr. Trump called Zelenskyy on Monday. She said the call went well.",
     [("call", "2025-12-01", "occurred", {"participants": ["trump", "zelenskyy"]})]),
])
def test_he_and_she_follow_the_gender_the_text_marks(text: str, expected: list) -> None:
    """"He"/"she" stand for the last subject unless the text marks that person as the other gender ("Mr.",
    "spokeswoman"); then for the last person marked as the pronoun's (timeline/draft/gender.py)."""
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # a person's spokesman: the person of the dataset with that title and side ...
    ("Putin's spokesman said on Monday the talks were useful.",
     [("statement", "2025-12-01", "occurred", {"source": ["peskov"]})]),
    # ... else the side's state, never the person who owns the description
    ("Trump's envoy met Putin on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["united-states", "putin"]})]),
    ("Putin's aide Ushakov met Witkoff on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["ushakov", "witkoff"]})]),
    # words posted on social media are said
    ("Sybiha wrote on Twitter on Monday that the talks were useful.",
     [("statement", "2025-12-01", "occurred", {"source": ["sybiha"]})]),
])
def test_a_persons_agent_and_written_words(text: str, expected: list) -> None:
    """"Putin's spokesman" is someone of Putin's side (the one of that title, else the state), not Putin;
    "wrote on Twitter", "tweeted", "posted" report words like "said"."""
    check(text, expected, seeds())


def test_the_other_telling_is_kept_as_a_note() -> None:
    """A folded telling keeps its sentence and offsets in the event's ``notes``, beside the evidence."""
    from timeline.draft.output import draft_data

    text = 'Lavrov said on Monday the talks were useful. Witkoff flew home. "We will go on," Lavrov said.'
    data = draft_data(draft_article(text, dt.date(2025, 12, 3), seeds()))
    assert [(e["evidence"]["start"], e.get("notes")) for e in data["events"]] == [
        (0, 'Also told at 64-93: "We will go on," Lavrov said.')]
