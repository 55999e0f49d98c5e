"""Commands that list the record: events, show, actors, validate."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from timeline.cli.options import data_option, from_tables, load_data, with_dataset, with_filter, with_output
from timeline.errors import UserError
from timeline.vocabulary import ORDERS, ROLES

if TYPE_CHECKING:
    from timeline.filters import EventFilter
    from timeline.model import Dataset

#: The columns of the table ``events`` prints (a table reads only these from the store's tables).
EVENT_COLUMNS = ("id", "label", "type", "status", "location", "headline")


@click.command()
@data_option
@with_filter
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES),
              help="With --actor: only events where it has this role (repeatable), e.g. initiator.")
@click.option("--order", type=click.Choice(ORDERS), default="midpoint", show_default=True,
              help="How spans of different precision are ordered (see below).")
@click.option("--include-drafts", is_flag=True, help="Also list events marked 'draft: true' (awaiting review).")
@with_output(*EVENT_COLUMNS)
def events(data_paths: tuple[Path, ...], event_filter: EventFilter, roles: tuple[str, ...], order: str,
           include_drafts: bool) -> list[dict[str, Any]]:
    """List events in date order, with the filters given.

    Dates of different precision are ordered by --order: midpoint (the
    default, used everywhere) places each span at its middle, so an event
    dated only 2022 comes after one on 24 Feb 2022, and an open span
    ('by 3 Dec 2025') at the start of its known end; ties go to the earlier
    start, then the earlier end. start orders by the earliest possible
    start, end by the latest possible end.

    \b
    Examples:
      timeline events --actor putin --since "1 Dec 2025"
      timeline events --type claim --type denial --format json
      timeline events --actor russia --role initiator
      timeline events --order start
    """
    from dataclasses import asdict, replace

    from timeline.index.events import events as stored

    if roles and not event_filter.actors:
        raise UserError("--role needs --actor: the actor whose role it is")
    chosen = replace(event_filter, roles=roles, order=order, include_drafts=include_drafts)
    printed = EVENT_COLUMNS if click.get_current_context().params.get("fmt") == "table" else None
    found = from_tables(data_paths, lambda tables: stored(tables, **asdict(chosen), fields=printed))
    if found is not None:
        return found
    from timeline.rows import event_row

    return [event_row(event) for event in chosen.apply(load_data(data_paths))]


@click.command()
@click.argument("event_id")
@with_dataset
@with_output()
def show(dataset: Dataset, event_id: str) -> dict[str, Any]:
    """Show one event whole: actors, date, quotes, sources, related events.

    \b
    Example:
      timeline show moscow-talks
    """
    from timeline.dataset import did_you_mean
    from timeline.rows import event_row, source_row

    try:
        event = dataset.event(event_id)
    except KeyError:
        hint = did_you_mean(event_id, (e.id for e in dataset.events)) or "; 'timeline events' lists them"
        raise UserError(f"no event '{event_id}'{hint}") from None
    row = event_row(event)
    row["sources"] = [source_row(dataset.sources[s]) for s in event.sources]
    return row


@click.command()
@with_dataset
@with_output("id", "name", "kind", "side", "events", "title")
def actors(dataset: Dataset) -> list[dict[str, Any]]:
    """List actors with their kind, side (the state they belong to) and number of events.

    \b
    Example:
      timeline actors --format csv > actors.csv
    """
    from timeline.rows import actor_rows

    return actor_rows(dataset)


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@data_option
def validate(path: Path | None, data_paths: tuple[Path, ...]) -> None:
    """Check a dataset and list every problem, one line each (exit status 1 if any).

    PATH is a YAML file or a folder of them (default: the dataset --data would use); --data, repeated,
    checks several as one dataset (``--data seeds --data drafts.yaml``).
    """
    from timeline.cli.terminal import visible
    from timeline.dataset import default_path, load

    paths = (path,) if path else data_paths or (default_path(),)
    dataset = load(*paths)
    named = " + ".join(map(str, paths))
    if not dataset.events:
        click.echo(f"warning: {named} has no events yet: charts and exports will be empty", err=True)
    from timeline.read.near_ids import near_duplicate_ids

    for line in near_duplicate_ids(dataset):
        click.echo(f"warning: {named}: {line}", err=True)
    for line in _not_web_addresses(dataset):
        click.echo(visible(f"warning: {named}: {line}"), err=True)
    period = dataset.date_range()
    dates = f", {period}" if period else ""
    sources = len(dataset.sources)
    drafts = f", {len(dataset.drafts)} draft{'s' * (len(dataset.drafts) != 1)} awaiting review" if dataset.drafts else ""
    negotiation = "".join(f", {len(found)} {kind[:-1] if len(found) == 1 else kind}" for kind, found in
                          (("issues", dataset.issues), ("positions", dataset.positions), ("plans", dataset.plans)) if found)
    click.echo(f"ok: {named}: {len(dataset.events)} events, {len(dataset.actors)} actors, "
               f"{sources} source{'s' * (sources != 1)}{negotiation}{dates}{drafts}")


def _not_web_addresses(dataset: Dataset) -> list[str]:
    """A line for each source whose url is no http(s) address: the exports and the page leave such a url out."""
    from timeline.export._common import web_address

    return [f"source '{source.id}' has the url {source.url!r}, not a web address (http:// or https://): the exports "
            "and the page leave it out; write the article's address" for source in dataset.sources.values()
            if source.url and web_address(source.url) is None]
