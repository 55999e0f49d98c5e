"""What an importer yields, and how the rows become one record: filters, actor resolution, merging."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from timeline.vocabulary import ROLE_KEYS

#: Refused rows listed in the summary; the rest are counted.
MAX_REFUSED = 20


@dataclass
class Record:
    """One row of a source file in the project's YAML form.

    ``event`` is an event mapping as a YAML file would hold it (``id``, ``type``,
    ``date`` as EDTF text, role lists of actor ids, ``sources`` ids, ...);
    ``actors`` and ``sources`` the mappings it refers to (proposed actors keep
    ``aliases`` with the source's codes). ``key`` groups records the source
    repeats (they merge into one event, every source kept). ``where`` is
    ``file:row``. A refused row has ``event`` ``None`` and the reason in ``refused``;
    a row a reader's own pre-filter left out has ``skipped`` set; ``info`` holds the
    dataset's ``title`` and ``description`` where the file gives them (a title slide).
    """

    where: str
    event: dict[str, Any] | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    key: Any = None
    countries: tuple[str, ...] = ()
    refused: str | None = None
    skipped: bool = False
    info: dict[str, str] | None = None
    #: Stances, issues, positions or plans (by kind) of a table of them (:mod:`timeline.importers.negotiation_csv`).
    negotiation: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


#: What a row left out by a reader's own pre-filter yields (one object for all).
SKIPPED = Record("", skipped=True)


@dataclass
class Filters:
    """Import filters (all optional): dates as EDTF/ISO days, the rest sets of codes or names.

    ``countries`` are CAMEO/ISO country codes or country names (an actor of any);
    ``between`` two of them (an actor of each); ``cameo`` code
    prefixes (``"04"`` keeps every consultation); ``plover`` PLOVER types.
    """

    since: str | None = None
    until: str | None = None
    countries: frozenset[str] = frozenset()
    between: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    cameo: tuple[str, ...] = ()
    plover: frozenset[str] = frozenset()

    def keeps(self, record: Record) -> bool:
        """Whether the event of ``record`` passes every filter."""
        event = record.event or {}
        day = str(event.get("date", ""))[:10]
        start, _, end = day.partition("/")
        if self.since and (end or start) < self.since[:10] or self.until and start > self.until[:10]:
            return False
        if self.types and event.get("type") not in self.types:
            return False
        if self.cameo and not str(event.get("cameo", "")).startswith(self.cameo):
            return False
        plover = event.get("plover")
        if self.plover and (plover.get("type") if isinstance(plover, dict) else plover) not in self.plover:
            return False
        if self.countries or self.between:
            found = {fold(c) for c in record.countries}
            if self.countries and not self.countries & found or not self.between <= found:
                return False
        if self.actors:
            names = {fold(str(n)) for a in record.actors for n in (a["id"], a.get("name", ""), *a.get("aliases", ()))}
            if not self.actors & names:
                return False
        return True


class Resolver:
    """Map proposed actors onto an existing dataset's actors by id, name or alias (:mod:`timeline.names`)."""

    def __init__(self, dataset: Any = None) -> None:
        from timeline.names import name_index

        self.index = name_index(dataset) if dataset is not None else {}
        self.known: set[str] = set(dataset.actors) if dataset is not None else set()

    def resolve(self, actor: dict[str, Any]) -> str | None:
        """The existing actor id that ``actor`` names exactly and unambiguously, else ``None``."""
        from timeline.names import fold as fold_name

        for name in (actor["id"], actor.get("name", ""), *actor.get("aliases", ())):
            found = self.index.get(fold_name(str(name)), set())
            if len(found) == 1:
                return next(iter(found))
        return None


@dataclass
class Imported:
    """The result of an import: the mappings to write and the counts for the summary."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    negotiation: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    read: int = 0
    skipped: int = 0
    merged: int = 0
    refused: list[str] = field(default_factory=list)
    refused_count: int = 0
    info: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """One line: rows read, imported, skipped by filter, merged, refused."""
        return (f"{self.read} rows read, {len(self.events)} events imported, {self.skipped} skipped by filter, "
                f"{self.merged} merged, {self.refused_count} refused")


def _too_long(value: Any, key: str = "") -> str | None:
    """Why ``value`` (an event mapping) cannot be written: a text past what the loader reads, or ``None``."""
    from timeline.read.yaml import MAX_TEXT

    if isinstance(value, str) and len(value) > MAX_TEXT:
        return f"'{key}' is {len(value):,} characters long, over the {MAX_TEXT:,} a text may hold; shorten it"
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return next((found for inner, item in items if (found := _too_long(item, key if isinstance(inner, int)
                                                                        else inner))), None)


def collect(records: Iterable[Record], filters: Filters | None = None, resolver: Resolver | None = None) -> Imported:
    """Filter, resolve and merge ``records`` into one :class:`Imported`.

    Records with the same ``key``, or the same event id and content, merge into the
    first: their sources and ids are added to it. A record that reuses an id for
    different content is refused. Actors found by ``resolver`` take the
    existing id and are not proposed again.
    """
    filters = filters or Filters()
    resolver = resolver or Resolver()
    result = Imported()
    firsts: dict[Any, str] = {}
    places: dict[str, str] = {}
    for record in records:
        result.read += 1
        if record.skipped:
            result.skipped += 1
            continue
        if record.info:
            result.info |= {key: value for key, value in record.info.items() if value and key not in result.info}
            continue
        if record.event is None and record.refused is None:  # a table of actors or sources
            for actor in record.actors:
                result.actors.setdefault(actor["id"], actor)
            for source in record.sources:
                result.sources.setdefault(source["id"], source)
            for kind, items in record.negotiation.items():
                for item in items:
                    result.negotiation.setdefault(kind, {}).setdefault(item.get("id", ""), item)
            continue
        if record.event is None:
            result.refused_count += 1
            if len(result.refused) < MAX_REFUSED:
                result.refused.append(f"{record.where}: {record.refused}")
            continue
        if not filters.keeps(record):
            result.skipped += 1
            continue
        if too_long := _too_long(record.event):
            result.refused_count += 1
            if len(result.refused) < MAX_REFUSED:
                result.refused.append(f"{record.where}: {too_long}")
            continue
        event = _resolve(record, resolver, result)
        first = firsts.get(record.key) if record.key is not None else None
        if first is None and event["id"] in result.events:
            first = event["id"]
            if _differs(result.events[first], event):
                result.refused_count += 1
                if len(result.refused) < MAX_REFUSED:
                    result.refused.append(f"{record.where}: id {event['id']} is used again by a different record "
                                          f"(first at {places[first]}); the source repeats an id")
                continue
        if first is not None:
            _merge(result.events[first], event)
            result.merged += 1
        else:
            result.events[event["id"]] = event
            places[event["id"]] = record.where
            if record.key is not None:
                firsts[record.key] = event["id"]
        for source in record.sources:
            result.sources.setdefault(source["id"], source)
    return result


def _resolve(record: Record, resolver: Resolver, result: Imported) -> dict[str, Any]:
    renamed = {actor["id"]: found for actor in record.actors if (found := resolver.resolve(actor)) is not None}
    for actor in record.actors:
        if actor["id"] not in renamed and actor["id"] not in result.actors:
            affiliation = actor.get("affiliation")
            result.actors[actor["id"]] = actor if affiliation not in renamed else \
                {**actor, "affiliation": renamed[affiliation]}
    event = dict(record.event or {})
    for key, value in event.items():
        if isinstance(value, list) and key in ROLE_KEYS:
            event[key] = list(dict.fromkeys(renamed.get(a, a) for a in value))
    if renamed and event.get("quantities"):
        event["quantities"] = [{**q, "actor": renamed.get(q["actor"], q["actor"])} if "actor" in q else q
                               for q in event["quantities"]]
    return event


def _differs(first: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether two events with one id say different things (beyond their sources and notes)."""
    return any(first.get(key) != other.get(key) for key in {*first, *other} - {"sources", "notes"})


def _merge(first: dict[str, Any], other: dict[str, Any]) -> None:
    first["sources"] = list(dict.fromkeys([*first.get("sources", []), *other.get("sources", [])]))
    if other["id"] != first["id"]:
        line = f"Also recorded as {other['id']}."
        if line not in first.get("notes", ""):
            first["notes"] = f"{first.get('notes', '')}\n{line}".strip()


def fold(text: str) -> str:
    """Case- and accent-free text for matching codes and names."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def slug(text: str) -> str:
    """An id made of ``text``: lower-case ASCII words joined by hyphens ('Côte d'Ivoire' -> 'cote-d-ivoire')."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
