"""Which table format a header row is: the columns each format's codebook names, and the layout found."""
from __future__ import annotations

from timeline.importers import acled, icews, project_csv, timelinejs, ucdp
from timeline.importers.tabular import HEADER_SEARCH

#: What each table format needs, for the message on an unknown layout.
EXPECTED = ("timeline's events.csv (columns " + ", ".join(sorted(project_csv.SIGNATURE)) + "); "
            "ACLED (" + ", ".join(sorted(acled.NEEDED)) + "); "
            "UCDP GED (" + ", ".join(sorted(ucdp.NEEDED)) + "); "
            "ICEWS (" + ", ".join(sorted(icews.NEEDED)) + "); "
            "the TimelineJS template (Year, Month, Day, ..., Headline, Text; or Start Date, Headline); "
            "GDELT events (57, 58 or 61 tab-separated columns, no header); PLOVER JSON records")


def detect_table(rows: list[list[str]]) -> tuple[str, str] | None:
    """``(format, layout)`` of the table whose first rows are ``rows``, or ``None``: the header may follow
    up to :data:`~timeline.importers.tabular.HEADER_SEARCH` rows of titles or notes."""
    for position, row in enumerate(rows[:HEADER_SEARCH]):
        columns = {cell.strip().lower() for cell in row}
        found = _format(columns)
        if found is None:
            continue
        extras = [*(["a title line above the header"] if position == 1 else []),
                  *([f"{position} lines above the header"] if position > 1 else []),
                  *(["a leading index column"] if row and not row[0].strip() else [])]
        return found[0], "; ".join([found[1], *(f"skipping {extra}" for extra in extras)])
    return None


def _format(columns: set[str]) -> tuple[str, str] | None:
    if columns >= project_csv.SIGNATURE:
        return "csv", "the events table of timeline export csv"
    if columns >= acled.NEEDED:
        return "acled", acled.layout(columns)
    if columns >= ucdp.NEEDED:
        return "ucdp", "UCDP GED"
    if {name.lower() for name in icews.NEEDED} <= columns:
        return "icews", "ICEWS coded events"
    if columns >= timelinejs.NEEDED_3:
        return "timelinejs", "the TimelineJS 3 template (Year, Month, Day, ...)"
    if columns >= timelinejs.NEEDED_2:
        return "timelinejs", "a TimelineJS 2 sheet (Start Date, End Date, Tag)"
    return None
