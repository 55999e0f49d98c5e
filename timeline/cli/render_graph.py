"""``timeline render graph``: who deals with whom, as a PNG, SVG or PDF image."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import (
    date_option,
    dpi_option,
    force_option,
    graph_option,
    level_option,
    output_option,
    plain_text,
    size_option,
    with_dataset,
    with_filter,
)
from timeline.filters import EventFilter
from timeline.graph import ACTOR_RELATIONS
from timeline.model import Dataset
from timeline.outputs import DEFAULT_DIR
from timeline.render.choices import GRAPH_LAYOUTS, MAX_ACTORS


@click.command()
@output_option("File to write: .png, .svg or .pdf (default: output/graph.png, graph-state.png at state level, "
               "graph-events.png for --graph events).")
@level_option
@click.option("--around", metavar="ACTOR", help="Draw only the actors within --depth steps of this one.")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="Steps from --around: 1 for its partners, 2 for theirs too, ...")
@click.option("--relations", metavar="LIST",
              help="Comma-separated relations to draw (default all): " + ", ".join(ACTOR_RELATIONS) + ".")
@graph_option
@click.option("--layout", type=click.Choice(GRAPH_LAYOUTS), default="auto", show_default=True,
              help="auto: for people, grouped (each side's people in a circle) or stress, whichever crosses fewer "
                   "lines; stress for states; dated (events top to bottom by date) for --graph events.")
@click.option("--title", callback=plain_text, help="Title of the image (default: the dataset's title).")
@click.option("--max-actors", type=click.IntRange(min=2),
              help=f"Draw at most this many actors, the most active; the footer names those left out. Default: as "
                   f"many as the image names legibly at its --size (at most {MAX_ACTORS}).")
@date_option("--as-of", "as_of",   # issue 15: the day of --graph positions
              help="With --graph positions: draw the stances held on this day (default: the last position's).")
@size_option
@dpi_option
@force_option
@with_dataset
@with_filter
def graph_chart(dataset: Dataset, event_filter: EventFilter, output: Path | None, level: str, around: str | None,
                depth: int, relations: str | None, graph: str, layout: str, title: str | None, max_actors: int | None,
                as_of: str | None, size: tuple[float, float] | None, dpi: int, force: bool) -> None:
    """Draw who deals with whom: actors as nodes, their relations as lines.

    Nodes are sized by activity, coloured by side and shaped by kind;
    relations are grey lines told apart by dash (pressure in dark red, force
    in black), directed ones with a head at their middle, as wide as the
    events behind them. --level state counts people as their state and draws
    one line per pair, with a table of the relations of the busiest pairs.
    --since/--until draw the network of a period. The same data always gives
    the same picture.

    \b
    Examples:
      timeline render graph
      timeline render graph --level state -o output/states.svg
      timeline render graph --around putin --depth 2 --relations met,rejected
      timeline render graph --graph events --since "1 Dec 2025"
    """
    from timeline.render.graph import render_graph  # matplotlib and networkx: not for --help
    from timeline.render.labels import display_name
    from timeline.render.text import undrawable, undrawable_note

    if depth > 1 and around is None:
        raise click.UsageError("--depth counts steps from an actor; give it with --around")
    if as_of is not None and graph != "positions":
        raise click.UsageError("--as-of is the day of a graph of stances; give it with --graph positions")
    if graph == "positions":   # issue 15: actors, issues and stances (timeline/render/stance_graph.py)
        from timeline.render.stance_graph import render_stance_graph

        path = render_stance_graph(dataset, output or DEFAULT_DIR / "graph-positions.png", event_filter.apply(dataset),
                                   force=force, dpi=dpi, title=title, size=size, as_of=as_of)
        click.echo(f"wrote {path}")
        return
    name = "-".join(["graph", *(["events"] if graph == "events" else []), *(["state"] if level == "state" else [])])
    path = render_graph(dataset, output or DEFAULT_DIR / f"{name}.png", event_filter.apply(dataset), force=force,
                        dpi=dpi, level=level, around=around, depth=depth, graph=graph, layout=layout, title=title,
                        relations=relations.split(",") if relations is not None else None, max_actors=max_actors,
                        size=size)
    click.echo(f"wrote {path}")
    if note := undrawable_note(undrawable(display_name(actor) for actor in dataset.actors.values())):
        click.echo(note, err=True)
