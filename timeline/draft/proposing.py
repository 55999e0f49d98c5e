"""New actors from the capitalised words no dataset name covers: people, organisations, their ids and titles.

A run of capitalised words that names nobody the index knows is proposed as a
new actor: an organisation where a word says so ("Council", "Forces"), else a
person. The title before it ("Rwandan President", "Minister of Minerals") is
no part of the name; it is kept as the person's title, and the state it names
as their affiliation. A person's id is the surname, as the project's datasets
have it ("trump", "al-sisi"), unless it is taken or the family name comes
first ("Xi Jinping"). An acronym given after a name ("the Rapid Support Forces
(RSF)") names the same actor from then on; an acronym nobody defined ("M23") is
an organisation. Names of texts ("the Jeddah Declaration") name no actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.draft.countries import slug
from timeline.draft.gazetteer import (
    FAMILY_NAMES_FIRST,
    GROUP_NOUNS,
    KINDS,
    NAME_WORDS,
    NAMED_BY_PLACE,
    NOT_ACTORS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    PORTFOLIO_WORDS,
    REGION_WORDS,
    STATES,
    TITLE_WORDS,
)
from timeline.draft.spelling import same_person  # drafta6
from timeline.names import fold

if TYPE_CHECKING:
    from timeline.draft.sentences import Sentence

#: An acronym given after a name: "the Rapid Support Forces (RSF)".
_DEFINED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)")

#: A name of a text or process, not of an actor: "the Jeddah Declaration", "the Minsk Agreements".
_DOCUMENTS = frozenset(("declaration", "agreement", "agreements", "accord", "accords", "plan", "protocol",
                        "memorandum", "charter", "treaty", "initiative", "framework", "process", "format",
                        "deal", "resolution", "roadmap", "communique", "statement", "summit", "talks", "conference"))

#: Lower-case words inside names ("Abdel Fattah al-Sisi", "Ursula von der Leyen", "Faisal bin Farhan").
PARTICLES = frozenset(("al", "al-", "el", "bin", "ibn", "bint", "de", "da", "von", "van", "der", "den", "du", "le"))

#: Small words between a title and a name, or inside a title ("Trump's special envoy").
GLUE = frozenset(("'s", "’s", ",", "of", "the", "-", "his", "her", "its", "their"))


@dataclass
class Mention:
    """An actor named in the article: offsets in the article, the words, the actor id and its kind."""

    start: int
    end: int
    text: str
    actor: str
    kind: str
    known: bool = True


class Proposing:
    """What :class:`~timeline.draft.actors.ActorIndex` does with names it does not know (a mixin).

    It uses the index's ``kinds``, ``proposed``, ``titles`` and ``_gazetteer``, and its
    ``lookup``, ``_remember`` and ``_state_of_word``.
    """

    kinds: dict[str, str]
    proposed: dict[str, dict[str, str]]
    titles: dict[str, str]
    _gazetteer: dict[str, str]

    if TYPE_CHECKING:
        def lookup(self, name: str) -> str | None: ...
        def _remember(self, name: str, actor: str, kind: str = "person") -> None: ...
        def _state_of_word(self, words: str) -> str | None: ...

    def _state_before(self, before: list[str]) -> str | None:
        """The state the words before a title name: an owner's possessive first ("UN's Libya envoy"), then the
        longest name ("South Sudanese President" is South Sudan's, not Sudan's; drafta9)."""
        owner = next((w for w in before[-3:] if re.search(r"['’]s$", w) and self._state_of_word(w)), None)
        if owner:  # "UN's Libya envoy Ghassan Salame": the UN's envoy, sent to Libya
            return self._state_of_word(owner)
        return next((state for words in _words_before(before) if (state := self._state_of_word(words))), None)

    def _propose_acronym(self, word: str, at: int, text: str, offset: int, base: int) -> Mention | None:
        """An acronym nobody defined, as an organisation ("M23 fighters", "the RSF"); ``at`` is where it starts
        in the line."""
        if word in NOT_ACTORS or fold(word) in self._gazetteer or self.lookup(word):
            return None
        ident = slug(word)
        if ident in self.kinds and ident not in self.proposed:
            return None
        self.proposed.setdefault(ident, {"id": ident, "name": word, "kind": "organization"})
        self._remember(word, ident, "organization")
        start = at - offset
        return Mention(base + start, base + start + len(word), word, ident, "organization", known=False)

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
        if short in self.proposed:  # drafta6: one person spelt two ways keeps one id (timeline/draft/spelling.py)
            return short if same_person(self.proposed[short]["name"], name) else full
        return full if short in self.kinds else short

    def _new_names(self, sentence: Sentence, base: int, found: list[Mention]) -> list[Mention]:
        """Runs of capitalised words that name nobody the index knows: proposed as new actors."""
        taken = {i for m in found for i in range(m.start - sentence.origin, m.end - sentence.origin)}
        offset = sentence.span.start_char
        if _title_case(sentence.line[offset:sentence.span.end_char]):
            return []  # drafta13: "Pashinyan and Aliyev Discuss Various Aspects of the ... Agenda": no names
        mentions, run, joined = [], [], 0
        tokens = [*sentence.span, None]
        for number, token in enumerate(tokens):
            if joined:  # the rest of a hyphenated acronym proposed whole
                joined -= 1
                continue
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
            if alone:  # "M23", "RSF", "SPLM-IO": an organisation the gazetteer lacks
                joined = _hyphenated(tokens, number)
                word = "".join(t.text for t in tokens[number:number + joined + 1])
                mention = self._propose_acronym(word, token.idx, sentence.line[offset:sentence.span.end_char],
                                                offset, base)
                mentions += [mention] if mention else []
        return mentions

    def _propose(self, run: list, text: str, offset: int, base: int) -> Mention | None:
        """The new actor a run of capitalised words names, without its title; None if it names no one."""
        run = _after_portfolio(run, text[:run[0].idx - offset] if run else "")
        titles = [i for i, t in enumerate(run) if t.lower_ in TITLE_WORDS and t.lower_ not in GLUE | {"the", "in"}]
        named = run[titles[-1] + 1:] if titles else run  # "Sovereign Council Chairman Abdel Fattah al-Burhan"
        while titles and named and named[0].lower_ in PORTFOLIO_WORDS:  # "Deputy International and Legal ..."
            named = named[1:]
        organization = any(t.lower_ in ORGANIZATION_WORDS for t in named)
        if organization and titles:
            titles = []  # "Supreme National Security Council", "Foreign Ministry": the title words name it
        titled = bool(titles)
        run = named if titles else run
        while run and (run[0].text in NOT_NAMES and not (titled and run[0].text in NAME_WORDS and len(run) > 1)
                       or run[0].lower_ in PARTICLES):  # drafta7: "Vice-Premier He Lifeng" keeps "He"
            run = run[1:]
        while run and (run[-1].lower_ in PARTICLES or run[-1].text == "-" or run[-1].text in WEEKDAYS and len(run) > 1):
            run = run[:-1]  # drafta15: "Yousuf Raza Gilani Thursday welcomed": the weekday ends the name
        if not run or len(run) == 1 and (not titled or fold(run[0].text) in self._gazetteer) \
                or any(t.text in NOT_NAMES and not (titled and t is run[0] and t.text in NAME_WORDS) for t in run) \
                or _next_word(text, run[-1].idx - offset) in GROUP_NOUNS \
                or run[-1].lower_ in _DOCUMENTS:
            return None  # "the two Southeast Asian nations" names no one
        if not organization and _place_or_process(run, text, offset, titled):
            return None  # drafta10: "the South Caucasus", "the Crans-Montana talks"
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
            state = self._state_before(before)
            if state and state not in self.kinds and state in STATES:
                self.proposed.setdefault(state, {"id": state, "name": STATES[state][0],
                                                 "kind": KINDS.get(state, "state")})
            if state:
                actor.setdefault("affiliation", state)
        return Mention(base + start, base + end, name, ident, kind, known=False)


def _words_before(before: list[str]) -> list[str]:
    """The last three, two and one words of ``before``, longest first ("South Sudanese", then "Sudanese")."""
    return [" ".join(before[-count:]).rstrip(",") for count in (3, 2, 1) if len(before) >= count]


def _title_case(text: str) -> bool:
    """Whether ``text`` is a headline in title case: no final full stop, and at least four of five of its words
    longer than three letters capitalised (drafta13: its capitals name no one)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and not text.rstrip().endswith(".") and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _hyphenated(tokens: list, number: int) -> int:
    """How many tokens after the acronym at ``number`` belong to it: 2 for "SPLM-IO" (a hyphen and another
    acronym, no space between), else 0 (drafta13: one organisation, not "SPLM" and "IO")."""
    following = tokens[number + 1:number + 3]
    if len(following) == 2 and None not in following and not tokens[number].whitespace_ \
            and following[0].text == "-" and not following[0].whitespace_ and _unknown_acronym(following[1].text):
        return 2
    return 0


def _unknown_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym that may name an organisation: capitals (and digits), two letters or more."""
    return bool(re.fullmatch(r"[A-Z](?:[A-Z]{1,5}|[A-Z]?\d{1,3})", word)) and word not in NOT_ACTORS


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
    if len(run) > 2 and run[-1].text == "-" and not run[-1].whitespace_ and run[-2].is_title and token.is_lower:
        # drafta15: the second part of a Korean given name ("Ban Ki-moon", "Moon Jae-in"), not "Saudi Arabia-led"
        return token.is_alpha and len(token) <= 4 and not token.lower_.endswith("ed") and token.lower_ not in _AFTER_HYPHEN
    return token.text == "-" and bool(run) and not run[-1].whitespace_ and not token.whitespace_


#: Days that wire copy writes right after a name ("Gilani Thursday welcomed").
WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
#: Words after a hyphen that make a name an adjective ("Hamas-run", "Kremlin-era"), not a longer name.
_AFTER_HYPHEN = frozenset(("run", "era", "made", "held", "born", "type", "wide", "like"))


#: Nouns that end the name of talks or a process, not of a party ("the Geneva International Discussions").
PROCESSES = frozenset(("talks", "discussions", "negotiations", "consultations", "process", "format", "dialogue"))


def _place_or_process(run: list, text: str, offset: int, titled: bool) -> bool:
    """Whether a run of capitalised words names a region ("South Caucasus", "Horn of Africa") or, untitled after
    "the", a place that names talks ("the Crans-Montana talks"): no party to them."""
    if any(t.lower_ in REGION_WORDS for t in run) or run[-1].lower_ in PROCESSES:
        return True  # drafta13: "International Discussions", "Peace Talks": talks, no party to them
    before = text[:run[0].idx - offset].rstrip().rsplit(" ", 1)[-1].lower()
    if not titled and before in ("in", "near") and not re.match(r"['’]s\b", text[run[-1].idx - offset + len(run[-1]):]):
        return True  # drafta15: "talks held in New York": a place the gazetteer lacks, not a person
    return not titled and before == "the" and _next_word(text, run[-1].idx - offset) in NAMED_BY_PLACE


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\S*\s+([\w'’]+)", text[end:])
    return match.group(1).lower() if match else ""


def _title_before(text: str) -> str | None:
    """The title words that end ``text`` ("... Russian Foreign Minister " -> "Foreign Minister"), or None."""
    words = re.findall(r"[\w.'’-]+|,", text)[-8:]
    title: list[str] = []
    for word in reversed(words):
        portfolio = word.lower() in PORTFOLIO_WORDS | {"and"} and word[:1].isupper() | (word == "and")
        if (word.lower() not in TITLE_WORDS and not portfolio) or word in (",", "'s", "’s"):
            break
        title.insert(0, word)
    while title and title[0].lower() in GLUE | {"the", "of", "in", "and"}:
        title.pop(0)
    if not any(w.lower() in TITLE_WORDS and w.lower() not in PORTFOLIO_WORDS | GLUE for w in title):
        return None  # "Minerals" alone is no title; "Minister of Minerals" is
    return " ".join(title) or None
