"""Every status and role of the model reaches every export that shows events, and titles are the headlines.

The lists come from the model (``STATUSES``, ``ROLE_INFO``): a status or role added there and
left out of an export fails here.
"""
from __future__ import annotations

import json

import pytest
from export_cases import HOSTILE

from timeline.dataset import load
from timeline.export.ical import generate_ical
from timeline.export.timelinejs import timelinejs_data
from timeline.model import MEETING_TYPES, ROLE_INFO, STATUS_INFO, STATUSES

TITLE = 'Witkoff & Kushner <meet> "Putin"; again, 😀'


@pytest.fixture
def hostile(write_yaml):
    return load(write_yaml(HOSTILE, "hostile.yaml"))


def test_the_dataset_uses_every_status_and_role(hostile):
    assert {e.status for e in hostile.events} == set(STATUS_INFO)
    assert {role for e in hostile.events for _, role in e.roles()} == set(ROLE_INFO)


@pytest.mark.parametrize("status", list(STATUS_INFO))
def test_every_status_is_shown(status, hostile, tmp_path):
    events = [e for e in hostile.events if e.status == status]
    shown = STATUS_INFO[status].label
    slides = {s["unique_id"]: s for s in timelinejs_data(hostile)["events"]}
    for event in events:
        headline = slides[event.id]["text"]["headline"]
        assert headline.startswith(f"{shown}: ") == (status != STATUSES[0])
    import icalendar

    calendar = icalendar.Calendar.from_ical(generate_ical(hostile, coarse=True))
    summaries = {str(e["UID"]).removesuffix("@timeline"): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    for event in (e for e in events if e.type in MEETING_TYPES):
        assert summaries[event.id].startswith(f"{shown}: ") == (status != STATUSES[0])
    pytest.importorskip("followthemoney")
    from timeline.export.ftm import write

    write(hostile, hostile.events, tmp_path / "e.ftm.json")
    names = {e["id"]: e["properties"]["name"][0] for e in map(json.loads, (tmp_path / "e.ftm.json").open())
             if e["schema"] == "Event"}
    for event in events:
        assert names[f"event-{event.id}"].startswith(f"{shown}: ") == (status != STATUSES[0])


@pytest.mark.parametrize("role", list(ROLE_INFO))
def test_every_role_is_named(role, hostile, tmp_path):
    label = ROLE_INFO[role].label
    events = [e for e in hostile.events if any(r == role for _, r in e.roles())]
    texts = {s["unique_id"]: s["text"]["text"] for s in timelinejs_data(hostile)["events"]}
    calendar = generate_ical(hostile, coarse=True).replace("\r\n ", "")
    for event in events:
        assert f"{label}: " in texts[event.id]
        if event.type in MEETING_TYPES:
            assert f"\\n{label}: " in calendar
    pytest.importorskip("followthemoney")
    from timeline.export.ftm import write

    write(hostile, hostile.events, tmp_path / "e.ftm.json")
    notes = {e["id"]: e["properties"].get("notes", [""])[0]
             for e in map(json.loads, (tmp_path / "e.ftm.json").open())}
    for event in events:
        assert f"\n{label}: " in notes[f"event-{event.id}"]


def test_a_title_is_the_headline_everywhere(hostile, tmp_path):
    from html import escape

    slide = next(s for s in timelinejs_data(hostile)["events"] if s["unique_id"] == "e15")
    assert slide["text"]["headline"] == escape(f"Disputed: {TITLE}")
    import icalendar

    calendar = icalendar.Calendar.from_ical(generate_ical(hostile))
    summary = next(str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if str(e["UID"]) == "e15@timeline")
    assert summary == f"Disputed: {TITLE} (from 25 Nov 2025 09:00)"


def test_outcome_and_numbers_are_carried(hostile, tmp_path):
    lines = ["Outcome: Agreement reached", "Prisoners released: about 390 persons (Russia)", "Points: 28"]
    slide = next(s for s in timelinejs_data(hostile)["events"] if s["unique_id"] == "e20")
    assert all(f"<p>{line}</p>" in slide["text"]["text"] for line in lines)
    pytest.importorskip("followthemoney")
    from timeline.export.ftm import write

    write(hostile, hostile.events, tmp_path / "e.ftm.json")
    notes = next(e["properties"]["notes"][0] for e in map(json.loads, (tmp_path / "e.ftm.json").open())
                 if e["id"] == "event-e20")
    assert notes.endswith("\n".join(lines))
