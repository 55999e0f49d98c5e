"""A checked dataset as plain JSON columns, and back: nothing in it can run code.

Each class of the model (:class:`~timeline.model.Event`,
:class:`~timeline.model.Actor`, ...) is written as one JSON object of
columns, a list of values per field, so that reading makes each object with
one constructor call and converts each column in one pass. A column with
few distinct immutable values (types, statuses, dates) is written once per
value plus a list of indices. How each field is read back comes from the
class's type hints (``tuple[str, ...]``, ``DateSpan | None``, a dataclass or
a named tuple), so a field added to the model needs no change here; a type
this module cannot write raises :class:`TypeError` when the codec is built.

JSON holds only text, numbers, booleans, null, lists and objects: the
decoder makes objects of the model's own classes and nothing else.

>>> from timeline.model import Dataset
>>> decode(encode(Dataset(title="Talks"))) == Dataset(title="Talks")
True
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from itertools import islice
from operator import attrgetter
from typing import Any

from timeline.model import Dataset

Decoder = Callable[[list], list]  # a column of JSON values -> a column of Python values

#: Of the values a column holds, at most this share distinct, to be written as a table of values and indices.
SHARED_SHARE = 0.5


def encode(record: Dataset) -> dict[str, bytes]:
    """``record`` as JSON documents (UTF-8), one per field of :class:`Dataset`: ``{"events": b"...", ...}``."""
    parts = {}
    for name, hint in _hints(Dataset).items():
        value = getattr(record, name)
        origin = typing.get_origin(hint)
        if origin is dict:
            body = {"keys": list(value), "items": _columns(typing.get_args(hint)[1], list(value.values()))}
        elif origin is list:
            body = {"items": _columns(typing.get_args(hint)[0], value)}
        else:
            body = {"value": _encoder(hint)([value])[0]}
        parts[name] = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return parts


def decode(parts: Mapping[str, bytes]) -> Dataset:
    """The :class:`Dataset` of :func:`encode`'s documents; ``KeyError``, ``ValueError`` or ``TypeError`` if malformed."""
    fields = {}
    for name, hint in _hints(Dataset).items():
        body = json.loads(parts[name])
        origin = typing.get_origin(hint)
        if origin is dict:
            fields[name] = dict(zip(body["keys"], _rows(typing.get_args(hint)[1], body["items"]), strict=True))
        elif origin is list:
            fields[name] = _rows(typing.get_args(hint)[0], body["items"])
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

def _columns(cls: type, items: list) -> dict[str, Any]:
    """``items`` of class ``cls`` as ``{field: column}``; a column of few distinct values as ``{"table", "index"}``."""
    columns: dict[str, Any] = {"count": len(items)}
    for name, hint in _hints(cls).items():
        column = _encoder(hint)(list(map(attrgetter(name), items)))
        columns[name] = _shared(column) if _shareable(hint) else column
    return columns


def _shared(column: list) -> Any:
    """``column`` as a table of its distinct values and an index into it, if that is much shorter."""
    try:
        table = list(dict.fromkeys(column))
    except TypeError:  # a list or a mapping in it
        return column
    if len(table) > SHARED_SHARE * len(column):
        return column
    position = {value: i for i, value in enumerate(table)}
    return {"table": table, "index": list(map(position.__getitem__, column))}


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
        return _same if inner_encoder is _same else lambda column: [tuple(inner_encoder(list(v))) for v in column]
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

def _rows(cls: type, columns: dict[str, Any]) -> list:
    """The objects of ``cls`` written by :func:`_columns`, made with one call each."""
    count = columns["count"]
    values = []
    for name, hint in _hints(cls).items():
        column = columns[name]
        if isinstance(column, dict):
            table = _decoder(hint)(column["table"])
            column = list(map(table.__getitem__, column["index"]))
        else:
            column = _decoder(hint)(column)
        if len(column) != count:
            raise ValueError(f"column {cls.__name__}.{name} has {len(column)} values, not {count}")
        values.append(column)
    return list(map(cls, *values)) if values else [cls() for _ in range(count)]


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
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis or origin is tuple and not args:
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


def _tuples(decoder: Decoder) -> Decoder:
    """Tuples of objects, all decoded in one pass."""
    def decode_tuples(column: list) -> list:
        made = iter(decoder([x for v in column for x in v]))
        return [tuple(islice(made, len(v))) if v else () for v in column]

    return decode_tuples


def _or_none(decoder: Decoder) -> Decoder:
    """``decoder`` for the values of a column that are not null."""
    def decode_or_none(column: list) -> list:
        made = iter(decoder([v for v in column if v is not None]))
        return [None if v is None else next(made) for v in column]

    return decode_or_none


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

