"""Round-8 review: a date that is not EDTF is refused with the EDTF to write, in the data and on the command line."""
from __future__ import annotations

import pytest

from timeline.dates import DateError, parse_edtf, parse_user_date

EXAMPLES = "(e.g. '2025-12-02', '2025-12', '2025-12-02T21:00+03:00' or '2025-11/2025-12-03')"


@pytest.mark.parametrize("text, why", [
    ("2 Dec 2025", "write '2025-12-02'"),
    ("December 2, 2025", "write '2025-12-02'"),
    ("Dec 2025", "write '2025-12'"),
    ("20251202", "EDTF separates year, month and day with dashes: write '2025-12-02'"),
    ("2025-1-2", "months and days have two digits: write '2025-01-02'"),
    ("2025-12-02 10:00", "EDTF puts a T between the day and the time: write '2025-12-02T10:00'"),
    ("2025-12-02 10:00:00+0300", "EDTF puts a T between the day and the time: write '2025-12-02T10:00:00+03:00'"),
    ("2025-12-02T10:00:00.5Z", "EDTF has no fractions of a second: write '2025-12-02T10:00:00Z'"),
    ("2025-W49", "an ISO week is not EDTF: write its days, '2025-12-01/2025-12-07'"),
    ("2025-W49-2", "an ISO week date is not EDTF: write '2025-12-02'"),
    ("2025-336", "a day of the year is not EDTF: write '2025-12-02'"),
    ("spring 2025", "EDTF writes a season as a code: '2025-21'"),
])
def test_a_known_form_gets_the_edtf_to_write(text, why):
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    assert str(caught.value) == f"'{text}' is not an EDTF date; {why}"


@pytest.mark.parametrize("text", ["Tuesday", "2025-W54", "2025-400", "02/12/2025", "nonsense"])
def test_an_unknown_form_gets_the_examples(text):
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    assert str(caught.value) == f"'{text}' is not an EDTF date {EXAMPLES}"


def test_the_hint_stands_in_the_loader_s_line(run, write_yaml):
    path = write_yaml("actors:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
                      "events:\n  - {id: e, type: call, date: 2 Dec 2025, participants: [a, b]}\n")
    result = run("validate", str(path), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{path}:5: '2 Dec 2025' is not an EDTF date; write '2025-12-02'"


@pytest.mark.parametrize("text, hint", [
    ("spring 2025", "cannot read the date 'spring 2025'; EDTF writes a season as a code: '2025-21'"),
    ("2025-W49", "cannot read the date '2025-W49'; an ISO week is not EDTF: write its days, '2025-12-01/2025-12-07'"),
    ("garbage", "cannot read the date 'garbage' (e.g. '2 Dec 2025' or '2025-12')"),
])
def test_the_command_line_gives_the_same_hints(run, text, hint):
    result = run("events", "--since", text)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"Error: timeline events: --since: {hint} (see 'timeline events --help')"]


def test_dates_in_words_still_read_on_the_command_line():
    assert parse_user_date("2 Dec 2025").text == "2025-12-02"
