"""One data file read and checked on its own: a :class:`Fragment`, kept in the store.

The store keeps, for each data file, what reading that file alone gave: the
file's items and the ids it defines. After an edit only the changed files
are read again, and :mod:`.assemble` joins the fragments and runs the
checks that span files. Fragments are kept in groups of neighbouring files
(:func:`groups`), each group one part of the store, so that a folder of
thousands of small files reads as fast as one of a few large ones.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.model import Dataset
from timeline.read.problems import COLLECTING
from timeline.store import chunks, codec

if TYPE_CHECKING:
    from timeline.dataset import _Builder

#: About how many parts the store keeps: few enough that reading each costs nothing, enough that an edit
#: writes one small part.
GROUPS = 64


class Fragment(NamedTuple):
    """What one data file holds: its items in file order, and the ids it defines (see :class:`Ids`)."""

    record: Dataset
    defined: Ids | _Later

    @property
    def ids(self) -> dict[str, list[str]]:
        return self.defined.ids

    @property
    def index(self) -> dict[str, list[int]]:
        return self.defined.index

    @property
    def plain(self) -> dict[str, str]:
        return self.defined.plain

    @property
    def negotiation(self) -> dict[str, Any]:
        return self.defined.negotiation

    @property
    def chunks(self) -> dict[str, Any]:
        return self.defined.chunks


class Ids(NamedTuple):
    """The ids a file defines: for each top-level key (``actors``, ``events``, ...) the ids under it
    (``ids``) and the position of each in that list (``index``); for actors and sources, a digest of each
    definition as written (``plain``); what the file says of the negotiation (``negotiation``: the ids of
    its issues, positions, plans and versions by kind with their places, the ids its items name, whether it
    sets the stance scale; see :func:`negotiation_of`); for a file of events alone, the digest of each item's
    text (``chunks``, :func:`.chunks.digests`: after an edit, the unchanged items are not read again)."""

    ids: dict[str, list[str]]
    index: dict[str, list[int]]
    plain: dict[str, str]
    negotiation: dict[str, Any]
    chunks: dict[str, Any]


class _Later:
    """The :class:`Ids` of one file of a stored group, read from their JSON when first asked for: a query
    of an unchanged dataset never needs them."""

    def __init__(self, text: bytes, position: int, parsed: list) -> None:
        self.text, self.position, self.parsed = text, position, parsed

    def __getattr__(self, name: str) -> dict:
        if not self.parsed:
            self.parsed.extend(json.loads(self.text))
        member = self.parsed[self.position]
        return _mapping(member[name])


def read(file: Path, max_bytes: int, previous: Fragment | None = None) -> Fragment | None:
    """The fragment of ``file`` read alone; ``None`` if the file has a problem of its own. With ``previous``
    (the fragment of an earlier version of the file), the items whose text is unchanged are taken from it
    (:func:`.chunks.again`)."""
    from timeline.dataset import MERGEABLE, _Builder  # the YAML reader: not imported by a warm load

    if previous is not None and (fragment := chunks.again(file, max_bytes, previous)) is not None:
        return fragment
    builder = _Builder(max_bytes)
    token = COLLECTING.set(builder.problems)
    try:
        name = str(file)
        builder.order[name] = 0
        text = builder._read(file)
        reader = builder.add_text(name, text) if text is not None else None
    finally:
        COLLECTING.reset(token)
    if builder.problems.count or text is None:
        return None
    ids: dict[str, list[str]] = {}
    index: dict[str, list[int]] = {}
    plain = {}
    for ident, (name, where) in builder.origin.items():
        key, position = str(where[0]), int(where[1])
        ids.setdefault(key, []).append(ident)
        index.setdefault(key, []).append(position)
        if key[:-1] in MERGEABLE:
            plain[ident] = _digest(builder.items[name, key, position][1])
    return Fragment(builder.dataset, Ids(ids, index, plain, negotiation_of(builder),
                                         chunks.digests(text, builder, name, reader)))


def events_only(fragment: Fragment) -> bool:
    """Does the file of ``fragment`` define nothing but events and drafts (no actor, source, dataset title or
    scale, nothing of the negotiation)? An edit of such a file changes no other file's rows."""
    record, found = fragment.record, fragment.negotiation
    return fragment.ids.keys() <= {"events"} and not (found["ids"] or found["refs"] or found["scale"]) \
        and record.title is None and record.description is None and not (
            record.actors or record.sources or record.issues or record.positions or record.plans)


def negotiation_of(builder: _Builder) -> dict[str, Any]:
    """What ``builder`` read of the negotiation, without file names (a fragment is kept by its content):
    ``{"ids": {kind: {id: where}}, "refs": [[where, kind, id, owner], ...], "scale": bool}``
    (:class:`timeline.read.negotiation.NegotiationFields` keeps them while it reads)."""
    state = builder.__dict__.get("_negotiation_state") or {}
    return {"ids": {kind: {ident: list(where) for ident, (_, where) in found.items()}
                    for kind, found in state.get("ids", {}).items() if found},
            "refs": [[list(ref.where), ref.kind, ref.ident, ref.owner] for ref in state.get("references", ())],
            "scale": state.get("scale") is not None}


def encode(members: Sequence[tuple[str, Fragment]]) -> bytes:
    """The fragments of a group of files (each with the SHA-256 of its file) as one document: the JSON of
    their ids on one line, then their records (see :func:`.codec.pack`)."""
    texts: list[str] = []
    body = {"record": codec.encode_fields([fragment.record for _, fragment in members], texts),
            "files": [sha for sha, _ in members]}
    ids = [{"ids": fragment.ids, "index": fragment.index, "plain": fragment.plain,
            "negotiation": fragment.negotiation, "chunks": fragment.chunks} for _, fragment in members]
    return json.dumps(ids, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass") \
        + b"\n" + codec.pack(body, texts)


def decode(document: bytes) -> dict[str, Fragment]:
    """The fragments in :func:`encode`'s document by the SHA-256 of their file; ``ValueError`` (...) if
    malformed."""
    text, _, rest = document.partition(b"\n")
    body, texts = codec.unpack(rest)
    records = codec.decode_fields([(body["record"], texts)])
    if len(records) != len(body["files"]):
        raise ValueError("not a file for each record")
    parsed: list = []
    return {sha: Fragment(record, _Later(text, position, parsed))
            for position, (sha, record) in enumerate(zip(body["files"], records))}


def groups(paths: Sequence[str], target: int = GROUPS) -> list[range]:
    """The files (by position) whose fragments are kept together, about ``target`` groups of neighbours.

    A group ends after a file whose path hashes to a multiple of a power of two chosen from the number of
    files: an edit, a new or a removed file changes only the groups around it.
    """
    step = 1 << max(0, round(math.log2(max(1, len(paths) / target))))
    ends = [n + 1 for n, path in enumerate(paths)
            if step == 1 or int(hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:8], 16) % step == 0]
    if not ends or ends[-1] != len(paths):
        ends.append(len(paths))
    return [range(start, end) for start, end in zip([0, *ends], ends) if end > start]


def _digest(item: dict) -> str:
    """A digest of an item as written, for comparing two definitions (see ``_Builder._new_id``)."""
    from timeline.dataset import _plain

    written = {key: value for key in item if (value := _plain(item, key)) is not None}
    text = json.dumps(written, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _mapping(value: Any) -> dict:
    if not isinstance(value, dict):
        raise ValueError("not a mapping")
    return value
