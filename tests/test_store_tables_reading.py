"""How the questions read the store's tables: what they skip must not change an answer.

``relations`` reads each link's event and date from its ``ord`` (no join),
``events`` finds an actor's events in a period on the roles' index (open
ends stored as text that sorts before or after every bound) and prints a
table from its columns (no JSON), and a table is escaped cell by cell only
when some cell needs it. Each is checked against the library or by value.
"""
from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from tests.store_cases import cache_home  # noqa: F401 (a private cache for each test)
from tests.test_index_sort_key import DATES, IDS, _event
from tests.test_store_tables import both_ways
from timeline import query
from timeline.cli.output import write_rows
from timeline.filters import EventFilter
from timeline.index import relations
from timeline.index.write import sort_key

#: Open ends on either side, intervals, months and days, around the bounds the questions ask for.
OPEN_ENDS = """
actors:
  - {id: ua, name: Ukraine, kind: state}
  - {id: ru, name: Russia, kind: state}
  - {id: umerov, name: Rustem Umerov, affiliation: ua}
  - {id: medinsky, name: Vladimir Medinsky, affiliation: ru}
events:
  - {id: open-before, type: meeting, date: ../2025-03-10, participants: [umerov, medinsky]}
  - {id: open-after, type: meeting, date: 2025-11/.., participants: [ua, ru]}
  - {id: spans-new-year, type: call, date: 2024-12-20/2025-01-05, participants: [umerov, medinsky]}
  - {id: ends-on-the-day, type: meeting, date: 2024-12-31, participants: [umerov, medinsky]}
  - {id: on-the-day, type: meeting, date: 2025-01-01, participants: [umerov, medinsky]}
  - {id: a-month, type: statement, date: 2025-06, source: [umerov], summary: Said so.}
  - {id: uncertain, type: meeting, date: 2025-06-01?, participants: [umerov, medinsky]}
  - {id: a-draft, type: meeting, date: 2025-07-01, participants: [umerov, medinsky], draft: true}
"""


@pytest.mark.parametrize(("date", "ident"), list(itertools.product(DATES, IDS)))
def test_an_ord_gives_its_events_date_as_written_and_id(date: str, ident: str) -> None:
    key, _, found = sort_key(_event(date, ident)).partition("\x01")
    assert (key[relations._DATE_AT:], found) == (_event(date, ident).date.text, ident)


def test_questions_about_open_ends_from_the_tables_are_the_librarys(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "open.yaml"
    path.write_text(OPEN_ENDS, encoding="utf-8")
    periods = [[], ["--since", "2025-01-01"], ["--until", "2024-12-31"], ["--since", "2025-03-10"],
               ["--since", "2025-03-11"], ["--until", "2025-11-01"], ["--since", "2025-06", "--until", "2025-06"],
               ["--since", "2026-01-01"]]
    questions = [[command, *ask, *period, *extra] for period in periods
                 for command, ask in (("events", ["--actor", "ua"]), ("events", ["--actor", "umerov"]),
                                      ("relations", ["umerov"]), ("relations", ["ua"]))
                 for extra in ([], ["--include-drafts"], ["--format", "json"])]
    questions += [["events", "--actor", "ua", "--role", "participant", *period] for period in periods]
    library = [(query, "relations"), (EventFilter, "apply")]
    answered, expected = both_ways(path, questions, [], library, monkeypatch)
    assert answered == expected
    by_question = dict(zip(map(tuple, questions), expected, strict=True))
    since = by_question["events", "--actor", "umerov", "--since", "2025-01-01"][0]
    assert [line.split()[0] for line in since.splitlines()[2:]] == [  # in the middles' order; not ends-on-the-day
        "spans-new-year", "on-the-day", "open-before", "uncertain", "a-month"]
    until = by_question["events", "--actor", "ua", "--until", "2024-12-31"][0]  # ua: umerov's too
    assert [line.split()[0] for line in until.splitlines()[2:]] == ["spans-new-year", "ends-on-the-day",
                                                                    "open-before"]


def test_a_table_of_events_decodes_no_json_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "open.yaml"
    path.write_text(OPEN_ENDS, encoding="utf-8")
    questions = [["events", "--actor", "umerov", "--since", "2025-01-01"], ["events", "--order", "start"],
                 ["events", "--order", "end", "--include-drafts"]]
    expected = both_ways(path, questions, [], [], monkeypatch)[1]

    def no_json(*args: object, **kwargs: object) -> None:
        raise AssertionError("a table of events decoded a JSON row")

    import timeline.index.events

    monkeypatch.setattr(timeline.index.events.json, "loads", no_json)
    answered = both_ways(path, questions, [], [(EventFilter, "apply")], monkeypatch)[0]
    assert answered == expected


@pytest.mark.parametrize(("unsafe", "shown"), [("\x1b[2J", "\\x1b[2J"), ("a\nb", "a b"), ("\u202e", "\\u202e")])
def test_a_table_escapes_the_cells_that_need_it_wherever_they_are(unsafe: str, shown: str) -> None:
    rows = [{"id": f"e{n}", "location": "Geneva", "summary": "plain"} for n in range(50)]
    rows[37]["location"] = f"Kyiv{unsafe}"
    out = io.StringIO()
    write_rows(rows, "table", ("id", "location", "summary"), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 52 and lines[2 + 37].split()[:2] == ["e37", f"Kyiv{shown}".split()[0]]
    assert f"Kyiv{shown}" in lines[2 + 37] and unsafe not in out.getvalue()  # nothing the terminal would obey
    assert all(line.split()[1] == "Geneva" for n, line in enumerate(lines[2:]) if n != 37)
