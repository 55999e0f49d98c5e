"""The frame of an actor graph drawing: the plot, the key beside or under it (and the pair table), the title,
the subtitle and the footer, laid out in inches. Nothing here knows what the graph shows."""
from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import NamedTuple

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from timeline.render import style
from timeline.render.graph_key import Section, draw_key
from timeline.render.graph_table import draw_table, table_height
from timeline.render.select import GraphError, PairRow
from timeline.render.text import printable, shorten

FRAME_TOP, FRAME_BOTTOM, KEY_WIDTH, MARGIN, KEY_GAP = 1.05, 0.6, 2.9, 0.25, 0.2   # inches
#: Narrower than this (inches), the key goes under the plot.
WIDE = 8.5
#: The smallest plot's height (inches).
MIN_PLOT = 2.0
#: Key sections a drawing of a fixed size leaves out, in this order, when the key leaves the plot too little room:
#: the sizes (the labels say who is busiest), the shapes, then the widths.
OPTIONAL_KEYS = ("size", "kind", "width")
#: Pairs a state-level table keeps before any key is dropped.
TABLE_LEAST = 3
#: The pair table's width (inches), names included.
TABLE_WIDTH = 3.9


class Table(NamedTuple):
    """The pair table of a state-level drawing: its rows, the actors' short names, how many pairs it leaves out."""

    rows: list[PairRow]
    names: dict[str, tuple[str, ...]]
    hidden: int


def frame(size: tuple[float, float], dpi: int, parts: list[Section], grow: bool,
          table: Table | None = None, bottom: float = FRAME_BOTTOM) -> tuple[Figure, Axes, bool]:
    """A figure with the plot and its key, drawn: the key in a column on the right of a wide figure (under the
    pair table, if any), under the plot in two columns of a narrow one (below :data:`WIDE` inches). If ``grow``,
    the figure grows as tall as the key needs; else a key too tall gives up steps of :func:`_smaller_keys` (table
    rows down to three, then :data:`OPTIONAL_KEYS`, then rows down to two, then the table on a narrow figure),
    and one that still leaves the plot less than :data:`MIN_PLOT` inches raises :class:`GraphError`. Return the
    figure, the plot's axes and whether the table was drawn."""
    w, h = size
    wide = w >= WIDE
    plot_w = w - 2 * MARGIN - (_key_width(table) if wide else 0.0)
    for shown, cut in _smaller_keys(parts, table, not wide):
        needed = _draw_key(Figure(figsize=(w, 40.0), dpi=dpi), shown, cut, wide, 40.0 - FRAME_TOP - bottom, bottom)
        plot_h = h - FRAME_TOP - bottom - (0.0 if wide else needed + KEY_GAP)
        short = (needed - plot_h) if wide else max(MIN_PLOT, 0.5 * (w - 2 * MARGIN)) - plot_h
        if grow or short <= 0.01:
            break
    if grow and short > 0:
        h, plot_h = h + short, plot_h + short
    elif not grow and (plot_h < MIN_PLOT or wide and short > 0.01):
        raise GraphError(f"size=({w:g}, {h:g}) inches cannot hold the graph and its key ({needed:.1f} inches "
                         "tall); give a larger size, or leave size out to fit")
    figure = Figure(figsize=(w, h), dpi=dpi)
    ax = figure.add_axes((MARGIN / w, (h - FRAME_TOP - plot_h) / h, plot_w / w, plot_h / h))   # the first axes
    ax.set_axis_off()
    _draw_key(figure, shown, cut, wide, plot_h if wide else needed, bottom)
    return figure, ax, cut is not None


def _smaller_keys(parts: list[Section], table: Table | None, narrow: bool
                  ) -> Iterator[tuple[list[Section], Table | None]]:
    """The key as drawn, then smaller: with a table, first its last rows, down to :data:`TABLE_LEAST` (every
    key says what the map draws); then without the sizes, the shapes and the widths in turn
    (:data:`OPTIONAL_KEYS`); then with fewer table rows, down to two, and if ``narrow`` without the table."""
    least = min(len(table.rows), TABLE_LEAST) if table else 0
    for rows in range(len(table.rows), least - 1, -1) if table else ():
        yield parts, _cut(table, rows)
    for k in range(len(OPTIONAL_KEYS) + 1):
        yield [p for p in parts if p.name not in OPTIONAL_KEYS[:k]], _cut(table, least)
    bare = [p for p in parts if p.name not in OPTIONAL_KEYS]
    for rows in range(least - 1, 1, -1) if table else ():
        yield bare, _cut(table, rows)
    if table and narrow:
        yield bare, None


def _cut(table: Table | None, rows: int) -> Table | None:
    """``table`` with only its first ``rows`` rows, the note counting the others."""
    if table is None or rows >= len(table.rows):
        return table
    return table._replace(rows=table.rows[:rows], hidden=table.hidden + len(table.rows) - rows)


def _key_width(table: Table | None) -> float:
    """Inches the key takes beside a wide plot: a column, as wide as the table if there is one."""
    return TABLE_WIDTH if table is not None else KEY_WIDTH


def _draw_key(figure: Figure, parts: list[Section], table: Table | None, wide: bool, height: float,
              bottom: float) -> float:
    """Draw the key (and the pair table) ``height`` inches tall, ``bottom`` inches above the foot of ``figure``
    (over the footer): a column on the right if ``wide`` (the table on top, the key in two columns under it),
    else two columns across with the table under them; return the height it takes, in inches."""
    FigureCanvasAgg(figure)
    w, h = figure.get_size_inches()
    across = _key_width(table) - MARGIN if wide else w - 2 * MARGIN
    columns = 1 if wide and table is None else 2
    key_w = across if columns == 1 else (across - KEY_GAP) / 2
    key = figure.add_axes(((w - MARGIN - across) / w, bottom / h, across / w, height / h))
    key.set_axis_off()
    top = 0.0
    if table is not None and wide:              # the table first: it carries what the lines do not
        draw_table(key, table.rows, table.names, across, 0.0, table.hidden)
        top = table_height(table.rows, across, table.hidden) + KEY_GAP
        parts = [p._replace(columns=1) for p in parts]      # half a column each: entries one under another
    heights = draw_key(figure, key, parts, columns=columns, column_width=key_w + KEY_GAP, top=top)
    if table is not None and not wide:          # under both columns of the key, names at full length
        top = max(heights) + KEY_GAP
        draw_table(key, table.rows, table.names, min(across, TABLE_WIDTH), top, table.hidden)
        heights = [top + table_height(table.rows, min(across, TABLE_WIDTH), table.hidden)]
    return max(heights)


def footer_lines(parts: list[str | None], width: float) -> list[str]:
    """The footer's lines at a figure ``width`` inches wide: each part wrapped to the width."""
    chars = int((width - 2 * MARGIN) * 72 / (style.FOOTER_SIZE * 0.55))
    return [line for part in parts if part for line in textwrap.wrap(printable(part), chars)]


def draw_texts(figure: Figure, title: str, subtitle: str, footer: list[str]) -> None:
    w, h = figure.get_size_inches()
    figure.text(MARGIN / w, 1 - 0.22 / h, shorten(printable(title), int((w - 2 * MARGIN) * 72 / 8)),
                fontsize=style.TITLE_SIZE, fontweight="bold", va="top", gid="title", parse_math=False)
    figure.text(MARGIN / w, 1 - 0.55 / h, textwrap.fill(subtitle, int((w - 2 * MARGIN) * 72 / (10 * 0.55))),
                fontsize=10, color=style.MUTED, va="top", gid="subtitle", parse_math=False)
    figure.text(MARGIN / w, 0.15 / h, "\n".join(footer), fontsize=style.FOOTER_SIZE, color=style.MUTED, va="bottom",
                gid="footer", parse_math=False)
