"""CAMEO codes for the importers: event codes to the model's types, actor codes to names and states.

The tables in ``tables/`` are GDELT's CAMEO lookup files (country, type, known
group, event codes) and the CAMEO-to-PLOVER table of the PLOVER manual (draft
0.8, 2021); ``tables/README.md`` names their origin. Codes are text: leading
zeros matter (``"036"``).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from timeline.importers.records import slug
from timeline.vocabulary import EVENT_TYPES

TABLES = Path(__file__).with_name("tables")

#: Where the first type holding a code is not the right reading of a coded (directed) record.
#: States coded in ISO 3166 where GDELT's CAMEO table has an older code or none (ROU: CAMEO writes ROM).
EXTRA_STATES = {"ROU": "Romania", "MNE": "Montenegro", "TLS": "Timor-Leste", "SSD": "South Sudan",
                "XKX": "Kosovo"}
#: CAMEO codes of international and non-governmental organisations and companies.
ORGANISATIONS = frozenset(("IGO", "NGO", "MNC", "BUS"))
_PREFERRED = {"0841": "release", "084": "release", "043": "visit"}


@cache
def table(name: str) -> dict[str, str]:
    """The CODE -> LABEL table ``name`` (``"country"``, ``"type"``, ``"knowngroup"``, ``"eventcodes"``)."""
    rows = (TABLES / f"CAMEO.{name}.txt").read_text(encoding="utf-8").splitlines()[1:]
    return dict(tuple(row.split("\t", 1)) for row in rows if "\t" in row)  # type: ignore[misc]


@cache
def plover_table() -> dict[str, dict[str, Any]]:
    """CAMEO code -> ``{type, mode, context}`` from ``CAMEO2PLOVER-2021.txt`` (empty parts left out)."""
    found: dict[str, dict[str, Any]] = {}
    for row in (TABLES / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        code, colon, rest = row.partition(":")
        if not colon or row.startswith("#") or not code.strip().isdigit():
            continue
        parts = [p.strip() for p in rest.split("#", 1)[0].split(",")]
        coding: dict[str, Any] = {"type": parts[0]}
        if len(parts) > 1 and parts[1]:
            coding["mode"] = parts[1]
        if len(parts) > 2 and parts[2]:
            coding["context"] = [c.strip() for c in parts[2].split(";") if c.strip()]
        found[code.strip()] = coding
    return found


def event_type(code: str) -> str | None:
    """The model's type for the CAMEO event ``code``, or ``None`` if it is not a CAMEO code.

    The type whose default code is ``code`` itself, else its three-digit parent's,
    else the first type of its root (:data:`timeline.vocabulary.EVENT_TYPES` order).

    >>> event_type("042"), event_type("0871"), event_type("036"), event_type("0841")
    ('visit', 'ceasefire_declared', 'proposal', 'release')
    """
    if not (code.isdigit() and 2 <= len(code) <= 4 and "01" <= code[:2] <= "20"):
        return None
    for prefix in dict.fromkeys((code, code[:3])):
        if prefix in _PREFERRED:
            return _PREFERRED[prefix]
        found = next((name for name, kind in EVENT_TYPES.items() if kind.code == prefix), None)
        if found:
            return found
    return next(name for name, kind in EVENT_TYPES.items() if kind.cameo == code[:2])


def plover(code: str) -> dict[str, Any] | None:
    """The PLOVER coding of the CAMEO ``code`` (its own row, else its parent's), or ``None``."""
    rows = plover_table()
    for prefix in (code, code[:3], code[:2]):
        if prefix in rows and rows[prefix]["type"]:
            return dict(rows[prefix])
    return None


def describe(code: str) -> str:
    """The CAMEO name of the event ``code`` ("Make a visit"), or the code itself."""
    return table("eventcodes").get(code, code)


def actor(code: str, country: str, kind: str = "", group: str = "", name: str = "") -> list[dict[str, Any]]:
    """The proposed actor of a CAMEO actor ``code``, then the state it belongs to, if any; ``[]`` if no code.

    A code that is only a country (``RUS``) is that state; a known ``group``
    (``UNO``) that organisation; a country with a type (``RUSGOV``) an
    organisation ("Russia government") affiliated to the state; any other code
    keeps the ``name`` the source gives. The code is kept as an alias.
    """
    if not code:
        return []
    states, groups, types = EXTRA_STATES | table("country"), table("knowngroup"), table("type")
    if country in states and code == country:
        return [{"id": slug(states[country]), "name": states[country], "kind": "state", "aliases": [code]}]
    if group in groups:
        return [{"id": slug(groups[group]), "name": groups[group], "kind": "organization", "aliases": [code]}]
    if country in states and kind in types:
        label = f"{states[country]} {types[kind].lower()}"
        state = {"id": slug(states[country]), "name": states[country], "kind": "state", "aliases": [country]}
        return [{"id": slug(label), "name": label, "kind": "organization", "affiliation": state["id"],
                 "aliases": [code]}, state]
    label = name.strip().title() or code
    return [{"id": slug(f"{code} {label}") if label != code else slug(code), "name": label,
             "kind": "organization" if code[:3] in ORGANISATIONS else "group", "aliases": [code]}]


def nearest_codes(text: str) -> list[str]:
    """The codebook's event codes nearest to ``text``, which is not one: the longest code it begins with (its
    parent, '04' for '047'), then the code of its own length nearest in number under that parent ('046'); a lone
    digit is a root without its zero ('4': '04'); words are matched to the codes' names ('consult': '04').

    >>> nearest_codes("047"), nearest_codes("4"), nearest_codes("21"), nearest_codes("Consult")
    (['04', '046'], ['04'], ['20'], ['04'])
    """
    codes = table("eventcodes")
    text = text.strip()
    if not text.isdigit():
        from rapidfuzz import fuzz, process

        match = process.extractOne(text.lower(), {code: name.lower() for code, name in codes.items()},
                                   scorer=fuzz.WRatio, score_cutoff=80)
        return [match[2]] if match else []
    if len(text) == 1 and f"0{text}" in codes:
        return [f"0{text}"]
    parent = next((text[:n] for n in range(min(len(text), 5) - 1, 1, -1) if text[:n] in codes), "")
    same = [code for code in codes if len(code) == len(text) and code.startswith(parent)]
    nearby = sorted(same, key=lambda code: abs(int(code) - int(text)))[:1]
    return [*([parent] if parent else []), *nearby]


def named(code: str) -> str:
    """``'046' (Engage in negotiation)``: the code quoted, with its name in the codebook."""
    return f"'{code}' ({describe(code).capitalize()})"
