"""The tables of ``met`` and ``contested`` (:mod:`timeline.index`): events, disputes, pairs, actors and names.

``events``: one row per event and draft (type, status, draft flag, the date
as written, its label, ISO ends and sortable bounds, location, who acted,
summary); ``disputes``: which event disputes which; ``pairs``: who met whom
at each meeting, call or visit not merely proposed, at each level, and
whether the two are on one side (the library's own ``iter_met_pairs``);
``actors``: each actor's node at each level; ``names``: folded ids, names
and aliases. Rows of events carry their file and sort key (``ord``, written
by :mod:`timeline.index.write`); actors and names are the dataset's.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE actors (file INTEGER NOT NULL, level TEXT NOT NULL, id TEXT NOT NULL, node TEXT NOT NULL,"
    " PRIMARY KEY (level, id)) WITHOUT ROWID",
    "CREATE TABLE disputes (file INTEGER NOT NULL, ord TEXT NOT NULL, seq INTEGER NOT NULL, target TEXT NOT NULL)",
    "CREATE TABLE events (file INTEGER NOT NULL, ord TEXT PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL,"
    " status TEXT NOT NULL, draft INTEGER NOT NULL, date TEXT NOT NULL, label TEXT NOT NULL, start TEXT, end TEXT,"
    " lo TEXT, hi TEXT, location TEXT, acting TEXT NOT NULL, summary TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE names (file INTEGER NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL)",
    "CREATE TABLE pairs (file INTEGER NOT NULL, level TEXT NOT NULL, ord TEXT NOT NULL, u TEXT NOT NULL,"
    " v TEXT NOT NULL, same_side INTEGER NOT NULL)",
)
INDEXES = (
    "CREATE INDEX disputes_target ON disputes (target)",
    "CREATE INDEX names_key ON names (key)",
    "CREATE INDEX pairs_ord ON pairs (level, ord)",
    "CREATE INDEX pairs_u ON pairs (level, u)",
    "CREATE INDEX pairs_v ON pairs (level, v)",
)

#: What each date as written gives (label, ISO ends, sortable bounds): worked out once per date; the writer
#: adds those of the tables it replaces (:func:`timeline.index.write.write_tables`).
DATES: dict[str, tuple] = {}


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of this module's tables, each ``(table, *row)``; an event's ``ord`` is its place in ``events``."""
    from timeline.folding import fold
    from timeline.model import LEVELS

    for level in LEVELS:
        yield from (("actors", level, actor, node) for actor, node in record.nodes_at(level).items())
    yield from (("names", *row) for row in sorted({(fold(name), actor.id) for actor in record.actors.values()
                                                  for name in (actor.id, actor.name, *actor.aliases)}))
    yield from _event_rows(events)
    yield from (("disputes", n, seq, link.event) for n, event in enumerate(events)
                for seq, link in enumerate(event.related) if link.relation == "disputes")
    yield from _pairs(record, events)


def _event_rows(events: Sequence[Event]) -> Iterator[tuple]:
    """One row per event; what its date gives worked out once per date, who acted written once per list."""
    acting: dict[tuple[str, ...], str] = {}
    for n, event in enumerate(events):
        date = event.date
        if date.text not in DATES:
            DATES[date.text] = (date.text, _label(date.text), date.iso_start(), date.iso_end(), _key(date.start),
                                _key(date.end))
        actors = event.acting()
        if actors not in acting:
            acting[actors] = f"[{', '.join(map(encode_basestring, actors))}]"  # json.dumps(ensure_ascii=False)
        yield ("events", n, event.id, event.type, event.status, int(event.draft), *DATES[date.text],
               event.location, acting[actors], event.summary)


def _pairs(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """Each pair that met at each meeting, call or visit not merely proposed, at each level (as ``query.met``)."""
    from timeline.index.met import MEETING_STATUSES
    from timeline.model import LEVELS, MEETING_TYPES

    sides: dict[tuple[str, str], str] = {}  # (node, date as written): its side; a person's node is itself
    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for n, event in enumerate(events):
            if event.type not in MEETING_TYPES or event.status not in MEETING_STATUSES:
                continue
            date = event.date
            for u, v in sorted(record.iter_met_pairs(event, nodes_at(date))):
                for node in (u, v):
                    if (node, date.text) not in sides:
                        sides[node, date.text] = record.side(node, date)
                yield "pairs", level, n, u, v, int(sides[u, date.text] == sides[v, date.text])


def _key(moment: datetime | None) -> str | None:
    from timeline.index.met import sortable

    return None if moment is None else sortable(moment)


def _label(text: str) -> str:
    """An EDTF date as the short label the commands print; as written if it cannot be one."""
    from timeline.dates import DateError, parse_edtf

    try:
        return parse_edtf(text).label()
    except DateError:
        return text
