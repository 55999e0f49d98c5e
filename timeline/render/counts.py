"""Events counted per period: the aggregated timeline (per lane and type) and the battlefield band (per side).

Each event counts once, spread evenly over the span its date covers; an
open date ("on or before 3 Dec") counts on the day it names.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache

import matplotlib.dates as mdates
import numpy as np
from dateutil.relativedelta import relativedelta
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch, StepPatch

from timeline.palette import FAMILIES, family_of
from timeline.render import style
from timeline.render.spans import Glyph, TimeScale

#: Periods to count in, finest first, as (name, length in days); month, quarter and year follow the calendar.
PERIODS = (("hour", 1 / 24), ("6 hours", 1 / 4), ("day", 1), ("week", 7), ("month", 30.44),
           ("quarter", 91.31), ("year", 365.25))
MAX_BINS = 150
#: The battlefield band's sides, most active first (CIE L* 22, 73, 40, 87, 57: any two 14 or more apart, two
#: sides stacked next to each other 30 or so): greys, so that a side never reads as an event family (the
#: families are hues) and the sides part in greyscale print too.
BAND_GREYS = ("#353535", "#B3B3B3", "#5E5E5E", "#DADADA", "#898989")
#: ... and every other side hatched, so that two sides never part by lightness alone.
BAND_HATCHES = ("", "////", "", "\\\\", "")
#: The greys (0–255, :func:`print_shades`) the shown families of a chart of counts keep within, and how far apart
#: they print at least: each family keeps its own colour as near as it can and prints as a grey of its own (any
#: two of the five in the 10k benchmark 22 luma and 8 L* apart, or more; Proposals and Demands were 11 luma apart).
COUNT_GREYS, PRINT_GAP = (30.0, 225.0), 30.0
#: CIE L* two neighbouring shades part by at the least, or they swap greys where that parts them more.
LEAST_L = 7.0


def bins(xlim: tuple[float, float], days: float | None = None) -> tuple[str, np.ndarray]:
    """The finest period that cuts ``days`` (default: the range) into at most :data:`MAX_BINS` bins, and
    their edges over the range (date numbers)."""
    days = xlim[1] - xlim[0] if days is None else days
    name, length = next(((n, d) for n, d in PERIODS if days / d <= MAX_BINS), PERIODS[-1])
    return name, edges_of(xlim, name)


def edges_of(xlim: tuple[float, float], name: str) -> np.ndarray:
    """Calendar-aligned bin edges of the period ``name`` from before ``xlim[0]`` past ``xlim[1]``."""
    length = dict(PERIODS)[name]
    first = mdates.num2date(xlim[0]).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    if length < 1:
        start = first.replace(hour=first.hour - first.hour % round(length * 24))
        step = relativedelta(hours=round(length * 24))
    elif length < 28:
        start = first.replace(hour=0) - timedelta(days=first.weekday() if name == "week" else 0)
        step = relativedelta(days=round(length))
    else:
        months = {"month": 1, "quarter": 3, "year": 12}[name]
        start = first.replace(day=1, hour=0, month=first.month - (first.month - 1) % months)
        step = relativedelta(months=months)
    edges = [start]
    while mdates.date2num(edges[-1]) < xlim[1]:
        try:
            edges.append(edges[-1] + step)
        except (ValueError, OverflowError):   # past year 9999
            break
    if len(edges) < 2:
        edges.append(edges[0] + timedelta(days=length))
    return mdates.date2num(edges)


def count(groups: np.ndarray, kinds: np.ndarray, lo: np.ndarray, hi: np.ndarray, shape: tuple[int, int],
          edges: np.ndarray) -> np.ndarray:
    """Counts per (group, kind, bin) of items spanning ``lo``–``hi``, each spread evenly over its span."""
    counts = np.zeros((*shape, len(edges) - 1))
    first = np.clip(np.searchsorted(edges, lo, side="right") - 1, 0, len(edges) - 2)
    last = np.clip(np.searchsorted(edges, hi, side="left") - 1, 0, len(edges) - 2)
    whole = first == last
    np.add.at(counts, (groups[whole], kinds[whole], first[whole]), 1)
    for i in np.flatnonzero(~whole):
        overlap = np.minimum(edges[1:], hi[i]) - np.maximum(edges[:-1], lo[i])
        counts[groups[i], kinds[i]] += np.clip(overlap, 0, None) / (hi[i] - lo[i])
    return counts


def count_events(glyphs: Sequence[Glyph], lanes: int, edges: np.ndarray) -> np.ndarray:
    """Events per (lane, type family, bin); families in the order of :data:`timeline.palette.FAMILIES`."""
    families = {f: i for i, f in enumerate(FAMILIES)}
    return count(np.array([g.lane for g in glyphs], dtype=int),
                 np.array([families[family_of(g.event.type).id] for g in glyphs]),
                 np.array([g.lo for g in glyphs]), np.array([g.hi for g in glyphs]), (lanes, len(families)), edges)


def draw_stack(ax: Axes, counts: np.ndarray, edges: np.ndarray, base: float, scale: float, colors: Sequence[str],
               gids: Sequence[str]) -> list[Artist]:
    """Counts (kind, bin) as bars stacked by kind, growing up from ``base`` (down the axis: rows grow down)."""
    below = np.zeros(counts.shape[1])
    artists: list[Artist] = []
    for color, gid, values in zip(colors, gids, counts):
        if values.any():
            # add_artist, not stairs(): the limits are set, and updating them from every step is slow
            artists.append(ax.add_artist(StepPatch(base - (below + values) * scale, edges,
                                                   baseline=base - below * scale, fill=True, color=color, lw=0,
                                                   gid=gid)))
            below += values
    return artists


def draw_band(ax: Axes, glyphs: Sequence[Glyph], sides: Sequence[str], side_of: Sequence[int],
              colors: dict[str, str], names: dict[str, str], scale: TimeScale) -> tuple[str, float]:
    """The battlefield band: use of force per week (or coarser) by the side that used it, stacked by side.

    Return the period counted in and the largest count of one period.
    """
    period, edges = bins(scale.xlim, sum(b - a for a, b in scale.segments()))
    if period in ("hour", "6 hours"):
        period, edges = "day", edges_of(scale.xlim, "day")
    counts = count(np.zeros(len(glyphs), dtype=int), np.array(side_of, dtype=int),
                   np.array([g.lo for g in glyphs]), np.array([g.hi for g in glyphs]), (1, len(sides)), edges)[0]
    tallest = float(counts.sum(axis=0).max()) or 1.0
    below = np.zeros(counts.shape[1])
    for side, values in zip(sides, counts):
        if values.any():
            ax.add_artist(StepPatch(below + values, edges, baseline=below, fill=True, facecolor=colors[side],
                                    edgecolor="white", lw=0.3, gid=f"band:{side}", **_hatch(sides.index(side))))
            below += values
    ax.set_ylim(0, tallest * 1.6)                      # headroom for the key of sides
    ax.set_yticks([0, tallest], ["0", f"{tallest:,.0f}"])
    ax.tick_params(axis="y", length=0, labelsize=style.FOOTER_SIZE, labelcolor=style.MUTED)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.set_ylabel(f"Use of force\nper {period}", rotation=0, ha="right", va="center", fontsize=style.FONT["size"],
                  fontweight="bold", color=style.INK, labelpad=14)
    handles = [Patch(facecolor=colors[side], edgecolor=style.MUTED, lw=0.4, label=names[side],
                     **_hatch(sides.index(side))) for side in sides]
    ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=style.FOOTER_SIZE, ncols=len(handles),
              borderaxespad=0.1, handlelength=1.2, columnspacing=1.0)
    return period, tallest


def _hatch(k: int) -> dict[str, str]:
    """The hatching of the band's ``k``-th side (:data:`BAND_HATCHES`), in the ink of the darkest side."""
    hatch = BAND_HATCHES[k % len(BAND_HATCHES)]
    return {"hatch": hatch, "hatchcolor": BAND_GREYS[0]} if hatch else {}


def nice_step(tallest: float) -> float:
    """The largest of 1, 2 or 5 × 10ⁿ not above ``tallest`` (at least 1): the value a lane's scale marks."""
    if tallest <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(tallest))
    return max(step * power for step in (1, 2, 5) if step * power <= tallest)


def draw_scale(ax: Axes, base: float, scale: float, value: float, gid: str) -> list[Artist]:
    """A scale bar right of a lane of counts: a bracket from the baseline ``base`` up to ``value`` events
    (``scale`` rows per event; rows grow down), and the value beside it."""
    where = ax.get_yaxis_transform()                     # x in axes fraction, y in rows
    top = base - value * scale
    line = ax.plot([1.012, 1.012], [base, top], color=style.INK, lw=0.8, transform=where, clip_on=False,
                   solid_capstyle="butt", gid=gid)
    ticks = ax.plot([1.006, 1.012], [top, top], color=style.INK, lw=0.8, transform=where, clip_on=False)
    text = ax.annotate(f"{value:,.0f}", (1.012, top), xycoords=where, xytext=(2, 0), textcoords="offset points",
                       ha="left", va="center", fontsize=style.FOOTER_SIZE, color=style.INK, annotation_clip=False,
                       gid=f"{gid}:value")
    return [*line, *ticks, text]


def grey_of(color: str) -> float:
    """The grey (0 black – 255 white) ``color`` prints as in greyscale: its Rec. 601 luma, the weighting
    desaturating printers and Pillow's ``convert("L")`` use."""
    r, g, b = (int(color.lstrip("#")[k:k + 2], 16) for k in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b


def _print_grey(color: str) -> float:
    """The grey a colour prints as, whichever way it is converted: the mean of its CIE L* (D65, × 2.55) and
    its luma (:func:`grey_of`); saturated greens and pinks rank differently by the two."""
    return (2.55 * _lightness(color) + grey_of(color)) / 2


def _lightness(color: str) -> float:
    """The colour's CIE L* (D65), 0-100."""
    from coloraide import Color

    return float(Color(color).convert("lab-d65")["lightness"])


def _at_print_grey(color: str, target: float) -> str:
    """``color`` at the CIE L* where it prints at the grey ``target`` (:func:`_print_grey`), its hue kept."""
    from coloraide import Color

    lab, below, above = Color(color).convert("lab-d65"), 0.0, 100.0
    out = color
    for _ in range(24):                       # L* by bisection: the grey rises with L* at a fixed hue
        lab["lightness"] = (below + above) / 2
        out = lab.convert("srgb").fit("srgb", method="lch-chroma").to_string(hex=True).upper()
        below, above = (lab["lightness"], above) if _print_grey(out) < target else (below, lab["lightness"])
    return out


def _gaps(out: Sequence[str], order: Sequence[int], k: int, pair: tuple[str, str]) -> float:
    """The least L* step about places ``k`` and ``k + 1`` of ``order`` with ``pair`` standing there."""
    shades = [out[i] for i in order]
    shades[k:k + 2] = pair
    near = shades[max(0, k - 1):k + 3]
    return min(abs(_lightness(b) - _lightness(a)) for a, b in zip(near, near[1:]))


def _spread(values: Sequence[float], gap: float) -> list[float]:
    """Sorted ``values`` moved as little as possible (least squares) to lie ``gap`` apart or more: pool adjacent
    violators on ``values[i] - i * gap``."""
    blocks: list[list[float]] = []
    for i, value in enumerate(values):
        blocks.append([value - i * gap, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    fitted = [total / count for total, count in blocks for _ in range(int(count))]
    return [value + i * gap for i, value in enumerate(fitted)]


def print_shades(colors: Sequence[str]) -> list[str]:
    """The ``colors`` moved as little as they must in lightness, their hues kept, to print :data:`PRINT_GAP`
    greys apart (:func:`_print_grey`) within :data:`COUNT_GREYS`: bars that part in greyscale and still read as
    the families' own colours. Each colour's CIE L* is moved until it prints at its grey (coloraide fits it
    into sRGB). One colour stays as it is. Kept per list of colours: a build draws the chart twice (PNG, SVG),
    and the bisection costs ~0.5 s CPU."""
    return list(_shades(tuple(colors)))


@lru_cache(maxsize=16)
def _shades(colors: tuple[str, ...]) -> tuple[str, ...]:
    from timeline.render.shade_table import kept  # the palette's families: worked out once (issue 18)

    return colors if len(colors) < 2 else kept(colors) or worked_out(colors)


def worked_out(colors: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`print_shades` of two or more ``colors``, worked out (coloraide's import and a bisection per colour)."""
    low, high = COUNT_GREYS
    greys = [_print_grey(c) for c in colors]
    order = sorted(range(len(colors)), key=lambda i: greys[i])
    targets = _spread([greys[i] for i in order], min(PRINT_GAP, (high - low) / (len(colors) - 1)))
    if targets[-1] - targets[0] > high - low:           # too wide: squeezed into the range, still apart
        targets = [low + (t - targets[0]) * (high - low) / (targets[-1] - targets[0]) for t in targets]
    shift = max(0.0, low - targets[0]) - max(0.0, targets[-1] - high)
    out = list(colors)
    for i, target in zip(order, targets):
        out[i] = _at_print_grey(colors[i], target + shift)
    for k in range(len(order) - 1):       # two neighbours of one grey may part by luma and not by L* (a light mint
        i, j = order[k], order[k + 1]      # under a light pink: 4.3 L* for 49 luma): they swap greys if that parts them
        if _lightness(out[j]) - _lightness(out[i]) < LEAST_L:
            swapped = _at_print_grey(colors[j], targets[k] + shift), _at_print_grey(colors[i], targets[k + 1] + shift)
            if _gaps(out, order, k, swapped) > _gaps(out, order, k, (out[i], out[j])):
                out[j], out[i] = swapped
                order[k], order[k + 1] = j, i
    return tuple(out)
