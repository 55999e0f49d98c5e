"""The timeline chart as the round-7 list asked (T1, T3, T4, the 10k title and greys, Moscow's one-day marks, one
side for labels, short notes, tags by their marks), measured on the drawn artists at the sizes the judge sees: the
2025 seed at page and column size, the Moscow seed, the 2022–2025 chronology, and a chart of counts of invented
events (1,200 of them: the 10k benchmark's generator and its chart of counts, at a tenth of the size)."""
from __future__ import annotations

import itertools
import re

import matplotlib.dates as mdates
import pytest
from conftest import bench_generate
from judged_charts import COLUMN, PAGE, SLIDE, chart, drawn, load_judged
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import StepPatch

from timeline.dataset import load
from timeline.render.counts import grey_of
from timeline.render.frame import wrap_lane
from timeline.render.tags import is_joined, tags_of
from timeline.render.timeline import draw_timeline

CHARTS = {"seed-page": ("seed", PAGE), "seed-column": ("seed", COLUMN), "moscow": ("moscow", None),
          "chronology": ("chronology", None)}
#: Words of the tool, not of a newsroom, that the notes and lane notes used.
TOOL_WORDS = ("for lack of room", "the record allows", "answers, revises", "officials alone", "officials or envoys",
              "too coarsely", ", proposed)", ", occurred)", "known bound", "label says so", "marks only",
              "to number legibly", "times the scale")


loaded = pytest.fixture(scope="module", name="loaded")(load_judged)


@pytest.fixture(scope="module")
def charts(loaded):
    return drawn(loaded, CHARTS)


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """The 10k benchmark's dataset at 1,200 events (same generator, seed 7), drawn as counts."""
    module = bench_generate()
    folder = tmp_path_factory.mktemp("synthetic")
    module.generate(1200, folder, seed=7)
    figure = draw_timeline(load(folder), size=PAGE)
    figure.canvas.draw()
    return figure


def text_of(figure, gid: str) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == gid)


def footer(figure) -> str:
    return text_of(figure, "footer").replace("\n", " ")


def beside_labels(ax) -> list:
    """The labels drawn beside their marks, with no leader."""
    leaders = {line.get_gid() for line in ax.lines}
    return [t for t in ax.texts if (t.get_gid() or "").startswith("label:")
            and "leader:" + t.get_gid().split(":", 1)[1] not in leaders]


def lane_notes(figure) -> list[str]:
    return [t.get_text().replace("\n", " ") for t in figure.axes[0].texts if (t.get_gid() or "").startswith("lane-note:")]


# --- T1: plain words -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", CHARTS)
def test_notes_and_lane_notes_speak_plain_english(charts, name):
    """'Numbered for lack of room…', '…happened by the first event that answers, revises or is part of it', 'by it
    or its officials alone' under three lanes: the notes say what a reader needs in a newsroom's words, and what
    a side's lane holds is said once."""
    figure = charts[name]
    words = " ".join([footer(figure), *lane_notes(figure)])
    assert not [w for w in TOOL_WORDS if w in words], name
    assert lane_notes(figure).count("each side acting alone") == 1


def test_an_open_date_and_the_numbered_key_read_plainly(charts):
    text = footer(charts["seed-page"])
    assert "Day not known" not in text and "first reaction" not in text     # the data dates events, not the chart
    # each number, then the event's title, then its date as drawn, in brackets
    assert re.search(r"Numbered on the chart: \d+ [A-Z][^;()]+ \(\d{1,2} [A-Z][a-z]{2} 2025\); \d+ ", text)


# --- T3: one broken ring ------------------------------------------------------------------------------------------

def test_the_key_shows_one_broken_ring_and_hollow_marks_as_drawn(charts):
    """Planned (a hollow circle with a dashed line through it), proposed (dotted) and claimed (a dashed ring) were
    three broken rings in the key, while the chart drew hollow marks with a solid outline: the key shows hollow
    marks as drawn, in one entry, and the dashed ring of a claim once. The page draws two claims as spans, ringed
    at their end (27-28 Mar energy strikes, 20-28 Apr Easter violations), and no disputed span: only the claim's
    words say where a span's ring goes (round 12)."""
    cues = charts["seed-page"].legends[1]
    texts = [t.get_text() for t in cues.get_texts()]
    assert [t for t in texts if "dashed ring" in t or "dotted" in t or "dash-dot" in t] == [
        "Claimed by one side (dashed ring; a span ringed at its end)"]
    assert "Disputed (ringed)" in texts                          # its marks are points: no span ringed at its end
    assert "Planned or proposed (hollow, a span dashed)" in texts or \
        "Planned or proposed (hollow, a span dashed; label in italics)" in texts
    assert not [a for a in cues.findobj(Line2D) if a.get_linestyle() in ("--", ":", "-.")]   # no line through a ring
    assert "Cancelled (faded)" in texts                          # no promise of a label the mark may not have


def test_a_disputed_span_is_ringed_at_its_end_cap(charts):
    """The ring of the disputed 30-day energy truce stood round the middle of its bar, round nothing."""
    ax = charts["chronology"].axes[0]
    ring = next(line for line in ax.lines if line.get_gid() == "ring:energy-truce")
    bar = next(line for line in ax.lines if line.get_gid() == "energy-truce")
    assert ring.get_xdata()[0] == pytest.approx(max(bar.get_xdata()))


# --- T4: a year is some time in that year ------------------------------------------------------------------------

def test_a_year_dated_event_reads_as_some_time_in_that_year(charts):
    # round 11's data dates the seed's one "2025" event, a Putin–Zelenskyy meeting proposed on 18 Aug, to the two
    # weeks it was proposed for: it is drawn, and the footer lists nothing as too vague. The year-dated rule is
    # tested on the chronology ("Talks break down (some time in 2022)", test_render_timeline.py).
    figure = charts["seed-page"]
    assert not figure.timeline.coarse and "some time in 2025" not in footer(figure)
    assert [a for a in figure.axes[0].get_children()
            if (getattr(a, "get_gid", lambda: None)() or "").endswith("putin-zelenskyy-meeting-august-proposed")]


# --- the 10k benchmark's chart: title, thousands, greys ----------------------------------------------------------

def test_the_counted_chart_has_a_reader_s_title_and_thousands_separators(counted):
    """'Synthetic benchmark (10000 events, seed 7)' was the headline: a title for readers, and every count of a
    thousand or more with its separator (years aside)."""
    assert text_of(counted, "title") == "Invented negotiations, 1,200 events (test data)"
    texts = [t.get_text() for t in counted.findobj(lambda a: hasattr(a, "get_text"))]
    bare = [n for t in texts for n in re.findall(r"(?<![\d,.])\d{4,}(?![\d,])", t) if not re.fullmatch(r"(19|20)\d\d", n)]
    assert not bare, bare
    assert "counts in part in each" in footer(counted) and "known bound" not in footer(counted)


def test_every_pair_of_event_kinds_prints_apart_in_grey(counted):
    """Proposals and Demands printed 11 luma apart at 10k events, stacked side by side in every lane: every two
    families' bars print 20 greys apart or more (Rec. 601 luma, as a desaturating printer converts)."""
    colors = {}
    for patch in counted.axes[0].patches:
        if isinstance(patch, StepPatch) and (patch.get_gid() or "").startswith("counts:"):
            colors[patch.get_gid().rsplit(":", 1)[1]] = to_hex(patch.get_facecolor()).upper()
    assert len(colors) >= 4
    for (a, ca), (b, cb) in itertools.combinations(colors.items(), 2):
        assert abs(grey_of(ca) - grey_of(cb)) >= 20, (a, ca, b, cb)


def test_a_lane_name_cut_short_keeps_its_total():
    assert wrap_lane("Institute for War & Peace Studies and Conflict Research\n237", 3).endswith("…\n237")


# --- Moscow: a day is a day ---------------------------------------------------------------------------------------

def test_an_event_dated_to_the_day_is_a_mark_in_the_middle_of_its_day(charts, loaded):
    """On the two-day Moscow chart each event known to the day was a bar across its whole day, read as lasting all
    day: it is a marker at mid-day, and a note says the time is not known."""
    figure = charts["moscow"]
    ax = figure.axes[0]
    days = {e.id for e in loaded["moscow"].events
            if e.date.start and e.date.end and (e.date.end - e.date.start).total_seconds() == 86400}
    assert len(days) >= 5
    lines = {line.get_gid(): line for line in ax.lines}
    for event in days:
        assert f"caps:{event}" not in lines, event                          # no bar with end caps
        mark = lines[event]
        assert mark.get_marker() not in ("None", None, "")
        hour = mdates.num2date(mark.get_xdata()[0]).hour
        assert hour == 12, (event, hour)
    assert "An event dated only to the day is drawn in the middle of its day: its time is not known." in footer(figure)


# --- one side for labels ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", CHARTS)
def test_a_label_beside_its_mark_reads_rightward_unless_at_the_right_edge(charts, name):
    """Labels went left or right of their mark by room: a label beside its mark starts right of it, and reads
    leftward only where it would run past the axes' right edge."""
    figure = charts[name]
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    right_edge = ax.get_window_extent(renderer).x1
    beside = beside_labels(ax)
    assert beside
    for label in beside:
        if label.get_ha() == "right":
            x = ax.transData.transform(label.xy)[0]
            assert x + label.get_window_extent(renderer).width > right_edge - 5, (name, label.get_text())


# --- short notes, tags by their marks -----------------------------------------------------------------------------

def test_the_column_s_notes_before_its_numbered_key_are_short(charts):
    """The notes of the column ran to 14 lines before its numbered key; each is about two lines at most now."""
    lines = text_of(charts["seed-column"], "footer").split("\n")
    before = lines[:next(i for i, line in enumerate(lines) if line.startswith("Numbered on the chart"))]
    assert len(before) <= 8, before


@pytest.mark.parametrize(("name", "most"), [
    pytest.param("seed-page", 6, marks=pytest.mark.xfail(strict=True, reason="round 11: 8 tags of the page need a leader "
                                                         "(a tag beside its mark must be 1.5 times nearer it than any "
                                                         "other, and a leader must show 8 px and cross no mark)")),
    ("seed-column", 9), ("moscow", 0)])
def test_fewer_tags_need_a_leader_to_reach_their_mark(charts, name, most):
    """14 of the seed page's 36 tags needed a line to reach their mark: a numbered mark keeps room for its number
    where that costs no label and few rows (:func:`~timeline.render.events_chart._with_tag_room`), and labels
    keep right of their marks; 10 of 36 still need one on the page. The room kept clear after a label
    beside its mark (so that it reads as its mark's, not the next one's) costs the column two more: 13 of 31.
    Round 8: a number's room keeps clear its own row and the rows next to it only (not the rows a top label's
    line keeps clear), which costs no label: 5 of 36 on the page, 5 of 31 in the column. Round 9: a tag never lies
    across its lane's edge from its mark (a '×2' on the edge read as the next lane's): 6 on the page, 9 in the
    column take a leader rather."""
    tags = tags_of(charts[name].axes[0])
    assert [t for t in tags if t.get_gid().startswith("number:")]
    assert sum(map(is_joined, tags)) <= most


# --- a label beside its mark is nearer its own mark than any other --------------------------------------------------

@pytest.fixture(scope="module")
def slide(loaded):
    return chart("seed", SLIDE)          # drawn once per session, shared with the other modules


def _gap(a, b) -> float:
    """Pixels between two boxes on a row (0 where they overlap in x)."""
    return max(0.0, a.x0 - b.x1, b.x0 - a.x1)


@pytest.mark.parametrize("name", ["seed-page", "slide"])
def test_a_label_beside_its_mark_is_twice_as_near_its_own_mark_as_any_other(charts, slide, name):
    """“Zelenskyy asks Trump for Tomahawks at a White House lunch” stood ~20 px from the 17 Oct dot on its left and
    as near a mark on its right: a label beside its mark (no leader) is at most half as far from its own mark as
    from any other mark level with it."""
    figure = slide if name == "slide" else charts[name]
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    marks = {}
    for line in ax.lines:                                          # a point's mark or a span's bar
        if line.get_gid() and ":" not in line.get_gid():
            marks.setdefault(line.get_gid(), []).append(line.get_window_extent(renderer))
    beside = beside_labels(ax)
    assert beside
    for label in beside:
        box = label.get_window_extent(renderer)
        own_id = label.get_gid().split(":", 1)[1]
        mark = min(marks[own_id], key=lambda m: _gap(box, m))
        own = _gap(box, mark)
        level = [_gap(box, m) for gid, ms in marks.items() if gid != own_id for m in ms
                 if abs((m.y0 + m.y1) / 2 - (mark.y0 + mark.y1) / 2) < 3]     # on its row
        assert not level or min(level) >= 2 * max(own, 1.0), (name, label.get_text(), own, min(level))


def test_the_slide_says_in_one_line_what_its_zone_counts_and_bare_marks_are(slide):
    """The slide had no notes: its tinted '4× time scale', its '×2' and its ~190 bare marks went unexplained. One
    line names what the slide shows, and no more."""
    ax = slide.axes[0]
    stacked = sum(len(t.get_text()) > 1 for t in ax.texts if t.get_text().startswith("×"))
    assert stacked
    unlabelled = 211 - len(slide.timeline.labels)                   # round 11's data: all 211 events drawn
    lines = text_of(slide, "footer").split("\n")
    assert lines[0] == f"Tinted, 16 Nov–7 Dec drawn 4 times wider; ×2, ×4 right of a mark: that many events of " \
                       f"one kind, too close in time to draw apart; {unlabelled} events unlabelled."
    assert lines[1].startswith("Sources: ") and len(lines) == 2
