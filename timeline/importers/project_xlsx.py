"""Read back the project's own workbook (``timeline export xlsx``): sheets events, actors, sources, quotes.

The sheets are those of :mod:`timeline.export.xlsx`, which holds the CSV tables
(:mod:`timeline.importers.project_csv` reads them the same way) with text typed
as text: no formula guard to take off, ``007`` and ``04`` stay text, booleans
are cells of their own type (read as ``yes``/``no``). The workbook is read with
openpyxl in read-only mode, a row at a time. Locations are ``file:sheet:row``.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from timeline.importers.project_csv import SIGNATURE, read_tables
from timeline.importers.records import Record
from timeline.importers.tabular import open_workbook, raw_rows

#: The sheets read, besides ``events`` (each optional).
SHEETS = ("events", "actors", "sources", "quotes")


def is_project_workbook(path: str | Path) -> bool:
    """Whether the workbook at ``path`` has an ``events`` sheet with the columns of the project's events table."""
    book = open_workbook(path)
    try:
        if "events" not in book.sheetnames:
            return False
        header = next(book["events"].iter_rows(max_row=1, values_only=True), ())
        return {str(cell) for cell in header if cell is not None} >= SIGNATURE
    finally:
        book.close()


def read_xlsx(path: str | Path) -> Iterator[Record]:
    """Yield the actors, sources, then one :class:`Record` per event of the workbook at ``path``."""
    book = open_workbook(path)
    names = set(book.sheetnames)
    book.close()
    yield from read_tables(lambda sheet: _rows(Path(path), sheet) if sheet in names else iter(()), guarded=False)


def _rows(path: Path, sheet: str) -> Iterator[tuple[str, dict[str, str]]]:
    rows = raw_rows(path, sheet)
    header = next(rows, (0, []))[1]
    for line, row in rows:
        yield f"{path}:{sheet}:{line}", {column: cell for column, cell in zip(header, row) if column and cell}
