"""The data the offline page runs on: the record, its vocabularies and both actor graphs, as JSON-ready lists.

Everything the page shows comes from here, built from the model's own lists
(types, statuses, roles, relations), so a type or status added to the model
appears on the page without a change to its script. Actors, types, statuses
and lanes are referred to by their index in their list, to keep a large
record small.

Dates are minutes since 1970-01-01 on the wall clock of the date as written
(the page draws them in UTC, so every reader sees the dates as recorded);
moments in several zones are put in UTC, as the chart does.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from timeline import __version__, model, palette
from timeline import graph as graphs
from timeline.dates import DateSpan, parse_edtf
from timeline.export._common import headline, web_address
from timeline.filters import EventFilter
from timeline.html import look
from timeline.html.positions import positions_data
from timeline.model import LEVELS, RELATIONS, ROLE_KEYS, Dataset, Event

_EPOCH = datetime(1970, 1, 1)
#: Larger graphs are laid out by the spring layout: the stress layout takes seconds past a hundred actors.
STRESS_UP_TO = 100
#: The most active actors laid out by the library's layout; the others are placed beside their partners.
LAID_OUT = 400


def page_data(dataset: Dataset, events: Sequence[Event] | None = None, include_drafts: bool = False) -> dict[str, Any]:
    """The page's data: ``{"title", "generator", "description", "period", "vocabulary", "lanes", "actors", "otherSide", "sides",
    "sideOrder", "sources", "events", "graphs", "positions", "coarse", "dateKey"}``; ``dateKey`` the timeline image's
    key words for a span, an uncertain and an approximate date; ``coarse`` is the timeline image's rule for a
    date too vague to draw (``{"share", "days"}``: wider than that share of the axis and that many days), which the
    printed timeline follows; ``graphs`` maps each level (person, state) to the
    actor graph of the library (:func:`timeline.graph.actor_graph`) with each edge's events as indices into ``events``;
    ``positions`` is :func:`timeline.html.positions.positions_data` (None without positions or plans).
    Draft events (awaiting review) are left out unless ``include_drafts``.
    """
    if events is None:
        events = EventFilter(include_drafts=include_drafts).apply(dataset)
    events = [e for e in events if include_drafts or not e.draft]
    actor_ids = list(dataset.actors)
    actor_index = {a: i for i, a in enumerate(actor_ids)}
    source_ids = list(dataset.sources)
    source_index = {s: i for i, s in enumerate(source_ids)}
    event_index = {e.id: i for i, e in enumerate(events)}
    vocabulary = _vocabulary()
    type_index = {t["id"]: i for i, t in enumerate(vocabulary["types"])}
    status_index = {s["id"]: i for i, s in enumerate(vocabulary["statuses"])}
    lanes, lane_of = _lanes(dataset, events)
    utc = len({e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}) > 1
    built = {level: graphs.actor_graph(dataset, events, level=level) for level in LEVELS}
    drawn = {data.get("side", node) for node, data in built["person"].nodes(data=True)}
    side_colors = look.side_colors(dataset, events, drawn)
    return {
        "title": dataset.title or "Timeline",
        "generator": f"timeline {__version__}",
        "description": dataset.description or "",
        "period": dataset.date_range() or "",
        "vocabulary": vocabulary,
        "lanes": lanes,
        "actors": [_actor(dataset, a, actor_index) for a in actor_ids],
        "otherSide": palette.OTHER_SIDE.lower(),
        "sides": {str(actor_index[side]): color for side, color in side_colors.items()},
        "sideOrder": [actor_index[side] for side in side_colors],   # most active first (a JSON object's keys are not)
        "sources": [_source(dataset.sources[s]) for s in source_ids],
        "events": [_event(dataset, e, type_index[e.type], status_index[e.status], lane, utc,
                          actor_index, source_index, event_index)
                   for e, lane in zip(events, lane_of)],
        "graphs": {level: _graph(graph, actor_index, event_index) for level, graph in built.items()},
        "positions": positions_data(dataset, actor_index, source_index, event_index, include_drafts),
        "coarse": _coarse_rule(),
        "dateKey": _date_key(),
    }


def _date_key() -> dict[str, str]:
    """The timeline image's key words for a span, an uncertain and an approximate date (``legend.cue_entries``)."""
    from timeline.render.legend import cue_entries

    words = [label for _, label in cue_entries(True, False, False, True, True, set(), [])]
    return dict(zip(("span", "uncertain", "approximate"), words))


def _coarse_rule() -> dict[str, float]:
    """The timeline image's rule for a date too vague to place on its axis (``timeline.render.timeline``)."""
    from timeline.render.timeline import COARSE_DAYS, COARSE_SHARE

    return {"share": COARSE_SHARE, "days": COARSE_DAYS}


#: What an event's details alone show (its summary, its quotes), kept apart from what the views draw: see split_detail.
DETAIL_KEYS = ("sm", "q")


def split_detail(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`page_data` as two parts: what the page draws before it is usable, and what only an event's details
    (or print) read, which the page decodes when first asked (half the data of a large record: summaries, quotes,
    sources). The first has ``publishers``, the number of publishers the events cite, and ``sources`` only with
    positions (the positions view cites them from the start; else ``[]``); the second is ``{"sources": [...] or
    null (already in the first), "events": [[summary, quotes] or null, ...]}`` in the order of the events.
    ``data`` is left as it was.
    """
    events = [{k: v for k, v in e.items() if k not in DETAIL_KEYS} for e in data["events"]]
    detail = [[e.get("sm"), e.get("q")] if any(k in e for k in DETAIL_KEYS) else None for e in data["events"]]
    sources, early = data["sources"], data["positions"] is not None
    cited = {i for e in events for i in e.get("src", ())}
    core = dict(data, events=events, sources=sources if early else [],
                publishers=len({sources[i].get("publisher") or sources[i]["citation"] for i in cited}))
    return core, {"sources": None if early else sources, "events": detail}


def _vocabulary() -> dict[str, list[dict[str, Any]]]:
    """The model's types, statuses, roles and relations, each with its label and, where drawn, its look
    from the project's palette (:mod:`timeline.html.look`)."""
    return {
        "types": look.type_looks(),
        "statuses": look.status_looks(),
        "roles": [{"id": role, "key": key, "label": _described("ROLE_INFO", role, "label", _words(role))}
                  for key, role in ROLE_KEYS.items()],
        "links": [{"id": r, "label": _described("RELATION_INFO", r, "label", _words(r))} for r in RELATIONS],
        "relations": look.relation_looks(),
    }


def _described(table: str, name: str, attribute: str, default: Any) -> Any:
    """``model.<table>[name].<attribute>`` where the model describes it (ROLE_INFO, RELATION_INFO), else ``default``."""
    return getattr(getattr(model, table, {}).get(name), attribute, default)


def _words(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _lanes(dataset: Dataset, events: list[Event]) -> tuple[list[str], list[int]]:
    """The lanes of the timeline chart (by side), so the page reads as the image does."""
    if not events:
        return [], []
    from timeline.render.timeline import assign_lanes

    return assign_lanes(dataset, events, "side")


def _actor(dataset: Dataset, actor_id: str, actor_index: dict[str, int]) -> dict[str, Any]:
    actor = dataset.actors[actor_id]
    found: dict[str, Any] = {"id": actor_id, "name": actor.name, "kind": actor.kind,
                             "side": actor_index[dataset.side(actor_id)]}
    if chain := dataset.affiliation_chain(actor_id)[1:]:
        found["in"] = [actor_index[a] for a in chain]  # what it belongs to: its events count for them too
    if actor.title:
        found["title"] = actor.title
    if actor.aliases:
        found["aliases"] = list(actor.aliases)
    return found


def _source(source: Any) -> dict[str, Any]:
    """``id, citation`` and where known ``publisher, title, date`` (at its precision) and ``url`` (http(s) only)."""
    found: dict[str, Any] = {"id": source.id, "citation": source.citation(), "publisher": source.publisher,
                             "title": source.title, "date": source.published.label() if source.published else None,
                             "url": web_address(source.url)}
    return {key: value for key, value in found.items() if value}


def _event(dataset: Dataset, event: Event, type_: int, status: int, lane: int, utc: bool,
           actor_index: dict[str, int], source_index: dict[str, int], event_index: dict[str, int]) -> dict:
    """One event: ``id, ty, st, ln, s, e`` (start and end in minutes), ``d`` (date label), ``ti`` (title),
    ``r`` (role key -> actor indices), and where present ``o`` (open side), ``u`` (the image's mark of an approximate
    or uncertain date, "~" or "?": ``timeline.render.marks.qualifier``), ``loc, sm, q, src, rel, x``."""
    from timeline.render.marks import qualifier

    start, end, open_side = _minutes(event.date, utc)
    found: dict[str, Any] = {"id": event.id, "ty": type_, "st": status, "ln": lane, "s": start, "e": end,
                             "d": event.date.label(),
                             "ti": event.title or headline(event, dataset),
                             "r": {key: [actor_index[a] for a in getattr(event, key)]
                                   for key in ROLE_KEYS if getattr(event, key)}}
    optional = {
        "o": open_side,
        "u": qualifier(event.date),
        "loc": event.location,
        "sm": event.summary,
        "q": [[actor_index.get(q.speaker, q.speaker), q.text, source_index.get(q.source or "")]
              for q in event.quotes],
        "src": [source_index[s] for s in event.sources if s in source_index],
        "rel": [[link.relation, event_index[link.event]] for link in event.related if link.event in event_index],
        "x": event.draft,
    }
    found.update({key: value for key, value in optional.items() if value})
    return found


def _minutes(span: DateSpan, utc: bool) -> tuple[int, int, str | None]:
    """The known part of a date as (start, end) minutes, and the open side (``"start"``: "on or before",
    ``"end"``: "from", or None). An open date covers its known bound only: the page draws it as the chart
    does, a mark at the bound with an arrow toward the open side, never a bar into the unknown."""
    open_side = "start" if span.start is None else "end" if span.end is None else None
    if open_side:
        before, _, after = span.text.partition("/")
        bound = parse_edtf(after if open_side == "start" else before)
        start, end = bound.start, bound.end
    else:
        start, end = span.start, span.end
    if utc and span.tz is not None:
        offset = span.tz.utcoffset(None)
        start, end = start - offset, end - offset
    return _minute(start), max(_minute(end), _minute(start) + 1), open_side


def _minute(moment: datetime) -> int:
    return math.floor((moment - _EPOCH).total_seconds() / 60)


def _graph(graph: Any, actor_index: dict[str, int], event_index: dict[str, int]) -> dict[str, Any]:
    """One of the library's actor graphs (:func:`timeline.graph.actor_graph`): nodes (actor indices with
    positions in [0, 1]) and edges ``[source, target, relation index, [event indices]]``."""
    relation_index = {r: i for i, r in enumerate(graphs.ACTOR_RELATIONS)}
    positions = _positions(graph)
    nodes = [[actor_index[n], round(positions[n][0], 4), round(positions[n][1], 4), data.get("activity", 0)]
             for n, data in graph.nodes(data=True)]
    edges = [[actor_index[u], actor_index[v], relation_index[key], [event_index[e] for e in data["events"]]]
             for u, v, key, data in graph.edges(keys=True, data=True)]
    return {"nodes": nodes, "edges": edges}


def _positions(graph: Any) -> dict[str, tuple[float, float]]:
    """Positions in the unit square: the library's layout for the :data:`LAID_OUT` most active actors,
    the others beside the actor they deal with most (networkx's spring layout needs scipy past 500 nodes)."""
    if graph.number_of_nodes() == 0:
        return {}
    from timeline.render.layout import layout_positions

    simple = graph.to_undirected(as_view=True)
    ranked = sorted(simple, key=lambda n: (-simple.nodes[n].get("activity", 0), str(n)))
    core = simple.subgraph(ranked[:LAID_OUT])
    layout = "auto" if core.number_of_nodes() <= STRESS_UP_TO else "spring"
    placed = dict(layout_positions(core, layout=layout))
    for rank, node in enumerate(ranked[LAID_OUT:]):
        partners = Counter(n for n in simple[node] if n in placed)
        x, y = placed[partners.most_common(1)[0][0]] if partners else (0.5, 0.5)
        angle, radius = rank * 2.39996, 0.02 + 0.0004 * (rank % 50)    # a golden-angle spiral around it
        placed[node] = (min(max(x + radius * math.cos(angle), 0.0), 1.0), min(max(y + radius * math.sin(angle), 0.0), 1.0))
    return placed
