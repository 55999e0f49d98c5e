"""The command line's edges: a date option names itself when refused, a closed pipe ends quietly, a workbook
is never printed on a terminal."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import click
import pytest
from cli_commands import every_command
from click.testing import CliRunner

from timeline.cli import cli
from timeline.cli.options import readable_date

SEEDS = str(Path(__file__).parents[1] / "seeds")
DATE_OPTIONS = [(path, max(p.opts, key=len)) for path, command in every_command() for p in command.params
                if isinstance(p, click.Option) and p.metavar == "DATE"]


def test_every_date_option_is_read_where_it_is_given():
    assert len(DATE_OPTIONS) >= 15
    unchecked = [(" ".join(path), flag) for path, command in every_command() for p in command.params
                 for flag in [max(p.opts, key=len)] if p.metavar == "DATE" and p.callback is not readable_date]
    assert unchecked == [("draft", "--published")]   # draft reads it itself, naming it (test_draft_cli)


@pytest.mark.parametrize(("path", "option"), [c for c in DATE_OPTIONS if c[0] != ("draft",)],
                         ids=lambda x: " ".join(x) if isinstance(x, tuple) else x)
def test_an_unreadable_date_names_its_option(path, option):
    result = CliRunner().invoke(cli, [*path, option, "2025-13"], prog_name="timeline")
    command = " ".join(path)
    assert (result.exit_code, result.stderr) == (
        2, f"Error: timeline {command}: {option}: there is no month 13 in '2025-13' (e.g. '2025-12') "
           f"(see 'timeline {command} --help')\n")


def test_words_are_refused_with_an_example_of_what_is_read():
    result = CliRunner().invoke(cli, ["met", "--until", "the day after", "--data", SEEDS], prog_name="timeline")
    assert (result.exit_code, result.stderr) == (
        2, "Error: timeline met: --until: cannot read the date 'the day after' (e.g. '2 Dec 2025' or '2025-12') "
           "(see 'timeline met --help')\n")


def _timeline(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "timeline", *args, "--data", SEEDS], stderr=subprocess.PIPE,
                            **kwargs)


@pytest.mark.parametrize("args", [("export", "gexf", "-o", "-"), ("events", "--format", "csv")])
def test_a_reader_that_stops_reading_ends_the_command_quietly(args):
    """As `timeline export gexf -o - | head -1`: no message, the status of a program stopped by SIGPIPE."""
    process = _timeline(*args, stdout=subprocess.PIPE)
    assert process.stdout.read(64)   # the output (0.1-0.5 MB, written in many pieces) is far past a pipe's buffer (64 KB)
    process.stdout.close()
    assert process.wait(60) == 141
    assert process.stderr.read() == b""


def test_a_workbook_is_not_printed_on_a_terminal(tmp_path):
    main, terminal = pty.openpty()
    try:
        process = _timeline("export", "xlsx", "-o", "-", stdout=terminal)
        assert process.wait(60) == 1
        assert process.stderr.read().decode() == (
            "Error: xlsx is a binary file, not for a terminal: give a file with -o (-o timeline.xlsx), or send "
            "standard output to one (> timeline.xlsx)\n")
    finally:
        os.close(main)
        os.close(terminal)


def test_a_workbook_goes_to_a_file_standard_output_is_sent_to(tmp_path):
    with open(tmp_path / "out.xlsx", "wb") as out:
        process = _timeline("export", "xlsx", "-o", "-", stdout=out)
        assert process.wait(60) == 0
    assert (tmp_path / "out.xlsx").read_bytes()[:4] == b"PK\x03\x04"


FILE_WRITERS = [path for path, command in every_command() for p in command.params
                if "--output" in p.opts and not getattr(p.type, "allow_dash", False)]


def test_every_command_that_writes_files_is_walked():
    assert {"html", "build", "import", "draft", "render timeline", "render graph"} <= {" ".join(p) for p in FILE_WRITERS}
    assert ("export",) not in FILE_WRITERS   # export writes - to standard output


@pytest.mark.parametrize("path", FILE_WRITERS, ids=" ".join)
def test_a_dash_is_not_taken_for_a_file_name(path, tmp_path, monkeypatch):
    """`timeline html -o -` wrote a 1.4 MB file named '-' (and `draft -o -` one of YAML) where a user meant the screen."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*path, "-o", "-"], prog_name="timeline")
    command = " ".join(path)
    assert (result.exit_code, result.stderr) == (
        2, f"Error: timeline {command}: --output: '-' (standard output) is not written by this command, which "
           f"writes files; give a file or folder name (see 'timeline {command} --help')\n")
    assert list(tmp_path.iterdir()) == []
