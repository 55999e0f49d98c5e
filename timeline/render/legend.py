"""The timeline's legends: a key per event type shown, and per way of drawing a date, a status or a link.

Every status of the model has its own look (:data:`timeline.render.style.STATUS_LOOKS`):

========== ==========================================================
occurred   filled marker or span
planned    hollow, dashed outline
proposed   hollow, dotted outline
postponed  hollow, dash-dot outline, faded
cancelled  faded and struck through
disputed   ringed
claimed    ringed with a dashed ring
========== ==========================================================

A status the model adds later is drawn from its flags (hollow while
pending, ringed when contested) and named in the legend by its label.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from timeline.model import STATUSES
from timeline.render import style
from timeline.render.markers import DASHED_RING, weighted_size

MARKER = 7.0            # points
Entry = tuple[object, str]  # a legend handle (an artist, or a tuple of artists drawn one over another) and its label
#: Relations drawn as arrows between events, and their look.
LINKS = {"disputes": {"color": "#8E44AD", "ls": (0, (3, 2)), "label": "Disputes"},
         "responds_to": {"color": "#999999", "ls": "-", "label": "Responds to"},
         "supersedes": {"color": "#2CA02C", "ls": (0, (1, 1.5)), "label": "Supersedes"},
         "part_of": {"color": "#BBBBBB", "ls": (0, (1, 1.5)), "label": "Part of"}}


class Fade(Line2D):
    """A legend handle for open dates, drawn by :class:`FadeHandler`; ``before`` fades to the left."""

    def __init__(self, before: bool) -> None:
        super().__init__([], [])
        self.before = before


class FadeHandler(HandlerBase):
    """Draw an open date in the legend: a dot at the bound, and a line fading out toward the open side."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        inset = 0.12 * width  # keeps the dot off the label
        xs = np.linspace(-xdescent + (0 if handle.before else inset),
                         -xdescent + width - (inset if handle.before else 0), 13)
        y = height / 2 - ydescent
        segments = [[(a, y), (b, y)] for a, b in pairwise(xs)]
        fade = np.linspace(0, 0.9, 12) if handle.before else np.linspace(0.9, 0, 12)
        line = LineCollection(segments, colors=[(*to_rgb(style.MUTED), a) for a in fade], linewidths=1.6,
                              transform=trans)
        dot = Line2D([xs[-1] if handle.before else xs[0]], [y], ls="none", marker="o", ms=5, color=style.MUTED,
                     transform=trans)
        return [line, dot]


class SpanHandler(HandlerBase):
    """Draw a span in the legend: a bar as wide as the handle, in the span's look."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        bar = Rectangle((-xdescent, -ydescent + height * 0.2), width, height * 0.6, transform=trans)
        bar.update_from(handle)
        return [bar]


def handler_map() -> dict:
    return {Fade: FadeHandler(), Rectangle: SpanHandler()}


def type_entries(types: set[str]) -> list[Entry]:
    """A legend entry per event type shown, in the model's order."""
    return [(Line2D([], [], ls="none", marker=m.marker, ms=weighted_size(m.marker, MARKER), color=m.color), m.label)
            for t, m in style.EVENT_MARKS.items() if t in types]


def grey(**look: object) -> Line2D:
    return Line2D([], [], **{"ls": "none", "marker": "o", "ms": MARKER, "color": style.MUTED, **look})


def status_handle(status: str) -> object:
    """The legend handle of a status: a grey marker drawn as the status draws it."""
    look = style.status_look(status)
    dot = grey(mfc=style.MUTED if look.fill else "white", alpha=look.alpha, mew=1.1)
    if not look.fill and look.line != "-":
        dot = grey(mfc="white", marker="o", mew=1.1, alpha=look.alpha, fillstyle="none")
        return dot, Line2D([], [], ls=look.line, color=style.MUTED, lw=1.0)
    if look.ring:
        return dot, grey(marker=ring_marker(look.ring), ms=MARKER * 1.75, mfc="none", mec=style.INK, mew=0.8)
    if look.struck:
        return dot, grey(marker="_", ms=MARKER * 1.9, mew=1.3, color=style.INK)
    return dot


def ring_marker(ring: str) -> object:
    """The marker of a status ring: a circle, or a dashed circle."""
    return DASHED_RING if ring == "dashed" else "o"


def cue_entries(spans: bool, open_start: bool, open_end: bool, uncertain: bool, approximate: bool,
                statuses: set[str], relations: Sequence[str]) -> list[Entry]:
    """A legend entry per way of drawing a date, a status or a link, for those the chart uses.

    Statuses are listed in the model's order; ``occurred`` is the default and needs no entry.
    """
    cues = [
        (spans, Rectangle((0, 0), 1, 1, fc=style.MUTED, alpha=0.45, ec=style.MUTED, lw=0.6),
         "Date known only as a span"),
        (open_start, Fade(before=True), "On or before"),
        (open_end, Fade(before=False), "On or after"),
        (uncertain, grey(marker="$?$"), "Uncertain date"),
        (approximate, grey(marker="$\\sim$"), "Approximate date"),
    ]
    cues += [(True, status_handle(s), style.status_look(s).label)
             for s in (*STATUSES, *sorted(set(statuses) - set(STATUSES))) if s in statuses and s != "occurred"]
    for relation in dict.fromkeys(relations):
        look = LINKS[relation]
        cues.append((True, Line2D([], [], color=look["color"], ls=look["ls"], lw=0.9), look["label"]))
    return [(handle, label) for shown, handle, label in cues if shown]


def count_entries(types: Sequence[str]) -> list[Entry]:
    """Colour patches for the types of an aggregated chart."""
    return [(Patch(color=style.EVENT_MARKS[t].color), style.EVENT_MARKS[t].label) for t in types]
