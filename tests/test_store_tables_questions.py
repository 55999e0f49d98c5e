"""The store's tables answer relations, path and events exactly as the library does, byte for byte.

As ``test_store_tables.py`` does for met and contested: each question runs in
the command line once from the tables (the library's answer is then made to
fail, so a fallback would show) and once with ``TIMELINE_NO_CACHE=1`` (the
library on the loaded record); output, messages and exit codes must be equal.
Questions the tables leave to the library (an unknown name, a bad date) are
compared too, without the library made to fail.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store_cases import cache_home  # noqa: F401 (a private cache for each test)
from tests.test_store_tables import DATASETS, both_ways
from timeline import dataset, query
from timeline.cli import cli
from timeline.filters import EventFilter
from timeline.index import open_tables
from timeline.index.path import path as path_from_tables


def _busy(path: Path) -> tuple[list[str], str]:
    """The dataset's five busiest actors (drafts included), and the name of the first in capitals."""
    record = dataset.load(path)
    busy = [a for a, _ in Counter(a for e in (*record.events, *record.drafts) for a in e.actors()).most_common(5)]
    busy = busy or list(record.actors)[:2]
    return busy, record.actors[busy[0]].name.upper()


def _questions(path: Path) -> list[list[str]]:
    """relations, path and events, every option, about the dataset's busiest actors."""
    busy, name = _busy(path)
    actor, other = busy[0], busy[-1]
    relations = [[actor], [name], [actor, "--level", "state"], [actor, "--include-drafts"],
                 [actor, "--since", "2025-06", "--until", "2025-12-15"], [actor, "--until", "2025-05"],
                 *([b] for b in busy[1:]), *([b, "--level", "state"] for b in busy[1:3]),
                 [actor, "--format", "json"], [actor, "--format", "csv", "--level", "state"]]
    paths = [[a, b, *extra] for a in busy[:3] for b in busy[1:] if a != b
             for extra in ([], ["--include-drafts"], ["--since", "2025-06"])]
    paths += [[actor, other, "--level", "state"], [name, other, "--format", "json"], [actor, other, "--format", "csv"]]
    events = [[], ["--actor", actor], ["--actor", name], ["--actor", actor, "--actor", other],
              ["--actor", actor, "--role", "initiator"], ["--actor", actor, "--role", "participant", "--role", "source"],
              ["--since", "2025-06", "--until", "2025-12-15"], ["--actor", actor, "--since", "Dec 2025"],
              ["--type", "meeting", "--type", "claim"], ["--status", "planned"], ["--include-drafts"],
              ["--order", "start"], ["--order", "end", "--include-drafts"], ["--actor", other, "--order", "end"],
              ["--format", "json", "--actor", actor], ["--format", "csv", "--include-drafts"]]
    return ([["relations", *q] for q in relations] + [["path", *q] for q in paths]
            + [["events", *q] for q in events])


def _refused(path: Path) -> list[list[str]]:
    """Questions the tables leave to the library, which answers them or says what is wrong."""
    busy, _ = _busy(path)
    return [["relations", "nobody-at-all"], ["relations", busy[0], "--since", "not a date"],
            ["relations", busy[0], "--since", "2026", "--until", "2025"], ["path", busy[0], busy[0]],
            ["path", busy[0], "nobody-at-all"], ["events", "--actor", "nobody-at-all"],
            ["events", "--role", "initiator"], ["events", "--until", "someday"], ["relations", " "]]


@pytest.mark.parametrize("name", DATASETS)
def test_relations_path_and_events_from_the_tables_are_the_librarys_answers(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DATASETS[name](tmp_path)
    questions, refused = _questions(path), _refused(path)
    library = [(query, "relations"), (query, "path"), (EventFilter, "apply")]
    answered, expected = both_ways(path, questions, refused, library, monkeypatch)
    assert answered == expected
    assert sum(output.count("\n") > 2 for output, _, _ in expected) > len(questions) // 3  # most have answers
    assert all(code != 0 for _, _, code in expected[len(questions):])


def _no_library(*args: object, **kwargs: object) -> None:
    raise AssertionError("answered by the library, not the store's tables")


def test_a_chain_of_meetings_is_the_one_networkx_finds_among_equals(tmp_path: Path) -> None:
    """Two chains of two links join a and d (through b or c): the tables give the one networkx finds."""
    data = tmp_path / "square.yaml"
    data.write_text("""
actors:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
  - {id: d, name: D}
events:
  - {id: m1, type: meeting, date: 2025-01-01, participants: [c, d]}
  - {id: m2, type: meeting, date: 2025-01-02, participants: [a, c]}
  - {id: m3, type: call, date: 2025-01-03, participants: [b, a]}
  - {id: m4, type: visit, date: 2025-01-04, participants: [b], host: [d]}
  - {id: m5, type: meeting, date: 2025-01-05, participants: [d, c]}
""", encoding="utf-8")
    library = query.path(dataset.load(data), "a", "d")
    runner = CliRunner()
    runner.invoke(cli, ["path", "a", "d", "--data", str(data)])  # writes the tables
    assert open_tables(data) is not None
    stored = path_from_tables(open_tables(data), "a", "d")
    assert [(link.actors, link.events) for link in library] == [(("a", "c"), ("m2",)), (("c", "d"), ("m1", "m5"))]
    assert stored == library  # through c, not b: the neighbour networkx's search meets first
