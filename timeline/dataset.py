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
['criticism-of-leaked-draft', 'leaked-28-point-draft']
"""
from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.dates import DateError, DateSpan, parse_edtf
from timeline.items import ModelFields
from timeline.model import (
    ACTOR_KINDS,
    EVENT_TYPES,
    RELATIONS,
    ROLE_KEYS,
    STATUSES,
    Actor,
    Dataset,
    Event,
    Link,
    Quote,
    Source,
    date_order,
)
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
from timeline.read.negotiation import NegotiationFields
from timeline.read.problems import (  # noqa: F401
    COLLECTING,
    MAX_PROBLEMS,
    DatasetError,
    Problem,
    Problems,
    describe,
    did_you_mean,
)
from timeline.read.values import Map, Seq, text_of

TOP_KEYS = ("dataset", "actors", "events", "sources", "issues", "positions", "plans")
#: Top-level lists read item by item, so that a huge list is never held whole.
ITEM_LISTS = frozenset(("actors", "events", "sources", "issues", "positions", "plans"))
DATASET_KEYS = ("title", "description", "stances")
ACTOR_KEYS = ("id", "name", "kind", "title", "affiliation", "aliases", "color", "notes")
SOURCE_KEYS = ("id", "publisher", "title", "url", "published", "notes")
EVENT_KEYS = ("id", "type", "title", "date", "status", "location", *ROLE_KEYS, "outcome", "quantities",
              "summary", "quotes", "sources", "related", "cameo", "plover", "draft", "issues", "evidence", "confidence",
              "notes")
QUOTE_KEYS = ("speaker", "text", "source")
LINK_KEYS = ("relation", "event")
#: Kinds of item that may be defined again, identically, in another file of a folder.
MERGEABLE = ("actor", "source")

Path_ = tuple[str | int, ...]


def load(path: str | os.PathLike, *more: str | os.PathLike) -> Dataset:
    """Load and check the dataset at ``path`` (with the files or folders ``more``, read after it, as one
    dataset); raise :class:`DatasetError` listing every problem."""
    files, unread = dataset_files(path)
    for extra in more:  # e.g. an import checked with the dataset whose actors it names
        found = dataset_files(extra)
        files, unread = [*files, *found[0]], [*unread, *found[1]]
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


class _Builder(ModelFields, NegotiationFields):
    """Turns data read from YAML into a :class:`Dataset`, collecting problems with their lines."""

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
        import yaml

        from timeline.read.yaml import NotAMapping, Reader, YamlError, error_line

        name = str(file)
        self.order.setdefault(name, len(self.order))
        text = self._read(file)
        if text is None:
            return
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
            line, message = error_line(error, text)
            self.problem(name, line or (), f"malformed YAML: {message}; check indentation, colons and quotes")

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

    # -- reading values --------------------------------------------------

    def _keys(self, file: str, where: Path_, item: dict, allowed: tuple[str, ...], what: str) -> None:
        for key in item:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                if what == "event" and not hint:
                    hint = f"; roles are {', '.join(ROLE_KEYS)}"
                self.problem(file, (*where, key), f"unknown key '{key}' in {what}{hint}")

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
        return text_of(item, key).strip()

    def _ids(self, file: str, where: Path_, item: dict, key: str) -> tuple[str, ...]:
        """An id or a list of ids at ``key``, each as typed; a text with commas is refused with the list to write."""
        value = item.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            bad = next((index for index, v in enumerate(value) if v is None or isinstance(v, (dict, list))), None)
            if bad is None:
                return tuple(text_of(value, index) for index in range(len(value)))
            self.problem(file, (*where, key, bad), f"'{key}' should be a list of ids; item {bad + 1} is "
                                                   f"{describe(value[bad])}")
            return ()
        if isinstance(value, dict):
            self.problem(file, (*where, key), f"'{key}' should be an id or a list of ids, not a mapping")
            return ()
        text = text_of(item, key)
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
        return ident

    def _new_id(self, file: str, where: Path_, item: dict, what: str) -> str | None:
        """The id of a new item, or ``None``: missing, empty, already used, or the same definition again.

        An actor or source defined identically in another file is merged into the first
        definition (``None``, no problem); defined differently, it is a problem naming both
        places and the fields that differ.
        """
        ident = self._id_text(file, where, item, what)
        if ident is None:
            return None
        if ident not in self.origin:
            self.origin[ident] = (file, where)
            return ident
        first_file, first_where = self.origin[ident]
        first_line = self.line(first_file, first_where)
        if what in MERGEABLE and first_file != file and first_where[0] == where[0]:
            first = self.items.get((first_file, *first_where[:2]), (0, {}))[1]
            differing = [key for key in dict.fromkeys([*first, *item]) if _plain(first, key) != _plain(item, key)]
            if differing:
                fields = "; ".join(f"{key}: {describe(_plain(first, key))} there, {describe(_plain(item, key))} here"
                                   for key in differing[:3])
                self.problem(file, (*where, "id"), f"{what} '{ident}' is defined differently at {first_file}:"
                                                   f"{first_line} ({fields}); define it once, or the same way")
            return None
        self.problem(file, (*where, "id"), f"duplicate id '{ident}': already used at {first_file}:{first_line}; "
                                           "ids of actors, events and sources must all differ")
        return None

    def _dataset_info(self, file: str, value: Any) -> None:
        if not isinstance(value, dict):
            self.problem(file, ("dataset",), f"'dataset' should be a mapping with {', '.join(DATASET_KEYS)}")
            return
        self._keys(file, ("dataset",), value, DATASET_KEYS, "dataset")
        self.dataset.title = self.dataset.title or self._text(file, ("dataset",), value, "title")
        self.dataset.description = self.dataset.description or self._text(file, ("dataset",), value,
                                                                           "description")
        if value.get("stances") is not None:
            self._stances(file, value)

    def _actor(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, ACTOR_KEYS, "actor")
        ident = self._new_id(file, where, item, "actor")
        kind = self._text(file, where, item, "kind") or "person"
        if kind not in ACTOR_KINDS:
            self.problem(file, (*where, "kind"), f"unknown actor kind '{kind}'{did_you_mean(kind, ACTOR_KINDS)}"
                                                 f" (kinds: {', '.join(ACTOR_KINDS)})")
        affiliation, affiliations = self._affiliations(file, where, item.get("affiliation"))
        color = self._color(file, where, item)
        if ident is None:
            return
        self.dataset.actors[ident] = Actor(
            id=ident, name=self._text(file, where, item, "name") or ident, kind=kind,
            title=self._text(file, where, item, "title"), affiliation=affiliation,
            aliases=self._ids(file, where, item, "aliases"),
            notes=self._text(file, where, item, "notes"), affiliations=affiliations, color=color)

    def _source(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, SOURCE_KEYS, "source")
        ident = self._new_id(file, where, item, "source")
        published = item.get("published")
        if ident is None:
            return
        self.dataset.sources[ident] = Source(
            id=ident, publisher=self._text(file, where, item, "publisher"),
            title=self._text(file, where, item, "title"), url=self._url(file, where, item),
            published=None if published is None else self._date(file, (*where, "published"), published),
            notes=self._text(file, where, item, "notes"))

    def _url(self, file: str, where: Path_, item: dict) -> str | None:
        """The source's address; one with a space or a control character is refused.

        RFC 3986 allows neither in a URI: inside an export (an iCalendar URL line, a link in a page)
        such a character could start a forged property or event.
        """
        url = self._text(file, where, item, "url")
        bad = next((c for c in url or "" if c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0), None)
        if bad is None:
            return url
        self.problem(file, (*where, "url"), f"the url has {'a space' if bad == ' ' else f'the character U+{ord(bad):04X}'} "
                                            "in it; write spaces as %20 and remove line breaks and control characters")
        return None

    def _event(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, EVENT_KEYS, "event")
        ident = self._new_id(file, where, item, "event")
        kind = self._text(file, where, item, "type", required=True)
        if kind is not None and kind not in EVENT_TYPES:
            self.problem(file, (*where, "type"), f"unknown event type '{kind}'{did_you_mean(kind, EVENT_TYPES)}")
        status = self._text(file, where, item, "status") or "occurred"
        if status not in STATUSES:
            self.problem(file, (*where, "status"), f"unknown status '{status}'{did_you_mean(status, STATUSES)}"
                                                   f" (statuses: {', '.join(STATUSES)})")
        date = item.get("date")
        if date is None:
            self.problem(file, where, "missing 'date' (e.g. 2025-12-02, 2025-12, or '../2025-12-03')")
        else:
            date = self._date(file, (*where, "date"), date)
        roles = {key: self._ids(file, where, item, key) for key in ROLE_KEYS}
        fields = {"title": self._text(file, where, item, "title"), "cameo": self._cameo(file, where, item, kind),
                  "plover": self._plover(file, where, item.get("plover")),
                  "outcome": self._outcome(file, where, item),
                  "quantities": self._quantities(file, where, item.get("quantities")),
                  "draft": self._flag(file, where, item, "draft"), "issues": self._ids(file, where, item, "issues"),
                  "evidence": self._evidence(file, where, item.get("evidence")),
                  "confidence": self._confidence(file, where, item.get("confidence"))}
        if ident is None or date is None or kind not in EVENT_TYPES:
            return
        record = self.dataset.drafts if fields["draft"] else self.dataset.events   # drafts stay apart until asked for
        record.append(Event(
            id=ident, type=kind, date=date, status=status,
            location=self._text(file, where, item, "location"),
            summary=self._text(file, where, item, "summary") or "",
            quotes=self._quotes(file, where, item.get("quotes")),
            sources=self._ids(file, where, item, "sources"),
            related=self._links(file, where, item.get("related")),
            notes=self._text(file, where, item, "notes"), **roles, **fields))

    def _quotes(self, file: str, where: Path_, value: Any) -> tuple[Quote, ...]:
        quotes = []
        for index, item in self._items(file, where, "quotes", [] if value is None else value):
            place = (*where, "quotes", index)
            self._keys(file, place, item, QUOTE_KEYS, "quote")
            speaker = self._text(file, place, item, "speaker", required=True)
            text = self._text(file, place, item, "text", required=True)
            if speaker and text:
                quotes.append(Quote(speaker, text, self._text(file, place, item, "source")))
        return tuple(quotes)

    def _links(self, file: str, where: Path_, value: Any) -> tuple[Link, ...]:
        links = []
        for index, item in self._items(file, where, "related", [] if value is None else value):
            place = (*where, "related", index)
            self._keys(file, place, item, LINK_KEYS, "relation")
            relation = self._text(file, place, item, "relation", required=True)
            event = self._text(file, place, item, "event", required=True)
            if relation and relation not in RELATIONS:
                self.problem(file, (*place, "relation"), f"unknown relation '{relation}'"
                                                         f"{did_you_mean(relation, RELATIONS)}"
                                                         f" (relations: {', '.join(RELATIONS)})")
            elif relation and event:
                links.append(Link(relation, event))
        return tuple(links)

    # -- checking references across files ---------------------------------

    def _check_references(self) -> None:
        """Check every reference against the ids defined, including those of items that had problems."""
        defined: dict[str, set[str]] = {"actors": set(), "events": set(), "sources": set()}
        for ident, (_, where) in self.origin.items():
            defined[where[0]].add(ident)
        actors, sources, event_ids = defined["actors"], defined["sources"], defined["events"]
        for actor in self.dataset.actors.values():
            file, where = self.origin[actor.id]
            for index, parent in enumerate([a.actor for a in actor.affiliations] or [actor.affiliation]):
                if parent and parent not in actors:
                    place = (*where, "affiliation", index) if actor.affiliations else (*where, "affiliation")
                    self.problem(file, place, f"unknown affiliation '{parent}' of "
                                 f"actor '{actor.id}'{did_you_mean(parent, actors)}")
        self._check_cycles()
        for event in (*self.dataset.events, *self.dataset.drafts):
            self._check_event(event, actors, sources, event_ids)
        self._check_negotiation()

    def _check_cycles(self) -> None:
        actors = self.dataset.actors
        reported: set[str] = set()
        for start in actors:
            chain, ident = [], start
            while ident in actors and ident not in chain:  # any affiliation ever listed, dated or not
                chain.append(ident)
                parents = [a.actor for a in actors[ident].affiliations] or [actors[ident].affiliation]
                ident = next((p for p in parents if p in chain), parents[-1])
            if ident in chain and ident not in reported:
                cycle = chain[chain.index(ident):]
                reported.update(cycle)
                file, where = self.origin[ident]
                self.problem(file, (*where, "affiliation"), "affiliation cycle: "
                             f"{' -> '.join([*cycle, ident])}; an actor cannot belong to itself")

    def _check_event(self, event: Event, actors: set[str], sources: set[str], event_ids: set[str]) -> None:
        file, where = self.origin[event.id]
        for key in ROLE_KEYS:
            for index, actor in enumerate(getattr(event, key)):
                if actor not in actors:
                    hint = did_you_mean(actor, actors)
                    if not hint and actor in sources:
                        hint = "; that is a source: cite it under 'sources'"
                    self.problem(file, (*where, key, index),
                                 f"unknown actor '{actor}' in event '{event.id}'{hint}")
        for index, quote in enumerate(event.quotes):
            if quote.speaker not in actors:
                self.problem(file, (*where, "quotes", index, "speaker"), f"unknown speaker '{quote.speaker}' in "
                             f"event '{event.id}'{did_you_mean(quote.speaker, actors)}")
            if quote.source and quote.source not in sources:
                self.problem(file, (*where, "quotes", index, "source"), f"unknown source '{quote.source}' in "
                             f"event '{event.id}'{did_you_mean(quote.source, sources)}")
        for index, source in enumerate(event.sources):
            if source not in sources:
                hint = did_you_mean(source, sources)
                if not hint and source in actors:
                    hint = "; that is an actor: name the acting actor with 'source' (singular)"
                self.problem(file, (*where, "sources", index), f"unknown source '{source}' in "
                                                               f"event '{event.id}'{hint}")
        for index, link in enumerate(event.related):
            if link.event not in event_ids:
                self.problem(file, (*where, "related", index, "event"), f"unknown event '{link.event}' in "
                             f"'related' of '{event.id}'{did_you_mean(link.event, event_ids)}")
        self._check_model_references(file, where, event, actors)
        self._check_roles(file, where, event)

    def _check_roles(self, file: str, where: Path_, event: Event) -> None:
        kind = EVENT_TYPES[event.type]
        if kind.symmetric:
            if len({*event.attendees(), *event.host, *event.mediator, *event.signatory}) < 2:
                self.problem(file, where, f"{event.type} '{event.id}' needs at least two actors "
                                          "in 'participants', 'head', 'host', 'mediator' and 'signatory'")
            if event.source or event.target:
                self.problem(file, where, f"{event.type} '{event.id}' is symmetric: list its actors under "
                                          "'participants' (and 'host'), not 'source'/'target'")
        elif not event.source:
            self.problem(file, where, f"{event.type} '{event.id}' needs a 'source': the actor who acts")


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


def _plain(item: dict, key: str) -> Any:
    """The value at ``key`` as written, for comparing two definitions."""
    value = item.get(key)
    if isinstance(value, dict):
        return {k: _plain(value, k) for k in value}
    if isinstance(value, list):
        return [text_of(value, index) if not isinstance(v, (dict, list)) else v for index, v in enumerate(value)]
    return None if value is None else text_of(item, key)


_PLAIN_ITEM = re.compile(r"[^\s\[\]{},:#&*!|>'\"%@`-][^\[\]{},:#]*")


def _flow_item(text: str) -> str:
    """``text`` as an item of a YAML flow list: bare when that reads back the same, else quoted."""
    import json

    return text if _PLAIN_ITEM.fullmatch(text) and text == text.strip() else json.dumps(text, ensure_ascii=False)
