"""The timeline of the 2025 dataset (211 events), as a graphics desk would check it: labels clear of each
other and paired with their own marks, open dates never drawn as spans, small lanes folded, coarse dates
listed, and the rule of what is labelled."""
from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.patches import FancyArrowPatch
from matplotlib.transforms import Bbox

from timeline.dataset import load
from timeline.render import keyed
from timeline.render.timeline import draw_timeline

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def year():
    return load(SEEDS)


@pytest.fixture(scope="module")
def chart(year):
    figure = draw_timeline(year)
    figure.canvas.draw()
    return figure


def gids(figure, prefix: str) -> dict[str, object]:
    ax = figure.axes[0]
    return {a.get_gid().removeprefix(prefix): a for a in [*ax.lines, *ax.patches, *ax.texts]
            if (a.get_gid() or "").startswith(prefix)}


def own_marks(figure) -> dict[str, object]:
    ids = {e.id for e in figure.timeline.events}
    return {line.get_gid(): line for line in figure.axes[0].lines if line.get_gid() in ids}


def pixels(figure, line) -> list[tuple[float, float]]:
    return [tuple(p) for p in figure.axes[0].transData.transform(list(zip(line.get_xdata(), line.get_ydata())))]


def test_no_two_labels_overlap_and_no_leader_crosses_a_label(chart):
    renderer = chart.canvas.get_renderer()
    boxes = {i: t.get_window_extent(renderer) for i, t in gids(chart, "label:").items()}
    assert len(boxes) >= 40
    ordered = sorted(boxes.items())
    for n, (i, box) in enumerate(ordered):
        for j, other in ordered[n + 1:]:
            assert not Bbox.intersection(box, other) or Bbox.intersection(box, other).width < 1, (i, j)
    for i, leader in gids(chart, "leader:").items():
        (x, y0), (_, y1) = pixels(chart, leader)
        low, high = sorted((y0, y1))
        for j, box in boxes.items():
            if j != i:
                assert not (box.x0 + 1 < x < box.x1 - 1 and box.y0 + 1 < high and low < box.y1 - 1), (i, j)


def test_every_label_is_next_to_its_own_mark(chart):
    renderer = chart.canvas.get_renderer()
    marks, leaders = own_marks(chart), gids(chart, "leader:")
    pt = chart.dpi / 72
    for i, label in gids(chart, "label:").items():
        box = label.get_window_extent(renderer)
        points = pixels(chart, marks[i])
        xs = [x for x, _ in points]
        y = points[0][1]
        if i in leaders:            # a leader from its mark's row to the label's edge
            (lx, ly0), (_, ly1) = pixels(chart, leaders[i])
            assert abs(ly0 - y) <= 8 * pt and box.y0 - 2 <= ly1 <= box.y1 + 2, i
            assert min(abs(lx - box.x0), abs(lx - box.x1)) <= 6 * pt, i
            assert min(abs(lx - x) for x in xs) <= 6 * pt or min(xs) - 1 <= lx <= max(xs) + 1, i
        else:                       # beside its mark, on its row
            assert box.y0 <= y <= box.y1, i
            assert min(abs(box.x0 - max(xs)), abs(min(xs) - box.x1)) <= 30 * pt, i


def test_open_dates_are_marks_with_a_short_arrow_and_no_span(chart, year):
    opens = {e.id for e in year.events if e.date.text.startswith("..") or e.date.text.endswith("..")}
    arrows = gids(chart, "open:")
    assert set(arrows) == opens - {e.id for e in chart.timeline.coarse}
    assert all(isinstance(a, FancyArrowPatch) for a in arrows.values())
    marks = own_marks(chart)
    assert all(len(marks[i].get_xdata()) == 1 for i in arrows)      # a point at the bound, never a span
    renderer = chart.canvas.get_renderer()
    assert max(a.get_window_extent(renderer).width for a in arrows.values()) < 20 / 72 * chart.dpi


def test_small_lanes_fold_into_others_which_names_them(chart):
    lanes = chart.timeline.lanes
    assert lanes == ("Between sides", "Russia", "Ukraine", "United States", "Others")
    notes = " ".join(t.get_text().replace("\n", " ") for t in gids(chart, "lane-note:").values())
    assert "Pro-Ukrainian war mappers" in notes and "United Kingdom" in notes
    assert "talks and deals of several sides" in notes


def test_a_date_too_coarse_for_the_axis_is_listed_not_drawn(chart):
    coarse = [e.id for e in chart.timeline.coarse]
    assert coarse == ["putin-zelenskyy-meeting-august-proposed"]          # dated "2025" on a chart of 2025
    assert "putin-zelenskyy-meeting-august-proposed" not in own_marks(chart)
    footer = next(t.get_text() for t in chart.texts if t.get_gid() == "footer").replace("\n", " ")
    assert "Dated too coarsely to place on this axis, not drawn: A Putin–Zelenskyy meeting" in footer


def test_the_footnote_says_how_many_were_drawn_and_labelled(chart):
    footer = next(t.get_text() for t in chart.texts if t.get_gid() == "footer").replace("\n", " ")
    drawn = len(chart.timeline.events) - len(chart.timeline.coarse)
    assert f"Drawn from {drawn} events, {len(chart.timeline.labels)} labelled: outcomes, agreements" in footer


def test_the_rounds_of_talks_at_the_end_of_the_year_are_labelled(chart):
    labelled = set(chart.timeline.labels)
    for event_id in ("geneva-talks-2025-11-23", "abu-dhabi-talks-2025-11-24", "moscow-talks",
                     "berlin-talks-2025-12-14", "white-house-meeting-2025-08-18"):
        assert event_id in labelled, event_id
    assert len(labelled) >= 50


@pytest.mark.parametrize(("event_id", "rule"), [
    ("moscow-talks", 1),                     # an outcome recorded
    ("kremlin-rejects-counter-proposal", 4),  # a refusal by a state
    ("zelenskyy-ireland-visit", 3),          # a visit of a head of state
    ("assessment-russian-gains-2025", None),  # an assessment: a mark
])
def test_the_rule_of_key_events(year, event_id, rule):
    event = next(e for e in year.events if e.id == event_id)
    assert keyed.key_rank(year, event, 0) == rule


def test_the_data_has_no_publisher_or_placeholder_as_an_actor(year):
    names = [a.name for a in year.actors.values()]
    assert "Reuters" not in names and not any("unnamed" in n.casefold() for n in names)
    assert all("reuters" not in e.actors() for e in year.events)
