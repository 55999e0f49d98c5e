"""Write a draft: to a new file (``-o``), or appended to a dataset file the user keeps (``--into``).

``-o`` follows :mod:`timeline.outputs`: a file timeline did not write is never
replaced (unless ``--force``). ``--into FILE`` keeps every byte the user wrote:
the drafted items are inserted as new lines at the end of the file's
``actors:``, ``sources:`` and ``events:`` lists (or as new lists at its end), the
result is read back and must hold the same items as before plus the new ones,
and the file is replaced by a temporary file and a rename under the folder's
lock, only if nobody changed it meanwhile; if the dataset with the drafts
then fails its checks, :func:`restore` puts the file back as it was. What cannot be appended that way
(a flow-style list ``events: [...]``, a file that is not a dataset mapping, a
link) is refused with one line, and the file is left as it was. ``--into
FOLDER`` writes a new file ``FOLDER/<source id>.yaml`` by the ``-o`` rules.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from timeline import __version__
from timeline.draft.output import dump
from timeline.errors import UserError

LISTS = ("actors", "sources", "events")


class CannotAppend(UserError):
    """``--into FILE`` cannot take the draft without changing what the user wrote."""


def header(article: str, published: dt.date) -> str:
    """The comment at the top of a drafted file: what it was drafted from, and that it awaits review."""
    return (f"# Drafted by timeline {__version__} (timeline draft) from {article}, published {published.isoformat()}\n"
            "# Every event is marked draft: true and is left out of answers and charts until you review it\n"
            "# and remove that line; evidence gives the sentence it rests on, confidence how sure the draft is.\n")


def write_new(data: dict[str, Any], output: Path, comment: str, force: bool = False) -> Path:
    """Write ``data`` as a new dataset file at ``output`` by the rules of :func:`timeline.outputs.output_file`."""
    from timeline.outputs import output_file

    with output_file(output, force=force) as temporary:
        temporary.write_text(comment + dump(data), encoding="utf-8")
    return output


def existing_items(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The items of ``path``'s three lists (empty when the file does not exist); refuse what is no dataset file."""
    if not path.exists():
        return {key: [] for key in LISTS}
    _text, top = _read(path)
    return {key: list(top.get(key) or []) for key in LISTS}


def append_into(data: dict[str, Any], path: Path, comment: str) -> Path:
    """Insert ``data``'s items into the dataset file ``path`` (made if missing), keeping all it holds.

    Raise :class:`CannotAppend` (the file unchanged) when that cannot be done safely.
    """
    from timeline.outputs import folder_lock

    if not path.exists() and not path.is_symlink():
        return write_new(data, path, comment)
    with folder_lock(path.parent):
        text, top = _read(path)
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if node is None:  # an empty file (or only comments): the draft follows what it holds
            _replace(path, text, text + comment + dump(data))
            return path
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        tail: list[str] = []
        places = {key.value: value for key, value in node.value}
        inserts = []
        for key in LISTS:
            items = data.get(key) or []
            if not items:
                continue
            if key not in places:
                tail += [f"{key}:\n", *_block(items, 2)]
            elif places[key].tag == "tag:yaml.org,2002:null":
                raise CannotAppend(f"{path}: '{key}:' is empty here; write '{key}: []' as a block list "
                                   "or remove the line, or draft to a new file with -o")
            else:
                inserts.append((_after(places[key], lines, path, key), _block(items, places[key].start_mark.column)))
        for where, block in sorted(inserts, key=lambda insert: -insert[0]):  # bottom up: earlier lines stay put
            lines[where:where] = block
        new = "".join(lines) + ("\n" + comment if tail else "") + "".join(tail)
        _check(new, top, data, path)
        _replace(path, text, new)
    return path


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    if path.is_symlink():
        raise CannotAppend(f"{path}: a symbolic link; give --into the file itself")
    try:
        text = path.read_text(encoding="utf-8")
        top = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if text.strip() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
        raise CannotAppend(f"{path}: cannot be read as a dataset file ({reason}); draft to a new file with -o") \
            from None
    if not isinstance(top, dict) or any(not isinstance(top.get(k) or [], list) for k in LISTS):
        raise CannotAppend(f"{path}: not a dataset file (a mapping with lists actors, sources, events); "
                           "draft to a new file with -o")
    return text, top


def _after(node: yaml.Node, lines: list[str], path: Path, key: str) -> int:
    """The line index after the last item of the block list ``node`` (comments after it stay below)."""
    if node.flow_style or not isinstance(node, yaml.SequenceNode):
        raise CannotAppend(f"{path}: '{key}' is written inline ({key}: [...]); write it as a block list "
                           "('- ' items), or draft to a new file with -o")
    end = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
    while end > node.start_mark.line + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _block(items: list[dict[str, Any]], indent: int) -> list[str]:
    text = dump(items)
    return ["\n", *(" " * indent + line if line.strip() else line for line in text.splitlines(keepends=True))]


def _check(new: str, before: dict[str, Any], data: dict[str, Any], path: Path) -> None:
    """The new text must hold what the file held, then the drafted items, and nothing else."""
    try:
        after = yaml.load(new, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        after = None
    if not isinstance(after, dict):
        raise CannotAppend(f"{path}: the drafts cannot be appended without changing how the file reads; "
                           "draft to a new file with -o and merge it by hand")
    for key in set(before) | set(after):
        expected = before.get(key)
        if key in LISTS:
            expected = [*(before.get(key) or []), *(data.get(key) or [])] or expected
        if after.get(key) != expected:
            raise CannotAppend(f"{path}: appending to '{key}' would change what the file holds; "
                               "draft to a new file with -o and merge it by hand")


def restore(path: Path, before: str | None) -> None:
    """Put ``path`` back as it was before :func:`append_into`: its old text, or no file if there was none."""
    if before is None:
        path.unlink(missing_ok=True)
    else:
        _replace(path, path.read_text(encoding="utf-8"), before)


def _replace(path: Path, old: str, new: str) -> None:
    """Replace ``path`` by ``new`` (temporary file and rename, same mode) if it still holds ``old``."""
    if path.read_text(encoding="utf-8") != old:
        raise CannotAppend(f"{path}: changed while drafting; run the command again")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.timeline-tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(new)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
