"""Reporting clauses of a sentence: a statement that only sources another event, and quotations given to events.

Split from :mod:`timeline.draft.events` (round 11).
"""
from __future__ import annotations

import re

from timeline.draft.clauses import QUOTE
from timeline.draft.drafted import Drafted
from timeline.draft.sentences import Sentence

#: Acts whose speaker's other words in the same sentence are that act, not a statement of their own
#: ("confirming his attendance ..., and expressed hope that ...").
SAME_UTTERANCE = frozenset(("acceptance", "rejection", "appeal", "demand", "endorsement", "criticism", "accusation",
                            "threat", "denial", "claim", "offer_to_mediate", "proposal"))
#: Words after a reporting clause that go on with what the speaker said (", negotiators said, while acknowledging").
SAYING_ON = frozenset(("while", "and", "but", "although", "though", "adding", "saying", "acknowledging", "noting",
                       "warning", "stressing", "insisting", "calling", "describing", "urging"))
#: The speaker of a reporting clause set off by a comma, just before its verb (", CNN Turk said").
_ASIDE = re.compile(r",\s*(?:[\w.'’-]+\s+){1,4}$")


def attribution_only(event: Drafted, drafted: list[Drafted], text: str) -> bool:
    """Whether a statement only sources another event of its sentence.

    "Leavitt said Zelensky requested ...", "Rubio and Lavrov had a productive call, an official said": the
    event reported is the news, the saying is not. A statement whose other events lie before it, across a
    clause ("Lavrov expressed reservations after Poland threatened ..."), is an event of its own.
    """
    if event.type != "statement" or event.trigger.lower().startswith("announced "):
        return False  # "Trump announced the ceasefire between ...": an act of its own (draft8)
    said_last = len(text) - event.at < 40  # a reporting clause that ends the sentence
    # draft8: "X met Y in Istanbul yesterday, CNN Turk said, starting talks ...": a reporting clause set off by commas
    after = re.match(r"\w+\s*,\s*(\w+)", text[event.at:])  # "..., negotiators said, while acknowledging": more said
    aside = bool(_ASIDE.search(text[:event.at])) and after is not None and after.group(1) not in SAYING_ON
    speakers = set(event.roles.get("source", ()))
    return any(other is not event and other.type != "statement" and not other.nominal
               and (event.at < other.at < event.reach or said_last or aside and other.at < event.at
                    or other.type in SAME_UTTERANCE and speakers & set(other.roles.get("source", ())))
               for other in drafted)


def add_quotes(sentence: Sentence, drafted: list[Drafted]) -> None:
    """Give each quotation in the sentence to the event told just before it, spoken by its first actor."""
    verbal = [e for e in drafted if not e.nominal]
    if not verbal:
        return
    for match in QUOTE.finditer(sentence.text):
        text = (match.group(1) or match.group(2)).strip(" ,.")
        event = ([e for e in verbal if e.at <= match.start()] or verbal[:1])[-1]
        speaker = (event.roles.get("source") or event.roles.get("participants") or [None])[0]
        if speaker and text:
            event.quotes.append((speaker, text))
