"""Importers: turn the files people already hold into the project's YAML form.

One module per source format, in the style of networkx's ``readwrite``: each
``read_<format>(path, ...)`` yields :class:`~timeline.importers.records.Record`
values (an event mapping with its actors and sources, as the YAML would hold
them, and where it came from as ``file:row``), or the reason a row is refused.
:func:`~timeline.importers.records.collect` filters, resolves and merges them;
:func:`~timeline.importers.writer.write_yaml` writes the file the user owns,
(or :func:`~timeline.importers.writer.write_folder` a folder dataset), which
the normal checker (:func:`timeline.dataset.load`) then validates.

Formats: the project's own tables (:mod:`.project_csv`, :mod:`.project_xlsx`), the
TimelineJS template (:mod:`.timelinejs`), ACLED (:mod:`.acled`), UCDP GED
(:mod:`.ucdp`), GDELT (:mod:`.gdelt`), ICEWS (:mod:`.icews`), PLOVER JSON
(:mod:`.plover`) and POLECAT's tab-separated files (:mod:`.polecat`); TimelineJS JSON by
:mod:`.timelinejs_json`. Table files are streamed by :mod:`.tabular` (CSV, TSV, .xlsx);
:func:`detect` names the format from the columns.
"""
from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from timeline.errors import UserError
from timeline.importers.records import Record

#: Formats known to ``timeline import --format``, with the module that reads each.
FORMATS = {"csv": "project_csv", "xlsx": "project_xlsx", "timelinejs": "timelinejs", "acled": "acled",
           "ucdp": "ucdp", "gdelt": "gdelt", "icews": "icews", "plover": "plover",
           "polecat": "polecat"}


#: File names of JSON and of spreadsheet workbooks, and the first bytes of an Excel 97-2003 (OLE2) file.
_JSON = (".json", ".jsonl", ".geojson")
_WORKBOOKS = (".xlsx", ".xlsm", ".xls")
_OLE2 = b"\xd0\xcf\x11\xe0"


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

    Raise :class:`ImportError_` naming the columns each format expects when none fits.
    """
    from timeline.importers import gdelt
    from timeline.importers.tabular import first_rows, is_workbook

    path = Path(path)
    check_file(path)
    try:
        if is_workbook(path):
            from timeline.importers.project_xlsx import is_project_workbook

            if is_project_workbook(path):
                return "xlsx", "the workbook of timeline export xlsx"
            return _table_format(path, first_rows(path), "xlsx workbook, first sheet")
        head = _head(path)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportError_(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    from timeline.importers.timelinejs_json import is_timelinejs_json

    if is_timelinejs_json(text):
        return "timelinejs", "TimelineJS JSON"
    if text.lstrip().startswith(("[", "{")) and re.search(r'"(event|event_type)"\s*:', text):
        return "plover", "PLOVER JSON records"
    if text.lstrip().startswith("{") or text.lstrip().startswith("[") and path.suffix.lower() in _JSON:
        raise ImportError_(f"{path}: JSON, but neither TimelineJS JSON (an object whose \"events\" have "
                           "\"start_date\") nor PLOVER records (objects with \"event\" or \"event_type\"); "
                           "export it again in one of those shapes")
    if path.suffix.lower() in _WORKBOOKS:
        raise ImportError_(f"{path}: named {path.suffix} but not an .xlsx workbook"
                           f"{' (an Excel 97-2003 .xls file)' if head.startswith(_OLE2) else ''}; save it again "
                           "from the spreadsheet as .xlsx, or as CSV UTF-8")
    if (layout := gdelt.layout(first.split("\t"))) is not None:
        return "gdelt", f"{layout[0]}, {len(layout[1])} tab-separated columns"
    return _table_format(path, first_rows(path), "", first)


def check_file(path: Path) -> None:
    """Raise :class:`ImportError_` unless ``path`` is a regular file: a pipe would block the import for ever,
    a device (``/dev/zero``) never end."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise ImportError_(f"{path}: cannot read ({error.strerror})") from None
    if not stat.S_ISREG(mode):
        raise ImportError_(f"{path}: not a regular file (a pipe, socket or device); save the table to a file and "
                           "import that")


def _table_format(path: Path, rows: list[list[str]], note: str, first: str = "") -> tuple[str, str]:
    from timeline.importers.tables_detect import EXPECTED, detect_table, unknown_layout

    found = detect_table(rows)
    if found is None:
        if not rows:
            raise ImportError_(f"{path}: no rows: the file is empty; export the table again")
        shown = _shorten(" | ".join(rows[0]))
        if why := unknown_layout(rows, first):
            raise ImportError_(f"{path}: unknown layout: {why} (the first row has: {shown}); or name the format "
                               "with --format")
        raise ImportError_(f"{path}: unknown layout; expected {EXPECTED}; the first row has: {shown}; "
                           "name the format with --format")
    return found[0], f"{found[1]}, {note}" if note else found[1]


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
