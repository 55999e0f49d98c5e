"""Screenshots of the offline page at desktop and phone sizes, for a reader (or a graphics editor) to judge.

    timeline html -o /tmp/page/index.html --force
    python bench/html_screens.py /tmp/page/index.html output/screens

writes ``desktop.png`` (1440×900), ``desktop-full.png`` (the whole page), ``desktop-event.png`` (an event
and its actors chosen), ``phone.png`` (390×844) and ``phone-full.png``; the browser is the system Chromium
with the network blocked, as in the tests.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


def shoot(page_path: Path, out: Path, event: str | None = None) -> list[Path]:
    """Write the screenshots of ``page_path`` into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--host-resolver-rules=MAP * ~NOTFOUND", "--disable-gpu"])
        for name, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("file:", "data:", "blob:", "about:")) else route.abort())
            page = context.new_page()
            page.goto(page_path.resolve().as_uri())
            _ready(page)
            written.append(out / f"{name}.png")
            page.screenshot(path=written[-1])
            written.append(out / f"{name}-full.png")
            page.screenshot(path=written[-1], full_page=True)
            if name == "desktop":
                chosen = event or page.evaluate("window.timelinePage.busiestEvent()")
                page.goto(page_path.resolve().as_uri() + f"#event={chosen}")
                page.reload()
                _ready(page)
                written.append(out / f"{name}-event.png")
                page.screenshot(path=written[-1], full_page=True)
            context.close()
        browser.close()
    return written


def _ready(page) -> None:
    deadline = time.monotonic() + 60
    while not page.evaluate("!!(window.timelinePage && window.timelinePage.ready)"):
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not get ready in 60 s")
        time.sleep(0.1)
    time.sleep(0.5)   # the graph's last frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--event", help="the event to open in desktop-event.png (default: the one with most actors)")
    args = parser.parse_args()
    for path in shoot(args.page, args.out, args.event):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
