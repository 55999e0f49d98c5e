"""``timeline import``: bring a spreadsheet or an event-data file in as a YAML dataset file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from timeline.cli.options import date_option, not_standard_output
from timeline.importers import FORMATS
from timeline.vocabulary import EVENT_TYPES, PLOVER_TYPES

#: Refused rows printed; the rest are counted in the summary.
SHOWN_REFUSED = 10


@click.command("import", short_help="Turn spreadsheets and event-data files into YAML to review.")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
              help="The files' format; auto detects it from the columns.")
@click.option("--data", "data_path", type=click.Path(exists=True, path_type=Path),
              help="An existing dataset: actors it knows (by id, name or alias) are used, not proposed again.")
@date_option("--since", help="Only events on or after DATE.")
@date_option("--until", help="Only events on or before DATE.")
@click.option("--country", "countries", multiple=True, metavar="CODE",
              help="Only events with an actor of this country (CAMEO code such as RUS, or name; repeatable).")
@click.option("--between", nargs=2, metavar="CODE CODE",
              help="Only events between an actor of each of two countries (--between RUS UKR).")
@click.option("--actor", "actors", multiple=True, metavar="NAME", help="Only events of this actor (repeatable).")
@click.option("--type", "types", multiple=True, metavar="TYPE", type=click.Choice(list(EVENT_TYPES)),
              help="Only events of this type (repeatable).")
@click.option("--cameo", multiple=True, metavar="CODE", callback=lambda ctx, param, value: _cameo_codes(value),
              help="Only events whose CAMEO code starts so (04).")
@click.option("--plover", multiple=True, metavar="TYPE", callback=lambda ctx, param, value: _plover_types(value),
              help="Only events of this PLOVER type (CONSULT).")
@click.option("-o", "--output", "output_text", required=True, type=click.Path(), callback=not_standard_output,
              help="The YAML file to write, or a folder (ending in /): actors.yaml, sources.yaml, a file per "
                   "month. Never over a file timeline did not write.")
@click.option("--force", is_flag=True, help="Replace the output file even if timeline did not write it.")
@click.option("--into-dataset", is_flag=True, help="Allow -o inside the --data folder.")
def import_(files: tuple[Path, ...], fmt: str, data_path: Path | None, output_text: str, force: bool,
            into_dataset: bool, **filters: Any) -> None:
    """Turn FILE... (spreadsheets, TimelineJS sheets or JSON, ACLED, UCDP GED, GDELT, ICEWS, PLOVER, POLECAT) into a new
    YAML dataset file or folder to review and keep.

    Prints the format detected, then one line: rows read, imported, skipped by
    filter, merged, refused (with file:line and why). The file written passes
    `timeline validate`.
    """
    from itertools import chain

    from timeline.dataset import load
    from timeline.importers import check_file, detect
    from timeline.importers.records import Resolver, collect, fold
    from timeline.importers.writer import check, check_destination, header, is_folder, write_folder, write_yaml
    from timeline.outputs import check_output

    folder, output = is_folder(output_text), Path(output_text)  # Path() drops the trailing slash that says "folder"
    check_destination(output, data_path, into_dataset, files, folder)  # the import's own refusals first, then
    check_output(output, folder, force)                                 # any output's (before a file is read)
    chosen = _filters(filters)
    formats = []
    for file in files:
        check_file(file)
        found, layout = detect(file) if fmt == "auto" else (fmt, "as asked")
        click.echo(f"{file}: {found} ({layout})", err=True)
        formats.append(found)
    codes = frozenset(c.upper() for c in filters["countries"] if len(c) == 3)
    pair = frozenset(c.upper() for c in filters["between"] or ())
    pair = pair if len(pair) == 2 and all(len(c) == 3 for c in pair) else frozenset()
    names = frozenset(fold(c) for c in filters["countries"])
    records = chain.from_iterable(_read(f, file, codes, pair, names) for f, file in zip(formats, files))
    existing = load(data_path) if data_path else None
    imported = collect(records, chosen, Resolver(existing))
    title = f"Imported from {', '.join(f.name for f in files)}"
    comment = header(map(str, files), formats, {"data": data_path, **filters})
    for line in imported.refused[:SHOWN_REFUSED]:
        click.echo(f"refused {line}", err=True)
    if imported.refused_count > SHOWN_REFUSED:
        click.echo(f"... and {imported.refused_count - SHOWN_REFUSED} more refused rows", err=True)
    _refuse_nothing(imported)
    if folder:
        written = write_folder(imported, output, comment, title, force)
        for path in written.removed:
            click.echo(f"removed {path}: written by an earlier import, not by this one", err=True)
        for path in written.kept:
            click.echo(f"kept {path}: written by an earlier import and edited since; its events stay in the "
                       "folder's dataset, so remove it or move what you added", err=True)
    else:
        write_yaml(imported, output, comment, title, force)
    click.echo(f"{imported.summary()}; wrote {output_text}")
    del imported, existing  # the check loads what was written: not both at once (issue 18: memory)
    check(output, data_path)


def _plover_types(values: tuple[str, ...]) -> tuple[str, ...]:
    """``values`` as typed, each a PLOVER type in any case; raise :class:`click.BadParameter` naming the nearest."""
    from timeline.read.problems import did_you_mean

    for value in values:
        if value.upper() not in PLOVER_TYPES:
            raise click.BadParameter(f"{value!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})"
                                     + did_you_mean(value.upper(), PLOVER_TYPES))
    return values


def _cameo_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``values``, each a code of the CAMEO codebook; raise :class:`click.BadParameter` naming the nearest codes
    (a code no event has filtered every row out, silently)."""
    from timeline.importers.cameo import named, nearest_codes, table

    for value in values:
        if value not in table("eventcodes"):
            near = nearest_codes(value)
            hint = f"; did you mean {' or '.join(map(named, near))}?" if near else \
                "; give two to four digits, such as 04 (Consult) or 046 (Engage in negotiation)"
            raise click.BadParameter(f"{value!r} is not an event code of the CAMEO codebook{hint}")
    return values


def _refuse_nothing(imported: Any) -> None:
    """Raise a :class:`UserError` when no row gave anything (none read, or all refused or filtered out):
    an empty file is not written."""
    from timeline.errors import UserError

    if imported.events or imported.actors or imported.sources or any(imported.negotiation.values()):
        return
    if not imported.read:
        raise UserError("nothing to import: no rows under the header; nothing was written")
    why = "; ".join([*(["the refused rows say why above"] if imported.refused_count else []),
                     *(["the filters chose none of the others"] if imported.skipped else [])])
    raise UserError(f"nothing to import: {imported.summary()} ({why}); nothing was written")


def _read(fmt: str, file: Path, codes: frozenset[str], between: frozenset[str], names: frozenset[str]) -> Any:
    """The records of ``file``; the GDELT, ACLED and UCDP readers skip other countries' rows first (much faster)."""
    from timeline.importers import reader

    read = reader(fmt)
    if fmt == "gdelt":
        return read(file, countries=codes, between=between)
    return read(file, countries=names) if fmt in ("acled", "ucdp") else read(file)


def _filters(options: dict[str, Any]) -> Any:
    from timeline.dates import parse_user_date
    from timeline.importers.records import Filters, fold

    between = [fold(c) for c in options["between"] or ()]
    if len(between) == 2 and between[0] == between[1]:
        raise click.BadParameter(f"{options['between'][0]!r} twice: name two different countries (--between RUS UKR)",
                                 param_hint="--between")
    since = until = None
    if options["since"]:
        since = parse_user_date(options["since"]).start
    if options["until"]:
        end = parse_user_date(options["until"]).end
        until = end - dt.timedelta(microseconds=1) if end else None
    return Filters(since=since.date().isoformat() if since else None,
                   until=until.date().isoformat() if until else None,
                   countries=frozenset(fold(c) for c in options["countries"]),
                   between=frozenset(fold(c) for c in options["between"] or ()),
                   actors=frozenset(fold(a) for a in options["actors"]), types=frozenset(options["types"]),
                   cameo=tuple(options["cameo"]), plover=frozenset(p.upper() for p in options["plover"]))
