"""Every country's English names, demonym and capital, from the ``countryinfo`` package (no network).

Drafting without a dataset has to know the states an article names ("Rwandan
President Paul Kagame", "talks in Kinshasa", "the Sudanese army"). The news
forms of the states most often in the news are typed in
:data:`timeline.draft.gazetteer.NEWS_STATES` (ids, short names, seats); the rest
of the world comes from ``countryinfo`` (MIT; one JSON file per country, read
once): its English name, its demonym, its capital and its longer official names.

Kept from ``countryinfo``, so that a common word never turns into a state:

* places of at least :data:`MIN_POPULATION` people (no uninhabited islands);
* a capital only where it names one place (not "Kingston" of two countries);
* other names of two words or more ("Republic of Korea", "Congo-Kinshasa"
  counts as two), and no ISO codes ("CAN", "AND") nor comma-inverted forms;
* each name, demonym and capital for the first state that has it, the typed
  news forms first, then by population ("Congolese" stays the DR Congo's).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

#: Smaller places (most of them islands of other states) are left out.
MIN_POPULATION = 250_000
#: Letters, spaces, hyphens, apostrophes and periods: an English name, no other script.
_LATIN = re.compile(r"[A-Z][^\W\d_]*(?:[ .'’-]+[^\W\d_]+)*\.?")


def slug(name: str) -> str:
    """The id of a country named ``name``: lower case, words joined by hyphens ("South Sudan" -> "south-sudan")."""
    from timeline.names import fold

    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "-", fold(name).replace("'", "")).strip("-")


def merged(typed: Mapping[str, tuple[str, ...]], countries: Iterable[dict] | None = None) -> dict[str, tuple[str, ...]]:
    """``typed`` (id -> name, demonym, other names) completed with the countries of ``countryinfo``.

    A country whose name (or one of its names) is a name of a typed entry adds its other forms to
    that entry; any other country becomes an entry of its own, id :func:`slug` of its name.
    ``countries`` are ``countryinfo``'s records (read from the package when None). Each entry is
    ``(name, demonym, *others)``; a demonym taken by an earlier entry is left empty ("").
    """
    records = sorted(_records() if countries is None else countries, key=lambda c: -(c.get("population") or 0))
    records = [c for c in records if (c.get("population") or 0) >= MIN_POPULATION and _latin(c["name"])]
    capitals = [c.get("capital") for c in records]
    entries = {ident: list(words) for ident, words in typed.items()}
    owner = {_key(word): ident for ident, words in typed.items() for word in words if word}
    for record in records:
        names = [re.sub(r"^The ", "", n) for n in (record["name"], *filter(_long_name, record.get("altSpellings") or ()))]
        ident = next((owner[_key(n)] for n in names if _key(n) in owner), None)
        if ident is None:
            ident = slug(record["name"])
            if not ident or ident in entries:
                continue
            entries[ident] = [names[0], ""]
            owner[_key(names[0])] = ident
        capital = record.get("capital")
        forms = [*_demonyms(record), *names, *([capital] if isinstance(capital, str) and capitals.count(capital) == 1
                                               and _latin(capital) else [])]
        for form in forms:
            if _key(form) in owner:
                continue
            owner[_key(form)] = ident
            if not entries[ident][1] and form in _demonyms(record):
                entries[ident][1] = form
            else:
                entries[ident].append(form)
    return {ident: tuple(words) for ident, words in entries.items()}


def _latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters, capitalised ("Côte d'Ivoire", not "Қазақстан")."""
    return bool(_LATIN.fullmatch(name)) and all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def _records() -> list[dict]:
    try:
        from countryinfo._cache import load_countries
    except ImportError:  # the draft extra installs it; without it, the typed states only
        return []
    return [c for c in load_countries()["countries"].values() if c.get("ISO")]


def _key(name: str) -> str:
    from timeline.names import fold

    return fold(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))


def _long_name(name: str) -> bool:
    """Whether an other name of ``countryinfo`` is safe to read in text: two words or more, Latin letters, no comma."""
    name = name.strip()
    return bool(_latin(name)) and len(re.split(r"[ -]", name)) >= 2


def _demonyms(record: dict) -> list[str]:
    return [d.strip() for d in re.split(r"[,/]", record.get("demonym") or "") if _latin(d.strip())]
