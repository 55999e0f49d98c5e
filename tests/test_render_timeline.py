"""The timeline chart: what the figure draws, read back from its artists, and the files it writes."""
from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import judged_charts
import matplotlib.dates as mdates
import pytest
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.transforms import Bbox

from timeline.dataset import load
from timeline.dates import parse_edtf
from timeline.errors import NothingToShow
from timeline.model import EVENT_TYPES, STATUSES, Actor, Dataset, Event, Source
from timeline.palette import FAMILIES
from timeline.render import style
from timeline.render.labels import event_titles
from timeline.render.legend import status_label
from timeline.render.timeline import (
    AGGREGATE_ABOVE,
    ChartError,
    bins,
    draw_timeline,
    render_timeline,
)

# --- reading a figure back ---------------------------------------------------------


def axes(figure):
    return figure.axes[0]


def _own(figure) -> dict[str, Line2D]:
    ids = {e.id for e in figure.timeline.events}
    return {line.get_gid(): line for line in axes(figure).lines if (line.get_gid() or "").partition("@")[0] in ids}


def markers(figure) -> dict[str, Line2D]:
    """The point marker of each event drawn as a point, by event id."""
    return {i: line for i, line in _own(figure).items() if len(line.get_xdata()) == 1}


def bars(figure) -> dict[str, Line2D]:
    """The capped line of each event drawn as a span, by event id (and '@1'... for its copies in further
    lanes): two points, no marker."""
    return {i: line for i, line in _own(figure).items() if len(line.get_xdata()) == 2}


def marks(figure) -> dict[str, object]:
    return markers(figure) | bars(figure)


def tick_labels(ax, minor: bool = False) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels(minor=minor) if t.get_text()]


def labels(figure) -> dict[str, object]:
    return {t.get_gid().removeprefix("label:"): t for t in axes(figure).texts
            if (t.get_gid() or "").startswith("label:")}


def by_gid(figure, prefix: str) -> dict[str, object]:
    ax = axes(figure)
    artists = [*ax.lines, *ax.patches, *ax.collections, *ax.texts]
    return {a.get_gid().removeprefix(prefix): a for a in artists if (a.get_gid() or "").startswith(prefix)}


def marker_box(figure, mark) -> Bbox:
    """The mark's extent on the canvas, in pixels: a marker's square, or a span's line with its caps."""
    points = axes(figure).transData.transform(list(zip(mark.get_xdata(), mark.get_ydata())))
    r = max(mark.get_markersize(), 7.0) * figure.dpi / 72 / 2
    return Bbox.from_extents(points[:, 0].min() - r, points[:, 1].min() - r, points[:, 0].max() + r,
                             points[:, 1].max() + r)


def overlaps(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def footer(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "footer")


def subtitle(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "subtitle")


def assert_labels_clear(figure) -> None:
    """No label overlaps another label or another event's mark, and its own mark only if it lies inside its bar
    (measured with the Agg renderer)."""
    renderer = figure.canvas.get_renderer()
    texts = {i: t.get_window_extent(renderer) for i, t in labels(figure).items()}
    boxes = {i: marker_box(figure, mark) for i, mark in marks(figure).items()}
    ordered = sorted(texts.items())
    for n, (i, box) in enumerate(ordered):
        assert not [j for j, other in ordered[n + 1:] if overlaps(box, other)], f"label {i} overlaps labels"
        assert not [j for j, mark in boxes.items() if j != i and overlaps(box, mark)], f"label {i} covers a mark"
        own = boxes[i]
        inside = own.x0 <= box.x0 and box.x1 <= own.x1
        assert inside or not overlaps(box, own), f"label {i} covers part of its own mark"


@pytest.fixture(scope="module")
def chart(seed):
    return draw_timeline(seed)


@pytest.fixture(scope="module")
def chronology():
    return load(Path(__file__).parent / "charts" / "chronology.yaml")


def record(*events: Event, actors: tuple[Actor, ...] = ()) -> Dataset:
    people = actors or (Actor("ru", "Russia", "state"), Actor("ua", "Ukraine", "state"))
    return Dataset({a.id: a for a in people}, list(events), title="Test")


def meeting(event_id: str, date: str, **roles) -> Event:
    return Event(event_id, "meeting", parse_edtf(date), **({"participants": ("ru", "ua")} | roles))


# --- the seed chart ------------------------------------------------------------------

def test_each_event_is_drawn_once_as_what_its_date_is(chart, seed):
    drawn = marks(chart)
    assert sorted(drawn) == sorted(e.id for e in seed.events)
    talks = drawn["moscow-talks"]          # a day, on an axis of two days: a marker mid-day (a bar over the whole
    assert "moscow-talks" in markers(chart) and "moscow-talks" not in bars(chart)    # day read as lasting all day)
    assert to_rgb(talks.get_color()) == pytest.approx(to_rgb(style.EVENT_MARKS["meeting"].color))
    assert mdates.num2date(talks.get_xdata()[0]).replace(tzinfo=None) == datetime(2025, 12, 2, 12)
    assert "caps:moscow-talks" not in {line.get_gid() for line in axes(chart).lines}
    assert "ushakov-statement-after-talks" in bars(chart)                # two days: still a span


def test_lanes_are_sides_and_talks_between_sides_have_their_own(chart):
    assert chart.timeline.lanes[:4] == ("Between sides", "Russia", "Ukraine", "US")
    lane_of = chart.timeline.lane_of
    assert lane_of["moscow-talks"] == 0                       # Putin with Witkoff and Kushner: two sides
    assert lane_of["planned-meeting-ukrainian-delegation"] == 0
    assert lane_of["kremlin-rejects-counter-proposal"] == 1   # Russia acts
    assert lane_of["sybiha-response-to-forum-remarks"] == 2


def test_lanes_do_not_depend_on_the_order_of_names_in_the_data(chronology):
    from dataclasses import replace

    flipped = Dataset(chronology.actors, [replace(e, participants=e.participants[::-1], source=e.source[::-1])
                                          for e in chronology.events], chronology.sources, chronology.title)
    for lanes in ("side", "actor"):
        a, b = (draw_timeline(data, lanes=lanes).timeline for data in (chronology, flipped))
        assert a.lanes == b.lanes and a.lanes_of == b.lanes_of
    talks = draw_timeline(chronology).timeline
    putin_witkoff = [e.id for e in chronology.events if set(e.participants) == {"putin", "witkoff"}]
    assert len(putin_witkoff) == 5 and {talks.lane_of[i] for i in putin_witkoff} == {0}


def test_an_actors_lane_holds_every_event_it_takes_part_in(chronology):
    drawing = draw_timeline(chronology, lanes="actor").timeline
    lane = drawing.lanes.index("Vladimir Putin")
    theirs = {e.id for e in chronology.events if "putin" in e.actors()}
    assert {i for i, lanes in drawing.lanes_of.items() if lane in lanes} == theirs
    assert len(theirs) == 9


def test_every_event_is_labelled_or_numbered_without_overlap(chart, seed):
    drawing = chart.timeline
    shown = labels(chart)
    assert sorted(shown) == sorted(drawing.labels)
    # statements of 2 Dec sit in a stack of same-day marks: no leader can reach them without passing another
    # mark, so they are numbered and listed, each with its date as drawn, 1 to n (judged round 10: numbers with
    # more gaps than numbers read as dropped events); round 11's data split the Kremlin's rejection in two
    numbered = {"putin-forum-accusation": 1, "ukraine-denies-pokrovsk": 2}
    assert drawing.numbers == numbered
    assert set(drawing.labels) | set(drawing.numbers) == {e.id for e in seed.events}
    numbers = by_gid(chart, "number:")
    assert {gid: t.get_text() for gid, t in numbers.items()} == {k: str(n) for k, n in numbered.items()}
    assert "Numbered on the chart: 1 Putin accuses Ukraine’s European allies of undermining peace (2 Dec 2025); " \
           "2 Kyiv denies that Pokrovsk has fallen (2 Dec 2025). Sources" in footer(chart).replace("\n", " ")
    assert shown["moscow-talks"].get_text().replace("\n", " ") == "Witkoff and Kushner meet Putin in Moscow"
    assert shown["planned-meeting-ukrainian-delegation"].get_fontstyle() == "italic"
    assert_labels_clear(chart)


def test_the_axis_holds_the_known_dates_and_no_more():
    days = judged_charts.chart("days")                      # tests/charts/days.yaml: '../2025-12-01' to '2025-12-03/..'
    lo, hi = days.timeline.xlim
    # what preceded the talks is dated by 1 Dec, so the axis holds 1 Dec too
    assert datetime(2025, 11, 30, 20) < lo < datetime(2025, 12, 1) and datetime(2025, 12, 4) < hi < datetime(2025, 12, 4, 4)
    assert tick_labels(axes(days), minor=True) == ["Mon 1 Dec 2025", "Tue 2 Dec", "Wed 3 Dec"]
    assert subtitle(days) == "8 events, 1–3 Dec 2025, by side"


def test_open_dates_are_a_marker_at_the_bound_and_a_short_arrow_never_a_span(chart, seed):
    opens = {e.id: e for e in seed.events if "/.." in e.date.text or "../" in e.date.text}
    arrows = by_gid(chart, "open:")
    assert sorted(arrows) == sorted(opens) and all(isinstance(a, FancyArrowPatch) for a in arrows.values())
    assert not set(opens) & set(bars(chart))                    # no span artist for an open date
    renderer = chart.canvas.get_renderer()
    for event_id, event in opens.items():
        bound = markers(chart)[event_id].get_xdata()[0]
        known = event.date.end if "../" in event.date.text else event.date.start
        assert mdates.num2date(bound).date() == known.date() or abs(mdates.date2num(known) - bound) <= 1
        box = arrows[event_id].get_window_extent(renderer)
        assert box.width < 20 / 72 * chart.dpi                  # a short arrow: ~11 points, never a duration
        x = axes(chart).transData.transform((bound, 0))[0]
        assert (box.x1 <= x + 1) if "../" in event.date.text else (box.x0 >= x - 1)   # toward the open side


def test_the_key_explains_open_dates(chart):
    _, cues = ([t.get_text() for t in legend.get_texts()] for legend in chart.legends)
    assert "On or before the date marked (earlier date unknown)" in cues


def test_status_and_uncertainty_are_marked(chart):
    planned = markers(chart)["planned-meeting-ukrainian-delegation"]
    assert planned.get_markerfacecolor() == "white"                                          # hollow
    assert labels(chart)["planned-meeting-ukrainian-delegation"].get_fontstyle() == "italic"
    assert list(by_gid(chart, "ring:")) == ["russia-claims-pokrovsk"]
    assert {i: t.get_text() for i, t in by_gid(chart, "qualifier:").items()} == {"trump-remarks-on-talks": "?"}


def test_every_status_of_the_model_and_those_coming_is_drawn_its_own_way():
    statuses = list(dict.fromkeys([*STATUSES, "proposed", "claimed", "postponed"]))
    looks = {s: style.status_look(s) for s in statuses}
    assert len({look[:5] for look in looks.values()}) == len(statuses)
    events = [Event(f"e{i}", "meeting", parse_edtf(f"2025-0{1 + i}-1{i}"), status=s, participants=("ru", "ua"))
              for i, s in enumerate(statuses)]
    figure = draw_timeline(record(*events))
    cues = [t.get_text() for t in figure.legends[1].get_texts()]
    order = [*STATUSES, *sorted(set(statuses) - set(STATUSES))]          # the model's order, then the rest
    alike = {"planned": ("proposed",), "proposed": ("planned",)}           # drawn alike: one entry, said once
    expected = [status_label(s, False, *alike.get(s, ())) for s in order if s not in ("occurred", "proposed")]
    assert [c for c in cues if c in expected] == expected
    assert status_label("planned", False) == "Planned (hollow; label in italics)"      # pending labels are italic
    assert status_label("planned", False, "proposed") == "Planned or proposed (hollow; label in italics)"
    assert sum("dashed ring" in c or "dotted" in c or "dash-dot" in c for c in cues) == 1   # one broken ring
    assert not style.status_look("rumoured").fill or style.status_look("rumoured").label == "Rumoured"


def test_a_claim_and_its_denial_are_linked(chart):
    links = by_gid(chart, "link:")
    assert list(links) == ["ukraine-denies-pokrovsk:disputes:russia-claims-pokrovsk"]
    assert isinstance(links["ukraine-denies-pokrovsk:disputes:russia-claims-pokrovsk"], FancyArrowPatch)


def test_legend_lists_the_types_shown_then_the_cues_used(chart, seed):
    types, cues = ([t.get_text() for t in legend.get_texts()] for legend in chart.legends)
    shown = {e.type for e in seed.events}
    assert types == [f.label for f in FAMILIES.values() if shown & set(f.types)]     # families, not 46 types
    assert types == ["Meetings and talks", "Proposals and agreements", "Demands, rejections and threats",
                     "Statements, claims and denials"]
    assert cues == ["Date known only as a span (a month, a range)",
                    "On or before the date marked (earlier date unknown)", "On or after the date marked",
                    "Uncertain date", "Planned (hollow, a span dashed; label in italics)", "Disputed (ringed)",
                    "Disputes (arrow to the event disputed)"]


def test_footer_cites_the_source_typeset():
    days, data = judged_charts.chart("days"), judged_charts.dataset("days")          # tests/charts/days.yaml
    citation = data.sources["wire"].citation(words=True)
    assert citation == 'Wire, “Russia says "no compromise" after talks”, 3 Dec 2025 (uncertain)'   # not "3 Dec 2025?"
    assert footer(days).replace("\n", " ").endswith(                  # the data's straight quotes set curly
        "Source: Wire, “Russia says “no compromise” after talks”, 3 Dec 2025 (uncertain)")
    assert next(t.get_text() for t in days.texts if t.get_gid() == "title") == data.title == "Three days of talks"


def test_titles_name_the_sides_and_the_place(seed, chronology):
    from dataclasses import replace

    untitled = [replace(e, title=None) for e in seed.events]          # the labels made when data gives none
    titles = dict(zip((e.id for e in untitled), event_titles(seed, untitled)))
    assert titles["moscow-talks"] == "Putin meets Witkoff, Kushner, Moscow"
    assert titles["us-delegation-moscow-visit"] == "Witkoff, Kushner visit Moscow"
    assert titles["zelenskyy-ireland-visit"] == "Zelenskyy visits Ireland"
    assert titles["kremlin-rejects-counter-proposal"] == "Kremlin rejects counter-proposal"
    assert titles["leaked-28-point-draft"] == "Leaked 28-point draft"
    assert all(len(t) <= 48 for t in titles.values())
    untitled = [replace(e, title=None) for e in chronology.events]
    titles = dict(zip((e.id for e in untitled), event_titles(chronology, untitled)))
    assert titles["riyadh"] == "Russia–US talks, Riyadh"          # the host is not a side of the talks
    assert titles["jeddah"] == "US–Ukraine talks, Jeddah"
    assert titles["witkoff-putin-1"] == "Putin–Witkoff, Moscow" == titles["witkoff-putin-3"]
    assert titles["witkoff-putin-2"] == "Putin–Witkoff, Saint Petersburg"   # the place tells repeats apart


def test_an_events_own_title_is_its_label():
    event = Event("e", "meeting", parse_edtf("2025-08-15"), participants=("ru", "ua"), title="Alaska summit")
    figure = draw_timeline(record(event))
    assert labels(figure)["e"].get_text() == "Alaska summit"


def test_short_labels_are_drawn():
    events = [Event("strike", "military_action", parse_edtf("2022-10"), source=("ru",), target=("ua",)),
              Event("spiderweb", "military_action", parse_edtf("2025-06-01"), source=("ua",), target=("ru",))]
    figure = draw_timeline(record(*events))
    assert {i: t.get_text() for i, t in labels(figure).items()} == {"strike": "Strike", "spiderweb": "Spiderweb"}
    assert figure.timeline.omitted == 0 and "left out" not in footer(figure)


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
        assert ", 2025, by side" in subtitle(figure)


def test_three_years_tell_months_apart_and_compress_the_empty_stretch(chronology):
    figure = draw_timeline(chronology)
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


def test_spans_read_as_spans_at_every_scale(chronology):
    figure = draw_timeline(chronology, size=(6, None))
    for event_id in ("plan-drafted", "talks-stall", "memoranda"):   # weeks, months
        assert event_id in bars(figure) and event_id not in markers(figure), event_id
    assert "alaska" in markers(figure)                               # a day on a chart of years is a point
    assert_labels_clear(figure)


def test_a_span_of_a_year_on_a_chart_of_years_is_listed_not_drawn(chronology):
    """'Talks break down' (2022) drawn as a bar over all of 2022 outweighed every event of that year: a span
    wider than a fifth of the axis (and than 90 days) is named in a note instead."""
    figure = draw_timeline(chronology, size=(11, 8.5))
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
    start = time.perf_counter()
    figure = draw_timeline(record(meeting("a", "2025-06-01"), actors=(giant, Actor("ua", "Ukraine", "state"))),
                           lanes="actor")
    assert time.perf_counter() - start < 20
    assert all(len(name) < 200 for name in figure.timeline.lanes)


# --- scripts ------------------------------------------------------------------------------

def test_names_in_chinese_japanese_and_korean_are_drawn(chronology, recwarn):
    from timeline.render.text import font_chain

    if not any("CJK" in f for f in font_chain()):
        pytest.skip("no Noto CJK font installed (Debian: fonts-noto-cjk)")
    figure = draw_timeline(chronology)
    assert "李辉" in labels(figure)["li-hui-tour"].get_text()
    figure.canvas.draw()
    assert figure.timeline.undrawable == ""
    assert not [w for w in recwarn if "missing from" in str(w.message)]


def test_a_name_no_font_draws_gives_one_line(run, write_yaml, tmp_path):
    path = write_yaml("""
        actors:
          - {id: et, name: "ኢትዮጵያ", kind: state}
          - {id: ua, name: Ukraine, kind: state}
        events:
          - {id: a, type: meeting, date: 2025-06-01, participants: [et, ua]}
    """)
    result = run("render", "timeline", "-o", str(tmp_path / "t.png"), "--dpi", "30", data=path)
    assert result.exit_code == 0
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "ኢ" in notes[0] and "Noto" in notes[0]


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


# --- placement ---------------------------------------------------------------------------

# --- files and the command line ------------------------------------------------------

def test_same_data_same_svg_and_pdf(seed, tmp_path):
    for suffix in ("svg", "pdf"):
        a, b = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        render_timeline(seed, a)
        render_timeline(seed, b)
        assert a.read_bytes() == b.read_bytes()
    svg = (tmp_path / "a.svg").read_text()
    assert "<dc:date>" not in svg and 'id="moscow-talks"' in svg


@pytest.mark.parametrize(("name", "magic"), [("t.png", b"\x89PNG"), ("t.svg", b"<?xml"), ("t.PDF", b"%PDF")])
def test_format_follows_the_extension(run, tmp_path, name, magic):
    path = tmp_path / name
    result = run("render", "timeline", "-o", str(path), "--dpi", "50")
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(magic)
    assert result.output == (f"wrote {path}: 24 events in 5 lanes, 2 without a label for lack of room "
                             "(2 of them numbered in a note)\n")


def test_size_and_dpi_set_the_pixels(run, tmp_path):
    from PIL import Image

    path = tmp_path / "t.png"
    assert run("render", "timeline", "-o", str(path), "--size", "8x5", "--dpi", "50").exit_code == 0
    assert Image.open(path).size == (400, 250)


def test_filters_zoom_in(run, tmp_path):
    result = run("render", "timeline", "-o", str(tmp_path / "t.svg"), "--type", "meeting", "--lanes", "none",
                 "--title", "Meetings")
    assert result.exit_code == 0
    assert result.output.endswith(": 2 events in 1 lane\n")


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "chart.gif"], "Error: cannot write 'chart.gif': name the file .png, .svg or .pdf\n"),
    (["--type", "agreement"], ("Error: no events to draw; loosen the filters "
                                "(--since, --until, --actor, --type, --status)\n")),
])
def test_bad_requests_fail_with_one_line(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("render", "timeline", *args)
    assert (result.exit_code, result.output) == (1, message)
    assert not list(tmp_path.iterdir())


def test_a_file_timeline_did_not_write_is_kept(run, tmp_path):
    path = tmp_path / "mine.png"
    path.write_bytes(b"precious")
    result = run("render", "timeline", "-o", str(path))
    assert result.exit_code == 1 and "pass --force" in result.output
    assert path.read_bytes() == b"precious"
    assert run("render", "timeline", "-o", str(path), "--force", "--dpi", "30").exit_code == 0
    assert path.read_bytes().startswith(b"\x89PNG")


def test_size_options_are_checked(run, tmp_path):
    out = str(tmp_path / "t.png")
    assert run("render", "timeline", "-o", out, "--size", "8x").exit_code == 2
    assert run("render", "timeline", "-o", out, "--size", "8x5", "--width", "6").exit_code == 2


def test_library_errors_are_user_errors(seed):
    with pytest.raises(ChartError, match="unknown lanes='state'"):
        draw_timeline(seed, lanes="state")
    with pytest.raises(ChartError, match=r"size=\(2.5, 3\) inches cannot hold a chart"):
        draw_timeline(seed, size=(2.5, 3))
    with pytest.raises(NothingToShow, match=r"^no events to draw: events= is empty \(or the dataset has none\)$"):
        draw_timeline(seed, [])                                            # parameters, not the CLI's flags
    with pytest.raises(ChartError, match=r"^links: cannot draw relation 'amends'; use any of: disputes, "):
        draw_timeline(seed, links=("amends",))


def test_titles_of_events_with_few_words(write_yaml):
    dataset = load(write_yaml("""
        actors:
          - {id: ru, name: Russian Federation, kind: state, aliases: [Russia]}
          - {id: lavrov, name: Sergei Lavrov, affiliation: ru, aliases: [Lavrov]}
        events:
          - {id: e1, type: statement, date: 2025-12-01, source: [ru]}
          - {id: e2, type: visit, date: 2025-12-01, participants: [lavrov], host: [lavrov, ru]}
          - {id: ru-statement-2025-12-01, type: statement, date: 2025-12-01, source: [ru],
             summary: "the Kremlin said talks would go on. Nothing else."}
          - {id: e4, type: threat, date: 2025-12-01, source: [lavrov]}
    """))
    assert dict(zip((e.id for e in dataset.events), event_titles(dataset, dataset.events))) == {
        "e1": "Statement by Russian Federation", "e2": "Visit by Lavrov",     # as the graphs name it (round 8)
        "ru-statement-2025-12-01": "The Kremlin said talks would go on", "e4": "Threat by Lavrov"}


def test_a_number_stands_by_its_mark_an_open_dates_bound_or_a_spans_end():
    from timeline.render.events_chart import draw_number
    from timeline.render.spans import glyphs_of

    events = [meeting("day", "2025-06-10"), meeting("span", "2025-06-10/2025-06-20"),
              meeting("after", "2025-10/.."), meeting("before", "../2025-06-05")]
    figure = draw_timeline(record(*events))
    ax = axes(figure)
    xs = {g.event.id: draw_number(ax, g, 0, 1).xy[0] for g in glyphs_of(events, [(0,)] * 4)}
    day = mdates.date2num
    assert xs == {"day": day(datetime(2025, 6, 10, 12)), "span": day(datetime(2025, 6, 21)),
                  "after": day(datetime(2025, 10, 1, 12)), "before": day(datetime(2025, 6, 5, 12))}
