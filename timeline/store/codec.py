"""A checked dataset as plain JSON columns, and back: nothing in it can run code.

:func:`encode` writes a :class:`~timeline.model.Dataset` (in the store: the
part of it read from one data file) as one JSON document: each field of the
dataset holds the objects of its class (:class:`~timeline.model.Event`,
...) by columns, one per field of the class. A column with few distinct
immutable values (types, statuses, dates) is written once per value plus an
array of indices. :func:`decode` reads many such documents at once: it
joins each column across the documents first, so that each column is
converted in one pass and each object made with one constructor call, however
many files the dataset has. How each field is read back comes from the
class's type hints (``tuple[str, ...]``, ``DateSpan | None``, a dataclass
or a named tuple), so a field added to the model needs no change here; a
type this module cannot write raises :class:`TypeError`.

Only text, numbers, booleans, null, lists and objects: the decoder makes
objects of the model's own classes and nothing else.

>>> from timeline.model import Dataset
>>> decode([encode(Dataset(title="Talks"))]) == [Dataset(title="Talks")]
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
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta, timezone
from functools import cache
from itertools import accumulate, chain, islice, repeat
from operator import attrgetter
from typing import Any

from timeline.model import Dataset

Decoder = Callable[[list], list]  # a column of JSON values -> a column of Python values

#: Of the values a column holds, at most this share distinct, to be written as a table of values and indices.
SHARED_SHARE = 0.5
#: Between the values of a column of text written as one string: the ASCII unit separator (a column with
#: it in a value is written as a JSON list). One long string reads many times faster than a list of short ones.
SEPARATOR = "\x1f"
#: The types of the columns that may be written as one string.
_JOINED = (str, str | None, tuple[str, ...])


def encode(record: Dataset) -> bytes:
    """``record`` as one document: ``{"events": {"items": {...columns}}, ...}`` (see :func:`pack`)."""
    texts: list[str] = []
    return pack(encode_fields([record], texts), texts)


def encode_fields(records: Sequence[Dataset], texts: list[str]) -> dict[str, Any]:
    """``records`` as JSON-ready values, each field of :class:`Dataset` as one column of all of them (with the
    number of items of each); columns of text go to ``texts``."""
    body: dict[str, Any] = {}
    for name, hint in _hints(Dataset).items():
        values = [getattr(record, name) for record in records]
        origin = typing.get_origin(hint)
        if origin is dict:
            body[name] = {"keys": list(chain.from_iterable(values)), "counts": list(map(len, values)),
                          "items": _columns(typing.get_args(hint)[1],
                                            list(chain.from_iterable(map(dict.values, values))), texts)}
        elif origin is list:
            body[name] = {"counts": list(map(len, values)),
                          "items": _columns(typing.get_args(hint)[0], list(chain.from_iterable(values)), texts)}
        else:
            body[name] = {"values": _encoder(hint)(values)}
    return body


def pack(body: dict[str, Any], texts: list[str]) -> bytes:
    """A document: ``body`` as JSON on one line, then ``texts`` apart by :data:`SEPARATOR`, all UTF-8."""
    head = json.dumps({**body, "texts": len(texts)}, ensure_ascii=False, separators=(",", ":"))
    return f"{head}\n{SEPARATOR.join(texts)}".encode("utf-8", "surrogatepass")


def unpack(document: bytes) -> tuple[dict[str, Any], Texts]:
    """The body and the texts of a document written by :func:`pack`; ``ValueError`` if it is not one."""
    head, _, tail = document.partition(b"\n")
    body = json.loads(head)
    count = body.pop("texts")
    values = str(tail, "utf-8", "surrogatepass").split(SEPARATOR) if count else []
    if len(values) != count:
        raise ValueError(f"{len(values)} texts, not {count}")
    return body, Texts(values)


class Texts:
    """The texts of a document, taken column by column in the order they were written."""

    def __init__(self, values: list[str]) -> None:
        self.values, self.taken = values, 0

    def take(self, count: int) -> list[str]:
        start, self.taken = self.taken, self.taken + count
        if self.taken > len(self.values):
            raise ValueError("fewer texts than the columns name")
        return self.values[start:self.taken]


def decode(documents: Sequence[bytes]) -> list[Dataset]:
    """The datasets of :func:`encode`'s documents; ``KeyError``, ``ValueError``, ``IndexError`` or ``TypeError``
    if malformed.

    Makes millions of objects: run it with the garbage collector off (see :meth:`timeline.store.Store.load`).
    """
    return decode_fields(list(map(unpack, documents)))


def decode_fields(documents: list[tuple[dict[str, Any], Texts]]) -> list[Dataset]:
    """The datasets of :func:`encode_fields`'s values and texts, in order: each column converted once for all."""
    bodies = [body for body, _ in documents]
    texts = [text for _, text in documents]
    fields: list[dict[str, Any]] = []
    for name, hint in _hints(Dataset).items():
        origin = typing.get_origin(hint)
        if origin in (dict, list):
            pieces = [body[name]["items"] for body in bodies]
            items = _rows(typing.get_args(hint)[-1], pieces, texts)
            counts = list(chain.from_iterable(body[name]["counts"] for body in bodies))
            if sum(counts) != len(items):
                raise ValueError(f"{name}: {len(items)} items, not {sum(counts)}")
            ends = list(accumulate(counts))
            chunks = map(items.__getitem__, map(slice, [0, *ends], ends))
            if origin is dict:
                keys = list(chain.from_iterable(body[name]["keys"] for body in bodies))
                chunks = (dict(zip(keys[chunk.start:chunk.stop], items[chunk], strict=True))
                          for chunk in map(slice, [0, *ends], ends))
        else:
            chunks = iter(_decoder(hint)(list(chain.from_iterable(body[name]["values"] for body in bodies))))
        if not fields:
            fields = [{} for _ in range(len(counts) if origin in (dict, list) else
                                        sum(len(body[name]["values"]) for body in bodies))]
        for values, chunk in zip(fields, chunks, strict=True):
            values[name] = chunk
    return [Dataset(**values) for values in fields]


@cache  # the classes do not change while a process runs; a load asks twice
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

def _columns(cls: type, items: list, texts: list[str]) -> dict[str, Any]:
    """``items`` of class ``cls`` as ``{"count": n, field: column}``; each column a JSON list or :func:`_shared`."""
    columns: dict[str, Any] = {"count": len(items)}
    for name, hint in _hints(cls).items():
        column = _encoder(hint)(list(map(attrgetter(name), items)))
        columns[name] = (_shareable(hint) and _shared(column)) or (hint in _JOINED and _joined(column, texts)) or column
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


def _joined(column: list, texts: list[str]) -> dict[str, Any] | None:
    """A column of text, or of tuples of text, added to ``texts``; ``None`` if it cannot be.

    ``texts`` says how many values (items of the tuples) it added, ``nulls``
    where the ``None`` are, ``lengths`` how long each tuple is.
    """
    if not column:  # "" would read back as one empty text
        return None
    tuples = any(isinstance(value, tuple) for value in column)
    values = [item for value in column for item in value] if tuples else [value or "" for value in column]
    if any(SEPARATOR in value for value in values):
        return None
    texts.extend(values)
    joined: dict[str, Any] = {"texts": len(values)}
    if tuples:
        joined["lengths"] = _array(map(len, column))
    else:
        joined["nulls"] = [i for i, value in enumerate(column) if value is None]
    return joined


def _split(column: dict[str, Any], texts: Texts) -> list:
    """The values of a column written by :func:`_joined`, taken from ``texts``."""
    values: list = texts.take(column["texts"])
    if "lengths" in column:
        return _regroup(values, _numbers(column["lengths"]))
    for index in column["nulls"]:
        values[index] = None
    return values


def _array(numbers: Iterable[int]) -> str:
    """Unsigned 32-bit integers, little-endian, in base 64."""
    values = array("I", numbers)
    if sys.byteorder == "big":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode()


def _encoder(hint: Any) -> Decoder:
    """How a column of values of type ``hint`` becomes JSON values: tuples, to be shared (written as lists)."""
    return _converter(hint, False)


def _decoder(hint: Any) -> Decoder:
    """How a column of JSON values becomes a column of values of type ``hint``."""
    return _converter(hint, True)


#: The converters (to JSON, from JSON) of the values that are neither JSON nor classes with fields.
_LEAVES: dict[Any, tuple[Decoder, Decoder]] = {
    datetime: (lambda column: [v.isoformat() for v in column], lambda column: list(map(datetime.fromisoformat, column))),
    timezone: (lambda column: [(v.utcoffset(None).total_seconds(), v.tzname(None)) for v in column],
               lambda column: [timezone(timedelta(seconds=v[0]), v[1]) for v in column]),
}


@cache
def _converter(hint: Any, reading: bool) -> Decoder:
    """How a column of values of type ``hint`` becomes JSON values, or (``reading``) back."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [_converter(a, reading) for a in args]
        if all(convert is _same for convert in inner):
            return _same
        if len(inner) == 1:  # X | None
            return _or_none(inner[0])
        raise TypeError(f"cannot store a {hint}: a union of several kinds of object")
    if origin is tuple and (not args or args[-1] is Ellipsis):
        items = _converter(args[0], reading) if args else _same
        if items is not _same:
            return _tuples(items)
        return (lambda column: list(map(tuple, column))) if reading else _same
    if origin is dict and args and args[0] is str:
        values = _converter(args[-1], reading)
        return lambda column: [dict(zip(v, values(list(v.values())))) for v in column]
    if hint in (str, int, float, bool, type(None), typing.Any):
        return _same
    if hint in _LEAVES:
        return _LEAVES[hint][reading]
    if isinstance(hint, type) and _fields(hint):
        if reading:
            return _object_decoder(hint)
        fields = [(attrgetter(name), _encoder(h)) for name, h in _hints(hint).items()]
        return lambda column: list(zip(*(encode(list(map(get, column))) for get, encode in fields)))
    raise TypeError(f"cannot store a {hint}")


# -- reading --------------------------------------------------------------

def _rows(cls: type, pieces: list[dict[str, Any]], texts: list[Texts]) -> list:
    """The objects of ``cls`` written by :func:`_columns` into ``pieces`` (the texts of each in ``texts``),
    in order, made with one call each."""
    count = sum(piece["count"] for piece in pieces)
    values = []
    for name, hint in _hints(cls).items():
        column = _column(hint, [piece[name] for piece in pieces], texts)
        if len(column) != count:
            raise ValueError(f"column {cls.__name__}.{name} has {len(column)} values, not {count}")
        values.append(column)
    return list(map(cls, *values)) if values else [cls() for _ in range(count)]


def _column(hint: Any, pieces: list, texts: list[Texts]) -> list:
    """One column of values of type ``hint`` from its pieces (JSON lists, joined texts or shared tables), joined,
    then converted."""
    pieces = [_split(piece, text) if isinstance(piece, dict) and "texts" in piece else piece
              for piece, text in zip(pieces, texts, strict=True)]
    if not any(isinstance(piece, dict) for piece in pieces):
        return _decoder(hint)(list(chain.from_iterable(pieces)) if len(pieces) != 1 else pieces[0])
    tables = [piece["table"] if isinstance(piece, dict) else piece for piece in pieces]
    values = _decoder(hint)(list(chain.from_iterable(tables)))
    column: list = []
    base = 0
    for piece, table in zip(pieces, tables, strict=True):
        own = values[base:base + len(table)]
        base += len(table)
        column.extend(map(own.__getitem__, _numbers(piece["index"])) if isinstance(piece, dict) else own)
    return column


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

