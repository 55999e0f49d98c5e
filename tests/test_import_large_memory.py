"""A large import: a month past the size a data file may have is written in parts, so the folder loads.

At 100,000 ACLED rows of one month, ``timeline import ... -o DIR/`` wrote one
50 MB month file, over the loader's 32 MB limit, so its own check refused it
and the command exited 1 after writing (issue 18's memory run). The limit
is lowered here (``TIMELINE_MAX_FILE_MB=1``) so that a file of 3,000 rows
(over 2 MB of YAML: three parts of 1 MB at most) shows the same thing in seconds.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT

from timeline.cli import cli
from timeline.dataset import load

ACLED = ROOT / "tests" / "data" / "import" / "acled_2023.csv"
ROWS = 3_000


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ACLED file of :data:`ROWS` rows, all of February 2024 (the fixture's first row, new ids)."""
    header, row = ACLED.read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path_factory.mktemp("large") / "acled-large.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header + "\n")
        for number in range(ROWS):
            handle.write(row.replace("UKR112233", f"UKR{number}") + "\n")
    return path


@pytest.fixture(scope="module")
def imported(large: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """``timeline import LARGE -o DIR/`` at a limit of 1 MB a file, run once a module: (click's Result, DIR).
    Tests copy DIR before they import into it again (the manifest's digests keep the copies timeline's)."""
    out = tmp_path_factory.mktemp("imported") / "acled"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_MAX_FILE_MB", "1")
        result = CliRunner().invoke(cli, ["import", str(large), "-o", f"{out}/"], catch_exceptions=False)
    return result, out


def test_a_month_past_the_size_limit_is_written_in_parts_that_load(run, large: Path, imported: tuple[Result, Path],
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "1")
    result, built = imported
    assert result.exit_code == 0, result.output
    assert f"{ROWS} rows read, {ROWS} events imported, 0 skipped by filter, 0 merged, 0 refused" in result.stdout
    out = tmp_path / "acled"
    shutil.copytree(built, out)
    months = sorted(p.name for p in out.glob("2024-02*.yaml"))
    assert months[0] == "2024-02.part2.yaml" and months[-1] == "2024-02.yaml" and len(months) >= 3
    assert all(p.stat().st_size <= 2**20 for p in out.glob("*.yaml"))
    record = load(out)
    assert len(record.events) == ROWS
    assert [e.id for e in record.events[:2]] == ["acled-ukr0", "acled-ukr1"]  # one day: in id order
    assert run("validate", data=str(out)).exit_code == 0
    again = run("import", str(large), "-o", f"{out}/", data=None)  # the parts are ours: replaced
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.glob("2024-02*.yaml")) == months


def test_a_smaller_import_after_a_larger_removes_the_parts_it_no_longer_writes(run, imported: tuple[Result, Path],
                                                                            tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "1")
    out = tmp_path / "acled"
    shutil.copytree(imported[1], out)
    assert imported[0].exit_code == 0
    result = run("import", str(ACLED), "-o", f"{out}/", data=None)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("2024-02*.yaml")) == ["2024-02.yaml"]
    assert "removed" in result.stderr and "2024-02.part2.yaml" in result.stderr


def test_one_file_past_the_size_limit_is_refused_before_anything_is_written(run, large: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "1")
    out = tmp_path / "acled.yaml"
    result = run("import", str(large), "-o", str(out), data=None)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {out}: the import is 2 MB, over the 1 MB one data file may hold; write it as a folder of files "
        f"(-o {tmp_path / 'acled'}/), or set TIMELINE_MAX_FILE_MB")
    assert "Traceback" not in result.output and not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt, name", [("acled", "acled_2023.csv"), ("ucdp", "ucdp_ged.csv"),
                                       ("icews", "icews_events.tab"), ("timelinejs", "timelinejs_v2.csv"),
                                       ("csv", "tables/events.csv")])
def test_one_file_is_written_in_pieces_as_one_dump_of_the_whole_import(fmt: str, name: str, run,
                                                                       tmp_path: Path) -> None:
    """The file is made block by block (never all in memory) and is byte for byte the whole import's dump,
    with the issues, positions and plans of a project table after the events."""
    from timeline.importers import reader
    from timeline.importers.records import collect
    from timeline.importers.writer import dump, write_yaml

    assert run("export", "csv", "-o", str(tmp_path / "tables"), data=ROOT / "tests" / "data" / "negotiation.yaml"
               ).exit_code == 0
    path = tmp_path / name if name.startswith("tables/") else ACLED.parent / name
    imported = collect(reader(fmt)(path))
    write_yaml(imported, tmp_path / "one.yaml", "# comment\n", "Title")
    assert (tmp_path / "one.yaml").read_text(encoding="utf-8") == "# comment\n" + dump(imported, "Title")
    assert len(imported.events) > 0 and (fmt != "csv" or imported.negotiation.get("positions"))
