"""EDTF level 1 against python-edtf, the reference implementation, as the oracle.

For a table of forms and for hypothesis-generated EDTF strings, the first and
last day timeline reads equal python-edtf's ``lower_strict``/``upper_strict``,
except where timeline documents that it differs (:mod:`timeline.edtf_grammar`):
winter runs to the end of February, not to 31 December; an open or unknown end
is no bound (python-edtf: infinity, or ten years).
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta, timezone

import edtf
import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from timeline.dates import DateError, parse_edtf, parse_user_date
from timeline.filters import EventFilter


def _oracle(text: str) -> tuple[date | None, date | None]:
    """python-edtf's first and last day of ``text``; ``None`` for an infinite or unknown end."""
    parsed = edtf.parse_edtf(text)

    def day(value: time.struct_time) -> date | None:
        if value is None or value in (float("inf"), float("-inf")):
            return None
        return date(value.tm_year, value.tm_mon, value.tm_mday)

    lower, upper = day(parsed.lower_strict()), day(parsed.upper_strict())
    if text.startswith("/"):
        lower = None
    if text.endswith("/"):
        upper = None
    return lower, upper


def _ours(text: str) -> tuple[date | None, date | None]:
    span = parse_edtf(text)
    return span.first, span.last


def _expected(text: str) -> tuple[date | None, date | None]:
    """The oracle's bounds, with timeline's documented winter."""
    lower, upper = _oracle(text)
    end = text.rstrip("~?%").rpartition("/")[2]
    if re.fullmatch(r"\d{4}-(24|28|30)", end) and upper is not None:
        upper = date(upper.year + 1, 3, 1) - timedelta(days=1)
    return lower, upper


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2025-21", date(2025, 3, 1), date(2025, 5, 31)),         # spring
    ("2025-22", date(2025, 6, 1), date(2025, 8, 31)),         # summer
    ("2025-23", date(2025, 9, 1), date(2025, 11, 30)),        # autumn
    ("2025-24", date(2025, 12, 1), date(2026, 2, 28)),        # winter, into the next year
    ("2023-24", date(2023, 12, 1), date(2024, 2, 29)),
    ("2025-33", date(2025, 1, 1), date(2025, 3, 31)),         # first quarter
    ("2025-41", date(2025, 7, 1), date(2025, 12, 31)),        # second half
    ("2025-12-XX", date(2025, 12, 1), date(2025, 12, 31)),
    ("2025-02-XX", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025-XX", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-XX-XX", date(2025, 1, 1), date(2025, 12, 31)),
    ("202X", date(2020, 1, 1), date(2029, 12, 31)),
    ("20XX", date(2000, 1, 1), date(2099, 12, 31)),
    ("2025-XX-02", date(2025, 1, 2), date(2025, 12, 2)),
    ("2025-XX-31", date(2025, 1, 31), date(2025, 12, 31)),
    ("156X-12-25", date(1560, 12, 25), date(1569, 12, 25)),
    ("1XXX-XX", date(1000, 1, 1), date(1999, 12, 31)),
    ("2025-12-02/", date(2025, 12, 2), None),                  # unknown end
    ("/2025-12-02", None, date(2025, 12, 2)),                  # unknown start
    ("2025-12-02/..", date(2025, 12, 2), None),                # open end
    ("../2025-12-02", None, date(2025, 12, 2)),
    ("2025-21/2025-23", date(2025, 3, 1), date(2025, 11, 30)),
    ("2025-12~", date(2025, 12, 1), date(2025, 12, 31)),
    ("2025-12-02%", date(2025, 12, 2), date(2025, 12, 2)),
    ("1984?/2004-06~", date(1984, 1, 1), date(2004, 6, 30)),
    ("2025-12-XX/2026", date(2025, 12, 1), date(2026, 12, 31)),
])
def test_level_1_forms_read_as_the_oracle_reads_them(text: str, first: date | None, last: date | None) -> None:
    assert _ours(text) == (first, last)
    assert _expected(text) == (first, last)


@pytest.mark.parametrize(("text", "label"), [
    ("2025-21", "Spring 2025"), ("2025-24", "Winter 2025–26"), ("2025-21~", "c. Spring 2025"),
    ("2025-33", "Q1 2025"), ("2025-21/2025-23", "Spring 2025 – Autumn 2025"),
    ("2025-12-XX", "Dec 2025"), ("2025-XX", "2025"), ("202X", "2020–2029"), ("2025-1X", "Oct–Dec 2025"),
    ("2025-XX-02", "2 Jan – 2 Dec 2025"),
    ("2025-12-02/", "from 2 Dec 2025 (end unknown)"), ("/2025-12-02", "by 2 Dec 2025 (start unknown)"),
    ("2025-12-02/..", "from 2 Dec 2025"),
])
def test_labels_of_level_1_forms(text: str, label: str) -> None:
    assert parse_edtf(text).label() == label


def test_unknown_and_open_ends_keep_their_text() -> None:
    assert [parse_edtf(t).text for t in ("2025-12-02/", "/2025-12-02", "2025-12-02/..")] == [
        "2025-12-02/", "/2025-12-02", "2025-12-02/.."]


@pytest.mark.parametrize(("text", "message"), [
    ("-0044", "timeline places dates in the years 0001 to 9999, not the year -44 in '-0044'; "
              "give a date in that range and write the real one in the summary or notes"),
    ("Y-44", "timeline places dates in the years 0001 to 9999, not the year -44 in 'Y-44'; "
             "give a date in that range and write the real one in the summary or notes"),
    ("Y170000002", "timeline places dates in the years 0001 to 9999, not the year 170000002 in 'Y170000002'; "
                   "give a date in that range and write the real one in the summary or notes"),
    ("Y-170000002/2025", "timeline places dates in the years 0001 to 9999, not the year -170000002 in "
                         "'Y-170000002/2025'; give a date in that range and write the real one in the summary or notes"),
    ("Y2025", "'Y' marks a year of more than four digits, not 'Y2025'; write the year as four digits (e.g. '2025')"),
    ("0000", "there is no year 0000 in '0000' that timeline can place (EDTF's 0000 is 1 BCE); "
             "give a year from 0001 to 9999 (e.g. '0001' or '2025')"),
    ("2004?-06-11", "a qualifier on one part of a date, as in '2004?-06-11', is EDTF level 2, which timeline "
                    "does not read; put it after the whole date (e.g. '2004-06-11?')"),
    ("?2004-06~-11", "a qualifier on one part of a date, as in '?2004-06~-11', is EDTF level 2, which timeline "
                     "does not read; put it after the whole date (e.g. '2004-06-11%')"),
    ("[2025-12-01, 2025-12-03]", "'[2025-12-01, 2025-12-03]' is a set of dates (EDTF level 2), which timeline "
                                 "does not read; give each date its own event, or write an interval such as "
                                 "'2025-11/2025-12-03'"),
    ("2025-42", "there is no month or season 42 in '2025-42' (months are 01 to 12, seasons 21 to 41: "
                "e.g. '2025-21' for spring 2025)"),
    ("2025-13", "there is no month 13 in '2025-13' (e.g. '2025-12')"),
    ("2025-21-02", "there is no month 21 in '2025-21-02' (e.g. '2025-12')"),
    ("2025-02-3X", "no date matches '2025-02-3X' (e.g. '2025-12-XX' for a day of December 2025)"),
    ("2025-12-XXT21:00", "a time needs a whole date, not '2025-12-XXT21:00' (e.g. '2025-12-02T21:00')"),
    ("/", "both ends are open or unknown in '/' (e.g. '../2025-12-03' or '2025-12-03/..')"),
    ("../", "both ends are open or unknown in '../' (e.g. '../2025-12-03' or '2025-12-03/..')"),
    ("2" * 80_000, f"'{'2' * 56}... is not an EDTF date (e.g. "),
])
def test_unsupported_forms_are_refused_with_what_to_write(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


# --- zones --------------------------------------------------------------------------------

MEETING = "2025-12-02T21:00+03:00/2025-12-02T20:00Z"  # 18:00Z to 20:00Z: two hours


def test_an_interval_with_ends_in_different_zones_is_stored_in_order() -> None:
    span = parse_edtf(MEETING)
    plus3 = timezone(timedelta(hours=3))
    assert (span.start, span.end, span.tz) == (datetime(2025, 12, 2, 21), datetime(2025, 12, 2, 23, 1), plus3)
    assert span.end.replace(tzinfo=plus3) - span.start.replace(tzinfo=plus3) == timedelta(hours=2, minutes=1)
    assert span.label() == "2 Dec 2025 21:00 UTC+03:00 – 2 Dec 2025 20:00 UTC"
    assert (span.iso_start(), span.iso_end()) == ("2025-12-02T21:00+03:00", "2025-12-02T20:00Z")


def test_only_a_real_reversal_across_zones_is_refused() -> None:
    with pytest.raises(DateError, match=r"^end 2025-12-02T17:59Z is before start 2025-12-02T21:00\+03:00"):
        parse_edtf("2025-12-02T21:00+03:00/2025-12-02T17:59Z")
    assert parse_edtf("2025-12-02T21:00+03:00/2025-12-02T18:00Z").end == datetime(2025, 12, 2, 21, 1)


def test_filters_and_sorting_see_the_span_of_a_zoned_interval(write_yaml) -> None:
    from timeline.dataset import load

    path = write_yaml(f"""\
        actors:
          - {{id: a, name: A, kind: person}}
          - {{id: b, name: B, kind: person}}
        events:
          - {{id: late, type: meeting, date: "2025-12-02T22:00+03:00", participants: [a, b]}}
          - {{id: talks, type: meeting, date: "{MEETING}", participants: [a, b]}}
        """)
    dataset = load(path)
    found = EventFilter("2025-12-02T22:30+03:00", "2025-12-03").apply(dataset)
    assert [e.id for e in found] == ["talks"]
    ordered = sorted(dataset.events, key=lambda e: e.date.sort_key())
    assert [e.id for e in ordered] == ["talks", "late"]


# --- command-line dates -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("Monday 2 Dec 2025", "2 Dec 2025 is a Tuesday, not a Monday, in 'Monday 2 Dec 2025'; "
                          "correct the day or leave out the weekday"),
    ("Fri, Dec 5 2025", None),
    ("Sunday 6 December 2025", "6 Dec 2025 is a Saturday, not a Sunday, in 'Sunday 6 December 2025'; "),
    ("1-2 Dec 2025", "'1-2 Dec 2025' looks like a range of dates; give one date here, or write the range as an "
                     "EDTF interval (e.g. '2025-12-01/2025-12-02')"),
    ("30 – 31 December 2025", "'30 – 31 December 2025' looks like a range of dates; give one date here, or write "
                              "the range as an EDTF interval (e.g. '2025-12-30/2025-12-31')"),
    ("Dec 1-2, 2025", "'Dec 1-2, 2025' looks like a range of dates; give one date here, or write the range as an "
                      "EDTF interval (e.g. '2025-12-01/2025-12-02')"),
    ("1 Dec - 2 Dec 2025", "'1 Dec - 2 Dec 2025' looks like a range of dates; give one date here, or write the "
                           "range as an EDTF interval (e.g. '2025-12-01/2025-12-02')"),
    ("1 Dec 2025 to 3 Jan 2026", "'1 Dec 2025 to 3 Jan 2026' looks like a range of dates; give one date here, or "
                                 "write the range as an EDTF interval (e.g. '2025-12-01/2026-01-03')"),
    ("Nov–Dec 2025", "'Nov–Dec 2025' looks like a range of dates; give one date here, or write the range as an "
                     "EDTF interval (e.g. '2025-11/2025-12')"),
    ("2025-12-01 - 2025-12-02", "'2025-12-01 - 2025-12-02' looks like a range of dates; give one date here, or "
                                "write the range as an EDTF interval (e.g. '2025-12-01/2025-12-02')"),
    ("x" * 80_000, f"cannot read the date '{'x' * 56}...: it is 80,000 characters long, and a date is at most 100 "
                   "(e.g. '2 Dec 2025' or '2025-12')"),
    ("2 Dec " + "9" * 80_000, f"cannot read the date '2 Dec {'9' * 50}...: it is 80,006 characters long, "),
])
def test_command_line_dates(text: str, message: str | None) -> None:
    if message is None:
        assert parse_user_date(text).text == "2025-12-05"
        return
    with pytest.raises(DateError) as caught:
        parse_user_date(text)
    assert str(caught.value).startswith(message)
    assert len(str(caught.value)) < 200


def test_a_contradicting_weekday_on_the_command_line(run) -> None:
    result = run("events", "--since", "Monday 2 Dec 2025")
    assert (result.exit_code, result.stderr) == (
        2, "Error: timeline events: --since: 2 Dec 2025 is a Tuesday, not a Monday, in 'Monday 2 Dec 2025'; "
           "correct the day or leave out the weekday (see 'timeline events --help')\n")


# --- generated EDTF strings against the oracle ------------------------------------------------

@st.composite
def level_1(draw: st.DrawFn) -> str:
    """An EDTF level 1 date (not an interval): year, month, day, season, unspecified digits, qualifier."""
    form = draw(st.sampled_from(["year", "month", "day", "season", "unspecified"]))
    year = draw(st.integers(1000 if form == "unspecified" else 1, 9999))  # 000X: python-edtf counts year 0000
    text = f"{year:04d}"
    if form == "season":
        text += f"-{draw(st.integers(21, 24))}"
    elif form == "unspecified":
        text = draw(st.sampled_from([text[:3] + "X", text[:2] + "XX", text + "-XX", text + "-XX-XX",
                                     f"{text}-{draw(st.integers(1, 12)):02d}-XX", f"{text}-XX-{draw(st.integers(1, 28)):02d}"]))
    elif form != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if form == "day":
            text += f"-{draw(st.integers(1, 28)):02d}"
    qualifier = draw(st.sampled_from(["", "", "~", "?", "%"])) if form != "season" else ""
    return text + qualifier


@st.composite
def level_1_intervals(draw: st.DrawFn) -> str:
    a, b = draw(level_1()), draw(level_1())
    return draw(st.sampled_from([f"{a}/{b}", f"{a}/..", f"../{b}", f"{a}/", f"/{b}"]))


# The oracle takes ~22 ms a string (pyparsing tries all three levels' grammars), so the generated strings are
# 200; each kind of answer is also given as an example, so that every run checks it.
@given(level_1() | level_1_intervals())
@example("2025-11-02~/2026-21").via("the oracle reads it: a day and a season")
@example("2025-XX-02/2026-11-XX").via("the oracle reads it: level 2's unspecified forms")
@example("1984%/..").via("the oracle reads it: an open end")
@example("../2025-XX").via("the oracle cannot read it")
@example("1000-XX-01~").via("the oracle cannot read it")
@example("2025-12-03/2025-12-02").via("a reversed interval, refused as the oracle's bounds say")
@example("2026-24/2026-11").via("a reversed interval from a winter")
@settings(max_examples=200)
def test_generated_edtf_reads_as_the_oracle_reads_it(text: str) -> None:
    try:
        expected = _expected(text)
    except (edtf.EDTFParseException, AttributeError, TypeError, ValueError):
        # python-edtf 5.0 refuses or fails on some valid forms ('../2025-XX', '2025-12-XX/2026-XX', '/0001',
        # '1000-XX-01~'): we read them, as the span of the dates they allow
        event("the oracle cannot read it")
        try:
            span = parse_edtf(text)
            assert (span.start or span.end) and (span.start is None or span.end is None or span.start < span.end)
        except DateError as error:
            assert str(error).startswith("end "), error
        return
    event("the oracle reads it")
    try:
        ours = _ours(text)
    except DateError as error:  # only a reversed interval is refused
        assert str(error).startswith("end "), error
        assert expected[0] > expected[1]
        event("a reversed interval, refused as the oracle's bounds say")
        return
    assert ours == expected
