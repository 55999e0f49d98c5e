"""What the format modules share: writing to a path or a file, XML text, typed values, event headlines."""
from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from timeline.model import Dataset, Event
from timeline.render.style import EVENT_MARKS

if TYPE_CHECKING:
    import networkx as nx

PathOrFile = str | os.PathLike | IO

#: Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})
#: Anything in a value that needs escaping or replacing (checked first: most values need nothing).
_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_REPLACEMENT = "\ufffd"


def write_text(text: str | Iterable[str], path_or_file: PathOrFile) -> None:
    """Write ``text``, or its pieces one by one, as UTF-8 to a path, a binary or a text file; line ends as they are."""
    pieces = [text] if isinstance(text, str) else text
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "w", encoding="utf-8", newline="") as file:
            file.writelines(pieces)
    elif isinstance(path_or_file, io.TextIOBase):
        path_or_file.writelines(pieces)
    else:  # one write per piece: writelines() would bypass a wrapper's write(), as click's test runner has
        write = path_or_file.write
        for piece in pieces:
            write(piece.encode("utf-8"))


def write_lines(lines: Iterable[str], path_or_file: PathOrFile, end: str = "\n") -> None:
    """Write ``lines``, each followed by ``end``, as :func:`write_text` does, without joining them first."""
    write_text((line + end for line in lines), path_or_file)


def json_pieces(data: Any, size: int = 8192) -> Iterator[str]:
    """``data`` as indented JSON text (non-ASCII as it is), in pieces of ``size`` tokens, ending with a line break."""
    tokens = json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data)
    while piece := "".join(islice(tokens, size)):
        yield piece
    yield "\n"


def xml_text(text: str) -> str:
    """``text`` as XML character data: markup escaped, carriage returns kept, what XML cannot hold replaced."""
    return _NOT_XML.sub(_REPLACEMENT, text).translate(_TEXT) if _SPECIAL.search(text) else text


def xml_tag(name: str, attributes: dict[str, Any], text: str | None = None, empty: bool = True) -> str:
    """One element as XML text: ``<name a="1">text</name>``, ``<name a="1"/>``, or its start tag if not ``empty``.

    Attributes that are ``None`` are left out; values are escaped, line breaks included.
    """
    found = "".join(f' {key}="{_attribute(str(value))}"' for key, value in attributes.items() if value is not None)
    if text is not None:
        return f"<{name}{found}>{xml_text(text)}</{name}>"
    return f"<{name}{found}{'/' if empty else ''}>"


def _attribute(value: str) -> str:
    return _NOT_XML.sub(_REPLACEMENT, value).translate(_ATTRIBUTE) if _SPECIAL.search(value) else value


def xml_element(indent: str, name: str, attributes: dict[str, Any], children: list[str]) -> list[str]:
    """The lines of an element: its start tag, its ``children`` lines indented, its end tag; or one empty tag."""
    if not children:
        return [indent + xml_tag(name, attributes)]
    return [indent + xml_tag(name, attributes, empty=False), *children, f"{indent}</{name}>"]


def edge_items(graph: nx.Graph) -> Iterator[tuple[Any, Any, Any, dict]]:
    """Each edge as ``(u, v, key, data)``; the key is ``None`` in a graph that is not a multigraph."""
    if graph.is_multigraph():
        return iter(graph.edges(keys=True, data=True))
    return ((u, v, None, data) for u, v, data in graph.edges(data=True))


def typed_text(value: Any) -> str:
    """A value as an attribute's text: booleans as ``true``/``false``, lists and mappings as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def headline(event: Event, dataset: Dataset) -> str:
    """A one-line title for an event: its type and the names of its main actors.

    >>> headline(record.event("moscow-talks"), record)
    'Meeting: Vladimir Putin, Steve Witkoff, Jared Kushner'
    """
    if event.event_type.symmetric:
        names = [dataset.actors[a].name for a in dict.fromkeys((*event.participants, *event.host))]
        actors = ", ".join(names)
    else:
        source = ", ".join(dataset.actors[a].name for a in event.source)
        target = ", ".join(dataset.actors[a].name for a in event.target)
        actors = f"{source} → {target}" if source and target else source or target
    label = EVENT_MARKS[event.type].label
    return f"{label}: {actors}" if actors else label


def web_address(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, the only kind worth a link; else ``None``."""
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
