"""The key of an actor graph drawing: one legend per thing the drawing encodes, and nothing it does not draw."""
from __future__ import annotations

import math
import textwrap
from typing import NamedTuple

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from timeline.graph import ACTOR_RELATIONS
from timeline.model import ROLES, Dataset
from timeline.palette import RELATION_FAMILIES
from timeline.render import style
from timeline.render.graph_draw import Edge, tint
from timeline.render.markers import legend_size
from timeline.render.text import clip, printable

#: Characters per line of a key's label: the key column is 2.5 inches wide.
KEY_LABEL = 28


class Section(NamedTuple):
    """One legend: its title and (handle, label) entries."""

    name: str
    title: str
    entries: list[tuple[object, str]]
    columns: int = 1


def sections(dataset: Dataset, g: nx.MultiDiGraph, colors: dict[str, str], edges: list[Edge],
             sizes: tuple[float, float], ties: bool) -> list[Section]:
    """The legends the drawing needs, top to bottom; none for what it does not show."""
    own_sides = all(side == n for n, side in g.nodes(data="side") if side)   # at state level the names say it all
    out = [None if own_sides else side_section(dataset, colors), kind_section(g)]
    if any(kind == "event" for _, kind in g.nodes(data="node_type")):
        out += [type_section(g), role_section(edges), size_section(g, sizes)]
    else:
        out += [relation_section(edges, ties), size_section(g, sizes), width_section(g)]
    return [s for s in out if s]


def dot(face: object, edge: str, marker: str = "o", size: float = 8.0) -> Line2D:
    return Line2D([], [], linestyle="none", marker=marker, markersize=size, markerfacecolor=face,
                  markeredgecolor=edge, markeredgewidth=1.2)


def line(color: str, width: float = 1.5, directed: bool = False, dash: object = "-") -> FancyArrowPatch:
    return FancyArrowPatch((0, 0), (1, 0), arrowstyle="-|>" if directed else "-", color=color, linewidth=width,
                           linestyle=dash, mutation_scale=7 + 2 * width)


def side_section(dataset: Dataset, colors: dict[str, str]) -> Section:
    named = [(s, c) for s, c in colors.items() if c != style.OTHER_SIDE]
    entries = [(dot(tint(c), c), textwrap.fill(printable(clip(dataset.actors[s].name, 60)), 26)) for s, c in named]
    if len(named) < len(colors):
        entries.append((dot(tint(style.OTHER_SIDE), style.OTHER_SIDE), f"{len(colors) - len(named)} other sides"))
    return Section("side", "Side (state or organisation)", entries)


def kind_section(g: nx.MultiDiGraph) -> Section:
    used = {kind for _, kind in g.nodes(data="kind") if kind}
    return Section("kind", "Kind of actor", [
        (dot(tint(m.color), m.color, m.marker, legend_size(8, m.marker)), m.label)
        for kind, m in style.KIND_MARKERS.items() if kind in used])


def relation_section(edges: list[Edge], ties: bool) -> Section:
    used = {e.key: e for e in edges}
    used |= {e.key: e for e in edges if e.directed}       # a family is drawn directed if any of its lines is
    order = [*RELATION_FAMILIES, *ACTOR_RELATIONS, *sorted(set(used) - set(ACTOR_RELATIONS) - set(RELATION_FAMILIES))]
    entries = [(line(used[r].color, directed=used[r].directed, dash=used[r].dash),
                textwrap.fill(style.relation_label(r), KEY_LABEL)) for r in order if r in used]
    if any(e.dashed for e in edges):
        entries.append((line(style.MUTED, dash=(0, (2, 2))), "Planned, not yet happened (faint)"))
    if ties:
        entries.append((line(style.MEMBERSHIP_COLOR, width=1.0, dash=(0, (1, 2))), "Belongs to (person → side)"))
    return Section("relation", "Relation", entries)


def size_section(g: nx.MultiDiGraph, sizes: tuple[float, float]) -> Section:
    """Marker areas for the least, the middle and the most active actor."""
    activity = sorted({a for _, a in g.nodes(data="activity") if a is not None})
    low, high = sizes
    samples = sorted({activity[0], activity[len(activity) // 2], activity[-1]})
    return Section("size", "Area: events per actor", [
        (dot(tint(style.MUTED), style.MUTED, size=math.sqrt(low + (high - low) * a / activity[-1])), f"{a:,}")
        for a in samples], columns=len(samples))


def width_section(g: nx.MultiDiGraph) -> Section:
    """Line widths for the fewest and the most events behind a relation."""
    counts = sorted({c for *_, c in g.edges(data="count")})
    samples = sorted({counts[0], counts[len(counts) // 2], counts[-1]})
    return Section("width", "Width: events per relation", [
        (Line2D([], [], color=style.MUTED, linewidth=style.edge_width(c, counts[-1])), f"{c:,}") for c in samples],
        columns=len(samples))


def type_section(g: nx.MultiDiGraph) -> Section:
    used = {d["type"] for _, d in g.nodes(data=True) if d["node_type"] == "event"}
    entries = [(dot(m.color, m.color, m.marker, legend_size(7, m.marker)), m.label)
               for t, m in style.EVENT_MARKS.items() if t in used]
    unheld = sorted({d["status"] for _, d in g.nodes(data=True) if d["node_type"] == "event"}
                    - set(style.HELD_STATUSES))
    if unheld:
        entries.append((dot("white", style.MUTED, "o", 7),
                        "Not held: " + ", ".join(style.status_look(s).label.split(" (")[0].lower() for s in unheld)))
    return Section("type", "Event", entries)


def role_section(edges: list[Edge]) -> Section:
    used = {e.key for e in edges}
    order = [*ROLES, *sorted(used - set(ROLES))]
    return Section("role", "Role in the event", [
        (line(style.ROLE_COLORS.get(r, style.OTHER_ROLE), dash=(0, (4, 2)) if r == "mentioned" else "-"),
         r.replace("_", " ").capitalize()) for r in order if r in used])


class ArrowHandler:
    """Draws a legend entry as the line it stands for, with a head at its middle if it points."""

    def legend_artist(self, legend: object, handle: FancyArrowPatch, fontsize: float, box: object) -> object:
        w, h = box.width, box.height
        plain = FancyArrowPatch((-box.xdescent, h / 2), (w, h / 2), arrowstyle="-", transform=box.get_transform())
        plain.update_from(handle)
        plain.set_arrowstyle("-")
        box.add_artist(plain)
        if type(handle.get_arrowstyle()).__name__ != "Curve":
            head = FancyArrowPatch((w / 2 - 3, h / 2), (w / 2 + 3, h / 2), arrowstyle="-|>",
                                   mutation_scale=handle.get_mutation_scale(), transform=box.get_transform(),
                                   color=handle.get_edgecolor(), linewidth=0)
            box.add_artist(head)
            return head
        return plain


def draw_key(figure: Figure, key: Axes, parts: list[Section]) -> float:
    """Stack the legends at the top of the key column; return the height they take, in inches."""
    renderer = figure.canvas.get_renderer()
    height = key.get_window_extent(renderer).height
    gap = 14 * figure.dpi / 72
    top = 1.0
    for section in parts:
        handles, labels = zip(*section.entries)
        tallest = max((h.get_markersize() for h in handles if isinstance(h, Line2D)), default=0)
        legend = Legend(key, handles, labels, title=section.title, loc="upper left", bbox_to_anchor=(0, top),
                        alignment="left", frameon=False, fontsize=8, title_fontsize=9, borderaxespad=0,
                        handlelength=2.6, handler_map={FancyArrowPatch: ArrowHandler()}, ncols=section.columns,
                        columnspacing=1.2, **({"handleheight": tallest / 8 + 0.5, "labelspacing": 1.0} if tallest > 12
                                              else {"handleheight": 0.7, "labelspacing": 0.55}))
        legend.get_title().set_fontweight("bold")
        legend.set_gid(f"legend:{section.name}")
        key.add_artist(legend)
        top -= (legend.get_window_extent(renderer).height + gap) / height
    return ((1 - top) * height - gap) / figure.dpi
