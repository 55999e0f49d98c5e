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
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from timeline.errors import NothingToShow, UserError
from timeline.model import Dataset
from timeline.negotiation import PlanVersion
from timeline.positions import find_plan
from timeline.render import style
from timeline.render.axis import date_axis
from timeline.render.files import image_format, save_image
from timeline.render.frame import Frame, wrap_lane
from timeline.render.labels import display_name
from timeline.render.lineage_arrows import Arrow, Point, arrow_ends, crosses, spread_anchors
from timeline.render.lineage_ticks import no_ticks_after, thin_ticks
from timeline.render.spans import TimeScale, time_scale
from timeline.render.text import quiet_glyphs

WIDTH = 11.0            # inches
BOX = (1.6, 1.0)        # inches: a version's box (NARROW_BOX on a chart under NARROW inches wide)
NARROW, NARROW_BOX = 8.0, (1.3, 1.0)
RISE = 0.2              # inches from a lane up to its boxes
LINE = 0.12             # inches per line of who said what above a box (a tier above leaves room for them)
SPACE = 0.18            # inches between boxes, room for an arrow
ANCHOR_STEP = 0.2       # inches between arrow ends that would meet at one point
LABEL_FROM = 2.6        # inches: a shorter arrow is named by the key only
NUDGE = 0.6             # inches a box may move off its day before it is raised a tier
TICK_ROOM = 0.5         # inches at least from one date tick to the next
MARGIN_DAYS = 7         # days kept at full scale around each version when the axis is shortened
NAME_CHARS, BY_CHARS, SAID_CHARS = 20, 28, 36   # characters per line: name, drafters, responses
#: How each relation is drawn: colour, dash, and its words read from the earlier version. Ink and grey only: the
#: palette's colours mean event families and stances (:mod:`timeline.palette`, :mod:`timeline.stance_colors`).
RELATIONS = {
    "supersedes": (style.INK, "-", "superseded by"),
    "amends": (style.INK, (0, (5, 2)), "amended by"),
    "answers": (style.MUTED, (0, (1.5, 1.5)), "answered by"),
}
RESPONSE_WORDS = {"accepted_as_basis": "basis", "open_to": "open\u00a0to"}   # short words, never broken inside


class ChartError(UserError):
    """Parameters that cannot give a lineage chart."""


@dataclass(frozen=True)
class Node:
    """A version to draw: its plan, names, day, points recorded (``None``: none), points it is said to have
    (``stated``: from a name such as "20-point framework" or the highest point number; ``None``: unknown) and
    what was said of it."""

    version: str
    plan: str
    name: str
    start: datetime
    end: datetime
    date_label: str
    points: int | None
    stated: int | None
    drafted_by: tuple[str, ...]
    responses: tuple[tuple[str, str], ...]   # (actor's name, response words), in date order


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
    said = [(_name(dataset, r.actor), RESPONSE_WORDS.get(r.response, r.response.replace("_", " ")))
            for r in sorted(version.responses, key=lambda r: (r.date.sort_key() if r.date else (datetime.max,), r.actor))
            if r.response != "drafted"]
    return Node(version.id, plan, version.name or version.id, start, end, span.label(), points, stated,
                tuple(_name(dataset, a) for a in version.drafted_by), tuple(dict.fromkeys(said)))


def place(nodes: Sequence[Node], x_of: dict[str, float], left: float, right: float, size: Point = BOX
          ) -> dict[str, tuple[float, int]]:
    """Each box's centre (inches) and tier (0 nearest the lane) in one lane: at its day, or nudged at most
    :data:`NUDGE` aside, in the lowest tier where it overlaps no other box; never past ``left`` or
    ``right``. ``x_of``: each version's day in inches."""
    half = size[0] / 2
    placed: dict[str, tuple[float, int]] = {}
    for node in sorted(nodes, key=lambda n: (x_of[n.version], n.version)):
        day = x_of[node.version]
        tries = [min(max(day + d, left + half), right - half) for d in (0, NUDGE / 2, -NUDGE / 2, NUDGE, -NUDGE)]
        tier = 0
        while True:
            free = [x for x in tries if all(t != tier or abs(x - other) >= size[0] + SPACE
                                            for other, t in placed.values())]
            if free:
                placed[node.version] = (free[0], tier)
                break
            tier += 1
    return placed


def said_lines(node: Node, size: Point = BOX) -> list[str]:
    """Who said what about the version, on the lines drawn above its box (fewer characters on a narrow box)."""
    smaller = int(size[0] < BOX[0])
    said = "; ".join(f"{actor}: {words}" for actor, words in node.responses)
    return _lines(said, SAID_CHARS - 6 * smaller, 3 + smaller) if said else []


def tier_step(nodes: Sequence[Node], places: dict[str, tuple[float, int]], size: Point = BOX) -> float:
    """Inches from one tier of a lane's boxes to the next: a box, and room for the most lines said above a
    box below the top tier."""
    top = max(places[n.version][1] for n in nodes)
    lines = max((len(said_lines(n, size)) for n in nodes if places[n.version][1] < top), default=0)
    return size[1] + 0.08 + LINE * lines


def lane_height(nodes: Sequence[Node], places: dict[str, tuple[float, int]], size: Point = BOX) -> float:
    """Inches a lane needs for its boxes in their tiers, with room for the words above the top ones."""
    top = max(places[n.version][1] for n in nodes)
    lines = max((len(said_lines(n, size)) for n in nodes if places[n.version][1] == top), default=0)
    return RISE + size[1] + top * tier_step(nodes, places, size) + (0.1 + LINE * lines if lines else 0.06)


def draw_node(ax: Axes, node: Node, x: float, y: float, day: tuple[float, float], lane_y: float,
              leader: bool = True, size: Point = BOX) -> list[Artist]:
    """A version's box with its bottom centre at (``x``, ``y``) inches, its dot (or bar, for a span) on the
    lane at ``day`` (inches), the leader between them (unless ``leader`` is false: a box stands in the way), and
    who said what above the box."""
    w, h = size
    smaller = 1.0 if w < BOX[0] else 0.0          # a narrow box: every text a point smaller, lines as long
    box = FancyBboxPatch((x - w / 2, y), w, h, boxstyle="round,pad=0,rounding_size=0.06", facecolor="white",
                         edgecolor=style.INK, lw=1.0, gid=f"version:{node.version}", zorder=3)
    ax.add_patch(box)
    lines = _lines(node.name, NAME_CHARS, 2)
    name = ax.text(x, y + h - (0.07 if len(lines) > 1 else 0.14), "\n".join(lines), ha="center", va="top",
                   fontweight="bold", fontsize=style.FONT["size"] - 0.5 - smaller, linespacing=1.1, parse_math=False,
                   zorder=4)
    when = ax.text(x, y + 0.42, f"{node.date_label}\n{points_words(node)}", ha="center", va="center",
                   linespacing=1.2, fontsize=style.FONT["size"] - 1.5 - smaller, parse_math=False, zorder=4)
    by = ax.text(x, y + 0.06, _drafters(node.drafted_by), ha="center", va="bottom", linespacing=1.15,
                 fontsize=style.FONT["size"] - 2 - smaller, color=style.MUTED, parse_math=False, zorder=4)
    mid = (day[0] + day[1]) / 2
    tie = ax.plot([mid, leader_foot(mid, x, w)], [lane_y, y], color=style.MUTED, lw=0.6, zorder=2) if leader else []
    mark = ax.plot([day[0], max(day[1], day[0] + 0.03)], [lane_y, lane_y], color=style.INK, lw=3.2,
                   solid_capstyle="round", zorder=3)[0]
    above = ax.text(x, y + h + 0.05, "\n".join(said_lines(node, size)), ha="center",
                    va="bottom", fontsize=style.FONT["size"] - 2 - smaller, color=style.INK, linespacing=1.25,
                    parse_math=False, zorder=7, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5,
                                                      "alpha": 0.9})
    return [box, name, when, by, *tie, mark, above]


def leader_foot(day: float, x: float, width: float) -> float:
    """Where a box of ``width`` centred at ``x`` meets the leader to its ``day`` (inches): straight above the day
    where the day lies under the box, else the nearest point of the box's bottom."""
    return min(max(day, x - width / 2 + 0.08), x + width / 2 - 0.08)


def points_words(node: Node) -> str:
    """'28 points'; '20 points, 19 recorded' where fewer are on record than the version has; 'points not
    recorded' (with their number when known: '19 points, none recorded')."""
    if not node.points:
        return f"{node.stated} points, none recorded" if node.stated else "points not recorded"
    if node.stated and node.stated > node.points:
        return f"{node.stated} points, {node.points} recorded"
    return f"{node.points} point{'s' * (node.points != 1)}"


def draw_edge(ax: Axes, edge: Edge, start: tuple[float, float], end: tuple[float, float],
              bend: float = 0.0) -> list[Artist]:
    """An arrow from the earlier version's box (``start``, inches) to the later one's (``end``), bent by
    ``bend`` (matplotlib's arc3 ``rad``) and labelled where it is long enough to hold its words (the key
    names it otherwise)."""
    color, dash, words = RELATIONS.get(edge.relation, (style.MUTED, "-", edge.relation))
    arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=9, color=color, lw=1.2, linestyle=dash,
                            connectionstyle=f"arc3,rad={bend}", shrinkA=1, shrinkB=1, zorder=5,
                            gid=f"edge:{edge.source}:{edge.relation}:{edge.target}")
    ax.add_patch(arrow)
    artists: list[Artist] = [arrow]
    if ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5 > LABEL_FROM:
        lift = -bend * abs(end[0] - start[0]) / 2
        artists.append(ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + lift, words, ha="center", va="center",
                               fontsize=style.FONT["size"] - 1.5, color=color, fontstyle="italic", zorder=6,
                               bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8}))
    return artists


def draw_lineage(dataset: Dataset, plans: Sequence[str] | None = None, *, title: str | None = None,
                 width: float = WIDTH) -> Figure:
    """The lineage chart as a matplotlib Figure; what was drawn is on ``figure.lineage`` (a :class:`Lineage`).

    Raises :class:`ChartError` for an unknown plan or a width under 6 inches,
    :class:`~timeline.errors.NothingToShow` for a dataset without plan versions.
    """
    if width < 6:
        raise ChartError(f"width={width:g} inches is too narrow for a lineage chart; give 6 or more")
    lineage = select_lineage(dataset, plans)
    if not lineage.nodes:
        raise NothingToShow("no plan versions to draw")
    style.apply_defaults()
    figure = Figure(figsize=(width, 4), dpi=100)
    FigureCanvasAgg(figure)
    frame = Frame(figure, [name for _, name in lineage.lanes])
    frame.header(title or "How the plans changed hands", _subtitle(lineage), [_key()])
    frame.footnote("Each box stands above its day on the plan's lane (raised a tier where versions crowd); above "
                   "it, who said what about the version.")
    scale = time_scale([(mdates.date2num(n.start) - MARGIN_DAYS, mdates.date2num(n.end) + MARGIN_DAYS)
                        for n in lineage.nodes])
    if scale.breaks:
        spans = "; ".join(f"{mdates.num2date(a):%b} – {mdates.num2date(b):%b %Y}" for a, b in scale.breaks)
        frame.footnote(f"Hatched: the axis is shortened where no version falls ({spans}).")
    size = NARROW_BOX if width < NARROW else BOX
    places = _layout(lineage, scale, frame.axes_width, size)
    heights = {plan: lane_height([n for n in lineage.nodes if n.plan == plan], places, size) for plan, _ in lineage.lanes}
    ax = frame.axes(frame.fixed_height + sum(heights.values()))
    _draw(ax, lineage, scale, places, heights, size)
    figure.lineage = lineage
    return figure


def _layout(lineage: Lineage, scale: TimeScale, width_in: float, size: Point) -> dict[str, tuple[float, int]]:
    """Each version's box centre (inches from the axes' left) and tier in its lane."""
    u0, u1 = scale.units[0], scale.units[-1]
    places: dict[str, tuple[float, int]] = {}
    for plan, _ in lineage.lanes:
        mine = [n for n in lineage.nodes if n.plan == plan]
        x_of = {n.version: float((scale.forward(mdates.date2num(n.start + (n.end - n.start) / 2)) - u0)
                                 / (u1 - u0) * width_in) for n in mine}
        places |= place(mine, x_of, 0.0, width_in, size)
    return places


def _draw(ax: Axes, lineage: Lineage, scale: TimeScale, places: dict[str, tuple[float, int]],
          heights: dict[str, float], size: Point) -> list[Artist]:
    """Lanes and the date axis on ``ax``; boxes, dots and arrows on an overlay measured in inches."""
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
    lanes, top = {}, height_in
    for plan, _ in lineage.lanes:
        top -= heights[plan]
        lanes[plan] = top + 0.12
    ax.set_yticks(list(lanes.values()), [wrap_lane(name) for _, name in lineage.lanes])
    for label in ax.get_yticklabels():
        label.set_fontweight("bold")
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
    for node in lineage.nodes:
        x, tier = places[node.version]
        day = (inches(node.start) + inches(node.end)) / 2
        blocked = any(crosses((day, lanes[node.plan]), (leader_foot(day, x, size[0]), corners[node.version][1]),
                              corners[n.version], size)
                      for n in lineage.nodes if n.plan == node.plan and n is not node)
        artists += draw_node(over, node, *corners[node.version], (inches(node.start), inches(node.end)),
                             lanes[node.plan], leader=not blocked, size=size)
    for lane_y in lanes.values():
        artists.append(ax.axhline(lane_y, color=style.GRID, lw=1.2, zorder=0))
    arrows: list[Arrow] = []
    node = {n.version: n for n in lineage.nodes}
    for edge in lineage.edges:
        early, late = corners[edge.target], corners[edge.source]
        between = early[1] == late[1] and [c for c in corners.values() if c[1] == early[1] and min(
            early[0], late[0]) < c[0] < max(early[0], late[0])]
        if between:   # over the boxes in between, from top to top
            start, end = (early[0], early[1] + size[1]), (late[0], late[1] + size[1])
            arrows.append((edge, start, end, -0.3 if start[0] < end[0] else 0.3))
        else:
            clear = [_said_half_width(node[edge.target], size), _said_half_width(node[edge.source], size)]
            arrows.append((edge, *arrow_ends(early, late, [c for c in corners.values() if c not in (early, late)],
                                             size, width_in, clear)))
    for edge, start, end, bend in spread_anchors(arrows, list(corners.values()), size, ANCHOR_STEP):
        artists += draw_edge(over, edge, start, end, bend)
    return artists


def _said_half_width(node: Node, size: Point) -> float:
    """Inches from the centre of the words said above a box to their end (0.043 in a character), and a margin."""
    lines = said_lines(node, size)
    return 0.043 * max(map(len, lines)) / 2 + 0.05 if lines else 0.0


def _key() -> list[tuple[object, str]]:
    return [(Line2D([], [], color=color, ls=dash, lw=1.4), words.capitalize())
            for color, dash, words in RELATIONS.values()]


def _subtitle(lineage: Lineage) -> str:
    plans = len(lineage.lanes)
    return (f"{len(lineage.nodes)} versions of {plans} plan{'s' * (plans != 1)}, "
            f"{len(lineage.edges)} relation{'s' * (len(lineage.edges) != 1)} between them")


def _lines(text: str, width: int, most: int) -> list[str]:
    """``text`` on at most ``most`` lines of ``width`` characters, cut at words; what is left out ends in '…'."""
    lines = textwrap.wrap(text, width, break_long_words=False)
    if len(lines) > most:
        lines = [*lines[:most - 1], lines[most - 1].rstrip(";,") + " …"]
    return lines


def _drafters(names: Sequence[str], width: int = BY_CHARS) -> str:
    """'by A, B' on at most two lines of ``width`` characters; names that do not fit are counted ('+2 more'),
    never cut inside a name."""
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        text = "by " + ", ".join(names[:shown]) + (f" +{rest} more" if rest else "")
        lines = textwrap.wrap(text, width, break_long_words=False)
        if len(lines) <= 2:
            return "\n".join(lines)
    return f"by {len(names)} actors" if names else ""


def render_lineage(dataset: Dataset, path: str | Path, plans: Sequence[str] | None = None, *, dpi: float = 200,
                   force: bool = False, **options: object) -> Path:
    """Draw the lineage chart and save it as PNG, SVG or PDF by the extension of ``path``; return the path."""
    image_format(path, force)
    figure = draw_lineage(dataset, plans, **options)
    with quiet_glyphs():
        save_image(figure, path, dpi, force)
    return Path(path)


def _name(dataset: Dataset, actor: str) -> str:
    found = dataset.actors.get(actor)
    return display_name(found) if found else actor
