"""A sentence's subject pronoun ("He held talks ...", "They agreed ...") as the actor(s) the sentence before was about.

English news names its actor once and goes on with a pronoun. A pronoun that opens a sentence (after
"But", "And", "Meanwhile,"; never inside a quotation) stands for the *subject* of the last sentence
that had one: the actors named before the sentence's first word that is neither a name, a title nor
glue ("Guterres was upbeat" -> Guterres; "the UN chief flew back" -> the UN chief). "He"/"she" take one
person; "they" several actors, or one group or organisation. Precision first: a subject of two
persons leaves "he" unresolved, a single person leaves "they" unresolved; a sentence without a subject
that names one person makes that person the subject, any other leaves no subject ("The leaders of the
two states met ... They said": unknown). Object
and possessive pronouns are left to the event rules (:mod:`timeline.draft.roles`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.draft.gender import gendered
from timeline.draft.proposing import Mention

#: A pronoun opening a sentence: group "word" (not a name: "He Lifeng").
_OPENING = re.compile(r"""\s*(?:(?:But|And|Meanwhile|Later|Then|However|Instead),?\s+(?P<low>he|she|they)\b|"""
                      r"""(?:(?:But|And|Meanwhile|Later|Then|However|Instead),?\s+)?(?P<word>He|She|They)\b)"""
                      r"""(?!\s+[A-Z])""")  # draft8: "Later, they claimed"
#: Lower-case words that may stand in a subject before its verb ("the", "'s", "and").
_GLUE = frozenset(("the", "a", "an", "and", "'s", "’s", "of", "s", "but", "meanwhile", "then", "later", "however",
                   "u.s.", "un", "top", "special", "chief", "envoy", "president", "minister", "leader", "spokesman",
                   "spokeswoman", "foreign", "prime", "secretary", "general", "vice", "senior", "deputy",
                   # draft8: "White House press secretary Karoline Leavitt said ... She added"
                   "press", "spokesperson", "ambassador", "adviser", "advisor", "aide", "negotiator", "representative",
                   "defence", "defense", "national", "security", "state", "intelligence", "army", "head"))
PLURAL = frozenset(("group", "organization"))


@dataclass
class Subjects:
    """The subject of the last sentence that had one: actor ids and kinds, in order."""

    last: list[tuple[str, str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # drafta9: person id -> "m"/"f", as the text marks it
    persons: list[str] = field(default_factory=list)  # drafta9: the persons named so far, the last named last

    def resolve(self, text: str, base: int, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with the sentence's opening pronoun resolved (if any), then note this sentence's subject."""
        found = _OPENING.match(text)
        if found and not any(m.start < base + found.end(_group(found)) for m in mentions):
            mentions = [*self._stand_for(found, base), *mentions]
        subject = _subject(text, base, mentions)
        self.persons.extend(m.actor for m in mentions if m.kind == "person")
        persons = list(dict.fromkeys((m.actor, m.kind) for m in mentions if m.kind == "person"))
        if subject or len(persons) == 1:  # "But the tone soured and the UN chief flew back": the one person
            self.last = subject or persons
        elif not found:  # "The leaders of the two states reached ...": a subject not named; "They" is unknown
            self.last = []
        return mentions

    def _stand_for(self, found: re.Match[str], base: int) -> list[Mention]:
        group = _group(found)
        word = found.group(group)
        start, end = base + found.start(group), base + found.end(group)
        actors = list(dict.fromkeys(self.last))
        if word.lower() in ("he", "she"):
            chosen = actors if len(actors) == 1 and actors[0][1] == "person" else []
            chosen = gendered(word.lower(), chosen, [a for a, kind in actors if kind == "person"], self.persons,
                              self.genders)
        else:
            chosen = actors if len(actors) >= 2 or actors and actors[0][1] in PLURAL else []
        return [Mention(start, end, word, actor, kind) for actor, kind in chosen]


def _subject(text: str, base: int, mentions: list[Mention]) -> list[tuple[str, str]]:
    """The actors named before the sentence's first word that is no name, title or glue."""
    verb = next((w for w in re.finditer(r"[\w'’.-]+", text)
                 if w.group(0)[0].islower() and w.group(0).lower() not in _GLUE
                 and not any(m.start <= base + w.start() < m.end for m in mentions)), None)
    limit = base + (verb.start() if verb else len(text))
    return list(dict.fromkeys((m.actor, m.kind) for m in mentions if m.start < limit))


def _group(found: re.Match[str]) -> str:
    """The name of the group that holds the pronoun: capitalised at the start, or lower case after an opener."""
    return "word" if found.group("word") else "low"
