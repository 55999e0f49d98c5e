"""Which table format a header row is: the columns each format's codebook names, and the layout found."""
from __future__ import annotations

from timeline.importers import acled, gdelt, icews, polecat, project_csv, timelinejs, ucdp
from timeline.importers.tabular import HEADER_SEARCH

#: What each table format needs, for the message on an unknown layout.
EXPECTED = ("timeline's events.csv (columns " + ", ".join(sorted(project_csv.SIGNATURE)) + "); "
            "ACLED (" + ", ".join(sorted(acled.NEEDED)) + "); "
            "UCDP GED (" + ", ".join(sorted(ucdp.NEEDED)) + "); "
            "ICEWS (" + ", ".join(sorted(icews.NEEDED)) + "); "
            "POLECAT (" + ", ".join(sorted(polecat.NEEDED)) + "); "
            "the TimelineJS template (Year, Month, Day, ..., Headline, Text; or Start Date, Headline); "
            "GDELT events (57, 58 or 61 tab-separated columns, no header); PLOVER JSON records")


#: Each table format's needed columns (lower case), for the nearest format of an unknown layout.
_NEEDED = {"timeline's events.csv": project_csv.SIGNATURE, "ACLED": acled.NEEDED, "UCDP GED": ucdp.NEEDED,
           "ICEWS": frozenset(name.lower() for name in icews.NEEDED),
           "POLECAT": frozenset(name.lower() for name in polecat.NEEDED), "the TimelineJS template": timelinejs.NEEDED_3}
#: The tables ``timeline export csv`` writes beside events.csv: their columns, and what each is.
_SIBLINGS = ((frozenset(("id", "name", "kind")), "the actors table"),
             (frozenset(("id", "publisher", "title", "url")), "the sources table"),
             (frozenset(("event", "speaker", "text")), "the quotes table"),
             (frozenset(("source", "target", "relation", "directed")), "the edges table (made from the events)"))
#: Tab-separated GDELT files that are not the events table: column count -> what they are.
_GDELT_OTHERS = {16: "a GDELT 2.0 mentions file", 27: "a GDELT 2.0 GKG file", 15: "a GDELT 1.0 GKG file",
                 11: "a GDELT 1.0 GKG counts file"}


def unknown_layout(rows: list[list[str]], first: str) -> str:
    """Why the table whose first rows are ``rows`` (its first raw line ``first``) is no known format, and the fix.

    The format whose needed columns one row holds the most of (at least two) is named with the ones missing;
    GDELT's other files, a GDELT events file cut to another column count, and ACLED's weekly aggregates
    are named as such.
    """
    cells = first.split("\t")
    if len(cells) in gdelt.LAYOUTS:
        return (f"{len(cells)} tab-separated columns, as GDELT events have, but the first line is not an event "
                "(an id, then the day as YYYYMMDD); remove the header or notes above the first event")
    if len(cells) > 10 and cells[0].strip().isdigit():
        what = _GDELT_OTHERS.get(len(cells), "")
        return (f"{len(cells)} tab-separated columns with no header: {what or 'not a GDELT events file'}"
                f"{', which holds no events' if what else ''}; GDELT events files (*.export.CSV) have 57, 58 or "
                "61 columns")
    heads = [{cell.strip().lower() for cell in row} for row in rows]
    if sibling := next((what for head in heads[:1] for columns, what in _SIBLINGS if columns <= head), None):
        return (f"{sibling} of timeline export csv; import its events.csv, which reads actors.csv, sources.csv "
                "and quotes.csv from beside it")
    if any({"events", "fatalities"} <= head and head & {"week", "month"} for head in heads):
        return ("ACLED's aggregates (events and fatalities by week or month): counts, not events; download "
                "ACLED's event-level export (event_id_cnty, event_date, ...)")
    best = max(((len(needed & head), name, needed - head) for name, needed in _NEEDED.items() for head in heads),
               default=(0, "", frozenset()))
    if best[0] < 2:
        return ""
    missing = ", ".join(sorted(best[2]))
    return (f"nearest {best[1]}, but no header row has the column{'s' * (len(best[2]) != 1)} {missing}; "
            "rename them as that format names them")


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
    if {acled.fold_column(column) for column in columns} >= acled.NEEDED:
        return "acled", acled.layout({acled.fold_column(column) for column in columns})
    if columns >= ucdp.NEEDED:
        return "ucdp", "UCDP GED"
    if {name.lower() for name in polecat.NEEDED} <= columns:
        return "polecat", "POLECAT events (PLOVER-coded)"
    if {name.lower() for name in icews.NEEDED} <= columns:
        return "icews", "ICEWS coded events"
    if columns >= timelinejs.NEEDED_3:
        return "timelinejs", "the TimelineJS 3 template (Year, Month, Day, ...)"
    if columns >= timelinejs.NEEDED_2:
        return "timelinejs", "a TimelineJS 2 sheet (Start Date, End Date, Tag)"
    return None
