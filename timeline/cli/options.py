"""Options shared by the commands: the dataset, the event filters, the output, and what to draw or write.

Each option is defined here once, with one wording, and used by every
command that takes it (``export``, ``render ...``, ``build``).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from timeline.vocabulary import EVENT_TYPES, LEVELS, STATUSES

if TYPE_CHECKING:
    import sqlite3

    from timeline.model import Dataset

Command = Callable[..., Any]
Answer = TypeVar("Answer")

#: The smallest chart worth drawing and the largest side, in inches.
MIN_SIZE = (5.0, 4.0)
MAX_INCHES = 60.0
#: Pixels per inch of a PNG, by default, and the range allowed.
DPI = 200
DPI_RANGE = (30, 1200)
#: The graphs a command can draw or write: actors joined by their relations, actors joined to their events, or
#: actors joined to issues by their positions (written by the exports; drawn by ``render positions``).
GRAPHS = ("actors", "events", "positions")


def with_dataset(command: Command) -> Command:
    """Add ``--data PATH`` (repeatable) and pass the loaded dataset to the command as ``dataset``."""

    @data_option
    @functools.wraps(command)
    def wrapper(*args: Any, data_paths: tuple[Path, ...], **kwargs: Any) -> Any:
        import gc

        dataset = load_data(data_paths)
        gc.freeze()  # the dataset lives as long as the command: the collector need not walk it again and again
        try:
            return command(*args, dataset=dataset, **kwargs)
        finally:
            gc.unfreeze()

    return wrapper


data_option = click.option(
    "--data", "data_paths", multiple=True, type=click.Path(exists=True, path_type=Path), envvar="TIMELINE_DATA",
    help="Dataset file or folder; repeat to read several as one dataset, e.g. a dataset and its drafts "
         "(default: $TIMELINE_DATA, ./seeds, or the shipped seeds).")


def load_data(paths: tuple[Path, ...], tables: bool = False) -> Dataset:
    """The dataset of the ``--data`` paths (the default dataset when none), read as one.

    One path is served from its store (:func:`timeline.cache.load`; ``tables``: with its query tables);
    several are read and checked together each time (:func:`timeline.dataset.load`), so a file of drafts
    is checked against the dataset it names.
    """
    from timeline import cache
    from timeline.read.files import default_path

    if paths in _loaded:
        return _loaded.pop(paths)
    if len(paths) > 1:
        from timeline import dataset  # the YAML reader: a load from the store does not import it

        return dataset.load(*paths)
    return cache.load(paths[0] if paths else default_path(), tables=tables)


def stored_tables(paths: tuple[Path, ...]) -> sqlite3.Connection | None:
    """The store's query tables (:mod:`timeline.index`) of the ``--data`` path; ``None`` if there can be none.

    Tables that do not match the files are written anew after loading the
    dataset (which raises what is wrong with it). If they still cannot be
    had (several paths, no store), the next :func:`load_data` of the same
    paths returns the dataset already loaded.
    """
    from timeline.index import open_tables

    path = paths[0] if len(paths) == 1 else _default_path() if not paths else None
    if path is not None and (tables := open_tables(path)) is not None:
        return tables
    record = load_data(paths, tables=True)
    if path is not None and (tables := open_tables(path)) is not None:
        return tables
    _loaded[paths] = record
    return None


def from_tables(paths: tuple[Path, ...], ask: Callable[[sqlite3.Connection], Answer | None]) -> Answer | None:
    """What ``ask`` answers from the store's tables of the ``--data`` paths; ``None`` if they cannot say.

    Then :func:`load_data` of the same paths gives the record to ask the library.
    """
    tables = stored_tables(paths)
    if tables is None:
        return None
    _pause_collector()  # the answer is rows (tuples, text) and so is its table: no cycle for the collector to find
    try:
        found = ask(tables)
    finally:
        tables.close()
    if found is None:
        _resume_collector()
    return found


def _pause_collector() -> None:
    """Turn the cycle collector off until :func:`_resume_collector` (:func:`with_output` once the rows are printed)."""
    import gc

    global _paused
    _paused = _paused or gc.isenabled()
    gc.disable()


def _resume_collector() -> None:
    import gc

    global _paused
    if _paused:
        gc.enable()
        _paused = False


#: Did :func:`_pause_collector` turn the collector off?
_paused = False


def _default_path() -> Path:
    from timeline.read.files import default_path

    return default_path()


#: A dataset :func:`stored_tables` loaded but could not serve from tables, for the next :func:`load_data`.
_loaded: dict[tuple[Path, ...], Dataset] = {}


def readable_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a DATE the user typed that cannot be read, naming its option (``--since``): the value is
    checked here, where click knows the option, and passed on as typed."""
    from timeline.dates import DateError, parse_user_date

    if value is not None:
        try:
            parse_user_date(value)
        except DateError as error:
            raise click.BadParameter(str(error), ctx, param) from None
    return value


def plain_text(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a text option holding a control character (U+0007...), which no SVG or XML file may hold."""
    from timeline.read.yaml import NOT_PRINTABLE, describe_char

    if value is not None and (char := NOT_PRINTABLE.search(value)):
        raise click.BadParameter(f"the control character {describe_char(char.group())} cannot be drawn; delete it",
                                 ctx, param)
    return value


def date_option(*names: str, help: str, **kwargs: Any) -> Callable[[Command], Command]:
    """An option taking a date as users type it (EDTF or words), refused at once, by name, if unreadable."""
    return click.option(*names, metavar="DATE", callback=readable_date, help=help, **kwargs)


since_option = date_option("--since", help='Only what may lie on or after DATE ("2 Dec 2025", 2025-12).')
until_option = date_option("--until", help="Only what may lie on or before DATE.")
level_option = click.option(
    "--level", type=click.Choice(LEVELS), default="person", show_default=True,
    help="person: actors as recorded; state: each actor counted as the state it belongs to.")
graph_option = click.option(
    "--graph", type=click.Choice(GRAPHS), default="actors", show_default=True,
    help="actors: actors joined by their relations; events: actors joined to their events; positions: actors "
         "and issues joined by their stances.")
#: ``--force``, read before the other options (eager): ``-o``'s check (:func:`writable_output`) needs it.
force_option = click.option(
    "--force", is_flag=True, is_eager=True,
    help="Replace an existing output even if timeline did not write it (by default only timeline's own files are).")
include_drafts_option = click.option(
    "--include-drafts", is_flag=True, help="Also the draft events, which await review (left out by default).")
dpi_option = click.option("--dpi", type=click.IntRange(*DPI_RANGE), default=DPI, show_default=True,
                          help="Pixels per inch of a PNG.")


def size_option(command: Command) -> Command:
    """Add ``--size WxH``, read by :func:`parse_size` into ``size`` (inches) or ``None``."""
    return click.option("--size", callback=parse_size, metavar="WxH",
                        help="Width and height in inches, e.g. 11x7.")(command)


def output_option(help: str, default: Path | None = None, kind: str = "file",
                  aliases: tuple[str, ...] = ()) -> Callable[[Command], Command]:
    """``-o/--output PATH``, passed as ``output`` (a ``Path``).

    ``kind`` is what the path may be: ``file``, ``folder``, or ``any``
    (either, or ``-`` for standard output); ``aliases`` are older flags
    kept working (``--out``).
    """
    return click.option("-o", "--output", *aliases, "output", metavar="FOLDER" if kind == "folder" else "PATH",
                        type=click.Path(file_okay=kind != "folder", dir_okay=kind != "file", path_type=Path,
                                        allow_dash=kind == "any"),
                        default=default, show_default=default is not None, help=help,
                        callback=dataset_output if kind == "folder" else file_output)


def not_standard_output(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Refuse ``-`` where a command writes only files: it would become a file named ``-``, not standard output."""
    if value is not None and str(value) == "-" and not getattr(param.type, "allow_dash", False):
        raise click.BadParameter("'-' (standard output) is not written by this command, which writes files; "
                                 "give a file or folder name", ctx, param)
    return value


def not_data_named(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Refuse ``-`` (:func:`not_standard_output`) and an output named as a dataset file (``.yaml``/``.yml``)
    by a command that writes none: in a dataset folder it would be read as data and break the next load, and
    over a data file it would replace the record."""
    from timeline.read.files import is_data_file

    not_standard_output(ctx, param, value)
    if value is not None and is_data_file(value):
        raise click.BadParameter(f"{str(value)!r} is named as a dataset file ({value.suffix}), which this command "
                                 "does not write: a dataset would read it as data; name it for what it holds",
                                 ctx, param)
    return value


def writable_output(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Refuse, before any work (the data are not loaded yet), an output that could not be written or must not be
    replaced (:func:`timeline.outputs.check_output`): a folder that is a file or a broken link, a folder not writable,
    a file timeline did not write (unless ``--force``, an eager option, so read by now). A folder is what the option
    takes only as one, an existing folder, or a path ending in ``/``."""
    if value is None or str(value) == "-":
        return value
    from timeline.outputs import check_output

    folder = not getattr(param.type, "file_okay", True) or (getattr(param.type, "dir_okay", False) and (
        Path(value).is_dir() or str(value).endswith("/")))
    check_output(Path(value), folder=folder, force=bool(ctx.params.get("force")))
    return value


def file_output(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """:func:`not_data_named`, then :func:`writable_output`."""
    return writable_output(ctx, param, not_data_named(ctx, param, value))


def dataset_output(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """:func:`not_standard_output`, then :func:`writable_output`: a folder (``build -o``), or a dataset written
    (``draft -o``, ``import -o``), which may be named ``.yaml``."""
    return writable_output(ctx, param, not_standard_output(ctx, param, value))


def with_filter(command: Command) -> Command:
    """Add ``--since --until --actor --type --status`` and pass an ``EventFilter`` as ``event_filter``."""

    @since_option
    @until_option
    @click.option("--actor", "actors", multiple=True, metavar="NAME",
                  help="Events of this actor or its members (id, name or alias; repeatable).")
    @click.option("--type", "types", multiple=True, type=click.Choice(list(EVENT_TYPES)), metavar="TYPE",
                  help="Events of this type (repeatable): " + ", ".join(EVENT_TYPES) + ".")
    @click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
                  help="Events with this status (repeatable).")
    @functools.wraps(command)
    def wrapper(*args: Any, since: str | None, until: str | None, actors: tuple[str, ...],
                types: tuple[str, ...], statuses: tuple[str, ...], **kwargs: Any) -> Any:
        from timeline.filters import EventFilter

        event_filter = EventFilter(since, until, actors, types, statuses)
        return command(*args, event_filter=event_filter, **kwargs)

    return wrapper


def with_output(*columns: str) -> Callable[[Command], Command]:
    """Add ``--format table|json|csv`` and print the rows the command returns.

    The command returns a list of JSON-ready mappings (or one mapping);
    ``columns`` are the ones the table shows. JSON and CSV carry every key.
    """

    def decorator(command: Command) -> Command:
        @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                      show_default=True, help="Output format.")
        @functools.wraps(command)
        def wrapper(*args: Any, fmt: str, **kwargs: Any) -> None:
            from timeline.cli.output import write_rows

            try:
                write_rows(command(*args, **kwargs), fmt, columns)
            finally:
                _resume_collector()

        return wrapper

    return decorator


def parse_size(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float] | None:
    """Read ``--size 11x7``: width and height in inches (a click callback)."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*", value)
    if not match:
        raise click.BadParameter(f"{value!r} is not WIDTHxHEIGHT in inches (e.g. 11x7)")
    width, height = float(match[1]), float(match[2])
    if not (MIN_SIZE[0] <= width <= MAX_INCHES and MIN_SIZE[1] <= height <= MAX_INCHES):
        raise click.BadParameter(f"{value!r}: give from {MIN_SIZE[0]:g}x{MIN_SIZE[1]:g} "
                                 f"to {MAX_INCHES:g}x{MAX_INCHES:g} inches")
    return width, height
