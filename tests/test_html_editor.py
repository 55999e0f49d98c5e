"""The web editor's points of round 6, each in headless Chromium on the 2025 record (the shipped seeds/).

Plans name their sources and the version each is compared with; one-source events say so; an event dated to the
year is listed under its own heading; a methods box gives the data's date and counts; one count of actors; a pair's
panel lists all its events; search finds places; the main actors are labelled; lane names stay in view; a cancelled
event reads "Cancelled: …" whole, faded, not hatched nor struck through; a vertical swipe on a phone scrolls the
page; phone sources keep their domain; the positions view speaks the scale's words.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from html_page import DESKTOP, PHONE, closing_pages, counts, frames, idle, quiet_browser, seed_record, seed_record_page, wait

from timeline.filters import EventFilter
from timeline.html.data import page_data

browser = pytest.fixture(scope="module", name="browser")(quiet_browser)
close_pages = pytest.fixture(autouse=True, name="close_pages")(closing_pages)
record = pytest.fixture(scope="module", name="record")(seed_record)
record_page = pytest.fixture(scope="module", name="record_page")(seed_record_page)


@pytest.fixture(scope="module", name="desk")
def desk_page(browser, record_page):
    """One desktop page for the reading tests (each test leaves it with the details closed and no filter)."""
    return browser.open(record_page, **DESKTOP, keep=True)


def events_of(record):
    return EventFilter().apply(record)


def test_plans_name_their_sources_and_the_version_they_are_compared_with(desk, record):
    versions = desk.locator("#plans details.version")
    assert versions.count() == sum(len(plan.versions) for plan in record.plans.values())
    text = desk.locator("#plans").text_content()
    assert "against the one before" not in text
    draft = desk.locator("#plans details.version", has_text="28-point draft (").first
    changes = draft.locator(".changes").text_content()
    assert "Compared with “US terms presented in Paris” (17 Apr 2025)" in changes
    cited = [v for plan in record.plans.values() for v in plan.versions if v.sources]
    assert desk.locator("#plans details.version > ul.sources").count() == len(cited)
    reports = next(v.sources for plan in record.plans.values() for v in plan.versions if v.id == "us-plan-28-points")
    linked = [s for s in reports if record.sources[s].url]
    assert len(linked) == 7 and draft.locator("> ul.sources a[href^=http]").count() == len(linked)  # each a link


def test_one_source_events_are_flagged_in_the_list_and_the_details(desk, record):
    single = [e for e in events_of(record) if len(e.sources) == 1]
    assert single and desk.locator("#event-list .one-source").count() == len(single)
    desk.locator(f'#event-list button[data-event="{single[0].id}"]').click()
    assert desk.locator("#detail .single-source").text_content() == "One source only: no second report confirms it."
    desk.keyboard.press("Escape")


@pytest.fixture(scope="module", name="year_dated")
def year_dated_page(browser, tmp_path_factory):
    """A small fixture with one event dated only to the year (tests/data/year-dated.yaml): the 2025 record has none
    any more (its proposed Putin–Zelenskyy meeting is dated to its two weeks, 18 Aug to 1 Sep 2025)."""
    from timeline.dataset import load
    from timeline.html import write_page

    page = tmp_path_factory.mktemp("year-dated") / "index.html"
    write_page(load(Path(__file__).parent / "data" / "year-dated.yaml"), page)
    return browser.open(page, **DESKTOP, graph=False, keep=True)


def test_an_event_dated_to_the_year_is_listed_under_its_own_heading_not_in_a_month(year_dated):
    heading = year_dated.evaluate("""(() => {
        const row = document.querySelector('#event-list [data-event="leaders-meeting-proposed"]').parentNode;
        let at = row.previousElementSibling;
        while (!at.classList.contains('month')) at = at.previousElementSibling;
        return at.textContent; })()""")
    assert heading == "2025: no closer date recorded"
    # and the methods box counts it as dated only to a month or more (the only one of the fixture's four events)
    counted = year_dated.locator("#about-facts dd").all_text_contents()[-1]
    assert counted.startswith("4 events (1 dated only to a month or more);")


def test_the_methods_box_gives_what_the_record_is_its_date_and_its_counts(desk, record):
    facts = dict(zip(desk.locator("#about-facts dt").all_text_contents(), desk.locator("#about-facts dd").all_text_contents()))
    assert list(facts) == ["What it is", "How it is made", "Data as of", "Counts"]
    assert facts["Data as of"] == "the latest event recorded, 29 Dec 2025"
    events = events_of(record)
    single = sum(len(e.sources) == 1 for e in events)
    cited = {s for e in events for s in e.sources}
    # no event of the 2025 record is dated only to a month or more (its proposed Putin–Zelenskyy meeting, once dated
    # to the year, is now 18 Aug to 1 Sep 2025), so the count says nothing of vague dates (the year-dated fixture does)
    assert facts["Counts"].startswith(f"{len(events)} events; ") and "dated only to" not in facts["Counts"]
    assert f"{len(cited)} sources cited" in facts["Counts"] and f"{single} events resting on one source only" in facts["Counts"]


def test_one_count_of_actors_each_labelled(desk, record):
    named = len({a for e in events_of(record) for a in e.actors()})
    assert desk.locator("#actor-list-count").text_content() == f"({named})"
    summary = desk.locator("#graph-summary").text_content()
    assert f"of the {named} actors named in the events in view" in summary and f"names all {named}." in summary
    # the header says what the actors the events do not name are, from the data (judged round 11: 81 against 67, unsaid)
    stated = {a for p in record.positions for a in (p.actor, *p.claimed_by)} | \
        {a for plan in record.plans.values() for v in plan.versions for a in (*v.drafted_by, *(r.actor for r in v.responses))}
    chains = [record.affiliation_chain(a) for a in record.actors]
    grouped = {a for chain in chains if len(chain) > 1 for a in chain}
    others = [a for a in record.actors if a not in {a for e in events_of(record) for a in e.actors()}]
    positions = sum(a in stated for a in others)
    members = sum(a not in stated and a in grouped for a in others)
    assert len(others) == len(record.actors) - named > 0 and positions and members   # the seed has each kind
    rest = f", {len(others) - positions - members} only listed" if len(others) > positions + members else ""
    assert f"{len(record.actors)} actors in the record ({named} named in events; the other {len(others)}: " \
           f"{positions} only in positions or plans, {members} only as a member or group of others{rest})" \
        in desk.locator("#about-facts").text_content()
    kinds = "only in positions, as members or listed" if rest else "only in positions or as members"
    assert f" · {len(record.actors)} actors ({named} named in events; {len(others)} {kinds}) · " \
        in desk.locator("#page-facts").text_content()


def test_a_pairs_panel_lists_every_event_the_ranking_counts(desk):
    first = desk.locator("#pair-ranking button").first
    counted = int(first.locator(".n").text_content().split()[0])
    first.click()
    shown = desk.evaluate("window.timelinePage.pairShown")
    assert shown["shown"] == counted and shown["relations"] >= 2
    listed = set(desk.locator("#detail-body ul.related button").all_text_contents())
    assert len(listed) == counted
    desk.keyboard.press("Escape")


def test_search_finds_places(desk, record):
    found = [e for e in events_of(record) if "alaska" in " ".join([e.title or "", e.location or ""]).lower()]
    assert len(found) >= 3
    desk.fill("#search", "Alaska")
    wait(desk, "window.timelinePage.state.q === 'Alaska'")
    assert counts(desk)["events"] == len(found)
    desk.fill("#search", "")
    wait(desk, "window.timelinePage.state.q === ''")


def test_the_main_actors_of_the_desktop_graph_are_labelled(desk):
    desk.locator("#graph").scroll_into_view_if_needed()
    idle(desk)   # the labels placed again after the last test's filter (120 ms after it) read as they stay
    main, labelled, shown = desk.evaluate("""(() => { const cy = window.timelinePage.debug().cy, nodes = cy.nodes(':visible');
        return [nodes.sort((a, b) => b.data('z')-a.data('z')).slice(0, 8).map(n => [n.data('label'), !n.hasClass('unlabelled')]),
                nodes.filter(n => !n.hasClass('unlabelled')).length, window.timelinePage.labels.shown]; })()""")
    assert [name for name, on in main if not on] == [], main   # round 7: Donald Trump had no room at 1366 px
    # the labels drawn are those placed (round 7: after a search was cleared, every node of the graph was labelled)
    assert "Donald Trump" in dict(main) and labelled == shown >= 8


def test_a_cancelled_event_reads_cancelled_whole_faded_not_hatched_nor_struck_through(browser, tmp_path):
    """On a small fixture: the 2025 record's cancelled summit is now a point too narrow for its label."""
    from timeline.dataset import load
    from timeline.html import write_page

    write_page(load(Path(__file__).parent / "data" / "cancelled-summit.yaml"), tmp_path / "index.html")
    page = browser.open(tmp_path / "index.html", **DESKTOP, graph=False)
    item = page.locator("#timeline .vis-item", has_text="announced then shelved").first
    label, mark = item.locator(".lab"), item.locator(".mark")
    # whole, on lines beside or inside its bar: never cut short (judged round 9: "Cancelled: A second Trump–Puti…")
    assert label.text_content() == "Cancelled: A second summit, announced then shelved"
    assert label.evaluate("node => node.scrollWidth <= node.clientWidth + 1 && node.scrollHeight <= node.clientHeight + 1")
    assert "line-through" not in label.evaluate("node => getComputedStyle(node).textDecorationLine")
    # faded, as the image draws it: its type's fill at a lower opacity, no stripes
    assert mark.evaluate("node => [getComputedStyle(node).backgroundImage, Number(getComputedStyle(node).opacity) < 1]") \
        == ["none", True]


def test_the_positions_view_speaks_the_scales_words(desk):
    text = desk.locator("#positions").text_content()
    assert "For or against" not in text
    assert "Proposition: Ukraine cedes territory to Russia" in text
    # the scale's ends said once, in the key, not under every issue (judged round 12)
    assert text.count("(stances from") == 0
    assert desk.locator("#stance-legend").text_content().count("runs from “Demands” to “Red line”") == 1


def swipe(page, cdp, x: float, y0: float, y1: float, x1: float | None = None) -> None:
    """One finger from (x, y0) to (x1, y1), in 12 moves, as Chromium's touch input, each handled in a frame of its own;
    returns once the page is still."""
    x1 = x if x1 is None else x1
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y0, "id": 1}]})
    for step in range(1, 13):
        point = {"x": x + (x1 - x) * step / 12, "y": y0 + (y1 - y0) * step / 12, "id": 1}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        frames(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    idle(page)


@pytest.fixture(scope="module", name="phone")
def phone_page(browser, record_page):
    """A phone with a touch screen: its page and its CDP session."""
    context = browser.chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(record_page.as_uri())
    wait(page, "window.timelinePage && window.timelinePage.ready")
    yield page, context.new_cdp_session(page)
    context.close()


def test_a_vertical_swipe_on_the_phone_timeline_scrolls_the_page_and_a_horizontal_one_pans(phone):
    page, cdp = phone
    page.evaluate("scrollTo(0, document.getElementById('timeline').getBoundingClientRect().top + scrollY - 200)")
    window = "window.timelinePage.debug().timeline.getWindow().start.valueOf()"
    before, shown = page.evaluate("scrollY"), page.evaluate(window)
    swipe(page, cdp, 200, 650, 150)
    # a trapped swipe scrolls 0 px (how far a free one goes varies with the machine's load: 58-400 px seen)
    assert page.evaluate("scrollY") - before > 0 and page.evaluate(window) == shown
    page.evaluate("scrollTo(0, document.getElementById('timeline').getBoundingClientRect().top + scrollY - 200)")
    page.evaluate("""(() => { const t = window.timelinePage.debug().timeline, w = t.getWindow(), d = w.end - w.start;
        t.setWindow(w.start.valueOf() + 0.4 * d, w.end.valueOf() - 0.4 * d, {animation: false}); })()""")
    start = page.evaluate("window.timelinePage.debug().timeline.getWindow().start.valueOf()")
    swipe(page, cdp, 300, 400, 400, x1=100)   # after a vertical swipe: the pan is not stuck
    assert page.evaluate("window.timelinePage.debug().timeline.getWindow().start.valueOf()") > start


def test_the_lane_names_stay_in_view_while_their_lane_scrolls_by(phone):
    page, _ = phone
    page.evaluate("""(() => { const lanes = [...document.querySelectorAll('#timeline .vis-labelset .vis-label')];
        const tall = lanes.sort((a, b) => b.offsetHeight - a.offsetHeight)[0];
        tall.dataset.tall = '1';
        scrollTo(0, tall.getBoundingClientRect().top + scrollY + tall.offsetHeight / 2 - 300); })()""")
    idle(page)
    lane = page.locator("#timeline .vis-label[data-tall] .vis-inner").bounding_box()
    nav = page.locator("#views-nav").bounding_box()
    assert lane["height"] > 0 and nav["y"] + nav["height"] <= lane["y"] < PHONE["height"] / 2


def test_phone_sources_keep_their_domain(phone, record):
    page, _ = phone
    event = next(e for e in events_of(record) if len(e.sources) >= 2)
    page.goto(page.url.split("#")[0] + "#view=list")
    page.reload()
    wait(page, "window.timelinePage && window.timelinePage.ready && document.body.dataset.view === 'list'")
    row = page.locator(f'#event-list button[data-event="{event.id}"]')
    row.scroll_into_view_if_needed()
    row.click()
    hosts = page.locator("#detail .source .host")
    wait(page, "document.querySelector('#detail .source .host') !== null")
    url = record.sources[event.sources[0]].url
    assert hosts.first.is_visible()
    assert hosts.first.text_content().strip() == re.sub(r"^www\.", "", urlparse(url).hostname)


def test_a_long_list_draws_the_rows_near_the_screen_and_reaches_the_last(browser, tmp_path_factory):
    """2,500 events: the list draws a screenful of rows (not "the first 400"), scrolling draws the rest down to the last;
    the graph draws the 150 most active actors with "Show all", which shows the library's graph."""
    from conftest import bench_generate
    from test_html_browser import library, shown

    from timeline.dataset import load
    from timeline.html import write_page

    folder = tmp_path_factory.mktemp("long")
    bench_generate().generate(2500, folder / "data", seed=3)
    dataset = load(folder / "data")
    write_page(dataset, folder / "index.html")
    page = browser.open(folder / "index.html", "level=person", **DESKTOP)
    assert page.locator("#event-list").evaluate("list => list.classList.contains('windowed')")
    assert 0 < page.locator("#event-list > li").count() < 120
    assert page.locator("#event-list-more").text_content() == ""
    page.evaluate("(() => { const list = document.getElementById('event-list');"
                  " scrollTo(0, list.getBoundingClientRect().bottom + scrollY - innerHeight); })()")
    data = page_data(dataset)["events"]   # the list's order: by start, the vaguer date first, then the record's order
    last = sorted(range(len(data)), key=lambda i: (data[i]["s"], -(data[i]["e"] - data[i]["s"]), i))[-1]
    wait(page, f"document.querySelector('#event-list [data-event=\"{data[last]['id']}\"]') !== null")
    assert 0 < page.locator("#event-list > li").count() < 120
    # the rows off the screen are not in the page: the whole list as one table of text, for find and screen readers
    table = page.locator("#event-table-box")
    assert table.is_visible() and page.locator("#event-table tbody tr").count() == 0   # drawn when opened
    table.locator("summary").click()   # the table is drawn on the details' toggle event, a task after the click
    wait(page, f"document.querySelectorAll('#event-table tbody tr').length === {len(data)}")
    first = min(range(len(data)), key=lambda i: (data[i]["s"], -(data[i]["e"] - data[i]["s"]), i))
    assert page.locator("#event-table tbody tr").first.locator("th").text_content().endswith(data[first]["ti"])
    assert page.locator("#event-table caption").text_content() == f"The {len(data):,} events in view, by date"
    table.locator("summary").click()
    wait(page, "document.querySelectorAll('#event-table tbody tr').length === 0")
    named = len({a for e in EventFilter().apply(dataset) for a in e.actors()})
    assert named > 150 and counts(page)["nodes"] == 150
    button = page.locator("#graph-all")
    assert button.text_content() == f"Show all {library(dataset)['nodes']} actors of the graph"
    button.click()
    assert shown(page) == library(dataset)

