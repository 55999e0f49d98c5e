"""Where the positions chart's issues go: each issue's heading lines, the height of its rows, and the columns the
issues flow into at a fixed size. Lengths in inches, measured; nothing here draws.
"""
from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from timeline.render.frame import DPI, Frame
from timeline.render.stance_rows import ChartError, Panel
from timeline.render.text import text_width

ROW = 0.13             # inches per actor row
CLAIM_ROW = 0.11       # inches per row of claimed stances
HEAD = 0.165           # inches per line of an issue's heading
GAP = 0.05             # inches between issues
TOP_AXIS = 0.4         # inches above the chart for the month labels
GUTTER = 0.3           # inches between two columns of issues
MIN_TIME = 2.5         # inches: the narrowest time axis a column of issues may have (a year: 0.2 inch a month)
NAME_SIZE = 7.5        # points: row labels and issue names


def layout(panels: Sequence[Panel], headings: dict[str, list[str]]) -> tuple[list[list[float]], list[float], float]:
    """Row centres and heading tops per panel (inches from the chart's top), and the chart's height."""
    rows: list[list[float]] = []
    heads: list[float] = []
    y = 0.0
    for panel in panels:
        heads.append(y)
        y += HEAD * len(headings[panel.issue]) + 0.02
        ys = []
        for row in panel.rows:
            pitch = CLAIM_ROW if row.claimed else ROW
            ys.append(y + pitch / 2)
            y += pitch
        rows.append(ys)
        y += GAP
    return rows, heads, y


def headings(figure: Figure, panels: Sequence[Panel], room: float) -> dict[str, list[str]]:
    """Each issue's heading lines, fitted to ``room`` inches: the name, followed on its line by what stances are
    for or against (as many of its words as fit, the rest on the lines under it) and the actors who spoke of its
    parts only, in grey."""
    renderer = figure.canvas.get_renderer()
    bold = FontProperties(size=NAME_SIZE + 0.5, weight="bold")
    font = FontProperties(size=NAME_SIZE - 0.5)
    out = {}
    for panel in panels:
        words = part_of_words(panel) + "Proposition: " + panel.proposition
        note = [f"{names_and(panel.parts_only)}: stances on its parts only" + " (below)" * panel.parts_below
                ] if panel.parts_only else []
        beside = room - (text_width(renderer, panel.name, bold) + 8) / DPI
        fits = lambda text, inches: text_width(renderer, text, font) / DPI <= inches  # noqa: E731
        if fits("  ·  ".join([words, *note]), beside):
            out[panel.issue] = [panel.name + "  " + "  ·  ".join([words, *note])]
        elif fits(words, beside):
            out[panel.issue] = [panel.name + "  " + words, *_wrap(note, room, fits)]
        else:        # the name, and after it on its line as many words as fit; the rest wrapped under it
            first = _wrap([words], beside, fits)[0] if beside > 0 else ""
            first = first if fits(first, beside) else ""
            rest = words[len(first):].strip()
            out[panel.issue] = [" ".join(filter(None, (panel.name, " " + first if first else ""))),
                                *_wrap([rest, *note] if rest else note, room, fits)]
    return out


def _wrap(lines: list[str], room: float, fits) -> list[str]:
    """``lines`` cut at words so that each ``fits`` in ``room`` inches."""
    out = []
    for line in lines:
        words = line.split(" ")
        while words:
            take = len(words)
            while take > 1 and not fits(" ".join(words[:take]), room):
                take -= 1
            out.append(" ".join(words[:take]))
            words = words[take:]
    return out




def fit_columns(figure: Figure, frame: Frame, panels: Sequence[Panel], width: float, height: float | None
                ) -> tuple[list[list[Panel]], dict[str, list[str]], float]:
    """The panels in columns, their heading lines, and a column's width in inches (row names included): one
    column without ``height``; else the fewest columns (at most three, each with a time axis of at least
    :data:`MIN_TIME`) in which the chart fits ``height``, leaving out the last issues if even those do not."""
    room = None if height is None else height - frame.fixed_height - TOP_AXIS
    best: tuple[list[list[Panel]], dict[str, list[str]], float] | None = None
    for count in range(1, 4):
        column = (width - Frame.PAD - Frame.RIGHT - (count - 1) * GUTTER) / count
        if count > 1 and (room is None or column - (frame.left - Frame.PAD) < MIN_TIME):
            break
        lines = headings(figure, panels, width - 2 * Frame.PAD if count == 1 else column)
        tall = [layout([p], lines)[2] for p in panels]
        groups = _balance(list(panels), tall, count)
        best = (groups, lines, column)
        if room is None or max(sum(tall[panels.index(p)] for p in g) - GAP for g in groups) <= room:
            return best
    assert best is not None and room is not None
    groups, lines, column = best
    tall = {p.issue: layout([p], lines)[2] for p in panels}
    kept: list[list[Panel]] = [[]]
    used = 0.0
    for panel in panels:                       # fill the columns in order; what does not fit is left out
        if used + tall[panel.issue] - GAP > room:       # no gap is needed under a column's last issue
            if len(kept) == len(groups) or not kept[-1]:
                break
            kept.append([])
            used = 0.0
            if tall[panel.issue] - GAP > room:
                break
        kept[-1].append(panel)
        used += tall[panel.issue]
    if not kept[0]:
        raise ChartError(f"height={height:g} inches holds no issue of this chart; give a taller size")
    return [g for g in kept if g], lines, column


def _balance(panels: list[Panel], tall: list[float], count: int) -> list[list[Panel]]:
    """``panels`` cut, in order, into ``count`` columns of heights as even as can be (each panel goes to the
    column where its middle falls)."""
    total, groups, done = sum(tall), [[] for _ in range(count)], 0.0
    for panel, height in zip(panels, tall):
        groups[min(int((done + height / 2) / total * count), count - 1)].append(panel)
        done += height
    return [g for g in groups if g]



def part_of_words(panel: Panel) -> str:
    """'Part of Territory. ' under a drawn parent; a part drawn without its parent says that the whole is not
    drawn, so that no reader looks for it."""
    if not panel.parent:
        return ""
    return f"Part of {panel.parent}" + ("" if panel.parent_drawn else ", which is not drawn here") + ". "


def names_and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
