"""Files for other tools, one module per format (like ``networkx.readwrite``).

Each format module writes one format, and has the same writer for it:
``write(dataset, events, target, **options)``, whose ``options`` are the
format's (see :data:`OPTIONS`). Graph formats also write any networkx
graph (``write_graphml(graph, path)``). :data:`FORMATS` names them, and
:func:`export` writes a dataset in any of them, safely (never over a file
that timeline did not write).

>>> from timeline.export import export
>>> export(record, "gexf", level="state")
PosixPath('output/actors-state.gexf')
>>> export(record, "timelinejs", group_by="side")
PosixPath('output/timeline.json')
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, NamedTuple

from timeline.errors import NothingToShow, UserError
from timeline.export._common import GRAPHS, Folder
from timeline.export.negotiation import TABLES as NEGOTIATION_TABLES
from timeline.model import LEVELS, Dataset, Event
from timeline.outputs import DEFAULT_DIR, output_file

__all__ = ["FORMATS", "GRAPHS", "OPTIONS", "ExportError", "Format", "Option", "default_path", "export"]


class Option(NamedTuple):
    """An option of one or more formats: parameter name, choices (``None``: a yes/no flag), default, help."""

    name: str
    choices: tuple[str, ...] | None
    default: str | bool
    help: str


#: Every option a format can take; the CLI offers each as a flag (``group_by`` as ``--group-by``).
OPTIONS: dict[str, Option] = {o.name: o for o in (
    Option("graph", GRAPHS, "actors", "The graph to write: actors (the actor graph), events (actors and events) or "
           "positions (actors and issues, joined by their stances)."),
    Option("level", LEVELS, "person", "Actor graph: actors as recorded (person) or as their states (state)."),
    Option("group_by", ("type", "side"), "type", "TimelineJS: group the slides by event type, or by the side "
           "of the event's first actor."),
    Option("coarse", None, False, "iCalendar: also put in meetings known only to the month or year, as "
           "free all-day entries over the whole span, marked so in their title."),
)}
_GRAPH_OPTIONS = ("graph", "level")


class Format(NamedTuple):
    """An export format: the module that writes it, its extension, default name, options and summary.

    ``stem`` names the default output (``None``: after the graph); a
    ``folder`` format writes several files into a folder (``files`` names them);
    a ``binary`` one writes bytes that are not text (never shown on a terminal).
    """

    name: str
    module: str
    extension: str
    stem: str | None
    options: tuple[str, ...]
    summary: str
    files: tuple[str, ...] = ()
    binary: bool = False


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("graphml", "graphml", ".graphml", None, _GRAPH_OPTIONS,
           "GraphML 1.1 (yEd, Gephi, Cytoscape, igraph, networkx, graphology)"),
    Format("gexf", "gexf", ".gexf", None, _GRAPH_OPTIONS, "GEXF 1.3, dynamic: Gephi plays it on a timeline"),
    Format("json", "json", ".json", None, _GRAPH_OPTIONS, "networkx node-link JSON"),
    Format("cytoscape", "cytoscape", ".cyjs", None, _GRAPH_OPTIONS, "Cytoscape.js elements (Cytoscape too)"),
    Format("dot", "dot", ".dot", None, _GRAPH_OPTIONS, "Graphviz DOT"),
    Format("csv", "csv", "", "tables", _GRAPH_OPTIONS,
           "a folder of CSV tables for programs: events, quotes, actors, sources, edges (and issues, positions, plans)",
           files=tuple(f"{name}.csv" for name in ("events", "quotes", "actors", "sources", "edges", *NEGOTIATION_TABLES))),
    Format("xlsx", "xlsx", ".xlsx", "timeline", _GRAPH_OPTIONS,
           "an Excel workbook for spreadsheet users: one sheet per table, text kept as text", binary=True),
    Format("timelinejs", "timelinejs", ".json", "timeline", ("group_by",), "TimelineJS3 JSON"),
    Format("ical", "ical", ".ics", "meetings", ("coarse",), "iCalendar of the meetings, calls and visits"),
    Format("ftm", "ftm", ".ftm.json", "entities", (),
           "FollowTheMoney entities, one JSON object a line (Aleph, OpenAleph)"),
)}


class ExportError(UserError):
    """An export that cannot be made as asked: unknown format, an option it does not take, a bad target."""


def export(dataset: Dataset, fmt: str, target: str | os.PathLike | IO[bytes] | None = None, *,
           events: Iterable[Event] | None = None, force: bool = False, include_drafts: bool = False,
           **options: Any) -> Path | None:
    """Write ``events`` (default: all) of ``dataset`` in format ``fmt``; return the path written.

    Draft events (awaiting review, :attr:`~timeline.model.Dataset.drafts`) are left out unless ``include_drafts``.

    ``target`` is a path (a folder for ``csv``; an existing folder gets the
    default name), a binary file, or ``None`` for :func:`default_path`.
    ``options`` are those of the format (:data:`OPTIONS`): for graph
    formats ``graph`` and ``level``, for ``timelinejs`` ``group_by``...;
    an option the format does not take, or a value it does not know, is
    an :class:`ExportError`. A file that timeline did not write is replaced
    only with ``force``.
    """
    spec = _format(fmt)
    options = _options(spec, options)
    if events is None:
        from timeline.filters import EventFilter

        events = EventFilter(include_drafts=include_drafts).apply(dataset)
    events = [e for e in events if include_drafts or not e.draft]
    if not events:
        fix = ("loosen the filters" if dataset.events else "the dataset's are all drafts: add --include-drafts"
               if dataset.drafts else "the dataset has none yet: add events to it")
        raise NothingToShow(f"no events to write as {spec.name}; {fix}")
    if options.get("graph") == "positions" and not dataset.positions:
        raise NothingToShow(f"the dataset records no positions: a graph of them as {spec.name} would be empty; "
                            "write --graph actors or events")
    writer = importlib.import_module(f"timeline.export.{spec.module}").write
    if target is not None and not isinstance(target, (str, os.PathLike)):
        if spec.files:
            raise ExportError(f"{spec.name} writes a folder of files, not one stream: give the folder with -o")
        writer(dataset, events, target, **options)
        return None
    path = Path(target) if target is not None else default_path(fmt, **options)
    if spec.files:
        folder = Folder(path, force)
        folder.check(spec.files)
        writer(dataset, events, folder, **options)
        return path
    if path.is_dir():
        path = path / default_path(fmt, **options).name
    with output_file(path, force) as tmp:
        writer(dataset, events, tmp, **options)
    return path


def default_path(fmt: str, graph: str = "actors", level: str = "person", **_options: Any) -> Path:
    """Where ``fmt`` is written by default: ``output/actors.gexf``, ``output/actors-state.gexf``, ``output/tables``."""
    spec = _format(fmt)
    stem = spec.stem or (f"{graph}-{level}" if level == "state" and graph == "actors" else graph)
    return DEFAULT_DIR / f"{stem}{spec.extension}"


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        from timeline.dataset import did_you_mean

        raise ExportError(f"unknown export format '{fmt}'{did_you_mean(fmt, FORMATS)}; "
                          f"choose from {', '.join(FORMATS)}")
    return FORMATS[fmt]


def _options(spec: Format, given: dict[str, Any]) -> dict[str, Any]:
    """``given`` checked against what ``spec`` takes, with the defaults of the rest."""
    for name, value in given.items():
        if name not in spec.options:
            takes = f"it takes {', '.join(spec.options)}" if spec.options else "it takes none"
            raise ExportError(f"{spec.name} does not take the option {name}: {takes}")
        choices = OPTIONS[name].choices
        if choices is None and not isinstance(value, bool) or choices is not None and value not in choices:
            expected = f"choose from {', '.join(choices)}" if choices else "give true or false"
            raise ExportError(f"unknown {name} {value!r} for {spec.name}; {expected}")
    if given.get("graph") in ("events", "positions") and given.get("level", "person") != "person":
        raise ExportError(f"the level applies to the actor graph; the {given['graph'][:-1]} graph shows each actor "
                          "as itself")
    return {name: given.get(name, OPTIONS[name].default) for name in spec.options}
