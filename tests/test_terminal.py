"""Control characters in data are shown on the terminal, never obeyed; JSON and CSV keep them exactly."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.cli.output import write_csv
from timeline.cli.terminal import visible

HOSTILE = r"""
actors:
  - {id: evil, name: "Evil\e]0;pwned\a\e[2J\e[H", kind: person}
  - {id: putin, name: Putin, kind: person}
events:
  - id: e1
    type: meeting
    date: 2025-12-02
    participants: [evil, putin]
    location: "Moscow\rKyiv\e[1A\e[2K"
    summary: "Talks.\r\nstatus:       cancelled\nlocation:     Geneva\u202e"
"""


@pytest.fixture
def hostile(write_yaml: Callable[[str, str], Path]) -> Path:
    return write_yaml(HOSTILE)


@pytest.mark.parametrize(("text", "shown"), [
    ("Moscow\rKyiv", r"Moscow\rKyiv"),
    ("\x1b]0;title\x07", r"\x1b]0;title\x07"),
    ("\x1b[2J\x1b[H", r"\x1b[2J\x1b[H"),
    ("\x9b31m", r"\x9b31m"),                     # the 8-bit CSI
    ("a\x00b\x7fc", r"a\x00b\x7fc"),
    ("abc\u202edcba", r"abc\u202edcba"),         # right-to-left override
    ("one\u2028two", r"one\u2028two"),
    ("Мар’яна, 北京, ‍👩‍👩‍👧", "Мар’яна, 北京, ‍👩‍👩‍👧"),   # text and joiners are left alone
])
def test_visible_escapes_what_a_terminal_acts_on(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_met_shows_a_carriage_return_and_escapes_in_a_location(run: Callable, hostile: Path) -> None:
    result = run("met", data=hostile)
    assert result.stdout.splitlines()[2] == \
        r"2 Dec 2025  evil – putin  meeting  e1     Moscow\rKyiv\x1b[1A\x1b[2K  occurred"
    assert "\x1b" not in result.stdout and "\r" not in result.stdout


def test_actors_shows_title_and_clear_screen_sequences(run: Callable, hostile: Path) -> None:
    result = run("actors", data=hostile)
    assert r"Evil\x1b]0;pwned\x07\x1b[2J\x1b[H" in result.stdout.splitlines()[2]
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_show_cannot_fake_lines(run: Callable, hostile: Path) -> None:
    result = run("show", "e1", data=hostile)
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith(("status:", "location:", "summary:"))] == [
        "status:       occurred",
        r"location:     Moscow\rKyiv\x1b[1A\x1b[2K",
        r"summary:      Talks. status:       cancelled location:     Geneva\u202e",
    ]


def test_error_messages_show_escapes(run: Callable, hostile: Path) -> None:
    result = run("show", "x\x1b]0;pwned\x07\nError: forged", data=hostile)
    assert (result.exit_code, result.stderr) == (
        1, "Error: no event 'x\\x1b]0;pwned\\x07\\nError: forged'; 'timeline events' lists them\n")
    for args, shown in [(["no-such\x1b[2J"], r"No such command 'no-such\x1b[2J'"),
                        (["--bad\x1b]0;t\x07"], r"No such option '--bad\x1b]0;t\x07'"),
                        (["met", "--bad\x1b[2J"], r"No such option '--bad\x1b[2J'")]:
        result = run(*args, data=None)
        assert result.exit_code == 2 and shown in result.stderr, result.stderr
        assert "\x1b" not in result.stderr


def test_json_keeps_the_data_exactly_and_escaped(run: Callable, hostile: Path) -> None:
    result = run("show", "e1", "--format", "json", data=hostile)
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\r" not in result.stdout
    row = json.loads(result.stdout)
    assert row["location"] == "Moscow\rKyiv\x1b[1A\x1b[2K"
    assert row["summary"] == "Talks.\r\nstatus:       cancelled\nlocation:     Geneva\u202e"


def test_csv_keeps_the_data_exactly_when_piped(run: Callable, hostile: Path) -> None:
    result = run("met", "--format", "csv", data=hostile)
    (row,) = csv.DictReader(io.StringIO(result.stdout, newline=""))
    assert row["location"] == "Moscow\rKyiv\x1b[1A\x1b[2K"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_csv_on_a_terminal_shows_escapes() -> None:
    out = _Terminal()
    write_csv([{"location": "Moscow\rKyiv\x1b[2K", "name": "a\nb"}], out)
    assert out.getvalue() == "location,name\nMoscow\\rKyiv\\x1b[2K,a\\nb\n"
