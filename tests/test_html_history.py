"""The browser's Back and the keyboard's place on the offline page, in headless Chromium on the 2025 record.

A reader who opens an event and presses the system Back (a phone's gesture) closes the details and stays on the
page; Forward opens them again; typing in the search box is no step of the history. Closing the details puts the
keyboard focus back on the list row that opened them, though the list is drawn again meanwhile.
"""
from __future__ import annotations

import pytest
from html_page import DESKTOP, PHONE, closing_pages, quiet_browser, seed_record, seed_record_page, wait

from timeline.html.data import page_data

browser = pytest.fixture(scope="module", name="browser")(quiet_browser)
close_pages = pytest.fixture(autouse=True, name="close_pages")(closing_pages)
record = pytest.fixture(scope="module", name="record")(seed_record)
record_page = pytest.fixture(scope="module", name="record_page")(seed_record_page)
OPEN = "document.getElementById('detail').classList.contains('open')"


def _listed(browser, record_page, n: int) -> tuple:
    """A desktop page showing its list; the list's ``n``-th row and its event's id."""
    page = browser.open(record_page, **DESKTOP)
    page.locator("#views-nav [data-view=list]").click()
    row = page.locator("#event-list [data-event]").nth(n)
    return page, row, row.get_attribute("data-event")


def _open_first_listed_event(page) -> str:
    page.locator("#views-nav [data-view=list]").click()
    row = page.locator("#event-list [data-event]").first
    event = row.get_attribute("data-event")
    row.click()
    wait(page, OPEN)
    return event


def test_back_closes_the_details_and_stays_on_the_page(browser, record_page):
    page = browser.open(record_page, **PHONE)
    event = _open_first_listed_event(page)
    assert f"event={event}" in page.url
    page.go_back()
    wait(page, f"!{OPEN}")
    assert page.url.startswith(record_page.as_uri()) and "event=" not in page.url
    assert page.evaluate("window.timelinePage.state.view") == "list"   # the view the reader was in
    page.go_forward()
    wait(page, OPEN)
    assert page.locator("#detail-title").text_content()


def test_back_returns_to_the_view_before_and_searching_adds_no_step(browser, record_page):
    page = browser.open(record_page, **DESKTOP)
    steps = page.evaluate("history.length")
    page.locator("#views-nav [data-view=graph]").click()
    wait(page, "location.hash.includes('view=graph')")
    page.locator("#views-nav [data-view=list]").click()
    wait(page, "location.hash.includes('view=list')")
    for text in ("z", "ze", "zel"):
        page.locator("#search").fill(text)
    wait(page, "location.hash.includes('q=zel')")
    assert page.evaluate("history.length") == steps + 2   # two views chosen; three keystrokes added nothing
    page.go_back()
    wait(page, "window.timelinePage.state.view === 'graph'")


def test_closing_the_details_gives_the_focus_back_to_the_row_that_opened_them(browser, record_page):
    page, row, event = _listed(browser, record_page, 3)
    row.focus()
    page.keyboard.press("Enter")
    wait(page, OPEN)
    assert page.evaluate("document.activeElement.id") == "detail-title"
    page.keyboard.press("Escape")
    wait(page, f"!{OPEN}")
    assert page.evaluate("document.activeElement.getAttribute('data-event')") == event
    row.focus()
    page.keyboard.press("Enter")
    wait(page, OPEN)
    page.locator("#detail-close").click()
    wait(page, f"!{OPEN}")
    assert page.evaluate("document.activeElement.getAttribute('data-event')") == event


def test_the_list_marks_the_event_shown_in_the_details(browser, record_page):
    page, row, event = _listed(browser, record_page, 5)
    row.click()
    wait(page, OPEN)
    assert page.locator("#event-list [aria-current]").evaluate_all("rows => rows.map(r => r.dataset.event)") == [event]
    assert row.evaluate("r => getComputedStyle(r).boxShadow") != "none"
    page.keyboard.press("Escape")
    wait(page, f"!{OPEN}")
    assert page.locator("#event-list [aria-current]").count() == 0


@pytest.mark.parametrize("width", [700, 390])
def test_a_print_narrower_than_a_phone_keeps_every_view(browser, record_page, width):
    """An A4 or Letter page with the browser's margins is about 700 px wide: the print is the whole page, not the
    phone's one view at a time."""
    page = browser.open(record_page, width=width, height=900)
    page.emulate_media(media="print")
    for view in ("#timeline-view", "#event-list-view", "#graph-view", "#positions-view"):
        assert page.evaluate(f"document.querySelector('{view}').offsetParent !== null"), view
    assert page.locator("#event-list [data-event]").count() > 100


def test_panning_stops_at_the_records_dates(browser, record_page, record):
    """Dragging or pressing the arrows stops where the record does (the page said "17 Jun 2025 – 22 Mar 2026")."""
    events = page_data(record)["events"]
    first, last = min(e["s"] for e in events), max(e["e"] for e in events)
    slack = (last - first) * 0.03   # the page pads the record's span by 2%
    page = browser.open(record_page, **DESKTOP, graph=False)   # each step would redraw the graph
    page.locator("#timeline").focus()
    for key in ("+", "+", *["ArrowRight"] * 12):   # two zooms leave a third of the record right of the window: 5 steps
        page.keyboard.press(key)
    wait(page, "location.hash.includes('to=')")
    assert last <= page.evaluate("window.timelinePage.state.to") <= last + slack   # reached the end, and stopped there


def test_a_phone_says_its_unlabelled_events_and_where_to_read_them(browser, record_page):
    page = browser.open(record_page, **PHONE)
    wait(page, "document.getElementById('status').textContent.length > 0")
    note = page.locator("#status")
    assert note.is_visible()
    assert note.text_content().endswith("drawn without a label for room: pinch to zoom in, or open the List tab.")
