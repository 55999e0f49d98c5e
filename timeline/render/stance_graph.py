"""``timeline render graph --graph positions``: actors and issues as nodes, each actor's current stance as an edge.

Actors stand in a column on the left, issues on the right (an issue's parts
indented under it, as in the positions chart); an edge joins an actor to an
issue where the actor's latest stance on it holds at the end of the record,
coloured as the positions chart colours stances (:mod:`timeline.stance_colors`)
and wider at the scale's ends; a stance others attribute to the actor is
dashed. The graph is :func:`timeline.export.negotiation.position_graph`, the
one the GEXF, GraphML and Cytoscape exports write.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path as FilePath

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from timeline.errors import NothingToShow
from timeline.export.negotiation import ISSUE_NODE, position_graph
from timeline.model import Dataset, Event
from timeline.render import style
from timeline.render.files import image_format, save_image
from timeline.render.stance_rows import ChartError, issue_order
from timeline.render.text import quiet_glyphs
from timeline.stance_colors import stance_colors

SIZE = (9.0, 7.0)      # inches
MOST = 40              # actors, and issues: more would not be legible in one column


def draw_stance_graph(dataset: Dataset, events: Iterable[Event] | None = None, *, title: str | None = None,
                      size: tuple[float, float] | None = None) -> Figure:
    """The figure of actors, issues and current stances; the drawn edges are on ``figure.stances`` as (actor id,
    issue id, stance id, claimed) tuples. Raises :class:`~timeline.errors.NothingToShow` without positions."""
    graph = position_graph(dataset, events)
    current = [(u, v[len(ISSUE_NODE):], d["stance"], bool(d["claimed_by"]))
               for u, v, d in graph.edges(data=True) if d.get("relation") == "stance" and d["until"] is None]
    if not current:
        raise NothingToShow("no positions to draw as a graph")
    held = {c[1] for c in current}
    if len(held) > MOST or len({c[0] for c in current}) > MOST:
        raise ChartError(f"{len({c[0] for c in current}):,} actors and {len(held):,} issues do not fit a graph of "
                         f"stances (at most {MOST} of each); narrow the events (--since, --until), or draw "
                         "'timeline render positions --issues ...'")
    style.apply_defaults()
    width, height = size or SIZE
    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.02, 0.1, 0.96, 0.76))
    ax.set_axis_off()
    actors = sorted({a for a, *_ in current}, key=lambda a: (-sum(c[0] == a for c in current), a))
    issues = [i for i in issue_order(dataset) if i in held]
    at = {a: (0.28, 1 - (k + 0.5) / len(actors)) for k, a in enumerate(actors)}
    at |= {ISSUE_NODE + i: (0.62, 1 - (k + 0.5) / len(issues)) for k, i in enumerate(issues)}
    colors = stance_colors(dataset.stances)
    values = {s.id: abs(s.value) for s in dataset.stances}
    for actor, issue, stance, claimed in sorted(current, key=lambda c: values.get(c[2], 0)):
        ax.add_patch(stance_edge(at[actor], at[ISSUE_NODE + issue], color=colors[stance],
                                 lw=0.8 + 0.6 * values.get(stance, 0), ls=(0, (3, 2)) if claimed else "-",
                                 gid=f"stance:{actor}:{issue}:{stance}" + ":claimed" * claimed))
    for actor in actors:
        ax.plot(*at[actor], "o", ms=9, color=style.INK, zorder=3)
        ax.text(at[actor][0] - 0.02, at[actor][1], graph.nodes[actor].get("name", actor), ha="right", va="center",
                fontweight="bold", fontsize=style.FONT["size"], parse_math=False)
    for issue in issues:
        node = graph.nodes[ISSUE_NODE + issue]
        ax.plot(*at[ISSUE_NODE + issue], "s", ms=7, color="white", mec=style.INK, mew=1.2, zorder=3)
        label = ("– " if node.get("parent") else "") + node["name"]
        ax.text(at[ISSUE_NODE + issue][0] + 0.02, at[ISSUE_NODE + issue][1], label, ha="left", va="center",
                fontsize=style.FONT["size"], parse_math=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    figure.text(0.02, 0.97, title or "Where each side stands now, issue by issue", fontsize=style.TITLE_SIZE,
                fontweight="bold", va="top")
    last = date.fromisoformat(max(d["since"] for *_, d in graph.edges(data=True) if d.get("relation") == "stance"))
    figure.text(0.02, 0.92, f"Each actor's latest stance on each issue (dashed: as others claim it), "
                f"as of the last position recorded, {last.day} {last:%b %Y}", fontsize=style.FONT["size"], color=style.MUTED,
                va="top")
    shown = [s for s in sorted(dataset.stances, key=lambda s: -s.value) if any(c[2] == s.id for c in current)]
    handles = [Line2D([], [], color=colors[s.id], lw=0.8 + 0.6 * abs(s.value)) for s in shown]
    handles += [Line2D([], [], color=style.MUTED, lw=1.2, ls=(0, (3, 2))),
                Line2D([], [], ls="none", marker="o", ms=7, color=style.INK),
                Line2D([], [], ls="none", marker="s", ms=6, color="white", mec=style.INK, mew=1.2)]
    figure.legend(handles, [s.label for s in shown] + ["As others claim it", "Actor", "Issue (– a part)"],
                  loc="lower center", ncols=-(-len(handles) // 2), frameon=False, fontsize=style.FONT["size"] - 1)
    figure.stances = current
    return figure


def stance_edge(start: tuple[float, float], end: tuple[float, float], **look: object) -> PathPatch:
    """An S-curve from ``start`` to ``end`` (data coordinates), level at both ends so that edges leaving one node
    fan out instead of crossing at it."""
    middle = (start[0] + end[0]) / 2
    path = Path([start, (middle, start[1]), (middle, end[1]), end], [Path.MOVETO, Path.CURVE4, Path.CURVE4,
                                                                     Path.CURVE4])
    return PathPatch(path, facecolor="none", edgecolor=look.pop("color"), capstyle="butt", zorder=1, **look)


def render_stance_graph(dataset: Dataset, path: str | FilePath, events: Iterable[Event] | None = None, *,
                        force: bool = False, dpi: int = 200, **options: object) -> FilePath:
    """Draw :func:`draw_stance_graph` and save it as PNG, SVG or PDF by the extension of ``path``."""
    image_format(path, force)
    figure = draw_stance_graph(dataset, events, **options)
    with quiet_glyphs():
        save_image(figure, path, dpi, force)
    return FilePath(path)
