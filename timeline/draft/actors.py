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
(or one after a title) are proposed as new actors, with a kind guessed from
their words; states of :mod:`timeline.draft.gazetteer` are proposed when the
dataset lacks them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.draft.countries import slug
from timeline.draft.describe import descriptions, pairs, resolve, resolve_pair
from timeline.draft.gazetteer import (
    FAMILY_NAMES_FIRST,
    GAZETTEER_WORDS,
    GROUP_NOUNS,
    KINDS,
    NOT_ACTORS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    PORTFOLIO_WORDS,
    SEATS,
    STATES,
    TITLE_WORDS,
)
from timeline.names import APOSTROPHES, fold

if TYPE_CHECKING:
    from timeline.draft.sentences import Sentence
    from timeline.model import Dataset

_ACRONYM = re.compile(r"[A-Z][A-Z0-9.]{1,6}")
#: An acronym given after a name: "the Rapid Support Forces (RSF)".
#: The most words a name of the gazetteer has ("Democratic Republic of the Congo").
LONGEST_STATE = 8
_DEFINED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)")
#: A name of a text or process, not of an actor: "the Jeddah Declaration", "the Minsk Agreements".
_DOCUMENTS = frozenset(("declaration", "agreement", "agreements", "accord", "accords", "plan", "protocol",
                        "memorandum", "charter", "treaty", "initiative", "framework", "process", "format",
                        "deal", "resolution", "roadmap", "communique", "statement", "summit", "talks", "conference"))
#: A description set off by commas after a name: ", the head of European diplomacy and EU envoy,".
_APPOSITIVE = re.compile(r"\s*,\s+(?:the|a|an)\s+[^,;]{1,90},")
#: A dateline: the place in capitals, maybe the agency or date, then a dash ("CAIRO – 13 April 2025:").
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:\([^)]{1,40}\))?\s*[–—-]\s*(?:[\w ,]{1,30}:)?")
_BETWEEN = re.compile(r"[\w.'’-]+|,")
#: Words that end a description: "Europe's counter-proposal, with Putin" is no title of Putin.
_NOT_TITLES = frozenset(("with", "and", "of", "to", "by", "for", "in", "on", "at", "from", "as", "that", "said",
                         "says", "plan", "proposal", "counter-proposal", "draft", "offer", "deal", "demands"))
#: Nouns of what a state does or offers, after its demonym: "the European counter-proposal", "Russian strikes".
OWNED_NOUNS = frozenset(("proposal", "proposals", "counter-proposal", "counterproposal", "plan", "offer", "draft",
                         "initiative", "strikes", "attack", "attacks", "demands", "position", "side", "counter"))
#: Lower-case words inside names ("Abdel Fattah al-Sisi", "Ursula von der Leyen", "Faisal bin Farhan").
PARTICLES = frozenset(("al", "al-", "el", "bin", "ibn", "bint", "de", "da", "von", "van", "der", "den", "du", "le"))
_GLUE = frozenset(("'s", "’s", ",", "of", "the", "-", "his", "her", "its", "their"))


@dataclass
class Mention:
    """An actor named in the article: offsets in the article, the words, the actor id and its kind."""

    start: int
    end: int
    text: str
    actor: str
    kind: str
    known: bool = True


@dataclass
class ActorIndex:
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
        doc = _make_doc(fold_chars(text))
        spans = [doc[s:e] for _key, s, e in folded(doc)]
        original = _make_doc(text)
        spans += [original[s:e] for _key, s, e in exact(original)]
        mentions = []
        for span in filter_spans(spans):
            key = span.text if _ACRONYM.fullmatch(span.text) else fold_chars(span.text)
            longer = _inside_name(text, span.start_char, span.end_char)
            if longer and (key in self.parts or self.kinds.get(_best(self.names[key])) in ("organization", "group")
                           or self._other_first_name(text[:span.start_char], _best(self.names[key]))):
                continue  # "Mohamed" (of "Mohamed Abu-Namo") in "Mohamed Dagalo"; "[Supreme] National Security Council"
            actor = _best(self.names[key])
            mentions.append(Mention(base + span.start_char, base + span.end_char, text[span.start_char:span.end_char],
                                    actor, self.kinds.get(actor, "person")))
        mentions += self._states(text, base, mentions)
        mentions = sorted(mentions, key=lambda m: m.start)
        mentions += self._new_names(sentence, base, mentions)
        mentions = _drop_descriptions(sorted(mentions, key=lambda m: m.start), text, base, self._affiliate)
        mentions = self._appositives(text, base, mentions)
        mentions = self._described(text, base, mentions)
        dateline = _DATELINE.match(text)
        if dateline:  # "ISLAMABAD (Dunya News) –": where the article was filed, no actor of its events
            mentions = [m for m in mentions if m.start >= base + dateline.end()]
        self.recent.extend(m.actor for m in mentions if m.kind == "person")
        return mentions

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
        for found in descriptions(fold_chars(text), text, self._state_of_word):
            start, end = base + found.start, base + found.end
            recent = self.recent + [m.actor for m in mentions if m.kind == "person" and m.end <= start]
            person = resolve(found, recent, self.titles, self.state_of)
            if person is None or any(m.start < end and start < m.end and m.kind == "person" for m in mentions):
                continue
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            mentions.append(Mention(start, end, text[found.start:found.end], person, "person"))
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

    def _propose_acronym(self, token, text: str, offset: int, base: int) -> Mention | None:  # noqa: ANN001
        """An acronym nobody defined, as an organisation ("M23 fighters", "the RSF")."""
        if token.text in NOT_ACTORS or fold(token.text) in self._gazetteer or self.lookup(token.text):
            return None
        ident = slug(token.text)
        if ident in self.kinds and ident not in self.proposed:
            return None
        self.proposed.setdefault(ident, {"id": ident, "name": token.text, "kind": "organization"})
        self._remember(token.text, ident, "organization")
        start = token.idx - offset
        return Mention(base + start, base + start + len(token.text), token.text, ident, "organization", known=False)

    def _other_first_name(self, before: str, actor: str) -> bool:
        """Whether the capitalised word before a person's name is a first name not theirs ("Ivanka Trump")."""
        word = re.search(r"([A-Z][\w'’-]+)[ \t]+$", before)
        if word is None or self.kinds.get(actor) != "person" or word.group(1) in NOT_NAMES \
                or word.group(1).lower() in TITLE_WORDS or fold(word.group(1)) in GAZETTEER_WORDS:
            return False
        return fold_chars(word.group(1)) not in self.first_words.get(actor, ())

    def _person_id(self, full: str, name: str, surname: str) -> str:
        """The id of a new person: the surname, as the project's datasets have it ("trump", "al-sisi").

        The full name's id (``full``) where the surname is taken: by a state, by an actor of the
        dataset, or by another person of the article with the same surname.
        """
        if fold(name.split()[0]) in FAMILY_NAMES_FIRST:  # "Xi Jinping", "Hun Manet": the family name first
            return full
        short = slug(surname)
        if not short or short in STATES:
            return full
        if short in self.proposed:
            return short if self.proposed[short]["name"] == name else full
        return full if short in self.kinds else short

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
            self._matchers[acronym].add("ACTOR", [_make_doc(name if acronym else fold_chars(name))])

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
                (exact if _ACRONYM.fullmatch(name) else folded).add("ACTOR", [_make_doc(name)])
            self._matchers = folded, exact
        return self._matchers

    def _states(self, text: str, base: int, found: list[Mention]) -> list[Mention]:
        """States the dataset lacks or names only by demonym: "Russian forces", "Poland", "Warsaw"."""
        taken = [range(m.start - base, m.end - base) for m in found]
        mentions: list[Mention] = []
        words = list(re.finditer(r"[\w.'’]+", text))
        demonyms = {w[1] for state, w in STATES.items() if KINDS.get(state, "group") == "group"}
        for index, first in enumerate(words):
            if not first.group(0)[0].isupper() or any(first.start() in r for r in taken):
                continue
            for last in reversed(words[index:index + LONGEST_STATE]):
                candidate = re.sub(r"['’]s$", "", text[first.start():last.end()].rstrip("."))  # "Kazakhstan's"
                state = self._gazetteer.get(fold(candidate))
                if state is None or any(last.end() - 1 in r for r in taken):
                    continue
                if candidate in demonyms and not _group_follows(text, first.start() + len(candidate), demonyms):
                    continue
                kind = self.kinds.get(state) or KINDS.get(state, "state")
                if state not in self.kinds:
                    self.proposed.setdefault(state, {"id": state, "name": STATES[state][0], "kind": kind})
                end = first.start() + len(candidate)
                mentions.append(Mention(base + first.start(), base + end, candidate, state, kind, state in self.kinds))
                taken.append(range(first.start(), end))
                break
        return mentions

    def _new_names(self, sentence: Sentence, base: int, found: list[Mention]) -> list[Mention]:
        """Runs of capitalised words that name nobody the index knows: proposed as new actors."""
        taken = {i for m in found for i in range(m.start - sentence.origin, m.end - sentence.origin)}
        offset = sentence.span.start_char
        mentions, run = [], []
        for token in [*sentence.span, None]:
            inside = token is not None and token.idx in taken
            alone = token is not None and not inside and _unknown_acronym(token.text)
            if token is not None and not inside and not alone and (token.is_title or token.lower_ in PARTICLES and run
                                                                   or _joins(token, run)):
                run.append(token)
                continue
            while run and run[-1].text == "-":
                run.pop()
            mention = self._propose(run, sentence.line[offset:sentence.span.end_char], offset, base)
            if mention:
                mentions.append(mention)
            run = []
            if alone:  # "M23", "RSF": an organisation the gazetteer lacks
                mention = self._propose_acronym(token, sentence.line[offset:sentence.span.end_char], offset, base)
                mentions += [mention] if mention else []
        return mentions

    def _propose(self, run: list, text: str, offset: int, base: int) -> Mention | None:
        run = _after_portfolio(run, text[:run[0].idx - offset] if run else "")
        titles = [i for i, t in enumerate(run) if t.lower_ in TITLE_WORDS and t.lower_ not in _GLUE | {"the", "in"}]
        named = run[titles[-1] + 1:] if titles else run  # "Sovereign Council Chairman Abdel Fattah al-Burhan"
        while titles and named and named[0].lower_ in PORTFOLIO_WORDS:  # "Deputy International and Legal ..."
            named = named[1:]
        organization = any(t.lower_ in ORGANIZATION_WORDS for t in named)
        if organization and titles:
            titles = []  # "Supreme National Security Council", "Foreign Ministry": the title words name it
        titled = bool(titles)
        run = named if titles else run
        while run and (run[0].text in NOT_NAMES or run[0].lower_ in PARTICLES):
            run = run[1:]
        while run and (run[-1].lower_ in PARTICLES or run[-1].text == "-"):
            run = run[:-1]
        if not run or len(run) == 1 and (not titled or fold(run[0].text) in self._gazetteer) \
                or any(t.text in NOT_NAMES for t in run) or _next_word(text, run[-1].idx - offset) in GROUP_NOUNS \
                or run[-1].lower_ in _DOCUMENTS:
            return None  # "the two Southeast Asian nations" names no one
        start, end = run[0].idx - offset, run[-1].idx + len(run[-1]) - offset
        name = text[start:end]
        kind = "organization" if organization else "person"
        ident = slug(name)
        if not ident:
            return None
        defined = _DEFINED.match(text, end)
        if kind == "person" and len(run) > 1 and not defined:
            ident = self._person_id(ident, name, text[run[_surname_start(run)].idx - offset:end])
        elif defined and defined["acronym"] not in NOT_ACTORS:  # "the Rapid Support Forces (RSF)": "RSF" from now on
            kind = "organization" if kind == "person" and len(run) > 1 and not titled else kind
            short = slug(defined["acronym"])
            ident = short if short not in self.kinds and short not in STATES else ident
        while ident in self.kinds and ident not in self.proposed:
            ident += "-new"
        actor = self.proposed.setdefault(ident, {"id": ident, "name": name, "kind": kind})
        if defined and defined["acronym"] not in NOT_ACTORS:
            self._remember(defined["acronym"], ident, kind)
        if kind == "person" and len(run) > 1:  # "Donald Trump", then "Trump"; "Phumtham Wechayachai", then "Phumtham"
            for part in (name, run[-1].text, run[0].text):
                self._remember(part, ident)
        title = _title_before(text[:start])
        if kind == "person" and title and "title" not in actor:
            actor["title"] = title
            self.titles[ident] = fold(title)
            before = text[:start].rstrip()[:-len(title)].split()
            state = self._state_of_word(before[-1].rstrip(",")) if before else None
            if state and state not in self.kinds and state in STATES:
                self.proposed.setdefault(state, {"id": state, "name": STATES[state][0],
                                                 "kind": KINDS.get(state, "state")})
            if state:
                actor.setdefault("affiliation", state)
        return Mention(base + start, base + end, name, ident, kind, known=False)


def _unknown_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym that may name an organisation: capitals (and digits), two letters or more."""
    return bool(re.fullmatch(r"[A-Z](?:[A-Z]{1,5}|[A-Z]?\d{1,3})", word)) and word not in NOT_ACTORS


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``text`` is one word of a longer name: a capitalised word beside it."""
    after = re.match(r"[ \t]+((?:(?:al|el|bin|ibn|de|van|von)[- ])?[A-Z][\w'’-]*)", text[end:])
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[:start])
    return any(m is not None and m.group(1) not in NOT_NAMES and m.group(1).lower() not in TITLE_WORDS
               and fold(m.group(1)) not in GAZETTEER_WORDS for m in (after, before))


def _after_portfolio(run: list, before: str) -> list:
    """``run`` without the portfolio a title names before the person ("Minister of [Minerals] Mohamed Abu-Namo")."""
    if not re.search(r"\b(?:of|for)\s*$", before) or _title_before(before.rstrip()[:-3].rstrip() + " ") is None:
        return run
    start = 0
    while start < len(run) and (run[start].lower_ in PORTFOLIO_WORDS or run[start].lower_ in ("and", "&")):
        start += 1
    return run[start:]


def _surname_start(run: list) -> int:
    """Where the surname begins in a run of name tokens: the last word, with its particles ("al-Sisi", "bin Farhan")."""
    start = len(run) - 1
    while start > 1 and (not run[start - 1].whitespace_ or run[start - 1].lower_ in PARTICLES):
        start -= 1
    return start


def _joins(token, run: list) -> bool:  # noqa: ANN001 - a spaCy Token
    """Whether ``token`` is a hyphen inside a name ("Al-Hayya"): no space on either side, a name before it."""
    return token.text == "-" and bool(run) and not run[-1].whitespace_ and not token.whitespace_


def fold_chars(text: str) -> str:
    """``text`` in lower case without accents, one character for each of ``text`` (offsets are kept).

    >>> fold_chars("Zelenskyy’s Éire")
    "zelenskyy's eire"
    """
    return text.translate(_FOLDED)


class _Folded(dict):
    """Code point -> its folded character, computed on first use (for :meth:`str.translate`)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in APOSTROPHES:
            folded = "'"
        else:
            bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            lower = (bare or char).lower()
            folded = lower if len(lower) == 1 else char
        self[code] = folded
        return folded


_FOLDED = _Folded()


def _make_doc(text: str):  # noqa: ANN202 - spaCy's Doc
    from timeline.draft.sentences import pipeline

    return pipeline().make_doc(text)


def _best(ids: dict[str, set[str]]) -> str:
    """The actor a name most likely means: one whose own name it is, then the first id."""
    named = sorted(actor for actor, how in ids.items() if "name" in how or "id" in how)
    return named[0] if named else sorted(ids)[0]


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\S*\s+([\w'’]+)", text[end:])
    return match.group(1).lower() if match else ""


def _group_follows(text: str, end: int, demonyms: set[str]) -> bool:
    """Whether a collective noun follows a demonym, maybe after others ("Egyptian and Qatari mediators")."""
    match = re.match(r"((?:,? (?:and )?[A-Z][\w'’]+)*) ([\w'’]+)", text[end:])
    if not match or match.group(2).lower() not in GROUP_NOUNS | OWNED_NOUNS:
        return False
    return all(word in demonyms for word in re.findall(r"[A-Z][\w'’]+", match.group(1)))


def _title_before(text: str) -> str | None:
    """The title words that end ``text`` ("... Russian Foreign Minister " -> "Foreign Minister"), or None."""
    words = re.findall(r"[\w.'’-]+|,", text)[-8:]
    title: list[str] = []
    for word in reversed(words):
        portfolio = word.lower() in PORTFOLIO_WORDS | {"and"} and word[:1].isupper() | (word == "and")
        if (word.lower() not in TITLE_WORDS and not portfolio) or word in (",", "'s", "’s"):
            break
        title.insert(0, word)
    while title and title[0].lower() in _GLUE | {"the", "of", "in", "and"}:
        title.pop(0)
    if not any(w.lower() in TITLE_WORDS and w.lower() not in PORTFOLIO_WORDS | _GLUE for w in title):
        return None  # "Minerals" alone is no title; "Minister of Minerals" is
    return " ".join(title) or None


def _drop_descriptions(mentions: list[Mention], text: str, base: int,
                       affiliate: Callable[[str, str], None]) -> list[Mention]:
    """Leave out names that only describe the person named next ("U.S. President Donald Trump").

    ``affiliate(person, actor)`` is told that the person belongs to the actor of the description.
    """
    kept = []
    for here, after in zip(mentions, [*mentions[1:], None]):
        if after is not None and after.kind == "person" and here.actor != after.actor:
            between = _BETWEEN.findall(text[here.end - base:after.start - base])
            titles = [word for word in between if word.lower() not in _GLUE]
            possessive = any(word in ("'s", "’s") for word in between) and all(  # "Sudan's Sovereign Council Chairman"
                (w.islower() and w not in _NOT_TITLES) or w in ("'s", "’s", ",") or w[:1].isupper() for w in between)
            if titles and len(between) <= 6 and (possessive or all(w.lower() in TITLE_WORDS for w in titles)):
                affiliate(after.actor, here.actor)
                continue
        kept.append(here)
    return kept
