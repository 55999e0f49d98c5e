"""Read ACLED event files (CSV or .xlsx), every layout ACLED has published.

Sources: the ACLED Codebook (2023 and 2019 editions), "Guide to 2023 ACLED
column changes" (acleddata.com knowledge base), and the acledR package's codebook
table. The layouts:

- since 20 March 2023: ``disorder_type``, ``civilian_targeting`` and ``tags``
  added; ``data_id``, ``event_id_no_cnty`` and ``iso3`` removed;
- 2019-2023: ``data_id``, ``iso``, ``event_id_no_cnty``, ``sub_event_type``,
  ``assoc_actor_1``/``assoc_actor_2``, ``iso3``;
- older (Africa, before 2019): ``gwno`` and ``ally_actor_1``/``ally_actor_2`` in
  place of ``iso`` and ``assoc_actor_*``, event types such as
  ``Battle-No change of territory``, no ``sub_event_type``.

Column names are read in any case; a leading index column and a title line
above the header are skipped (:mod:`timeline.importers.tabular`). ``event_date``
is read as ``yyyy-mm-dd``, ``dd-mm-yyyy``, ``dd-mm-yy``, ``dd/mm/yyyy`` or
``dd Month yyyy``, and checked against ``year`` when given.

Dates at ACLED's precision (``time_precision``): 1, the day; 2, "a specific week":
ACLED codes the middle of that week, so the event is the 7-day interval
centred on ``event_date``; 3, only the month (or wider) is known: the month of
``event_date`` (``2022-03``). Actors: "Actor 1 and Actor 2 do not imply
directionality (e.g. attacker or defender)" (codebook), so both are listed as
acting: ``participants`` of a symmetric type (an agreement), else both under
``source`` with no ``target``; associated (or allied) actors are ``mentioned``.
ACLED names carry their country (``Military Forces of Russia (2000-)``,
``Protesters (Ukraine)``): an actor is affiliated to that state, proposed too
(so ``--data`` rolls it up to an existing ``russia``).
``event_type``/``sub_event_type`` map to the model's types (:data:`SUB_EVENT_TYPES`,
:data:`MAIN_TYPES`), the originals kept in ``notes``; ``fatalities`` is kept
as a quantity; each name in ``source`` (``;``-separated) is cited; the id is
``acled-<event_id_cnty>``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.importers.records import Record, slug
from timeline.importers.tabular import table, table_records
from timeline.vocabulary import EVENT_TYPES

#: The columns every ACLED layout has (folded to lower case).
NEEDED = frozenset(("event_id_cnty", "event_date", "event_type", "actor1"))
#: ACLED sub-event types (codebook 2019 on) -> the model's type.
SUB_EVENT_TYPES = {
    "armed clash": "military_action", "government regains territory": "military_action",
    "non-state actor overtakes territory": "military_action",
    "attack": "assault", "abduction/forced disappearance": "abduction", "sexual violence": "assault",
    "chemical weapon": "mass_violence", "air/drone strike": "military_action", "suicide bomb": "assault",
    "shelling/artillery/missile attack": "military_action", "remote explosive/landmine/ied": "assault",
    "grenade": "assault",
    "violent demonstration": "protest", "mob violence": "assault",
    "peaceful protest": "protest", "protest with intervention": "protest",
    "excessive force against protesters": "coercion", "excessive force against protestors": "coercion",
    "agreement": "agreement", "arrests": "arrest", "change to group/activity": "statement",
    "disrupted weapons use": "coercion", "headquarters or base established": "show_of_force",
    "looting/property destruction": "coercion", "non-violent transfer of territory": "withdrawal",
    "other": "statement",
}
#: ACLED event types, current and older (before 2019), -> the model's type when there is no sub-event type.
MAIN_TYPES = {
    "battles": "military_action", "violence against civilians": "assault",
    "explosions/remote violence": "military_action", "riots": "protest", "protests": "protest",
    "strategic developments": "statement",
    "battle-no change of territory": "military_action", "battle-government regains territory": "military_action",
    "battle-non-state actor overtakes territory": "military_action", "remote violence": "military_action",
    "riots/protests": "protest", "strategic development": "statement",
    "non-violent transfer of territory": "withdrawal", "headquarters or base established": "show_of_force",
}
#: ``inter1``/``inter2`` codes and labels -> the kind of actor.
_INTER_KINDS = {"1": "organization", "8": "organization", "state forces": "organization",
                "external/other forces": "organization"}
_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
_IN_BRACKETS = re.compile(r"\(([^()]+)\)")
_OF = re.compile(r" of ([A-Z][A-Za-z' -]+?)(?: \(|$)")
_NUMERIC = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_WORDS = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)[ -,]+(\d{4}|\d{2})")


def layout(columns: set[str]) -> str:
    """A description of the ACLED layout with these (lower-case) columns."""
    if {"disorder_type", "civilian_targeting"} & columns or "tags" in columns and "data_id" not in columns:
        return "ACLED, columns since the 2023 change"
    if "ally_actor_1" in columns or "gwno" in columns:
        return "ACLED, older columns (ally_actor_*, gwno)"
    return "ACLED, columns of 2019-2023"


def read_acled(path: str | Path, countries: frozenset[str] = frozenset()) -> Iterator[Record]:
    """Yield one :class:`Record` per row of the ACLED file at ``path`` (CSV, TSV or .xlsx), streamed.

    ``countries`` (folded names or ISO codes, as the ``--country`` filter takes them)
    skips, before any work, the rows of other countries.
    """
    yield from table_records(table(path, NEEDED, fold=fold_column,
                             only={"country": countries, "iso3": countries} if countries else None), _record)


def fold_column(name: str) -> str:
    """An ACLED column name as the codebook writes it, from any case and spacing ('Event ID Cnty' -> 'event_id_cnty')."""
    return "_".join(name.lower().replace("-", " ").split())


def event_day(text: str, year: str = "") -> dt.date | None:
    """The day of an ACLED ``event_date`` in any of its published forms, or ``None`` if it is not one.

    >>> event_day("2022-03-05"), event_day("05-03-2022"), event_day("05-03-22"), event_day("5 March 2022")
    (datetime.date(2022, 3, 5), datetime.date(2022, 3, 5), datetime.date(2022, 3, 5), datetime.date(2022, 3, 5))
    """
    text = text.strip()
    if found := _NUMERIC.fullmatch(text):
        first, month, last = found.groups()
        day, year_text = (last, first) if len(first) == 4 else (first, last)
    elif found := _WORDS.fullmatch(text):
        day, name, year_text = found.groups()
        month = str(_MONTHS.get(name.lower(), 0) or next(
            (n for full, n in _MONTHS.items() if len(name) >= 3 and full.startswith(name.lower())), 0))
    else:
        return None
    number = int(year_text)
    if len(year_text) == 2:  # dd-mm-yy: the century from `year`, else ACLED's span (1997 on)
        number += int(year[:2]) * 100 if len(year) == 4 and year.isdigit() else (1900 if number >= 97 else 2000)
    try:
        return dt.date(number, int(month), int(day))
    except ValueError:
        return None


def _date(row: dict[str, str]) -> str:
    """The EDTF date of the row at its ``time_precision``; raise ValueError with the reason."""
    day = event_day(row["event_date"], row.get("year", ""))
    if day is None:
        raise ValueError(f"event_date {row['event_date']!r} is not a date (yyyy-mm-dd, dd-mm-yyyy, dd-mm-yy "
                         "or dd Month yyyy)")
    if row.get("year", str(day.year)) != str(day.year):
        raise ValueError(f"event_date {row['event_date']!r} is not in the row's year {row['year']}")
    precision = row.get("time_precision", "1")
    if precision == "1":
        return day.isoformat()
    if precision == "2":  # the week ACLED coded by its middle day
        return f"{day - dt.timedelta(days=3)}/{day + dt.timedelta(days=3)}"
    if precision == "3":
        return f"{day:%Y-%m}"
    raise ValueError(f"time_precision {precision!r} should be 1 (day), 2 (week) or 3 (month or wider)")


def _kind(row: dict[str, str]) -> str | None:
    sub, main = row.get("sub_event_type", "").lower(), row["event_type"].lower()
    return SUB_EVENT_TYPES.get(sub) or MAIN_TYPES.get(main)


def _record(where: str, row: dict[str, str]) -> Record:
    kind = _kind(row)
    if kind is None:
        return Record(where, refused=f"unknown event_type {row['event_type']!r} / sub_event_type "
                                     f"{row.get('sub_event_type', '')!r}; ACLED's are "
                                     "Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests, "
                                     "Strategic developments (and the older Riots/Protests, Remote violence, Battle-...)")
    try:
        date = _date(row)
    except ValueError as error:
        return Record(where, refused=str(error))
    main = [a for n in (1, 2) if (a := _actor(row.get(f"actor{n}", ""), row.get(f"inter{n}", "")))]
    associated = [a for n in (1, 2) for key in (f"assoc_actor_{n}", f"ally_actor_{n}")
                  for name in row.get(key, "").split(";")
                  if (a := _actor(name, "")) and a["id"] not in {m["id"] for m in main}]
    ids = list(dict.fromkeys(a["id"] for a in main))
    symmetric = EVENT_TYPES[kind].symmetric
    if symmetric and len(ids) < 2:
        return Record(where, refused=f"{row.get('sub_event_type') or row['event_type']} is mapped to {kind}, "
                                     f"between two actors; the row names {len(ids)} (actor1, actor2)")
    ident = f"acled-{slug(row['event_id_cnty'])}"
    event: dict[str, Any] = {"id": ident, "type": kind,
                             "title": f"{row.get('sub_event_type') or row['event_type']}: "
                                      f"{' and '.join(a['name'] for a in main)}", "date": date,
                             ("participants" if symmetric else "source"): ids}
    if associated:
        event["mentioned"] = list(dict.fromkeys(a["id"] for a in associated))
    if place := ", ".join(row[k] for k in ("location", "admin1", "country") if row.get(k)):
        event["location"] = place
    if row.get("notes"):
        event["summary"] = row["notes"]
    if (deaths := row.get("fatalities", "")).isdigit():
        event["quantities"] = [{"what": "fatalities", "value": int(deaths), "unit": "persons"}]
    sources = [{"id": f"acled-source-{slug(name)}", "publisher": name.strip()}
               for name in row.get("source", "").split(";") if slug(name)]
    if sources:
        event["sources"] = [s["id"] for s in sources]
    event["notes"] = "; ".join(f"ACLED {key} {row[key]}" for key in (
        "event_id_cnty", "event_type", "sub_event_type", "disorder_type", "interaction", "civilian_targeting",
        "time_precision", "source_scale", "tags") if row.get(key)) + "; actor order is not direction (ACLED)"
    states = [{"id": slug(state), "name": state, "kind": "state"}
              for state in dict.fromkeys(_state(a["name"]) for a in (*main, *associated)) if state]
    return Record(where, event, [*main, *associated, *states], sources, None,
                  tuple(row[k] for k in ("country", "iso3") if row.get(k)))


def _actor(name: str, inter: str) -> dict[str, Any] | None:
    name = name.strip()
    if not slug(name):
        return None
    actor = {"id": slug(name), "name": name, "kind": _INTER_KINDS.get(inter.strip().lower(), "group")}
    if (state := _state(name)) is not None:
        actor["affiliation"] = slug(state)
    return actor


def _state(name: str) -> str | None:
    """The country an ACLED actor name carries, by ACLED's naming rule, if it is a CAMEO country name.

    >>> _state("Military Forces of Russia (2000-)"), _state("Protesters (Ukraine)"), _state("Al Shabaab")
    ('Russia', 'Ukraine', None)
    """
    from timeline.importers.cameo import table as cameo_table

    countries = set(cameo_table("country").values())
    return next((found for found in (*_IN_BRACKETS.findall(name), *_OF.findall(name)) if found in countries), None)
