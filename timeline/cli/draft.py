"""``timeline draft``: the events an article reports, drafted for review as a dataset file."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import dataset_output


@click.command("draft")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--published", required=True, metavar="DATE",
              help="The day the article was published (2025-12-03, '3 Dec 2025'): dates are resolved against it.")
@click.option("--data", "data_path", type=click.Path(exists=True, path_type=Path), envvar="TIMELINE_DATA",
              help="The dataset whose actors (ids, names, aliases) the draft uses; others are proposed as new.")
@click.option("--source-id", metavar="ID", help="The article's id as a source (default: PUBLISHER-DATE).")
@click.option("--url", metavar="URL", help="The article's address.")
@click.option("--publisher", metavar="NAME", help="Who published the article.")
@click.option("--title", metavar="TEXT", help="The article's title (default: its first line, if a headline).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=dataset_output,
              help="The new YAML file to write (never over a file timeline did not write).")
@click.option("--into", type=click.Path(path_type=Path),
              help="A dataset file to append the drafts to (kept as written), or a folder to add a file to.")
@click.option("--force", is_flag=True, is_eager=True, help="Replace the -o file even if timeline did not write it.")
def draft(article: Path, published: str, data_path: Path | None, source_id: str | None, url: str | None,
          publisher: str | None, title: str | None, output: Path | None, into: Path | None, force: bool) -> None:
    """Draft the events ARTICLE (plain text or HTML) reports, for review: each marked draft: true.

    Dates are resolved against --published, never more precise than the text;
    actors are matched against --data; each event notes the sentence it rests
    on, with character offsets, and a confidence. The file written passes
    `timeline validate` together with the dataset.
    """
    from timeline.draft.command import run

    run(article, published, data_path, {"source_id": source_id, "url": url, "publisher": publisher, "title": title},
        output, into, force)
