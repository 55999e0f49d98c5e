"""The ``timeline`` command: a thin layer that parses options and calls the library.

Commands are imported only when run, so a query never pays for the
plotting or graph libraries that other commands need.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any, NoReturn

import click

from timeline import __version__
from timeline.errors import UserError, os_error_line

#: Command name -> "module:function" under timeline.cli, in the order of ``--help``.
COMMANDS = {
    "events": "records:events",
    "show": "records:show",
    "actors": "records:actors",
    "met": "questions:met",
    "relations": "questions:relations",
    "path": "questions:path",
    "contested": "questions:contested",
    "positions": "positions:positions",
    "gaps": "positions:gaps",
    "plan": "positions:plan",
    "types": "vocabulary:types",
    "render": "render:render",
    "export": "export:export",
    "html": "html:html",
    "build": "build:build",
    "import": "importing:import_",
    "draft": "draft:draft",
    "validate": "records:validate",
}


class LazyGroup(click.Group):
    """A group whose commands, named in ``lazy_commands``, are imported on first use."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in self.lazy_commands if self.get_command(ctx, name) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.lazy_commands:
            return None
        module, _, attr = self.lazy_commands[name].partition(":")
        if importlib.util.find_spec(f"timeline.cli.{module}") is None:
            return None
        return getattr(importlib.import_module(f"timeline.cli.{module}"), attr)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        """The subcommand to run, noted (``ctx.meta``) for a usage error click raises without its context."""
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta["timeline.command"] = name, command
        return name, command, rest

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a :class:`UserError` becomes clear lines on stderr and exit status 1.

        Control characters in any message (from a file name, a typed name or
        the data) are printed as visible escapes (:mod:`timeline.cli.terminal`).
        """
        from timeline.cli.terminal import visible

        try:
            return super().invoke(ctx)
        except UserError as error:
            # a dataset's problems (a load's, an import's, a build's) one per line, then a count; any other error
            # on one line
            summary = getattr(error, "summary", None) if getattr(error, "problems", None) else None
            lines = summary().split("\n") if summary else [f"Error: {error}"]
            click.echo("\n".join(map(visible, lines)), err=True)
            ctx.exit(1)
        except click.UsageError as error:  # one line, not click's usage block (timeline.cli.usage)
            _usage_error(ctx, error)
        except BrokenPipeError:  # the reader stopped reading (`| head`): stop quietly, as cat does
            _stop_writing(ctx)
        except OSError as error:  # a name too long, a full disk, a read-only place: the user's to fix
            if (line := os_error_line(error)) is None:
                raise
            click.echo(visible(f"Error: {line}"), err=True)
            ctx.exit(1)
        except click.ClickException as error:  # any other quotes what was typed
            error.message = visible(error.message)  # type: ignore[misc]  # click types it Final; it is set
            raise

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the group's own options; a usage error shows control characters as escapes."""
        from timeline.cli.terminal import visible

        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            _usage_error(ctx, error)
        except click.ClickException as error:
            error.message = visible(error.message)  # type: ignore[misc]  # click types it Final; it is set
            raise


def _stop_writing(ctx: click.Context) -> NoReturn:
    """End the command whose reader closed standard output, with no message and the status a shell gives a
    program stopped by SIGPIPE (128 + 13 = 141), as ``cat`` and ``grep`` end; nothing more is written there."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
    ctx.exit(141)


def _usage_error(ctx: click.Context, error: click.UsageError) -> NoReturn:
    """Print a usage error as one line (control characters as escapes) and exit with its status (2)."""
    from timeline.cli.terminal import visible
    from timeline.cli.usage import one_line

    if isinstance(error, click.exceptions.NoArgsIsHelpError):  # a group run bare shows its help, as click does
        raise error
    if error.ctx is None and (found := ctx.meta.get("timeline.command")):  # `met --since`: the parser names no command
        error.ctx = click.Context(found[1], info_name=found[0], parent=ctx)
    click.echo(visible(one_line(error)), err=True)
    ctx.exit(error.exit_code)


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="timeline", message="%(prog)s %(version)s")
def cli() -> None:
    """Keep the record of a negotiation and see it: who met whom, timelines, graphs, exports.

    The dataset is the YAML file or folder given with --data (or $TIMELINE_DATA);
    by default ./seeds, else the seed dataset shipped with timeline.
    """


def main() -> None:
    """Entry point of the ``timeline`` console script."""
    import gc

    try:
        cli(prog_name="timeline")
    finally:  # the process ends: the collector's last pass need not walk the record (1 s at 100k events)
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
