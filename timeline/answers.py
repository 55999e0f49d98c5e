"""The shapes of the questions' answers (:mod:`timeline.query`), and the label of a set of dates.

Kept apart from :mod:`timeline.query` so that an answer read from the store's
tables (:mod:`timeline.index`) has the same shape without importing the model.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from timeline.vocabulary import HELD_STATUSES


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
    from timeline.dates import parse_edtf

    spans = [parse_edtf(text) for text in dict.fromkeys(dates)]
    if not spans:
        return ""
    if len(spans) == 1:
        return spans[0].label()
    firsts = [span.ends()[0] for span in spans]
    lasts = [span.ends()[1] for span in spans]
    first = None if None in firsts else min(firsts, key=lambda d: (d.start, d.end))
    last = None if None in lasts else max(lasts, key=lambda d: (d.end, d.start))
    if first is not None and last is not None and first.text == last.text:
        return first.label()
    if first is None and last is None:  # one date open before, another open after: no bound either way
        return "open at both ends"
    return parse_edtf(f"{first.text if first else '..'}/{last.text if last else '..'}").label()
