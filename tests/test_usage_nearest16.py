"""A usage error's "did you mean" is the project's one nearness (timeline.names.closest), as an actor's is: folded
(case and accents), ranked, and silent when nothing is near. Before, difflib: 'SEEDS' beside ./seeds found nothing,
and 'TRETY' was offered 'threat'."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from timeline.cli import cli


def _error(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), prog_name="timeline")
    assert result.exit_code == 2
    return result.stderr


def test_a_missing_path_suggests_the_name_that_differs_only_by_case(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path)
    assert _error("actors", "--data", "SEEDS") == \
        "Error: timeline actors: --data 'SEEDS' does not exist; did you mean 'seeds'? (see 'timeline actors --help')\n"


@pytest.mark.parametrize(("typed", "hint"), [
    ("TRETY", ""),                                    # difflib: 'threat'
    ("meting", "; did you mean 'meeting'?"),
    ("Réunion", ""),
    ("sanctons", "; did you mean 'sanctions'?"),
])
def test_a_choice_suggests_only_a_near_value(typed, hint):
    assert _error("events", "--type", typed) == \
        f"Error: timeline events: --type '{typed}' is not one of the 46 event types listed by 'timeline types'{hint}\n"
