"""Reading and checking issues, positions, plans and the stance scale: a mixin of the dataset loader.

The loader (:class:`timeline.dataset._Builder`) calls ``_issue``, ``_position`` and ``_plan`` for
each item of the top-level lists ``issues``, ``positions`` and ``plans``, ``_stances`` for the
``stances`` of the ``dataset`` header, and :meth:`NegotiationFields._check_negotiation` once every
file is read. Every problem is one line with the file and line: a missing or wrong field, a
duplicate id (ids are unique per kind: issues, positions, plans, plan versions), an unknown id
of an actor, issue, event, source, stance or version (with a "did you mean"), a parent cycle,
a position with neither ``sources`` nor an ``event`` that has them, an alias of two issues,
versions that supersede or amend themselves or one another in a cycle
(:mod:`timeline.read.negotiation_graph`), a point number used twice in a version, an empty or
flat stance scale, an empty required text, and control or direction-override characters in text.
"""
from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from timeline.negotiation import (
    RESPONSES,
    VERSION_RELATIONS,
    Issue,
    Plan,
    PlanVersion,
    Point,
    Position,
    Quote,
    Response,
    Stance,
    StanceScale,
    VersionRelation,
)
from timeline.read.negotiation_graph import check_aliases, check_version_cycles
from timeline.read.problems import describe, did_you_mean
from timeline.read.reading import Path_, Reading
from timeline.read.yaml import describe_char

ISSUE_KEYS = ("id", "name", "proposition", "parent", "aliases", "notes")
POSITION_KEYS = ("id", "actor", "issue", "stance", "date", "statement", "event", "quote", "claimed_by", "sources",
                 "notes")
PLAN_KEYS = ("id", "name", "aliases", "versions", "notes")
VERSION_KEYS = ("id", "name", "date", "drafted_by", "event", "sources", "relations", "points", "responses", "notes")
POINT_KEYS = ("number", "key", "text", "issues")
RESPONSE_KEYS = ("actor", "response", "date", "event", "sources", "notes")
RELATION_KEYS = ("relation", "version")
STANCE_KEYS = ("id", "value", "label")
QUOTE_KEYS = ("speaker", "text", "source")
#: Characters refused in what the user writes: C0/C1 controls (YAML's "\\x07" escapes let them in) and the
#: Unicode direction embeddings, overrides and isolates (U+202A-E, U+2066-9; Unicode TR9), which reorder how a
#: text displays ("Trojan Source").
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HIDDEN_WHY = dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
                           " (a direction override: the text would display other than it reads)")
#: The kinds of item with ids of their own: an issue and an event may share an id.
KINDS = ("issue", "position", "plan", "version")


class Reference(NamedTuple):
    """An id named at ``where`` in ``file``, of ``kind`` (actor, issue, ...), checked once every file is read."""

    file: str
    where: Path_
    kind: str
    ident: str
    owner: str


class NegotiationFields(Reading):
    """The readers and checks of issues, positions and plans, mixed into the loader."""

    @property
    def _negotiation(self) -> dict[str, Any]:
        """This load's ids by kind (``id -> (file, where)``), references to check, and where the scale was set."""
        state = self.__dict__.get("_negotiation_state")
        if state is None:
            state = self.__dict__["_negotiation_state"] = {
                "ids": {kind: {} for kind in KINDS}, "references": [], "scale": None}
        return state

    def _refer(self, file: str, where: Path_, kind: str, idents: tuple[str, ...] | str | None, owner: str) -> None:
        """Note references to check at the end: ``idents`` (one id or several) at ``where`` (+ index if several)."""
        if isinstance(idents, str):
            self._negotiation["references"].append(Reference(file, where, kind, idents, owner))
            return
        for index, ident in enumerate(idents or ()):
            self._negotiation["references"].append(Reference(file, (*where, index), kind, ident, owner))

    def _kind_id(self, file: str, where: Path_, item: dict, kind: str) -> str | None:
        """The id of a new issue, position, plan or version; ``None`` (with a problem) if missing or used."""
        ident = self._id_text(file, where, item, kind)
        if ident is None:
            return None
        seen = self._negotiation["ids"][kind]
        if ident in seen:
            first_file, first_where = seen[ident]
            self.problem(file, (*where, "id"), f"duplicate {kind} id '{ident}': already used at {first_file}:"
                                               f"{self.line(first_file, first_where)}; give each {kind} its own id")
            return None
        seen[ident] = (file, where)
        return ident

    # -- reading ----------------------------------------------------------

    def _stances(self, file: str, header: dict) -> None:
        """``stances`` of the ``dataset`` header: the scale, from most in favour to most against."""
        value, where = header["stances"], ("dataset", "stances")
        line = header.line("stances") if hasattr(header, "line") else None
        self.items[file, "dataset", "stances"] = (line or self.line(file, ("dataset",)) or 1, value)  # for its lines
        found: list[Stance] = []
        for place, item in self._each(file, ("dataset",), "stances", value, STANCE_KEYS, "stance"):
            ident = self._text(file, place, item, "id", required=True)
            number = item.get("value")
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
                self.problem(file, (*place, "value"), f"a stance needs a 'value' that is a number such as 1 or -0.5, "
                                                      f"not {describe(number)}")
            elif ident and any(s.id == ident for s in found):
                self.problem(file, (*place, "id"), f"stance '{ident}' is listed twice; give each stance its own id")
            elif ident and found and number == found[-1].value:
                self.problem(file, (*place, "value"), f"stance '{ident}' has the same value ({number:g}) as "
                             f"'{found[-1].id}'; give each stance its own value, or merge the two")
            elif ident and found and number > found[-1].value:
                self.problem(file, (*place, "value"), f"stance '{ident}' ({number:g}) should come before "
                             f"'{found[-1].id}' ({found[-1].value:g}): list stances from most in favour (highest "
                             "value) to most against")
            elif ident:
                found.append(Stance(ident, float(number), self._text(file, place, item, "label") or ident))
        if isinstance(value, list) and not value:
            self.problem(file, where, "'stances' is empty; list the scale's stances, or leave 'stances' out for the "
                                      "default scale (demands ... red_line)")
        if not found:
            return
        scale, first = StanceScale(tuple(found)), self._negotiation["scale"]
        if first is None:
            self._negotiation["scale"] = (file, scale)
            self.dataset.stances = scale
        elif first[1] != scale:
            self.problem(file, where, f"a different stance scale is already given in {first[0]}; give it once")

    def _issue(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, ISSUE_KEYS, "issue")
        ident = self._kind_id(file, where, item, "issue")
        proposition = self._prose(file, where, item, "proposition", required=True)
        parent = self._text(file, where, item, "parent") or None
        if parent:
            self._refer(file, (*where, "parent"), "issue", parent, f"issue '{ident}'")
        if ident and proposition:
            self.dataset.issues[ident] = Issue(
                ident, self._prose(file, where, item, "name") or ident, proposition, parent,
                self._ids(file, where, item, "aliases"), self._prose(file, where, item, "notes"))

    def _prose(self, file: str, where: Path_, item: dict, key: str, required: bool = False) -> str | None:
        """Text the user wrote at ``key``: an empty required text, a control character or a direction override
        (which can make a statement display other than it reads) is a problem."""
        text = self._text(file, where, item, key, required)
        if required and text == "":
            self.problem(file, (*where, key), f"empty '{key}'; write it (it is required)")
        elif text and (bad := HIDDEN.search(text)):
            self.problem(file, (*where, key), f"'{key}' holds the invisible character {describe_char(bad.group())}"
                                              f"{HIDDEN_WHY.get(bad.group(), '')}; delete it")
        return text

    def _position(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, POSITION_KEYS, "position")
        ident = self._kind_id(file, where, item, "position")
        owner = f"position '{ident}'"
        fields = {key: self._text(file, where, item, key, required=True) for key in ("actor", "issue", "stance")}
        for key, kind in (("actor", "actor"), ("issue", "issue"), ("stance", "stance")):
            if fields[key]:
                self._refer(file, (*where, key), kind, fields[key], owner)
        date = self._required_date(file, where, item)
        event = self._text(file, where, item, "event") or None
        sources, claimed_by = self._ids(file, where, item, "sources"), self._ids(file, where, item, "claimed_by")
        miscited = item.get("sources") not in (None, []) and not sources   # _ids said what is wrong
        self._refer(file, (*where, "event"), "event", event, owner)
        self._refer(file, (*where, "sources"), "source", sources, owner)
        self._refer(file, (*where, "claimed_by"), "actor", claimed_by, owner)
        if fields["actor"] in claimed_by:
            self.problem(file, (*where, "claimed_by"), f"'{fields['actor']}' cannot claim its own position; leave "
                                                       "'claimed_by' out for what the actor itself says")
        quote = self._quote(file, where, item.get("quote"), owner)
        actor, issue, stance = fields["actor"], fields["issue"], fields["stance"]
        if ident and date and actor and issue and stance and not miscited:
            self.dataset.positions.append(Position(
                ident, actor, issue, stance, date,
                self._prose(file, where, item, "statement") or "", event, quote, claimed_by, sources,
                self._prose(file, where, item, "notes")))

    def _required_date(self, file: str, where: Path_, item: dict) -> Any:
        if item.get("date") is None:
            self.problem(file, where, "missing 'date' (EDTF, e.g. 2025-08-15, 2025-08, or '../2025-08-15')")
            return None
        return self._date(file, (*where, "date"), item["date"])

    def _quote(self, file: str, where: Path_, value: Any, owner: str) -> Quote | None:
        if value is None:
            return None
        place = (*where, "quote")
        if not isinstance(value, dict):
            self.problem(file, place, f"'quote' should be a mapping with speaker, text and source, not "
                                      f"{describe(value)}")
            return None
        self._keys(file, place, value, QUOTE_KEYS, "quote")
        speaker = self._text(file, place, value, "speaker", required=True)
        text = self._prose(file, place, value, "text", required=True)
        source = self._text(file, place, value, "source") or None
        self._refer(file, (*place, "speaker"), "actor", speaker or None, owner)
        self._refer(file, (*place, "source"), "source", source, owner)
        return Quote(speaker, text, source) if speaker and text else None

    def _plan(self, file: str, where: Path_, item: dict) -> None:
        self._keys(file, where, item, PLAN_KEYS, "plan")
        ident = self._kind_id(file, where, item, "plan")
        if item.get("versions") is None:
            self.problem(file, where, "missing 'versions': a plan lists its versions (id, name, date, points...)")
        versions = [self._version(file, (*where, "versions", index), version)
                    for index, version in self._items(file, where, "versions", item.get("versions") or [])]
        if ident:
            self.dataset.plans[ident] = Plan(
                ident, self._prose(file, where, item, "name") or ident, self._ids(file, where, item, "aliases"),
                tuple(v for v in versions if v is not None), self._prose(file, where, item, "notes"))

    def _version(self, file: str, where: Path_, item: dict) -> PlanVersion | None:
        self._keys(file, where, item, VERSION_KEYS, "plan version")
        ident = self._kind_id(file, where, item, "version")
        owner = f"version '{ident}'"
        date = self._required_date(file, where, item)
        drafted_by, sources = self._ids(file, where, item, "drafted_by"), self._ids(file, where, item, "sources")
        event = self._text(file, where, item, "event") or None
        self._refer(file, (*where, "drafted_by"), "actor", drafted_by, owner)
        self._refer(file, (*where, "sources"), "source", sources, owner)
        self._refer(file, (*where, "event"), "event", event, owner)
        relations = self._relations(file, where, item.get("relations"), owner)
        points = self._points(file, where, item.get("points"), owner)
        responses = self._responses(file, where, item.get("responses"), owner)
        if ident is None or date is None:
            return None
        return PlanVersion(ident, self._prose(file, where, item, "name") or ident, date, drafted_by, event, sources,
                           relations, points, responses, self._prose(file, where, item, "notes"))

    def _known(self, file: str, where: Path_, value: str | None, choices: tuple[str, ...], what: str) -> bool:
        """Is ``value`` one of ``choices``? If not (and given), a problem listing them."""
        if value is None or value in choices:
            return value is not None
        self.problem(file, where, f"unknown {what} '{value}'{did_you_mean(value, choices)} ({what}s: "
                                  f"{', '.join(choices)})")
        return False

    def _relations(self, file: str, where: Path_, value: Any, owner: str) -> tuple[VersionRelation, ...]:
        found = []
        for place, item in self._each(file, where, "relations", value, RELATION_KEYS, "version relation"):
            relation = self._text(file, place, item, "relation", required=True)
            version = self._text(file, place, item, "version", required=True)
            if self._known(file, (*place, "relation"), relation, VERSION_RELATIONS, "version relation") and relation \
                    and version:
                self._refer(file, (*place, "version"), "version", version, owner)
                found.append(VersionRelation(relation, version))
        return tuple(found)

    def _points(self, file: str, where: Path_, value: Any, owner: str) -> tuple[Point, ...]:
        found: dict[str, Point] = {}
        numbers: set[str] = set()
        for place, item in self._each(file, where, "points", value, POINT_KEYS, "point"):
            number = self._text(file, place, item, "number")
            text = self._prose(file, place, item, "text", required=True)
            key = self._text(file, place, item, "key") or number
            issues = self._ids(file, place, item, "issues")
            self._refer(file, (*place, "issues"), "issue", issues, owner)
            if not number:
                if not isinstance(item.get("number"), (dict, list)):  # else _text said what is wrong
                    self.problem(file, place, "missing 'number' (the point's number as the plan gives it, e.g. 1 "
                                              "or 7a)")
            elif number in numbers:
                self.problem(file, (*place, "number"), f"point number '{number}' is used twice in {owner}; number "
                                                       "each point as the plan does (e.g. 7 and 7a)")
            elif key in found:
                self.problem(file, (*place, "key"), f"point key '{key}' is used twice in {owner}; give each point "
                                                    "its own 'key' (it identifies the point across versions)")
            elif text and key:
                numbers.add(number)
                found[key] = Point(number, key, text, issues)
        return tuple(found.values())

    def _responses(self, file: str, where: Path_, value: Any, owner: str) -> tuple[Response, ...]:
        found = []
        for place, item in self._each(file, where, "responses", value, RESPONSE_KEYS, "response"):
            actor = self._text(file, place, item, "actor", required=True)
            response = self._text(file, place, item, "response", required=True)
            date = None if item.get("date") is None else self._date(file, (*place, "date"), item["date"])
            event, sources = self._text(file, place, item, "event") or None, self._ids(file, place, item, "sources")
            self._refer(file, (*place, "actor"), "actor", actor or None, owner)
            self._refer(file, (*place, "event"), "event", event, owner)
            self._refer(file, (*place, "sources"), "source", sources, owner)
            if self._known(file, (*place, "response"), response, RESPONSES, "response") and response and actor:
                found.append(Response(actor, response, date, event, sources, self._prose(file, place, item, "notes")))
        return tuple(found)

    # -- checking, once every file is read ----------------------------------

    def _check_negotiation(self) -> None:
        """Check every id named by issues, positions, plans and events' ``issues``; parents form no cycle."""
        state = self._negotiation
        defined: dict[str, Any] = {kind: state["ids"][kind] for kind in ("issue", "version")}
        for kind in ("actor", "event", "source"):
            defined[kind] = {ident for ident, (_, where) in self.origin.items() if where[0] == f"{kind}s"}
        defined["stance"] = self.dataset.stances.ids()
        for event in (*self.dataset.events, *self.dataset.drafts):
            file, where = self.origin[event.id]
            self._refer(file, (*where, "issues"), "issue", event.issues, f"event '{event.id}'")
        for reference in state["references"]:
            if reference.ident not in defined[reference.kind]:
                self.problem(reference.file, reference.where, f"unknown {reference.kind} '{reference.ident}' in "
                             f"{reference.owner}{self._hint(reference, defined[reference.kind])}")
        self._check_unsourced()
        self._check_issue_cycles()
        check_aliases(self, self.dataset.issues.values(), self._negotiation["ids"]["issue"])
        check_version_cycles(self, [v for plan in self.dataset.plans.values() for v in plan.versions],
                             self._negotiation["ids"]["version"])

    def _hint(self, reference: Reference, choices: Any) -> str:
        if reference.kind == "issue":
            named = [i.id for i in self.dataset.issues.values() if reference.ident in i.aliases]
            if named:
                return f"; '{reference.ident}' is an alias of issue '{named[0]}': write its id"
        if reference.kind == "stance":
            return f"{did_you_mean(reference.ident, choices)} (stances: {', '.join(choices)})"
        return did_you_mean(reference.ident, choices)

    def _check_unsourced(self) -> None:
        """A position rests on ``sources``, or on an ``event`` that has some."""
        sourced = {event.id for event in (*self.dataset.events, *self.dataset.drafts) if event.sources}
        events = {ident for ident, (_, where) in self.origin.items() if where[0] == "events"}
        for position in self.dataset.positions:
            if position.sources or position.event in sourced or position.event and position.event not in events:
                continue
            file, where = self._negotiation["ids"]["position"][position.id]
            why = f"its event '{position.event}' cites none" if position.event else "it names no event"
            self.problem(file, where, f"position '{position.id}' has no 'sources' and {why}; cite the reporting "
                                      "it rests on under 'sources'")

    def _check_issue_cycles(self) -> None:
        issues, reported = self.dataset.issues, set()
        for start in issues:
            chain: list[str] = []
            ident: str | None = start
            while ident is not None and ident in issues and ident not in chain:
                chain.append(ident)
                ident = issues[ident].parent
            if ident in chain and ident not in reported:
                cycle = chain[chain.index(ident):]
                reported.update(cycle)
                file, where = self._negotiation["ids"]["issue"][ident]
                self.problem(file, (*where, "parent"), f"parent cycle: {' -> '.join([*cycle, ident])}; an issue "
                                                       "cannot be part of itself")
