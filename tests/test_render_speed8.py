"""Issue 18: the counted timeline chart's date conversion and shades, made faster, draw what they drew before."""
from __future__ import annotations

from matplotlib.dates import date2num
from matplotlib.patches import StepPatch

from timeline.dates import parse_edtf
from timeline.model import Dataset, Event
from timeline.palette import FAMILIES
from timeline.render.counts import print_shades
from timeline.render.spans import FIRST_DAY, LAST_DAY, _known_span, glyphs_of
from timeline.render.timeline import draw_timeline


def test_glyphs_hold_each_events_date_numbers() -> None:
    events = [Event("a", "meeting", parse_edtf("2025-11-21")), Event("b", "meeting", parse_edtf("2025-10/..")),
              Event("c", "meeting", parse_edtf("../2025-12-02")),
              Event("d", "meeting", parse_edtf("2025-11-21T10:00:00+03:00")),
              Event("e", "meeting", parse_edtf("2025-11-21T10:00:00-05:00"))]
    glyphs = glyphs_of(events, [(0,), (1, 2), (0,), (0,), (3,)])
    assert [(g.key, g.lane, g.lo, g.hi, g.open_start, g.open_end) for g in glyphs] == [
        ("a", 0, 20413.0, 20414.0, False, False),
        ("b", 1, 20362.0, 20393.0, False, True), ("b@1", 2, 20362.0, 20393.0, False, True),
        ("c", 0, 20424.0, 20425.0, True, False),
        ("d", 0, 20413 + 7 / 24, 20413 + 7 / 24 + 1 / 86400, False, False),      # 10:00 +03 is 07:00 UTC
        ("e", 3, 20413 + 15 / 24, 20413 + 15 / 24 + 1 / 86400, False, False)]    # 10:00 -05 is 15:00 UTC
    assert glyphs_of([], []) == []


def test_glyphs_match_one_conversion_per_date_on_the_seed(seed: Dataset) -> None:
    events = list(seed.events) + [Event("early", "meeting", parse_edtf("0001-01-01")),      # drawn at the edges
                                  Event("late", "meeting", parse_edtf("9999-12-31"))]
    glyphs = glyphs_of(events, [(0,)] * len(events))
    zones = {e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}
    assert len(zones) <= 1 and len(events) > 20          # one zone: no shift to UTC here
    expected = []
    for event in events:                                  # a datetime at a time, as the chart did until round 11
        start, end, *_ = _known_span(event.date)
        expected.append(tuple(float(date2num(min(max(d, FIRST_DAY), LAST_DAY))) for d in (start, end)))
    assert [(g.lo, g.hi) for g in glyphs] == [(lo, max(lo, hi)) for lo, hi in expected]
    assert (glyphs[-2].lo, glyphs[-1].hi) == (float(date2num(FIRST_DAY)), float(date2num(LAST_DAY)))


def test_shades_are_kept_per_colour_list_and_not_shared() -> None:
    colors = [f.color for f in FAMILIES.values()][:3]
    first = print_shades(colors)
    first[0] = "#000000"
    assert print_shades(colors) != first and print_shades(colors) == print_shades(tuple(colors))
    assert print_shades(["#123456"]) == ["#123456"]


def test_counted_bars_take_the_families_shades(seed: Dataset) -> None:
    figure = draw_timeline(seed, aggregate=True, battlefield=False)
    bars = [a for a in figure.axes[0].artists if isinstance(a, StepPatch)] or \
        [a for ax in figure.axes for a in ax.patches if isinstance(a, StepPatch)]
    families = [f for f in FAMILIES.values() if any(b.get_gid().endswith(f":{f.id}") for b in bars)]
    shade = dict(zip((f.id for f in families), print_shades([f.color for f in families])))
    assert len(families) >= 2
    for bar in bars:
        family = bar.get_gid().rsplit(":", 1)[1]
        assert bar.get_facecolor()[:3] == tuple(int(shade[family][k:k + 2], 16) / 255 for k in (1, 3, 5))
