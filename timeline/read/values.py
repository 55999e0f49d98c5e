"""Mappings and lists read from a data file, with the line of each key and item.

Plain ``dict`` and ``list`` subclasses, free of any parser, so that code checking data
(and a dataset answered from the cache) needs no YAML library.
"""
from __future__ import annotations

from collections.abc import MutableSequence
from typing import Any


class Map(dict):
    """A mapping read from YAML; ``lines`` holds the line of each key, in key order.

    ``texts`` maps the keys whose values are numbers or booleans to the text as written
    (``None`` when there are none).
    """

    __slots__ = ("lines", "texts")
    lines: MutableSequence[int]
    texts: dict[Any, str] | None

    def line(self, key: str) -> int:
        """The 1-based line of ``key``."""
        return self.lines[list(self).index(key)]


class Seq(list):
    """A list read from YAML; ``lines`` holds the line of each item, ``texts`` as in :class:`Map`."""

    __slots__ = ("lines", "texts")
    lines: MutableSequence[int]
    texts: dict[Any, str] | None

    def line(self, index: int) -> int:
        """The 1-based line of item ``index``."""
        return self.lines[index]


def text_of(container: Any, key: Any) -> str | None:
    """The value at ``key`` as text, as the user wrote it (``None`` if absent or null).

    Works on any ``dict`` or ``list``; a :class:`Map` or :class:`Seq` gives numbers and
    booleans back as written (``010``, not ``8`` or ``10``).
    """
    value = container[key] if isinstance(container, list) else container.get(key)
    return None if value is None else as_written(container, key, value)


def as_written(container: Any, key: Any, value: Any) -> str:
    """``value``, found at ``key`` of ``container``, as text as the user wrote it (see :func:`text_of`)."""
    if isinstance(value, str):
        return value
    texts = getattr(container, "texts", None)
    if texts and key in texts:
        return texts[key]
    return str(value)
