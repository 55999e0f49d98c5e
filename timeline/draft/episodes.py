"""Dates an article gives once for a whole episode: carried to the events told after them, and to quoted words.

News style dates an episode once ("Guterres flew back to Switzerland early Thursday") and tells the
rest of it without a date ("He held a full day of meetings with ..."). Two rules, run over the drafted
events once the article is read (offsets are those of :class:`~timeline.draft.drafted.Drafted`):

- *Carried dates.* An event the text does not date (only bounded by publication, ``../PUBLISHED``)
  takes the day (or month) of the last sentence that dated something (*the anchor*, outside its
  quotations) when it is told in the anchor's paragraph or in a sentence right after the episode's
  last one, and one of its acting actors (or the state a person speaks for) is named in the anchor. A reported
  utterance takes ``DAY/PUBLISHED`` (said on that day or after it: the annotation rule "said after the
  talks on a known day"); other events take the day itself. A new paragraph, a sentence opening
  with another time ("Later, ..."), a date that is no day or month, an event still to come, and an
  event of other actors get nothing (precision first: no date rather than a wrong one). A sentence opening
  with "Before the meeting," gives ``../DAY``. A date that dates only a noun and is earlier than the
  episode's day ("thanked him for the work in Jeddah on March 11th") is a flashback: it dates the sentences
  of its paragraph that tell its talks again ("The meeting of the senior officials ..."), and at the first
  sentence that tells anything else, or the next paragraph, the episode it interrupted goes on (draft9: one
  rule). A year that dates a sentence ("from 1998 to 2000") ends the episode for it; one that names a thing
  ("the 2018 peace agreement") does not. An event only named inside another's clause ("rejected Kyiv's
  counter-proposal") takes no carried day.
- *A quotation's relative date* ("tomorrow", "on Tuesday", "last week" inside the quoted words) is
  relative to the day the words were said: the day of the saying told in the same sentence (its own
  date or one carried to it), else the publication date.
  (``tests/drafting/README.md``: relative dates in reported speech.)
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from timeline.draft.date_clauses import SAID, date_clauses
from timeline.draft.dates import bound, find_dates
from timeline.draft.drafted import Drafted

#: Types a sentence after a flashback ("... the teams' work in Jeddah on March 11th.") tells again ("The meeting").
RETOLD = frozenset(("meeting", "call", "visit"))
#: A year that dates a sentence: not one that names a thing ("the 2018 peace agreement", "its 2015 deal"; draft9).
_YEAR = re.compile(r"(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\ba )\b(?:19|20)\d\d\b(?!-)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_WHEN = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
#: Words opening a sentence that move to another time: the episode before ends.
_SHIFT = re.compile(r"\W*(?:Later|Afterwards|Subsequently|Earlier|Previously|Since then|Before that|In \d{4})\b")
#: Words opening a sentence that tell what came before the episode's day ("Before meeting the envoys, Putin ..."):
#: its events are on or before that day (``../DAY``; drafta8).
_BEFORE = re.compile(r"\W*(?:Before|Ahead of|Prior to)\s+(?!that\b)", re.IGNORECASE)
#: Words that tell of what is still to come.
_FUTURE = re.compile(r"\b(?:will|would|shall|to be|expected|plans?|planned|scheduled|set to|next|upcoming|later)\b",
                     re.IGNORECASE)
_QUOTE = re.compile(r"“([^”]{2,1200})”|\"([^\"]{2,1200})\"")
_BREAK = re.compile(r"\n")
#: Words before a noun that opens a sentence and tells the episode's event again ("The talks lasted ...").
_OPENING = frozenset(("", "the", "this", "that", "these", "those"))


def date_episodes(events: list[Drafted], told: list[tuple[int, int, str, list[str]]], text: str,
                  published: dt.date, affiliations: dict[str, str] | None = None) -> None:
    """Date in place the events of ``events`` (in the order told) that ``text`` dates only once per episode.

    ``told`` are the article's sentences in order: start and end offsets, text, and the ids of the actors
    named in them (:attr:`timeline.draft.actors.ActorIndex.told`). Carries the day of the last dated
    sentence to the undated events of its episode, then dates the quoted words' relative dates from the
    day they were said (module docstring). ``affiliations`` maps an actor id to the state it rolls up to.
    """
    date_clauses(events, published)
    carry_dates(events, told, text, published, affiliations or {})
    date_quotes(events, published)


def carry_dates(events: list[Drafted], told: list[tuple[int, int, str, list[str]]], text: str,
                published: dt.date, affiliations: dict[str, str]) -> None:
    """Give the undated events of an episode the day of the sentence that dated it (module docstring)."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    undated = bound(published)
    anchor: tuple[int, str, set[str]] | None = None  # the dated sentence: start, date, sides named
    main: tuple[int, str, set[str]] | None = None  # the episode a flashback interrupts (drafta8)
    last_end = 0  # where the episode's last sentence ends
    for start, end, sentence, actors in told:
        here = [e for e in events if e.start == start]
        day = _day_told(sentence, here, published)
        if day is not None:
            flashback = bool(day) and anchor is not None and day < anchor[1] \
                and not any(e.explicit and not e.nominal for e in here)  # a noun's date (or the model's): draft13
            main = (main or anchor) if flashback else None
            anchor = (start, day, set(actors)) if day else None
            last_end = end
            continue
        if main is not None and anchor is not None and not _retold(here, _paragraph(breaks, start) ==
                                                                   _paragraph(breaks, anchor[0])):
            anchor, main = (start, main[1], main[2]), None  # the flashback is over: the episode goes on (draft9)
        if anchor is None:
            continue
        if _paragraph(breaks, start) != _paragraph(breaks, anchor[0]) and not _follows(text, last_end, start) \
                or _SHIFT.match(sentence):  # a new paragraph, or "Later, ...": another time
            anchor = main = None
            continue
        going_on = False
        years = set(_YEAR.findall(sentence))  # "fought a border war from 1998 to 2000": another time (draft8)
        if years and anchor[1][:4] not in years:
            continue
        for event in here:
            if event.date == undated and event.status == "occurred" and not _named_only(event) \
                    and _sides(_acting(event), affiliations) & anchor[2]:
                event.date = f"../{anchor[1]}" if _BEFORE.match(sentence) \
                    else f"{anchor[1]}/{published.isoformat()}" if event.type in SAID \
                    and anchor[1] != published.isoformat() else anchor[1]
                going_on = True
        if going_on or _sides(actors, affiliations) & anchor[2]:
            last_end = end


def _retold(here: list[Drafted], same_paragraph: bool) -> bool:
    """Whether a sentence after a flashback still tells its talks again: in the flashback's paragraph, with
    no event other than a meeting, a call or a visit ("The meeting of the senior officials was useful")."""
    return same_paragraph and all(event.type in RETOLD for event in here)


def _day_told(sentence: str, told: list[Drafted], published: dt.date) -> str | None:
    """The day (or month) a sentence dates something on, not after ``published``; "" for another kind of date
    (a span, a year, a day still to come), None for no date.

    The date of the last event drafted from it that the text dates, else its last date phrase outside
    quotations. A sentence that speaks of what is still to come ("will", "expected", "next") dates no
    episode.
    """
    dated = [e for e in told if e.explicit]
    quotes = [range(m.start(), m.end()) for m in _QUOTE.finditer(sentence)]
    found = [d for d in find_dates(sentence, published) if d.explicit and not any(d.start in q for q in quotes)]
    if not dated and not found:
        return None
    if _FUTURE.search(sentence):  # "will be followed by a meeting on Aug. 4": what is to come starts no episode
        return ""
    date, status = (dated[-1].date, dated[-1].status) if dated else (found[-1].edtf, "occurred")
    return date if status == "occurred" and _WHEN.fullmatch(date) and date <= published.isoformat() else ""


def date_quotes(events: list[Drafted], published: dt.date) -> None:
    """Resolve the relative date of an event told inside a quotation against the day the quote was said."""
    for event in events:
        quote = _quotation(event.sentence, event.at)
        if quote is None:
            continue
        said = _said_on(event, events, published)
        future = event.status in ("planned", "proposed")
        found = [d for d in find_dates(quote, said, future) if d.explicit]
        if found and (future or not event.explicit):
            event.date = found[0].edtf
            event.explicit = True


def _said_on(event: Drafted, events: Iterable[Drafted], published: dt.date) -> dt.date:
    """The day the words of ``event``'s sentence were said: the day of a saying told in it, else publication."""
    for other in events:
        if other is not event and other.start == event.start and other.type in SAID:
            day = other.date.split("/")[0]
            if _DAY.fullmatch(day):
                return dt.date.fromisoformat(day)
    return published


def _quotation(sentence: str, at: int) -> str | None:
    """The quoted words holding offset ``at`` of ``sentence``, or None."""
    for match in _QUOTE.finditer(sentence):
        if match.start() < at < match.end():
            return match.group(1) or match.group(2)
    return None


def _named_only(event: Drafted) -> bool:
    """Whether ``event`` is only named inside another's clause ("rejected Kyiv's counter-proposal", "briefed him
    on his conversation with Putin"): it happened before, on no day the episode gives. A noun opening the
    sentence or its clause ("The meeting lasted five hours", "According to X, the meeting involves") tells the
    episode's event again and is not only named.
    """
    lead = event.sentence[:event.at].rsplit(",", 1)[-1]  # "According to the broadcaster, the meeting involves"
    return event.nominal and lead.strip().lower() not in _OPENING


def _paragraph(breaks: list[int], at: int) -> int:
    return sum(1 for b in breaks if b < at)


def _follows(text: str, end: int, start: int) -> bool:
    """Whether the sentence starting at ``start`` comes right after the one ending at ``end``."""
    return start >= end and not text[end:start].strip(" \t\n\"”’)")


def _acting(event: Drafted) -> list[str]:
    """Who acts in ``event`` (sources, participants, hosts): a target or a name mentioned ties it to no episode."""
    return [a for role in ("source", "participants", "head", "host") for a in event.roles.get(role, ())]


def _sides(actors: list[str], affiliations: dict[str, str]) -> set[str]:
    """``actors`` and the states they speak for (Peskov is in an episode that names Russia, not the reverse)."""
    return {*actors, *(affiliations.get(a, a) for a in actors)}
