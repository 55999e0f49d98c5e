"""Which files make a dataset: nothing passed over without a line, nothing read that is not a file."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.cli import cli
from timeline.dataset import DatasetError, data_files, load

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "actors:\n  - {{id: {0}}}\n"


def problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder anyone may enter, so that an unprivileged user can be tried on it."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-test-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def problems_unprivileged(path: Path) -> list[str]:
    """The problems of loading ``path`` as a user without privileges (root reads every file)."""
    if os.geteuid() != 0:
        return problems(path)
    code = ("import sys\nfrom timeline.dataset import DatasetError, load\n"
            "try:\n    load(sys.argv[1])\nexcept DatasetError as error:\n"
            "    print('\\n'.join(map(str, error.problems)))\n")
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                             code, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    return result.stdout.splitlines()


def test_extensions_are_matched_in_any_case(tmp_path):
    (tmp_path / "A.YAML").write_text(ACTOR.format("a"))
    (tmp_path / "b.Yml").write_text(ACTOR.format("b"))
    (tmp_path / "notes.txt").write_text("not data")
    assert [p.name for p in data_files(tmp_path)] == ["A.YAML", "b.Yml"]
    assert list(load(tmp_path).actors) == ["a", "b"]
    assert list(load(tmp_path / "A.YAML").actors) == ["a"]


def test_an_unreadable_subfolder_and_file_each_get_a_line(shared_tmp):
    (shared_tmp / "a.yaml").write_text(ACTOR.format("a"))
    (shared_tmp / "secret").mkdir()
    (shared_tmp / "secret" / "b.yaml").write_text(ACTOR.format("b"))
    (shared_tmp / "c.yaml").write_text(ACTOR.format("c"))
    (shared_tmp / "secret").chmod(0)
    (shared_tmp / "c.yaml").chmod(0)
    assert problems_unprivileged(shared_tmp) == [
        f"{shared_tmp}/secret: cannot read this folder (Permission denied); its files were not loaded: "
        "fix its permissions",
        f"{shared_tmp}/c.yaml: cannot read: Permission denied"]


def test_a_broken_link_and_a_linked_folder_each_get_a_line(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.yaml").write_text(ACTOR.format("b"))
    (tmp_path / "data" / "a.yaml").write_text(ACTOR.format("a"))
    (tmp_path / "data" / "gone.yaml").symlink_to("../missing.yaml")
    (tmp_path / "data" / "more").symlink_to(tmp_path / "elsewhere")
    assert problems(tmp_path / "data") == [
        f"{tmp_path}/data/more: a link to a folder, which is not followed; move or copy its files into the "
        "dataset, or load that folder itself",
        f"{tmp_path}/data/gone.yaml: a broken link (to ../missing.yaml); restore what it points to, or delete it"]


def test_a_link_to_a_file_is_read(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "shared-actors.yaml").write_text(ACTOR.format("a"))
    (tmp_path / "data" / "actors.yaml").symlink_to(tmp_path / "shared-actors.yaml")
    assert list(load(tmp_path / "data").actors) == ["a"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_at_once_with_one_line(run, device):
    result = run("validate", device, data=None)
    assert (result.exit_code, result.output) == (
        1, f"Error: {device}: not a regular file or folder (a device, pipe or socket); point --data at a dataset "
           "file or folder\n")


def test_a_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "feed.yaml"
    os.mkfifo(fifo)
    assert problems(fifo) == [f"{fifo}: not a regular file or folder (a device, pipe or socket); point --data at "
                              "a dataset file or folder"]
    (tmp_path / "a.yaml").write_text(ACTOR.format("a"))
    assert problems(tmp_path) == [f"{fifo}: not a regular file (a device, pipe or socket); data files are "
                                  "ordinary files"]


def test_a_file_that_is_too_big_is_one_line(run, tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (2 * 2**20))
    result = run("validate", str(path), data=None, env={"TIMELINE_MAX_FILE_MB": "1", "TIMELINE_NO_CACHE": "1"})
    assert (result.exit_code, result.output) == (
        1, f"Error: {path}: file is 2 MB, over the 1 MB limit; split it into a folder of files "
           "(or set TIMELINE_MAX_FILE_MB)\n")


def test_the_cli_refuses_a_folder_without_data_in_one_line(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path}: no .yaml or .yml files here; point --data at a dataset file or folder\n")
