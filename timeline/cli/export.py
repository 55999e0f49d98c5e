"""``timeline export``: the record as files for other tools."""
from __future__ import annotations

import sys

import click

from timeline.cli.options import with_dataset, with_filter
from timeline.export import FORMATS, GRAPHS
from timeline.filters import EventFilter
from timeline.model import LEVELS, Dataset

_FORMATS = "\n".join(f"  {f.name:<11} {f.summary}" for f in FORMATS.values())


@click.command(help=f"""Write the record as FORMAT, for the tools people already use.

\b
{_FORMATS}

Graph formats write the actor graph (--graph actors, the default) or the
graph of actors and events (--graph events); csv writes its tables into a
folder. The filters choose the events. Without -o, the file goes to
output/ (e.g. output/actors.gexf); '-o -' writes to standard output.

\b
Examples:
  timeline export gexf --level state
  timeline export graphml --graph events -o events.graphml
  timeline export csv -o tables/ --since 2025-12-01
  timeline export ical --actor witkoff -o -""")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@click.option("-o", "--output", "target", metavar="PATH", help="File (a folder for csv), or - for standard output.")
@click.option("--graph", type=click.Choice(GRAPHS), help="The graph to write (default: actors).")
@click.option("--level", type=click.Choice(LEVELS),
              help="Actor graph: actors as themselves (default: person) or as their states.")
@click.option("--force", is_flag=True, help="Replace the output even if timeline did not write it.")
@with_dataset
@with_filter
def export(dataset: Dataset, event_filter: EventFilter, fmt: str, target: str | None, graph: str | None,
           level: str | None, force: bool) -> None:
    from timeline.export import export as write

    events = event_filter.apply(dataset)
    if target == "-":
        write(dataset, fmt, sys.stdout.buffer, events=events, graph=graph, level=level)
    else:
        click.echo(f"wrote {write(dataset, fmt, target, events=events, graph=graph, level=level, force=force)}")
