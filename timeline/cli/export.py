"""``timeline export``: the record as files for other tools."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from timeline.cli.options import (
    Command,
    force_option,
    graph_option,
    include_drafts_option,
    level_option,
    output_option,
    with_dataset,
    with_filter,
)
from timeline.export import FORMATS, OPTIONS, Option
from timeline.filters import EventFilter
from timeline.model import Dataset

_FORMATS = "\n".join(f"  {f.name:<11} {f.summary}" for f in FORMATS.values())
#: Options defined once for every command (in timeline.cli.options); the others are the formats' own.
_SHARED = {"graph": graph_option, "level": level_option}


def format_options(command: Command) -> Command:
    """Add a flag for each option of :data:`timeline.export.OPTIONS` (``group_by`` as ``--group-by``)."""
    for option in reversed(OPTIONS.values()):
        command = _SHARED.get(option.name, _flag(option))(command)
    return command


def _flag(option: Option) -> Any:
    takes = [f.name for f in FORMATS.values() if option.name in f.options]
    help = f"{option.help} ({', '.join(takes)}; default: {option.default})"
    flag = "--" + option.name.replace("_", "-")
    if option.choices is None:
        return click.option(f"{flag}/--no-{flag[2:]}", option.name, default=option.default, help=help)
    return click.option(flag, option.name, type=click.Choice(option.choices), default=option.default, help=help)


@click.command(help=f"""Write the record as FORMAT, for the tools people already use.

\b
{_FORMATS}

Graph formats write the actor graph (--graph actors, the default), the
graph of actors and events (--graph events) or of actors and issues joined
by their positions (--graph positions); csv writes its tables into a
folder. Give spreadsheet users xlsx (cells keep their text: "Nov 2025"
stays text, "007" keeps its zeros), and programs csv. The filters choose
the events. Without -o, the file goes to output/ (e.g. output/actors.gexf);
'-o -' writes to standard output.

\b
Examples:
  timeline export gexf --level state
  timeline export graphml --graph events -o events.graphml
  timeline export csv -o tables/ --since 2025-12-01
  timeline export timelinejs --group-by side
  timeline export ical --actor witkoff -o -
  timeline export ftm -o talks.ftm.json""")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@output_option("File (a folder for csv), or - for standard output.", kind="any")
@format_options
@force_option
@include_drafts_option
@with_dataset
@with_filter
def export(dataset: Dataset, event_filter: EventFilter, fmt: str, output: Path | None, force: bool,
           include_drafts: bool, **options: Any) -> None:
    from timeline.export import export as write

    context = click.get_current_context()
    given = {name: value for name, value in options.items()
             if context.get_parameter_source(name) is not ParameterSource.DEFAULT}
    events = replace(event_filter, include_drafts=include_drafts).apply(dataset)
    if output is not None and str(output) == "-":
        _refuse_terminal(fmt)
        write(dataset, fmt, sys.stdout.buffer, events=events, include_drafts=include_drafts, **given)
        sys.stdout.buffer.flush()  # here, where a reader gone (`| head`) is caught, not at exit
    else:
        path = write(dataset, fmt, output, events=events, force=force, include_drafts=include_drafts, **given)
        click.echo(f"wrote {path}")


def _refuse_terminal(fmt: str) -> None:
    """Refuse to print a binary format (a workbook) on a terminal, where it is unreadable and may upset it."""
    from timeline.errors import UserError
    from timeline.export import FORMATS

    if FORMATS[fmt].binary and sys.stdout.isatty():
        raise UserError(f"{fmt} is a binary file, not for a terminal: give a file with -o (-o timeline.{fmt}), "
                        f"or send standard output to one (> timeline.{fmt})")
