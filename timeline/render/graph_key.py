"""The key of an actor graph drawing: one legend per thing the drawing encodes, and nothing it does not draw."""
from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Collection
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
from timeline.render.graph_edges import PLANNED_ALPHA, TOGETHER, Edge, rail_width, rails
from timeline.render.graph_names import actor_name
from timeline.render.markers import legend_size

#: Characters per line of a key's label: the key column is 2.5 inches wide.
KEY_LABEL = 28


class Section(NamedTuple):
    """One legend: its title and (handle, label) entries."""

    name: str
    title: str
    entries: list[tuple[object, str]]
    columns: int = 1


def sections(dataset: Dataset, g: nx.MultiDiGraph, colors: dict[str, str], edges: list[Edge],
             sizes: tuple[float, float], ties: Collection[str], paired: bool = False, grouped: bool = False) -> list[Section]:
    """The legends the drawing needs, top to bottom; none for what it does not show. ``paired``: one line per
    pair (a state-level drawing, whose table gives the relations); ``grouped``: each side's people in a circle.
    Every key draws its marks as the drawing does: the area key in the shape most nodes take."""
    own = all(side == n for n, side in g.nodes(data="side") if side)
    shapes = Counter(style.KIND_MARKERS[k].marker for _, k in g.nodes(data="kind") if k in style.KIND_MARKERS)
    marker = shapes.most_common(1)[0][0] if shapes else "o"        # the shape most actors are drawn in
    out = [side_section(dataset, colors, own, marker), kind_section(g)]
    if any(kind == "event" for _, kind in g.nodes(data="node_type")):
        out += [type_section(g), role_section(edges), size_section(g, sizes, marker)]
    elif paired:
        out += [pair_section(edges), size_section(g, sizes, marker),
                width_section([e for e in edges if e.count], "Width: meetings")]
    else:
        out += [relation_section(edges, ties, grouped), size_section(g, sizes, marker), width_section(edges)]
    return [s for s in out if s]


def dot(face: object, edge: str, marker: str = "o", size: float = 8.0) -> Line2D:
    return Line2D([], [], linestyle="none", marker=marker, markersize=size, markerfacecolor=face,
                  markeredgecolor=edge, markeredgewidth=1.2)


def line(color: str, width: float = 1.5, directed: bool = False, dash: object = "-",
         alpha: float = 1.0, head: str = "-|>") -> FancyArrowPatch:
    return FancyArrowPatch((0, 0), (1, 0), arrowstyle=head if directed else "-", color=color, linewidth=width,
                           linestyle=dash, mutation_scale=7 + 2 * width, alpha=alpha)


def side_section(dataset: Dataset, colors: dict[str, str], own: bool = False, marker: str = "o") -> Section:
    """Each side's colour by the side's name in the data (two columns past five); the sides past the palette
    in one grey entry, named unless ``own`` (every side is a node, labelled on the map); each in ``marker``, the
    shape most nodes are drawn in."""
    def name(side: str) -> str:
        return actor_name(dataset.actors[side]) if side in dataset.actors else side   # as its node is named

    named = [(s, c) for s, c in colors.items() if c != style.OTHER_SIDE]
    columns = 2 if len(named) > 5 else 1
    size = legend_size(8, marker)
    entries = [(dot(c, "white", marker, size), textwrap.fill(name(s), KEY_LABEL - 12 if columns == 2 else KEY_LABEL - 2))
               for s, c in named]
    others = [name(s) for s, c in colors.items() if c == style.OTHER_SIDE]
    if others:
        words = "Other sides (named on the map)" if own else f"Others: {', '.join(sorted(others))}"
        entries.append((dot(style.OTHER_SIDE, "white", marker, size), textwrap.fill(words, KEY_LABEL - 12 if columns == 2
                                                                       else KEY_LABEL - 2)))
    return Section("side", "Colour: side", entries, columns)


def kind_section(g: nx.MultiDiGraph) -> Section:
    used = {kind for _, kind in g.nodes(data="kind") if kind}
    return Section("kind", "Shape: kind of actor", [
        (dot("white", style.INK, m.marker, legend_size(8, m.marker)), m.label)
        for kind, m in style.KIND_MARKERS.items() if kind in used])


def pair_section(edges: list[Edge]) -> Section:
    """The state-level lines: met (its width the meetings), dealt with each other only at a distance (dotted),
    only planned (faint); each as drawn."""
    entries = [(line(style.PAIR_COLOR, width=2.0), "Met, called or visited")]
    distant = [e for e in edges if not e.count and not e.dashed]
    if distant:
        entries.append((line(style.PAIR_COLOR, width=distant[0].width, dash=distant[0].dash),
                        textwrap.fill("Never met (other dealings only)", KEY_LABEL - 8)))
    if any(e.dashed for e in edges):
        entries.append((line(style.PAIR_COLOR, width=2.0, alpha=PLANNED_ALPHA), "Only planned so far (faint)"))
    return Section("relation", "Line: one a pair", entries)


def relation_section(edges: list[Edge], ties: Collection[str], grouped: bool = False) -> Section:
    """The relations drawn, each as drawn; ``ties``: the kinds of actor membership ties join people to."""
    used = {e.key: e for e in edges}
    used |= {e.key: e for e in edges if e.directed}       # a family is drawn directed if any of its lines is
    order = [*RELATION_FAMILIES, *ACTOR_RELATIONS, *sorted(set(used) - set(ACTOR_RELATIONS) - set(RELATION_FAMILIES))]
    entries = [(line(used[r].color, directed=used[r].directed, dash=used[r].dash,
                     head=RELATION_FAMILIES[r].head if r in RELATION_FAMILIES else "-|>"),
                textwrap.fill(style.relation_label(r), KEY_LABEL)) for r in order if r in used]
    together = [e for e in edges if e.key == TOGETHER and not e.directed]
    if together:                # drawn as two rails: done together (judged round 13: the proposals' dashes, headless)
        double = line(together[0].color, width=rail_width(together[0].width))
        double.set_path_effects(rails(together[0]))
        double.set_capstyle("butt")                             # square ends, as the lines drawn
        words = "Agreed or acted together (double line, no arrow)"
        if used[TOGETHER].directed:
            entries.append((double, textwrap.fill(words, KEY_LABEL)))
        else:                   # no proposal drawn: the family's entry is the double line
            entries[[r for r in order if r in used].index(TOGETHER)] = (double, textwrap.fill(words, KEY_LABEL))
    planned = [e for e in edges if e.dashed]
    if planned:                 # drawn as the chart draws the first of them: its family's dash and head, faint
        look = RELATION_FAMILIES.get(planned[0].key)
        entries.append((line(planned[0].color, alpha=PLANNED_ALPHA, dash=planned[0].dash, directed=planned[0].directed,
                             head=look.head if look else "-|>"), "Planned, not yet happened (faint)"))
    if ties:
        entries.append((Line2D([], [], color=style.MEMBERSHIP_COLOR, linewidth=style.MEMBERSHIP_WIDTH,
                               solid_capstyle="round"), textwrap.fill(member_words(ties), KEY_LABEL) if grouped
                        else "Member of (person to their side)"))
    if grouped:
        entries.append((dot("#EEEEEE", style.MUTED, "o", 12), textwrap.fill(
            "Circle: a side and its people (square: the state)", KEY_LABEL)))
    return Section("relation", "Relation", entries)


#: What a membership tie joins a person to, by the kind of actor at its end.
MEMBER_OF = {"group": "delegation", "organization": "organisation", "state": "state", "person": "person"}


def member_words(kinds: Collection[str]) -> str:
    """The key's words for membership ties to actors of ``kinds`` (:data:`timeline.render.style.KIND_MARKERS`'
    keys), naming each kind drawn: 'Member of (person to delegation or organisation)' (judged round 13: the key said
    delegation of a tie to the Ministry of Defence)."""
    nouns = sorted({MEMBER_OF.get(k, k) for k in kinds}, key=list(MEMBER_OF.values()).index)
    return f"Member of (person to {' or '.join(nouns)})"


def size_section(g: nx.MultiDiGraph, sizes: tuple[float, float], marker: str = "o") -> Section:
    """Marker areas for the least, the middle and the most active actor, in the shape most actors are drawn in
    (squares for states), as large as the drawing makes them."""
    activity = sorted({a for _, a in g.nodes(data="activity") if a is not None})
    low, high = sizes

    def diameter(a: int) -> float:
        return math.sqrt(low + (high - low) * a / activity[-1])

    middle = min(activity, key=lambda a: abs(diameter(a) - (diameter(activity[0]) + diameter(activity[-1])) / 2))
    samples = [activity[0], activity[-1]]
    if diameter(middle) > 1.3 * diameter(activity[0]) and diameter(activity[-1]) > 1.3 * diameter(middle):
        samples.insert(1, middle)            # a middle size only where it looks apart from both ends
    return Section("size", "Area: events per actor", [
        (dot(style.OTHER_SIDE, style.MUTED, marker, legend_size(diameter(a), marker)), f"{a:,}")
        for a in sorted(set(samples))],
        columns=len(set(samples)))


def width_section(edges: list[Edge], title: str = "Width: events per relation") -> Section | None:
    """Line widths drawn for the fewest and the most events behind a line, and one between if it looks apart
    from both (1.5 points or more), in the colour most of the lines wear (judged round 8: a black key beside grey
    lines); ``None`` for no lines."""
    if not edges:
        return None
    color = Counter(edge.color for edge in edges).most_common(1)[0][0]
    widths = {}
    for edge in edges:
        widths.setdefault(edge.width, edge.count)
    ordered = sorted(widths)
    samples = [ordered[0], ordered[-1]]
    middle = min(ordered, key=lambda w: abs(w - (ordered[0] + ordered[-1]) / 2))
    if middle - ordered[0] >= 1.5 and ordered[-1] - middle >= 1.5:
        samples.insert(1, middle)
    samples = sorted(set(samples))
    return Section("width", title, [(Line2D([], [], color=color, linewidth=w, solid_capstyle="butt"),
                                     f"{widths[w]:,}") for w in samples], columns=len(samples))


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
    """Draws a legend entry as the line it stands for, with its head (filled or open) at its end if it points."""

    def legend_artist(self, legend: object, handle: FancyArrowPatch, fontsize: float, box: object) -> object:
        w, h = box.width, box.height
        plain = FancyArrowPatch((-box.xdescent, h / 2), (w, h / 2), arrowstyle="-", transform=box.get_transform())
        plain.update_from(handle)
        plain.set_arrowstyle("-")
        box.add_artist(plain)
        if type(handle.get_arrowstyle()).__name__ != "Curve":
            filled = type(handle.get_arrowstyle()).__name__ == "CurveFilledB"
            head = FancyArrowPatch((w - 6, h / 2), (w, h / 2), arrowstyle="-|>" if filled else "->",
                                   mutation_scale=handle.get_mutation_scale() + 3, transform=box.get_transform(),
                                   color=handle.get_edgecolor(), linewidth=0 if filled else 1.3)
            box.add_artist(head)
            return head
        return plain


def draw_key(figure: Figure, key: Axes, parts: list[Section], columns: int = 1,
             column_width: float = 0.0, top: float = 0.0) -> list[float]:
    """Stack the legends from ``top`` inches below the top of the key axes, each in the column least filled so far
    (``columns`` of ``column_width`` inches); return the height each column takes from the axes' top, in inches."""
    renderer = figure.canvas.get_renderer()
    height = key.get_window_extent(renderer).height
    width = key.get_window_extent(renderer).width
    gap = 14 * figure.dpi / 72
    tops = [1.0 - top * figure.dpi / height] * columns
    for section in parts:
        column = tops.index(max(tops))
        top = tops[column]
        handles, labels = zip(*section.entries)
        tallest = max((h.get_markersize() for h in handles if isinstance(h, Line2D)), default=0)
        legend = Legend(key, handles, labels, title=section.title, loc="upper left",
                        bbox_to_anchor=(column * column_width * figure.dpi / width, top),
                        alignment="left", frameon=False, fontsize=8, title_fontsize=9, borderaxespad=0,
                        handlelength={"width": 3.4, "relation": 4.0}.get(section.name, 2.6), ncols=section.columns,
                        handler_map={FancyArrowPatch: ArrowHandler()},
                        columnspacing=1.2, **({"handleheight": tallest / 8 + 0.5, "labelspacing": 1.0} if tallest > 12
                                              else {"handleheight": 0.7, "labelspacing": 0.55}))
        legend.get_title().set_fontweight("bold")
        legend.set_gid(f"legend:{section.name}")
        key.add_artist(legend)
        tops[column] = top - (legend.get_window_extent(renderer).height + gap) / height
    return [max(((1 - top) * height - gap) / figure.dpi, 0.0) for top in tops]
