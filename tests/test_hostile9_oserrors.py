"""What the operating system refuses and the user can fix (a name too long, a full disk) is one line, exit 1."""
from __future__ import annotations

import errno

import pytest
from conftest import ROOT, SEED

from timeline.errors import os_error_line

LONG = "a" * 300


@pytest.mark.parametrize("args", [("export", "json", "--data", str(SEED), "-o", f"{LONG}.json"),
                                  ("import", str(ROOT / "tests" / "data" / "import" / "polecat_events.tsv"),
                                   "-o", f"{LONG}.yaml")])
def test_a_name_too_long(run, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args, data=None)
    suffix = args[-1][-5:]
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1, f"Error: {'a' * 40}…{'a' * (20 - len(suffix))}{suffix}: File name too long; choose a shorter name")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("code", "line"), [
    (errno.ENOSPC, "out/x.json: No space left on device; free some space, or write elsewhere"),
    (errno.EACCES, "out/x.json: Permission denied; check its permissions, or choose another place"),
    (errno.EROFS, "out/x.json: Read-only file system; choose a place that can be written")])
def test_the_users_to_fix(code, line):
    import os

    assert os_error_line(OSError(code, os.strerror(code), "out/x.json")) == line


def test_any_other_keeps_its_traceback():
    assert os_error_line(OSError(errno.EIO, "Input/output error", "x")) is None
    assert os_error_line(BrokenPipeError(errno.EPIPE, "Broken pipe")) is None
