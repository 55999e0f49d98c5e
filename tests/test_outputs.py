"""The output folder: no writing through links, an atomic and locked manifest, clear lines for broken ones."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from timeline.outputs import (
    MANIFEST,
    OutputBusy,
    OutputError,
    OutputExists,
    check_writable,
    folder_lock,
    generated_files,
    is_ours,
    output_file,
)

VICTIM = "export PATH=/usr/bin\n"


def _broken(out: Path, what: str) -> str:
    """The message for a manifest in ``out`` that ``what``."""
    return (f"{out / MANIFEST} {what}, so timeline cannot tell which files there it wrote; "
            f"remove it (rm -r {out / MANIFEST}) and run again with --force, which replaces the files of the same "
            "names there")


def _write(path: Path, text: str, force: bool = False) -> None:
    with output_file(path, force) as tmp:
        tmp.write_text(text, encoding="utf-8")


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim" / "bashrc"
    path.parent.mkdir()
    path.write_text(VICTIM, encoding="utf-8")
    return path


def test_a_manifest_that_is_a_link_is_refused_and_the_victim_unchanged(tmp_path: Path, victim: Path) -> None:
    out = tmp_path / "repo" / "output"
    out.mkdir(parents=True)
    (out / MANIFEST).symlink_to(Path("../../victim/bashrc"))
    with pytest.raises(OutputError) as caught:
        _write(out / "chart.svg", "<svg/>")
    assert str(caught.value) == _broken(out, "is a symbolic link, which timeline never writes")
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert not (out / "chart.svg").exists()


def test_a_file_that_is_a_link_is_never_ours_and_force_replaces_the_link_not_its_target(
        tmp_path: Path, victim: Path) -> None:
    out = tmp_path / "output"
    _write(out / "chart.svg", "<svg/>")
    (out / "chart.svg").unlink()
    (out / "chart.svg").symlink_to(victim)  # the manifest's digest is of '<svg/>', the link's target differs
    assert not is_ours(out / "chart.svg")
    with pytest.raises(OutputExists):
        _write(out / "chart.svg", "<svg>2</svg>")
    _write(out / "chart.svg", "<svg>2</svg>", force=True)
    assert not (out / "chart.svg").is_symlink()
    assert (out / "chart.svg").read_text(encoding="utf-8") == "<svg>2</svg>"
    assert victim.read_text(encoding="utf-8") == VICTIM


def test_a_dangling_link_in_the_way_is_not_ours(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / "chart.svg").symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputExists):
        check_writable(out / "chart.svg")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(("make", "what"), [
    (lambda m: m.write_bytes(b"\xff\xfe  chart.svg\n"), "is not UTF-8 text (byte 0)"),
    (lambda m: m.mkdir(), "is a folder"),
    (lambda m: m.write_text("deadbeef  chart.svg\n"), "line 1 is not '<sha256>  <name>'"),
])
def test_a_broken_manifest_is_one_line_with_the_fix(tmp_path: Path, make, what: str) -> None:
    out = tmp_path / "output"
    out.mkdir()
    make(out / MANIFEST)
    with pytest.raises(OutputError) as caught:
        _write(out / "chart.svg", "<svg/>")
    assert str(caught.value) == _broken(out, what)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_manifest_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "output"
    _write(out / "chart.svg", "<svg/>")
    (out / MANIFEST).chmod(0)
    with pytest.raises(OutputError, match=r"cannot be read \(Permission denied\), so timeline cannot tell"):
        generated_files(out)


def test_a_broken_manifest_on_the_command_line(run, tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / MANIFEST).write_bytes(b"\x80")
    result = run("export", "json", "-o", str(out / "timeline.json"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {_broken(out, 'is not UTF-8 text (byte 0)')}\n"


def test_the_manifest_is_replaced_whole_and_lists_only_what_is_there(tmp_path: Path) -> None:
    out = tmp_path / "output"
    _write(out / "a.txt", "one")
    _write(out / "b.txt", "two")
    _write(out / "a.txt", "three")
    assert sorted(generated_files(out)) == ["a.txt", "b.txt"]
    assert [is_ours(out / name) for name in ("a.txt", "b.txt")] == [True, True]
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "a.txt", "b.txt"]


def test_a_run_killed_between_rename_and_record_leaves_its_file_ours(tmp_path: Path) -> None:
    """The manifest lists the old and new digest while the rename happens: either content is ours."""
    out = tmp_path / "output"
    _write(out / "a.txt", "old")
    old = (out / MANIFEST).read_text(encoding="utf-8").split()[0]
    new = "4ca3b3f1d8b8c4ee8b4b08d1e2c4f2a3d3b3a8b3b2a6c3d7e2b1c0f9e8d7c6b5"
    (out / MANIFEST).write_text(f"{old}  a.txt\n{new}  a.txt\n", encoding="utf-8")
    assert is_ours(out / "a.txt")
    assert generated_files(out) == {"a.txt": new}


def test_leftover_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    leftovers = [out / ".chart.svg.timeline-tmp-k3j2h1.svg", out / f"{MANIFEST}.timeline-tmp-a8b7c6"]
    for path in leftovers:
        path.write_text("half", encoding="utf-8")
    (out / "notes.timeline-tmp-of-mine.txt").write_text("mine", encoding="utf-8")  # not hidden: not ours
    _write(out / "chart.svg", "<svg/>")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "chart.svg", "notes.timeline-tmp-of-mine.txt"]


def test_a_second_writer_waits_for_the_lock_then_says_the_folder_is_busy(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    other = os.open(out, os.O_RDONLY | os.O_DIRECTORY)  # another process's lock, as far as flock is concerned
    fcntl.flock(other, fcntl.LOCK_EX)
    try:
        with pytest.raises(OutputBusy) as caught, folder_lock(out, wait=0.2):
            pass
    finally:
        os.close(other)
    assert str(caught.value) == (f"{out} is busy: another timeline run is writing into it; "
                                 "wait for it to finish, or choose another folder with -o")
    with folder_lock(out, wait=0), folder_lock(out, wait=0):  # free again, and re-entrant
        pass


def test_a_file_in_place_of_the_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        _write(tmp_path / "file" / "chart.svg", "<svg/>")
    assert str(caught.value) == (f"cannot write {tmp_path / 'file'}/: it is a file, not a folder; "
                                 "choose another place with -o")
