"""Where each side stood on each issue, and how each plan changed: the questions of issues, positions and plans.

Functions take a :class:`~timeline.model.Dataset` and names as people type them (an issue,
plan or actor by id, name or alias, in any case, with or without accents), and return lists
of named tuples (``_asdict()`` gives the JSON-ready mapping the command line prints).

The rules (see :mod:`timeline.negotiation` for the data):

- **When a position counts.** From the first day its date may fall on: ``2025-08`` counts
  from 1 Aug 2025, ``2025-08-15/2025-08-16`` from 15 Aug. A date open at the start
  (``../2025-08-15``, "by 15 Aug") counts from the first day of its end, the first day it is
  known to hold.
- **How long it holds.** Until the same actor's next position on the same issue counts
  (``until``, the day the next one starts; ``None``: it still holds). Positions counting
  from the same day keep the order of the data: the later one listed replaces the earlier.
  A position on a child issue (Donbas) never replaces one on its parent (territory).
- **Claims** (``claimed_by``) form chains of their own, per actor, issue and claimants: a
  claim never replaces the actor's own position, and own positions alone decide where an
  actor stands (:func:`as_of` lists claims after them, marked; :func:`gaps` ignores them).
- **As of a date** ("2025-12", "5 Dec 2025"): each chain's position that counts on or before
  the date's last day and is not replaced by then, so the latest one stated by the end of it.
- **Gaps** (:func:`gaps`): on each issue, the stance of each side as of the date (actors rolled
  up to the state they belonged to at the position's date, as the actor graphs do; of several
  actors of one side, the position that counts latest speaks for it, on one day the one
  listed later in the data), and the gap, the
  greatest stance value minus the least, on the dataset's scale. Issues held by fewer than two
  sides have no gap and are left out. Against an earlier date (``since``), ``change`` is the
  gap now minus the gap then: ``converging`` if it shrank, ``diverging`` if it grew,
  ``steady``, or ``new`` when the issue had no gap then.
- **Plan diffs** (:func:`plan_diff`): a plan's versions in date order (:func:`~timeline.model.date_order`),
  each compared with the one before by point ``key``: a key new in it is ``added``, a key
  missing ``dropped``, a key whose text differs ``changed``.

Positions resting on a draft event (``draft: true``, awaiting review) count only with ``include_drafts``.

On the test fixture (tests/data/negotiation.yaml)::

    [(s.actor, s.stance, s.claimed_by) for s in as_of(record, "2025-12-05", issue="donbas")]
    # [('russia', 'demands', ()), ('ukraine', 'rejects', ()), ('united-states', 'accepts', ()),
    #  ('witkoff', 'open_to', ()), ('russia', 'red_line', ('ukraine',))]
    [(g.issue, g.gap, g.trend) for g in gaps(record, "2025-12-05", since="2025-09-01")]
    # [('territory', 4.0, 'steady'), ('donbas', 3.0, 'converging'), ('nato', 1.5, 'converging')]
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from itertools import pairwise
from typing import NamedTuple, TypeVar

from timeline.answers import GAP_LEVELS as LEVELS
from timeline.answers import Gap, Stand, widest_gaps
from timeline.dates import DateSpan, parse_user_date
from timeline.errors import UserError
from timeline.model import Dataset, date_order
from timeline.names import find_actor, fold
from timeline.negotiation import Issue, Plan, PlanVersion, Point, Position

Named = TypeVar("Named", Issue, Plan)


class VersionDiff(NamedTuple):
    """One version of a plan against the one before (``previous``; ``None`` for the first): points by key."""

    plan: str
    version: str
    name: str
    date: str
    previous: str | None
    drafted_by: tuple[str, ...]
    relations: tuple[tuple[str, str], ...]
    points: int
    added: tuple[Point, ...]
    dropped: tuple[Point, ...]
    changed: tuple[tuple[Point, Point], ...]
    responses: tuple[tuple[str, str, str | None], ...]


def counts_from(span: DateSpan) -> datetime:
    """The moment a position dated ``span`` starts to count: its start, or its end's start if the start is open."""
    return span.start or next(end.start for end in span.ends() if end is not None and end.start is not None)


def find_issue(dataset: Dataset, name: str) -> Issue:
    """The issue called ``name`` (id, name or alias, folded); :class:`UserError` with a suggestion if none."""
    return _find(dataset.issues, name, "issue", "timeline positions --help")


def find_plan(dataset: Dataset, name: str) -> Plan:
    """The plan called ``name`` (id, name or alias, folded); :class:`UserError` with a suggestion if none."""
    return _find(dataset.plans, name, "plan", "the 'plans' of the dataset")


def _names(item: Issue | Plan) -> tuple[str, ...]:
    """The id, name and aliases of an issue or plan."""
    return item.id, item.name, *item.aliases


def _find(items: dict[str, Named], name: str, kind: str, where: str) -> Named:
    if name in items:
        return items[name]
    if not name.strip():
        raise UserError(f"an {kind} name cannot be empty" if kind == "issue" else f"a {kind} name cannot be empty")
    key = fold(name)
    found = [item for item in items.values() if key in {fold(n) for n in _names(item)}]
    if len(found) == 1:
        return found[0]
    from timeline.read.problems import did_you_mean

    shown = name if len(name) <= 60 else name[:57] + "..."
    if found:
        raise UserError(f"'{shown}' could be any of: {', '.join(item.id for item in found)}; use one of these ids")
    hint = did_you_mean(key, {fold(n): item.id for item in items.values() for n in _names(item)})
    known = f" (the dataset has: {', '.join(list(items)[:12])}{', ...' if len(items) > 12 else ''})" if items \
        else f"; the dataset has no {kind}s"
    raise UserError(f"no {kind} called '{shown}'{hint}{known}")


def history(dataset: Dataset, issue: str | None = None, *, actor: str | None = None, children: bool = False,
            include_drafts: bool = False) -> list[Stand]:
    """Every position, as a :class:`Stand` with its ``until``, by the day it counts from, then issue and actor.

    ``issue``: only that issue (with ``children``, its sub-issues too, at any depth).
    ``actor``: only that actor and its members (an envoy of a state).
    """
    issues = _issues(dataset, issue, children)
    actors = _members(dataset, actor)
    chains: dict[tuple, list[Position]] = {}
    for position in _positions(dataset, include_drafts):   # a chain is one actor's on one issue: filter first
        if (issues is None or position.issue in issues) and (actors is None or position.actor in actors):
            chains.setdefault((position.actor, position.issue, position.claimed_by), []).append(position)
    days = {p.id: counts_from(p.date).date().isoformat() for chain in chains.values() for p in chain}
    values = {stance.id: stance.value for stance in dataset.stances}
    stands = []
    for chain in chains.values():
        chain.sort(key=lambda p: days[p.id])
        stands += [Stand(p.issue, p.actor, p.stance, values[p.stance], p.date.text, days[p.id],
                         days[after.id] if after else None, p.statement, p.event, p.claimed_by, p.sources, p.id)
                   for p, after in pairwise([*chain, None]) if p is not None]
    order = {ident: index for index, ident in enumerate(dataset.issues)}
    return sorted(stands, key=lambda s: (s.since, order.get(s.issue, 0), s.actor, bool(s.claimed_by)))


def as_of(dataset: Dataset, date: str, issue: str | None = None, *, actor: str | None = None,
          children: bool = False, claims: bool = True, include_drafts: bool = False) -> list[Stand]:
    """Where each actor stood on ``date`` (as typed: "2025-12", "5 Dec 2025"): one :class:`Stand` per chain.

    Own positions first, by issue and actor; then, with ``claims``, the claims that hold, marked by
    ``claimed_by``. Filters as :func:`history`.
    """
    last = _last_day(date)
    holding = [s for s in history(dataset, issue, actor=actor, children=children, include_drafts=include_drafts)
               if s.since <= last and (s.until is None or s.until > last) and (claims or not s.claimed_by)]
    order = {ident: index for index, ident in enumerate(dataset.issues)}
    return sorted(holding, key=lambda s: (bool(s.claimed_by), order.get(s.issue, 0), s.actor))


def gaps(dataset: Dataset, date: str, *, since: str | None = None, level: str = "state",
         include_drafts: bool = False) -> list[Gap]:
    """The issues on which the sides stand furthest apart as of ``date``, widest first (see the module's rules).

    ``level`` ``state`` rolls actors up to their states; ``person`` keeps each actor apart.
    With ``since``, each gap is compared with the one as of that earlier date.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if since is not None and _last_day(since) > _last_day(date):
        raise UserError(f"--since {since} is after --as-of {date}; give the earlier date to --since")
    now = _sides(dataset, date, level, include_drafts)
    then = _sides(dataset, since, level, include_drafts) if since is not None else None
    return widest_gaps(now, then, dataset.issues)


def plan_diff(dataset: Dataset, plan: str) -> list[VersionDiff]:
    """The versions of ``plan`` in date order, each with the points added, dropped and changed since the one before.

    The first version adds nothing: all its points are its own (``points`` counts them). A version whose
    points are not recorded (it lists none, e.g. an unpublished text) changes nothing, and the next version
    is compared with the last one whose points are recorded.
    """
    found = find_plan(dataset, plan)
    diffs, compared = [], None
    for version in sorted(found.versions, key=lambda v: date_order(v.date)):
        diffs.append(_diff(found, version, compared if version.points else None))
        compared = version if version.points else compared
    return diffs


def _diff(plan: Plan, version: PlanVersion, previous: PlanVersion | None) -> VersionDiff:
    before = {p.key: p for p in previous.points} if previous else {}
    after = {p.key: p for p in version.points}
    return VersionDiff(
        plan.id, version.id, version.name, version.date.text, previous.id if previous else None, version.drafted_by,
        tuple((r.relation, r.version) for r in version.relations), len(version.points),
        tuple(p for k, p in after.items() if previous and k not in before),
        tuple(p for k, p in before.items() if k not in after),
        tuple((before[k], p) for k, p in after.items() if k in before and before[k].text != p.text),
        tuple((r.actor, r.response, r.date.text if r.date else None) for r in version.responses))


def _positions(dataset: Dataset, include_drafts: bool) -> Iterable[Position]:
    if include_drafts or not dataset.drafts:
        return dataset.positions
    drafts = {event.id for event in dataset.drafts}
    return [p for p in dataset.positions if p.event not in drafts]


def _issues(dataset: Dataset, issue: str | None, children: bool) -> set[str] | None:
    if issue is None:
        return None
    ident = find_issue(dataset, issue).id
    return {ident, *parts_of(dataset, ident)} if children else {ident}


def parts_of(dataset: Dataset, issue: str) -> set[str]:
    """The ids of the parts of the issue ``issue`` (an id), at any depth: the issues whose chain of ``parent``
    reaches it ("donbas" and "crimea" of "territory")."""
    found: set[str] = set()
    while more := {i.id for i in dataset.issues.values() if i.parent in found | {issue}} - found - {issue}:
        found |= more
    return found


def default_as_of(dataset: Dataset) -> date:
    """The day every view of stances shows by default, one rule for the positions chart, the stance grid and the
    page (its slider and "as of" note): the last day of the record's latest dated position (of a position dated
    to a span, the span's last day; one dated only "from D on", D). Raises
    :class:`~timeline.errors.UserError` when the record has no dated position."""
    days = [day for p in dataset.positions if (day := p.date.last or p.date.first) is not None]
    if not days:
        raise UserError("the dataset records no dated positions")
    return max(days)


def _members(dataset: Dataset, actor: str | None) -> set[str] | None:
    if actor is None:
        return None
    wanted = find_actor(dataset, actor).id
    return {a for a in dataset.actors if wanted in dataset.affiliation_chain(a)}


def _last_day(date: str) -> str:
    """The last day of ``date`` as typed (ISO): a position counts as of ``date`` if it counts from that day or before."""
    span = parse_user_date(date)
    if span.last is None:
        raise UserError(f"'{date}' has no end; give a day, a month or a year")
    return span.last.isoformat()


def _sides(dataset: Dataset, date: str, level: str, include_drafts: bool) -> dict[str, dict[str, tuple[str, float]]]:
    """Each issue's sides as of ``date``, each with its stance and value: the own position that counts latest."""
    found: dict[str, dict[str, tuple[str, float]]] = {}
    positions = {position.id: (index, position) for index, position in enumerate(dataset.positions)}
    holding = as_of(dataset, date, claims=False, include_drafts=include_drafts)
    for stand in sorted(holding, key=lambda s: (s.since, positions[s.position][0])):
        position = positions[stand.position][1]
        side = dataset.side(stand.actor, position.date) if level == "state" else stand.actor
        found.setdefault(stand.issue, {})[side] = (stand.stance, stand.value)
    return found
