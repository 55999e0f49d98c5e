"""The timeline chart's date axis at every range, the battlefield band, times and months, lanes of other kinds,
dense and counted charts."""
from __future__ import annotations

import random
from datetime import datetime

import judged_charts
import matplotlib.dates as mdates
import pytest
from timeline_figure import (
    assert_labels_clear,
    axes,
    bars,
    by_gid,
    footer,
    labels,
    markers,
    marks,
    meeting,
    record,
    subtitle,
    tick_labels,
)

from timeline.dataset import load
from timeline.dates import parse_edtf
from timeline.model import EVENT_TYPES, Actor, Dataset, Event, Source
from timeline.render.timeline import (
    AGGREGATE_ABOVE,
    bins,
    draw_timeline,
    render_timeline,
)


@pytest.fixture(scope="module")
def chronology():
    return judged_charts.dataset("chronology")


# --- the axis at every range -------------------------------------------------------------

def test_a_one_day_record_gets_a_day_axis():
    figure = draw_timeline(record(meeting("a", "2025-06-01")))
    assert subtitle(figure) == "1 event, 1 Jun 2025, by side"
    assert "Sun 1 Jun" in " ".join(tick_labels(axes(figure), minor=True))
    lo, hi = figure.timeline.xlim
    assert lo < datetime(2025, 6, 1) and hi > datetime(2025, 6, 2)


def test_the_period_caption_reads_the_data_not_the_padded_limits(chronology):
    """`--since 2025` on a 2022–2025 chronology reads '2025', never the axis' padded '2024–2026'."""
    from timeline.filters import EventFilter

    events = EventFilter(since="2025").apply(chronology)
    figure = draw_timeline(chronology, events)
    assert len(events) == 23 and subtitle(figure) == "23 events in 2025, by side"


def test_a_year_ticks_every_month_and_open_ends_do_not_stretch_it():
    events = [meeting(f"m{m}", f"2025-{m:02d}-10") for m in range(2, 13)]
    events.append(Event("open", "demand", parse_edtf("2025-10/.."), source=("ua",), target=("ru",)))
    for width, names, labelled in ((11, ["Feb\n2025", "Mar", "Apr"], 11), (6, ["Feb\n2025", "Mar", "Apr"], 11),
                                   (3.5, ["Apr\n2025", "Jul", "Oct"], 3)):
        figure = draw_timeline(record(*events), size=(width, None))
        ticks = tick_labels(axes(figure))
        assert ticks[:3] == names and len(ticks) >= labelled
        assert all(len(t.split("\n")[0]) >= 3 for t in ticks)      # never a bare initial (J F M)
        assert len(axes(figure).xaxis.get_minorticklocs()) + len(ticks) >= 11   # a tick for every month
        assert figure.timeline.xlim[1] < datetime(2026, 1, 1)
        assert " in 2025, by side" in subtitle(figure)


def test_three_years_tell_months_apart_and_compress_the_empty_stretch():
    figure = judged_charts.chart("chronology")
    ax = axes(figure)
    assert tick_labels(ax)[:5] == ["Jan\n2022", "Apr", "Jul", "Oct", "Jan\n2023"]   # quarters named...
    assert len(ax.get_xticks(minor=True)) + len(ax.get_xticks()) >= 30         # ...and a tick for every month
    breaks = by_gid(figure, "break:")
    assert len(breaks) == 1
    start = datetime.strptime(next(iter(breaks)), "%Y-%m-%d")
    assert datetime(2023, 7, 17) < start < datetime(2024, 1, 1)
    assert "Sep 2023 – Jan 2025, is shortened: this record has no event there." in footer(figure)
    share = (ax.transData.transform((mdates.date2num(datetime(2025, 1, 1)), 0))[0]
             - ax.transData.transform((mdates.date2num(datetime(2024, 1, 1)), 0))[0]) / ax.bbox.width
    assert share < 0.05                                     # an empty year takes a sliver of the width
    assert subtitle(figure).startswith("42 events, 2022–2025")


def test_spans_read_as_spans_at_every_scale():
    figure = judged_charts.chart("chronology", judged_charts.COLUMN)
    for event_id in ("plan-drafted", "talks-stall", "memoranda"):   # weeks, months
        assert event_id in bars(figure) and event_id not in markers(figure), event_id
    assert "alaska" in markers(figure)                               # a day on a chart of years is a point
    assert_labels_clear(figure)


def test_a_span_of_a_year_on_a_chart_of_years_is_listed_not_drawn():
    """'Talks break down' (2022) drawn as a bar over all of 2022 outweighed every event of that year: a span
    wider than a fifth of the axis (and than 90 days) is named in a note instead."""
    figure = judged_charts.chart("chronology", judged_charts.PAGE)        # shared with the publish tests
    assert "talks-break-down" not in bars(figure) and "talks-break-down" not in markers(figure)
    assert [e.id for e in figure.timeline.coarse] == ["talks-break-down"]
    assert "Not drawn, dated too vaguely for this axis: Talks break down (some time in 2022)." in footer(figure)
    assert "plan-drafted" in bars(figure)                            # 25 days on a chart of four years: a bar


@pytest.mark.parametrize("dates", [("9999-12-31/..", "2025-06-01"), ("../9999-12-31",), ("0001-01-01", "2025-01-01"),
                                   ("0001-01-01", "9999-12-31")])
def test_dates_at_the_ends_of_the_calendar_are_drawn(tmp_path, dates):
    events = [meeting(f"e{i}", d) for i, d in enumerate(dates)]
    data = record(*events)
    drawing = render_timeline(data, tmp_path / "t.png", dpi=30)
    assert len(drawing.lanes_of) == len(events)
    render_timeline(data, tmp_path / "c.png", dpi=30, aggregate=True)
    from timeline.render.graph import render_graph

    render_graph(data, tmp_path / "g.png", dpi=30)


def test_a_huge_name_is_cut_before_it_is_measured():
    import time

    giant = Actor("ru", "R" * 10_000_000, "state")
    start = time.process_time()
    figure = draw_timeline(record(meeting("a", "2025-06-01"), actors=(giant, Actor("ua", "Ukraine", "state"))),
                           lanes="actor")
    assert time.process_time() - start < 20
    assert all(len(name) < 200 for name in figure.timeline.lanes)


# --- the battlefield band ---------------------------------------------------------------------

def test_the_use_of_force_is_counted_in_a_band_beneath_the_talks():
    strikes = [Event(f"s{i}", "military_action", parse_edtf(f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}"),
                     source=("ru",) if i % 3 else ("ua",), target=("ua",) if i % 3 else ("ru",)) for i in range(30)]
    talks = [meeting(f"m{m}", f"2025-{m:02d}-15") for m in range(1, 13)]
    data = record(*sorted(talks + strikes, key=lambda e: e.date.sort_key()))
    figure = draw_timeline(data)
    drawing = figure.timeline
    assert len(drawing.band) == 30 and set(drawing.lanes_of) == {e.id for e in talks}
    band = figure.axes[1]
    bars_by_side = {p.get_gid(): p for p in band.patches if (p.get_gid() or "").startswith("band:")}
    assert set(bars_by_side) == {"band:ru", "band:ua"}
    assert band.get_position().y1 < axes(figure).get_position().y0      # beneath the lanes, not over them
    assert "the use of force (30) counted beneath" in subtitle(figure)
    plain = draw_timeline(data, battlefield=False)
    assert len(plain.axes) == 1 and len(plain.timeline.lanes_of) == 42
    few = record(*talks, strikes[0])
    assert len(draw_timeline(few).axes) == 1 and len(draw_timeline(few, battlefield=True).axes) == 2


# --- other data --------------------------------------------------------------------------

def test_times_and_months_are_drawn_as_what_they_are(write_yaml):
    dataset = load(write_yaml("""
        actors:
          - {id: ru, name: Russia, kind: state}
          - {id: ua, name: Ukraine, kind: state}
        events:
          - {id: night-talks, type: meeting, date: "2025-06-02T21:00+03:00/2025-06-03T01:30+03:00",
             participants: [ru, ua]}
          - {id: november-plan, type: proposal, date: "2025-11", source: [ua], target: [ru]}
          - {id: early-call, type: call, date: "2025-06-03T08:00+03:00~", participants: [ua, ru],
             status: cancelled}
    """))
    night = draw_timeline(dataset, [e for e in dataset.events if e.id != "november-plan"])
    assert subtitle(night) == "2 events, 2–3 Jun 2025, by side"
    assert by_gid(night, "zone")[""].get_text() == "Times UTC+03:00"
    assert tick_labels(axes(night))[:3] == ["22:00", "03 Jun", "02:00"]
    bar = bars(night)["night-talks"]
    assert mdates.num2date(bar.get_xdata()[0]).strftime("%H:%M") == "21:00"
    assert by_gid(night, "qualifier:")["early-call"].get_text() == "~"
    assert labels(night)["early-call"].get_text().startswith("Cancelled: ")           # said, not struck through
    assert markers(night)["early-call"].get_alpha() < 1
    month = draw_timeline(dataset)
    bar = bars(month)["november-plan"]
    start, end = (mdates.num2date(x).replace(tzinfo=None) for x in bar.get_xdata())
    assert (start, end) == (datetime(2025, 11, 1), datetime(2025, 12, 1))
    assert "november-plan" not in markers(month)                     # no point where there is none


@pytest.mark.parametrize(("lanes", "names"), [
    ("actor", ("Russia", "Ukraine")),
    ("type", ("Meeting", "Visit")),
    ("none", ("",)),
])
def test_lanes_by_actor_type_or_none(seed, lanes, names):
    figure = draw_timeline(seed, lanes=lanes)
    assert figure.timeline.lanes[:len(names)] == names
    assert {key.partition("@")[0] for key in marks(figure)} == {e.id for e in seed.events}
    assert_labels_clear(figure)


def synthetic(count: int, seed: int = 1) -> Dataset:
    """A dense record: ``count`` events over a year among 12 sides, with every kind of date."""
    rng = random.Random(seed)
    actors = {f"s{i}": Actor(f"s{i}", f"State {i}", "state") for i in range(12)}
    actors |= {f"p{i}": Actor(f"p{i}", f"Person {i}", "person", affiliation=f"s{i % 12}") for i in range(40)}
    forms = ["2025-{m:02d}-{d:02d}", "2025-{m:02d}", "../2025-{m:02d}-{d:02d}", "2025-{m:02d}-{d:02d}?",
             "2025-{m:02d}-{d:02d}T{h:02d}:00+03:00"]
    events = []
    for n in range(count):
        text = rng.choice(forms).format(m=rng.randint(1, 12), d=rng.randint(1, 28), h=rng.randint(0, 23))
        kind = rng.choice(list(EVENT_TYPES)[:16])  # the types of 0.1: the figures below were taken with them
        who = tuple(rng.sample(sorted(actors), 2))
        roles = {"participants": who} if EVENT_TYPES[kind].symmetric else {"source": who[:1], "target": who[1:]}
        events.append(Event(f"e{n}", kind, parse_edtf(text), status=rng.choice(["occurred"] * 6 + ["planned"]),
                            summary=f"Event number {n} of the synthetic record.", sources=(f"r{n % 30}",), **roles))
    events.sort(key=lambda e: e.date.sort_key())
    sources = {f"r{i}": Source(f"r{i}", publisher=f"Paper {i % 7}") for i in range(30)}
    return Dataset(actors, events, sources, title="Synthetic")


def test_a_dense_chart_thins_its_labels_and_says_so():
    dataset = synthetic(200)
    figure = draw_timeline(dataset)
    drawing = figure.timeline
    assert len(marks(figure)) == 200
    assert drawing.lanes[0] == "Between sides" and len(drawing.lanes) <= 11
    assert 0 < drawing.omitted < 200 and len(labels(figure)) == 200 - drawing.omitted
    assert f"{200 - drawing.omitted} of the 200 events drawn are labelled, the most important first: agreements" \
        in footer(figure).replace("\n", " ")
    assert figure.get_figheight() <= 16
    assert "Sources: 30 reports: Paper 1 (5), Paper 0 (5), Paper 5 (4)" in footer(figure)   # most first
    assert not by_gid(figure, "link:")
    assert_labels_clear(figure)


def test_a_fixed_size_is_kept_and_labels_stay_clear():
    figure = draw_timeline(synthetic(120, seed=2), size=(8, 5))
    assert (figure.get_figwidth(), figure.get_figheight()) == (8, 5)
    stacked = [int(t.get_text().rpartition("×")[2]) for t in by_gid(figure, "qualifier:").values()
               if "×" in t.get_text()]
    assert len(marks(figure)) + sum(n - 1 for n in stacked) == 120 == len(figure.timeline.lanes_of)
    assert_labels_clear(figure)


def test_many_events_are_counted_per_lane_and_period():
    dataset = synthetic(AGGREGATE_ABOVE + 100)
    figure = draw_timeline(dataset, battlefield=False)
    drawing = figure.timeline
    assert drawing.period == "week" and not marks(figure)
    assert "counted per week" in subtitle(figure)
    stacks = by_gid(figure, "counts:")
    assert {key.partition(":")[0] for key in stacks} <= set(drawing.lanes)
    heights = sum((s.get_data().baseline - s.get_data().values).sum() for s in stacks.values())
    tallest = 4.0 * (AGGREGATE_ABOVE + 100) / heights          # each event counted once, 4 rows the tallest bar
    said = footer(figure).split("the tallest holds ")[1].split(" events")[0]
    # counts are whole: an event spread over weeks makes fractions, which the note rounds and says so
    assert said == (f"{tallest:,.0f}" if tallest == pytest.approx(round(tallest)) else f"about {round(tallest):,}")


def test_bins_follow_the_calendar():
    period, edges = bins((mdates.date2num(datetime(2021, 1, 10)), mdates.date2num(datetime(2025, 6, 1))))
    assert period == "month"
    assert mdates.num2date(edges[0]).replace(tzinfo=None) == datetime(2021, 1, 1)
    assert mdates.num2date(edges[1]).replace(tzinfo=None) == datetime(2021, 2, 1)
