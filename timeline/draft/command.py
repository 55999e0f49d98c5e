"""What ``timeline draft`` does, apart from its options: read, draft, write, check, report in one line."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from timeline.errors import UserError

#: The hint printed when the optional libraries are not installed.
MISSING = "timeline draft needs spaCy and selectolax: pip install 'timeline[draft]'"


def published_day(text: str) -> dt.date:
    """The publication day typed on the command line; one line of error unless it is one whole day.

    >>> published_day("3 Dec 2025")
    datetime.date(2025, 12, 3)
    >>> published_day("2025-12")
    Traceback (most recent call last):
    timeline.errors.UserError: --published 2025-12 is not a single day; give the day the article came out (2025-12-03)
    """
    from timeline.dates import parse_user_date

    try:
        span = parse_user_date(text)
    except ValueError as error:
        raise UserError(f"--published: {error}") from None
    if span.precision != "day" or span.is_interval or span.first is None:
        raise UserError(f"--published {text} is not a single day; give the day the article came out (2025-12-03)")
    return span.first


def run(article: Path, published: str, data_path: Path | None, source: dict[str, str | None],
        output: Path | None, into: Path | None, force: bool) -> None:
    """Draft ``article`` into ``output`` (a new file) or ``into`` (appended), then check what was written."""
    if (output is None) == (into is None):
        raise UserError("give either -o NEW.yaml (a new file) or --into FILE (append to a dataset file)")
    day = published_day(published)
    if output is not None and data_path is not None and data_path.is_dir() \
            and output.resolve().is_relative_to(data_path.resolve()):
        raise UserError(f"{output} is inside the dataset folder {data_path}: the drafts would join it before you "
                        f"review them; write them elsewhere with -o, or add them on purpose with --into {data_path}")
    try:
        import spacy  # noqa: F401 - the draft extra
    except ImportError:
        raise UserError(MISSING) from None
    from timeline.dataset import load
    from timeline.draft import draft_article
    from timeline.draft.into import existing_items, header, write_new
    from timeline.draft.output import draft_data
    from timeline.draft.text import read_article
    from timeline.importers.writer import check

    text = read_article(article)
    dataset = load(data_path) if data_path else None
    target = into / f"{source['source_id'] or 'draft'}.yaml" if into is not None and into.is_dir() else into
    held = existing_items(target) if target is not None else {}
    taken = {e.id for e in dataset.events + dataset.drafts} if dataset else set()
    taken |= {str(e.get("id")) for e in held.get("events", []) if isinstance(e, dict)}
    drafted = draft_article(text, day, dataset, **source)
    data = draft_data(drafted, taken)
    _skip_defined(data, held)
    comment = header(str(article), day)
    if target is not None and into is not None and into.is_dir():
        written = write_new(data, target, comment)
        check(written, data_path)
    elif target is not None:
        written = _append_checked(data, target, comment, data_path)
    else:
        assert output is not None
        written = write_new(data, output, comment, force)
        check(written, data_path)
    new = len(data.get("actors", []))
    click.echo(f"{article}: {len(drafted.events)} events drafted, {new} new actors proposed; wrote {written} "
               "(every event draft: true until reviewed)")


def _skip_defined(data: dict, held: dict) -> None:
    """Leave out actors and sources the target file defines already (the same id)."""
    for key in ("actors", "sources"):
        ids = {str(item.get("id")) for item in held.get(key, []) if isinstance(item, dict)}
        kept = [item for item in data.get(key, []) if item["id"] not in ids]
        if kept:
            data[key] = kept
        else:
            data.pop(key, None)


def _append_checked(data: dict, target: Path, comment: str, data_path: Path | None) -> Path:
    """Append the drafts into ``target`` and check the dataset; if the check fails, put ``target`` back as it was."""
    from timeline.draft.into import append_into, restore
    from timeline.importers.writer import check

    before = target.read_text(encoding="utf-8") if target.is_file() else None
    written = append_into(data, target, comment)
    try:
        check(written, data_path)
    except UserError:
        restore(written, before)
        click.echo(f"--into: nothing was added to {written}; it is as it was", err=True)
        raise
    return written
