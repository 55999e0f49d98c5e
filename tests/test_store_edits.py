"""The store after an edit: only the changed files are read again, and every check across files still holds.

Each case loads a folder through the store (warm), edits it, and compares
the store's answer, or its error, with :func:`timeline.dataset.load` on the
same files: the same record, or the same problems with the same file:line.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import store_cases
from conftest import bench_generate

from timeline import cache, dataset
from timeline.dataset import DatasetError
from timeline.model import Dataset

cache_home, loads = store_cases.cache_home, store_cases.loads  # the fixtures of the store's tests
ACTORS = """actors:
  - {id: anna, name: Anna, kind: person, affiliation: ruritania}
  - {id: boris, name: Boris}
  - {id: ruritania, name: Ruritania, kind: state}
sources:
  - {id: wire, publisher: Wire}
"""
JANUARY = """events:
  - id: talks
    type: meeting
    date: 2025-01-10
    location: Geneva
    participants: [anna, boris]
    sources: [wire]
  - {id: call, type: call, date: 2025-01-12, participants: [anna, boris]}
"""
FEBRUARY = """events:
  - {id: visit, type: visit, date: 2025-02-03, participants: [boris], host: [anna]}
  - {id: claim, type: claim, date: 2025-01-11, source: [boris], target: [anna]}
"""


def names(loads: list[Path]) -> list[str]:
    """The names of the files the store read from YAML; ``*`` for a whole load by the loader."""
    return [path.name if path.suffix else "*" for path in loads]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    (path / "events").mkdir(parents=True)
    (path / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    (path / "events" / "2025-01.yaml").write_text(JANUARY, encoding="utf-8")
    (path / "events" / "2025-02.yaml").write_text(FEBRUARY, encoding="utf-8")
    return path


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


LOADER = dataset.load  # bound before any test patches it


def messages(path: Path) -> list[str]:
    """The problems the loader reports for ``path`` (``[]`` if it loads)."""
    try:
        LOADER(path)
    except DatasetError as error:
        return str(error).splitlines()
    return []


def store_messages(path: Path) -> list[str]:
    try:
        cache.load(path)
    except DatasetError as error:
        return str(error).splitlines()
    return []


# -- an edit reads only the changed file --------------------------------------------------

def test_an_edit_reads_only_the_changed_file(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    assert sorted(names(loads)) == ["2025-01.yaml", "2025-02.yaml", "actors.yaml"]
    loads.clear()
    assert cache.load(folder) == LOADER(folder) and names(loads) == []
    edit(folder / "events" / "2025-02.yaml", "2025-02-03", "2025-01-09")
    record = cache.load(folder)
    assert names(loads) == ["2025-02.yaml"]
    assert record == LOADER(folder)
    assert [e.id for e in record.events] == ["visit", "talks", "claim", "call"]  # in date order, across files
    loads.clear()
    assert cache.load(folder) == record and names(loads) == []


def test_a_new_file_and_a_removed_file(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    loads.clear()
    (folder / "events" / "2025-03.yaml").write_text(
        "events:\n  - {id: march, type: meeting, date: 2025-03-01, participants: [anna, boris]}\n", encoding="utf-8")
    assert [e.id for e in cache.load(folder).events][-1] == "march"
    assert names(loads) == ["2025-03.yaml"]
    (folder / "events" / "2025-02.yaml").unlink()
    record = cache.load(folder)
    assert names(loads) == ["2025-03.yaml"]  # removing a file reads nothing
    assert record == LOADER(folder)
    assert {e.id for e in record.events} == {"talks", "call", "march"}  # its events are gone


def test_a_file_with_the_same_bytes_as_another_is_read_once(folder: Path, loads: list[Path]) -> None:
    (folder / "events" / "2025-02.yaml").write_text("", encoding="utf-8")
    (folder / "events" / "empty.yaml").write_text("", encoding="utf-8")
    assert cache.load(folder) == LOADER(folder)
    assert sorted(names(loads)) == ["2025-01.yaml", "2025-02.yaml", "actors.yaml"]


# -- the checks across files stay right --------------------------------------------------

def test_a_duplicate_id_in_another_file_is_reported_with_both_places(folder: Path) -> None:
    cache.load(folder)
    edit(folder / "events" / "2025-02.yaml", "id: claim", "id: talks")
    expected = messages(folder)
    assert any("events/2025-02.yaml:3: duplicate id 'talks': already used at" in m and "2025-01.yaml:2" in m
               for m in expected)
    assert store_messages(folder) == expected
    edit(folder / "events" / "2025-02.yaml", "id: talks", "id: claim")
    assert cache.load(folder) == LOADER(folder)


def test_a_dangling_reference_is_reported_with_its_line_after_a_warm_start(folder: Path, loads: list[Path]) -> None:
    cache.load(folder)
    loads.clear()
    edit(folder / "events" / "2025-02.yaml", "source: [boris]", "source: [borris]")
    expected = messages(folder)
    assert any("2025-02.yaml:3: unknown actor 'borris' in event 'claim'; did you mean 'boris'?" in m
               for m in expected)
    assert store_messages(folder) == expected
    assert "*" not in names(loads)  # found from the stored parts, the line by reading that file again
    assert store_messages(folder) == expected  # and again, from the store the failed load still wrote


def test_removing_an_actor_another_file_names_is_reported(folder: Path) -> None:
    cache.load(folder)
    edit(folder / "actors.yaml", "  - {id: boris, name: Boris}\n", "")
    expected = messages(folder)
    assert len(expected) > 3 and all("boris" in m or "problem" in m.lower() for m in expected[1:])
    assert store_messages(folder) == expected


def test_an_actor_defined_in_two_files_merges_only_when_identical(folder: Path) -> None:
    (folder / "more.yaml").write_text("actors:\n  - {id: boris, name: Boris}\n", encoding="utf-8")
    assert cache.load(folder) == LOADER(folder)
    edit(folder / "more.yaml", "name: Boris", "name: Boris Petrov")
    expected = messages(folder)
    assert any("actor 'boris' is defined differently at" in m for m in expected)
    assert store_messages(folder) == expected
    edit(folder / "more.yaml", "name: Boris Petrov", "name: Boris")
    assert cache.load(folder) == LOADER(folder)


def test_a_problem_inside_the_edited_file_is_the_loaders_report(folder: Path) -> None:
    cache.load(folder)
    edit(folder / "events" / "2025-01.yaml", "type: call", "type: cal")
    expected = messages(folder)
    assert any("unknown event type 'cal'" in m for m in expected)
    assert store_messages(folder) == expected


# -- a generated dataset, edited at random -----------------------------------------------

def test_random_edits_of_a_generated_dataset_give_the_loaders_answer(tmp_path: Path, loads: list[Path]) -> None:
    data = tmp_path / "generated"
    bench_generate().generate(1500, data, seed=3, files=40)
    (data / "bench.json").unlink()
    assert cache.load(data) == LOADER(data)
    rng = random.Random(5)
    files = sorted((data / "events").glob("*.yaml"))
    for round_ in range(6):
        file = rng.choice(files)
        lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
        starts = [n for n, line in enumerate(lines) if line.startswith("  - id:")]
        start = rng.choice(starts[:-1])
        end = starts[starts.index(start) + 1]
        if round_ % 2:  # move an event to another file
            other = rng.choice([f for f in files if f != file])
            other.write_text(other.read_text(encoding="utf-8") + "".join(lines[start:end]), encoding="utf-8")
        del lines[start:end]
        file.write_text("".join(lines), encoding="utf-8")
        loads.clear()
        assert outcome(cache.load, data) == outcome(LOADER, data)  # the same record, or the same problems
        assert "*" not in names(loads) and len(loads) <= 2
    shutil.rmtree(data / "events")
    assert cache.load(data) == LOADER(data)


def outcome(load: object, path: Path) -> Dataset | list[str]:
    try:
        return load(path)  # type: ignore[operator]
    except DatasetError as error:
        return str(error).splitlines()


def test_issues_and_positions_are_checked_by_the_loader_after_an_edit(folder: Path, loads: list[Path]) -> None:
    """Their references are checked across files from the stored parts, with the loader's messages."""
    (folder / "issues.yaml").write_text(
        "issues:\n  - {id: border, name: Border, proposition: Ruritania cedes the border strip}\n"
        "positions:\n  - {id: p1, actor: anna, issue: border, stance: rejects, date: 2025-01-10, sources: [wire]}\n",
        encoding="utf-8")
    record = cache.load(folder)
    assert record == LOADER(folder) and [p.id for p in record.positions] == ["p1"]
    loads.clear()
    assert cache.load(folder) == record and names(loads) == []  # unchanged: from the store
    edit(folder / "issues.yaml", "issue: border", "issue: bordr")
    expected = messages(folder)
    assert any("unknown issue 'bordr'" in m for m in expected)
    assert store_messages(folder) == expected
