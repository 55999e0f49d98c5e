"""``timeline import``: folder output, the output rules, bad layouts in one line, streaming in bounded memory."""
from __future__ import annotations

import tracemalloc

from conftest import ROOT

from timeline.dataset import load
from timeline.importers.acled import read_acled

DATA = ROOT / "tests" / "data" / "import"
ACLED = DATA / "acled_2023.csv"


def test_a_folder_dataset_by_month(run, tmp_path):
    out = tmp_path / "ged"
    result = run("import", str(DATA / "ucdp_ged.csv"), str(ACLED), "-o", f"{out}/", data=None)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".timeline-manifest", "2011-06.yaml", "2011.yaml", "2022-03.yaml", "2024-02.yaml", "2024-03.yaml",
        "actors.yaml", "sources.yaml"]
    assert "dataset: {title: 'Imported from ucdp_ged.csv, acled_2023.csv'}" in \
        (out / "actors.yaml").read_text().splitlines()
    assert [e.id for e in load(out).events if e.date.text.startswith("2024-02")] == \
        ["acled-ukr112240", "acled-ukr112233"]
    again = run("import", str(DATA / "ucdp_ged.csv"), str(ACLED), "-o", f"{out}/", data=None)
    assert again.exit_code == 0, again.output  # our own files: replaced


def test_a_folder_never_overwrites_a_file_timeline_did_not_write(run, tmp_path):
    out = tmp_path / "acled"
    out.mkdir()
    (out / "2024-02.yaml").write_text("# my notes\n")
    result = run("import", str(ACLED), "-o", f"{out}/", data=None)
    assert result.exit_code == 1
    assert "2024-02.yaml" in result.output and "--force" in result.output
    assert (out / "2024-02.yaml").read_text() == "# my notes\n"
    assert not (out / "actors.yaml").exists()  # checked before anything is written


def test_a_folder_inside_the_dataset_is_refused_unless_asked(run, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yaml").write_text("actors:\n  - {id: x, name: X}\n")
    result = run("import", str(ACLED), "-o", f"{data}/acled/", data=data)
    assert result.exit_code == 1
    assert result.output.strip().endswith("write it elsewhere, or pass --into-dataset")
    assert not (data / "acled").exists()
    asked = run("import", str(ACLED), "-o", f"{data}/acled/", "--into-dataset", data=data)
    assert asked.exit_code == 0, asked.output
    assert load(data).event("acled-rus5678").date.text == "2024-03"


def test_an_unknown_layout_names_every_format_s_columns(run, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Date,Who,What\n2025-12-02,Putin,met\n")
    result = run("import", str(path), "-o", str(tmp_path / "x.yaml"), data=None)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    for expected in ("ACLED (actor1, event_date, event_id_cnty, event_type)",
                     "UCDP GED (date_end, date_start, id, side_a, side_b, type_of_violence)",
                     "ICEWS (CAMEO Code, Event Date, Event ID, Source Name, Target Name)",
                     "the TimelineJS template (Year, Month, Day, ..., Headline, Text; or Start Date, Headline)",
                     "the first row has: Date | Who | What"):
        assert expected in lines[0]


def test_a_format_named_wrongly_is_one_line(run, tmp_path):
    result = run("import", str(DATA / "icews_events.tab"), "--format", "acled", "-o", str(tmp_path / "x.yaml"),
                 data=None)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {DATA / 'icews_events.tab'}: none of the first 9 rows holds the columns actor1, event_date, "
        "event_id_cnty, event_type; is it the format named with --format?")


def test_load_takes_several_paths_as_one_dataset(tmp_path):
    (tmp_path / "a.yaml").write_text("actors:\n  - {id: x, name: X, kind: state}\n  - {id: y, name: Y}\n")
    (tmp_path / "b.yaml").write_text("events:\n  - {id: e, type: meeting, date: 2025-01-02, participants: [x, y]}\n")
    assert [e.id for e in load(tmp_path / "a.yaml", tmp_path / "b.yaml").events] == ["e"]


def test_reading_streams_in_bounded_memory(tmp_path):
    """Reading 5,000 ACLED rows holds no more than reading 500: rows are never all in memory."""
    header, row = ACLED.read_text().splitlines()[:2]

    def peak(rows: int) -> int:
        path = tmp_path / f"acled{rows}.csv"
        with path.open("w") as handle:
            handle.write(header + "\n")
            for number in range(rows):
                handle.write(row.replace("UKR112233", f"UKR{number}") + "\n")
        tracemalloc.start()
        count = sum(1 for _ in read_acled(path))
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert count == rows
        return size

    small, large = peak(500), peak(5_000)
    assert large < small * 1.5 + 200_000, (small, large)




def _readme_imports() -> list[tuple[str, list[str]]]:
    """Each ``timeline import tests/data/...`` line of the README's section on importing, with its ``#`` output."""
    import re

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Bringing your material in")[1]
    section = section.split("\n## ")[0]
    found = []
    for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S):
        for chunk in re.split(r"^(?=timeline )", block, flags=re.M):
            command, _, shown = chunk.partition("\n")
            if command.startswith("timeline import tests/data/import/"):
                found.append((command, [line[2:] for line in shown.splitlines() if line.startswith("# ")]))
    return found


def test_the_readme_shows_an_import_of_every_format():
    shown = " ".join(command for command, _ in _readme_imports())
    for name in ("acled", "ucdp", "icews", "timelinejs"):
        assert f"tests/data/import/{name}" in shown


def test_the_readme_import_examples_print_what_they_show(tmp_path, monkeypatch):
    import shlex
    import shutil

    from click.testing import CliRunner

    from timeline.cli import cli

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    for command, shown in _readme_imports():
        result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
        assert result.exit_code == 0, (command, result.output)
        assert [*result.stderr.splitlines(), *result.stdout.splitlines()] == shown, command


def _broken_workbook(path):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not xml")


def test_hostile_files_get_one_line(run, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "garbage.bin").write_bytes(bytes(range(256)) * 20)
    _broken_workbook(tmp_path / "broken.xlsx")
    cases = [
        ("empty.csv", "auto", "empty.csv: no rows: the file is empty; export the table again"),
        ("empty.csv", "acled", "empty.csv: the file has no rows, so none holds the columns actor1, event_date"),
        ("empty.csv", "xlsx", "empty.csv: not a readable .xlsx workbook (InvalidFileException"),
        ("garbage.bin", "auto", "garbage.bin: a binary file, not text; give a CSV or tab-separated table"),
        ("garbage.bin", "ucdp", "garbage.bin: a binary file, not text; give a CSV or tab-separated table"),
        ("broken.xlsx", "auto", "broken.xlsx: not a readable .xlsx workbook (KeyError"),
        ("broken.xlsx", "timelinejs", "broken.xlsx: not a readable .xlsx workbook (KeyError"),
    ]
    for name, fmt, expected in cases:
        result = run("import", str(tmp_path / name), "--format", fmt, "-o", str(tmp_path / "out.yaml"), data=None)
        last = result.output.strip().splitlines()[-1]
        assert result.exit_code == 1 and "Traceback" not in result.output, (name, fmt, result.output)
        assert last.startswith(f"Error: {tmp_path / expected}"), (name, fmt, last)
        assert not (tmp_path / "out.yaml").exists()


def test_a_folder_keeps_issues_positions_and_plans_in_their_own_files(run, tmp_path):
    source = ROOT / "tests" / "data" / "negotiation.yaml"
    assert run("export", "csv", "-o", str(tmp_path / "tables"), data=source).exit_code == 0
    out = tmp_path / "back"
    result = run("import", str(tmp_path / "tables" / "events.csv"), "-o", f"{out}/", data=None)
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"actors.yaml", "issues.yaml", "positions.yaml", "plans.yaml"} <= names
    original, again = load(source), load(out)
    assert (again.issues, again.positions, again.plans) == (original.issues, original.positions, original.plans)


def test_a_new_import_removes_the_months_an_earlier_one_wrote_and_keeps_edited_ones(run, tmp_path):
    out = tmp_path / "record"
    first = run("import", str(DATA / "ucdp_ged.csv"), str(ACLED), "-o", f"{out}/", data=None)
    assert first.exit_code == 0, first.output
    (out / "2011.yaml").write_text((out / "2011.yaml").read_text() + "# my note\n")
    again = run("import", str(ACLED), "-o", f"{out}/", data=None)  # ACLED alone: 2024 only
    assert sorted(p.name for p in out.iterdir()) == [
        ".timeline-manifest", "2011.yaml", "2024-02.yaml", "2024-03.yaml", "actors.yaml", "sources.yaml"]
    assert f"removed {out / '2011-06.yaml'}: written by an earlier import, not by this one" in again.stderr
    assert f"removed {out / '2022-03.yaml'}: written by an earlier import, not by this one" in again.stderr
    assert f"kept {out / '2011.yaml'}: written by an earlier import and edited since" in again.stderr
    assert (out / "2011.yaml").read_text().endswith("# my note\n")
    assert "2011-06.yaml" not in (out / ".timeline-manifest").read_text()
