"""Dates that belong to another clause than the event's: taken back, or turned into a bound (round 8, drafta8).

The event side dates an event by the nearest date phrase of its clause (:mod:`timeline.draft.events`); some
phrases in reach are another verb's. Run over the drafted events once the article is read:

- *A subordinate clause's date*: a date inside a clause opened by ``since``, or by ``that``/``which``/``who``/
  ``when``/``where`` after other words, dates that clause's verb ("a visit ... since the war broke out in
  2014", "solutions to the crisis that broke out last February"), and a date inside an aside set off by commas
  ("The envoys, who landed late on Saturday, will meet ...") dates the aside. Such an event keeps no date of
  its own: it is bounded by publication again. A relative clause right after a noun that is the event ("the
  talks that were held on Monday") still dates it.
- *A participle's date*: "agreed to keep the ceasefire reached earlier this month", "accepted the plan unveiled
  on Friday": the date after a noun and its past participle dates that noun's event, not the trigger's (round 9).
- *An "after" clause of a dated one*: "The talks stalled in July after the SPLM-IO withdrew": the withdrawal,
  undated, came on or before the main clause's date (``../2024-07``; round 9).
- *A "when" clause after a date*: "since March 2022, when Turkey brought both sides together": the undated
  event of the clause happened at that date (round 11).
- *Past perfect after a dated saying*: "said on Saturday the group had received 13 detainees": the receiving
  happened on or before that day (``../DAY``), not on it (issue #16: nothing more precise than the text).
"""
from __future__ import annotations

import datetime as dt
import re

from timeline.draft.dates import DatePhrase, bound, find_dates
from timeline.draft.drafted import Drafted

#: Types told as someone's words: their date is the saying's (left alone here; carried as "said that day or after").
SAID = frozenset(("statement", "claim", "denial", "accusation", "assessment", "criticism", "appeal", "demand",
                    "endorsement", "rejection", "threat"))
_MARKER = re.compile(r"\b(?:since|that|which|who|whom|when|where)\b", re.IGNORECASE)
#: A noun and its past participle right before a date ("the ceasefire reached", "the plan unveiled on").
_PARTICIPLE = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?(?:[a-z]+ed|held|made|struck|"
                         r"signed|won|sent|given|taken|begun|broken|put forward)(?:\s+(?:on|in|at|during|since))?\s*$")
_ASIDE = re.compile(r",\s*(?:who|which|where|when)\b[^,]*$", re.IGNORECASE)
_SAID_ON = re.compile(r"\b(?:said|told \w+|announced|reported|confirmed)\s+(?:late |early )?(?:on\s+)?$",
                      re.IGNORECASE)
_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
#: "after" opening the clause of the trigger: no comma, no other clause marker and at most eight words between.
_AFTER = re.compile(r"\bafter\s+(?!(?:that|which)\b)(?:[^\s,;:“”\"]+\s+){0,8}$", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: A "when" clause after a date, up to the trigger: ", when Turkey brought" (no comma or semicolon between).
_WHEN = re.compile(r",\s+when\s+[^,;]{0,80}$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_PLAIN = re.compile(r"\d{4}(?:-\d\d){0,2}")  # a year, month or day: no open end, nothing approximate


def date_clauses(events: list[Drafted], published: dt.date) -> None:
    """Undate in place the events dated by another clause's date, bound the past perfect and what an "after"
    clause tells (module docstring)."""
    for event in events:
        if not event.explicit:
            if not _when_dated(event, published):
                _after_dated(event, published)
            continue
        future = event.status in ("planned", "proposed", "cancelled")
        phrases = [d for d in find_dates(event.sentence, published, future) if d.explicit and d.edtf == event.date]
        if not phrases:
            continue
        start, end = event.at, event.at + len(event.trigger)
        if all(another_clause(event.sentence, start, end, p, event.nominal) for p in phrases):
            event.date, event.explicit = bound(published, future), False
        elif event.type not in SAID and _DAY.fullmatch(event.date) \
                and any(past_perfect(event.sentence, start, p) for p in phrases):
            event.date = f"../{event.date}"


def _when_dated(event: Drafted, published: dt.date) -> bool:
    """Date an undated event told in a "when" clause right after a date ("since March 2022, when Turkey brought
    both sides together"): the clause tells what happened at that date (drafta11). Whether it did."""
    when = _WHEN.search(event.sentence[:event.at])
    if event.date != bound(published) or when is None:
        return False
    before = _SINCE.sub("in   ", event.sentence[:when.start()])  # "since March 2022, when": March 2022 itself
    found = [d for d in find_dates(before, published) if d.explicit and when.start() - d.end <= 1]
    if not found or found[-1].edtf > published.isoformat():
        return False
    event.date, event.explicit = found[-1].edtf, True
    return True


def _after_dated(event: Drafted, published: dt.date) -> None:
    """Bound by the main clause's date an undated past event told in an "after" clause ("stalled in July after")."""
    after = _AFTER.search(event.sentence[:event.at])
    if event.date != bound(published) or after is None:
        return
    found = [d for d in find_dates(event.sentence[:after.start()], published) if d.explicit]
    if found and "“" not in event.sentence[found[-1].end:after.start()]:
        end = found[-1].edtf.split("/")[-1]
        if _PLAIN.fullmatch(end) and end <= published.isoformat():
            event.date = f"../{end}"


def another_clause(sentence: str, start: int, end: int, phrase: DatePhrase, nominal: bool) -> bool:
    """Whether ``phrase`` lies in a clause other than the trigger's (at ``start``..``end`` of ``sentence``).

    >>> s = "The trip will be the first visit to the Kingdom since the war broke out in Yemen in 2014."
    >>> another_clause(s, 29, 34, find_dates(s, dt.date(2023, 9, 14))[0], True)
    True
    """
    if phrase.start >= end:
        between = sentence[end:phrase.start]
        marker = _MARKER.search(between)
        if marker is None:
            return bool(_PARTICIPLE.search(between))
        if marker.group(0).lower() == "since":
            return True
        return not nominal and bool(between[:marker.start()].strip(" ,"))
    aside = _ASIDE.search(sentence[:phrase.start])
    return aside is not None and "," in sentence[phrase.end:start]


def past_perfect(sentence: str, start: int, phrase: DatePhrase) -> bool:
    """Whether ``phrase`` dates a saying ("said on Saturday") that reports the trigger in the past perfect ("had")."""
    return phrase.end <= start and bool(_SAID_ON.search(sentence[:phrase.start])) \
        and bool(_PERFECT.search(sentence[phrase.end:start]))
