"""Read ICEWS coded event files (the Harvard Dataverse releases: tab-separated ``.tab``, CSV or .xlsx).

Source: "ICEWS Coded Event Data" and its data description (Boschee et al.,
Harvard Dataverse, doi:10.7910/DVN/28075). Columns: ``Event ID``, ``Event
Date`` (yyyy-mm-dd), ``Source Name``, ``Source Sectors``, ``Source Country``,
``Event Text``, ``CAMEO Code``, ``Intensity``, ``Target Name``, ``Target
Sectors``, ``Target Country``, ``Story ID``, ``Sentence Number``, ``Publisher``,
``City``, ``District``, ``Province``, ``Country``, ``Latitude``, ``Longitude``.

The event's id is ``icews-<Event ID>-<Event Date>`` (the key the data
description gives). ``CAMEO Code`` is kept as text (``"042"``, leading zero
intact) and mapped to the model's type (:func:`timeline.importers.cameo.event_type`)
and PLOVER coding; ``Intensity`` (the Goldstein-style score, -10 to 10) is a quantity.

ICEWS codes one happening more than once: a symmetric action (a meeting, a
call, an agreement) is coded twice, once from each side (the "mirrored pair",
source and target swapped), and stories repeated by several publishers give
repeats. Records of one day with the same CAMEO code and the same actors (in
either order for a symmetric type, in the same order otherwise) collapse into
the first, every story kept as a source.

Actors: a name equal to its country (``Russia``) is that state; a generic
agent ``Sector (Country)`` (``Police (Ukraine)``) a group affiliated
to the state; any other name a person affiliated to the state, its sectors in
``notes``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers import cameo
from timeline.importers.records import Record, slug
from timeline.importers.tabular import table, table_records
from timeline.vocabulary import EVENT_TYPES

#: The columns that make a table an ICEWS events file.
NEEDED = frozenset(("Event ID", "Event Date", "Source Name", "CAMEO Code", "Target Name"))


def read_icews(path: str | Path) -> Iterator[Record]:
    """Yield one :class:`Record` per row of the ICEWS file at ``path``, streamed; mirrored pairs share a key."""
    yield from table_records(table(path, NEEDED, fold=_fold), _record)


def _fold(name: str) -> str:
    """ICEWS column names as the data description writes them, whatever their case ('EVENT ID' -> 'Event ID')."""
    return " ".join(word.upper() if word.lower() in {"id", "cameo"} else word.capitalize() for word in name.split())


def _record(where: str, row: dict[str, str]) -> Record:
    code, ident = row["CAMEO Code"], row["Event ID"]
    kind = cameo.event_type(code)
    if kind is None:
        return Record(where, refused=f"CAMEO Code {code!r} is not a CAMEO event code (two to four digits, "
                                     "01 to 20; a spreadsheet may have dropped its leading zero)")
    try:
        day = dt.date.fromisoformat(row["Event Date"])
    except ValueError:
        return Record(where, refused=f"Event Date {row['Event Date']!r} is not a date (yyyy-mm-dd)")
    first, second = _actor(row, "Source"), _actor(row, "Target")
    if not first:
        return Record(where, refused="no Source Name: ICEWS events have a source actor")
    ids = [first[0]["id"], *(second[:1] and [second[0]["id"]])]
    symmetric = EVENT_TYPES[kind].symmetric
    event: dict[str, Any] = {"id": f"icews-{slug(ident)}-{day}", "type": kind,
                             "title": f"{cameo.describe(code)}: {' and '.join(a[0]['name'] for a in (first, second) if a)}",
                             "date": day.isoformat()}
    if symmetric:
        if len(set(ids)) < 2:
            return Record(where, refused=f"CAMEO {code} ({cameo.describe(code)}) is between two actors; "
                                         "the row names one")
        event["participants"] = ids
    else:
        event["source"], event["target"] = ids[:1], ids[1:]
        if not event["target"]:
            del event["target"]
    if place := ", ".join(row[k] for k in ("City", "Province", "Country") if row.get(k)):
        event["location"] = place
    event["cameo"] = code
    if (plover := cameo.plover(code)) is not None:
        event["plover"] = plover
    if re.fullmatch(r"-?\d+(\.\d+)?", row.get("Intensity", "")):
        event["quantities"] = [{"what": "intensity", "value": float(row["Intensity"])}]
    sources = _sources(row)
    event["sources"] = [s["id"] for s in sources]
    event["notes"] = f"ICEWS Event ID {ident}" + (f"; Event Text {row['Event Text']}" if row.get("Event Text") else "")
    pair = tuple(sorted(ids)) if symmetric else tuple(ids)
    key = ("icews", day, code, pair)
    return Record(where, event, [*first, *second], sources, key,
                  tuple(row.get(f"{who} Country", "") for who in ("Source", "Target")))


def _actor(row: dict[str, str], who: str) -> list[dict[str, Any]]:
    """The actor named in the ``who`` (Source, Target) columns, then its state if any; ``[]`` if none."""
    name, country, sectors = (row.get(f"{who} {part}", "") for part in ("Name", "Country", "Sectors"))
    if not slug(name):
        return []
    state = {"id": slug(country), "name": country, "kind": "state"} if slug(country) else None
    if state and name == country:
        return [state]
    notes = {"notes": f"ICEWS sectors: {sectors}"} if sectors else {}
    if name.endswith(")") and "(" in name:  # a generic agent: "Police (Ukraine)"
        actor = {"id": slug(name), "name": name, "kind": "group", **notes}
    else:
        actor = {"id": slug(name), "name": name, "kind": "person", **notes}
    return [{**actor, "affiliation": state["id"]}, state] if state else [actor]


def _sources(row: dict[str, str]) -> list[dict[str, Any]]:
    story = row.get("Story ID", "")
    if not story:
        return []
    sentence = f", sentence {row['Sentence Number']}" if row.get("Sentence Number") else ""
    return [{"id": f"icews-story-{slug(story)}", "title": f"ICEWS story {story}{sentence}",
             **({"publisher": row["Publisher"]} if row.get("Publisher") else {})}]
