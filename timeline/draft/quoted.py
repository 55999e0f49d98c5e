"""Events told inside quotations: "The American side proposed ..., and Ukraine accepted", "we welcome".

A trigger inside a quotation is what was said, not who said it (:mod:`timeline.draft.events`
leaves it out), unless its subject is named in the quotation just before it or is the speaker
("we", "I") performing an act by saying it. The speaker is the source of the sentence's reporting
verb, else the person named or meant ("he said") right after the quotation.
"""
from __future__ import annotations

import re

from timeline.draft import modality
from timeline.draft.clauses import QUOTE, SPEECH
from timeline.draft.dates import bound
from timeline.draft.drafted import Drafted
from timeline.draft.roles import Context
from timeline.draft.sentences import Sentence
from timeline.draft.triggers import Trigger
from timeline.vocabulary import EVENT_TYPES

#: Types of act a speaker performs by saying them in their own quoted words ("we welcome", "we reject").
QUOTED_ACTS = frozenset(("endorsement", "rejection", "acceptance", "appeal", "demand", "offer_to_mediate", "threat",
                         "proposal", "denial", "criticism", "accusation"))
#: Words inside a quotation that make its speaker the subject of the act.
FIRST_PERSON = frozenset(("we", "i", "our", "my"))
#: A reporting clause with a pronoun right after a quotation (", he said.").
_SAID_AFTER = re.compile(r"[\s,.]*(?:he|she|He|She|(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})) "
                         r"(?:said|says|added|told|stressed|noted|wrote)\b")


def quoted_acts(sentence: Sentence, found: list[Trigger], quoted: set[int], words: list[str], drafted: list[Drafted],
                 context: Context, quoted_mentions: list[tuple[int, str]]) -> list[Drafted]:
    """Events told inside a quotation: "The American side proposed ..., and Ukraine accepted", "we welcome".

    A trigger inside a quotation reports an event when its subject is named in the quotation just
    before it (the named actor acts), or when the speaker is its subject ("we", "I") and its type is
    an act done by saying it (:data:`QUOTED_ACTS`; the speaker acts). Names quoted just after the
    trigger are its target (or the other participants).
    """
    span = sentence.span
    if not quoted:
        return []
    acts = []
    for trigger in found:
        first, last = trigger.span.start - span.start, trigger.span.end - span.start
        if first not in quoted or trigger.type in SPEECH or trigger.type in ("statement", "visit") or trigger.nominal:
            continue
        named = [actor for token, actor in quoted_mentions if first - 5 <= token < first]
        objects = [actor for token, actor in quoted_mentions if last <= token < last + 6]
        if named:
            sources = named
        elif trigger.type in QUOTED_ACTS and FIRST_PERSON & set(words[max(0, first - 3):first]):
            sources = _speaker(sentence, trigger, drafted, context)
        else:
            continue
        roles = _quoted_roles(trigger.type, sources, objects)
        after = " ".join(words[last:last + 12])
        status = modality.status(trigger.type, words[max(0, first - 4):first], after)
        if roles and status:
            acts.append(Drafted(trigger.type, bound(context.published, status != "occurred"), status, roles,
                                sentence.text, sentence.start, sentence.end, trigger.span.text, 0.5,
                                at=trigger.span.start_char - span.start_char,
                                reach=trigger.span.end_char - span.start_char))
    return acts


def _quoted_roles(kind: str, sources: list[str], objects: list[str]) -> dict[str, list[str]] | None:
    """The roles of an event told in a quotation; None where a symmetric event names one side only."""
    sources = list(dict.fromkeys(sources))
    objects = [a for a in dict.fromkeys(objects) if a not in sources]
    if EVENT_TYPES[kind].symmetric:
        return {"participants": sources + objects} if len(sources + objects) >= 2 else None
    return {"source": sources, **({"target": objects} if objects else {})} if sources else None


def _speaker(sentence: Sentence, trigger: Trigger, drafted: list[Drafted], context: Context) -> list[str]:
    """Who speaks the quotation holding ``trigger``: the sentence's speaker, or "he said" after the quote."""
    for event in drafted:
        if event.type in SPEECH and event.roles.get("source") and not event.nominal:
            return list(event.roles["source"])
    closing = next((m.end() for m in QUOTE.finditer(sentence.line) if m.start() < trigger.span.start_char < m.end()),
                   None)
    said = _SAID_AFTER.match(sentence.line, closing) if closing is not None else None
    if said and said["name"] and context.lookup:  # ...," Peskov said.
        found = context.lookup(said["name"])
        return [found] if found else []
    return [context.last_person] if said and context.last_person else []
