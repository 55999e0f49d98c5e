"""Issue 18: edit one data file, then ``met``: at most 1 s at 100k (one file of 2,036, and one of 62).

    python bench/edit_met.py bench/data/100k-2036 bench/data/100k-2036/events/part-01000.yaml 7
    python bench/edit_met.py bench/data/100k bench/data/100k/events/2023-09.yaml 7

Each run flips one summary of FILE (``edit_one.py``, its own process, not counted), then times
``timeline met ukraine --data DATA`` in a new process (:mod:`paired`: user + system CPU and peak of
the finished child). The store must be filled first (one ``met`` before).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    data, file, runs = argv[0], argv[1], int(argv[2]) if len(argv) > 2 else 5
    samples = []
    for _ in range(runs):
        subprocess.run([sys.executable, str(HERE / "edit_one.py"), file], check=True, capture_output=True)
        samples.append(paired.run([sys.executable, "-m", "timeline", "met", "ukraine", "--data", data], cwd=HERE.parent))
    cpu = [s.cpu for s in samples]
    print(f"{paired.machine()}\nedit {file}, then met ({data}): CPU {' '.join(f'{c:.2f}' for c in cpu)} s; median "
          f"{statistics.median(cpu):.2f} s; wall median {statistics.median(s.wall for s in samples):.2f} s; "
          f"peak {max(s.peak_mb for s in samples):.0f} MB; exits {sorted({s.status for s in samples})}")


if __name__ == "__main__":
    main(sys.argv[1:])
