"""Screenshots of the offline page at the sizes people use, for a reader (or a web editor) to judge.

    timeline html -o /tmp/page/index.html --force
    python bench/html_screens.py /tmp/page/index.html output/screens

writes ``<size>-<view>.png`` for the sizes ``desktop`` (1366×768), ``wide`` (1920×1080) and ``phone``
(390×844) and the views ``first`` (the first screen), ``event`` (an event clicked: the one with most
actors), ``actor`` (the most active actor clicked: a node, or on a phone its row in the ranking: its details)
and ``positions`` (the positions view, a stance chosen); on a phone also each tab of the view switcher
(``tab-list``, ``tab-graph``, ``tab-positions``) and ``filtered`` (back from an actor's details: the views
filtered to it, with the chip that says so); plus ``desktop-print.png`` (the print styles);
the browser is the system Chromium with the network blocked, as in the tests.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from html_page import LOCAL, TIMELINE_SHOWN, idle, wait  # noqa: E402  (the tests' waits: one way to know the page is drawn)

SIZES = {"desktop": (1366, 768), "wide": (1920, 1080), "phone": (390, 844)}


def shoot(page_path: Path, out: Path, only: set[str] | None = None) -> list[Path]:
    """Write the screenshots of ``page_path`` into ``out`` (``only`` those named, as ``phone-first``, if given)
    and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--host-resolver-rules=MAP * ~NOTFOUND", "--disable-gpu"])
        for name, (width, height) in SIZES.items():
            for view in (*VIEWS, *(PHONE_VIEWS if name == "phone" else ())):
                if only and f"{name}-{view}" not in only and not (name == "desktop" and view == "first"
                                                                    and "desktop-print" in only):
                    continue
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL)
                              else route.abort())
                page = context.new_page()
                page.goto(page_path.resolve().as_uri())
                _ready(page)
                {**VIEWS, **PHONE_VIEWS}[view](page, name == "phone")
                _settled(page)
                written.append(out / f"{name}-{view}.png")
                page.screenshot(path=written[-1])
                if name == "desktop" and view == "first":
                    page.emulate_media(media="print")
                    wait(page, "window.timelinePage.printed")   # the printed graph is drawn on the change of medium
                    _settled(page)
                    written.append(out / "desktop-print.png")
                    page.screenshot(path=written[-1], full_page=True, timeout=120000)
                context.close()
        browser.close()
    return written


def _event(page, phone: bool) -> None:
    """Click the busiest event as a reader would: its mark on the timeline, or its row in the phone's list."""
    chosen = page.evaluate("window.timelinePage.busiestEvent()")
    if phone:
        page.locator("#views-nav [data-view=list]").click()
        idle(page)
        page.locator(f'button[data-event="{chosen}"]').scroll_into_view_if_needed()
        page.locator(f'button[data-event="{chosen}"]').click()
        return
    index = page.evaluate(f"window.timelinePage.eventIndex('{chosen}')")
    box = page.evaluate(f"window.timelinePage.itemBox({index})")
    page.mouse.click(box[0], box[1])


def _actor(page, phone: bool) -> None:
    """Click the most active actor: its node in the graph (scrolled into view), or its row in the ranking."""
    if phone:
        page.locator("#views-nav [data-view=graph]").click()
        idle(page)
        page.locator("#actor-ranking button").first.scroll_into_view_if_needed()
        page.locator("#actor-ranking button").first.click()
        return
    page.evaluate("document.getElementById('graph').scrollIntoView()")   # below the sticky switcher (scroll-margin)
    wait(page, "window.timelinePage.graphShown")   # drawn as it comes into view
    idle(page)   # the scroll handled, the graph's labels placed
    position = page.evaluate("""(() => { const cy = window.timelinePage.debug().cy,
        box = document.getElementById('graph').getBoundingClientRect();
        const node = cy.nodes(':visible').sort((a, b) => b.data('z') - a.data('z'))[0].renderedPosition();
        return [box.left + node.x, box.top + node.y]; })()""")
    page.mouse.click(*position)


def _positions(page, phone: bool) -> None:
    if phone:
        page.locator("#views-nav [data-view=positions]").click()
        idle(page)
        page.locator("#positions .stint").nth(2).click()
        return
    page.locator("#positions-view").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('positions-view').scrollIntoView()")
    page.locator("#positions .held").first.click()
    idle(page)
    page.evaluate("document.getElementById('positions-view').scrollIntoView()")


def _tab(view: str):
    return lambda page, phone: page.locator(f"#views-nav [data-view={view}]").click()


def _filtered(page, phone: bool) -> None:
    """The most active actor tapped in the ranking, its details read and closed: the timeline filtered to it, scrolled
    to its chart (judged round 10: the shot showed the key and "About", no filtered event)."""
    _actor(page, phone)
    idle(page)
    page.locator("#detail-close").click()
    page.locator("#views-nav [data-view=timeline]").click()
    idle(page)
    page.evaluate("document.getElementById('timeline-view').scrollIntoView()")   # below the sticky switcher and chip


VIEWS = {"first": lambda page, phone: None, "event": _event, "actor": _actor, "positions": _positions}
PHONE_VIEWS = {"tab-list": _tab("list"), "tab-graph": _tab("graph"), "tab-positions": _tab("positions"),
               "filtered": _filtered}


def _settled(page) -> None:
    """Wait for the timeline shown and the page drawn as it stays (html_page.idle): a state, not a time."""
    wait(page, TIMELINE_SHOWN)
    idle(page)


def _ready(page) -> None:
    wait(page, "window.timelinePage && window.timelinePage.ready")
    _settled(page)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="+", metavar="SHOT", help="only these screenshots, as phone-first")
    args = parser.parse_args()
    for path in shoot(args.page, args.out, set(args.only or ())):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
