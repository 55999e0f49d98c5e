"""The offline page at scale: its size, the time to write it, and the time a browser takes to make it usable.

    python bench/generate.py --preset 10k && python bench/bench_html.py bench/data/10k
    python bench/bench_html.py bench/data/10k bench/data/100k --runs 3

For each dataset folder: the page's size; the seconds ``write_page`` takes
(loading excluded); and, in headless system Chromium with the network
blocked, the milliseconds from navigation until the page is ready (timeline,
graph and lists drawn: ``timelinePage.ready``), with its parts, then the
milliseconds one zoom into a month and one actor selection take; ``cpu_ms`` is
the main thread's CPU time until ready (Chromium's ThreadTime), the figure that a
loaded machine inflates least. Medians of ``--runs``. Browser figures include a
cold start of the page, not of the browser.

The floor, measured in the same run: a page with the same two vendored widgets and
nothing of ours, given the very items, lanes, nodes and edges (with their positions)
that the page drew, as plain JSON: ``floor_ms`` from navigation until both are drawn,
``floor_cpu_ms`` its main-thread CPU time. ``painted_ms``: until the first frame after ready, for both (the
figure compared with the 2 s goal); ``ratio`` is painted_ms / floor_ms.
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
        floor = Path(tmp) / "floor.html"
        floor.write_text(_floor_page(found.pop("drawn")), encoding="utf-8")
        found |= {f"floor_{name}": value for name, value in _browser(floor, runs, floor=True).items()
                  if name in ("painted_ms", "cpu_ms")}
        found["floor_ms"] = found.pop("floor_painted_ms")
        found["ratio"] = found["painted_ms"] / found["floor_ms"]
    return found


#: What the page drew, for the floor: vis-timeline's items and lanes, Cytoscape's elements with their positions.
DRAWN = """(() => { const d = window.timelinePage.debug();
  const items = d.items.get().map(i => ({id: i.id, group: i.group, start: i.start, end: i.end, type: i.type,
                                         content: String(i.label || '')}));
  const groups = d.timeline.itemsData ? [...new Set(items.map(i => i.group))].map(g => ({id: g, content: 'lane ' + g})) : [];
  const elements = d.cy.elements(':visible').jsons().map(e => ({group: e.group, data: e.data, position: e.position}));
  const w = d.timeline.getWindow();
  return {items, groups, elements, start: w.start.valueOf(), end: w.end.valueOf()}; })()"""


def _floor_page(drawn: dict) -> str:
    """The floor: the vendored widgets given what the page drew, and nothing else."""
    import json

    from timeline.html.page import SCRIPTS, STYLES

    styles = "\n".join(path.read_text(encoding="utf-8") for path in STYLES[:1])
    scripts = "\n".join(f"<script>{path.read_text(encoding='utf-8')}</script>" for path in SCRIPTS)
    data = json.dumps(drawn).replace("<", "\\u003c")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>{styles}</style></head><body>
<div id="timeline"></div><div id="graph" style="height:460px"></div>
<script type="application/json" id="d">{data}</script>{scripts}<script>
const page = window.timelinePage = {{timings: {{}}, ready: false}};
const t0 = performance.now(), d = JSON.parse(document.getElementById("d").textContent);
new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(d.items), new vis.DataSet(d.groups),
                 {{start: d.start, end: d.end, stack: true, align: "left"}});
const cy = cytoscape({{container: document.getElementById("graph"), elements: d.elements, layout: {{name: "preset"}},
  style: [{{selector: "node", style: {{label: "data(label)"}}}}, {{selector: "edge", style: {{"curve-style": "bezier"}}}}]}});
page.timings = {{data: 0, timeline: 0, graph: 0, ready: performance.now()}};
page.ready = true;
requestAnimationFrame(() => {{ page.timings.painted = performance.now(); }});
</script></body></html>"""


def _browser(page: Path, runs: int, floor: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--host-resolver-rules=MAP * ~NOTFOUND"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                          else route.abort())
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Performance.enable")
            tab.goto(page.as_uri())
            while not tab.evaluate("!!(window.timelinePage && window.timelinePage.timings.painted)"):
                time.sleep(0.02)
            timings = tab.evaluate("window.timelinePage.timings")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            samples.setdefault("cpu_ms", []).append(metrics["ThreadTime"] * 1000)   # the page's main thread, on a CPU
            for name in ("data", "timeline", "graph", "ready", "painted"):
                samples.setdefault(f"{name}_ms", []).append(timings[name])
            if floor:
                context.close()
                continue
            drawn = tab.evaluate(DRAWN)
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
    found = {name: statistics.median(values) for name, values in samples.items()}
    return found if floor else found | {"drawn": drawn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    columns = ("events", "megabytes", "write_s", "data_ms", "timeline_ms", "graph_ms", "painted_ms", "cpu_ms", "floor_ms",
               "floor_cpu_ms", "ratio", "zoom_ms", "actor_ms")
    print(" | ".join(columns))
    for folder in args.folders:
        found = measure(folder, args.runs)
        print(" | ".join(f"{found[c]:,.0f}" if c.endswith("ms") or c == "events" else f"{found[c]:.2f}"
                         for c in columns), f"(load average {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main()
