"""Importers: turn the files people already hold into the project's YAML form.

One module per source format, in the style of networkx's ``readwrite``: each
``read_<format>(path, ...)`` yields :class:`~timeline.importers.records.Record`
values (an event mapping with its actors and sources, as the YAML would hold
them, and where it came from as ``file:row``), or the reason a row is refused.
:func:`~timeline.importers.records.collect` filters, resolves and merges them;
:func:`~timeline.importers.writer.write_yaml` writes the file the user owns,
which the normal checker (:func:`timeline.dataset.load`) then validates.
"""
from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from timeline.errors import UserError
from timeline.importers.records import Record

#: Formats known to ``timeline import --format``, with the module that reads each.
FORMATS = {"csv": "project_csv", "gdelt": "gdelt", "plover": "plover"}


class ImportError_(UserError):
    """A file that cannot be imported at all (unknown layout, unreadable)."""


def reader(fmt: str) -> Callable[..., Iterator[Record]]:
    """The ``read_<fmt>`` function of the format ``fmt``; raise :class:`ImportError_` if unknown."""
    import importlib

    if fmt not in FORMATS:
        raise ImportError_(f"the format {fmt!r} cannot be imported yet; known: {', '.join(FORMATS)}")
    return getattr(importlib.import_module(f"timeline.importers.{FORMATS[fmt]}"), f"read_{fmt}")


def detect(path: str | Path) -> tuple[str, str]:
    """The format of the file at ``path`` and a description of the layout, from its first bytes and columns.

    Raise :class:`ImportError_` naming the layouts expected when none fits.
    """
    from timeline.importers import gdelt, project_csv

    path = Path(path)
    try:
        head = _head(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ImportError_(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    if text.lstrip().startswith(("[", "{")) and re.search(r'"(event|event_type)"\s*:', text):
        return "plover", "PLOVER JSON records"
    if (layout := gdelt.layout(first.split("\t"))) is not None:
        return "gdelt", f"{layout[0]}, {len(layout[1])} tab-separated columns"
    if project_csv.is_events_table(next(csv.reader([first]), [])):
        return "csv", "the events table of timeline export csv"
    raise ImportError_(
        f"{path}: unknown layout; expected GDELT events (57, 58 or 61 tab-separated columns, no header, "
        "the first a GLOBALEVENTID, the second a SQLDATE) or PLOVER JSON (records with 'id', 'date', "
        f"'event' or 'event_type', 'source' or 'actor') or timeline's events.csv (columns "
        f"{', '.join(sorted(project_csv.SIGNATURE))}); first line has columns: {_shorten(first)}; "
        "name the format with --format")


def _head(path: Path, size: int = 65536) -> bytes:
    """The first ``size`` bytes of the file, or of the first member of a ZIP archive."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            if not archive.namelist():
                raise ImportError_(f"{path}: an empty ZIP archive")
            with archive.open(archive.namelist()[0]) as member:
                return member.read(size)
    with path.open("rb") as handle:
        return handle.read(size)


def _shorten(text: str, limit: int = 120) -> str:
    text = text.replace("\t", " | ")
    return text if len(text) <= limit else text[:limit] + "…"
