"""Rows of a table file, streamed: CSV or tab-separated text, or an .xlsx workbook (openpyxl, read-only).

Every importer of a spreadsheet-shaped format reads through here, so each gets
the same handling of what real files carry:

- the delimiter (comma, tab or semicolon) is taken from the first lines; text is
  UTF-8 (a byte-order mark skipped), or UTF-16 or UTF-32 with its mark (Excel's "Unicode Text" is UTF-16);
  any other encoding is refused with the line of its first stray byte (:func:`open_text`),
  never guessed: a Windows-1251 file read as Windows-1252 would import garbled names;
- a title line or notes above the header are skipped: the header is the first of
  the first :data:`HEADER_SEARCH` rows that holds enough of the format's columns;
- an unnamed leading index column (``""``, ``Unnamed: 0``, ``...1``), as pandas
  and R write, is dropped;
- a row of HXL hashtags under the header (``#date``, ``#event+type``), as the
  Humanitarian Data Exchange's copies of ACLED and UCDP have, is skipped;
- a workbook cell that is a number, a date or a boolean becomes the text a
  sheet shows for it (``2025-11-30``, ``2025``, ``yes``), so readers see text only.

Rows are read one at a time (``csv`` over a text stream; openpyxl's
``read_only`` mode over a workbook): memory stays bounded for files of any size.
Each row comes with its location ``file:line`` (the CSV line on which the row
starts; the sheet's row number in a workbook).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline.errors import UserError
from timeline.read.encoding import bare_utf16, byte_order_mark

if TYPE_CHECKING:
    from timeline.importers.records import Record

#: How many rows are searched for the header (title lines and notes above it).
HEADER_SEARCH = 10
_INDEX = re.compile(r"|unnamed: ?0|\.\.\.1|x|index|#", re.IGNORECASE)
csv.field_size_limit(16 * 1024 * 1024)  # ACLED notes and TimelineJS texts can be long; the default is 128 KB


class NoHeader(UserError):
    """No row among the first :data:`HEADER_SEARCH` holds the columns a format needs."""


class Unreadable(UserError):
    """A workbook that openpyxl cannot open (damaged, or not really .xlsx)."""


class NotText(UserError):
    """A text file that is neither UTF-8 nor UTF-16 with a byte-order mark; ``str()`` gives file:line."""


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """``path`` opened as text for the csv module: in the encoding its byte-order mark names (UTF-8, UTF-16,
    UTF-32; the mark skipped), else UTF-8.

    A binary file (a NUL byte in its first 8 KB) raises :class:`NotText` at once; a byte that does not
    decode, met while the caller reads, raises it naming the line.
    """
    with path.open("rb") as raw:
        head = raw.read(8192)
    mark = byte_order_mark(head)  # UTF-16 with its mark: Excel's "Unicode Text", tab-separated
    if mark is None and bare_utf16(head):
        raise NotText(f"{path}: UTF-16 text without its byte-order mark; save the file as UTF-8 (from Excel: "
                      "'CSV UTF-8')")
    if mark is None and b"\0" in head:
        raise NotText(f"{path}: a binary file, not text; give a CSV or tab-separated table, an .xlsx workbook "
                      "or JSON")
    wide = mark is not None and mark.encoding != "utf-8"
    try:  # the codecs that skip the mark, also when the reader seeks back to the start
        with path.open(encoding=mark.encoding[:6] if wide else "utf-8-sig", newline="") as handle:
            yield handle
    except UnicodeDecodeError as error:
        if wide:
            name = mark.encoding.upper()[:6]
            raise NotText(f"{path}: broken {name} ({error.reason}); save the file again as UTF-8") from None
        line, byte = _stray_byte(path)
        spreadsheet = "" if path.suffix.lower() in (".json", ".jsonl") else " (from Excel: 'CSV UTF-8')"
        raise NotText(f"{path}:{line}: byte 0x{byte:02x} is not UTF-8; save the file as UTF-8{spreadsheet}") from None


def _stray_byte(path: Path) -> tuple[int, int]:
    """The line and value of the first byte of ``path`` that is not UTF-8 (a newline never is part of a character)."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                return number, line[error.start]
    return 0, 0


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is an .xlsx workbook (a ZIP holding ``xl/workbook.xml``)."""
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return "xl/workbook.xml" in archive.namelist()


def raw_rows(path: str | Path, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each non-empty row of the table at ``path`` as texts, with its line (or sheet row) number.

    ``sheet`` names the workbook sheet to read (default: the first one).
    Raise :class:`KeyError` if the workbook has no such sheet.
    """
    path = Path(path)
    if is_workbook(path):
        yield from _sheet_rows(path, sheet)
        return
    with open_text(path) as handle:
        head = handle.read(65536)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(head))
        start = 1
        for row in reader:
            if any(cell.strip() for cell in row):
                yield start, row
            start = reader.line_num + 1


def _delimiter(head: str) -> str:
    """Tab, semicolon or comma: whichever the first lines use most (tab first: TSV has no quoting habits)."""
    lines = [line for line in head.splitlines()[:HEADER_SEARCH] if line.strip()]
    counts = {sep: max((line.count(sep) for line in lines), default=0) for sep in ("\t", ";", ",")}
    if counts["\t"] >= 2:
        return "\t"
    return ";" if counts[";"] > counts[","] else ","


def open_workbook(path: str | Path) -> Any:
    """The workbook at ``path`` opened read-only (openpyxl); raise :class:`Unreadable` in one line if it cannot be."""
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, ValueError, zipfile and XML errors for a broken file
        raise Unreadable(f"{path}: not a readable .xlsx workbook ({type(error).__name__}: {error}); "
                         "save it again from the spreadsheet, or export it as CSV") from None


def _sheet_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """The rows of the sheet, merged cells filled down and uncomputed formulas refused (:mod:`.sheet_cells`)."""
    from timeline.importers.sheet_cells import check_computed, fill_down, sheet_facts

    book, written = open_workbook(path), None
    try:
        pages = book[sheet] if sheet is not None else book.worksheets[0]
        formulas, merged = sheet_facts(path, pages._worksheet_path)
        rows: Iterator[tuple[int, list[Any]]] = enumerate(pages.iter_rows(values_only=True), 1)
        if formulas:
            from openpyxl import load_workbook

            written = load_workbook(path, read_only=True, data_only=False)
            rows = check_computed(path, rows, written[pages.title].iter_rows(values_only=True))
        for number, values in fill_down(rows, merged) if merged else rows:
            row = [_text(value) for value in values]
            if any(cell.strip() for cell in row):
                yield number, row
    finally:
        book.close()
        if written is not None:
            written.close()


def _text(value: Any) -> str:
    """A workbook value as the text a sheet shows: whole numbers without '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def table(path: str | Path, needed: frozenset[str], fold: Callable[[str], str] = str.lower,
          sheet: str | None = None, only: dict[str, frozenset[str]] | None = None,
          ) -> Iterator[tuple[str, dict[str, str] | str | None]]:
    """Each data row of the table at ``path`` as ``(file:line, {column: text})``, columns named by ``fold``.

    The header is the first row holding every column of ``needed`` (folded);
    rows above it are skipped and an unnamed leading index column is dropped. Empty
    cells are left out of the mapping. ``only`` (column -> accepted values, folded by
    :func:`timeline.importers.records.fold`) keeps the rows whose cell in one of those
    columns is accepted, tested before the row is built; the others come as ``None``
    (columns the file lacks are not tested). A row with filled cells past the header's last column comes as
    the text of why it is refused (:func:`overflow`). Raise :class:`NoHeader` if no header is found.
    """
    rows, workbook = raw_rows(path, sheet), is_workbook(Path(path))
    name = str(path)
    try:
        header = find_header(rows, needed, fold)
    except NoHeader as error:
        raise NoHeader(f"{name}: {error}; is it the format named with --format?") from None
    tests = [(header.index(column), values) for column, values in (only or {}).items() if column in header]
    cut = not workbook and _ends_mid_line(Path(path))
    for number, ((line, row), last) in enumerate(_marking_last(rows)):
        if number == 0 and _is_hxl(row):
            continue
        if last and cut and len(row) < len(header):
            yield f"{name}:{line}", (f"{len(row)} cells of the header's {len(header)}, and the file ends in this row "
                                     "without a line break: it was cut short; get the whole file again")
            continue
        if tests and not any(index < len(row) and _folded(row[index]) in values for index, values in tests):
            yield f"{name}:{line}", None
            continue
        if lost := _lost(row, header, workbook):
            yield f"{name}:{line}", lost
            continue
        yield f"{name}:{line}", {column: cell.strip() for column, cell in zip(header, row)
                                 if column and cell and not cell.isspace()}


def _ends_mid_line(path: Path) -> bool:
    """Whether the file's last character is not a line break (UTF-8 or UTF-16: its last two bytes hold none)."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 2))
        tail = handle.read()
    return bool(tail) and b"\n" not in tail and b"\r" not in tail


def _marking_last(items: Iterable[Any]) -> Iterator[tuple[Any, bool]]:
    """Each item with whether it is the last."""
    items = iter(items)
    previous = next(items, _END)
    for item in items:
        yield previous, False
        previous = item
    if previous is not _END:
        yield previous, True


_END = object()


def overflow(cells: int, columns: int) -> str:
    """Why a row with more filled cells than the header has columns is refused (its cells would shift)."""
    return (f"{cells} cells, but the header has {columns} columns: a comma or tab inside a cell that is not in "
            "quotes? Its text would land in the wrong columns; quote that cell, or export the table again")


def _lost(row: list[str], header: list[str], workbook: bool) -> str | None:
    """Why ``row`` is refused when a filled cell has no column to go to (past the header, or under a blank
    header cell other than a leading index column's); ``None`` when every cell has its column."""
    if not workbook and any(cell.strip() for cell in row[len(header):]):
        return overflow(len(row), len(header))
    blank = next((n for n, cell in enumerate(row) if n and cell.strip() and (n >= len(header) or not header[n])), None)
    if blank is None:
        return None
    if workbook:
        from openpyxl.utils import get_column_letter

        return (f"column {get_column_letter(blank + 1)} holds text but has no name in the header row, so it would be "
                "lost; name the column, or move the text")
    return f"cell {blank + 1} holds text but its column has no name in the header, so it would be lost; name the column"


def table_records(rows: Iterable[tuple[str, dict[str, str] | str | None]],
            make: Callable[[str, dict[str, str]], Record]) -> Iterator[Record]:
    """The :class:`Record` ``make`` builds of each row of :func:`table`; a row left out or refused there as such,
    and one whose cell ``make`` needs is empty (:func:`table` leaves empty cells out) refused naming the column."""
    from timeline.importers.records import SKIPPED, Record

    for where, row in rows:
        if row is None or isinstance(row, str):
            yield SKIPPED if row is None else Record(where, refused=row)
            continue
        try:
            yield make(where, row)
        except KeyError as error:
            if not isinstance(column := error.args[0], str) or column in row:
                raise
            yield Record(where, refused=f"the cell {column!r} is empty, and every row needs one; fill it in, "
                                        "or delete the row")


def _is_hxl(row: list[str]) -> bool:
    """Whether ``row`` is a row of HXL hashtags (every filled cell starts with '#', as ``#date+occurred``)."""
    filled = [cell.strip() for cell in row if cell.strip()]
    return bool(filled) and all(cell.startswith("#") and " " not in cell for cell in filled)


def _folded(text: str) -> str:
    """``text`` as :func:`timeline.importers.records.fold` folds it (ASCII the quick way)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    from timeline.importers.records import fold

    return fold(text)


def find_header(rows: Iterator[tuple[int, list[str]]], needed: frozenset[str],
                fold: Callable[[str], str] = str.lower) -> list[str]:
    """The folded header among the next :data:`HEADER_SEARCH` of ``rows`` (consumed up to it), index column blanked."""
    seen = []
    for _, row in rows:
        columns = [fold(cell.strip()) for cell in row]
        if needed <= set(columns):
            if columns and _INDEX.fullmatch(columns[0]):
                columns[0] = ""
            return columns
        seen.append(row)
        if len(seen) >= HEADER_SEARCH:
            break
    where = f"none of the first {len(seen)} rows" if seen else "the file has no rows, so none"
    raise NoHeader(f"{where} holds the columns {', '.join(sorted(needed))}")


def first_rows(path: str | Path, count: int = HEADER_SEARCH) -> list[list[str]]:
    """The first ``count`` non-empty rows of the table at ``path`` (for detecting its format)."""
    found = []
    with _closing(raw_rows(path)) as rows:
        for _, row in rows:
            found.append(row)
            if len(found) >= count:
                break
    return found


@contextmanager
def _closing(generator: Iterator[Any]) -> Iterator[Iterator[Any]]:
    try:
        yield generator
    finally:
        generator.close()  # type: ignore[attr-defined]
