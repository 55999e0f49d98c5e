"""The record as plain data: actors, events, sources, and the vocabulary they use.

No I/O here: :mod:`timeline.dataset` reads files into these classes. The
vocabulary (event types with their CAMEO and PLOVER codes, statuses, roles,
relations, outcomes) lives in :mod:`timeline.vocabulary` and is importable
from here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from timeline.dates import DateSpan
from timeline.event_parts import QUANTITY_BOUNDS, Evidence, Link, Plover, Quantity  # noqa: F401 (importable from here)
from timeline.negotiation import Issue, Plan, Position, Quote, StanceScale  # noqa: F401 (Quote: importable from here)
from timeline.pairs import candidate_pairs, meeting_groups
from timeline.vocabulary import (  # noqa: F401 (the model's vocabulary, importable from here)
    CAMEO_ROOTS,
    EVENT_TYPES,
    HELD_STATUSES,
    LEVELS,
    MEETING_TYPES,
    ORDERS,
    OUTCOME_INFO,
    OUTCOMES,
    PENDING_STATUSES,
    PLOVER_TYPES,
    RELATION_INFO,
    RELATIONS,
    ROLE_INFO,
    ROLE_KEYS,
    ROLES,
    STATUS_INFO,
    STATUSES,
    EventRelation,
    EventType,
    Outcome,
    Role,
    Status,
)

ACTOR_KINDS = ("person", "state", "organization", "group")


def date_order(span: DateSpan, order: str = "midpoint") -> tuple:
    """The sort key of a date span: events are listed in this order everywhere.

    ``midpoint`` (the default): by the middle of the span, then the earlier
    start, then the earlier end, so an event dated only ``2022`` (mid-2022)
    comes after 24 Feb 2022, and ``Nov 2025`` before ``2 Dec 2025``; an open
    span is placed at the first moment of its known end (``../2025-12-03``
    before the events of 3 Dec, ``2025-12/..`` on 1 Dec).
    ``start``: by the earliest possible start (open first), then end.
    ``end``: by the latest possible end (open last), then start.
    Raises ``ValueError`` for another order.
    """
    start, end = span.start, span.end
    if order == "start":
        return start or datetime.min, end or datetime.max, span.text
    if order == "end":
        return end or datetime.max, start or datetime.min, span.text
    if order != "midpoint":
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    if start is not None and end is not None:
        middle = start + (end - start) / 2
    else:  # on or before / on or after: the first moment of the end that is known
        middle = next(end.start for end in span.ends() if end is not None and end.start is not None)
    return middle, start or datetime.min, end or datetime.max, span.text


class Affiliation(NamedTuple):
    """Whom an actor belongs to (an actor id), from one date until another (either ``None``: open).

    Both ends are inclusive EDTF spans: ``from: 2025-01-20`` starts with that
    day, ``until: 2025-12`` ends with that month.
    """

    actor: str
    start: DateSpan | None = None
    until: DateSpan | None = None

    def holds_at(self, moment: datetime | None) -> bool:
        """Does it hold at ``moment``? An undated question is answered by undated affiliations only."""
        if moment is None:
            return self.start is None and self.until is None
        return ((self.start is None or self.start.start is None or self.start.start <= moment)
                and (self.until is None or self.until.end is None or moment < self.until.end))


@dataclass(slots=True)
class Actor:
    """A person, state, organisation or group.

    ``affiliation`` is whom it belongs to now (the last one listed);
    ``affiliations`` all of them with their dates (an envoy while in post).
    ``color`` fixes a side's colour in charts (``#rrggbb``).
    """

    id: str
    name: str
    kind: str = "person"
    title: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None
    affiliations: tuple[Affiliation, ...] = ()
    color: str | None = None

    def affiliation_at(self, moment: datetime | None) -> str | None:
        """Whom the actor belongs to at ``moment`` (``None``: as it stands, the last listed).

        A dated affiliation that holds wins over an undated one; if several
        hold, the last listed.
        """
        if moment is None or not self.affiliations:
            return self.affiliation
        holding = [a for a in self.affiliations if a.holds_at(moment) and (a.start or a.until)]
        if holding:
            return holding[-1].actor
        undated = [a for a in self.affiliations if a.start is None and a.until is None]
        return undated[-1].actor if undated else None


@dataclass(slots=True)
class Source:
    """A document the record rests on."""

    id: str
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: DateSpan | None = None
    notes: str | None = None

    def citation(self, words: bool = False) -> str:
        """One line naming the source: publisher, title, date (``words``: an uncertain date says so in words,
        see :meth:`DateSpan.label`)."""
        parts = [self.publisher, f"“{self.title}”" if self.title else None,
                 self.published.label(words) if self.published else None]
        return ", ".join(p for p in parts if p) or self.id


#: An event's actors of each role in role order (:data:`ROLE_KEYS`), read in one call; the roles' names; and
#: the actors of the roles but "mentioned".
_ROLE_VALUES = attrgetter(*ROLE_KEYS)
_ROLE_NAMES = tuple(ROLE_KEYS.values())
_TAKING_PART = attrgetter(*(key for key, role in ROLE_KEYS.items() if role != "mentioned"))


@dataclass(slots=True)
class Event:
    """A dated event linked to actors by their roles.

    ``cameo`` and ``plover`` are the codes given in the data, ``None`` if
    none: :meth:`cameo_code` and :meth:`plover_coding` fall back on the
    type's. ``draft`` events await review and are left out of answers,
    charts and exports unless asked for. ``issues`` are the ids of the
    issues it concerns (:class:`~timeline.negotiation.Issue`).
    """

    id: str
    type: str
    date: DateSpan
    status: str = "occurred"
    location: str | None = None
    participants: tuple[str, ...] = ()
    host: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()
    summary: str = ""
    quotes: tuple[Quote, ...] = ()
    sources: tuple[str, ...] = ()
    related: tuple[Link, ...] = ()
    notes: str | None = None
    title: str | None = None
    head: tuple[str, ...] = ()
    mediator: tuple[str, ...] = ()
    initiator: tuple[str, ...] = ()
    signatory: tuple[str, ...] = ()
    cameo: str | None = None
    plover: Plover | None = None
    outcome: str | None = None
    quantities: tuple[Quantity, ...] = ()
    draft: bool = False
    issues: tuple[str, ...] = ()
    evidence: Evidence | None = None  # the sentence a drafted event rests on
    confidence: float | None = None  # how sure the drafting was, 0 to 1

    def roles(self) -> list[tuple[str, str]]:
        """Each (actor id, role) pair of the event, in role order (:data:`ROLES`)."""
        return [(actor, role) for role, actors in zip(_ROLE_NAMES, _ROLE_VALUES(self)) for actor in actors]

    def role_actors(self, mentioned: bool = True) -> Iterator[str]:
        """The actor id of each of :meth:`roles`, in role order, repeats kept; without the mentioned actors
        if not ``mentioned`` (those of the roles in which an actor takes part)."""
        return chain.from_iterable((_ROLE_VALUES if mentioned else _TAKING_PART)(self))

    def actors(self) -> list[str]:
        """Every actor id linked to the event, once each, in role order."""
        return list(dict.fromkeys(self.role_actors()))

    def attendees(self) -> tuple[str, ...]:
        """Who sat at a symmetric event: participants and heads of delegation, once each."""
        return tuple(dict.fromkeys((*self.participants, *self.head)))

    def acting(self) -> tuple[str, ...]:
        """Who did the event: its sources, or the attendees, host, mediators and signatories of a symmetric one."""
        if self.event_type.symmetric:
            return tuple(dict.fromkeys((*self.attendees(), *self.host, *self.mediator, *self.signatory)))
        return self.source

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPES[self.type]

    @property
    def status_info(self) -> Status:
        return STATUS_INFO[self.status]

    @property
    def held(self) -> bool:
        """Did it take place (by at least one side's account)?"""
        return STATUS_INFO[self.status].held

    def cameo_code(self) -> str:
        """The CAMEO code: the event's own, else its type's default (text, leading zeros kept)."""
        return self.cameo or self.event_type.code

    def plover_coding(self) -> Plover | None:
        """The PLOVER coding: the event's own, else its type's default; ``None`` for a plain statement."""
        if self.plover is not None:
            return self.plover
        kind = self.event_type
        return Plover(kind.plover, kind.mode) if kind.plover else None

    def headline(self) -> str:
        """The title, else the type's label with the acting actors: 'Meeting: putin, witkoff'."""
        if self.title:
            return self.title
        acting = self.acting()
        return f"{self.event_type.label}: {', '.join(acting)}" if acting else self.event_type.label


@dataclass(slots=True)
class Dataset:
    """A whole record: actors and sources by id, events in date order (:func:`date_order`).

    ``drafts`` holds the events marked ``draft: true`` (awaiting review),
    kept out of ``events`` so that no answer, chart or export shows them
    unless asked (:class:`~timeline.filters.EventFilter` ``include_drafts``).
    ``issues``, ``positions``, ``plans`` and the ``stances`` scale are those of
    :mod:`timeline.negotiation` (empty, and the default scale, in a dataset without them).
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    title: str | None = None
    description: str | None = None
    drafts: list[Event] = field(default_factory=list)
    issues: dict[str, Issue] = field(default_factory=dict)
    positions: list[Position] = field(default_factory=list)
    plans: dict[str, Plan] = field(default_factory=dict)
    stances: StanceScale = field(default_factory=StanceScale)

    def event(self, event_id: str) -> Event:
        """The event (or draft) with this id (``KeyError`` if none)."""
        for event in (*self.events, *self.drafts):
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def date_range(self) -> str | None:
        """The period the events cover, each end as precise as its date: '1990 to 3 Dec 2025'; ``None`` if none."""
        ends = [end for event in self.events for end in event.date.ends() if end is not None]
        if not ends:
            return None
        first, last = min(ends, key=lambda d: d.start or datetime.min), max(ends, key=lambda d: d.end or datetime.max)
        return first.label() if first == last else f"{first.label()} to {last.label()}"

    def affiliation_chain(self, actor_id: str, date: DateSpan | None = None) -> list[str]:
        """The actor and all it belongs to at ``date``, innermost first: ``['witkoff', 'united-states']``.

        ``date`` ``None``: as things stand (each actor's last listed affiliation).
        An affiliation holds at a date if it holds at the date's :func:`date_order` midpoint.
        """
        return self._chain_at(actor_id, None if date is None else date_order(date)[0])

    def _chain_at(self, actor_id: str, moment: datetime | None) -> list[str]:
        """:meth:`affiliation_chain` at a moment (a date's :func:`date_order` midpoint, worked out once)."""
        chain = [actor_id]
        while (parent := self.actors[chain[-1]].affiliation_at(moment)) and parent not in chain:
            chain.append(parent)
        return chain

    def nodes_at(self, level: str, date: DateSpan | None = None) -> Mapping[str, str]:
        """Each actor id with what it counts as at ``level``: itself (``person``) or its :meth:`side` (``state``).

        With ``date``, people are rolled up by the affiliation they had then.
        """
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
        if level == "person":
            return {a: a for a in self.actors}
        if date is not None and any(actor.affiliations for actor in self.actors.values()):
            return _SidesAt(self, date)
        return {a: self.side(a) for a in self.actors}

    def nodes_by_date(self, level: str) -> Callable[[DateSpan], Mapping[str, str]]:
        """A function giving :meth:`nodes_at` ``level`` at a date; one mapping for all dates when no
        affiliation is dated, so that asking for each of 100,000 events costs nothing."""
        fixed = self.nodes_at(level)
        if level == "person" or not any(actor.affiliations for actor in self.actors.values()):
            return lambda date: fixed
        return lambda date: _SidesAt(self, date)

    def side(self, actor_id: str, date: DateSpan | None = None) -> str:
        """The state an actor belongs to (transitively) at ``date``, else its outermost affiliation.

        Witkoff's side is the United States; a Ukrainian delegation's is Ukraine;
        an actor that belongs to nothing is its own side.
        """
        chain = self.affiliation_chain(actor_id, date)
        return next((a for a in chain if self.actors[a].kind == "state"), chain[-1])

    def met_pairs(self, event: Event, node: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
        """The pairs that met at a symmetric ``event`` (or were parties together to an agreement...), sorted.

        Attendees (participants and heads) and host meet pairwise, but a
        visit's visitors meet their host, not each other. At talks with a
        ``mediator``, the sides meet the mediators, not each other (nor the
        host, unless it is also listed as a participant or mediator); mediators
        meet each other, and attendees of one side meet each other. Nobody
        meets a group they belong to (a delegate and the delegation).
        ``node`` maps actors to what they count as (their state, at state
        level); pairs within one node are dropped.
        """
        return sorted(self.iter_met_pairs(event, node))

    def iter_met_pairs(self, event: Event, node: Mapping[str, str] | None = None,
                       only: str | None = None) -> Iterator[tuple[str, str]]:
        """The pairs of :meth:`met_pairs`, unsorted, each once; with ``only``, just the pairs with that node.

        Asking for one node's pairs costs time in proportion to the event's
        actors, not to their pairs: a meeting of 3,000 is not expanded.
        """
        at = node.__getitem__ if node else str
        seen: set[tuple[str, str]] = set()
        chains: dict[str, list[str]] = {}
        moment = date_order(event.date)[0]

        def chain(actor: str) -> list[str]:
            if (found := chains.get(actor)) is None:
                found = chains[actor] = self._chain_at(actor, moment)
            return found

        for u0, v0 in candidate_pairs(meeting_groups(self, event), at, only):
            u, v = at(u0), at(v0)
            if v < u:
                u, v = v, u
            if u == v or (u, v) in seen or u in chain(v) or v in chain(u):
                continue
            seen.add((u, v))
            yield u, v


class _SidesAt(Mapping):
    """The side of each actor at one date, worked out when asked for (see :meth:`Dataset.nodes_at`)."""

    def __init__(self, dataset: Dataset, date: DateSpan) -> None:
        self.dataset, self.date = dataset, date
        self.known: dict[str, str] = {}

    def __getitem__(self, actor: str) -> str:
        if actor not in self.known:
            if actor not in self.dataset.actors:
                raise KeyError(actor)
            self.known[actor] = self.dataset.side(actor, self.date)
        return self.known[actor]

    def __iter__(self) -> Iterator[str]:
        return iter(self.dataset.actors)

    def __len__(self) -> int:
        return len(self.dataset.actors)
