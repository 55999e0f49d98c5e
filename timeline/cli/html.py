"""``timeline html``: the record as one offline page, the timeline and the actor graph linked."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from timeline.cli.options import file_output, with_dataset, with_filter
from timeline.filters import EventFilter
from timeline.model import Dataset


@click.command()
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/index.html"), show_default=True, help="The HTML file to write.",
              callback=file_output)
@click.option("--force", is_flag=True, is_eager=True, help="Replace the file even if timeline did not write it.")
@click.option("--include-drafts", is_flag=True, help="Also show draft events (awaiting review), marked as drafts.")
@with_dataset
@with_filter
def html(dataset: Dataset, event_filter: EventFilter, target: Path, force: bool, include_drafts: bool) -> None:
    """Write one self-contained HTML page: a zoomable timeline and the actor graph, linked.

    The page works offline, from disk: open it in a browser, or send it as
    one file. Select an actor to follow it in both views; zoom the timeline
    to a period to see the graph of that period; the address keeps the view
    so it can be shared. The filters choose the events the page holds.

    \b
    Examples:
      timeline html -o talks.html
      timeline html --since 2025-11 --actor witkoff -o witkoff.html
    """
    from timeline.html import write_page

    events = dataclasses.replace(event_filter, include_drafts=include_drafts).apply(dataset)
    click.echo(f"wrote {write_page(dataset, target, events=events, force=force, include_drafts=include_drafts)}")
