"""A checked dataset as plain JSON columns, and back: nothing in it can run code.

Each field of :class:`~timeline.model.Dataset` is one JSON document
(``events``): the objects of its class (:class:`~timeline.model.Event`,
...) written by columns, one per field, so that reading converts each
column in one pass and makes each object with one constructor call. Each
column of text (ids, summaries, lists of ids) is a part of its own
(``events.0``, ...): UTF-8, its values joined into one string, split in a
single call when read. A
column with few distinct immutable values (types, statuses, dates) is
written once per value plus an array of indices. How each field is read
back comes from the class's type hints (``tuple[str, ...]``,
``DateSpan | None``, a dataclass or a named tuple), so a field added to the
model needs no change here; a type this module cannot write raises
:class:`TypeError`.

Only text, numbers, booleans, null, lists and objects: the decoder makes
objects of the model's own classes and nothing else.

>>> from timeline.model import Dataset
>>> decode(encode(Dataset(title="Talks"))) == Dataset(title="Talks")
True
"""
from __future__ import annotations

import base64
import dataclasses
import json
import sys
import types
import typing
from array import array
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from itertools import islice, repeat
from operator import attrgetter
from typing import Any

from timeline.model import Dataset

Decoder = Callable[[list], list]  # a column of JSON values -> a column of Python values

#: Of the values a column holds, at most this share distinct, to be written as a table of values and indices.
SHARED_SHARE = 0.5
#: Between the values of a column of text written as one string: the ASCII unit separator, which keeps
#: the text narrow (a column with it in a value is written as a JSON list).
SEPARATOR = "\x1f"
#: The types of the columns that may be written as one string.
_JOINED = (str, str | None, tuple[str, ...])


def encode(record: Dataset) -> dict[str, bytes]:
    """``record`` as documents, one per field of :class:`Dataset`: ``{"events": b"...", ...}``."""
    parts = {}
    for name, hint in _hints(Dataset).items():
        value, texts = getattr(record, name), _Texts(name)
        origin = typing.get_origin(hint)
        if origin is dict:
            keys = _joined(list(value), texts) or list(value)
            body = {"keys": keys, "items": _columns(typing.get_args(hint)[1], list(value.values()), texts)}
        elif origin is list:
            body = {"items": _columns(typing.get_args(hint)[0], value, texts)}
        else:
            body = {"value": _encoder(hint)([value])[0]}
        document = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        parts[name] = document
        parts.update(texts.parts)
    return parts


def decode(parts: Mapping[str, bytes]) -> Dataset:
    """The :class:`Dataset` of :func:`encode`'s documents; ``KeyError``, ``ValueError`` or ``TypeError`` if malformed.

    Makes millions of objects: run it with the garbage collector off (see :meth:`timeline.store.Store.load`).
    """
    fields = {}
    for name, hint in _hints(Dataset).items():
        body, text = json.loads(parts[name]), parts
        origin = typing.get_origin(hint)
        if origin is dict:
            keys = _split(body["keys"], text) if isinstance(body["keys"], dict) else body["keys"]
            fields[name] = dict(zip(keys, _rows(typing.get_args(hint)[1], body["items"], text), strict=True))
        elif origin is list:
            fields[name] = _rows(typing.get_args(hint)[0], body["items"], text)
        else:
            fields[name] = _decoder(hint)([body["value"]])[0]
    return Dataset(**fields)


def fingerprint() -> str:
    """The shape of everything stored (classes, fields, their types): a store of another shape is not read."""
    seen: dict[str, str] = {}

    def visit(cls: type) -> None:
        if cls.__qualname__ in seen or not _fields(cls):
            return
        hints = _hints(cls)
        seen[cls.__qualname__] = ",".join(f"{name}:{hint}" for name, hint in hints.items())
        for hint in hints.values():
            for inner in _walk(hint):
                visit(inner)

    visit(Dataset)
    return ";".join(f"{name}({fields})" for name, fields in sorted(seen.items()))


# -- writing --------------------------------------------------------------

class _Texts:
    """The columns of text of a document, each a part of its own in UTF-8: ``{"events.0": b"...", ...}``."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.parts: dict[str, bytes] = {}

    def add(self, text: str) -> str:
        name = f"{self.document}.{len(self.parts)}"
        self.parts[name] = text.encode("utf-8", "surrogatepass")
        return name


def _columns(cls: type, items: list, texts: _Texts) -> dict[str, Any]:
    """``items`` of class ``cls`` as ``{field: column}``, each column in the form quickest to read:
    :func:`_shared`, :func:`_joined` or a JSON list."""
    columns: dict[str, Any] = {"count": len(items)}
    for name, hint in _hints(cls).items():
        column = _encoder(hint)(list(map(attrgetter(name), items)))
        columns[name] = ((_shareable(hint) and _shared(column))
                         or (hint in _JOINED and _joined(column, texts)) or column)
    return columns


def _shared(column: list) -> dict[str, Any] | None:
    """``column`` as a table of its distinct values and an index into it, if that is much shorter."""
    try:
        table = list(dict.fromkeys(column))
    except TypeError:  # a list or a mapping in it
        return None
    if len(table) > SHARED_SHARE * len(column):
        return None
    position = {value: i for i, value in enumerate(table)}
    return {"table": table, "index": _array(map(position.__getitem__, column))}


def _joined(column: list, texts: _Texts) -> dict[str, Any] | None:
    """A column of text, or of tuples of text, as a part of text; ``None`` if it cannot be.

    The values (the items of the tuples) are apart by :data:`SEPARATOR`;
    ``nulls`` says where the ``None`` are, ``lengths`` how long each tuple
    is. A column with the separator in a value stays a list.
    """
    if not column:  # "" would read back as one empty text
        return None
    tuples = any(isinstance(value, tuple) for value in column)
    values = [item for value in column for item in value] if tuples else [value or "" for value in column]
    if any(SEPARATOR in value for value in values):
        return None
    joined: dict[str, Any] = {"text": texts.add(SEPARATOR.join(values))}
    if tuples:
        joined["lengths"] = _array(map(len, column))
    else:
        joined["nulls"] = [i for i, value in enumerate(column) if value is None]
    return joined


def _array(numbers: Iterable[int]) -> str:
    """Unsigned 32-bit integers, little-endian, in base 64."""
    values = array("I", numbers)
    if sys.byteorder == "big":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode()


@cache
def _encoder(hint: Any) -> Decoder:
    """How a column of values of type ``hint`` becomes JSON values: tuples, to be shared (written as lists)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [_encoder(a) for a in args]
        if all(e is _same for e in inner):
            return _same
        if len(inner) == 1:
            return _or_none(inner[0])
        raise TypeError(f"cannot store a {hint}: a union of several kinds of object")
    if origin is tuple and (not args or args[-1] is Ellipsis):
        inner_encoder = _encoder(args[0]) if args else _same
        return _same if inner_encoder is _same else _tuples(inner_encoder)
    if origin is dict and args and args[0] is str:
        value_encoder = _encoder(args[-1])
        return lambda column: [dict(zip(v, value_encoder(list(v.values())))) for v in column]
    if hint in (str, int, float, bool, type(None), typing.Any):
        return _same
    if hint is datetime:
        return lambda column: [v.isoformat() for v in column]
    if hint is timezone:
        return lambda column: [(v.utcoffset(None).total_seconds(), v.tzname(None)) for v in column]
    if isinstance(hint, type) and _fields(hint):
        encoders = [(attrgetter(name), _encoder(h)) for name, h in _hints(hint).items()]
        return lambda column: list(zip(*(encode(list(map(get, column))) for get, encode in encoders)))
    raise TypeError(f"cannot store a {hint}")


# -- reading --------------------------------------------------------------

def _rows(cls: type, columns: dict[str, Any], text: Mapping[str, bytes]) -> list:
    """The objects of ``cls`` written by :func:`_columns`, made with one call each."""
    count = columns["count"]
    values = []
    for name, hint in _hints(cls).items():
        column = columns[name]
        if isinstance(column, dict) and "text" in column:
            column = _split(column, text)
        elif isinstance(column, dict):
            column = list(map(_decoder(hint)(column["table"]).__getitem__, _numbers(column["index"])))
        else:
            column = _decoder(hint)(column)
        if len(column) != count:
            raise ValueError(f"column {cls.__name__}.{name} has {len(column)} values, not {count}")
        values.append(column)
    return list(map(cls, *values)) if values else [cls() for _ in range(count)]


def _split(column: dict[str, Any], text: Mapping[str, bytes]) -> list:
    """The values of a column written by :func:`_joined`, its part read from ``text``."""
    values: list = str(text[column["text"]], "utf-8", "surrogatepass").split(SEPARATOR)
    if "lengths" in column:
        return _regroup(values, _numbers(column["lengths"]))
    for index in column["nulls"]:
        values[index] = None
    return values


def _regroup(items: list, lengths: Iterable[int]) -> list[tuple]:
    """``items`` cut into tuples of these lengths, in C: no Python call per tuple."""
    flow = iter(items)
    return list(map(tuple, map(islice, repeat(flow), lengths)))


def _numbers(text: str) -> array:
    """The integers written by :func:`_array`."""
    values = array("I", base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _same(column: list) -> list:
    return column


@cache
def _decoder(hint: Any) -> Decoder:
    """How a column of JSON values becomes a column of values of type ``hint``."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [_decoder(a) for a in args]
        if all(d is _same for d in inner):
            return _same
        if len(inner) == 1:  # X | None
            return _or_none(inner[0])
        raise TypeError(f"cannot store a {hint}: a union of several kinds of object")
    if origin is tuple and (not args or args[-1] is Ellipsis):
        inner_decoder = _decoder(args[0]) if args else _same
        return (lambda column: list(map(tuple, column))) if inner_decoder is _same else _tuples(inner_decoder)
    if origin is dict and args and args[0] is str:
        value_decoder = _decoder(args[-1])
        return lambda column: [dict(zip(v, value_decoder(list(v.values())))) for v in column]
    if hint in (str, int, float, bool, type(None), typing.Any):
        return _same
    if hint is datetime:
        return lambda column: list(map(datetime.fromisoformat, column))
    if hint is timezone:
        return lambda column: [timezone(timedelta(seconds=v[0]), v[1]) for v in column]
    if isinstance(hint, type) and _fields(hint):
        return _object_decoder(hint)
    raise TypeError(f"cannot store a {hint}")


def _tuples(convert: Decoder) -> Decoder:
    """Tuples of values, all converted by ``convert`` in one pass."""
    def convert_tuples(column: list) -> list:
        return _regroup(convert([x for v in column for x in v]), map(len, column))

    return convert_tuples


def _or_none(convert: Decoder) -> Decoder:
    """``convert`` for the values of a column that are not null."""
    def convert_or_none(column: list) -> list:
        made = iter(convert([v for v in column if v is not None]))
        return [None if v is None else next(made) for v in column]

    return convert_or_none


def _object_decoder(cls: type) -> Decoder:
    """Objects of ``cls`` from lists of their field values."""
    decoders = [_decoder(hint) for hint in _hints(cls).values()]

    def decode_objects(column: list) -> list:
        fields = [decoder([v[i] for v in column]) for i, decoder in enumerate(decoders)]
        return list(map(cls, *fields)) if fields else [cls() for _ in column]

    return decode_objects


# -- types ----------------------------------------------------------------

def _fields(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass or named tuple, in order; ``()`` for any other class."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return tuple(getattr(cls, "_fields", ())) if issubclass(cls, tuple) else ()


@cache
def _hints(cls: type) -> dict[str, Any]:
    """Each field of ``cls`` with its resolved type hint, in field order."""
    hints = typing.get_type_hints(cls)
    return {name: hints[name] for name in _fields(cls)}


def _walk(hint: Any) -> list[type]:
    """The classes named in a type hint: ``tuple[Quote, ...] | None`` -> ``[Quote]``."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return [hint]
    return [cls for arg in typing.get_args(hint) if arg is not Ellipsis for cls in _walk(arg)]


_NUMBERS = (bool, int, float)


@cache
def _shareable(hint: Any) -> bool:
    """May equal values of this type be one object? Immutable ones, if equality keeps their type.

    (Text, tuples and frozen classes of them; not ``int | float``, where ``1 == 1.0``.)
    """
    if hint in (str, *_NUMBERS, type(None), datetime, timezone):
        return True
    if typing.get_origin(hint) in (typing.Union, types.UnionType, tuple):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return sum(a in _NUMBERS for a in args) <= 1 and all(_shareable(a) for a in args)
    if isinstance(hint, type) and issubclass(hint, tuple) and _fields(hint):
        return all(_shareable(h) for h in _hints(hint).values())
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        frozen = hint.__dataclass_params__.frozen  # type: ignore[attr-defined]
        return frozen and all(_shareable(h) for h in _hints(hint).values())
    return False

