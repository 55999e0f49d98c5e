"""One event told more than once in an article, folded into one: one rule, one fold (rounds 9 and 11).

News tells a meeting in its lede and again further down ("Peace talks between Kiir and Machar ended
without an agreement ... the Kiir-Machar meeting this week"), and a speaker's words over several
sentences ("Ortagus said in a statement, '...' ... '...,' Ortagus said"). The annotation rules count
each once (``tests/drafting/README.md``: "several sentences describing the same utterance or the same
meeting are one event"). Once every event has its date, :func:`fold_retold` folds each event into the
nearest earlier one it tells again, by one rule (:func:`same_event`; round 11: it replaces the pipeline's
own merge of events told in the same or the next sentences, which ran before the dates were set):

- the same type family (:data:`FAMILIES`), or a call and a meeting told only as talks (no place, nobody said to
  have met: the call tells the contact's form, and the kept event is a call; round 16), and the same status,
  overlapping dates not told apart by the text (two days it gives), and the same object (what was proposed,
  rejected or answered) where both name one;
- a shared actor: an occasion (meeting, call, visit) with the same acting sides, or told again by a definite noun
  ("the talks in Sanaa": the nearest occasion of its type told before, whoever it names); in one sentence, acting sides
  (rolled up to states) that meet, unless two named people speak; across sentences, one voice for words (one
  person, or the same sides; an unnamed official is not the named speaker of their side) and the same actors on
  the same date for any other act (an act told in another sentence is another act); words said "separately" or
  in two places ("in a statement", then "to state TV") are two utterances (round 14);
- near enough: an occasion anywhere in the article, unless told as a new one ("another round") or placed
  elsewhere (a city and its state are one place: "concluded in Rome", then "the talks were in Italy"); any other
  event within :data:`NEAR` sentences; an agreement only in its own sentence (what was
  agreed is not read, and two agreements are two events).

The kept event is the better-dated one (a date the text gives, else the narrower span), with the other's
actors, quotes and place added; the other's sentence is kept in ``also`` as more evidence.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates import parse_edtf
from timeline.draft.drafted import Drafted

#: Types an article tells again about the same occasion, anywhere in it.
OCCASIONS = frozenset(("meeting", "call", "visit"))
#: Types told again under another name of one family ("reached a deal" ... "the agreement in principle").
FAMILIES = {"agreement_in_principle": "agreement"}
#: Families told apart by what they settle, which the draft does not read: two tellings in two sentences are two
#: events ("two distinct agreements reached in one call are two events", tests/drafting/README.md).
UNREAD_OBJECTS = frozenset(("agreement", "agreement_signed"))
#: Words that tell an occasion as one already known.
DEFINITE = frozenset(("the", "this", "that", "these", "those", "their", "its"))
#: Words that bring an occasion in as a new one.
INDEFINITE = frozenset(("a", "an", "another", "new", "next", "second", "third", "fresh", "further"))
#: Words that describe a speaker without naming them.
_SPEAKER = re.compile(r"\b(?:official|officials|negotiator|envoy|spokesman|spokeswoman|spokesperson|aide|diplomat|"
                      r"source|representative|adviser|advisor)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)
#: Words of a meeting's trigger that tell talks without telling that the sides met (:func:`_one_contact`).
_TALKED = re.compile(r"\b(?:talks?|discuss\w*|negotiations?|consultations?|contacts?|conversations?|dialogue)\b",
                     re.IGNORECASE)
#: Words that tell a meeting in person.
_IN_PERSON = re.compile(r"\b(?:face[- ]to[- ]face|in[- ]person|in person)\b", re.IGNORECASE)
#: How many sentences apart two tellings of an event that is not an occasion may be.
NEAR = 3
#: Where words were said, after the reporting verb: "in a statement", "to state TV", "told Tasnim", "on X" (or who
#: passed them on: "according to the Tasnim news agency").
_CHANNEL = re.compile(r"\b(?:(?:in|via) (?:a|an|his|her|their|its) (?:separate |joint |written |televised )?"
                      r"(?P<kind>statement|interview|post|press conference|news conference|briefing|speech|address|"
                      r"letter|communiqu[eé])|(?:told|to) (?:the )?(?P<to>(?:[A-Z][\w.&-]*\s?){1,4}|state (?:TV|"
                      r"television|media)|reporters|journalists)|on (?P<on>X|Twitter|Telegram|Facebook|Truth Social|"
                      r"social media|state (?:TV|television)))")
#: Words that tell an utterance as another one: "Baqaei said separately", "in a separate interview".
_SEPARATE = re.compile(r"\b(?:separately|separate|later|earlier)\b", re.IGNORECASE)


def fold_retold(events: list[Drafted], kinds: dict[str, str], state_of: Callable[[str], str],
                same_place: Callable[[str, str], bool] = str.__eq__) -> list[Drafted]:
    """``events`` with each event told again folded into the nearest earlier telling (the order is kept).

    ``kinds`` maps actor ids to their kinds (``person``, ``state``, ...), ``state_of`` an actor to the state
    or organisation it belongs to, ``same_place`` tells whether two places an article names are one ("Rome" and
    "Italy"). Relations between events
    (``related`` holds indexes into ``events``) are renumbered; one that pointed at a folded event points
    at the event it was folded into.
    """
    order = {start: number for number, start in enumerate(sorted({e.start for e in events}))}
    into: dict[int, int] = {}
    for later in range(len(events)):
        for earlier in reversed(range(later)):  # the nearest telling first
            apart = order[events[later].start] - order[events[earlier].start]
            if earlier in into or not same_event(events[earlier], events[later], apart, kinds, state_of,
                                                 same_place):
                continue
            if events[later].type == "call":  # a meeting told as talks, and then as a call: the call tells its form
                events[earlier].type = "call"
            absorb(events[earlier], events[later])
            into[later] = earlier
            break
    kept = [number for number in range(len(events)) if number not in into]
    renumber = {old: new for new, old in enumerate(kept)}
    renumber |= {old: renumber[_root(old, into)] for old in into}
    result = []
    for number in kept:
        event = events[number]
        event.related = list(dict.fromkeys((relation, renumber[other]) for relation, other in event.related
                                           if renumber[other] != renumber[number]))
        result.append(event)
    return result


def _root(number: int, into: dict[int, int]) -> int:
    while number in into:
        number = into[number]
    return number


def same_event(first: Drafted, second: Drafted, apart: int, kinds: dict[str, str],
               state_of: Callable[[str], str], same_place: Callable[[str, str], bool] = str.__eq__) -> bool:
    """Whether ``second``, told ``apart`` sentences after ``first`` (0: the same sentence), tells it again.

    ``apart`` counts sentences that told events; ``kinds`` and ``state_of`` as for :func:`fold_retold`. The rule
    is the module's (its docstring, point by point).
    """
    if FAMILIES.get(first.type, first.type) != FAMILIES.get(second.type, second.type) and not _one_contact(first, second) \
            or first.status != second.status or not _overlap(first.date, second.date) \
            or first.explicit and second.explicit and first.date != second.date \
            or first.thing and second.thing and first.thing != second.thing:
        return False
    mine, theirs = first.acting(), second.acting()
    if first.type in OCCASIONS:
        if apart and _new_occasion(second) or first.location and second.location \
                and not same_place(first.location, second.location):
            return False
        if mine & theirs and (mine == theirs or apart == 0 or _sides(mine, state_of) == _sides(theirs, state_of)):
            return True
        # "The meeting, brokered by Malaysia, ...", "the talks in Sanaa": the nearest occasion told before, by a
        # definite noun, whoever else it names (of its own type: talks after a call share its sides to be the call)
        return apart > 0 and _definite(second) and first.type == second.type
    if apart > NEAR and not (first.type == "statement" and _one_person(first, second, kinds)) \
            or apart and FAMILIES.get(first.type, first.type) in UNREAD_OBJECTS:
        return False
    if apart and first.type != "statement":  # another sentence's act is another act, unless the same actors, that day
        return bool(mine) and mine == theirs and first.date == second.date
    return not _other_utterance(first, second) and _same_voice(first, second, apart, kinds, state_of)


def _one_contact(first: Drafted, second: Drafted) -> bool:
    """Whether a call and a meeting may be one contact: the meeting is told as talks, not as people who met or a
    place ("held talks at 5:00 PM ... The conversation, conducted over the hotline"; "X spoke with Y by phone ...
    They discussed the talks"): the call tells its form (round 16)."""
    kinds = {first.type: first, second.type: second}
    meeting = kinds.get("meeting")
    return set(kinds) == {"meeting", "call"} and meeting is not None and not meeting.location \
        and bool(_TALKED.search(meeting.trigger)) and not _IN_PERSON.search(meeting.sentence)


def _other_utterance(first: Drafted, second: Drafted) -> bool:
    """Whether a later statement is told as another utterance: said "separately" (or in a separate statement), or
    said where the earlier words were not ("in a statement" then "to state TV"; "told Tasnim" then "told reporters").
    A channel told only once proves nothing ("X said in a statement ... '...,' X said" is one utterance)."""
    if _SEPARATE.search(_after_verb(second)[:30]):
        return True
    channels = _channel(first), _channel(second)
    return None not in channels and channels[0] != channels[1]


def _after_verb(event: Drafted) -> str:
    """The words right after a statement's reporting verb (where the channel is told), to the next clause's "while"."""
    return re.split(r"\bwhile\b|;", event.sentence[event.at:event.at + 60])[0]


def _channel(event: Drafted) -> str | None:
    """Where a statement's words were said, in lower case ("statement", "state tv", "tasnim"), or None if untold."""
    found = _CHANNEL.search(_after_verb(event))
    return next((g.strip().lower() for g in found.group("kind", "to", "on") if g), None) if found else None


def _one_person(first: Drafted, second: Drafted, kinds: dict[str, str]) -> bool:
    """Whether one statement is a single person's words and that person speaks in the other too.

    An article quotes a speaker through ("..., Ushakov said" ... "Ushakov told reporters"), whoever else a
    sentence puts beside them ("Putin told Trump ..., Ushakov said").
    """
    mine, theirs = first.roles.get("source", []), second.roles.get("source", [])
    alone = [ids for ids in (mine, theirs) if len(ids) == 1 and kinds.get(ids[0]) == "person"]
    return bool(alone) and alone[0][0] in mine and alone[0][0] in theirs


def _sides(actors: set[str], state_of: Callable[[str], str]) -> set[str]:
    return {state_of(a) for a in actors}


def _same_voice(first: Drafted, second: Drafted, apart: int, kinds: dict[str, str],
                state_of: Callable[[str], str]) -> bool:
    """Whether two events have one acting voice.

    In one sentence, their acting sides (rolled up to states or organisations) meet ("The Kremlin rejected ...,
    with Putin calling it"). Across sentences, one person speaks in both (with the state they speak for beside
    them or not; two people are two voices), else the sides are the same; or a described speaker ("North Korea's
    top nuclear negotiator says") is named in the next telling.
    """
    mine, theirs = first.acting(), second.acting()
    if first.type == "statement" and _described(first, kinds) and _named_for(second, mine, kinds, state_of, apart == 1):
        return True  # "North Korea's top nuclear negotiator says ..." then "..., Kim Myong Gil said"
    if apart and any(_described(one, kinds) and _persons(other, kinds) for one, other in ((first, second),
                                                                                        (second, first))):
        return False  # "Baqaei said ..." and "an Iranian negotiator told Tasnim ...": two people of one side
    sides = _sides(mine, state_of), _sides(theirs, state_of)
    if apart == 0:  # "Christodoulides expressed satisfaction, while Tatar similarly stated": two people, two voices;
        # a participle ("Trump acknowledged ..., saying ...") goes on with the main verb's words, whoever it seems to name
        speakers = set(_persons(first, kinds)), set(_persons(second, kinds))
        apart_people = all(speakers) and not speakers[0] & speakers[1] and not second.trigger.lower().endswith("ing")
        return bool(sides[0] & sides[1]) and not apart_people
    if _one_person(first, second, kinds):
        return True
    persons = {a for a in mine | theirs if kinds.get(a) == "person"}
    if persons and persons & mine and persons & theirs:  # one person's words, the state they speak for beside or not
        return len(persons) == 1
    return bool(mine) and sides[0] == sides[1]


def _persons(event: Drafted, kinds: dict[str, str]) -> list[str]:
    return [a for a in event.roles.get("source", []) if kinds.get(a) == "person"]


def _described(event: Drafted, kinds: dict[str, str]) -> bool:
    """Whether a statement's speaker is described, not named: "A Russian official has said", "North Korea's top
    nuclear negotiator says", "The UN's envoy to Libya says" (its source is the speaker's state or organisation)."""
    sources = event.roles.get("source", [])
    return bool(sources) and all(kinds.get(a) != "person" for a in sources) \
        and bool(_SPEAKER.search(event.sentence[:event.at]))


def _named_for(event: Drafted, sides: set[str], kinds: dict[str, str], state_of: Callable[[str], str],
               next_sentence: bool) -> bool:
    """Whether a statement's speaker is one person of ``sides`` (or, in the very next sentence, of no known side):
    the described speaker, named. A pronoun ("he said") names nobody new."""
    persons = _persons(event, kinds)
    if len(persons) != 1 or _PRONOUN.match(event.sentence[event.begin:event.at].split(",")[-1].strip()):
        return False
    return state_of(persons[0]) in sides or next_sentence and state_of(persons[0]) == persons[0]


def _definite(event: Drafted) -> bool:
    """Whether a noun event is told as one already known: "the meeting", "their talks", "Saturday's talks"."""
    before = re.findall(r"[\w'’-]+", event.sentence[max(0, event.at - 30):event.at].lower())[-3:]
    return event.nominal and any(word in DEFINITE or word.endswith(("'s", "’s")) for word in before)


def _new_occasion(event: Drafted) -> bool:
    """Whether the sentence brings the occasion in as a new one: "a meeting of the General Border Committee",
    "another round of talks" (an indefinite noun), where a retold one is definite ("the Kiir-Machar meeting")."""
    before = event.sentence[max(0, event.at - 40):event.at].lower().split()[-3:]
    return event.nominal and any(word in INDEFINITE for word in before)


def absorb(kept: Drafted, other: Drafted) -> None:
    """Fold ``other`` into ``kept``: the better date, every actor, quote, link and place, its sentence as evidence."""
    if _better_dated(other, kept):
        kept.date, kept.explicit = other.date, other.explicit
    for role, ids in other.roles.items():
        have = set(kept.actors())
        kept.roles.setdefault(role, []).extend(a for a in ids if a not in have)
    kept.roles = {role: ids for role, ids in kept.roles.items() if ids}
    kept.quotes.extend(q for q in other.quotes if q not in kept.quotes)
    kept.related.extend(r for r in other.related if r not in kept.related)
    kept.location = kept.location or other.location
    kept.thing = kept.thing or other.thing
    kept.confidence = max(kept.confidence, other.confidence)
    if other.start != kept.start:
        kept.also.append((other.sentence, other.start, other.end))


def _better_dated(one: Drafted, other: Drafted) -> bool:
    """Whether ``one``'s date says more than ``other``'s: given by the text, else the narrower span."""
    if one.explicit != other.explicit:
        return one.explicit
    return _width(one.date) < _width(other.date)


def _width(edtf: str) -> float:
    try:
        span = parse_edtf(edtf)
    except ValueError:
        return float("inf")
    if span.start is None or span.end is None:
        return float("inf")
    return (span.end - span.start).days


def _overlap(one: str, other: str) -> bool:
    try:
        a, b = parse_edtf(one), parse_edtf(other)
    except ValueError:
        return False
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)
