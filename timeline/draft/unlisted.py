"""States, a country's press and a state's opposition named in a sentence when the dataset lacks them.

"Russian forces" is the state; "Indian media" a group of its own affiliated to India; "Venezuela's
opposition" an organisation of its own and a side opposed to its state; "Poland" or "Warsaw" a state
of :mod:`timeline.draft.gazetteer`, proposed as new when the dataset lacks it. A mixin of
:class:`timeline.draft.actors.ActorIndex`.
"""
from __future__ import annotations

import re

from timeline.draft.countries import slug
from timeline.draft.gazetteer import ACRONYMS, KINDS, STATES
from timeline.draft.groups import OPPOSITION, Sides
from timeline.draft.nearby import first_name_follows, group_follows
from timeline.draft.proposing import Mention
from timeline.names import fold

#: The most words a name of the gazetteer has ("Democratic Republic of the Congo").
LONGEST_STATE = 8
#: The press of a country after its demonym: "Indian media", "Iranian state media", "the Israeli press".
_MEDIA = re.compile(r" (?:state |state-run |local )?(?:media|press|newspapers|outlets|television|TV)\b")


class Unlisted:
    """Finds the states, presses and oppositions a sentence names (needs ``kinds``, ``proposed``, ``sides``,
    ``_gazetteer`` of :class:`~timeline.draft.actors.ActorIndex`)."""

    kinds: dict[str, str]
    proposed: dict[str, dict[str, str]]
    sides: Sides
    _gazetteer: dict[str, str]

    def _media(self, demonym: str, state: str, start: int, end: int, text: str, base: int) -> Mention:
        """A country's press as a group of its own ("Indian media" -> ``indian-media``, affiliated to India)."""
        name = text[start:end]
        ident = slug(name)
        kind = self.kinds.get(ident, "group")
        if ident not in self.kinds:
            if state not in self.kinds:  # the affiliation names an actor of the file
                self.proposed.setdefault(state, {"id": state, "name": STATES[state][0], "kind": KINDS.get(state, "state")})
            self.proposed.setdefault(ident, {"id": ident, "name": name[0].upper() + name[1:], "kind": "group",
                                             "affiliation": state})
        return Mention(base + start, base + end, name, ident, kind, ident in self.kinds)

    def _opposition(self, state: str, start: int, end: int, text: str, base: int) -> Mention:
        """A state's opposition as an organisation of its own ("Venezuela's opposition" -> ``venezuelan-opposition``)."""
        name = f"{STATES[state][1] if STATES.get(state, ('', ''))[1] else STATES.get(state, (state,))[0]} opposition"
        ident = slug(name)
        if ident not in self.kinds:
            self.proposed.setdefault(ident, {"id": ident, "name": name, "kind": "organization"})
        self.sides.opposed(ident, state)
        return Mention(base + start, base + end, text[start:end], ident, self.kinds.get(ident, "organization"),
                       ident in self.kinds)

    def _states(self, text: str, base: int, found: list[Mention]) -> list[Mention]:
        """States the dataset lacks or names only by demonym: "Russian forces", "Poland", "Warsaw"."""
        taken = [range(m.start - base, m.end - base) for m in found]
        mentions: list[Mention] = []
        words = list(re.finditer(r"[\w.'’]+", text))
        demonyms = {w[1] for state, w in STATES.items() if KINDS.get(state, "group") == "group"}
        every_demonym = {w[1] for w in STATES.values() if len(w) > 1 and w[1]}
        for index, first in enumerate(words):
            if not first.group(0)[0].isupper() or any(first.start() in r for r in taken):
                continue
            for last in reversed(words[index:index + LONGEST_STATE]):
                candidate = re.sub(r"['’]s$", "", text[first.start():last.end()].rstrip("."))  # "Kazakhstan's"
                if fold(candidate) not in self._gazetteer and text.startswith(f"{candidate}.", first.start()):
                    candidate += "."  # drafta15: "U.S.", "U.N.": the full stop is the abbreviation's own
                state = self._gazetteer.get(fold(candidate))
                community = index > 0 and words[index - 1].group(0)[0].isupper() \
                    and words[index - 1].group(0).lower() not in ("the", "a", "an")  # "Greek Cypriots", "Kosovo Serbs"
                if state is None and candidate[-1:] == "s" and candidate[:-1] in every_demonym and not community:
                    state = self._gazetteer.get(fold(candidate[:-1]))  # drafta13: "Fourteen Thais were killed"
                if state is None or any(last.end() - 1 in r for r in taken) \
                        or fold(candidate) in ACRONYMS and not candidate.replace(".", "").isupper():
                    continue  # drafta9: "UN" is an acronym, "Un" of "Kim Jong Un" a name
                opposition = OPPOSITION.match(text, first.start() + len(candidate))
                if opposition:  # "Venezuela's opposition": a side of its own, not the state
                    mentions.append(self._opposition(state, first.start(), opposition.end(), text, base))
                    taken.append(range(first.start(), opposition.end()))
                    break
                media = _MEDIA.match(text, first.start() + len(candidate))
                if candidate in demonyms and media:  # "Indian media reported": the press, not the state
                    mentions.append(self._media(candidate, state, first.start(), media.end(), text, base))
                    taken.append(range(first.start(), media.end()))
                    break
                if candidate in demonyms and not group_follows(text, first.start() + len(candidate), demonyms):
                    continue
                if candidate == text[first.start():last.end()] and first_name_follows(text, first.start(), last.end()) \
                        and candidate not in demonyms:
                    continue  # "Israel Ramírez Pineda", "Jordan Bardella": a person's first name
                kind = self.kinds.get(state) or KINDS.get(state, "state")
                if state not in self.kinds:
                    self.proposed.setdefault(state, {"id": state, "name": STATES[state][0], "kind": kind})
                end = first.start() + len(candidate)
                mentions.append(Mention(base + first.start(), base + end, candidate, state, kind, state in self.kinds))
                taken.append(range(first.start(), end))
                break
        return mentions
