"""CSV tables for spreadsheets: events, quotes, actors, sources and the graph's edges.

``timeline export csv -o FOLDER`` writes one file per table into FOLDER:
``events.csv``, ``quotes.csv``, ``actors.csv``, ``sources.csv`` and
``edges.csv`` (the edges of the actor graph, or of the actor-event graph).
Each is UTF-8 with a byte-order mark, so that Excel reads accents and
Cyrillic right (LibreOffice, pandas and ``csv`` with ``utf-8-sig`` skip
it), comma-separated with CRLF line ends (RFC 4180). Lists of ids are
joined with ``"; "``, booleans are ``yes``/``no``, a missing value is an
empty cell.

Formula guard: a value that a spreadsheet would run as a formula (one
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
gets a ``'`` before it, and so does one that starts with ``'``; in a
list cell each item is guarded alike. An id is therefore written the
same way wherever it appears (``'-minus`` in actors.csv and inside the
``participants`` of events.csv), so joins keep working. To read the
files back exactly: remove one leading ``'`` from each cell, and from
each ``"; "``-separated item of a list column.

CSV carries no types: a spreadsheet that opens it may turn ``Nov 2025``
into a date, ``04`` into 4, ``007`` into 7. Give CSV to programs
(``pandas.read_csv(path, dtype=str, keep_default_na=False)``) and the
``xlsx`` export to spreadsheet users.

>>> from timeline.export.csv import tables, write_csv
>>> write_csv(tables(record)["events"], "events.csv")
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from timeline.cells import FORMULA_STARTS, GUARDED_STARTS, LIST_SEPARATOR, cell, safe_cell, unguard  # noqa: F401 (importable from here)
from timeline.export._common import CONTROL, Folder, PathOrFile, export_graph, plain_text, write_text
from timeline.export.negotiation import has_negotiation, negotiation_tables
from timeline.model import Dataset, Event
from timeline.rows import actor_rows, event_row, source_row

if TYPE_CHECKING:
    import networkx as nx

QUOTE_COLUMNS = ("event", "speaker", "text", "source")
#: What :func:`_guarded` may change in a column's texts joined by line breaks: a control character anywhere, or a
#: guarded start at the start of a text or of an item of a list cell (a false alarm only costs the slow path).
#: Searched apart, the start of the whole first: each pattern then starts with a class re skips to (2.4× faster).
_GUARDED_ITEM = re.compile(f"(?:\n|{LIST_SEPARATOR})[{re.escape(''.join(GUARDED_STARTS))}]")


class Table(NamedTuple):
    """A table to write: its column names, in order, and its rows."""

    columns: Sequence[str]
    rows: Sequence[Mapping[str, Any]]


def _guarded(text: str) -> str:
    return safe_cell(plain_text(text))


def tables(dataset: Dataset, events: Iterable[Event] | None = None,
           graph: nx.MultiDiGraph | None = None) -> dict[str, Table]:
    """The tables of ``events`` (default: all) by file stem: events, quotes, actors, sources, the tables of
    :mod:`timeline.export.negotiation` if the dataset has issues, positions or plans, edges (with a graph).

    Quotes get a table of their own, one row per quote; ``related`` links
    read ``relation: event``. Actors and sources are all listed.
    """
    events = list(dataset.events if events is None else events)
    result = {
        "events": Table(tuple(k for k in _event_row(events[0]) if k != "quotes") if events else (),
                        EventRows(events)),
        "quotes": Table(QUOTE_COLUMNS, [{"event": e.id, "speaker": q.speaker, "text": q.text, "source": q.source}
                                        for e in events for q in e.quotes]),
        "actors": _table(actor_rows(dataset)),
        "sources": _table([source_row(s) for s in dataset.sources.values()]),
    }
    if has_negotiation(dataset):
        result.update(negotiation_tables(dataset, events))
    if graph is not None:
        result["edges"] = _table([{"source": u, "target": v, "key": k, **d}
                                  for u, v, k, d in graph.edges(keys=True, data=True)], first=("source", "target", "key"))
    return result


def _table(rows: list[dict[str, Any]], skip: tuple[str, ...] = (), first: tuple[str, ...] = ()) -> Table:
    """The rows with every key they have as a column, in order of first use: the model's fields, all of them."""
    columns = dict.fromkeys(first)
    columns.update(dict.fromkeys(chain.from_iterable(rows)))  # a key already there keeps its place
    for key in skip:
        if key not in first:
            columns.pop(key, None)
    return Table(tuple(columns), rows)


def write(dataset: Dataset, events: list[Event], folder: Folder, graph: str = "actors",
          level: str = "person") -> None:
    """Write the tables of ``events``, with the edges of ``graph``, as CSV files into ``folder``: the export writer."""
    for name, table in tables(dataset, events, export_graph(dataset, events, graph, level)).items():
        with folder.file(f"{name}.csv") as tmp:
            write_csv(table, tmp)


def write_csv(table: Table, path_or_file: PathOrFile) -> None:
    """Write one table as CSV (UTF-8 with BOM, CRLF) to a path or a file."""
    write_text(_csv_text(table), path_or_file)


def _csv_text(table: Table, batch: int = 4096) -> Iterator[str]:
    """The CSV text of ``table``, ``batch`` rows at a time (rows made lazily, as :class:`EventRows`, are made
    a batch at a time too: the whole table is never held, issue 18)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for start in range(0, len(table.rows), batch):
        rows = table.rows[start:start + batch]
        columns = [_cells([row.get(c) for row in rows]) for c in table.columns]
        writer.writerows(zip(*columns) if columns else ([] for _ in rows))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


class EventRows(Sequence[dict[str, Any]]):
    """The rows of the events table (:func:`timeline.rows.event_row`, ``related`` as text), each made when
    asked for: a table of 100,000 events made whole is 200 MB."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events

    def __len__(self) -> int:
        return len(self.events)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return list(map(_event_row, self.events[index]))
        return _event_row(self.events[index])


def _cells(values: list[Any]) -> list[str]:
    """``cell(value, _guarded)`` of each value of a column; a column of text or of lists of text (or nothing)
    checked in one pass, and written as it is when nothing in it needs a guard."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        texts = [value or "" for value in values]
    elif kinds <= {list, tuple, type(None)} and all(item.__class__ is str for value in values if value
                                                     for item in value):
        texts = [LIST_SEPARATOR.join(value) if value else "" for value in values]
    else:
        return [cell(value, _guarded) for value in values]
    joined = "\n".join(texts)
    if not (joined.startswith(GUARDED_STARTS) or _GUARDED_ITEM.search(joined) or CONTROL.search(joined)):
        return texts
    return [cell(value, _guarded) for value in values]


def _event_row(event: Event) -> dict[str, Any]:
    row = event_row(event)
    row["related"] = [f"{link['relation']}: {link['event']}" for link in row["related"]]
    return row
