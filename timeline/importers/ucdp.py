"""Read UCDP Georeferenced Event Dataset (GED) files: CSV or .xlsx, one row per event.

Source: the UCDP GED Codebook (version 23.1 and earlier; Sundberg and Melander
2013, Uppsala Conflict Data Program). Columns used: ``id`` (stable: the event's
id is ``ucdp-<id>``), ``relid``, ``type_of_violence``, ``conflict_name``,
``dyad_name``, ``side_a``, ``side_b``, ``source_article``, ``source_office``,
``source_date``, ``source_headline``, ``where_description``, ``adm_1``,
``country``, ``date_prec``, ``date_start``, ``date_end``, ``deaths_a``,
``deaths_b``, ``deaths_civilians``, ``deaths_unknown``, ``best``, ``high``, ``low``.

Dates: ``date_start`` and ``date_end`` are the earliest and latest possible
dates (``date_prec`` 1, the day, to 5, a year or more, says how far apart).
The event is that range, never a made-up day: one day when they are equal, the
month or year when they span exactly one, else the interval
(``2020-03-10/2020-03-16``). ``date_prec`` is kept in ``notes``.

Types (``type_of_violence``): 1 state-based conflict and 2 non-state conflict
are ``military_action`` with both sides under ``source`` (UCDP's side A is the
government in state-based conflict, not the attacker); 3 one-sided violence is
``assault`` by ``side_a`` on ``side_b`` (the civilians). The original is kept
in ``notes``. Deaths: ``best`` is a quantity ``deaths``, ``low`` and ``high`` the
same with the bounds ``at_least`` and ``at_most``; ``deaths_a``, ``deaths_b``,
``deaths_civilians`` and ``deaths_unknown`` each a quantity. ``source_article``
is cited (with ``source_office`` as publisher). A side named ``Government of X``
is the state X (kind ``state``, alias ``X``), so ``--data`` finds the state.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers.records import Record, slug
from timeline.importers.tabular import table, table_records

#: The columns that make a table a UCDP GED file.
NEEDED = frozenset(("id", "type_of_violence", "side_a", "side_b", "date_start", "date_end"))
#: ``type_of_violence`` -> (name in the codebook, the model's type).
VIOLENCE = {"1": ("state-based conflict", "military_action"), "2": ("non-state conflict", "military_action"),
            "3": ("one-sided violence", "assault")}
_DEATHS = {"deaths_a": "side_a", "deaths_b": "side_b", "deaths_civilians": None, "deaths_unknown": None}


def read_ucdp(path: str | Path, countries: frozenset[str] = frozenset()) -> Iterator[Record]:
    """Yield one :class:`Record` per row of the UCDP GED file at ``path`` (CSV or .xlsx), streamed.

    ``countries`` (folded names, as the ``--country`` filter takes them) skips the rows of other countries first.
    """
    yield from table_records(table(path, NEEDED, only={"country": countries} if countries else None), _record)


def date_range(start: dt.date, end: dt.date) -> str:
    """The EDTF text of the days ``start`` to ``end``: a day, a whole month or year, or an interval.

    >>> date_range(dt.date(2020, 3, 1), dt.date(2020, 3, 31)), date_range(dt.date(2020, 3, 9), dt.date(2020, 3, 9))
    ('2020-03', '2020-03-09')
    """
    if start == end:
        return start.isoformat()
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and \
            end.day == calendar.monthrange(end.year, end.month)[1]:
        return f"{start:%Y-%m}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start:%Y}"
    return f"{start}/{end}"


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _record(where: str, row: dict[str, str]) -> Record:
    violence = row["type_of_violence"]
    if violence not in VIOLENCE:
        return Record(where, refused=f"type_of_violence {violence!r} should be 1 (state-based), 2 (non-state) "
                                     "or 3 (one-sided)")
    start, end = _day(row["date_start"]), _day(row["date_end"])
    if start is None or end is None:
        bad = "date_start" if start is None else "date_end"
        return Record(where, refused=f"{bad} {row[bad]!r} is not a date (yyyy-mm-dd)")
    if end < start:
        return Record(where, refused=f"date_end {end} is before date_start {start}")
    name, kind = VIOLENCE[violence]
    sides = {key: _actor(row[key]) for key in ("side_a", "side_b")}
    event: dict[str, Any] = {"id": f"ucdp-{slug(row['id'])}", "type": kind,
                             "title": f"{row.get('dyad_name') or row['side_a'] + ' - ' + row['side_b']}",
                             "date": date_range(start, end)}
    if violence == "3":
        event["source"], event["target"] = [sides["side_a"]["id"]], [sides["side_b"]["id"]]
    else:
        event["source"] = list(dict.fromkeys(side["id"] for side in sides.values()))
    if place := ", ".join(row[k] for k in ("where_description", "adm_1", "country") if row.get(k)):
        event["location"] = place
    if quantities := _quantities(row, sides):
        event["quantities"] = quantities
    sources = []
    if row.get("source_article"):
        sources.append({"id": f"ucdp-{slug(row['id'])}-sources", "title": row["source_article"],
                        **({"publisher": row["source_office"]} if row.get("source_office") else {}),
                        **({"notes": f"UCDP source_date {row['source_date']}"} if row.get("source_date") else {})})
        event["sources"] = [sources[0]["id"]]
    event["notes"] = "; ".join([f"UCDP GED id {row['id']}", f"type_of_violence {violence} ({name})",
                                *(f"{key} {row[key]}" for key in ("relid", "conflict_name", "dyad_name", "date_prec",
                                                                  "event_clarity", "where_prec") if row.get(key))])
    return Record(where, event, list(sides.values()), sources, None, tuple(c for c in [row.get("country", "")] if c))


def _actor(name: str) -> dict[str, Any]:
    name = name.strip()
    if name.startswith("Government of "):
        state = name.removeprefix("Government of ").split(" (")[0]
        return {"id": slug(state), "name": state, "kind": "state", "aliases": [name]}
    return {"id": slug(name), "name": name, "kind": "group"}


def _quantities(row: dict[str, str], sides: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for column, bound in (("best", None), ("low", "at_least"), ("high", "at_most")):
        if row.get(column, "").isdigit():
            found.append({"what": "deaths", "value": int(row[column]), "unit": "persons",
                          **({"bound": bound} if bound else {})})
    for column, side in _DEATHS.items():
        if row.get(column, "").isdigit():
            found.append({"what": column, "value": int(row[column]), "unit": "persons",
                          **({"actor": sides[side]["id"]} if side else {})})
    return found
