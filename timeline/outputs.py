"""Write generated files safely: never over a file that timeline did not write itself.

Each folder that receives generated files keeps, in ``.timeline-manifest``,
the name and SHA-256 of every file timeline wrote there (``sha256sum``'s
format). A file may be replaced only while its content is still what
timeline wrote; any other existing file, including one the user edited
or put in place of ours, is left alone unless the user passes ``--force``.
Files are written to a temporary name and renamed, so a failed run leaves
the old file whole.
"""
from __future__ import annotations

import hashlib
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


class OutputError(UserError):
    """The target cannot be written: a missing or read-only folder, a file in the way."""


def generated_files(folder: Path) -> dict[str, str]:
    """The files in ``folder`` that timeline wrote: name -> SHA-256 of what it wrote."""
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {name: digest for digest, _, name in (line.partition("  ") for line in lines) if name}


def is_ours(path: Path) -> bool:
    """Whether ``path`` holds exactly what timeline last wrote there."""
    digest = generated_files(path.parent).get(path.name)
    return digest is not None and path.is_file() and _sha256(path) == digest


def check_writable(path: Path, force: bool = False) -> None:
    """Raise :class:`OutputExists` if ``path`` exists, is not ours, and ``force`` is off."""
    if path.exists() and not force and not is_ours(path):
        raise OutputExists(f"{path} exists and was not written by timeline; "
                           "choose another path with -o, or pass --force to replace it")


@contextmanager
def output_file(path: str | os.PathLike, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``path``, which is recorded as ours.

    >>> with output_file("output/chart.svg") as tmp:        # doctest: +SKIP
    ...     figure.savefig(tmp, format="svg")
    """
    path = Path(path)
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}; choose another place with -o") from None
    os.close(fd)
    try:
        yield Path(tmp)
        digest = _sha256(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's private 0600
        os.replace(tmp, path)
        files = generated_files(path.parent) | {path.name: digest}
        (path.parent / MANIFEST).write_text("".join(f"{d}  {n}\n" for n, d in sorted(files.items())),
                                            encoding="utf-8")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}; choose another place with -o") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
