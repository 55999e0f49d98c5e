"""``timeline render``: images of the record."""
from __future__ import annotations

import click

from timeline.cli import LazyGroup

#: Subcommand name -> "module:function" under timeline.cli.
CHARTS = {"timeline": "render_timeline:timeline_chart", "graph": "render_graph:graph_chart"}
CHARTS |= {"positions": "render_positions:positions_chart", "lineage": "render_positions:lineage_chart"}  # #15


@click.group(cls=LazyGroup, lazy_commands=CHARTS)
def render() -> None:
    """Draw the record as an image: PNG, SVG or PDF, chosen by the file's extension.

    \b
      timeline render timeline -o output/timeline.png
      timeline render graph --level state -o output/graph.svg
    """
