"""Read back the stance, issue, position and plan tables of ``timeline export csv`` (:mod:`timeline.export.negotiation`).

They lie beside ``events.csv``: ``stances.csv``, ``issues.csv``, ``positions.csv``, ``plans.csv``,
``plan_versions.csv``, ``plan_points.csv`` and ``plan_responses.csv`` (each optional). Each
row gives one item in the project's YAML form; a plan is put together from its four tables,
its versions, points and responses in the order of the rows. Columns the export derives
(``value``, ``since``, ``until``) are not read back. The stance scale is kept only when it is
not the default one.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers.project_csv import _rows, _split
from timeline.importers.records import Record
from timeline.negotiation import DEFAULT_STANCES

_ISSUE = ("id", "name", "proposition", "parent", "notes")
_POSITION = ("id", "actor", "issue", "stance", "date", "statement", "event", "notes")
_VERSION = ("id", "name", "date", "event", "notes")
_RESPONSE = ("actor", "response", "date", "event", "notes")


def read_negotiation(folder: Path) -> Iterator[Record]:
    """One :class:`Record` per stance scale, issue, position and plan found in the tables of ``folder``."""
    stances = [{"id": row["id"], "value": float(row["value"]), "label": row.get("label", row["id"])}
               for _, row in _rows(folder / "stances.csv") if row.get("id") and _number(row.get("value"))]
    if stances and [(s["id"], s["value"], s["label"]) for s in stances] != [tuple(s) for s in DEFAULT_STANCES]:
        yield Record(str(folder / "stances.csv"), negotiation={"stances": stances})
    for where, row in _rows(folder / "issues.csv"):
        yield Record(where, negotiation={"issues": [_pick(row, _ISSUE, aliases=_split(row.get("aliases")))]})
    for where, row in _rows(folder / "positions.csv"):
        quote = {key: row[f"quote_{key}"] for key in ("speaker", "text", "source") if row.get(f"quote_{key}")}
        position = _pick(row, _POSITION, claimed_by=_split(row.get("claimed_by")), sources=_split(row.get("sources")),
                         quote=quote or None)
        yield Record(where, negotiation={"positions": [position]})
    yield from _plans(folder)


def _plans(folder: Path) -> Iterator[Record]:
    versions: dict[str, list[dict[str, Any]]] = {}
    found: dict[str, dict[str, Any]] = {}
    for _, row in _rows(folder / "plan_versions.csv"):
        relations = [dict(zip(("relation", "version"), (p.strip() for p in link.split(":", 1))))
                     for link in _split(row.get("relations"))]
        version = _pick(row, _VERSION, drafted_by=_split(row.get("drafted_by")), sources=_split(row.get("sources")),
                        relations=relations)
        versions.setdefault(row.get("plan", ""), []).append(version)
        found[version.get("id", "")] = version
    for _, row in _rows(folder / "plan_points.csv"):
        point = {"number": row.get("number"), "key": row.get("key"), "text": row.get("text"),
                 "issues": _split(row.get("issues"))}
        found.get(row.get("version", ""), {}).setdefault("points", []).append({k: v for k, v in point.items() if v})
    for _, row in _rows(folder / "plan_responses.csv"):
        response = _pick(row, _RESPONSE, sources=_split(row.get("sources")))
        found.get(row.get("version", ""), {}).setdefault("responses", []).append(response)
    for where, row in _rows(folder / "plans.csv"):
        plan = _pick(row, ("id", "name", "notes"), aliases=_split(row.get("aliases")),
                     versions=versions.get(row.get("id", ""), []))
        yield Record(where, negotiation={"plans": [plan]})


def _pick(row: dict[str, str], keys: tuple[str, ...], **more: Any) -> dict[str, Any]:
    """The ``keys`` of ``row`` that have a value, then ``more`` that are not empty."""
    return {**{key: row[key] for key in keys if row.get(key)}, **{key: value for key, value in more.items() if value}}


def _number(text: str | None) -> bool:
    try:
        float(text or "")
    except ValueError:
        return False
    return True
