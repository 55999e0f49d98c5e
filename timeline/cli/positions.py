"""Commands on issues, positions and plans: positions, gaps, plan (see :mod:`timeline.positions`).

JSON and CSV carry the library's rows as they are; a table says the same in words: dates as
labels, stances by their label, a claim as "Red line (claimed by ukraine)".
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from timeline.answers import GAP_LEVELS, Stand
from timeline.cli.options import (
    data_option,
    date_option,
    from_tables,
    include_drafts_option,
    load_data,
    with_dataset,
    with_output,
)
from timeline.cli.questions import _label, _rows, _table
from timeline.negotiation import response_words

if TYPE_CHECKING:
    import sqlite3

    from timeline import positions as library
    from timeline.model import Dataset

Rows = list[dict[str, Any]]


class Found(NamedTuple):
    """An answer with what its words need, from the store's tables or from the loaded record: the stances'
    labels by id; when the answer is empty, the issue's id and the label of the first position's date (on it;
    ``None``: there is none)."""

    answer: list[Any]
    labels: dict[str, str]
    issue: str | None = None
    first: str | None = None


@click.command()
@click.argument("issue")
@click.option("--actor", metavar="NAME", help="Only this actor and its members (id, name or alias).")
@date_option("--as-of", "as_of", help="Where everyone stood on DATE: the positions that hold then.")
@click.option("--children", is_flag=True, help="Also the issues within ISSUE (Donbas within territory).")
@click.option("--no-claims", is_flag=True, help="Leave out positions that others attribute to an actor.")
@include_drafts_option
@data_option
@with_output("date", "issue", "actor", "stance", "until", "statement", "event")
def positions(data_paths: tuple[Path, ...], issue: str, actor: str | None, as_of: str | None, children: bool,
              no_claims: bool, include_drafts: bool) -> Rows:
    """Each actor's stance on ISSUE over time, with the events behind it.

    ISSUE is an id, name or alias. A position holds until the same actor's
    next one on the same issue ('until'); one on a sub-issue (Donbas) does not
    replace one on ISSUE. A position counts from the first day its date may
    fall on (2025-08: from 1 Aug). Positions that others attribute to an actor
    ("Kyiv says Moscow demands...") are claims: shown apart, marked with who
    claims them, and never replace the actor's own.

    With --as-of, where each actor stood on that day: the last position stated
    by the end of it (--as-of 2025-12: by 31 Dec 2025), claims after.

    \b
    Examples:
      timeline positions donbas
      timeline positions territory --children --as-of 2025-12-05
      timeline positions nato --actor ukraine --format json
    """
    ask: dict[str, Any] = {"as_of": as_of, "no_claims": no_claims, "actor": actor, "children": children,
                           "include_drafts": include_drafts}
    stored = from_tables(data_paths, lambda tables: _stored_stands(tables, issue, **ask))
    found, labels, ident, first = stored or _library_stands(load_data(data_paths), issue, **ask)
    if not found:
        click.echo(f"no positions on '{ident}' as of {as_of}{_first_recorded(first, ident)}" if as_of else
                   f"no positions recorded on '{ident}'", err=True)
    return _rows(found, date=lambda s: _label(s.date), stance=lambda s: _stance(labels, s),
                 until=lambda s: _label(s.until) if s.until else "still holds")


@click.command()
@date_option("--as-of", "as_of", show_default="the latest dated position's day",
              help="The day to measure the gaps on; by default the day the positions chart and the page show.")
@date_option("--since", help="Compare with the gaps on this earlier day: converging or diverging.")
@click.option("--level", type=click.Choice(GAP_LEVELS), default="state", show_default=True,
              help="state: each actor counted as its state; person: every actor apart.")
@include_drafts_option
@data_option
@with_output("issue", "gap", "most_for", "most_against", "sides", "change", "trend")
def gaps(data_paths: tuple[Path, ...], as_of: str | None, **options: Any) -> Rows:
    """The issues on which the sides stand furthest apart, and where they converge.

    On each issue, each side's stance as of --as-of (actors counted as their
    state; of several actors of one side, the latest position speaks), and the
    gap: the highest stance value minus the lowest on the dataset's scale
    (default: demands 2, accepts 1, open to 0.5, undecided 0, rejects -1, red
    line -2). Widest first; issues held by fewer than two sides are left out.
    Claims do not count. With --since, the change since then: converging (the
    gap shrank), diverging (it grew), steady, or new.

    \b
    Example:
      timeline gaps --as-of 2025-12-05 --since 2025-09-01
    """
    as_of = as_of or _default_as_of(data_paths)
    stored = from_tables(data_paths, lambda tables: _stored_gaps(tables, as_of, **options))
    found, labels, _, first = stored or _library_gaps(load_data(data_paths), as_of, **options)
    if not found:
        click.echo(f"no issue on which two sides or more hold positions as of {as_of}{_first_recorded(first)}",
                   err=True)
    return _rows(found, gap=lambda g: f"{g.gap:g}", most_for=lambda g: ", ".join(g.most_for),
                 most_against=lambda g: ", ".join(g.most_against),
                 sides=lambda g: "; ".join(f"{side}: {labels[stance]}" for side, stance in g.sides.items()),
                 change=lambda g: "" if g.change is None else f"{g.change:+g}" if g.change else "0")


@click.command()
@click.argument("plan")
@with_dataset
@with_output("version", "date", "change", "point", "text")
def plan(dataset: Dataset, plan: str) -> Rows:
    """The versions of PLAN in order, what each added, dropped or changed, and who said what about it.

    PLAN is an id, name or alias. Points are matched across versions by
    their key (by default, their number): a key new in a version is added, a
    key missing is dropped, a key whose text differs is changed. One row per
    version (its drafters and relations), per point added, dropped or
    changed, and per response.

    \b
    Example:
      timeline plan us-peace-plan
    """
    from timeline import positions as library

    if not _table():
        return [row for diff in library.plan_diff(dataset, plan) for row in _version_rows(diff)]
    name = lambda actor: _actor_name(dataset, actor)   # noqa: E731
    return [plan_table_row(row, name) for diff in library.plan_diff(dataset, plan) for row in _version_rows(diff, name)]


def plan_table_row(row: dict[str, Any], name: Any) -> dict[str, Any]:
    """A row of ``timeline plan`` as the table says it: dates as labels, a response as its actor's ``name`` and
    words ("Ukraine's European allies", "proposed changes"), a changed point with its text before."""
    text = f"{row['text']} (was: {row['before']})" if row["before"] else row["text"]
    if row["change"] == "response":
        text = response_words(row["text"])
    return {**row, "date": _label(row["date"]) if row["date"] else "", "point": row["point"] or name(row["actor"]),
            "text": text}


def _version_rows(diff: library.VersionDiff, name: Any = str) -> Rows:
    """The rows of one version: itself (its drafters by ``name``: ids in JSON and CSV, names in a table), then its
    points added, dropped and changed, then its responses."""

    def row(day: str | None, change: str, point: str | None, text: str, before: str | None = None,
            actor: str | None = None) -> dict[str, Any]:
        return {"plan": diff.plan, "version": diff.version, "date": day, "change": change, "point": point,
                "text": text, "before": before, "actor": actor}

    drafted = f"drafted by {', '.join(map(name, diff.drafted_by))}" if diff.drafted_by else ""
    relations = "; ".join(f"{relation} {version}" for relation, version in diff.relations)
    change = "first version" if diff.previous is None and diff.points else "new version"
    return [row(diff.date, change, f"{diff.points} point{'s' * (diff.points != 1)}" if diff.points else "points not recorded",
                "; ".join(filter(None, (diff.name, drafted, relations)))),
            *(row(None, "added", _point(p), p.text) for p in diff.added),
            *(row(None, "dropped", _point(p), p.text) for p in diff.dropped),
            *(row(None, "changed", _point(new), new.text, old.text) for old, new in diff.changed),
            *(row(day, "response", None, response, actor=actor)
              for actor, response, day in diff.responses)]


def _first_recorded(first: str | None, issue: str | None = None) -> str:
    """'; the first (on ISSUE) is dated 15 Jan 2025', or '; the dataset records no positions' (or none on it);
    ``first``: the label of the first position's date (on ISSUE), ``None`` if there is none."""
    if first is None:
        return "; the dataset records no positions" + (" on it" if issue else "")
    return f"; the first{' on it' if issue else ''} is dated {first}"


def _stored_stands(tables: sqlite3.Connection, issue: str, as_of: str | None, no_claims: bool,
                   **options: Any) -> Found | None:
    """The positions of the command from the store's tables (:mod:`timeline.index.positions`); ``None``: they
    cannot say."""
    from timeline.index import positions as stored

    if as_of is None:
        found = stored.history(tables, issue, **options)
        found = None if found is None else [s for s in found if not (no_claims and s.claimed_by)]
    else:
        found = stored.as_of(tables, as_of, issue, claims=not no_claims, **options)
    if found is None:
        return None
    ident = None if found else stored.issue_id(tables, issue)
    return Found(found, stored.stance_labels(tables), ident, None if found else stored.first_dated(tables, ident))


def _library_stands(dataset: Dataset, issue: str, as_of: str | None, no_claims: bool, **options: Any) -> Found:
    """The positions of the command from the loaded record (:mod:`timeline.positions`)."""
    from timeline import positions as library

    if as_of is None:
        found = [s for s in library.history(dataset, issue, **options) if not (no_claims and s.claimed_by)]
    else:
        found = library.as_of(dataset, as_of, issue, claims=not no_claims, **options)
    ident = None if found else library.find_issue(dataset, issue).id
    return Found(found, _labels(dataset), ident, None if found else _first_date(dataset, ident))


def _default_as_of(data_paths: tuple[Path, ...]) -> str:
    """The day the charts and the page show stances on (:func:`timeline.positions.default_as_of`), ISO; from the
    store's tables (each position's date as written) when they can say, else from the loaded record."""
    from timeline.positions import default_as_of

    def stored(tables: sqlite3.Connection) -> str | None:
        from timeline.dates import parse_edtf

        spans = [parse_edtf(text) for (text,) in tables.execute("SELECT DISTINCT date FROM stands WHERE drafts = 1")]
        days = [day for span in spans if (day := span.last or span.first) is not None]
        return max(days).isoformat() if days else None

    return from_tables(data_paths, stored) or default_as_of(load_data(data_paths)).isoformat()


def _stored_gaps(tables: sqlite3.Connection, as_of: str, **options: Any) -> Found | None:
    from timeline.index import positions as stored

    found = stored.gaps(tables, as_of, **options)
    if found is None:
        return None
    return Found(found, stored.stance_labels(tables), None, None if found else stored.first_dated(tables))


def _library_gaps(dataset: Dataset, as_of: str, **options: Any) -> Found:
    from timeline import positions as library

    found = library.gaps(dataset, as_of, **options)
    return Found(found, _labels(dataset), None, None if found else _first_date(dataset))


def _labels(dataset: Dataset) -> dict[str, str]:
    return {stance.id: stance.label for stance in dataset.stances}


def _first_date(dataset: Dataset, issue: str | None = None) -> str | None:
    """The label of the earliest date of a position (on ``issue``), as the tables keep it; ``None``: there is none."""
    dates = [p.date for p in dataset.positions if issue is None or p.issue == issue]
    return min(dates, key=lambda d: d.start or d.end or datetime.max).label() if dates else None


def _actor_name(dataset: Dataset, actor: str) -> str:
    """The actor's display name, as the charts name it."""
    from timeline.render.labels import display_name

    found = dataset.actors.get(actor)
    return display_name(found) if found else actor


def _point(point: Any) -> str:
    return point.key if point.key == point.number else f"{point.key} ({point.number})"


def _stance(labels: dict[str, str], stand: Stand) -> str:
    label = labels[stand.stance]
    return f"{label} (claimed by {', '.join(stand.claimed_by)})" if stand.claimed_by else label
