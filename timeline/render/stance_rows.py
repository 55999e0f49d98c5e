"""What the positions chart draws, chosen apart from the drawing (no matplotlib here).

An issue becomes a :class:`Panel`; each actor with a stance on it a
:class:`Row` (and each chain of stances others attribute to it a row of its
own); consecutive stances that are the same become one :class:`Run`, which
keeps every statement behind it. A stance holds until the same actor's next
stance on the issue (:func:`timeline.positions.history`); the chart draws
it on to the as-of day, and a stance not restated shows no tick after its last.

A stance on a part of an issue (Donbas, a child of Territory) is not a
stance on the whole (the rule of :mod:`timeline.positions`): parts follow
their parent, and :attr:`Panel.parts_only` names the actors who spoke only of
the parts, so that an empty row on the parent is not read as silence.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from timeline.dates import DateSpan
from timeline.errors import UserError
from timeline.model import Dataset, Position
from timeline.positions import Stand, default_as_of, find_issue, history
from timeline.render.graph_names import actor_name
from timeline.render.stance_columns import column_order
from timeline.user_dates import read_user_date


class ChartError(UserError):
    """Parameters that cannot give a positions chart."""


@dataclass(frozen=True)
class Statement:
    """One position behind a run: its id and the span of the day it was stated, ``[first, last)``
    (``first`` is ``None`` for a date known only as "no later than ``last``")."""

    position: str
    first: datetime | None
    last: datetime


@dataclass(frozen=True)
class Run:
    """One stance held over ``[start, end)``, stated by ``statements`` (in order, at least one)."""

    stance: str
    value: float
    start: datetime
    end: datetime
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Row:
    """An actor's stances on one issue: its own, or (``claimed``) those others attribute to it; ``name`` is the
    row's label ('Russia', 'as Ukraine claims')."""

    actor: str
    name: str
    claimed: bool
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Panel:
    """One issue: names, proposition, parent's name (``None`` for a top issue), its rows (claims under the
    actor's own), the names of actors with stances on its parts only, whether a part is drawn below, and
    whether the parent is drawn too."""

    issue: str
    name: str
    proposition: str
    parent: str | None
    rows: tuple[Row, ...]
    parts_only: tuple[str, ...] = ()
    parts_below: bool = False
    parent_drawn: bool = True


def select_panels(dataset: Dataset, issues: Sequence[str] | None = None, actors: Sequence[str] | None = None,
                  until: datetime | None = None) -> list[Panel]:
    """The panels to draw: ``issues`` in the order given, or every issue with a stance, parts after their
    parent. Rows are actors with a stance on the issue, in the order of ``actors`` (default: the grid's order of
    columns, :func:`actor_order`, the same in every panel), each followed by the claims about it. ``until``: the end of the
    chart (stances stated later are left out; default the end of :func:`timeline.positions.default_as_of`).
    Issues are named by id, name or alias (:func:`timeline.positions.find_issue`, as ``timeline positions``
    reads them); raises :class:`~timeline.errors.UserError` for an unknown or ambiguous one."""
    known = dataset.issues
    issues = list(dict.fromkeys(find_issue(dataset, name).id for name in issues)) if issues else None
    by_id = {p.id: p for p in dataset.positions}
    stands = [s for s in history(dataset) if (not actors or s.actor in actors)
              and (until is None or _day(s.since) < until)]
    end = until or (as_of_end(dataset) if stands else None)
    order = list(actors) if actors else actor_order(dataset, stands, end)
    on_issue: dict[str, list[Stand]] = {}
    for stand in stands:
        on_issue.setdefault(stand.issue, []).append(stand)
    drawn = list(issues) if issues else [i for i in issue_order(dataset) if i in on_issue]
    rank = {issue: n for n, issue in enumerate(drawn)}
    children = _children(dataset)
    panels = []
    for issue in drawn:
        mine = on_issue.get(issue, [])
        rows = [row for actor in order for row in _rows(dataset, actor, [s for s in mine if s.actor == actor],
                                                        by_id, end)]
        if rows or issues:
            parts = _descendants(children, issue) & on_issue.keys()
            spoke = {s.actor for p in parts for s in on_issue[p] if not s.claimed_by} - {r.actor for r in rows}
            parent = known[issue].parent
            panels.append(Panel(issue, known[issue].name, known[issue].proposition,
                                known[parent].name if parent in known else None, tuple(rows),
                                tuple(_actor_name(dataset, a) for a in order if a in spoke),
                                any(rank[p] > rank[issue] for p in parts if p in rank), parent in rank))
    return panels


def _children(dataset: Dataset) -> dict[str | None, list[str]]:
    """Each issue's parts, by the parent's id (``None``: issues with no parent in the dataset)."""
    children: dict[str | None, list[str]] = {}
    for ident, issue in dataset.issues.items():
        children.setdefault(issue.parent if issue.parent in dataset.issues else None, []).append(ident)
    return children


def issue_order(dataset: Dataset) -> list[str]:
    """Issue ids in the dataset's order, each issue's parts (at any depth) right after it."""
    children, out, seen = _children(dataset), [], set()
    stack = list(reversed(children.get(None, []) + list(dataset.issues)))   # the second list: issues in a cycle
    while stack:
        ident = stack.pop()
        if ident not in seen:
            seen.add(ident)
            out.append(ident)
            stack.extend(reversed(children.get(ident, [])))
    return out


def _descendants(children: dict[str | None, list[str]], issue: str) -> set[str]:
    found: set[str] = set()
    frontier = [issue]
    while frontier:
        frontier = [c for i in frontier for c in children.get(i, ()) if c not in found]
        found.update(frontier)
    return found - {issue}


def _rows(dataset: Dataset, actor: str, stands: list[Stand], by_id: dict[str, Position],
          end: datetime | None) -> list[Row]:
    """The actor's own row (when it has stances) and a row per chain of claims about it."""
    rows = []
    chains = dict.fromkeys(s.claimed_by for s in sorted(stands, key=lambda s: bool(s.claimed_by)))
    for claimants in chains:
        chain = [s for s in stands if s.claimed_by == claimants]
        name = _row_name(dataset, actor, claimants)
        if claimants and () not in chains:     # no row of its own above: say whose stance is claimed
            name = f"{_actor_name(dataset, actor)}, {name}"
        rows.append(Row(actor, name, bool(claimants),
                        tuple(merge_runs([(s, by_id[s.position]) for s in chain], end))))
    return rows


def merge_runs(chain: Sequence[tuple[Stand, Position]], end: datetime | None) -> list[Run]:
    """The chain's stances as runs: consecutive stances that are the same make one run. A run lasts from the
    day its first statement counts until the next run's, or ``end`` (never past ``end``, at least a day)."""
    runs: list[list[tuple[Stand, Position]]] = []
    for stand, position in chain:
        if runs and runs[-1][-1][0].stance == stand.stance:
            runs[-1].append((stand, position))
        else:
            runs.append([(stand, position)])
    out = []
    for group in runs:
        first, last = group[0], group[-1]
        start = _bounds(first[1].date)[0]
        statements = tuple(Statement(p.id, p.date.start, _bounds(p.date)[1]) for _, p in group)
        stop = _day(last[0].until) if last[0].until else max(end or statements[-1].last, statements[-1].last)
        if end is not None:
            stop = min(stop, end)
        out.append(Run(first[0].stance, first[0].value, start, max(stop, start + timedelta(days=1)), statements))
    return out


def as_of_end(dataset: Dataset, as_of: str | None = None) -> datetime:
    """The end (exclusive) of the day both charts of stances show, by one rule: the end of ``as_of`` (a date as the
    user writes it; a month: its last day, as ``timeline positions --as-of`` reads it), by default the end of
    :func:`timeline.positions.default_as_of` (the day of the latest position, as the page shows). Raises
    :class:`~timeline.errors.UserError` for an unreadable date or a dataset without positions."""
    if as_of is not None:
        span = read_user_date(as_of)
        return span.end or span.start + timedelta(days=1)
    return datetime.combine(default_as_of(dataset), time()) + timedelta(days=1)


def _bounds(span: DateSpan) -> tuple[datetime, datetime]:
    """Where a stance stated on ``span`` starts to hold (its first day; for "no later than D", D) and the
    end of the span (exclusive)."""
    end = span.end or span.start + timedelta(days=1)
    start = span.start or end - timedelta(days=1)
    return start, end


def _day(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _row_name(dataset: Dataset, actor: str, claimants: tuple[str, ...]) -> str:
    if not claimants:
        return _actor_name(dataset, actor)
    return "as " + " and ".join(_actor_name(dataset, a) for a in claimants) + " claim" + "s" * (len(claimants) == 1)


def actor_order(dataset: Dataset, stands: Sequence[Stand], end: datetime | None) -> list[str]:
    """The actors of ``stands`` in one order for both charts of stances: the grid's columns
    (:func:`timeline.render.stance_columns.column_order` on the stances held at ``end``: the two sides, each with
    those nearer it, mediators last; judge10: the chart put the US first, the grid last), then any actor holding
    no stance at ``end``, the most active first."""
    held = [(s.actor, s.issue, s.stance, tuple(s.claimed_by)) for s in stands
            if end is None or s.until is None or _day(s.until) >= end]
    first = column_order(dataset, held)[0] if held else []
    return first + [a for a in _by_activity(stands) if a not in first]


def _by_activity(stands: Sequence[Stand]) -> list[str]:
    """Actors with the most positions first (ties by id), so that rows keep their order across panels."""
    counts: dict[str, int] = {}
    for s in stands:
        counts[s.actor] = counts.get(s.actor, 0) + 1
    return sorted(counts, key=lambda a: (-counts[a], a))


def _actor_name(dataset: Dataset, actor: str) -> str:
    """The actor's name as the graphs give it ('US': :func:`timeline.render.graph_names.actor_name`)."""
    found = dataset.actors.get(actor)
    return actor_name(found) if found else actor
