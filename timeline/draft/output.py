"""A draft as a dataset file: ids, titles and summaries in neutral words, ``draft: true``, and the YAML text.

Every drafted event carries ``draft: true`` (left out of answers and charts
unless ``--include-drafts``), cites the article, and carries ``evidence``, the
sentence it rests on with its character offsets in the article and the words
that triggered it, and a ``confidence`` between 0 and 1 (fields the loader reads
into :class:`timeline.model.Evidence` and ``Event.confidence``)::

    evidence: {text: Putin met Witkoff in Moscow on Tuesday., start: 36, end: 75, trigger: met}
    confidence: 0.85
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


#: The longest summary, in characters.
SUMMARY_WIDTH = 160
#: Words before a trigger kept in a summary: they carry its modality ("may meet", "has rejected").
_AUXILIARIES = frozenset(("may", "might", "could", "would", "will", "shall", "has", "have", "had", "is", "was", "are",
                          "were", "also", "to", "plans", "expected", "not", "reportedly", "again"))


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
    """One line in the article's own words, its actors named: who, the act as reported, and its object.

    "Vladimir Putin met Steve Witkoff in Moscow on Tuesday." For an event reported by a noun only
    ("Sunday's talks in Geneva") the title stands in, with the place.
    """
    if event.nominal:
        place = f" in {event.location}" if event.location and event.type != "visit" else ""
        return f"{title(event, names)}{place}."
    acting = event.subject or event.roles.get("source") or event.roles.get("participants", [])[:1]
    act = event.sentence[event.at:event.reach or None].strip(" ,;:—–-")
    if event.passive:  # "The visit was confirmed by Yuri Ushakov on Wednesday": the clause as written
        words = event.sentence[event.begin:event.reach or None]
    else:
        before = event.sentence[:event.at].split()[-3:]
        while before and before[0].lower() not in _AUXILIARIES:
            before.pop(0)
        words = " ".join(part for part in (_names(acting, names), *before, act) if part)
        said = event.sentence[:event.begin].strip(" ,;:—–-")
        if event.type in ("statement", "claim", "assessment") and said and len(act.split()) <= 6:
            words = f"{words.rstrip(' .')}: {said}"  # "Hamas told AFP: Hamas hopes the meeting will ..."
    words = re.sub(r"\s+", " ", words).strip(" ,;:.—–-")
    if len(words) > SUMMARY_WIDTH:
        words = words[:SUMMARY_WIDTH].rsplit(" ", 1)[0] + "…"
    return words[0].upper() + words[1:] + ("" if words.endswith("…") else ".")


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
    item["evidence"] = {"text": event.sentence, "start": event.start, "end": event.end, "trigger": event.trigger}
    if event.also:  # drafta9: the other sentences that tell the same event (timeline/draft/retold.py)
        item["notes"] = "Also told at " + "; ".join(f"{start}-{end}: {text}" for text, start, end in event.also)
    item["confidence"] = event.confidence
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
