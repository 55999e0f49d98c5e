"""The key of the positions chart: each mark drawn in the key exactly as the chart draws it.

Two rows: a swatch per stance of the scale (the most extreme stance against
cross-hatched, as on the chart); then how the record is drawn, listing only
what the chart shows. The marks that take a stance's colour on the chart
(the outlined bar of a stance others attribute) take in
the key the colour of a stance the chart draws that way, never a grey that
the chart does not use.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from timeline.negotiation import Stance
from timeline.render import style
from timeline.render.stance_rows import Panel
from timeline.stance_colors import EXTREME_HATCH, grey, hatched_stance, outline, side_words

#: The look of a statement's tick or span line under a bar.
MARK = {"color": style.INK, "lw": 0.8, "solid_capstyle": "butt"}
#: The as-of rule across the chart: bars stop at it.
AS_OF = {"color": style.INK, "lw": 0.8, "ls": (0, (3, 2))}
#: The thin grey line of a row before its actor's first stance: lighter than a bar, darker than "undecided".
NO_RECORD = "#B0B0B0"
CLAIM_EDGE = 1.0       # points: the outline of a bar others attribute (1.6 times as thick in a light colour, in a
                       # box tall enough to stay white inside: the grid's cells, not the chart's thin bars)
LIGHT_EDGE = 170       # Rec. 601 luma over which a stance's colour is light on white paper (Open to: 191)
NEUTRAL_EDGE_WIDTH = 0.5   # points: the outline of the neutral stance's bars
TINT = 0.3             # share of a stance's colour in the fill of a stance others attribute (on white)


class StatementSpan(Line2D):
    """A legend handle for a statement dated to a span, drawn by :class:`StatementSpanHandler`; ``open_start``:
    known only as "no later than"."""

    def __init__(self, open_start: bool = False) -> None:
        super().__init__([], [])
        self.open_start = open_start


class StatementSpanHandler(HandlerBase):
    """Draw a statement's span in the key as on the chart: a thin line with end caps (dotted, one cap, for
    "no later than")."""

    def create_artists(self, legend, handle, xdescent, ydescent, width, height, fontsize, trans):
        y = height / 2 - ydescent
        xs = [-xdescent + 0.1 * width, -xdescent + 0.9 * width]
        line = Line2D(xs, [y, y], ls=":" if handle.open_start else "-", transform=trans, **MARK)
        caps = Line2D(xs[1:] if handle.open_start else xs, [y] * (1 if handle.open_start else 2), ls="none",
                      marker="|", ms=4, mew=MARK["lw"], color=style.INK, transform=trans)
        return [line, caps]


Legend.update_default_handler_map({StatementSpan: StatementSpanHandler()})


def claim_look(color: str, hatch: str | None, tall: bool = False) -> dict[str, object]:
    """How a stance others attribute is drawn, here, on the chart and in the grid: an outline in the stance's colour
    around a light tint of it (:data:`TINT` of the colour on white; cross-hatched in the colour for the extreme
    stance; the neutral grey's darker outline for the neutral stance), never a full-colour bar (judge10: outlined
    on white, the long "as Ukraine claims" bar read as an empty box)."""
    light = tall and grey(color) > LIGHT_EDGE and not outline(color)  # a gold outline is barely seen: thicker
    # where the outline's box is tall enough (the grid's cells) to stay light inside
    return {"facecolor": tint(color), "edgecolor": outline(color) or color,
            "linewidth": CLAIM_EDGE * (1.6 if light else 1), "hatch": hatch}


def tint(color: str, share: float = 0.0) -> str:
    """``color`` mixed with white, :data:`TINT` of it (``share`` overrides): light enough for ink to read on."""
    share = share or TINT
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def bar_look(color: str, hatch: str | None = None) -> dict[str, object]:
    """How an actor's own stance is filled, on the chart, in its key and in the grid: its colour (hatched for the
    extreme stance), the neutral grey outlined (:func:`timeline.stance_colors.outline`) so that it shows in print."""
    edge = outline(color)
    return {"facecolor": color, "edgecolor": edge or "white", "linewidth": NEUTRAL_EDGE_WIDTH if edge else 0.0,
            "hatch": hatch}


def key_entries(scale: Sequence[Stance], colors: dict[str, str], panels: Sequence[Panel],
                as_of: str | None = None, split: bool = True, grouped: bool = True) -> list[list]:
    """The key, a legend a row: a swatch per stance, grouped by side in the page's words
    (:func:`timeline.stance_colors.side_words`), on one row where it fits (``split`` False), else those in
    favour on a row ("Toward the proposition:"), the rest on the next ("No lean:", "Away from it:"), so that a
    group never wraps apart (``grouped`` False: one row without the groups' words, where a row more would cost an
    issue at a fixed size); then how the record is drawn (only what the chart shows; ``as_of``: the words of
    the chart's as-of rule). A stance not restated is a bar with no tick after its last, as on the page."""
    hatch = hatched_stance(scale)
    groups: list[list] = []
    for n, stance in enumerate(scale):
        if n == 0 or side_words(stance) != side_words(scale[n - 1]):
            groups.append([(Patch(visible=False), side_words(stance) + ":")])
        groups[-1].append((Patch(**bar_look(colors[stance.id], EXTREME_HATCH if stance.id == hatch else None)),
                           stance.label + (" (cross-hatched)" if stance.id == hatch else "")))
    favour = [g for g in groups if g[0][1] == side_words(scale[0]) + ":" and scale[0].value > 0]
    rows = [r for p in panels for r in p.rows]
    statements = [s for r in rows for run in r.runs for s in run.statements]
    drawing: list = [(Line2D([], [], color=NO_RECORD, lw=0.6), "No stance on record"),
                     (Line2D([], [], ls="none", marker="|", ms=5, mew=MARK["lw"], color=style.INK),
                      "Statement on a known day")]
    if any(s.first is not None and s.last - s.first > timedelta(days=1) for s in statements):
        drawing.append((StatementSpan(), "Statement dated to a span (a month, a week)"))
    if any(s.first is None for s in statements):
        drawing.append((StatementSpan(open_start=True), "Statement dated “no later than”"))
    if any(r.claimed for r in rows):
        drawing.append((Patch(**claim_look(_common(rows, colors, claimed=True), None)),
                        "Outlined, tinted: a stance others attribute to the actor"))
    if as_of:
        drawing.append((Line2D([], [], **AS_OF), as_of))
    rest = [entry for g in groups if g not in favour for entry in g]
    if not split:        # one row, where the width holds it (:func:`one_row`); the swatch shows the hatch
        entries = [e for g in groups for e in (g if grouped else g[1:])]
        return [[(h, label.removesuffix(" (cross-hatched)")) for h, label in entries], drawing]
    return [*favour, *([rest] if rest else []), drawing]     # a legend a row, so that a group never wraps apart


def one_row(legend: Legend) -> bool:
    """Does ``legend`` (as the frame laid it out) stand on one row?"""
    return legend._ncols >= len(legend.legend_handles)


def _common(rows: Sequence, colors: dict[str, str], claimed: bool) -> str:
    """The colour of the stance the chart draws most often in rows of this kind (ties by the stance id)."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.claimed == claimed:
            for run in row.runs:
                counts[run.stance] = counts.get(run.stance, 0) + 1
    if not counts:
        return style.MUTED
    return colors.get(max(counts, key=lambda s: (counts[s], s)), style.MUTED)
