"""What openpyxl's streaming reader leaves out of a workbook's rows: merged cells and uncomputed formulas.

- A range merged down a column (``A4:A6``) holds its value in its first cell only; the reader gives
  the cells below it empty. They are given the first cell's value, so a year merged over three rows
  dates all three (ranges merged across columns are left as they are: a headline spread over the
  text column is not the text).
- A formula whose value was never computed (a sheet written by a program, never saved by a
  spreadsheet) reads as empty, and one that failed reads as its error (``#NAME?``, ``#REF!``): the
  workbook is refused at the first such cell, not imported with holes or error codes as text.

Both are found in one streamed pass over the sheet's XML, before its rows are read.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.errors import UserError

_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)"')
_FORMULA = re.compile(rb"<f[ >/]")
Range = tuple[int, int, int, int]  # first column, first row, last column, last row (1-based)


class Uncomputed(UserError):
    """A formula cell of a workbook with no value saved."""


def sheet_facts(path: Path, member: str) -> tuple[bool, list[Range]]:
    """Whether the sheet XML ``member`` of the workbook at ``path`` holds formulas, and its merged ranges."""
    from openpyxl.utils import range_boundaries

    formulas, merged, tail = False, set(), b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as xml:
        while chunk := xml.read(1 << 20):
            text = tail + chunk
            formulas = formulas or _FORMULA.search(text) is not None
            merged.update(_MERGE.findall(text))
            tail = text[-64:]
    return formulas, sorted(range_boundaries(ref.decode()) for ref in merged)


def fill_down(rows: Iterator[tuple[int, list[Any]]], ranges: list[Range]) -> Iterator[tuple[int, list[Any]]]:
    """``rows`` (sheet row number, values) with the first column of each range merged down filled from its top."""
    tops: dict[Range, Any] = {}
    for number, values in rows:
        for merged in ranges:
            column, first, _, last = merged
            if number == first:
                tops[merged] = values[column - 1] if len(values) >= column else None
            elif first < number <= last:
                values = [*values, *[None] * (column - len(values))]
                values[column - 1] = tops.get(merged)
        yield number, values


def check_computed(path: Path, rows: Iterator[tuple[int, list[Any]]], formulas: Iterator[tuple[Any, ...]],
                   ) -> Iterator[tuple[int, list[Any]]]:
    """``rows`` as they are; raise :class:`Uncomputed` at the first cell whose twin in ``formulas`` is a
    formula with no value, or with an error for its value."""
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.utils import get_column_letter

    for (number, values), written in zip(rows, formulas):
        for index, (value, formula) in enumerate(zip(values, written)):
            if not (isinstance(formula, str) and formula.startswith("=")) or value is not None and \
                    value not in ERROR_CODES:
                continue
            shown = formula if len(formula) <= 40 else formula[:37] + "..."
            cell = f"{path}:{number}: cell {get_column_letter(index + 1)}{number} holds the formula {shown}"
            if value is None:
                raise Uncomputed(f"{cell} with no value saved (a program wrote the sheet); open it in a "
                                 "spreadsheet and save it, or export it as CSV")
            raise Uncomputed(f"{cell}, which gives the error {value}; correct it in the spreadsheet, or type "
                             "the value in")
        yield number, values
