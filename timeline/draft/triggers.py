"""Find the words that report an event in a sentence: spaCy's Matcher over the patterns of
:mod:`timeline.draft.trigger_patterns`, and the rules that cut a match to its verb or drop it.

The longest match wins where two overlap ("said it had captured" is a claim, not a
statement). A match is cut to the verb where the names after it are its object ("hosted his Russian counterpart",
"expelled two Russian diplomats"), and dropped where it names no event of its own ("the plan was suspended").
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from timeline.draft.trigger_patterns import TRIGGERS
from timeline.draft.trigger_words import (
    BE,
    ENDORSED,
    FORCES,
    GUESTS,
    INVADED_AFTER,
    LISTING,
    MODALS,
    OBJECT_TYPES,
    PLAN,
    ROUNDS,
    SYNSETS,
    TALKS,
    WELCOMING,
    WITH,
)

if TYPE_CHECKING:
    from spacy.tokens import Span


#: Words a pattern may open with that belong before its verb (a modal, the "to" of a plan).
_LEADING = frozenset((*MODALS.split("|"), "to"))


class Trigger(NamedTuple):
    """A match: the event type, the token span in the sentence, and whether it is a noun."""

    type: str
    span: Span
    nominal: bool


def _token(word: str) -> dict:
    if word == "~":
        return {"OP": "{0,3}"}
    if word == "CAP":  # a capitalised word: a name ("captured Goma")
        return {"IS_TITLE": True}
    if word == "YEAR":  # a year ("the 1974 invasion")
        return {"SHAPE": "dddd"}
    words = word.replace("PLAN", PLAN).split("|")
    return {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}


@lru_cache(maxsize=1)
def matcher():  # noqa: ANN201 - spaCy's Matcher
    """The Matcher of :data:`TRIGGERS` and :data:`SYNSETS`, its rules named ``type`` or ``type:noun``."""
    from spacy.matcher import Matcher

    from timeline.draft.sentences import pipeline

    found = Matcher(pipeline().vocab)
    for kind, patterns in [*TRIGGERS.items(), *SYNSETS.items()]:  # drafta15: and the CAMEO synsets' verbs
        for pattern in patterns:
            nominal = pattern.startswith("* ")
            found.add(f"{kind}:noun" if nominal else kind, [[_token(w) for w in pattern.lstrip("* ").split()]])
    return found


def find_triggers(span: Span) -> list[Trigger]:
    """The event triggers in ``span``, in order, the longest where two overlap (greedy, leftmost first)."""
    from spacy.util import filter_spans

    vocab = span.doc.vocab
    spans = []
    for key, start, end in matcher()(span):  # offsets in the span
        match = span[start:end]
        match.label_ = vocab.strings[key]
        spans.append(match)
    triggers: list[Trigger] = []
    for match in sorted(filter_spans(spans), key=lambda s: s.start):
        kind, _, noun = match.label_.partition(":")
        if match[0].lower_ in _LEADING:  # drafta11: "will withdraw": the modal is read by modality, before the verb
            match = match[1:]  # noqa: PLW2901
        if not _dropped(kind, match, bool(noun), span, triggers):
            triggers.append(Trigger(kind, _cut(kind, match, bool(noun)), bool(noun)))
    return triggers


def _dropped(kind: str, match: Span, noun: bool, span: Span, triggers: list[Trigger]) -> bool:
    """Whether a match names no event of its own; drops the talks found before a verb that says what became of them."""
    intransitive = kind == "talks_suspended" and match[0].lower_ in BE or kind == "talks_resumed" and len(match) == 1
    if intransitive and not _talks_before(span, match):
        return True  # "the plan was suspended", "Russia resumed exports": only talks are suspended or resumed here
    if kind == "talks_resumed" and len(match) == 1 and not (triggers and triggers[-1].span[-1].lower_ in WITH):
        return True  # "confirmed the talks had resumed": the talks of whom the sentence does not say
    if intransitive and triggers and triggers[-1].type == "meeting" and match.start - triggers[-1].span.end < 8:
        triggers.pop()  # "the talks between X and Y were suspended" (or resumed): the talks are what was
    if kind == "call" and match[-1].is_title and len(match) == 2 \
            and match.end < len(match.doc) and match.doc[match.end].lower_ in ("a", "an"):
        return True  # "called Putin a liar": a name for him, not a call
    if kind in OBJECT_TYPES and _content_of(match):
        return True  # drafta10: "accused Russia of having violated the ceasefire": what the accusation says
    # drafta12: "the government, which is supported by a coalition": backing, not an endorsement; only the
    # "supported|endorsed by" passive (round 12: "is recognized by the EU" is recognition whatever precedes it)
    return kind == "endorsement" and len(match) == 2 and match[-1].lower_ == "by" \
        and match[0].lower_ in ("supported", "endorsed") and not _thing_before(span, match)


def _cut(kind: str, match: Span, noun: bool) -> Span:
    """The match cut to its verb (or noun) where the words after it name who is acted on, not the act."""
    first, last = match[0].lower_, match[-1].lower_
    cut = (kind == "call" and match[-1].is_title and len(match) == 2  # "called Phumtham": the other party follows
           or kind == "meeting" and first.startswith("host") and last in GUESTS.split("|")  # "hosted his counterpart"
           or kind == "proposal" and last == "to" and first in ("proposed", "proposes")  # "proposed that Ukraine agree to"
           # drafta12: "a 1974 Turkish army invasion triggered by a coup": the coup is no author
           or kind == "military_action" and noun and last in INVADED_AFTER.split("|")
           # drafta13: "the round of the Geneva International Discussions": a forum's name follows
           or kind == "meeting" and noun and first in ROUNDS and any(t.is_title for t in match[2:-1])
           or kind == "visit" and first in WELCOMING)  # "welcomed Abiy at Asmara airport": who is welcomed follows
    inside = next((i for i in range(2, len(match)) if match[i].is_title), None) if kind == "call" and not noun else None
    if inside is not None:  # "spoke with Putin by phone": the verb and its preposition; the name is the other party
        return match[:inside]
    if not noun and (kind in OBJECT_TYPES or kind == "sanctions" and first in LISTING):
        # drafta10: "expelled two Russian diplomats", "added Cuba to a list": who is acted on follows the verb
        return match[1:2] if first in FORCES.split("|") else match[:1]
    return match[:1] if cut else match


def _content_of(match: Span) -> bool:
    """Whether a verb is what a noun or an accusation says ("accused X of having violated", "reports of troops
    withdrawing"): "of" just before it, or "of having"/"of being"."""
    before = [t.lower_ for t in match.doc[max(0, match.start - 2):match.start]]
    return before[-1:] == ["of"] or before in (["of", "having"], ["of", "being"])


def _thing_before(span: Span, match: Span) -> bool:
    """Whether a passive endorsement has a plan, a deal or talks for its subject ("the agreement, drafted by France
    and supported by the United States"): one of their words in the ten words before it."""
    before = span.doc[max(span.start, match.start - 10):match.start]
    return any(t.lower_ in ENDORSED for t in before)


def _talks_before(span: Span, match: Span) -> bool:
    """Whether a passive verb has talks for its subject ("talks between X and Y were suspended")."""
    before = span.doc[max(span.start, match.start - 10):match.start]
    return any(t.lower_ in TALKS.split("|") for t in before)
