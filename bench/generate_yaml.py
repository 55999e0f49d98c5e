"""Writing a synthetic dataset as timeline's YAML (bench/generate.py): actors, sources, events by year
or month (or in a given number of files), and with ``--positions`` the issues, positions and plans."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import TYPE_CHECKING

from generate_cast import Actor, Event
from generate_words import DAYS, FIRST_DAY, the

if TYPE_CHECKING:
    from generate import Generator

MAX_FILE_BYTES = 8 * 2**20



def q(value: object) -> str:
    """A YAML flow scalar or sequence: JSON text is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def actor_yaml(actor: Actor) -> str:
    lines = [f"  - id: {actor.id}", f"    name: {q(actor.name)}", f"    kind: {actor.kind}"]
    if actor.title:
        lines.append(f"    title: {q(actor.title)}")
    if actor.affiliation:
        lines.append(f"    affiliation: {actor.affiliation}")
    if actor.aliases:
        lines.append(f"    aliases: {q(actor.aliases)}")
    return "\n".join(lines) + "\n"


def event_yaml(event: Event) -> str:
    lines = [f"  - id: {event.id}", f"    type: {event.type}", f"    date: {q(event.date)}",
             f"    status: {event.status}"]
    if event.location:
        lines.append(f"    location: {q(event.location)}")
    for key in ("participants", "host", "source", "target", "mentioned"):
        if event.roles.get(key):
            lines.append(f"    {key}: [{', '.join(event.roles[key])}]")
    lines.append(f"    summary: {q(event.summary)}")
    if event.quotes:
        lines.append("    quotes:")
        for speaker, text, source in event.quotes:
            cited = f", source: {source}" if source else ""
            lines.append(f"      - {{speaker: {speaker}, text: {q(text)}{cited}}}")
    lines.append(f"    sources: [{', '.join(event.sources)}]")
    if event.related:
        lines.append("    related:")
        lines += [f"      - {{relation: {relation}, event: {target}}}" for relation, target in event.related]
    if event.notes:
        lines.append(f"    notes: {q(event.notes)}")
    return "\n".join(lines) + "\n"


def source_yaml(source: dict) -> str:
    lines = [f"  - id: {source['id']}", f"    publisher: {q(source['publisher'])}",
             f"    title: {q(source['title'])}", f"    published: {q(source['published'])}"]
    if "url" in source:
        lines.append(f"    url: {q(source['url'])}")
    return "\n".join(lines) + "\n"


def header(generator: Generator) -> str:
    return (f"# Synthetic benchmark dataset written by bench/generate.py (seed {generator.seed}, "
            f"{generator.target} events).\n# The events are invented; the names are there to stress the tools.\n")


def event_files(events: list[Event], files: int | None = None) -> dict[str, str]:
    """Event YAML by file name: one file per year, or per month if a year passes MAX_FILE_BYTES.

    ``files``: instead, that many files of consecutive events (``events/part-00001.yaml``, ...), the
    layout of a record kept one file per day or per story.
    """
    if files:
        cuts = [len(events) * n // files for n in range(files + 1)]
        return {f"events/part-{n + 1:05d}.yaml": "events:\n" + "".join(map(event_yaml, events[start:end]))
                for n, (start, end) in enumerate(zip(cuts, cuts[1:])) if end > start}
    chunks: dict[str, list[str]] = {}
    for event in events:
        chunks.setdefault(date.fromordinal(event.day).strftime("%Y-%m"), []).append(event_yaml(event))
    by_year: dict[str, list[str]] = {}
    for month, texts in chunks.items():
        by_year.setdefault(month[:4], []).extend(texts)
    monthly = any(sum(map(len, texts)) * 1.1 > MAX_FILE_BYTES for texts in by_year.values())
    return {f"events/{name}.yaml": "events:\n" + "".join(texts)
            for name, texts in (chunks if monthly else by_year).items()}



# -- issues, positions and plans (--positions N) --------------------------------------

#: The issues of the synthetic negotiation: (id, name, parent, proposition).
ISSUES = (
    ("territory", "Territory", None, "The defending side cedes territory"),
    ("front-line", "The front line", "territory", "The line of contact becomes the border"),
    ("north", "Northern region", "territory", "The defending side withdraws from the northern region"),
    ("south", "Southern region", "territory", "The defending side withdraws from the southern region"),
    ("coast", "The coast", "territory", "The coast is demilitarised"),
    ("alliance", "Alliance membership", None, "The defending side renounces alliance membership"),
    ("guarantees", "Security guarantees", None, "Third states guarantee the settlement"),
    ("peacekeepers", "Peacekeepers", "guarantees", "Foreign peacekeepers are stationed along the line"),
    ("army-cap", "Cap on the army", "guarantees", "The defending side's army is capped"),
    ("sanctions", "Sanctions", None, "Sanctions are lifted"),
    ("frozen-assets", "Frozen assets", "sanctions", "Frozen state assets are returned"),
    ("energy", "Energy exports", "sanctions", "Energy exports resume"),
    ("ceasefire", "Ceasefire", None, "A ceasefire comes before a settlement"),
    ("prisoners", "Prisoner exchange", "ceasefire", "All prisoners are exchanged"),
    ("grain", "Grain corridor", "ceasefire", "Grain ships pass unhindered"),
    ("nuclear-plant", "The nuclear plant", None, "The nuclear plant is handed to a neutral operator"),
    ("elections", "Elections", None, "Elections are held within a year"),
    ("language", "Language rights", None, "Minority language rights are written into law"),
    ("reparations", "Reparations", None, "Reparations are paid for the damage"),
    ("tribunal", "Tribunal", "reparations", "A tribunal tries the crime of aggression"),
)
STANCES = ("demands", "accepts", "open_to", "undecided", "rejects", "red_line")


def negotiation_yaml(generator: Generator, positions: int, seed: int) -> str:
    """``negotiation.yaml``: the :data:`ISSUES`, ``positions`` positions and three plans of two or three versions.

    Each position is taken by an actor of a random event (not one merely mentioned) on that event's day
    (a fifth of them dated by the month, one in twenty open at the start: 'by' the day); two in five rest on
    the event, the rest cite one of its sources; one in twenty is a claim of one of the other actors. Drawn
    from a random generator of its own, so the events are the same with or without positions.
    """
    rng = random.Random(seed * 7919 + positions)
    lines = ["issues:"] + [f"  - {{id: {ident}, name: {q(name)}, proposition: {q(text)}"
                           f"{f', parent: {parent}' if parent else ''}}}" for ident, name, parent, text in ISSUES]
    lines.append("positions:")
    for n in range(positions):
        event = rng.choice(generator.events)
        acting = list(dict.fromkeys(a for role, ids in event.roles.items() if role != "mentioned" for a in ids))
        actor, day = rng.choice(acting), date.fromordinal(event.day)
        issue, stance, form = rng.choice(ISSUES)[0], rng.choice(STANCES), rng.random()
        when = day.strftime("%Y-%m") if form < 0.2 else f"../{day.isoformat()}" if form < 0.25 else day.isoformat()
        statement = f"{the(generator.actors[actor].name)}: {stance.replace('_', ' ')} on {issue}."
        fields = [f"id: position-{n + 1:06d}", f"actor: {actor}", f"issue: {issue}", f"stance: {stance}",
                  f"date: {q(when)}", f"statement: {q(statement)}"]
        fields.append(f"event: {event.id}" if form >= 0.25 and rng.random() < 0.4 and event.sources
                      else f"sources: [{rng.choice(event.sources or [s['id'] for s in generator.sources[:1]])}]")
        others = [a for a in acting if a != actor]
        if others and rng.random() < 0.05:
            fields.append(f"claimed_by: [{rng.choice(others)}]")
        lines.append(f"  - {{{', '.join(fields)}}}")
    lines.append("plans:")
    for p in range(3):
        lines += [f"  - id: plan-{p + 1}", f"    name: {q(f'Peace plan {p + 1}')}", "    versions:"]
        for v in range(2 + p % 2):
            event = rng.choice(generator.events)
            points = ", ".join(f"{{number: {k + 1}, key: {ident}, text: {q(f'{text} (draft {v + 1}).')}}}"
                               for k, (ident, _, _, text) in enumerate(rng.sample(ISSUES, 6)))
            lines += [f"      - id: plan-{p + 1}-v{v + 1}", f"        name: {q(f'Draft {v + 1}')}",
                      f"        date: {q(date.fromordinal(FIRST_DAY + (v + 1) * DAYS // 4 + p).isoformat())}",
                      f"        drafted_by: [{event.roles[next(iter(event.roles))][0]}]",
                      f"        sources: [{generator.sources[rng.randrange(len(generator.sources))]['id']}]",
                      f"        points: [{points}]"]
    return "\n".join(lines) + "\n"
