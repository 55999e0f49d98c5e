"""Issue 18: ``timeline build`` at most 1.2x the sum of its parts, each part run alone.

    python bench/bench_build.py                          # bench/data/100k, 1 round
    python bench/bench_build.py --data bench/data/10k --rounds 3
    python bench/bench_build.py --timeline /work/before-wt/.venv/bin/timeline   # another version
    python bench/bench_build.py --parts-only --jobs 3    # the parts alone, three processes at a time

The parts are the single commands that write the same files as the build (``Step.command`` in
``timeline/build.py``: ``render timeline -o timeline.png``, ``export gexf --level=state``,
``html``...). The store is filled first (one unmeasured ``validate``), so the build and every part
start from the same warm store. A round runs the first half of the parts, the build, then the other
half, each in a new process writing into a fresh folder: side by side, so that a load that changes
over the round weighs on both. The ratio of a round is the build's CPU (user + system) over the sum
of the parts' CPU in that round, and the table gives the median over the rounds, with each part's
median CPU, wall and peak memory. ``--jobs`` runs that many parts at a time: each is still its own
process, and its CPU (the kernel's accounting of that process) is what is summed, so on a machine
that others load it shortens the wall time without changing what is measured (its wall times then
mean little). ``--parts-only`` runs no build (its figures from another run).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent


def parts(timeline: str, data: Path) -> list[tuple[str, list[str]]]:
    """(file name, argv without ``-o``) of each step of the build of ``data``, from that version's own steps."""
    code = ("import sys; from timeline.build import steps; from timeline.dataset import load\n"
            "for step in steps(load(sys.argv[1])): print(step.name, *step.command, sep='\\t')")
    python = str(Path(timeline).with_name("python"))
    listed = subprocess.run([python, "-c", code, str(data)], capture_output=True, text=True, check=True).stdout
    found = []
    for line in listed.splitlines():
        name, *command = line.split("\t")
        if not command:
            raise SystemExit(f"{timeline}: its build steps name no command (a version before bench_build.py)")
        found.append((name, [timeline, *command, "--data", str(data)]))
    return found


def _progress(round_: int, name: str, sample: paired.Sample) -> None:
    """One line on stderr per run, so that a run stopped early still gives its figures."""
    print(f"round {round_}: {name}: {sample.cpu:.2f} s CPU, {sample.wall:.2f} s wall, {sample.peak_mb:.0f} MB,"
          f" exit {sample.status}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "100k")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--timeline", default=str(Path(sys.executable).with_name("timeline")))
    parser.add_argument("--jobs", type=int, default=1, help="parts run at a time (each its own process)")
    parser.add_argument("--parts-only", action="store_true", help="run the parts alone, no build")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    paired.run([args.timeline, "validate", "--data", str(data)])  # fills the store
    steps = parts(args.timeline, data)
    build: list[paired.Sample] = []
    alone: dict[str, list[paired.Sample]] = {name: [] for name, _ in steps}
    ratios = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch, ThreadPoolExecutor(args.jobs) as pool:
        for number in range(args.rounds):
            folder = Path(scratch) / str(number)

            def whole(number: int = number, folder: Path = folder) -> None:
                build.append(paired.run([args.timeline, "build", "-q", "--data", str(data), "-o", str(folder / "build")]))
                _progress(number, "build", build[-1])

            def part(step: tuple[str, list[str]], number: int = number, folder: Path = folder) -> None:
                name, command = step
                alone[name].append(paired.run([*command, "-o", str(folder / "parts" / name)]))
                _progress(number, name, alone[name][-1])

            half = len(steps) // 2
            list(pool.map(part, steps[:half]))
            if not args.parts_only:
                whole()
            list(pool.map(part, steps[half:]))
            if build:
                ratios.append(build[-1].cpu / sum(alone[name][-1].cpu for name in alone))
    print(f"{paired.machine()}\n\n{data}, {args.rounds} round(s); `{args.timeline}`; parts {args.jobs} at a time\n")
    print("| what | CPU | wall | peak | exit |\n|---|---:|---:|---:|---:|")
    for name, samples in [*([("**build**", build)] if build else []), *alone.items()]:
        series = paired.Series(samples)
        print(f"| {name} | {series.median():.2f} s | {series.median('wall'):.2f} s | {series.peak_mb:.0f} MB | "
              f"{'/'.join(map(str, sorted(series.statuses)))} |")
    total = statistics.median(sum(alone[name][i].cpu for name in alone) for i in range(args.rounds))
    print(f"| sum of the parts | {total:.2f} s | | | |")
    if ratios:
        print(f"\nbuild / sum of the parts, CPU, median of the rounds: **{statistics.median(ratios):.2f}×** (goal ≤ 1.2×)")


if __name__ == "__main__":
    main()
