"""Time whole processes from outside, alone or two in turn (A B A B ...), with public means only.

Each run is a new process; its user and system CPU seconds and its peak resident memory are the
kernel's accounting of the finished child (``os.wait4``, as ``/usr/bin/time`` reads them), its wall
time a monotonic clock around it. Pairs give the ratio A/B pair by pair, so that a machine whose
speed drifts (a shared one) still gives a meaningful ratio: quote the median of those ratios.

>>> a = run(["python3", "-c", "pass"])
>>> a.cpu > 0, a.peak_mb > 0
(True, True)
"""
from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One run: seconds of user and system CPU, wall seconds, peak resident memory in MB, exit status."""

    user: float
    system: float
    wall: float
    peak_mb: float
    status: int

    @property
    def cpu(self) -> float:
        """User plus system CPU seconds."""
        return self.user + self.system


@dataclass
class Series:
    """The runs of one command."""

    samples: list[Sample] = field(default_factory=list)

    def median(self, what: str = "cpu") -> float:
        """The median of ``cpu``, ``wall``, ``user`` or ``peak_mb`` over the runs."""
        return statistics.median(getattr(s, what) for s in self.samples)

    @property
    def peak_mb(self) -> float:
        """The highest peak of any run."""
        return max(s.peak_mb for s in self.samples)

    @property
    def statuses(self) -> set[int]:
        return {s.status for s in self.samples}


#: The status of a run killed at its ``timeout``.
KILLED = -signal.SIGKILL


def run(argv: Sequence[str], env: dict[str, str] | None = None, cwd: str | Path | None = None,
        timeout: float = 3600.0, stderr: Path | None = None) -> Sample:
    """Run ``argv`` once; its :class:`Sample` (status :data:`KILLED` if killed, with its group, at ``timeout``).

    Its output is thrown away; its standard error is written to ``stderr`` if given.
    """
    started = time.monotonic()
    with open(stderr or os.devnull, "wb") as errors:
        child = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                 env=env, cwd=cwd, start_new_session=True)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
            time.sleep(0.01)
    wall = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return Sample(usage.ru_utime, usage.ru_stime, wall, usage.ru_maxrss / 1024, child.returncode)


def alone(argv: Sequence[str], runs: int = 3, warmup: int = 0, **options) -> Series:
    """``runs`` runs of ``argv`` (after ``warmup`` that are not kept)."""
    for _ in range(warmup):
        run(argv, **options)
    return Series([run(argv, **options) for _ in range(runs)])


@dataclass
class Pair:
    """Two commands run in turn: their series and the ratios A/B taken pair by pair."""

    a: Series
    b: Series

    def ratio(self, what: str = "cpu") -> float:
        """The median of the pair-by-pair ratios A/B of ``cpu`` or ``wall``."""
        return statistics.median(getattr(x, what) / max(getattr(y, what), 1e-9)
                                 for x, y in zip(self.a.samples, self.b.samples))


def paired(a: Sequence[str], b: Sequence[str], runs: int = 3, warmup: int = 0,
           env_a: dict[str, str] | None = None, env_b: dict[str, str] | None = None, **options) -> Pair:
    """``a`` and ``b`` run in turn ``runs`` times each (A B A B ...), after ``warmup`` unkept turns."""
    for _ in range(warmup):
        run(a, env=env_a, **options)
        run(b, env=env_b, **options)
    pair = Pair(Series(), Series())
    for _ in range(runs):
        pair.a.samples.append(run(a, env=env_a, **options))
        pair.b.samples.append(run(b, env=env_b, **options))
    return pair


def machine() -> str:
    """One line: the processor, cores, memory, the load average now."""
    import platform

    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{model}, {os.cpu_count()} cores, {memory:.0f} GB; Python {platform.python_version()}; "
            f"load average {load} at the start")


def with_env(**values: str) -> dict[str, str]:
    """This process's environment with ``values`` set."""
    return {**os.environ, **values}
