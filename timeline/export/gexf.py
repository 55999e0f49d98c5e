"""GEXF 1.3 for Gephi: a dynamic graph whose timeline plays the negotiation.

The file is valid against the GEXF 1.3 RelaxNG schema, and is read with
the same meaning by Gephi, graphology-gexf (Gephi Lite) and networkx's
``read_gexf``. Choices made so that all of them read it right:

- the graph is directed. A relation that runs both ways (``met``,
  ``agreed``: ``directed`` false) is written as two reciprocal arcs with
  the same data (see :func:`timeline.export._common.arcs`): networkx
  refuses a file that mixes undirected edges into a directed graph;
- edge ids (``e0``, ``e1``...) never equal a node id;
- time is ``timeformat="date"``, and each bound is an ISO day
  (``2025-12-02``) or, for a moment, an ISO date-time with its zone
  (``2025-12-02T21:00:00+03:00``): Gephi's parser reads both, and
  networkx reads them as text (it fails on ``timeformat="dateTime"``);
- an event node lasts its date's span, an open end left open
  (``../2025-12-03`` has no ``start``); an actor node, and an actor-graph
  edge, lasts the spans of the events behind it, merged where they
  overlap or touch: an actor seen in 2024 and again in 2026 gets two
  ``<spell>`` elements. Inside ``<spells>`` an open bound is written as
  the graph's own ``start`` or ``end`` (the period the file covers),
  because networkx reads a missing spell bound as the text ``"None"``;
- an actor-to-event edge lasts its event; an event-to-event link lasts
  from the start of the earlier event to the end of the later.

Colours, sizes and line styles are those of the drawn graph
(:func:`timeline.palette.graph_look`): ``viz:size`` is the marker's
diameter and ``viz:thickness`` the line's width, in points. List values
are JSON strings; a missing value is left out.

>>> from timeline.export.gexf import write_gexf
>>> write_gexf(actor_graph(record), "actors.gexf", record)
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

import networkx as nx

from timeline.dates import DateSpan, parse_edtf
from timeline.export._common import (
    XML_DECLARATION,
    PathOrFile,
    arcs,
    edge_items,
    graph_format,
    typed_text,
    write_lines,
    xml_attribute,
    xml_element,
    xml_tag,
)
from timeline.model import Dataset
from timeline.palette import graph_look

NAMESPACE = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
#: GEXF attribute types of Python values; any other value is a string (lists as JSON).
_TYPES = {bool: "boolean", int: "long", float: "double"}
_TICK = timedelta(microseconds=1)


class Spell(NamedTuple):
    """A period of presence: naive bounds for comparing (``None`` open), ISO texts (inclusive) for writing."""

    start: datetime | None
    end: datetime | None
    first: str | None
    last: str | None


def write_gexf(graph: nx.Graph, path_or_file: PathOrFile, dataset: Dataset | None = None) -> None:
    """Write ``graph`` as a dynamic GEXF 1.3 file to a path or a file.

    With the ``dataset`` the graph came from, sides get the colours they
    have in every chart of it.

    >>> write_gexf(event_graph(record), "events.gexf", record)
    """
    write_lines(_lines(graph, dataset), path_or_file)


def generate_gexf(graph: nx.Graph, dataset: Dataset | None = None) -> str:
    """The GEXF text of ``graph``."""
    return "".join(f"{line}\n" for line in _lines(graph, dataset))


def _lines(graph: nx.Graph, dataset: Dataset | None) -> Iterator[str]:
    node_spells, edge_spells = spells(graph)
    bounds = _extent([s for found in (*node_spells.values(), *edge_spells.values()) for s in found])
    look = graph_look(graph, dataset)
    edges = arcs(graph)
    title = graph.graph.get("title")
    yield XML_DECLARATION
    yield xml_tag("gexf", {"xmlns": NAMESPACE, "xmlns:viz": VIZ, "version": "1.3"}, empty=False)
    yield from ("  <meta>", "    <creator>timeline</creator>")
    if title:
        yield "    " + xml_tag("description", {}, str(title))
    yield "  </meta>"
    yield "  " + xml_tag("graph", {"defaultedgetype": "directed" if graph.is_directed() else "undirected",
                                   "mode": "dynamic", "timeformat": "date", **_bounds(bounds)}, empty=False)
    node_types = _types((d for _, d in graph.nodes(data=True)), skip=("name",))
    edge_types = _types(edge.data for edge in edges)
    yield from _declare("node", node_types)
    yield from _declare("edge", edge_types)

    yield f'    <nodes count="{len(graph)}">'
    for node, data in graph.nodes(data=True):
        shown = look.nodes[node]
        attributes = {"id": node, "label": data.get("name", node)}
        children = [*_time(attributes, node_spells[node], bounds), *_values(data, node_types),
                    _color(shown.color), xml_tag("viz:size", {"value": _number(math.sqrt(shown.area))})]
        yield from xml_element("      ", "node", attributes, ["        " + child for child in children])
    yield "    </nodes>"
    yield f'    <edges count="{len(edges)}">'
    for edge in edges:
        data, key = edge.data, edge.key
        attributes = {"id": edge.id, "source": edge.source, "target": edge.target, "kind": key, "label": key,
                      "weight": data["count"] if isinstance(data.get("count"), int) else None}
        found = edge_spells[(edge.source, edge.target, key) if (edge.source, edge.target, key) in edge_spells
                            else (edge.target, edge.source, key)]
        children = [*_time(attributes, found, bounds), *_values(data, edge_types)]
        shown = look.edges.get((edge.source, edge.target, key)) or look.edges.get((edge.target, edge.source, key))
        if shown:
            children += [_color(shown.color), xml_tag("viz:thickness", {"value": _number(shown.width)}),
                         xml_tag("viz:shape", {"value": "dashed" if shown.dashed else "solid"})]
        yield from xml_element("      ", "edge", attributes, ["        " + child for child in children])
    yield from ("    </edges>", "  </graph>", "</gexf>")


def spells(graph: nx.Graph) -> tuple[dict, dict]:
    """When each node and edge is present, as merged spells: ``(by node, by (u, v, key))``.

    A node with a ``date`` (an event) lasts that date; an edge with
    ``dates`` (an actor-graph relation) lasts those dates; any other edge
    lasts from the first to the last date of its ends; any other node
    (an actor) lasts the spells of its edges. Spells that overlap or touch
    are merged. Nothing dated gives no spells: always present.
    """
    own = {n: [_spell(parse_edtf(d["date"]))] for n, d in graph.nodes(data=True) if d.get("date")}
    edges = edge_items(graph)
    by_edge = {}
    for u, v, key, data in edges:
        if data.get("dates"):
            by_edge[u, v, key] = merge(_spell(parse_edtf(text)) for text in data["dates"])
        else:
            by_edge[u, v, key] = merge([_hull([*own.get(u, ()), *own.get(v, ())])] if u in own or v in own else [])
    collected: dict = {n: [] for n in graph}
    for (u, v, _), found in by_edge.items():
        collected[u] += found
        collected[v] += found
    return {n: own.get(n) or merge(found) for n, found in collected.items()}, by_edge


def merge(found: Iterable[Spell]) -> list[Spell]:
    """``found`` spells in order, those that overlap or touch merged into one."""
    merged: list[Spell] = []
    for spell in sorted(found, key=lambda s: (s.start is not None, s.start or datetime.min)):
        last = merged[-1] if merged else None
        if last and (last.end is None or spell.start is None or spell.start <= last.end):
            if last.end is not None and (spell.end is None or spell.end > last.end):
                merged[-1] = last._replace(end=spell.end, last=spell.last)
        else:
            merged.append(spell)
    return merged


def _spell(span: DateSpan) -> Spell:
    return Spell(span.start, span.end, span.iso_start(), span.iso_end())


def _hull(found: list[Spell]) -> Spell:
    """The one spell from the earliest start to the latest end (open if any is; ``found`` may be empty)."""
    if not found:
        return Spell(None, None, None, None)
    start = None if any(s.start is None for s in found) else min(found, key=lambda s: s.start)
    end = None if any(s.end is None for s in found) else max(found, key=lambda s: s.end)
    return Spell(start and start.start, end and end.end, start and start.first, end and end.last)


def _extent(found: list[Spell]) -> Spell:
    """The period the file covers: from the earliest to the latest bound that is known (open bounds ignored)."""
    starts = [(s.start, s.first) for s in found if s.start] + [(s.end - _TICK, s.last) for s in found if s.end]
    ends = [(s.end - _TICK, s.last) for s in found if s.end] + [(s.start, s.first) for s in found if s.start]
    first, last = min(starts, default=(None, None)), max(ends, default=(None, None))
    return Spell(first[0], last[0], first[1], last[1])


def _time(attributes: dict, found: list[Spell], bounds: Spell) -> list[str]:
    """One spell as ``start`` and ``end`` in ``attributes``; several as the lines of ``<spells>``; none: always.

    Inside ``<spells>`` an open bound is the graph's own (``bounds``), which networkx reads right.
    """
    if len(found) == 1:
        attributes.update(_bounds(found[0]))
        return []
    if not found:
        return []
    filled = [spell._replace(first=spell.first or bounds.first, last=spell.last or bounds.last) for spell in found]
    return ["<spells>", *(f"  {xml_tag('spell', _bounds(spell))}" for spell in filled), "</spells>"]


def _bounds(spell: Spell) -> dict[str, str | None]:
    return {"start": spell.first and _instant(spell.first), "end": spell.last and _instant(spell.last)}


def _instant(text: str) -> str:
    """An ISO day stays a day; a moment is written to the second, with its zone if it has one."""
    return text if len(text) == 10 else datetime.fromisoformat(text).isoformat(timespec="seconds")


def _types(items: Iterable[dict], skip: tuple[str, ...] = ()) -> dict[str, str]:
    """The GEXF type of each attribute that ``items`` use, in order of first use: one that holds all its values."""
    kinds: dict[str, set[str]] = {}
    for data in items:
        for name, value in data.items():
            if value is not None and name not in skip:
                kinds.setdefault(name, set()).add(_TYPES.get(type(value), "string"))
    return {name: found.pop() if len(found) == 1 else "double" if found <= {"long", "double"} else "string"
            for name, found in kinds.items()}


def _declare(domain: str, types: dict[str, str]) -> list[str]:
    """The ``<attributes>`` lines: each attribute static, with its name as id."""
    declared = ["      " + xml_tag("attribute", {"id": name, "title": name, "type": kind}) for name, kind in types.items()]
    return xml_element("    ", "attributes", {"class": domain, "mode": "static"}, declared)


def _values(data: dict, names: dict[str, str]) -> list[str]:
    """The ``<attvalues>`` lines of ``data`` (the attributes declared in ``names``); none if it has none.

    Written as ``xml_tag("attvalue", {"for": name, "value": text})`` would, the name escaped once per
    name (issue 18: a graph at 100k holds hundreds of thousands of values).
    """
    values = [f'  <attvalue for="{_escaped_name(name)}" value="{xml_attribute(typed_text(value))}"/>'
              for name, value in data.items() if value is not None and name in names]
    return ["<attvalues>", *values, "</attvalues>"] if values else []


@lru_cache(maxsize=256)
def _escaped_name(name: str) -> str:
    return xml_attribute(str(name))


def _color(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return xml_tag("viz:color", {"r": r, "g": g, "b": b})


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


#: The export writer: ``write(dataset, events, path_or_file, graph, level)``.
write = graph_format(write_gexf, styled=True)
