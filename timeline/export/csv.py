"""CSV tables for spreadsheets: events, quotes, actors, sources and the graph's edges.

``timeline export csv -o FOLDER`` writes one file per table into FOLDER:
``events.csv``, ``quotes.csv``, ``actors.csv``, ``sources.csv`` and
``edges.csv`` (the edges of the actor graph, or of the actor-event graph).
Each is UTF-8 with a byte-order mark, so that Excel reads accents and
Cyrillic right (LibreOffice, pandas and ``csv`` with ``utf-8-sig`` skip
it), comma-separated with CRLF line ends (RFC 4180). Lists of ids are
joined with ``"; "``, booleans are ``yes``/``no``, a missing value is an
empty cell, and a cell that starts like a formula gets a ``'`` before it.

>>> from timeline.export.csv import tables, write_csv
>>> write_csv(tables(record)["events"], "events.csv")
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.export._common import PathOrFile, write_text
from timeline.model import Dataset, Event
from timeline.rows import actor_rows, event_row, source_row

if TYPE_CHECKING:
    import networkx as nx

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EVENT_COLUMNS = ("id", "type", "date", "label", "start", "end", "precision", "approximate", "uncertain",
                 "status", "location", "participants", "host", "source", "target", "mentioned", "summary",
                 "sources", "related", "cameo", "plover", "notes",
                 # the negotiation model's fields (quantities as JSON in their cell)
                 "type_label", "title", "headline", "held", "head", "mediator", "initiator", "signatory",
                 "outcome", "quantities", "cameo_root", "plover_mode", "plover_context", "draft")
QUOTE_COLUMNS = ("event", "speaker", "text", "source")
ACTOR_COLUMNS = ("id", "name", "kind", "title", "affiliation", "side", "aliases", "events", "notes")
SOURCE_COLUMNS = ("id", "publisher", "title", "url", "published", "notes")


class Table(NamedTuple):
    """A table to write: its column names, in order, and its rows."""

    columns: Sequence[str]
    rows: list[Mapping[str, Any]]


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``=``, ``+``, ``-`` or ``@`` gets a ``'`` before it.

    >>> safe_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> str:
    """A value as a cell's text: lists joined with '; ', booleans yes/no, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def tables(dataset: Dataset, events: Iterable[Event] | None = None,
           graph: nx.MultiDiGraph | None = None) -> dict[str, Table]:
    """The tables of ``events`` (default: all) by file stem: events, quotes, actors, sources, edges (with a graph).

    Quotes get a table of their own, one row per quote; ``related`` links
    read ``relation: event``. Actors and sources are all listed.
    """
    events = list(dataset.events if events is None else events)
    result = {
        "events": Table(EVENT_COLUMNS, [_event_row(e) for e in events]),
        "quotes": Table(QUOTE_COLUMNS, [{"event": e.id, "speaker": q.speaker, "text": q.text, "source": q.source}
                                        for e in events for q in e.quotes]),
        "actors": Table(ACTOR_COLUMNS, actor_rows(dataset)),
        "sources": Table(SOURCE_COLUMNS, [source_row(s) for s in dataset.sources.values()]),
    }
    if graph is not None:
        rows = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in graph.edges(keys=True, data=True)]
        columns = dict.fromkeys(("source", "target", "key", *(name for row in rows for name in row)))
        result["edges"] = Table(tuple(columns), rows)
    return result


def write_csv(table: Table, path_or_file: PathOrFile) -> None:
    """Write one table as CSV (UTF-8 with BOM, CRLF) to a path or a file."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([safe_cell(cell(row.get(c))) for c in table.columns] for row in table.rows)
    write_text(out.getvalue(), path_or_file)


def _event_row(event: Event) -> dict[str, Any]:
    row = event_row(event)
    row["related"] = [f"{link['relation']}: {link['event']}" for link in row["related"]]
    return row
