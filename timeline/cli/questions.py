"""Commands that answer questions: met, relations, path, contested (see :mod:`timeline.query`).

JSON and CSV carry the library's rows as they are; a table says the same
in words for people: dates as labels, "planned (not held)" for a meeting
that has not taken place.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from timeline.cli.options import (
    data_option,
    from_tables,
    level_option,
    load_data,
    since_option,
    until_option,
    with_output,
)
from timeline.vocabulary import MEETING_TYPES

Rows = list[dict[str, Any]]

drafts_option = click.option("--include-drafts", is_flag=True,
                             help="Also count events marked 'draft: true' (awaiting review).")



@click.command()
@click.argument("actor", required=False)
@click.argument("other", required=False)
@since_option
@until_option
@click.option("--type", "types", multiple=True, type=click.Choice(MEETING_TYPES),
              help="Only meetings of this type (repeatable; default: all three).")
@level_option
@drafts_option
@click.option("--include-planned", is_flag=True,
              help="Also list planned, postponed and cancelled meetings, marked as not held (never proposed ones).")
@click.option("--counterparts", is_flag=True,
              help="Only pairs from different sides: not two envoys of one delegation.")
@data_option
@with_output("date", "actors", "type", "event", "location", "status")
def met(data_paths: tuple[Path, ...], actor: str | None, other: str | None, include_planned: bool,
        **options: Any) -> Rows:
    """Who met whom, when and where.

    One row per pair of actors and meeting, call or visit. No ACTOR: every
    pair that met. ACTOR: everyone it met. ACTOR and OTHER: the meetings
    between them. Actors are ids, names or aliases, in any case, with or
    without accents.

    At --level person an actor is only itself: `met russia` lists what Russia
    itself attended, not Putin's meetings. At --level state every actor counts
    as its state, so `met russia --level state` includes them, and `met witkoff
    --level state` means the United States. An actor never meets a group it
    belongs to, and at --level state meetings within one side are left out.

    At talks with a mediator the sides meet the mediator, not each other. A
    planned, postponed or cancelled meeting is never shown as held: it is left
    out, or listed and marked with --include-planned; a merely proposed one
    (offered, never arranged) is never listed. A disputed or claimed one took
    place by one side's account: it is listed with its status. Drafts awaiting
    review count only with --include-drafts.

    \b
    Examples:
      timeline met putin --since "2 Dec 2025" --until "2 Dec 2025"
      timeline met zelensky --format json
      timeline met russia --level state --include-planned
      timeline met witkoff --counterparts
    """
    from timeline.vocabulary import HELD_STATUSES

    found = _stored_met(data_paths, actor, other, options)
    shown = [(row, label) for row, label in found if include_planned or row["status"] in HELD_STATUSES]
    if hidden := len({row["event"] for row, _ in found} - {row["event"] for row, _ in shown}):
        click.echo(f"({hidden} planned, postponed or cancelled meeting{'s' * (hidden > 1)} left out; "
                   f"--include-planned lists {'them' if hidden > 1 else 'it'})", err=True)
    if not _table():
        return [row for row, _ in shown]
    return [{**row, "date": label, "actors": " – ".join(row["actors"]),
             "status": row["status"] if row["status"] in HELD_STATUSES else f"{row['status']} (not held)"}
            for row, label in shown]


def _stored_met(data_paths: tuple[Path, ...], actor: str | None, other: str | None,
                options: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """``met``'s rows with their date labels: from the store's tables if they can say, else from the library."""
    from timeline.index import met as stored

    found = from_tables(data_paths, lambda tables: stored.met(tables, actor, other, include_planned=True, **options))
    if found is not None:
        return found
    from timeline import query

    return [(m._asdict(), _label(m.date))
            for m in query.met(load_data(data_paths), actor, other, include_planned=True, **options)]


@click.command()
@click.argument("actor")
@since_option
@until_option
@level_option
@drafts_option
@data_option
@with_output("source", "relation", "target", "dates", "count", "events")
def relations(data_paths: tuple[Path, ...], actor: str, **options: Any) -> Rows:
    """What passed between ACTOR and each other actor, with dates.

    One row per other actor and relation (met, proposed to, rejected,
    accused, threatened, ...), read as a sentence: source, relation, target;
    ACTOR is the target when on the receiving end. What ACTOR did with no
    counterpart (a statement to the press, a plan made public) comes first,
    named by its event type, with no target. Only events that took place
    count. Dates are labelled at their precision ('Sep 2022', '1 Jun 2025?').

    \b
    Examples:
      timeline relations putin
      timeline relations russia --level state --format csv
    """
    from timeline.index import relations as stored

    found = from_tables(data_paths, lambda tables: stored.relations(tables, actor, **options))
    if found is None:
        from timeline import query

        found = query.relations(load_data(data_paths), actor, **options)
    if not _table():
        return _rows(found)
    from timeline.answers import dates_label

    return [{"source": r.source, "relation": r.relation.replace("_", " "), "target": r.target or "(no counterpart)",
             "directed": r.directed, "count": r.count, "first": r.first, "last": r.last, "events": r.events,
             "dates": dates_label(r.dates)} for r in found]


@click.command()
@click.argument("actor")
@click.argument("other")
@since_option
@until_option
@level_option
@drafts_option
@data_option
@with_output("actors", "dates", "events")
def path(data_paths: tuple[Path, ...], actor: str, other: str, **options: Any) -> Rows:
    """The shortest chain of meetings between two actors.

    One row per link, in order from ACTOR to OTHER, with the meetings, calls
    and visits (held ones only) that make it. No chain is an answer, not an
    error: nothing is listed and a note on stderr says so.

    \b
    Examples:
      timeline path zelenskyy putin
      timeline path ukraine russia --level state --format json
    """
    from timeline.index import path as stored

    links = from_tables(data_paths, lambda tables: stored.path(tables, actor, other, **options))
    if links is None:
        from timeline import query

        links = query.path(load_data(data_paths), actor, other, **options)
    if not links:
        click.echo(f"no chain of meetings joins '{actor}' and '{other}'", err=True)
    table = _table()
    return [{"actors": _pair(link) if table else link.actors, "count": link.count, "first": link.first,
             "last": link.last, "events": link.events, "dates": _dates(link) if table else link.dates}
            for link in links]


@click.command()
@since_option
@until_option
@drafts_option
@data_option
@with_output("date", "event", "status", "claimed_by", "denied_by", "denials", "summary")
def contested(data_paths: tuple[Path, ...], **options: Any) -> Rows:
    """Each claim with its denials, and the actors on each side.

    Any other event that is disputed (by its status or by an event that
    disputes it) is listed too.

    \b
    Example:
      timeline contested --since 2025-12
    """
    from timeline.index import contested as stored

    found = from_tables(data_paths, lambda tables: stored.contested(tables, **options))
    if found is None:
        from timeline import query

        found = [(c._asdict(), _label(c.date)) for c in query.contested(load_data(data_paths), **options)]
    return [{**row, "date": label} if _table() else row for row, label in found]


def _rows(results: list[Any], **words: Any) -> Rows:
    """The results' rows; in a table, with ``words`` (key -> function of a result) in place of fields."""
    if not _table():
        return [result._asdict() for result in results]
    return [{**result._asdict(), **{key: say(result) for key, say in words.items()}} for result in results]


def _table() -> bool:
    """Is the answer printed as a table (not JSON or CSV)? The ``--format`` of :func:`with_output`."""
    return click.get_current_context().params.get("fmt") == "table"


def _label(text: str) -> str:
    """An EDTF date as a short label ('2 Dec 2025', 'by 3 Dec 2025'); as written if it cannot be one."""
    from timeline.dates import DateError, parse_edtf

    try:
        return parse_edtf(text).label()
    except DateError:  # e.g. '../..', or bounds gathered from several events out of order
        return text


def _pair(result: Any) -> str:
    return " – ".join(result.actors)


def _dates(result: Any) -> str:
    """The dates of a result's events as one label, at their precision: 'Sep 2022', '2 Dec 2025?', 'by 3 Dec 2025'."""
    from timeline.answers import dates_label

    return dates_label(result.dates)
