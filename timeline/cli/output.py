r"""Print rows as an aligned table, JSON or CSV.

A table and a single record (``show``) are for people: every control
character in a value is printed as a visible escape (``\r``, ``\x1b``;
see :mod:`timeline.cli.terminal`), and a line break in prose becomes a
space, so no value can move the cursor, restyle the terminal or fake a row.
JSON and CSV are for programs and carry the data exactly: JSON writes
every control, line-separator and bidirectional character as a ``\uXXXX``
escape (which any JSON reader turns back into the same text), and CSV
writes them as they are, except when standard output is a terminal, where
CSV cells are shown with visible escapes like a table.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any, TextIO

from timeline.cells import cell, safe_cell
from timeline.cli.terminal import UNSAFE, visible

Row = Mapping[str, Any]
#: What JSON leaves raw but a terminal may act on (JSON itself escapes U+0000 to U+001F).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def write_rows(rows: Sequence[Row] | Row, fmt: str, columns: Sequence[str], out: TextIO | None = None) -> None:
    """Write ``rows`` (or a single row) to ``out`` in ``fmt``: table, json or csv."""
    out = out or sys.stdout
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2)  # such characters can only be inside strings
        out.write(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n")
    elif isinstance(rows, Mapping):
        _write_record(rows, out) if fmt == "table" else write_csv([rows], out)
    elif fmt == "csv":
        write_csv(rows, out)
    else:
        _write_table(rows, columns, out)


def write_csv(rows: Sequence[Row], out: TextIO) -> None:
    """CSV with a header of every key, safe to open in a spreadsheet."""
    import csv

    keys = list(dict.fromkeys(key for row in rows for key in row))
    shown = visible if out.isatty() else str
    line = io.StringIO()
    writer = csv.writer(line, lineterminator="\r\n")  # "\r" in it makes the writer quote a cell holding one
    for values in [keys, *([safe_cell(cell(row.get(key))) for key in keys] for row in rows)]:
        writer.writerow(map(shown, values))
        out.write(line.getvalue()[:-2] + "\n")
        line.seek(0)
        line.truncate()


def _write_table(rows: Sequence[Row], columns: Sequence[str], out: TextIO) -> None:
    if not rows:
        out.write("(nothing matches)\n")
        return
    table = [[value if type(value) is str else cell(value) for value in map(row.get, columns)] for row in rows]
    if UNSAFE.search("".join(chain.from_iterable(table))):  # else every cell is as it will be shown
        table = [[visible(text, newline=" ") for text in line] for line in table]
    widths = [max(len(c), *map(len, texts)) for c, texts in zip(columns, zip(*table))]
    if out.isatty() or "COLUMNS" in os.environ:  # shorten the last column to the terminal's width
        room = _terminal_columns() - sum(widths[:-1]) - 2 * (len(widths) - 1)
        widths[-1] = min(widths[-1], max(room, 30))
    pad = "  ".join(f"{{:<{width}}}" for width in widths[:-1])  # no other column is wider than its widest cell
    last = widths[-1]
    out.write("".join(f"{(pad.format(*line) + '  ') * bool(pad)}{end if len(end) <= last else _fit(end, last)}"
                      .rstrip() + "\n"  # the last column is cut, never padded: the line ends there
                      for *line, end in [list(columns), ["-" * w for w in widths], *table]))


def _write_record(row: Row, out: TextIO) -> None:
    width = max(map(len, row))
    for key, value in row.items():
        if value in (None, "", [], ()):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.write(f"{visible(key)}:\n")
            for item in value:
                fields = ", ".join(f"{k}: {cell(v)}" for k, v in item.items() if v is not None)
                out.write(f"  - {visible(fields, newline=' ')}\n")
        else:
            out.write(f"{visible(key) + ':':<{width + 1}} {visible(cell(value), newline=' ')}\n")


def _terminal_columns() -> int:
    """The terminal's width: ``$COLUMNS``, else the size of standard output, else 80 (``shutil.get_terminal_size``,
    without importing shutil and the compression modules it brings)."""
    text = os.environ.get("COLUMNS", "")
    if text.isdigit() and int(text) > 0:
        return int(text)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
