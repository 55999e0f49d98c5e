"""Time `timeline met` against its floors, each run in a new process, side by side.

    python bench/bench_query.py --data bench/data/100k          # start-up on the seeds, then 100k
    python bench/bench_query.py --data bench/data/100k --actor russia --runs 3
    python bench/bench_query.py --startup-only

Start-up: ``timeline met putin`` on the seed dataset (cache filled) against
``python -c "import click, yaml"``; target at most 1.5 times. Dataset: the
floor of parsing the same files with PyYAML's C loader, then ``timeline met
ACTOR`` with an empty cache (target at most 1.5 times the floor) and again
with the cache filled (target under 1 s). The commands of one round run one
after the other, so a busy machine slows them alike; figures are medians of
wall time, with the CPU time (user + system) of the same runs beside them.
The package is byte-compiled first, as an installed one is. Caches go to a
temporary folder.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PYTHON = sys.executable
TIMELINE = str(Path(PYTHON).with_name("timeline"))  # the console script, as people run it
BASELINE = (PYTHON, "-c", "import click, yaml")
FLOOR = ("import sys, yaml\n"
         "for name in sys.argv[1:]:\n"
         "    with open(name, encoding='utf-8') as file:\n"
         "        yaml.load(file.read(), Loader=yaml.CSafeLoader)")


def run(argv: list[str] | tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """Run ``argv`` to the end; its wall and CPU seconds. A failure stops the benchmark."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            sys.exit(f"failed: {' '.join(argv[:4])} ...\n{errors.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def rounds(commands: dict[str, tuple], runs: int, env: dict[str, str], before: dict | None = None) -> dict:
    """Each command's (wall, cpu) times over ``runs`` rounds; ``before[label]()`` runs before that command."""
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            if before and label in before:
                before[label]()
            times[label].append(run(argv, env))
    return times


def median(samples: list[tuple[float, float]], which: int) -> float:
    return statistics.median(sample[which] for sample in samples)


def table(rows: list[tuple[str, list, str, str]]) -> None:
    """Print rows of (measure, samples, versus, target) with medians."""
    print(f"{'measure':<44} {'wall':>9} {'cpu':>9}  {'vs':>14}  target")
    for label, samples, versus, target in rows:
        print(f"{label:<44} {median(samples, 0):8.3f}s {median(samples, 1):8.3f}s  {versus:>14}  {target}")


def ratio(samples: list, floor: list) -> str:
    return f"{median(samples, 0) / median(floor, 0):.2f}× ({median(samples, 1) / median(floor, 1):.2f}×)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "100k", help="dataset folder")
    parser.add_argument("--actor", help="actor to ask about (default: most_active in the folder's bench.json)")
    parser.add_argument("--runs", type=int, default=5, help="rounds on the dataset (default 5)")
    parser.add_argument("--startup-runs", type=int, default=20, help="rounds of the start-up test (default 20)")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up test on the seeds")
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "timeline", quiet=1)
    cache = Path(tempfile.mkdtemp(prefix="bench-query-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("TIMELINE_NO_CACHE", None)
    try:
        met = (TIMELINE, "met", "putin", "--data", str(SEEDS))
        run(met, env)  # fill the cache
        startup = rounds({"baseline": BASELINE, "met": met, "module": (PYTHON, "-m", "timeline", *met[1:])},
                         args.startup_runs, env)
        rows = [
            ('seeds: python -c "import click, yaml"', startup["baseline"], "", ""),
            ("seeds: timeline met putin (cache filled)", startup["met"], ratio(startup["met"], startup["baseline"]),
             "≤ 1.5×"),
            ("seeds: python -m timeline met putin", startup["module"], ratio(startup["module"], startup["baseline"]),
             "≤ 1.5×"),
        ]
        if not args.startup_only:
            rows += dataset_rows(args, env, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; medians of wall and cpu time")
    table(rows)


def dataset_rows(args: argparse.Namespace, env: dict[str, str], cache: Path) -> list[tuple]:
    """The floor, cold and warm rows on ``args.data``."""
    sys.path.insert(0, str(ROOT))
    from timeline.dataset import data_files

    actor = args.actor or json.loads((args.data / "bench.json").read_text())["most_active"]
    files = [str(f) for f in data_files(args.data)]
    met = (TIMELINE, "met", actor, "--data", str(args.data))
    commands = {"floor": (PYTHON, "-c", FLOOR, *files), "cold": met, "warm": met}
    times = rounds(commands, args.runs, env, before={"cold": lambda: shutil.rmtree(cache, ignore_errors=True)})
    name = args.data.name
    return [
        (f"{name}: PyYAML CSafeLoader floor ({len(files)} files)", times["floor"], "", ""),
        (f"{name}: timeline met {actor} (cold cache)", times["cold"], ratio(times["cold"], times["floor"]),
         "≤ 1.5× floor"),
        (f"{name}: timeline met {actor} (cache filled)", times["warm"], "", "< 1 s"),
    ]


if __name__ == "__main__":
    main()
