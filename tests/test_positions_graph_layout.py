"""The stance grid's columns in an order a reader can name, and claims inside their outlines, measured on the drawn
artists at the size the grid needs, a 6x9 column, a page and a slide."""
from __future__ import annotations

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.render.stance_columns import column_order
from timeline.render.stance_graph import draw_stance_graph, held_stances

SIZES = {"as needed": None, "6x9": (6, 9), "page": (11, 8.5), "slide": (13.33, 7.5)}


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


@pytest.fixture(scope="module")
def grids(seeds):
    figures = {name: draw_stance_graph(seeds, size=size) for name, size in SIZES.items()}
    for figure in figures.values():
        figure.canvas.draw()
    return figures


def test_the_sides_stand_together_the_europeans_together_and_the_mediator_apart(seeds, grids):
    """Last round: United States, Russia, Ukraine's European allies, Ukraine, European Union."""
    held, _ = held_stances(seeds)
    order, sentence = column_order(seeds, held)
    assert order == ["russia", "ukraine", "european-union", "european-allies", "united-states"]
    assert sentence == "Columns: Russia and Ukraine, the sides most in the record, then those nearer Ukraine; mediator US last."
    for figure in grids.values():
        heads = sorted((t for t in figure.axes[0].texts if (t.get_gid() or "").startswith("actor:")),
                       key=lambda t: t.get_position()[0])
        assert [t.get_gid()[6:] for t in heads] == order
        footer = next(t for t in figure.texts if t.get_gid() == "footer").get_text().replace("\n", " ")
        assert sentence in footer


def test_without_a_mediator_the_order_names_no_mediator(seeds):
    held = [h for h in held_stances(seeds)[0] if h[0] != "united-states"]
    order, sentence = column_order(seeds, held)
    assert order[:2] == ["russia", "ukraine"] and "united-states" not in order and "mediator" not in sentence


@pytest.mark.parametrize("size", SIZES)
def test_every_claims_words_stand_inside_their_outline(grids, size):
    """At 6x9 two-line claims ran over their outline ("kraine says:" cut at the left, the words touching the top)."""
    ax = grids[size].axes[0]
    outlines = {p.get_gid(): p.get_window_extent() for p in ax.patches if (p.get_gid() or "").endswith(":claimed")}
    assert len(outlines) == 6
    for text in (t for t in ax.texts if (t.get_gid() or "").endswith(":claimed")):
        words, box = text.get_window_extent(), outlines[text.get_gid()[6:]]
        assert box.x0 + 1 <= words.x0 and words.x1 <= box.x1 - 1, (size, text.get_text())
        assert box.y0 + 1 <= words.y0 and words.y1 <= box.y1 - 1, (size, text.get_text())
        assert text.get_fontsize() >= 6
        own = [p.get_window_extent() for p in ax.patches if (p.get_gid() or "").startswith("stance:")
               and not p.get_gid().endswith(":claimed")]
        assert not any(box.overlaps(o) for o in own), text.get_gid()


def test_every_issue_still_fits_6x9(grids):
    subtitle = next(t for t in grids["6x9"].texts if t.get_gid() == "subtitle").get_text()
    assert "Showing" not in subtitle
    assert len({t.get_gid() for t in grids["6x9"].axes[0].texts if (t.get_gid() or "").startswith("issue:")}) == 14
