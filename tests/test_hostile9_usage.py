"""Usage errors of every command are one line: the command, what is wrong, the nearest valid value; exit 2."""
from __future__ import annotations

import click
import pytest
from cli_commands import every_command
from click.testing import CliRunner

from timeline.cli import cli

COMMANDS = list(every_command())
CHOICES = [(path, max(p.opts, key=len)) for path, command in COMMANDS for p in command.params
           if isinstance(p, click.Option) and isinstance(p.type, click.Choice)]


def _error(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="timeline")
    return result.exit_code, result.stderr


def test_every_command_is_walked():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"events", "met", "gaps", "import", "render timeline", "render graph", "export", "draft"} <= names
    assert len(CHOICES) >= 10


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=" ".join)
def test_an_unknown_option_is_one_line(path):
    code, err = _error(*path, "--no-such-option")
    assert code == 2
    assert err == f"Error: timeline {' '.join(path)}: No such option '--no-such-option' " \
                  f"(see 'timeline {' '.join(path)} --help')\n"


@pytest.mark.parametrize(("path", "option"), CHOICES, ids=lambda x: " ".join(x) if isinstance(x, tuple) else x)
def test_every_choice_refused_in_one_line(path, option):
    code, err = _error(*path, option, "zzz")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"Error: timeline {' '.join(path)}: {option} 'zzz' is not one "
                                                   "of "), err


def test_a_type_names_the_nearest_and_where_all_are_listed():
    assert _error("events", "--type", "meting") == (2, "Error: timeline events: --type 'meting' is not one of the 46 "
                                                       "event types listed by 'timeline types'; did you mean "
                                                       "'meeting'?\n")
    assert _error("events", "--type", "nope") == (2, "Error: timeline events: --type 'nope' is not one of the 46 "
                                                     "event types listed by 'timeline types'\n")
    assert _error("import", "x", "--format", "polcat", "-o", "y") == (
        2, "Error: timeline import: --format 'polcat' is not one of the 10 values listed by 'timeline import --help'; "
           "did you mean 'polecat'?\n")


def test_a_short_choice_list_is_given_whole():
    assert _error("export", "csv", "--group-by", "tpye") == (
        2, "Error: timeline export: --group-by 'tpye' is not one of 'type', 'side'; did you mean 'type'? "
           "(see 'timeline export --help')\n")


def test_a_missing_path_names_the_nearest_name_beside_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    assert _error("met", "--data", "/no/such/path") == (
        2, "Error: timeline met: --data '/no/such/path' does not exist; check the path (see 'timeline met --help')\n")
    assert _error("met", "--data", "seds") == (
        2, "Error: timeline met: --data 'seds' does not exist; did you mean 'seeds'? (see 'timeline met --help')\n")


def test_an_unknown_command_and_a_missing_argument():
    assert _error("evnts") == (2, "Error: timeline: No such command 'evnts'; did you mean 'events'? "
                                  "(see 'timeline --help')\n")
    assert _error("render", "tmeline") == (2, "Error: timeline render: No such command 'tmeline'; did you mean "
                                              "'timeline'? (see 'timeline render --help')\n")
    assert _error("path") == (2, "Error: timeline path: Missing argument 'ACTOR' (see 'timeline path --help')\n")


def test_control_characters_typed_stay_visible():
    code, err = _error("events", "--type", "a\x1b[31mb")
    assert (code, err) == (2, "Error: timeline events: --type 'a\\x1b[31mb' is not one of the 46 event types listed "
                              "by 'timeline types'\n")


@pytest.mark.parametrize("path", [(), ("render",)])
def test_a_group_run_bare_still_shows_its_help(path):
    result = CliRunner().invoke(cli, list(path), prog_name="timeline")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Usage: timeline {' '.join((*path, ''))}[OPTIONS] COMMAND [ARGS]...\n")


def test_the_command_list_says_what_import_does():
    listing = CliRunner().invoke(cli, ["--help"], prog_name="timeline").stdout
    assert "  import     Turn spreadsheets and event-data files into YAML to review.\n" in listing


def test_a_letter_or_two_suggests_nothing_a_part_of_a_name_does():
    assert _error("events", "--type", "x")[1] == ("Error: timeline events: --type 'x' is not one of the 46 event types "
                                                  "listed by 'timeline types'\n")
    assert _error("events", "--type", "sanction")[1].endswith("did you mean 'sanctions' or 'sanctions_eased'?\n")
