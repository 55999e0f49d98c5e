"""Every command that writes files checks its -o before any work: a place it could not write (under a file, under
a broken link, a name too long) or a file it must not replace (the user's, a broken link) is refused in one line
(the path, what is wrong, the fix), exit 1, before the data are even read; the user's file is left as it was.

Before: `render timeline -o afile/chart.png` drew the whole chart (16 s on the 2025 record) and only then failed;
`html` read the record and failed on a broken link. Here the data given are broken, so a command that did the work
first says so instead of naming the output.
"""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from cli_commands import every_command
from click.testing import CliRunner

from timeline.cli import cli

DATA = Path(__file__).parent / "data"
#: Each command that writes files: its arguments before -o, and whether -o names a folder.
WRITERS = {
    "render timeline": (["render", "timeline"], "chart.png", False),
    "render graph": (["render", "graph"], "graph.png", False),
    "render positions": (["render", "positions"], "positions.png", False),
    "render lineage": (["render", "lineage"], "lineage.png", False),
    "export file": (["export", "gexf"], "actors.gexf", False),
    "export folder": (["export", "csv"], "tables/", True),
    "html": (["html"], "index.html", False),
    "build": (["build"], "site/", True),
    "draft": (["draft", "{article}", "--published", "2025-12-03"], "drafts.yaml", False),
    "import file": (["import", str(DATA / "import" / "acled_2023.csv")], "imported.yaml", False),
    "import folder": (["import", str(DATA / "import" / "acled_2023.csv")], "imported/", True),
}


def test_every_command_with_an_output_is_checked_here():
    written = {" ".join(path) for path, command in every_command()
               if any(isinstance(p, click.Option) and "--output" in p.opts for p in command.params)}
    assert written == {" ".join(args[:2]) if args[0] in ("render",) else args[0] for args, _, _ in WRITERS.values()}


def _run(tmp_path: Path, writer: str, output: str, *more: str) -> tuple[int, str]:
    args, _, _ = WRITERS[writer]
    (tmp_path / "article.txt").write_text("Witkoff met Putin in Moscow on Tuesday.\n")
    (tmp_path / "broken.yaml").write_text("events:\n  - {id: e1, type: meting, date: 2025-12-02}\n")
    argv = [a.format(article=tmp_path / "article.txt") for a in args]
    result = CliRunner().invoke(cli, [*argv, "-o", output, *more, "--data", str(tmp_path / "broken.yaml")],
                                prog_name="timeline")
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stderr


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("place", ["under a file", "under a broken link"])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(tmp_path, writer, place):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    name = WRITERS[writer][1]
    where = tmp_path / ("notes.txt" if place == "under a file" else "gone")
    code, err = _run(tmp_path, writer, f"{where}/{name}")
    why = "is a file, not a folder; choose another place with -o" if place == "under a file" else \
        f"is a broken link (to '{tmp_path / 'nowhere'}'); restore what it points to, or choose another place with -o"
    assert (code, err) == (1, f"Error: cannot write {where / name.rstrip('/')}: {where} {why}\n")


@pytest.mark.parametrize("writer", [w for w, (_, _, folder) in WRITERS.items() if not folder])
def test_a_file_the_user_wrote_is_left_alone_before_any_work(tmp_path, writer):
    mine = tmp_path / WRITERS[writer][1]
    mine.write_text("mine")
    code, err = _run(tmp_path, writer, str(mine))
    assert (code, err) == (1, f"Error: {mine} exists and was not written by timeline; choose another path with -o, "
                              "or pass --force to replace it\n")
    assert mine.read_text() == "mine"
    link = tmp_path / f"link-{mine.name}"
    link.symlink_to(tmp_path / "nowhere")
    code, err = _run(tmp_path, writer, str(link))
    assert (code, err) == (1, f"Error: {link} is a broken link (to '{tmp_path / 'nowhere'}'), and timeline writes "
                              "through no link; choose another path with -o, or pass --force to replace the link\n")


@pytest.mark.parametrize("writer", ["render timeline", "build", "draft"])
def test_force_is_read_before_the_output_whatever_their_order(tmp_path, writer):
    """--force given after -o still lets the output be replaced: the check passes, and the broken data are reached."""
    name = WRITERS[writer][1].rstrip("/")
    (tmp_path / name).write_text("mine") if not WRITERS[writer][2] else (tmp_path / name).mkdir()
    code, err = _run(tmp_path, writer, str(tmp_path / name), "--force")
    assert code == 1 and "broken.yaml" in err and "written by timeline" not in err


@pytest.mark.parametrize("writer", ["render timeline", "build"])
def test_a_name_too_long_is_refused_before_any_work(tmp_path, writer):
    long = "x" * 300
    code, err = _run(tmp_path, writer, str(tmp_path / long / "chart.png"))
    assert code == 1 and err.endswith(f"the name '{long[:40]}'... is longer than the 255 bytes a name may have there; "
                                      "choose a shorter one with -o\n")
