"""A file of events read again after an edit: only the items whose text changed are parsed and checked.

When a data file of events alone (one top-level ``events:`` list, no anchors) is
read whole (:func:`timeline.store.fragments.read`), the text of each item (from
its ``-`` line to the next item's) is digested (:func:`digests`), with the text
before the first item and the column of the items' ``-``. After an edit the
file is cut at the same lines (:func:`cut`: every line with a ``-`` at that
column): an item whose text has a digest of the kept fragment is that item, as
read and checked before; the others, in runs of neighbours, are read and
checked by the loader's own code on their own, after the same text before the
first item (:func:`again`).

Why an item read alone is the item read in its file: every piece of text starts
at a line where the list's next item starts (a ``-`` at the list's column ends
any value of the item before: a block text's lines and a value's continued lines
are indented further), an unchanged piece is the whole text of an item that
passed (its quotes and brackets closed within it) and a changed run parsed alone
ends with nothing open (an open quote or bracket is an error there). Anything
else the loader would say (a problem in a changed item, an anchor, another
top-level key, an id used twice) means ``None``: the file is read whole, and the
loader says where.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.read.problems import COLLECTING

if TYPE_CHECKING:
    from timeline.dataset import _Builder
    from timeline.store.fragments import Fragment

#: A line with a list item's ``-`` (``- id: ...`` or ``-`` alone), after any spaces.
_ITEM = re.compile(r"^( *)-(?= |$)", re.M)


def digests(text: str, builder: _Builder, name: str, reader: Any) -> dict[str, Any]:
    """The digests of a cleanly read file's items (``{"column", "head", "items"}``); ``{}`` when the file is not
    one ``events:`` list whose items each start on a line of their own with a ``-`` at one column, or repeats
    values by anchors."""
    count = len(builder.dataset.events) + len(builder.dataset.drafts)
    if reader.anchors or builder.top_lines.get(name, {}).keys() != {"events"} or not count:
        return {}
    first = _ITEM.search(text)
    column = len(first.group(1)) if first else -1
    head, pieces = cut(text, column)
    if len(pieces) != count:
        return {}
    at = head.count("\n") + 1
    for n, piece in enumerate(pieces):
        if builder.items.get((name, "events", n), (0,))[0] != at:
            return {}
        at += piece.count("\n")
    return {"column": column, "head": _digest(head), "items": [_digest(piece) for piece in pieces]}


def cut(text: str, column: int) -> tuple[str, list[str]]:
    """``text`` cut before each line whose ``-`` is at ``column``: the text before the first, and the pieces."""
    starts = [m.start() for m in _ITEM.finditer(text) if len(m.group(1)) == column]
    return text[:starts[0] if starts else len(text)], [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]


def again(file: Path, max_bytes: int, previous: Fragment) -> Fragment | None:
    """The fragment of ``file`` read again after an edit, reusing the items of ``previous`` (a fragment of an
    earlier version of the file) whose text is unchanged; ``None`` when that cannot be done (see the module's
    docstring): the caller reads the file whole."""
    from timeline.dataset import _Builder
    from timeline.store.fragments import events_only

    kept = previous.chunks
    if not kept or not events_only(previous):
        return None
    builder = _Builder(max_bytes)
    token = COLLECTING.set(builder.problems)
    try:
        text = builder._read(file)  # the checks of the whole file's bytes: size, UTF-8, control characters
    finally:
        COLLECTING.reset(token)
    if text is None:
        return None
    head, pieces = cut(text, kept["column"])
    if not pieces or _digest(head) != kept["head"]:
        return None
    return _join(str(file), head, pieces, previous, max_bytes)


def _join(name: str, head: str, pieces: list[str], previous: Fragment, max_bytes: int) -> Fragment | None:
    """The fragment of the items ``pieces`` (after ``head``): kept items from ``previous``, runs read anew."""
    from timeline.model import Dataset
    from timeline.store.fragments import Fragment, Ids

    old_ids = dict(zip(previous.index["events"], previous.ids["events"], strict=True))
    known = {value: old_ids[n] for n, value in enumerate(previous.chunks["items"])}
    events = {event.id: (False, event) for event in previous.record.events} \
        | {draft.id: (True, draft) for draft in previous.record.drafts}
    values = [_digest(piece) for piece in pieces]
    made: list[tuple[bool, Any]] = []
    run: list[str] = []
    for piece, value in [*zip(pieces, values), ("", "")]:
        if run and (value in known or not piece):
            read = _read_run(name, head + "".join(run), max_bytes)
            if read is None:
                return None
            made += read
            run = []
        if value in known:
            made.append(events[known[value]])
        elif piece:
            run.append(piece)
    ids = [event.id for _, event in made]
    if len(set(ids)) != len(ids):
        return None  # an id used twice: the loader says where
    record = Dataset(events=[e for draft, e in made if not draft], drafts=[e for draft, e in made if draft])
    chunks = {**previous.chunks, "items": values} if len(made) == len(pieces) else {}
    return Fragment(record, Ids({"events": ids}, {"events": list(range(len(ids)))}, {},
                                {"ids": {}, "refs": [], "scale": False}, chunks))


def _read_run(name: str, text: str, max_bytes: int) -> list[tuple[bool, Any]] | None:
    """The events of ``text`` (the text before the first item and a run of items) as ``(draft, event)`` in
    their order; ``None`` if the loader notes any problem, an anchor, or anything but events."""
    from timeline.dataset import _Builder
    from timeline.store.fragments import negotiation_of

    builder = _Builder(max_bytes)
    token = COLLECTING.set(builder.problems)
    try:
        reader = builder.add_text(name, text)
    finally:
        COLLECTING.reset(token)
    record, found = builder.dataset, negotiation_of(builder)
    made = [(False, event) for event in record.events] + [(True, draft) for draft in record.drafts]
    if builder.problems.count or reader.anchors or builder.top_lines[name].keys() != {"events"} \
            or found["ids"] or found["refs"] or found["scale"] or len(builder.origin) != len(made) \
            or record.title is not None or record.description is not None:
        return None
    return sorted(made, key=lambda pair: builder.origin[pair[1].id][1][1])


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
