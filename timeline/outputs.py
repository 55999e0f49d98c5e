"""Write generated files safely: never over a file that timeline did not write itself.

Each folder that receives generated files keeps a list of them in
``.timeline-manifest``. A file on that list may be replaced; any other
existing file is left alone unless the user passes ``--force``. Files are
written to a temporary name and renamed, so a failed run leaves the old
file whole.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from timeline.errors import UserError

MANIFEST = ".timeline-manifest"
DEFAULT_DIR = Path("output")


class OutputExists(UserError):
    """The target exists and timeline did not write it."""


def generated_files(folder: Path) -> set[str]:
    """The names of the files in ``folder`` that timeline wrote."""
    try:
        return set((folder / MANIFEST).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        return set()


def check_writable(path: Path, force: bool = False) -> None:
    """Raise :class:`OutputExists` if ``path`` exists, is not ours, and ``force`` is off."""
    if path.exists() and not force and path.name not in generated_files(path.parent):
        raise OutputExists(f"{path} exists and was not written by timeline; "
                           "choose another path with -o, or pass --force to replace it")


@contextmanager
def output_file(path: str | os.PathLike, force: bool = False, mode: str = "w") -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``path``, which is recorded as ours.

    >>> with output_file("output/chart.svg") as tmp:        # doctest: +SKIP
    ...     figure.savefig(tmp, format="svg")
    """
    path = Path(path)
    check_writable(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's private 0600
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    names = generated_files(path.parent) | {path.name}
    (path.parent / MANIFEST).write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
