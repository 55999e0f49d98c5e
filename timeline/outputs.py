"""Write generated files safely: never over a file that timeline did not write itself.

Each folder that receives generated files keeps, in ``.timeline-manifest``,
the name and SHA-256 of every file timeline wrote there (``sha256sum``'s
format). A file may be replaced only while its content is still what
timeline wrote; any other existing file, including one the user edited
or put in place of ours, is left alone unless the user passes ``--force``.

Nothing is written through a symbolic link: a file is written under a
temporary name (``.NAME.timeline-tmp-XXXX``) and renamed over the old one,
which replaces a link rather than following it, and a manifest that is a
link is refused. While timeline writes into a folder it holds an exclusive
lock on it (``flock`` on the folder itself), so a second run into the same
folder waits for the first. The manifest is replaced the same way, by
temporary file and rename, in two steps around each file's rename (first
listing both the old and the new digest, then only the new), so a run
killed at any moment leaves a manifest that still knows every file it
wrote. Temporary files of a killed run are removed by the next run.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import shlex
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from timeline.errors import UserError

MANIFEST = ".timeline-manifest"
DEFAULT_DIR = Path("output")
TEMP_MARK = ".timeline-tmp-"
#: How long a run waits for another one writing into the same folder, in seconds.
WAIT = 600.0
_LINE = re.compile(r"([0-9a-f]{64})  (.+)")
_held: dict[str, tuple[int, int]] = {}  # folder -> (descriptor, depth) of the locks this process holds


class OutputExists(UserError):
    """The target exists and timeline did not write it."""


class OutputError(UserError):
    """The target cannot be written: a missing or read-only folder, a file in the way, a broken manifest."""


class OutputBusy(OutputError):
    """Another timeline run has been writing into the folder for longer than it was willing to wait."""


def generated_files(folder: Path) -> dict[str, str]:
    """The files in ``folder`` that timeline wrote: name -> SHA-256 of what it last wrote.

    Raise :class:`OutputError` if the manifest cannot be read as one.
    """
    return {name: digests[-1] for name, digests in _manifest(Path(folder)).items()}


def is_ours(path: Path) -> bool:
    """Whether ``path`` is a regular file (not a link) holding what timeline last wrote there.

    A run killed between writing a file and recording it leaves both digests in
    the manifest; the file is ours if it holds either.
    """
    return _holds(path, _manifest(path.parent))


def _holds(path: Path, files: dict[str, list[str]]) -> bool:
    """Whether ``path`` is a regular file holding one of the digests ``files`` (a manifest) has for it."""
    digests = files.get(path.name, [])
    return bool(digests) and path.is_file() and not path.is_symlink() and _sha256(path) in digests


def check_writable(path: Path, force: bool = False) -> None:
    """Raise :class:`OutputExists` if ``path`` exists, is not ours, and ``force`` is off (a broken link says so)."""
    if os.path.islink(path) and not os.path.exists(path) and not force:
        raise OutputExists(f"{path} is a broken link (to {os.readlink(path)!r}), and timeline writes through no link; "
                           "choose another path with -o, or pass --force to replace the link")
    if os.path.lexists(path) and not force and not is_ours(path):
        raise OutputExists(f"{path} exists and was not written by timeline; "
                           "choose another path with -o, or pass --force to replace it")


def check_output(path: str | os.PathLike, folder: bool = False, force: bool = False) -> None:
    """Refuse, before any work, an output that could not be written or must not be replaced: :func:`check_place`,
    then for a file :func:`check_writable`.

    >>> Path("notes.md").write_text("mine")
    4
    >>> check_output("notes.md/chart.png")
    Traceback (most recent call last):
    timeline.outputs.OutputError: cannot write notes.md/chart.png: notes.md is a file, not a folder; choose another place with -o
    """
    check_place(Path(path), folder)
    if not folder:
        check_writable(Path(path), force)


def check_place(path: Path, folder: bool = False) -> None:
    """Raise :class:`OutputError` if the file ``path`` (or the ``folder``) could not be written where it is: a broken
    link or a file where a folder must be, a folder timeline may not write into, a name too long. Missing folders are
    no error: they are made when the first file is written (as ``output/`` is)."""
    where = path if folder else path.parent
    for part in (where, *where.parents):
        if os.path.isdir(part):
            break
        if os.path.lexists(part):
            raise _not_a_folder(path, part)
    if not os.access(part, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: the folder {part} is not writable (read-only, or another user's); "
                          "choose another place with -o")
    longest = os.pathconf(part, "PC_NAME_MAX")
    for name in path.parts[len(part.parts):]:
        if len(os.fsencode(name)) > longest:
            raise OutputError(f"cannot write {path}: the name {name[:40]!r}... is longer than the {longest} bytes a "
                              "name may have there; choose a shorter one with -o")


@contextmanager
def folder_lock(folder: str | os.PathLike, wait: float = WAIT) -> Iterator[Path]:
    """Hold the lock on ``folder`` (made if missing) while writing into it; re-entrant in one process.

    On taking it, temporary files that a killed run left there are removed.
    Raise :class:`OutputBusy` after ``wait`` seconds, :class:`OutputError` if
    the folder cannot be made or opened.
    """
    folder = Path(folder)
    key = os.path.realpath(folder)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = fd, depth + 1
    else:
        fd = _lock(folder, wait)
        _held[key] = fd, 1
        _remove_leftovers(folder)
    try:
        yield folder
    finally:
        fd, depth = _held[key]
        if depth > 1:
            _held[key] = fd, depth - 1
        else:
            del _held[key]
            os.close(fd)  # releases the lock


@contextmanager
def output_file(path: str | os.PathLike, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``path``, which is recorded as ours.

    The folder is locked meanwhile (:func:`folder_lock`). Raise
    :class:`OutputExists` for a file that is not ours (unless ``force``),
    :class:`OutputError` when the file or the manifest cannot be written.

    >>> with output_file(tmp / "notes.txt") as temporary:
    ...     _ = temporary.write_text("written by timeline")
    >>> is_ours(tmp / "notes.txt"), sorted(generated_files(tmp))
    (True, ['notes.txt'])
    """
    path = Path(path)
    with folder_lock(path.parent):
        check_writable(path, force)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{TEMP_MARK}", suffix=path.suffix, dir=path.parent)
        except OSError as error:
            raise _cannot_write(path, error) from None
        os.close(fd)
        try:
            yield Path(tmp)
            digest = _sha256(Path(tmp))
            os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's private 0600
            files = _manifest(path.parent)
            both = list(dict.fromkeys([*files.get(path.name, [])[-1:], digest]))
            _write_manifest(path.parent, files | {path.name: both})
            os.replace(tmp, path)
            _write_manifest(path.parent, files | {path.name: [digest]})
        except OSError as error:
            raise _cannot_write(path, error) from None
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)


def remove_ours(path: str | os.PathLike) -> bool:
    """Remove ``path`` if it still holds what timeline last wrote there, and forget it in the manifest.

    Returns whether it was removed; a file that is not ours (edited, replaced, never
    written by timeline) is left as it is. Raise :class:`OutputError` if it cannot be removed.
    """
    path = Path(path)
    with folder_lock(path.parent):
        files = _manifest(path.parent)
        if not _holds(path, files):
            return False
        try:
            os.unlink(path)
        except OSError as error:
            raise _cannot_write(path, error) from None
        _write_manifest(path.parent, {name: digests for name, digests in files.items() if name != path.name})
        return True


def _lock(folder: Path, wait: float) -> int:
    """An open descriptor of ``folder`` holding its exclusive lock."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except FileExistsError:
        raise _not_a_folder(folder, folder) from None
    except OSError as error:
        raise _cannot_write(folder, error) from None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise OutputBusy(f"{folder} is busy: another timeline run is writing into it; "
                                 "wait for it to finish, or choose another folder with -o") from None
            time.sleep(0.05)
        except OSError:  # a file system without locks: write as before, unlocked
            return fd


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files of runs killed while writing into ``folder`` (called under its lock)."""
    for entry in os.scandir(folder):
        if TEMP_MARK in entry.name and entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
            with suppress(OSError):  # gone already, or a folder we may not change: the write will say so
                os.unlink(entry.path)


def _manifest(folder: Path) -> dict[str, list[str]]:
    """The manifest of ``folder``: name -> digests timeline wrote (the last is the newest)."""
    path = folder / MANIFEST
    try:
        if path.is_symlink():
            raise _broken(path, "is a symbolic link, which timeline never writes")
        text = path.read_bytes().decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except IsADirectoryError:
        raise _broken(path, "is a folder") from None
    except UnicodeDecodeError as error:
        raise _broken(path, f"is not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise _broken(path, f"cannot be read ({error.strerror})") from None
    files: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _LINE.fullmatch(line)
        if match is None:
            raise _broken(path, f"line {number} is not '<sha256>  <name>'")
        files.setdefault(match[2], []).append(match[1])
    return files


def _write_manifest(folder: Path, files: dict[str, list[str]]) -> None:
    """Replace the manifest by a temporary file and a rename; flushed to disk before the rename."""
    text = "".join(f"{digest}  {name}\n" for name, digests in sorted(files.items()) for digest in digests)
    fd, tmp = tempfile.mkstemp(prefix=f"{MANIFEST}{TEMP_MARK}", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, folder / MANIFEST)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _not_a_folder(path: Path, part: Path) -> OutputError:
    """``part``, the folder ``path`` is written into (or ``path`` itself, a folder), is a broken link or a file."""
    why = f"a broken link (to {os.readlink(part)!r}); restore what it points to, or" if os.path.islink(part) \
        else "a file, not a folder;"
    where = f"{path}{os.sep}: it" if part == path else f"{path}: {part}"
    return OutputError(f"cannot write {where} is {why} choose another place with -o")


def _broken(path: Path, what: str) -> OutputError:
    return OutputError(f"{path} {what}, so timeline cannot tell which files there it wrote; "
                       f"remove it (rm -r {shlex.quote(str(path))}) and run again with --force, "
                       "which replaces the files of the same names there")


def _cannot_write(path: Path, error: OSError) -> OutputError:
    reason = error.strerror or errno.errorcode.get(error.errno or 0, str(error))
    return OutputError(f"cannot write {path}: {reason}; choose another place with -o")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
