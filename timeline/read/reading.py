"""What every reader of a dataset's items shares: the record being built, where each id is defined, the
problems noted so far with their lines, and the readers of plain values (text, ids, dates, lists of mappings).

The loader (:class:`timeline.dataset._Builder`) is made of this base and the readers of each kind of item
(:mod:`timeline.read.record_fields`, :mod:`timeline.items`, :mod:`timeline.read.negotiation`) and the checks
across files (:mod:`timeline.read.cross_checks`); each reader notes a problem (with its place) instead of
raising, so that every problem of a file is reported at once.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from timeline.dates import DateError, DateSpan, parse_edtf
from timeline.model import ROLE_KEYS, Dataset
from timeline.read.files import MAX_FILE_BYTES
from timeline.read.problems import MAX_PROBLEMS, Problem, Problems, describe, did_you_mean
from timeline.read.values import Map, Seq, as_written
from timeline.read.yaml import describe_char

Path_ = tuple[str | int, ...]

#: Characters an id cannot hold: controls, zero-width characters and direction marks, embeddings,
#: overrides and isolates (Unicode TR9), the byte-order mark: unseen, so a reference typed as the id shows fails.
_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


class Reading:
    """The state of one load and the readers of plain values, shared by every reader of items."""

    def __init__(self, max_bytes: int = MAX_FILE_BYTES, max_problems: int = MAX_PROBLEMS) -> None:
        self.max_bytes = max_bytes
        self.dataset = Dataset()
        self.problems = Problems(max_problems)
        self.origin: dict[str, tuple[str, Path_]] = {}     # id -> where it is defined
        #: (file, top-level key, index) -> (line, item): each item as read, for lines found after its file
        self.items: dict[tuple[str, str | int, str | int], tuple[int, dict]] = {}
        self.top_lines: dict[str, dict[str, int]] = {}      # file -> top-level key -> line
        self.order: dict[str, int] = {}                     # file -> position in reading order

    # -- reporting -------------------------------------------------------

    def problem(self, file: str, where: Path_ | int, message: str) -> None:
        """Note a problem at ``where``: a path of keys and indices, or a line number.

        Only the first :data:`MAX_PROBLEMS` are kept (and their lines looked up); the rest are counted.
        """
        if self.problems.full:
            self.problems.add(None)
        else:
            self.problems.add(Problem(file, where if isinstance(where, int) else self.line(file, where), message))

    def line(self, file: str, where: Path_) -> int | None:
        """The line of the item at ``where`` in ``file`` (as deep as it exists), from the lines kept on reading."""
        if len(where) >= 2 and (found := self.items.get((file, where[0], where[1]))) is not None:
            return _line_of(found[1], where[2:], found[0])
        return self.top_lines.get(file, {}).get(str(where[0])) if where else None

    def _items(self, file: str, where: Path_, key: str, value: Any) -> Iterator[tuple[int, dict]]:
        """``(index, item)`` for each mapping in the list ``value``; a problem for anything else."""
        from timeline.read.yaml import Items

        if isinstance(value, Items):    # a top-level list, read while iterated
            for index, line, item in value:
                if isinstance(item, dict):
                    self.items[file, key, index] = (line, item)
                    yield index, item
                else:
                    self.problem(file, line, f"each item of '{key}' should be a mapping, not {describe(item)}")
            return
        if not isinstance(value, list):
            self.problem(file, (*where, key), f"'{key}' should be a list of mappings (items starting with '- '), "
                                              f"not {describe(value)}")
            return
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item
            else:
                self.problem(file, (*where, key, index), f"each item of '{key}' should be a mapping, not {describe(item)}")

    # -- plain values ----------------------------------------------------

    def _keys(self, file: str, where: Path_, item: dict, allowed: tuple[str, ...], what: str) -> None:
        for key in item:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                if what == "event" and not hint:
                    hint = f"; roles are {', '.join(ROLE_KEYS)}"
                self.problem(file, (*where, key), f"unknown key '{key}' in {what}{hint}")

    def _each(self, file: str, where: Path_, key: str, value: Any, keys: tuple[str, ...],
              what: str) -> Iterator[tuple[Path_, dict]]:
        """``(place, item)`` for each mapping of the list ``value`` at ``key``, its keys checked against ``keys``."""
        for index, item in self._items(file, where, key, [] if value is None else value):
            place = (*where, key, index)
            self._keys(file, place, item, keys, what)
            yield place, item

    def _text(self, file: str, where: Path_, item: dict, key: str, required: bool = False) -> str | None:
        """The value at ``key`` as the text the user typed (``id: 010`` is "010"), stripped; ``None`` if absent."""
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, where, f"missing '{key}'")
            return None
        if isinstance(value, (dict, list)):
            self.problem(file, (*where, key), f"'{key}' should be text, not {describe(value)}")
            return None
        return as_written(item, key, value).strip()

    def _ids(self, file: str, where: Path_, item: dict, key: str) -> tuple[str, ...]:
        """An id or a list of ids at ``key``, each as typed; a text with commas is refused with the list to write."""
        value = item.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            bad = next((index for index, v in enumerate(value) if v is None or isinstance(v, (dict, list))), None)
            if bad is None:
                return tuple(as_written(value, index, v) for index, v in enumerate(value))
            self.problem(file, (*where, key, bad), f"'{key}' should be a list of ids; item {bad + 1} is "
                                                   f"{describe(value[bad])}")
            return ()
        if isinstance(value, dict):
            self.problem(file, (*where, key), f"'{key}' should be an id or a list of ids, not a mapping")
            return ()
        text = as_written(item, key, value)
        if "," in text:
            listed = ", ".join(_flow_item(part.strip()) for part in text.split(",") if part.strip())
            self.problem(file, (*where, key), f"'{key}' is a list: write {key}: [{listed}] (or one '- ' line "
                                              f"each); quote a single entry that has a comma: [{_flow_item(text)}]")
            return ()
        return (text,)

    def _date(self, file: str, where: Path_, value: Any) -> DateSpan | None:
        try:
            return parse_edtf(value)
        except DateError as error:
            self.problem(file, where, str(error))
        except TypeError:
            self.problem(file, where, f"a date should be text such as 2025-12-02, not {describe(value)}")
        return None

    def _id_text(self, file: str, where: Path_, item: dict, what: str) -> str | None:
        """The ``id`` of ``item``, a ``what``, as typed; ``None`` (with a problem) if missing or empty."""
        ident = self._text(file, where, item, "id", required=True)
        if ident == "":
            self.problem(file, (*where, "id"), f"empty {what} id")
            return None
        if ident and (bad := _UNSEEN.search(ident)):
            self.problem(file, (*where, "id"), f"{what} id {ident!r} holds the invisible character "
                                               f"{describe_char(bad.group())}: a reference typed as it shows would "
                                               "not find it; delete the character")
            return None
        return ident


def _line_of(node: Any, where: Path_, line: int) -> int:
    """The line of the item at ``where`` (keys and indices) inside ``node``, which starts at ``line``."""
    for step in where:
        if isinstance(node, Map) and step in node:
            line, node = node.line(str(step)), node[step]
        elif isinstance(node, Seq) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.line(step), node[step]
        else:
            break
    return line


_PLAIN_ITEM = re.compile(r"[^\s\[\]{},:#&*!|>'\"%@`-][^\[\]{},:#]*")


def _flow_item(text: str) -> str:
    """``text`` as an item of a YAML flow list: bare when that reads back the same, else quoted."""
    import json

    return text if _PLAIN_ITEM.fullmatch(text) and text == text.strip() else json.dumps(text, ensure_ascii=False)
