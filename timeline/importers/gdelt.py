"""Read GDELT event files (1.0 and 2.0): tab-separated, no header, CAMEO-coded.

Layouts (GDELT Event Codebook V2.0, 2015, and the 1.0 codebook and header files):

- GDELT 2.0: 61 columns (:data:`COLUMNS_2`), ``DATEADDED`` as ``YYYYMMDDHHMMSS``.
- GDELT 1.0 daily files: 58 columns, without the three ``*Geo_ADM2Code`` columns
  of 2.0 and with ``DATEADDED`` as ``YYYYMMDD``; the historical backfile (before
  April 2013): 57 columns, without ``SOURCEURL`` either.

Each row becomes one event with the stable id ``gdelt-<GLOBALEVENTID>``. Its
date is ``SQLDATE`` (a day), which must fall on or before the day of
``DATEADDED`` (when GDELT saw the article); a row where it does not, or
whose date is not a real day, is refused. ``EventCode`` is kept as text
(``cameo``) and mapped to the model's type (:func:`timeline.importers.cameo.event_type`)
and PLOVER coding. ``NumMentions``, ``NumSources``, ``NumArticles``,
``GoldsteinScale`` and ``AvgTone`` are kept as ``quantities``; ``SOURCEURL``
is cited as a source. Rows GDELT repeats (same day, actors, event code and
place) collapse into the first, every source kept.

Actors: a code that is only a country (``RUS``) is that state; a country with
a type (``RUSGOV``) is an organisation ("Russia government") affiliated to
the state; a known group (``UNO``) is that organisation; other codes keep
``Actor1Name``. Each proposed actor carries the CAMEO code as an alias, so
``--data`` finds it again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from timeline.importers import cameo
from timeline.importers.records import SKIPPED, Record
from timeline.vocabulary import EVENT_TYPES

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
#: The 61 columns of a GDELT 2.0 events file, in order.
COLUMNS_2 = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
#: GDELT 1.0 daily files: 2.0 without the ADM2 codes (58 columns).
COLUMNS_1 = tuple(c for c in COLUMNS_2 if not c.endswith("ADM2Code"))
#: The GDELT 1.0 historical backfile: no SOURCEURL (57 columns).
COLUMNS_1_BACKFILE = COLUMNS_1[:-1]
LAYOUTS = {61: ("GDELT 2.0", COLUMNS_2), 58: ("GDELT 1.0", COLUMNS_1), 57: ("GDELT 1.0 backfile", COLUMNS_1_BACKFILE)}

#: Numbers kept as quantities: column -> (what, unit).
QUANTITIES = {"NumMentions": ("mentions", "mentions"), "NumSources": ("sources", "sources"),
              "NumArticles": ("articles", "articles"), "GoldsteinScale": ("goldstein_scale", None),
              "AvgTone": ("average_tone", None)}


#: CAMEO codes of visits, whose host is one of the two actors.
_HOSTED = frozenset(("042", "043"))


def layout(row: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """The (name, columns) of the GDELT layout ``row`` has, or ``None`` if it is not a GDELT row."""
    found = LAYOUTS.get(len(row))
    if found and row[0].isdigit() and len(row[1]) == 8 and row[1].isdigit():
        return found
    return None


def read_gdelt(path: str | Path, countries: frozenset[str] = frozenset(),
               between: frozenset[str] = frozenset()) -> Iterator[Record]:
    """Yield one :class:`Record` per row of the GDELT events file at ``path`` (plain or ``.zip``).

    Lines are read one at a time (memory stays bounded; GDELT has no quoting, so a
    line is a row, split on tabs). ``countries``, CAMEO
    country codes (``{"RUS", "UKR"}``), skips before any work the rows in which
    no actor has one of them (the same rule as the ``--country`` filter, which
    still applies); ``between``, two codes, skips the rows that are not between
    an actor of each (``--between``). The location of each record is ``file:row``.
    """
    name = str(path)
    with _open(Path(path)) as handle:
        columns = None
        for number, line in enumerate(handle, 1):
            if countries and not any(code in line for code in countries) or \
                    between and not all(code in line for code in between):
                yield SKIPPED  # cheap test on the raw line first: most rows of a big file end here
                continue
            row = line.rstrip("\r\n").split("\t")  # no quoting in GDELT files: a line is a row
            where = f"{name}:{number}"
            if columns is None or len(row) != len(columns):
                found = layout(row)
                if found is None:
                    yield Record(where, refused=f"{len(row)} columns; a GDELT row has 57, 58 or 61 "
                                                f"and starts with GLOBALEVENTID and SQLDATE")
                    continue
                columns = found[1]
            if countries and row[7] not in countries and row[17] not in countries or \
                    between and {row[7], row[17]} != between:
                yield SKIPPED
                continue
            yield _record(where, dict(zip(columns, row)))


@contextmanager
def _open(path: Path) -> Iterator[TextIO]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as member:
            yield io.TextIOWrapper(member, encoding="utf-8", errors="replace", newline="")
    else:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            yield handle


def _record(where: str, row: dict[str, str]) -> Record:
    code = row["EventCode"]
    kind = cameo.event_type(code)
    if kind is None:
        return Record(where, refused=f"EventCode {code!r} is not a CAMEO event code (two to four digits, 01 to 20)")
    day, added = _day(row["SQLDATE"]), _day(row["DATEADDED"][:8])
    if day is None or added is None:
        bad = "SQLDATE" if day is None else "DATEADDED"
        return Record(where, refused=f"{bad} {row[bad]!r} is not a date (YYYYMMDD)")
    if day > added:
        return Record(where, refused=f"SQLDATE {day} is after DATEADDED {added}: an event is reported "
                                     f"on or after it happens")
    first, second = _actor(row, "Actor1"), _actor(row, "Actor2")
    actors = [*first, *second]
    ids = list(dict.fromkeys(a[0]["id"] for a in (first, second) if a))
    event: dict[str, Any] = {"id": f"gdelt-{row['GLOBALEVENTID']}", "type": kind,
                             "title": _title(row, code), "date": day.isoformat()}
    if EVENT_TYPES[kind].symmetric:
        if len(ids) < 2:
            return Record(where, refused=f"CAMEO {code} ({cameo.describe(code)}) is between two actors; "
                                         f"the row names {len(ids)}")
        if code in _HOSTED:  # 042: Actor1 visits Actor2; 043: Actor1 hosts Actor2
            host = ids[1] if code == "042" else ids[0]
            event["participants"], event["host"] = [i for i in ids if i != host], [host]
        else:
            event["participants"] = ids
    else:
        if not row["Actor1Code"]:
            return Record(where, refused=f"CAMEO {code} ({cameo.describe(code)}) needs the actor who acts "
                                         f"(Actor1Code is empty)")
        event["source"] = ids[:1]
        if len(ids) > 1:
            event["target"] = ids[1:]
    if row.get("ActionGeo_FullName"):
        event["location"] = row["ActionGeo_FullName"]
    event["cameo"] = code
    if (plover := cameo.plover(code)) is not None:
        event["plover"] = plover
    event["quantities"] = _quantities(row)
    sources = _sources(row)
    if sources:
        event["sources"] = [s["id"] for s in sources]
    event["notes"] = (f"GDELT GLOBALEVENTID {row['GLOBALEVENTID']}; added {row['DATEADDED']} (DATEADDED); "
                      f"QuadClass {row['QuadClass']}; IsRootEvent {row['IsRootEvent']}")
    key = ("gdelt", row["SQLDATE"], row["Actor1Code"], row["Actor2Code"], code, row["ActionGeo_FeatureID"])
    return Record(where, event, actors, sources, key, (row["Actor1CountryCode"], row["Actor2CountryCode"],
                                                       *(a.get("name", "") for a in actors if a["kind"] == "state")))


def _day(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 and text.isdigit() else None
    except ValueError:
        return None


def _actor(row: dict[str, str], who: str) -> list[dict[str, Any]]:
    """The actor of ``who`` (``Actor1``), then the state it belongs to, if any; ``[]`` if none."""
    return cameo.actor(row[f"{who}Code"], row[f"{who}CountryCode"], row[f"{who}Type1Code"],
                       row[f"{who}KnownGroupCode"], row[f"{who}Name"])


def _title(row: dict[str, str], code: str) -> str:
    names = [row[f"{who}Name"].title() for who in ("Actor1", "Actor2") if row[f"{who}Name"]]
    return f"{cameo.describe(code)}: {' and '.join(names) or 'unnamed actors'}"


def _quantities(row: dict[str, str]) -> list[dict[str, Any]]:
    found = []
    for column, (what, unit) in QUANTITIES.items():
        text = row.get(column, "")
        try:
            value: int | float = int(text) if text.lstrip("-").isdigit() else round(float(text), 4)
        except ValueError:
            continue
        found.append({"what": what, "value": value, **({"unit": unit} if unit else {})})
    return found


def _sources(row: dict[str, str]) -> list[dict[str, Any]]:
    url = row.get("SOURCEURL", "")
    if not url.startswith(("http://", "https://")):
        return []
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    host = url.split("/")[2].removeprefix("www.")
    return [{"id": f"url-{digest}", "publisher": host, "url": url}]

