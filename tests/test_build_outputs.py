"""``outputs.remove_ours``: removes what timeline wrote and still holds it, keeps the rest, reads the manifest once."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline import outputs


def _written(folder: Path, name: str, text: str) -> Path:
    with outputs.output_file(folder / name) as path:
        path.write_text(text, encoding="utf-8")
    return folder / name


def test_remove_ours_removes_an_unchanged_file_and_forgets_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = _written(tmp_path, "kept.yaml", "a: 1\n")
    gone = _written(tmp_path, "gone.yaml", "b: 2\n")
    reads = []
    manifest = outputs._manifest
    monkeypatch.setattr(outputs, "_manifest", lambda folder: reads.append(folder) or manifest(folder))
    assert outputs.remove_ours(gone) is True
    assert reads == [tmp_path]  # once, inside the folder's lock
    assert not gone.exists() and kept.exists()
    assert set(outputs._manifest(tmp_path)) == {"kept.yaml"}
    assert outputs.is_ours(kept)


def test_remove_ours_keeps_an_edited_file_and_one_never_written(tmp_path: Path) -> None:
    edited = _written(tmp_path, "edited.yaml", "a: 1\n")
    edited.write_text("a: 2  # the user's\n", encoding="utf-8")
    theirs = tmp_path / "theirs.yaml"
    theirs.write_text("c: 3\n", encoding="utf-8")
    assert outputs.remove_ours(edited) is False
    assert outputs.remove_ours(theirs) is False
    assert edited.read_text(encoding="utf-8") == "a: 2  # the user's\n" and theirs.exists()
    assert set(outputs._manifest(tmp_path)) == {"edited.yaml"}
