"""Draw who deals with whom: the actor graph, or the actor-event graph, as a matplotlib figure.

>>> from timeline.render.graph import draw_graph, render_graph
>>> figure = draw_graph(record, level="state")
>>> render_graph(record, "output/putin.svg", around="putin", depth=2)
PosixPath('output/putin.svg')

Every drawn element carries a gid naming what it shows (``node:putin``,
``edge:putin:ukraine:threatened``, ``label:putin``, ``legend:relation``,
``title``, ``footer``): it becomes the element's id in SVG output, and
lets tests and scripts find what was drawn.
"""
from __future__ import annotations

import math
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import networkx as nx
import numpy as np

from timeline.dates import parse_edtf
from timeline.errors import NothingToShow, UserError
from timeline.graph import (
    ACTOR_RELATIONS,
    RELATION_OF_TYPE,
    actor_attributes,
    actor_graph,
    event_graph,
)
from timeline.model import HELD_STATUSES, LEVELS, ROLES, Actor, Dataset, Event
from timeline.names import find_actor
from timeline.render import style
from timeline.render.files import image_format, save_image
from timeline.render.labels import display_name, event_titles, shorten
from timeline.render.layout import (
    LAYOUTS,
    Label,
    layout_positions,
    place_labels,
    two_columns,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

GRAPHS = ("actors", "events")
#: Layouts by name; ``dated`` (events top to bottom by date) is for the actor-event graph.
GRAPH_LAYOUTS = (*LAYOUTS, "dated")
#: Actors drawn at most; past it the most active are kept.
MAX_ACTORS = 60
#: Events the actor-event graph draws at most, one row each; past it those with the most actors are kept.
MAX_EVENTS = 40
#: Relations drawn at most, and between one pair; past them the ones with the most events are kept.
MAX_EDGES = 100
MAX_PARALLEL = 6
DPI = 200
#: Marker areas relative to a circle's for the same ``s``: squares and diamonds are scaled down to match.
MARKER_AREA = {"o": math.pi / 4, "s": 1.0, "D": 1.0, "h": 0.65}
LABEL_WIDTH = 18
HALO = 3.0


class GraphError(UserError):
    """Options that cannot give a drawing: an unknown relation, layout or format, or nothing to draw."""


@dataclass
class Selection:
    """What a drawing shows: the graph, the actor it centres on, and what was left out."""

    graph: nx.MultiDiGraph
    center: str | None = None
    hidden_actors: int = 0
    hidden_edges: int = 0
    hidden_events: int = 0
    #: Names of the actors in the events who have no relation to draw (not in ``hidden_actors``).
    unlinked: tuple[str, ...] = ()


class Edge(NamedTuple):
    """One line to draw, from ``u`` to ``v``."""

    u: str
    v: str
    key: str
    color: str
    width: float
    directed: bool
    dashed: bool


def render_graph(dataset: Dataset, path: str | Path, events: Iterable[Event] | None = None, *,
                 force: bool = False, dpi: int = DPI, **options: object) -> Path:
    """Draw the graph and write it to ``path``: PNG, SVG or PDF by its extension; return the path.

    ``options`` are those of :func:`draw_graph`. The file is replaced only
    if timeline wrote it, unless ``force``; SVG and PDF carry no date, so
    the same data gives the same bytes.
    """
    image_format(path, force)
    figure = draw_graph(dataset, events, dpi=dpi, **options)
    save_image(figure, path, dpi, force)
    return Path(path)


def draw_graph(dataset: Dataset, events: Iterable[Event] | None = None, *, level: str = "person",
               around: str | None = None, depth: int = 1, relations: Iterable[str] | None = None,
               graph: str = "actors", layout: str = "auto", title: str | None = None,
               max_actors: int = MAX_ACTORS, max_edges: int = MAX_EDGES,
               size: tuple[float, float] | None = None, dpi: int = DPI) -> Figure:
    """A figure of who deals with whom in ``events`` (default: all).

    ``graph="actors"`` draws actors joined by relations (met, rejected,
    ...), ``"events"`` actors joined to the events they took part in.
    ``level="state"`` counts each actor as its state. ``around`` (an actor's
    id, name or alias) keeps the actors within ``depth`` steps of it;
    ``relations`` keeps only those relations (or events of those types).
    Past ``max_actors`` actors (and ``max_edges`` relations) the most active
    are kept and the footer says how many were left out.
    """
    relations = _check(dataset, level, graph, layout, relations, around)
    events = list(dataset.events if events is None else events)
    if graph == "events":
        selection = select_events(dataset, events, level=level, around=around, depth=depth, relations=relations,
                                  max_actors=max_actors)
    else:
        selection = select_actors(dataset, events, level=level, around=around, depth=depth, relations=relations,
                                  max_actors=max_actors, max_edges=max_edges)
    g = selection.graph
    if not g:
        raise NothingToShow(f"nothing to draw: no {'events' if graph == 'events' else 'relations'} between actors "
                         "in the events selected; widen --since/--until, --relations or --around")

    style.apply_defaults()
    actors = [n for n, kind in g.nodes(data="node_type") if kind == "actor"]
    look = style.graph_look(g, dataset)
    sizes = style.NODE_AREA if graph == "actors" else style.ROW_AREA
    edges = [Edge(u, v, key, line.color, line.width, bool(g.edges[u, v, key].get("directed")), line.dashed)
             for (u, v, key), line in sorted(look.edges.items(), key=lambda item: -item[1].width)]
    figure, ax = _frame(size or _default_size(g, graph), dpi, _sections(dataset, g, look.sides, edges, sizes),
                        grow=size is None)
    area = {n: node.area for n, node in look.nodes.items()}
    radius = {n: math.sqrt(a) / 2 for n, a in area.items()}
    texts = _label_texts(dataset, g, width=LABEL_WIDTH if graph == "actors" else 2 * LABEL_WIDTH)

    dated = graph == "events" and layout in ("auto", "dated")
    if dated:
        links = {a: sorted(g.successors(a)) for a in actors}
        pos = two_columns(actors, [n for n in g if n not in links], links)
        texts = _fit_columns(ax, pos, texts, actors, max(radius.values()))
    else:
        pos = layout_positions(_weighted(g), layout, aspect=_aspect(ax))
        _fit(ax, pos)

    markers = {n: _marker(g, n) for n in g}
    points, ends = _draw_edges(ax, edges, pos, area, markers)
    _draw_nodes(ax, g, pos, look.nodes, markers, selection.center)
    _draw_labels(figure, ax, g, pos, radius, texts, points, ends, prefer_sides=dated)

    what = "Actors and the events they took part in" if graph == "events" else "Who met whom, and who acted on whom"
    subtitle = " · ".join(filter(None, (
        what, "states and organisations" if level == "state" else "people, groups and states",
        f"events {_period(events)}",
        around and f"within {depth} step{'s' * (depth > 1)} of {g.nodes[selection.center]['name']}",
        relations and "only " + ", ".join(style.RELATION_LABELS[r].split(" (")[0].lower() for r in relations),
    )))
    _draw_texts(figure, title or dataset.title or "Who deals with whom", subtitle,
                [_omitted(selection), _sources(dataset, events)])
    return figure


# -- what to draw -------------------------------------------------------------


def select_actors(dataset: Dataset, events: list[Event], *, level: str = "person", around: str | None = None,
                  depth: int = 1, relations: tuple[str, ...] | None = None, max_actors: int = MAX_ACTORS,
                  max_edges: int = MAX_EDGES) -> Selection:
    """The actor graph to draw: planned relations included, cut to the neighbourhood and the budget."""
    g = actor_graph(dataset, events, level=level, include_planned=True)
    if relations:
        g.remove_edges_from([e for e in g.edges(keys=True) if e[2] not in relations])
    g.remove_nodes_from(list(nx.isolates(g)))
    center = _center(dataset, around, level, g)
    if center:
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, cutoff=depth)
        g.remove_nodes_from([n for n in list(g) if n not in near])
    count = len(g)
    involved = {dataset.side(a) if level == "state" else a
                for e in events if e.status != "cancelled" for a in e.actors()}
    unlinked = () if center else tuple(sorted(dataset.actors[a].name for a in involved - set(g)))
    _keep_most_active(g, max_actors, center)
    hidden_edges = _keep_strongest(g, max_edges)
    g.remove_nodes_from(list(nx.isolates(g)))
    return Selection(g, center, count - len(g), hidden_edges, unlinked=unlinked)


def select_events(dataset: Dataset, events: list[Event], *, level: str = "person", around: str | None = None,
                  depth: int = 1, relations: tuple[str, ...] | None = None, max_actors: int = MAX_ACTORS,
                  max_events: int = MAX_EVENTS) -> Selection:
    """The actor-event graph to draw: actors joined to their events by role.

    At state level each actor counts as its state. ``relations`` keeps the
    events of the types that make those relations. ``around`` keeps its
    events, and with ``depth`` 2 also those of the actors it shares one
    with, and so on. Past the budgets the most active actors are kept,
    and the events with the most of them.
    """
    side = {a: dataset.side(a) if level == "state" else a for a in dataset.actors}
    events = [e for e in events if not relations or RELATION_OF_TYPE[e.type] in relations]
    members = [{side[a] for a in e.actors()} for e in events]
    center = _center(dataset, around, level, {a for m in members for a in m})
    if center:
        near = {center}
        for _ in range(depth):
            reached = [i for i, m in enumerate(members) if m & near]
            near = near.union(*(members[i] for i in reached))
        events, members = [events[i] for i in reached], [members[i] for i in reached]
    activity = Counter(a for m in members for a in m)
    kept = set(sorted(activity, key=lambda a: (a != center, -activity[a], a))[:max_actors])
    ranked = sorted(range(len(events)), key=lambda i: (-len(members[i] & kept), -i))   # the later first among equals
    chosen = sorted(i for i in ranked[:max_events] if members[i] & kept)
    g = event_graph(dataset, [events[i] for i in chosen])
    g.remove_edges_from([(u, v, k) for u, v, k in g.edges(keys=True) if g.nodes[u]["node_type"] == "event"])
    if level == "state":
        g = _by_state(dataset, g)
    g.remove_nodes_from([n for n, kind in g.nodes(data="node_type") if kind == "actor" and n not in kept])
    g.remove_nodes_from(list(nx.isolates(g)))
    for actor in kept & set(g):
        g.nodes[actor]["activity"] = activity[actor]
    shown = len(kept & set(g))
    return Selection(g, center, len(activity) - shown, 0, len(events) - (len(g) - shown))


def _check(dataset: Dataset, level: str, graph: str, layout: str, relations: Iterable[str] | None,
           around: str | None) -> tuple[str, ...] | None:
    """Fail early, in the user's words, on an option that has no meaning; return the relations as a tuple."""
    for name, value, choices in (("level", level, LEVELS), ("graph", graph, GRAPHS), ("layout", layout, GRAPH_LAYOUTS)):
        if value not in choices:
            raise GraphError(f"unknown {name} '{value}'{_hint(value, choices)}")
    if layout == "dated" and graph != "events":
        raise GraphError("the dated layout orders events by date; use it with --graph events")
    if around is not None:
        find_actor(dataset, around)
    if relations is None:
        return None
    relations = tuple(dict.fromkeys(r.strip() for r in relations if r.strip()))
    for relation in relations:
        if relation not in ACTOR_RELATIONS:
            raise GraphError(f"unknown relation '{relation}'{_hint(relation, ACTOR_RELATIONS)}")
    return relations or None


def _hint(word: str, choices: tuple[str, ...]) -> str:
    """'; did you mean 'x'?' for a near miss, else the choices."""
    from timeline.dataset import did_you_mean

    return did_you_mean(word, choices) or f"; choose from {', '.join(choices)}"


def _center(dataset: Dataset, around: str | None, level: str, present: Iterable[str]) -> str | None:
    """The node of the actor named ``around`` (its state at state level), which must be among ``present``."""
    if around is None:
        return None
    actor = find_actor(dataset, around)
    center = dataset.side(actor.id) if level == "state" else actor.id
    if center not in present:
        raise GraphError(f"{actor.name} has no relations in the events selected"
                         + (f" (at state level, as {dataset.actors[center].name})" if center != actor.id else ""))
    return center


def _keep_most_active(g: nx.MultiDiGraph, budget: int, keep: str | None) -> None:
    """Remove all but the ``budget`` most active actors (and ``keep``)."""
    actors = sorted((n for n in g if g.nodes[n]["node_type"] == "actor"),
                    key=lambda n: (n != keep, -g.nodes[n]["activity"], n))
    g.remove_nodes_from(actors[budget:])


def _keep_strongest(g: nx.MultiDiGraph, budget: int) -> int:
    """Past ``budget`` relations, keep those with the most events (the rarer kind first among equals, so
    that a few rejections are not crowded out by many meetings), at most :data:`MAX_PARALLEL` a pair, and
    each actor's strongest; return how many went."""
    if g.number_of_edges() <= budget:
        return 0
    kinds = Counter(key for *_, key in g.edges(keys=True))
    ranked = [e[:3] for e in sorted(g.edges(keys=True, data="count"),
                                    key=lambda e: (-e[3], kinds[e[2]], ACTOR_RELATIONS.index(e[2]), e[0], e[1]))]
    strongest: dict[str, tuple] = {}
    per_pair: Counter[frozenset] = Counter()
    fits = []
    for edge in ranked:
        strongest.setdefault(edge[0], edge)
        strongest.setdefault(edge[1], edge)
        per_pair[frozenset(edge[:2])] += 1
        if per_pair[frozenset(edge[:2])] <= MAX_PARALLEL:
            fits.append(edge)
    kept = set(fits[:budget])
    kept |= {strongest[n] for n in set(strongest) - {n for e in kept for n in e[:2]}}
    gone = [e for e in ranked if e not in kept]
    g.remove_edges_from(gone)
    return len(gone)


def _by_state(dataset: Dataset, g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The actor-event graph with each actor replaced by its state (or outermost affiliation)."""
    merged = nx.MultiDiGraph(**g.graph)
    merged.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d["node_type"] == "event")
    for actor, event, role in g.edges(keys=True):
        side = dataset.side(actor)
        merged.add_node(side, **actor_attributes(dataset, side))
        merged.add_edge(side, event, key=role, role=role)
    return merged


def _weighted(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph to lay out: one edge per pair, its ``weight`` the events behind it,
    its ``length`` longer for each parallel line, so that the lines have room to fan out."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g))
    for u, v, count in g.edges(data="count", default=1):
        data = simple.get_edge_data(u, v, {"weight": 0, "length": 0.85})
        simple.add_edge(u, v, weight=data["weight"] + count, length=data["length"] + 0.15)
    return simple


# -- drawing ------------------------------------------------------------------

FRAME_TOP, FRAME_BOTTOM, KEY_WIDTH, MARGIN = 1.05, 0.6, 2.5, 0.25   # inches


def _default_size(g: nx.MultiDiGraph, graph: str) -> tuple[float, float]:
    if graph == "events":
        actors = sum(kind == "actor" for _, kind in g.nodes(data="node_type"))
        rows = max(actors, len(g) - actors)
        return 12.0, max(6.0, 0.26 * rows + 2.2)
    return (11.0, 7.5) if len(g) <= 20 else (13.0, 9.0) if len(g) <= 40 else (15.0, 10.5)


def _frame(size: tuple[float, float], dpi: int, sections: list[Section], grow: bool) -> tuple[Figure, Axes]:
    """A figure with the plot on the left and the key on the right, drawn; if ``grow``, as tall as the key needs."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w, h = size
    while True:
        figure = Figure(figsize=(w, h), dpi=dpi)
        FigureCanvasAgg(figure)
        plot_h = h - FRAME_TOP - FRAME_BOTTOM
        ax = figure.add_axes((MARGIN / w, FRAME_BOTTOM / h, (w - KEY_WIDTH - 2 * MARGIN) / w, plot_h / h))
        key = figure.add_axes(((w - KEY_WIDTH) / w, FRAME_BOTTOM / h, (KEY_WIDTH - MARGIN) / w, plot_h / h))
        for axes in (ax, key):
            axes.set_axis_off()
        needed = _draw_key(figure, key, sections)
        if not grow or needed <= plot_h:
            return figure, ax
        h += needed - plot_h


def _sections(dataset: Dataset, g: nx.MultiDiGraph, colors: dict[str, str], edges: list[Edge],
              sizes: tuple[float, float]) -> list[Section]:
    """The legends the drawing needs, top to bottom; none for what it does not show."""
    own_sides = all(side == n for n, side in g.nodes(data="side") if side)   # at state level the names say it all
    sections = [None if own_sides else _side_section(dataset, colors), _kind_section(g)]
    if any(kind == "event" for _, kind in g.nodes(data="node_type")):
        sections += [_type_section(g), _role_section(edges), _size_section(g, sizes)]
    else:
        sections += [_relation_section(edges), _size_section(g, sizes), _width_section(g)]
    return [s for s in sections if s]


def _fit(ax: Axes, pos: dict, margin: float = 0.07) -> None:
    """Set the limits so that ``pos`` fills the plot with one scale on both axes, centred."""
    (x0, y0), (x1, y1) = np.min(list(pos.values()), axis=0), np.max(list(pos.values()), axis=0)
    w, h = max(x1 - x0, 0.2), max(y1 - y0, 0.2)
    pad = margin * max(w, h)
    w, h = max(w + 2 * pad, (h + 2 * pad) * _aspect(ax)), max(h + 2 * pad, (w + 2 * pad) / _aspect(ax))
    ax.set_xlim((x0 + x1 - w) / 2, (x0 + x1 + w) / 2)
    ax.set_ylim((y0 + y1 - h) / 2, (y0 + y1 + h) / 2)


def _aspect(ax: Axes) -> float:
    box = ax.get_position()
    w, h = ax.figure.get_size_inches()
    return box.width * w / (box.height * h)


def _bends(edges: list[Edge]) -> dict[Edge, float]:
    """An arc for each edge, so that several between one pair fan out: ``arc3`` rad, 0 for a lone edge."""
    pairs: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in edges:
        pairs[min(edge.u, edge.v), max(edge.u, edge.v)].append(edge)
    bends = {}
    for (first, _), group in pairs.items():
        group.sort(key=lambda e: (ACTOR_RELATIONS.index(e.key) if e.key in ACTOR_RELATIONS else ROLES.index(e.key),
                                  e.u))
        step = min(0.22, 1.1 / max(len(group) - 1, 1))
        for i, edge in enumerate(group):
            bends[edge] = (i - (len(group) - 1) / 2) * step * (1 if edge.u == first else -1)
    return bends


def _draw_edges(ax: Axes, edges: list[Edge], pos: dict, area: dict, markers: dict
                ) -> tuple[np.ndarray, np.ndarray]:
    """Draw each edge as an arc from rim to rim; return points along them (pixels) and which lie near an end."""
    from matplotlib.patches import FancyArrowPatch

    px = ax.figure.dpi / 72
    points, ends = [], []
    bends = _bends(edges)
    for edge in edges:                      # the widest first, so that narrow lines stay on top
        rad = bends[edge]
        a, b = ax.transData.transform([pos[edge.u], pos[edge.v]])
        control = (a + b) / 2 + rad * np.array([b[1] - a[1], a[0] - b[0]])
        rims = [_rim(markers[n], area[n], control - end) + 1.5 for n, end in ((edge.u, a), (edge.v, b))]
        ax.add_patch(FancyArrowPatch(
            pos[edge.u], pos[edge.v], arrowstyle="-|>" if edge.directed else "-", connectionstyle=f"arc3,rad={rad}",
            shrinkA=rims[0], shrinkB=rims[1], mutation_scale=7 + 2 * edge.width,
            linewidth=edge.width, color=edge.color, alpha=0.85, linestyle=(0, (4, 2)) if edge.dashed else "-",
            joinstyle="miter", zorder=1, gid=f"edge:{edge.u}:{edge.v}:{edge.key}"))
        t = np.linspace(0, 1, max(8, int(np.hypot(*(b - a)) / (3 * px))))[:, None]   # a point every 3 pt
        curve = (1 - t) ** 2 * a + 2 * t * (1 - t) * control + t ** 2 * b
        points.append(curve)
        ends.append((np.hypot(*(curve - a).T) < (rims[0] + 18) * px) | (np.hypot(*(curve - b).T) < (rims[1] + 18) * px))
    if not points:
        return np.empty((0, 2)), np.empty(0, dtype=bool)
    return np.concatenate(points), np.concatenate(ends)


def _rim(marker: str, area: float, direction: np.ndarray) -> float:
    """Points from the centre of a ``marker`` of ``area`` to its outline, towards ``direction``."""
    size = math.sqrt(area * _marker_scale(marker))
    c, s = np.abs(direction) / max(np.hypot(*direction), 1e-9)
    if marker == "s":
        return size / 2 / max(c, s)
    if marker == "D":
        return size * math.sqrt(0.5) / (c + s)
    return size / 2


def _marker(g: nx.MultiDiGraph, node: str) -> str:
    data = g.nodes[node]
    mark = style.EVENT_MARKS[data["type"]] if data["node_type"] == "event" else style.KIND_MARKERS[data["kind"]]
    return mark.marker


def _draw_nodes(ax: Axes, g: nx.MultiDiGraph, pos: dict, looks: dict[str, style.NodeLook], markers: dict,
                center: str | None) -> None:
    """Draw the nodes, the largest first: actors in a tint of their side's colour, events in their type's,
    hollow if planned."""
    for node in sorted(g, key=lambda n: (-looks[n].area, n)):
        look, marker = looks[node], markers[node]
        face = "white" if look.hollow else look.color if g.nodes[node]["node_type"] == "event" else _tint(look.color)
        ax.scatter([pos[node][0]], [pos[node][1]], s=look.area * _marker_scale(marker), marker=marker,
                   facecolors=face, edgecolors=style.INK if node == center else look.color,
                   linewidths=2.4 if node == center else 1.4, zorder=3, gid=f"node:{node}")


def _tint(color: str, share: float = 0.45) -> tuple[float, float, float]:
    """``color`` mixed with white: actors' fills stay apart from the saturated relation lines."""
    from matplotlib.colors import to_rgb

    return tuple(1 - share * (1 - c) for c in to_rgb(color))


def _marker_scale(marker: str) -> float:
    """How much to enlarge a marker's ``s`` so it covers the area of a circle of the same ``s``."""
    return MARKER_AREA["o"] / MARKER_AREA.get(marker, 0.8)


def _marker_size(diameter: float, marker: str) -> float:
    """A legend marker size for ``marker`` as large as a circle ``diameter`` points wide."""
    return diameter * math.sqrt(_marker_scale(marker))


def _fit_columns(ax: Axes, pos: dict, texts: dict[str, str], left: list[str], radius: float) -> dict[str, str]:
    """Set the limits so the ``left`` nodes' labels fit on their left and the others' on their right.

    A column's labels get at most a third (left) or half (right) of the
    width; longer ones are cut to fit. Return the labels as they fit.
    """
    renderer = ax.figure.canvas.get_renderer()
    width = ax.get_window_extent(renderer).width
    gap = (radius + 12) * ax.figure.dpi / 72
    room = {True: width / 3, False: width / 2}
    fitted = {n: _cut(renderer, text, room[n in left]) for n, text in texts.items()}
    a = max(_text_width(renderer, fitted[n]) for n in left) + gap
    b = width - a - max(_text_width(renderer, t) for n, t in fitted.items() if n not in left) - gap
    ax.set_xlim(-a / b, (width - a) / b)
    ys = [y for _, y in pos.values()]
    pad = (max(ys) - min(ys)) * 0.03 + 0.01
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    return fitted


def _cut(renderer: object, text: str, room: float) -> str:
    """``text`` shortened at a word, with an ellipsis, until it is at most ``room`` pixels wide."""
    limit = len(text)
    while limit > 8 and _text_width(renderer, shorten(text, limit)) > room:
        limit -= 2
    return shorten(text, limit)


def _text_width(renderer: object, text: str) -> float:
    """The width in pixels of the widest line of ``text`` in the label font."""
    from matplotlib.font_manager import FontProperties

    font = FontProperties(family=style.FONT["family"], size=style.FONT["size"])
    return max(renderer.get_text_width_height_descent(line, font, ismath=False)[0] for line in text.split("\n"))


def _label_texts(dataset: Dataset, g: nx.MultiDiGraph, width: int) -> dict[str, str]:
    """Each node's label: a person's surname when it is one of their aliases and no one drawn shares it,
    another actor's name wrapped at ``width`` characters, an event's date and headline."""
    events = {e.id: e for e in dataset.events if e.id in g}
    texts = dict(zip(events, (f"{_day_label(e)} · {t}" for e, t in
                              zip(events.values(), event_titles(dataset, list(events.values()))))))
    names = {n: display_name(dataset.actors[n]) for n in g if n not in events}
    short = {n: _surname(dataset.actors[n], name) for n, name in names.items()}
    shared = {s for s, count in Counter(short.values()).items() if count > 1}
    texts.update({n: textwrap.fill(name if short[n] in shared else short[n], width) for n, name in names.items()})
    return texts


def _day_label(event: Event) -> str:
    """The event's date as a short label, to the day: a moment's time and zone are left out."""
    return parse_edtf(event.date.first.isoformat()).label() if event.date.is_moment else event.date.label()


def _surname(actor: Actor, name: str) -> str:
    """'Putin' for Vladimir Putin, who is also called Putin; else ``name``."""
    from timeline.names import fold

    last = name.split()[-1]
    return last if actor.kind == "person" and fold(last) in {fold(a) for a in actor.aliases} else name


def _draw_labels(figure: Figure, ax: Axes, g: nx.MultiDiGraph, pos: dict, radius: dict, texts: dict[str, str],
                 points: np.ndarray, ends: np.ndarray, *, prefer_sides: bool) -> None:
    """Name every node, in the free spot nearest it; a thin leader line joins a label set apart."""
    from matplotlib import patheffects

    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    halo = [patheffects.withStroke(linewidth=HALO, foreground="white")]
    labels = []
    for node in sorted(g, key=lambda n: (-radius[n], n)):
        x, y = ax.transData.transform(pos[node])
        text = ax.text(0, 0, texts[node], ha="center", va="center", fontsize=style.FONT["size"],
                       color=style.INK, zorder=4, path_effects=halo, gid=f"label:{node}")
        event = g.nodes[node]["node_type"] == "event"
        labels.append(Label(text, x, y, radius[node] * px, (0 if event else 180) if prefer_sides else 0))
    box = ax.get_window_extent(renderer)
    to_data = ax.transData.inverted()
    for label, centre, corner in place_labels(labels, renderer, box.extents, points, ends, px):
        label.text.set_position(to_data.transform(centre))
        if corner is not None:
            direction = np.subtract(corner, (label.x, label.y))
            rim = np.array((label.x, label.y)) + direction / np.hypot(*direction) * label.radius
            ax.plot(*to_data.transform([rim, corner]).T, color=style.INK, linewidth=0.5, zorder=2,
                    gid=f"leader:{label.text.get_gid().partition(':')[2]}")


# -- the key ------------------------------------------------------------------


class Section(NamedTuple):
    """One legend: its title and (handle, label) entries."""

    name: str
    title: str
    entries: list[tuple[object, str]]
    columns: int = 1


def _dot(face: object, edge: str, marker: str = "o", size: float = 8.0) -> object:
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", marker=marker, markersize=size, markerfacecolor=face,
                  markeredgecolor=edge, markeredgewidth=1.2)


def _line(color: str, width: float = 1.5, directed: bool = False, dashed: bool = False) -> object:
    from matplotlib.patches import FancyArrowPatch

    return FancyArrowPatch((0, 0), (1, 0), arrowstyle="-|>" if directed else "-", color=color, linewidth=width,
                           linestyle=(0, (4, 2)) if dashed else "-", mutation_scale=7 + 2 * width)


def _side_section(dataset: Dataset, colors: dict[str, str]) -> Section:
    named = [(s, c) for s, c in colors.items() if c != style.OTHER_SIDE]
    entries = [(_dot(_tint(c), c), textwrap.fill(dataset.actors[s].name, 26)) for s, c in named]
    if len(named) < len(colors):
        entries.append((_dot(_tint(style.OTHER_SIDE), style.OTHER_SIDE), f"{len(colors) - len(named)} other sides"))
    return Section("side", "Side (state or organisation)", entries)


def _kind_section(g: nx.MultiDiGraph) -> Section:
    used = {kind for _, kind in g.nodes(data="kind") if kind}
    return Section("kind", "Kind of actor", [
        (_dot(_tint(m.color), m.color, m.marker, _marker_size(8, m.marker)), m.label)
        for kind, m in style.KIND_MARKERS.items() if kind in used])


def _relation_section(edges: list[Edge]) -> Section:
    used = {e.key: e.directed for e in edges}
    entries = [(_line(style.RELATION_COLORS[r], directed=used[r]), style.RELATION_LABELS[r])
               for r in ACTOR_RELATIONS if r in used]
    if any(e.dashed for e in edges):
        entries.append((_line(style.MUTED, dashed=True), "Planned, not yet happened"))
    return Section("relation", "Relation", entries)


def _size_section(g: nx.MultiDiGraph, sizes: tuple[float, float]) -> Section:
    """Marker areas for the least, the middle and the most active actor."""
    activity = sorted({a for _, a in g.nodes(data="activity") if a is not None})
    low, high = sizes
    samples = sorted({activity[0], activity[len(activity) // 2], activity[-1]})
    return Section("size", "Area: events per actor", [
        (_dot(_tint(style.MUTED), style.MUTED, size=math.sqrt(low + (high - low) * a / activity[-1])), f"{a:,}")
        for a in samples],
        columns=len(samples))


def _width_section(g: nx.MultiDiGraph) -> Section:
    """Line widths for the fewest and the most events behind a relation."""
    from matplotlib.lines import Line2D

    counts = sorted({c for *_, c in g.edges(data="count")})
    samples = sorted({counts[0], counts[len(counts) // 2], counts[-1]})
    return Section("width", "Width: events per relation", [
        (Line2D([], [], color=style.MUTED, linewidth=style.edge_width(c, counts[-1])), f"{c:,}") for c in samples],
        columns=len(samples))


def _type_section(g: nx.MultiDiGraph) -> Section:
    used = {d["type"] for _, d in g.nodes(data=True) if d["node_type"] == "event"}
    entries = [(_dot(m.color, m.color, m.marker, _marker_size(7, m.marker)), m.label)
               for t, m in style.EVENT_MARKS.items() if t in used]
    if any(d["status"] not in HELD_STATUSES for _, d in g.nodes(data=True) if d["node_type"] == "event"):
        entries.append((_dot("white", style.MUTED, "o", 7), "Planned or cancelled"))
    return Section("type", "Event", entries)


def _role_section(edges: list[Edge]) -> Section:
    used = {e.key for e in edges}
    return Section("role", "Role in the event", [(_line(style.ROLE_COLORS[r], dashed=r == "mentioned"), r.capitalize())
                                                for r in ROLES if r in used])


class _ArrowHandler:
    """Draws a legend entry as the arrow (or plain line) it stands for."""

    def legend_artist(self, legend: object, handle: object, fontsize: float, box: object) -> object:
        from matplotlib.patches import FancyArrowPatch

        w, h = box.width, box.height
        arrow = FancyArrowPatch((-box.xdescent, h / 2), (w, h / 2), arrowstyle=handle.get_arrowstyle(),
                                mutation_scale=handle.get_mutation_scale(), transform=box.get_transform())
        arrow.update_from(handle)
        box.add_artist(arrow)
        return arrow


def _draw_key(figure: Figure, key: Axes, sections: list[Section]) -> float:
    """Stack the legends at the top of the key column; return the height they take, in inches."""
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    renderer = figure.canvas.get_renderer()
    height = key.get_window_extent(renderer).height
    gap = 14 * figure.dpi / 72
    top = 1.0
    for section in sections:
        handles, labels = zip(*section.entries)
        tallest = max((h.get_markersize() for h in handles if isinstance(h, Line2D)), default=0)
        legend = Legend(key, handles, labels, title=section.title, loc="upper left", bbox_to_anchor=(0, top),
                        alignment="left", frameon=False, fontsize=8, title_fontsize=9, borderaxespad=0,
                        handlelength=2.6, handler_map={FancyArrowPatch: _ArrowHandler()}, ncols=section.columns,
                        columnspacing=1.2, **({"handleheight": tallest / 8 + 0.5, "labelspacing": 1.0} if tallest > 12
                                              else {"handleheight": 0.7, "labelspacing": 0.55}))
        legend.get_title().set_fontweight("bold")
        legend.set_gid(f"legend:{section.name}")
        key.add_artist(legend)
        top -= (legend.get_window_extent(renderer).height + gap) / height
    return ((1 - top) * height - gap) / figure.dpi


def _draw_texts(figure: Figure, title: str, subtitle: str, footer: list[str]) -> None:
    w, h = figure.get_size_inches()
    figure.text(MARGIN / w, 1 - 0.22 / h, title, fontsize=style.TITLE_SIZE, fontweight="bold", va="top", gid="title")
    figure.text(MARGIN / w, 1 - 0.55 / h, textwrap.fill(subtitle, int((w - 2 * MARGIN) * 72 / (10 * 0.55))),
                fontsize=10, color=style.MUTED, va="top", gid="subtitle")
    lines = [textwrap.fill(line, int(w * 72 / (style.FOOTER_SIZE * 0.55))) for line in footer if line]
    figure.text(MARGIN / w, 0.15 / h, "\n".join(lines), fontsize=style.FOOTER_SIZE, color=style.MUTED, va="bottom",
                gid="footer")


def _period(events: list[Event]) -> str:
    """The dates the events span, as a short label: '2–3 Dec 2025', 'by 3 Dec 2025'; open ends count as unknown."""
    firsts = [e.date.first for e in events]
    known_first = [d for d in firsts if d]
    known_last = [d for d in (e.date.last for e in events) if d]
    start = min(known_first) if known_first and len(known_first) == len(firsts) else None
    end = max(known_last, default=None)
    if start is None and end is None:
        return "of unknown date"
    text = start.isoformat() if start == end else f"{start or '..'}/{end or '..'}"
    return parse_edtf(text).label()


def _omitted(selection: Selection) -> str:
    """'Not shown: 463 less active actors; ...', or ''."""
    unlinked = selection.unlinked
    parts = [_count(selection.hidden_actors, "less active actor"),
             _count(selection.hidden_edges, "relation", "with fewer events"),
             _count(selection.hidden_events, "event", "with fewer actors"),
             _count(len(unlinked), "actor", "with no relation to another")
             + (f" ({', '.join(unlinked)})" if 0 < len(unlinked) <= 4 else "")]
    parts = [p for p in parts if p]
    return f"Not shown: {'; '.join(parts)}." if parts else ""


def _count(n: int, noun: str, rest: str = "") -> str:
    """'3 actors with ...', '1 actor ...', or '' for none."""
    return f"{n:,} {noun}{'s' * (n != 1)} {rest}".rstrip() if n else ""


def _sources(dataset: Dataset, events: list[Event]) -> str:
    ids = list(dict.fromkeys(s for e in events for s in e.sources))
    cited = [dataset.sources[s].citation() for s in ids[:2]]
    more = f"; and {len(ids) - 2:,} more" if len(ids) > 2 else ""
    return f"Source{'s' * (len(ids) > 1)}: {'; '.join(cited)}{more}" if ids else ""
