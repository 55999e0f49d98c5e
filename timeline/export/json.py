"""networkx node-link JSON: the graph as networkx itself writes and reads it.

The file reads back whole with ``nx.node_link_graph(data, edges="edges")``
(networkx 3.4 and later; earlier, ``link="edges"``). A relation that runs
both ways (``met``, ``agreed``: ``directed`` false) is written as two
reciprocal edges with the same data (:func:`timeline.export._common.arcs`),
so that the directed graph read back holds it from both ends.

>>> from timeline.export.json import write_node_link
>>> write_node_link(actor_graph(record), "actors.json")
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from timeline.export._common import PathOrFile, arcs, graph_format, write_text
from timeline.export.json_text import json_pieces


def write_node_link(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as networkx node-link JSON (nodes and ``edges``) to a path or a file."""
    write_text(json_pieces(node_link_data(graph)), path_or_file)


def node_link_data(graph: nx.Graph) -> dict[str, Any]:
    """``graph`` as node-link data with an ``edges`` list, whatever the networkx version; values kept as they are.

    >>> node_link_data(actor_graph(record))["edges"][0]["key"]
    'rejected'
    """
    return {
        "directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": dict(graph.graph),
        "nodes": [fixed_first({"id": n}, d) for n, d in graph.nodes(data=True)],
        "edges": [fixed_first({"source": e.source, "target": e.target, **({} if e.key is None else {"key": e.key})},
                              e.data) for e in arcs(graph)],
    }


def fixed_first(fixed: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``fixed`` followed by the attributes that do not clash with it."""
    return {**fixed, **{k: v for k, v in data.items() if k not in fixed}}


#: The export writer: ``write(dataset, events, path_or_file, graph, level)``.
write = graph_format(write_node_link)
