"""Dates as spans: EDTF reading and writing, people's dates, labels, order and filtering."""
from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import DateError, DateSpan, format_edtf, parse_edtf, parse_user_date
from timeline.errors import UserError

PLUS3 = timezone(timedelta(hours=3))
UTC = timezone(timedelta(0))
UNIT = {"year": relativedelta(years=1), "month": relativedelta(months=1), "day": relativedelta(days=1),
        "minute": relativedelta(minutes=1), "second": relativedelta(seconds=1)}
FINENESS = ["year", "month", "day", "minute", "second"]


# --- reading EDTF: exact values ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("2025-12-02", datetime(2025, 12, 2), datetime(2025, 12, 3), "day"),
    ("2025-12", datetime(2025, 12, 1), datetime(2026, 1, 1), "month"),
    ("2025", datetime(2025, 1, 1), datetime(2026, 1, 1), "year"),
    ("2024-02-29", datetime(2024, 2, 29), datetime(2024, 3, 1), "day"),
    ("2000-02-29", datetime(2000, 2, 29), datetime(2000, 3, 1), "day"),
    ("2025-12-02T21:00/2025-12-02T21:00", datetime(2025, 12, 2, 21), datetime(2025, 12, 2, 21, 1), "minute"),
    ("2025-12-02T21:00+03:00", datetime(2025, 12, 2, 21), datetime(2025, 12, 2, 21, 1), "minute"),
    ("2025-12-02T21:00:30Z", datetime(2025, 12, 2, 21, 0, 30), datetime(2025, 12, 2, 21, 0, 31), "second"),
    ("2025-12-02T21:00", datetime(2025, 12, 2, 21), datetime(2025, 12, 2, 21, 1), "minute"),
    ("2025-12-02/2025-12-03", datetime(2025, 12, 2), datetime(2025, 12, 4), "day"),
    ("2025-11/2025-12-03", datetime(2025, 11, 1), datetime(2025, 12, 4), "day"),
    ("2025-12-02T17:00+03:00/2025-12-03T00:30+03:00",
     datetime(2025, 12, 2, 17), datetime(2025, 12, 3, 0, 31), "minute"),
    ("../2025-12-03", None, datetime(2025, 12, 4), "day"),
    ("2025-12-03/..", datetime(2025, 12, 3), None, "day"),
    ("9999", datetime(9999, 1, 1), datetime.max, "year"),
])
def test_each_form_reads_as_its_exact_span(text: str, start: datetime | None, end: datetime | None,
                                           precision: str) -> None:
    span = parse_edtf(text)
    assert (span.text, span.start, span.end, span.precision) == (text, start, end, precision)


@pytest.mark.parametrize(("text", "approximate", "uncertain"), [
    ("2025-11", False, False), ("2025-11~", True, False), ("2025-11?", False, True), ("2025-11%", True, True),
    ("2025-11~/2025-12-03", True, False), ("2025-11/2025-12-03?", False, True),
])
def test_qualifiers_mark_approximate_and_uncertain(text: str, approximate: bool, uncertain: bool) -> None:
    span = parse_edtf(text)
    assert (span.approximate, span.uncertain) == (approximate, uncertain)


def test_zones_are_kept_apart_from_the_wall_clock_time() -> None:
    assert parse_edtf("2025-12-02T21:00+03:00").tz == PLUS3
    assert parse_edtf("2025-12-02T21:00:30Z").tz == UTC
    assert parse_edtf("2025-12-02T21:00").tz is None
    assert parse_edtf("2025-12-02T21:00-05:30").tz == timezone(-timedelta(hours=5, minutes=30))
    assert parse_edtf("2025-12-02T17:00+03:00/2025-12-03T00:30Z").tz == PLUS3
    assert parse_edtf("../2025-12-03T00:30Z").tz == UTC


def test_text_is_canonical() -> None:
    assert parse_edtf("  2025-12-02 ").text == "2025-12-02"
    assert parse_edtf("2025-12-02T21:00+00:00").text == "2025-12-02T21:00Z"
    assert parse_edtf("2025-12-02T21:00-00:00") == parse_edtf("2025-12-02T21:00Z")


def test_a_year_may_be_an_int_as_yaml_gives_it() -> None:
    assert parse_edtf(2025) == parse_edtf("2025")


@pytest.mark.parametrize("value", [2025.0, None, True, ["2025"]])
def test_anything_but_text_or_an_int_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        parse_edtf(value)  # type: ignore[arg-type]


def test_properties_of_forms() -> None:
    day, moment = parse_edtf("2025-12-02"), parse_edtf("2025-12-02T21:00+03:00")
    interval, open_start = parse_edtf("2025-11/2025-12-03"), parse_edtf("../2025-12-03")
    assert [s.is_interval for s in (day, moment, interval, open_start)] == [False, False, True, True]
    assert [s.is_moment for s in (day, moment, interval, open_start)] == [False, True, False, False]
    assert (interval.first, interval.last) == (date(2025, 11, 1), date(2025, 12, 3))
    assert (moment.first, moment.last) == (date(2025, 12, 2), date(2025, 12, 2))
    assert (open_start.first, open_start.last) == (None, date(2025, 12, 3))
    assert parse_edtf("9999").last == date(9999, 12, 31)


def test_ends_in_different_zones_are_compared_in_absolute_time() -> None:
    assert parse_edtf("2025-12-02T23:00+03:00/2025-12-02T22:30+01:00").is_interval  # 20:00Z to 21:30Z
    with pytest.raises(DateError, match="is before start"):
        parse_edtf("2025-12-02T23:00+03:00/2025-12-02T20:30+01:00")  # 20:00Z to 19:30Z


def _error(parse: Callable[[str], DateSpan], text: str) -> str:
    """The message of the DateError that ``parse(text)`` raises."""
    with pytest.raises(DateError) as caught:
        parse(text)
    return str(caught.value)


# --- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("2025-13", "there is no month 13 in '2025-13' (e.g. '2025-12')"),
    ("2025-02-30", "2025-02 has no day 30 in '2025-02-30' (e.g. '2025-02-28')"),
    ("2023-02-29", "2023-02 has no day 29 in '2023-02-29' (e.g. '2023-02-28')"),
    ("1900-02-29", "1900-02 has no day 29 in '1900-02-29' (e.g. '1900-02-28')"),
    ("2025-12-03/2025-12-01",
     "end 2025-12-01 is before start 2025-12-03 in '2025-12-03/2025-12-01' (e.g. '2025-12-01/2025-12-03')"),
    ("2025-12-03/2025-12-02", "end 2025-12-02 is before start 2025-12-03 in "),
    ("2025-12-02T21:00/2025-12-02T20:59", "end 2025-12-02T20:59 is before start 2025-12-02T21:00 in "),
    ("12/02/2025", "'12/02/2025' is not an EDTF date (e.g. '2025-12-02', "),
    ("", "empty date (e.g. '2025-12-02', "),
    ("   ", "empty date (e.g. "),
    ("../..", "both ends are open or unknown in '../..' (e.g. '../2025-12-03' or '2025-12-03/..')"),
    ("0000", "there is no year 0000 in '0000'"),
    ("2025-12-02T24:00", "there is no such time of day in '2025-12-02T24:00' (e.g. '2025-12-02T21:00')"),
    ("2025-12-02T21:00:60Z", "there is no such time of day"),
    ("2025-12-02T21:00+03:75", "there is no zone +03:75 in '2025-12-02T21:00+03:75' (e.g. '+03:00' or 'Z')"),
    ("2025-11/2025-02-30", "2025-02 has no day 30 in '2025-11/2025-02-30'"),
    ("٢٠٢٥-١٢", "'٢٠٢٥-١٢' is not an EDTF date (e.g. "),
    ("2025-12-02T21:00~Z", "'2025-12-02T21:00~Z' is not an EDTF date (e.g. "),
    ("2025/2026/2027", "'2025/2026/2027' is not an EDTF date (e.g. "),
    ("20251202", "'20251202' is not an EDTF date; EDTF separates year, month and day with dashes: write "
                 "'2025-12-02'"),
    ("2025-12-2", "'2025-12-2' is not an EDTF date; months and days have two digits: write '2025-12-02'"),
])
def test_bad_dates_say_what_is_wrong_on_one_line(text: str, message: str) -> None:
    error = _error(parse_edtf, text)
    assert error.startswith(message)
    assert "\n" not in error


def test_a_date_error_is_a_user_error_and_a_value_error() -> None:
    assert issubclass(DateError, UserError)
    assert issubclass(DateError, ValueError)


# --- dates as people type them ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "edtf", "precision"), [
    ("2 Dec 2025", "2025-12-02", "day"),
    ("December 2025", "2025-12", "month"),
    ("Dec 2025", "2025-12", "month"),
    ("Dec 2, 2025", "2025-12-02", "day"),
    ("2025", "2025", "year"),
    ("2025-12", "2025-12", "month"),
    ("12/13/2025", "2025-12-13", "day"),
    ("Tuesday 2 Dec 2025", "2025-12-02", "day"),
    ("Dec 2025 Tuesday", "2025-12", "month"),  # some Tuesday: not the first one
    ("2025-11/2025-12-03", "2025-11/2025-12-03", "day"),
])
def test_user_dates_keep_the_precision_written(text: str, edtf: str, precision: str) -> None:
    span = parse_user_date(text)
    assert (span.text, span.precision) == (edtf, precision)
    assert span == parse_edtf(edtf)


@pytest.mark.parametrize(("text", "message"), [
    ("garbage", "cannot read the date 'garbage' (e.g. '2 Dec 2025' or '2025-12')"),
    ("", "cannot read the date '' (e.g. '2 Dec 2025' or '2025-12')"),
    ("today", "cannot read the date 'today'"),
    ("3 December", "no year in '3 December' (e.g. '2 Dec 2025')"),
    ("Tuesday", "no year in 'Tuesday'"),
    ("Dec 99", "write the year with 4 digits in 'Dec 99'"),
    ("12/02/2025", "day and month are ambiguous in '12/02/2025' (e.g. '2 Dec 2025' or '2025-12-02')"),
    ("2025-12-02 21:00", "write a time as EDTF, not '2025-12-02 21:00' (e.g. '2025-12-02T21:00+03:00')"),
    ("2025-13", "there is no month 13 in '2025-13'"),
    ("2025-12-03/2025-12-01", "end 2025-12-01 is before start 2025-12-03"),
])
def test_user_dates_that_cannot_be_read_name_the_input_and_an_example(text: str, message: str) -> None:
    assert _error(parse_user_date, text).startswith(message)


# --- output ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "label"), [
    ("2025-12-02", "2 Dec 2025"),
    ("2025-12", "Dec 2025"),
    ("2025", "2025"),
    ("2025-12-02T21:00+03:00", "2 Dec 2025 21:00 UTC+03:00"),
    ("2025-12-02T21:00:30Z", "2 Dec 2025 21:00:30 UTC"),
    ("2025-12-02T21:00", "2 Dec 2025 21:00"),
    ("2025-12-02/2025-12-03", "2–3 Dec 2025"),
    ("2025-11/2025-12-03", "Nov – 3 Dec 2025"),
    ("2025-11/2025-12", "Nov–Dec 2025"),
    ("2025/2026", "2025–2026"),
    ("2025-12-30/2026-01-02", "30 Dec 2025 – 2 Jan 2026"),
    ("2025-12-02/2025", "2 Dec 2025 – 2025"),
    ("2025-12-02/2025-12-02", "2 Dec 2025"),
    ("2025-12-02T17:00+03:00/2025-12-03T00:30+03:00",
     "2 Dec 2025 17:00 UTC+03:00 – 3 Dec 2025 00:30 UTC+03:00"),
    ("../2025-12-03", "by 3 Dec 2025"),
    ("2025-12-03/..", "from 3 Dec 2025"),
    ("2025-11~", "c. Nov 2025"),
    ("2025-11?", "Nov 2025?"),
    ("2025-11%", "c. Nov 2025?"),
    ("2025-11~/2025-12-03", "c. Nov – 3 Dec 2025"),
    ("0005-03", "Mar 0005"),
])
def test_labels(text: str, label: str) -> None:
    assert parse_edtf(text).label() == label


@pytest.mark.parametrize(("text", "iso_start", "iso_end"), [
    ("2025-12-02", "2025-12-02", "2025-12-02"),
    ("2025-12", "2025-12-01", "2025-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025", "2025-01-01", "2025-12-31"),
    ("2025-12-02T21:00+03:00", "2025-12-02T21:00+03:00", "2025-12-02T21:00+03:00"),
    ("2025-12-02T21:00:30Z", "2025-12-02T21:00:30Z", "2025-12-02T21:00:30Z"),
    ("2025-11~/2025-12-03T00:30+03:00", "2025-11-01", "2025-12-03T00:30+03:00"),
    ("../2025-12", None, "2025-12-31"),
    ("2025-12/..", "2025-12-01", None),
])
def test_iso_bounds_are_inclusive(text: str, iso_start: str | None, iso_end: str | None) -> None:
    span = parse_edtf(text)
    assert (span.iso_start(), span.iso_end()) == (iso_start, iso_end)


# --- order and filtering --------------------------------------------------------------------

def test_sort_key_puts_open_starts_first_shorter_spans_first_and_open_ends_last() -> None:
    texts = ["2025-12/..", "2025-12", "2025-12-01T09:00", "2025-12-01", "../2025-12-05", "2025-11-30"]
    ordered = sorted((parse_edtf(t) for t in texts), key=DateSpan.sort_key)
    assert [s.text for s in ordered] == [
        "../2025-12-05", "2025-11-30", "2025-12-01", "2025-12", "2025-12/..", "2025-12-01T09:00"]


@pytest.mark.parametrize(("since", "until", "expected"), [
    (None, None, True),
    (datetime(2025, 11, 30), datetime(2025, 12, 1), False),
    (datetime(2025, 11, 30), datetime(2025, 12, 1, 0, 0, 1), True),
    (datetime(2025, 12, 31), None, True),
    (datetime(2026, 1, 1), None, False),
    (None, datetime(2025, 12, 1), False),
])
def test_overlaps_is_half_open(since: datetime | None, until: datetime | None, expected: bool) -> None:
    assert parse_edtf("2025-12").overlaps(since, until) is expected


def test_open_ends_reach_forever() -> None:
    assert parse_edtf("../2025-12-03").overlaps(datetime(1, 1, 1), datetime(1, 1, 2))
    assert not parse_edtf("../2025-12-03").overlaps(datetime(2025, 12, 4), None)
    assert parse_edtf("2025-12-03/..").overlaps(datetime(9999, 1, 1), None)
    assert not parse_edtf("2025-12-03/..").overlaps(None, datetime(2025, 12, 3))


# --- properties -----------------------------------------------------------------------------

def _zone_text(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    hours, rest = divmod(abs(minutes), 60)
    return f"{'-' if minutes < 0 else '+'}{hours:02d}:{rest:02d}"


@st.composite
def singles(draw: st.DrawFn, after: datetime = datetime(1, 1, 1),
            before: datetime = datetime.max) -> tuple[str, datetime, datetime, timezone | None]:
    """A canonical single date, written here independently of the code under test.

    Returns (text, a moment it covers, its start, its zone).
    """
    when = draw(st.datetimes(min_value=after, max_value=before))
    precision = draw(st.sampled_from(FINENESS))
    start = when.replace(microsecond=0)
    start = start.replace(second=0) if precision != "second" else start
    start = start.replace(hour=0, minute=0) if precision in ("year", "month", "day") else start
    start = start.replace(day=1) if precision in ("year", "month") else start
    start = start.replace(month=1) if precision == "year" else start
    text = (f"{start.year:04d}-{start.month:02d}-{start.day:02d}"
            f"T{start.hour:02d}:{start.minute:02d}:{start.second:02d}")
    text = text[:{"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}[precision]]
    zone = None
    if precision in ("minute", "second"):
        minutes = draw(st.none() | st.integers(-(23 * 60 + 59), 23 * 60 + 59))
        if minutes is not None:
            text += _zone_text(minutes)
            zone = timezone(timedelta(minutes=minutes))
    return text + draw(st.sampled_from(["", "~", "?", "%"])), when, start, zone


def _end_of(start: datetime, precision: str) -> datetime:
    try:
        return start + UNIT[precision]
    except (ValueError, OverflowError):
        return datetime.max  # past year 9999


@st.composite
def spans(draw: st.DrawFn, forms: tuple[str, ...] = ("single", "interval", "open start", "open end")) -> str:
    """Canonical EDTF text: a single date, or an interval of mixed precision, maybe open at one end."""
    form = draw(st.sampled_from(forms))
    first, when, _, _ = draw(singles(before=datetime(9999, 12, 29)))
    if form == "single":
        return first
    # Two days apart at least, so the end is after the start whatever the zones.
    last = draw(singles(after=when + timedelta(days=2)))[0]
    return {"interval": f"{first}/{last}", "open start": f"../{last}", "open end": f"{first}/.."}[form]


@given(singles())
def test_single_dates_read_as_written(case: tuple[str, datetime, datetime, timezone | None]) -> None:
    text, when, start, zone = case
    span = parse_edtf(text)
    assert (span.text, span.start, span.tz) == (text, start, zone)
    assert span.end == _end_of(start, span.precision)
    assert span.start <= when < span.end or span.end == datetime.max
    assert (span.approximate, span.uncertain) == (text[-1] in "~%", text[-1] in "?%")
    assert not span.is_interval
    assert span.first <= span.last


@given(spans())
def test_round_trip(text: str) -> None:
    span = parse_edtf(text)
    assert format_edtf(span) == text
    assert parse_edtf(format_edtf(span)) == span
    assert span.label()


@given(spans(forms=("interval", "open start", "open end")))
def test_an_interval_is_made_of_its_ends(text: str) -> None:
    span = parse_edtf(text)
    first, last = (None if end == ".." else parse_edtf(end) for end in text.split("/"))
    ends = [end for end in (first, last) if end]
    assert (span.is_interval, span.is_moment) == (True, False)
    assert span.start == (first.start if first else None)
    if first and last and first.tz and last.tz and last.end != datetime.max:  # the end in the start's zone
        assert span.end == last.end - last.tz.utcoffset(None) + first.tz.utcoffset(None)
    else:
        assert span.end == (last.end if last else None)
    assert span.start is None or span.end is None or span.start < span.end
    assert span.precision == max((end.precision for end in ends), key=FINENESS.index)
    assert span.approximate == any(end.approximate for end in ends)
    assert span.uncertain == any(end.uncertain for end in ends)
    assert span.tz == ends[0].tz
    assert span.iso_start() == (first.iso_start() if first else None)
    assert span.iso_end() == (last.iso_end() if last else None)


@given(st.lists(spans().map(parse_edtf), max_size=12), st.data())
def test_sort_key_is_a_total_order_by_start_then_end(items: list[DateSpan], data: st.DataObject) -> None:
    ordered = sorted(items, key=DateSpan.sort_key)
    assert ordered == sorted(data.draw(st.permutations(items)), key=DateSpan.sort_key)
    bounds = [(s.start or datetime.min, s.end or datetime.max) for s in ordered]
    assert bounds == sorted(bounds)
    for a in items:
        assert all((a.sort_key() == b.sort_key()) == (a == b) for b in items)


@given(st.integers(1, 9998), st.integers(1, 12))
def test_a_month_overlaps_each_of_its_days_and_nothing_after(year: int, month: int) -> None:
    span = parse_edtf(f"{year:04d}-{month:02d}")
    days = [datetime(year, month, 1) + timedelta(days=n) for n in range(monthrange(year, month)[1])]
    assert all(span.overlaps(day, day + timedelta(days=1)) for day in days)
    assert (span.first, span.last) == (days[0].date(), days[-1].date())
    assert span.overlaps(days[-1], None)
    assert not span.overlaps(days[-1] + timedelta(days=1), None)  # --since the day after
    assert not span.overlaps(None, days[0])  # --until the day before (exclusive)


@given(st.dates(min_value=date(1, 1, 1)))
def test_fast_path_for_days_agrees_with_intervals(day: date) -> None:
    span, interval = parse_edtf(day.isoformat()), parse_edtf(f"{day.isoformat()}/{day.isoformat()}")
    assert (span.start, span.end, span.precision) == (interval.start, interval.end, interval.precision)
