"""GraphML 1.1 for yEd, Gephi, Cytoscape, igraph and networkx.

The file is valid against the GraphML 1.1 schema, and networkx, igraph
and graphology-graphml read it with the same meaning:

- the graph is directed. A relation that runs both ways (``met``,
  ``agreed``: ``directed`` false) is written as two reciprocal edges with
  the same data (see :func:`timeline.export._common.arcs`): igraph and
  graphology ignore an edge's own ``directed="false"``, and networkx
  refuses it inside a directed graph;

- node ids are XML name tokens: an id holding other characters (spaces,
  quotes, ``/``...) has each of them written ``_xHHHH_``, as .NET's
  ``XmlConvert.EncodeNmToken`` does; :func:`decode_id` turns it back.
  Ordinary ids (``putin``, ``ид:1``) are written as they are;
- edges have unique ids (``e0``, ``e1``... in the graph's order, never
  a node's id), and the multigraph key is kept as the attribute ``key``;
- attributes are typed (boolean, int, long, double, string); dates are
  ISO strings, lists are JSON strings, and a missing value is left out.

>>> from timeline.export.graphml import write_graphml
>>> write_graphml(actor_graph(record), "actors.graphml")
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

import networkx as nx

from timeline.export._common import (
    XML_DECLARATION,
    PathOrFile,
    arcs,
    graph_format,
    typed_text,
    write_lines,
    xml_element,
    xml_tag,
    xml_text,
)

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Code points of the non-ASCII characters that XML 1.0 allows in names.
_NAME_RANGES = ((0xC0, 0x2FF), (0x370, 0x1FFF), (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF),
                (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF))
_ESCAPE = re.compile(r"_x([0-9A-F]{8}|[0-9A-F]{4})_")
#: Ids that are name tokens as they are: ASCII letters, digits, ``.-_:``, no ``_x`` that reads as an escape.
_PLAIN = re.compile(r"(?:[A-Za-z0-9.:-]|_(?!x))+")


def write_graphml(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as GraphML to a path or a file.

    >>> write_graphml(event_graph(record), "events.graphml")
    """
    write_lines(_lines(graph), path_or_file)


def generate_graphml(graph: nx.Graph) -> str:
    """The GraphML text of ``graph``."""
    return "".join(f"{line}\n" for line in _lines(graph))


def _lines(graph: nx.Graph) -> Iterator[str]:
    ids = {node: encode_id(node) for node in graph}
    edges = arcs(graph, taken=set(ids.values()))
    yield XML_DECLARATION
    yield xml_tag("graphml", {"xmlns": NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA}"},
                  empty=False)
    keys: dict[tuple[str, str], str] = {}
    for domain, items in (("graph", [graph.graph]), ("node", (d for _, d in graph.nodes(data=True))),
                          ("edge", chain(({"key": e.key} for e in edges if e.key is not None),
                                         (e.data for e in edges)))):
        for name, kind in _attribute_types(items).items():
            keys[domain, name] = key = f"d{len(keys)}"
            yield "  " + xml_tag("key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    yield "  " + xml_tag("graph", {"id": "G", "edgedefault": "directed" if graph.is_directed() else "undirected"},
                         empty=False)
    yield from _data("    ", "graph", graph.graph, keys)
    for node, data in graph.nodes(data=True):
        yield from xml_element("    ", "node", {"id": ids[node]}, _data("      ", "node", data, keys))
    for edge in edges:
        attributes = {"id": edge.id, "source": ids[edge.source], "target": ids[edge.target]}
        values = edge.data if edge.key is None else {"key": edge.key, **edge.data}
        yield from xml_element("    ", "edge", attributes, _data("      ", "edge", values, keys))
    yield "  </graph>"
    yield "</graphml>"


def encode_id(node: Any) -> str:
    """A node id as an XML name token: characters a token cannot hold become ``_xHHHH_``.

    >>> encode_id('o"brien'), encode_id("ид:1")
    ('o_x0022_brien', 'ид:1')
    """
    text = str(node)
    if _PLAIN.fullmatch(text):
        return text
    out = []
    for i, char in enumerate(text):
        if char == "_" and text[i + 1:i + 2] == "x":
            out.append("_x005F_")
        elif _is_name_char(char):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"_x{code:04X}_" if code <= 0xFFFF else f"_x{code:08X}_")
    return "".join(out)


def decode_id(token: str) -> str:
    """The node id that :func:`encode_id` wrote as ``token``.

    >>> decode_id("o_x0022_brien")
    'o"brien'
    """
    return _ESCAPE.sub(lambda match: chr(int(match[1], 16)), token)


def _is_name_char(char: str) -> bool:
    """Can ``char`` appear in an XML name token? ASCII letters, digits and ``.-_:``, and letters,
    marks and digits in the ranges XML 1.0 allows (a safe subset of its NameChar)."""
    if char.isascii():
        return char.isalnum() or char in ".-_:"
    code = ord(char)
    return (any(low <= code <= high for low, high in _NAME_RANGES) and code not in (0xD7, 0xF7, 0x37E)
            and unicodedata.category(char)[0] in "LMN")


def _attribute_types(items: Iterable[dict]) -> dict[str, str]:
    """Each attribute name, in order of first use, with the GraphML type that holds all its values."""
    seen: dict[str, set[str]] = {}
    for data in items:
        for name, value in data.items():
            if value is not None:
                seen.setdefault(name, set()).add(_type_of(value))
    return {name: _common_type(kinds) for name, kinds in seen.items()}


def _common_type(kinds: set[str]) -> str:
    """The one type that holds values of all ``kinds``."""
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"int", "long"}:
        return "long"
    return "double" if kinds <= {"int", "long", "double"} else "string"


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int" if -2**31 <= value < 2**31 else "long"
    return "double" if isinstance(value, float) else "string"


def _data(indent: str, domain: str, data: dict, keys: dict[tuple[str, str], str]) -> list[str]:
    """The ``<data>`` lines of an element (``xml_tag("data", {"key": key}, text)``, whose keys ``dN`` need no
    escaping, written directly: 70,000 of them at 10k events)."""
    return [f'{indent}<data key="{keys[domain, name]}">{xml_text(typed_text(value))}</data>'
            for name, value in data.items() if value is not None]


#: The export writer: ``write(dataset, events, path_or_file, graph, level)``.
write = graph_format(write_graphml)
