"""Round 4 (issue #16): dates that point back to a day the article named ("the same day", "two days later").

Tables of (text, publication day, anchor or None, expected EDTF of the last date phrase, or None for no
date). Never more precise than the text: without a day to count from, such words give no date.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.dataset import load
from timeline.draft import draft_article
from timeline.draft.dates import anchor_after, find_dates, quoted

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WEDNESDAY = dt.date(2025, 12, 3)
THURSDAY_BEFORE = dt.date(2025, 11, 20)

POINTING_BACK = [
    # the day written earlier in the same text is the anchor
    ("On Monday the envoys met. The same day, Kyiv answered.", None, "2025-12-01"),
    ("On 12 April the envoy met Araghchi and the next day he flew home.", None, "2025-04-13"),
    ("Talks opened on Tuesday; two days later they ended.", None, "2025-12-04"),
    # else the anchor the caller keeps (the day of the event told last)
    ("that day", THURSDAY_BEFORE, "2025-11-20"),
    ("on that same day", THURSDAY_BEFORE, "2025-11-20"),
    ("later that day", THURSDAY_BEFORE, "2025-11-20"),
    ("that evening", THURSDAY_BEFORE, "2025-11-20"),
    ("the day before", THURSDAY_BEFORE, "2025-11-19"),
    ("the previous day", THURSDAY_BEFORE, "2025-11-19"),
    ("the following day", THURSDAY_BEFORE, "2025-11-21"),
    ("a day later", THURSDAY_BEFORE, "2025-11-21"),
    ("three days earlier", THURSDAY_BEFORE, "2025-11-17"),
    ("a week later", THURSDAY_BEFORE, "2025-11-27"),
    ("later that week", THURSDAY_BEFORE, "2025-11-20/2025-11-23"),
    ("earlier that week", THURSDAY_BEFORE, "2025-11-17/2025-11-20"),
    ("that week", THURSDAY_BEFORE, "2025-11-17/2025-11-23"),
    # a week or month named earlier is no day to count from: the anchor stays
    ("Last week the sides met; the same day", THURSDAY_BEFORE, "2025-11-20"),
    # nothing to count from: no date at all (the event keeps its bound by publication)
    ("the same day", None, None),
    ("two days later", None, None),
    ("later that week", None, None),
    # "the day before the summit" counts from the summit, which the words do not date
    ("the day before the summit", THURSDAY_BEFORE, None),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), POINTING_BACK)
def test_words_that_point_back_count_from_the_anchor(text, anchor, expected):
    found = find_dates(text, WEDNESDAY, anchor=anchor)
    last = found[-1].edtf if found and found[-1].text.lower() not in ("monday", "tuesday", "last week") else None
    assert last == expected


@pytest.mark.parametrize(("dates", "anchor", "expected"), [
    (["2025-12-01", "../2025-12-03"], None, dt.date(2025, 12, 1)),
    (["2025-11-24/2025-11-30"], THURSDAY_BEFORE, THURSDAY_BEFORE),  # a span is no day to count from
    (["2025-11-28", "2025-12-02"], None, dt.date(2025, 12, 2)),
    ([], None, None),
])
def test_the_anchor_is_the_last_whole_day_told(dates, anchor, expected):
    assert anchor_after(dates, anchor) == expected


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


@pytest.mark.parametrize(("text", "expected"), [
    # the same day as the proposal of the sentence before
    ("Putin proposed direct talks with Ukraine on Sunday. Turkish President Recep Tayyip Erdogan held a phone "
     "call with Putin the same day.",
     [("proposal", "2025-11-30"), ("call", "2025-11-30")]),
    # the day before the meeting told first
    ("Witkoff met Putin in Moscow on Tuesday. Putin held a phone call with Trump the day before.",
     [("meeting", "2025-12-02"), ("call", "2025-12-01")]),
    # without a dated event before, "the same day" dates nothing: bounded by publication
    ("Turkish President Recep Tayyip Erdogan held a phone call with Putin the same day.",
     [("call", "../2025-12-03")]),
])
def test_drafted_events_take_the_day_they_point_back_to(text, expected, seeds):
    draft = draft_article(text, WEDNESDAY, seeds)
    assert [(e.type, e.date) for e in draft.events] == expected


@pytest.mark.parametrize(("line", "at", "expected"), [
    ('He said, "Late Monday the talks began."', 14, True),
    ("He said, “Late Monday the talks began.”", 14, True),
    ("He said on Monday that the talks began.", 11, False),
    ("“We met,” he said on Monday.", 20, False),
])
def test_quoted(line, at, expected):
    assert quoted(line, 0, at) is expected


def test_a_date_inside_the_quoted_words_does_not_date_the_saying():
    draft = draft_article('US Army Lieutenant Colonel Jeff Tolbert said, "Late Monday and throughout Tuesday, the '
                          'teams have been in discussions."', WEDNESDAY)
    assert [(e.type, e.date, e.roles) for e in draft.events] == [("statement", "../2025-12-03",
                                                                  {"source": ["tolbert"]})]
