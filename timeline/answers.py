"""The shapes of the questions' answers (:mod:`timeline.query`), and the label of a set of dates.

Kept apart from :mod:`timeline.query` so that an answer read from the store's
tables (:mod:`timeline.index`) has the same shape without importing the model.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from timeline.vocabulary import HELD_STATUSES

if TYPE_CHECKING:
    from timeline.dates import DateSpan


class Meeting(NamedTuple):
    """Two actors at one meeting, call or visit, with the event's date as written and as ISO bounds.

    ``held`` is false for a planned or cancelled meeting; a ``disputed`` one
    took place by one side's account and counts as held.
    """

    actors: tuple[str, str]
    event: str
    type: str
    date: str
    start: str | None
    end: str | None
    location: str | None
    status: str

    @property
    def held(self) -> bool:
        return self.status in HELD_STATUSES


class Relation(NamedTuple):
    """What ``source`` did to ``target`` (or, when not ``directed``, with it), summed over ``events``.

    ``relation`` is one of :data:`timeline.graph.ACTOR_RELATIONS` (``met``,
    ``proposed_to``, ``rejected``, ``accused``, ...), or an event type when
    there is no ``target`` (a statement to the press); ``first`` and ``last``
    are the earliest start and latest end of those events (ISO, ``None`` if
    open), ``dates`` their dates as written (EDTF; :func:`dates_label` words them).
    """

    source: str
    relation: str
    target: str | None
    directed: bool
    count: int
    first: str | None
    last: str | None
    events: tuple[str, ...]
    dates: tuple[str, ...]


class Link(NamedTuple):
    """One link of a chain of meetings: the two actors and the meetings between them (``dates`` in EDTF)."""

    actors: tuple[str, str]
    count: int
    first: str | None
    last: str | None
    events: tuple[str, ...]
    dates: tuple[str, ...]


class Contest(NamedTuple):
    """A claim (or any disputed event) with the events that dispute it and the actors on each side."""

    event: str
    type: str
    date: str
    status: str
    claimed_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    denials: tuple[str, ...]
    summary: str


def dates_label(dates: Iterable[str]) -> str:
    """The period a set of EDTF dates spans, each end at its own precision: 'Sep 2022', 'Sep 2022 – Mar 2023'.

    One date is labelled as itself (``2025-06-01?`` keeps its '?'); several
    from the earliest start to the latest end ('open at both ends' when one is open
    before and another after). An empty set gives ``""``.
    """
    texts = list(dict.fromkeys(dates))
    if not texts:
        return ""
    if len(texts) == 1:
        return _ends(texts[0])[0]
    ends = [_ends(text) for text in texts]
    firsts = [first for _, first, _ in ends]
    lasts = [last for _, _, last in ends]
    first = None if None in firsts else min(firsts, key=lambda d: (d[1], d[2]))
    last = None if None in lasts else max(lasts, key=lambda d: (d[2], d[1]))
    if first is not None and last is not None and first[0] == last[0]:
        return _parsed(first[0]).label()
    if first is None and last is None:  # one date open before, another open after: no bound either way
        return "open at both ends"
    return _parsed(f"{first[0] if first else '..'}/{last[0] if last else '..'}").label()


#: An end of a date: its text, and its start and end as sortable text; ``None`` for an open end.
End = tuple[str, str, str] | None
#: What :func:`dates_label` needs of each date text: its label and its two ends, by text.
_ENDS: dict[str, tuple[str, End, End]] = {}


def remember_ends(rows: Iterable[tuple[str, str, End, End]]) -> None:
    """Take what :func:`dates_label` needs of some dates, as (text, label, first end, last end), from elsewhere.

    The store's tables keep it (:mod:`timeline.index.relations`), so a label is made without parsing each date.
    """
    _ENDS.update((text, (label, first, last)) for text, label, first, last in rows)


def date_ends(text: str) -> tuple[str, End, End]:
    """The label of the EDTF date ``text`` and its first and last ends (:meth:`DateSpan.ends`)."""
    from timeline.index.met import sortable

    span = _parsed(text)
    first, last = (None if end is None else (end.text, *(sortable(m) if m else "" for m in (end.start, end.end)))
                   for end in span.ends())
    return span.label(), first, last


def _ends(text: str) -> tuple[str, End, End]:
    if text not in _ENDS:
        _ENDS[text] = date_ends(text)
    return _ENDS[text]


@cache
def _parsed(text: str) -> DateSpan:
    """The EDTF date ``text``, parsed once per text (a relation's dates repeat across its rows)."""
    from timeline.dates import parse_edtf

    return parse_edtf(text)
