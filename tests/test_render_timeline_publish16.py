"""Round 16 (judged round 15): a label beside its mark keeps a line's full height from other such labels but only
half of it from marks; a link's route is short, turns little and runs along no label's words (measured on every
judged chart; strict xfails where it does not yet)."""
from __future__ import annotations

import pytest
from judged_charts import (
    ALONG,
    COLUMN,
    MAX_DETOUR,
    MAX_TURNS,
    PAGE,
    SLIDE,
    chart,
    link_routes,
    links_along_words,
)

from timeline.render import keyed


def _three(line_rows: int, mark_rows: int) -> list[int]:
    """The rows of two marks at one x whose labels go beside them (reserved), and of a mark under those labels."""
    lines = [keyed.Mark(0, 100.0, 110.0, 105.0, label_width=80.0, lines=1, priority=(k,), line_width=80.0,
                        reserve=True) for k in range(2)]
    plain = keyed.Mark(0, 150.0, 160.0, 155.0)
    keyed.lay_out([*lines, plain], 1, 400.0, [0], 2.0, line_rows, mark_rows=mark_rows)
    return [m.row for m in (*lines, plain)]


def test_a_line_keeps_its_full_clearance_from_lines_and_half_from_marks():
    """Judged rounds 12–15: the slide's talks took 62% of its height, labels beside their marks kept as many rows
    clear of marks as of each other. A line keeps ``line_rows`` rows clear of other lines and ``mark_rows`` of
    marks: the second line 4 rows below the first, the plain mark 2 rows below it (in the rows between)."""
    assert _three(3, 1) == [0, 4, 2]
    assert _three(3, 3) == [0, 4, 8]          # one clearance for both, as before


def test_the_slide_keeps_its_labels_in_fewer_rows():
    """Judged round 15: the slide's talks lane took 62% of the height with its 14 labels. Half a line's clearance
    from marks and a line's (not a line and a row more) from other lines: 55%, all 14 labels kept."""
    ax = chart("seed", SLIDE).axes[0]
    tops = sorted(t.xy[1] for t in ax.texts if (t.get_gid() or "").startswith("lane:"))
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("label:") and t.get_text().strip()]
    assert (tops[1] - tops[0]) / (max(ax.get_ylim()) - tops[0]) < 0.56 and len(labels) == 14


#: The judged charts whose link's route is short. A way between lanes kept free of labels with leaders (tried in
#: round 16) made the Moscow page's and the chronology's routes short (382 -> 91 px, 227 -> 42 px) but cost
#: Sybiha's label and the chronology's neutrality and talks-suspended labels, and left numbers off level: not kept.
ROUTED = [("moscow", SLIDE), ("chronology", SLIDE), ("chronology", PAGE)]
WHY = "round 16: labels (and the power grid's span under the annexation) stand across the straight way; "
DETOURS = [pytest.param(name, size, marks=pytest.mark.xfail(strict=True, reason=WHY + why)) for name, size, why in (
    ("moscow", None, "5 turns over 382 px, 3.1 times its ends' distance"),
    ("moscow", PAGE, "5 turns over 395 px, 2.9 times"),
    ("moscow", COLUMN, "2 turns over 334 px, 3.3 times"),
    ("chronology", None, "6 turns over 227 px, 1.9 times"),
    ("chronology", COLUMN, "5 turns over 528 px, 3.6 times"))]


@pytest.mark.parametrize(("name", "size"), [*ROUTED, *DETOURS])
def test_a_link_is_short_and_turns_little(name, size):
    """Judged round 15: the Moscow chart's dispute turned four times over about 3.1 times the distance between its
    marks. Every link turns at most :data:`MAX_TURNS` times and is at most :data:`MAX_DETOUR` times that long."""
    routes = link_routes(chart(name, size))
    assert routes
    for gid, turns, length, straight in routes:
        assert turns <= MAX_TURNS and length <= MAX_DETOUR * straight, (gid, turns, length, straight)


@pytest.mark.parametrize(("name", "size"), [*ROUTED, ("moscow", PAGE), ("chronology", None), ("chronology", COLUMN),
                                           ("moscow", COLUMN), pytest.param("moscow", None, marks=pytest.mark.xfail(
                                               strict=True, reason=WHY + "its last leg 111 px under the claim's words"))])
def test_no_link_runs_along_a_label(name, size):
    """Judged round 15: the dispute's last leg ran under "Russia claims to have captured Pokrovsk" (read as
    underlining it). No run of a link lies along a label's words, above or beneath them, for more than
    :data:`ALONG` pixels."""
    assert ALONG and not links_along_words(chart(name, size))
