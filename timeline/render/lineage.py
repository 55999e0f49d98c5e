"""The plan lineage chart: plan versions as boxes in a lane per plan, placed by date, and their relations.

Each version sits above a dot on its plan's lane at the day it was put
forward (a bar for a date known to a span); where versions crowd, boxes
move aside and a leader line keeps them tied to their day. Relations run
forward in time, from the earlier version to the later one, labelled as the
later one's act read backwards: "superseded by", "amended by", "answered
by". Under each box, who said what about the version. Selection
(:func:`select_lineage`) is apart from drawing (:func:`draw_lineage`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from timeline.errors import NothingToShow, UserError
from timeline.model import Dataset
from timeline.negotiation import PlanVersion, response_words
from timeline.positions import find_plan
from timeline.render import style
from timeline.render.axis import date_axis
from timeline.render.files import image_format, save_image
from timeline.render.frame import Frame, wrap_lane
from timeline.render.graph_names import actor_name
from timeline.render.lineage_arrows import (
    BESIDE,
    Arrow,
    Point,
    apart_from_leaders,
    arrow_ends,
    spread_anchors,
    up_the_right,
)
from timeline.render.lineage_boxes import (
    BOX,
    BY_LINE,
    NARROW,
    NARROW_BOX,
    SAID_SIZE,
    TAB_PAD,
    Node,
    byline,
    draw_node,
    leader_route,
    left_out_note,
    merged_responses,
    points_words,
    said_lines,
)
from timeline.render.lineage_names import holding, others, put_forward_by
from timeline.render.lineage_place import goes_round, lane_height, place, tier_step
from timeline.render.lineage_ticks import no_ticks_after, thin_ticks
from timeline.render.spans import TimeScale, time_scale
from timeline.render.text import text_width

WIDTH = 11.0            # inches
RISE = 0.12             # inches from a lane up to its boxes
BAND = "#f6f6f6"        # the tint of every other lane's band
LANE_GAP = 0.25         # inches from a lane down to the band below it (room for an arrow to the lane below)
AXIS_GAP = 0.12         # inches from the lowest lane down to the date axis
ANCHOR_STEP = 0.2       # inches between arrow ends that would meet at one point
TICK_ROOM = 0.5         # inches at least from one date tick to the next
MARGIN_DAYS = 7         # days kept at full scale around each version when the axis is shortened
#: How each relation is drawn: colour, dash, and its words read from the earlier version. Ink and grey only: the
#: palette's colours mean event families and stances (:mod:`timeline.palette`, :mod:`timeline.stance_colors`).
RELATIONS = {
    "supersedes": (style.INK, "-", "superseded by"),
    "amends": (style.INK, (0, (5, 2)), "amended by"),
    "answers": (style.MUTED, (0, (1.5, 1.5)), "answered by"),
}


class ChartError(UserError):
    """Parameters that cannot give a lineage chart."""


@dataclass(frozen=True)
class Edge:
    """A relation as the data gives it: ``source`` supersedes, amends or answers ``target``."""

    source: str
    relation: str
    target: str


@dataclass(frozen=True)
class Lineage:
    """The lanes (plan id, plan name) top to bottom, the nodes and the edges to draw."""

    lanes: tuple[tuple[str, str], ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def select_lineage(dataset: Dataset, plans: Sequence[str] | None = None) -> Lineage:
    """The versions of ``plans`` (default all), with every version they relate to or that relates to them,
    and the relations among those. Lanes are ordered by each plan's first version. Plans are named by id, name
    or alias (:func:`timeline.positions.find_plan`); raises :class:`~timeline.errors.UserError` for an unknown
    one."""
    known = dataset.plans
    plans = list(dict.fromkeys(find_plan(dataset, name).id for name in plans)) if plans else None
    owner = {v.id: p for p in known.values() for v in p.versions}
    version = {v.id: v for p in known.values() for v in p.versions}
    chosen = {v.id for pid in (plans or known) for v in known[pid].versions}
    links = [Edge(v.id, rel, target) for v in version.values() for rel, target in v.relations
             if target in version]
    chosen |= {e.target for e in links if e.source in chosen} | {e.source for e in links if e.target in chosen}
    nodes = sorted((_node(dataset, version[v], owner[v].id) for v in chosen), key=lambda n: (n.start, n.version))
    lanes = list(dict.fromkeys(n.plan for n in nodes))
    return Lineage(tuple((p, known[p].name) for p in lanes), tuple(nodes),
                   tuple(e for e in links if e.source in chosen and e.target in chosen))


def _node(dataset: Dataset, version: PlanVersion, plan: str) -> Node:
    span = version.date
    end = span.end or span.start + timedelta(days=1)
    start = span.start or end - timedelta(days=1)
    points = len(version.points) if version.points else None
    numbers = [int(p.number) for p in version.points if str(p.number).isdigit()]
    named = re.search(r"\b(\d+)-point\b", version.name or "")     # "20-point framework", not "to the 28 points"
    stated = max([int(named.group(1))] if named else [], default=None) or max(numbers, default=None)
    said = [(_name(dataset, r.actor), response_words(r.response))
            for r in sorted(version.responses, key=lambda r: (r.date.sort_key() if r.date else (datetime.max,), r.actor))
            if r.response != "drafted"]
    drafters = others(dataset, [r.actor for r in version.responses if r.response == "drafted"], version.drafted_by)
    joined = others(dataset, put_forward_by(dataset, version), drafters)[len(drafters):]
    holds = holding(dataset, version, [*drafters, *joined])
    return Node(version.id, plan, version.name or version.id, start, end, span.label(), points, stated,
                tuple(_name(dataset, a) for a in drafters), merged_responses(said),
                tuple(_name(dataset, a) for a in joined), tuple(_name(dataset, a) for a in holds))


def draw_edge(ax: Axes, edge: Edge, start: tuple[float, float], end: tuple[float, float],
              bend: float = 0.0) -> list[Artist]:
    """An arrow from the earlier version's box (``start``, inches) to the later one's (``end``), bent by
    ``bend`` (matplotlib's arc3 ``rad``); the key names every kind (no arrow carries words of its own: some
    are too short to, and one labelled among unlabelled ones reads as the only one of its kind)."""
    color, dash, _ = RELATIONS.get(edge.relation, (style.MUTED, "-", edge.relation))
    arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=9, color=color, lw=1.2, linestyle=dash,
                            connectionstyle=f"arc3,rad={bend}", shrinkA=1, shrinkB=1, zorder=5,
                            gid=f"edge:{edge.source}:{edge.relation}:{edge.target}")
    ax.add_patch(arrow)
    return [arrow]


def draw_lineage(dataset: Dataset, plans: Sequence[str] | None = None, *, title: str | None = None,
                 width: float = WIDTH, height: float | None = None) -> Figure:
    """The lineage chart as a matplotlib Figure; what was drawn is on ``figure.lineage`` (a :class:`Lineage`).

    ``height``: the most inches the figure may take (default: as tall as its
    lanes need); spare room goes to the lanes, up to half an inch each.
    Raises :class:`ChartError` for a width under 6 inches or a height the
    lanes do not fit, :class:`~timeline.errors.UserError` for an unknown
    plan, :class:`~timeline.errors.NothingToShow` for a dataset without plan
    versions.
    """
    if width < 6:
        raise ChartError(f"width={width:g} inches is too narrow for a lineage chart; give 6 or more")
    lineage = select_lineage(dataset, plans)
    if not lineage.nodes:
        raise NothingToShow("no plan versions to draw")
    style.apply_defaults()
    size = NARROW_BOX if width < NARROW else (BOX[0] * min(1.25, width / WIDTH), BOX[1])   # wider on a slide
    taller = (size[0], size[1] + BY_LINE)      # a byline's third line where it spares a footnote (judge14)
    if any(byline(n, size)[1] and not byline(n, taller)[1] for n in lineage.nodes):
        try:
            return _drawn(lineage, title, width, height, taller)
        except ChartError:                    # no room for it: the names left out go to the footnote
            pass
    return _drawn(lineage, title, width, height, size)


def _drawn(lineage: Lineage, title: str | None, width: float, height: float | None, size: Point) -> Figure:
    """:func:`draw_lineage` with boxes of ``size`` (inches)."""
    figure = Figure(figsize=(width, 4), dpi=100)
    FigureCanvasAgg(figure)
    frame = Frame(figure, [name for _, name in lineage.lanes])
    frame.header(title or "How the plans changed hands", _subtitle(lineage), [_key(lineage)])
    scale = time_scale([(mdates.date2num(n.start) - MARGIN_DAYS, mdates.date2num(n.end) + MARGIN_DAYS)
                        for n in lineage.nodes])
    places, round_ = _layout(lineage, scale, frame.axes_width, size, _tab_halves(figure, lineage.nodes, size))
    frame.footnote("Each box points down to its day, the dot on the plan's lane"
                   + (", or a grey line leads there where versions crowd" if round_ else "")
                   + " (a box is raised a tier where versions crowd; its width is not a span of time); on the grey tab "
                   "joined to its top, who said what about the version.")
    spans = "; ".join(f"{mdates.num2date(a):%-d %b} – {mdates.num2date(b):%-d %b %Y}" for a, b in scale.breaks)
    last = [f"Hatched: the axis is shortened where no version falls ({spans})." * bool(spans),
            left_out_note(lineage.nodes, size)]         # one line: a slide has no room for another
    if any(last):
        frame.footnote("  ".join(filter(None, last)))
    lanes = {plan: lane_height([n for n in lineage.nodes if n.plan == plan], places, size, RISE)
             for plan, _ in lineage.lanes}
    needed = frame.fixed_height + sum(lanes.values()) + AXIS_GAP
    gap = LANE_GAP if height is None or len(lanes) == 1 else min(LANE_GAP, (height - needed) / (len(lanes) - 1))
    needed += max(gap, AXIS_GAP) * (len(lanes) - 1)   # less room between lanes where the size asks for it
    if height is not None and needed > height + 1e-9:
        raise ChartError(f"the lineage of {len(lineage.nodes)} versions needs {needed:.1f} inches at {width:g} inches "
                         f"wide; give a taller size, a wider one, or fewer plans")
    gaps = {plan: max(gap, AXIS_GAP) for plan, _ in lineage.lanes[:-1]} | {lineage.lanes[-1][0]: AXIS_GAP}
    heights = {plan: lanes[plan] + gaps[plan] for plan in lanes}
    spare = min(0.5, (height - needed) / len(heights)) if height is not None else 0.0
    heights = {plan: tall + spare for plan, tall in heights.items()}
    ax = frame.axes(frame.fixed_height + sum(heights.values()))
    _draw(ax, lineage, scale, places, (heights, gaps), size)
    figure.lineage = lineage
    return figure


def _layout(lineage: Lineage, scale: TimeScale, width_in: float, size: Point, halves: dict[str, float]
            ) -> tuple[dict[str, tuple[float, int]], list[str]]:
    """Each version's box centre (inches from the axes' left) and tier in its lane (``halves``: the half widths of
    the tabs of responses, :func:`_tab_halves`), and the versions whose leader goes round a box
    (:func:`~timeline.render.lineage_place.goes_round`)."""
    u0, u1 = scale.units[0], scale.units[-1]
    breaks = [tuple(float((scale.forward(d) - u0) / (u1 - u0) * width_in) for d in b) for b in scale.breaks]
    places: dict[str, tuple[float, int]] = {}
    round_: list[str] = []
    for plan, _ in lineage.lanes:
        mine = [n for n in lineage.nodes if n.plan == plan]
        x_of = {n.version: float((scale.forward(mdates.date2num(n.start + (n.end - n.start) / 2)) - u0)
                                 / (u1 - u0) * width_in) for n in mine}
        places |= place(mine, x_of, 0.0, width_in, size, breaks, halves)
        round_ += goes_round(mine, x_of, places, size)
    return places, round_


def _draw(ax: Axes, lineage: Lineage, scale: TimeScale, places: dict[str, tuple[float, int]],
          bands: tuple[dict[str, float], dict[str, float]], size: Point) -> list[Artist]:
    """Lanes and the date axis on ``ax``; boxes, dots and arrows on an overlay measured in inches. ``bands``: each
    lane's band height and the room under its line (inches)."""
    heights, gaps = bands
    fig = ax.figure
    bbox = ax.get_position()
    width_in, height_in = bbox.width * fig.get_figwidth(), bbox.height * fig.get_figheight()
    artists = date_axis(ax, scale)
    no_ticks_after(ax, max(mdates.date2num(n.end) for n in lineage.nodes) + MARGIN_DAYS - 1)
    thin_ticks(ax, scale, width_in, TICK_ROOM)
    u0, u1 = scale.units[0], scale.units[-1]

    def inches(day: datetime) -> float:
        return float((scale.forward(mdates.date2num(day)) - u0) / (u1 - u0) * width_in)

    ax.set_ylim(0, height_in)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    lanes, band_tops, top = {}, [], height_in
    for plan, _ in lineage.lanes:
        band_tops.append(top - 0.02)
        top -= heights[plan]
        lanes[plan] = top + gaps[plan]
    ax.set_yticks(band_tops, [wrap_lane(name) for _, name in lineage.lanes])   # a lane's name at the top of its band
    for label in ax.get_yticklabels():
        label.set_fontweight("bold")
        label.set_verticalalignment("top")
    ax.tick_params(axis="y", length=0)
    over = fig.add_axes(bbox.bounds, label="lineage", facecolor="none")
    over.set_xlim(0, width_in)
    over.set_ylim(0, height_in)
    over.set_axis_off()
    corners, steps = {}, {plan: tier_step([n for n in lineage.nodes if n.plan == plan], places, size)
                          for plan, _ in lineage.lanes}
    for node in lineage.nodes:
        x, tier = places[node.version]
        corners[node.version] = (x, lanes[node.plan] + RISE + tier * steps[node.plan])
    detours: dict[str, int] = {}       # leaders gone round a box, by lane: the lower boxes' first, innermost
    downs: list[tuple[float, float, float]] = []     # each leader's straight runs down: x, from y, to y (inches)
    for node in sorted(lineage.nodes, key=lambda n: places[n.version][1]):
        day = (inches(node.start) + inches(node.end)) / 2
        when = (day, day) if node.end - node.start <= timedelta(days=1) else (inches(node.start), inches(node.end))
        others = [corners[n.version] for n in lineage.nodes if n.plan == node.plan and n is not node]
        leader = leader_route(day, lanes[node.plan], corners[node.version], others, size, RISE,
                              detours.get(node.plan, 0))
        detours[node.plan] = detours.get(node.plan, 0) + (len(leader) > 2)
        downs += [(a[0], min(a[1], b[1]), max(a[1], b[1])) for a, b in zip(leader, leader[1:]) if a[0] == b[0]]
        artists += draw_node(over, node, *corners[node.version], when, lanes[node.plan], leader, size=size)
    for n, (lane_y, top) in enumerate(zip(lanes.values(), band_tops)):
        artists.append(ax.axhline(lane_y, color=style.GRID, lw=1.2, zorder=0))
        if n % 2:       # every other band tinted, so that a box reads as part of its own lane's band
            artists.append(ax.axhspan(lane_y - gaps[lineage.lanes[n][0]], top + 0.02, color=BAND, lw=0, zorder=-1))
    arrows: list[Arrow] = []
    tabs = tab_half_widths(over)
    for edge in lineage.edges:
        early, late = corners[edge.target], corners[edge.source]
        between = early[1] == late[1] and [c for c in corners.values() if c[1] == early[1] and min(
            early[0], late[0]) < c[0] < max(early[0], late[0])]
        if between:   # over the boxes in between, from top to top
            start, end = (early[0], early[1] + size[1]), (late[0], late[1] + size[1])
            arrows.append((edge, start, end, -0.3 if start[0] < end[0] else 0.3))
        else:
            clear = [tabs.get(edge.target, 0.0), tabs.get(edge.source, 0.0)]
            arrows.append((edge, *arrow_ends(early, late, [c for c in corners.values() if c not in (early, late)],
                                             size, width_in, clear, downs)))
    _keep_apart(over, arrows, downs, corners, tabs, (size, width_in))
    for edge, start, end, bend in spread_anchors(arrows, list(corners.values()), size, ANCHOR_STEP):
        artists += draw_edge(over, edge, start, end, bend)
    return artists


def _keep_apart(over: Axes, arrows: list[Arrow], downs: Sequence[tuple[float, float, float]],
                corners: dict[str, Point], tabs: dict[str, float], sizes: tuple[Point, float]) -> None:
    """Each of ``arrows`` that runs straight down beside a leader (``downs``: x, from y, to y) moved
    :func:`apart_from_leaders`, with the tab of the box it ends on; an arrow that leaves that box's top where the
    tab moves to goes up its right side instead (:func:`up_the_right`); none moves where that cannot be.
    ``corners``: each version's box by its bottom centre; ``sizes``: the boxes' size and the chart's width."""
    size, width = sizes
    for i, (edge, start, end, bend) in enumerate(arrows):
        low, high = sorted((start[1], end[1]))
        version = next((v for v, (x, y) in corners.items() if abs(y + size[1] - low) < 1e-6
                        and abs(x - start[0]) < size[0] / 2), None)
        upper = next((x for x, y in corners.values() if abs(y - high) < 1e-6 and abs(x - start[0]) < size[0] / 2),
                     None)
        leaders = [x for x, y0, y1 in downs if min(y1, high) - max(y0, low) >= BESIDE]
        if start[0] != end[0] or version is None or upper is None or not (moved := apart_from_leaders(
                start[0], (upper, corners[version][0]), leaders, size, tabs.get(version, 0.0))):
            continue
        mid = corners[version][0] + moved[1]
        span = mid - tabs.get(version, 0.0) - 0.03, mid + tabs.get(version, 0.0) + 0.03
        others = {j: (corners[e.target], corners[e.source]) for j, (e, a, b, _) in enumerate(arrows)
                  if j != i and any(abs(p[1] - low) < 1e-6 and span[0] < p[0] < span[1] for p in (a, b))}
        routes = {j: up_the_right(*pair, [c for c in corners.values() if c not in pair], size, width, downs)
                  for j, pair in others.items()}
        if None in routes.values():
            continue
        arrows[i] = (edge, (moved[0], start[1]), (moved[0], end[1]), bend)
        for j, route in routes.items():
            arrows[j] = (arrows[j][0], *route)
        for text in over.texts:
            if text.get_gid() == f"said:{version}":
                text.set_x(text.get_position()[0] + moved[1])


def _tab_halves(figure: Figure, nodes: Sequence[Node], size: Point) -> dict[str, float]:
    """Inches from each version's centre to the side of its tab of responses as it will be drawn (none without)."""
    renderer, font = figure.canvas.get_renderer(), FontProperties(size=SAID_SIZE)
    return {n.version: text_width(renderer, "\n".join(lines), font) / figure.dpi / 2 + TAB_PAD / 72
            for n in nodes if (lines := said_lines(n, size))}


def tab_half_widths(over: Axes) -> dict[str, float]:
    """Each version's tab of responses as drawn on ``over``: inches from its centre to its edge, and a margin."""
    renderer = over.figure.canvas.get_renderer()
    return {t.get_gid()[5:]: t.get_window_extent(renderer).width / over.figure.dpi / 2 + TAB_PAD / 72 + 0.04
            for t in over.texts if (t.get_gid() or "").startswith("said:")}


def _key(lineage: Lineage) -> list[tuple[object, str]]:
    """A key entry for each kind of relation drawn, in :data:`RELATIONS`' order: a key lists only what is drawn
    (judge11: "Answered by" was keyed when no version answered another)."""
    drawn = {edge.relation for edge in lineage.edges}
    return [(Line2D([], [], color=color, ls=dash, lw=1.4), words.capitalize())
            for relation, (color, dash, words) in RELATIONS.items() if relation in drawn]


def _subtitle(lineage: Lineage) -> str:
    plans = len(lineage.lanes)
    return (f"{len(lineage.nodes)} versions of {plans} plan{'s' * (plans != 1)}, "
            f"{len(lineage.edges)} relation{'s' * (len(lineage.edges) != 1)} between them")


def render_lineage(dataset: Dataset, path: str | Path, plans: Sequence[str] | None = None, *, dpi: float = 200,
                   force: bool = False, **options: object) -> Path:
    """Draw the lineage chart and save it as PNG, SVG or PDF by the extension of ``path``; return the path."""
    image_format(path, force)
    figure = draw_lineage(dataset, plans, **options)
    save_image(figure, path, dpi, force)
    return Path(path)


def _name(dataset: Dataset, actor: str) -> str:
    """The actor's name as every chart gives it ('US', 'UK': :func:`timeline.render.graph_names.actor_name`)."""
    found = dataset.actors.get(actor)
    return actor_name(found) if found else actor


__all__ = ["ChartError", "Edge", "Lineage", "Node", "draw_edge", "draw_lineage", "lane_height", "place", "tier_step",
           "points_words", "render_lineage", "select_lineage"]
