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
from datetime import date, timedelta
from math import ceil
from pathlib import Path as FilePath

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from timeline.errors import NothingToShow
from timeline.export.negotiation import ISSUE_NODE, position_graph
from timeline.model import Dataset, Event
from timeline.positions import parts_of
from timeline.render import style
from timeline.render.captions import sources_line
from timeline.render.files import image_format, save_image
from timeline.render.graph_names import actor_name
from timeline.render.positions import Cited
from timeline.render.positions_key import bar_look, claim_look
from timeline.render.stance_cells import OWN_WITH_CLAIMS, PARTS_SIZE, TOP, cell, claim_row, least_cell
from timeline.render.stance_columns import column_order
from timeline.render.stance_labels import MIN_CELL, PAD, fit_rows, row_text, widest_label, wrapped
from timeline.render.stance_rows import ChartError, as_of_end, issue_order
from timeline.stance_colors import EXTREME_HATCH, hatched_stance, stance_colors

MOST = 40              # actors, and issues: more would not be legible in one grid
FOOT = 0.2             # inches below the grid, besides its note's lines
TEXT_LINE = 0.16       # inches per line of the subtitle and of an actor's name
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
    actors, order = column_order(dataset, held)
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
    subtitle = wrapped(renderer, "The stance each actor had last stated on each issue, held until replaced; blank: "
                        "none on record" + ("; outlined under a cell, a stance others attribute to the actor"
                                           if claims else ""), FontProperties(size=style.FONT["size"] - 0.5),
                        width - 2 * PAD)
    names = _names(dataset, actors, (width - 2 * PAD - widest_label(width, len(actors))) / len(actors))
    keys = len({h[2] for h in held}) + claims
    head = _head(subtitle, key_rows(keys, width), names)
    reports = [Cited(p, dataset) for p in dataset.positions if p.issue in issues]
    cited = next((line for n in (3, 2, 1) if (line := sources_line(dataset, reports, publishers=n)) is None
                  or len(wrapped(renderer, line, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD)) == 1),
                 sources_line(dataset, reports, publishers=1))      # the most cited publishers that fit one line
    note = order + ('' if size else parts_note(dataset, issues))
    foot = wrapped(renderer, note, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD)
    foot += wrapped(renderer, cited, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD) if cited else []
    if size and (size[1] - head - FOOT - 0.13 * len(foot) < 0.2 * len(issues)
                 or width - 2 * PAD - MIN_CELL * len(actors) < 1):
        least = (ceil(10 * (2 * PAD + 1 + MIN_CELL * len(actors))) / 10,
                 ceil(10 * (head + FOOT + 0.13 * len(foot) + 0.2 * len(issues))) / 10)
        raise ChartError(f"{width:g}x{size[1]:g} inches is too small for {len(actors)} actors and {len(issues)} "
                         f"issues; give at least {least[0]:g}x{least[1]:g}")
    in_row: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for _, issue, stance, claimed_by in (h for h in held if h[3]):
        in_row.setdefault(issue, []).append((stance, claimed_by))

    def claimed(cell_w: float) -> dict[str, float]:
        return {issue: claim_row(dataset, row, cell_w, figure, bool(size)) for issue, row in in_row.items()}

    cell_least = least_cell(dataset, [c for row in in_row.values() for c in row], figure)

    fit = fit_rows(renderer, dataset, issues, width, len(actors), claimed,
                   size and size[1] - head - FOOT - 0.13 * len(foot), cell_least)
    for _ in range(3):        # rows left out: a note naming them, and a line of the subtitle counting them
        if not fit.left_out:
            break
        head = _head([*subtitle, ""], key_rows(keys, width), names)
        foot = wrapped(renderer, f"Not shown for lack of room: {_and(fit.left_out)}. {order}".strip(),
                        FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD)
        foot += wrapped(renderer, cited, FontProperties(size=style.FOOTER_SIZE), width - 2 * PAD) if cited else []
        named, fit = fit.left_out, fit_rows(renderer, dataset, issues, width, len(actors), claimed,
                                           size[1] - head - FOOT - 0.13 * len(foot) - 0.13, cell_least)
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
    pitch = min(fit.heights) + extra           # the shortest row's height
    own_h = 0.8 * pitch - TOP
    if claims:       # as tall as the rows with claims leave room for, over the least
        need = claimed(cell_w)
        own_h = max(OWN_WITH_CLAIMS, min([own_h] + [fit.heights[row] + extra - need[issue] + OWN_WITH_CLAIMS
                                                    for row, issue in enumerate(shown) if issue in need]))
    figure.set_figheight(height)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    colors, hatch = stance_colors(dataset.stances), hatched_stance(dataset.stances)
    left = PAD + fit.label_w
    title = title or f"Where the sides stood as of {day.day} {day:%b %Y}"   # the positions chart: "Where the sides stood, …"
    figure.text(PAD / width, 1 - PAD / height, title,
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
        row_text(ax, dataset, issue, rows[issue], top, fit.size)
        ax.axhline(top, xmin=PAD / width, xmax=1 - PAD / width, color=style.GRID, lw=0.6, zorder=0)
    drawn = []
    for actor, issue, stance, claimed_by in held:
        if issue not in shown:
            continue
        x = left + actors.index(actor) * cell_w
        row = shown.index(issue)
        drawn.append((actor, issue, stance, bool(claimed_by)))
        cell(ax, (x, tops[row], cell_w, fit.heights[row] + extra), dataset, stance, colors[stance],
             EXTREME_HATCH if stance == hatch else None, claimed_by, own_h,
             gid=f"stance:{actor}:{issue}:{stance}" + ":claimed" * bool(claimed_by), fixed=bool(size))
    for actor, issue in parts_only(dataset, held, actors, shown):
        ax.text(left + (actors.index(actor) + 0.5) * cell_w, tops[shown.index(issue)] + pitch * 0.4,
                "stances on\nits parts only", ha="center", va="center", fontsize=PARTS_SIZE, color=style.MUTED,
                fontstyle="italic", parse_math=False, linespacing=1.05, gid=f"parts-only:{actor}:{issue}")
    figure.text(PAD / width, 0.08 / height, "\n".join(foot), fontsize=style.FOOTER_SIZE, color=style.MUTED,
                va="bottom", parse_math=False, gid="footer", linespacing=1.3)
    figure.stances = drawn
    return figure


def parts_note(dataset: Dataset, issues: Sequence[str]) -> str:
    """' A stance on a part of an issue (Donbas) is on that part alone: it may differ from one on the whole.' when
    a part is drawn with its whole (round 8: Ukraine's "Red line" on Territory over "Open to" on Donbas read as a
    contradiction); else ''. Only on a grid of free height: at a fixed size its line would cost an issue."""
    part = next((i for i in issues if dataset.issues[i].parent in issues), None)
    return "" if part is None else (f" A stance on a part of an issue ({dataset.issues[part].name}) is on that part "
                                    "alone: it may differ from one on the whole.")


def parts_only(dataset: Dataset, held: Sequence[Held], actors: Sequence[str], issues: Sequence[str]
               ) -> list[tuple[str, str]]:
    """(actor, issue) cells left blank although the actor has a stance of its own on a part of the issue (Russia
    on Territory, through Donbas): a blank there must not read as no stance on the matter."""
    own = {(h[0], h[1]) for h in held if not h[3]}
    return [(actor, issue) for actor in actors for issue in issues if (actor, issue) not in own
            and any((actor, part) in own for part in parts_of(dataset, issue))]



def _key(figure: Figure, dataset: Dataset, colors: dict[str, str], hatch: str | None, shown: set[str],
         claimed: list[str], top: float) -> None:
    """The stances drawn, most in favour first, and how a claim is drawn (in the colour of the stance most often
    claimed, as the grid draws it), in one row under the subtitle."""
    scale = [s for s in sorted(dataset.stances, key=lambda s: -s.value) if s.id in shown]
    handles = [Patch(**bar_look(colors[s.id], EXTREME_HATCH if s.id == hatch else None)) for s in scale]
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


def _head(subtitle: Sequence[str], key_lines: int, names: dict[str, list[str]]) -> float:
    """Inches above the grid: title, ``subtitle`` lines, the key's lines, the actors' names."""
    return PAD + 0.4 + TEXT_LINE * len(subtitle) + 0.2 * key_lines + 0.12 + TEXT_LINE * max(map(len, names.values())) \
        + 0.05


def _names(dataset: Dataset, actors: Sequence[str], cell_w: float) -> dict[str, list[str]]:
    """Each actor's display name, wrapped at words to a column ``cell_w`` inches wide."""
    return {a: textwrap.wrap(_name(dataset, a), max(8, int(cell_w / 0.075)), break_long_words=False) for a in actors}


def _name(dataset: Dataset, actor: str) -> str:
    """The actor's name as the graphs and the positions chart give it ('US':
    :func:`timeline.render.graph_names.actor_name`)."""
    return actor_name(dataset.actors[actor]) if actor in dataset.actors else actor


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def render_stance_graph(dataset: Dataset, path: str | FilePath, events: Iterable[Event] | None = None, *,
                        force: bool = False, dpi: int = 200, **options: object) -> FilePath:
    """Draw :func:`draw_stance_graph` and save it as PNG, SVG or PDF by the extension of ``path``."""
    image_format(path, force)
    figure = draw_stance_graph(dataset, events, **options)
    save_image(figure, path, dpi, force)
    return FilePath(path)

