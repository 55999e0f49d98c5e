"""iCalendar: the meetings, calls and visits, read back by the icalendar library; RFC 5545 line rules."""
from __future__ import annotations

from datetime import date

import pytest
from export_cases import SUMMARY, TRICKY

from timeline.dataset import load
from timeline.export.ical import fold, generate_ical, text
from timeline.model import MEETING_TYPES

icalendar = pytest.importorskip("icalendar")


@pytest.fixture
def tricky(write_yaml):
    return load(write_yaml(TRICKY))


def vevents(dataset) -> dict[str, object]:
    calendar = icalendar.Calendar.from_ical(generate_ical(dataset))
    return {str(e["UID"]).removesuffix("@timeline"): e for e in calendar.walk("VEVENT")}


def test_one_vevent_per_meeting_call_and_visit(seed, tricky):
    for dataset in (seed, tricky):
        assert list(vevents(dataset)) == [e.id for e in dataset.events if e.type in MEETING_TYPES]


def test_dates_times_and_status(seed, tricky):
    found = {**vevents(seed), **vevents(tricky)}
    talks = found["moscow-talks"]
    assert (talks["DTSTART"].dt, talks["DTEND"].dt, str(talks["STATUS"])) == (
        date(2025, 12, 2), date(2025, 12, 3), "CONFIRMED")
    assert str(talks["SUMMARY"]) == "Meeting: Vladimir Putin, Steve Witkoff, Jared Kushner"
    assert str(talks["LOCATION"]) == "Moscow"
    ireland = found["zelenskyy-ireland-visit"]  # ../2025-12-03: placed at its known end, tentative
    assert (ireland["DTSTART"].dt, ireland["DTEND"].dt, str(ireland["STATUS"])) == (
        date(2025, 12, 3), date(2025, 12, 4), "TENTATIVE")
    assert str(ireland["SUMMARY"]) == "Visit: Volodymyr Zelenskyy, Ireland (by 3 Dec 2025)"
    assert str(found["planned-meeting-ukrainian-delegation"]["STATUS"]) == "TENTATIVE"
    moment = found["talks:1"]  # 21:00 at UTC+03:00
    assert moment["DTSTART"].dt.isoformat() == "2025-12-02T18:00:00+00:00"
    assert "DTEND" not in moment
    later = found["later"]  # an interval of days, planned
    assert (later["DTSTART"].dt, later["DTEND"].dt, str(later["STATUS"])) == (
        date(2026, 1, 10), date(2026, 1, 13), "TENTATIVE")


def test_text_comes_back_intact(tricky):
    talks = vevents(tricky)["talks:1"]
    assert str(talks["LOCATION"]) == '=HYPERLINK("http://evil")'
    description = str(talks["DESCRIPTION"])
    assert description.startswith(SUMMARY + "\n\nDate: 2 Dec 2025 21:00 UTC+03:00 (2025-12-02T21:00+03:00)\n")
    assert '“@once, "done"; really” — O\'Brien, Pat; =cmd|\' /C calc\'!A0' in description
    assert "URL" not in talks  # javascript: is no address


def test_lines_are_crlf_folded_at_75_octets_and_the_same_every_time(tricky, seed):
    data = generate_ical(tricky).encode()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    assert b"DTSTAMP:20260112T000000Z" in data  # the latest date in the data, not the clock
    assert generate_ical(seed) == generate_ical(seed)


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "Иван " * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


@pytest.mark.parametrize(("value", "escaped"), [
    ("a, b; c", "a\\, b\\; c"), ("back\\slash", "back\\\\slash"), ("two\nlines", "two\\nlines"),
    ("crlf\r\nline", "crlf\\nline"),
])
def test_text_escaping(value, escaped):
    assert text(value) == escaped
