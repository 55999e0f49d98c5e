"""The timeline chart as the round-9 review asked, measured on the drawn artists: a cancelled span faded as the key
says, a ring round a span's end tinted, tags inside their own mark's lane, a label that reads leftward with nothing
before it, one order of the parties' lanes in every chart of the talks, and the lanes by side read once per
event."""
from __future__ import annotations

import pytest
from judged_charts import COLUMN, PAGE, SLIDE, chart, dataset, drawn, load_judged
from matplotlib.colors import to_rgb, to_rgba

from timeline.render import style
from timeline.render.keyed import FAR_LEFT
from timeline.render.lanes import acting_sides, plan_lanes
from timeline.render.legend import SPAN_LINE
from timeline.render.marks import SPAN_RING_TINT
from timeline.render.tags import event_of, is_joined, lane_edges, marks_by_event, tags_of, text_extent

CHARTS = {"seed-page": ("seed", PAGE), "seed-column": ("seed", COLUMN), "seed-slide": ("seed", SLIDE),
          "chronology": ("chronology", None)}

loaded = pytest.fixture(scope="module", name="loaded")(load_judged)


@pytest.fixture(scope="module")
def charts(loaded):
    return drawn(loaded, CHARTS)


def test_a_cancelled_span_is_faded_as_the_keys_cancelled_mark():
    """The cancelled Budapest summit's span was drawn at 0.6 opacity beside held spans' 0.8: it read as held. A
    cancelled span is drawn at the key's faded opacity times a span's (0.45 × 0.8), a held one at a span's (the
    summit is now dated at its planned day: tests/charts/spans.yaml keeps a cancelled span)."""
    figure = chart("spans")
    status = {e.id: e.status for e in dataset("spans").events}
    spans = {line.get_gid(): line.get_alpha() for line in figure.axes[0].lines
             if (line.get_gid() or "").startswith("caps:")}
    cancelled = {gid: alpha for gid, alpha in spans.items() if status[event_of(gid)] == "cancelled"}
    assert list(cancelled) == ["caps:summit"]
    assert all(a == pytest.approx(style.status_look("cancelled").alpha * SPAN_LINE["alpha"])
               for a in cancelled.values())
    held = {gid: alpha for gid, alpha in spans.items() if status[event_of(gid)] == "occurred"}
    assert sorted(held) == ["caps:contacts", "caps:truce"] and set(held.values()) == {SPAN_LINE["alpha"]}


@pytest.mark.parametrize("name", CHARTS)
def test_no_tag_lies_across_a_lane_edge_from_its_mark(charts, name):
    """In the column, '×2' at the top of a lane sat on its edge, up and right of its mark, and read as the lane
    above's: every number, '×n' and '?' not joined by a leader lies wholly within its own mark's lane."""
    figure = charts[name]
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    edges = lane_edges(ax)
    assert len(edges) >= 3
    for tag in tags_of(ax):
        if is_joined(tag):
            continue
        box = text_extent(tag, renderer)
        mark_y = ax.transData.transform(tag.xy)[1]
        low, high = min(mark_y, box.y0), max(mark_y, box.y1)
        assert not [y for y in edges if low < y < high], (name, tag.get_gid(), tag.get_text())


@pytest.mark.parametrize("name", ["seed-page", "seed-slide", "chronology"])
def test_a_label_reading_leftward_to_its_mark_has_no_other_mark_before_it(charts, name):
    """On the slide, 'Zelenskyy and US envoys negotiate in Berlin' ended at its mark and began half an inch after
    the Geneva triangles, so it was read as theirs: a label beside its mark that reads leftward (it ends at the
    mark, so a reader starts at its far end) has no other event's mark within :data:`FAR_LEFT` pixels (at 100 dpi)
    before its first word, on its lines."""
    figure = charts[name]
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    marks = marks_by_event(ax, renderer)
    reach = FAR_LEFT * figure.dpi / 100
    beside = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")
              and not any(line.get_gid() == "leader:" + event_of(t.get_gid()) for line in ax.lines)]
    leftward = [(t, text_extent(t, renderer)) for t in beside
                if text_extent(t, renderer).x1 <= min(m.x0 for k, m in marks if k == event_of(t.get_gid()))]
    assert leftward or name == "chronology"
    for label, box in leftward:
        own = event_of(label.get_gid())
        before = [key for key, mark in marks if key != own and mark.x1 > box.x0 - reach and mark.x0 < box.x0
                  and mark.y1 > box.y0 and mark.y0 < box.y1]
        assert not before, (name, label.get_text(), before)


@pytest.mark.parametrize("name", ["seed-page", "chronology"])
def test_the_parties_lanes_keep_one_order_in_every_chart_of_the_talks(charts, name):
    """The chronology put Ukraine's lane above Russia's, the 2025 charts below: by side, the parties (acting in a
    tenth of the events or more) come first after the talks between sides, in the order of their names."""
    assert charts[name].timeline.lanes[:4] == ("Between sides", "Russia", "Ukraine", "US")


def test_the_lanes_by_side_read_each_actors_side_from_one_table(loaded):
    """``plan_lanes`` reads every actor's side once (``nodes_at('state')``) and each event's sides once: the
    sides it finds are those :meth:`Dataset.side` gives actor by actor, and the lanes are those of the seed."""
    dataset = loaded["seed"]
    table = dataset.nodes_at("state")
    assert all(acting_sides(dataset, e, table) == acting_sides(dataset, e) for e in dataset.events)
    plan = plan_lanes(dataset, dataset.events, "side")
    assert plan.names == ("Between sides", "Russia", "Ukraine", "US", "Others")   # two sides, too wide a name
    between = [e.id for e, lanes in zip(dataset.events, plan.lanes_of) if lanes == (0,)]
    assert "alaska-summit-2025-08-15" in between and len(between) == sum(
        len(acting_sides(dataset, e)) > 1 for e in dataset.events)


def test_a_ring_round_a_spans_end_is_tinted_not_empty(charts):
    """The disputed 30-day energy truce, a span, had its ring round nothing at its end: an empty circle, which the
    key calls planned (hollow). The ring round a span's end is tinted in the span's colour; a point's ring stays
    open round its marker."""
    ax = charts["chronology"].axes[0]
    lines = {line.get_gid(): line for line in ax.lines}
    span, ring = lines["energy-truce"], lines["ring:energy-truce"]
    assert to_rgba(ring.get_markerfacecolor()) == (*to_rgb(span.get_color()), SPAN_RING_TINT)
    assert lines["ring:claimed-town"].get_markerfacecolor() == "none"
