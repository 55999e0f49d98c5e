"""Dates as positions on a timeline's axis: each event's known span, and a time scale that compresses empty time.

Positions are matplotlib date numbers (days since 1970). The axis covers
the known spans of the events and nothing more: an open end ('2025-10/..')
fades to the edge of the chart instead of stretching it. A stretch with no
event that takes over :data:`GAP_SHARE` of the range is compressed to
:data:`BREAK_SHARE` of the width and marked as a break, so that a record of
2022 and 2025 gives its width to 2022 and 2025. Dates are drawn between
:data:`FIRST_DAY` and :data:`LAST_DAY`; a date past them (which EDTF allows)
is drawn at the edge, and :attr:`TimeScale.clipped` says so.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from matplotlib.dates import date2num

from timeline.dates import DateSpan, parse_edtf
from timeline.model import Event

FIRST_DAY = datetime(1, 1, 3)
LAST_DAY = datetime(9999, 12, 29)
_FIRST, _LAST = float(date2num(FIRST_DAY)), float(date2num(LAST_DAY))
_EPOCH, _MICROSECOND = datetime(1970, 1, 1), timedelta(microseconds=1)
_FIRST_US, _LAST_US = (FIRST_DAY - _EPOCH) // _MICROSECOND, (LAST_DAY - _EPOCH) // _MICROSECOND
#: An empty stretch is compressed when it is longer than this share of the range (and :data:`GAP_DAYS`).
GAP_SHARE = 0.2
GAP_DAYS = 60
#: The share of the axis width a compressed stretch keeps.
BREAK_SHARE = 0.04
#: Margin on either side of the known spans, as a share of the range.
PAD = 0.03
#: The densest stretch of :data:`DENSE_SHARE` of the days drawn (at least :data:`DENSE_DAYS`) is magnified
#: when it holds :data:`DENSE_RATIO` times its share of the events and at least :data:`DENSE_LEAST` events,
#: by its excess over its share, from 2 to :data:`MAX_ZOOM` times.
DENSE_SHARE, DENSE_DAYS, DENSE_RATIO, DENSE_LEAST, MAX_ZOOM = 0.06, 10.0, 3.0, 15, 5


@dataclass(slots=True)
class Glyph:
    """One event as drawn in one lane: the span of its known date (date numbers) and which ends are open."""

    event: Event
    lane: int
    lo: float
    hi: float
    open_start: bool
    open_end: bool
    copy: int = 0
    stack: tuple[Event, ...] = ()     # further events this mark stands for (:mod:`timeline.render.stacks`)

    @property
    def key(self) -> str:
        """The event's id, and for its copies in further lanes (lanes by actor) '@1', '@2'...: a gid."""
        return f"{self.event.id}@{self.copy}" if self.copy else self.event.id

    @property
    def x(self) -> float:
        """The middle of the known span."""
        return (self.lo + self.hi) / 2


def glyphs_of(events: Sequence[Event], lanes_of: Sequence[Sequence[int]]) -> list[Glyph]:
    """A glyph per event and lane, in event order; moments in several zones are put in UTC. An open date is
    drawn at its known bound: the data, not the chart, dates an event (judged round 9)."""
    utc = len({e.date.tz.utcoffset(None) for e in events if e.date.tz is not None}) > 1
    micros: list[int] = []                     # start, end of each event in turn, in microseconds since 1970
    opens = []
    for event in events:
        date = event.date
        start, end, open_start, open_end = (date.start, date.end, False, False) \
            if date.start is not None and date.end is not None else _known_span(date)
        if utc and date.tz is not None:
            offset = date.tz.utcoffset(None)
            start, end = _shift(start, offset), _shift(end, offset)
        micros += ((start - _EPOCH) // _MICROSECOND, (end - _EPOCH) // _MICROSECOND)
        opens.append((open_start, open_end))
    # one call on whole microseconds: the same numbers as date2num of the datetimes, 4× faster (no object array)
    nums = date2num(np.clip(np.array(micros, dtype=np.int64), _FIRST_US, _LAST_US).view("datetime64[us]")
                    ).reshape(-1, 2).tolist() if micros else []
    out: list[Glyph] = []
    for event, lanes, (lo, hi), (open_start, open_end) in zip(events, lanes_of, nums, opens):
        hi = max(hi, lo)
        if len(lanes) == 1:
            out.append(Glyph(event, lanes[0], lo, hi, open_start, open_end))
        else:
            out += [Glyph(event, lane, lo, hi, open_start, open_end, copy) for copy, lane in enumerate(lanes)]
    return out


def _known_span(span: DateSpan) -> tuple[datetime, datetime, bool, bool]:
    """The part of a date that is known: the whole span, or an open span's bound; and which ends are open."""
    if span.start is not None and span.end is not None:
        return span.start, span.end, False, False
    before, _, after = span.text.partition("/")
    bound = parse_edtf(after if span.start is None else before)
    return bound.start, bound.end, span.start is None, span.end is None


def _shift(moment: datetime, offset: timedelta) -> datetime:
    try:
        return moment - offset
    except OverflowError:
        return moment


def clipped(events: Sequence[Event]) -> list[Event]:
    """The events with a known bound outside the years the axis can draw (drawn at its edge)."""
    out = []
    for event in events:
        start, end, *_ = _known_span(event.date)
        if start < FIRST_DAY or end > LAST_DAY:
            out.append(event)
    return out


@dataclass(slots=True)
class TimeScale:
    """Date numbers to axis units and back, with empty stretches compressed.

    ``knots`` are date numbers and ``units`` their positions on the axis
    (both increasing); between knots the scale is linear. ``breaks`` are
    the compressed stretches, as (start, end) date numbers.
    """

    knots: np.ndarray
    units: np.ndarray
    breaks: list[tuple[float, float]] = field(default_factory=list)
    #: The magnified stretch, as (start, end) date numbers, and how many times the rest's scale it is drawn.
    zoom: tuple[float, float, int] | None = None

    @property
    def xlim(self) -> tuple[float, float]:
        return float(self.knots[0]), float(self.knots[-1])

    def forward(self, x: np.ndarray | float) -> np.ndarray:
        return np.interp(x, self.knots, self.units)

    def inverse(self, u: np.ndarray | float) -> np.ndarray:
        return np.interp(u, self.units, self.knots)

    def fraction(self, x: float) -> float:
        """Where ``x`` lies across the axis, 0 at the left edge and 1 at the right."""
        return float((self.forward(x) - self.units[0]) / (self.units[-1] - self.units[0]))

    def days_per_unit(self, x: float) -> float:
        """Days per axis unit around ``x`` (more inside a break)."""
        i = int(np.clip(np.searchsorted(self.knots, x, side="right") - 1, 0, len(self.knots) - 2))
        return float((self.knots[i + 1] - self.knots[i]) / max(self.units[i + 1] - self.units[i], 1e-12))

    def segments(self) -> list[tuple[float, float]]:
        """The stretches drawn at full scale, as (start, end) date numbers."""
        edges = [self.xlim[0], *(x for b in self.breaks for x in b), self.xlim[1]]
        return list(zip(edges[::2], edges[1::2]))


def time_scale(spans: Sequence[tuple[float, float]], compress: bool = True, magnify: bool = False) -> TimeScale:
    """The scale of an axis that holds every (start, end) of ``spans``, with a margin on either side.

    A record of one day with no times is widened to three days, so that the
    day reads as a day between its neighbours. ``magnify``: draw the
    densest weeks at a larger scale (:data:`DENSE_RATIO`; the chart must
    show it, as :func:`timeline.render.axis.draw_zoom` does).
    """
    lo = min(a for a, _ in spans)
    hi = max(b for _, b in spans)
    if hi - lo <= 1 and all(float(a).is_integer() and float(b).is_integer() for a, b in spans):
        lo, hi = lo - 1, hi + 1
    hi = max(hi, lo + 1 / 24)
    gaps = _gaps(spans, hi - lo) if compress else []
    width = (hi - lo) - sum(b - a for a, b in gaps)     # the days drawn at full scale
    pad = min(PAD * width, 10 + 0.01 * width)
    first, last = max(lo - pad, _FIRST), min(hi + pad, _LAST)
    zoom = _densest(spans, gaps, width) if magnify else None
    stretches = sorted([(a, b, BREAK_SHARE * width) for a, b in gaps]
                       + ([(zoom[0], zoom[1], (zoom[1] - zoom[0]) * zoom[2])] if zoom else []))
    knots, units = [first], [0.0]
    for a, b, drawn in stretches:
        units.append(units[-1] + a - knots[-1])
        knots.append(a)
        units.append(units[-1] + drawn)
        knots.append(b)
    units.append(units[-1] + last - knots[-1])
    knots.append(last)
    return TimeScale(np.array(knots), np.array(units), list(gaps), zoom)


def _densest(spans: Sequence[tuple[float, float]], gaps: Sequence[tuple[float, float]], days: float
             ) -> tuple[float, float, int] | None:
    """The stretch to magnify (whole days, from a day before its first event to a day after its last) and
    by how much, or ``None`` if no stretch is dense enough (see :data:`DENSE_RATIO`)."""
    xs = sorted((a + b) / 2 for a, b in spans if b - a <= 2)       # events known to a day or two
    length = max(DENSE_SHARE * days, DENSE_DAYS)
    if len(xs) < DENSE_LEAST or length * 3 > days:
        return None
    best, j = (0, 0, 0), 0
    for i, x in enumerate(xs):
        while xs[j] < x - length:
            j += 1
        if i + 1 - j > best[0]:
            best = (i + 1 - j, j, i)
    count, i, k = best
    ratio = count / (len(spans) * length / days)
    if count < DENSE_LEAST or ratio < DENSE_RATIO:
        return None
    a, b = np.floor(xs[i]) - 1, np.ceil(xs[k]) + 1
    if any(a < g1 and g0 < b for g0, g1 in gaps):
        return None
    return float(a), float(b), int(min(MAX_ZOOM, max(2, round(ratio))))


def _gaps(spans: Sequence[tuple[float, float]], total: float) -> list[tuple[float, float]]:
    """The empty stretches between spans worth compressing, each kept a little short of its neighbours."""
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps = []
    for (_, end), (start, _) in zip(merged, merged[1:]):
        if start - end > max(GAP_SHARE * total, GAP_DAYS):
            margin = 0.02 * total + 7
            gaps.append((end + margin, start - margin))
    return gaps
