"""Real ``timeline`` processes without the start-up: forked from a server that has imported timeline once.

``python -m timeline build`` on a two-event dataset spends over half its CPU importing (matplotlib,
followthemoney, coloraide, openpyxl: 4.6 of 8 s). Tests that start many builds fork them instead from
multiprocessing's fork server, which imports the modules a build needs once: each build is still its own
process, running ``timeline.cli.main`` with its own arguments, standard output and error, and exit status,
and it can be killed at any moment, as the user's ``timeline`` would be.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from itertools import count
from pathlib import Path

from timeline.export import FORMATS

#: What a build imports past ``timeline.cli``, and a first build: the fork server does it once, the builds inherit it.
PRELOAD = ["timeline.cli", "timeline.cli.build", "timeline.build", "timeline.dataset", "timeline.render.timeline",
           "timeline.render.graph", "timeline.render.lineage", "timeline.render.positions", "timeline.html",
           "followthemoney", *sorted({f"timeline.export.{spec.module}" for spec in FORMATS.values()}),
           "forked_warm"]   # last: a build that loads what a first build loads (fonts, followthemoney's model)
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)
_numbers = count()


def _run(args: list[str], env: dict[str, str], stdout: str, stderr: str) -> None:
    """In the forked process: the caller's environment, the standard streams to files, then the command line
    as ``python -m timeline`` runs it."""
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, stdout), (2, stderr)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    sys.argv = ["timeline", *args]
    from timeline.cli import main

    main()


class Timeline:
    """One ``timeline ARGS`` process in the caller's environment, with the part of :class:`subprocess.Popen` the
    tests use; its standard output and error are kept in numbered files in ``streams``."""

    def __init__(self, args: list[str], streams: Path) -> None:
        number = next(_numbers)
        self._paths = streams / f"{number}.stdout", streams / f"{number}.stderr"
        self._process = _CONTEXT.Process(target=_run, args=(args, dict(os.environ), *map(str, self._paths)))
        self._process.start()

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self.returncode

    def said(self, text: str) -> bool:
        """Whether the process has written ``text`` to its standard error yet."""
        return text in self._paths[1].read_text(encoding="utf-8", errors="replace") if self._paths[1].exists() else False

    def kill(self) -> None:
        self._process.kill()

    def wait(self, timeout: float) -> int:
        """The exit status (negative: the signal that ended it); raises ``TimeoutError`` past ``timeout`` s."""
        started = time.monotonic()
        self._process.join(timeout)
        if self.returncode is None:
            raise TimeoutError(f"timeline still running after {time.monotonic() - started:.0f} s")
        return self.returncode

    def communicate(self, timeout: float = 300) -> tuple[str, str]:
        """Wait for the end; what the process wrote to standard output and error."""
        self.wait(timeout)
        stdout, stderr = (path.read_text(encoding="utf-8") for path in self._paths)
        return stdout, stderr
