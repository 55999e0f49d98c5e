"""``timeline build``: the main job."""
from __future__ import annotations

from pathlib import Path

import click

from timeline.cli.options import force_option, output_option, with_dataset
from timeline.model import Dataset


@click.command()
@with_dataset
@output_option("Folder for the generated files.", default=Path("output"), kind="folder", aliases=("--out",))
@force_option
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def build(dataset: Dataset, output: Path, force: bool, quiet: bool) -> None:
    """Render the timeline and the actor graphs and write every export into one folder.

    Only files that timeline wrote itself are replaced.

    \b
    Example:
      timeline build --data my-talks/ -o my-talks-output/
    """
    from timeline.build import build as run_build

    def progress(number: int, total: int, name: str) -> None:
        if not quiet:
            click.echo(f"[{number:>2}/{total}] {output / name}", err=True)

    report = run_build(dataset, output, force=force, progress=progress)
    click.echo(report.summary())
