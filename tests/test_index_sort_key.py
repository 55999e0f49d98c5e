"""The stored sort key of an event (``ord`` in the query tables) sorts as the record orders its events."""
from __future__ import annotations

import itertools

import pytest

from timeline.dates import parse_edtf
from timeline.index.write import sort_key
from timeline.model import Event, date_order

#: Dates of every shape the record sorts: days, months, years, intervals, open ends, times and zones,
#: uncertain and approximate dates, seasons, decades, dates before 1000 and far ahead.
DATES = ("2025-12-02", "2025-12", "2025", "2025-11-25/2025-12-03", "../2025-12-03", "2025-12/..",
         "2025-12-02T10:00:00Z", "2025-12-02T10:00:00+03:00", "2025-12-02?", "2025-12~",
         "2025-21", "202X", "0987-03-01", "9999-12-31", "2022-02-24", "2022", "2025-12-02/2025-12-02",
         "2025-12-01/2025-12-03")
IDS = ("a", "a-1", "b", "Z", "ä", "a b", "10", "9")


def _event(date: str, ident: str) -> Event:
    return Event(id=ident, type="meeting", date=parse_edtf(date), participants=("x", "y"))


def test_the_sort_key_orders_events_as_the_record_does() -> None:
    events = [_event(date, ident) for date, ident in itertools.product(DATES, IDS)]
    by_record = sorted(events, key=lambda e: (date_order(e.date), e.id))
    assert sorted(events, key=sort_key) == by_record
    by_bytes = sorted(events, key=lambda e: sort_key(e).encode())  # as SQLite compares text: memcmp of UTF-8
    assert by_bytes == by_record


@pytest.mark.parametrize(("earlier", "later"), [
    ("2025", "2025-07-03"),  # mid-2025 (2 Jul 12:00) before 3 Jul
    ("2025-12/..", "2025-12-01T01:00:00"),  # an open span on the first moment of its known end
    ("../2025-12-03", "2025-12-03"),
    ("2025-11", "2025-12-02"),
])
def test_pairs_of_dates_in_order(earlier: str, later: str) -> None:
    first, second = _event(earlier, "a"), _event(later, "a")
    assert (sort_key(first) < sort_key(second)) == ((date_order(first.date), "a") < (date_order(second.date), "a"))
    assert sort_key(first) < sort_key(second)
