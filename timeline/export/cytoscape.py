"""Cytoscape.js elements, for Cytoscape.js (``cytoscape({elements})``) and Cytoscape (``.cyjs``).

Cytoscape opens the file with File > Import > Network from File.

Cytoscape.js keeps one id space for nodes and edges and silently drops
an element whose id is taken, so every edge gets an id (``e0``, ``e1``...)
that no node has, beside its ``key``. A relation that runs both ways
(``met``, ``agreed``: ``directed`` false) is two reciprocal edges with
the same data (:func:`timeline.export._common.arcs`). Missing values are
left out.

>>> from timeline.export.cytoscape import write_cytoscape
>>> write_cytoscape(actor_graph(record), "actors.cyjs")
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from timeline.export._common import PathOrFile, arcs, graph_format, write_text
from timeline.export.json import fixed_first
from timeline.export.json_text import json_pieces


def write_cytoscape(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as Cytoscape.js JSON to a path or a file."""
    write_text(json_pieces(cytoscape_data(graph)), path_or_file)


def cytoscape_data(graph: nx.Graph) -> dict[str, Any]:
    """``graph`` as Cytoscape.js JSON: graph ``data``, ``directed``, ``multigraph`` and ``elements``.

    >>> cytoscape_data(actor_graph(record))["elements"]["edges"][0]["data"]["id"]
    'e0'
    """
    return {
        "data": _present(graph.graph), "directed": graph.is_directed(), "multigraph": graph.is_multigraph(),
        "elements": {
            "nodes": [{"data": fixed_first({"id": str(n)}, _present(d))} for n, d in graph.nodes(data=True)],
            "edges": [{"data": fixed_first({"id": e.id, "source": str(e.source), "target": str(e.target),
                                            **({} if e.key is None else {"key": e.key})}, _present(e.data))}
                      for e in arcs(graph)],
        },
    }


def _present(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


#: The export writer: ``write(dataset, events, path_or_file, graph, level)``.
write = graph_format(write_cytoscape)
