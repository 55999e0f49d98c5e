"""JSON graphs: networkx node-link data, and Cytoscape.js elements.

Node-link data reads back whole with ``nx.node_link_graph(data, edges="edges")``
(networkx 3.4 and later; earlier, ``link="edges"``).
Cytoscape.js elements open in Cytoscape.js (``cytoscape({elements})``) and
in Cytoscape (File > Import > Network from File, ``.cyjs``): every edge has
a unique ``id`` (``e0``, ``e1``...) beside its ``key``, and missing values
are left out.

>>> from timeline.export.json import write_cytoscape, write_node_link
>>> write_node_link(actor_graph(record), "actors.json")
>>> write_cytoscape(actor_graph(record), "actors.cyjs")
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from timeline.export._common import PathOrFile, edge_items, json_pieces, write_text


def write_node_link(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as networkx node-link JSON (nodes and ``edges``) to a path or a file."""
    write_text(json_pieces(node_link_data(graph)), path_or_file)


def write_cytoscape(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as Cytoscape.js JSON to a path or a file."""
    write_text(json_pieces(cytoscape_data(graph)), path_or_file)


def node_link_data(graph: nx.Graph) -> dict[str, Any]:
    """``graph`` as node-link data with an ``edges`` list, whatever the networkx version; values kept as they are.

    >>> node_link_data(actor_graph(record))["edges"][0]["key"]
    'acted_together'
    """
    edges = edge_items(graph)
    return {
        "directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": dict(graph.graph),
        "nodes": [_data({"id": n}, d) for n, d in graph.nodes(data=True)],
        "edges": [_data({"source": u, "target": v, **({} if k is None else {"key": k})}, d) for u, v, k, d in edges],
    }


def cytoscape_data(graph: nx.Graph) -> dict[str, Any]:
    """``graph`` as Cytoscape.js JSON: graph ``data``, ``directed``, ``multigraph`` and ``elements``.

    >>> cytoscape_data(actor_graph(record))["elements"]["edges"][0]["data"]["id"]
    'e0'
    """
    edges = edge_items(graph)
    return {
        "data": _present(graph.graph), "directed": graph.is_directed(), "multigraph": graph.is_multigraph(),
        "elements": {
            "nodes": [{"data": _data({"id": str(n)}, _present(d))} for n, d in graph.nodes(data=True)],
            "edges": [{"data": _data({"id": f"e{i}", "source": str(u), "target": str(v),
                                      **({} if key is None else {"key": key})}, _present(d))}
                      for i, (u, v, key, d) in enumerate(edges)],
        },
    }


def _data(fixed: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``fixed`` followed by the attributes that do not clash with it."""
    return {**fixed, **{k: v for k, v in data.items() if k not in fixed}}


def _present(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}
