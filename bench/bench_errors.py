"""Issue 18: reporting problems stays near-linear. 0, 10, 100 and 1,000 misspelled ids in a 100k dataset.

    python bench/bench_errors.py                                   # bench/data/100k, sources 10/100/1000
    python bench/bench_errors.py --kinds source,actor,event --counts 1000 --runs 2
    python bench/bench_errors.py --timeline /work/before-wt/.venv/bin/timeline   # another version

A copy of the dataset (hard links, and new files only where a line changed) gets ``count`` references
misspelled, evenly spread over the event files: a source id in ``sources: [...]``, an actor id in a
role list (``source``, ``target``, ``participants``...), or an event id in ``related``. A misspelling
swaps two neighbouring letters of the id (``ukrinform`` -> ``ukirnform``), a typo that did-you-mean
should catch, and is never an id the dataset defines. Each copy's ``TIMELINE_NO_CACHE=1 timeline
validate`` runs in turn with the clean dataset's (A B A B ...); the table gives the median CPU and
wall of each and the ratio of the pairs. The goal: 1,000 misspellings cost at most 2x the clean load.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent
#: The lines that hold a reference of each kind, and the group that is the first id in it.
REFERENCES = {
    "source": re.compile(r"^    sources: \[([^,\]]+)"),
    "actor": re.compile(r"^    (?:source|target|participants|host|mentioned): \[([^,\]]+)"),
    "event": re.compile(r"event: ([^,}\s]+)\}"),
}
DEFINED = re.compile(r"^  - id: (\S+)")


def misspell(word: str, taken: set[str]) -> str:
    """``word`` with two neighbouring letters swapped, the first such swap that is not in ``taken``."""
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if typo not in taken:
                return typo
    raise ValueError(f"no misspelling of {word!r}")


def with_misspellings(data: Path, out: Path, kind: str, count: int) -> Path:
    """A copy of ``data`` in ``out`` with ``count`` references of ``kind`` misspelled; ``out`` itself."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(data, out, copy_function=os.link)
    files = sorted((out / "events").rglob("*.yaml"))
    lines = {path: path.read_text(encoding="utf-8").splitlines(keepends=True) for path in files}
    taken = {m[1] for path in out.rglob("*.yaml") for line in path.read_text(encoding="utf-8").splitlines()
             if (m := DEFINED.match(line))}
    found = [(path, n) for path in files for n, line in enumerate(lines[path]) if REFERENCES[kind].search(line)]
    if count > len(found):
        raise SystemExit(f"only {len(found)} {kind} references in {data}")
    changed = set()
    for path, n in (found[i * len(found) // count] for i in range(count)):
        match = REFERENCES[kind].search(lines[path][n])
        line = lines[path][n]
        lines[path][n] = line[:match.start(1)] + misspell(match[1], taken) + line[match.end(1):]
        changed.add(path)
    for path in changed:
        path.unlink()  # a hard link: the original stays as it is
        path.write_text("".join(lines[path]), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "100k")
    parser.add_argument("--kinds", default="source", help="comma-separated: source, actor, event")
    parser.add_argument("--counts", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=1, help="pairs per figure")
    parser.add_argument("--timeline", default=str(Path(sys.executable).with_name("timeline")),
                        help="the timeline command to time (default: this venv's)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/timeline-bench-errors"))
    args = parser.parse_args(argv)
    env = paired.with_env(TIMELINE_NO_CACHE="1")
    clean = [args.timeline, "validate", "--data", str(args.data)]
    print(f"{paired.machine()}\n\n`{' '.join(clean)}` with TIMELINE_NO_CACHE=1, {args.runs} pair(s) each\n")
    print("| misspelled | count | validate CPU | clean CPU | ratio CPU | wall | clean wall | ratio wall | exit | peak |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in args.kinds.split(","):
        for count in map(int, args.counts.split(",")):
            data = with_misspellings(args.data, args.work / f"{kind}-{count}", kind, count) if count else args.data
            pair = paired.paired([args.timeline, "validate", "--data", str(data)], clean, args.runs,
                                 env_a=env, env_b=env)
            print(f"| {kind} ids | {count:,} | {pair.a.median():.1f} s | {pair.b.median():.1f} s | "
                  f"{pair.ratio():.2f}× | {pair.a.median('wall'):.1f} s | {pair.b.median('wall'):.1f} s | "
                  f"{pair.ratio('wall'):.2f}× | {'/'.join(map(str, sorted(pair.a.statuses)))} | "
                  f"{pair.a.peak_mb:.0f} MB |", flush=True)
            if count:
                shutil.rmtree(data)


if __name__ == "__main__":
    main()
