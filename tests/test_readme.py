"""The README cannot drift from the tool: every command it shows is run, and its output compared."""
from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

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


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of seeds/ for the module, which each example reads through a link named ``seeds`` in its own
    folder: the dataset cache then loads it once, not once an example. No example may change it."""
    folder = tmp_path_factory.mktemp("readme") / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    yield folder
    assert _files(folder) == _files(ROOT / "seeds")


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=[c for c, _ in console_examples()])
def test_readme_example_runs_as_shown(command, expected, tmp_path, monkeypatch, seeds):
    args = shlex.split(command)
    assert args[0] == "timeline"
    (tmp_path / "seeds").symlink_to(seeds, target_is_directory=True)
    shutil.copy(ROOT / "docs" / "example-article.txt", tmp_path)  # the article `timeline draft` reads
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


def test_readme_python_runs(tmp_path, monkeypatch, seeds):
    (tmp_path / "seeds").symlink_to(seeds, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for code in re.findall(r"```python\n(.*?)```", README, flags=re.S):
        exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "output" / "chart.svg").exists() and (tmp_path / "output" / "talks.gexf").exists()
