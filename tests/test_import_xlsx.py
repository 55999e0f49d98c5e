"""``timeline import`` of the project's own workbook: what ``timeline export xlsx`` writes comes back the same."""
from __future__ import annotations

import pytest
from conftest import SEED, SEEDS
from test_import_csv import _actors, _events

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.project_xlsx import read_xlsx
from timeline.importers.records import collect


@pytest.mark.parametrize("path", [SEED, SEEDS], ids=["moscow", "seeds"])
def test_export_then_import_gives_the_same_dataset(run, tmp_path, path):
    book, back = tmp_path / "timeline.xlsx", tmp_path / "back.yaml"
    assert run("export", "xlsx", "-o", str(book), data=path).exit_code == 0
    result = run("import", str(book), "-o", str(back), data=None)
    assert result.exit_code == 0, result.output
    assert f"{book}: xlsx (the workbook of timeline export xlsx)" in result.stderr
    original, again = load(path), load(back)
    assert _events(again) == _events(original)
    assert again.sources == original.sources
    assert _actors(again) == _actors(original)


def test_text_stays_text_and_nothing_is_unguarded(write_yaml, run, tmp_path):
    data = write_yaml("""
        actors:
          - {id: '007', name: "=HYPERLINK(\\"http://x\\")", kind: person}
          - {id: "'quoted", name: "-minus", kind: state}
        sources:
          - {id: s1, publisher: "+plus"}
        events:
          - id: e1
            type: statement
            date: 2025-11
            source: ['007']
            target: ["'quoted"]
            cameo: '010'
            summary: "'a leading quote that is the user's own"
            sources: [s1]
    """)
    book = tmp_path / "t.xlsx"
    assert run("export", "xlsx", "-o", str(book), data=data).exit_code == 0
    assert detect(book) == ("xlsx", "the workbook of timeline export xlsx")
    imported = collect(read_xlsx(book))
    assert imported.actors["007"]["name"] == '=HYPERLINK("http://x")'
    assert imported.actors["'quoted"]["name"] == "-minus"
    event = imported.events["e1"]
    assert (event["date"], event["source"], event["target"]) == ("2025-11", ["007"], ["'quoted"])
    assert event["summary"] == "'a leading quote that is the user's own"
    assert imported.sources["s1"]["publisher"] == "+plus"
