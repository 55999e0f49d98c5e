"""Issue 18, round 11: the timeline chart drawn once where nothing waits for its layout, to the same bytes, and
its lanes planned once per set of acting actors, to the same lanes."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from timeline import dataset as loader
from timeline.model import Dataset
from timeline.render import lanes
from timeline.render.files import save_figure
from timeline.render.timeline import draw_timeline

SPANS = Path(__file__).parent / "charts" / "spans.yaml"


def _bytes(figure: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    save_figure(figure, out, fmt, 50)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_a_chart_of_counts_is_drawn_once_to_the_bytes_of_two_draws(fmt: str, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    data = loader.load(SPANS)
    draws = []
    monkeypatch.setattr(Figure, "draw_without_rendering", lambda self: draws.append(self))
    once = draw_timeline(data, aggregate=True)
    assert draws == []                                    # no tag and no zoom note: no layout draw before saving
    monkeypatch.undo()
    twice = draw_timeline(data, aggregate=True)
    twice.draw_without_rendering()                        # what every chart went through until round 11
    assert _bytes(once, fmt) == _bytes(twice, fmt)


def test_a_chart_of_tagged_events_is_laid_out_before_its_tags_are_placed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = loader.load(SPANS.with_name("days.yaml"))
    draws = []
    layout = Figure.draw_without_rendering
    monkeypatch.setattr(Figure, "draw_without_rendering", lambda self: draws.append(layout(self)))
    figure = draw_timeline(data)
    assert draws and any((t.get_gid() or "").startswith(("number:", "qualifier:")) for t in figure.axes[0].texts)


def test_the_sides_worked_out_once_per_set_of_actors_are_each_events_own(seed: Dataset) -> None:
    events = [*seed.events, *seed.events[:50]]
    assert lanes._sides_of(seed, events) == [lanes.acting_sides(seed, e) for e in events]
    assert len({len(s) for s in lanes._sides_of(seed, events)} - {1}) > 0    # several sides and one side both met
