"""A file of events read again after an edit from its unchanged items (timeline/store/chunks.py): the same
fragment as reading it whole, the unchanged items taken as they were, and every problem still reported by the
whole load with its file and line; after an edit through the store's tables, the checks across files hold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests import store_cases, test_store_edits
from tests.test_store_edits import edit
from timeline.cli import cli
from timeline.store import chunks, fragments

cache_home = store_cases.cache_home  # the fixtures of the store's tests
folder = test_store_edits.folder  # a dataset of three files

EVENTS = """# the events of January
events:
  - id: one
    type: meeting
    date: 2025-01-10
    participants: [anna, boris]
    summary: |
      A block text.
      - a line like an item, indented further
  - {id: two, type: call, date: 2025-01-12, participants: [anna, boris]}
  # a comment between items
  - id: three
    type: visit
    date: 2025-01-13
    participants: [boris]
    host: [anna]
    summary: "a quoted text
      on two lines"
  - id: four
    type: meeting
    date: 2025-01-14
    participants: [anna, boris]
    draft: true
  - id: five
    type: call
    date: 2025-01-15
    participants: [anna, boris]
"""
MAX = 1 << 30


def pieces(text: str) -> list[str]:
    return chunks.cut(text, 2)[1]


def rewrite(file: Path, items: list[str]) -> None:
    head = chunks.cut(EVENTS, 2)[0]
    file.write_text(head + "".join(items), encoding="utf-8")


@pytest.fixture
def events(tmp_path: Path) -> tuple[Path, fragments.Fragment]:
    file = tmp_path / "2025-01.yaml"
    file.write_text(EVENTS, encoding="utf-8")
    previous = fragments.read(file, MAX)
    assert previous is not None and len(previous.chunks["items"]) == 5 and previous.chunks["column"] == 2
    return file, previous


def same_as_whole(file: Path, previous: fragments.Fragment) -> fragments.Fragment:
    """The fragment read again from ``previous``, checked equal to the file read whole."""
    again = chunks.again(file, MAX, previous)
    whole = fragments.read(file, MAX)
    assert again is not None and whole is not None
    assert again.record == whole.record and again.defined == whole.defined
    return again


def test_an_edited_summary_reads_that_item_alone(events: tuple[Path, fragments.Fragment]) -> None:
    file, previous = events
    edit(file, "a quoted text", "an edited text")
    again = same_as_whole(file, previous)
    old = [*previous.record.events, *previous.record.drafts]
    new = [*again.record.events, *again.record.drafts]
    assert [event.id for event in new] == ["one", "two", "three", "five", "four"]
    assert [new[n] is old[n] for n in range(5)] == [True, True, False, True, True]  # only 'three' read again
    assert new[2].summary == "an edited text on two lines"


def test_items_added_removed_and_moved(events: tuple[Path, fragments.Fragment]) -> None:
    file, previous = events
    one, two, three, four, five = pieces(EVENTS)
    added = "  - {id: six, type: call, date: 2025-01-16, participants: [anna, boris]}\n"
    rewrite(file, [five, added, two, one, four])
    again = same_as_whole(file, previous)
    assert again.ids == {"events": ["five", "six", "two", "one", "four"]} and again.index == {"events": [0, 1, 2, 3, 4]}
    assert again.record.events[0] is previous.record.events[3]
    assert chunks.again(file, MAX, again) is not None  # the digests of what it read serve the next edit


@pytest.mark.parametrize("text", [
    "  - {id: two, type: call, date: 2025-13-45, participants: [anna]}\n",  # a problem of the item
    "  - {id: one, type: call, date: 2025-01-12, participants: [anna]}\n",  # an id used twice in the file
    "  - &a {id: six, type: call, date: 2025-01-12, participants: [anna]}\n",  # an anchor
    "  - {id: six, type: call, date: 2025-01-12, participants: [anna]}\nactors:\n  - {id: x, name: X}\n",  # actors
    "  - id: six\n    type: call\n    date: 2025-01-12\n    summary: \"open\n",  # a quote the next item closes
])
def test_what_the_loader_would_question_reads_the_file_whole(events: tuple[Path, fragments.Fragment],
                                                             text: str) -> None:
    file, previous = events
    one, two, three, four, five = pieces(EVENTS)
    rewrite(file, [one, text, '  - "x"\n' if "open" in text else three, four, five])
    assert chunks.again(file, MAX, previous) is None
    assert fragments.read(file, MAX, previous) == fragments.read(file, MAX)


def test_items_not_cut_at_their_own_lines_keep_no_digests(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("events:\n  -\n    id: one\n    type: call\n    date: 2025-01-01\n    participants: [a, b]\n",
                    encoding="utf-8")
    assert fragments.read(file, MAX).chunks == {}  # type: ignore[union-attr]
    file.write_text("events:\n  - &x {id: one, type: call, date: 2025-01-01, participants: [a, b]}\n",
                    encoding="utf-8")
    assert fragments.read(file, MAX).chunks == {}  # type: ignore[union-attr]


def met(data: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["met", "anna", "--format", "json", "--data", str(data)])
    return result.exit_code, result.stdout if not result.exit_code else result.stderr


def test_an_edit_through_the_tables_reads_only_the_changed_items(folder: Path, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    assert met(folder)[0] == 0
    read_again: list[int] = []
    real = chunks._read_run
    monkeypatch.setattr(chunks, "_read_run", lambda name, text, limit: read_again.append(text.count("- ")) or
                        real(name, text, limit))
    edit(folder / "events" / "2025-01.yaml", "location: Geneva", "location: Genoa")
    code, out = met(folder)
    assert code == 0 and [row["location"] for row in json.loads(out)][0] == "Genoa"
    assert read_again == [1]  # the one item, not the file


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("participants: [anna, boris]\n    sources", "participants: [anna, borris]\n    sources",
     "{file}:6: unknown actor 'borris' in event 'talks'; did you mean 'boris'?"),
    ("{id: call,", "{id: visit,",
     "{folder}/events/2025-02.yaml:2: duplicate id 'visit': already used at {file}:8; ids of actors, events and "
     "sources must all differ"),
    ("date: 2025-01-12", "date: 2025-01-32", "{file}:8: "),
])
def test_a_problem_after_an_edit_is_reported_with_its_line(folder: Path, old: str, new: str, expected: str) -> None:
    file = folder / "events" / "2025-01.yaml"
    assert met(folder)[0] == 0
    edit(file, old, new)
    code, error = met(folder)
    assert code == 1 and error.splitlines()[0].startswith(expected.format(file=file, folder=folder))
    edit(file, new, old)
    assert met(folder)[0] == 0
