"""``timeline import`` of the project's own workbook: text stays text, nothing is unguarded (round trip: test_import_csv)."""
from __future__ import annotations

from timeline.importers import detect
from timeline.importers.project_xlsx import read_xlsx
from timeline.importers.records import collect


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
