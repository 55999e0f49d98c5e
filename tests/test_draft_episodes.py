"""Dates carried through an episode and quoted relative dates (issue #16; timeline.draft.episodes), as tables.

Each row: a short text, its publication date, and the (type, EDTF date) of every event drafted from it.
"""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dataset import load
from timeline.draft.drafted import Drafted
from timeline.draft.episodes import carry_dates, date_quotes
from timeline.draft.pipeline import draft_article


@pytest.fixture(scope="module")
def record():
    return load("seeds")


CARRIED = [
    # the next sentence, same actors, no date of its own: the day of the sentence before
    ("Putin met Witkoff in Moscow on Tuesday.\nUshakov said the talks were useful.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-02"), ("statement", "2025-12-02/2025-12-04")]),
    # the same paragraph, two sentences on: still the episode
    ("Putin met Witkoff in Moscow on Tuesday. The meeting lasted five hours. Ushakov said the talks were useful.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02"), ("statement", "2025-12-02/2025-12-04")]),
    # a new paragraph after one that did not go on with the episode: no carried date
    ("Putin met Witkoff in Moscow on Tuesday.\nThe weather was cold.\nUshakov said the talks were useful.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02"), ("statement", "../2025-12-04")]),
    # other actors: another episode, no carried date (not the dateline's day, not Tuesday)
    ("Putin met Witkoff in Moscow on Tuesday.\nMacron said Europe must be at the table.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-02"), ("statement", "../2025-12-04")]),
    # a paragraph that sets another date: the events after it take that one, not the article's day
    ("Rubio spoke with Lavrov on Monday.\nOn Wednesday Lavrov met Witkoff in Moscow. Peskov said the talks were "
     "frank.", dt.date(2025, 12, 5),
     [("call", "2025-12-01"), ("meeting", "2025-12-03"), ("statement", "2025-12-03/2025-12-05")]),
    # a date that is no day or month (a year) carries nothing
    ("Putin met Trump in 2019. Peskov said the talks were useful.", dt.date(2025, 12, 4),
     [("meeting", "2019"), ("statement", "../2025-12-04")]),
    # an event still to come keeps its open future
    ("Putin met Witkoff in Moscow on Tuesday. Witkoff will meet Umerov.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-02"), ("meeting", "2025-12-04/..")]),
]


QUOTED = [
    # the quote's "tomorrow" is the day after the saying (Monday), not after publication (Friday)
    ('"Putin will meet Witkoff tomorrow," Peskov said on Monday.', dt.date(2025, 12, 5),
     [("statement", "2025-12-01"), ("meeting", "2025-12-02")]),
    # no day for the saying: relative to publication
    ('"Putin will meet Witkoff tomorrow," Peskov said.', dt.date(2025, 12, 5),
     [("statement", "../2025-12-05"), ("meeting", "2025-12-06")]),
    # "next week" inside the quote, said on Saturday 12 April: the week of 14 April (tests/drafting/README.md)
    ('"Witkoff will meet Umerov next week," Trump said on Saturday.', dt.date(2025, 4, 16),
     [("statement", "2025-04-12"), ("meeting", "2025-04-14/2025-04-20")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CARRIED + QUOTED)
def test_dates_of_an_episode_and_of_quoted_words(record, text, published, expected):
    draft = draft_article(text, published, record)
    assert [(e.type, e.date) for e in draft.events] == expected


def _event(kind: str, date: str, start: int, actors: list[str], sentence: str = "", at: int = 0,
           status: str = "occurred", explicit: bool = False) -> Drafted:
    return Drafted(kind, date, status, {"source": actors}, sentence, start, start + len(sentence), "", 0.5, at=at,
                   explicit=explicit)


def test_a_person_carries_the_date_of_their_state():
    text = "Russia and the US met in Riyadh on Tuesday.\nPeskov said the talks were useful."
    told = [(0, 43, text[:43], ["russia", "united-states"]), (44, len(text), text[44:], ["peskov"])]
    said = _event("statement", "../2025-02-20", 44, ["peskov"], text[44:])
    carry_dates([said], told, text, dt.date(2025, 2, 20), {"peskov": "russia"})
    assert said.date == "2025-02-18/2025-02-20"
    alone = _event("statement", "../2025-02-20", 44, ["peskov"], text[44:])
    carry_dates([alone], told, text, dt.date(2025, 2, 20), {})
    assert alone.date == "../2025-02-20"  # without the affiliation nothing ties Peskov to the episode


def test_a_quoted_date_does_not_date_the_episode():
    text = 'Peskov said "we met on Monday".\nUshakov said the talks were useful.'
    told = [(0, 31, text[:31], ["peskov"]), (32, len(text), text[32:], ["ushakov"])]
    said = _event("statement", "../2025-12-05", 32, ["ushakov"], text[32:])
    carry_dates([said], told, text, dt.date(2025, 12, 5), {"ushakov": "russia", "peskov": "russia"})
    assert said.date == "../2025-12-05"


def test_quoted_date_of_a_dated_event_is_kept():
    sentence = '"We met Witkoff on 2 December," Putin said on Friday.'
    met = _event("meeting", "2025-12-02", 0, ["putin"], sentence, at=4, explicit=True)
    date_quotes([met], dt.date(2025, 12, 5))
    assert met.date == "2025-12-02"


def test_a_sentence_of_what_is_to_come_dates_no_episode():
    text = "The ceasefire will be followed by a meeting of the GBC on Aug. 4.\nMalaysia offered to host the GBC."
    told = [(0, 65, text[:65], ["gbc"]), (66, len(text), text[66:], ["malaysia", "gbc"])]
    offer = _event("offer_to_mediate", "../2025-07-29", 66, ["malaysia", "gbc"], text[66:])
    carry_dates([offer], told, text, dt.date(2025, 7, 29), {})
    assert offer.date == "../2025-07-29"  # not 2024-08-04 (the past reading of "Aug. 4"), nor 2025-08-04
