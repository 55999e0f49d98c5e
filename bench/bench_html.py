"""The offline page at scale: its size, the time to write it, and the time a browser takes to make it usable.

    python bench/generate.py --preset 10k && python bench/bench_html.py bench/data/10k
    python bench/bench_html.py bench/data/10k bench/data/100k --runs 3

For each dataset folder: the page's size; the seconds ``write_page`` takes
(loading excluded); and, in headless system Chromium with the network
blocked, the milliseconds from navigation until the page is ready (timeline,
graph and lists drawn: ``timelinePage.ready``), with its parts, then the
milliseconds one zoom into a month and one actor selection take. Medians of
``--runs``. Browser figures include a cold start of the page, not of the browser.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from timeline.dataset import load
from timeline.html import write_page

CHROMIUM = "/usr/bin/chromium"


def measure(folder: Path, runs: int) -> dict:
    dataset = load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "index.html"
        started = time.perf_counter()
        write_page(dataset, page)
        write_seconds = time.perf_counter() - started
        found = {"events": len(dataset.events), "megabytes": page.stat().st_size / 1e6, "write_s": write_seconds}
        found |= _browser(page, runs)
    return found


def _browser(page: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--host-resolver-rules=MAP * ~NOTFOUND"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                          else route.abort())
            tab = context.new_page()
            tab.goto(page.as_uri())
            while not tab.evaluate("!!(window.timelinePage && window.timelinePage.ready)"):
                time.sleep(0.02)
            timings = tab.evaluate("window.timelinePage.timings")
            for name in ("data", "timeline", "graph", "ready"):
                samples.setdefault(f"{name}_ms", []).append(timings[name])
            samples.setdefault("zoom_ms", []).append(tab.evaluate("""(() => {
                const d = window.timelinePage.debug(), w = d.timeline.getWindow(), t = performance.now();
                const mid = (w.start.valueOf() + w.end.valueOf()) / 2;
                d.timeline.setWindow(mid - 15 * 864e5, mid + 15 * 864e5, {animation: false});
                window.timelinePage.state.from = Math.round((mid - 15 * 864e5) / 6e4);
                window.timelinePage.state.to = Math.round((mid + 15 * 864e5) / 6e4);
                window.timelinePage.update();
                return performance.now() - t; })()"""))
            samples.setdefault("actor_ms", []).append(tab.evaluate("""(() => {
                const t = performance.now(), select = document.getElementById('actor-filter');
                select.value = select.options[1].value;
                select.dispatchEvent(new Event('change'));
                return performance.now() - t; })()"""))
            context.close()
        browser.close()
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    columns = ("events", "megabytes", "write_s", "data_ms", "timeline_ms", "graph_ms", "ready_ms", "zoom_ms", "actor_ms")
    print(" | ".join(columns))
    for folder in args.folders:
        found = measure(folder, args.runs)
        print(" | ".join(f"{found[c]:,.0f}" if c.endswith("ms") or c == "events" else f"{found[c]:.2f}"
                         for c in columns), flush=True)


if __name__ == "__main__":
    main()
