"""TimelineJS: slides with the dates' own precision, escaped text, and a real rendering in headless Chromium."""
from __future__ import annotations

import json
from html import escape

import pytest
from browser import dump_dom, require_package
from export_cases import HOSTILE, SPECIAL, SUMMARY, TRICKY

from timeline.dataset import load
from timeline.export.timelinejs import timelinejs_data, write_timelinejs

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>export test</title>
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
window.timeline = new TL.Timeline("timeline", {data}, {{script_path: "{dist}/js/", font: null}});
</script>
</body></html>
"""


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def slides(dataset) -> dict[str, dict]:
    return {s["unique_id"]: s for s in timelinejs_data(dataset)["events"]}


def test_dates_carry_only_the_fields_of_their_precision(seed, tricky):
    found = {**slides(seed), **slides(tricky)}
    assert found["moscow-talks"]["start_date"] == {"year": 2025, "month": 12, "day": 2}
    assert "end_date" not in found["moscow-talks"] and "display_date" not in found["moscow-talks"]
    assert found["-claim"]["start_date"] == {"year": 2024, "month": 3}
    assert found["-claim"]["display_date"] == "c. Mar 2024"
    assert found["talks:1"]["start_date"] == {"year": 2025, "month": 12, "day": 2, "hour": 21, "minute": 0}
    assert found["talks:1"]["display_date"] == "2 Dec 2025 21:00 UTC+03:00"
    assert (found["later"]["start_date"], found["later"]["end_date"]) == (
        {"year": 2026, "month": 1, "day": 10}, {"year": 2026, "month": 1, "day": 12})
    assert found["ushakov-statement-after-talks"]["end_date"] == {"year": 2025, "month": 12, "day": 3}
    # open-ended: placed at the known end, and said so
    assert found["assessment-russian-gains-2025"]["start_date"] == {"year": 2025, "month": 12, "day": 3}
    assert found["assessment-russian-gains-2025"]["display_date"] == "by 3 Dec 2025"
    assert found["kyiv-rejects-leaked-demands"]["start_date"] == {"year": 2025, "month": 11, "day": 19}
    assert found["planned-meeting-ukrainian-delegation"]["display_date"] == "from 3 Dec 2025"
    assert found["trump-remarks-on-talks"]["display_date"] == "2 Dec 2025?"


def test_headline_text_and_group(seed):
    talks = slides(seed)["moscow-talks"]
    assert talks["text"]["headline"] == "Witkoff and Kushner meet Putin in Moscow"  # the event's title
    assert talks["text"]["text"].startswith("<p>Putin received the US envoys Witkoff and Kushner in Moscow")
    assert "<p>Where: Moscow</p>" in talks["text"]["text"]
    assert talks["group"] == "Meeting"
    by_side = {s["unique_id"]: s["group"] for s in timelinejs_data(seed, group_by="side")["events"]}
    assert (by_side["moscow-talks"], by_side["kyiv-rejects-leaked-demands"]) == ("Russia", "Ukraine")
    assert timelinejs_data(seed)["title"]["text"]["headline"] == seed.title


def test_text_from_the_data_is_escaped(tricky, tmp_path):
    found = slides(tricky)
    assert found["talks:1"]["text"]["text"].startswith(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;img src=x onerror=")
    assert "Иван &lt;img src=x" in found["-claim"]["text"]["headline"]
    # not a link: only http(s) addresses are
    assert "href" not in found["talks:1"]["text"]["text"] and "Pub &amp; Co" in found["talks:1"]["text"]["text"]
    by_side = {s["unique_id"]: s["group"] for s in timelinejs_data(tricky, group_by="side")["events"]}
    assert by_side["-claim"] == "Иван &amp;lt;img src=x onerror=&amp;quot;document.title=1&amp;quot;&amp;gt; " \
                                "&amp;amp; &amp;quot;Co&amp;quot;"
    write_timelinejs(tricky, tmp_path / "timeline.json")
    text = (tmp_path / "timeline.json").read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text and "&" not in text  # safe to inline in a <script>
    assert json.loads(text) == timelinejs_data(tricky)


@pytest.mark.parametrize(("which", "group_by"), [("seed", "type"), ("tricky", "type"), ("tricky", "side")])
def test_timelinejs_renders_one_marker_per_event(which, group_by, seed, tricky, tmp_path):
    dist = require_package("@knight-lab/timelinejs") / "dist"
    html = pytest.importorskip("lxml.html")
    dataset = seed if which == "seed" else tricky
    write_timelinejs(dataset, tmp_path / "timeline.json", group_by=group_by)
    page = tmp_path / "page.html"
    data = (tmp_path / "timeline.json").read_text(encoding="utf-8")
    page.write_text(PAGE.format(dist=dist.as_uri(), data=data), encoding="utf-8")

    dom = html.fromstring(dump_dom(page))
    markers = dom.find_class("tl-timemarker")
    assert len(markers) == len(dataset.events)
    assert [m.text_content() for m in dom.find_class("tl-message-content")] == []
    assert dom.findtext(".//title") == "export test"  # no onerror handler ran
    assert len(dom.findall(".//script")) == 2 and dom.findall(".//div[@id='timeline']//img") == []
    if which == "tricky":
        texts = [t.text_content() for t in dom.find_class("tl-text-content")]
        assert any(SUMMARY in t for t in texts)
        headlines = {h.text_content() for h in dom.find_class("tl-headline")}
        assert 'Claim: Иван <img src=x onerror="document.title=1"> & "Co" → O\'Brien, Pat; =cmd|\' /C calc\'!A0' \
            in headlines
        groups = {g.text_content() for g in dom.find_class("tl-timegroup-message")}
        assert groups == ({"Meeting", "Claim", "Call"} if group_by == "type" else {tricky.actors["ид:1"].name})


@pytest.fixture
def hostile(write_yaml):
    return load(write_yaml(HOSTILE, "hostile.yaml"))


def test_a_zone_at_either_end_is_shown(hostile):
    found = slides(hostile)
    assert found["e13"]["display_date"] == "3 Dec 2025 10:00 – 3 Dec 2025 11:30 UTC+02:00"  # only the end has one
    assert found["e12"]["display_date"] == "2 Dec 2025 21:00 UTC+03:00 – 2 Dec 2025 20:00 UTC"
    assert "display_date" not in found["e10"]


def test_statuses_are_in_the_headline_and_titles_are_used(hostile, seed):
    found = slides(hostile)
    assert [found[e]["text"]["headline"].split(":")[0] for e in ("e10", "e13", "title-0", "e15")] == [
        "Meeting", "Planned", "Cancelled", "Disputed"]
    titled = [e for e in seed.events if getattr(e, "title", None)]
    for event in titled:
        assert slides(seed)[event.id]["text"]["headline"].endswith(escape(event.title))


def test_the_title_slide_never_takes_an_event_id(hostile, write_yaml):
    data = timelinejs_data(hostile)
    assert data["title"]["unique_id"] == "title-1"  # an event is called title-0
    assert data["title"]["text"]["headline"] == "e0 &amp; &quot;hostile&quot; &lt;i&gt;set&lt;/i&gt;"
    named = load(write_yaml(HOSTILE.replace("title: 'e0 & \"hostile\" <i>set</i>'", "title: e10"), "named.yaml"))
    assert timelinejs_data(named)["title"]["unique_id"] == "title-1"


def test_hostile_timeline_renders_with_distinct_ids_and_visible_statuses(hostile, tmp_path):
    dist = require_package("@knight-lab/timelinejs") / "dist"
    html = pytest.importorskip("lxml.html")
    write_timelinejs(hostile, tmp_path / "timeline.json")
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(dist=dist.as_uri(), data=(tmp_path / "timeline.json").read_text(encoding="utf-8")),
                    encoding="utf-8")
    dom = html.fromstring(dump_dom(page))
    slide_ids = [s.get("id") for s in dom.find_class("tl-slide")]
    assert sorted(slide_ids) == sorted(["title-1", *(e.id for e in hostile.events)])  # bookmarks: #e10 is e10
    markers = {m.get("id").removesuffix("-marker"): m.text_content() for m in dom.find_class("tl-timemarker")}
    assert set(markers) == {e.id for e in hostile.events}
    assert "Cancelled: Visit" in markers["title-0"] and "Planned: Call" in markers["e13"]
    texts = [t.text_content() for t in dom.find_class("tl-text-content")]
    assert any(SPECIAL.replace("\n", "") in t.replace("\n", "") for t in texts)
