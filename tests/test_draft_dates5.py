"""Round 5 (issue #16): months named by "last"/"next" and parts of a year, never more precise than the text.

Tables of (phrase, publication day, future tense?, expected EDTF or None).
"""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.draft.dates import resolve

TUESDAY_APRIL = dt.date(2024, 4, 16)
FEBRUARY = dt.date(2024, 2, 16)

NAMED_MONTHS = [
    # "last February": the latest February before the month of publication
    ("last February", TUESDAY_APRIL, False, "2024-02"),
    ("last February", FEBRUARY, False, "2023-02"),    # published in February: the one a year before
    ("last April", TUESDAY_APRIL, False, "2023-04"),
    ("this past March", TUESDAY_APRIL, False, "2024-03"),
    ("last December", TUESDAY_APRIL, False, "2023-12"),
    # "next February": the first February after the month of publication
    ("next February", TUESDAY_APRIL, True, "2025-02"),
    ("next May", TUESDAY_APRIL, True, "2024-05"),
    ("this coming April", TUESDAY_APRIL, True, "2025-04"),
    # with a day it is that day, not the month
    ("last May 5", TUESDAY_APRIL, False, "2023-05-05"),
    # a part of a year is the year
    ("in late 2014", TUESDAY_APRIL, False, "2014"),
    ("early 2023", TUESDAY_APRIL, False, "2023"),
    ("by the end of 2025", TUESDAY_APRIL, True, "2025"),
    ("mid-2022", TUESDAY_APRIL, False, "2022"),
    # what was there keeps its meaning
    ("last week", TUESDAY_APRIL, False, "2024-04-08/2024-04-14"),
    ("in early August", TUESDAY_APRIL, False, "2023-08-01/2023-08-10"),
    ("in May", TUESDAY_APRIL, False, "2023-05"),
    ("last Friday", TUESDAY_APRIL, False, "2024-04-12"),
]


@pytest.mark.parametrize(("phrase", "published", "future", "edtf"), NAMED_MONTHS,
                         ids=[f"{row[0]}-{row[1]}" for row in NAMED_MONTHS])
def test_a_named_month_or_part_of_a_year(phrase: str, published: dt.date, future: bool, edtf: str) -> None:
    assert resolve(phrase, published, future) == edtf
