"""``timeline build``: the main job."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import with_dataset
from timeline.model import Dataset


@click.command()
@with_dataset
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Folder for the generated files.")
@click.option("--force", is_flag=True, help="Also replace files of the same names that timeline did not write.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def build(dataset: Dataset, out: Path, force: bool, quiet: bool) -> None:
    """Render the timeline and the actor graphs and write every export into one folder.

    Only files that timeline wrote itself are replaced.

    \b
    Example:
      timeline build --data my-talks/ --out my-talks-output/
    """
    from timeline.build import build as run_build

    def progress(number: int, total: int, name: str) -> None:
        if not quiet:
            click.echo(f"[{number:>2}/{total}] {out / name}", err=True)

    report = run_build(dataset, out, force=force, progress=progress)
    click.echo(report.summary())
