"""The README cannot drift from the tool: every command it shows is run, and its output compared."""
from __future__ import annotations

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

from timeline.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_examples() -> list[tuple[str, str]]:
    """Each ``$ timeline ...`` line of the README's console blocks, with the output shown under it."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.startswith("$ "):
                command, _, output = chunk[2:].partition("\n")
                examples.append((command, output))
    return examples


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=[c for c, _ in console_examples()])
def test_readme_example_runs_as_shown(command, expected, tmp_path, monkeypatch):
    args = shlex.split(command)
    assert args[0] == "timeline"
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data")  # the made-up negotiation of #15's examples
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIMELINE_DATA", raising=False)
    result = CliRunner().invoke(cli, args[1:], prog_name="timeline", env={"COLUMNS": "100"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = [line.rstrip() for line in expected.rstrip("\n").splitlines()]
    actual = [line.rstrip() for line in result.stdout.rstrip("\n").splitlines()]
    if shown[-1:] == ["..."]:       # the README shows only the first lines
        shown, actual = shown[:-1], actual[:len(shown) - 1]
    assert actual == shown


def test_readme_shows_every_command():
    commands = {c.split()[1] for c, _ in console_examples()}
    assert set(cli.list_commands(None)) <= commands


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```bash\n(.*?)```", README, flags=re.S).group(1).splitlines()
    assert first_block[0].endswith("pip install . && timeline build")
    # editable: the doctests run from this checkout's timeline/ (and its conftest), which must be the one imported
    assert first_block[1].endswith("pip install -e '.[test]' && pytest -n auto")


def test_readme_python_runs(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for code in re.findall(r"```python\n(.*?)```", README, flags=re.S):
        exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "output" / "chart.svg").exists() and (tmp_path / "output" / "talks.gexf").exists()
