"""Print rows as an aligned table, JSON or CSV."""
from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from timeline.export.csv import cell, safe_cell

Row = Mapping[str, Any]


def write_rows(rows: Sequence[Row] | Row, fmt: str, columns: Sequence[str], out: TextIO | None = None) -> None:
    """Write ``rows`` (or a single row) to ``out`` in ``fmt``: table, json or csv."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    writer.writerows([safe_cell(cell(row.get(key))) for key in keys] for row in rows)


def _write_table(rows: Sequence[Row], columns: Sequence[str], out: TextIO) -> None:
    if not rows:
        out.write("(nothing matches)\n")
        return
    table = [[cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in table)) for i, c in enumerate(columns)]
    if out.isatty() or "COLUMNS" in os.environ:  # shorten the last column to the terminal's width
        room = shutil.get_terminal_size().columns - sum(widths[:-1]) - 2 * (len(widths) - 1)
        widths[-1] = min(widths[-1], max(room, 30))
    lines = [columns, ["-" * w for w in widths], *table]
    for line in lines:
        fields = [_fit(text, width) for text, width in zip(line, widths)]
        out.write("  ".join(fields).rstrip() + "\n")


def _write_record(row: Row, out: TextIO) -> None:
    width = max(map(len, row))
    for key, value in row.items():
        if value in (None, "", [], ()):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.write(f"{key}:\n")
            for item in value:
                out.write(f"  - {', '.join(f'{k}: {v}' for k, v in item.items() if v is not None)}\n")
        else:
            out.write(f"{key + ':':<{width + 1}} {cell(value)}\n")


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
