"""Claims and their denials, answered from the store's tables (:mod:`timeline.index`): :func:`timeline.query.contested`.

``None`` when the tables cannot give exactly the library's answer (a date
that does not parse, or a period that ends before it starts): the caller
then asks :mod:`timeline.query`, which says what is wrong.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from timeline.index.met import bounds
from timeline.vocabulary import STATUS_INFO

#: Statuses that make an event contested by themselves (``disputed``, ``claimed``).
CONTESTED_STATUSES = tuple(name for name, status in STATUS_INFO.items() if status.contested)


def contested(db: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
              include_drafts: bool = False) -> list[tuple[dict[str, Any], str]] | None:
    """The rows of :func:`timeline.query.contested`, each with its date's label; ``None``: ask the library."""
    period = bounds(since, until)
    if period is None:
        return None
    drafts = "" if include_drafts else " AND x.draft = 0"
    denials: dict[str, list[tuple[str, list[str]]]] = {}
    for target, denial, acting in db.execute(
            f"SELECT d.target, x.id, x.acting FROM disputes AS d JOIN events AS x ON x.ord = d.ord"
            f" WHERE 1{drafts} ORDER BY d.ord, d.seq"):
        denials.setdefault(target, []).append((denial, json.loads(acting)))
    disputed = f"SELECT d.target FROM disputes AS d JOIN events AS x ON x.ord = d.ord WHERE 1{drafts}"
    where = [f"(e.type = 'claim' OR e.status IN ({', '.join('?' * len(CONTESTED_STATUSES))}) OR e.id IN ({disputed}))",
             *period[0]]
    if not include_drafts:
        where.append("e.draft = 0")
    found = []
    for event, kind, date, label, status, acting, summary in db.execute(
            f"SELECT e.id, e.type, e.date, e.label, e.status, e.acting, e.summary FROM events AS e"
            f" WHERE {' AND '.join(where)} ORDER BY e.ord", [*CONTESTED_STATUSES, *period[1]]):
        against = denials.get(event, [])
        found.append(({"event": event, "type": kind, "date": date, "status": status,
                       "claimed_by": tuple(json.loads(acting)),
                       "denied_by": tuple(dict.fromkeys(a for _, actors in against for a in actors)),
                       "denials": tuple(denial for denial, _ in against), "summary": summary}, label))
    return found
