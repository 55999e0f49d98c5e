"""What passed between one actor and the others, answered from the store's tables: :func:`timeline.query.relations`.

Table ``links``: for each event that took place, at each level, the edges
it adds to the actor graph (:func:`timeline.graph.event_relations`, in its
order: ``seq``), and, for a directed event with no target, one row per
source node with the event's type as relation and no target. A question
gathers the rows of one actor in the record's order, as the actor graph
does its edges, so the counts, bounds and the order of the answer are the
library's.

:func:`relations` returns ``None`` when the tables cannot give exactly the
library's answer (see :mod:`timeline.index.met`).
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.answers import Relation, remember_ends
from timeline.index.met import bounds, node
from timeline.vocabulary import EVENT_TYPES, LEVELS

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

SCHEMA = (
    "CREATE TABLE date_ends (file INTEGER NOT NULL, date TEXT NOT NULL, ord TEXT NOT NULL, label TEXT NOT NULL,"
    " start TEXT, end TEXT, first TEXT, first_start TEXT, first_end TEXT, last TEXT, last_start TEXT, last_end TEXT,"
    " PRIMARY KEY (date, ord)) WITHOUT ROWID",
    "CREATE TABLE links (file INTEGER NOT NULL, level TEXT NOT NULL, ord TEXT NOT NULL, seq INTEGER NOT NULL,"
    " source TEXT NOT NULL, relation TEXT NOT NULL, target TEXT, directed INTEGER NOT NULL, draft INTEGER NOT NULL)",
)
INDEXES = (
    # covering, in the order of the answer: an actor's rows come in the graph's order from the index alone
    "CREATE INDEX links_source ON links (level, source, ord, seq, relation, target, directed, draft)",
    "CREATE INDEX links_target ON links (level, target, ord, seq, relation, source, directed, draft)",
    "CREATE INDEX links_relation ON links (level, relation, ord)",
)
#: Where the date as written begins in an ``ord`` (:func:`timeline.index.write.sort_key`: three moments of 15 hex
#: digits, the date, ``\x01``, the event's id), so that a link's event and date are read without a join.
_DATE_AT = 45


def rows(record: Dataset, events: Sequence[Event]) -> Iterator[tuple]:
    """The rows of ``date_ends`` (what each event's date as written gives, one row per event, so that each file's
    rows stand alone) and ``links``, each ``(table, *row)``; an event's ``ord`` is its place in ``events``."""
    from timeline.dates import DateError
    from timeline.graph import UNDIRECTED_RELATIONS, event_relations

    ends: dict[str, tuple | None] = {}
    for n, event in enumerate(events):
        text = event.date.text
        if text not in ends:
            ends[text] = None
            with contextlib.suppress(DateError):
                ends[text] = _date_row(text)
        if ends[text] is not None:
            yield "date_ends", text, n, *ends[text]  # type: ignore[misc]
    for level in LEVELS:
        nodes_at = record.nodes_by_date(level)
        for n, event in enumerate(events):
            if not event.held:
                continue
            side = nodes_at(event.date)
            seq = 0
            draft = int(event.draft)
            for seq, (u, v, relation) in enumerate(event_relations(record, event, side), 1):
                yield "links", level, n, seq, u, relation, v, int(relation not in UNDIRECTED_RELATIONS), draft
            if not event.event_type.symmetric and not event.target:
                after = seq + 1
                for place, source in enumerate(dict.fromkeys(side[s] for s in event.source), after):
                    yield "links", level, n, place, source, event.type, None, 1, draft


def relations(db: sqlite3.Connection, actor: str, *, since: str | None = None, until: str | None = None,
              level: str = "person", include_drafts: bool = False) -> list[Relation] | None:
    """The answer of :func:`timeline.query.relations`; ``None``: ask the library. A busy actor's answer with no
    period is read as kept (:mod:`timeline.index.relation_rows`)."""
    from timeline.index import relation_rows

    me = node(db, actor, level)
    period = bounds(since, until)
    if me is None or period is None:
        return None
    if not period[0] and (kept := relation_rows.stored(db, me, level, include_drafts)) is not None:
        return kept
    return answer(db, me, level, period, include_drafts)


def answer(db: sqlite3.Connection, me: str, level: str, period: tuple[list[str], list[str]],
           include_drafts: bool) -> list[Relation] | None:
    """The relations of the node ``me`` at ``level`` in ``period`` (:func:`timeline.index.met.bounds`), read from
    ``links``; ``None`` if a date cannot be labelled from the tables."""
    from timeline.graph import ACTOR_RELATIONS

    groups: dict[tuple[int, str | None, str], list[str]] = {}  # alone (0), out (1), in (2): in the graph's order
    directed: dict[tuple[int, str | None, str], int] = {}
    for ord_, _, direction, other, relation, is_directed in _links(db, me, level, period, include_drafts):
        key = (direction, other, relation)
        if (ords := groups.get(key)) is None:
            groups[key] = [ord_]
            directed[key] = is_directed
        else:
            ords.append(ord_)
    first_seen: dict[tuple[int, str | None], int] = {}  # (direction, other): when the graph first joined them
    for direction, other, _ in groups:
        first_seen.setdefault((direction, other), len(first_seen))
    events: dict[str, tuple[str, str]] = {}  # each event's id and date as written, from its ord
    for ords in groups.values():
        for ord_ in ords:
            if ord_ not in events:
                stamp, _, ident = ord_.partition("\x01")
                events[ord_] = ident, stamp[_DATE_AT:]
    wanted = {date for _, date in events.values()}
    ends = date_info(db, wanted)
    if len(ends) < len(wanted):
        return None  # a date the tables could not label: the library says it as it does
    found: list[Relation] = []
    for (direction, other, relation), ords in sorted(groups.items(),
                                                     key=lambda g: (g[0][0], first_seen[g[0][0], g[0][1]])):
        ids, dates = zip(*map(events.__getitem__, ords))
        spans = [ends[date] for date in set(dates)]
        starts, stops = [start for start, _ in spans], [stop for _, stop in spans]
        is_directed = directed[direction, other, relation]
        source, target = (other, me) if direction == 2 and is_directed else (me, other)
        found.append(Relation(source, relation, target, bool(is_directed), len(ords),
                              None if None in starts else min(starts), None if None in stops else max(stops),
                              ids, dates))
    order = {name: index for index, name in enumerate((*EVENT_TYPES, *ACTOR_RELATIONS))}
    return sorted(found, key=lambda r: (r.target is not None, (r.target if r.source == me else r.source) or "",
                                        order[r.relation], r.source != me))


def _links(db: sqlite3.Connection, me: str, level: str, period: tuple[list[str], list[str]],
           include_drafts: bool) -> sqlite3.Cursor:
    """The links of ``me`` at ``level`` in the graph's order, each as (ord, seq, direction, other, relation, directed):
    direction 0 for a link with no target, 1 from ``me``, 2 to it (a link from ``me`` to itself counts as from)."""
    join = " JOIN events AS e ON e.ord = l.ord" if period[0] else ""
    where = "".join(f" AND {condition}" for condition in [*period[0], *([] if include_drafts else ["l.draft = 0"])])
    out = (f"SELECT l.ord, l.seq, l.target IS NOT NULL, l.target, l.relation, l.directed FROM links AS l{join}"
           f" WHERE l.level = ? AND l.source = ?{where}")
    into = (f"SELECT l.ord, l.seq, CASE WHEN l.source = ? THEN 1 ELSE 2 END, l.source, l.relation, l.directed"
            f" FROM links AS l{join} WHERE l.level = ? AND l.target = ?{where}")
    return db.execute(f"{out} UNION ALL {into} ORDER BY 1, 2",  # two indexes, not one OR
                      [level, me, *period[1], me, level, me, *period[1]])


def date_info(db: sqlite3.Connection, dates: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each of ``dates`` the table ``date_ends`` has, with its ISO start and end (``None``: open); also given to
    :func:`timeline.answers.dates_label`, so that it labels them without parsing."""
    found = db.execute("SELECT d.date, d.label, d.start, d.end, d.first, d.first_start, d.first_end, d.last,"
                       " d.last_start, d.last_end FROM json_each(?) AS j JOIN date_ends AS d ON d.date = j.value"
                       " AND d.ord = (SELECT x.ord FROM date_ends AS x WHERE x.date = j.value LIMIT 1)",  # one a date
                       (json.dumps(sorted(dates)),)).fetchall()
    remember_ends((date, label, None if first is None else (first, first_start or "", first_end or ""),
                   None if last is None else (last, last_start or "", last_end or ""))
                  for date, label, _, _, first, first_start, first_end, last, last_start, last_end in found)
    return {date: (start, end) for date, _, start, end, *_ in found}


def _date_row(text: str) -> tuple:
    """The columns of ``date_ends`` after ``ord`` for the date ``text``; :class:`~timeline.dates.DateError` if
    it is not one."""
    from timeline.answers import date_ends
    from timeline.dates import parse_edtf

    label, first, last = date_ends(text)
    span = parse_edtf(text)
    return label, span.iso_start(), span.iso_end(), *(first or (None,) * 3), *(last or (None,) * 3)


def remember_dates(db: sqlite3.Connection, dates: set[str]) -> None:
    """Let :func:`timeline.answers.dates_label` take what it needs of ``dates`` from the table ``date_ends``."""
    date_info(db, dates)
