"""The loader's readers of a dataset's items: each value checked and turned into the model's objects.

Mixed into the loader (:class:`timeline.dataset._Builder`), which gives
``problem``, ``line``, ``origin``, ``items`` and ``dataset``; each reader
notes a problem (with its place) instead of raising, so that every problem
of a file is reported at once.
"""
from __future__ import annotations

from typing import Any

from timeline.items import ModelFields
from timeline.model import ACTOR_KINDS, EVENT_TYPES, RELATIONS, ROLE_KEYS, STATUSES, Actor, Event, Link, Quote, Source
from timeline.read.negotiation import NegotiationFields
from timeline.read.problems import describe, did_you_mean
from timeline.read.reading import Path_
from timeline.read.values import text_of

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


class RecordFields(ModelFields, NegotiationFields):
    """The readers of the dataset's title, actors, sources and events, and of their values."""

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
            first = self.items.get((first_file, first_where[0], first_where[1]), (0, {}))[1]
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
        roles: dict[str, Any] = {key: self._ids(file, where, item, key) for key in ROLE_KEYS}
        fields: dict[str, Any] = {"title": self._text(file, where, item, "title"), "cameo": self._cameo(file, where, item, kind),
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
        for place, item in self._each(file, where, "quotes", value, QUOTE_KEYS, "quote"):
            speaker = self._text(file, place, item, "speaker", required=True)
            text = self._text(file, place, item, "text", required=True)
            if speaker and text:
                quotes.append(Quote(speaker, text, self._text(file, place, item, "source")))
        return tuple(quotes)

    def _links(self, file: str, where: Path_, value: Any) -> tuple[Link, ...]:
        links = []
        for place, item in self._each(file, where, "related", value, LINK_KEYS, "relation"):
            relation = self._text(file, place, item, "relation", required=True)
            event = self._text(file, place, item, "event", required=True)
            if relation and relation not in RELATIONS:
                self.problem(file, (*place, "relation"), f"unknown relation '{relation}'"
                                                         f"{did_you_mean(relation, RELATIONS)}"
                                                         f" (relations: {', '.join(RELATIONS)})")
            elif relation and event:
                links.append(Link(relation, event))
        return tuple(links)


def _plain(item: dict, key: str) -> Any:
    """The value at ``key`` as written, for comparing two definitions."""
    value = item.get(key)
    if isinstance(value, dict):
        return {k: _plain(value, k) for k in value}
    if isinstance(value, list):
        return [text_of(value, index) if not isinstance(v, (dict, list)) else v for index, v in enumerate(value)]
    return None if value is None else text_of(item, key)
