"""The page's look, read from the project's one palette: the colours of types, statuses, relations and sides.

This module is the page's only door to colours: it translates the palette the
charts use (:mod:`timeline.palette`) into what a browser draws, so the page and
the PNG images agree.
Nothing here picks a colour of its own; the lists of types, statuses and
relations are the model's, in its order.

Matplotlib's terms become CSS and Cytoscape.js terms: a dash pattern in
multiples of the line width becomes ``[on, off, ...]`` in pixels; a status
keeps the chart's flags (fill, ring, strike, opacity) and its key's words.
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
    ``id, label, held, pending, contested, fill, ring, struck, alpha, key, keyWith``: ``key`` is the words
    of the chart's key for the statuses drawn alike (:func:`status_key`), ``keyWith`` the first of them."""
    keys = {status: (group[0], words) for group, words in status_key() for status in group}
    looks = []
    for status in STATUSES:
        info = model.STATUS_INFO[status]
        look = style.status_look(status)
        first, words = keys.get(status, (status, look.label))
        looks.append({"id": status, "label": info.label, "held": status in HELD_STATUSES, "pending": info.pending,
                      "contested": info.contested, "fill": look.fill, "ring": look.ring,
                      "struck": look.struck, "alpha": look.alpha, "key": words, "keyWith": first})
    return looks


def status_key() -> list[tuple[tuple[str, ...], str]]:
    """The timeline image's key of statuses (``timeline.render.legend.cue_entries`` with spans drawn), without
    importing matplotlib: the statuses drawn alike (fill, ring, strike, opacity) in one entry, in the model's
    order, with its words, e.g. ``(("planned", "proposed"), "Planned or proposed (hollow, a span dashed; label in
    italics)")``; ``occurred``, the default, has none."""
    groups: dict[tuple, list[str]] = {}
    for status in (s for s in STATUSES if s != "occurred"):
        look = style.status_look(status)
        groups.setdefault((look.fill, look.ring, look.struck, look.alpha, look.fill and status), []).append(status)
    entries = []
    for group in groups.values():
        look = style.status_look(group[0])
        if look.fill:
            words = look.label.replace(", label says so", "")
        else:
            names = [style.status_look(s).label.split(" (")[0].split(",")[0] for s in group]
            faded = ", faded" if look.alpha < 1 else ""
            words = f"{' or '.join([names[0], *(n.lower() for n in names[1:])])} (hollow{faded}, a span dashed; " \
                    "label in italics)"
        entries.append((tuple(group), words))
    return entries


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
    ``drawn`` sides (those of the actor graph the image draws) first; then, as the image does, only the principal
    sides keep theirs (:func:`timeline.palette.principal_colors`) and every other side is
    :data:`timeline.palette.OTHER_SIDE` grey, so that no other side wears a hue close to a principal's or a
    relation's (judged round 10: the EU orange-red beside Russia's orange, the UAE light blue beside Ukraine's)."""
    counts = Counter(s for e in dataset.events for s in {dataset.side(a) for a in e.actors()})
    drawn = set(drawn)
    sides = drawn | {dataset.side(a) for e in events for a in e.actors()}
    order = sorted(sides, key=lambda s: (s not in drawn, -counts[s], s))
    colors = palette.principal_colors(palette.side_colors(order, dataset))
    return {side: color.lower() for side, color in colors.items()}


def ink_on(background: str) -> str:
    """White or :data:`INK`, whichever has the higher contrast on ``background`` (WCAG 2 contrast ratio)."""
    fill = palette.hex_rgb(background)
    on_white = palette.contrast(palette.hex_rgb("#ffffff"), fill)
    return "#ffffff" if on_white >= palette.contrast(palette.hex_rgb(INK), fill) else INK
