"""Read back the project's own CSV tables (``timeline export csv``): events.csv with its sibling tables.

The tables are those of :mod:`timeline.export.csv`: ``events.csv`` and, beside
it, ``actors.csv``, ``sources.csv`` and ``quotes.csv`` (each optional). Lists
are ``"; "``-joined, ``related`` cells read ``relation: event``, ``quantities``
hold JSON, booleans are ``yes``/``no``; the ``'`` the export puts before a cell
that starts like a formula is taken off again. Columns the export derives
(``label``, ``start``, ``end``, ``headline``, ``side``, ``events``...) are not
read back; ``cameo`` and ``plover`` are kept only where they differ from the
type's defaults, so a dataset exported and imported again is the same dataset.
Locations are ``file:line`` of the CSV.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from timeline.dates import DateError, parse_edtf
from timeline.export.csv import unguard
from timeline.importers.records import Record
from timeline.importers.tabular import open_text, overflow
from timeline.vocabulary import EVENT_TYPES, ROLE_KEYS

#: The columns that make a CSV file the project's events table.
SIGNATURE = frozenset(("id", "type", "date", "participants", "source", "target", "status"))
_TEXTS = ("title", "status", "location", "summary", "outcome", "notes")
_LISTS = (*ROLE_KEYS, "sources", "issues")
#: Cells that hold a '; '-joined list: the export guards each item, so each is unguarded after the split.
_LIST_COLUMNS = frozenset((*_LISTS, "aliases", "related", "plover_context", "claimed_by", "drafted_by", "relations"))


def is_events_table(columns: list[str]) -> bool:
    """Whether a header row is that of the project's ``events.csv``."""
    return set(columns) >= SIGNATURE


def read_csv(path: str | Path) -> Iterator[Record]:
    """Yield the actors, sources, then one :class:`Record` per event of the tables beside ``path`` (events.csv),
    then the stances, issues, positions and plans of the tables beside it (:mod:`.negotiation_csv`)."""
    path = Path(path)
    refused: list[Record] = []
    yield from read_tables(lambda name: _rows(path if name == "events" else path.with_name(f"{name}.csv"), refused))
    yield from refused


def read_tables(rows: Callable[[str], Iterable[tuple[str, dict[str, str]]]],
                guarded: bool = True) -> Iterator[Record]:
    """The records of the tables ``rows(name)`` gives (events, actors, sources, quotes, and the #15 tables of
    :mod:`.negotiation_csv`; ``[]`` for a table that is absent).

    Each row is ``(file:line, {column: text})``, empty cells left out. ``guarded``: list items carry the
    CSV's formula guard, taken off here (the .xlsx has none).
    """
    split = _split if guarded else _split_plain
    quotes: dict[str, list[dict[str, Any]]] = {}
    for _, row in rows("quotes"):
        quote = {k: row[k] for k in ("speaker", "text", "source") if row.get(k)}
        quotes.setdefault(row.get("event", ""), []).append(quote)
    for where, row in rows("actors"):
        yield Record(where, actors=[_actor(row, split)])
    for where, row in rows("sources"):
        yield Record(where, sources=[{k: row[k] for k in ("id", "publisher", "title", "url", "published", "notes")
                                      if row.get(k)}])
    for where, row in rows("events"):
        yield _event(where, row, quotes.get(row.get("id", ""), []), split)
    from timeline.importers.negotiation_csv import read_negotiation

    yield from read_negotiation(rows, split)


def _rows(path: Path, refused: list[Record]) -> Iterator[tuple[str, dict[str, str]]]:
    """Each row of the table at ``path`` (none if it is absent); a row with more filled cells than the header
    has columns goes to ``refused`` instead (:func:`~timeline.importers.tabular.overflow`)."""
    if not path.exists():
        return
    with open_text(path) as handle:
        header = handle.readline()  # commas as exported; tabs once saved from Excel as "Unicode Text"
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter="\t" if header.count("\t") > header.count(",") else ",")
        for row in reader:
            extra = row.pop(None, None) or []  # csv.DictReader puts the cells past the header there
            if any(cell.strip() for cell in extra):
                columns = len(reader.fieldnames or ())
                refused.append(Record(f"{path}:{reader.line_num}", refused=overflow(columns + len(extra), columns)))
                continue
            yield f"{path}:{reader.line_num}", {k: v if k in _LIST_COLUMNS else unguard(v) for k, v in row.items() if v}


def _split_plain(text: str | None) -> list[str]:
    return [part.strip() for part in text.split("; ")] if text else []


def _split(text: str | None) -> list[str]:
    return [unguard(part.strip()) for part in text.split("; ")] if text else []


def _json_items(text: str) -> list[dict[str, Any]]:
    """The JSON objects of a cell that joins them with '; ' (:func:`timeline.export.csv.cell`)."""
    decoder, found, position = json.JSONDecoder(), [], 0
    while position < len(text):
        value, position = decoder.raw_decode(text, position)
        found.append(dict(value))
        position += len(text[position:]) - len(text[position:].lstrip("; "))
    return found


def _actor(row: dict[str, str], split: Callable[[str | None], list[str]]) -> dict[str, Any]:
    actor: dict[str, Any] = {k: row[k] for k in ("id", "name", "kind", "title", "affiliation", "color") if row.get(k)}
    if row.get("aliases"):
        actor["aliases"] = split(row["aliases"])
    if row.get("notes"):
        actor["notes"] = row["notes"]
    return actor


def _event(where: str, row: dict[str, str], quotes: list[dict[str, Any]],
           split: Callable[[str | None], list[str]]) -> Record:
    kind = row.get("type", "")
    if not row.get("id"):
        return Record(where, refused="no 'id'")
    if kind not in EVENT_TYPES:
        return Record(where, refused=f"unknown type {kind!r}")
    try:
        parse_edtf(row.get("date", ""))
    except DateError as error:
        return Record(where, refused=f"date: {error}")
    event: dict[str, Any] = {"id": row["id"], "type": kind, "date": row.get("date", "")}
    event |= {key: row[key] for key in _TEXTS if row.get(key)}
    event |= {key: split(row[key]) for key in _LISTS if row.get(key)}
    if quotes:
        event["quotes"] = quotes
    if row.get("related"):
        event["related"] = [dict(zip(("relation", "event"), (p.strip() for p in link.split(":", 1))))
                            for link in split(row["related"])]
    try:
        quantities = _json_items(row.get("quantities", ""))
    except (ValueError, TypeError, AttributeError, RecursionError):  # not JSON, not objects, or nested past reading
        return Record(where, refused="'quantities' should hold JSON objects joined with '; ', as the export writes")
    if quantities:
        event["quantities"] = [{k: v for k, v in q.items() if v is not None and v is not False} for q in quantities]
    default = EVENT_TYPES[kind]
    if row.get("cameo") and row["cameo"] != default.code:
        event["cameo"] = row["cameo"]
    plover = {"type": row.get("plover"), "mode": row.get("plover_mode"), "context": split(row.get("plover_context"))}
    if plover["type"] and (plover["type"], plover["mode"], plover["context"]) != (default.plover, default.mode, []):
        event["plover"] = {k: v for k, v in plover.items() if v}
    if row.get("draft") == "yes":
        event["draft"] = True
    return Record(where, event)
