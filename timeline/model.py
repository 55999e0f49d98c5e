"""The record as plain data: actors, events, sources and their vocabularies.

No I/O here: :mod:`timeline.dataset` reads files into these classes.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from timeline.dates import DateSpan

ACTOR_KINDS = ("person", "state", "organization", "group")
STATUSES = ("occurred", "planned", "cancelled", "disputed")
#: Statuses of events that took place (a disputed one by one side's account); planned and cancelled did not.
HELD_STATUSES = ("occurred", "disputed")
#: Levels of the actor graph and of "who met whom": actors as recorded, or as their states.
LEVELS = ("person", "state")
RELATIONS = ("responds_to", "disputes", "supersedes", "part_of")
ROLES = ("participant", "host", "source", "target", "mentioned")
#: The key each role has in a data file.
ROLE_KEYS = {"participants": "participant", "host": "host", "source": "source",
             "target": "target", "mentioned": "mentioned"}


class EventType(NamedTuple):
    """An event type with its codes in the political event datasets.

    ``cameo`` is the CAMEO root code (GDELT, ICEWS); ``plover`` the PLOVER
    category (POLECAT), or ``None`` where PLOVER has no category for it.
    ``symmetric`` types join participants; the others go from source to target.
    """

    name: str
    cameo: str
    cameo_label: str
    plover: str | None
    symmetric: bool


EVENT_TYPES: dict[str, EventType] = {t.name: t for t in (
    EventType("meeting", "04", "Consult", "CONSULT", True),
    EventType("call", "04", "Consult", "CONSULT", True),
    EventType("visit", "04", "Consult", "CONSULT", True),
    EventType("agreement", "05", "Engage in diplomatic cooperation", "AGREE", True),
    EventType("proposal", "03", "Express intent to cooperate", "AGREE", False),
    EventType("counter_proposal", "03", "Express intent to cooperate", "AGREE", False),
    EventType("demand", "10", "Demand", "REQUEST", False),
    EventType("rejection", "12", "Reject", "REJECT", False),
    EventType("acceptance", "08", "Yield", "CONCEDE", False),
    EventType("statement", "01", "Make public statement", None, False),
    EventType("accusation", "11", "Disapprove", "ACCUSE", False),
    EventType("threat", "13", "Threaten", "THREATEN", False),
    EventType("claim", "01", "Make public statement", None, False),
    EventType("denial", "01", "Make public statement", "REJECT", False),
    EventType("military_action", "19", "Fight", "ASSAULT", False),
    EventType("assessment", "01", "Make public statement", None, False),
)}

#: Types whose participants (and host) count as having met.
MEETING_TYPES = ("meeting", "call", "visit")


@dataclass(slots=True)
class Actor:
    """A person, state, organisation or group."""

    id: str
    name: str
    kind: str = "person"
    title: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(slots=True)
class Source:
    """A document the record rests on."""

    id: str
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: DateSpan | None = None
    notes: str | None = None

    def citation(self) -> str:
        """One line naming the source: publisher, title, date."""
        parts = [self.publisher, f"“{self.title}”" if self.title else None,
                 self.published.label() if self.published else None]
        return ", ".join(p for p in parts if p) or self.id


@dataclass(slots=True)
class Quote:
    """Words an actor said, short and attributed."""

    speaker: str
    text: str
    source: str | None = None


class Link(NamedTuple):
    """A relation from one event to another, e.g. a denial ``disputes`` a claim."""

    relation: str
    event: str


@dataclass(slots=True)
class Event:
    """A dated event linked to actors by their roles."""

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

    def roles(self) -> list[tuple[str, str]]:
        """Each (actor id, role) pair of the event, in role order."""
        return [(actor, role) for key, role in ROLE_KEYS.items()
                for actor in getattr(self, key)]

    def actors(self) -> list[str]:
        """Every actor id linked to the event, once each, in role order."""
        return list(dict.fromkeys(actor for actor, _ in self.roles()))

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPES[self.type]


@dataclass(slots=True)
class Dataset:
    """A whole record: actors and sources by id, events in date order."""

    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    title: str | None = None
    description: str | None = None

    def event(self, event_id: str) -> Event:
        """The event with this id (``KeyError`` if none)."""
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def date_range(self) -> str | None:
        """The period the events cover, each end as precise as its date: '1990 to 3 Dec 2025'; ``None`` if none."""
        ends = [end for event in self.events for end in event.date.ends() if end is not None]
        if not ends:
            return None
        first, last = min(ends, key=lambda d: d.start), max(ends, key=lambda d: d.end)
        return first.label() if first == last else f"{first.label()} to {last.label()}"

    def affiliation_chain(self, actor_id: str) -> list[str]:
        """The actor and all it belongs to, innermost first: ``['witkoff', 'united-states']``."""
        chain = [actor_id]
        while (parent := self.actors[chain[-1]].affiliation) and parent not in chain:
            chain.append(parent)
        return chain

    def nodes_at(self, level: str) -> dict[str, str]:
        """Each actor id with what it counts as at ``level``: itself (``person``) or its :meth:`side` (``state``)."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
        return {a: self.side(a) if level == "state" else a for a in self.actors}

    def side(self, actor_id: str) -> str:
        """The state an actor belongs to (transitively), else its outermost affiliation.

        Witkoff's side is the United States; a Ukrainian delegation's is Ukraine;
        an actor that belongs to nothing is its own side.
        """
        chain = self.affiliation_chain(actor_id)
        return next((a for a in chain if self.actors[a].kind == "state"), chain[-1])

    def met_pairs(self, event: Event, node: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
        """The pairs that met at a symmetric ``event``, each sorted, in order.

        Participants and host meet pairwise, but a visit's visitors meet their
        host, not each other, and nobody meets a group they belong to (a
        delegate and the delegation). ``node`` maps actors to what they count
        as (their state, at state level); pairs within one node are dropped.
        """
        def at(actor: str) -> str:
            return node[actor] if node else actor

        if event.type == "visit" and event.host and event.participants:
            pairs = {tuple(sorted((at(v), at(h)))) for v in event.participants for h in event.host}
        else:
            pairs = set(combinations(sorted({at(a) for a in (*event.participants, *event.host)}), 2))
        return sorted((u, v) for u, v in pairs if u != v
                      and u not in self.affiliation_chain(v) and v not in self.affiliation_chain(u))
