"""Issue 18 before and after, paired: each figure of the issue, both versions in turn (A B A B ...).

    git worktree add /work/before-wt 3a0cb0f     # version 0.1, the one the issue was filed against
    (cd /work/before-wt && python3 -m venv .venv && .venv/bin/pip install -q -e .)
    python bench/before_after.py --before-venv /work/before-wt/.venv --after-venv .venv \\
        --out bench/RESULTS-before-after.md           # 100k: long (an hour on a loaded machine)
    python bench/before_after.py --quick ...          # 10k, fewer runs, a few minutes

A is "after" (``AFTER/bin/timeline``), B "before"; every run is a new process, timed from outside
(:mod:`paired`: user + system CPU and peak memory from ``os.wait4``, wall from a monotonic clock).
Each version keeps its own cache folder (``XDG_CACHE_HOME``), so they never evict each other's
store. The figures, in the issue's order: the cold load (``TIMELINE_NO_CACHE=1 timeline
validate``), the warm queries (each version's store filled by one unmeasured run), an edit of one
file of the 2,036-file folder then ``met`` (``bench/edit_one.py`` before each run), ``render
--help``, ``build``, and ``validate`` with 10, 100 and 1,000 misspelled source ids
(``bench/bench_errors.py``'s copies). ``--parts`` adds each part of the build that both versions
write (the single command ``bench/bench_build.py`` runs for that file; 16 of the 19 files: version 0.1
had no ``html``, ``ftm`` or ``xlsx``), so that the parts can be set against 0.1's. The datasets are
made by ``bench/generate.py`` if missing.
Both versions' packages are byte-compiled first, as installed ones are (``--no-compile``: not).
The table gives each version's median CPU, the paired ratio after/before of CPU and of wall, and
the peaks; a ratio under 1 is a gain.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import bench_build
import bench_errors
import paired

HERE = Path(__file__).resolve().parent
#: What the issue measured for each figure (version 0.1), for the reader's reference.
ISSUE = {"cold load": "11.9 s", "met": "0.66 s", "events --actor --since": "0.72 s", "contested": "0.73 s",
         "relations": "0.99 s", "path": "1.09 s", "edit one of 2,036 files, then met": "10.8 s",
         "render --help": "0.58 s", "build": "42–59 s", "10 misspelled source ids": "15 s",
         "100 misspelled source ids": "52 s", "1,000 misspelled source ids": "469 s"}


def dataset(size: str, files: int | None = None) -> Path:
    """``bench/data/<size>`` (or ``<size>-<files+2>`` split in ``files`` event files), generated if missing."""
    name = f"{size}-{files + 2}" if files else size
    folder = HERE / "data" / name
    if not (folder / "bench.json").exists():
        extra = ["--files", str(files)] if files else []
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--events", size, "--out", str(folder), *extra],
                       check=True)
    return folder


def figures(data: Path, split: Path, quick: bool) -> list[tuple[str, list[str], dict]]:
    """(label, argv after ``timeline``, how to run it) of every figure."""
    actor = json.loads((data / "bench.json").read_text(encoding="utf-8")).get("most_active", "ukraine")
    warm = {"runs": 2 if quick else 3, "warmup": 1}
    files = sorted((split / "events").glob("*.yaml"))
    other = "ukraine" if actor == "russia" else "russia"
    rows = [("cold load", ["validate", "--data", str(data)], {"runs": 1, "cold": True}),
            ("met", ["met", actor], warm), ("events --actor --since", ["events", "--actor", actor, "--since",
                                                                       "2025-01-01"], warm),
            ("contested", ["contested"], warm), ("relations", ["relations", actor], warm),
            ("path", ["path", actor, other], warm),
            (f"edit one of {len(files) + 2:,} files, then met", ["met", actor, "--data", str(split)],
             {"runs": 2, "warmup": 1, "edit": files[len(files) // 2]}),
            ("render --help", ["render", "--help"], {"runs": 5, "warmup": 1}),
            ("build", ["build", "-q", "--force", "-o", "{out}"], {"runs": 1, "warmup": 0})]
    for row in rows[1:6] + rows[-1:]:
        row[1].extend(["--data", str(data)])
    return rows


def build_parts(versions: dict[str, str], data: Path, warm: bool = False, pairs: int = 1
                ) -> list[tuple[str, list[str], dict]]:
    """A figure for each file of the build that both versions write: the later version's command for it;
    ``warm``: each run once before it is timed (what a part keeps, such as the actor graph, kept); ``pairs``:
    runs of each version, in turn."""
    listing = "from timeline.build import steps\nfor step in steps(): print(step.name)"
    python = str(Path(versions["before"]).with_name("python"))
    before = set(subprocess.run([python, "-c", listing], capture_output=True, text=True, check=True,
                                cwd="/").stdout.split())
    return [(f"part {name}", [*command[1:], "-o", f"{{out}}-{name}"], {"runs": pairs, "warmup": int(warm)})
            for name, command in bench_build.parts(versions["after"], data) if name in before]


def argv_of(timeline: str, args: list[str], spec: dict, out: Path) -> list[str]:
    """The command line of one run: the edit first when the figure edits a file."""
    command = [timeline, *(arg.replace("{out}", str(out)) for arg in args)]
    if "edit" in spec:
        edit = f"{sys.executable} {HERE / 'edit_one.py'} {spec['edit']}"
        return ["sh", "-c", f"{edit} && exec {' '.join(command)}"]
    return command


def measure(label: str, args: list[str], spec: dict, versions: dict[str, str], work: Path) -> str:
    """One row of the table: ``label`` run with both versions in turn."""
    env = {name: paired.with_env(XDG_CACHE_HOME=str(work / f"cache-{name}"), XDG_STATE_HOME=str(work / f"state-{name}"),
                                 **({"TIMELINE_NO_CACHE": "1"} if spec.get("cold") else {}))
           for name in versions}
    a = argv_of(versions["after"], args, spec, work / "out-after")
    b = argv_of(versions["before"], args, spec, work / "out-before")
    pair = paired.paired(a, b, spec.get("runs", 1), spec.get("warmup", 0), env_a=env["after"], env_b=env["before"],
                         cwd=work)
    statuses = f"{'/'.join(map(str, sorted(pair.a.statuses)))} · {'/'.join(map(str, sorted(pair.b.statuses)))}"
    return (f"| {label} | {ISSUE.get(label, '')} | {pair.b.median():.2f} s | {pair.a.median():.2f} s | "
            f"**{pair.ratio():.2f}×** | {pair.b.median('wall'):.2f} s | {pair.a.median('wall'):.2f} s | "
            f"{pair.ratio('wall'):.2f}× | {pair.b.peak_mb:.0f} MB | {pair.a.peak_mb:.0f} MB | "
            f"{len(pair.a.samples)} | {statuses} |")


def version(timeline: str) -> str:
    """``timeline --version`` and the commit of the checkout it is installed from, if it is one."""
    python = Path(timeline).with_name("python")
    where = subprocess.run([str(python), "-c", "import timeline, os; print(os.path.dirname(timeline.__file__))"],
                           capture_output=True, text=True, cwd="/").stdout.strip()
    commit = subprocess.run(["git", "-C", where, "log", "-1", "--format=%h"], capture_output=True, text=True).stdout
    return f"{subprocess.run([timeline, '--version'], capture_output=True, text=True).stdout.strip()} at {commit.strip()}"


def compile_package(timeline: str) -> None:
    """Byte-compile the ``timeline`` package that the console script ``timeline`` runs, as ``pip install`` does:
    a checkout or an archive run with ``PYTHONDONTWRITEBYTECODE=1`` would compile every module from source in
    every run (0.07 s of a 10k export's imports), where an installed version reads its ``.pyc`` files."""
    python = str(Path(timeline).with_name("python"))
    where = subprocess.run([python, "-c", "import timeline, os; print(os.path.dirname(timeline.__file__))"],
                           capture_output=True, text=True, cwd="/", check=True).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", where], check=True, cwd="/")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--after-venv", type=Path, default=Path(sys.executable).parent.parent)
    parser.add_argument("--before-venv", type=Path, default=Path("/work/before-wt/.venv"))
    parser.add_argument("--quick", action="store_true", help="10k events, 1,000 misspellings at most, fewer runs")
    parser.add_argument("--only", default="", help="comma-separated starts of the figures to run")
    parser.add_argument("--errors", default="10,100,1000", help="counts of misspelled source ids")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    parser.add_argument("--parts", action="store_true", help="also each part of the build both versions write")
    parser.add_argument("--warm-parts", action="store_true", help="run each part once before timing it")
    parser.add_argument("--pairs", type=int, default=1, help="runs of each part by each version, in turn")
    parser.add_argument("--caches", type=Path, help="keep each version's cache folder here (a later run finds "
                        "what an earlier one kept: the store, the graphs kept beside it); default: a temporary one")
    parser.add_argument("--no-compile", action="store_true", help="leave each version's package as it is (by "
                        "default both are byte-compiled first, as installed: see compile_package)")
    args = parser.parse_args(argv)
    size = "10k" if args.quick else "100k"
    data, split = dataset(size), dataset(size, files=2034 if not args.quick else 200)
    versions = {name: str((venv / "bin" / "timeline").resolve()) for name, venv in
                (("after", args.after_venv), ("before", args.before_venv))}
    if not args.no_compile:
        for timeline in versions.values():
            compile_package(timeline)
    head = (f"## Issue 18 before and after, {size} ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)\n\n"
            f"{paired.machine()}\n\nBefore: {version(versions['before'])} (`{versions['before']}`). "
            f"After: {version(versions['after'])} (`{versions['after']}`). Data: `{data}` and `{split}` "
            f"(`bench/generate.py`). Command: `python bench/before_after.py {' '.join(argv or sys.argv[1:])}`.\n\n"
            "| figure | issue (0.1) | before CPU | after CPU | after/before CPU | before wall | after wall | "
            "after/before wall | before peak | after peak | pairs | exit after · before |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    lines = [head]
    print(head, flush=True)
    with tempfile.TemporaryDirectory(prefix="before-after-") as scratch:
        work = args.caches or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        rows = figures(data, split, args.quick) + (build_parts(versions, data, args.warm_parts, args.pairs) if args.parts else [])
        filled: set[tuple[str, str]] = set()
        for count in map(int, args.errors.split(",")):
            copy = bench_errors.with_misspellings(data, work / f"errors-{count}", "source", count)
            rows.append((f"{count:,} misspelled source ids", ["validate", "--data", str(copy)],
                         {"runs": 1, "cold": True}))
        for label, command, spec in rows:
            if args.only and not label.startswith(tuple(args.only.split(","))):
                continue
            for name in versions:  # fills each version's store (not timed) before its first warm figure
                folder = command[command.index("--data") + 1] if "--data" in command else ""
                if not spec.get("cold") and folder and (name, folder) not in filled:
                    filled.add((name, folder))
                    env = paired.with_env(XDG_CACHE_HOME=str(work / f"cache-{name}"),
                                          XDG_STATE_HOME=str(work / f"state-{name}"))
                    # a query, read through the store (``validate`` reads the YAML and keeps nothing: round 14's
                    # 40 s `actors.graphml` at 100k was the first part's cold load)
                    paired.run([versions[name], "events", "--since", "3000-01-01", "--data", folder], env=env)
                    # matplotlib's font cache lives in XDG_CACHE_HOME too: built here, not by the first chart timed
                    paired.run([str(Path(versions[name]).with_name("python")), "-c", "import matplotlib.font_manager"],
                               env=env)
            lines.append(measure(label, command, spec, versions, work))
            print(lines[-1], flush=True)
            if args.out:  # row by row: a run stopped early keeps what it measured
                args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
            shutil.rmtree(work / "out-after", ignore_errors=True)
            shutil.rmtree(work / "out-before", ignore_errors=True)


if __name__ == "__main__":
    main()
