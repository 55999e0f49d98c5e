"""The shapes of the questions' answers (:mod:`timeline.query`, :mod:`timeline.positions`), the gaps between
sides, and the label of a set of dates.

Kept apart from :mod:`timeline.query` so that an answer read from the store's
tables (:mod:`timeline.index`) has the same shape without importing the model.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from operator import itemgetter
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

    A link of a chain of meetings (:func:`timeline.query.path`) is the ``met``
    relation, not ``directed``, from one actor of the chain to the next: ``actors``.
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

    @property
    def actors(self) -> tuple[str, str | None]:
        """The two actors, ``source`` first."""
        return self.source, self.target


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


#: How :func:`timeline.positions.gaps` counts sides: each actor as its state, or every actor apart.
GAP_LEVELS = ("state", "person")


class Stand(NamedTuple):
    """A position in its chain: who, on what, which stance (and its ``value``), from when (``date`` as written,
    ``since`` the ISO day it counts from) ``until`` when (the ISO day the next one counts from; ``None``:
    it still holds), in our words, resting on what, claimed by whom (empty: the actor's own)."""

    issue: str
    actor: str
    stance: str
    value: float
    date: str
    since: str
    until: str | None
    statement: str
    event: str | None
    claimed_by: tuple[str, ...]
    sources: tuple[str, ...]
    position: str


class Gap(NamedTuple):
    """How far apart the sides stand on one issue as of a date; ``before``, ``change`` and ``trend`` against ``since``.

    ``sides`` maps each side to its stance, most in favour first; ``most_for`` and
    ``most_against`` are the sides at either end.
    """

    issue: str
    gap: float
    most_for: tuple[str, ...]
    most_against: tuple[str, ...]
    sides: dict[str, str]
    before: float | None
    change: float | None
    trend: str | None


#: Each issue's sides as of a date, each with its stance and the stance's value.
Sides = dict[str, dict[str, tuple[str, float]]]


def widest_gaps(now: Sides, then: Sides | None, issues: Iterable[str]) -> list[Gap]:
    """The :class:`Gap` of each issue of ``now`` held by two sides or more, widest first, then in the order of
    ``issues`` (every issue's id); ``then``: the sides as of an earlier date (``None``: not asked)."""
    found = []
    for issue, sides in now.items():
        if len(sides) < 2:
            continue
        gap, before = max_spread(sides), _spread((then or {}).get(issue, {}))
        change = None if then is None or before is None else gap - before
        trend = None if then is None else "new" if change is None else \
            "converging" if change < 0 else "diverging" if change > 0 else "steady"
        ranked = sorted(sides.items(), key=lambda item: (-item[1][1], item[0]))
        top, bottom = ranked[0][1][1], ranked[-1][1][1]
        found.append(Gap(issue, gap, tuple(s for s, (_, v) in ranked if v == top),
                         tuple(s for s, (_, v) in ranked if v == bottom),
                         {side: stance for side, (stance, _) in ranked}, before, change, trend))
    order = {ident: index for index, ident in enumerate(issues)}
    return sorted(found, key=lambda g: (-g.gap, order[g.issue]))


def _spread(sides: dict[str, tuple[str, float]]) -> float | None:
    return max_spread(sides) if len(sides) >= 2 else None


def max_spread(sides: dict[str, tuple[str, float]]) -> float:
    """The widest distance between the sides' stance values (0 for one side)."""
    values = [value for _, value in sides.values()]
    return max(values) - min(values)


def dates_label(dates: Iterable[str]) -> str:
    """The period a set of EDTF dates spans, each end at its own precision: 'Sep 2022', 'Sep 2022 – Mar 2023'.

    One date is labelled as itself (``2025-06-01?`` keeps its '?'); several
    from the earliest start to the latest end ('open at both ends' when one is open
    before and another after). An empty set gives ``""``.
    """
    if type(dates) is tuple and (known := _LABELS.get(dates)) is not None:
        return known
    texts = list(dict.fromkeys(dates))
    if not texts:
        return ""
    if len(texts) == 1:
        return _ends(texts[0])[0]
    try:
        ends = list(map(_ENDS.__getitem__, texts))  # the common case: all remembered
    except KeyError:
        ends = list(map(_ends, texts))
    firsts, lasts = list(map(_FIRST, ends)), list(map(_LAST, ends))
    first = None if None in firsts else min(firsts, key=_EARLIEST)  # the first of equals: in the order of dates
    last = None if None in lasts else max(lasts, key=_LATEST)
    if first is not None and last is not None and first[0] == last[0]:
        return _parsed(first[0]).label()
    if first is None and last is None:  # one date open before, another open after: no bound either way
        return "open at both ends"
    return _parsed(f"{first[0] if first else '..'}/{last[0] if last else '..'}").label()


#: An end of a date: its text, and its start and end as sortable text; ``None`` for an open end.
End = tuple[str, str, str] | None
#: What :func:`dates_label` needs of each date text: its label and its two ends, by text.
_ENDS: dict[str, tuple[str, End, End]] = {}
#: How :func:`dates_label` picks the first end (earliest start, then end) and the last (latest end, then start).
_EARLIEST, _LATEST = itemgetter(1, 2), itemgetter(2, 1)
_FIRST, _LAST = itemgetter(1), itemgetter(2)


#: Labels of tuples of dates made elsewhere (:func:`remember_labels`).
_LABELS: dict[tuple[str, ...], str] = {}


def remember_labels(labels: Iterable[tuple[tuple[str, ...], str]]) -> None:
    """Take the labels of some tuples of dates, as (dates, label), from elsewhere: the store's tables keep those of
    the busiest actors' relations (:mod:`timeline.index.relation_rows`)."""
    _LABELS.update(labels)


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
