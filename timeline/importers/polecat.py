"""Read POLECAT event data in its tab-separated form (the weekly and yearly files of the POLECAT Dataverse).

Source: POLECAT (Political Event Classification, Attributes, and Types; Halterman
et al., Harvard Dataverse, doi:10.7910/DVN/AJGVIT), coded in the PLOVER ontology.
Columns, as the files' header writes them: ``Event ID``, ``Event Date``
(yyyy-mm-dd), ``Event Type`` (a PLOVER type), ``Event Mode``, ``Intensity``
(``Event Intensity`` in some years), ``Quad Code``, ``Contexts``, ``Actor Name``,
``Actor Country`` (ISO 3166 alpha-3), ``Actor COW``, ``Primary Actor Sector``,
``Actor Sectors``, ``Actor Title``, ``Actor Name Raw``, ``Wikipedia Actor ID``,
the same nine for ``Recipient``, ``Placename``, ``City``, ``District``,
``Province``, ``Country``, ``Latitude``, ``Longitude``, ``GeoNames ID``, ``Raw
Placename``, ``Feature Type``, ``Source``, ``Publication Date``, ``Story
People``, ``Story Organizations``, ``Story Locations``, ``Language``,
``Version``; some files add ``Headline``, ``Event Text``, ``Feed``, ``Story ID``.

A missing value is written ``None`` and read as empty. Several actors of one side
share a cell, ``;``-separated, their countries in the same order. Types, modes and
contexts are read as :mod:`.plover` reads the PLOVER JSON records (earlier types
renamed, the model's type chosen by mode). Actors: a name equal to its country's
(or the country code alone) is that state; a name with an ``Actor Title`` a person
affiliated to the state; any other name a group affiliated to it, its sector in
``notes``. Stable ids: ``polecat-<Event ID>``.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers import cameo, plover
from timeline.importers.records import Record, slug
from timeline.importers.tabular import table, table_records
from timeline.vocabulary import PLOVER_TYPES

#: The columns that make a table a POLECAT events file.
NEEDED = frozenset(("Event ID", "Event Date", "Event Type", "Actor Name", "Recipient Name"))
_UPPER = {"id": "ID", "cow": "COW", "geonames": "GeoNames"}


def read_polecat(path: str | Path) -> Iterator[Record]:
    """Yield one :class:`Record` per row of the POLECAT file at ``path``, streamed."""
    yield from table_records(table(path, NEEDED, fold=_fold),
                       lambda where, row: _record(where, {k: v for k, v in row.items() if v != "None"}))


def _fold(name: str) -> str:
    """POLECAT column names as its header writes them, whatever their case ('EVENT ID' -> 'Event ID')."""
    words = [_UPPER.get(word.lower(), word.capitalize()) for word in name.replace("_", " ").split()]
    return " ".join(words).replace("Event Intensity", "Intensity")


def _record(where: str, row: dict[str, str]) -> Record:
    ident, given = row.get("Event ID", ""), row.get("Event Type", "").upper()
    if not slug(ident):
        return Record(where, refused="no Event ID: POLECAT rows need one (it makes the event's id)")
    name, kind = plover.RENAMED.get(given, (given, None))
    if not given:
        return Record(where, refused="no Event Type: POLECAT rows are coded with a PLOVER type (CONSULT, AGREE, ...)")
    if name not in PLOVER_TYPES:
        return Record(where, refused=f"Event Type {given!r} is not a PLOVER type (types: {', '.join(PLOVER_TYPES)})")
    day = row.get("Event Date", "")[:10]
    if not plover.is_date(day):
        return Record(where, refused=f"Event Date {row.get('Event Date', '')!r} is not a date (yyyy-mm-dd)")
    mode, context = row.get("Event Mode", ""), plover.contexts(row.get("Contexts", ""))
    kind = kind or plover.model_type(name, mode)
    sides = [_actors(row, "Actor"), _actors(row, "Recipient")]
    ids = [list(dict.fromkeys(found[0]["id"] for found in side)) for side in sides]
    event: dict[str, Any] = {"id": f"polecat-{slug(ident)}",
                             "type": kind, "title": _title(name, sides), "date": day}
    if refusal := plover.place_sides(event, ids, f"{name} ({kind})", "the row", "Actor Name is empty"):
        return Record(where, refused=refusal)
    states = cameo.EXTRA_STATES | cameo.table("country")
    parts = [row.get("Placename", ""), row.get("Province", ""), states.get(row.get("Country", ""), row.get("Country", ""))]
    if place := ", ".join(dict.fromkeys(part for part in parts if part)):
        event["location"] = place
    event["plover"] = {"type": name, **({"mode": mode} if mode else {}), **({"context": context} if context else {})}
    if _is_number(row.get("Intensity", "")):
        event["quantities"] = [{"what": "intensity", "value": float(row["Intensity"])}]
    sources = _sources(event["id"], row)
    event["sources"] = [s["id"] for s in sources]
    event["notes"] = "; ".join([f"POLECAT Event ID {ident}", *([f"coded {given} (an earlier PLOVER type)"]
                                                              if given != name else []),
                                *([f"Quad Code {row['Quad Code']}"] if row.get("Quad Code") else [])])
    actors = [a for side in sides for found in side for a in found]
    codes = [code.upper() for who in ("Actor", "Recipient") for code in _split(row.get(f"{who} Country", ""))]
    return Record(where, event, actors, sources, countries=tuple(dict.fromkeys(
        [*codes, *(a["name"] for a in actors if a["kind"] == "state")])))


def _title(name: str, sides: list[list[list[dict[str, Any]]]]) -> str:
    who = [found[0]["name"] for side in sides for found in side]
    return f"{name.title()}: {' and '.join(dict.fromkeys(who))}" if who else name.title()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";")]


def _actors(row: dict[str, str], who: str) -> list[list[dict[str, Any]]]:
    """Each actor of the ``who`` side (Actor, Recipient) as the proposed actors it makes (it, then its state)."""
    names, countries = _split(row.get(f"{who} Name", "")), _split(row.get(f"{who} Country", ""))
    titles, sector = _split(row.get(f"{who} Title", "")), row.get(f"Primary {who} Sector", "")
    found = []
    for position, name in enumerate(names):
        code = countries[position].upper() if position < len(countries) else ""
        title = titles[position] if position < len(titles) else ""
        if not slug(name) or name == "None":
            continue
        found.append(_actor(name, code if code != "NONE" else "", title, sector))
    return found


def _actor(name: str, code: str, title: str, sector: str) -> list[dict[str, Any]]:
    states = cameo.EXTRA_STATES | cameo.table("country")
    state = {"id": slug(states[code]), "name": states[code], "kind": "state", "aliases": [code]} \
        if code in states else None
    if state and (name.upper() == code or slug(name) == state["id"]):
        return [state]
    notes = "; ".join(filter(None, [f"title: {title}" if title else "", f"POLECAT sector: {sector}" if sector else ""]))
    actor = {"id": slug(name), "name": name, "kind": "person" if title else "group", **({"notes": notes} if notes else {})}
    return [{**actor, "affiliation": state["id"]}, state] if state else [actor]


def _sources(ident: str, row: dict[str, str]) -> list[dict[str, Any]]:
    """The story the row was coded from: its publisher, headline and day, where the file gives them."""
    source: dict[str, Any] = {"id": f"{ident}-source"}
    if row.get("Source"):
        source["publisher"] = row["Source"]
    title = row.get("Headline") or (f"POLECAT story {row['Story ID']}" if row.get("Story ID") else "")
    if title:
        source["title"] = title
    if plover.is_date(row.get("Publication Date", "")[:10]):
        source["published"] = row["Publication Date"][:10]
    return [source] if len(source) > 1 else []
