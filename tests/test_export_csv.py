"""CSV: one table per file, UTF-8 with BOM and CRLF, read back whole, formulas neutralised."""
from __future__ import annotations

import csv
import io

import pytest
from export_cases import TRICKY

from timeline.dataset import load
from timeline.export import export
from timeline.export.csv import EVENT_COLUMNS, safe_cell, tables, write_csv
from timeline.graph import actor_graph
from timeline.rows import event_row


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def plain(text: str) -> str:
    """A cell's text without the guard that :func:`safe_cell` put before a formula."""
    return text[1:] if text[:1] == "'" and safe_cell(text[1:]) != text[1:] else text


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_tables_read_back_whole(which, seed, tricky, tmp_path):
    dataset = seed if which == "seed" else tricky
    folder = export(dataset, "csv", tmp_path / "tables")
    assert sorted(p.name for p in folder.glob("*.csv")) == [
        "actors.csv", "edges.csv", "events.csv", "quotes.csv", "sources.csv"]

    events = read(folder / "events.csv")
    assert [plain(row["id"]) for row in events] == [e.id for e in dataset.events]
    for row, event in zip(events, dataset.events):
        assert plain(row["summary"]) == event.summary
        assert plain(row["location"]) == (event.location or "")
        assert row["participants"] == "; ".join(event.participants)
        assert row["related"] == "; ".join(f"{r.relation}: {r.event}" for r in event.related)
        assert (row["approximate"], row["start"]) == ("yes" if event.date.approximate else "no",
                                                      event.date.iso_start() or "")
    assert [(r["event"], r["speaker"], plain(r["text"])) for r in read(folder / "quotes.csv")] == [
        (e.id, q.speaker, q.text) for e in dataset.events for q in e.quotes]
    assert [(plain(r["id"]), plain(r["name"]), r["side"]) for r in read(folder / "actors.csv")] == [
        (a.id, a.name, dataset.side(a.id)) for a in dataset.actors.values()]
    assert [(r["id"], r["url"]) for r in read(folder / "sources.csv")] == [
        (s.id, s.url or "") for s in dataset.sources.values()]
    graph = actor_graph(dataset, include_planned=True)
    assert [(plain(r["source"]), plain(r["target"]), r["key"], int(r["count"]), plain(r["events"]))
            for r in read(folder / "edges.csv")] == [
        (u, v, k, d["count"], "; ".join(d["events"])) for u, v, k, d in graph.edges(keys=True, data=True)]


def test_formulas_are_neutralised(tricky, tmp_path):
    folder = export(tricky, "csv", tmp_path)
    events = {plain(row["id"]): row for row in read(folder / "events.csv")}
    assert events["-claim"]["id"] == "'-claim"
    assert events["-claim"]["summary"] == "'+line one\nline two, with a comma; and a semicolon \\ backslash"
    assert events["talks:1"]["location"] == "'=HYPERLINK(\"http://evil\")"
    assert events["talks:1"]["summary"] == tricky.event("talks:1").summary  # markup is just text here
    assert read(folder / "quotes.csv")[0]["text"] == "'@once, \"done\"; really"
    actors = read(folder / "actors.csv")
    assert [a["title"] for a in actors if a["title"]] == ["'-2+3"]
    cells = [c for path in folder.glob("*.csv") for row in csv.reader(io.StringIO(path.read_text("utf-8-sig")))
             for c in row]
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@")] == []


def test_utf8_with_bom_and_crlf(tricky, tmp_path):
    write_csv(tables(tricky)["actors"], tmp_path / "actors.csv")
    data = (tmp_path / "actors.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,kind,")
    assert data.count(b"\r\n") == 4 and data.count(b"\n") == 4
    assert "Иван".encode() in data


def test_every_event_field_has_a_column(seed):
    assert set(EVENT_COLUMNS) == set(event_row(seed.events[0])) - {"quotes"}


def test_without_a_graph_there_is_no_edges_table(seed):
    assert list(tables(seed)) == ["events", "quotes", "actors", "sources"]
