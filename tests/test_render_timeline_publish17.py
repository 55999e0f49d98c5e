"""Round 17 (judged round 16): the magnified weeks' edge ticks name the caption's first and last day, and no two
tick labels touch; a number set beside its mark lies clearly nearer it than any other mark (measured on every
judged chart)."""
from __future__ import annotations

import itertools
import re

import pytest
from judged_charts import COLUMN, DATA, PAGE, SLIDE, chart

JUDGED = [(name, size) for name in DATA for size in (None, SLIDE, PAGE, COLUMN)]
#: Pixels at 100 dpi between two tick labels of the date axis (judged round 16: "Nov" and "17 Nov", 9 px apart, read as
#: jammed; elsewhere they keep 20 px and more).
TICK_AIR = 12.0


def _tick_labels(figure):
    """(x in date numbers, words, display box) of every labelled tick of the date axis, left to right."""
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    ticks = [*ax.xaxis.get_major_ticks(), *ax.xaxis.get_minor_ticks()]
    out = [(t.get_loc(), t.label1.get_text(), t.label1.get_window_extent(renderer)) for t in ticks
           if t.label1.get_visible() and t.label1.get_text().strip()
           and ax.get_xlim()[0] <= t.get_loc() <= ax.get_xlim()[1]]
    return sorted(out, key=lambda t: t[2].x0)


@pytest.mark.parametrize(("name", "size"), JUDGED)
def test_no_two_tick_labels_touch(name, size):
    """Judged round 16: "Nov" and "17 Nov" jammed together where the magnified weeks begin. Every two tick
    labels keep :data:`TICK_AIR` pixels apart."""
    figure = chart(name, size)
    scale = figure.dpi / 100
    labels = _tick_labels(figure)
    assert len(labels) >= 3
    for (_, a, p), (_, b, q) in itertools.combinations(labels, 2):
        gap = max(p.x0 - q.x1, q.x0 - p.x1)
        assert gap >= TICK_AIR * scale, (a, b, gap / scale)


def _caption_days(figure) -> tuple[str, str]:
    words = " ".join(t.get_text() for t in figure.texts)
    found = re.search(r"[Tt]inted(?: weeks)?, (\d+ \w{3}) ?– ?(\d+ \w{3})", words)
    assert found, words
    return found.group(1), found.group(2)


@pytest.mark.parametrize("size", [None, SLIDE, PAGE])
def test_the_magnified_weeks_edge_ticks_name_the_captions_days(size):
    """Judged round 16: the caption said "16 Nov – 7 Dec, drawn 4 times wider" but the tinted band's edge ticks read
    "17 Nov" and "8 Dec". The first and last tick over the tint name the caption's first and last day, each set
    over that day (its middle, where its marks are drawn)."""
    import matplotlib.dates as mdates

    figure = chart("seed", size)
    ax = figure.axes[0]
    tint = next(p for p in ax.patches if p.get_gid() == "zoom")
    a, b = (tint.get_x(), tint.get_x() + tint.get_width())
    inside = [(x, words) for x, words, _ in _tick_labels(figure) if a <= x <= b]
    first, last = _caption_days(figure)
    assert [inside[0][1].split("\n")[0], inside[-1][1].split("\n")[0]] == [first, last]
    for x, words in (inside[0], inside[-1]):
        day = mdates.num2date(x)
        assert f"{day.day} {day:%b}" == words.split("\n")[0] and x % 1 == pytest.approx(0.5)
