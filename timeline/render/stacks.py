"""Marks that would lie on one another, drawn as one with their number: the rule against overplotting.

A chart squeezed into a short figure (a slide) has rows lower than a
marker: marks packed on consecutive rows then overlap, and a pile of six
statements reads as one smudge. Rather than jitter them (which invents
dates) or let them overlap, marks that would be drawn as the same mark in
the same place become one mark with "×6" beside it, and a note says so:

- the same lane, the same type family and the same look (status, open
  side, point or span);
- their footprints on the axis overlap (less than a marker's width apart
  at the chart's scale), so the merged mark's place is no less precise
  than the marker itself;
- none of them is a key event (:mod:`timeline.render.key_events`): those keep
  their own marks, labels and numbers.

Stacks are only made when the rows would be lower than :data:`LEAST_PITCH`
points; a chart with room draws every mark.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from timeline.palette import family_of
from timeline.render import style
from timeline.render.legend import MARKER
from timeline.render.spans import Glyph, TimeScale

#: Points between rows under which marks on consecutive rows would touch: stacks are made below it.
LEAST_PITCH = MARKER + 1.5
#: The note under a chart with stacks.
#: What a "×3" stands for, in every note that explains it (judged round 10: the slide and the column said it
#: differently).
STACK_MEANING = "right of a mark: that many events of one kind, too close in time to draw apart"
STACK_NOTE = "“×2”{more} " + STACK_MEANING + "."


def stack_marks(glyphs: Sequence[Glyph], scale: TimeScale, points_wide: float, keep: set[int]
                ) -> list[tuple[int, Glyph]]:
    """(index, glyph) of the glyphs left when those that would overlap are merged (see the module), in their
    order; ``points_wide`` is the axis' width in points, ``keep`` the indexes of key events, never merged. Each
    merged mark is its first (earliest) glyph, holding the others' events in ``stack``."""
    units = float(scale.units[-1] - scale.units[0])
    where = [scale.fraction(g.x) * points_wide for g in glyphs]
    groups: dict[tuple, list[int]] = {}
    for i in sorted(range(len(glyphs)), key=lambda i: (where[i], i)):
        if i in keep or glyphs[i].stack:
            continue
        groups.setdefault(_look(glyphs[i], points_wide / units / scale.days_per_unit(glyphs[i].x)), []).append(i)
    merged: dict[int, list[int]] = {}
    for members in groups.values():
        head = members[0]
        for i in members[1:]:
            if where[i] - where[head] < MARKER:            # within a marker of the stack's first mark
                merged.setdefault(head, []).append(i)
            else:
                head = i
    gone = {i for rest in merged.values() for i in rest}
    return [(i, replace(g, stack=tuple(glyphs[j].event for j in merged[i])) if i in merged else g)
            for i, g in enumerate(glyphs) if i not in gone]


def _look(glyph: Glyph, points_per_day: float) -> tuple:
    """What must be alike for two marks to be one: lane, family, status look, open side, point or span."""
    from timeline.render.marks import is_span

    look = style.status_look(glyph.event.status)
    return (glyph.lane, family_of(glyph.event.type).id, look, glyph.open_start, glyph.open_end,
            is_span(glyph, points_per_day), glyph.event.date.uncertain, glyph.event.date.approximate)


def stack_note(glyphs: Sequence[Glyph]) -> str | None:
    """The note that says marks were merged, or ``None``."""
    stacks = [len(g.stack) + 1 for g in glyphs if g.stack]
    return STACK_NOTE.format(more=f" to “×{max(stacks)}”" * (max(stacks) > 2)) if stacks else None


def stack_text(glyph: Glyph) -> str:
    """'×6' beside a mark that stands for six events; '' for one."""
    return f"×{len(glyph.stack) + 1}" if glyph.stack else ""
