"""The lanes of a timeline chart: their height in rows, their shading, and their names and notes on the left.

Rows are :data:`~timeline.render.events_chart.TRACK` high, with
:data:`~timeline.render.events_chart.LANE_PAD` rows of air above and below
each lane's rows.
"""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from timeline.render import style
from timeline.render.events_chart import LANE_PAD, TRACK
from timeline.render.frame import LINE, NOTE_LINE, NOTE_SIZE, lane_text, wrap_lane


def lane_rows(name: str, note: str) -> float:
    """Rows of :data:`TRACK` a lane needs to show its name and its note."""
    lines = lane_text(name).count("\n") + 1
    notes = wrap_lane(note, 3).count("\n") + 1 if note else 0
    return max(1.0, (lines * LINE + notes * NOTE_LINE) / TRACK - 2 * LANE_PAD + 0.3)


def tops_of(heights: Sequence[float]) -> list[float]:
    """Each lane's first row (the y of its top), for lanes ``heights`` rows high with :data:`LANE_PAD` about."""
    return [sum(heights[:k]) + (2 * k + 1) * LANE_PAD for k in range(len(heights))]


def draw_lanes(ax: Axes, names: Sequence[str], heights: Sequence[float], labelled: bool,
               notes: Sequence[str] = ()) -> list[Artist]:
    """Shade every other lane, name each on the left with its note beneath (what the lane holds) where the
    lane is tall enough for it (a short chart may squeeze its rows); return the artists added."""
    tops, y = tops_of(heights), sum(heights) + 2 * LANE_PAD * len(heights)
    artists: list[Artist] = [ax.axhspan(top - LANE_PAD, top + rows + LANE_PAD, color="#F2F2F2", lw=0, zorder=0,
                                        gid=f"lane-band:{k}")
                             for k, (top, rows) in enumerate(zip(tops, heights)) if k % 2 == 0]
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if not labelled:
        return artists
    where = ax.get_yaxis_transform()
    inches_per_row = ax.get_position().height * ax.figure.get_figheight() / max(y, 1e-9)
    for k, (name, top) in enumerate(zip(names, tops)):
        artists.append(ax.annotate(lane_text(name), (0, top - LANE_PAD / 2), xycoords=where, xytext=(-8, 0),
                                   textcoords="offset points", ha="right", va="top", fontsize=style.FONT["size"],
                                   fontweight="bold", color=style.INK, gid=f"lane:{k}", annotation_clip=False))
        lines = lane_text(name).count("\n") + 1
        note = wrap_lane(notes[k], 3) if k < len(notes) and notes[k] else ""
        if note and (heights[k] + 2 * LANE_PAD) * inches_per_row >= lines * LINE + (note.count("\n") + 1) * NOTE_LINE:
            artists.append(ax.annotate(note, (0, top - LANE_PAD / 2), xycoords=where,
                                       xytext=(-8, -lines * LINE * 72 - 1), textcoords="offset points", ha="right",
                                       va="top", fontsize=NOTE_SIZE, color=style.MUTED, gid=f"lane-note:{k}",
                                       annotation_clip=False))
    return artists
