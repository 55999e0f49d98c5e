"""CSV tables for spreadsheets."""
from __future__ import annotations

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``=``, ``+``, ``-`` or ``@`` gets a ``'`` before it.

    >>> safe_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text
