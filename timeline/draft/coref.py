"""Who "the two sides", "they" and "the leaders" stand for before the article has told an event of several actors.

The roles (:mod:`timeline.draft.roles`) read such words as the actors of the last event with several
(``Context.last_group``). An article often opens with its pair as a subject ("Armenia and Azerbaijan are
discussing the date ... of an upcoming meeting of their foreign ministers") and goes on with "the leaders of the
two states", "the parties" before any meeting is drafted; the pair named first stands for them until an event of
several actors is told (drafta14). Only states, organisations and groups joined by "and" or a comma form a pair:
two persons named together are told by the pronoun rules (:mod:`timeline.draft.pronouns`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.draft.actors import Mention

#: The kinds of actor that make an article's pair.
PAIR_KINDS = frozenset(("state", "organization", "group"))
#: Words that may stand between the two names of a pair ("Russia and Ukraine", "Armenia, Azerbaijan").
JOINING = frozenset(("and", ",", "the"))
#: Words after a meeting's noun that give it to the clause's subject ("a meeting of their foreign ministers").
THEIR = (["of", "their"], ["between", "them"])


def named_pair(mentions: list[Mention], words: list[str], token_of: dict[int, int]) -> list[str]:
    """The first two actors of a pair kind joined by "and" or a comma in ``mentions`` (ids), or [].

    ``words`` are the sentence's lower-case tokens and ``token_of`` maps ``id(mention)`` to its first token. A
    sentence about mediation names no pair ("Egyptian and Qatari mediators", "the Oman-mediated talks"): the
    mediators are no sides.
    """
    if any(word.startswith("mediat") or "-mediated" in word for word in words):
        return []
    for one, other in zip(mentions, mentions[1:]):
        if one.kind not in PAIR_KINDS or other.kind not in PAIR_KINDS or one.actor == other.actor:
            continue
        between = words[token_of[id(one)] + 1:token_of[id(other)]]
        tail = [w for w in between if w not in JOINING]
        if between and ("and" in between or "," in between) and len(tail) <= len(one.text.split()) - 1:
            return [one.actor, other.actor]
    return []


def their_own(words: list[str], last: int) -> bool:
    """Whether a noun trigger ending before token ``last`` belongs to the clause's subject ("meeting of their")."""
    return words[last:last + 2] in THEIR


def other_side(named: list[str], group: list[str]) -> list[str]:
    """The rest of ``group`` when talks name one side of it ("Dialogue with the ELN started in 2018"), else []."""
    return [a for a in group if a not in named] if named and set(named) < set(group) else []
