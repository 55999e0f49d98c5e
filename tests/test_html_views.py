"""The page's views as a reader uses them, in headless Chromium on the 2025 record: the details beside the view,
rows that stay put, open dates, the graph's labels, the positions view against the library, print and keyboard."""
from __future__ import annotations

import pytest
from html_page import TIMELINE_SHOWN, closing_pages, idle, quiet_browser, seed_record, seed_record_page, wait

from timeline.positions import as_of, default_as_of, history
from timeline.render.positions import select_panels

browser = pytest.fixture(scope="module", name="browser")(quiet_browser)
close_pages = pytest.fixture(autouse=True, name="close_pages")(closing_pages)
record = pytest.fixture(scope="module", name="record")(seed_record)
record_page = pytest.fixture(scope="module", name="record_page")(seed_record_page)
#: Every drawn event's place in the timeline: id -> [left, top] of its box, relative to the timeline.
PLACES = """(() => { const t = document.getElementById('timeline').getBoundingClientRect(), found = {};
  const items = window.timelinePage.debug().timeline.itemSet.items;
  Object.keys(items).forEach(id => { const box = items[id].dom && items[id].dom.box;
    if (box && box.isConnected) { const r = box.getBoundingClientRect();
                                  found[id] = [Math.round(r.left - t.left), Math.round(r.top - t.top)]; } });
  return found; })()"""


def in_view(box: dict, width: int, height: int) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width + 0.5 and box["y"] < height


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "wide"])
def test_a_click_on_an_event_shows_its_details_beside_it_and_moves_nothing(browser, record_page, record, size):
    page = browser.open(record_page, width=size[0], height=size[1])
    before = page.evaluate(PLACES)
    chosen = page.evaluate("window.timelinePage.busiestEvent()")
    wait(page, TIMELINE_SHOWN)   # until its first full draw, vis-timeline's loading screen takes the clicks
    x, y = page.evaluate(f"window.timelinePage.itemBox(window.timelinePage.eventIndex('{chosen}'))")
    page.mouse.click(x, y)
    wait(page, f"location.hash.includes('event={chosen}')")
    idle(page)   # vis-timeline redraws in the next frame: the rows read where they stay
    title = page.locator("#detail-title")
    assert title.text_content() == record.event(chosen).title
    assert in_view(title.bounding_box(), *size)                       # where the reader looks, with no scrolling
    assert page.evaluate("document.activeElement.id") == "detail-title"
    after = page.evaluate(PLACES)
    assert after == before, "a click moved the timeline's rows"
    # the sources come first and every link opens apart from the page
    first = page.locator("#detail-body h4").first
    assert first.text_content() == "Sources" and first.is_visible()
    links = page.locator("#detail-body a[href]")
    assert links.count() > 0
    assert set(links.evaluate_all("ls => ls.map(l => l.target + ' ' + l.rel)")) == {"_blank noopener noreferrer"}
    page.keyboard.press("Escape")
    wait(page, "!location.hash.includes('event=')")
    assert page.locator("#detail-close").is_hidden()


def test_open_dates_are_a_mark_with_by_never_a_bar(browser, record_page, record):
    by = [e for e in record.events if e.date.start is None and not e.draft]
    seen = set()
    for size in ({"width": 1400, "height": 2200}, {"width": 390, "height": 844}):   # a phone drops more labels
        page = browser.open(record_page, graph=False, **size)
        found = page.evaluate("""[...document.querySelectorAll('#timeline .vis-item.ev.open-start')].map(i =>
            [i.querySelector('.mark').tagName.toLowerCase(), i.querySelector('.open-word').textContent,
             !!i.querySelector('.lab')])""")
        assert len(found) == len(by) > 0
        seen |= set(map(tuple, found))
    # with its title: "← by"; a mark alone: its arrow, never a bare "← by" with nothing after it (the merged 2025 record
    # labels every open date on a desktop: the mark alone is seen at a phone's width)
    assert seen == {("svg", "← by", True), ("svg", "←", False)}


def test_the_graphs_labels_are_readable_and_never_collide(browser, record_page):
    page = browser.open(record_page)
    labels = page.evaluate("window.timelinePage.labels")
    zoom = page.evaluate("window.timelinePage.debug().cy.zoom()")
    fonts = page.evaluate("""window.timelinePage.debug().cy.nodes(':visible').filter(n => !n.hasClass('unlabelled'))
        .map(n => n.data('fs'))""")
    assert labels["shown"] == len(fonts) >= 10
    assert min(fonts) * zoom >= 12 - 1e-6            # pixels on screen, at any zoom (round 10: 11 px read as tiny)
    boxes = labels["boxes"]
    assert not [(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:]
                if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]]
    kinds = page.locator("#kind-legend .key-entry").all_text_contents()
    assert kinds == ["person", "state", "organisation", "group"]


@pytest.fixture(scope="module", name="asof_page")
def asof_page_fixture(browser, record_page):
    """One page for every day asked (a new address each: the page reads it again, as on Back), no graph drawn."""
    return browser.open(record_page, graph=False, keep=True)


@pytest.mark.parametrize("day", ["2025-03-01", "2025-08-15", "2025-11-25", "2025-12-05", "2025-12-31"])
def test_the_positions_view_holds_the_librarys_as_of_answer(asof_page, record, day):
    page = asof_page
    page.evaluate(f"location.hash = 'asof={day}'")
    wait(page, f"window.timelinePage.positions.asof === '{day}'")
    found = page.evaluate("window.timelinePage.positions")
    assert found["asof"] == day
    assert found["holding"] == len(as_of(record, day)) == page.locator("#positions .stint.holds").count()
    assert page.locator("#positions .held").count() == found["holding"]
    assert found["stints"] == len(history(record)) == 113
    # a row per actor with a stance on the issue, and per chain of claims about it (the chart also draws empty rows)
    assert found["rows"] == sum(1 for panel in select_panels(record) for row in panel.rows if row.runs)


def test_an_actor_lights_up_its_stances_and_a_stance_opens_its_detail(browser, record_page, record):
    page = browser.open(record_page, "actor=russia")
    chosen = page.evaluate("window.timelinePage.positions.chosen")
    own = [s for s in history(record) if s.actor == "russia"]
    assert chosen == len(own) > 0
    stance = next(s for s in history(record) if s.actor == "russia" and s.statement and s.sources)
    index = page.evaluate(f"window.timelinePage.stanceIndex('{stance.position}')")
    page.locator("#positions .stint").nth(index).click()
    detail = page.locator("#detail-body")
    assert detail.locator("h3").text_content().startswith("Russia: ")
    assert stance.statement in detail.text_content()
    assert detail.locator("li.source").count() == len(stance.sources)
    plans = page.locator("#plans .version")
    assert plans.count() == sum(len(p.versions) for p in record.plans.values())
    points = page.locator("#plans .points li").count()
    assert points == sum(len(v.points) for p in record.plans.values() for v in p.versions)


def test_the_keyboard_steps_through_events_and_print_shows_the_record(browser, record_page, record):
    page = browser.open(record_page)
    page.locator("#timeline").focus()
    page.keyboard.press("ArrowDown")
    wait(page, "location.hash.includes('event=')")
    first = page.evaluate("window.timelinePage.state.event")
    page.keyboard.press("ArrowDown")
    wait(page, f"!location.hash.includes('event={first}')")
    assert page.evaluate("document.activeElement.id") == "timeline"      # the focus stays to step on
    outline = page.evaluate("getComputedStyle(document.getElementById('timeline')).outlineStyle")
    assert outline == "solid"                                             # and it is seen
    page.emulate_media(media="print")
    hidden = page.evaluate("""['controls', 'detail-close'].map(id => getComputedStyle(document.getElementById(id)).display)""")
    assert hidden == ["none", "none"]
    assert page.evaluate("getComputedStyle(document.getElementById('detail')).position") == "static"


GRAPH_FIGURES = "(() => { const c = window.timelinePage.counts(); return [c.nodes, c.edges, c.graphNodes, c.graphEdges]; })()"


def test_the_graph_below_the_fold_is_drawn_when_the_reader_scrolls_to_it(browser, record_page):
    """Drawing the graph is most of a large page's first second: below the fold it waits, its figures already right."""
    tall = browser.open(record_page, height=4000, graph=False)   # the graph on the first screen: drawn before "ready"
    assert tall.evaluate("window.timelinePage.graphShown") is True and tall.locator("#graph canvas").count() > 0
    page = browser.open(record_page, width=1400, height=700, graph=False)
    assert page.evaluate("document.getElementById('graph').getBoundingClientRect().top") > 700
    assert page.evaluate("window.timelinePage.graphShown") is False
    assert page.locator("#graph canvas").count() == 0
    assert page.evaluate(GRAPH_FIGURES) == tall.evaluate(GRAPH_FIGURES)
    assert page.locator("#actor-list button").count() == tall.locator("#actor-list button").count() > 10
    page.locator("#graph").scroll_into_view_if_needed()
    wait(page, "window.timelinePage.graphShown")
    idle(page)   # its labels placed (120 ms after its fit)
    assert page.locator("#graph canvas").count() > 0
    assert page.evaluate(GRAPH_FIGURES) == tall.evaluate(GRAPH_FIGURES)
    assert page.evaluate("window.timelinePage.labels.shown") == tall.evaluate("window.timelinePage.labels.shown") >= 10


def test_the_positions_view_opens_on_the_charts_day(browser, record_page, record):
    """One "as of" day: with none in the address the view shows the positions chart's (default_as_of)."""
    page = browser.open(record_page)
    assert page.evaluate("window.timelinePage.positions")["asof"] == default_as_of(record).isoformat() == "2025-12-28"


def test_a_stance_without_sources_gives_its_events(browser, record_page, record):
    """Judged round 12: "Sources: No source recorded." beside a link to an event that has sources."""
    page = browser.open(record_page, "view=positions", graph=False)
    stance = next(s for s in history(record) if not s.sources and s.event)
    event = next(e for e in record.events if e.id == stance.event)
    index = page.evaluate(f"window.timelinePage.stanceIndex('{stance.position}')")
    page.locator("#positions .stint").nth(index).click()
    detail = page.locator("#detail-body")
    assert "No source recorded" not in detail.text_content()
    assert f"Read from the event “{event.title}”" in detail.text_content()
    assert detail.locator("li.source").count() == len(event.sources) > 0
