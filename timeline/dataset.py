"""Read a dataset from YAML files, check it, and report every problem at once.

A dataset is one YAML file or a folder of them (``*.yaml``, ``*.yml``,
read in name order and merged). Loading is strict and bounded: safe YAML
only, no timestamps guessed by YAML, a size limit per file, and every
problem reported as ``file:line: what is wrong; the likely fix``.

>>> from timeline.dataset import load
>>> record = load("seeds")
>>> [e.id for e in record.events][:2]
['criticism-of-leaked-draft', 'leaked-28-point-draft']
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.dates import DateError, DateSpan, parse_edtf
from timeline.errors import UserError
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

if TYPE_CHECKING:
    import yaml

#: Files above this size are refused at once (parsing 32 MB of YAML takes about 15 s):
#: split a large dataset into a folder of files, or raise the limit with $TIMELINE_MAX_FILE_MB.
MAX_FILE_BYTES = 32 * 1024 * 1024

YAML_SUFFIXES = (".yaml", ".yml")
TOP_KEYS = ("dataset", "actors", "events", "sources")
DATASET_KEYS = ("title", "description")
ACTOR_KEYS = ("id", "name", "kind", "title", "affiliation", "aliases", "color", "notes")
SOURCE_KEYS = ("id", "publisher", "title", "url", "published", "notes")
EVENT_KEYS = ("id", "type", "title", "date", "status", "location", *ROLE_KEYS, "outcome", "quantities",
              "summary", "quotes", "sources", "related", "cameo", "plover", "draft", "notes")
QUOTE_KEYS = ("speaker", "text", "source")
LINK_KEYS = ("relation", "event")

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a data file."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class DatasetError(UserError):
    """A dataset that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))

    def summary(self) -> str:
        """Every problem on its own line, then a count."""
        count = len(self.problems)
        return f"{self}\nError: {count} problem{'s' * (count != 1)} in the dataset; nothing was loaded"


@cache
def _loader() -> type:
    """Safe YAML with dates left as text: the date parser reads them, not YAML.

    Made on first use, so that a query answered from the cache never imports yaml.
    """
    import yaml

    class Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def max_file_bytes() -> int:
    """The size limit of one data file: ``$TIMELINE_MAX_FILE_MB`` megabytes, or :data:`MAX_FILE_BYTES`."""
    text = os.environ.get("TIMELINE_MAX_FILE_MB")
    if text is None:
        return MAX_FILE_BYTES
    if not text.strip().isdigit():
        raise DatasetError([Problem("TIMELINE_MAX_FILE_MB", None,
                                    f"should be a whole number of megabytes, such as 64, not {text!r}")])
    return int(text) * 1024 * 1024


def data_files(path: str | os.PathLike) -> list[Path]:
    """The YAML files that make up the dataset at ``path``: the file, or those in the folder.

    Hidden files and folders (``.git``) and ``node_modules`` are passed over.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") or part == "node_modules" for part in p.relative_to(path).parts))


def load(path: str | os.PathLike) -> Dataset:
    """Load and check the dataset at ``path``; raise :class:`DatasetError` listing every problem."""
    files = data_files(path)
    if not files:
        raise DatasetError([Problem(str(path), None,
                                    "no .yaml or .yml files here; point --data at a dataset file or folder")])
    if len(files) == 1 and files[0].suffix not in YAML_SUFFIXES:
        raise DatasetError([Problem(str(path), None, "not a dataset: data files end in .yaml or .yml")])
    builder = _Builder(max_file_bytes())
    collecting = gc.isenabled()
    gc.disable()  # loading makes millions of lasting objects: collecting them meanwhile doubles the time
    try:
        for file in files:
            builder.add_file(file)
        return builder.finish()
    finally:
        if collecting:
            gc.enable()


def describe(value: Any) -> str:
    """A short, bounded description of a value for an error message."""
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    import difflib

    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


class _Builder(ModelFields):
    """Turns raw YAML data into a :class:`Dataset`, collecting problems with their place."""

    def __init__(self, max_bytes: int = MAX_FILE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.dataset = Dataset()
        self.pending: list[tuple[str, Path_ | int, str]] = []   # (file, path in file or line, message)
        self.origin: dict[str, tuple[str, Path_]] = {}     # id -> where it is defined
        self.texts: dict[str, str] = {}
        self.trees: dict[str, yaml.Node | None] = {}

    # -- reporting -------------------------------------------------------

    def problem(self, file: str, where: Path_ | int, message: str) -> None:
        """Note a problem at ``where``: a path of keys and indices, or a line number."""
        self.pending.append((file, where, message))

    def finish(self) -> Dataset:
        self._check_references()
        if self.pending:
            raise DatasetError(self._located())
        self.dataset.events.sort(key=lambda e: (date_order(e.date), e.id))
        return self.dataset

    def _located(self) -> list[Problem]:
        """Problems with line numbers, found by re-reading only the files that have problems."""
        by_file: dict[str, list[tuple[Path_ | int, str]]] = {}
        for file, where, message in self.pending:
            by_file.setdefault(file, []).append((where, message))
        problems = []
        for file, items in by_file.items():
            root = self._tree(file)
            located = [Problem(file, where if isinstance(where, int) else _line_of(root, where), message)
                       for where, message in items]
            problems += sorted(located, key=lambda p: p.line or 0)
        return problems

    def _tree(self, file: str) -> yaml.Node | None:
        """The YAML nodes of ``file``, for line numbers: composed once, and only when a problem needs them."""
        if file not in self.trees:
            self.trees[file] = _compose(self.texts.get(file))
        return self.trees[file]

    # -- reading files ---------------------------------------------------

    def add_file(self, file: Path) -> None:
        name = str(file)
        data = self._read(file)
        if data is None:
            return
        if not isinstance(data, dict):
            self.problem(name, (), f"the file should be a mapping with keys {', '.join(TOP_KEYS)}, "
                                   f"not {describe(data)}")
            return
        for key, value in data.items():
            if key not in TOP_KEYS:
                self.problem(name, (key,), f"unknown top-level key '{key}'{did_you_mean(key, TOP_KEYS)}")
            elif key == "dataset":
                self._dataset_info(name, value)
            elif value is not None:
                for index, item in self._items(name, (), key, value):
                    getattr(self, f"_{key[:-1]}")(name, (key, index), item)

    def _read(self, file: Path) -> Any:
        import yaml

        name = str(file)
        try:
            size = file.stat().st_size
            if size > self.max_bytes:
                self.problem(name, (), f"file is {size / 2**20:.0f} MB, over the "
                                       f"{self.max_bytes // 2**20} MB limit; split it into a folder of files "
                                       "(or set TIMELINE_MAX_FILE_MB)")
                return None
            raw = file.read_bytes()
        except OSError as error:
            self.problem(name, (), f"cannot read: {error.strerror or error}")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            self.problem(name, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
            return None
        self.texts[name] = text
        try:
            return yaml.load(text, Loader=_loader())
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            self.problem(name, mark.line + 1 if mark else (), f"malformed YAML: {error.problem or error.context}"
                                                               "; check indentation, colons and quotes")
        except RecursionError:
            self.problem(name, (), "malformed YAML: nested too deeply")
        except yaml.YAMLError as error:
            self.problem(name, (), f"malformed YAML: {error}")
        self.texts.pop(name)
        return None

    def _items(self, file: str, where: Path_, key: str, value: Any) -> Iterator[tuple[int, dict]]:
        if not isinstance(value, list):
            self.problem(file, (*where, key), f"'{key}' should be a list of mappings (items starting with '- '), "
                                       f"not {describe(value)}")
            return
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item
            else:
                self.problem(file, (*where, key, index), f"each item of '{key}' should be a mapping, not {describe(item)}")

    # -- checking one item -----------------------------------------------

    def _keys(self, file: str, where: Path_, item: dict, allowed: tuple[str, ...], what: str) -> None:
        for key in item:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                if what == "event" and not hint:
                    hint = f"; roles are {', '.join(ROLE_KEYS)}"
                self.problem(file, (*where, key), f"unknown key '{key}' in {what}{hint}")

    def _text(self, file: str, where: Path_, item: dict, key: str, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, where, f"missing '{key}'")
            return None
        if isinstance(value, (dict, list)):
            self.problem(file, (*where, key), f"'{key}' should be text, not {describe(value)}")
            return None
        return str(value).strip()

    def _ids(self, file: str, where: Path_, item: dict, key: str) -> tuple[str, ...]:
        value = item.get(key)
        if value is None:
            return ()
        if isinstance(value, (str, int)):
            return (str(value),)
        if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
            return tuple(str(v) for v in value)
        self.problem(file, (*where, key), f"'{key}' should be an id or a list of ids, not {describe(value)}")
        return ()

    def _date(self, file: str, where: Path_, value: Any) -> DateSpan | None:
        try:
            return parse_edtf(value)
        except DateError as error:
            self.problem(file, where, str(error))
        except TypeError:
            self.problem(file, where, f"a date should be text such as 2025-12-02, not {describe(value)}")
        return None

    def _new_id(self, file: str, where: Path_, item: dict, what: str) -> str | None:
        ident = self._text(file, where, item, "id", required=True)
        if ident is None:
            return None
        if not ident:
            self.problem(file, (*where, "id"), f"empty {what} id")
            return None
        if ident in self.origin:
            first_file, first_where = self.origin[ident]
            root = self._tree(first_file)
            line = _line_of(root, first_where)
            self.problem(file, (*where, "id"), f"duplicate id '{ident}': already used at "
                                               f"{first_file}:{line}; ids of actors, events and sources "
                                               "must all differ")
            return None
        self.origin[ident] = (file, where)
        return ident

    def _dataset_info(self, file: str, value: Any) -> None:
        if not isinstance(value, dict):
            self.problem(file, ("dataset",), f"'dataset' should be a mapping with {', '.join(DATASET_KEYS)}")
            return
        self._keys(file, ("dataset",), value, DATASET_KEYS, "dataset")
        self.dataset.title = self.dataset.title or self._text(file, ("dataset",), value, "title")
        self.dataset.description = self.dataset.description or self._text(file, ("dataset",), value,
                                                                           "description")

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
            title=self._text(file, where, item, "title"), url=self._text(file, where, item, "url"),
            published=None if published is None else self._date(file, (*where, "published"), published),
            notes=self._text(file, where, item, "notes"))

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
                  "draft": self._flag(file, where, item, "draft")}
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


def _compose(text: str | None) -> yaml.Node | None:
    """The YAML node tree of ``text`` (for line numbers), or ``None``."""
    if text is None:
        return None
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return None


def _line_of(node: yaml.Node | None, where: Path_) -> int | None:
    """The 1-based line of the item at ``where`` (keys and indices), as deep as it exists."""
    if node is None:
        return None
    import yaml

    line = node.start_mark.line + 1
    for step in where:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(step)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def default_path() -> Path:
    """Where the dataset is when ``--data`` is not given.

    ``$TIMELINE_DATA`` if set; else ``seeds/`` in the current folder (a
    checkout of this repository); else the seeds shipped with the package.
    """
    if env := os.environ.get("TIMELINE_DATA"):
        return Path(env)
    local = Path("seeds")
    if local.is_dir() and data_files(local):
        return local
    return Path(__file__).parent / "seeds"
