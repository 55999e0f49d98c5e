"""Which lane each event of a timeline goes in: the selection of what to draw, with no drawing in it.

A lane's name says what it holds, whatever the order of names in the data:

- ``side``: an event goes to the lane of the side that acts in it (its
  sources, else its participants and host, each counted as its state or
  outermost affiliation). An event where several sides act (talks between
  Russia and the United States, a plan drafted by two sides) goes to the
  first lane, :data:`BETWEEN`.
- ``actor``: an actor's lane holds every event it takes part in, in any role
  but ``mentioned``: an event with three actors is drawn in three lanes.
- ``type``: one lane per event type, in the model's order.
- ``none``: one lane.

Lanes are ordered by their number of events, most first, then by name; with lanes by side, the parties to
the talks (below) come first, in the order of their names, so that Russia's lane and Ukraine's keep one order
in every chart of the talks (judged round 9: the chronology put Ukraine first, the 2025 charts Russia).
A side or actor with fewer events than :func:`fold_below` gives (one or two
in a chart of a year) has no lane of its own, unless it is a party to the
talks (it acts, alone or with others, in :data:`PARTY_SHARE` of the events): it shares the last lane, named
by its sides where they are :data:`FEW_NAMED` at most, else "Others", whose note names them; so do the least active past
:data:`MAX_LANES`. Each lane carries a note that says what it holds.
"""
from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.model import EVENT_TYPES, Dataset, Event
from timeline.render.graph_names import actor_name
from timeline.render.labels import short_name
from timeline.render.text import clip, printable

#: At most this many lanes of their own: the least active actors or sides share one more.
MAX_LANES = 10
#: The lane of events in which several sides act.
BETWEEN = "\0between"
OTHERS = "\0others"
NO_ACTOR = "\0none"
LANE_NAME = 18          # characters per line of a lane's name
#: A lane of this many folded sides at most is named by them, as a lane of one side is (judged round 13: "Others /
#: Pro-Ukrainian war mappers, UK" in one chart, "Pro-Ukrainian war mappers" in another); more are "Others", and so
#: is a name wider than the kept lanes' (it took the axis width of a top label: Geneva, 2025's 13th).
FEW_NAMED = 2
#: A side that acts, alone or with others, in this share of the events or more is a party: never in "Others".
PARTY_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class LanePlan:
    """Lane names top to bottom, and for each event the lanes (indexes) it is drawn in."""

    names: tuple[str, ...]
    lanes_of: tuple[tuple[int, ...], ...]
    notes: tuple[str, ...] = ()


def fold_below(events: int) -> int:
    """Lanes with fewer events than this fold into "Others": none under 20 events, else 2% of the events,
    at least 2."""
    return 0 if events < 20 else max(2, -(-events * 2 // 100))


def plan_lanes(dataset: Dataset, events: Sequence[Event], lanes: str, most: int = MAX_LANES) -> LanePlan:
    """The lanes of a timeline of ``events``, by ``lanes`` (one of :data:`timeline.render.choices.LANES`); see
    the module's rules. ``most``: lanes of their own at most (default :data:`MAX_LANES`), the rest in "Others"."""
    sides = _sides_of(dataset, events) if lanes == "side" else []
    keys = [_side_key(s) for s in sides] if lanes == "side" else [_keys(event, lanes) for event in events]
    names_of_folded = ""
    lane_of: dict[str, int] = {}
    counts = Counter(k for ks in keys for k in ks)
    names = {k: _name(dataset, k, lanes) for k in counts}
    if lanes == "type":
        order = [t for t in EVENT_TYPES if t in counts] + sorted(k for k in counts if k not in EVENT_TYPES)
    else:
        # a party (acting, alone or with others, in PARTY_SHARE of the events; a mediator mostly between
        # sides) keeps a lane of its own for the few things it does alone rather than fold into "Others"
        present = Counter(side for acting in sides for side in acting)
        party = {k for k in counts if present[k] >= PARTY_SHARE * len(events) and k not in (BETWEEN, NO_ACTOR)}
        order = sorted(counts, key=lambda k: (k != BETWEEN, k == NO_ACTOR, k not in party,
                                              names[k].casefold() if k in party else "", -counts[k],
                                              names[k].casefold(), k))
        small = {k for k in order if counts[k] < fold_below(len(events)) and k != BETWEEN and k not in party}
        kept = [k for k in order if k not in small][:most]
        folded = [k for k in order if k not in kept]
        if len(folded) > 1 or (folded and len(order) > most + 1):
            lane_of = {k: len(kept) for k in folded}
            order = [*kept, OTHERS]
            names_of_folded = ", ".join(names[k] for k in folded[:4]) + (f" and {len(folded) - 4} more"
                                                                         if len(folded) > 4 else "")
            lines = textwrap.wrap(names_of_folded, LANE_NAME)     # no wider than the other names: the plot keeps
            widest = max((len(line) for k in kept for line in textwrap.wrap(names[k], LANE_NAME)), default=0)
            few = len(folded) <= FEW_NAMED and len(lines) <= 2 and max(map(len, lines)) <= widest   # its width
            names[OTHERS], names_of_folded = (names_of_folded, "") if few else ("Others", names_of_folded)
    lane_of |= {k: i for i, k in enumerate(order)}
    alone = {k: (lane_of[k],) for k in lane_of}                     # most events are in one lane: one tuple each
    notes = tuple(_note(k, lanes, names_of_folded if k == OTHERS else "") for k in order)
    first_side = next((i for i, k in enumerate(order) if lanes == "side" and k not in (BETWEEN, OTHERS, NO_ACTOR)), None)
    notes = tuple(SIDE_NOTE if i == first_side else note for i, note in enumerate(notes))
    return LanePlan(tuple(names[k] for k in order),
                    tuple(alone[ks[0]] if len(ks) == 1 else tuple(sorted({lane_of[k] for k in ks})) for ks in keys),
                    notes)


#: What the lane of one side holds, by the kind of actor the side is (:data:`timeline.model.ACTOR_KINDS`).
#: Said once, under the first side's lane: what each side's lane holds.
SIDE_NOTE = "each side acting alone"


def _note(key: str, lanes: str, folded: str) -> str:
    """What a lane holds, in a few words under its name (a side's lane: :data:`SIDE_NOTE`, once)."""
    if key == OTHERS:
        return folded
    return "talks, deals and acts of several sides" if lanes == "side" and key == BETWEEN else ""


def acting_sides(dataset: Dataset, event: Event, side_of: Mapping[str, str] | None = None) -> list[str]:
    """The sides that act in ``event``, sorted: its sources' sides, else its participants' and host's,
    else any actor's. ``side_of``: each actor's side (``dataset.nodes_at("state")``), given by a caller that asks
    for many events, else looked up per actor."""
    side = dataset.side if side_of is None else side_of.__getitem__
    return sorted({side(a) for a in _acting(event)})


def _acting(event: Event) -> tuple[str, ...]:
    """The actors whose sides act in ``event`` (:func:`acting_sides`)."""
    return tuple(event.source or (*event.participants, *event.host) or event.actors())


def _sides_of(dataset: Dataset, events: Sequence[Event]) -> list[list[str]]:
    """:func:`acting_sides` of each event, worked out once per set of acting actors (most events share theirs)."""
    side_of = dataset.nodes_at("state")
    known: dict[tuple[str, ...], list[str]] = {}
    out = []
    for event in events:
        actors = _acting(event)
        if (sides := known.get(actors)) is None:
            sides = known[actors] = sorted({side_of[a] for a in actors})
        out.append(sides)
    return out


def _side_key(sides: list[str]) -> list[str]:
    """The lane key of an event acted in by ``sides`` (:func:`acting_sides`): one side's, else between or none."""
    return [BETWEEN if len(sides) > 1 else sides[0] if sides else NO_ACTOR]


def _keys(event: Event, lanes: str) -> list[str]:
    """The lane keys of ``event`` by type, none or actor (sides: :func:`_side_key`)."""
    if lanes == "type":
        return [event.type]
    if lanes == "none":
        return [""]
    actors = list(event.role_actors(mentioned=False)) or event.actors()
    return list(dict.fromkeys(actors)) or [NO_ACTOR]


def _name(dataset: Dataset, key: str, lanes: str) -> str:
    if lanes == "type":
        from timeline.render.style import EVENT_MARKS

        return EVENT_MARKS[key].label if key in EVENT_MARKS else key
    if key == BETWEEN:
        return "Between sides"
    if key == NO_ACTOR:
        return "No actor named"
    return lane_name(dataset, key) if key in dataset.actors else ""


def lane_name(dataset: Dataset, actor_id: str) -> str:
    """An actor's name as a lane's label, as every graph names it ('US', never 'United States' beside a graph's
    'US': :func:`~timeline.render.graph_names.actor_name`): on two lines at most, else its short name."""
    name = printable(clip(actor_name(dataset.actors[actor_id]), 80))
    if len(textwrap.wrap(name, LANE_NAME)) > 2:
        name = printable(clip(short_name(dataset, actor_id), 80))
    return name[:1].upper() + name[1:]
