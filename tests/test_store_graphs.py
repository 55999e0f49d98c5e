"""timeline.store.graphs: the actor graphs kept beside the store are the graphs made anew, edge for edge, in
networkx's orders; an edit, a forged row or a foreign file makes them again."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
import store_cases

from timeline import cache, dataset, graph
from timeline.model import Dataset
from timeline.render.select import unhosted
from timeline.store import graphs

cache_home = store_cases.cache_home  # a private cache and key folder, the store on
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("graphs") / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


@pytest.fixture(autouse=True)
def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's keeper and remembered dataset are undone after it (a keeper left set by a test's counting
    stand-in broke the graph tests run after these in the same process)."""
    monkeypatch.setattr(graph, "keeper", graph.keeper)
    monkeypatch.setattr(graphs, "_remembered", graphs._remembered)


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The actor graphs made from events (not read as kept), one entry (the level) each."""
    seen: list[str] = []
    real = graphs.keep

    def counting(make, dataset, events, options):  # noqa: ANN001, ANN202 (the keeper's own signature)
        def making(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            seen.append(options["level"])
            return make(*args, **kwargs)

        making.__name__ = make.__name__
        return real(making, dataset, events, options)

    monkeypatch.setattr(graphs, "keep", counting)
    return seen


def shape(g: nx.MultiDiGraph) -> tuple:
    """Everything of ``g`` a writer can see, in its orders: graph, nodes, edges with attributes, predecessors."""
    return (g.graph, list(g.nodes(data=True)), list(g.edges(keys=True, data=True)),
            [(node, list(before)) for node, before in g.pred.items()])


def kept_rows(data: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(graphs.graphs_file(cache.cache_file(data))) as db:
        return db.execute("SELECT name, data FROM graphs ORDER BY name").fetchall()


@pytest.mark.parametrize("level", ["person", "state"])
@pytest.mark.parametrize("planned", [False, True])
def test_kept_graph_is_the_made_one(seeds: Path, made: list[str], level: str, planned: bool) -> None:
    record = cache.load(seeds)
    first = graph.actor_graph(record, level=level, include_planned=planned)
    again = graph.actor_graph(record, record.events, level=level, include_planned=planned)  # the same events
    fresh = graph.actor_graph(dataset.load(seeds), level=level, include_planned=planned)  # not from the store
    assert made == [level, level]  # the first of the store's record, and the one of the loader's
    assert shape(again) == shape(first) == shape(fresh)
    assert again.number_of_edges() > 100 and any(d["planned_events"] for *_, d in again.edges(data=True)) == planned
    again.remove_edges_from(list(again.edges))  # a caller's cuts stay its own
    assert shape(graph.actor_graph(record, level=level, include_planned=planned)) == shape(fresh)


def test_copied_events_kept_by_their_contents(seeds: Path, made: list[str]) -> None:
    record = cache.load(seeds)
    copies = unhosted(record, record.events)  # as the graph chart draws them: some events copied without hosts
    assert sum(a is not b for a, b in zip(copies, record.events, strict=True)) > 0
    first = graph.actor_graph(record, copies, level="person", include_planned=True)
    again = graph.actor_graph(record, unhosted(record, record.events), level="person", include_planned=True)
    whole = graph.actor_graph(record, level="person", include_planned=True)
    assert made == ["person", "person"]  # the copies' graph once, the whole record's once
    assert shape(again) == shape(first) != shape(whole)


def test_edit_makes_the_graph_again(seeds: Path, tmp_path: Path, made: list[str]) -> None:
    data = tmp_path / "seeds"
    shutil.copytree(seeds, data)
    unedited = graph.actor_graph(cache.load(data), level="state")
    before = kept_rows(data)
    file = data / "moscow-talks-2025-12.yaml"
    text = file.read_text(encoding="utf-8")
    at = text.index("- id: moscow-talks\n")
    file.write_text(text[:at] + text[at:].replace("status: occurred", "status: cancelled", 1), encoding="utf-8")
    record = cache.load(data)
    edited = graph.actor_graph(record, level="state")
    assert made == ["state", "state"]
    assert "moscow-talks" in unedited.edges["russia", "united-states", "met"]["events"]
    assert "moscow-talks" not in edited.edges["russia", "united-states", "met"]["events"]
    assert shape(edited) == shape(graph.actor_graph(dataset.load(data), level="state"))
    assert len(kept_rows(data)) == 1 and kept_rows(data) != before  # the old version's graph dropped


def test_forged_or_foreign_is_made_again(seeds: Path, tmp_path: Path, made: list[str]) -> None:
    data = tmp_path / "seeds"
    shutil.copytree(seeds, data)
    graph.actor_graph(cache.load(data), level="person")
    file = graphs.graphs_file(cache.cache_file(data))
    with sqlite3.connect(file) as db:  # an edge more, written by someone without the key
        body = db.execute("SELECT body FROM graphs").fetchone()[0]
        db.execute("UPDATE graphs SET body = ?", (body.replace(b'"edges":[', b'"edges":[["a","b","met",{}],', 1),))
    record = cache.load(data)
    assert "a" not in graph.actor_graph(record, level="person")
    file.unlink()
    with sqlite3.connect(file) as db:  # another schema: never read, never written
        db.execute("CREATE TABLE graphs (name TEXT, body BLOB)")
    assert "a" not in graph.actor_graph(record, level="person")
    assert made == ["person", "person", "person"]
    with sqlite3.connect(file) as db:
        assert db.execute("SELECT count(*) FROM graphs").fetchone() == (0,)


def test_only_the_store_record_and_plain_graphs_are_kept(seeds: Path, made: list[str]) -> None:
    cache.load(seeds)
    other = dataset.load(seeds)
    graph.actor_graph(other, level="person")
    graph.actor_graph(other, level="person")  # a dataset not read from the store: made each time
    assert made == ["person", "person"]
    record = cache.load(seeds)
    some = record.events[: len(record.events) // 2]  # a period's events: a graph of many, never kept
    assert shape(graph.actor_graph(record, some)) == shape(graph.actor_graph(record, some))
    assert made == ["person"] * 4 and not graphs.graphs_file(cache.cache_file(seeds)).exists()
    g = nx.MultiDiGraph(level="person")
    g.add_edge("a", "b", key="met", events=("x",))  # JSON would give a list back
    assert graphs.encode(g) is None
    g.edges["a", "b", "met"]["events"] = ["x"]
    assert shape(graphs.decode(graphs.encode(g))) == shape(g)


def test_event_graph_not_kept(seeds: Path) -> None:
    record: Dataset = cache.load(seeds)
    graph.event_graph(record)
    assert not graphs.graphs_file(cache.cache_file(seeds)).exists() or kept_rows(seeds) == []


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "dot", "cytoscape"])
def test_exports_of_a_kept_graph_are_the_same_bytes(seeds: Path, tmp_path: Path, made: list[str], fmt: str) -> None:
    from timeline.export import export

    record = cache.load(seeds)
    written = [export(loaded, fmt, tmp_path / f"{n}.out", level="state")
               for n, loaded in enumerate((record, record, dataset.load(seeds)))]  # made, read, without a store
    assert made == ["state", "state"]
    assert written[0].read_bytes() == written[1].read_bytes() == written[2].read_bytes()
