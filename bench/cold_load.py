"""Issue 18: the cold load of 100k events at most 2x rapidyaml parsing the same files, paired.

    python bench/cold_load.py                          # bench/data/100k, 3 pairs
    python bench/cold_load.py --data bench/data/100k-2036 --runs 5

``TIMELINE_NO_CACHE=1 timeline validate`` (read every file, every check, no store) and
``floors.py rapidyaml`` (the same files to Python objects with rapidyaml, the fastest YAML parser
packaged for Python) run in turn, each a new process (A B A B ..., :func:`paired.paired`); then the
same against PyYAML's C loader (``floors.py pyyaml``). The table gives the medians of CPU (user +
system) and the median of the pair-by-pair ratios.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "100k")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    load = [sys.executable, "-m", "timeline", "validate", "--data", str(args.data)]
    print(f"{paired.machine()}\n\n{args.data}, {args.runs} pairs\n")
    print("| A | B | A CPU | B CPU | A/B (pairs) | A peak | B peak | exits A · B | goal |\n"
          "|---|---|---:|---:|---:|---:|---:|---|---|")
    for floor, goal in (("rapidyaml", "≤ 2×"), ("pyyaml", "")):
        pair = paired.paired(load, [sys.executable, str(HERE / "floors.py"), floor, str(args.data)], args.runs,
                             env_a=paired.with_env(TIMELINE_NO_CACHE="1"), cwd=HERE.parent)
        print(f"| cold `validate` | `floors.py {floor}` | {pair.a.median():.2f} s | {pair.b.median():.2f} s | "
              f"**{pair.ratio():.2f}×** | {pair.a.peak_mb:.0f} MB | {pair.b.peak_mb:.0f} MB | "
              f"{'/'.join(map(str, sorted(pair.a.statuses)))} · {'/'.join(map(str, sorted(pair.b.statuses)))} | "
              f"{goal} |", flush=True)


if __name__ == "__main__":
    main()
