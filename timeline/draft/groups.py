"""Sides named again by a common noun: "the government", "the rebels", "the armed group", "the opposition".

News names a side in full once ("the Colombian government", "the National
Liberation Army (ELN)", "Venezuela's opposition") and then by what it is. Such a
definite description stands for the side of its class named before in the same
article:

================================  ===========================================================
written                           the side it stands for
================================  ===========================================================
the government (delegation),      the state whose government the article named ("Colombian
the authorities, the regime       government", "the government of Sudan", "Maduro's
                                  government"), else the state whose opposition it named
the military, the army            the state whose army or forces it named, else as above
the rebels, the armed group,      the armed group or movement it has named most often (the
the group, the guerrillas, ...    last of those named as often): no bloc or agency ("UN")
the opposition                    the opposition it named last ("Venezuela's opposition")
================================  ===========================================================

Without such a side named earlier the words name nobody. A capitalised word
before them ("the Sudanese army") is read as a name by :mod:`timeline.draft.actors`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from timeline.draft.gazetteer import KINDS

#: Gazetteer organisations that are parties under arms, not blocs or agencies.
ARMED = frozenset(("hamas", "hezbollah", "houthis", "taliban", "islamic-jihad"))
#: Blocs, alliances and agencies: never "the group" or "the rebels".
BLOCS = frozenset(ident for ident in KINDS if ident not in ARMED)

#: The class of side each description stands for.
CLASSES: dict[str, str] = {
    **dict.fromkeys(("government", "government delegation", "government's delegation", "government side",
                     "authorities", "regime", "government negotiators",
                     "government team"), "government"),
    **dict.fromkeys(("military", "army", "armed forces", "security forces", "troops"), "military"),
    **dict.fromkeys(("rebels", "rebel group", "rebel movement", "armed group", "group", "guerrillas", "guerrilla",
                     "guerilla", "guerillas", "guerrilla group", "guerilla group", "insurgents", "insurgent group",
                     "militia", "militias", "militants", "movement", "junta", "military junta", "paramilitaries",
                     "fighters", "faction"), "armed"),
    "opposition": "opposition",
    **dict.fromkeys(("mediators", "mediator", "mediating countries", "mediating parties", "mediating states",
                     "guarantors"), "mediators"),  # drafta11
    **dict.fromkeys(("two sides", "two delegations", "two parties", "two leaders", "two countries", "two men",
                     "two ministers", "two presidents", "parties", "sides"), "parties"),
}
#: "both sides", "both delegations": the sides of the meeting told last, like "the two sides".
_BOTH = re.compile(r"\b[Bb]oth (?P<words>sides|delegations|parties|leaders|countries|men|ministers|presidents)\b")
#: Words that tell a meeting: its actors (but its host and mediator) are the sides "the two sides" names.
_MEETING = re.compile(r"\b(?:met|meet|meets|(?:meeting|talks|negotiations|summit|dialogue|call) (?:between|with|of)"
                      r"|held (?:talks|a meeting|a call|a summit)|spoke (?:with|to|by phone))\b", re.IGNORECASE)
#: Words before an actor that make it the host or mediator of a meeting, not one of its sides.
_NOT_A_SIDE = re.compile(r"(?:\bby|\bhost(?:ed|s)?|\bmediat\w*(?:\s+of)?|\bchair\w*|\bin|\bat|\bto)"
                         r"(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)
#: Words after an actor that make it the speaker who tells of the meeting: "..., Guaido said".
_SPEAKER = re.compile(r"[\s,]*(?:said|says|told|added|announced|tweeted|wrote)\b")
_DESCRIPTION = re.compile(r"\b[Tt]he (?P<words>" + "|".join(sorted(map(re.escape, CLASSES), key=len, reverse=True))
                          + r")(?![\w-])")
#: Nouns after a state's name or demonym that say the state's government or army was named.
_OWN = re.compile(r"(?:['’]s)?\s+(?:transitional\s+|interim\s+|federal\s+|central\s+)?"
                  r"(?P<noun>government|authorities|army|military|armed forces|forces|troops)\b")
#: "the government of" before a state's name.
_GOVERNMENT_OF = re.compile(r"\bgovernment of (?:the )?$", re.IGNORECASE)
#: Words after a side that name it a mediator ("Egyptian and Qatari mediators", "Qatar, the mediator,").
_MEDIATORS_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w-]+)?,?\s+(?:the\s+)?(?:mediators?|guarantors?|co-mediators?)\b")
#: Words before a side that name it a mediator ("mediated by Egypt and Qatar", "brokered by the US").
_MEDIATED_BY = re.compile(r"\b(?:mediated|brokered|facilitated|mediation of|mediation by)\s+(?:by\s+)?(?:the\s+)?"
                          r"(?:[A-Z][\w-]+(?:,\s+|\s+and\s+))?$")
#: A state's opposition: "Venezuela's opposition", "the Venezuelan opposition", "Belarus's main opposition".
OPPOSITION = re.compile(r"(?:['’]s)?\s+(?:main\s+|political\s+|democratic\s+|united\s+)?opposition\b")


@dataclass
class Sides:
    """What the article has named so far, for the descriptions that name it again."""

    states: Counter[str] = field(default_factory=Counter)  # state id -> times named (ordering only)
    groups: Counter[str] = field(default_factory=Counter)  # armed group id -> times named
    order: dict[str, int] = field(default_factory=dict)  # actor id -> when last named
    own: dict[str, str] = field(default_factory=dict)  # "government"/"military" -> the state whose it named
    opposition: str | None = None
    parties: list[str] = field(default_factory=list)  # the sides of the meeting told last
    mediators: list[str] = field(default_factory=list)  # who the article named as mediating, in order
    last: str | None = None  # the actor named last

    def named(self, actor: str, kind: str, before: str = "", after: str = "", state: str | None = None) -> None:
        """Count one mention of ``actor`` (of ``kind``) between ``before`` and ``after`` in its sentence.

        ``state`` is the state a person belongs to, for "Maduro's government".
        """
        self.order[actor] = len(self.order) + sum(self.states.values()) + sum(self.groups.values())
        own = _OWN.match(after)
        if kind == "state":
            self.states[actor] += 1
            if own:
                self.own["government" if own["noun"] in ("government", "authorities") else "military"] = actor
            elif _GOVERNMENT_OF.search(before):
                self.own["government"] = actor
        elif kind == "person" and own and own["noun"] == "government" and state and state != actor:
            self.own["government"] = state
        elif kind in ("organization", "group") and actor not in BLOCS:
            self.groups[actor] += 1
        listed = bool(re.search(r"(?:,|\band)\s+$", before)) and self.last in self.mediators  # "by Egypt and Qatar"
        if (_MEDIATORS_AFTER.match(after) or _MEDIATED_BY.search(before) or listed) and actor not in self.mediators:
            self.mediators.append(actor)  # drafta11: "Egyptian and Qatari mediators", "talks mediated by Qatar"
        self.last = actor

    def opposed(self, opposition: str, state: str) -> None:
        """Record ``state``'s opposition, named; the state is the government where none was named."""
        self.opposition = opposition
        self.own.setdefault("government", state)

    def meeting(self, text: str, named: list[tuple[str, str, str, str, str]]) -> None:
        """Remember the sides of a meeting ``text`` tells: the actors it names (``named``: the actor, its
        kind, the state it belongs to, the words before it, the words after), but its host, mediator,
        place and the speaker who tells of it. Persons count as their states where all of them have one.

        Two sides at least, else the meeting told before stays the one "the two sides" names.
        """
        if not _MEETING.search(text):
            return
        sides = [(actor, kind, state) for actor, kind, state, before, after in named
                 if not _NOT_A_SIDE.search(before) and not _SPEAKER.match(after)]
        by_state = all(kind != "person" or state != actor for actor, kind, state in sides)
        chosen = list(dict.fromkeys(state if by_state else actor for actor, _kind, state in sides))
        if len(chosen) >= 2:
            self.parties = chosen

    def sides_of(self, words: str) -> list[str]:
        """The actors ``the <words>`` or ``both <words>`` stands for: several for "the two sides"."""
        if CLASSES.get(words.lower(), "parties") == "parties":  # "both leaders"
            return list(self.parties)
        if CLASSES[words.lower()] == "mediators":  # drafta11: "the mediators said": those named as mediating
            return list(self.mediators) if words.lower().endswith("s") else self.mediators[-1:]
        actor = self.side(words)
        return [actor] if actor else []

    def side(self, words: str) -> str | None:
        """The actor ``the <words>`` stands for, or None when the article named no such side."""
        kind = CLASSES.get(words.lower(), "parties")
        if kind == "parties":
            return None
        if kind == "opposition":
            return self.opposition
        if kind == "mediators":
            return self.mediators[-1] if self.mediators else None
        if kind == "armed":
            return self._most(self.groups)
        if kind == "military" and "military" in self.own:
            return self.own["military"]
        return self.own.get("government")

    def _most(self, counts: Counter[str]) -> str | None:
        if not counts:
            return None
        return max(counts, key=lambda actor: (counts[actor], self.order.get(actor, 0)))


def descriptions(text: str) -> list[re.Match[str]]:
    """The definite descriptions of a side in ``text`` ("the government", "The rebels")."""
    return sorted([*_DESCRIPTION.finditer(text), *_BOTH.finditer(text)], key=lambda m: m.start())
