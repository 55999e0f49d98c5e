"""Events reduced to what the scorer of ``timeline draft`` compares, and how they match (issue #16).

The rule (``bench/score_drafts.py``'s docstring): a predicted event matches a gold event when the types
are equal, the date spans overlap and they share an actor; the pairs are a maximum bipartite matching.
Split from ``bench/score_drafts.py`` (round 12): reading dataset files into :class:`Item`, matching,
and why an event missed or was extra.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from timeline.dates import parse_edtf
from timeline.names import fold
from timeline.vocabulary import EVENT_TYPES, ROLE_KEYS


@dataclass(frozen=True)
class Item:
    """One event reduced to what matching looks at: type, date bounds ([start, end), None = open), actors."""

    id: str
    type: str
    start: dt.datetime | None
    end: dt.datetime | None
    actors: frozenset[str]
    dated: bool = True


@dataclass
class Score:
    """Counts of one article or of a set; the rates are ``None`` where their denominator is 0."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.matched / total if total else 0.0

    def as_dict(self) -> dict:
        return {"matched": self.matched, "predicted": self.predicted, "gold": self.gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}



# --- reading events ----------------------------------------------------------------------------

def date_text(value: object) -> str:
    """A YAML date value as EDTF text (PyYAML turns ``2025-12-03`` into a ``date``)."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _actors(event: dict) -> frozenset[str]:
    ids: set[str] = set()
    for key in ROLE_KEYS:
        value = event.get(key) or []
        ids.update(str(actor) for actor in ([value] if isinstance(value, str) else value) if actor)
    return frozenset(ids)


def to_item(event: dict, number: int) -> Item:
    """The :class:`Item` of one event mapping; an absent or unreadable date matches nothing."""
    try:
        span = parse_edtf(date_text(event["date"]))
        start, end, dated = span.start, span.end, True
    except (KeyError, ValueError, TypeError):
        start = end = None
        dated = False
    return Item(str(event.get("id", f"#{number}")), str(event.get("type", "")), start, end, _actors(event), dated)


def _load(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not YAML ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a dataset file (a mapping with 'events')")
    return data


def read_items(path: Path) -> list[Item]:
    """The events of a dataset file (gold or draft) as items; a file without ``events`` gives ``[]``.

    Raises ``ValueError`` naming the file when it is not YAML or not a mapping.
    """
    return read_file(path)[0]


def read_file(path: Path) -> tuple[list[Item], dict[str, frozenset[str]]]:
    """The items of a dataset file and the folded names (id, name, aliases) of the actors it defines.

    Raises ``ValueError`` naming the file when it is not YAML or not a mapping.
    """
    data = _load(path)
    events = data.get("events") or []
    items = [to_item(event, number) for number, event in enumerate(events, 1) if isinstance(event, dict)]
    return items, actor_names(data.get("actors") or [])


def actor_names(actors: list) -> dict[str, frozenset[str]]:
    """Each actor mapping's id with its folded id, name and aliases."""
    names = {}
    for actor in actors:
        if isinstance(actor, dict) and actor.get("id"):
            words = [actor["id"], actor.get("name") or "", *(actor.get("aliases") or [])]
            names[str(actor["id"])] = frozenset(fold(str(word)) for word in words if word)
    return names


def resolve_actors(items: list[Item], proposed: dict[str, frozenset[str]],
                   known: dict[str, frozenset[str]]) -> list[Item]:
    """``items`` with each actor the draft proposed renamed to the gold actor it names, if any.

    ``proposed`` are the actors the draft defines (its new actors), ``known`` those the gold file
    defines. An id of both, or of neither, is kept; a proposed actor is renamed when its folded
    id or name is the folded id, name or an alias of exactly one gold actor.
    """
    renamed = {}
    for actor, names in proposed.items():
        if actor in known:
            continue
        hits = [gold for gold, gold_names in known.items() if names & gold_names]
        if len(hits) == 1:
            renamed[actor] = hits[0]
    if not renamed:
        return items
    return [replace(item, actors=frozenset(renamed.get(actor, actor) for actor in item.actors)) for item in items]


# --- matching ----------------------------------------------------------------------------------

def overlaps(a: Item, b: Item) -> bool:
    """Whether the two date spans share a moment; open ends reach infinitely far."""
    if not (a.dated and b.dated):
        return False
    return ((a.end is None or b.start is None or b.start < a.end)
            and (b.end is None or a.start is None or a.start < b.end))


def same_type(a: Item, b: Item) -> bool:
    return a.type == b.type


def plover_category(type_name: str) -> str:
    """The PLOVER type of an event type; the public-statement types (no PLOVER type) share one."""
    kind = EVENT_TYPES.get(type_name)
    if kind is None:
        return f"?{type_name}"
    return kind.plover or "STATEMENT"


def same_plover(a: Item, b: Item) -> bool:
    return plover_category(a.type) == plover_category(b.type)


def compatible(a: Item, b: Item, types: Callable[[Item, Item], bool] = same_type) -> bool:
    """The match rule: types agree (by ``types``), dates overlap, at least one shared actor."""
    return types(a, b) and overlaps(a, b) and bool(a.actors & b.actors)


def match(predicted: list[Item], gold: list[Item],
          types: Callable[[Item, Item], bool] = same_type) -> list[tuple[Item, Item]]:
    """A maximum one-to-one matching of predicted to gold events, as (predicted, gold) pairs in predicted order.

    Augmenting paths (Kuhn's algorithm) tried in the order the events are told: of two drafts that could take one
    gold event, the first told takes it, so every run names the same extras (round 13: networkx's Hopcroft-Karp
    walked sets of nodes, whose order changed with the process's hash seed, and with it which extra was named).
    """
    options = [[j for j, g in enumerate(gold) if compatible(p, g, types)] for p in predicted]
    taken: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in taken or augment(taken[j], seen):
                    taken[j] = i
                    return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return [(predicted[i], gold[j]) for i, j in sorted((i, j) for j, i in taken.items())]


#: Why a missed gold event was missed, judged against the unmatched predicted events.
MISS_REASONS = ("date", "actor", "date+actor", "type", "unseen")


def miss_reason(missed: Item, extra: list[Item], predicted: list[Item] = ()) -> str:
    """Why ``missed`` matched no predicted event: the nearest unmatched prediction of its type.

    ``date``: one has its type and an actor but dates that do not overlap; ``actor``: one has
    its type and overlapping dates but no shared actor; ``date+actor``: one has only its type;
    ``type``: no unmatched prediction has its type (a missed trigger or a wrong type);
    ``unseen``: as ``type``, and no event of the whole draft (``predicted``) names any of its actors.
    """
    same = [p for p in extra if p.type == missed.type]
    if any(p.actors & missed.actors for p in same):
        return "date"
    if any(overlaps(p, missed) for p in same):
        return "actor"
    if same:
        return "date+actor"
    return "type" if any(p.actors & missed.actors for p in predicted) else "unseen"


#: Why a predicted event matched no gold event (round 11), judged against the gold events.
EXTRA_REASONS = ("told again", "date", "actor", "type", "no such event")


def extra_reason(extra: Item, gold: list[Item], matched: set[Item]) -> str:
    """Why the prediction ``extra`` matched no gold event.

    ``told again``: a gold event it would match is matched by another prediction (one event drafted twice);
    ``date``/``actor``: a gold event of its type shares an actor but not the dates / the dates but no actor;
    ``type``: an unmatched gold event of another type shares its dates and an actor (a wrong type);
    ``no such event``: none of these (the article reports no such event).
    """
    same = [g for g in gold if g.type == extra.type]
    if any(compatible(extra, g) for g in same if g in matched):
        return "told again"
    if any(g.actors & extra.actors for g in same):
        return "date"
    if any(overlaps(g, extra) for g in same):
        return "actor"
    if any(overlaps(g, extra) and g.actors & extra.actors for g in gold if g not in matched):
        return "type"
    return "no such event"


def score(predicted: list[Item], gold: list[Item],
          types: Callable[[Item, Item], bool] = same_type) -> Score:
    return Score(len(match(predicted, gold, types)), len(predicted), len(gold))


#: The finer cause of a miss (round 15), judged against every prediction, matched or not, in this order.
MISS_CAUSES = ("taken", "type", "date", "actor", "date+actor", "actor named", "not drafted")


def miss_cause(missed: Item, predicted: list[Item], matched: set[Item]) -> tuple[str, str]:
    """Why ``missed`` matched nothing, and the type it was drafted as for a ``type`` cause (else "").

    ``taken``: a prediction would match it but matched another gold event (told once, annotated twice:
    a fold or an episode too many); ``type``: an unmatched prediction shares its dates and an actor with
    another type (a wrong type); ``date``/``actor``/``date+actor``: a prediction of its type fails on that
    alone (matched or not); ``actor named``: no prediction of its type, and one of its actors is in some
    drafted event (a missed trigger, or a matched event of another type sharing its dates);
    ``not drafted``: none of these.
    """
    if any(compatible(p, missed) for p in predicted if p in matched):
        return "taken", ""
    wrong = [p for p in predicted if p not in matched and p.type != missed.type and overlaps(p, missed)
             and p.actors & missed.actors]
    if wrong:
        return "type", wrong[0].type
    same = [p for p in predicted if p.type == missed.type]
    if any(p.actors & missed.actors for p in same):
        return "date", ""
    if any(overlaps(p, missed) for p in same):
        return "actor", ""
    if same:
        return "date+actor", ""
    return ("actor named" if any(p.actors & missed.actors for p in predicted) else "not drafted"), ""
