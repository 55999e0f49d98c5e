"""What a trigger's clause says of its event besides roles and status: date, place, thing, confidence.

Split from :mod:`timeline.draft.events` (round 11); used there and by :mod:`timeline.draft.classify`.
"""
from __future__ import annotations

import datetime as dt
import re

from timeline.dates import parse_edtf
from timeline.draft.actors import Mention
from timeline.draft.clauses import QUOTE, SPEECH
from timeline.draft.dates import find_dates, opens_sentence
from timeline.draft.sentences import Sentence
from timeline.draft.trigger_patterns import BASE_CONFIDENCE
from timeline.draft.triggers import Trigger

#: What a rejection, acceptance or criticism names -> the types of event it answers.
THINGS = {"demand": ("demand",), "demands": ("demand",), "counter-proposal": ("counter_proposal",),
          "plan": ("proposal", "counter_proposal"), "proposal": ("proposal", "counter_proposal"),
          "proposals": ("proposal", "counter_proposal"), "draft": ("proposal",), "offer": ("proposal",),
          "claim": ("claim",), "claims": ("claim",), "this": ("claim",), "ceasefire": ("ceasefire_declared",)}
#: At most three words between a date and the noun it dates (drafta12).
_BEFORE_NOUN = re.compile(r"(?:\s+[\w-]+){0,3}\s+")
_PLACE = re.compile(r"\b(?:in|at|near) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)*)")


def after_publication(edtf: str, published: dt.date) -> bool:
    """Whether the EDTF date ``edtf`` begins after ``published`` (a date no event that occurred can have)."""
    try:
        start = parse_edtf(edtf).start
    except (ValueError, TypeError):
        return False
    return start is not None and start.date() > published


#: Where or to whom something was said, between its verb and its date ("told reporters in Beijing on"), drafta15.
_ASIDE_WORDS = re.compile(r"\s+(?:[\w.'’-]+\s+){0,2}(?:in|at|during|to)\s+(?!that\b)(?:[\w.'’-]+\s+){1,4}")


def clause_date(sentence: Sentence, trigger: Trigger, left: int, right: int, published: dt.date,
          future: bool, others: list[int], anchor: dt.date | None = None) -> str | None:
    """The explicit date nearest the trigger within its clause; None if the clause gives none.

    A date right before another trigger dates that one ("following a Monday phone call"), not this one;
    ``others`` are where the sentence's other triggers start (offsets in its line).
    """
    span = sentence.span
    begin = span[left].idx if left < len(span) else span[-1].idx
    finish = span[right - 1].idx + len(span[right - 1]) if right > 0 else begin
    found = [d for d in find_dates(sentence.line[begin:finish], published, future, begin, anchor) if d.explicit and (
        sentence.line[d.end:d.end + 2] not in ("'s", "’s")  # "Sunday's talks" dates only the talks
        or trigger.nominal and 0 <= trigger.span.start_char - d.end <= 12
        or sentence.line[max(0, d.start - 7):d.start].endswith(("at ", "during ")))  # "said at Friday's ceremony"
        and (not trigger.nominal or trigger.span.start_char - 15 <= d.start <= trigger.span.end_char + 140
             or _BEFORE_NOUN.fullmatch(sentence.line[d.end:trigger.span.start_char])  # "a 1974 Turkish army invasion"
             or opens_sentence(sentence.line, span.start_char, d))
        and not any(0 <= at - d.end <= 3 and "," not in sentence.line[d.end:at] for at in others)]  # drafta12
    if trigger.type in SPEECH:  # "said on Tuesday", not the dates of what was said
        found = [d for d in found if d.end <= trigger.span.start_char or d.start - trigger.span.end_char < 25
                 or " by " in sentence.line[trigger.span.end_char:d.start]  # "confirmed by X on Wednesday"
                 or _ASIDE_WORDS.fullmatch(sentence.line[trigger.span.end_char:d.start])]  # "told reporters in Beijing"
        quotes = [range(m.start(), m.end()) for m in QUOTE.finditer(sentence.line)]
        found = [d for d in found if not any(d.start in quote for quote in quotes)]  # said, "Late Monday, we ..."
    if not found:
        return None
    where = trigger.span.start_char
    return min(found, key=lambda d: abs(d.start - where)).edtf


def dated_before(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the words just before a trigger date it ("following the October 16 call")."""
    before = sentence.line[max(0, trigger.span.start_char - 25):trigger.span.start_char]
    return any(d.explicit for d in find_dates(before, dt.date(2000, 1, 1)))


def place(sentence: Sentence, left: int, right: int) -> str | None:
    """A capitalised name after "in"/"at" in the clause ("in Moscow", "in Brussels")."""
    if left >= right:
        return None
    span = sentence.span
    match = _PLACE.search(sentence.line[span[left].idx:span[right - 1].idx + len(span[right - 1])])
    return match.group(1) if match else None


def thing(words: list[str]) -> str | None:
    joined = " ".join(words).replace(" - ", "-")
    for word in joined.split():
        if word in THINGS:
            return word
    return None


def confidence(trigger: Trigger, roles: dict[str, list[str]], explicit: bool, inherited: bool,
                mentions: list[Mention]) -> float:
    score = BASE_CONFIDENCE.get(trigger.type, 0.6) + (0.1 if explicit else 0.0) - (0.15 if inherited else 0.0)
    unknown = {m.actor for m in mentions if not m.known}
    score -= 0.1 * bool(unknown & {a for ids in roles.values() for a in ids})
    score -= 0.1 * trigger.nominal
    return round(min(0.95, max(0.1, score)), 2)
