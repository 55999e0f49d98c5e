"""Which events of a timeline are labelled, and in which order they keep their labels: no drawing in it.

A year of talks holds hundreds of events; a chart that labels them all
labels none legibly. As a graphics desk does, the chart labels the *key
events* and draws every other one as a mark. The rule (:func:`key_rank`),
in order:

1. an event with an ``outcome`` recorded (talks that ended in a deal, a
   breakdown...);
2. a deal or its end: agreements, ceasefires, exchanges, talks suspended
   or resumed;
3. a meeting, call or visit of principals (a head of state or government:
   an actor whose title starts "President of", "Prime Minister of" or
   "Chancellor of");
4. a plan, demand or refusal made by a principal or a state;
5. a date known only as a span wider than a month (a bar must say what it is).

Labels are kept in the order a reader looks for the rounds
(:meth:`Ranking.headline`): first the summits, meetings held between heads
of state or government of two sides or more (Alaska, the Oval Office);
then the talks and events that bring a version of a plan (Moscow on 2
December, with the updated US plan) and the first talks held in person
between two of the main parties (Riyadh on 18 February, Russia and the US:
:meth:`Ranking.of`'s openers); then the other talks in person
between sides held (Riyadh, Istanbul, Geneva), the other talks by rules
1–3, and the other key events by their rule. Within a tier, by rule, then
meetings and visits before calls before the rest (:func:`story_rank`),
then those covered by more reports (their own and their linked events'),
principals of more sides, more principals, then those that happened, then
the earlier (:meth:`Ranking.priority`).
A key event whose label finds no room is drawn as a
mark; the footnote says how many events were drawn and how many labelled.
A chart of at most
:data:`LABEL_ALL_UP_TO` events tries to label every event, the key events
first.

Where labels go is :mod:`timeline.render.keyed`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.model import Dataset, Event

#: Titles of principals: heads of state or government.
PRINCIPAL_TITLES = ("President of", "Prime Minister of", "Chancellor of")
DEALS = ("agreement", "agreement_signed", "agreement_in_principle", "ceasefire_declared", "ceasefire_in_force",
         "exchange", "release", "talks_suspended", "talks_resumed")
PLANS = ("proposal", "counter_proposal", "joint_draft", "demand", "rejection", "deadline", "threat")
MEETINGS = ("meeting", "call", "visit")
#: A span wider than this many days is a key event: its bar needs words.
WIDE_SPAN = 31.0
#: A chart of this many events or fewer tries to label every one (the key events first).
LABEL_ALL_UP_TO = 60

def is_principal(dataset: Dataset, actor_id: str) -> bool:
    """Is the actor a head of state or government (by its title; see :data:`PRINCIPAL_TITLES`)?"""
    actor = dataset.actors.get(actor_id)
    return bool(actor and actor.kind == "person" and (actor.title or "").startswith(PRINCIPAL_TITLES))


def principals(dataset: Dataset, event: Event) -> int:
    """How many principals (heads of state or government) take part in ``event``: among key events of one
    rule, those with more principals keep their labels first."""
    return sum(is_principal(dataset, a) for a in event.actors())


def story_rank(dataset: Dataset, event: Event) -> int:
    """0 for talks in person between sides, 1 for another meeting or a visit, 2 for a call, 3 for the rest:
    within a rule of :func:`key_rank`, the lower keeps its label first."""
    if event.type == "call":
        return 2
    if event.type not in MEETINGS:
        return 3
    sides = {dataset.side(a) for a in event.participants}
    return 0 if event.type == "meeting" and len(sides) > 1 else 1


#: Relations by which a proposal or a deal is a new version of another (the plan's next text).
REVISES = ("supersedes", "amends")
VERSIONS = ("proposal", "counter_proposal", "joint_draft", "agreement", "agreement_in_principle")


@dataclass(frozen=True, slots=True)
class Ranking:
    """What the label order needs to know of the whole record (:meth:`of`): the events that bring a version of
    a plan (a plan version's ``event``, a proposal or deal that supersedes or amends another, and the talks it
    is part of) and, per event, how many reports cover it and the events linked to it (its weight)."""

    dataset: Dataset
    versions: frozenset[str]
    weight: dict[str, int]
    openers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, dataset: Dataset) -> Ranking:
        events = {e.id: e for e in dataset.events}
        versions = {v.event for plan in dataset.plans.values() for v in plan.versions if v.event}
        linked: dict[str, set[str]] = {}
        for event in dataset.events:
            for link in event.related:
                linked.setdefault(event.id, set()).add(link.event)
                linked.setdefault(link.event, set()).add(event.id)
            if event.type in VERSIONS and any(link.relation in REVISES for link in event.related):
                versions.add(event.id)
        versions |= {link.event for v in list(versions) if v in events for link in events[v].related
                     if link.relation == "part_of"}
        weight = {e.id: len(set(e.sources).union(*(events[o].sources for o in linked.get(e.id, ()) if o in events)))
                  for e in dataset.events}
        return cls(dataset, frozenset(versions), weight, openers(dataset))

    def headline(self, event: Event, rule: int) -> int:
        """The tier of a key event of ``rule`` (see the module), lower first: 0 a summit held (principals of
        two sides or more meet, by rules 1–2), 1 talks in person between sides, or an event, that bring a
        plan's version, or the first talks held between two main parties (:func:`openers`), 2 other talks
        between sides held by rules 1–2, 3 the other talks by rules 1–3, else
        ``rule + 3``."""
        talks = story_rank(self.dataset, event) == 0 and rule <= 3
        held = talks and event.status == "occurred" and rule <= 2
        if held and principal_sides(self.dataset, event) > 1:
            return 0
        if (event.id in self.versions and (talks or rule <= 4)) or (held and event.id in self.openers):
            return 1
        return 2 if held else 3 if talks else rule + 3

    def priority(self, event: Event, rule: int) -> tuple[int, ...]:
        """The order in which key events keep their labels (lower first): see the module."""
        return (self.headline(event, rule), rule, story_rank(self.dataset, event), -self.weight.get(event.id, 0),
                -principal_sides(self.dataset, event), -principals(self.dataset, event),
                int(event.status != "occurred"))


#: A side that takes part in this share of the talks held in person between sides or more is a main party.
MAIN_PARTY = 0.25


def openers(dataset: Dataset) -> frozenset[str]:
    """The first talks held in person between each two main parties (sides taking part, hosts included, in
    :data:`MAIN_PARTY` of such talks or more): a round that opens a track is news (Riyadh, 18 February 2025:
    the first US–Russian talks of the record), whichever later round brought more reports."""
    talks = sorted((e for e in dataset.events if e.status == "occurred" and e.date.first
                    and story_rank(dataset, e) == 0), key=lambda e: (e.date.first, e.id))
    sides = {e.id: {dataset.side(a) for a in e.participants} for e in talks}
    share = {side: sum(side in s for s in sides.values()) / len(talks) for side in set().union(*sides.values())}
    seen: set[frozenset] = set()
    first = set()
    for event in talks:
        main = sorted(s for s in sides[event.id] if s and share[s] >= MAIN_PARTY)
        pairs = {frozenset((a, b)) for i, a in enumerate(main) for b in main[i + 1:]}
        if pairs - seen:
            first.add(event.id)
        seen |= pairs
    return frozenset(first)


def principal_sides(dataset: Dataset, event: Event) -> int:
    """How many sides the principals taking part in ``event`` speak for."""
    return len({dataset.side(a) for a in event.actors() if is_principal(dataset, a)})


def priority(dataset: Dataset, event: Event, rule: int) -> tuple[int, ...]:
    """The order in which key events keep their labels (lower first), for one event: see :class:`Ranking`."""
    return Ranking.of(dataset).priority(event, rule)


def key_rank(dataset: Dataset, event: Event, days: float) -> int | None:
    """The rule (1–5 of the module) that makes ``event`` a key event, or ``None``; ``days`` is the width
    of its known date."""
    if getattr(event, "outcome", None):
        return 1
    if event.type in DEALS:
        return 2
    principals = any(is_principal(dataset, a) for a in event.actors())
    if event.type in MEETINGS and principals:
        return 3
    acting = event.source or event.participants
    if event.type in PLANS and (principals or any(dataset.actors[a].kind == "state" for a in acting
                                                  if a in dataset.actors)):
        return 4
    if days > WIDE_SPAN:
        return 5
    return None


def selected(dataset: Dataset, events: Sequence[Event], days: Sequence[float]) -> dict[int, int]:
    """The events among ``events`` whose labels are tried: index -> rule number (see :func:`key_rank`).
    Up to :data:`LABEL_ALL_UP_TO` events every one is tried, the others after the key events (rule 6)."""
    ranks = {i: key_rank(dataset, e, d) for i, (e, d) in enumerate(zip(events, days))}
    if len(events) <= LABEL_ALL_UP_TO:
        return {i: 6 if r is None else r for i, r in ranks.items()}
    return {i: r for i, r in ranks.items() if r is not None}
