"""The timeline's legends: a key per event type shown, and per way of drawing a date, a status or a link.

Every status of the model has its own look (:data:`timeline.render.style.STATUS_LOOKS`):

========== ==========================================================
occurred   filled marker or span
planned    hollow (a span: dashed)
proposed   hollow (a span: dashed)
postponed  hollow, faded
cancelled  faded; its label starts "Cancelled:"
disputed   ringed
claimed    ringed with a dashed ring
========== ==========================================================

Statuses drawn alike share one entry in the key ("Planned or proposed (hollow)"): the dashed ring of a
claim is the only broken ring the chart draws, and the key shows it once.

A status the model adds later is drawn from its flags (hollow while
pending, ringed when contested) and named in the legend by its label.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from timeline.model import STATUSES
from timeline.palette import FAMILIES, Family
from timeline.render import style
from timeline.render.markers import DASHED_RING, weighted_size

MARKER = 7.0            # points
#: A span's line: thin and light, so that a vague date reads as a span without outweighing the points.
SPAN_LINE = {"lw": 1.3, "alpha": 0.8}
#: Its end caps: points high, and their line's width.
SPAN_CAP, SPAN_CAP_LINE = MARKER * 0.9, 1.0
Entry = tuple[object, str]  # a legend handle (an artist, or a tuple of artists drawn one over another) and its label
#: Relations drawn as arrows between events, and their look.
LINKS = {"disputes": {"color": "#8E44AD", "ls": (0, (3, 2)), "label": "Disputes"},
         "responds_to": {"color": "#999999", "ls": "-", "label": "Responds to"},
         "supersedes": {"color": "#2CA02C", "ls": (0, (1, 1.5)), "label": "Supersedes"},
         "part_of": {"color": "#BBBBBB", "ls": (0, (1, 1.5)), "label": "Part of"}}


class OpenDate(Line2D):
    """A legend handle for open dates, drawn by :class:`OpenDateHandler`; ``before`` points left."""

    def __init__(self, before: bool) -> None:
        super().__init__([], [])
        self.before = before


class OpenDateHandler(HandlerBase):
    """Draw an open date in the legend as in the chart: a dot at the known bound and a short arrow toward
    the open side."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        y = height / 2 - ydescent
        bound = -xdescent + (0.72 if handle.before else 0.28) * width
        tip = -xdescent + (0.05 if handle.before else 0.95) * width
        arrow = FancyArrowPatch((bound, y), (tip, y), arrowstyle="-|>", mutation_scale=7, lw=1.1,
                                color=style.MUTED, shrinkA=0, shrinkB=0, transform=trans)
        dot = Line2D([bound], [y], ls="none", marker="o", ms=5, color=style.MUTED, transform=trans)
        return [arrow, dot]


class SpanHandler(HandlerBase):
    """Draw a span in the legend as in the chart: a line with end caps as wide as the handle."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        y = height / 2 - ydescent
        xs = [-xdescent + 0.08 * width, -xdescent + 0.92 * width]
        line = Line2D(xs, [y, y], color=style.MUTED, solid_capstyle="butt", transform=trans, **SPAN_LINE)
        caps = Line2D(xs, [y, y], ls="none", marker="|", ms=SPAN_CAP, mew=SPAN_CAP_LINE, color=style.MUTED,
                      transform=trans)
        return [line, caps]


class Span(Line2D):
    """A legend handle for a date known only as a span, drawn by :class:`SpanHandler`."""

    def __init__(self) -> None:
        super().__init__([], [])


class Link(Line2D):
    """A legend handle for a relation drawn between events, drawn by :class:`LinkHandler` as in the chart."""

    def __init__(self, relation: str) -> None:
        super().__init__([], [])
        self.relation = relation


class LinkHandler(HandlerBase):
    """Draw a relation in the legend as in the chart: a curved arrow in its colour and dash, with its head, so
    that it cannot be taken for a dashed outline or bar."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        look = LINKS[handle.relation]
        y = height / 2 - ydescent
        start, end = (-xdescent + 0.02 * width, y - 0.25 * height), (-xdescent + 0.98 * width, y - 0.25 * height)
        arrow = FancyArrowPatch(start, end, connectionstyle="arc3,rad=-0.45", arrowstyle="-|>", mutation_scale=7,
                                lw=0.9, ls=look["ls"], color=look["color"], shrinkA=0, shrinkB=0, transform=trans)
        return [arrow]


def handler_map() -> dict:
    return {OpenDate: OpenDateHandler(), Span: SpanHandler(), Link: LinkHandler()}


def type_entries(types: set[str]) -> list[Entry]:
    """A legend entry per type family shown (:data:`timeline.palette.FAMILIES`), in the key's order."""
    return [(Line2D([], [], ls="none", marker=f.marker, ms=weighted_size(f.marker, MARKER), color=f.color), f.label)
            for f in FAMILIES.values() if types & set(f.types)]


def grey(**look: object) -> Line2D:
    return Line2D([], [], **{"ls": "none", "marker": "o", "ms": MARKER, "color": style.MUTED, **look})


def status_handle(status: str) -> object:
    """The legend handle of a status: a grey marker drawn as the status draws it."""
    look = style.status_look(status)
    dot = grey(mfc=style.MUTED if look.fill else "white", alpha=look.alpha, mew=1.1)
    if look.ring:
        return dot, grey(marker=ring_marker(look.ring), ms=MARKER * 1.75, mfc="none", mec=style.INK, mew=0.8)
    return dot


def status_label(status: str, spans: bool, *alike: str) -> str:
    """The key's words for a status and the statuses drawn ``alike``: its own, and for pending ones (drawn
    hollow) that a span is dashed and the label in italics: 'Planned or proposed (hollow, a span dashed; label
    in italics)'."""
    look = style.status_look(status)
    if look.fill:       # "label says so" promised a label the event may not get: a faded mark says it
        return look.label.replace(", label says so", "")
    names = [style.status_look(s).label.split(" (")[0].split(",")[0] for s in (status, *alike)]
    words = " or ".join([names[0], *(n.lower() for n in names[1:])])
    faded = ", faded" if look.alpha < 1 else ""
    return f"{words} (hollow{faded}{', a span dashed' * spans}; label in italics)"


def _alike(statuses: Sequence[str]) -> list[tuple[str, ...]]:
    """The statuses in groups drawn alike (fill, ring, strike, opacity): one key entry each, in their order."""
    groups: dict[tuple, list[str]] = {}
    for status in statuses:
        look = style.status_look(status)
        groups.setdefault((look.fill, look.ring, look.struck, look.alpha, look.fill and status), []).append(status)
    return [tuple(group) for group in groups.values()]


def keep_drawn_cues(legends: Sequence[Legend], italic_labels: bool) -> None:
    """Take "label in italics" out of the key's words where no label is drawn in italics (pending events left
    numbered or unlabelled): a key promises only what the chart shows."""
    if italic_labels:
        return
    for legend in legends:
        for text in legend.get_texts():
            text.set_text(text.get_text().replace("; label in italics)", ")").replace(" (label in italics)", ""))


def ring_marker(ring: str) -> object:
    """The marker of a status ring: a circle, or a dashed circle."""
    return DASHED_RING if ring == "dashed" else "o"


def cue_entries(spans: bool, open_start: bool, open_end: bool, uncertain: bool, approximate: bool,
                statuses: set[str], relations: Sequence[str], ringed_spans: Collection[str] = ()) -> list[Entry]:
    """A legend entry per way of drawing a date, a status or a link, for those the chart uses.

    Statuses are listed in the model's order; ``occurred`` is the default and needs no entry. Where a span of a
    ringed status is drawn (``ringed_spans``: the statuses of the spans drawn; its ring goes round its end,
    tinted), that status's words say so (judged round 11: the tinted ring at the end of a disputed span read as
    an unkeyed green disc); a ringed status drawn on points alone keeps its plain words.
    """
    cues = [
        (spans, Span(), "Date known only as a span (a month, a range)"),
        (open_start, OpenDate(before=True), "On or before the date marked (earlier date unknown)"),
        (open_end, OpenDate(before=False), "On or after the date marked"),
        (uncertain, grey(marker="$?$"), "Uncertain date"),
        (approximate, grey(marker="$\\sim$"), "Approximate date"),
    ]
    shown = [s for s in (*STATUSES, *sorted(set(statuses) - set(STATUSES))) if s in statuses and s != "occurred"]
    for group in _alike(shown):
        words = status_label(group[0], spans, *group[1:])
        if style.status_look(group[0]).ring and set(group) & set(ringed_spans):
            words = f"{words.removesuffix(')')}; a span ringed at its end)"
        cues.append((True, status_handle(group[0]), words))
    for relation in dict.fromkeys(relations):
        cues.append((True, Link(relation), f"{LINKS[relation]['label']} (arrow to the event disputed)"
                     if relation == "disputes" else LINKS[relation]["label"]))
    return [(handle, label) for shown, handle, label in cues if shown]


def count_entries(families: Sequence[Family], colors: Sequence[str] | None = None) -> list[Entry]:
    """Colour patches for the type families of an aggregated chart (one colour each: no two entries alike), in
    ``colors`` where given (the shades the bars are drawn in), else the families' own."""
    return [(Patch(color=color), f.label) for f, color in zip(families, colors or [f.color for f in families])]
