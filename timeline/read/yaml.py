"""Read YAML as the user typed it: one pass, every line kept, nothing guessed, nothing run.

:class:`Reader` builds plain values from the parser's events (libyaml's when PyYAML has it),
without the node tree and without PyYAML's YAML 1.1 resolver:

- Plain scalars follow the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema):
  ``null``, ``Null``, ``NULL``, ``~`` and nothing are ``None``; ``true``/``false`` (three spellings)
  are booleans; ``[-+]?[0-9]+``, ``0o17``, ``0x1F`` are integers and ``1.5``, ``1e3``, ``.inf``,
  ``.nan`` floats. Everything else is text: YAML 1.1's ``yes``/``no``/``on``/``off``,
  ``12:30``, ``1_000`` and dates stay as written. A number or boolean keeps the text it was
  written as in ``texts`` (``id: 010`` is the integer 10 and the text "010"), so text fields
  read exactly what the user typed.
- Quoted and block scalars are text. Keys are always the text as typed.
- Each mapping is a :class:`Map` and each list a :class:`Seq`: a ``dict``/``list`` that also
  holds the 1-based line of each key or item (``lines``), so errors name lines without a
  second parse.
- A key repeated in one mapping is reported with both lines; the first value is kept.
  Merge keys (``<<: *base``) work as in YAML 1.1: explicit keys win.
- Anchors and aliases work, bounded: what they repeat may not make the file's values more
  than ten times its size (so a "billion laughs" file is refused at once, and a long text
  repeated a million times too).
  Nesting deeper than :data:`MAX_DEPTH` and texts longer than :data:`MAX_TEXT` are refused.
- Tags other than the core ones (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``,
  ``!!map``, ``!!seq``) are refused: nothing in a file can make the reader run code.

Problems that leave the rest readable go to ``report(line, message)``; those that stop
the reading raise :class:`YamlError`.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from typing import Any

from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from timeline.read.values import Map, Seq

#: Deepest nesting read; a dataset needs about six levels.
MAX_DEPTH = 40
#: Longest text (characters) of one value or key.
MAX_TEXT = 100_000

CORE = "tag:yaml.org,2002:"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_TYPED_START = frozenset("0123456789+-.~nNtTfF")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {f"{sign}.{inf}": float(f"{sign or '+'}inf") for sign in ("", "+", "-")
                   for inf in ("inf", "Inf", "INF")} | {f".{nan}": float("nan") for nan in ("nan", "NaN", "NAN")}
#: Characters YAML does not allow in a stream (https://yaml.org/spec/1.2.2/#51-character-set).
#: An escape in double quotes (``"\e[31m"``) is typed on purpose and kept: output shows it escaped.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CORE_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!"}


class YamlError(Exception):
    """A file that cannot be read further: ``line`` (1-based, or ``None``) and ``message``."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class NotAMapping(Exception):
    """The file's top level is not a mapping; ``value`` is what it is."""

    def __init__(self, value: Any):
        super().__init__("not a mapping")
        self.value = value


def typed(text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema: ``None``, a bool, an int, a float or ``text``."""
    if text[:1] not in _TYPED_START and text:
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text) and len(text) <= 4300:  # Python reads no longer whole number: kept as text
        base = {"0o": 8, "0x": 16}.get(text[:2], 10)
        return int(text[2:] if base != 10 else text, base)
    if _FLOAT.fullmatch(text):
        return float(text)
    return _SPECIAL_FLOATS.get(text, text)


def describe_char(char: str) -> str:
    """``U+0007`` with its usual name where it has one, for messages."""
    names = {"\0": "NUL", "\a": "BEL", "\b": "BS", "\x1b": "ESC", "\x7f": "DEL", "\f": "FF", "\v": "VT",
             "\r": "CR"}
    code = f"U+{ord(char):04X}"
    return f"{code} ({names[char]})" if char in names else code


def _parser(text: str) -> Any:
    import yaml

    try:
        from yaml._yaml import CParser  # libyaml's, when PyYAML was built with it
    except ImportError:
        return yaml.SafeLoader(text)  # the pure-Python parser: same events, slower
    return CParser(text)


def error_line(error: Exception, text: str) -> tuple[int | None, str]:
    """Line and message of a PyYAML parse error."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return mark.line + 1, str(getattr(error, "problem", None) or getattr(error, "context", None) or error)
    position = getattr(error, "position", None)
    line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
    return line, str(getattr(error, "reason", None) or error).splitlines()[0]


class Reader:
    """One YAML document read from events; see the module docstring for the rules.

    ``report(line, message)`` receives every problem that leaves the rest readable.
    """

    def __init__(self, text: str, report: Callable[[int, str], None]):
        self.next = _parser(text).get_event
        self.report = report
        self.anchors: dict[str, tuple[Any, int]] = {}   # anchor -> (value, its size)
        self.count = 0          # size of the values built: one per value and per character of text
        self.limit = 10 * len(text) + 1_000_000

    def top(self, streamed: frozenset[str] = frozenset()) -> Iterator[tuple[str, int, Any]]:
        """``(key, line, value)`` for each top-level key, in order.

        A list under a key in ``streamed`` comes as :class:`Items`, read while iterated,
        so a huge list is never held whole. A repeated key is reported and its items
        numbered on from the first block's. Raises :class:`NotAMapping` for another top
        level, :class:`YamlError` when the file cannot be read further.
        """
        self.next()                                   # stream start
        event = self.next()
        if type(event) is StreamEndEvent:          # an empty file
            return
        root = self.next()
        if type(root) is not MappingStartEvent:
            raise NotAMapping(self.value(root, 1))
        seen: dict[str, int] = {}
        counts: dict[str, int] = {}
        while type(event := self.next()) is not MappingEndEvent:
            line, key = event.start_mark.line + 1, self.key(event, 1)
            value_event = self.next()
            if key is None:
                self.value(value_event, 1)
                continue
            if key in seen:
                self.report(line, f"'{key}' appears twice at the top level (first at line {seen[key]}); YAML "
                                  f"keeps only the last block: put every item under one '{key}:'")
            seen.setdefault(key, line)
            if key in streamed and type(value_event) is SequenceStartEvent:
                self._check_tag(value_event, CORE + "seq")
                items = Items(self, counts.get(key, 0))
                yield key, line, items
                items.drain()
                counts[key] = items.index
            else:
                yield key, line, self.value(value_event, 1)
        self.next()                                   # document end
        event = self.next()
        if type(event) is not StreamEndEvent:
            raise YamlError(event.start_mark.line + 1, "a second YAML document starts here (after '---'); "
                                                       "a data file holds one: split it into two files")

    def key(self, event: Any, depth: int) -> str | None:
        """The text of a key; ``None`` (reported) for a list or mapping used as a key."""
        if type(event) is ScalarEvent:
            return self.scalar_text(event)
        value = self.value(event, depth)
        if isinstance(value, str):
            return value
        self.report(event.start_mark.line + 1, "a key should be text, not a list or mapping")
        return None

    def value(self, event: Any, depth: int) -> Any:
        """The value that starts with ``event``."""
        kind = type(event)
        if depth > MAX_DEPTH:
            raise YamlError(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep; "
                                                       "a dataset needs about six")
        start = self.count
        self.count += 1
        if kind is ScalarEvent:
            value = self.scalar(event)
            self.count += len(event.value)
        elif kind is MappingStartEvent:
            value = self.mapping(event, depth)
        elif kind is SequenceStartEvent:
            value = self.sequence(event, depth)
        elif kind is AliasEvent:
            return self.alias(event)
        else:
            raise YamlError(event.start_mark.line + 1, f"unexpected {kind.__name__}")
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - start)
        return value

    def alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            raise YamlError(event.start_mark.line + 1, f"alias *{event.anchor} comes before its anchor "
                                                       f"&{event.anchor} (or inside it)")
        value, size = self.anchors[event.anchor]
        self.count += size
        if self.count > self.limit:
            raise YamlError(event.start_mark.line + 1, "aliases repeat more than ten times what the file "
                                                       "holds (an alias bomb?); write the values out")
        return value

    def scalar_text(self, event: Any) -> str:
        text = event.value
        if len(text) > MAX_TEXT:
            self.report(event.start_mark.line + 1, f"a text of {len(text):,} characters, over the "
                                                   f"{MAX_TEXT:,} limit; shorten it")
        return text

    def scalar(self, event: Any) -> Any:
        text = self.scalar_text(event)
        tag = event.tag
        if tag is None:
            return typed(text) if event.implicit[0] else text
        if tag in (CORE + "str", "!"):
            return text
        value = typed(text)
        wanted: dict[str, type | tuple[type, ...]] = {
            CORE + "int": int, CORE + "float": (int, float), CORE + "bool": bool, CORE + "null": type(None)}
        if tag not in wanted:
            self.report(event.start_mark.line + 1, f"the tag {_short(tag)} is not supported; "
                                                   "remove it (timeline reads plain YAML)")
            return text
        if not isinstance(value, wanted[tag]) or tag != CORE + "bool" and isinstance(value, bool):
            self.report(event.start_mark.line + 1, f"'{text}' is not a {_short(tag)[2:]}; "
                                                   f"remove the tag {_short(tag)} or correct the value")
        return value

    def mapping(self, start: Any, depth: int) -> Map:
        self._check_tag(start, CORE + "map")
        result, lines, texts = Map(), array("L"), {}
        merged: list[Any] = []
        previous: tuple[str, Any] | None = None        # the last key and its value event, for hints
        positions: dict[str, int] | None = None        # key -> index, made at the first repeated key
        while type(event := self.next()) is not MappingEndEvent:
            line, key = event.start_mark.line + 1, self.key(event, depth + 1)
            value_event = self.next()
            value = self.value(value_event, depth + 1)
            if key is None:
                continue
            if key == "<<" and event.implicit[0]:
                merged.append((line, value))
            elif start.flow_style and _bare(event, value_event):
                self.report(line, _bare_hint(key, previous))
            elif key in result:
                positions = positions or {k: index for index, k in enumerate(result)}
                self.report(line, f"'{key}' appears twice in this mapping (first at line {lines[positions[key]]}); "
                                  "keep one")
            else:
                if positions is not None:
                    positions[key] = len(result)
                result[key] = value
                lines.append(line)
                if value is not None and type(value) is not str and not isinstance(value, (Map, Seq)):
                    texts[key] = value_event.value if type(value_event) is ScalarEvent else str(value)
            previous = (key, value_event)
        result.lines, result.texts = lines, texts or None
        for line, value in merged:
            self._merge(result, line, value)
        return result

    def sequence(self, start: Any, depth: int) -> Seq:
        self._check_tag(start, CORE + "seq")
        result, lines, texts = Seq(), array("L"), {}
        while type(event := self.next()) is not SequenceEndEvent:
            lines.append(event.start_mark.line + 1)
            value = self.value(event, depth + 1)
            if value is not None and type(value) is not str and not isinstance(value, (Map, Seq)):
                texts[len(result)] = event.value if type(event) is ScalarEvent else str(value)
            result.append(value)
        result.lines, result.texts = lines, texts or None
        return result

    def _merge(self, target: Map, line: int, value: Any) -> None:
        """YAML 1.1 merge keys: add the keys of ``value`` (a mapping or list of them) not already there."""
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, Map):
                self.report(line, "'<<' merges a mapping (<<: *name) or a list of them")
                continue
            texts = source.texts or {}
            for (key, item), line_of_key in zip(source.items(), source.lines):
                if key not in target:
                    target[key] = item
                    target.lines.append(line_of_key)
                    if key in texts:
                        target.texts = target.texts or {}
                        target.texts[key] = texts[key]

    def _check_tag(self, event: Any, own: str) -> None:
        if event.tag is not None and event.tag not in (own, "!"):
            self.report(event.start_mark.line + 1, f"the tag {_short(event.tag)} is not supported; "
                                                   "remove it (timeline reads plain YAML)")


class Items:
    """The items of a top-level list, read one by one: ``(index, line, value)``."""

    def __init__(self, reader: Reader, first_index: int):
        self.reader, self.index = reader, first_index
        self._items = self._read()

    def __iter__(self) -> Iterator[tuple[int, int, Any]]:
        return self._items

    def _read(self) -> Iterator[tuple[int, int, Any]]:
        end = SequenceEndEvent
        while type(event := self.reader.next()) is not end:
            value = self.reader.value(event, 2)
            yield self.index, event.start_mark.line + 1, value
            self.index += 1

    def drain(self) -> None:
        """Read what the consumer left, so that reading can go on after the list."""
        for _ in self._items:
            pass


def _bare(key_event: Any, value_event: Any) -> bool:
    """Whether a flow-mapping key had no ``:`` at all (``{participants: putin, witkoff}``)."""
    return (type(value_event) is ScalarEvent and value_event.value == "" and value_event.implicit[0] and value_event.tag is None
            and value_event.start_mark is not None and value_event.start_mark.index == key_event.end_mark.index)


def _bare_hint(key: str, previous: tuple[str, Any] | None) -> str:
    head = f"'{key}' inside {{...}} has no ':' and is read as a key of its own (a comma ends a value there)"
    if previous is not None and type(previous[1]) is ScalarEvent and previous[1].value:
        name, value = previous[0], previous[1].value
        return f"{head}: for a list write {name}: [{value}, {key}]; for text with a comma use quotes"
    return f"{head}: write '{key}: value', or put text that has a comma in quotes"


def _short(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag
