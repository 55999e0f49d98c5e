"""Dates in an article's words resolved against its publication date (issue #16): phrase -> EDTF, as tables."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import parse_edtf
from timeline.draft.dates import bound, find_dates, resolve

WEDNESDAY = dt.date(2025, 12, 3)  # the seed article's publication day

#: (phrase, future tense, expected EDTF) for an article published on Wednesday 3 December 2025.
PAST_AND_FUTURE = [
    # the examples
    ("on Tuesday", False, "2025-12-02"),                      # the Tuesday before publication
    ("last week", False, "2025-11-24/2025-11-30"),            # a span, Monday to Sunday
    ("as early as Wednesday", True, "2025-12-03/.."),         # planned, from that day on
    ("previously", False, "../2025-12-03"),                   # bounded by publication, no day invented
    ("earlier this year", False, "2025-01-01/2025-12-03"),
    # the rest of the rules
    ("Tuesday night", False, "2025-12-02"),
    ("on Wednesday", False, "2025-12-03"),
    ("on Wednesday", True, "2025-12-03"),
    ("on Thursday", True, "2025-12-04"),
    ("on Thursday", False, "2025-11-27"),
    ("last Wednesday", False, "2025-11-26"),
    ("next Tuesday", False, "2025-12-09"),
    ("yesterday", False, "2025-12-02"),
    ("today", False, "2025-12-03"),
    ("tomorrow", True, "2025-12-04"),
    ("overnight", False, "2025-12-02/2025-12-03"),
    ("this week", False, "2025-12-01/2025-12-03"),
    ("this week", True, "2025-12-03/2025-12-07"),
    ("next week", True, "2025-12-08/2025-12-14"),
    ("over the weekend", False, "2025-11-29/2025-11-30"),
    ("next weekend", True, "2025-12-06/2025-12-07"),
    ("last month", False, "2025-11"),
    ("earlier this month", False, "2025-12-01/2025-12-03"),
    ("later this month", True, "2025-12-03/2025-12-31"),
    ("next month", True, "2026-01"),
    ("last year", False, "2024"),
    ("later this year", True, "2025-12-03/2025-12-31"),
    ("three days ago", False, "2025-11-30"),
    ("two weeks ago", False, "2025-11-19~"),
    ("a month ago", False, "2025-11~"),
    ("on 2 December", False, "2025-12-02"),
    ("Dec. 2, 2025", False, "2025-12-02"),
    ("Tuesday, December 2", False, "2025-12-02"),
    ("on March 11th", False, "2025-03-11"),
    ("on 5 March", True, "2026-03-05"),                       # no year: the next one, for what is to come
    ("the October 16 call", False, "2025-10-16"),
    ("late November", False, "2025-11-21/2025-11-30"),
    ("early December", False, "2025-12-01/2025-12-10"),
    ("mid-February 2024", False, "2024-02-11/2024-02-20"),
    ("in March", False, "2025-03"),
    ("in March", True, "2026-03"),
    ("in December 2024", False, "2024-12"),
    ("in 2022", False, "2022"),
    ("as early as next Monday", True, "2025-12-08/.."),
    ("as soon as 5 December", True, "2025-12-05/.."),
    ("recently", False, "../2025-12-03"),
]


@pytest.mark.parametrize(("phrase", "future", "expected"), PAST_AND_FUTURE)
def test_phrase_resolves_to_edtf(phrase, future, expected):
    assert resolve(phrase, WEDNESDAY, future) == expected
    parse_edtf(expected)  # and the project reads it


@pytest.mark.parametrize(("phrase", "published", "expected"), [
    ("on Tuesday", dt.date(2025, 12, 2), "2025-12-02"),       # published on a Tuesday: that day
    ("last Tuesday", dt.date(2025, 12, 2), "2025-11-25"),
    ("over the weekend", dt.date(2025, 11, 30), "2025-11-22/2025-11-23"),  # published on a Sunday
    ("on 31 December", dt.date(2026, 1, 2), "2025-12-31"),    # no year, past: last year's
    ("in December", dt.date(2026, 1, 2), "2025-12"),
    ("earlier this year", dt.date(2024, 2, 29), "2024-01-01/2024-02-29"),
])
def test_phrase_depends_on_the_publication_day(phrase, published, expected):
    assert resolve(phrase, published) == expected


@pytest.mark.parametrize("phrase", ["since 2022", "until March", "may meet", "the war", "31 February", "Mayor"])
def test_no_date(phrase):
    assert resolve(phrase, WEDNESDAY) is None


def test_offsets_point_at_the_words():
    text = "Kushner and Witkoff may meet a Ukrainian delegation as early as Wednesday, potentially in Brussels."
    (found,) = find_dates(text, WEDNESDAY, future=True, offset=100)
    assert (found.text, found.edtf, found.explicit) == ("as early as Wednesday", "2025-12-03/..", True)
    assert text[found.start - 100:found.end - 100] == "as early as Wednesday"


def test_undated_events_are_bounded_by_publication():
    assert bound(WEDNESDAY) == "../2025-12-03"
    assert bound(WEDNESDAY, future=True) == "2025-12-03/.."
