"""Draw who deals with whom: the actor graph, or the actor-event graph, as a matplotlib figure.

>>> from timeline.render.graph import draw_graph, render_graph
>>> figure = draw_graph(record, level="state")
>>> render_graph(record, "output/putin.svg", around="putin", depth=2)
PosixPath('output/putin.svg')

What is drawn is chosen in :mod:`timeline.render.select`, drawn by
:mod:`timeline.render.graph_draw` and keyed by :mod:`timeline.render.graph_key`.
Every drawn element carries a gid naming what it shows (``node:putin``,
``edge:putin:ukraine:threatened``, ``head:...`` for its arrowhead,
``tie:putin:russia``, ``label:putin``, ``legend:relation``, ``title``,
``footer``): it becomes the element's id in SVG output, and lets tests and
scripts find what was drawn.
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from timeline.errors import NothingToShow
from timeline.model import LEVELS, Dataset, Event
from timeline.names import find_actor
from timeline.render import style
from timeline.render.captions import count, named_list, period_label, sources_line
from timeline.render.choices import GRAPH_LAYOUTS
from timeline.render.files import image_format, save_image
from timeline.render.graph_draw import (
    LABEL_WIDTH,
    Edge,
    draw_edges,
    draw_labels,
    draw_nodes,
    draw_ties,
    fit_columns,
    label_texts,
    marker_of,
)
from timeline.render.graph_key import Section, draw_key, sections
from timeline.render.layout import layout_positions, two_columns
from timeline.render.select import (
    MAX_ACTORS,
    MAX_EDGES,
    GraphError,
    Selection,
    check_relations,
    hint,
    select_actors,
    select_events,
    weighted,
)
from timeline.render.text import printable, quiet_glyphs, shorten

__all__ = ["DPI", "GRAPHS", "GRAPH_LAYOUTS", "MAX_ACTORS", "MAX_EDGES", "GraphError", "draw_graph", "render_graph",
           "select_actors", "select_events"]

GRAPHS = ("actors", "events")
DPI = 200
FRAME_TOP, FRAME_BOTTOM, KEY_WIDTH, MARGIN = 1.05, 0.6, 2.5, 0.25   # inches
#: The smallest drawing: the key column and a plot beside it; and the longest side.
MIN_SIZE = (KEY_WIDTH + 3.0, FRAME_TOP + FRAME_BOTTOM + 2.0)
MAX_SIZE = 200.0


def render_graph(dataset: Dataset, path: str | Path, events: Iterable[Event] | None = None, *,
                 force: bool = False, dpi: int = DPI, **options: object) -> Path:
    """Draw the graph and write it to ``path``: PNG, SVG or PDF by its extension; return the path.

    ``options`` are those of :func:`draw_graph`. The file is replaced only
    if timeline wrote it, unless ``force``; SVG and PDF carry no date, so
    the same data gives the same bytes.
    """
    image_format(path, force)
    figure = draw_graph(dataset, events, dpi=dpi, **options)
    with quiet_glyphs():
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
    are kept and the footer names what was left out. ``size`` is (width,
    height) in inches. Raises :class:`GraphError` (a UserError naming the
    parameter) for options that cannot give a drawing.
    """
    relations = _check(dataset, level, graph, layout, relations, around, depth, max_actors, max_edges, size, dpi)
    events = list(dataset.events if events is None else events)
    options = {"level": level, "around": around, "depth": depth, "relations": relations, "max_actors": max_actors}
    selection = select_events(dataset, events, **options) if graph == "events" else \
        select_actors(dataset, events, max_edges=max_edges, **options)
    if not selection.graph:
        raise NothingToShow(f"nothing to draw: no {'events' if graph == 'events' else 'relations'} between actors "
                            "in the events selected; widen --since/--until, --relations or --around")
    style.apply_defaults()
    with quiet_glyphs():
        return _draw(dataset, events, selection, graph, layout, title, level, around, depth, relations, size, dpi)


def _draw(dataset: Dataset, events: list[Event], selection: Selection, graph: str, layout: str, title: str | None,
          level: str, around: str | None, depth: int, relations: tuple[str, ...] | None,
          size: tuple[float, float] | None, dpi: int) -> Figure:
    g = selection.graph
    actors = [n for n, kind in g.nodes(data="node_type") if kind == "actor"]
    look = style.graph_look(g, dataset)
    sizes = style.NODE_AREA if graph == "actors" else style.ROW_AREA
    edges = [Edge(u, v, key, line.color, line.width, bool(g.edges[u, v, key].get("directed")), line.dashed,
                  line.dash) for (u, v, key), line in sorted(look.edges.items(), key=lambda item: -item[1].width)]
    figure, ax = _frame(size or _default_size(g, graph), dpi,
                        sections(dataset, g, look.sides, edges, sizes, bool(selection.ties)), grow=size is None)
    area = {n: node.area for n, node in look.nodes.items()}
    radius = {n: math.sqrt(a) / 2 for n, a in area.items()}
    texts = label_texts(dataset, g, width=LABEL_WIDTH if graph == "actors" else 2 * LABEL_WIDTH)
    dated = graph == "events" and layout in ("auto", "dated")
    if dated:
        links = {a: sorted(g.successors(a)) for a in actors}
        pos = two_columns(actors, [n for n in g if n not in links], links)
        texts = fit_columns(ax, pos, texts, actors, max(radius.values()))
    else:
        pos = layout_positions(weighted(g, selection.ties), layout, aspect=_aspect(ax))
        _fit(ax, pos)
    markers = {n: marker_of(g, n) for n in g}
    draw_ties(ax, selection.ties, pos)
    _, points, ends = draw_edges(ax, edges, pos, area, markers)
    draw_nodes(ax, g, pos, look.nodes, markers, selection.center)
    draw_labels(ax, g, pos, radius, texts, points, ends, prefer_sides=dated)
    what = "Actors and the events they took part in" if graph == "events" else "Who met whom, and who acted on whom"
    period = period_label(events)
    subtitle = " · ".join(filter(None, (
        what, "states and organisations" if level == "state" else "people, groups and states",
        f"events {period}" if period else "events of unknown date",
        around and f"within {depth} step{'s' * (depth > 1)} of {g.nodes[selection.center]['name']}",
        relations and "only " + ", ".join(style.relation_label(r).split(" (")[0].lower() for r in relations),
    )))
    _draw_texts(figure, title or dataset.title or "Who deals with whom", subtitle,
                [omitted(selection), sources_line(dataset, events)])
    return figure


def _check(dataset: Dataset, level: str, graph: str, layout: str, relations: Iterable[str] | None,
           around: str | None, depth: int, max_actors: int, max_edges: int, size: tuple | None,
           dpi: float) -> tuple[str, ...] | None:
    """Fail early, naming the parameter, on a value that has no meaning; return the relations as a tuple."""
    for name, value, choices in (("level", level, LEVELS), ("graph", graph, GRAPHS), ("layout", layout, GRAPH_LAYOUTS)):
        if value not in choices:
            raise GraphError(f"unknown {name} '{value}'{hint(str(value), choices)}")
    if layout == "dated" and graph != "events":
        raise GraphError("the dated layout orders events by date; use it with --graph events (graph='events')")
    for name, value, least in (("depth", depth, 1), ("max_actors", max_actors, 2), ("max_edges", max_edges, 1)):
        if not isinstance(value, int) or value < least:
            raise GraphError(f"{name}={value!r}: give a whole number of at least {least}")
    if not isinstance(dpi, int | float) or not 10 <= dpi <= 1200:
        raise GraphError(f"dpi={dpi!r}: give a number from 10 to 1200")
    if size is not None:
        if len(size) != 2 or not all(isinstance(v, int | float) for v in size):
            raise GraphError(f"size={size!r}: give (width, height) in inches")
        if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1] or max(size) > MAX_SIZE:
            raise GraphError(f"size=({size[0]:g}, {size[1]:g}) inches cannot hold the graph and its key; give at "
                             f"least {MIN_SIZE[0]:g} × {MIN_SIZE[1]:g} and at most {MAX_SIZE:g} a side")
    if around is not None:
        find_actor(dataset, around)
    return check_relations(relations)


def _default_size(g: object, graph: str) -> tuple[float, float]:
    if graph == "events":
        actors = sum(kind == "actor" for _, kind in g.nodes(data="node_type"))
        rows = max(actors, len(g) - actors)
        return 12.0, max(6.0, 0.26 * rows + 2.2)
    return (11.0, 7.5) if len(g) <= 20 else (13.0, 9.0) if len(g) <= 40 else (15.0, 10.5)


def _frame(size: tuple[float, float], dpi: int, parts: list[Section], grow: bool) -> tuple[Figure, Axes]:
    """A figure with the plot on the left and the key on the right, drawn; if ``grow``, as tall as the key needs."""
    w, h = size
    while True:
        figure = Figure(figsize=(w, h), dpi=dpi)
        FigureCanvasAgg(figure)
        plot_h = h - FRAME_TOP - FRAME_BOTTOM
        ax = figure.add_axes((MARGIN / w, FRAME_BOTTOM / h, (w - KEY_WIDTH - 2 * MARGIN) / w, plot_h / h))
        key = figure.add_axes(((w - KEY_WIDTH) / w, FRAME_BOTTOM / h, (KEY_WIDTH - MARGIN) / w, plot_h / h))
        for axes in (ax, key):
            axes.set_axis_off()
        needed = draw_key(figure, key, parts)
        if not grow or needed <= plot_h + 0.01:
            return figure, ax
        h += max(needed - plot_h, 0.05)


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


def _draw_texts(figure: Figure, title: str, subtitle: str, footer: list[str | None]) -> None:
    w, h = figure.get_size_inches()
    figure.text(MARGIN / w, 1 - 0.22 / h, shorten(printable(title), int((w - 2 * MARGIN) * 72 / 8)),
                fontsize=style.TITLE_SIZE, fontweight="bold", va="top", gid="title", parse_math=False)
    figure.text(MARGIN / w, 1 - 0.55 / h, textwrap.fill(subtitle, int((w - 2 * MARGIN) * 72 / (10 * 0.55))),
                fontsize=10, color=style.MUTED, va="top", gid="subtitle", parse_math=False)
    lines = [textwrap.fill(printable(line), int(w * 72 / (style.FOOTER_SIZE * 0.55))) for line in footer if line]
    figure.text(MARGIN / w, 0.15 / h, "\n".join(lines), fontsize=style.FOOTER_SIZE, color=style.MUTED, va="bottom",
                gid="footer", parse_math=False)


def omitted(selection: Selection) -> str:
    """'Not shown: 3 less active actors (Lavrov, Peskov and Rubio); ...', or ''."""
    hidden, unlinked = selection.hidden_actors, selection.unlinked
    parts = [count(len(hidden), "less active actor") + (f" ({named_list(hidden)})" if hidden else ""),
             count(selection.hidden_edges, "relation", "with fewer events"),
             count(selection.hidden_events, "event", "with fewer actors"),
             count(len(unlinked), "actor", "with no relation to another")
             + (f" ({named_list(unlinked)})" if unlinked else "")]
    parts = [p for p in parts if p]
    return f"Not shown: {'; '.join(parts)}." if parts else ""
