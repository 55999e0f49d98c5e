"""The offline page at scale: its size, the time to write it, and what a browser spends to make it usable.

    python bench/generate.py --events 10000 --out /tmp/p10k && python bench/bench_html.py /tmp/p10k --runs 5
    python bench/bench_html.py /tmp/p10k --profile          # where the page's CPU time goes (one run)

Three pages are opened in turns (page, floor, alternative, page, floor, ...) in one headless system Chromium
(1400×900, network blocked), each in a fresh context, and the medians of ``--runs`` are printed:

- **page**: ``write_page`` of the folder (the time to write it is ``write_s``, loading excluded);
- **floor**: the same file, byte for byte the same size, with the page's own script replaced by one that
  reads all its data (both elements: what the views draw and the details the page reads when first asked; the
  same decoding) with ``JSON.parse`` and draws nothing: what any page holding these libraries and this data costs;
- **TimelineJS** (``--no-alternative`` to skip): the tool's own TimelineJS export of the same events in
  TimelineJS 3 (``tests/js``, ``npm ci``), the alternative a user would pick; it is "ready" when it has
  drawn one marker per event, or gives up after ``--give-up`` seconds (reported as that many, with ``>``).

For each, from navigation start: ``fcp_ms`` (first contentful paint, Chromium's own entry), ``usable_ms`` (the
first frame after the page is usable: the timeline, the list of events and the filters drawn, their handlers
attached; the graph, below the fold on a desktop, is made after that frame), ``ready_ms`` (everything drawn, the
graph and its ranking included; for the floor, the data parsed, and its ``usable_ms`` the frame after) and
``painted_ms`` (the first frame after ready); and the browser's own CPU accounting of the renderer's
main thread until then (CDP ``Performance.getMetrics``): ``usable_cpu_ms`` (ThreadTime at the first usable
frame, read within a 20 ms poll of it; the floor's: at its data parsed), ``cpu_ms`` (ThreadTime), ``task_ms`` (TaskDuration),
``script_ms``, ``layout_ms``, ``style_ms``. CPU figures are what a loaded machine inflates least; the ratios
to the floor are taken in the same run.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from timeline.dataset import load
from timeline.export.timelinejs import write_timelinejs
from timeline.html import write_page

CHROMIUM = "/usr/bin/chromium"
TIMELINEJS = Path(__file__).resolve().parent.parent / "tests" / "js" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
METRICS = {"cpu_ms": "ThreadTime", "task_ms": "TaskDuration", "script_ms": "ScriptDuration",
           "layout_ms": "LayoutDuration", "style_ms": "RecalcStyleDuration"}
#: The floor's script: all the page's data read as the page reads it, parsed, nothing drawn.
FLOOR_SCRIPT = """(function () {
var page = window.timelinePage = {timings: {start: performance.now()}, ready: false};
var read = function (node) {
  if (node.getAttribute("data-encoding") !== "gzip+base64") return Promise.resolve(JSON.parse(node.textContent));
  var binary = atob(node.textContent.trim()), bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text().then(JSON.parse);
};
var nodes = ["page-data", "page-detail"].map(function (id) { return document.getElementById(id); }).filter(Boolean);
Promise.all(nodes.map(read)).then(function (parts) {
  page.timings.ready = performance.now(); page.ready = true; page.size = parts[0].events.length;
  requestAnimationFrame(function () { page.timings.painted = performance.now(); }); });
})();
"""
TIMELINEJS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="{dist}/css/timeline.css"><script src="{dist}/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1400px; height: 800px"></div>
<script>
var page = window.timelinePage = {{timings: {{start: performance.now()}}, ready: false}};
window.tl = new TL.Timeline("timeline", {data}, {{script_path: "{dist}/js/", font: null}});
(function wait() {{
  if (document.querySelectorAll(".tl-timemarker").length < {events}) {{ setTimeout(wait, 20); return; }}
  page.timings.ready = performance.now(); page.ready = true;
  requestAnimationFrame(function () {{ page.timings.painted = performance.now(); }});
}})();
</script></body></html>
"""
ZOOM = """(() => {
  const d = window.timelinePage.debug(), w = d.timeline.getWindow(), t = performance.now();
  const mid = (w.start.valueOf() + w.end.valueOf()) / 2;
  d.timeline.setWindow(mid - 15 * 864e5, mid + 15 * 864e5, {animation: false});
  window.timelinePage.state.from = Math.round((mid - 15 * 864e5) / 6e4);
  window.timelinePage.state.to = Math.round((mid + 15 * 864e5) / 6e4);
  window.timelinePage.update();
  return performance.now() - t; })()"""
ACTOR = """(() => {
  const t = performance.now(), select = document.getElementById('actor-filter');
  select.value = select.options[1].value;
  select.dispatchEvent(new Event('change'));
  return performance.now() - t; })()"""
LIST_END = """new Promise(done => { const list = document.getElementById('event-list'), t = performance.now();
  window.scrollTo(0, list.getBoundingClientRect().bottom + window.scrollY - window.innerHeight);
  requestAnimationFrame(() => requestAnimationFrame(() => done([performance.now() - t, list.children.length]))); })"""
GRAPH_TAB = """new Promise(done => { const t = performance.now(); document.querySelector('#views-nav [data-view=graph]').click();
  requestAnimationFrame(() => done(performance.now() - t)); })"""


def pages(folder: Path, tmp: Path, alternative: bool) -> tuple[dict, dict[str, Path]]:
    """Write the three pages of ``folder`` into ``tmp``: the facts of the page, and the pages by name."""
    dataset = load(folder)
    page = tmp / "index.html"
    started = time.perf_counter()
    write_page(dataset, page)
    facts = {"events": len(dataset.events), "megabytes": page.stat().st_size / 1e6,
             "write_s": time.perf_counter() - started}
    found = {"page": page, "floor": tmp / "floor.html"}
    found["floor"].write_bytes(floor_page(page.read_bytes()))
    if alternative and TIMELINEJS.is_dir():
        write_timelinejs(dataset, tmp / "timeline.json")
        data = (tmp / "timeline.json").read_text(encoding="utf-8")
        found["timelinejs"] = tmp / "timelinejs.html"
        found["timelinejs"].write_text(TIMELINEJS_PAGE.format(dist=TIMELINEJS.as_uri(), data=data,
                                                              events=len(dataset.events)), encoding="utf-8")
    return facts, found


def floor_page(page: bytes) -> bytes:
    """The page with its own script replaced by :data:`FLOOR_SCRIPT`, padded to the same number of bytes."""
    start = page.rindex(b'<script>(function () {\n"use strict";')
    end = page.index(b"</script>", start) + len(b"</script>")
    script = b"<script>" + FLOOR_SCRIPT.encode() + b"</script>"
    padding = end - start - len(script) - len(b"<!---->")
    return page[:start] + script + b"<!--" + b" " * padding + b"-->" + page[end:]


def open_once(browser, path: Path, give_up: float, extra: bool) -> dict:
    """One cold open of ``path`` in a fresh context: the times and CPU figures, see the module's docstring."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Performance.enable")
    started = time.monotonic()
    tab.goto(path.as_uri(), timeout=give_up * 1000)
    usable_cpu = None
    while not tab.evaluate("!!(window.timelinePage && window.timelinePage.timings.painted)"):
        if usable_cpu is None and tab.evaluate("!!(window.timelinePage && window.timelinePage.timings.usablePainted)"):
            usable_cpu = cdp_ms(cdp)   # within a poll (20 ms) of the first usable frame
        if time.monotonic() - started > give_up:
            context.close()
            return {"painted_ms": give_up * 1000, "gave_up": 1}
        time.sleep(0.02)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    found = {name: metrics[metric] * 1000 for name, metric in METRICS.items()}
    found["usable_cpu_ms"] = usable_cpu if usable_cpu is not None else found["cpu_ms"]
    found |= tab.evaluate("""(() => { const t = window.timelinePage.timings, out = {ready_ms: t.ready, painted_ms: t.painted,
        usable_ms: t.usablePainted || t.painted};
        performance.getEntriesByType('paint').forEach(p => { out[p.name === 'first-paint' ? 'fp_ms' : 'fcp_ms'] = p.startTime; });
        return out; })()""")
    if extra:
        found["heap_mb"] = metrics["JSHeapUsedSize"] / 1e6
        found["nodes"] = metrics["Nodes"]
        found["list_end_ms"], found["list_rows"] = tab.evaluate(LIST_END)   # the list's last rows drawn on scrolling
        before = cdp_ms(cdp)
        found["graph_tab_ms"] = tab.evaluate(GRAPH_TAB)   # the graph drawn as the reader comes to it
        found["graph_cpu_ms"] = cdp_ms(cdp) - before
        for name, script in (("zoom_ms", ZOOM), ("actor_ms", ACTOR)):
            found[name] = tab.evaluate(script)
    context.close()
    return found


def cdp_ms(cdp) -> float:
    """The renderer main thread's CPU time so far, in ms (CDP ``ThreadTime``)."""
    return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "ThreadTime") * 1000


def measure(folder: Path, runs: int, alternative: bool = True, give_up: float = 120) -> dict[str, dict]:
    """The medians of ``runs`` turns of every page of ``folder``, by page name, with the page's facts."""
    from playwright.sync_api import sync_playwright

    samples: dict[str, dict[str, list[float]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        facts, found = pages(folder, Path(tmp), alternative)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--host-resolver-rules=MAP * ~NOTFOUND"])
        for turn in range(runs):
            for name, path in found.items():
                if name == "timelinejs" and turn and samples[name].get("gave_up"):
                    continue   # once it gave up, do not wait again
                for key, value in open_once(browser, path, give_up, extra=name == "page").items():
                    samples[name][key].append(value)
            loads.append(os.getloadavg()[0])
        browser.close()
    medians = {name: {key: statistics.median(values) for key, values in got.items()} for name, got in samples.items()}
    medians["page"] |= facts | {"load": f"{min(loads):.1f}–{max(loads):.1f}", "runs": runs}
    return medians


def profile(folder: Path, top: int = 25) -> list[tuple[str, float]]:
    """One open of the page under the CPU profiler: self time (ms) by function, the largest first."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        _, found = pages(folder, Path(tmp), alternative=False)
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        cdp = tab.context.new_cdp_session(tab)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        tab.goto(found["page"].as_uri(), timeout=300_000)
        tab.wait_for_function("!!(window.timelinePage && window.timelinePage.timings.painted)", timeout=300_000)
        timings = tab.evaluate("window.timelinePage.timings")
        got = cdp.send("Profiler.stop")["profile"]
        browser.close()
    print("page timings (ms):", {k: round(v) for k, v in timings.items()})
    return _self_times(got)[:top]


def _self_times(got: dict) -> list[tuple[str, float]]:
    nodes = {node["id"]: node for node in got["nodes"]}
    ticks = collections.Counter(got["samples"])
    step = (got["endTime"] - got["startTime"]) / max(len(got["samples"]), 1) / 1000
    by_name: collections.Counter = collections.Counter()
    for node_id, count in ticks.items():
        frame = nodes[node_id]["callFrame"]
        where = re.sub(r".*/", "", frame["url"]) or "(page)"
        by_name[f"{frame['functionName'] or '(anonymous)'} {where}:{frame['lineNumber']}"] += count * step
    return by_name.most_common()


COLUMNS = ("fcp_ms", "usable_ms", "usable_cpu_ms", "ready_ms", "painted_ms", "cpu_ms", "task_ms", "script_ms", "layout_ms",
           "style_ms")


def report(folder: Path, medians: dict[str, dict]) -> None:
    page = medians["page"]
    print(f"\n{folder}: {page['events']:,.0f} events, {page['megabytes']:.2f} MB, written in {page['write_s']:.1f} s, "
          f"{page['runs']} turns, load average {page['load']}")
    print("| page | " + " | ".join(COLUMNS) + " |")
    print("| --- |" + " ---: |" * len(COLUMNS))
    for name, got in medians.items():
        cells = [("> " if got.get("gave_up") else "") + f"{got[c]:,.0f}" if c in got else "–" for c in COLUMNS]
        print(f"| {name} | " + " | ".join(cells) + " |")
    floor = medians["floor"]
    print("| page / floor | " + " | ".join(f"{page[c] / floor[c]:.2f}" if floor.get(c) else "–" for c in COLUMNS) + " |")
    print("page after ready: " + ", ".join(f"{k} {page[k]:,.0f}" for k in ("zoom_ms", "actor_ms", "graph_tab_ms", "graph_cpu_ms",
                                                                          "list_end_ms", "list_rows", "heap_mb", "nodes")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--give-up", type=float, default=120, help="seconds after which a page counts as not ready")
    parser.add_argument("--no-alternative", action="store_true", help="skip the TimelineJS page")
    parser.add_argument("--profile", action="store_true", help="profile one open of the page instead")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for folder in args.folders:
        if args.profile:
            for name, ms in profile(folder):
                print(f"{ms:8.1f} ms  {name}")
            continue
        report(folder, measure(folder, args.runs, not args.no_alternative, args.give_up))


if __name__ == "__main__":
    main()
