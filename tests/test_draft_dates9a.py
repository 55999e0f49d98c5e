"""``timeline draft``, round 9: spans of days and months in one phrase, parts of a month in words, an "after"
clause bounded by its main clause's date, a participle's date, a line printed twice,
and a year that names a thing ("the 2018 peace agreement") does not end an episode.

Each row is a short text (written for the test, not taken from the development set) and the exact events
drafted from it against the seeds: (type, date, status, roles). The kinds come from the tune misses of
``bench/score_drafts.py --sets tune --details`` and the first sight of three new articles (issue #16, round 9).
"""
from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.draft import draft_article
from timeline.draft.dates import resolve

#: Friday 29 November 2024.
PUBLISHED = dt.date(2024, 11, 29)


@cache
def seeds():  # noqa: ANN201 - the seeds dataset, loaded once
    return load(SEEDS)


def drafted(text: str) -> list[tuple]:
    return [(e.type, e.date, e.status, e.roles) for e in draft_article(text, PUBLISHED, seeds()).events]


@pytest.mark.parametrize(("phrase", "future", "expected"), [
    ("from 25 to 30 October", False, "2024-10-25/2024-10-30"),
    ("between 11 and 13 October", False, "2024-10-11/2024-10-13"),
    ("Between 11 to 13 October", False, "2024-10-11/2024-10-13"),
    ("on 11-13 October", False, "2024-10-11/2024-10-13"),
    ("on October 11–13", False, "2024-10-11/2024-10-13"),
    ("October 11 to 13, 2020", False, "2020-10-11/2020-10-13"),
    ("from 28 September to 2 October", False, "2024-09-28/2024-10-02"),
    ("September 28 to October 2", False, "2024-09-28/2024-10-02"),
    ("on 5 and 6 May", False, "2024-05-05/2024-05-06"),
    # the year is the first day's, turned by the tense as for one day
    ("from 2 to 4 December", False, "2023-12-02/2023-12-04"),
    ("from 2 to 4 December", True, "2024-12-02/2024-12-04"),
    ("from 30 to 25 October", False, None),  # backwards: no date rather than a wrong one
    # months, parts of months and days of a month written in words
    ("in October and November", False, "2024-10/2024-11"),
    ("between October and December 2023", False, "2023-10/2023-12"),
    ("from December to February", True, "2024-12/2025-02"),
    ("at the end of October", False, "2024-10-21/2024-10-31"),
    ("at the beginning of October", False, "2024-10-01/2024-10-10"),
    ("in the middle of October", False, "2024-10-11/2024-10-20"),
    ("on the 6th of November", False, "2024-11-06"),
    ("on the 24th of this month", False, "2024-11-24"),
    ("on the 3rd of next month", True, "2024-12-03"),
    ("a fortnight ago", False, "2024-11-15~"),
    ("in the summer of 2023", False, "2023"),  # no more precise than the year: EDTF seasons are not read
])
def test_spans_and_days_written_in_words(phrase: str, future: bool, expected: str | None) -> None:
    assert resolve(phrase, PUBLISHED, future) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt and Libya met in Cairo between 11 and 13 October.",
     [("meeting", "2024-10-11/2024-10-13", "occurred", {"participants": ["egypt", "libya"]})]),
    ("Israel and Hamas will meet in Cairo from 2 to 4 December.",
     [("meeting", "2024-12-02/2024-12-04", "planned", {"participants": ["israel", "hamas"]})]),
])
def test_a_span_of_days_dates_the_event(text: str, expected: list) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the withdrawal came before the talks stalled in July: on or before that month, not on no day at all
    ("The talks stalled in July after Hamas withdrew from the process.",
     [("talks_suspended", "../2024-07", "occurred", {"source": ["hamas"]})]),
    ("The ceasefire collapsed on Monday after Israel launched strikes on Gaza.",
     [("military_action", "../2024-11-25", "occurred", {"source": ["israel"]})]),
    # a date inside the "after" clause dates its own event as before
    ("Hamas accepted the proposal after talks on Monday.",
     [("acceptance", "../2024-11-29", "occurred", {"source": ["hamas"]})]),
])
def test_an_after_clause_is_bounded_by_the_date_of_its_main_clause(text: str, expected: list) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the date after a noun and its participle dates that noun's event, not the agreement
    ("Pakistan and the Taliban have agreed to continue observing the ceasefire reached earlier this month.",
     [("agreement", "../2024-11-29", "occurred", {"participants": ["pakistan", "taliban"]})]),
    ("Hamas accepted the plan unveiled on Monday.",
     [("acceptance", "../2024-11-29", "occurred", {"source": ["hamas"]})]),
    # the trigger's own date, and a participle with its agent before the date, date the event as before
    ("Israel and Hamas signed the ceasefire on Monday.",
     [("agreement_signed", "2024-11-25", "occurred", {"participants": ["israel", "hamas"]})]),
    ("Putin met the delegation led by Witkoff on Monday.",
     [("meeting", "2024-11-25", "occurred", {"participants": ["putin", "witkoff"]})]),
])
def test_a_date_after_a_participle_dates_its_noun(text: str, expected: list) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a standfirst printed again as the first paragraph is one telling: one event
    ("Putin met Witkoff in Moscow on Monday.\nPutin met Witkoff in Moscow on Monday.\nRussia rejected the plan.",
     [("meeting", "2024-11-25", "occurred", {"participants": ["putin", "witkoff"]}),
      ("rejection", "../2024-11-29", "occurred", {"source": ["russia"]})]),
])
def test_a_line_printed_twice_is_told_once(text: str, expected: list) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a year that names an agreement is no other time: the episode's day goes on
    ("On Monday, Putin met Zelenskyy in Moscow.\n\nPutin urged Zelenskyy to respect the 2015 peace agreement.",
     [("meeting", "2024-11-25", "occurred", {"participants": ["putin", "zelenskyy"]}),
      ("appeal", "2024-11-25/2024-11-29", "occurred", {"source": ["putin"], "target": ["zelenskyy"]})]),
    # a year that dates the sentence still ends the episode (draft8)
    ("On Monday, Putin met Zelenskyy in Moscow. Russia and Ukraine fought a border war from 1998 to 2000.",
     [("meeting", "2024-11-25", "occurred", {"participants": ["putin", "zelenskyy"]}),
      ("military_action", "../2024-11-29", "occurred", {"source": ["russia", "ukraine"]})]),
])
def test_a_year_that_names_a_thing_does_not_end_the_episode(text: str, expected: list) -> None:
    assert drafted(text) == expected
