"""Find the data files of a dataset and read their text, refusing what is not plain data.

A dataset is one file or a folder of ``*.yaml``/``*.yml`` files (the extension in any case),
found in every subfolder. Hidden files and folders (``.git``) and ``node_modules`` are
passed over; everything else that is not read gets a line: an unreadable folder, a broken
link, a link to a folder (not followed: it could lead anywhere, or loop). A path that is
neither a regular file nor a folder (``/dev/zero``, a pipe) is refused before any reading.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from timeline.read.problems import DatasetError, Problem

#: Files above this size are refused at once (parsing 32 MB of YAML takes several seconds):
#: split a large dataset into a folder of files, or raise the limit with $TIMELINE_MAX_FILE_MB.
MAX_FILE_BYTES = 32 * 1024 * 1024

YAML_SUFFIXES = (".yaml", ".yml")

#: Files and folders looked at below a dataset folder before it is refused as not one: ``--data ~``
#: or ``--data /`` would otherwise walk the whole disk (and /proc) for minutes.
MAX_ENTRIES = 100_000


def max_file_bytes() -> int:
    """The size limit of one data file: ``$TIMELINE_MAX_FILE_MB`` megabytes, or :data:`MAX_FILE_BYTES`."""
    text = os.environ.get("TIMELINE_MAX_FILE_MB")
    if text is None:
        return MAX_FILE_BYTES
    if not text.strip().isdigit():
        raise DatasetError([Problem("TIMELINE_MAX_FILE_MB", None,
                                    f"should be a whole number of megabytes, such as 64, not {text!r}")])
    return int(text) * 1024 * 1024


def is_data_file(path: Path) -> bool:
    """Whether ``path`` is named like a data file: ``.yaml`` or ``.yml`` in any case."""
    return path.suffix.lower() in YAML_SUFFIXES


def data_files(path: str | os.PathLike) -> list[Path]:
    """The files that make up the dataset at ``path``: the file itself, or the data files in the folder."""
    return dataset_files(path)[0]


def dataset_files(path: str | os.PathLike) -> tuple[list[Path], list[Problem]]:
    """The data files at ``path`` in name order, and a problem for each thing there that cannot be read.

    Raises :class:`DatasetError` at once when ``path`` is neither a regular file nor a folder.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError:
        return [path], []  # reading it will say what is wrong
    if stat.S_ISDIR(mode):
        return _walk(path)
    if not stat.S_ISREG(mode):
        raise DatasetError([Problem(str(path), None, "not a regular file or folder (a device, pipe or "
                                                     "socket); point --data at a dataset file or folder")])
    return [path], []


def default_path() -> Path:
    """Where the dataset is when ``--data`` is not given.

    ``$TIMELINE_DATA`` if set; else ``seeds/`` in the current folder (a
    checkout of this repository); else the seeds shipped with the package.
    """
    if env := os.environ.get("TIMELINE_DATA"):
        return Path(env)
    local = Path("seeds")
    if local.is_dir() and data_files(local):
        return local
    return Path(__file__).parent.parent / "seeds"


def _walk(root: Path) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        problems.append(Problem(str(error.filename), None, f"cannot read this folder ({error.strerror}); "
                                                           "its files were not loaded: fix its permissions"))

    seen = 0
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        seen += len(subfolders) + len(names)
        if seen > MAX_ENTRIES:
            raise DatasetError([Problem(str(root), None, f"more than {MAX_ENTRIES:,} files and folders below it, "
                                        "so not a dataset folder; point --data at the folder of the dataset's "
                                        "YAML files")])
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not _passed_over(name)]
        for name in list(subfolders):
            if (here / name).is_symlink():
                subfolders.remove(name)
                problems.append(Problem(str(here / name), None, "a link to a folder, which is not followed; "
                                        "move or copy its files into the dataset, or load that folder itself"))
        for name in names:
            file = here / name
            if _passed_over(name) or not is_data_file(file):
                continue
            if file.is_symlink() and not file.exists():
                problems.append(Problem(str(file), None, f"a broken link (to {os.readlink(file)}); "
                                                         "restore what it points to, or delete it"))
            else:
                files.append(file)
    return sorted(files), problems


def _passed_over(name: str) -> bool:
    return name.startswith(".") or name == "node_modules"


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises ``OSError`` when it cannot be read, ``ValueError`` with a message when it is not
    a regular file or is over ``limit`` bytes (even if it grows while read).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file (a device, pipe or socket); data files are ordinary files")
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    if info.st_size > limit or len(data) > limit:
        size = max(info.st_size, len(data))
        raise ValueError(f"file is {size / 2**20:.0f} MB, over the {limit // 2**20} MB limit; split it into "
                         "a folder of files (or set TIMELINE_MAX_FILE_MB)")
    return data
