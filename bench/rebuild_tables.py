"""CPU time of writing the store's tables (:mod:`timeline.index.write`) of a dataset, alone.

    python bench/rebuild_tables.py bench/data/100k 5

Loads the dataset through its store once (run a query first so that it is warm), then writes its tables
N times, each over the last (as after an edit), and prints each write's CPU seconds and their median.
"""
from __future__ import annotations

import statistics
import sys
import time

from timeline.index.write import write_tables
from timeline.store import open_store

if __name__ == "__main__":
    path, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    store = open_store(path)
    if store is None:
        sys.exit("no store: is TIMELINE_NO_CACHE set?")
    checked_ns = time.time_ns()
    record = store.load()
    layout = store.layout()
    if layout is None:
        sys.exit("the store did not load every file's part")
    times = []
    for _ in range(runs):
        start = time.process_time()
        write_tables(path, record, store.stamps, checked_ns, layout)
        times.append(time.process_time() - start)
    print(" ".join(f"{t:.3f}" for t in times), f"median {statistics.median(times):.3f} s CPU")
