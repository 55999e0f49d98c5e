"""``timeline render graph --graph positions``: the graph of actors, issues and stances, drawn as its matrix.

The graph (:func:`timeline.export.negotiation.position_graph`, the one the
GEXF, GraphML and Cytoscape exports write) joins actors to issues by the
stances they held on a day. With a handful of actors each holding a stance
on most issues, a node-link drawing of it is a knot of crossing lines (last
round's drawing), so it is drawn as a grid: an issue per row (an issue's
parts indented under it, as in the positions chart), an actor per column,
and each edge, the stance that actor held on that issue on the chosen day,
as the cell where the two meet: filled in the stance's colour
(:mod:`timeline.stance_colors`, the most extreme stance against also
cross-hatched) and named in words, so that it reads in black and white. A
stance others attribute to the actor ("per Ukraine") is outlined under it,
as the positions chart draws it. One edge per actor, issue and attributor.
"""
from __future__ import annotations

import textwrap
from collections.abc import Iterable
from datetime import date
from math import ceil
from pathlib import Path as FilePath

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch, Rectangle

from timeline.errors import NothingToShow
from timeline.export.negotiation import ISSUE_NODE, position_graph
from timeline.model import Dataset, Event
from timeline.render import style
from timeline.render.files import image_format, save_image
from timeline.render.labels import short_name
from timeline.render.positions_key import claim_look
from timeline.render.stance_rows import ChartError, issue_order
from timeline.render.text import quiet_glyphs, text_width
from timeline.stance_colors import EXTREME_HATCH, hatched_stance, stance_colors
from timeline.user_dates import read_user_date

MOST = 40              # actors, and issues: more would not be legible in one grid
FOOT = 0.45            # inches below the grid for its note
PAD = 0.25             # inches around the figure's edges
PROPOSITION_LINE = 0.135 # inches per line of an issue's proposition under its name
TEXT_LINE = 0.16       # inches per line of the subtitle and of an actor's name
Held = tuple[str, str, str, tuple[str, ...]]   # actor, issue, stance, who claims it (empty: the actor's own)


def held_stances(dataset: Dataset, events: Iterable[Event] | None = None, as_of: str | None = None
                 ) -> tuple[list[Held], date]:
    """The graph's stance edges that hold on ``as_of`` (a date as the user writes it; default the day of the
    last position), one per actor, issue and attributor, and that day."""
    graph = position_graph(dataset, events)
    edges = [d for *_, d in graph.edges(data=True) if d.get("relation") == "stance"]
    if not edges:
        raise NothingToShow("no positions to draw as a graph")
    if as_of is None:
        day = max(date.fromisoformat(d["since"]) for d in edges)
    else:
        span = read_user_date(as_of)
        day = (span.start or span.end).date()
    held = [(u, v[len(ISSUE_NODE):], d["stance"], tuple(d["claimed_by"])) for u, v, d in graph.edges(data=True)
            if d.get("relation") == "stance" and date.fromisoformat(d["since"]) <= day
            and (d["until"] is None or date.fromisoformat(d["until"]) > day)]
    if not held:
        raise NothingToShow(f"no stance held on {day:%d %b %Y}; the first position is of "
                            f"{min(d['since'] for d in edges)}")
    return held, day


def draw_stance_graph(dataset: Dataset, events: Iterable[Event] | None = None, *, title: str | None = None,
                      size: tuple[float, float] | None = None, as_of: str | None = None) -> Figure:
    """The grid of actors, issues and the stances held on ``as_of``; the drawn edges are on ``figure.stances`` as
    (actor id, issue id, stance id, claimed) tuples. ``size``: (width, height) in inches, default as the grid
    needs. Raises :class:`~timeline.errors.NothingToShow` without positions, :class:`ChartError` for more than
    :data:`MOST` actors or issues or a size too small to name them."""
    held, day = held_stances(dataset, events, as_of)
    actors = sorted({h[0] for h in held}, key=lambda a: (-sum(h[0] == a and not h[3] for h in held), a))
    issues = [i for i in issue_order(dataset) if i in {h[1] for h in held}]
    if len(issues) > MOST or len(actors) > MOST:
        raise ChartError(f"{len(actors):,} actors and {len(issues):,} issues do not fit a graph of stances (at most "
                         f"{MOST} of each); narrow the events (--since, --until), or draw 'timeline render "
                         "positions --issues ...'")
    claims = any(h[3] for h in held)
    width = size[0] if size else min(13.0, 2.8 + 1.15 * len(actors))
    style.apply_defaults()
    figure = Figure(figsize=(width, 4), dpi=100)
    FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    label_w = min(0.3 * width, 0.1 + max(text_width(renderer, _issue_label(dataset, i), FontProperties(
        size=style.FONT["size"], weight="bold")) / 100 for i in issues))    # longer names wrap
    cell_w = (width - 2 * PAD - label_w) / len(actors)
    subtitle = textwrap.wrap("The stance each actor had last stated on each issue, held until replaced; blank: none "
                             "on record" + ("; outlined under a cell, a stance others attribute to the actor" if claims
                                            else ""), max(40, int((width - 2 * PAD) / 0.075)))
    names = {a: textwrap.wrap(dataset.actors[a].name if a in dataset.actors else a, max(8, int(cell_w / 0.075)),
                              break_long_words=False) for a in actors}
    keys = len({h[2] for h in held}) + claims
    head = PAD + 0.4 + TEXT_LINE * len(subtitle) + 0.2 * key_rows(keys, width) + 0.12 + \
        TEXT_LINE * max(map(len, names.values())) + 0.05
    said = {i: _proposition(dataset, i, label_w) for i in issues}
    row = max(0.42 if claims else 0.3, 0.34 + PROPOSITION_LINE * max(map(len, said.values())))
    height = size[1] if size else head + FOOT + row * len(issues)
    pitch = (height - head - FOOT) / len(issues)
    if cell_w < 0.55 or pitch < 0.2:
        least = (ceil(10 * (2 * PAD + label_w + 0.55 * len(actors))) / 10, ceil(10 * (head + FOOT + 0.2 * len(issues))) / 10)
        raise ChartError(f"{width:g}x{height:g} inches is too small for {len(actors)} actors and {len(issues)} issues; "
                         f"give at least {least[0]:g}x{least[1]:g}")
    figure.set_figheight(height)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    colors, hatch = stance_colors(dataset.stances), hatched_stance(dataset.stances)
    left = PAD + label_w
    figure.text(PAD / width, 1 - PAD / height, title or f"Where each side stood on each issue, {day.day} {day:%b %Y}",
                fontsize=style.TITLE_SIZE, fontweight="bold", va="top", parse_math=False, gid="title")
    figure.text(PAD / width, 1 - (PAD + 0.38) / height, "\n".join(subtitle), fontsize=style.FONT["size"] - 0.5,
                color=style.MUTED, va="top", parse_math=False, gid="subtitle", linespacing=1.3)
    _key(figure, dataset, colors, hatch, {h[2] for h in held}, [h[2] for h in held if h[3]],
         (PAD + 0.48 + TEXT_LINE * len(subtitle)) / height)
    for column, actor in enumerate(actors):
        ax.text(left + (column + 0.5) * cell_w, head - 0.05, "\n".join(names[actor]), ha="center", va="bottom",
                fontsize=style.FONT["size"] - 0.5, fontweight="bold", parse_math=False, linespacing=1.1)
    for row, issue in enumerate(issues):
        top = head + row * pitch
        part = dataset.issues[issue].parent in dataset.issues
        label = _issue_label(dataset, issue)
        wide = text_width(renderer, label, FontProperties(size=style.FONT["size"], weight="bold")) / 100
        if wide > label_w - 0.1:                  # wrapped at words to the column's width
            label = "\n".join(textwrap.wrap(dataset.issues[issue].name, max(10, int(len(label) * (label_w - 0.1) / wide)),
                                            break_long_words=False, initial_indent="   – " * part,
                                            subsequent_indent="      " * part))
        named = 0.15 * (label.count("\n") + 1)       # the name's height; the proposition goes under it
        room = int((pitch - 0.19 - named) / PROPOSITION_LINE)
        ax.text(PAD, top + 0.08 + named / 2 if room > 0 else top + pitch / 2, label, va="center",
                linespacing=1.05,
                fontsize=style.FONT["size"] - 0.5 * part, color=style.MUTED if part else style.INK,
                fontweight="normal" if part else "bold", parse_math=False, gid=f"issue:{issue}")
        if room > 0:
            lines = said[issue][:room]
            if len(said[issue]) > room:
                lines[-1] = lines[-1].rstrip(" ,;") + "…"
            ax.text(PAD + 0.12 * part, top + 0.12 + named, "\n".join(lines), va="top", linespacing=1.0,
                    fontsize=style.FONT["size"] - 1.5, fontstyle="italic", color=style.MUTED, parse_math=False,
                    gid=f"proposition:{issue}")
        ax.axhline(top, xmin=PAD / width, xmax=1 - PAD / width, color=style.GRID, lw=0.6, zorder=0)
    drawn = []
    for actor, issue, stance, claimed_by in held:
        x = left + actors.index(actor) * cell_w
        y = head + issues.index(issue) * pitch
        drawn.append((actor, issue, stance, bool(claimed_by)))
        cell(ax, (x, y, cell_w, pitch), dataset, stance, colors[stance], EXTREME_HATCH if stance == hatch else None,
             claimed_by, claims, gid=f"stance:{actor}:{issue}:{stance}" + ":claimed" * bool(claimed_by))
    note = textwrap.wrap("Each cell is an edge of the graph that 'timeline export --graph positions' writes; 'timeline "
                         "render positions' draws how the stances moved.", int((width - 2 * PAD) / 0.06))
    figure.text(PAD / width, 0.08 / height, "\n".join(note), fontsize=style.FOOTER_SIZE, color=style.MUTED,
                va="bottom", parse_math=False, gid="footer", linespacing=1.3)
    figure.stances = drawn
    return figure


def cell(ax: Axes, box: tuple[float, float, float, float], dataset: Dataset, stance: str, color: str,
         hatch: str | None, claimed_by: tuple[str, ...], room_for_claims: bool, gid: str) -> list[Artist]:
    """One stance in its cell ``box`` (x, y, width, height; inches down): the actor's own filling the upper part
    (all of it where no stance of the chart is claimed), named in ink that reads on its colour; a claim
    outlined in the lower part, 'per' its claimants."""
    x, y, w, h = box
    own_h = h * (0.6 if room_for_claims else 0.8)
    label = dataset.stances[stance].label
    if claimed_by:
        y0, bar_h = y + 0.13 * h + own_h, h * 0.25
        patch = Rectangle((x + 0.06, y0), w - 0.12, bar_h, gid=gid, **claim_look(color, hatch))
        who = " and ".join(short_name(dataset, a) if a in dataset.actors else a for a in claimed_by)
        words, size = _fitted([f"per {who}: {label}", f"{who}: {label}"], w - 0.12, ax.figure)
        text = ax.text(x + w / 2, y0 + bar_h / 2, words, ha="center", va="center", color=style.INK,
                       fontsize=size, parse_math=False,
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4} if hatch else None)
    else:
        y0 = y + 0.1 * h
        patch = Rectangle((x + 0.04, y0), w - 0.08, own_h, gid=gid, facecolor=color, edgecolor="white", lw=0,
                          hatch=hatch)
        text = ax.text(x + w / 2, y0 + own_h / 2, label, ha="center", va="center", fontsize=style.FONT["size"] - 1.5,
                       color=ink_on(color), fontweight="bold", parse_math=False,
                       bbox={"facecolor": color, "edgecolor": "none", "pad": 0.6} if hatch else None)
    ax.add_patch(patch)
    return [patch, text]


def _fitted(choices: list[str], room: float, figure: Figure) -> tuple[str, float]:
    """The first of ``choices`` (longest first) that fits ``room`` inches at the claim's type size, or the last
    one at the size that fits it (never under 4.5 points)."""
    renderer = figure.canvas.get_renderer()
    size = style.FONT["size"] - 3
    for words in choices:
        if text_width(renderer, words, FontProperties(size=size)) / figure.dpi <= room:
            return words, size
    wide = text_width(renderer, choices[-1], FontProperties(size=size)) / figure.dpi
    return choices[-1], max(4.5, size * room / wide)


def ink_on(color: str) -> str:
    """White on a dark colour, the chart's ink on a light one (WCAG relative luminance below 0.3: white)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(color)]
    return "white" if 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] < 0.3 else style.INK


def _key(figure: Figure, dataset: Dataset, colors: dict[str, str], hatch: str | None, shown: set[str],
         claimed: list[str], top: float) -> None:
    """The stances drawn, most in favour first, and how a claim is drawn (in the colour of the stance most often
    claimed, as the grid draws it), in one row under the subtitle."""
    scale = [s for s in sorted(dataset.stances, key=lambda s: -s.value) if s.id in shown]
    handles = [Patch(facecolor=colors[s.id], edgecolor="white", lw=0, hatch=EXTREME_HATCH if s.id == hatch else None)
               for s in scale]
    labels = [s.label for s in scale]
    if claimed:
        handles.append(Patch(**claim_look(colors[max(sorted(set(claimed)), key=claimed.count)], None)))
        labels.append("Outlined: a stance others attribute")
    room = (figure.get_figwidth() - 2 * PAD) * figure.dpi
    for rows in range(1, len(handles) + 1):        # in as few rows as the width allows
        legend = figure.legend(handles, labels, loc="upper left", bbox_to_anchor=(PAD / figure.get_figwidth(), 1 - top),
                               ncols=-(-len(handles) // rows), frameon=False, fontsize=style.FONT["size"] - 1.5,
                               handlelength=1.8, columnspacing=1.0, borderaxespad=0, borderpad=0)
        if legend.get_window_extent(figure.canvas.get_renderer()).width <= room:
            break
        legend.remove()
    legend.set_gid("key")


def key_rows(count: int, width: float) -> int:
    """Rows the key of ``count`` entries takes on a figure ``width`` inches wide (about 1.25 inches an entry)."""
    return -(-count // max(1, int((width - 2 * PAD) / 1.25)))


def _proposition(dataset: Dataset, issue: str, label_w: float) -> list[str]:
    """The issue's proposition, the statement its stances are for or against, wrapped to the label column."""
    text = dataset.issues[issue].proposition
    return textwrap.wrap(f"Stances on: {text}", max(16, int((label_w - 0.1) / 0.058)), break_long_words=False)


def _issue_label(dataset: Dataset, issue: str) -> str:
    """An issue's name, a part's after a dash and indented (as in the positions chart)."""
    part = dataset.issues[issue].parent in dataset.issues
    return ("   – " if part else "") + dataset.issues[issue].name


def render_stance_graph(dataset: Dataset, path: str | FilePath, events: Iterable[Event] | None = None, *,
                        force: bool = False, dpi: int = 200, **options: object) -> FilePath:
    """Draw :func:`draw_stance_graph` and save it as PNG, SVG or PDF by the extension of ``path``."""
    image_format(path, force)
    figure = draw_stance_graph(dataset, events, **options)
    with quiet_glyphs():
        save_image(figure, path, dpi, force)
    return FilePath(path)

