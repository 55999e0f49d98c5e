"""Every command of the ``timeline`` CLI, walked once for the tests that check a rule on all of them."""
from __future__ import annotations

from collections.abc import Iterator

import click

from timeline.cli import cli


def every_command(group: click.Group = cli, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...],
                                                                                          click.Command]]:
    """``(("render", "graph"), command)`` for each command and subcommand, in ``--help`` order."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from every_command(command, (*path, name))
