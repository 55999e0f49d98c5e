"""Round 8 date kinds of ``timeline draft`` (issue #16; drafta8), as tables: sentence + publication date -> EDTF.

Phrase tables go through :func:`timeline.draft.dates.find_dates`; the clause and episode tables draft whole
texts against the seed dataset and list the (type, date) of every event drafted.
"""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dataset import load
from timeline.draft.dates import find_dates
from timeline.draft.pipeline import draft_article

WED = dt.date(2025, 11, 26)  # a Wednesday
TUE = dt.date(2025, 5, 13)  # a Tuesday

PHRASES = [
    # a pair of weekdays is one span, not its first day (chinadaily, chennaionline: "met on Monday and Tuesday")
    ("Driscoll and Russian officials met on Monday and Tuesday in Abu Dhabi.", WED, False,
     [("Monday and Tuesday", "2025-11-24/2025-11-25")]),
    ("The delegations will gather from Friday to Sunday in Caracas.", WED, True,
     [("from Friday to Sunday", "2025-11-28/2025-11-30")]),
    ("Talks ran Thursday through Saturday.", WED, False, [("Thursday through Saturday", "2025-11-20/2025-11-22")]),
    # "from Friday" in a clause still to come: from that day on (da5-bssnews: "will gather from Friday");
    # in the past, or after "since", it is the edge of a period and dates nothing
    ("Delegations will gather from Friday in Venezuela.", dt.date(2024, 11, 1), True, [("Friday", "2024-11-01/..")]),
    ("The truce has been in force from Friday.", dt.date(2024, 11, 1), False, []),
    ("Talks have gone on since Monday.", dt.date(2024, 11, 1), True, []),
    # "the past week" is the seven days up to publication, "last week" the calendar week before it
    ("Talks intensified over the past week.", dt.date(2025, 12, 3), False, [("past week", "2025-11-26/2025-12-03")]),
    ("They met last week.", dt.date(2026, 1, 2), False, [("last week", "2025-12-22/2025-12-28")]),
    # "in recent days" / "in the coming days" bound by publication without inventing a day (not explicit)
    ("Contacts intensified in recent days.", dt.date(2025, 12, 3), False, []),
    ("They will meet in the coming days.", dt.date(2025, 12, 3), True, []),
    # across a month boundary and New Year: the weekday before publication, the year before or after
    ("They met on Friday.", dt.date(2025, 12, 1), False, [("Friday", "2025-11-28")]),
    ("They met on December 30.", dt.date(2026, 1, 2), False, [("December 30", "2025-12-30")]),
    ("They will meet on 3 January.", dt.date(2025, 12, 30), True, [("3 January", "2026-01-03")]),
    ("They will meet next week.", dt.date(2025, 12, 30), True, [("next week", "2026-01-05/2026-01-11")]),
    # "this Thursday": the Thursday of the week of publication (trt: published Tuesday 13 May)
    ("This Thursday could mark a pivotal moment.", TUE, True, [("This Thursday", "2025-05-15")]),
    ("This Monday the envoys met.", TUE, False, [("This Monday", "2025-05-12")]),
    # years and months counted from the date written last, at their own precision (d5-trtworld)
    ("Dialogue started in 2018 under Santos, who had signed a treaty two years earlier.", WED, False,
     [("in 2018", "2018"), ("two years earlier", "2016")]),
    ("They met in March 2024; three months later they signed.", WED, False,
     [("in March 2024", "2024-03"), ("three months later", "2024-06")]),
    ("They met in 2018 and signed the following year.", WED, False, [("in 2018", "2018"), ("the following year", "2019")]),
    ("They met on Friday; a year later nothing had changed.", WED, False,
     [("Friday", "2025-11-21"), ("a year later", "2026")]),
    # with nothing written before, "two years earlier" gives no date (no day invented); "after the war" no shift
    ("Two years earlier they had met.", WED, False, []),
    ("three months later the months of talks ended", WED, False, []),
    ("two years after the war", WED, False, []),
]


@pytest.mark.parametrize(("text", "published", "future", "expected"), PHRASES)
def test_date_phrases(text, published, future, expected):
    found = [(d.text, d.edtf) for d in find_dates(text, published, future) if d.explicit]
    assert found == expected


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("Contacts intensified in recent days.", False, "../2025-12-03"),
    ("Contacts intensified in the past few days.", False, "../2025-12-03"),
    ("They will meet in the coming days.", True, "2025-12-03/.."),
])
def test_vague_days_are_bounds(text, future, expected):
    """Vague spans of days give the publication bound and are not explicit (no day invented)."""
    found = find_dates(text, dt.date(2025, 12, 3), future)
    assert [(d.edtf, d.explicit) for d in found] == [(expected, False)]


@pytest.fixture(scope="module")
def record():
    return load("seeds")


CLAUSES = [
    # a date inside a since-clause dates the clause's verb, not the visit (d5-alarabiya: "since ... in 2014")
    ("The first visit by Witkoff to Moscow since the war broke out in 2022 ended.", dt.date(2025, 12, 4),
     [("visit", "../2025-12-04")]),
    # a relative clause on another noun: the crisis broke out in February, the meeting is undated (orinocotribune)
    ("Putin met Witkoff in Moscow to discuss the crisis that broke out last February.", dt.date(2025, 12, 4),
     [("meeting", "../2025-12-04")]),
    # a relative clause right after the event's noun still dates it
    ("The talks between Putin and Witkoff that were held on Monday ended without a deal.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-01")]),
    # an aside between commas dates the aside ("The envoys, who landed late on Saturday, will meet"; da5-nation)
    ("Witkoff met Putin in Moscow, who had become president in 2000.", dt.date(2025, 12, 4),
     [("meeting", "../2025-12-04")]),
    # past perfect after a dated saying: on or before that day (da5-nation: "said on Saturday the group had")
    ("Peskov said on Saturday that Putin had met Witkoff in Moscow.", dt.date(2025, 12, 1),
     [("meeting", "../2025-11-29")]),
    # the words "two years earlier" count from the year the sentence gave (d5-trtworld)
    ("Talks with Putin started in 2018 under Trump, who had met Putin two years earlier.", dt.date(2025, 12, 4),
     [("meeting", "2018"), ("meeting", "2016")]),
    ("Witkoff met Putin in Moscow on Monday and Tuesday.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-01/2025-12-02")]),
    ("This Thursday Witkoff will meet Putin in Moscow.", dt.date(2025, 12, 2), [("meeting", "2025-12-04")]),
]

EPISODES = [
    # a date that dates only a noun, earlier than the episode's day, is a flashback: it lasts its paragraph
    # (the meeting it names takes it), then the episode of the call goes on (rubio-waltz: "thanked ... for
    # the work of the teams in Jeddah on March 11th", then "The leaders agreed ...")
    ("Today, Trump and Zelenskyy had a phone call. Zelenskyy thanked Trump for the work of the teams in Jeddah "
     "on March 11th. The meeting of the officials helped.\n\nTrump and Zelenskyy agreed to share information.",
     dt.date(2025, 3, 19), [("call", "2025-03-19"), ("meeting", "2025-03-11"), ("agreement", "2025-03-19")]),
    # a thing only named inside another event's clause happened before, on no day the episode gives (gnw)
    ("Putin met Witkoff in Moscow on Tuesday. The Kremlin rejected Kyiv's counter-proposal.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-02"), ("rejection", "2025-12-02/2025-12-04"), ("counter_proposal", "../2025-12-04")]),
    ("Putin met Witkoff in Moscow on Tuesday. Putin briefed Witkoff on his call with Trump.", dt.date(2025, 12, 4),
     [("meeting", "2025-12-02"), ("call", "../2025-12-04")]),
    # "Before the meeting, X said": on or before the episode's day (gnw: "Before meeting the U.S. negotiators,
    # Putin delivered aggressive remarks"); without it, said that day or after; "Before that," ends the episode
    ("Putin met Witkoff in Moscow on Tuesday. Before the meeting, Ushakov said the Kremlin was ready.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02"), ("statement", "../2025-12-02")]),
    ("Putin met Witkoff in Moscow on Tuesday. Ushakov said the Kremlin was ready.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02"), ("statement", "2025-12-02/2025-12-04")]),
    ("Putin met Witkoff in Moscow on Tuesday. Before that, Ushakov said the Kremlin was ready.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02"), ("statement", "../2025-12-04")]),
    # a noun opening the sentence or its clause tells the episode's event again (merged into the meeting)
    ("Putin met Witkoff in Moscow on Tuesday. According to Ushakov, the meeting lasted five hours.",
     dt.date(2025, 12, 4), [("meeting", "2025-12-02")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CLAUSES + EPISODES)
def test_drafted_dates(record, text, published, expected):
    assert [(e.type, e.date) for e in draft_article(text, published, record).events] == expected
