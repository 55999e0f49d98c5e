"""What the format modules share: targets, the graph to write, XML text, typed values, event headlines."""
from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import count, islice
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from timeline.errors import NothingToShow
from timeline.model import EVENT_TYPES, OUTCOME_INFO, ROLE_INFO, ROLE_KEYS, STATUS_INFO, STATUSES, Dataset, Event
from timeline.outputs import check_writable, output_file

if TYPE_CHECKING:
    import networkx as nx

PathOrFile = str | os.PathLike | IO
#: The graphs a graph format can write: the actor graph, the actor-event graph, or actors and issues joined by
#: positions (:mod:`timeline.export.negotiation`).
GRAPHS = ("actors", "events", "positions")
#: An event's actors of each role, in the model's order (read in one call), and the roles' labels.
_ROLE_ACTORS = attrgetter(*ROLE_KEYS)
_ROLE_LABELS = tuple(ROLE_INFO[role].label for role in ROLE_KEYS.values())
#: The status an event has unless said otherwise; every other one is shown wherever the event is.
DEFAULT_STATUS = STATUSES[0]
#: C0 and C1 control characters other than tab and line breaks: no format shows them, several refuse them.
_REPLACEMENT = "\ufffd"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class NotInstalled(NothingToShow):
    """A format whose library is not installed: one line with the install command (``timeline build`` skips it)."""


@dataclass(frozen=True)
class Folder:
    """A folder that a format writes several files into, each safely (see :mod:`timeline.outputs`)."""

    path: Path
    force: bool = False

    def check(self, names: Iterable[str]) -> None:
        """Raise before anything is written if any of ``names`` may not be replaced."""
        if self.path.exists() and not self.path.is_dir():
            from timeline.export import ExportError

            raise ExportError(f"{self.path} is a file; this format writes a folder: give a folder with -o")
        for name in names:
            check_writable(self.path / name, self.force)

    @contextmanager
    def file(self, name: str) -> Iterator[Path]:
        """A temporary path that replaces ``name`` in the folder when the block ends without error."""
        with output_file(self.path / name, self.force) as tmp:
            yield tmp


def export_graph(dataset: Dataset, events: Sequence[Event], graph: str = "actors",
                 level: str = "person") -> nx.MultiDiGraph:
    """The graph a graph format writes: the actor graph (planned events listed) or the event graph."""
    from timeline.graph import actor_graph, event_graph

    if graph == "events":
        return event_graph(dataset, events)
    if graph == "positions":
        from timeline.export.negotiation import position_graph

        return position_graph(dataset, events)
    return actor_graph(dataset, events, level=level, include_planned=True)


def graph_format(write_graph: Callable[..., None], styled: bool = False) -> Callable[..., None]:
    """The export writer of a graph format, ``write(dataset, events, path_or_file, graph="actors", level="person")``.

    It writes the ``graph`` of ``events`` (the actor graph at ``level``, or
    the event graph) with ``write_graph(graph, path_or_file)``, which a
    ``styled`` format also gives the dataset (for the colours of its sides).
    """
    def write(dataset: Dataset, events: Sequence[Event], path_or_file: PathOrFile, graph: str = "actors",
              level: str = "person") -> None:
        network = export_graph(dataset, events, graph, level)
        if styled:
            write_graph(network, path_or_file, dataset)
        else:
            write_graph(network, path_or_file)

    write.__doc__ = f"Write the ``graph`` of ``events`` with :func:`{write_graph.__name__}`: the export writer."
    return write


def unique_ids(prefix: str, taken: Collection[str]) -> Iterator[str]:
    """``prefix0``, ``prefix1``... skipping any in ``taken``: edge ids that no node id can equal.

    >>> ids = unique_ids("e", {"e1"}); [next(ids) for _ in range(3)]
    ['e0', 'e2', 'e3']
    """
    return (name for name in (f"{prefix}{i}" for i in count()) if name not in taken)


def type_label(event_type: str) -> str:
    """An event type for people ("Counter-proposal"): the model's label of it."""
    return EVENT_TYPES[event_type].label


def status_label(status: str) -> str:
    """A status for people ("Planned"): the model's label of it."""
    return STATUS_INFO[status].label


def plain_text(text: str) -> str:
    """``text`` with the control characters no format shows replaced by U+FFFD; tabs and line breaks kept."""
    return CONTROL.sub(_REPLACEMENT, text) if CONTROL.search(text) else text

#: Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})
#: Anything in a value that needs escaping or replacing (checked first: most values need nothing).
_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
#: ``json.dumps(value, ensure_ascii=False)`` without making an encoder for each value.
_JSON = json.JSONEncoder(ensure_ascii=False).encode


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


def write_bytes(data: bytes | Iterable[bytes], path_or_file: PathOrFile) -> None:
    """Write UTF-8 ``data``, or its pieces one by one (each whole characters), to a path, a binary file, or
    (decoded) a text file: :func:`write_text`'s bytes."""
    pieces = [data] if isinstance(data, bytes) else data
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "wb") as file:
            file.writelines(pieces)
    elif isinstance(path_or_file, io.TextIOBase):
        path_or_file.writelines(piece.decode("utf-8") for piece in pieces)
    else:  # one write per piece, as write_text
        write = path_or_file.write
        for piece in pieces:
            write(piece)


def write_lines(lines: Iterable[str], path_or_file: PathOrFile, end: str = "\n", batch: int = 4096) -> None:
    """Write ``lines``, each followed by ``end``, as :func:`write_text` does, ``batch`` lines joined at a time
    (one write per line cost a third of an export's time at 100k events, issue 18; all at once, its memory)."""
    lines = iter(lines)
    write_text((end.join(chunk) + end for chunk in iter(lambda: list(islice(lines, batch)), [])), path_or_file)


def xml_text(text: str) -> str:
    """``text`` as XML character data: markup escaped, carriage returns kept, what XML cannot hold replaced."""
    return _NOT_XML.sub(_REPLACEMENT, text).translate(_TEXT) if _SPECIAL.search(text) else text


def xml_tag(name: str, attributes: dict[str, Any], text: str | None = None, empty: bool = True) -> str:
    """One element as XML text: ``<name a="1">text</name>``, ``<name a="1"/>``, or its start tag if not ``empty``.

    Attributes that are ``None`` are left out; values are escaped, line breaks included.
    """
    found = "".join([f' {key}="{xml_attribute(str(value))}"' for key, value in attributes.items() if value is not None])
    if text is not None:
        return f"<{name}{found}>{xml_text(text)}</{name}>"
    return f"<{name}{found}{'/' if empty else ''}>"


def xml_attribute(value: str) -> str:
    """``value`` as the text of an XML attribute between double quotes: markup, quotes and line breaks escaped."""
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


class Arc(NamedTuple):
    """An edge as a file holds it: a unique ``id``, its ends, its multigraph ``key`` (or ``None``), its data."""

    id: str
    source: Any
    target: Any
    key: Any
    data: dict


def arcs(graph: nx.Graph, taken: Collection[str] | None = None) -> list[Arc]:
    """The edges of ``graph`` as a directed file writes them, with ids ``e0``, ``e1``... that no node id equals.

    In a directed graph, an edge whose ``directed`` is false (a meeting:
    ``met``, ``agreed``) is one relation that runs both ways; it is written
    as two reciprocal arcs with the same data, so that every reader of a
    directed graph (networkx, igraph, graphology, Gephi) sees it from both
    ends. Count a relation once: pairs of arcs with ``directed`` false are
    one edge of the graph. ``taken`` are the node ids as written (default:
    the nodes as text).
    """
    ids = unique_ids("e", {str(n) for n in graph} if taken is None else taken)
    found = []
    for u, v, key, data in edge_items(graph):
        found.append(Arc(next(ids), u, v, key, data))
        if graph.is_directed() and data.get("directed") is False and u != v:
            found.append(Arc(next(ids), v, u, key, data))
    return found


def typed_text(value: Any) -> str:
    """A value as an attribute's text: booleans as ``true``/``false``, lists and mappings as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return _JSON(value)
    return str(value)


def headline(event: Event, dataset: Dataset, status: bool = False) -> str:
    """A one-line title for an event: its ``title``, or its type and the names of its main actors.

    With ``status``, any status but the default comes first, so that no
    reader takes a planned or cancelled event for one that took place.

    >>> headline(record.event("moscow-talks"), record)
    'Witkoff and Kushner meet Putin in Moscow'
    >>> headline(record.event("planned-meeting-ukrainian-delegation"), record, status=True)
    'Planned: Witkoff and Kushner may meet a Ukrainian delegation'
    """
    title = event.title or _generated_title(event, dataset)
    return f"{status_label(event.status)}: {title}" if status and event.status != DEFAULT_STATUS else title


def _generated_title(event: Event, dataset: Dataset) -> str:
    if event.event_type.symmetric:
        actors = ", ".join(actor_name(dataset, a) for a in event.acting())
    else:
        source = ", ".join(actor_name(dataset, a) for a in event.source)
        target = ", ".join(actor_name(dataset, a) for a in event.target)
        actors = f"{source} → {target}" if source and target else source or target
    label = type_label(event.type)
    return f"{label}: {actors}" if actors else label


@cache  # a source is cited by many events
def web_address(url: str | None) -> str | None:
    r"""``url`` if it is an http(s) address, the only kind worth a link, made safe to write anywhere; else ``None``.

    Spaces, quotes, angle brackets, backslashes and control characters
    (which no address holds, and which could end a line or an attribute)
    are percent-encoded, as browsers do.

    >>> web_address("https://example.org/a b\r\nX-FORGED:1")
    'https://example.org/a%20b%0D%0AX-FORGED:1'
    >>> web_address("javascript:alert(1)") is None
    True
    """
    from urllib.parse import quote, urlsplit

    if not url:
        return None
    url = quote(url.strip(), safe="!#$%&'()*+,-./:;=?@[]_~")
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def actor_name(dataset: Dataset, actor_id: str) -> str:
    """The name of an actor, or its id if the dataset does not define it."""
    actor = dataset.actors.get(actor_id)
    return actor.name if actor else actor_id


def roles(dataset: Dataset, event: Event) -> list[tuple[str, list[str]]]:
    """Each of the model's roles that ``event`` fills, as its label ("Head of delegation"), with the actors' names."""
    actors = dataset.actors
    return [(label, [actors[a].name if a in actors else a for a in ids])
            for label, ids in zip(_ROLE_LABELS, _ROLE_ACTORS(event)) if ids]


def latest_day(dataset: Dataset) -> date:
    """The latest day the data names (an event's end or a source's date): what dates a file, so the same data gives
    the same bytes; 1 Jan 1970 if none."""
    days = [d for e in dataset.events for d in (e.date.first, e.date.last) if d]
    days += [s.published.last for s in dataset.sources.values() if s.published and s.published.last]
    return max(days, default=date(1970, 1, 1))


def outcome_and_quantities(dataset: Dataset, event: Event) -> list[str]:
    """The event's outcome and numbers, one line each: 'Outcome: Agreement reached', 'Prisoners released: 390 persons
    (Ukraine)', 'Points: about 28'; none if it has neither."""
    if not (event.outcome or event.quantities):
        return []
    lines = [f"Outcome: {OUTCOME_INFO[event.outcome].label}"] if event.outcome else []
    for quantity in event.quantities:
        bound = {"at_least": "at least ", "at_most": "up to "}.get(quantity.bound or "", "")
        about = "about " if quantity.approximate else ""
        unit = f" {quantity.unit}" if quantity.unit else ""
        whose = f" ({actor_name(dataset, quantity.actor)})" if quantity.actor else ""
        lines.append(f"{quantity.what.replace('_', ' ').capitalize()}: {bound}{about}{quantity.value:g}{unit}{whose}")
    return lines
