"""Time timeline's commands on synthetic datasets, each run in a new process, with its peak memory.

    python bench/run.py --sizes 1k,10k,100k                 # Markdown table on stdout
    python bench/run.py --sizes 100k --repeat 1 --write     # and a section in bench/RESULTS.md

Missing datasets are generated first (bench/generate.py, into bench/data/<size>).
Each figure is the median wall time of ``--repeat`` runs (one run when the first
takes longer than ``--slow`` seconds) and the highest peak resident memory
(``ru_maxrss`` of the child, read with ``os.wait4``). Commands run in a fresh
temporary folder, so their outputs never reach the repository's ``output/``.
Cold runs get an empty cache folder ($XDG_CACHE_HOME); warm runs share one
that a first, unmeasured run filled. Commands the CLI does not have yet are "n/a".
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

import generate  # bench/generate.py: run as a script, this folder is on sys.path
import paired

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TIMELINE = (sys.executable, "-m", "timeline")
FLOOR = ("import pathlib, sys, yaml\n"
         "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
         "    yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)")
#: Export formats to look for, with the file extension each writes.
FORMATS = {"graphml": "graphml", "gexf": "gexf", "json": "json", "cytoscape": "cyjs", "dot": "dot", "csv": "csv",
           "timelinejs": "json", "ical": "ics"}
MEMORY_TARGET_MB = 1.5 * 1024
TARGET_SIZE = "100k"


@dataclass(frozen=True)
class Command:
    """One row of the table: what to run and what it should achieve at 100k events."""

    label: str
    argv: tuple[str, ...] | None          # None: the CLI does not have it
    cache: str = "cold"                   # cold: empty cache folder; warm: the shared, filled one
    seconds: float | None = None          # time target at 100k
    floor_ratio: float | None = None      # time target as a multiple of the parse floor


@dataclass(frozen=True)
class Measure:
    seconds: float | None = None          # median wall time
    peak_mb: float | None = None          # highest peak resident memory
    runs: int = 0
    error: str | None = None              # why it failed; None if it ran


# -- discovering the CLI --------------------------------------------------------------


def cli_help(*args: str) -> str | None:
    """``timeline ARGS --help``, or None if that command does not exist."""
    done = subprocess.run([*TIMELINE, *args, "--help"], capture_output=True, text=True, timeout=120,
                          check=False)
    return done.stdout if done.returncode == 0 else None


def subcommands(help_text: str | None) -> list[str]:
    """The names listed under 'Commands:' in a click help text."""
    if not help_text or "Commands:" not in help_text:
        return []
    return re.findall(r"^  ([\w-]+)", help_text.split("Commands:", 1)[1], re.MULTILINE)


def takes_output(help_text: str) -> bool:
    return bool(re.search(r"(^|\s)(-o|--output|--out)\b", help_text))


def export_formats(help_text: str | None) -> list[str]:
    """The formats ``timeline export`` offers: its subcommands, or the choices of its FORMAT argument."""
    if not help_text:
        return []
    if found := subcommands(help_text):
        return found
    for choices in re.findall(r"\[([\w-]+(?:\|[\w-]+)+)\]", help_text):
        if set(choices.split("|")) & set(FORMATS):
            return choices.split("|")
    return [name for name in FORMATS if re.search(rf"\b{name}\b", help_text)]


def with_output(argv: tuple[str, ...], help_text: str, name: str) -> tuple[str, ...]:
    """``argv`` plus ``-o <name>`` (relative to the run's folder) if the command takes it."""
    return (*argv, "-o", f"out/{name}") if takes_output(help_text) else argv


def commands() -> list[Command]:
    """The rows, from what the installed CLI offers; ``{data}`` and ``{actor}`` are filled in per dataset."""
    top = subcommands(cli_help())
    rows = [Command("parse floor (yaml CSafeLoader)", (sys.executable, "-c", FLOOR, "{data}")),
            Command("timeline validate", (*TIMELINE, "validate", "{data}") if "validate" in top else None,
                    floor_ratio=1.5)]
    met_argv = (*TIMELINE, "met", "{actor}", "--data", "{data}") if "met" in top else None
    rows += [Command("timeline met (cold)", met_argv), Command("timeline met (warm)", met_argv, "warm", seconds=1.0)]
    charts = subcommands(cli_help("render")) if "render" in top else []
    for chart, ext in (("timeline", "png"), ("graph", "png")):
        help_text = cli_help("render", chart) if chart in charts else None
        argv = help_text and with_output((*TIMELINE, "render", chart, "--data", "{data}"), help_text, f"{chart}.{ext}")
        rows.append(Command(f"timeline render {chart}", argv, "warm", seconds=15.0))
    export = cli_help("export") if "export" in top else None
    offered = export_formats(export)
    for name in [*FORMATS, *(f for f in offered if f not in FORMATS)]:
        argv = None
        if name in offered:
            help_text = cli_help("export", name) or export
            folder = re.search(rf"^\s*{name}\s.*\b(folder|directory)\b", export, re.MULTILINE)
            out = name if folder else f"{name}.{FORMATS.get(name, name)}"
            argv = with_output((*TIMELINE, "export", name, "--data", "{data}"), help_text, out)
        rows.append(Command(f"timeline export {name}", argv, "warm", seconds=30.0))
    build = cli_help("build") if "build" in top else None
    rows.append(Command("timeline build", build and with_output((*TIMELINE, "build", "--data", "{data}"), build,
                                                                "site"), "warm"))
    return rows


# -- running --------------------------------------------------------------------------


def run_once(argv: list[str], env: dict[str, str], folder: Path, timeout: float) -> tuple[float, float, str | None]:
    """Run ``argv`` in ``folder`` (timed by :func:`paired.run`); return (wall seconds, peak MB, error or None)."""
    (folder / "out").mkdir(parents=True, exist_ok=True)
    sample = paired.run(argv, env=env, cwd=folder, timeout=timeout, stderr=folder / "stderr.txt")
    lines = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
    error = None
    if sample.status == paired.KILLED:
        error = f"killed after {timeout:.0f} s"
    elif sample.status:
        error = f"exit {sample.status}: {lines[-1][:160] if lines else 'no message'}"
    return sample.wall, sample.peak_mb, error


class Bench:
    """Runs every command on one dataset, repeating fast ones."""

    def __init__(self, data: Path, actor: str, root: Path, repeat: int, slow: float, timeout: float,
                 keep: Path | None):
        self.data, self.actor, self.root, self.keep = data, actor, root, keep
        self.repeat, self.slow, self.timeout = repeat, slow, timeout
        self.warm_cache, self.primed = root / "warm-cache", False
        self.env = {**os.environ, "MPLCONFIGDIR": str(root.parent / "matplotlib")}
        self.env.pop("TIMELINE_NO_CACHE", None)

    def measure(self, command: Command) -> Measure:
        if command.argv is None:
            return Measure()
        argv = [part.replace("{data}", str(self.data)).replace("{actor}", self.actor) for part in command.argv]
        if command.cache == "warm" and not self.primed:
            self.execute(argv, self.warm_cache, "prime")
            self.primed = True
        times, peaks = [], []
        for index in range(self.repeat):
            seconds, peak, error = self.execute(argv, self.warm_cache if command.cache == "warm" else None,
                                                f"{slug(command.label)}-{index}")
            if error:
                return Measure(runs=index + 1, error=error)
            times.append(seconds)
            peaks.append(peak)
            if seconds > self.slow:
                break
        return Measure(statistics.median(times), max(peaks), len(times))

    def execute(self, argv: list[str], cache: Path | None, name: str) -> tuple[float, float, str | None]:
        folder = (self.keep or self.root) / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        env = {**self.env, "XDG_CACHE_HOME": str(cache or folder / "cache")}
        try:
            return run_once(argv, env, folder, self.timeout)
        finally:
            if self.keep is None:
                shutil.rmtree(folder, ignore_errors=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def dataset(label: str, seed: int) -> dict:
    """The summary of bench/data/<label>, generated first if missing or made with other settings."""
    folder = generate.DATA_DIR / label
    try:
        summary = json.loads((folder / generate.SUMMARY_FILE).read_text(encoding="utf-8"))
        if summary.get("events") == generate.size(label) and summary.get("seed") == seed:
            return summary
    except (OSError, ValueError):
        pass
    print(f"generating {folder} ...", file=sys.stderr)      # in a child, to keep this process small
    subprocess.run([sys.executable, generate.__file__, "--events", label, "--out", str(folder), "--seed", str(seed)],
                   check=True, stdout=subprocess.DEVNULL)
    return json.loads((folder / generate.SUMMARY_FILE).read_text(encoding="utf-8"))


# -- reporting ------------------------------------------------------------------------


def cell(measure: Measure, repeat: int) -> str:
    if measure.error:
        return "failed"
    if measure.runs == 0:
        return "n/a"
    runs = f" (×{measure.runs})" if measure.runs < repeat else ""
    return f"{measure.seconds:.2f} s · {measure.peak_mb:.0f} MB{runs}"


def time_target(command: Command, measure: Measure, floor: Measure) -> str:
    if command.seconds is None and command.floor_ratio is None:
        return ""
    if command.floor_ratio is not None:
        goal = f"≤ {command.floor_ratio}× parse floor"
        if measure.seconds is None or floor.seconds is None:
            return f"{goal}: n/a"
        ratio = measure.seconds / floor.seconds
        return f"{goal}: {'met' if ratio <= command.floor_ratio else 'not met'} ({ratio:.2f}×)"
    goal = f"< {command.seconds:g} s"
    if measure.seconds is None:
        return f"{goal}: n/a"
    return f"{goal}: {'met' if measure.seconds < command.seconds else 'not met'}"


def memory_target(measure: Measure) -> str:
    if measure.peak_mb is None:
        return ""
    return "met" if measure.peak_mb < MEMORY_TARGET_MB else f"not met ({measure.peak_mb / 1024:.2f} GB)"


def table(rows: list[Command], results: dict[str, dict[str, Measure]], sizes: list[str],
          repeats: dict[str, int]) -> str:
    """The Markdown table; target columns judge the 100k column when it was run."""
    judged = TARGET_SIZE in sizes
    head = ["command", *sizes, *(["time target (100k)", "memory < 1.5 GB (100k)"] if judged else [])]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    floor = results[rows[0].label].get(TARGET_SIZE, Measure())
    notes = []
    for row in rows:
        cells = [cell(results[row.label][size], repeats[size]) for size in sizes]
        if judged:
            measure = results[row.label][TARGET_SIZE]
            cells += [time_target(row, measure, floor), memory_target(measure)]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
        notes += [f"- {row.label} at {size}: {results[row.label][size].error}" for size in sizes
                  if results[row.label][size].error]
    return "\n".join(lines + ([""] + ["Failures:"] + notes if notes else [])) + "\n"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = re.search(r"MemTotal:\s+(\d+) kB", _read("/proc/meminfo"))
    gigabytes = f", {int(memory[1]) / 2**20:.0f} GB RAM" if memory else ""
    return f"{cpu}, {os.cpu_count()} cores{gigabytes}"


def versions() -> str:
    import yaml

    found = [f"Python {platform.python_version()}"]
    for package in ("timeline", "PyYAML", "networkx", "matplotlib", "click"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            found.append(f"{package} {metadata.version(package)}")
    return ", ".join(found) + (" (libyaml)" if yaml.__with_libyaml__ else " (no libyaml: pure-Python YAML)")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def report(rows: list[Command], results: dict, summaries: dict[str, dict], repeats: dict[str, int],
           slow: float) -> str:
    heading = f"## {date.today().isoformat()} · {machine()}"
    data = "\n".join(f"- {size}: {s['events']} events, {s['actors']} actors, {s['sources']} sources, "
                     f"{len(s['files'])} files, {s['bytes'] / 2**20:.1f} MB (seed {s['seed']}); "
                     f"`met` asks about {s['most_active']} ({s['most_active_events']} events)"
                     for size, s in summaries.items())
    repeat_text = ", ".join(f"{size}: {n}" for size, n in repeats.items())
    return (f"{heading}\n\n{platform.platform()}; {versions()}.\n\nDatasets (bench/generate.py):\n{data}\n\n"
            f"Median wall time of each command's runs ({repeat_text}; one run when the first took over "
            f"{slow:g} s, marked ×1) and its peak memory, each in a new process. Render, export and build "
            f"run warm (cache filled by an earlier run).\n\n" + table(rows, results, list(summaries), repeats))


def write_results(section: str, path: Path = RESULTS) -> None:
    """Put ``section`` in the Markdown file at ``path``, replacing a section with the same heading."""
    heading = section.split("\n", 1)[0]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    parts = re.split(r"(?m)^(?=## )", text)
    kept = [part for part in parts if part.split("\n", 1)[0] != heading]
    replaced = len(kept) != len(parts)
    body = "".join(kept).rstrip("\n") + "\n\n" + section
    path.write_text(body, encoding="utf-8")
    print(f"{'replaced' if replaced else 'added'} a section in {path}", file=sys.stderr)


# -- command line ---------------------------------------------------------------------


def repeats_for(specs: list[str], sizes: list[str]) -> dict[str, int]:
    """'--repeat 3 --repeat 100k=1' -> {'1k': 3, '10k': 3, '100k': 1}."""
    default, per_size = 3, {}
    for spec in specs:
        for part in spec.split(","):
            size, _, count = part.rpartition("=")
            if size:
                per_size[size] = int(count)
            else:
                default = int(count)
    return {size: per_size.get(size, default) for size in sizes}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated dataset sizes (default 1k,10k,100k)")
    parser.add_argument("--repeat", action="append", default=[], metavar="N|SIZE=N",
                        help="runs per command (default 3), for all sizes or one: --repeat 100k=1")
    parser.add_argument("--slow", type=float, default=20.0, help="run only once what takes longer (default 20 s)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="kill a run after this many seconds")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated datasets (default 1)")
    parser.add_argument("--keep", type=Path, help="keep the commands' outputs in this folder, not a temporary one")
    parser.add_argument("--write", nargs="?", const=RESULTS, type=Path, metavar="FILE",
                        help="also put the results in FILE (default bench/RESULTS.md), replacing today's section")
    args = parser.parse_args(argv)
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    for size in sizes:
        generate.size(size)
    repeats = repeats_for(args.repeat, sizes)
    summaries = {size: dataset(size, args.seed) for size in sizes}
    rows = commands()
    results: dict[str, dict[str, Measure]] = {row.label: {} for row in rows}
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temp:
        for size in sizes:
            bench = Bench(generate.DATA_DIR / size, summaries[size]["most_active"], Path(temp) / size,
                          repeats[size], args.slow, args.timeout, args.keep and args.keep.resolve() / size)
            for row in rows:
                measure = bench.measure(row)
                results[row.label][size] = measure
                print(f"{size:>6}  {row.label:<40} {cell(measure, repeats[size])}", file=sys.stderr)
    for row in rows:
        for size in sizes:
            results[row.label].setdefault(size, Measure())
    section = report(rows, results, summaries, repeats, args.slow)
    print(section)
    if args.write:
        write_results(section, args.write)


if __name__ == "__main__":
    main()
