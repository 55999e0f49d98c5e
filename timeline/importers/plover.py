"""Read PLOVER event records (JSON): the PLOVER gold-standard records and POLECAT-style JSON.

Fields (PLOVER manual, Open Event Data Alliance; the gold-standard records'
``PLOVER_GSR_CAMEO_readme``): ``id``, ``date`` (or ``event_date``/``story_date``),
``event`` (or ``event_type``), ``mode``, ``context``, ``source``/``target``
(or ``actor``/``recipient``): lists of ``{actorText, code, sector}`` or of
names, ``eventLoc``, ``size``, ``text``, ``publication``/``cite_info``.

The file is a JSON array or one record per line; each record's location is
``file:line``. Actor and recipient lists stay lists (a meeting of three is not
split into pairs); type, mode and context are kept (``plover``). Types of
earlier PLOVER drafts are read as today's (:data:`RENAMED`), the original named
in ``notes``. Texts are stripped of stray tabs and spaces. Stable ids:
``plover-<id>``. ``DOCUMENT`` records (the file's own documentation) are skipped.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers import cameo
from timeline.importers.records import Record, slug
from timeline.importers.tabular import open_text
from timeline.vocabulary import EVENT_TYPES, PLOVER_TYPES

#: PLOVER types of earlier drafts -> (today's type, the model's type).
RENAMED = {"DEMAND": ("REQUEST", "demand"), "DISAPPROVE": ("ACCUSE", "criticism"),
           "FIGHT": ("ASSAULT", "military_action"), "INVESTIGATE": ("ACCUSE", "investigation")}
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_SPACE = re.compile(r"\s+")


def read_plover(path: str | Path) -> Iterator[Record]:
    """Yield one :class:`Record` per PLOVER record in the JSON file at ``path`` (an array or JSON lines)."""
    name = str(path)
    with open_text(Path(path)) as handle:
        text = handle.read()
    for line, item in _items(text):
        where = f"{name}:{line}"
        if isinstance(item, str):
            yield Record(where, refused=item)
        elif not isinstance(item, dict):
            yield Record(where, refused=f"a PLOVER record is a JSON object, not {type(item).__name__}")
        elif _clean(item.get("event") or item.get("event_type")) == "DOCUMENT":
            yield Record(where, skipped=True)
        else:
            yield _record(where, item)


def _items(text: str) -> Iterator[tuple[int, Any]]:
    """Each JSON value of an array (or of JSON lines) in ``text`` with its line; a text for a broken one."""
    decoder = json.JSONDecoder()
    position, line, size = 0, 1, len(text)
    while position < size:
        char = text[position]
        if char in " \t\r\n,[]":
            line += char == "\n"
            position += 1
            continue
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            yield line + text.count("\n", position, error.pos), f"broken JSON: {error.msg}"
            return
        except RecursionError:
            yield line, "JSON nested too deep to read (thousands of levels); a PLOVER record needs three"
            return
        except ValueError:  # Python reads no whole number of over 4,300 digits
            yield line, "a number of thousands of digits, too long to read; a PLOVER record holds none"
            return
        yield line, value
        line += text.count("\n", position, end)
        position = end


def _clean(value: Any) -> str:
    return _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""


def _record(where: str, item: dict[str, Any]) -> Record:
    ident, given = _clean(item.get("id")), _clean(item.get("event") or item.get("event_type")).upper()
    plover, kind = RENAMED.get(given, (given, None))
    if not ident:
        return Record(where, refused="no 'id': PLOVER records need one (it makes the event's id)")
    if plover not in PLOVER_TYPES:
        return Record(where, refused=f"unknown PLOVER event type {given!r} (types: {', '.join(PLOVER_TYPES)})")
    day = _clean(item.get("date") or item.get("event_date") or item.get("story_date"))[:10]
    if not is_date(day):
        return Record(where, refused=f"date {day!r} is not a date (YYYY-MM-DD)")
    mode, context = _clean(item.get("mode")), contexts(item.get("context"))
    kind = kind or model_type(plover, mode)
    sides = [_actors(item.get("source", item.get("actor"))), _actors(item.get("target", item.get("recipient")))]
    ids = [list(dict.fromkeys(a[0]["id"] for a in side)) for side in sides]
    event: dict[str, Any] = {"id": event_id(ident), "type": kind,
                             "title": f"{plover.title()}: {_clean(item.get('eventText')) or ident}", "date": day}
    if refusal := place_sides(event, ids, f"{plover} ({kind})", "the record", "'source' is empty"):
        return Record(where, refused=refusal)
    location = item.get("eventLoc")
    if isinstance(location, dict) and _clean(location.get("name")):
        event["location"] = _clean(location["name"])
    event["plover"] = {"type": plover, **({"mode": mode} if mode else {}), **({"context": context} if context else {})}
    if _clean(item.get("text")):
        event["summary"] = _clean(item["text"])
    size = _clean(item.get("size"))
    if size.isdigit():
        event["quantities"] = [{"what": "size", "value": int(size), "unit": "persons"}]
    sources = _source(ident, item)
    event["sources"] = [s["id"] for s in sources]
    notes = [f"PLOVER record {ident}"] + ([f"coded {given} (an earlier PLOVER type)"] if given != plover else [])
    event["notes"] = "; ".join(notes)
    return Record(where, event, [a for side in sides for group in side for a in group], sources,
                  countries=tuple(a.get("aliases", [""])[0] for side in sides for group in side for a in group))


def place_sides(event: dict[str, Any], ids: list[list[str]], what: str, holder: str, no_actor: str) -> str | None:
    """Put the two sides' actor ids (``ids``: acting, acted on) into ``event``: as participants for a
    symmetric type, else as source and target. Return why the row is refused, or None.

    ``what`` names the event ("Consult (meeting)"), ``holder`` what was read ("the record", "the row"),
    ``no_actor`` why there is no acting actor ("'source' is empty").
    """
    if EVENT_TYPES[event["type"]].symmetric:
        everyone = list(dict.fromkeys(ids[0] + ids[1]))
        if len(everyone) < 2:
            return f"{what} is between two actors; {holder} names {len(everyone)}"
        event["participants"] = everyone
    elif not ids[0]:
        return f"{what} needs the actor who acts: {no_actor}"
    else:
        event["source"] = ids[0]
        if ids[1]:
            event["target"] = ids[1]
    return None


def is_date(text: str) -> bool:
    from timeline.dates import DateError, parse_edtf

    try:
        return bool(_DAY.fullmatch(text)) and parse_edtf(text) is not None
    except DateError:
        return False


def event_id(ident: str) -> str:
    """``plover-<id>`` as an id ("PLOVER-GSR01-AGREE-0001" -> "plover-gsr01-agree-0001")."""
    made = slug(ident)
    return made if made.startswith("plover-") else f"plover-{made}"


def model_type(plover: str, mode: str) -> str:
    """The model's type for a PLOVER type and mode: the one with that mode, else the first directed one.

    PLOVER codes a source acting on a target, so a directed type is the plain reading
    (AGREE -> proposal, RETREAT -> release); CONSULT has only symmetric types.
    """
    fits = [name for name, kind in EVENT_TYPES.items() if kind.plover == plover]
    directed = [name for name in fits if not EVENT_TYPES[name].symmetric]
    return next((name for name in fits if mode and EVENT_TYPES[name].mode == mode), (directed or fits)[0])


def contexts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").replace(";", ",").split(",")
    return [c for c in (_clean(i) for i in items) if c]


def _actors(value: Any) -> list[list[dict[str, Any]]]:
    """Each actor of a source/target list as the proposed actors it makes (the actor, then its state)."""
    found = []
    for item in value if isinstance(value, list) else [value] if value else []:
        if isinstance(item, dict):
            code, sector = _clean(item.get("code")), _clean(item.get("sector"))
            name = _clean(item.get("actorText") or item.get("name"))
            made = cameo.actor(code + sector[:3] if sector else code, code, sector[:3], "", name) if code else \
                [{"id": slug(name), "name": name, "kind": "group"}] if slug(name) else []
        else:
            name = _clean(item)
            made = [{"id": slug(name), "name": name, "kind": "group"}] if slug(name) else []
        if made:
            found.append(made)
    return found


def _source(ident: str, item: dict[str, Any]) -> list[dict[str, Any]]:
    cite = _clean(item.get("cite_info") or item.get("url"))
    source: dict[str, Any] = {"id": f"{event_id(ident)}-source"}
    if _clean(item.get("publication")):
        source["publisher"] = _clean(item["publication"])
    if cite.startswith(("http://", "https://")):
        source["url"] = cite
    elif cite:
        source["title"] = cite
    return [source] if len(source) > 1 else []
