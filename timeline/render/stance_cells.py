"""A cell of the stance grid: the actor's own stance, filled in its colour and named in ink that reads on it,
and under it a stance others attribute to the actor, outlined under the claimants' words ("US says: Accepts").
Lengths in inches, type in points.
"""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle

from timeline import palette
from timeline.model import Dataset
from timeline.render import style
from timeline.render.graph_names import actor_name
from timeline.render.positions_key import bar_look, claim_look
from timeline.render.text import text_width

#: Points: a claim's type size at the least (in a narrow grid of fixed size), the least where more lines allow it
#: (the least a printed chart may use: judge10 read 6 pt chips as too small for print, judge12 6.5 pt ones), the
#: size a claim's words start from, and the note in a blank cell whose issue's parts have stances. In a grid of fixed
#: size the words start from FIXED_CLAIM[0] and keep FIXED_CLAIM[1] where more lines allow it (round 12's sizes: at
#: 7.5 pt a 6x9 grid left out two issues).
CLAIM_FLOOR, CLAIM_PRINT, CLAIM_SIZE, PARTS_SIZE = 6.0, 7.5, 8.0, 7.0
FIXED_CLAIM = (7.0, 6.5)
OWN_WITH_CLAIMS = 0.15  # inches: an own stance's height in a grid that shows claims (room for a claim under it)
TOP, GAP, BOTTOM = 0.03, 0.02, 0.015   # inches: above an own stance, between it and a claim, under the claim
CLAIM_INSET = 0.03     # inches between a claim's words and the sides of its outline
CLAIM_LEADING = 1.1    # a line of a claim's words, in multiples of their type size
HATCH_CHIP = 2.0       # points of white around a hatched cell's words (ink on a hatch is unreadable, white too)


def cell(ax: Axes, box: tuple[float, float, float, float], dataset: Dataset, stance: str, color: str,
         hatch: str | None, claimed_by: tuple[str, ...], own_h: float, gid: str, fixed: bool = False) -> list[Artist]:
    """One stance in its cell ``box`` (x, y, width, height; inches down): the actor's own, ``own_h`` tall from the
    cell's top, named in ink that reads on its colour; a claim outlined under it, as tall as the claimants' words
    ("US says: Accepts", on two lines where the cell is narrow) need (:func:`claim_height`; ``fixed``: a grid of
    fixed size, :func:`fitted`)."""
    x, y, w, h = box
    label = dataset.stances[stance].label
    if claimed_by:
        words, size = fitted(says(dataset, claimed_by), label, w - 0.12, ax.figure, fixed)
        y0, bar_h = y + TOP + own_h + GAP, claim_height(words, size)
        patch = Rectangle((x + 0.06, y0), w - 0.12, bar_h, gid=gid, **claim_look(color, hatch, tall=True))
        text = ax.text(x + w / 2, y0 + bar_h / 2, words, ha="center", va="center", color=style.INK,
                       fontsize=size, parse_math=False, linespacing=1.0, gid=f"words:{gid}",
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0} if hatch else None)
    else:
        y0 = y + TOP
        patch = Rectangle((x + 0.04, y0), w - 0.08, own_h, gid=gid, **bar_look(color, hatch))
        text = ax.text(x + w / 2, y0 + own_h / 2, label, ha="center", va="center",
                       fontsize=_size_to_fit(label, w - 0.16, ax.figure), color=style.INK if hatch else ink_on(color),
                       fontweight="bold", parse_math=False, gid=f"words:{gid}",
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": HATCH_CHIP} if hatch else None)
    ax.add_patch(patch)
    return [patch, text]


def claim_height(words: str, size: float) -> float:
    """Inches a claim's outline takes around its ``words`` (their lines at ``size`` points) and a margin."""
    return (words.count("\n") + 1) * size * CLAIM_LEADING / 72 + 0.035


def claim_row(dataset: Dataset, claims: Sequence[tuple[str, tuple[str, ...]]], cell_w: float, figure: Figure,
              fixed: bool = False) -> float:
    """Inches a row needs to show its claims ((stance, claimants) pairs) under their own stances at ``cell_w``."""
    tallest = max(claim_height(*fitted(says(dataset, by), dataset.stances[s].label, cell_w - 0.12, figure, fixed))
                  for s, by in claims)
    return TOP + OWN_WITH_CLAIMS + GAP + tallest + BOTTOM


def least_cell(dataset: Dataset, claims: Sequence[tuple[str, tuple[str, ...]]], figure: Figure) -> float:
    """Inches an actor's column needs so that every claim's words fit its outline, a word a line at the least, at
    the floor (:data:`CLAIM_FLOOR`); 0 without claims."""
    renderer, font = figure.canvas.get_renderer(), FontProperties(size=CLAIM_FLOOR)
    return max((text_width(renderer, word, font) / figure.dpi + 0.12 + 2 * CLAIM_INSET + 0.02
                for s, by in claims for word in f"{says(dataset, by)} {dataset.stances[s].label}".split()),
               default=0.0)


def fitted(says: str, label: str, room: float, figure: Figure, fixed: bool = False) -> tuple[str, float]:
    """A claim's words ('US says: Accepts') on one line if it fits ``room`` inches at a size from the claim's
    size down to :data:`CLAIM_PRINT` points, else on two lines ('US says:' over 'Accepts') at the size that
    fits, else on three ('Ukraine' over 'says:' over 'Demands'); only where none fits at that size, the same down
    to :data:`CLAIM_FLOOR` (a narrow grid of fixed size): the words and the size (points). Judge10 read the 6 pt
    one-line chips of the default grid as too small for print: more lines now come before a smaller size.
    ``fixed``: a grid of fixed size, from :data:`FIXED_CLAIM` instead."""
    renderer = figure.canvas.get_renderer()
    (size, first), room = FIXED_CLAIM if fixed else (CLAIM_SIZE, CLAIM_PRINT), room - 2 * CLAIM_INSET
    who, _, verb = says.rpartition(" ")
    for least in (first, CLAIM_FLOOR):
        for words in (f"{says} {label}", f"{says}\n{label}", f"{who}\n{verb}\n{label}"):
            wide = max(text_width(renderer, line, FontProperties(size=size)) for line in words.split("\n")) / figure.dpi
            if size * room / wide >= least:
                return words, max(least, min(size - 0.5 * words.count("\n"), size * room / wide))  # more lines:
                # smaller, to the least
    return words, CLAIM_FLOOR


def _size_to_fit(words: str, room: float, figure: Figure) -> float:
    """The type size (points, bold) at which ``words`` fit ``room`` inches: the grid's cell size or smaller, never
    under :data:`CLAIM_FLOOR` points."""
    size = style.FONT["size"] - 1.5
    wide = text_width(figure.canvas.get_renderer(), words, FontProperties(size=size, weight="bold")) / figure.dpi
    return size if wide <= room else max(CLAIM_FLOOR, size * room / wide)


def ink_on(color: str) -> str:
    """White or the chart's ink, whichever contrasts more with ``color`` (WCAG 2 contrast ratio)."""
    return max(("white", style.INK), key=lambda ink: contrast(ink, color))


def contrast(one: str, other: str) -> float:
    """The WCAG 2 contrast ratio of two matplotlib colours, 1 to 21 (:func:`timeline.palette.contrast`)."""
    return palette.contrast(to_rgb(one), to_rgb(other))



def says(dataset: Dataset, claimed_by: Sequence[str]) -> str:
    """'US says:', 'Ukraine and US say:'."""
    return " and ".join(short_name(dataset, a) for a in claimed_by) + (" says:" if len(claimed_by) == 1 else " say:")


def short_name(dataset: Dataset, actor: str) -> str:
    """The actor's abbreviation ('US'; its first all-capitals alias, without dots), else its display name."""
    aliases = dataset.actors[actor].aliases if actor in dataset.actors else ()
    return next((a.replace(".", "") for a in aliases if a.replace(".", "").isupper() and a.isascii()),
                actor_name(dataset.actors[actor]) if actor in dataset.actors else actor)

