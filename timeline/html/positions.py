"""The data of the page's positions view: the stance scale, the issues, every stance in its chain, and the plans.

Nothing here decides where an actor stood: the chains and the day each stance
counts from and until are :func:`timeline.positions.history`'s (so the page's
"as of" reading, a stance whose ``since <= day < until``, is the library's
:func:`timeline.positions.as_of`), and the plans' changes are
:func:`timeline.positions.plan_diff`'s. Stance colours are the positions chart's
(:func:`timeline.stance_colors.stance_colors`, a diverging scale).
"""
from __future__ import annotations

from typing import Any

from timeline.errors import UserError
from timeline.html.look import ink_on
from timeline.model import Dataset
from timeline.positions import default_as_of, history, plan_diff
from timeline.stance_colors import hatched_stance, stance_colors


def positions_data(dataset: Dataset, actor_index: dict[str, int], source_index: dict[str, int],
                   event_index: dict[str, int], include_drafts: bool = False) -> dict[str, Any] | None:
    """``{"scale", "issues", "stands", "plans", "as_of"}`` for the page, or None when the dataset records no position
    and no plan. ``stands``: ``[issue, actor, stance, since, until, date, statement, event, claimed_by, sources,
    quote, id]`` with issue and stance as indices into their lists, actors, sources and the event as indices
    into the page's lists (an actor the record does not list stays its id), ``since``/``until`` ISO days
    (``until`` None: it still holds), ``date`` the date stated, in words; ``as_of`` the ISO day the view shows
    first, :func:`timeline.positions.default_as_of`'s (the charts' day), None without a dated position; ``order``
    the actors of the rows, in the charts' one order (:func:`timeline.render.stance_rows.actor_order` as of the
    charts' day: judge11, the page put the US first and both images Russia)."""
    from timeline.render.stance_rows import actor_order, as_of_end  # matplotlib's import: only for positions

    if not dataset.positions and not dataset.plans:
        return None
    scale = stance_looks(dataset)
    stance_index = {s["id"]: i for i, s in enumerate(scale)}
    issue_ids = list(dataset.issues)
    issue_index = {issue: i for i, issue in enumerate(issue_ids)}
    by_id = {p.id: p for p in dataset.positions}

    def actor(a: str) -> int | str:
        return actor_index.get(a, a)

    stands, chains = [], history(dataset, include_drafts=include_drafts)
    for s in chains:
        quote = by_id[s.position].quote
        stands.append([issue_index[s.issue], actor(s.actor), stance_index[s.stance], s.since, s.until,
                       by_id[s.position].date.label(),
                       s.statement, event_index.get(s.event or ""), [actor(a) for a in s.claimed_by],
                       [source_index[x] for x in s.sources if x in source_index],
                       [actor(quote.speaker), quote.text, source_index.get(quote.source or "")] if quote else None,
                       s.position])
    issues = [{"id": i, "name": dataset.issues[i].name, "proposition": dataset.issues[i].proposition,
               "parent": dataset.issues[i].parent} for i in issue_ids]
    try:
        as_of: str | None = default_as_of(dataset).isoformat()
    except UserError:           # no dated position: the view starts on its latest stance's day
        as_of = None
    order = [actor(a) for a in actor_order(dataset, chains, as_of_end(dataset) if as_of else None)]
    return {"scale": scale, "issues": issues, "stands": stands, "as_of": as_of, "order": order,
            "plans": [_plan(dataset, plan_id, actor, source_index, event_index) for plan_id in dataset.plans]}


def _plan(dataset: Dataset, plan_id: str, actor: Any, source_index: dict[str, int],
          event_index: dict[str, int]) -> dict[str, Any]:
    """A plan's versions in date order, each with its points, its sources, and what changed against the version it
    is compared with (``previous``: the last one before it whose points are recorded, named with its date, so the
    page never says "the one before" of a text that is not): the numbers of the points added and reworded, the
    points dropped, and the version relations the record states (supersedes, amends, answers)."""
    plan = dataset.plans[plan_id]
    versions = {v.id: v for v in plan.versions}
    named = {v.id: f"{v.name} ({other.name})" for other in dataset.plans.values() for v in other.versions} | \
        {v.id: v.name for v in plan.versions}   # a relation may name another plan's version: with its plan
    found = []
    for diff in plan_diff(dataset, plan_id):
        version, previous = versions[diff.version], versions.get(diff.previous or "")
        found.append({"id": diff.version, "name": diff.name, "date": version.date.label(),
                      "by": [actor(a) for a in diff.drafted_by],
                      "previous": {"name": previous.name, "date": previous.date.label()} if previous else None,
                      "relations": [[relation.replace("_", " "), named.get(v, v)]
                                    for relation, v in diff.relations],
                      "points": [[p.number, p.text] for p in version.points],
                      "added": [p.number for p in diff.added], "dropped": [[p.number, p.text] for p in diff.dropped],
                      "changed": [p.number for _, p in diff.changed],
                      "src": _sources(version.sources, source_index),
                      "event": event_index.get(version.event or ""),
                      "responses": [[actor(r.actor), r.response, r.date.label() if r.date else None,   # in words
                                     _sources(r.sources, source_index), event_index.get(r.event or "")]
                                    for r in version.responses]})
    return {"id": plan.id, "name": plan.name, "versions": found}


def _sources(ids: Any, source_index: dict[str, int]) -> list[int]:
    return [source_index[s] for s in ids if s in source_index]


def stance_looks(dataset: Dataset) -> list[dict[str, Any]]:
    """The dataset's stances, most in favour first: ``id, label, value, color, ink, hatched, tint, edge``, in the
    positions chart's colours (:func:`timeline.stance_colors.stance_colors`); ``hatched``: the chart cross-hatches
    it (:func:`timeline.stance_colors.hatched_stance`); ``tint`` and ``edge``: the fill and outline of a stance
    others attribute, as the chart draws it (:func:`timeline.render.positions_key.claim_look`: judge11, the page
    drew it unfilled)."""
    from timeline.render.positions_key import claim_look

    scale = sorted(dataset.stances, key=lambda s: -s.value)
    colors, hatched = stance_colors(scale), hatched_stance(scale)
    return [{"id": s.id, "label": s.label, "value": s.value, "color": colors[s.id].lower(),
             "ink": ink_on(colors[s.id]), "hatched": s.id == hatched,
             "tint": str(claim_look(colors[s.id], None)["facecolor"]).lower(),
             "edge": str(claim_look(colors[s.id], None)["edgecolor"]).lower()} for s in scale]
