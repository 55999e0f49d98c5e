"""The small parts of an event: its links to other events, its quantities, its evidence and its PLOVER coding.

Plain named tuples, importable from :mod:`timeline.model` as well.
"""
from __future__ import annotations

from typing import NamedTuple


class Link(NamedTuple):
    """A relation from one event to another, e.g. a denial ``disputes`` a claim."""

    relation: str
    event: str


class Quantity(NamedTuple):
    """A number the reporting gives, as data: ``390 persons released by Ukraine``.

    ``what`` names the count in snake_case (``prisoners_released``,
    ``bodies_returned``, ``points``); ``unit`` what is counted (``persons``);
    ``actor`` whose count it is (optional). ``approximate`` marks "about";
    ``bound`` is ``at_least`` ("more than") or ``at_most`` ("up to"), else ``None``.
    """

    what: str
    value: int | float
    unit: str | None = None
    actor: str | None = None
    approximate: bool = False
    bound: str | None = None

    def label(self) -> str:
        """'390 persons', 'about 1,000 persons', 'at least 1,200 bodies'."""
        qualifier = {"at_least": "at least ", "at_most": "at most "}.get(self.bound or "", "")
        value = f"{self.value:,}" if isinstance(self.value, int) else f"{self.value:,g}"
        return f"{'about ' * self.approximate}{qualifier}{value}{' ' + self.unit if self.unit else ''}"


#: Bounds a quantity may have.
QUANTITY_BOUNDS = ("at_least", "at_most")


class Evidence(NamedTuple):
    """Where a drafted event rests in the article it was drafted from (``timeline draft``).

    ``text`` is the sentence word for word; ``start`` and ``end`` its character offsets in the
    article as read (``end`` exclusive, so ``article[start:end] == text``); ``trigger`` the words
    that reported the event.
    """

    text: str
    start: int
    end: int
    trigger: str | None = None


class Plover(NamedTuple):
    """An event's PLOVER coding: type (``AGREE``), mode (``phone``) and contexts (``("military",)``)."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
