"""Issues, positions and plans for the exports: as tables (CSV, xlsx) and as a graph (GEXF, GraphML, JSON...).

**Tables** (:func:`negotiation_tables`), written beside the event tables when a dataset has any
of them: ``stances`` (the scale), ``issues``, ``positions`` (with ``since``, the day it counts from, and ``until``, the
day the actor's next position on the issue replaced it), ``plans``, ``plan_versions``
(``relations`` read ``relation: version``), ``plan_points`` and ``plan_responses``.

**The positions graph** (:func:`position_graph`, ``timeline export gexf --graph positions``):
actors and issues as nodes (``node_type`` ``actor`` or ``issue``; an issue's node id is
``issue:`` and its id, so that it never equals an actor's), one edge per position from the
actor to the issue (the edge key is the position's id) with ``stance``, its ``value`` and
``stance_label``, the ``date`` as written, ``since`` and ``until`` as in the table, the
``statement``, ``event``, ``claimed_by`` and ``sources``; and ``part_of`` edges from an issue
to its parent. Each position edge lasts (``dates``, which the GEXF writer turns into its spell)
from the day it counts from to the day before the next position of that actor on that issue,
or stays open while it still holds: Gephi's timeline plays how the positions moved.

>>> from timeline.export.negotiation import position_graph
>>> position_graph(record).number_of_edges()
0
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from timeline.model import Dataset, Event

if TYPE_CHECKING:
    import networkx as nx

    from timeline.export.csv import Table

#: The prefix of an issue's node id in the positions graph.
ISSUE_NODE = "issue:"
TABLES = ("stances", "issues", "positions", "plans", "plan_versions", "plan_points", "plan_responses")
COLUMNS = {
    "stances": ("id", "value", "label"),
    "issues": ("id", "name", "proposition", "parent", "aliases", "notes"),
    "positions": ("id", "actor", "issue", "stance", "value", "date", "since", "until", "statement", "event",
                  "quote_speaker", "quote_text", "quote_source", "claimed_by", "sources", "notes"),
    "plans": ("id", "name", "aliases", "notes"),
    "plan_versions": ("plan", "id", "name", "date", "drafted_by", "event", "sources", "relations", "notes"),
    "plan_points": ("plan", "version", "number", "key", "text", "issues"),
    "plan_responses": ("plan", "version", "actor", "response", "date", "event", "sources", "notes"),
}


def has_negotiation(dataset: Dataset) -> bool:
    """Does the dataset record issues, positions or plans?"""
    return bool(dataset.issues or dataset.positions or dataset.plans)


def negotiation_tables(dataset: Dataset, events: Iterable[Event] | None = None) -> dict[str, Table]:
    """The tables of the stance scale, issues, positions and plans, by file stem.

    Positions resting on drafts are left out unless ``events`` holds drafts.
    """
    from timeline.export.csv import Table
    from timeline.positions import history

    stands = {s.position: s for s in history(dataset, include_drafts=_with_drafts(dataset, events))}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["stances"] = [stance._asdict() for stance in dataset.stances]
    rows["issues"] = [{"id": i.id, "name": i.name, "proposition": i.proposition, "parent": i.parent,
                       "aliases": list(i.aliases), "notes": i.notes} for i in dataset.issues.values()]
    for p in dataset.positions:
        if p.id in stands:
            quote = p.quote
            rows["positions"].append({
                "id": p.id, "actor": p.actor, "issue": p.issue, "stance": p.stance, "value": stands[p.id].value,
                "date": p.date.text, "since": stands[p.id].since, "until": stands[p.id].until,
                "statement": p.statement, "event": p.event, "quote_speaker": quote and quote.speaker,
                "quote_text": quote and quote.text, "quote_source": quote and quote.source,
                "claimed_by": list(p.claimed_by), "sources": list(p.sources), "notes": p.notes})
    for plan in dataset.plans.values():
        rows["plans"].append({"id": plan.id, "name": plan.name, "aliases": list(plan.aliases), "notes": plan.notes})
        for v in plan.versions:
            rows["plan_versions"].append({
                "plan": plan.id, "id": v.id, "name": v.name, "date": v.date.text, "drafted_by": list(v.drafted_by),
                "event": v.event, "sources": list(v.sources),
                "relations": [f"{r.relation}: {r.version}" for r in v.relations], "notes": v.notes})
            rows["plan_points"] += [{"plan": plan.id, "version": v.id, **point._asdict(), "issues": list(point.issues)}
                                    for point in v.points]
            rows["plan_responses"] += [{"plan": plan.id, "version": v.id, **r._asdict(),
                                        "date": r.date.text if r.date else None, "sources": list(r.sources)}
                                       for r in v.responses]
    return {name: Table(COLUMNS[name], found) for name, found in rows.items()}


def position_graph(dataset: Dataset, events: Iterable[Event] | None = None) -> nx.MultiDiGraph:
    """Actors and issues joined by positions (see the module's text); drafts' positions only if ``events`` has drafts."""
    import networkx as nx

    from timeline.graph import actor_attributes
    from timeline.positions import history

    graph = nx.MultiDiGraph(title=dataset.title or "", kind="positions")
    for issue in dataset.issues.values():
        graph.add_node(ISSUE_NODE + issue.id, node_type="issue", name=issue.name, proposition=issue.proposition,
                       parent=issue.parent, aliases=list(issue.aliases))
    for issue in dataset.issues.values():
        if issue.parent:
            graph.add_edge(ISSUE_NODE + issue.id, ISSUE_NODE + issue.parent, key="part_of", relation="part_of")
    for stand in history(dataset, include_drafts=_with_drafts(dataset, events)):
        if stand.actor not in graph:
            graph.add_node(stand.actor, **actor_attributes(dataset, stand.actor))
        held = f"{stand.since}/{_day_before(stand.until, stand.since)}" if stand.until else f"{stand.since}/.."
        graph.add_edge(stand.actor, ISSUE_NODE + stand.issue, key=stand.position, relation="stance",
                       stance=stand.stance, stance_label=dataset.stances[stand.stance].label, value=stand.value,
                       date=stand.date, since=stand.since, until=stand.until, dates=[held],
                       statement=stand.statement, event=stand.event, claimed_by=list(stand.claimed_by),
                       sources=list(stand.sources))
    return graph


def _day_before(until: str, since: str) -> str:
    """The last day a position held: the day before ``until``, but never before its own ``since``."""
    return max(since, (date.fromisoformat(until) - timedelta(days=1)).isoformat())


def _with_drafts(dataset: Dataset, events: Iterable[Event] | None) -> bool:
    """Are drafts asked for: is any of ``events`` a draft?"""
    return events is not None and any(event.draft for event in events)
