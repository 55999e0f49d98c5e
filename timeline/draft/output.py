"""A draft as a dataset file: ids, titles and summaries in neutral words, ``draft: true``, and the YAML text.

Every drafted event carries ``draft: true`` (left out of answers and charts
unless ``--include-drafts``), cites the article, and keeps in ``notes`` the
sentence it rests on with its character offsets, the words that triggered it
and a confidence between 0 and 1, in this form::

    drafted from characters 420-625 (trigger 'met', confidence 0.85): U.S. President ...
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

from timeline.draft.events import Drafted
from timeline.draft.pipeline import Draft
from timeline.vocabulary import EVENT_TYPES, ROLE_INFO, STATUS_INFO

#: type -> (verb after one actor, verb after several, word before the target). Others: "<label> by X".
VERBS: dict[str, tuple[str, str, str]] = {
    "meeting": ("meets", "meet", ""), "call": ("speaks by phone", "speak by phone", ""),
    "visit": ("visits", "visit", ""), "proposal": ("makes a proposal", "make a proposal", " to"),
    "counter_proposal": ("makes a counter-proposal", "make a counter-proposal", " to"),
    "demand": ("makes a demand", "make a demand", " of"), "appeal": ("appeals", "appeal", " to"),
    "rejection": ("rejects", "reject", ""), "acceptance": ("accepts", "accept", ""),
    "statement": ("makes a statement", "make a statement", " to"), "claim": ("makes a claim", "make a claim", " against"),
    "denial": ("denies a claim", "deny a claim", " of"), "accusation": ("accuses", "accuse", ""),
    "criticism": ("criticises", "criticise", ""), "threat": ("threatens", "threaten", ""),
    "endorsement": ("endorses", "endorse", ""), "agreement": ("reach an agreement", "reach an agreement", ""),
    "assessment": ("gives an assessment", "give an assessment", " of"),
}


def draft_data(draft: Draft, taken: Iterable[str] = ()) -> dict[str, Any]:
    """The mapping of a dataset file holding ``draft``: actors, sources, events (ids unlike any in ``taken``)."""
    ids = _event_ids(draft, set(taken))
    events = [_event(event, ids, draft) for event in draft.events]
    body: dict[str, Any] = {"actors": draft.actors, "sources": [draft.source] if draft.source else [],
                            "events": events}
    return {key: value for key, value in body.items() if value}


def dump(data: dict[str, Any]) -> str:
    """The YAML text of ``data`` as a dataset file; texts a YAML 1.2 reader would take for numbers are quoted."""
    from timeline.importers.writer import _Dumper

    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def title(event: Drafted, names: dict[str, str]) -> str:
    """A headline in neutral words: "Steve Witkoff and Vladimir Putin meet", "Russia rejects ..."."""
    kind = EVENT_TYPES[event.type]
    acting = event.roles.get("source") or event.roles.get("participants") or []
    one, several, before_target = VERBS.get(event.type, ("", "", ""))
    may = "" if event.status == "occurred" else f" ({STATUS_INFO[event.status].label.lower()})"
    if not one:
        towards = event.roles.get("target")
        text = f"{kind.label} by {_names(acting, names)}" + (f" towards {_names(towards, names)}" if towards else "")
        return text + may
    verb = one if len(acting) == 1 else several
    if event.type == "visit":
        return f"{_names(acting, names)} {verb} {_names(event.roles.get('host', []), names)}{may}"
    target = event.roles.get("target")
    if event.type in ("rejection", "acceptance") and event.thing not in (None, "this"):
        before_target, verb = " of", f"{verb} a {event.thing.rstrip('s')}"
    tail = f"{before_target} {_names(target, names)}" if target else ""
    return f"{_names(acting, names)} {verb}{tail}{may}"


def summary(event: Drafted, names: dict[str, str]) -> str:
    """One neutral sentence: the title, the place, what was named, and the date as drafted."""
    place = f" in {event.location}" if event.location and event.type != "visit" else ""
    answers = event.type in ("criticism", "endorsement", "denial")
    thing = f" (the article speaks of a {event.thing})" if answers and event.thing not in (None, "this") else ""
    return f"{title(event, names)}{place}{thing}; date as drafted: {event.date}."


def _event(event: Drafted, ids: list[str], draft: Draft) -> dict[str, Any]:
    number = draft.events.index(event)
    item: dict[str, Any] = {"id": ids[number], "type": event.type, "title": title(event, draft.names),
                            "date": event.date, "status": event.status}
    if event.location:
        item["location"] = event.location
    for role in ROLE_INFO.values():
        if event.roles.get(role.key):
            item[role.key] = list(event.roles[role.key])
    item["summary"] = summary(event, draft.names)
    if event.quotes:
        item["quotes"] = [{"speaker": speaker, "text": text, "source": draft.source_id}
                          for speaker, text in event.quotes]
    item["sources"] = [draft.source_id]
    if event.related:
        item["related"] = [{"relation": relation, "event": ids[other]} for relation, other in event.related]
    item["draft"] = True
    item["notes"] = (f"drafted from characters {event.start}-{event.end} (trigger '{event.trigger}', "
                     f"confidence {event.confidence:.2f}): {event.sentence}")
    return item


def _event_ids(draft: Draft, taken: set[str]) -> list[str]:
    ids = []
    for event in draft.events:
        acting = (event.roles.get("source") or event.roles.get("participants") or ["x"])[0]
        stem = re.sub(r"[^a-z0-9]+", "-", f"{draft.source_id}-{acting}-{event.type}".lower()).strip("-")
        ident, number = stem, 2
        while ident in taken:
            ident, number = f"{stem}-{number}", number + 1
        taken.add(ident)
        ids.append(ident)
    return ids


def _names(ids: list[str] | None, names: dict[str, str]) -> str:
    words = [names.get(i, i) for i in ids or ()]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" and {words[-1]}" if words else "someone"
