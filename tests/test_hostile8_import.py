"""Round-8 review: hostile files given to ``timeline import`` get one line, exit 1, and nothing overwritten."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED

ROW = ("id,type,date,participants,source,target,status,summary\n"
       "e1,meeting,2025-12-02,putin; witkoff,,,occurred,{summary}\n")


def _events_csv(folder: Path, text: str, encoding: str) -> Path:
    path = folder / "events.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding, summary", [("latin-1", "Réunion à Moscou"), ("cp1251", "Встреча в Москве")])
def test_a_table_not_in_utf8_is_refused_at_its_line_not_garbled(run, tmp_path, encoding, summary):
    path = _events_csv(tmp_path, ROW.format(summary=summary), encoding)
    byte = summary.encode(encoding)[next(i for i, c in enumerate(summary) if not c.isascii())]
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (f"Error: {path}:2: byte 0x{byte:02x} is not UTF-8; save the file as "
                                              "UTF-8 (from Excel: 'CSV UTF-8')")
    assert not (tmp_path / "out.yaml").exists()


def test_a_non_utf8_plover_file_is_refused_at_its_line(run, tmp_path):
    path = tmp_path / "events.json"
    path.write_bytes('[\n{"event": "CONSULT", "text": "Réunion"}\n]'.encode("latin-1"))
    result = run("import", str(path), "--format", "plover", "-o", str(tmp_path / "out.yaml"), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: {path}:2: byte 0xe9 is not UTF-8; save the file as UTF-8"


@pytest.mark.parametrize("separator", [",", "\t"])
def test_the_project_table_in_utf16_with_its_mark_is_read(run, tmp_path, separator):
    text = ROW.format(summary="Встреча").replace(",", separator)
    path = _events_csv(tmp_path, text, "utf-16")
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), "--data", str(SEED), data=None)
    assert result.exit_code == 0, result.output
    assert "  summary: Встреча\n" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_the_output_cannot_be_the_file_imported(run, tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(ROW.format(summary="Talks"), encoding="utf-8")
    before = path.read_bytes()
    result = run("import", str(path), "--format", "csv", "-o", str(path), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {path} is the file being imported: writing there would replace "
                                          "it; choose another -o"]
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["events.csv", "out.json", "out"])
def test_the_output_must_be_named_as_a_data_file(run, tmp_path, name):
    source = _events_csv(tmp_path, ROW.format(summary="Talks"), "utf-8")
    before = source.read_bytes()
    output = tmp_path / name
    result = run("import", str(source), "-o", str(output), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {output}: the import is a YAML dataset file; name it .yaml "
                                          f"(-o {output.with_suffix('.yaml')}), or give a folder ending in /"]
    assert source.read_bytes() == before
