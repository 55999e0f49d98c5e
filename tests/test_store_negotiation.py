"""The store keeps issues, positions and plans, and checks their references across files as the loader does."""
from __future__ import annotations

from pathlib import Path

import pytest
import store_cases
from test_store_edits import ACTORS, JANUARY, LOADER, edit, messages, names, store_messages

from timeline import cache

cache_home, loads = store_cases.cache_home, store_cases.loads  # the fixtures of the store's tests
SCALE = """dataset:
  title: Ruritania talks
  stances:
    - {id: for, value: 1}
    - {id: against, value: -1}
"""
ISSUES = """issues:
  - {id: border, name: The border, proposition: The border moves}
  - {id: river, name: The river, parent: border, proposition: The river is the border}
"""
POSITIONS = """positions:
  - {id: anna-border, actor: anna, issue: border, stance: for, date: 2025-01-10, statement: Anna wants it., event: talks}
  - {id: boris-river, actor: boris, issue: river, stance: against, date: 2025-01-12, statement: No., sources: [wire]}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose events, issues, positions and stance scale lie in different files (the scale not first)."""
    path = tmp_path / "data"
    path.mkdir()
    for name, text in {"a-actors.yaml": ACTORS, "b-2025-01.yaml": JANUARY.replace("sources: [wire]",
                                                                                  "sources: [wire]\n    issues: [river]"),
                       "c-issues.yaml": ISSUES, "d-positions.yaml": POSITIONS, "e-scale.yaml": SCALE}.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_a_warm_load_is_the_loaders_record(folder: Path, loads: list[Path]) -> None:
    cold = cache.load(folder)
    loads.clear()
    warm = cache.load(folder)
    assert loads == []  # from the store
    assert warm == cold == LOADER(folder)
    assert [s.id for s in warm.stances] == ["for", "against"]  # the scale of the last file, not the default
    assert sorted(warm.issues) == ["border", "river"] and len(warm.positions) == 2


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("c-issues.yaml", "  - {id: river, name: The river, parent: border, proposition: The river is the border}\n", "",
     "b-2025-01.yaml:8: unknown issue 'river' in event 'talks'"),
    ("d-positions.yaml", "stance: against", "stance: againts",
     "d-positions.yaml:3: unknown stance 'againts' in position 'boris-river'; did you mean 'against'?"),
    ("a-actors.yaml", "  - {id: boris, name: Boris}\n", "",
     "d-positions.yaml:3: unknown actor 'boris' in position 'boris-river'"),
    ("c-issues.yaml", "id: river", "id: border", "duplicate issue id 'border'"),
])
def test_an_edit_in_one_file_is_checked_against_the_others(folder: Path, loads: list[Path], file: str, old: str,
                                                           new: str, expected: str) -> None:
    cache.load(folder)
    loads.clear()
    edit(folder / file, old, new)
    found = messages(folder)
    assert any(expected in message for message in found), found
    assert store_messages(folder) == found
    assert file in names(loads)
