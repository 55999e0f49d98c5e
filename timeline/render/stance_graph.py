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
stance others attribute to the actor ("Ukraine says: Accepts") is outlined under it,
as the positions chart draws it. One edge per actor, issue and attributor.
"""
from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from pathlib import Path as FilePath

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch, Rectangle

from timeline import palette
from timeline.errors import NothingToShow
from timeline.export.negotiation import ISSUE_NODE, position_graph
from timeline.model import Dataset, Event
from timeline.positions import parts_of
from timeline.render import style
from timeline.render.captions import sources_line
from timeline.render.files import image_format, save_image
from timeline.render.labels import display_name
from timeline.render.positions import AS_OF_RULE, Cited
from timeline.render.positions_key import claim_look
from timeline.render.stance_rows import ChartError, as_of_end, issue_order
from timeline.render.text import quiet_glyphs, text_width
from timeline.stance_colors import EXTREME_HATCH, hatched_stance, stance_colors

MOST = 40              # actors, and issues: more would not be legible in one grid
FOOT = 0.2             # inches below the grid, besides its note's lines
PAD = 0.25             # inches around the figure's edges
TEXT_LINE = 0.16       # inches per line of the subtitle and of an actor's name
NAME_LINE = 0.155      # inches per line of an issue's name
LEADING = 1.2          # a line of the proposition, in multiples of its type size
#: Points: the type sizes an issue's proposition may take, largest first; the last is the floor.
PROPOSITION_SIZES = (7.5, 7.0, 6.5, 6.0)
LABEL_SHARE = 0.45     # the widest the column of issue names may be, as a share of the figure's width
#: Points: a claim's type size at the least, and the note in a blank cell whose issue's parts have stances.
CLAIM_FLOOR, PARTS_SIZE = 6.0, 6.0
MIN_CELL = 0.55        # inches: the narrowest an actor's column may be
GOOD_CELL = 0.85       # inches: an actor's column, no narrower, when the column of issue names widens
BESIDE = "   "         # between an issue's name and its proposition when both fit one line
NAME_FONT = FontProperties(size=style.FONT["size"], weight="bold")
PART_FONT = FontProperties(size=style.FONT["size"] - 0.5)
Held = tuple[str, str, str, tuple[str, ...]]   # actor, issue, stance, who claims it (empty: the actor's own)


def held_stances(dataset: Dataset, events: Iterable[Event] | None = None, as_of: str | None = None
                 ) -> tuple[list[Held], date]:
    """The graph's stance edges that hold at the end of ``as_of`` (a date as the user writes it; default the end
    of the month of the latest position: the rule of :func:`timeline.render.stance_rows.as_of_end`, which the
    positions chart follows too), one per actor, issue and attributor, and that day."""
    graph = position_graph(dataset, events)
    edges = [d for *_, d in graph.edges(data=True) if d.get("relation") == "stance"]
    if not edges:
        raise NothingToShow("no positions to draw as a graph")
    day = (as_of_end(dataset, as_of) - timedelta(days=1)).date()
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
    needs. Every row shows its issue's proposition (what its stances are for or against): at a fixed size the
    label column widens and the proposition's type shrinks (to :data:`PROPOSITION_SIZES`' floor); rows that
    still do not fit are left out, named in a note and counted in the subtitle. Raises
    :class:`~timeline.errors.NothingToShow` without positions, :class:`ChartError` for more than :data:`MOST`
    actors or issues or a size too small to name them."""
    held, day = held_stances(dataset, events, as_of)
    actors = sorted({h[0] for h in held}, key=lambda a: (-sum(h[0] == a and not h[3] for h in held), a))
    issues = [i for i in issue_order(dataset) if i in {h[1] for h in held}]
    if len(issues) > MOST or len(actors) > MOST:
        raise ChartError(f"{len(actors):,} actors and {len(issues):,} issues do not fit a graph of stances (at most "
                         f"{MOST} of each); narrow the events (--since, --until), or draw 'timeline render "
                         "positions --issues ...'")
    claims = any(h[3] for h in held)
    width = size[0] if size else min(13.0, 2.8 + 1.35 * len(actors))
    style.apply_defaults()
    figure = Figure(figsize=(width, 4), dpi=100)
    FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    subtitle = _wrapped(renderer, "The stance each actor had last stated on each issue, held until replaced; blank: "
                        "none on record" + ("; outlined under a cell, a stance others attribute to the actor"
                                           if claims else ""), FontProperties(size=style.FONT["size"] - 0.5),
                        width - 2 * PAD)
    names = _names(dataset, actors, (width - 2 * PAD - widest_label(width, len(actors))) / len(actors))
    keys = len({h[2] for h in held}) + claims
    head = _head(subtitle, key_rows(keys, width), names)
    cited = sources_line(dataset, [Cited(p, dataset) for p in dataset.positions if p.issue in issues], publishers=3)
    foot = _wrapped(renderer, AS_OF_RULE, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD)
    foot += _wrapped(renderer, cited, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD) if cited else []
    if size and (size[1] - head - FOOT - 0.13 * len(foot) < 0.2 * len(issues)
                 or width - 2 * PAD - MIN_CELL * len(actors) < 1):
        least = (ceil(10 * (2 * PAD + 1 + MIN_CELL * len(actors))) / 10,
                 ceil(10 * (head + FOOT + 0.13 * len(foot) + 0.2 * len(issues))) / 10)
        raise ChartError(f"{width:g}x{size[1]:g} inches is too small for {len(actors)} actors and {len(issues)} "
                         f"issues; give at least {least[0]:g}x{least[1]:g}")
    fit = fit_rows(renderer, dataset, issues, width, len(actors), claims,
                   size and size[1] - head - FOOT - 0.13 * len(foot))
    for _ in range(3):        # rows left out: a note naming them, and a line of the subtitle counting them
        if not fit.left_out:
            break
        head = _head([*subtitle, ""], key_rows(keys, width), names)
        foot = _wrapped(renderer, f"{AS_OF_RULE} Not shown for lack of room: {_and(fit.left_out)}.",
                        FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD)
        foot += _wrapped(renderer, cited, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD) if cited else []
        named, fit = fit.left_out, fit_rows(renderer, dataset, issues, width, len(actors), claims,
                                           size[1] - head - FOOT - 0.13 * len(foot) - 0.13)
        if fit.left_out == named:
            break
    shown, rows = fit.issues, fit.texts
    cell_w = (width - 2 * PAD - fit.label_w) / len(actors)
    names = _names(dataset, actors, cell_w)
    if fit.left_out:
        subtitle = [*subtitle, f"Showing {len(shown)} of the {len(issues)} issues (the rest named below)"]
    head = _head(subtitle, key_rows(keys, width), names)
    height = size[1] if size else head + FOOT + 0.13 * len(foot) + sum(fit.heights)
    extra = (height - head - FOOT - 0.13 * len(foot) - sum(fit.heights)) / len(shown)  # shared out at a fixed size
    tops = [head + sum(fit.heights[:row]) + extra * row for row in range(len(shown))]
    pitch = min(fit.heights) + extra           # every cell's height, from the top of its row
    figure.set_figheight(height)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    colors, hatch = stance_colors(dataset.stances), hatched_stance(dataset.stances)
    left = PAD + fit.label_w
    figure.text(PAD / width, 1 - PAD / height, title or f"Where each side stood on each issue, {day.day} {day:%b %Y}",
                fontsize=style.TITLE_SIZE, fontweight="bold", va="top", parse_math=False, gid="title")
    figure.text(PAD / width, 1 - (PAD + 0.38) / height, "\n".join(subtitle), fontsize=style.FONT["size"] - 0.5,
                color=style.MUTED, va="top", parse_math=False, gid="subtitle", linespacing=1.3)
    _key(figure, dataset, colors, hatch, {h[2] for h in held}, [h[2] for h in held if h[3]],
         (PAD + 0.48 + TEXT_LINE * len(subtitle)) / height)
    for column, actor in enumerate(actors):
        ax.text(left + (column + 0.5) * cell_w, head - 0.05, "\n".join(names[actor]), ha="center", va="bottom",
                fontsize=style.FONT["size"] - 0.5, fontweight="bold", parse_math=False, linespacing=1.1,
                gid=f"actor:{actor}")
    for issue, top in zip(shown, tops):
        _row_text(ax, dataset, issue, rows[issue], top, fit.size)
        ax.axhline(top, xmin=PAD / width, xmax=1 - PAD / width, color=style.GRID, lw=0.6, zorder=0)
    claim_lines = max((_fitted(_says(dataset, h[3]), dataset.stances[h[2]].label, cell_w - 0.12, figure)[0]
                       .count("\n") + 1 for h in held if h[3]), default=0)
    drawn = []
    for actor, issue, stance, claimed_by in held:
        if issue not in shown:
            continue
        x = left + actors.index(actor) * cell_w
        y = tops[shown.index(issue)]
        drawn.append((actor, issue, stance, bool(claimed_by)))
        cell(ax, (x, y, cell_w, pitch), dataset, stance, colors[stance], EXTREME_HATCH if stance == hatch else None,
             claimed_by, claim_lines, gid=f"stance:{actor}:{issue}:{stance}" + ":claimed" * bool(claimed_by))
    for actor, issue in parts_only(dataset, held, actors, shown):
        ax.text(left + (actors.index(actor) + 0.5) * cell_w, tops[shown.index(issue)] + pitch * 0.4,
                "stances on\nits parts only", ha="center", va="center", fontsize=PARTS_SIZE, color=style.MUTED,
                fontstyle="italic", parse_math=False, linespacing=1.05, gid=f"parts-only:{actor}:{issue}")
    figure.text(PAD / width, 0.08 / height, "\n".join(foot), fontsize=style.FOOTER_SIZE, color=style.MUTED,
                va="bottom", parse_math=False, gid="footer", linespacing=1.3)
    figure.stances = drawn
    return figure


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


def fit_rows(renderer: object, dataset: Dataset, issues: list[str], width: float, actors: int, claims: bool,
             room: float | None) -> RowFit:
    """Fit every issue's name and proposition into its row. Without ``room`` (inches for the rows: the grid takes
    the height it needs), a label column of three tenths of ``width`` (less where the actors need the room) at the
    largest type. Else the largest type, then the
    narrowest column (up to :func:`widest_label`, in steps of a quarter inch), at which all
    rows fit ``room``; failing that, the first rows that fit at the floor, the rest left out."""
    least = 0.25 * ceil(4 * (0.1 + max(text_width(renderer, _issue_label(dataset, i), NAME_FONT) / 100
                                       for i in issues)))
    if room is None:          # as tall as it needs: three tenths of the width, less where actors' columns need it
        least = max(min(least, 0.3 * width), min(0.3 * width, widest_label(width, actors)))
    least = min(least, width - 2 * PAD - MIN_CELL * actors)     # longer names wrap
    widest = max(least, widest_label(width, actors))
    floor = (0.42 if claims else 0.3) if room is None else (0.36 if claims else 0.26)
    widths = [least + 0.25 * step for step in range(int((widest - least) / 0.25) + 1)] if room else [least]
    for size in PROPOSITION_SIZES if room else PROPOSITION_SIZES[:1]:
        for label_w in widths:
            texts = {i: _texts(renderer, dataset, i, label_w, size) for i in issues}
            heights = [max(floor, _row_height(texts[i], size)) for i in issues]
            if room is None or sum(heights) <= room:
                return RowFit(label_w, size, texts, heights, issues, [])
    keep = max(1, sum(sum(heights[:k + 1]) <= room for k in range(len(issues)))) if room else len(issues)
    return RowFit(label_w, size, texts, heights[:keep], issues[:keep],
                  [dataset.issues[i].name for i in issues[keep:]])


def widest_label(width: float, actors: int) -> float:
    """Inches the column of issue names may take at most: :data:`LABEL_SHARE` of ``width``, leaving each actor's
    column :data:`GOOD_CELL`."""
    return max(0.0, min(LABEL_SHARE * width, width - 2 * PAD - GOOD_CELL * actors))


def _head(subtitle: Sequence[str], key_lines: int, names: dict[str, list[str]]) -> float:
    """Inches above the grid: title, ``subtitle`` lines, the key's lines, the actors' names."""
    return PAD + 0.4 + TEXT_LINE * len(subtitle) + 0.2 * key_lines + 0.12 + TEXT_LINE * max(map(len, names.values())) \
        + 0.05


def _names(dataset: Dataset, actors: Sequence[str], cell_w: float) -> dict[str, list[str]]:
    """Each actor's display name, wrapped at words to a column ``cell_w`` inches wide."""
    return {a: textwrap.wrap(_name(dataset, a), max(8, int(cell_w / 0.075)), break_long_words=False) for a in actors}


def _texts(renderer: object, dataset: Dataset, issue: str, label_w: float, size: float
           ) -> tuple[list[str], list[str]]:
    """An issue's name (a part's indented after a dash) and its proposition, each wrapped to ``label_w`` inches."""
    part = dataset.issues[issue].parent in dataset.issues
    font = PART_FONT if part else NAME_FONT
    room = label_w - 0.1 - 0.3 * part
    name = _wrapped(renderer, dataset.issues[issue].name, font, room)
    said = f"Proposition: {dataset.issues[issue].proposition}"
    italic = FontProperties(size=size, style="italic")
    if len(name) == 1 and (text_width(renderer, name[0] + BESIDE, font) + text_width(renderer, said, italic)
                           ) / 100 <= room:
        return [name[0] + BESIDE + said], []               # on the name's line
    return name, _wrapped(renderer, said, italic, label_w - 0.1 - 0.12 * part)


def _row_height(texts: tuple[list[str], list[str]], size: float) -> float:
    """Inches a row needs for its name and proposition lines (type of ``size`` points); a proposition beside
    the name (no lines of its own) needs none."""
    name, said = texts
    return 0.08 + NAME_LINE * len(name) + size * LEADING / 72 * len(said) + 0.04 * bool(said)


def _row_text(ax: Axes, dataset: Dataset, issue: str, texts: tuple[list[str], list[str]], top: float,
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


def _wrapped(renderer: object, text: str, font: FontProperties, room: float) -> list[str]:
    """``text`` cut at spaces into lines that each measure at most ``room`` inches in ``font`` (a word longer
    than ``room`` keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(renderer, f"{lines[-1]} {word}", font) / 100 <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def cell(ax: Axes, box: tuple[float, float, float, float], dataset: Dataset, stance: str, color: str,
         hatch: str | None, claimed_by: tuple[str, ...], claim_lines: int, gid: str) -> list[Artist]:
    """One stance in its cell ``box`` (x, y, width, height; inches down): the actor's own filling the upper part
    (all of it where no stance of the chart is claimed), named in ink that reads on its colour; a claim
    outlined in the lower part, under the words of its claimants ("US says: Accepts"); ``claim_lines``: the
    lines the grid's longest claim takes (0: the grid shows no claim), the lower part's height."""
    x, y, w, h = box
    own_h = h * {0: 0.8, 1: 0.6}.get(claim_lines, 0.45)
    label = dataset.stances[stance].label
    if claimed_by:
        words, size = _fitted(_says(dataset, claimed_by), label, w - 0.12, ax.figure)
        y0, bar_h = y + 0.13 * h + own_h, h * (0.85 - own_h / h)
        patch = Rectangle((x + 0.06, y0), w - 0.12, bar_h, gid=gid, **claim_look(color, hatch))
        text = ax.text(x + w / 2, y0 + bar_h / 2, words, ha="center", va="center", color=style.INK,
                       fontsize=size, parse_math=False, linespacing=1.0, gid=f"words:{gid}",
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0} if hatch else None)
    else:
        y0 = y + 0.1 * h
        patch = Rectangle((x + 0.04, y0), w - 0.08, own_h, gid=gid, facecolor=color, edgecolor="white", lw=0,
                          hatch=hatch)
        text = ax.text(x + w / 2, y0 + own_h / 2, label, ha="center", va="center",
                       fontsize=_size_to_fit(label, w - 0.16, ax.figure), color=ink_on(color), fontweight="bold",
                       parse_math=False, gid=f"words:{gid}",
                       bbox={"facecolor": color, "edgecolor": "none", "pad": 1.5} if hatch else None)
    ax.add_patch(patch)
    return [patch, text]


def _fitted(says: str, label: str, room: float, figure: Figure) -> tuple[str, float]:
    """A claim's words ('US says: Accepts') on one line if it fits ``room`` inches at a size from the claim's
    size down to :data:`CLAIM_FLOOR` points, else on two lines ('US says:' over 'Accepts') at the size that
    fits, never under the floor: the words and the size (points)."""
    renderer = figure.canvas.get_renderer()
    size = style.FONT["size"] - 2
    for words in (f"{says} {label}", f"{says}\n{label}"):
        wide = max(text_width(renderer, line, FontProperties(size=size)) for line in words.split("\n")) / figure.dpi
        if size * room / wide >= CLAIM_FLOOR:
            return words, min(size, size * room / wide)
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


def parts_only(dataset: Dataset, held: Sequence[Held], actors: Sequence[str], issues: Sequence[str]
               ) -> list[tuple[str, str]]:
    """(actor, issue) cells left blank although the actor has a stance of its own on a part of the issue (Russia
    on Territory, through Donbas): a blank there must not read as no stance on the matter."""
    own = {(h[0], h[1]) for h in held if not h[3]}
    return [(actor, issue) for actor in actors for issue in issues if (actor, issue) not in own
            and any((actor, part) in own for part in parts_of(dataset, issue))]


def _says(dataset: Dataset, claimed_by: Sequence[str]) -> str:
    """'US says:', 'Ukraine and US say:'."""
    return " and ".join(short_name(dataset, a) for a in claimed_by) + (" says:" if len(claimed_by) == 1 else " say:")


def short_name(dataset: Dataset, actor: str) -> str:
    """The actor's abbreviation ('US'; its first all-capitals alias, without dots), else its display name."""
    aliases = dataset.actors[actor].aliases if actor in dataset.actors else ()
    return next((a.replace(".", "") for a in aliases if a.replace(".", "").isupper() and a.isascii()),
                _name(dataset, actor))


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


def _name(dataset: Dataset, actor: str) -> str:
    """The actor's display name, as every chart of stances names it (:func:`timeline.render.labels.display_name`)."""
    return display_name(dataset.actors[actor]) if actor in dataset.actors else actor


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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

