"""The timeline chart: what the figure draws, read back from its artists, and the files it writes."""
from __future__ import annotations

import random
from datetime import datetime
from itertools import pairwise

import matplotlib.dates as mdates
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.transforms import Bbox

from timeline.dataset import load
from timeline.dates import parse_edtf
from timeline.errors import NothingToShow
from timeline.model import EVENT_TYPES, Actor, Dataset, Event, Source
from timeline.render import style
from timeline.render.labels import Footprint, Slot, event_titles, pack
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


def markers(figure) -> dict[str, Line2D]:
    """The marker of each event, by event id."""
    ids = {e.id for e in figure.timeline.events}
    return {line.get_gid(): line for line in axes(figure).lines if line.get_gid() in ids}


def labels(figure) -> dict[str, object]:
    return {t.get_gid().removeprefix("label:"): t for t in axes(figure).texts
            if (t.get_gid() or "").startswith("label:")}


def by_gid(figure, prefix: str) -> dict[str, object]:
    ax = axes(figure)
    artists = [*ax.lines, *ax.patches, *ax.collections, *ax.texts]
    return {a.get_gid().removeprefix(prefix): a for a in artists if (a.get_gid() or "").startswith(prefix)}


def marker_box(figure, line: Line2D) -> Bbox:
    """The marker's extent on the canvas, in pixels."""
    x, y = axes(figure).transData.transform((line.get_xdata()[0], line.get_ydata()[0]))
    r = line.get_markersize() * figure.dpi / 72 / 2
    return Bbox.from_extents(x - r, y - r, x + r, y + r)


def overlaps(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def footer(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "footer")


def subtitle(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "subtitle")


def assert_labels_clear(figure) -> None:
    """No label overlaps another label or the marker of another event (measured with the Agg renderer)."""
    renderer = figure.canvas.get_renderer()
    texts = {i: t.get_window_extent(renderer) for i, t in labels(figure).items()}
    marks = {i: marker_box(figure, line) for i, line in markers(figure).items()}
    boxes = sorted(texts.items())
    for n, (i, box) in enumerate(boxes):
        assert not [j for j, other in boxes[n + 1:] if overlaps(box, other)], f"label {i} overlaps labels"
        assert not [j for j, mark in marks.items() if j != i and overlaps(box, mark)], f"label {i} covers a marker"


@pytest.fixture(scope="module")
def chart(seed):
    return draw_timeline(seed)


# --- the seed chart ------------------------------------------------------------------

def test_one_marker_per_event_in_type_colour_and_shape(chart, seed):
    drawn = markers(chart)
    assert sorted(drawn) == sorted(e.id for e in seed.events)
    talks = drawn["moscow-talks"]
    assert (talks.get_marker(), talks.get_color()) == ("o", style.EVENT_MARKS["meeting"].color)
    assert drawn["kyiv-rejects-leaked-demands"].get_marker() == style.EVENT_MARKS["rejection"].marker


def test_lanes_are_sides_ordered_by_activity(chart):
    assert chart.timeline.lanes == ("Ukraine", "Russia", "United States", "Pro-Ukrainian mapping")
    ticks = [t.get_text() for t in axes(chart).get_yticklabels()]
    assert ticks == ["Ukraine", "Russia", "United States", "Pro-Ukrainian\nmapping"]
    lane_of = chart.timeline.lane_of
    assert lane_of["moscow-talks"] == 1                       # Putin, the first participant, is Russian
    assert lane_of["planned-meeting-ukrainian-delegation"] == 2   # Kushner
    assert lane_of["sybiha-response-to-forum-remarks"] == 0


def test_markers_sit_in_their_lane(chart):
    """Each marker lies between the lane's tick and its neighbours', in the lane's band."""
    centres = axes(chart).get_yticks()
    bounds = [(a + b) / 2 for a, b in pairwise(centres)]
    for event_id, line in markers(chart).items():
        y = line.get_ydata()[0]
        assert sum(y > b for b in bounds) == chart.timeline.lane_of[event_id], event_id


def test_every_event_is_labelled_without_overlap(chart):
    assert chart.timeline.omitted == 0
    shown = labels(chart)
    assert sorted(shown) == sorted(chart.timeline.labels)
    assert shown["moscow-talks"].get_text() == "Putin meets Witkoff, Kushner"
    assert shown["planned-meeting-ukrainian-delegation"].get_fontstyle() == "italic"
    assert_labels_clear(chart)


def test_axis_covers_every_known_span(chart, seed):
    lo, hi = chart.timeline.xlim
    assert (lo, hi) == tuple(mdates.num2date(x).replace(tzinfo=None) for x in axes(chart).get_xlim())
    assert lo < datetime(2025, 12, 2) and hi > datetime(2025, 12, 4)   # the last bound, 3 Dec, ends on the 4th
    assert [t.get_text() for t in axes(chart).get_xticklabels(minor=True) if t.get_text()] == [
        "Tue 2 Dec 2025", "Wed 3 Dec"]


def test_a_day_is_drawn_as_its_span_with_the_marker_in_the_middle(chart):
    bar = by_gid(chart, "span:")["moscow-talks"]
    assert (mdates.num2date(bar.get_x()).day, mdates.num2date(bar.get_x() + bar.get_width()).day) == (2, 3)
    x = markers(chart)["moscow-talks"].get_xdata()[0]
    assert mdates.num2date(x).replace(tzinfo=None) == datetime(2025, 12, 2, 12)


def test_open_dates_fade_toward_the_open_side(chart, seed):
    fades = by_gid(chart, "open:")
    assert sorted(fades) == sorted(e.id for e in seed.events if "/.." in e.date.text or "../" in e.date.text)
    before = fades["kyiv-rejects-leaked-demands"]          # ../2025-12-03
    alphas = before.get_colors()[:, 3]
    assert list(alphas) == sorted(alphas) and alphas[0] < 0.05 < alphas[-1]
    segments = before.get_segments()
    assert segments[0][0][0] == axes(chart).get_xlim()[0]   # from the edge of the chart...
    assert mdates.num2date(segments[-1][1][0]).day == 3      # ...to the start of 3 Dec
    after = fades["planned-meeting-ukrainian-delegation"]  # 2025-12-03/..
    assert list(after.get_colors()[:, 3]) == sorted(after.get_colors()[:, 3], reverse=True)


def test_status_and_uncertainty_are_marked(chart):
    planned = markers(chart)["planned-meeting-ukrainian-delegation"]
    assert planned.get_markerfacecolor() == "white"                       # hollow
    assert by_gid(chart, "span:")["planned-meeting-ukrainian-delegation"].get_linestyle() == "--"
    assert list(by_gid(chart, "disputed:")) == ["russia-claims-pokrovsk"]
    assert {i: t.get_text() for i, t in by_gid(chart, "qualifier:").items()} == {
        "putin-forum-accusation": "?", "putin-forum-threat": "?", "trump-remarks-on-talks": "?"}


def test_a_claim_and_its_denial_are_linked(chart):
    links = by_gid(chart, "link:")
    assert list(links) == ["ukraine-denies-pokrovsk:disputes:russia-claims-pokrovsk"]
    assert isinstance(links["ukraine-denies-pokrovsk:disputes:russia-claims-pokrovsk"], FancyArrowPatch)


def test_legend_lists_the_types_shown_then_the_cues_used(chart, seed):
    types, cues = ([t.get_text() for t in legend.get_texts()] for legend in chart.legends)
    assert types == [m.label for t, m in style.EVENT_MARKS.items() if t in {e.type for e in seed.events}]
    assert cues == ["Span the date covers", "On or before", "On or after", "Uncertain date", "Planned",
                    "Disputed", "Disputes"]


def test_footer_cites_the_source(chart, seed):
    assert footer(chart) == f"Source: {seed.sources['gnw-2025-12-03'].citation()}"
    assert next(t.get_text() for t in chart.texts if t.get_gid() == "title") == seed.title


def test_titles_read_as_headlines(seed):
    titles = dict(zip((e.id for e in seed.events), event_titles(seed, seed.events)))
    assert titles["moscow-talks"] == "Putin meets Witkoff, Kushner"
    assert titles["us-delegation-moscow-visit"] == "Witkoff, Kushner visit Moscow"
    assert titles["zelenskyy-ireland-visit"] == "Zelenskyy visits Ireland"
    assert titles["planned-meeting-ukrainian-delegation"] == "Kushner, Witkoff meet Kyiv delegation"
    assert titles["kremlin-rejects-counter-proposal"] == "Kremlin rejects counter-proposal"
    assert titles["leaked-28-point-draft"] == "Leaked 28-point draft"
    assert titles["assessment-russian-gains-2025"] == "Assessment Russian gains 2025"
    assert all(len(t) <= 40 for t in titles.values())


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
    assert by_gid(night, "period")[""].get_text() == "2–3 Jun 2025 (UTC+03:00)"
    assert [t.get_text() for t in axes(night).get_xticklabels()][:3] == ["22:00", "03 Jun", "02:00"]
    bar = by_gid(night, "span:")["night-talks"]
    assert mdates.num2date(bar.get_x()).strftime("%H:%M") == "21:00"
    assert by_gid(night, "qualifier:")["early-call"].get_text() == "~"
    assert "early-call" in by_gid(night, "struck:")
    assert markers(night)["early-call"].get_alpha() < 1
    month = draw_timeline(dataset)
    bar = by_gid(month, "span:")["november-plan"]
    start, end = (mdates.num2date(x).replace(tzinfo=None) for x in (bar.get_x(), bar.get_x() + bar.get_width()))
    assert (start, end) == (datetime(2025, 11, 1), datetime(2025, 12, 1))
    assert mdates.num2date(markers(month)["november-plan"].get_xdata()[0]).day == 16   # mid-month, not the 1st


@pytest.mark.parametrize(("lanes", "names"), [
    ("actor", ("Ukraine", "Vladimir Putin", "Russia")),
    ("type", ("Meeting", "Visit")),
    ("none", ("",)),
])
def test_lanes_by_actor_type_or_none(seed, lanes, names):
    figure = draw_timeline(seed, lanes=lanes)
    assert figure.timeline.lanes[:len(names)] == names
    assert len(markers(figure)) == len(seed.events)
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
    assert len(markers(figure)) == 200
    assert len(drawing.lanes) == 11 and drawing.lanes[-1] == "2 others"
    assert 0 < drawing.omitted < 200 and len(labels(figure)) == 200 - drawing.omitted
    assert f"Labels of {drawing.omitted} of 200 events left out for room" in footer(figure)
    assert figure.get_figheight() <= 13
    assert "Sources: 30 reports: Paper 1 (5), Paper 0 (5), Paper 5 (4)" in footer(figure)   # most first
    assert not by_gid(figure, "link:")
    assert_labels_clear(figure)


def test_a_fixed_size_is_kept_and_labels_stay_clear():
    figure = draw_timeline(synthetic(120, seed=2), size=(8, 5))
    assert (figure.get_figwidth(), figure.get_figheight()) == (8, 5)
    assert len(markers(figure)) == 120
    assert_labels_clear(figure)


def test_many_events_are_counted_per_lane_and_period():
    dataset = synthetic(AGGREGATE_ABOVE + 100)
    figure = draw_timeline(dataset)
    drawing = figure.timeline
    assert drawing.period == "week" and not markers(figure)
    assert "counted per week" in subtitle(figure)
    stacks = by_gid(figure, "counts:")
    assert {key.partition(":")[0] for key in stacks} <= set(drawing.lanes)
    heights = sum((s.get_data().baseline - s.get_data().values).sum() for s in stacks.values())
    tallest = float(footer(figure).split("the tallest holds ")[1].split(" ")[0])
    assert heights / (4.0 / tallest) == pytest.approx(AGGREGATE_ABOVE + 100)   # every event counted once


def test_bins_follow_the_calendar():
    period, edges = bins((mdates.date2num(datetime(2021, 1, 10)), mdates.date2num(datetime(2025, 6, 1))))
    assert period == "month"
    assert mdates.num2date(edges[0]).replace(tzinfo=None) == datetime(2021, 1, 1)
    assert mdates.num2date(edges[1]).replace(tzinfo=None) == datetime(2021, 2, 1)


# --- placement ---------------------------------------------------------------------------

def test_pack_stacks_what_overlaps_and_keeps_rows_in_order():
    footprints = [Footprint(0, (0, 10), ((12, 50),)), Footprint(0, (20, 30), ((32, 60),)),
                  Footprint(0, (70, 80), ((82, 90),))]
    assert pack(footprints, lanes=1, max_tracks=5) == [Slot(0, 0), Slot(1, 0), Slot(0, 0)]


def test_pack_drops_the_least_important_labels_when_rows_run_out():
    footprints = [Footprint(0, (0, 10), ((12, 50),), rank=(2,)), Footprint(0, (20, 30), ((32, 60),), rank=(1,))]
    assert pack(footprints, lanes=1, max_tracks=1) == [Slot(0, None), Slot(0, 0)]


def test_pack_lets_a_glyph_cover_glyphs_but_drops_the_labels_it_covers():
    footprints = [Footprint(0, (0, 10), ((12, 50),), rank=(1,)), Footprint(0, (5, 40), (), rank=(2,))]
    assert pack(footprints, lanes=1, max_tracks=1) == [Slot(0, None), Slot(0, None)]


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
    assert result.output == f"wrote {path}: 23 events in 4 lanes\n"


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
    with pytest.raises(ChartError, match="unknown lanes 'state'"):
        draw_timeline(seed, lanes="state")
    with pytest.raises(NothingToShow, match="no events to draw"):
        draw_timeline(seed, [])


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
        "e1": "Statement by Russia", "e2": "Visit by Lavrov",
        "ru-statement-2025-12-01": "The Kremlin said talks would go on", "e4": "Threat by Lavrov"}
