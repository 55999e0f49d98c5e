"""Actors named in a sentence, matched against a dataset's ids, names and aliases (case and accents ignored).

Matching runs spaCy's :class:`~spacy.matcher.PhraseMatcher` over a copy of the
sentence folded character for character (lower case, accents and apostrophe
shapes removed, :func:`fold_chars`), so offsets stay those of the article. Names
written in capitals in the dataset ("US", "NSC") match only in capitals, so the
pronoun "us" is never the United States. The longest name wins where two overlap.

A name followed by a title and a person ("Kremlin aide Yury Ushakov", "Trump's
special envoy, Steve Witkoff") describes that person: it is dropped, and kept as
the affiliation of a person proposed as new. A demonym before a collective noun
("Russian forces") is the state. Unknown names of two or more capitalised words
(or one after a title) are proposed as new actors (:mod:`timeline.draft.proposing`);
states of :mod:`timeline.draft.gazetteer` are proposed when the dataset lacks them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.draft.countries import slug
from timeline.draft.describe import descriptions, pairs, plural_of, resolve, resolve_pair
from timeline.draft.folding import fold_chars, make_doc
from timeline.draft.gazetteer import (
    GAZETTEER_WORDS,
    GROUP_NOUNS,
    KINDS,
    NOT_ACTORS,
    NOT_NAMES,
    SEATS,
    STATES,
    TITLE_WORDS,
)
from timeline.draft.gender import marked_gender
from timeline.draft.groups import Sides
from timeline.draft.groups import descriptions as side_descriptions
from timeline.draft.nearby import drop_descriptions, first_name_follows, inside_name, named_texts, unnamed_speakers
from timeline.draft.organizations import defined_names, organization_names
from timeline.draft.pronouns import Subjects
from timeline.draft.proposing import Mention, Proposing
from timeline.draft.spelling import same_first_name
from timeline.draft.unlisted import Unlisted
from timeline.names import fold

if TYPE_CHECKING:
    from timeline.draft.sentences import Sentence
    from timeline.model import Dataset

_ACRONYM = re.compile(r"[A-Z][A-Z0-9.]{1,6}")
#: A description set off by commas after a name: ", the head of European diplomacy and EU envoy,".
_APPOSITIVE = re.compile(r"\s*,\s+(?:the|a|an|who)\s+[^,;]{1,160},")  # drafta9: "..., who leads the LNA in ...,"
#: A person's government: "Maduro's government", "the Netanyahu government", "Trump's administration".
_GOVERNED = re.compile(r"(?:['’]s)?\s+(?:government|regime|administration|cabinet)\b")
#: Words that name the sides of a meeting told before: no side of a new one.
_PARTIES = frozenset(("the two sides", "both sides", "the two parties", "the parties", "both parties",
                      "both delegations", "the two delegations", "both leaders", "the two leaders"))
_NAME_GOVERNED = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:government|regime|administration)\b")
#: A dateline: the place in capitals, maybe a date and the agency, then a dash ("CAIRO – 13 April 2025:",
#: "CARACAS, Nov 1, 2024 (BSS/AFP) -", "(ANSA) - BELGRADE, JUN 24 -"); or the place and the agency
#: between bars ("Abuja, Nigeria | Xinhua |").
_DATELINE = re.compile(r"(?:\([A-Za-z/ -]{2,30}\)\s*[–—-]\s*)?"  # "(ANSA) - "
                       r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .,]{0,30}?)?\s*(?:\([^)]{1,40}\))?\s*[–—-]\s*"
                       r"(?:[\w ,]{1,30}:)?"
                       r"|[A-Z][\w .'-]{1,30}(?:,\s*[A-Z][\w .'-]{1,30})?\s*\|\s*[\w .-]{2,30}\|")  # "Abuja | Xinhua |"


@dataclass
class ActorIndex(Unlisted, Proposing):
    """The names drafting recognises: the dataset's actors, then the gazetteer's states, then new names.

    ``proposed`` holds the actors met in the article and missing from the
    dataset, as mappings ready for a dataset file (``id``, ``name``, ``kind``,
    optional ``affiliation``).
    """

    kinds: dict[str, str] = field(default_factory=dict)
    names: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # folded name -> actor id -> how
    proposed: dict[str, dict[str, str]] = field(default_factory=dict)
    affiliations: dict[str, str] = field(default_factory=dict)  # actor id -> the state it rolls up to
    titles: dict[str, str] = field(default_factory=dict)  # person id -> title, lower case
    recent: list[str] = field(default_factory=list)  # persons named so far, the last named last
    first_words: dict[str, set[str]] = field(default_factory=dict)  # person id -> first words of their names
    parts: set[str] = field(default_factory=set)  # one word of a new person's name, recognised alone ("Trump")
    sides: Sides = field(default_factory=Sides)  # the sides named so far, for "the government", "the rebels"
    subjects: Subjects = field(default_factory=Subjects)  # the last sentence's subject, for "He", "They"
    told: list[tuple[int, int, str, list[str]]] = field(default_factory=list)  # sentences: offsets, text, actors
    speakers: dict[str, Mention] = field(default_factory=dict)  # "source" -> the side of "a US source" told last
    _gazetteer: dict[str, str] = field(default_factory=dict)
    _matchers: tuple = ()

    @classmethod
    def build(cls, dataset: Dataset | None) -> ActorIndex:
        """The index of ``dataset``'s actors (or of none), with the gazetteer's states."""
        index = cls()
        for actor in (dataset.actors.values() if dataset else ()):
            index.kinds[actor.id] = actor.kind
            if actor.title:
                index.titles[actor.id] = fold(actor.title)
            index._add(actor.name, actor.id, "name")
            index.first_words[actor.id] = {fold_chars(n.split()[0]) for n in (actor.name, *actor.aliases) if " " in n}
            if len(actor.id) > 3:
                index._add(actor.id.replace("-", " "), actor.id, "id")
            for alias in actor.aliases:
                index._add(alias, actor.id, "alias")
        for state_id, words in STATES.items():
            known = index.lookup(words[0])
            if words[1]:
                index._gazetteer[fold(words[1])] = known or state_id
            for word in (words[0], *words[2:]):
                if index.lookup(word) is None:
                    index._gazetteer.setdefault(fold(word), known or state_id)
        for state_id, seats in SEATS.items():
            for seat in seats:
                if index.lookup(seat) is None:
                    index._gazetteer.setdefault(fold(seat), index.lookup(STATES[state_id][0]) or state_id)
        index.affiliations = {a.id: a.affiliation or a.id for a in dataset.actors.values()} if dataset else {}
        return index

    def _add(self, name: str, actor: str, how: str) -> None:
        if name.strip():
            self.names.setdefault(name if _ACRONYM.fullmatch(name) else fold_chars(name), {}) \
                .setdefault(actor, set()).add(how)

    def lookup(self, name: str) -> str | None:
        """The id the dataset gives ``name`` (case and accents ignored), or None."""
        ids = self.names.get(name) or self.names.get(fold_chars(name))
        return _best(ids) if ids else None

    def find(self, sentence: Sentence) -> list[Mention]:
        """The actors named in ``sentence``, in order, without overlaps."""
        from spacy.util import filter_spans

        folded, exact = self._matcher()
        text = sentence.line[sentence.span.start_char:sentence.span.end_char]
        base = sentence.origin + sentence.span.start_char
        doc = make_doc(fold_chars(text))
        spans = [doc[s:e] for _key, s, e in folded(doc)]
        original = make_doc(text)
        spans += [original[s:e] for _key, s, e in exact(original)]
        mentions = []
        for span in filter_spans(spans):
            key = span.text if _ACRONYM.fullmatch(span.text) else fold_chars(span.text)
            longer = inside_name(text, span.start_char, span.end_char)
            if longer and (key in self.parts or self.kinds.get(_best(self.names[key])) in ("organization", "group")
                           or self._other_first_name(text[:span.start_char], _best(self.names[key]))):
                continue  # "Mohamed" (of "Mohamed Abu-Namo") in "Mohamed Dagalo"; "[Supreme] National Security Council"
            actor = _best(self.names[key])
            if self.kinds.get(actor) == "state" and first_name_follows(text, span.start_char, span.end_char):
                continue  # "Israel Ramírez Pineda": a person's first name
            mentions.append(Mention(base + span.start_char, base + span.end_char, text[span.start_char:span.end_char],
                                    actor, self.kinds.get(actor, "person")))
        mentions = self._organizations(text, base, mentions)
        mentions += self._states(text, base, mentions)
        mentions = sorted(mentions, key=lambda m: m.start)
        mentions += self._new_names(sentence, base, mentions)
        mentions = drop_descriptions(sorted(mentions, key=lambda m: m.start), text, base, self._affiliate)
        mentions = self._appositives(text, base, mentions)
        mentions = self._described(text, base, mentions)
        dateline = _DATELINE.match(text)
        if dateline:  # "ISLAMABAD (Dunya News) –": where the article was filed, no actor of its events
            mentions = [m for m in mentions if m.start >= base + dateline.end()]
        mentions = named_texts(mentions, text, base)  # drafta13: "the Minsk agreements" names no party
        mentions = self._sides_named(text, base, mentions)
        mentions = self._governments_of_persons(text, base, mentions)
        mentions = unnamed_speakers(text, base, mentions, self.speakers)  # drafta11: "a US source ... the source"
        for m in mentions:  # drafta9: "Ms Leavitt", "spokeswoman Ortagus": the gender the text marks, for he/she
            if m.kind == "person" and m.actor not in self.subjects.genders:
                mark = marked_gender(text[max(0, m.start - base - 30):m.start - base],
                                     self.proposed.get(m.actor, {}).get("title"))
                if mark:
                    self.subjects.genders[m.actor] = mark
        mentions = self.subjects.resolve(text, base, mentions)
        self.told.append((sentence.start, sentence.end, text, [m.actor for m in mentions]))
        self.sides.meeting(text, [(m.actor, m.kind, self.state_of(m.actor), text[max(0, m.start - base - 30):
                                                                                  m.start - base],
                                   text[m.end - base:m.end - base + 12]) for m in mentions
                                  if m.text.lower() not in _PARTIES])
        self.recent.extend(m.actor for m in mentions if m.kind == "person")
        return mentions

    def _organizations(self, text: str, base: int, found: list[Mention]) -> list[Mention]:
        """``found`` with the organisations named with "of" ("Organization of American States") in place of
        the names inside them; a state's ministry ("Ministry of Foreign Affairs of Qatar") is the state."""
        demonyms = frozenset(words[1] for words in STATES.values() if len(words) > 1)
        for org in sorted({*organization_names(text), *defined_names(text, demonyms, GROUP_NOUNS)}):
            start, end = base + org.start, base + org.end
            if self.lookup(org.name) or fold(org.name) in self._gazetteer \
                    or any(m.start < end and start < m.end and not start <= m.start < m.end <= end for m in found):
                continue  # a name known as a whole ("League of Arab States"), or one across its edge
            if org.office:
                actor = self._state_of_word(org.owner)
                if actor is None:
                    continue
                kind = self.kinds.get(actor) or KINDS.get(actor, "state")
                if actor not in self.kinds and actor in STATES:
                    self.proposed.setdefault(actor, {"id": actor, "name": STATES[actor][0], "kind": kind})
            else:
                actor, kind = self._propose_organization(org.name, org.acronym), "organization"
            found = [m for m in found if not start <= m.start < m.end <= end]
            found.append(Mention(start, end, org.name, actor, self.kinds.get(actor, kind), actor in self.kinds))
        return found

    def _propose_organization(self, name: str, acronym: str) -> str:
        """The id of a new organisation (its acronym's, else its name's), proposed and remembered by both."""
        ident = slug(acronym) if acronym and acronym not in NOT_ACTORS else slug(name)
        if ident in self.kinds and ident not in self.proposed:
            ident = slug(name)
        self.proposed.setdefault(ident, {"id": ident, "name": name, "kind": "organization"})
        initials = "".join(word[0] for word in name.split() if word[0].isupper())
        for words in (name, acronym, initials if len(initials) > 2 else ""):
            if words and words not in NOT_ACTORS:
                self._remember(words, ident, "organization")
        return ident

    def _sides_named(self, text: str, base: int, mentions: list[Mention]) -> list[Mention]:
        """Add the sides named again by what they are ("the government", "the rebels"), counting each mention."""
        found = [f for f in side_descriptions(text)
                 if not any(m.start < base + f.end() and base + f.start() < m.end for m in mentions)]
        added = []
        for item in sorted([*mentions, *found], key=lambda x: x.start if isinstance(x, Mention) else base + x.start()):
            if isinstance(item, Mention):
                self.sides.named(item.actor, item.kind, text[max(0, item.start - base - 20):item.start - base],
                                 text[item.end - base:item.end - base + 40], self.state_of(item.actor))
                continue
            for actor in self.sides.sides_of(item["words"]):
                kind = self.kinds.get(actor) or self.proposed.get(actor, {}).get("kind", "organization")
                added.append(Mention(base + item.start(), base + item.end(), item.group(0), actor, kind,
                                     actor in self.kinds))
        return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions

    def _governments_of_persons(self, text: str, base: int, mentions: list[Mention]) -> list[Mention]:
        """A person's government, regime or administration ("Maduro's government") as the state it governs.

        The state the person rolls up to, else the state whose government or opposition the article
        named; the person where neither is known.
        """
        for number, mention in enumerate(mentions):
            owned = _GOVERNED.match(text, mention.end - base) if mention.kind == "person" else None
            state = self.state_of(mention.actor) if owned else None
            if state == mention.actor or state is not None and (self.kinds.get(state) or KINDS.get(state, "state")
                                                               if state in self.kinds or state in STATES
                                                               else self.proposed.get(state, {}).get("kind")) != "state":
                state = self.sides.own.get("government")
            if owned and state:
                self._propose_state(state)
                mentions[number] = Mention(mention.start, base + owned.end(), text[mention.start - base:owned.end()],
                                           state, "state", state in self.kinds)
        state = self.sides.own.get("government")
        for found in _NAME_GOVERNED.finditer(text) if state else ():  # a name not proposed: "Maduro's government"
            start, end = base + found.start(), base + found.end()
            if found.group(1) not in NOT_NAMES and fold(found.group(1)) not in self._gazetteer \
                    and not any(m.start < end and start < m.end for m in mentions):
                self._propose_state(state)
                mentions.append(Mention(start, end, found.group(0), state, "state", state in self.kinds))
        return sorted(mentions, key=lambda m: m.start)

    def _propose_state(self, state: str) -> None:
        """Propose a state of the gazetteer that the dataset lacks, once."""
        if state not in self.kinds and state in STATES:
            self.proposed.setdefault(state, {"id": state, "name": STATES[state][0], "kind": KINDS.get(state, "state")})

    def _appositives(self, text: str, base: int, mentions: list[Mention]) -> list[Mention]:
        """Leave out what describes a person named just before ("Lajčák, the head of EU diplomacy, will ...")."""
        for person in [m for m in mentions if m.kind == "person"]:
            found = _APPOSITIVE.match(text, person.end - base)
            if found is None:
                continue
            inside = [m for m in mentions if base + found.start() <= m.start < base + found.end() and m.kind != "person"]
            for mention in inside[:1]:
                self._affiliate(person.actor, mention.actor)
            mentions = [m for m in mentions if m not in inside]
        return mentions

    def _described(self, text: str, base: int, mentions: list[Mention]) -> list[Mention]:
        """Add the persons named by description ("the Russian leader"), in place of the state words inside."""
        for found in descriptions(fold_chars(text), text, self._state_of_word, self._side_of_person):
            start, end = base + found.start, base + found.end
            recent = self.recent + [m.actor for m in mentions if m.kind == "person" and m.end <= start]
            person = resolve(found, recent, self.titles, self.state_of)
            others = [m for m in mentions if m.start < end and start < m.end and m.kind == "person"
                      and not (found.owned and m.start == start)]  # "Putin's spokesman": Putin is the owner
            if person is None and found.owned and found.state and not others:  # drafta9: someone of his side
                person = found.state
            if person is None or others:
                continue
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            mentions.append(Mention(start, end, text[found.start:found.end], person, self.kinds.get(person, "person")))
            mentions.sort(key=lambda m: m.start)
        for found in plural_of(fold_chars(text), self._state_of_word):  # drafta13: "the leaders of A and B"
            start, end = base + found.start, base + found.end
            person = resolve(found, self.recent, self.titles, self.state_of)
            if person is not None and not any(m.start < end and start < m.end and m.kind == "person" for m in mentions):
                mentions = [m for m in mentions if not (m.start < end and start < m.end)]
                mentions.append(Mention(start, end, text[found.start:found.end], person, self.kinds.get(person, "person")))
                mentions.sort(key=lambda m: m.start)
        for found in pairs(fold_chars(text)):
            start, end = base + found.start, base + found.end
            if any(m.start < end and start < m.end for m in mentions):
                continue
            recent = self.recent + [m.actor for m in mentions if m.kind == "person" and m.end <= start]
            mentions += [Mention(start, end, text[found.start:found.end], person, "person")
                         for person in resolve_pair(found, recent, self.titles)]
            mentions.sort(key=lambda m: m.start)
        return mentions

    def _other_first_name(self, before: str, actor: str) -> bool:
        """Whether the capitalised word before a person's name is a first name not theirs ("Ivanka Trump")."""
        word = re.search(r"([A-Z][\w'’-]+)[ \t]+$", before)
        if word is None or self.kinds.get(actor) != "person" or word.group(1) in NOT_NAMES \
                or word.group(1).lower() in TITLE_WORDS or fold(word.group(1)) in GAZETTEER_WORDS:
            return False
        return not any(same_first_name(word.group(1), first) for first in self.first_words.get(actor, ()))

    def _remember(self, name: str, actor: str, kind: str = "person") -> None:
        """Recognise ``name`` as ``actor`` from now on (the surname of a person proposed as new, an acronym)."""
        if self.lookup(name) is not None or fold(name) in self._gazetteer or name in NOT_NAMES:
            return
        self._add(name, actor, "name")
        self.kinds.setdefault(actor, kind)
        if kind == "person" and " " not in name:
            self.parts.add(fold_chars(name))
        if self._matchers:
            acronym = bool(_ACRONYM.fullmatch(name))
            self._matchers[acronym].add("ACTOR", [make_doc(name if acronym else fold_chars(name))])

    def _affiliate(self, person: str, actor: str) -> None:
        """Record that a person proposed as new belongs to ``actor`` ("Kremlin aide Yury Ushakov")."""
        proposed = self.proposed.get(person)
        if proposed is not None and self.kinds.get(actor) != "person" and person != actor:
            proposed.setdefault("affiliation", actor)

    def _state_of_word(self, words: str) -> str | None:
        """The state a state's word stands for ("russian", "kremlin", "us"), or None."""
        words = re.sub(r"['’]s$", "", words)  # "Thailand's acting Prime Minister"
        state = self._gazetteer.get(fold(words))
        known = self.lookup(words) or self.lookup(words.upper())
        if state is None and known is not None and self.kinds.get(known) in ("state", "organization"):
            state = known
        return self.state_of(state) if state else None

    def _side_of_person(self, word: str) -> str | None:
        """The state of the person a name names ("putin" -> "russia"), or None (no person, or of no state)."""
        actor = self.lookup(word)
        state = self.state_of(actor) if actor and self.kinds.get(actor, "person") == "person" else None
        return state if state != actor else None

    def state_of(self, actor: str) -> str:
        """The state (or the top organisation) ``actor`` rolls up to through affiliations."""
        for _hop in range(4):
            up = self.affiliations.get(actor) or self.proposed.get(actor, {}).get("affiliation")
            if not up or up == actor:
                break
            actor = up
        return actor

    def _matcher(self) -> tuple:
        if not self._matchers:
            from spacy.matcher import PhraseMatcher

            from timeline.draft.sentences import pipeline

            vocab = pipeline().vocab
            folded, exact = PhraseMatcher(vocab), PhraseMatcher(vocab)
            for name in self.names:
                (exact if _ACRONYM.fullmatch(name) else folded).add("ACTOR", [make_doc(name)])
            self._matchers = folded, exact
        return self._matchers

def _best(ids: dict[str, set[str]]) -> str:
    """The actor a name most likely means: one whose own name it is, then the first id."""
    named = sorted(actor for actor, how in ids.items() if "name" in how or "id" in how)
    return named[0] if named else sorted(ids)[0]
