"""The stance grid's label column: each issue's name and, under it (or beside it), its proposition, fitted to a
width and a height; the grid (:mod:`timeline.render.stance_graph`) draws the cells beside them. Lengths in
inches, type in points.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import ceil

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties

from timeline.model import Dataset
from timeline.render import style
from timeline.render.text import text_width

PAD = 0.25             # inches around the figure's edges
NAME_LINE = 0.155      # inches per line of an issue's name
LEADING = 1.2          # a line of the proposition, in multiples of its type size
#: Points: the type sizes an issue's proposition may take, largest first; the last is the floor.
PROPOSITION_SIZES = (7.5, 7.0, 6.5, 6.0)
LABEL_SHARE = 0.45     # the widest the column of issue names may be, as a share of the figure's width
MIN_CELL = 0.55        # inches: the narrowest an actor's column may be
GOOD_CELL = 0.85       # inches: an actor's column, no narrower, when the column of issue names widens
BESIDE = "   "         # between an issue's name and its proposition when both fit one line
NAME_FONT = FontProperties(size=style.FONT["size"], weight="bold")
PART_FONT = FontProperties(size=style.FONT["size"] - 0.5)


@dataclass(frozen=True)
class RowFit:
    """How the grid's rows fit: the label column's width (inches), the proposition's type size (points), each
    shown issue's name and proposition lines, each shown row's least height (inches), the issues shown and
    left out."""

    label_w: float
    size: float
    texts: dict[str, tuple[list[str], list[str]]]
    heights: list[float]
    issues: list[str]
    left_out: list[str]


def fit_rows(renderer: object, dataset: Dataset, issues: list[str], width: float, actors: int,
             claimed: Callable[[float], dict[str, float]], room: float | None, cell_least: float = MIN_CELL) -> RowFit:
    """Fit every issue's name and proposition into its row. Without ``room`` (inches for the rows: the grid takes
    the height it needs), a label column of three tenths of ``width`` (less where the actors need the room) at the
    largest type. Else the largest type, then the
    narrowest column (up to :func:`widest_label`, in steps of a quarter inch), at which all
    rows fit ``room``; failing that, the first rows that fit at the floor, the rest left out. ``claimed``: for an
    actor's column width (inches), the least height of each row that shows a claim (its stance, and under it the
    claim's words in their outline); ``cell_least``: inches an actor's column needs at the least."""
    least = 0.25 * ceil(4 * (0.1 + max(text_width(renderer, issue_label(dataset, i), NAME_FONT) / 100
                                       for i in issues)))
    if room is None:          # as tall as it needs: three tenths of the width, less where actors' columns need it
        least = max(min(least, 0.3 * width), min(0.3 * width, widest_label(width, actors)))
    least = min(least, width - 2 * PAD - max(MIN_CELL, cell_least) * actors)     # longer names wrap
    widest = max(least, width - 2 * PAD - max(MIN_CELL, cell_least) * actors)   # cells as narrow as they may be
    floor = 0.3 if room is None else 0.26
    widths = [least + 0.25 * step for step in range(int((widest - least) / 0.25) + 1)] if room else [least]
    for size in PROPOSITION_SIZES if room else PROPOSITION_SIZES[:1]:
        for label_w in widths:
            texts = {i: _texts(renderer, dataset, i, label_w, size) for i in issues}
            least = claimed((width - 2 * PAD - label_w) / actors)
            heights = [max(floor, least.get(i, 0.0), _row_height(texts[i], size)) for i in issues]
            if room is None or sum(heights) <= room:
                return RowFit(label_w, size, texts, heights, issues, [])
    keep = max(1, sum(sum(heights[:k + 1]) <= room for k in range(len(issues)))) if room else len(issues)
    return RowFit(label_w, size, texts, heights[:keep], issues[:keep],
                  [dataset.issues[i].name for i in issues[keep:]])


def widest_label(width: float, actors: int) -> float:
    """Inches the column of issue names may take at most: :data:`LABEL_SHARE` of ``width``, leaving each actor's
    column :data:`GOOD_CELL`."""
    return max(0.0, min(LABEL_SHARE * width, width - 2 * PAD - GOOD_CELL * actors))


def _texts(renderer: object, dataset: Dataset, issue: str, label_w: float, size: float
           ) -> tuple[list[str], list[str]]:
    """An issue's name (a part's indented after a dash) and its proposition, each wrapped to ``label_w`` inches."""
    part = dataset.issues[issue].parent in dataset.issues
    font = PART_FONT if part else NAME_FONT
    room = label_w - 0.1 - 0.3 * part
    name = wrapped(renderer, dataset.issues[issue].name, font, room)
    said = f"Proposition: {dataset.issues[issue].proposition}"
    italic = FontProperties(size=size, style="italic")
    if len(name) == 1 and (text_width(renderer, name[0] + BESIDE, font) + text_width(renderer, said, italic)
                           ) / 100 <= room:
        return [name[0] + BESIDE + said], []               # on the name's line
    return name, wrapped(renderer, said, italic, label_w - 0.1 - 0.12 * part)


def _row_height(texts: tuple[list[str], list[str]], size: float) -> float:
    """Inches a row needs for its name and proposition lines (type of ``size`` points); a proposition beside
    the name (no lines of its own) needs none."""
    name, said = texts
    return 0.08 + NAME_LINE * len(name) + size * LEADING / 72 * len(said) + 0.04 * bool(said)


def row_text(ax: Axes, dataset: Dataset, issue: str, texts: tuple[list[str], list[str]], top: float,
              size: float) -> list[Artist]:
    """An issue's name and, under it, its proposition, in the label column from ``top`` (inches down)."""
    part = dataset.issues[issue].parent in dataset.issues
    name, said = texts
    beside = name[0].partition(BESIDE)[2] if not said else ""
    lines = [("– " if part and i == 0 else "  " if part else "") + line.partition(BESIDE)[0]
             for i, line in enumerate(name)]
    label = ax.text(PAD + 0.12 * part, top + 0.08, "\n".join(lines), va="top", linespacing=1.05,
                    fontsize=style.FONT["size"] - 0.5 * part, color=style.MUTED if part else style.INK,
                    fontweight="normal" if part else "bold", parse_math=False, gid=f"issue:{issue}")
    look = {"fontsize": size, "fontstyle": "italic", "color": style.MUTED, "parse_math": False,
            "gid": f"proposition:{issue}"}
    if beside:
        proposition = ax.annotate(beside, (1, 0), xycoords=label, xytext=(7, 1), textcoords="offset points",
                                  va="bottom", **look)
    else:
        proposition = ax.text(PAD + 0.12 * part, top + 0.08 + NAME_LINE * len(name) + 0.01, "\n".join(said),
                              va="top", linespacing=1.0, **look)
    return [label, proposition]


def wrapped(renderer: object, text: str, font: FontProperties, room: float) -> list[str]:
    """``text`` cut at spaces into lines that each measure at most ``room`` inches in ``font`` (a word longer
    than ``room`` keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(renderer, f"{lines[-1]} {word}", font) / 100 <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines



def issue_label(dataset: Dataset, issue: str) -> str:
    """An issue's name, a part's after a dash and indented (as in the positions chart)."""
    part = dataset.issues[issue].parent in dataset.issues
    return ("   – " if part else "") + dataset.issues[issue].name

