"""Files for other tools, one module per format (like ``networkx.readwrite``).

Each module writes one format and can be used on its own
(``write_graphml(graph, path)``); :data:`FORMATS` names them, and
:func:`export` writes a dataset in any of them, safely (never over a file
that timeline did not write).

>>> from timeline.export import export
>>> export(record, "gexf", level="state")
PosixPath('output/actors-state.gexf')
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from timeline.errors import NothingToShow, UserError
from timeline.model import LEVELS, MEETING_TYPES, Dataset, Event
from timeline.outputs import DEFAULT_DIR, check_writable, output_file

if TYPE_CHECKING:
    import networkx as nx

#: The graphs a graph format can write: the actor graph, or the actor-event graph.
GRAPHS = ("actors", "events")


class Format(NamedTuple):
    """An export format: its writer (``module:function`` in timeline.export), extension, input, default name.

    ``takes`` is what the writer is given: ``graph`` (a graph), ``styled
    graph`` (a graph and the dataset, for the colours of the drawings),
    ``events`` (the dataset and the events) or ``tables`` (the CSV tables,
    one file each, in a folder). ``stem`` names the default output; ``None``
    names it after the graph.
    """

    name: str
    writer: str
    extension: str
    takes: str
    stem: str | None
    summary: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("graphml", "graphml:write_graphml", ".graphml", "graph", None,
           "GraphML 1.1 (yEd, Gephi, Cytoscape, igraph, networkx)"),
    Format("gexf", "gexf:write_gexf", ".gexf", "styled graph", None, "GEXF 1.3, dynamic: Gephi plays it on a timeline"),
    Format("json", "json:write_node_link", ".json", "graph", None, "networkx node-link JSON"),
    Format("cytoscape", "json:write_cytoscape", ".cyjs", "graph", None, "Cytoscape.js elements (Cytoscape too)"),
    Format("dot", "dot:write_dot", ".dot", "styled graph", None, "Graphviz DOT"),
    Format("csv", "csv:write_csv", "", "tables", "tables",
           "a folder of CSV tables: events, quotes, actors, sources, edges"),
    Format("timelinejs", "timelinejs:write_timelinejs", ".json", "events", "timeline", "TimelineJS3 JSON"),
    Format("ical", "ical:write_ical", ".ics", "events", "meetings", "iCalendar of the meetings, calls and visits"),
)}


class ExportError(UserError):
    """An export that cannot be made as asked: unknown format, an option it does not take, a bad target."""


def export(dataset: Dataset, fmt: str, target: str | os.PathLike | IO[bytes] | None = None, *,
           events: Iterable[Event] | None = None, graph: str | None = None, level: str | None = None,
           force: bool = False) -> Path | None:
    """Write ``events`` (default: all) of ``dataset`` in format ``fmt``; return the path written.

    ``target`` is a path (a folder for ``csv``; an existing folder gets the
    default name), a binary file, or ``None`` for :func:`default_path`.
    Graph formats (and the edges of ``csv``) take ``graph`` (``actors`` or
    ``events``) and, for the actor graph, ``level`` (``person`` or
    ``state``). A file that timeline did not write is replaced only with
    ``force``.
    """
    spec = _format(fmt)
    graph, level = _graph_options(spec, graph, level)
    events = list(dataset.events if events is None else events)
    if spec.name == "ical" and not any(e.type in MEETING_TYPES for e in events):
        raise NothingToShow("no meetings, calls or visits to put in a calendar among the events chosen")
    if spec.takes == "events" and not events:
        raise NothingToShow(f"no events to write as {spec.name}; loosen the filters")
    if target is not None and not isinstance(target, (str, os.PathLike)):
        if spec.takes == "tables":
            raise ExportError("csv writes a folder of tables, not one stream: give the folder with -o")
        _write(spec, dataset, events, graph, level, target)
        return None
    path = Path(target) if target is not None else default_path(fmt, graph, level)
    if spec.takes == "tables":
        return _write_tables(dataset, events, graph, level, path, force)
    if path.is_dir():
        path = path / default_path(fmt, graph, level).name
    with output_file(path, force) as tmp:
        _write(spec, dataset, events, graph, level, tmp)
    return path


def default_path(fmt: str, graph: str | None = "actors", level: str | None = "person") -> Path:
    """Where ``fmt`` is written by default: ``output/actors.gexf``, ``output/actors-state.gexf``, ``output/tables``."""
    spec = _format(fmt)
    stem = spec.stem or (f"{graph}-{level}" if level == "state" else graph or "actors")
    return DEFAULT_DIR / f"{stem}{spec.extension}"


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        from timeline.dataset import did_you_mean

        raise ExportError(f"unknown export format '{fmt}'{did_you_mean(fmt, FORMATS)}; "
                          f"choose from {', '.join(FORMATS)}")
    return FORMATS[fmt]


def _graph_options(spec: Format, graph: str | None, level: str | None) -> tuple[str | None, str | None]:
    """The graph and level to use, checked against what the format writes."""
    if spec.takes == "events":
        if graph or level:
            raise ExportError(f"{spec.name} writes events, not a graph: leave out --graph and --level")
        return None, None
    graph = graph or "actors"
    if graph not in GRAPHS:
        raise ExportError(f"unknown graph '{graph}'; choose from {', '.join(GRAPHS)}")
    if graph == "events" and level:
        raise ExportError("--level applies to the actor graph; the event graph shows each actor as itself")

    if level not in (None, *LEVELS):
        raise ExportError(f"unknown level '{level}'; choose from {', '.join(LEVELS)}")
    return graph, (level or "person") if graph == "actors" else None


def _graph(dataset: Dataset, events: list[Event], graph: str, level: str | None) -> nx.MultiDiGraph:
    from timeline.graph import actor_graph, event_graph

    if graph == "events":
        return event_graph(dataset, events)
    return actor_graph(dataset, events, level=level, include_planned=True)


def _write(spec: Format, dataset: Dataset, events: list[Event], graph: str | None, level: str | None,
           target: Path | IO[bytes]) -> None:
    module, _, function = spec.writer.partition(":")
    writer = getattr(importlib.import_module(f"timeline.export.{module}"), function)
    if spec.takes == "events":
        writer(dataset, target, events)
    elif spec.takes == "styled graph":
        writer(_graph(dataset, events, graph, level), target, dataset)
    else:
        writer(_graph(dataset, events, graph, level), target)


def _write_tables(dataset: Dataset, events: list[Event], graph: str, level: str | None, folder: Path,
                  force: bool) -> Path:
    from timeline.export.csv import tables, write_csv

    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; csv writes a folder of tables: give a folder with -o")
    found = tables(dataset, events, _graph(dataset, events, graph, level))
    paths = {name: folder / f"{name}.csv" for name in found}
    for path in paths.values():
        check_writable(path, force)
    for name, table in found.items():
        with output_file(paths[name], force) as tmp:
            write_csv(table, tmp)
    return folder
