"""The actor graphs against round 12's no-context judge: arrowheads into a hub, side names crossed by lines, and a
key that names only what is drawn. Synthetic records where the rule can be shown small; the judged drawings are
shared with the other graph modules (:func:`graph_geometry.drawn`)."""
from __future__ import annotations

import pytest
from graph_geometry import by_gid, drawn, drawn_line, head_gaps, head_tips
from matplotlib.colors import to_hex

from timeline.dates import parse_edtf
from timeline.model import Actor, Dataset, Event
from timeline.render import style
from timeline.render.graph import draw_graph

STATES = ("hub", "ava", "bor", "cal")
KINDS = ("demand", "proposal", "military_action", "claim")


def _hub() -> Dataset:
    """Four states; Avaria demands, proposes, attacks and claims against the hub (a bundle of four heads), the others
    demand and propose (two heads each), and all of them meet it: eight heads and three lines into one node."""
    actors = [Actor(s, s.title() + "ia", kind="state") for s in STATES]
    events = [Event(f"a{k}", kind, parse_edtf(f"2025-01-{k + 1:02}"), source=("ava",), target=("hub",))
              for k, kind in enumerate(KINDS)]
    events += [Event(f"{s}{k}", kind, parse_edtf(f"2025-02-{k + 1:02}"), source=(s,), target=("hub",))
               for s in STATES[2:] for k, kind in enumerate(KINDS[:2])]
    events += [Event(f"m{s}", "meeting", parse_edtf("2025-03-01"), participants=(s, "hub")) for s in STATES[1:]]
    return Dataset(actors={a.id: a for a in actors}, events=events, title="A hub")


@pytest.fixture(scope="module")
def hub():
    return draw_graph(_hub(), layout="stress", size=(11.0, 8.5), dpi=60)


def test_arrowheads_into_a_hub_lie_a_heads_width_apart(hub):
    # judge12 (must fix): about 8 heads knotted on the Ukraine square, three of them one bundle's lanes, spaced as
    # its lines; each two tips into one node now lie at least the wider head's width apart
    assert len(head_tips(hub)["hub"]) == 8
    gaps = head_gaps(hub)
    assert {node: (round(gap, 1), round(wide, 1)) for node, (gap, wide) in gaps.items() if gap < wide} == {}


def test_the_state_table_heads_are_in_the_colours_drawn():
    # judge12: 'Demanded, rejected' was red over a map with no red line
    figure = draw_graph(_hub(), level="state", size=(14.0, 8.0), dpi=40)
    heads = {gid.split(":")[-1]: t for gid, t in by_gid(figure, "table").items() if gid.startswith("head:")}
    assert {"talks", "pressure"} <= set(heads)
    drawn_colours = {to_hex(patch.get_edgecolor()) for patch in by_gid(figure, "edge").values()}
    assert {to_hex(text.get_color()) for text in heads.values()} <= {to_hex(style.INK), *drawn_colours}


@pytest.mark.parametrize("name, options", [("2025", {"size": (11.0, 8.5), "dpi": 150}), ("2022-2025", {"dpi": 150})])
def test_no_line_runs_through_a_sides_name(name, options):
    # judge12: the chronology's 'Ukraine' cut by the red and black edges into its square, the seed's 'Russia' by a
    # dotted edge: a name a line crosses moves round its circle (drawings shared with the other modules)
    figure = drawn(name, **options)
    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72
    crossed = []
    for side, text in by_gid(figure, "group-label").items():
        box = text.get_window_extent(renderer).padded(-1)
        for edge, patch in by_gid(figure, "edge").items():
            x, y = drawn_line(patch).T
            grow = patch.get_linewidth() * px / 2
            if ((x >= box.x0 - grow) & (x <= box.x1 + grow) & (y >= box.y0 - grow) & (y <= box.y1 + grow)).any():
                crossed.append((side, edge))
    assert crossed == []
