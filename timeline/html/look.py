"""The page's look, read from the project's one palette: the colours of types, statuses, relations and sides.

This module is the page's only door to colours: it translates the palette the
charts use (:mod:`timeline.palette`) into what a browser draws, so the page and
the PNG images agree.
Nothing here picks a colour of its own; the lists of types, statuses and
relations are the model's, in its order.

Matplotlib's terms become CSS and Cytoscape.js terms: a dash pattern in
multiples of the line width becomes ``[on, off, ...]`` in pixels; a hollow
status becomes ``fill: false`` with a border style (``solid``, ``dashed``,
``dotted``, ``double`` for the dash-dot the charts use).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from timeline import graph as graphs
from timeline import model, palette
from timeline.model import EVENT_TYPES, HELD_STATUSES, STATUSES, Dataset, Event
from timeline.render import style

#: The page's ink, as in page.css; labels on a coloured fill take it or white, whichever reads better.
INK = "#1a1a1a"
#: Matplotlib's dash names, as CSS border styles (the dash-dot has no CSS style: a double line stands for it).
BORDERS = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "double"}


def type_looks() -> list[dict[str, Any]]:
    """Every event type of the model, in its order: ``id, label, color, ink, shape, family, familyLabel,
    familyColor, symmetric``: the palette's family of the type (:func:`timeline.palette.family_of`: its colour
    and shape, as the chart draws it).
    """
    looks = []
    for name, kind in EVENT_TYPES.items():
        family = palette.family_of(name)
        looks.append({"id": name, "label": kind.label, "color": family.color, "ink": ink_on(family.color),
                      "shape": family.shape, "family": family.id, "familyLabel": family.label,
                      "familyColor": family.color, "symmetric": kind.symmetric})
    return looks


def status_looks() -> list[dict[str, Any]]:
    """Every status of the model (``STATUS_INFO``), in its order, with the chart's look of it
    (``timeline.render.style.status_look``):
    ``id, label, held, pending, contested, fill, border, ring, struck, alpha, key`` (``key``: the legend's words)."""
    looks = []
    for status in STATUSES:
        info = model.STATUS_INFO[status]
        look = style.status_look(status)
        looks.append({"id": status, "label": info.label, "held": status in HELD_STATUSES, "pending": info.pending,
                      "contested": info.contested, "fill": look.fill, "border": BORDERS.get(look.line, "solid"),
                      "ring": look.ring, "struck": look.struck, "alpha": look.alpha, "key": look.label})
    return looks


def relation_looks() -> list[dict[str, Any]]:
    """Every relation of the actor graphs, in the library's order: ``id, label, color, dash, directed, family,
    familyLabel``; ``dash`` is ``[on, off, ...]`` in line widths, empty for a solid line. The colour and dash
    are the relation's family's in the palette (``timeline.palette.relation_family``), as the graph image
    draws them; ``label`` is the relation's own words, for its details."""
    looks = []
    for relation in graphs.ACTOR_RELATIONS:
        family = palette.relation_family(relation)
        looks.append({"id": relation, "label": style.relation_label(relation), "color": family.color,
                      "dash": _dash(family.dash), "directed": relation not in graphs.UNDIRECTED_RELATIONS,
                      "family": family.id, "familyLabel": family.label})
    return looks


def _dash(dash: object) -> list[float]:
    """A matplotlib dash (``"-"``, ``"--"``, ``(offset, (on, off, ...))``) as ``[on, off, ...]``."""
    named = {"-": [], "--": [3.7, 1.6], ":": [1, 1.65], "-.": [6.4, 1.6, 1, 1.6]}
    if isinstance(dash, str):
        return named.get(dash, [])
    if isinstance(dash, tuple) and len(dash) == 2 and isinstance(dash[1], Iterable):
        return [float(x) for x in dash[1]]
    return []


def side_colors(dataset: Dataset, events: Iterable[Event], drawn: Iterable[str] = ()) -> dict[str, str]:
    """A colour for every side of the ``events`` (side id -> ``#rrggbb``), as the graph image gives them: the
    dataset's own, the palette's stable ones, then the free colours by activity in the whole record, the
    ``drawn`` sides (those of the actor graph the image draws) first, so that they match the PNG."""
    counts = Counter(s for e in dataset.events for s in {dataset.side(a) for a in e.actors()})
    drawn = set(drawn)
    sides = drawn | {dataset.side(a) for e in events for a in e.actors()}
    order = sorted(sides, key=lambda s: (s not in drawn, -counts[s], s))
    return {side: color.lower() for side, color in palette.side_colors(order, dataset).items()}


def ink_on(background: str) -> str:
    """White or :data:`INK`, whichever has the higher contrast on ``background`` (WCAG 2 contrast ratio)."""
    fill = palette.hex_rgb(background)
    on_white = palette.contrast(palette.hex_rgb("#ffffff"), fill)
    return "#ffffff" if on_white >= palette.contrast(palette.hex_rgb(INK), fill) else INK
