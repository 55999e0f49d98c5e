"""The cast of a synthetic dataset: its actors (states, organisations, delegations, people) and the
negotiation tracks that group them, and the records the events are made of (bench/generate.py)."""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import NamedTuple

from generate_words import (
    CULTURE_NAMES,
    DAYS,
    FAMILY_FIRST,
    FIRST_DAY,
    HEADS,
    MEDIATOR_STATES,
    NATIVE_SHARE,
    ORGANISATIONS,
    STATE_BODIES,
    STATES,
    TITLES,
    TOPICS,
    TOWNS,
    VENUES,
    slug,
    the,
)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str
    short: str                      # the name summaries use
    aliases: list[str]
    title: str | None = None
    affiliation: str | None = None
    side: str | None = None         # the state it belongs to
    weight: float = 1.0
    role: str = "person"            # state, person, igo, group, monitor, media, military, delegation
    capital: str | None = None      # states only, like the three below
    zone: str = "Z"
    demonym: str = ""
    culture: str = "en"


@dataclass(slots=True)
class Track:
    """A negotiation between a few states over some months: where most events come from."""

    states: list[str]
    start: int
    end: int
    topics: list[str]
    towns: list[str]
    venue: str
    mediator: str | None
    rounds: list[int]
    conflict: bool                  # with fighting: military actions, claims and denials
    delegations: dict[str, str] = field(default_factory=dict)
    recent: dict[str, list[Recent]] = field(default_factory=dict)    # by event type, oldest first
    sources: list[tuple[int, str]] = field(default_factory=list)     # (day published, id), newest last


class Recent(NamedTuple):
    """What later events of a track need to know of an earlier one."""

    day: int
    id: str
    side: str          # the acting side
    other: str         # the side acted upon
    actor: str         # the first source or participant


@dataclass(slots=True)
class Event:
    id: str
    type: str
    day: int
    date: str
    status: str
    summary: str
    roles: dict[str, list[str]]
    location: str | None = None
    quotes: list[tuple[str, str, str | None]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)
    notes: str | None = None


class Sampler:
    """Weighted choice in O(log n) from fixed weights."""

    __slots__ = ("cumulative", "items")

    def __init__(self, items: list, weights: list[float]):
        self.items, self.cumulative = items, list(accumulate(weights))

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def actor_count(events: int) -> int:
    """About 120 actors for 1k events, 300 for 10k, 600 for 100k."""
    points = ((2, 50), (3, 120), (4, 300), (5, 600), (6, 1000))
    x = min(max(math.log10(max(events, 1)), 2), 6)
    (x0, y0), (x1, y1) = next((a, b) for a, b in pairwise(points) if a[0] <= x <= b[0])
    return round(y0 + (y1 - y0) * (x - x0) / (x1 - x0))



class Cast:
    """The actors and tracks of one dataset, drawn from ``Random(seed)``, sized for ``events`` events."""

    def __init__(self, events: int, seed: int = 1):
        self.rng = random.Random(seed)
        self.target, self.seed = events, seed
        self.actors: dict[str, Actor] = {}
        self.names: set[str] = set()
        self.build_actors()
        self.build_tracks()

    # -- actors ------------------------------------------------------------------

    def add(self, actor: Actor) -> Actor:
        """Add ``actor``, giving it a free id ('wang-wei-2') if its own is taken."""
        ident, n = actor.id, 2
        while actor.id in self.actors:
            actor.id, n = f"{ident}-{n}", n + 1
        self.actors[actor.id] = actor
        return actor

    def build_actors(self) -> None:
        rng, total = self.rng, actor_count(self.target)
        scale = (min(max(math.log10(max(self.target, 1)), 2), 5) - 2) / 3       # 0 at 100 events, 1 at 100k
        rows = [line.split("|") for line in STATES.strip().splitlines()]
        n_states = round(8 + 32 * scale)
        self.states: list[Actor] = []
        for rank, index in enumerate(sorted(range(n_states), key=lambda i: i + rng.uniform(0, 3)), 1):
            ident, name, aliases, capital, zone, demonym, culture = rows[index]
            self.states.append(self.add(Actor(ident, name, "state", the(name), aliases.split(";"), side=ident,
                                              weight=1 / rank ** 0.9, role="state", capital=capital, zone=zone,
                                              demonym=demonym, culture=culture)))
        self.n_tracks = max(3, round(n_states * 0.6))
        delegations = round(self.n_tracks * 1.2)    # expected, made with the tracks
        self.build_organisations(round(total * 0.1) - delegations)
        self.build_persons(total - len(self.actors) - delegations)

    def build_organisations(self, count: int) -> None:
        rows = [line.split("|") for line in ORGANISATIONS.strip().splitlines()]
        bodies = [(state, body) for state in self.states[:6] for body in STATE_BODIES]
        rows = rows[:max(8, count - len(bodies))]
        for ident, name, kind, aliases, role, affiliation in rows:
            aliases = aliases.split(";")
            self.add(Actor(ident, name, kind, aliases[0] if role == "igo" else name, aliases,
                           affiliation=affiliation or None, weight=0.05 + 0.1 * self.rng.random(), role=role))
        for state, (pattern, suffix, role) in bodies[:max(0, count - len(rows))]:
            name = pattern.format(d=state.demonym)
            self.add(Actor(f"{state.id}-{suffix}", name, "organization", name, [], affiliation=state.id,
                           side=state.id, weight=state.weight * 0.3, role=role))

    def person_name(self, culture: str) -> tuple[str, str, str]:
        """(name, Latin name, Latin family name) of a new person; the Latin name is unique."""
        given, family = CULTURE_NAMES[culture]
        for _ in range(50):
            (first, first_latin, female), (last, last_latin, _) = self.rng.choice(given), self.rng.choice(family)
            if female and culture == "ru" and last.endswith(("ов", "ев", "ин")):
                last, last_latin = last + "а", last_latin + "a"
            if female and culture == "pl" and last.endswith("ski"):
                last = last_latin = last[:-1] + "a"
            if culture in FAMILY_FIRST:
                native = last + first
                latin = f"{first_latin} {last_latin}" if culture == "ja" else f"{last_latin} {first_latin}"
            else:
                native, latin = f"{first} {last}", f"{first_latin} {last_latin}"
            if latin not in self.names:
                break
        else:
            native = latin = f"{latin} {len(self.names)}"
        self.names.add(latin)
        use_native = native != latin and self.rng.random() < NATIVE_SHARE.get(culture, 0)
        return (native if use_native else latin), latin, last_latin

    def build_persons(self, count: int) -> None:
        rng = self.rng
        orgs = [a for a in self.actors.values() if a.role in ("igo", "monitor")][:max(2, count // 40)]
        count -= len(orgs)
        shares = Sampler(self.states, [s.weight ** 0.5 for s in self.states])
        per_state = Counter(shares(rng).id for _ in range(count - len(self.states)))
        for state in self.states:
            for rank in range(1, per_state[state.id] + 2):
                if rank == 1 and state.id in HEADS:
                    name, latin, aliases = HEADS[state.id]
                    aliases = [latin, *aliases]
                else:
                    culture = "ga" if state.culture == "en" and rng.random() < 0.15 else state.culture
                    name, latin, last = self.person_name(culture)
                    aliases = [a for a in dict.fromkeys((latin, last)) if a != name]
                if rank <= len(TITLES) and rng.random() < 0.9:
                    title = TITLES[rank - 1]
                else:
                    title = rng.choice(TITLES[4:]) if rng.random() < 0.8 else None
                self.add(Actor(slug(latin), name, "person", latin, aliases,
                               title=title and title.format(s=state.short, d=state.demonym),
                               affiliation=state.id, side=state.id, weight=state.weight / rank ** 1.3))
        self.staff: dict[str, Actor] = {}
        for org in orgs:
            name, latin, last = self.person_name(rng.choice(("en", "fr", "de", "nordic", "es")))
            title = f"Secretary-General of the {org.short}" if org.role == "igo" else f"Senior analyst, {org.name}"
            self.staff[org.id] = self.add(Actor(slug(latin), name, "person", latin, [last], title=title,
                                                affiliation=org.id, weight=org.weight))

    # -- tracks ------------------------------------------------------------------

    def build_tracks(self) -> None:
        rng, states = self.rng, self.states
        self.pick_state = Sampler(states, [s.weight for s in states])
        by_role: dict[str, list[Actor]] = {}
        for actor in self.actors.values():
            by_role.setdefault(actor.role, []).append(actor)
        self.monitors = by_role.get("monitor", [])     # news agencies publish the reports; they assess nothing
        self.collectives = by_role.get("igo", []) + by_role.get("group", [])
        mediators = by_role.get("igo", []) + [s for s in states if s.id in MEDIATOR_STATES]
        people: dict[str, list[Actor]] = {s.id: [] for s in states}
        for actor in by_role.get("person", []):
            if actor.side:
                people[actor.side].append(actor)
        self.pick_person = {s: Sampler(p, [a.weight for a in p]) for s, p in people.items() if p}
        self.tracks: list[Track] = []
        for index in range(self.n_tracks):
            if index == 0:
                members = states[:2]
            else:
                members, size = [self.pick_state(rng)], rng.choice((2, 2, 2, 3, 3, 4))
                while len(members) < size:
                    other = rng.choice(states)
                    if other not in members:
                        members.append(other)
            length = DAYS if index < 2 else min(DAYS, int(rng.lognormvariate(math.log(300), 0.7)) + 60)
            start = FIRST_DAY + rng.randrange(DAYS - length + 1)
            mediator = rng.choice(mediators) if rng.random() < 0.5 else None
            track = Track([s.id for s in members], start, start + length, rng.sample(TOPICS, 3),
                          rng.sample(TOWNS, 4), rng.choice(VENUES),
                          mediator.id if mediator and mediator not in members else None,
                          sorted(rng.randrange(start, start + length) for _ in range(max(2, length // 60))),
                          conflict=index == 0 or rng.random() < 0.3)
            for state in members[:2]:
                if rng.random() < 0.6:
                    track.delegations[state.id] = self.delegation(state, track.venue).id
            self.tracks.append(track)
        self.pick_track = Sampler(list(range(len(self.tracks))), [1 / (i + 1) for i in range(len(self.tracks))])

    def delegation(self, state: Actor, venue: str) -> Actor:
        name = f"{state.demonym} delegation to the {venue} talks"
        return self.add(Actor(slug(name), name, "group", f"the {state.demonym} delegation",
                              [f"{state.demonym} negotiators"], affiliation=state.id, side=state.id,
                              weight=state.weight * 0.2, role="delegation"))
