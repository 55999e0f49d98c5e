"""iCalendar: the meetings, calls and visits, read back by the icalendar library; RFC 5545 line rules."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from export_cases import HOSTILE, SPECIAL, SUMMARY, TRICKY

from timeline.dataset import load
from timeline.errors import NothingToShow
from timeline.export.ical import fold, generate_ical, text, write
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


BY_3_DEC = """
actors:
  - {id: kyiv, name: Kyiv, kind: state}
  - {id: dublin, name: Dublin, kind: state}
events:
  - {id: visit, type: visit, date: "../2025-12-03", participants: [kyiv], host: [dublin], title: A visit}
"""


def test_dates_times_and_status(seed, tricky, write_yaml):
    found = {**vevents(seed), **vevents(tricky), **vevents(load(write_yaml(BY_3_DEC)))}
    talks = found["moscow-talks"]
    assert (talks["DTSTART"].dt, talks["DTEND"].dt, str(talks["STATUS"])) == (
        date(2025, 12, 2), date(2025, 12, 3), "CONFIRMED")
    assert str(talks["SUMMARY"]) == "Witkoff and Kushner meet Putin in Moscow"  # the event's title
    assert str(talks["LOCATION"]) == "Moscow"
    ireland = found["zelenskyy-ireland-visit"]  # 2025-12-01/2025-12-02: two whole days
    assert (ireland["DTSTART"].dt, ireland["DTEND"].dt, str(ireland["STATUS"])) == (
        date(2025, 12, 1), date(2025, 12, 3), "CONFIRMED")
    by_3_dec = found["visit"]  # ../2025-12-03: placed at its known end, tentative
    assert (by_3_dec["DTSTART"].dt, by_3_dec["DTEND"].dt, str(by_3_dec["STATUS"])) == (
        date(2025, 12, 3), date(2025, 12, 4), "TENTATIVE")
    assert str(by_3_dec["SUMMARY"]) == "A visit (by 3 Dec 2025)"
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


@pytest.mark.parametrize("length", [0, 75, 76, 149, 150, 223, 500])
def test_an_ascii_line_folds_at_75_then_74_octets(length):
    line = "".join(chr(33 + n % 90) for n in range(length))
    parts = fold(line).split("\r\n ")
    assert "".join(parts) == line and [len(part) for part in parts[:-1]] == [75, *[74] * len(parts)][:len(parts) - 1]
    assert 0 < len(parts[-1]) <= (75 if len(parts) == 1 else 74) or line == ""


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "Иван " * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


@pytest.mark.parametrize("first", ["", "a", "ab", "abc"])
def test_a_line_of_wide_characters_folds_as_late_as_a_character_allows(first):
    """Each line as long as it can be without cutting a character (2, 3 and 4 octets: é, €, 𝄞)."""
    line = first + "é€𝄞x" * 60
    parts = fold(line).split("\r\n ")
    assert "".join(parts) == line
    for n, part in enumerate(parts[:-1]):
        room = 75 if n == 0 else 74
        assert len(part.encode()) <= room < len(part.encode()) + len(parts[n + 1][0].encode())


@pytest.mark.parametrize(("value", "escaped"), [
    ("a, b; c", "a\\, b\\; c"), ("back\\slash", "back\\\\slash"), ("two\nlines", "two\\nlines"),
    ("crlf\r\nline", "crlf\\nline"), ("nul\x00bel\x07esc\x1b", "nul\ufffdbel\ufffdesc\ufffd"),
])
def test_text_escaping(value, escaped):
    assert text(value) == escaped


@pytest.fixture
def hostile(write_yaml):
    return load(write_yaml(HOSTILE, "hostile.yaml"))


def test_a_text_with_line_breaks_forges_nothing(hostile):
    """A source title carrying CR/LF and a whole VEVENT: icalendar and vobject each read exactly the real events."""
    vobject = pytest.importorskip("vobject")
    data = generate_ical(hostile)
    lines = data.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 8
    assert not [line for line in lines if line.startswith(("SUMMARY:Forged", "X-A:", "DTSTART:20251202\r"))]
    expected = ["e18", "e19", "e21", "title-0", "e15", "e10", "e12", "e13"]  # meetings known to the day, in order
    assert list(vevents(hostile)) == expected
    read = [e.uid.value.removesuffix("@timeline") for e in vobject.readOne(data).vevent_list]
    assert read == expected
    talks = vevents(hostile)["e10"]
    assert str(talks["URL"]) == "https://example.org/a?b=1;c=2"
    assert str(talks["DESCRIPTION"]).startswith(SPECIAL + "\n\n")


def test_special_text_round_trips_in_both_readers(hostile):
    vobject = pytest.importorskip("vobject")
    talks = next(e for e in vobject.readOne(generate_ical(hostile)).vevent_list if e.uid.value == "e10@timeline")
    assert talks.description.value.startswith(SPECIAL + "\n\n")
    assert talks.summary.value == f"Meeting: {hostile.actors['e0'].name}, Иван Петров, -minus =1+2"
    assert str(vevents(hostile)["e10"]["SUMMARY"]) == talks.summary.value


def test_start_and_end_are_of_one_kind_and_the_span_is_right(hostile):
    """Ends in two zones, or a zone at one end only: both ends in UTC; icalendar and vobject compute the duration."""
    vobject = pytest.importorskip("vobject")
    found = vevents(hostile)
    utc = timezone.utc  # noqa: UP017
    two_zones = found["e12"]  # 21:00+03:00 to 20:00Z: two hours
    assert (two_zones["DTSTART"].dt, two_zones["DTEND"].dt) == (datetime(2025, 12, 2, 18, tzinfo=utc),
                                                                datetime(2025, 12, 2, 20, tzinfo=utc))
    assert two_zones.duration == timedelta(hours=2)
    end_zone = found["e13"]  # 10:00 to 11:30+02:00: the start taken in +02:00
    assert (end_zone["DTSTART"].dt, end_zone["DTEND"].dt) == (datetime(2025, 12, 3, 8, tzinfo=utc),
                                                              datetime(2025, 12, 3, 9, 30, tzinfo=utc))
    floating = found["e18"]
    assert floating["DTSTART"].dt == datetime(2025, 9, 10, 14) and "DTEND" not in floating
    read = {e.uid.value: e for e in vobject.readOne(generate_ical(hostile)).vevent_list}
    for uid, hours in (("e12@timeline", 2), ("e13@timeline", 1.5)):
        assert read[uid].dtend.value - read[uid].dtstart.value == timedelta(hours=hours)


def test_statuses_are_visible(hostile):
    found = vevents(hostile)
    assert [(str(found[uid]["STATUS"]), str(found[uid]["SUMMARY"]).split(":")[0]) for uid in
            ("e10", "e13", "title-0", "e15")] == [("CONFIRMED", "Meeting"), ("TENTATIVE", "Planned"),
                                                  ("CANCELLED", "Cancelled"), ("TENTATIVE", "Disputed")]
    assert str(found["title-0"]["SUMMARY"]) == "Cancelled: Visit: Иван Петров, مرحبا (by 20 Nov 2025)"
    assert "TRANSP" not in found["e10"] and str(found["title-0"]["TRANSP"]) == "TRANSPARENT"


def test_a_month_is_not_a_month_long_meeting(hostile, tmp_path):
    assert "e11" not in vevents(hostile)
    month = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(generate_ical(hostile, coarse=True)).walk("VEVENT")}
    month = month["e11@timeline"]
    assert str(month["SUMMARY"]) == "Meeting: Иван Петров, مرحبا (some time in Dec 2025)"
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (date(2025, 12, 1), date(2026, 1, 1))
    assert (str(month["STATUS"]), str(month["TRANSP"])) == ("TENTATIVE", "TRANSPARENT")
    only_month = [e for e in hostile.events if e.id == "e11"]
    with pytest.raises(NothingToShow, match="known to the day"):
        write(hostile, only_month, tmp_path / "x.ics")
    write(hostile, only_month, tmp_path / "x.ics", coarse=True)
    assert (tmp_path / "x.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1


def test_every_role_is_in_the_description(hostile):
    visit = str(vevents(hostile)["title-0"]["DESCRIPTION"])
    assert "Participant: Иван Петров\nHost: مرحبا" in visit and "Status: cancelled" in visit
