"""``timeline draft``, round 15 (drafta15): trigger verbs from the CAMEO verb dictionary's synsets in all their
forms, names cut at a weekday, places after "in", Korean given names, and "in two weeks".

Each row is a short text written for the test (not taken from the development set) and the exact events drafted
from it against the seeds: (type, date, status, roles), published Wednesday 3 December 2025.
"""
from __future__ import annotations

import pytest
from test_draft_actors8 import seeds
from test_draft_events4b import BEFORE, WEDNESDAY, check

from timeline.draft import draft_article
from timeline.draft.dates import find_dates

TUESDAY = "2025-12-02"


@pytest.mark.parametrize(("text", "expected"), [
    # the participle of a verb the patterns had in other forms ("appealed to" -> "appealing to")
    ("Trump called Putin and Zelenskyy on Tuesday, appealing to both leaders to agree to a ceasefire.",
     [("call", TUESDAY, "occurred", {"participants": ["trump", "putin", "zelenskyy"]}),
      ("appeal", TUESDAY, "occurred", {"source": ["trump"], "target": ["putin", "zelenskyy"]})]),
    # CAMEO 02 PLEAD; 040 CONFER; 0854 INITIAL under SIGN; 111 DEPLORE, LAMBASTE; 12 VETO; REFUTE a denial
    ("Zelenskyy pleaded with Trump for more air defence.",
     [("appeal", BEFORE, "occurred", {"source": ["zelenskyy"], "target": ["trump"]})]),
    ("Witkoff conferred with Putin in Moscow on Tuesday.",
     [("meeting", TUESDAY, "occurred", {"participants": ["witkoff", "putin"]})]),
    ("The agreement was initialled by Lavrov and Rubio in Riyadh on Tuesday.",
     [("agreement_signed", TUESDAY, "occurred", {"participants": ["lavrov", "rubio"]})]),
    ("Zelenskyy deplored the strikes on Kyiv.", [("criticism", BEFORE, "occurred", {"source": ["zelenskyy"]})]),
    ("Russia vetoed the resolution on Tuesday.", [("rejection", TUESDAY, "occurred", {"source": ["russia"]})]),
    ("Russia refuted the reports on Tuesday.", [("denial", TUESDAY, "occurred", {"source": ["russia"]})]),
    # "call off" in its base form, and a meeting called off as well as talks
    ("The United States decided to call off a meeting with Russia on Tuesday.",
     [("talks_suspended", TUESDAY, "occurred", {"source": ["united-states"], "target": ["russia"]})]),
    # ... but a gerund after a preposition is no agreement reached ("for his efforts in reaching a deal")
    ("Trump recalled his efforts in reaching a deal.", []),
])
def test_vocabulary(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


@pytest.mark.parametrize(("text", "expected"), [
    # an abbreviation's full stop is its own: "U.S." and "U.N." are the states' and the body's names
    ("U.S. and Russian negotiators met in Riyadh on Tuesday.",
     [("meeting", TUESDAY, {"participants": ["united-states", "russia"]})]),
    ("The U.N. and Russia met on Tuesday.", [("meeting", TUESDAY, {"participants": ["united-nations", "russia"]})]),
    # a day after "on" ends an organisation's name ("the Transitional Council on Tuesday")
    ("Ambassador John Smith met officials of the Transitional Council on Tuesday.",
     [("meeting", TUESDAY, {"participants": ["smith", "transitional-council"]})]),
])
def test_names_without_a_dataset(text: str, expected: list[tuple]) -> None:
    assert [(e.type, e.date, e.roles) for e in draft_article(text, WEDNESDAY).events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # where or to whom it was said, between the reporting verb and its day, leaves the day the saying's
    ("Kim Kye-gwan told reporters in Beijing on Tuesday that the talks had been useful.",
     [("statement", TUESDAY, "occurred", {"source": ["kim-kye-gwan"]})]),
    ("Kim Kye-gwan said at a news conference on Tuesday that the talks had been useful.",
     [("statement", TUESDAY, "occurred", {"source": ["kim-kye-gwan"]})]),
    # ... but a day in what was said is not the saying's
    ("Kim Kye-gwan said that the talks held in Beijing on Tuesday had been useful.",
     [("statement", BEFORE, "occurred", {"source": ["kim-kye-gwan"]})]),
    # a meeting that "would be held" is told as still to come, on its day
    ("Another meeting of Putin and Witkoff would be held on December 17 in Moscow.",
     [("meeting", "2025-12-17", "planned", {"participants": ["putin", "witkoff"]})]),
])
def test_said_and_to_come(text: str, expected: list[tuple]) -> None:
    check(text, expected, seeds())


def test_weekday_ends_a_name() -> None:
    # wire copy puts the day after the name: the name is proposed without it, and the event is drafted
    drafted = draft_article("Ukrainian Prime Minister Yulia Svyrydenko Thursday welcomed the talks.", WEDNESDAY,
                            seeds())
    assert [(e.type, e.date, e.roles) for e in drafted.events] == \
        [("endorsement", "2025-11-27", {"source": ["svyrydenko"]})]


@pytest.mark.parametrize(("text", "actors"), [
    # a place the gazetteer lacks after "in" is no person; a region's word ("Peninsula") names no party
    ("Rubio met Lavrov in New York on Monday.", []),
    ("Putin met Zelenskyy on Monday to discuss the Korean Peninsula.", []),
    # a Korean given name joined by a hyphen stays whole ("Moon Jae-in", not "Moon Jae")
    ("Zelenskyy met South Korean President Moon Jae-in on Monday.", ["south-korea", "moon-jae-in"]),
])
def test_names(text: str, actors: list[str]) -> None:
    assert [a["id"] for a in draft_article(text, WEDNESDAY, seeds()).actors] == actors


@pytest.mark.parametrize(("phrase", "edtf"), [
    ("would be held in two weeks in Berlin", "2025-12-17~"),
    ("will meet in 3 days", "2025-12-06"),
    ("will return in a month", "2026-01~"),
])
def test_time_ahead(phrase: str, edtf: str) -> None:
    # a time still to come counted from publication, as "two weeks ago" is counted back
    assert [d.edtf for d in find_dates(phrase, WEDNESDAY, True, 0, None)] == [edtf]


def test_time_ahead_is_not_a_duration() -> None:
    # "in two days of talks" is how long, not when
    assert find_dates("agreed in two days of talks", WEDNESDAY, False, 0, None) == []
