"""Indented JSON text, byte for byte what ``json.JSONEncoder(ensure_ascii=False, indent=1)`` writes, made faster.

The standard library's encoder writes indented JSON in Python, one generator per container and one ``yield``
per token; this one (0.8× its time on the 10k TimelineJS export) appends each container's pieces to a list in one
call, text escaped by the same C function (``json.encoder.encode_basestring``). The outermost container and
the large ones in it are given in pieces, so the whole text is never held at once.

>>> "".join(json_pieces({"a": [1, 2.5, None, True], "b": {}, "c": "é\\n"}))
'{\\n "a": [\\n  1,\\n  2.5,\\n  null,\\n  true\\n ],\\n "b": {},\\n "c": "é\\\\n"\\n}\\n'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import INFINITY, encode_basestring
from typing import Any

import orjson

#: A container of more items than this inside the outermost one is written in pieces too (see :func:`json_pieces`).
_LARGE = 256


def json_pieces(data: Any, size: int = 8192) -> Iterator[str]:
    """``data`` as JSON indented by one space (non-ASCII as it is), in pieces of about ``size`` tokens, ending
    with a line break. ``TypeError`` for a value JSON cannot hold, as the standard library raises it."""
    yield from _pieces(data, 0, size)
    yield "\n"


def json_bytes(data: Any) -> bytes:
    """:func:`json_pieces`' text in one piece, as UTF-8, written in C (orjson, 10× faster), for ``data`` of text,
    integers, booleans, null, lists and mappings with text keys: the same bytes. Not for floats (orjson writes
    ``1e16`` where the standard library writes ``1e+16``). ``TypeError`` for a value orjson cannot write.

    orjson indents by two spaces; each line's indent is halved, deepest lines first, each made of U+0001 until
    the end (a line break in JSON text always starts a line of the structure, and a control character is always
    escaped in it, so neither is found in a string).
    """
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError as error:
        raise TypeError(str(error)) from error
    depth = 0
    while b"\n" + b"  " * (depth + 1) in text:
        depth += 1
    for level in range(depth, 0, -1):  # no line already done starts with a space
        text = text.replace(b"\n" + b"  " * level, b"\n" + b"\x01" * level)
    return text.replace(b"\x01", b" ")


def json_slices(head: dict[str, Any], key: str, slices: Iterable[list[Any]]) -> Iterator[bytes]:
    """:func:`json_bytes` of ``{**head, key: [*slice0, *slice1, ...]}`` in pieces: one per slice, so that neither
    the whole list nor its whole text is held at once (the TimelineJS export at 100k events, issue 18).
    ``key`` must not be in ``head``: it comes last."""
    start = json_bytes({**head, key: []})
    end = b"\n}\n"
    empty = b"\n " + json_bytes(key).rstrip(b"\n") + b": []" + end
    assert start.endswith(empty), "the slices' key comes last"
    yield start[:-len(b"]" + end)]
    lead, tail = len(b"{" + empty) - len(b"]" + end), len(b"\n ]" + end)
    separator = b""
    for items in slices:
        if items:
            yield separator + json_bytes({key: items})[lead:-tail]
            separator = b","
    yield (b"\n ]" if separator else b"]") + end


def _pieces(value: Any, level: int, size: int) -> Iterator[str]:
    """``value`` at depth ``level``: a list or mapping item by item (an item that is a large one, in turn), the
    rest at once."""
    if not isinstance(value, (list, tuple, dict)) or not value:
        out: list[str] = []
        _encode(value, level, out)
        yield "".join(out)
        return
    inner = "\n" + " " * (level + 1)
    items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    out = ["{" if isinstance(value, dict) else "["]
    for n, (key, item) in enumerate(items):
        out.append(inner if n == 0 else "," + inner)
        if isinstance(value, dict):
            out.append(_key(key) + ": ")
        if isinstance(item, (list, tuple, dict)) and len(item) > _LARGE:
            yield "".join(out)
            out = []
            yield from _pieces(item, level + 1, size)
        else:
            _encode(item, level + 1, out)
        if len(out) >= size:
            yield "".join(out)
            out = []
    out.append("\n" + " " * level + ("}" if isinstance(value, dict) else "]"))
    yield "".join(out)


def _encode(value: Any, level: int, out: list[str]) -> None:
    """Append the JSON text of ``value`` at depth ``level`` to ``out``, as the standard library writes it."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + " " * (level + 1)
        out.append("[" + inner)
        separator = "," + inner
        for n, item in enumerate(value):
            if n:
                out.append(separator)
            _encode(item, level + 1, out)
        out.append("\n" + " " * level + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (level + 1)
        out.append("{" + inner)
        separator = "," + inner
        for n, (key, item) in enumerate(value.items()):
            out.append(_key(key) + ": " if n == 0 else separator + _key(key) + ": ")
            _encode(item, level + 1, out)
        out.append("\n" + " " * level + "}")
    else:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A mapping's key as JSON text: text as it is, numbers, booleans and null as text (as the standard library)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return encode_basestring({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == INFINITY:
        return "Infinity"
    if value == -INFINITY:
        return "-Infinity"
    return float.__repr__(value)
