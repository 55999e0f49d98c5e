"""People named by description, not by name: "the president", "the US envoy", "the Russian leader".

News style names a person once, then by role. A description is a determiner
("the", or a state's possessive: "Russia's"), optionally a state's word
(demonym, name, capital or seat: "US", "Russian", "Kremlin"), optionally
qualifiers ("special", "top"), and a role noun of :data:`ROLES`. It stands for
the person named last before it whose title fits the role (the dataset's
``title``, or the title words the article put before a new name) and, when the
description names a state, who belongs to that state. A description followed
by a name ("the US envoy Steve Witkoff") is no reference: the name is there.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Role noun of a description -> words of the titles it fits (any one of them, in the title's words).
ROLES: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "leader": ("president", "prime minister", "chancellor", "leader", "king", "emir", "premier", "ayatollah"),
    "head of state": ("president", "king", "emir"),
    "prime minister": ("prime minister", "premier"),
    "premier": ("prime minister", "premier"),
    "chancellor": ("chancellor",),
    "envoy": ("envoy",),
    "special envoy": ("envoy",),
    "negotiator": ("negotiator", "envoy", "head of"),
    "foreign minister": ("foreign minister", "secretary of state", "foreign secretary", "minister of foreign"),
    "top diplomat": ("foreign minister", "secretary of state", "foreign secretary", "minister of foreign"),
    "secretary of state": ("secretary of state",),
    "defence minister": ("defence minister", "defense minister", "secretary of defense", "minister of defence"),
    "defense minister": ("defence minister", "defense minister", "secretary of defense", "minister of defence"),
    "minister": ("minister",),
    "secretary": ("secretary",),
    "press secretary": ("spokesman", "spokeswoman", "spokesperson", "press secretary"),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson", "press secretary"),
    "spokeswoman": ("spokesman", "spokeswoman", "spokesperson", "press secretary"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson", "press secretary"),
    "aide": ("aide", "adviser", "advisor"),
    "adviser": ("adviser", "advisor", "aide"),
    "advisor": ("adviser", "advisor", "aide"),
    "ambassador": ("ambassador",),
    "general": ("general", "chief of"),
    "vice president": ("vice president",),
    "secretary-general": ("secretary-general", "secretary general"),
    "chief": ("chief", "director", "head", "secretary-general", "secretary general", "chairman", "chair", "leader"),
    "head": ("head", "chief", "director", "chairman", "chair", "leader"),
    "director general": ("director general", "director-general"),
    "director-general": ("director general", "director-general"),
    "chairman": ("chairman", "chair", "chairperson"),
    "commander": ("commander", "general", "chief of"),
    "mediator": ("mediator", "envoy"),
    "army chief": ("army chief", "chief of army", "chief of the army", "chief of staff", "army"),
    "secretary general": ("secretary-general", "secretary general"),
}
QUALIFIERS = ("special", "top", "chief", "senior", "lead", "main", "new", "veteran", "presidential")
_ROLE = "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
#: A description, in folded (lower-case, accent-free) text; group 1 the state's words, 2 the role.
_DESCRIPTION = re.compile(
    rf"\b(?:the|(?P<owner>[a-z][a-z.]*)'s)\s+(?:(?P<state>[a-z][a-z.]*(?: [a-z][a-z.]*)?)\s+)??"
    rf"(?:(?:{'|'.join(QUALIFIERS)})\s+)*(?P<role>{_ROLE})s?\b")


#: "the two leaders", "both presidents": two people named before, by their common role.
_PAIR = re.compile(rf"\b(?:the two|both(?: the)?|the)\s+(?P<role>{_ROLE})s\b(?! of)")


#: "the leaders of Russia and Ukraine", "the foreign ministers of Armenia and Azerbaijan": one person of each state.
_PLURAL_OF = re.compile(rf"\b(?:the (?:two )?|both )(?P<role>{_ROLE})s of (?:the )?(?P<a>[a-z][a-z.-]*(?: [a-z][a-z.-]*)?)"
                        rf" and (?:the )?(?P<b>[a-z][a-z.-]*(?: [a-z][a-z.-]*)?)")


@dataclass(frozen=True)
class Description:
    """A description found in a sentence: offsets in the folded text, the state it names (an id) and the role."""

    start: int
    end: int
    state: str | None
    role: str
    owned: bool = False  # drafta9: the owner is a person ("Putin's spokesman"): someone of that person's side


def descriptions(folded: str, original: str, state_of_word: Callable[[str], str | None],
                 side_of_person: Callable[[str], str | None] = lambda _word: None) -> list[Description]:
    """The descriptions in ``folded`` (``original`` is the same text unfolded, to see capitals).

    ``state_of_word`` gives the state id of a state's word ("russian" -> "russia"), or None;
    ``side_of_person`` the state of a person's name ("putin" -> "russia": "Putin's spokesman"), or None.
    A description followed by a capitalised name, or whose modifier is no state's word, is left out.

    >>> [d.role for d in descriptions("the president said", "The president said", lambda w: None)]
    ['president']
    """
    found = []
    for match in _DESCRIPTION.finditer(folded):
        words = match.group("owner") or match.group("state")
        state = state_of_word(words) if words else None
        owned = state is None and bool(match.group("owner")) and not match.group("state")
        state = side_of_person(words) if owned else state
        if words and state is None:
            continue
        after = original[match.end():].lstrip(" ,")
        if after[:1].isupper() or (match.group("role") in ("president", "leader") and _plural(original, match)):
            continue  # "the US envoy Steve Witkoff": the name follows; "the presidents": several people
        start = match.start("owner") if match.group("owner") else match.start()
        of = re.match(r" of (?:the )?([a-z][a-z.]*(?: [a-z]+)?)", folded[match.end():])
        if state is None and of:
            state = state_of_word(of.group(1)) or state_of_word(of.group(1).split(" ")[0])
        found.append(Description(start, match.end(), state, match.group("role"), owned))
    return found


def pairs(folded: str) -> list[Description]:
    """The descriptions of two people in ``folded`` ("the two leaders", "the leaders"), without a state."""
    return [Description(m.start(), m.end(), None, m.group("role")) for m in _PAIR.finditer(folded)]


def plural_of(folded: str, state_of_word: Callable[[str], str | None]) -> list[Description]:
    """The descriptions of one person of each of two states ("the leaders of Russia and Ukraine"), each spanning its
    state's name in ``folded``; a word that names no state gives none (drafta13)."""
    found = []
    for match in _PLURAL_OF.finditer(folded):
        for group in ("a", "b"):
            words = match.group(group)
            for text in (words, words.split(" ")[0]):  # "united states", else "ukraine" of "ukraine expected"
                state = state_of_word(text)
                if state:
                    start = match.start(group)
                    found.append(Description(start, start + len(text), state, match.group("role")))
                    break
    return found


def resolve(description: Description, recent: list[str], titles: dict[str, str],
            state_of: Callable[[str], str | None]) -> str | None:
    """The person ``description`` stands for, or None.

    The last of ``recent`` (oldest first) whose title fits; failing that, when the description names a
    state, the one person of ``titles`` whose title fits and who belongs to that state ("the Russian
    leader" before the article names Putin). ``titles`` maps person ids to their titles in lower case;
    ``state_of`` an actor id to its state.
    """
    for person in reversed(recent):
        if _fits(description, person, titles, state_of):
            return person
    if description.state is None:
        return None
    known = [person for person in titles if _fits(description, person, titles, state_of)]
    if len(known) > 1:  # drafta13: "the leader of Ukraine" is its president before its prime minister
        known = [person for person in known if ROLES[description.role][0] in titles[person].split(" of ")[0]]
    return known[0] if len(known) == 1 else None


def resolve_pair(description: Description, recent: list[str], titles: dict[str, str]) -> list[str]:
    """The two people "the two leaders" stands for: the last two of ``recent`` whose titles fit, or []."""
    found: list[str] = []
    for person in reversed(recent):
        if person not in found and _fits(description, person, titles, lambda _actor: None):
            found.insert(0, person)
        if len(found) == 2:
            return found
    return []


def _fits(description: Description, person: str, titles: dict[str, str], state_of: Callable[[str], str | None]) -> bool:
    title = re.split(r"[;,]| to ", titles.get(person, ""))[0]  # "aide to the russian president" is an aide
    head = title.split(" of ")[0]  # "special envoy of us president donald trump" is an envoy
    if "vice president" in head and description.role != "vice president" or re.search(r"\bdeputy\b", head):
        return False  # drafta13: "the foreign minister" is no deputy foreign minister
    if not any(re.search(rf"\b{re.escape(word)}", title if " of" in word else head) for word in ROLES[description.role]):
        return False
    return description.state is None or state_of(person) == description.state


def _plural(original: str, match: re.Match) -> bool:
    return original[match.end() - 1:match.end()] == "s"
