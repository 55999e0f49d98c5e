"""Fault tests of the output folder: builds killed at random moments, and two builds at once.

Each test runs real ``timeline build`` processes on a two-event dataset (so a
build takes seconds), then checks that the folder builds again without
``--force`` and that the user's own files in it are unchanged. The processes
are forked from one that has imported timeline (tests/forked.py), so a kill
lands in the build itself, not in Python's start-up.
"""
from __future__ import annotations

import os
import random
import subprocess
import time
from pathlib import Path

import pytest
from conftest import TWO_PEOPLE
from forked import Timeline

from timeline.build import steps
from timeline.dataset import load
from timeline.outputs import MANIFEST, TEMP_MARK, generated_files, is_ours

#: Builds killed (~3 s of CPU each once forked), each in its own step of the build, spread over them all, at a random
#: moment of it (twelve at random moments of a build's measured length before: 72 s in CI, and a kill that landed after
#: the build had ended was tried again).
KILLS = 8
ROUNDS = 5
USER_FILES = {"notes.md": "# my notes\n", "tables/mine.csv": "a,b\n1,2\n", "timeline.png.bak": "not ours\n"}


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, Path]:
    """A dataset and an output folder already holding the user's own files."""
    data = tmp_path / "tiny.yaml"
    data.write_text(TWO_PEOPLE, encoding="utf-8")
    out = tmp_path / "output"
    for name, text in USER_FILES.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return data, out


def _start(data: Path, out: Path, quiet: bool = True) -> Timeline:
    """``timeline build --data DATA -o OUT -q`` started (``quiet``: without -q, a progress line per step on standard
    error); its streams kept beside the dataset."""
    return Timeline(["build", "--data", str(data), "-o", str(out), *["-q"] * quiet], data.parent)


def _build(data: Path, out: Path) -> float:
    """Build once, as the user would after the faults (no --force); the seconds it took."""
    started = time.monotonic()
    process = _start(data, out)
    stdout, stderr = process.communicate(timeout=300)
    assert (process.returncode, stderr) == (0, ""), stdout
    return time.monotonic() - started


def _assert_sound(out: Path) -> None:
    """Every file the manifests list that is present is timeline's; the user's files are untouched."""
    for folder in (out, out / "tables"):
        for name in generated_files(folder):
            if os.path.lexists(folder / name):
                assert is_ours(folder / name), folder / name
    for name, text in USER_FILES.items():
        assert (out / name).read_text(encoding="utf-8") == text


def _assert_clean(out: Path) -> None:
    """No temporary file is left behind."""
    assert [p.name for p in out.rglob(f"*{TEMP_MARK}*")] == []


def test_builds_killed_at_random_moments_leave_a_folder_that_builds_again(folder: tuple[Path, Path]) -> None:
    data, out = folder
    _build(data, out)   # the folder holds timeline's files: the killed builds replace them
    total = len(steps(load(data)))
    rng = random.Random(20251202)
    for step in (1 + k * (total - 3) // (KILLS - 1) for k in range(KILLS)):   # the first step to the last but two
        for _ in range(3):   # a kill lands in the step unless the step ends within the random moment
            process = _start(data, out, quiet=False)
            while process.poll() is None and not process.said(f"[{step:>2}/{total}]"):   # the step begun
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.1))   # a random moment from the step's start, the kill's
            landed = process.poll() is None
            process.kill()
            process.communicate()
            _assert_sound(out)
            if landed:
                break
        assert landed, f"no kill landed after step {step} of the build began, while it ran"
    _build(data, out)
    _assert_sound(out)
    _assert_clean(out)
    assert (out / MANIFEST).is_file()


def test_two_builds_at_once_both_succeed(folder: tuple[Path, Path]) -> None:
    data, out = folder
    for _ in range(ROUNDS):
        processes = [_start(data, out), _start(data, out)]
        results = [(p.wait(timeout=600), p.communicate()[1]) for p in processes]
        assert results == [(0, ""), (0, "")]
        _assert_sound(out)
        _assert_clean(out)
    _build(data, out)


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real file system of 64 KiB (tmpfs), grown later with :func:`_grow`; skipped where mounting is not allowed."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                                           capture_output=True).returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("CI runs as root and should be able to mount a tmpfs for the full-disk test")
        pytest.skip("mounting a small tmpfs needs root")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _grow(mount_point: Path, size: str) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(mount_point)], check=True)


@pytest.mark.parametrize("size", ["64k", "160k", "400k", "1m"])
def test_a_full_disk_at_any_step_fails_with_one_line_and_the_next_build_completes(tiny_disk: Path, tmp_path: Path,
                                                                               size: str) -> None:
    data = tmp_path / "tiny.yaml"
    data.write_text(TWO_PEOPLE, encoding="utf-8")
    out = tiny_disk / "output"
    out.mkdir()
    (out / "notes.md").write_text("# my notes\n", encoding="utf-8")
    _grow(tiny_disk, size)
    process = _start(data, out)
    stdout, stderr = process.communicate(timeout=300)
    lines = stderr.strip().splitlines()
    assert process.returncode == 1, stdout
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in stderr, stderr
    assert "No space left on device" in lines[0] or "disk is full" in lines[0], lines[0]
    _grow(tiny_disk, "64m")
    _build(data, out)   # no --force: every file the full disk left behind is recognised as timeline's
    assert (out / "notes.md").read_text(encoding="utf-8") == "# my notes\n"
    _assert_clean(out)
    for name in generated_files(out):
        assert is_ours(out / name), name
