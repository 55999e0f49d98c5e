"""CSV: one table per file, UTF-8 with BOM and CRLF, read back whole, formulas neutralised."""
from __future__ import annotations

import csv
import io

import pytest
from export_cases import HOSTILE, TRICKY

from timeline.dataset import load
from timeline.export import export
from timeline.export.csv import _csv_text, safe_cell, tables, unguard, write_csv
from timeline.graph import actor_graph
from timeline.rows import event_row


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def plain(text: str) -> str:
    """A cell's text as the data has it: the guard removed, as the module's docstring says to."""
    return unguard(text)


def items(text: str) -> list[str]:
    """A list cell's items as the data has them."""
    return [unguard(item) for item in text.split("; ")] if text else []


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
        assert items(row["participants"]) == list(event.participants)
        assert items(row["related"]) == [f"{r.relation}: {r.event}" for r in event.related]
        assert (row["approximate"], row["start"]) == ("yes" if event.date.approximate else "no",
                                                      event.date.iso_start() or "")
    assert [(plain(r["event"]), plain(r["speaker"]), plain(r["text"])) for r in read(folder / "quotes.csv")] == [
        (e.id, q.speaker, q.text) for e in dataset.events for q in e.quotes]
    assert [(plain(r["id"]), plain(r["name"]), r["side"]) for r in read(folder / "actors.csv")] == [
        (a.id, a.name, dataset.side(a.id)) for a in dataset.actors.values()]
    assert [(plain(r["id"]), plain(r["url"])) for r in read(folder / "sources.csv")] == [
        (s.id, s.url or "") for s in dataset.sources.values()]
    graph = actor_graph(dataset, include_planned=True)
    assert [(plain(r["source"]), plain(r["target"]), r["key"], int(r["count"]), items(r["events"]))
            for r in read(folder / "edges.csv")] == [
        (u, v, k, d["count"], d["events"]) for u, v, k, d in graph.edges(keys=True, data=True)]


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
    assert tables(seed)["events"].columns == tuple(k for k in event_row(seed.events[0]) if k != "quotes")


def test_the_guard_keeps_joins(write_yaml, tmp_path):
    """An id that starts like a formula is guarded alike in its own table and inside every list that names it."""
    hostile = load(write_yaml(HOSTILE))
    folder = export(hostile, "csv", tmp_path / "tables")
    actors = {row["id"]: row for row in read(folder / "actors.csv")}
    assert "'-minus" in actors and actors["'-minus"]["name"] == "'-minus =1+2"
    meeting = next(row for row in read(folder / "events.csv") if row["id"] == "e10")
    assert meeting["participants"] == "e0; e1; '-minus"
    assert set(meeting["participants"].split("; ")) <= set(actors)  # the join holds as written
    edges = read(folder / "edges.csv")
    assert {"'-minus"} <= {row["source"] for row in edges} | {row["target"] for row in edges}
    assert safe_cell("'already") == "''already" and unguard(safe_cell("'already")) == "'already"


def test_without_a_graph_there_is_no_edges_table(seed):
    assert list(tables(seed)) == ["events", "quotes", "actors", "sources"]


def test_the_events_table_written_in_batches_is_the_whole(tricky):
    table = tables(tricky)["events"]
    rows = [dict(row) for row in table.rows]
    assert len(rows) == len(tricky.events) == 3 and rows[1:3] == table.rows[1:3] and rows[2] == table.rows[2]
    whole = "".join(_csv_text(table, batch=10**6))
    assert "".join(_csv_text(table, batch=2)) == whole
    assert "".join(_csv_text(table._replace(rows=rows), batch=3)) == whole
