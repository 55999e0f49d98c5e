"""A dataset put together from the fragments of its files, checked across files as the loader checks it.

:func:`assemble` joins every file's :class:`~.fragments.Fragment` in reading
order and runs the checks that span files
(:meth:`timeline.dataset._Builder.finish`: references, affiliations and their
cycles, the order of events) and the duplicate-id check over the ids of each
file, so that its answer is that of :func:`timeline.dataset.load` on the same
files:

- an id defined in two files is a duplicate, unless an actor or a source is
  defined identically in both (compared as written, through a digest kept per
  item), when the first definition is kept;
- a problem found across files names its file and line: the files named are
  read again for their lines (only those);
- a duplicate id is left to :func:`timeline.dataset.load` (:class:`Conflict`
  says to call it), which reports it with both places.

After an edit of a dataset that passed its checks (``previous``), only the
events of the changed files are checked against the ids of all, and put in
their places among the others: unless the edit removed an id some other file
may name, when everything is checked again.
"""
from __future__ import annotations

import dataclasses
from bisect import insort
from collections.abc import Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from timeline.dataset import MERGEABLE, Path_, _Builder
from timeline.model import Dataset, Event, date_order
from timeline.read.negotiation import KINDS, Reference
from timeline.read.problems import COLLECTING
from timeline.store.fragments import Fragment
from timeline.store.joined import Conflict, Previous, join, reorder


def assemble(files: Sequence[str], fragments: Sequence[Fragment], max_bytes: int,
             previous: Previous | None = None) -> tuple[Dataset, dict[str, list[int]]]:
    """The dataset of ``files`` (in reading order) from their fragments, checked across files.

    Returns it with the order each list field was put in (positions in the
    joined lists, for :func:`reorder`). Raises :class:`Conflict` for an id
    defined twice (not an identical actor or source),
    :class:`~timeline.dataset.DatasetError` for the problems found across
    files, with their lines.
    """
    origin = _origin(files, fragments)
    record = join(fragments)
    negotiation = _negotiation(files, fragments)
    positions = {name: {id(item): n for n, item in enumerate(getattr(record, name))}
                 for name in Dataset.__dataclass_fields__ if isinstance(getattr(record, name), list)}
    changed = _changed(fragments, origin, previous)
    if changed is not None and any(f.negotiation["ids"] or f.negotiation["refs"] for f in fragments):
        changed = None  # positions may rest on events of unchanged files: check them all
    if changed is None:
        record = check(files, record, origin, max_bytes, negotiation)
    else:
        old = previous.fragments  # type: ignore[union-attr]
        new_events = [e for fragment in changed for e in fragment.record.events]
        checked = check(files, dataclasses.replace(record, events=new_events, drafts=[
            d for fragment in changed for d in fragment.record.drafts]), origin, max_bytes, negotiation)
        kept = set(map(id, fragments))
        gone = {id(e) for fragment in old if id(fragment) not in kept for e in fragment.record.events}
        joined = list(chain.from_iterable(fragment.record.events for fragment in old))
        events = [e for e in map(joined.__getitem__, previous.orders.get("events", range(len(joined))))  # type: ignore[union-attr]
                  if id(e) not in gone]
        for event in checked.events:
            insort(events, event, key=_event_order)
        record = dataclasses.replace(checked, events=events, drafts=record.drafts)
    orders = {name: [places[id(item)] for item in getattr(record, name)] for name, places in positions.items()}
    return record, {name: order for name, order in orders.items() if order != sorted(order)}


def ordered_as(record: Dataset, fragments: Sequence[Fragment]) -> dict[str, list[int]] | None:
    """The orders that make the joined ``fragments`` equal to ``record`` (read whole); ``None`` if none does."""
    joined = join(fragments)
    orders = {}
    for name in Dataset.__dataclass_fields__:
        items, made = getattr(joined, name), getattr(record, name)
        if not isinstance(items, list):
            continue
        try:
            place = {item.id: n for n, item in enumerate(items)}
            order = [place[item.id] for item in made]
        except (AttributeError, KeyError):
            return None
        if order != sorted(order):
            orders[name] = order
    return orders if reorder(joined, orders) == record else None


def _event_order(event: Event) -> tuple:
    return date_order(event.date), event.id  # as timeline.dataset._Builder.finish sorts


def _origin(files: Sequence[str], fragments: Sequence[Fragment]) -> dict[str, tuple[str, Path_]]:
    """Where each id is first defined; :class:`Conflict` if one is defined twice."""
    origin: dict[str, tuple[str, Path_]] = {}
    for file, fragment in zip(reversed(files), reversed(fragments), strict=True):  # the first definition wins
        for key, ids in fragment.ids.items():
            origin.update(zip(ids, zip(repeat(file), zip(repeat(key), fragment.index[key]))))
    if len(origin) < sum(len(ids) for fragment in fragments for ids in fragment.ids.values()):
        _check_repeats(fragments)
    return origin


def _changed(fragments: Sequence[Fragment], origin: dict[str, Any], previous: Previous | None) -> list | None:
    """The fragments new since ``previous``, if checking only their events is enough; else ``None``."""
    if previous is None:
        return None
    now = set(map(id, fragments))
    before = set(map(id, previous.fragments))
    if not now & before:
        return None
    removed = {ident for fragment in previous.fragments if id(fragment) not in now
               for ids in fragment.ids.values() for ident in ids} - origin.keys()
    return None if removed else [fragment for fragment in fragments if id(fragment) not in before]


def check(files: Sequence[str], record: Dataset, origin: dict[str, tuple[str, Path_]], max_bytes: int,
          negotiation: dict[str, Any], lines: bool = True) -> Dataset:
    """``record`` checked across files (and its events sorted), by the loader's own checks.

    ``lines`` ``False``: a problem is reported without its line (no file is read again: whether it passes is
    all that is asked)."""
    checker = (_Checker if lines else _Builder)(max_bytes)
    checker.dataset, checker.origin = record, origin
    checker.__dict__["_negotiation_state"] = negotiation  # as NegotiationFields left it after reading every file
    checker.order = {file: n for n, file in enumerate(files)}
    token = COLLECTING.set(checker.problems)
    try:
        return checker.finish()
    finally:
        COLLECTING.reset(token)


class _Checker(_Builder):
    """The loader's checks across files, run on a joined record; a line is found by reading its file again."""

    def line(self, file: str, where: Path_) -> int | None:
        if file not in self.top_lines:
            scratch = _Builder(self.max_bytes)
            scratch.add_file(Path(file))
            self.items.update(scratch.items)
            self.top_lines[file] = scratch.top_lines.get(file, {})
        return super().line(file, where)


def _negotiation(files: Sequence[str], fragments: Sequence[Fragment]) -> dict[str, Any]:
    """The loader's negotiation state after reading ``files`` (see :func:`.fragments.negotiation_of`): the ids
    of each kind with their file and place, the references to check, the file setting the scale and the scale.
    :class:`Conflict` if two files define one id of a kind or both set a scale (the loader says where)."""
    ids: dict[str, dict[str, tuple[str, Path_]]] = {kind: {} for kind in KINDS}
    references: list[Reference] = []
    scale = None
    for file, fragment in zip(files, fragments, strict=True):
        found = fragment.negotiation
        for kind, defined in found["ids"].items():
            for ident, where in defined.items():
                if ident in ids[kind]:
                    raise Conflict(ident)
                ids[kind][ident] = (file, tuple(where))
        references.extend(Reference(file, tuple(where), kind, ident, owner)
                          for where, kind, ident, owner in found["refs"])
        if found["scale"]:
            if scale is not None:
                raise Conflict("stances")
            scale = (file, fragment.record.stances)
    return {"ids": ids, "references": references, "scale": scale}


def _check_repeats(fragments: Sequence[Fragment]) -> None:
    """Raise :class:`Conflict` for an id defined in two files, unless as the same actor or source."""
    first: dict[str, tuple[int, str]] = {}
    for number, fragment in enumerate(fragments):
        for key, ids in fragment.ids.items():
            for ident in ids:
                seen = first.setdefault(ident, (number, key))
                if seen == (number, key):
                    continue
                earlier = fragments[seen[0]].plain.get(ident)
                if seen[1] != key or key[:-1] not in MERGEABLE or earlier != fragment.plain.get(ident):
                    raise Conflict(ident)
