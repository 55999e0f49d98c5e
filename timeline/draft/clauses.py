"""Where a sentence's clauses begin and end, and which of its words are quoted or credited.

A trigger reads its clause (:mod:`timeline.draft.events`): the words between
the boundaries around it. Boundaries are conjunctions and punctuation that open
a clause of their own (:data:`BOUNDARIES`), ", and" once a verb has been read,
the comma before a reporting clause that ends the sentence (", Rubio said"),
and "according to", after which names are credited, not acting.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.draft.gazetteer import GROUP_NOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from timeline.draft.triggers import Trigger

#: Words that end a clause: the actors of one trigger are looked for within its clause.
BOUNDARIES = frozenset((";", "—", "–", "(", ")", "while", "whereas", "because", "although", "though", "but",
                        "when", "after", "before", "which", "where", "amid", "despite"))
#: A name after one of these is not the actor of the verb that follows ("travelled to Moscow to present").
PREPOSITIONS = frozenset(("to", "from", "in", "at", "on", "for", "into", "toward", "towards", "against", "over",
                          "about", "with", "near", "of"))
#: Words that open a clause of its own after ", and" (", and the president said").
CLAUSE_OPENERS = frozenset(("the", "he", "she", "they", "it", "his", "her", "its", "their", "we", "i", "both"))
#: Types whose clause after the verb is what was said, with dates of its own.
SPEECH = frozenset(("statement", "claim", "denial", "accusation", "assessment", "criticism"))
QUOTE = re.compile(r"“([^”]{2,1200})”|\"([^\"]{2,1200})\"")


def clause_commas(words: list[str], triggers: list[Trigger], offset: int) -> list[int]:
    """Commas that end a clause once a trigger has been read.

    ", and the president said" and ", but Kyiv rejected" start a clause of their own after a trigger;
    in "..., Rubio said" the comma sets the reporting clause apart from what was reported.
    """
    if not triggers:
        return []
    first = triggers[0].span.start - offset
    starts = [t.span.start - offset for t in triggers if not t.nominal]  # ", and a meeting of ...": a list goes on
    found = [i for i in range(first, len(words) - 2) if words[i] == "," and words[i + 1] in ("and", "but", "while")
             and (words[i + 2] in CLAUSE_OPENERS or any(i + 2 < at <= i + 6 for at in starts))]
    for trigger in triggers[1:]:
        at = trigger.span.start - offset
        final = len(words) - (trigger.span.end - offset) <= 7  # "..., Rubio said (in a TV interview)."
        if trigger.type in SPEECH and final and not trigger.span.text.endswith("ing") and not trigger.nominal:
            comma = next((i for i in range(at - 1, max(first, at - 7), -1) if words[i] == ","), None)
            if comma is not None:
                found.append(comma)
    return found


def clause_end(span, bounds: list[int], last: int) -> int:  # noqa: ANN001 - a spaCy Span
    """The offset in the sentence where the clause that goes on after token ``last`` ends."""
    end = min([b for b in bounds if b >= last], default=len(span))
    return span[end].idx - span.start_char if end < len(span) else span.end_char - span.start_char


def quoted_tokens(span, line: str) -> set[int]:  # noqa: ANN001 - a spaCy Span
    """The tokens of ``span`` (indices in it) inside quotation marks."""
    # a quotation may open sentences before this one: "... efforts. Of course, we welcome ...," he said.
    quotes = [range(m.start(), m.end()) for m in QUOTE.finditer(line)
              if m.start() < span.end_char and m.end() > span.start_char]
    if not quotes:
        return set()
    # A quotation opened mid-sentence on a verb ('Trump "agreed to work with him"') reports what was done
    opening = {quote.start + 1 for quote in quotes if quote.start > span.start_char}
    return {token.i - span.start for token in span
            if any(token.idx in quote for quote in quotes) and token.idx not in opening}


def attribution_start(words: list[str]) -> int | None:
    """The token after "according to", where the attribution starts; None without one."""
    for i in range(len(words) - 1):
        if words[i] == "according" and words[i + 1] == "to":
            return i + 2
    return None


def boundaries(words: list[str], mention_tokens: set[int], attribution: int | None) -> list[int]:
    aside = _short_asides(words)
    found = [i for i, w in enumerate(words) if w in BOUNDARIES and not _ends_date(words, i) and i not in aside]
    found += [i for i, w in enumerate(words) if w == "as" and (i + 1 in mention_tokens
                                                                 or words[i + 1:i + 2] == ["the"] and i + 2 in mention_tokens)]
    found += [i for i, w in enumerate(words) if w == "with" and i and words[i - 1] in (",", ";", "—", "–", "(")]
    if attribution is not None:
        found.append(attribution - 2)
    return sorted(found)


def _short_asides(words: list[str]) -> set[int]:
    """The brackets of short asides, which end no clause: "the Agency (IAEA) signed", "this evening (Friday)"."""
    found = set()
    for i, word in enumerate(words):
        close = next((j for j in range(i + 1, min(i + 5, len(words))) if words[j] == ")"), None) if word == "(" else None
        if close is not None:
            found |= {i, close}
    return found


def _ends_date(words: list[str], at: int) -> bool:
    """Whether "before"/"after" at ``at`` ends a date, not a clause ("met Trump the day before.")."""
    return words[at] in ("before", "after") and words[at - 1:at] in (["day"], ["week"]) \
        and words[at + 1:at + 2] in ([], ["."], [","], [";"])


def token_at(starts: list[int], char: int) -> int:
    for i, start in enumerate(starts):
        if start > char:
            return max(0, i - 1)
    return len(starts) - 1


def is_object(token: int, words: list[str]) -> bool:
    """Whether the name at ``token`` follows a preposition ("to Moscow"), not as in "officials from Russia"."""
    before = word_before(token, words)
    if before == "with" or before not in PREPOSITIONS:
        return False
    owner = words[token - 2] if token > 1 else ""  # "officials from Russia", "(DGMOs) of Pakistan"
    if before == "to" and owner == "close" or words[max(0, token - 3):token] == ["close", "to", "the"]:
        return False  # drafta11: "a source close to the Kremlin said": the speaker's side
    return not (before in ("from", "of") and (owner in GROUP_NOUNS or owner in TITLE_WORDS or owner == ")"
                                              or owner[:-1] in TITLE_WORDS))  # drafta13: "the presidents of X and Y"


def word_before(token: int, words: list[str]) -> str:
    return words[token - 1] if token > 0 else ""
