"""The actor graphs against round 8's findings, measured on the drawn figures: labels touch their nodes, and lines
bow only a little (the 2025 seed at person and state level, page size; the 2022–2025 chronology; the Moscow seed)."""
from __future__ import annotations

from pathlib import Path

import pytest
from graph_geometry import bows, by_gid, drawn, label_gaps

from timeline.render.graph_edges import MAX_RAD, MAX_RAD_NODE

ROOT = Path(__file__).parents[1]
PAGE = (11.0, 8.5)


@pytest.fixture(scope="module")
def figures():
    """The drawings other modules judge too (tests/test_render_graph_judged.py), shared."""
    return {"person-page": drawn("2025", size=PAGE, dpi=150), "state-page": drawn("2025", level="state", size=PAGE, dpi=150),
            "2022-2025": drawn("2022-2025", dpi=150), "2022-2025-state": drawn("2022-2025", level="state", dpi=150),
            "moscow": drawn("moscow", dpi=150)}


def test_every_label_touches_its_node(figures):
    # judged round 7: labels stood up to 66 points off their node (Hnatov 60, Kushner 44, Trump 32 on the person
    # page), read as their neighbour's or as a caption of the line beside them; now at most 10 points, unless every
    # spot that near lies on another label or node: then a leader joins it (two at most: Gerasimov, Umerov); round 10
    # also sends a label out on a leader rather than lay it on a line (the person page: 6 of its 20 labels); round 11
    # also rather than leave it about as near another node (judge10: Dmitriev, Hnatov "need leaders"): 8 of 20
    for name, figure in figures.items():
        gaps = label_gaps(figure)
        assert len(gaps) >= 5, name
        joined = set(by_gid(figure, "leader"))
        assert {n: round(g, 1) for n, g in gaps.items() if g > 12.0 and n not in joined} == {}, name
        # round 11 merged: the person page sends 9 of its 20 labels out on leaders (8 on graphs11 alone)
        # round 16: the chronology 7 (labels side by side kept an em apart, judged16)
        assert len(joined) <= {"person-page": 9, "2022-2025": 7}.get(name, max(2, 2 * len(gaps) // 5)), name


def test_lines_bow_little(figures):
    # judged round 7: arcs bent far round nodes (up to 0.67 of their chord off it, the person page's Lavrov–Rubio);
    # now a line's middle is at most MAX_RAD / 2 of its chord off, and only to clear a third node MAX_RAD_NODE / 2
    for name, figure in figures.items():
        bowed = bows(figure)
        assert bowed and max(bowed.values()) <= MAX_RAD_NODE / 2 + 0.01, name
        # counted by pair, a pair's lines bowing as one bundle: the chronology's Russia–Ukraine pair, two hostile
        # lines since round 12 (each way's strongest), is a bundle too wide to pass straight between Medinsky's and
        # Zelenskyy's nodes (one line was) and bows round them (0.40 of its chord, as at 100 dpi: not the dpi)
        pairs = {frozenset(e.split(":")[:2]) for e, b in bowed.items() if b > MAX_RAD / 2 + 0.01}
        assert len(pairs) <= (3 if name == "2022-2025" else 2), (name, bowed)
