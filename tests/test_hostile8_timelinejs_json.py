"""Round-8 review: TimelineJS3 JSON (the library's own format) is imported by the sheet's rules; broken files in one line."""
from __future__ import annotations

import html
import json

from conftest import SEED

from timeline.dataset import load

#: A file as the Knight Lab documentation shows the format (timeline.knightlab.com/docs/json-format.html).
KNIGHT_LAB = {
    "title": {"text": {"headline": "Talks of 2025", "text": "<p>As our desk <b>followed</b> them.</p>"}},
    "eras": [{"start_date": {"year": 2025}, "end_date": {"year": 2025, "month": 6},
              "text": {"headline": "First half"}}],
    "events": [
        {"start_date": {"year": "2025", "month": "12", "day": "2", "hour": "14", "minute": "5"},
         "text": {"headline": "Putin meets Witkoff", "text": "<p>In Moscow.<script>alert(1)</script></p>"},
         "media": {"url": "https://example.org/p.jpg", "credit": "Pool", "caption": "The Kremlin"},
         "group": "Meeting"},
        {"start_date": {"year": 2025, "month": 11}, "end_date": {"year": 2025, "month": 12, "day": 3},
         "text": {"headline": "Plan revised"}, "group": "Russia", "display_date": "late 2025"},
        {"start_date": {"month": 3}, "text": {"headline": "No year"}},
    ],
}


def _import(run, tmp_path, document):
    path = tmp_path / "timeline.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path, run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)


def test_the_knight_lab_json_is_imported_slide_by_slide(run, tmp_path):
    path, result = _import(run, tmp_path, KNIGHT_LAB)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{path}: timelinejs (TimelineJS JSON)",
        f"refused {path}:eras[0]: an era (a span TimelineJS draws behind the slides), not an event",
        f"refused {path}:events[2]: no Year: every slide needs one",
        f"5 rows read, 2 events imported, 0 skipped by filter, 0 merged, 2 refused; wrote {tmp_path / 'out.yaml'}"]
    dataset = load(tmp_path / "out.yaml")
    assert dataset.title == "Talks of 2025"
    assert [(e.title, e.date.text, e.summary, e.source) for e in dataset.drafts] == [
        ("Plan revised", "2025-11/2025-12-03", "", ("russia",)),
        ("Putin meets Witkoff", "2025-12-02T14:05", "In Moscow.", ("unattributed",))]
    assert "Media: https://example.org/p.jpg; Media credit: Pool; Media caption: The Kremlin" in \
        dataset.drafts[1].notes
    assert "Display Date: late 2025" in dataset.drafts[0].notes


def test_the_export_comes_back(run, tmp_path):
    exported = tmp_path / "exported.json"
    assert run("export", "timelinejs", "-o", str(exported)).exit_code == 0
    _, result = _import(run, tmp_path, exported.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    slides = json.loads(exported.read_text(encoding="utf-8"))["events"]
    assert sorted(e.title for e in load(tmp_path / "out.yaml").drafts) == \
        sorted(html.unescape(slide["text"]["headline"]) for slide in slides)
    assert len(slides) == len(load(SEED).events)


def test_broken_json_is_one_line(run, tmp_path):
    path, result = _import(run, tmp_path, '{"events": [{"start_date": {"year": 2025},\n')
    assert result.exit_code == 1 and not (tmp_path / "out.yaml").exists()
    assert result.output.splitlines()[-1] == (f"Error: {path}:2: broken JSON (Expecting property name enclosed in "
                                              "double quotes); save it again from the program that wrote it")


def test_events_that_are_not_a_list_are_one_line(run, tmp_path):
    path, result = _import(run, tmp_path, '{"events": {"start_date": 1}}')
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (f"Error: {path}: not TimelineJS JSON, which is an object with a "
                                              "list of 'events'")
