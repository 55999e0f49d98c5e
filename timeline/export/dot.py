"""DOT for Graphviz: ``dot -Tsvg actors.dot > actors.svg``.

Every id and label is a quoted string with backslashes and double quotes
escaped, so ids with colons, quotes or any script lay out as they are
(Graphviz reads UTF-8). Control characters, which Graphviz refuses (a NUL
ends the file for it), are replaced by U+FFFD. Graphviz decodes HTML
entities in labels and tooltips, so their ``&`` is written ``&amp;``: a
name ``AT&amp;T`` is drawn as written (a reader of the DOT text, such as
pydot, gets ``AT&amp;amp;T``: replace ``&amp;`` by ``&`` to read it back).

Colours and line widths are those of the drawn graph
(:func:`timeline.palette.graph_look`); actors are shaped by kind,
events are boxes labelled with their date and, unless it is the default,
their status, outlined by status (planned dashed, cancelled dotted). A
relation that runs both ways (``met``) is one edge without arrows.

>>> from timeline.export.dot import write_dot
>>> write_dot(actor_graph(record), "actors.dot", record)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from timeline import palette
from timeline.dates import parse_edtf
from timeline.export._common import (
    CONTROL,
    DEFAULT_STATUS,
    PathOrFile,
    edge_items,
    graph_format,
    status_label,
    write_lines,
)
from timeline.model import HELD_STATUSES, Dataset
from timeline.negotiation import DEFAULT_STANCES

#: Node shapes by actor kind, near the drawing's markers.
SHAPES = {"person": "ellipse", "state": "box", "organization": "octagon", "group": "hexagon"}
#: Fill opacity (hex alpha) behind the dark label text.
FILL_ALPHA = "33"
#: Outline of an event that did not take place, by status; any other such status is dashed.
NOT_HELD_STYLE = {"cancelled": "dotted"}
#: Attributes that Graphviz reads as labels, in which it decodes HTML entities.
_LABELS = ("label", "tooltip", "xlabel", "headlabel", "taillabel")


def write_dot(graph: nx.Graph, path_or_file: PathOrFile, dataset: Dataset | None = None) -> None:
    """Write ``graph`` as Graphviz DOT to a path or a file.

    With the ``dataset`` the graph came from, sides get the colours they
    have in every chart of it.
    """
    write_lines(_lines(graph, dataset), path_or_file)


def generate_dot(graph: nx.Graph, dataset: Dataset | None = None) -> str:
    """The DOT text of ``graph``."""
    return "".join(f"{line}\n" for line in _lines(graph, dataset))


def _lines(graph: nx.Graph, dataset: Dataset | None) -> Iterator[str]:
    look = palette.graph_look(graph, dataset)
    font = palette.FONT["family"]
    title = graph.graph.get("title") or None
    head = attributes(label=title, labelloc="t", fontsize=palette.TITLE_SIZE, fontname=font, charset="UTF-8",
                      rankdir="LR", nodesep=0.3, ranksep=0.6, pad=0.3)
    yield f"{'digraph' if graph.is_directed() else 'graph'} {quote(title or 'timeline')} {{"
    yield f"  graph [{head}];"
    yield f"  node [{attributes(fontname=font, fontsize=palette.FONT['size'], fontcolor=palette.INK, penwidth=1.5)}];"
    yield f"  edge [{attributes(fontname=font, fontsize=7, arrowsize=0.7)}];"
    for node, data in graph.nodes(data=True):
        color = look.nodes[node].color
        if data.get("node_type") == "event":
            label = f"{node}\n{parse_edtf(data['date']).label()}" if data.get("date") else str(node)
            status = data.get("status", DEFAULT_STATUS)
            if status != DEFAULT_STATUS:
                label += f"\n{status_label(status)}"
            shape, tip = "box", data.get("summary")
            fill = "rounded,filled" + _outline(status)
        else:
            label, shape = str(data.get("name", node)), SHAPES.get(data.get("kind"), "ellipse")
            tip, fill = data.get("title"), "filled"
        shown = attributes(label=label, shape=shape, style=fill, tooltip=tip, color=color,
                           fillcolor=color + FILL_ALPHA)
        yield f"  {quote(str(node))} [{shown}];"
    arrow = "->" if graph.is_directed() else "--"
    stances: dict[str, str] | None = None
    edges = edge_items(graph)
    for u, v, key, data in edges:
        edge = look.edges.get((u, v, key), palette.EdgeLook(palette.LINK_COLOR, 1.0))
        label = f"{key} (planned)" if data.get("planned") else key
        if data.get("relation") == "stance":   # issue 15: a stance reads as its label and date, in its colour
            if stances is None:  # coloraide's import (0.1-0.2 s) only for a graph of stances (issue 18)
                from timeline.stance_colors import stance_colors

                stances = stance_colors(dataset.stances if dataset else DEFAULT_STANCES)
            edge, label = _stance_look(data, stances), _stance_label(data, dataset)
        shown = attributes(label=label, color=edge.color, fontcolor=edge.color, penwidth=f"{edge.width:.2f}",
                           style="dashed" if edge.dashed else None,
                           dir="none" if data.get("directed") is False else None)
        yield f"  {quote(str(u))} {arrow} {quote(str(v))} [{shown}];"
    yield "}"


def _stance_label(data: dict, dataset: Dataset | None) -> str:
    """'Demands\\n15 Aug 2025', with '(as Ukraine claims)' for a stance others attribute."""
    text = f"{data.get('stance_label') or data['stance']}\n{parse_edtf(data['date']).label()}"
    claimants = data.get("claimed_by") or []
    names = [dataset.actors[a].name if dataset and a in dataset.actors else a for a in claimants]
    return text + (f"\n(as {' and '.join(names)} claim{'s' * (len(names) == 1)})" if names else "")


def _stance_look(data: dict, colors: dict[str, str]) -> palette.EdgeLook:
    """A stance edge's colour (:mod:`timeline.stance_colors`), wider at the scale's ends, dashed for a claim."""
    return palette.EdgeLook(colors.get(data["stance"], palette.LINK_COLOR), 1.0 + 0.5 * abs(data.get("value") or 0),
                            dashed=bool(data.get("claimed_by")))


def _outline(status: str) -> str:
    """The style added to an event's box: nothing if it took place, else dashed or dotted."""
    return "" if status in HELD_STATUSES else "," + NOT_HELD_STYLE.get(status, "dashed")


def quote(text: str) -> str:
    r"""``text`` as a DOT quoted string: backslashes and quotes escaped, line breaks as ``\n``, controls replaced.

    >>> print(quote('say "hi"\\now'))
    "say \"hi\"\\now"
    """
    text = CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def attributes(**values: Any) -> str:
    """DOT attributes ``name="value"`` of the values that are not None, quoted; ``&`` in labels as ``&amp;``."""
    return ", ".join(f"{name}={quote(_label(name, str(value)))}" for name, value in values.items()
                     if value is not None)


def _label(name: str, value: str) -> str:
    return value.replace("&", "&amp;") if name in _LABELS else value


#: The export writer: ``write(dataset, events, path_or_file, graph, level)``.
write = graph_format(write_dot, styled=True)
