"""An event drafted from a sentence, as the pipeline carries it before it is written out."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Drafted:
    """An event drafted from a sentence, in the project's terms, with where it came from and how sure it is.

    ``roles`` maps role keys (``participants``, ``source``, ...) to actor ids;
    ``start``/``end`` are the sentence's character offsets in the article;
    ``confidence`` is between 0 and 1; ``thing`` is what was proposed or rejected, in the article's word.
    """

    type: str
    date: str
    status: str
    roles: dict[str, list[str]]
    sentence: str
    start: int
    end: int
    trigger: str
    confidence: float
    location: str | None = None
    quotes: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, int]] = field(default_factory=list)  # (relation, index of the other drafted event)
    thing: str | None = None
    at: int = 0  # the trigger's offset in the sentence
    nominal: bool = False
    explicit: bool = False  # whether the text dates it (else its date is only bounded by publication)
    reach: int = 0  # where its clause ends (an offset in the sentence)
    begin: int = 0  # where its clause begins (an offset in the sentence)
    passive: bool = False  # "was confirmed by X"
    subject: list[str] = field(default_factory=list)  # its acting actors named before its verb
    also: list[tuple[str, int, int]] = field(default_factory=list)  # other sentences telling it (text, start, end)

    def actors(self) -> list[str]:
        return list(dict.fromkeys(a for ids in self.roles.values() for a in ids))

    def acting(self) -> set[str]:
        """Who acts: its sources, or its participants and host."""
        return set(self.roles.get("source", ())) or {*self.roles.get("participants", ()), *self.roles.get("host", ())}
