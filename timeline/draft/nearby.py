"""What the words beside a name say about it: part of a longer name, a state's group, or a description.

Helpers of :class:`timeline.draft.actors.ActorIndex`: "Mohamed" inside "Mohamed Dagalo" is no
one of its own; "Russian" before "forces" is the state; "Kremlin aide" before "Yury Ushakov"
describes the person and is dropped, kept as the person's affiliation.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from timeline.draft.describe import ROLES
from timeline.draft.gazetteer import (
    GAZETTEER_WORDS,
    GROUP_NOUNS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    PORTFOLIO_WORDS,
    STATES,
    TITLE_WORDS,
)
from timeline.draft.modality import IRREGULAR_PAST
from timeline.draft.proposing import GLUE, Mention
from timeline.names import fold

#: Titles after a demonym that stand for the state when nobody is named ("the Egyptian foreign minister said").
ROLE_HEADS = frozenset({role.split()[-1] for role in ROLES} | {"prime", "king", "emir", "premier", "chief"})
_BETWEEN = re.compile(r"[\w.'’-]+|,")
#: Words that end a description: "Europe's counter-proposal, with Putin" is no title of Putin.
_NOT_TITLES = frozenset(("with", "and", "of", "to", "by", "for", "in", "on", "at", "from", "as", "that", "said",
                         "says", "plan", "proposal", "counter-proposal", "draft", "offer", "deal", "demands"))
#: Nouns of what a state does or offers, after its demonym: "the European counter-proposal", "Russian strikes".
OWNED_NOUNS = frozenset(("proposal", "proposals", "counter-proposal", "counterproposal", "plan", "offer", "draft",
                         "initiative", "strikes", "attack", "attacks", "demands", "position", "side", "counter",
                         # what a state's forces do, told by its adjective: "a Russian strike", "Israeli shelling"
                         "strike", "airstrike", "airstrikes", "offensive", "counteroffensive", "invasion", "blockade",
                         "shelling", "bombardment", "bombing", "bombings", "raid", "raids", "incursion", "assault",
                         "missile", "missiles", "drone", "operation", "operations", "warplanes", "jets", "shells",
                         "occupation", "annexation", "aggression", "response", "retaliation", "request", "demand",
                         "refusal", "rejection", "guarantees", "pledge", "commitment", "threat", "threats"))


#: Texts and talks named after the city where they were agreed or held ("the Minsk agreements", "the Algiers
#: accord", "the Geneva International Discussions", drafta13).
NAMED_TEXTS = re.compile(r"\s+(?:peace\s+|International\s+)?(?:agreements?|accords?|declaration|protocol|memorandum|"
                         r"format|process|framework|understanding|[Tt]alks|[Dd]iscussions|[Nn]egotiations)\b")


def named_texts(mentions: list[Mention], text: str, base: int) -> list[Mention]:
    """``mentions`` without a state's city that names a text or a process ("the Minsk agreements", "the
    Washington accords"): the place it was agreed, no party to it. A state's own name or demonym stays ("the
    Russian proposal" is Russia's)."""
    kept = []
    for mention in mentions:
        names = STATES.get(mention.actor, ())[:2]
        city = bool(names) and fold(mention.text) not in {fold(n) for n in names if n}
        if city and text[:mention.start - base].rstrip().lower().endswith("the") \
                and NAMED_TEXTS.match(text, mention.end - base):
            continue
        kept.append(mention)
    return kept


def inside_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``text`` is one word of a longer name: a capitalised word beside it."""
    after = re.match(r"[ \t]+((?:(?:al|el|bin|ibn|de|van|von)[- ])?[A-Z][\w'’-]*)", text[end:])
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[:start])
    return any(m is not None and m.group(1) not in NOT_NAMES and m.group(1).lower() not in TITLE_WORDS
               and fold(m.group(1)) not in GAZETTEER_WORDS for m in (after, before))


def group_follows(text: str, end: int, demonyms: set[str]) -> bool:
    """Whether a collective noun follows a demonym, maybe after others and a portfolio.

    "Egyptian and Qatari mediators", "the Qatari Foreign Ministry", "Russian forces".
    """
    words = [re.sub(r"['’]s$", "", word) for word in re.findall(r"[\w'’]+|,", text[end:end + 120])]
    at = 0
    while at < len(words) and (words[at] in (",", "and") or words[at] in demonyms or _state_word(words[at])):
        at += 1  # "Israeli and US strikes", "Russian, Ukrainian and Turkish military delegations"
    while at < len(words) and words[at].lower() in PORTFOLIO_WORDS and words[at].lower() not in GROUP_NOUNS:
        at += 1
    if at >= len(words):
        return False
    if words[at].lower() in GROUP_NOUNS | OWNED_NOUNS:
        return True
    if words[at].lower() not in ROLE_HEADS:
        return False
    while at < len(words) and words[at].lower() in TITLE_WORDS | ROLE_HEADS:
        at += 1  # "the Egyptian foreign minister said": nobody named after the title
    return at == len(words) or not (words[at][:1].isupper() or words[at] in ("and", ","))


def _state_word(word: str) -> bool:
    """Whether ``word`` names a state or bloc by its acronym or the gazetteer's name ("US", "EU", "Turkey")."""
    return bool(re.fullmatch(r"[A-Z]{2,4}|U\.S\.?|U\.K\.?", word)) or word[:1].isupper() and fold(word) in GAZETTEER_WORDS


def first_name_follows(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word that is no title, group or place follows ``end``: "Israel [Ramírez] Pineda".

    A state's name before such a word is a person's first name ("Israel Ramírez Pineda", "Jordan
    Bardella", "Georgia Meloni"), not the state.
    """
    after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end:])
    if after is None or re.search(r"\b(?:to|of|in|from|for|at|with|by|and)\s+$", text[:start]):
        return False  # "Ambassador to Malaysia Ouyang Yujing": a place before a name
    word = after.group(1)
    return word not in NOT_NAMES and word.lower() not in TITLE_WORDS | GROUP_NOUNS | ORGANIZATION_WORDS \
        and fold(word) not in GAZETTEER_WORDS and not word.isupper()


def drop_descriptions(mentions: list[Mention], text: str, base: int,
                       affiliate: Callable[[str, str], None]) -> list[Mention]:
    """Leave out names that only describe the person named next ("U.S. President Donald Trump").

    ``affiliate(person, actor)`` is told that the person belongs to the actor of the description.
    """
    kept = []
    for here, after in zip(mentions, [*mentions[1:], None]):
        if after is not None and after.kind == "person" and here.actor != after.actor:
            between = _BETWEEN.findall(text[here.end - base:after.start - base])
            titles = [word for word in between if word.lower() not in GLUE]
            possessive = any(word in ("'s", "’s") for word in between) and all(  # "Sudan's Sovereign Council Chairman"
                (w.islower() and w not in _NOT_TITLES and not _verb(w)) or w in ("'s", "’s", ",") or w[:1].isupper()
                for w in between)
            described = all(w.lower() in TITLE_WORDS | ORGANIZATION_WORDS for w in titles)  # "Foreign Ministry spokesperson"
            if titles and len(between) <= 6 and (possessive or described):
                affiliate(after.actor, here.actor)
                continue
        kept.append(here)
    return kept


def _verb(word: str) -> bool:
    """Whether a lower-case word is a past verb ("Ukraine's negotiators met Witkoff": no title of Witkoff, draft8)."""
    return word.endswith("ed") or word in IRREGULAR_PAST


#: An unnamed speaker of the side named just before: "a US source", "a senior Hamas official" (drafta11).
_UNNAMED = re.compile(r"\s+(?:senior\s+|top\s+|high-ranking\s+|government\s+|security\s+|diplomatic\s+|military\s+)?"
                      r"(?P<noun>source|official|diplomat)s?\b")
#: The same speaker told again: "said the source", "the official added"; not "the source of", nor a title
#: before a name ("the official Nabil Amr").
_UNNAMED_AGAIN = re.compile(r"\b[Tt]he (?P<noun>source|official|diplomat)s?\b(?! of\b)(?!\s+[A-Z])")


def unnamed_speakers(text: str, base: int, mentions: list[Mention], speakers: dict[str, Mention]) -> list[Mention]:
    """``mentions`` with "the source" (official, diplomat) as the side of the last "a <side> source" told.

    ``speakers`` maps each noun to the mention of the side last named before it (updated from ``text``); a noun
    whose side the article has not named stays nobody. ``base`` is ``text``'s offset in the article.
    """
    added = []
    for found in _UNNAMED_AGAIN.finditer(text):
        start, end = base + found.start(), base + found.end()
        side = speakers.get(found["noun"])
        if side and not any(m.start < end and start < m.end for m in mentions):
            added.append(Mention(start, end, found.group(0), side.actor, side.kind, side.known))
    for mention in mentions:
        told = _UNNAMED.match(text, mention.end - base) if mention.kind != "person" else None
        if told:
            speakers[told["noun"]] = mention
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions
