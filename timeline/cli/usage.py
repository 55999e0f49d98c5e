"""Usage errors (a mistyped option, value or path) as one line: what is wrong, the likely fix.

click prints a usage error as three lines (usage, a hint, the error) and lists every
choice of an option; the project's rule is one line, so :func:`one_line` rewrites the
error: the command, what was typed and why it is refused, the nearest valid value
(the closest choice, or the closest name beside a missing path) and where to look.
"""
from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import click

from timeline.names import closest

#: Options whose choices another command lists in full.
_LISTED_BY = {"type": ("event types", "timeline types"), "types": ("event types", "timeline types")}
#: Choices listed in full in the message up to this many; past it, the nearest and a pointer.
_LISTED = 8
_CHOICE = re.compile(r"^(?P<value>.+?) is not (?:one of )?(?P<choices>.+)\.$", re.S)
_INVALID = re.compile(r"^Invalid value for (--?[\w-]+|'[^']*'): ")
_COMMAND = re.compile(r"^No such command (?P<name>'.*')\.$", re.S)
_PATH = re.compile(r"^(?:Path|File|Directory) (?P<value>.+) (?P<why>does not exist|is a file|is a directory"
                   r"|is not readable|is not writable)\.$", re.S)


def one_line(error: click.UsageError) -> str:
    """The error as one line: ``Error: <command>: <what is wrong>; <likely fix>``."""
    ctx = error.ctx
    command = " ".join(["timeline", *ctx.command_path.split()[1:]]) if ctx is not None else "timeline"
    param = getattr(error, "param", None)
    message = _INVALID.sub(r"\1: ", " ".join(error.format_message().split()))
    if (found := _COMMAND.match(message)) and ctx is not None and isinstance(ctx.command, click.Group):
        from timeline.read.problems import did_you_mean

        message = f"No such command {found['name']}" + did_you_mean(_literal(found["name"]),
                                                                      ctx.command.list_commands(ctx))
    elif isinstance(error, click.BadParameter) and param is not None and error.message:
        name = _name(param)
        if isinstance(param.type, click.Choice) and (found := _CHOICE.match(error.message)):
            message = _choice(name, param, _literal(found["value"]), command)
        elif isinstance(param.type, click.Path) and (found := _PATH.match(error.message)):
            message = _path(name, _literal(found["value"]), found["why"])
        else:
            message = f"{name}: {' '.join(error.message.split())}"
    help_hint = f" (see '{command} --help')" if "--help" not in message and "timeline types" not in message else ""
    return f"Error: {command}: {message.rstrip('.')}{help_hint}"


def _name(param: click.Parameter) -> str:
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.human_readable_name or param.name or "argument").upper()


def _literal(text: str) -> str:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip("'\"")
    return value if isinstance(value, str) else str(value)


def _choice(name: str, param: click.Parameter, value: str, command: str) -> str:
    """``--type 'meting' is not one of the 46 values listed by ...; did you mean 'meeting'?``: all or where, the nearest."""
    choices = [str(c) for c in param.type.choices]  # type: ignore[attr-defined]
    near = closest(value, choices, most=2)
    near += [c for c in choices if len(value) > 2 and value.lower() in c.lower() and c not in near][: 2 - len(near)]
    if len(choices) <= _LISTED:
        listing = ", ".join(map(repr, choices))
    else:
        what, where = _LISTED_BY.get(param.name or "", ("values", f"{command} --help"))
        listing = f"the {len(choices)} {what} listed by '{where}'"
    hint = f"; did you mean {' or '.join(map(repr, near))}?" if near else ""
    return f"{name} {value!r} is not one of {listing}{hint}"


def _path(name: str, value: str, why: str) -> str:
    """``--data '/no/such' does not exist; did you mean './seeds'?``: the closest name in the nearest folder."""
    if why != "does not exist":
        return f"{name} {value!r} {why}; give another path"
    path = Path(value)
    if path.is_symlink():
        return f"{name} {value!r} is a broken link (to {os.readlink(path)!r}); restore what it points to, or give another path"
    parent = path.parent
    while not parent.is_dir() and parent != parent.parent:
        parent = parent.parent
    try:
        names = sorted(os.listdir(parent)) if parent.is_dir() else []
    except OSError:
        names = []
    part = path.relative_to(parent).parts[0] if path != parent and path.is_relative_to(parent) else path.name
    near = closest(part, [n for n in names if not n.startswith(".") and n != part], most=1)
    hint = f"did you mean {str(parent / near[0])!r}?" if near else "check the path"
    return f"{name} {value!r} does not exist; {hint}"
