"""Read a dataset from YAML files, check it, and report every problem at once.

A dataset is one YAML file or a folder of them (``*.yaml``, ``*.yml`` in any case,
read in name order and merged; see :mod:`timeline.read.files`). Loading is strict and
bounded: YAML is read as typed, with YAML 1.2 rules for numbers and booleans and
nothing able to run code (:mod:`timeline.read.yaml`), a size limit per file, and every
problem reported as ``file:line: what is wrong; the likely fix``: the first 100, then
how many more (:mod:`timeline.read.problems`).

>>> from timeline.dataset import load
>>> record = load("seeds/moscow-talks-2025-12.yaml")
>>> [e.id for e in record.events][:2]
['kyiv-rejects-leaked-demands', 'leaked-28-point-draft']
"""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from timeline.model import Dataset, date_order
from timeline.read.cross_checks import CrossFileChecks
from timeline.read.files import (  # noqa: F401 (the names this module has always offered)
    MAX_FILE_BYTES,
    YAML_SUFFIXES,
    data_files,
    dataset_files,
    default_path,
    is_data_file,
    max_file_bytes,
    read_bytes,
)
from timeline.read.problems import (  # noqa: F401
    COLLECTING,
    MAX_PROBLEMS,
    DatasetError,
    Problem,
    Problems,
    describe,
    did_you_mean,
)
from timeline.read.record_fields import (  # noqa: F401 (the names this module has always offered)
    ACTOR_KEYS,
    DATASET_KEYS,
    EVENT_KEYS,
    LINK_KEYS,
    MERGEABLE,
    QUOTE_KEYS,
    SOURCE_KEYS,
    RecordFields,
    _plain,
)

TOP_KEYS = ("dataset", "actors", "events", "sources", "issues", "positions", "plans")
#: Top-level lists read item by item, so that a huge list is never held whole.
ITEM_LISTS = frozenset(("actors", "events", "sources", "issues", "positions", "plans"))

Path_ = tuple[str | int, ...]


def load(path: str | os.PathLike, *more: str | os.PathLike) -> Dataset:
    """Load and check the dataset at ``path`` (with the files or folders ``more``, read after it, as one
    dataset); raise :class:`DatasetError` listing every problem."""
    files, unread = dataset_files(path)
    for extra in more:  # e.g. an import checked with the dataset whose actors it names
        found = dataset_files(extra)
        files, unread = [*files, *found[0]], [*unread, *found[1]]
    # a file named twice (--data F --data F, a folder and a file in it, a link to it) is read once, not
    # reported as defining each of its ids twice
    once: dict[str, Path] = {}
    for file in files:
        once.setdefault(os.path.realpath(file), file)
    files = list(once.values())
    if not files and not unread:
        raise DatasetError([Problem(str(path), None,
                                    "no .yaml or .yml files here; point --data at a dataset file or folder")])
    if len(files) == 1 and not unread and not is_data_file(files[0]):
        raise DatasetError([Problem(str(path), None, "not a dataset: data files end in .yaml or .yml")])
    builder = _Builder(max_file_bytes())
    token = COLLECTING.set(builder.problems)
    collecting = gc.isenabled()
    gc.disable()  # loading makes millions of lasting objects: collecting them meanwhile doubles the time
    try:
        for problem in unread:
            builder.problems.add(problem)
        for file in files:
            builder.add_file(file)
        return builder.finish()
    finally:
        COLLECTING.reset(token)
        if collecting:
            gc.enable()


class _Builder(RecordFields, CrossFileChecks):
    """Turns data read from YAML into a :class:`Dataset`, collecting problems with their lines."""

    def finish(self) -> Dataset:
        self._check_references()
        if self.problems.count:
            order = self.order
            shown = sorted(self.problems.kept, key=lambda p: (order.get(p.file, -1), p.line or 0))
            raise DatasetError(shown, self.problems.count)
        self.dataset.events.sort(key=lambda e: (date_order(e.date), e.id))
        return self.dataset

    # -- reading files ---------------------------------------------------

    def add_file(self, file: Path) -> None:
        self.order.setdefault(str(file), len(self.order))
        text = self._read(file)
        if text is not None:
            self.add_text(str(file), text)

    def add_text(self, name: str, text: str) -> Any:
        """Read ``text``, the contents of the file ``name``; the :class:`~timeline.read.yaml.Reader` that read it
        (its ``anchors``: whether the file repeats values by anchors)."""
        import yaml

        from timeline.read.yaml import NotAMapping, Reader, YamlError, error_line

        self.order.setdefault(name, len(self.order))
        lines = self.top_lines[name] = {}
        reader = Reader(text, lambda line, message: self.problem(name, line, message))
        try:
            for key, line, value in reader.top(ITEM_LISTS):
                lines.setdefault(key, line)
                self._top_level(name, key, value)
        except NotAMapping as error:
            self.problem(name, 1, f"the file should be a mapping with keys {', '.join(TOP_KEYS)}, "
                                  f"not {describe(error.value)}")
        except YamlError as error:
            self.problem(name, error.line or (), error.message)
        except yaml.YAMLError as error:
            at, message = error_line(error, text)
            self.problem(name, at or (), f"malformed YAML: {message}; check indentation, colons and quotes")
        return reader

    def _top_level(self, file: str, key: str, value: Any) -> None:
        if key not in TOP_KEYS:
            self.problem(file, (key,), f"unknown top-level key '{key}'{did_you_mean(key, TOP_KEYS)}")
        elif key == "dataset":
            self._dataset_info(file, value)
        elif value is not None:
            for index, item in self._items(file, (), key, value):
                getattr(self, f"_{key[:-1]}")(file, (key, index), item)

    def _read(self, file: Path) -> str | None:
        """The text of ``file``, or ``None`` with a problem noted: unreadable, too big, not UTF-8, not printable."""
        from timeline.read.yaml import NOT_PRINTABLE, describe_char

        name = str(file)
        try:
            raw = read_bytes(file, self.max_bytes)
        except OSError as error:
            self.problem(name, (), f"cannot read: {error.strerror or error}")
            return None
        except ValueError as error:
            self.problem(name, (), str(error))
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            self.problem(name, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
            return None
        if bad := NOT_PRINTABLE.search(text):
            start = text.rfind("\n", 0, bad.start()) + 1
            others = len(NOT_PRINTABLE.findall(text)) - 1
            more = f" (and {others:,} more in this file)" if others else ""
            self.problem(name, text.count("\n", 0, bad.start()) + 1,
                         f"the control character {describe_char(bad.group())} at column {bad.start() - start + 1}"
                         f"{more} is not allowed in YAML (text pasted from a PDF often has them); delete it")
            return None
        return text
