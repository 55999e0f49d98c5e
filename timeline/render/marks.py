"""Drawing one event of a timeline: its mark, its open ends, its label, its links. Each helper takes the
``ax`` to draw on and returns the artists it added.

A date is drawn as what it is. A date known to the day on a chart of
months is a point: a marker of its type's shape and colour. A date that
covers more than a marker's width (a month, an interval) is a bar over
the whole span, in its type's colour, with no marker: no point is
claimed where there is none. An open date ("../2025-12-03") is its known
bound, with a line fading toward the open side. ``?`` and ``~`` flag
uncertain and approximate dates. Statuses are drawn as
:mod:`timeline.render.legend` lists them.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, Rectangle

from timeline.dates import DateSpan
from timeline.model import Event
from timeline.render import style
from timeline.render.legend import LINKS, MARKER, ring_marker
from timeline.render.markers import weighted_size
from timeline.render.spans import Glyph

LABEL_SIZE = 7.5        # points
BAR = 0.5               # rows: the height of a span's bar
QUALIFIER_FONT = FontProperties(size=LABEL_SIZE, weight="bold")


def qualifier(span: DateSpan) -> str:
    """The mark beside an uncertain (?) or approximate (~) date."""
    return "~" * span.approximate + "?" * span.uncertain


def is_span(glyph: Glyph, points_per_day: float) -> bool:
    """Is the date drawn as a bar: does it cover more than a day, or more than a marker's width at
    ``points_per_day``? A day on a chart of years is a point; a month never is."""
    return glyph.hi - glyph.lo > 1.001 or (glyph.hi - glyph.lo) * points_per_day > MARKER * 1.2


def bar_extent(glyph: Glyph, points_per_day: float) -> tuple[float, float]:
    """The bar of a span, as date numbers: the span, widened about its middle to a marker's width at least."""
    least = MARKER / points_per_day
    if glyph.hi - glyph.lo >= least:
        return glyph.lo, glyph.hi
    return glyph.x - least / 2, glyph.x + least / 2


def draw_event(ax: Axes, glyph: Glyph, y: float, points_per_day: float, fade_to: float | None = None
               ) -> list[Artist]:
    """The event's bar or marker, open-end fade (from ``fade_to`` if its label lies on it), status and date
    marks."""
    event = glyph.event
    mark = style.EVENT_MARKS[event.type]
    look = style.status_look(event.status)
    artists: list[Artist] = []
    span = is_span(glyph, points_per_day)
    lo, hi = bar_extent(glyph, points_per_day)
    if span:
        artists.append(ax.add_patch(Rectangle(
            (lo, y - BAR / 2), hi - lo, BAR, lw=1.0 if not look.fill else 0.6,
            fc=(*to_rgb(mark.color), 0.55 * look.alpha) if look.fill else "white",
            ec=(*to_rgb(mark.color), look.alpha), ls=look.line, zorder=3, gid=glyph.key)))
        if look.ring:
            artists.append(ax.add_patch(Rectangle(
                (lo, y - BAR * 0.8), hi - lo, BAR * 1.6, lw=0.8, fc="none", ec=style.INK,
                ls="-" if look.ring == "solid" else (0, (2, 1.5)), zorder=4, gid=f"ring:{glyph.key}")))
    if glyph.open_start or glyph.open_end:
        artists.append(draw_fade(ax, glyph, y, mark.color, edge=fade_to))
    if not span:
        artists += ax.plot([glyph.x], [y], ls="none", marker=mark.marker, ms=weighted_size(mark.marker, MARKER),
                           mew=1.1, color=mark.color, mfc=mark.color if look.fill else "white",
                           alpha=look.alpha, zorder=5, gid=glyph.key)
        if look.ring:
            artists += ax.plot([glyph.x], [y], ls="none", marker=ring_marker(look.ring), ms=MARKER * 1.75,
                               mfc="none", mec=style.INK, mew=0.8, zorder=4, gid=f"ring:{glyph.key}")
    if look.struck:
        artists += ax.plot([lo if span else glyph.x], [y], ls="none", marker="_", ms=MARKER * 1.9, mew=1.3,
                           color=style.INK, zorder=6, gid=f"cancelled:{glyph.key}")
    if mark_text := qualifier(event.date):
        at = hi if span else glyph.x
        artists.append(ax.annotate(mark_text, (at, y), xytext=(0 if span else MARKER / 2 + 1, 2),
                                   textcoords="offset points", fontproperties=QUALIFIER_FONT, color=style.MUTED,
                                   va="center", gid=f"qualifier:{glyph.key}", zorder=6))
    return artists


def draw_fade(ax: Axes, glyph: Glyph, y: float, color: str, steps: int = 24, edge: float | None = None
              ) -> LineCollection:
    """A line from the known bound toward the open side that fades out at the edge of the chart, or, when the
    event's label lies on that side, at ``edge`` short of the label."""
    lo, hi = ax.get_xlim()
    margin = (hi - lo) * 0.004 if edge is not None else 0
    if glyph.open_start:
        end = glyph.lo if edge is None else edge - margin
        xs, fade = np.linspace(lo, end, steps + 1), np.linspace(0, 0.8, steps)
    else:
        start = glyph.hi if edge is None else edge + margin
        xs, fade = np.linspace(start, hi, steps + 1), np.linspace(0.8, 0, steps)
    segments = [[(a, y), (b, y)] for a, b in pairwise(xs)]
    rgba = [(*to_rgb(color), a) for a in fade]
    pending = not style.status_look(glyph.event.status).fill
    return ax.add_collection(LineCollection(segments, colors=rgba, linewidths=1.6, capstyle="butt",
                                            linestyles="--" if pending else "-", zorder=3,
                                            gid=f"open:{glyph.key}"), autolim=False)


def draw_label(ax: Axes, glyph: Glyph, text: str, lo: float, hi: float, y: float) -> list[Artist]:
    """The label between ``lo`` and ``hi`` (date numbers); struck through if cancelled, italic if pending."""
    event = glyph.event
    look = style.status_look(event.status)
    right = lo >= glyph.x or glyph.lo < lo < glyph.hi   # beside the mark, or inside its bar
    artists: list[Artist] = [ax.text(
        lo if right else hi, y, text, ha="left" if right else "right", va="center", fontsize=LABEL_SIZE,
        parse_math=False, color=style.MUTED if look.struck else style.INK,
        fontstyle="normal" if look.fill else "italic", zorder=6, gid=f"label:{glyph.key}")]
    if look.struck:
        artists += ax.plot([lo, hi], [y, y], color=style.MUTED, lw=0.8, zorder=7, gid=f"struck:{glyph.key}")
    return artists


def links(events: Sequence[Event], relations: Sequence[str]) -> list[tuple[str, str, str]]:
    """(from id, relation, to id) for each link among the shown events whose relation is drawn."""
    shown = {e.id for e in events}
    return [(e.id, link.relation, link.event) for e in events for link in e.related
            if link.relation in relations and link.event in shown]


def draw_links(ax: Axes, where: dict[str, tuple[float, float]], shown: Sequence[tuple]) -> list[Artist]:
    """An arrow from each event to the one it relates to (``where``: id to x, y), curving out to the left."""
    artists: list[Artist] = []
    for source, relation, target in shown:
        (x1, y1), (x2, y2) = where[source], where[target]
        look = LINKS[relation]
        artists.append(ax.add_patch(FancyArrowPatch(
            (x1, y1), (x2, y2), connectionstyle=f"arc3,rad={0.35 if y2 > y1 else -0.35}", arrowstyle="-|>",
            mutation_scale=8, lw=0.9, color=look["color"], ls=look["ls"], shrinkA=MARKER * 0.9,
            shrinkB=MARKER * 0.9, zorder=4, gid=f"link:{source}:{relation}:{target}")))
    return artists
