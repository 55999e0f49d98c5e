"""``timeline render positions`` and ``timeline render lineage``: the two charts of issues, positions and plans."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import (
    MAX_INCHES,
    date_option,
    dpi_option,
    force_option,
    output_option,
    plain_text,
    size_option,
    with_dataset,
)
from timeline.model import Dataset
from timeline.outputs import DEFAULT_DIR

width_option = click.option("--width", type=click.FloatRange(min=6, max=MAX_INCHES), help="Width in inches.")
title_option = click.option("--title", callback=plain_text, help="Title of the chart (default: a headline of what it shows).")


@click.command()
@click.argument("issues", nargs=-1, metavar="[ISSUE]...")
@output_option("File to write: .png, .svg or .pdf.", default=DEFAULT_DIR / "positions.png")
@click.option("--issues", "issue_list", metavar="ID,ID...",
              help="Draw these issues, in this order (comma-separated ids; the same as naming them as ISSUE).")
@click.option("--actor", "actors", multiple=True, metavar="NAME",
              help="Draw this actor's row (id, name or alias; repeatable, in the order given). Default: every "
                   "actor with a position, the most active first.")
@date_option("--as-of", "as_of",
              help='Draw stances up to the end of this day ("31 Dec 2025", 2025-12-31; a month: its last day), '
                   "as 'render graph --graph positions --as-of' does; default: the end of the last month with a "
                   "position.")
@title_option
@width_option
@size_option
@dpi_option
@force_option
@with_dataset
def positions_chart(dataset: Dataset, issues: tuple[str, ...], issue_list: str | None, output: Path,
                    actors: tuple[str, ...], as_of: str | None, title: str | None, width: float | None,
                    size: tuple[float, float] | None, dpi: int, force: bool) -> None:
    """Draw each actor's stance on each ISSUE through time: one strip per actor and issue, on one time axis.

    A stance holds from the day it was stated until the actor's next stance on
    the issue; the bar thins after the actor's last statement. Colours run
    from "demands" (dark red-brown) through "accepts" (ochre), "open to" (gold)
    and "undecided" (light grey) to "rejects" (violet) and "red line" (deep
    teal, cross-hatched), each its own hue and its own grey in print, read
    against the proposition after the issue's name; stances others attribute
    to an actor are outlined bars in a row of their own. Without ISSUE, every issue someone took a position on, parts
    after their parent. ISSUE is an id, name or alias, as for 'timeline
    positions'. With --size (a slide: 13.33x7.5) the issues flow into
    columns to fit the height; those that still do not fit are named in a
    note.

    \b
    Examples:
      timeline render positions
      timeline render positions donbas crimea --actor russia --actor ukraine
      timeline render positions --issues territory,donbas,crimea --width 6
      timeline render positions --size 13.33x7.5 -o output/positions-slide.png
      timeline render positions ceasefire --as-of 2025-08-31 -o output/ceasefire.svg
    """
    from timeline.names import find_actor
    from timeline.render.positions import WIDTH, render_positions
    from timeline.render.stance_rows import as_of_end

    width, height = _width_height(width, size)
    ids = [find_actor(dataset, name).id for name in actors] or None
    until = as_of_end(dataset, as_of) if dataset.positions else None
    chosen = [*issues, *(i.strip() for i in (issue_list or "").split(",") if i.strip())]
    path = render_positions(dataset, output, chosen or None, ids, dpi=dpi, force=force, title=title,
                            width=width or WIDTH, height=height, until=until)
    click.echo(f"wrote {path}")


@click.command()
@click.argument("plans", nargs=-1, metavar="[PLAN]...")
@output_option("File to write: .png, .svg or .pdf.", default=DEFAULT_DIR / "lineage.png")
@title_option
@width_option
@size_option
@dpi_option
@force_option
@with_dataset
def lineage_chart(dataset: Dataset, plans: tuple[str, ...], output: Path, title: str | None, width: float | None,
                  size: tuple[float, float] | None, dpi: int, force: bool) -> None:
    """Draw how PLAN's versions follow, amend and answer one another, placed by date.

    Each plan has a lane; each version a box above its day, saying when,
    how many points and who drafted it, and above the box who said what
    about it. Arrows run from the earlier version to the later one. Versions
    of other plans that PLAN's versions relate to are drawn too. Without
    PLAN, every plan (an id, name or alias). With --size the chart takes
    the width and at most the height given.

    \b
    Examples:
      timeline render lineage
      timeline render lineage us-peace-plan -o output/us-plan.svg
    """
    from timeline.render.lineage import WIDTH, render_lineage

    width, height = _width_height(width, size)
    path = render_lineage(dataset, output, list(plans) or None, dpi=dpi, force=force, title=title,
                          width=width or WIDTH, height=height)
    click.echo(f"wrote {path}")


def _width_height(width: float | None, size: tuple[float, float] | None) -> tuple[float | None, float | None]:
    """The chart's width and the most height it may take, from --width or --size (not both)."""
    if size and width:
        raise click.UsageError("give either --size or --width, not both")
    return size if size else (width, None)
