"""Actor graphs kept beside the store as plain data, read instead of made again while the dataset is unchanged.

Making the actor graph of 100,000 events takes seconds (every event's pairs,
affiliations at its date); the chart and each graph export of a dataset make
the same graph anew in a process of their own (issue 18). So a graph made of
a dataset read from its store (:func:`remember`) is kept in
``<store>.graphs.sqlite``: one row per graph, named by a digest of

- the dataset: the store's format, the code that reads and checks it and
  makes graphs (:func:`timeline.index.stamps.code_stamp`), networkx's
  version, and each data file's path and SHA-256 as the store confirmed them;
- the function and its options (``level``, ``include_planned``);
- the events it was made of, which must be the dataset's events that are
  not drafts, in order: each the dataset's own object, or a copy (with a
  host left out, as the graph chart draws them) named by a digest of its
  ``repr``. The graph of other events (a period, an actor's) is not kept.

A row holds JSON (nodes and edges with their attributes, in networkx's
order, and each node's predecessors in theirs), so nothing read can run
code; it counts only if its HMAC under the store's key checks out. A graph
whose attributes JSON would not give back as they are (a tuple, a set) is
not kept. Writing a graph drops the rows of other versions of the dataset.
Any failure means making the graph, never a failed command.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.index.guard import holds_exactly, open_ours, own_file

if TYPE_CHECKING:
    import networkx as nx

    from timeline.model import Dataset, Event

#: The functions of :mod:`timeline.graph` whose graphs are kept (the event graph is as quick to make as to read).
KEPT = ("actor_graph",)
SCHEMA = "CREATE TABLE graphs (name TEXT PRIMARY KEY, data TEXT NOT NULL, mac TEXT NOT NULL, body BLOB NOT NULL)"
_PLAIN = (str, int, float, bool, type(None))

#: The dataset last read from a store, with its digest, graphs file and key (one: a process reads one dataset).
_remembered: tuple[Dataset, str, Path, bytes] | None = None


def remember(record: Dataset, data_digest: str, store_file: Path, key: bytes) -> None:
    """Keep the graphs :mod:`timeline.graph` makes of ``record`` (just read from the store ``store_file``, whose
    files and code have the digest ``data_digest``) in ``<store_file>.graphs.sqlite`` under ``key``."""
    global _remembered
    from timeline import graph

    _remembered = (record, data_digest, graphs_file(store_file), key)
    graph.keeper = keep


def graphs_file(store_file: Path) -> Path:
    """The file that keeps the graphs of the store ``store_file``."""
    return store_file.with_name(store_file.name + ".graphs.sqlite")


def keep(make: Callable[..., nx.MultiDiGraph], dataset: Dataset, events: Sequence[Event] | None,
         options: dict[str, Any]) -> nx.MultiDiGraph:
    """``make(dataset, events, **options)``: read as kept when it was made of this dataset before, else made
    (and kept when the dataset is the one :func:`remember` was given)."""
    name = _name(make, dataset, events, options)
    if name is None:
        return make(dataset, events, **options)
    _, data, file, key = _remembered  # type: ignore[misc]
    graph = _read(file, name, key)
    if graph is None:
        graph = make(dataset, events, **options)
        _write(file, name, data, key, graph)
    return graph


def _name(make: Callable[..., Any], dataset: Dataset, events: Sequence[Event] | None,
          options: dict[str, Any]) -> str | None:
    """The digest naming the graph ``make`` makes of these ``events``; ``None`` if it is not one to keep."""
    if make.__name__ not in KEPT or _remembered is None or _remembered[0] is not dataset:
        return None
    import networkx as nx

    digest = hashlib.sha256(json.dumps([_remembered[1], nx.__version__, make.__name__, options]).encode())
    undrafted = [event for event in dataset.events if not event.draft]
    events = undrafted if events is None else events
    if len(events) != len(undrafted) or any(a.id != b.id for a, b in zip(events, undrafted)):
        return None  # a graph of some events (a period, an actor's) is not kept: a few graphs per dataset
    for event, own in zip(events, undrafted):
        if event is own:
            digest.update(b".")
            continue
        text = repr(event)
        if " at 0x" in text:  # a repr that names an address says nothing of the contents
            return None
        digest.update(b"r" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


def encode(graph: nx.MultiDiGraph) -> bytes | None:
    """The graph as JSON (graph attributes, nodes, edges, each node's predecessors in order); ``None`` if JSON
    would not give its attributes back as they are."""
    plain = {"graph": graph.graph, "nodes": [[node, attrs] for node, attrs in graph.nodes(data=True)],
             "edges": [[u, v, k, attrs] for u, v, k, attrs in graph.edges(keys=True, data=True)],
             "pred": [[node, list(before)] for node, before in graph.pred.items()]}
    if not _plain(plain):
        return None
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode(body: bytes) -> nx.MultiDiGraph:
    """The graph :func:`encode` wrote: the same nodes, edges, keys and attributes, in the same orders."""
    import networkx as nx

    plain = json.loads(body)
    graph = nx.MultiDiGraph(**plain["graph"])
    graph.add_nodes_from(plain["nodes"])
    graph.add_edges_from(plain["edges"])
    pred = graph._pred  # each node's predecessors in the order the graph was made in, not this one's
    for node, before in plain["pred"]:
        pred[node] = {u: pred[node][u] for u in before}
    if graph.number_of_edges() != len(plain["edges"]):
        raise ValueError("an edge twice")
    return graph


def _plain(value: Any) -> bool:
    """Is ``value`` made of dicts with text keys, lists, text, numbers, booleans and ``None`` alone (what JSON
    gives back as it was)?"""
    if isinstance(value, _PLAIN):
        return not isinstance(value, float) or value == value and abs(value) != float("inf")
    if type(value) is list:
        return all(map(_plain, value))
    if type(value) is dict:
        return all(type(k) is str for k in value) and all(map(_plain, value.values()))
    return False


def _mac(key: bytes, name: str, data: str, body: bytes) -> str:
    return hmac.new(key, b"\0".join((name.encode(), data.encode(), body)), "sha256").hexdigest()


def _read(file: Path, name: str, key: bytes) -> nx.MultiDiGraph | None:
    """The graph kept as ``name``, if the file is ours, of our schema, and the row's MAC checks out."""
    try:
        with contextlib.closing(open_ours(file, [SCHEMA])) as db:
            row = db.execute("SELECT data, mac, body FROM graphs WHERE name = ?", (name,)).fetchone()
        if row is None or not isinstance(row[2], bytes) or not hmac.compare_digest(row[1], _mac(key, name, *row[::2])):
            return None
        return decode(row[2])
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def _write(file: Path, name: str, data: str, key: bytes, graph: nx.MultiDiGraph) -> None:
    """Keep ``graph`` as ``name`` of the dataset ``data``, dropping the graphs of other versions of it."""
    body = encode(graph)
    if body is None:
        return
    try:
        if file.exists() and own_file(file) is None:
            return
        with contextlib.closing(sqlite3.connect(file, timeout=2)) as db:
            if holds_exactly(db, ()):
                db.execute(SCHEMA)
            elif not holds_exactly(db, [SCHEMA]):
                return
            with db:
                db.execute("DELETE FROM graphs WHERE data != ?", (data,))
                db.execute("INSERT OR REPLACE INTO graphs VALUES (?, ?, ?, ?)",
                           (name, data, _mac(key, name, data, body), body))
    except (sqlite3.Error, OSError):
        return
