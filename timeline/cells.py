"""A value as the text of a table or spreadsheet cell, guarded against formulas (no model, no data).

>>> cell(["a", "b"]), cell(True), cell(None), safe_cell("=1+1")
('a; b', 'yes', '', "'=1+1")
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: First characters that get the guard: a formula's, and the guard's own (so that it can be removed exactly).
GUARDED_STARTS = (*FORMULA_STARTS, "'")
#: The columns whose cells are lists, joined with "; ".
LIST_SEPARATOR = "; "


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``=``, ``+``, ``-``, ``@``, tab, CR or ``'`` gets a ``'``.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("'quoted"), safe_cell("plain")
    ("'=HYPERLINK(1)", "''quoted", 'plain')
    """
    return "'" + text if text.startswith(GUARDED_STARTS) else text


def unguard(text: str) -> str:
    """The text that :func:`safe_cell` guarded: one leading ``'`` removed.

    >>> unguard("'-minus"), unguard("plain")
    ('-minus', 'plain')
    """
    return text[1:] if text.startswith("'") else text


def cell(value: Any, guard: Callable[[str], str] = str) -> str:
    """A value as a cell's text: list items joined with '; ', booleans yes/no, None empty; ``guard`` on each item."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        if guard is str and all(type(v) is str for v in value):  # the common case (ids), at C speed
            return LIST_SEPARATOR.join(value)
        return LIST_SEPARATOR.join(guard(_text(v)) for v in value)
    return guard(_text(value))


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
