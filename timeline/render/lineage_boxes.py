"""A version's box on the lineage chart: what it says, and the leader that ties it to its day.

The box reads from the top: the version's name; its date and how many points
it has (and, on a line of their own, how many of them the dataset records);
who drafted it. What others said of it ("Russia rejected it") stands on a
grey tab joined to the box's top, so that every response reads as part of
the box of the version it is about. Responses are acts on a version, worded
as such ("proposed changes"), never as a stance ("Rejects") or as a
relation between versions ("amended by"). Lengths are in inches.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import FancyBboxPatch, Polygon

from timeline.render import style
from timeline.render.lineage_arrows import Point, crosses

BOX = (1.6, 0.9)        # inches: a version's box without responses (NARROW_BOX on a chart under NARROW inches wide)
NARROW, NARROW_BOX = 8.0, (1.3, 0.9)
LINE = 0.122            # inches per line of responses on the tab above a box
TAB_PAD = 2.0           # points between the responses and the edge of their tab
SAID_SIZE = 7.0         # points: the responses' type at every width (6.5 pt is the least a printed chart may use)
THEN = ", then "        # between the acts of one actor on one version, in date order
NAME_CHARS, BY_CHARS, SAID_CHARS = 20, 28, 29   # characters per line: name, drafters, responses
DETOUR_STEP = 0.07      # inches between two leaders that go round boxes in one lane (0.035 read as a double line)
CLEAR = 0.25            # inches from a box to a leader that goes round it (round 8: 0.09, read as the box's frame)
SLANT = 0.15            # inches under its box where a leader that went round another turns to slant up to it
NOTCH = (0.07, 0.06)    # inches: the width and depth of the notch under a box that points at its day
LEADER = "#b3b3b3"      # a leader's grey: lighter and thinner than any arrow between versions, so never read as one
MOST_SAID = 3           # lines of responses at most (judge14: a tab of 5 was the tallest element)
BY_LINE = 0.12          # inches a byline's line takes (7 pt at 1.15 line spacing, and a pixel or two)
OTHERS = "others\u2020"  # a byline's last words where its names do not all fit: the footnote names them
#: Each response (:data:`timeline.negotiation.RESPONSES`) as what the actor did with the version.
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
    joined: tuple[str, ...] = ()             # who else put it forward (its event's acting actors), by name
    holding: tuple[str, ...] = ()            # the groups of those two that hold others named there ("other ...")


def merged_responses(said: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(actor, words) pairs in date order as one clause per actor ("Ukraine was open to it, then took it as a
    basis"), and actors who did the same as one subject ("Ukraine's European allies and Ukraine proposed
    changes"): no actor is named twice on a version's tab."""
    acts: dict[str, list[str]] = {}
    for actor, words in said:
        if words not in acts.setdefault(actor, []):
            acts[actor].append(words)
    same: dict[str, list[str]] = {}
    for actor, words in acts.items():
        same.setdefault(THEN.join(words), []).append(actor)
    return tuple((_and(actors), words) for words, actors in same.items())


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def said_lines(node: Node, size: Point = BOX) -> list[str]:
    """Who said what about the version, on at most :data:`MOST_SAID` lines of the tab above its box (fewer
    characters in a narrow box); two-word responses ("rejected it") are never broken inside. A group's owner is
    not named twice ("Ukraine's European allies" after Ukraine: "European allies"); where the acts still need
    more lines, each actor's last act alone ("Ukraine took it as a basis", not "was open to it, then took it as
    a basis": judge14 read round 14's five-line tab as the chart's tallest element); what still does not fit
    ends in "…" (a tab wider than its box would run into the arrows along the box's sides)."""
    width = int(SAID_CHARS * size[0] / BOX[0])
    named: list[str] = []
    clauses = []
    for actor, words in node.responses:
        owner, _, noun = actor.partition("'s ")
        clauses.append(((noun if noun and owner in named else actor), words.split(THEN)))
        named.append(actor)
    lines: list[str] = []
    for last in (False, True):
        said = "; ".join(f"{actor} {THEN.join(_kept(w) for w in (acts[-1:] if last else acts))}"
                         for actor, acts in clauses)
        lines = textwrap.wrap(said, width, break_long_words=False)
        if len(lines) <= MOST_SAID:
            return lines
    return _lines(said, width, MOST_SAID) if lines else []


def said_height(node: Node, size: Point = BOX) -> float:
    """Inches the tab of responses takes above the box (0 without responses)."""
    lines = len(said_lines(node, size))
    return LINE * lines + 2 * TAB_PAD / 72 if lines else 0.0


def draw_node(ax: Axes, node: Node, x: float, y: float, day: tuple[float, float], lane_y: float,
              leader: list[Point], size: Point = BOX) -> list[Artist]:
    """A version's box of ``size`` with its bottom centre at (``x``, ``y``), its dot (or bar, for a span) on the
    lane at ``day``, and the ``leader`` (points from the day up to the box) between them; a notch under the box
    where the leader runs straight up from the day, none where it goes round another box."""
    w, h = size
    smaller = 1.0 if w < BOX[0] else 0.0          # a narrow box: every text a point smaller, lines as long
    box = FancyBboxPatch((x - w / 2, y), w, h, boxstyle="round,pad=0,rounding_size=0.06", facecolor="white",
                         edgecolor=style.INK, lw=1.0, gid=f"version:{node.version}", zorder=3)
    ax.add_patch(box)
    lines = _lines(node.name, NAME_CHARS, 2)
    name = ax.text(x, y + h - (0.07 if len(lines) > 1 else 0.14), "\n".join(lines), ha="center", va="top",
                   fontweight="bold", fontsize=style.FONT["size"] - 0.5 - smaller, linespacing=1.1, parse_math=False,
                   zorder=4)
    words = points_words(node)
    apart = "\n" if len(f"{node.date_label} · {words.splitlines()[0]}") > BY_CHARS else " · "   # a line the box holds
    when = ax.text(x, y + 0.41 + h - BOX[1], f"{node.date_label}{apart}{words}", ha="center", va="center",
                   linespacing=1.2, fontsize=style.FONT["size"] - 1.5 - smaller, parse_math=False, zorder=4)
    by = ax.text(x, y + 0.06, byline(node, size)[0], ha="center", va="bottom", linespacing=1.15,
                 fontsize=max(style.LEAST_TYPE, style.FONT["size"] - 2 - smaller), color=style.MUTED, parse_math=False, zorder=4)
    artists: list[Artist] = [box, name, when, by]
    if said := said_lines(node, size):         # a tab on the box's top edge, as wide as its words
        artists.append(ax.text(x, y + h + TAB_PAD / 72, "\n".join(said), ha="center", va="bottom", linespacing=1.25,
                               fontsize=SAID_SIZE, color=style.INK, parse_math=False,
                               zorder=4, gid=f"said:{node.version}",
                               bbox={"boxstyle": f"round,pad={TAB_PAD / SAID_SIZE:.2f},"
                                     "rounding_size=0.4", "facecolor": "#F0F0F0", "edgecolor": style.INK,
                                     "linewidth": 0.6}))
    if leader:
        xs, ys = zip(*leader)
        artists += ax.plot(xs, ys, color=LEADER, lw=0.5, zorder=2, gid=f"leader:{node.version}")
        if len(leader) == 2 and abs(xs[0] - xs[-1]) < 1e-6:   # a notch only straight over the day (judge10: a
            artists += notch(ax, xs[-1], y, node.version)     # notch at the end of a detour pointed at 10 Nov)
    artists.append(ax.plot([day[0], max(day[1], day[0] + 0.03)], [lane_y, lane_y], color=style.INK, lw=3.2,
                           solid_capstyle="round", zorder=3)[0])
    return artists


def notch(ax: Axes, x: float, y: float, version: str) -> list[Artist]:
    """A notch under the box whose bottom is at ``y``, its tip :data:`NOTCH` under ``x``, where the leader meets
    the box: the box points at its day, so that its width does not read as a span of time (round 8)."""
    (w, d), ink = NOTCH, {"color": style.INK, "lw": 1.0, "zorder": 3.5, "solid_capstyle": "round"}
    fill = Polygon([(x - w / 2, y + 0.005), (x + w / 2, y + 0.005), (x, y - d)], closed=True, facecolor="white",
                   edgecolor="none", zorder=3.4, gid=f"notch:{version}")
    ax.add_patch(fill)
    return [fill, *ax.plot([x - w / 2, x, x + w / 2], [y, y - d, y], **ink)]


def leader_foot(day: float, x: float, width: float) -> float:
    """Where a box of ``width`` centred at ``x`` meets the leader to its ``day`` (inches): straight above the day
    where the day lies under the box, else the nearest point of the box's bottom."""
    return min(max(day, x - width / 2 + 0.08), x + width / 2 - 0.08)


def leader_route(day: float, lane_y: float, corner: Point, others: Sequence[Point], size: Point,
                 rise: float, detour: int = 0) -> list[Point]:
    """The leader from a version's ``day`` on its lane up to its box (bottom centre ``corner``): straight where no
    other box (``others``) stands in the way; else down under the lane's line (never along the bottom of the
    boxes, ``rise`` over the lane: round 8's leader ran round the 28-point draft like a frame), along it to
    :data:`CLEAR` beside the box in the way (its left, unless the right is much nearer: the arrows between versions
    run forward, on the right), up, and slanting to its own box, never behind a box. ``detour``: how many leaders
    of the lane already went round a box; each further one runs :data:`DETOUR_STEP` lower and further out, so
    that no two share a stretch (round 7's column: the 19- and 20-point leaders ran up one line)."""
    x, y = corner
    foot = (leader_foot(day, x, size[0]), y)
    if not any(crosses((day, lane_y), foot, other, size) for other in others):
        return [(day, lane_y), foot]
    blocker = min((o for o in others if crosses((day, lane_y), foot, o, size)), key=lambda o: o[1])
    out = CLEAR + DETOUR_STEP * detour
    edges = (blocker[0] - size[0] / 2 - out, blocker[0] + size[0] / 2 + out)
    near_left = x - edges[0] <= edges[1] - x + size[0] / 2   # the left when not much further: arrows run on the right
    gap = edges[0] if near_left and edges[0] > 0.05 else edges[1]
    low = lane_y - min(rise, 0.06) - DETOUR_STEP * detour
    end = leader_foot(gap, x, size[0])
    route = [(day, lane_y), (day, low), (gap, low)]
    return route + ([(gap, y)] if end == gap else [(gap, y - SLANT), (end, y)])


def points_words(node: Node) -> str:
    """'28 points'; '20 points' and '19 of them published' on a second line where the reports cited give the
    wording of fewer points than the version has (judge10: "only 19 of the 20 published" beside the page's "19
    points" read as two counts); 'points not known' (with their number when known: '19 points' and 'text not
    published'; round 8's "(wording of 19 reported)" was cryptic)."""
    if not node.points:
        return f"{node.stated} points\ntext not published" if node.stated else "points not known"
    if node.stated and node.stated > node.points:
        return f"{node.stated} points\n{node.points} of them published"
    return f"{node.points} point{'s' * (node.points != 1)}"


def _kept(words: str) -> str:
    """``words`` with a no-break space inside when they are two words ("rejected it"), so that a line never ends
    between them; longer ones may break."""
    return words.replace(" ", "\u00a0") if words.count(" ") == 1 else words


def _lines(text: str, width: int, most: int) -> list[str]:
    """``text`` on at most ``most`` lines of ``width`` characters, cut at words; what is left out ends in '…'."""
    lines = textwrap.wrap(text, width, break_long_words=False)
    if len(lines) > most:
        lines = [*lines[:most - 1], lines[most - 1].rstrip(";,") + " …"]
    return lines


def byline(node: Node, size: Point = BOX) -> tuple[str, tuple[str, ...]]:
    """'by A, B with C' on at most :func:`byline_lines` lines of the box of ``size`` (names never cut inside, lines
    of even length), and the names left out where they do not all fit: the box then ends "and others†" and the
    chart's footnote names them (:func:`left_out_note`; judge13: "with Ukraine +1 more" left Ukraine's European
    allies unnamed). A group that holds others of the byline (``node.holding``) comes last as "other <group>",
    its owner's name dropped where the byline names the owner, and nobody is set apart by "with" (judge14:
    "by UK, France, Germany with Ukraine and others†", the others being Ukraine's European allies, now
    "by UK, France, Germany, Ukraine and other European allies")."""
    width = BY_CHARS - 2 if size[0] < BOX[0] else int(BY_CHARS * size[0] / BOX[0])   # as many as the box holds
    most = byline_lines(size)
    if node.holding:
        named = [n for n in (*node.drafted_by, *node.joined) if n not in node.holding]
        lines = _even("by " + _and([*named, *(_other(g, named) for g in node.holding)]), width, most)
        if lines:
            return "\n".join(lines), ()
    names, joined = node.drafted_by, node.joined
    every = [*names, *joined]
    for shown in range(len(every), 0, -1):
        rest = tuple(every[shown:])
        drafters = ", ".join(every[:min(shown, len(names))])
        others = every[len(names):shown]
        text = "by " + drafters + (" with " if others or (rest and shown <= len(names)) else "")
        text += _and([*others, OTHERS]) if rest else (", ".join(others))
        if lines := _even(text, width, most):
            return "\n".join(lines), rest
    return (f"by {OTHERS}", tuple(every)) if every else ("", ())


def byline_lines(size: Point) -> int:
    """Lines a byline may take in a box of ``size``: two, and one more for each :data:`BY_LINE` inches the box is
    taller than its default (:data:`BOX`)."""
    return 2 + max(0, round((size[1] - BOX[1]) / BY_LINE))


def _other(group: str, named: Sequence[str]) -> str:
    """'other European allies' for "Ukraine's European allies" where Ukraine is named; 'other members of NATO'
    for a name that is not a plural; no-break spaces inside, so that no line ends in "other"."""
    owner, _, noun = group.partition("'s ")
    noun = noun if noun and owner in named else group
    return ("other " + noun if noun.endswith("s") else "other members of " + noun).replace(" ", "\u00a0")


def _even(text: str, width: int, most: int) -> list[str]:
    """``text`` cut at spaces into as few lines of at most ``width`` characters as it needs, at most ``most``, as
    even as they come (no last line of one word under a full one); [] where it does not fit."""
    need = len(textwrap.wrap(text, width, break_long_words=False))
    if need > most:
        return []
    even = next(w for w in range(len(text) // need, width + 1)
                if len(textwrap.wrap(text, w, break_long_words=False)) <= need)
    return textwrap.wrap(text, even, break_long_words=False)


def left_out_note(nodes: Sequence[Node], size: Point = BOX) -> str:
    """The footnote naming who put each version forward beyond its box's byline (:func:`byline`), '' if none."""
    notes = [f"{node.name} was also put forward by {_and(list(rest))}" for node in nodes
             if (rest := byline(node, size)[1])]
    return "\u2020 " + "; ".join(notes) + "." if notes else ""
