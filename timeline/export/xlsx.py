"""An Excel workbook (.xlsx) for spreadsheet users: the CSV tables, one sheet each, text kept as text.

Made with openpyxl (a dependency of timeline: small, pure Python). A CSV file carries no types, so
Excel and LibreOffice guess: ``Nov 2025`` becomes 1 Nov 2025, a CAMEO
code ``04`` becomes 4, an id ``007`` becomes 7. Here every text cell is
stored as text and formatted as text (``@``), so it stays what was
written, even when edited; numbers (counts) are numbers and yes/no
values booleans. Nothing needs a formula guard: a text cell is never
run, so ``=HYPERLINK(...)`` or ``-minus`` is kept exactly. Lists are
joined with ``"; "`` as in the CSV; control characters, which the format
cannot hold, become U+FFFD, and a text longer than a cell holds (32,767
characters) is cut and ends with "…".

The sheets are those of :func:`timeline.export.csv.tables`: events,
quotes, actors, sources, edges; each has a bold, frozen header row and a
filter. The same data gives the same bytes (the file's dates are the
latest date in the data).

>>> from timeline.export.csv import tables
>>> from timeline.export.xlsx import write_xlsx
>>> write_xlsx(tables(record), "timeline.xlsx")
"""
from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from copy import copy
from datetime import date
from typing import Any, BinaryIO

from timeline.export._common import NotInstalled, PathOrFile, export_graph, latest_day, plain_text
from timeline.export.csv import Table, cell, tables
from timeline.model import Dataset, Event

#: The most characters an Excel cell holds.
MAX_CELL = 32_767
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write(dataset: Dataset, events: Sequence[Event], path_or_file: PathOrFile, graph: str = "actors",
          level: str = "person") -> None:
    """Write the tables of ``events``, with the edges of ``graph``, as an .xlsx workbook: the export writer."""
    write_xlsx(tables(dataset, events, export_graph(dataset, events, graph, level)), path_or_file,
               stamp=latest_day(dataset))


def write_xlsx(sheets: Mapping[str, Table], path_or_file: PathOrFile, stamp: date = date(1970, 1, 1)) -> None:
    """Write ``sheets`` (name -> table) as an .xlsx workbook to a path or a binary file; ``stamp`` dates the file.

    Raises :class:`~timeline.export._common.NotInstalled` (with the install line) if openpyxl is missing.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise NotInstalled("the xlsx export needs openpyxl: pip install openpyxl") from None
    book = Workbook(write_only=True)
    for name, table in sheets.items():
        _sheet(book.create_sheet(name), table)
    with tempfile.TemporaryFile() as made:  # the workbook as openpyxl writes it, then copied part by part
        book.save(made)
        made.seek(0)
        if isinstance(path_or_file, (str, os.PathLike)):
            with open(path_or_file, "wb") as file:
                _reproducible(made, file, stamp)
        else:  # a stream that may not seek: the zip is made in memory
            buffer = io.BytesIO()
            _reproducible(made, buffer, stamp)
            path_or_file.write(buffer.getvalue())


def _sheet(sheet: Any, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    if table.columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = _cell(sheet, column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    text = WriteOnlyCell(sheet)
    text.number_format = "@"
    for row in table.rows:
        sheet.append([_cell(sheet, row.get(column), text._style) for column in table.columns])


def _cell(sheet: Any, value: Any, text_style: Any = None) -> Any:
    """What ``sheet.append`` takes for ``value``: a number, a boolean or nothing as it is; text as a cell typed
    and formatted as text (never a formula, whatever it starts with).

    openpyxl writes a number, a boolean or ``None`` given as itself exactly as in a cell of its own, and
    faster; a text cell gets ``text_style`` (the style of a cell formatted ``@``), copied rather than set
    format by format, since setting a cell's format looks it up in the workbook's lists (issue 18: the
    workbook at 100k). Both give the bytes of a cell made and formatted one attribute at a time.
    """
    from openpyxl.cell import WriteOnlyCell

    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = _text(value)
    if not text:  # an empty list or text: an empty cell
        return None
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 1] + "…"
    cell = WriteOnlyCell(sheet)
    cell._value, cell.data_type = text, "s"  # plain_text left no character a cell refuses; never a formula
    if text_style is None:
        cell.number_format = "@"
    else:
        cell._style = copy(text_style)
    return cell


def _text(value: Any) -> str:
    """Text as the CSV has it, unguarded: lists joined with ``"; "``."""
    return plain_text(cell(value))


def _reproducible(source: BinaryIO, target: BinaryIO, stamp: date) -> None:
    """Copy the workbook in ``source`` to ``target`` with fixed zip times and document dates, so that the same
    data gives the same bytes; each part is copied in pieces (a sheet of 100,000 rows is hundreds of MB of XML)."""
    when = f"{stamp:%Y-%m-%d}T00:00:00Z".encode()
    with zipfile.ZipFile(source) as made, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in made.infolist():
            part = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            part.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == "docProps/core.xml":
                out.writestr(part, _STAMP.sub(lambda m: m[1] + when + m[2], made.read(info)), zipfile.ZIP_DEFLATED)
                continue
            with made.open(info) as piece, out.open(part, "w", force_zip64=info.file_size > zipfile.ZIP64_LIMIT) as copy_:
                shutil.copyfileobj(piece, copy_, 1 << 20)
