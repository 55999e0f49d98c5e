"""The page around a timeline chart: title, subtitle and legends above; notes and sources below; lane names left.

Everything is measured before the figure's height is known, then placed
by :meth:`Frame.axes`, which gives the figure its height.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend

from timeline.errors import UserError
from timeline.render import style
from timeline.render.legend import Entry, handler_map
from timeline.render.text import JOIN, keep_dates, printable, shorten, text_width, typeset

DPI = 100               # of the figure while laid out; savefig's dpi only scales pixels
LABEL_SIZE = 7.5        # points
LANE_NAME = 18          # characters per line of a lane's name
LINE = style.FONT["size"] * 1.4 / 72  # inches per line of a lane's name
NOTE_SIZE = 7.0                        # points: the note under a lane's name
NOTE_LINE = NOTE_SIZE * 1.3 / 72       # inches per line of that note


class Frame:
    """The figure around the chart; see the module."""

    PAD = 0.2         # inches around the figure's edges
    RIGHT = 0.3       # inches right of the axes
    TOP = 0.75        # inches from the top of the figure to the first legend
    SPACE = 0.1       # inches below each legend
    KEY_ROWS = 3      # rows of a legend past which its words are shortened (:meth:`_legend`)
    AXIS = 0.55       # inches below the axes for tick labels (two lines)
    LINE = 0.14       # inches per line of the footer
    TITLE_LINE = 0.26  # inches per further line of the title
    SUBTITLE_LINE = style.FONT["size"] * 1.25 / 72  # inches per further line of the subtitle

    def __init__(self, figure: Figure, lane_names: Sequence[str], right: float = RIGHT) -> None:
        self.figure = figure
        self.renderer = figure.canvas.get_renderer()
        self.left = lane_label_width(self.renderer, lane_names) if lane_names else self.PAD + 0.05
        self.axes_width = figure.get_figwidth() - self.left - right
        self.legends: list[tuple[Legend, float]] = []
        self.notes: list[str] = []
        self.credits: list[str] = []
        self.band = 0.0
        self.title_lines = 1
        self.subtitle_lines = 1

    @property
    def top(self) -> float:
        """Inches from the top of the figure to the first legend: more for a title or subtitle on two lines."""
        return self.TOP + self.TITLE_LINE * (self.title_lines - 1) + self.SUBTITLE_LINE * (self.subtitle_lines - 1)

    @property
    def fixed_height(self) -> float:
        """Inches of the figure that are not the chart's axes."""
        top = self.top + sum(height + self.SPACE for _, height in self.legends)
        band = self.band + self.AXIS if self.band else 0.0
        return top + self.AXIS + band + self.LINE * len(self.notes + self.credits) + 0.12

    def header(self, title: str, subtitle: str, legends: list[list[Entry]]) -> None:
        fig = self.figure
        font = FontProperties(size=style.TITLE_SIZE, weight="bold")
        room = (fig.get_figwidth() - 2 * self.PAD) * DPI
        title = typeset(printable(title))
        if text_width(self.renderer, title, font) > room:       # two lines, cut at a word, rather than one cut short
            chars = int(len(title) * room / text_width(self.renderer, title, font))
            lines = textwrap.wrap(title, max(chars, 10))
            title = "\n".join([lines[0], shorten(" ".join(lines[1:]), max(chars, 10))])
            self.title_lines = 2
        self.title = fig.text(0, 0, title, fontsize=style.TITLE_SIZE, fontweight="bold", va="top",
                              parse_math=False, gid="title", linespacing=1.15)
        lines = self.wrap(subtitle, style.FONT["size"])        # wrapped, never cut
        self.subtitle_lines = len(lines)
        self.subtitle = fig.text(0, 0, "\n".join(lines), fontsize=style.FONT["size"], color=style.MUTED, va="top",
                                 parse_math=False, gid="subtitle", linespacing=1.1)
        for entries in legends:
            if entries:
                legend = self._legend(entries)
                self.legends.append((legend, legend.get_window_extent(self.renderer).height / DPI))

    def footer(self, *lines: str | None) -> None:
        for text in lines:
            if text:
                self.credits += self.wrap(typeset(printable(text)))

    def footnote(self, text: str | None) -> None:
        if text:
            self.notes += self.wrap(text)

    def axes(self, height: float) -> Axes:
        """Give the figure its height, put the header and footer in place, and add the chart's axes.

        Raises :class:`~timeline.errors.UserError` where ``height`` inches leave no room for the axes under the
        title, key and notes."""
        fig = self.figure
        if height <= self.fixed_height:
            raise UserError(f"size=({fig.get_figwidth():g}, {height:g}) inches leaves no room for the chart under "
                            f"its title, key and notes; give a height over {self.fixed_height:.1f} inches, or None")
        fig.set_figheight(height)
        width = fig.get_figwidth()
        x = self.PAD / width
        self.title.set_position((x, 1 - self.PAD / height))
        self.subtitle.set_position((x, 1 - (0.48 + self.TITLE_LINE * (self.title_lines - 1)) / height))
        top = self.top
        for legend, legend_height in self.legends:
            legend.set_bbox_to_anchor((x, 1 - top / height), transform=fig.transFigure)
            top += legend_height + self.SPACE
        bottom = self.LINE * len(self.notes + self.credits) + 0.12
        fig.text(x, 0.1 / height, "\n".join(self.notes + self.credits), fontsize=style.FOOTER_SIZE,
                 color=style.MUTED, va="bottom", linespacing=1.45, parse_math=False, gid="footer")
        self.bottom = bottom
        band = self.band + self.AXIS if self.band else 0.0
        return fig.add_axes((self.left / width, (bottom + self.AXIS + band) / height, self.axes_width / width,
                             (height - self.fixed_height) / height))

    def band_axes(self) -> Axes:
        """The axes of a band beneath the chart (call after :meth:`axes`)."""
        fig = self.figure
        width, height = fig.get_figwidth(), fig.get_figheight()
        return fig.add_axes((self.left / width, (self.bottom + self.AXIS) / height, self.axes_width / width,
                             self.band / height))

    def _legend(self, entries: list[Entry]) -> Legend:
        """A legend in as few rows as the figure's width allows; past :data:`KEY_ROWS` rows (a narrow chart), its
        words lose what they say in brackets (what the symbol beside them shows: 'Planned (hollow, dashed…)')
        and its columns close up, so that the key stays a small part of the chart."""
        handles, labels = zip(*entries)
        legend, rows = self._rows(handles, labels)
        if rows > self.KEY_ROWS and any(" (" in label for label in labels):
            legend, _ = self._rows(handles, [label.split(" (")[0] for label in labels], 1.6, 0.8)
        self.figure.legends.append(legend)
        return legend

    def _rows(self, handles: Sequence[object], labels: Sequence[str], handle: float = 2.2, space: float = 1.4
              ) -> tuple[Legend, int]:
        """The legend in as few rows as fit the width, and its rows."""
        room = (self.figure.get_figwidth() - self.PAD - self.RIGHT) * DPI
        for rows in range(1, len(handles) + 1):
            legend = Legend(self.figure, handles, labels, loc="upper left", ncols=-(-len(handles) // rows),
                            frameon=False, fontsize=LABEL_SIZE, handlelength=handle, handletextpad=0.5,
                            columnspacing=space, borderaxespad=0, borderpad=0, labelspacing=0.45,
                            handler_map=handler_map())
            if legend.get_window_extent(self.renderer).width <= room:
                break
        return legend, -(-len(handles) // -(-len(handles) // rows))

    def wrap(self, text: str, size: float = style.FOOTER_SIZE) -> list[str]:
        """Lines no wider than the figure in type of ``size`` points; widths of words are added up, with 3% to
        spare for kerning."""
        font = FontProperties(size=size)
        room = (self.figure.get_figwidth() - 2 * self.PAD) * DPI / 1.03
        space = text_width(self.renderer, "a b", font) - text_width(self.renderer, "ab", font)
        lines: list[list[str]] = [[]]
        used = 0.0
        for word in keep_dates(text).split(" "):             # a date is never broken across lines
            width = text_width(self.renderer, word, font)
            if lines[-1] and used + space + width > room:
                lines.append([])
            used = used + space + width if lines[-1] else width
            lines[-1].append(word)
        return [" ".join(words).replace(JOIN, " ") for words in lines]


def lane_label_width(renderer: object, names: Sequence[str]) -> float:
    """Inches to the left of the axes for the lane names."""
    font = FontProperties(size=style.FONT["size"], weight="bold")
    widest = max((text_width(renderer, line, font) for name in names for line in lane_text(name).split("\n")),
                 default=0)
    return widest / DPI + 0.35


def lane_text(name: str) -> str:
    """A lane's name as drawn: on two lines at most, and its total (after a line break) on a line of its own;
    the width kept left of the axes is measured on this very text (a 10k chart cut 'Frontline Mapping
    Project' at the figure's edge where it measured one line less)."""
    return wrap_lane(name, 2 + name.count("\n"))


def wrap_lane(name: str, lines: int = 2) -> str:
    """A lane's name on at most ``lines`` lines of :data:`LANE_NAME` characters, cut short if need be; what
    follows its first line break (a lane's total, "Institute for War & Peace Studies\n237") is kept whole."""
    first, *rest = name.split("\n")
    wrapped = textwrap.wrap(first, LANE_NAME) or ["(none)"]
    room = max(1, lines - len(rest))
    if len(wrapped) > room:
        wrapped = wrapped[:room - 1] + [shorten(" ".join(wrapped[room - 1:]), LANE_NAME)]
    return "\n".join([*wrapped, *rest])
