"""Names of organisations built with "of" or "for": "Organization of American States", "Ministry of Foreign Affairs of Qatar".

Such a name is a run of capitalised words holding an organisation word
(:data:`~timeline.draft.gazetteer.ORGANIZATION_WORDS`: "Organization",
"Council", "Ministry", "Bank"), then one or more "of"/"for" (maybe "the")
followed by capitalised words. The words after "of" are part of the name, not
actors of their own ("American" in "Organization of American States" is no
United States; "Europe" in "Council of Europe" no Europe). A ministry, embassy
or office of a state ("Ministry of Foreign Affairs of Qatar") stands for the
state, as "the Qatari Foreign Ministry" does.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from timeline.draft.gazetteer import NOT_NAMES, ORGANIZATION_WORDS

_WORD = r"[A-Z][\w'’-]*"
#: A day or a month after "on" or "of" ends a name ("the Transitional Council on Tuesday"), drafta15.
_WHEN = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July" \
        r"|August|September|October|November|December)\b)"
_NAME = re.compile(rf"(?:{_WORD}\s+){{0,4}}{_WORD}(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WHEN}{_WORD}"
                   rf"(?:\s+(?:and\s+|&\s+)?{_WORD}){{0,4}})+")
#: A name given with its acronym: "the Tigray People's Liberation Front (TPLF)", "the Congo River Alliance (AFC)".
_DEFINED = re.compile(rf"(?:{_WORD}\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){{0,6}}{_WORD}(?=\s*\([A-Z][A-Za-z0-9]{{1,7}}\))")
#: An acronym given after the name: "the Organization of American States (OAS)".
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)")
#: Heads of a state's own offices: "Ministry of Foreign Affairs of Qatar" is Qatar.
STATE_OFFICES = frozenset(("ministry", "embassy", "office", "department", "cabinet", "presidency", "mission",
                           "government", "administration"))


#: Titles of a person that end an organisation's name written before them.
PERSON_TITLES = frozenset(("president", "minister", "secretary", "envoy", "spokesman", "spokeswoman", "spokesperson",
                           "ambassador", "chairman", "chairperson", "chief", "head", "director", "commander",
                           "general", "leader", "adviser", "advisor", "aide", "representative", "deputy"))


class OrganizationName(NamedTuple):
    """A name found: offsets in the text, the name, its acronym ("" if none), and its last "of" part."""

    start: int
    end: int
    name: str
    acronym: str
    owner: str  # the words after the last "of": "Qatar" in "Ministry of Foreign Affairs of Qatar"

    @property
    def office(self) -> bool:
        """Whether the name is a state's office ("Ministry of ...", "Embassy of ...")."""
        return self.name.split()[0].lower() in STATE_OFFICES


def _name_end(tokens: list[re.Match[str]], lead: int) -> int:
    """Where the name ends among ``tokens`` (of the match): before a person's title after its first "of"
    ("Organization of American States Secretary General Luis Almagro")."""
    joined = False
    for at, token in enumerate(tokens[lead:], lead):
        word = token.group(0)
        if word in ("of", "for", "on"):
            joined = True
        elif joined and word.lower() in PERSON_TITLES:
            while at > lead and tokens[at - 1].group(0) in ("of", "for", "on", "the", "and", "&"):
                at -= 1
            return tokens[at - 1].end()
    return tokens[-1].end()


def defined_names(text: str, demonyms: frozenset[str], group_nouns: frozenset[str]) -> list[OrganizationName]:
    """Names of organisations given with their acronym, ending in an organisation word ("... Front (TPLF)").

    A demonym and a collective noun ("Sudanese Armed Forces (SAF)") is a state's army, not an
    organisation: left out, as are names without an organisation word.
    """
    found = []
    for match in _DEFINED.finditer(text):
        words = match.group(0).split()
        lead = 0
        while lead < len(words) - 1 and (words[lead] in NOT_NAMES or re.search(r"['’]s$", words[lead])):
            lead += 1  # "The", "Colombia's"
        joined = [i + 2 for i in range(lead, len(words) - 2) if words[i] == "and" and words[i + 1] == "the"]
        lead = max([lead, *joined])  # "Iran and the International Atomic Energy Agency (IAEA)": two actors (draft8)
        last = re.sub(r"['’]s$", "", words[-1]).lower()
        if last not in ORGANIZATION_WORDS or (words[lead] in demonyms and last in group_nouns) or len(words) - lead < 2:
            continue
        start = match.start() + list(re.finditer(r"\S+", match.group(0)))[lead].start()
        acronym = _ACRONYM.match(text, match.end())
        found.append(OrganizationName(start, match.end(), text[start:match.end()], acronym["acronym"] if acronym else "",
                                      ""))
    return found


def organization_names(text: str) -> list[OrganizationName]:
    """The organisation names with "of"/"for" in ``text``, in order; words like "The" before them left out.

    >>> [n.name for n in organization_names("The Organization of American States (OAS) said so.")]
    ['Organization of American States']
    """
    found = []
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        lead = 0
        while lead < len(words) and words[lead] in NOT_NAMES and words[lead].lower() not in ORGANIZATION_WORDS:
            lead += 1
        head = re.split(r"\s+(?:of|for|on)\s+", " ".join(words[lead:]))[0].split()
        if not head or not any(word.lower() in ORGANIZATION_WORDS for word in head):
            continue
        tokens = list(re.finditer(r"\S+", match.group(0)))
        start = match.start() + tokens[lead].start()
        end = match.start() + _name_end(tokens, lead)
        name = text[start:end]
        if not re.search(r"\s(?:of|for|on)\s", name):
            continue
        acronym = _ACRONYM.match(text, end)
        owner = re.split(r"\s+(?:of|for|on)\s+(?:the\s+)?", name)[-1]
        found.append(OrganizationName(start, end, name, acronym["acronym"] if acronym else "", owner))
    return found
