"""``timeline render timeline``: the timeline chart as PNG, SVG or PDF."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import (
    MAX_INCHES,
    MIN_SIZE,
    dpi_option,
    force_option,
    output_option,
    plain_text,
    size_option,
    with_dataset,
    with_filter,
)
from timeline.errors import NothingToShow
from timeline.filters import EventFilter
from timeline.model import Dataset
from timeline.render.choices import LANES
from timeline.render.choices import TIMELINE_PATH as DEFAULT_PATH
from timeline.render.choices import TIMELINE_WIDTH as WIDTH


@click.command()
@output_option("File to write: .png, .svg or .pdf.", default=DEFAULT_PATH)
@click.option("--lanes", type=click.Choice(LANES), default="side", show_default=True,
              help="One lane per side (the state or organisation an actor belongs to), actor, event type, "
                   "or none.")
@click.option("--title", callback=plain_text, help="Title of the chart (default: the dataset's title).")
@click.option("--width", type=click.FloatRange(min=MIN_SIZE[0], max=MAX_INCHES), help=f"Width in inches (default {WIDTH:g}).")
@click.option("--height", type=click.FloatRange(min=MIN_SIZE[1], max=MAX_INCHES),
              help="Height in inches (default: what the events need).")
@size_option
@dpi_option
@click.option("--aggregate/--no-aggregate", default=None,
              help="Count events per lane and period instead of drawing each (default: past 400 events).")
@click.option("--battlefield/--no-battlefield", default=None,
              help="Count the use of force per period and side in a band beneath the lanes "
                   "(default: when there are 12 such events or more).")
@force_option
@with_dataset
@with_filter
def timeline_chart(dataset: Dataset, event_filter: EventFilter, output: Path, lanes: str, title: str | None,
                   width: float | None, height: float | None, size: tuple[float, float] | None, dpi: float,
                   aggregate: bool | None, force: bool, battlefield: bool | None) -> None:
    """Draw the events on a date axis, in lanes, with a legend and the sources.

    Lanes by side put talks between sides in a lane of their own; lanes by
    actor draw an event in the lane of each of its actors. A date is drawn
    as what it is: a day on a chart of years is a point, a month or an
    interval a bar; open dates ("../2025-12-03") fade toward their open
    side. Long empty stretches are shortened and hatched. Filters zoom in.

    \b
    Examples:
      timeline render timeline
      timeline render timeline -o output/talks.svg --since "1 Dec 2025" --lanes actor
      timeline render timeline -o report.pdf --size 8x5 --type meeting --type rejection
    """
    from timeline.render.text import undrawable_note  # matplotlib: not for --help
    from timeline.render.timeline import render_timeline

    if size and (width or height):
        raise click.UsageError("give either --size or --width/--height, not both")
    events = event_filter.apply(dataset)
    if not events:
        fix = ("loosen the filters (--since, --until, --actor, --type, --status)" if dataset.events else
               "the dataset's are all drafts: review them (delete 'draft: true')" if dataset.drafts else
               "the dataset has none yet: add events to it")
        raise NothingToShow(f"no events to draw; {fix}")
    drawing = render_timeline(dataset, output, events=events, lanes=lanes, title=title, dpi=dpi, force=force,
                              size=size or (width or WIDTH, height), aggregate=aggregate, battlefield=battlefield)
    drawn, rows = len(drawing.events), len(drawing.lanes)
    shown = f"{drawn} event{'s' * (drawn != 1)} in {rows} lane{'s' * (rows != 1)}"
    if drawing.period:
        shown += f", counted per {drawing.period}"
    elif drawing.omitted:
        numbered = f" ({len(drawing.numbers)} of them numbered in a note)" if drawing.numbers else ""
        shown += f", {drawing.omitted} without a label for lack of room{numbered}"
    click.echo(f"wrote {output}: {shown}")
    if note := undrawable_note(drawing.undrawable):
        click.echo(note, err=True)
