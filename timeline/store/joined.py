"""The fragments of a dataset's files joined as one record, in reading order, and put in the order it last
passed its checks: what a warm load needs (no check, no YAML reader imported; :mod:`.assemble` checks).
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.model import Dataset

if TYPE_CHECKING:
    from timeline.store.fragments import Fragment


class Conflict(Exception):
    """The files cannot be joined without :func:`timeline.dataset.load`'s report (an id defined twice)."""


class Previous(NamedTuple):
    """A dataset as it last passed its checks: its files' fragments in reading order, and its orders."""

    fragments: list[Fragment]
    orders: dict[str, list[int]]


def join(fragments: Sequence[Fragment]) -> Dataset:
    """The fragments' records as one, in reading order: the first definition of an id is kept."""
    fields: dict[str, Any] = {}
    empty = Dataset()
    for name in Dataset.__dataclass_fields__:
        values = [getattr(fragment.record, name) for fragment in fragments]
        if isinstance(getattr(empty, name), dict):
            merged: dict = {}
            for value in values:
                for key, item in value.items():
                    merged.setdefault(key, item)
            fields[name] = merged
        elif isinstance(getattr(empty, name), list):
            fields[name] = list(chain.from_iterable(values))
        elif name in ("title", "description"):  # the first given
            fields[name] = None
            for value in values:
                if value is not None:
                    fields[name] = fields[name] or value
        else:  # the first that is not the default (a stance scale)
            fields[name] = next((value for value in values if value != getattr(empty, name)), getattr(empty, name))
    return Dataset(**fields)


def reorder(record: Dataset, orders: dict[str, list[int]]) -> Dataset:
    """``record`` with its list fields put in the ``orders`` :func:`assemble` returned."""
    for name, order in orders.items():
        items = getattr(record, name)
        if sorted(order) != list(range(len(items))):
            raise ValueError(f"the order of {name} does not fit its {len(items)} items")
        setattr(record, name, list(map(items.__getitem__, order)))
    return record
