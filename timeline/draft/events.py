"""From a sentence's triggers, actors and dates to drafted events: roles, status, date, location, quotes.

Each trigger (:mod:`timeline.draft.triggers`) reads its clause: the actors
named before it act (``source``, or ``participants`` of a symmetric type), those
after it are acted on (``target``); ``VERB by X`` turns that round. A trigger
with nobody before it shares the actor of the trigger before it ("X met Y and
presented a plan"), or, after "he"/"she", the last person the article named.
Names after "in"/"at" are the place; a visit's destination is its ``host``.
Names after "according to" are the attribution: ``mentioned`` in the events
of the sentence, or the source of an ``assessment`` when the sentence has none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from timeline.draft import modality
from timeline.draft.actors import Mention
from timeline.draft.clauses import (
    PREPOSITIONS,
    QUOTE,
    SPEECH,
    attribution_start,
    boundaries,
    clause_commas,
    clause_end,
    is_object,
    quoted_tokens,
    token_at,
    word_before,
)
from timeline.draft.dates import anchor_after, bound, find_dates, opens_sentence, quoted
from timeline.draft.sentences import Sentence
from timeline.draft.triggers import BASE_CONFIDENCE, Trigger, find_triggers
from timeline.vocabulary import EVENT_TYPES

#: Words before a noun that make it an event told before ("the meeting"), not a new one.
DEFINITE = frozenset(("the", "this", "that", "these", "those"))
PLACE_WORDS = frozenset(("in", "at", "near", "outside", "inside"))
PRONOUNS = frozenset(("he", "she", "him", "her", "his"))
#: Words for the actors of the last event with several ("They agreed", "the two leaders also agreed").
GROUP_WORDS = frozenset(("they", "leaders", "sides", "both", "presidents", "delegations"))
#: What a rejection, acceptance or criticism names -> the types of event it answers.
THINGS = {"demand": ("demand",), "demands": ("demand",), "counter-proposal": ("counter_proposal",),
          "plan": ("proposal", "counter_proposal"), "proposal": ("proposal", "counter_proposal"),
          "proposals": ("proposal", "counter_proposal"), "draft": ("proposal",), "offer": ("proposal",),
          "claim": ("claim",), "claims": ("claim",), "this": ("claim",), "ceasefire": ("ceasefire_declared",)}
#: Types an article often reports with a noun only ("Sunday's meeting", "after talks in Geneva with ...").
TOLD_AS_NOUNS = frozenset(("meeting", "call"))
#: Words after a noun trigger that bring in the other side: the owner of the noun is the clause's subject.
WITH = frozenset(("with", "between"))
_PLACE = re.compile(r"\b(?:in|at|near) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)*)")


@dataclass
class Drafted:
    """An event drafted from a sentence, in the project's terms, with where it came from and how sure it is.

    ``roles`` maps role keys (``participants``, ``source``, ...) to actor ids;
    ``start``/``end`` are the sentence's character offsets in the article;
    ``confidence`` is between 0 and 1; ``thing`` is what was proposed or rejected, in the article's word.
    """

    type: str
    date: str
    status: str
    roles: dict[str, list[str]]
    sentence: str
    start: int
    end: int
    trigger: str
    confidence: float
    location: str | None = None
    quotes: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, int]] = field(default_factory=list)  # (relation, index of the other drafted event)
    thing: str | None = None
    at: int = 0  # the trigger's offset in the sentence
    nominal: bool = False
    explicit: bool = False  # whether the text dates it (else its date is only bounded by publication)
    reach: int = 0  # where its clause ends (an offset in the sentence)
    begin: int = 0  # where its clause begins (an offset in the sentence)
    passive: bool = False  # "was confirmed by X"
    subject: list[str] = field(default_factory=list)  # its acting actors named before its verb

    def actors(self) -> list[str]:
        return list(dict.fromkeys(a for ids in self.roles.values() for a in ids))


@dataclass
class Context:
    """What the article has told so far: its events and the last person named as acting."""

    published: dt.date
    events: list[Drafted] = field(default_factory=list)
    last_person: str | None = None
    last_group: list[str] = field(default_factory=list)
    anchor: dt.date | None = None  # the day the article dated an event last ("the same day" counts from it)


def sentence_events(sentence: Sentence, mentions: list[Mention], context: Context) -> list[Drafted]:
    """The events ``sentence`` reports, each with roles, status, date, place, quotes and links."""
    span = sentence.span
    words = [t.lower_ for t in span]
    starts = [t.idx + sentence.origin for t in span]
    token_of = {id(m): token_at(starts, m.start) for m in mentions}
    attribution = attribution_start(words)
    quoted = quoted_tokens(span, sentence.line)  # names inside a quotation are what was said, not who said it
    actors = [m for m in mentions if (attribution is None or token_of[id(m)] < attribution)
              and token_of[id(m)] not in quoted]
    credited = [m.actor for m in mentions if attribution is not None and token_of[id(m)] >= attribution]
    opening = words.index(",") if attribution == 2 and "," in words else None
    if opening is not None:  # "According to the statement, Phumtham urged Trump ...": the rest is the news
        credited = [m.actor for m in mentions if token_of[id(m)] < opening]
        actors = [m for m in mentions if token_of[id(m)] > opening]
        attribution = None
    bounds = boundaries(words, {token_of[id(m)] for m in mentions}, attribution) + ([opening] if opening else [])
    triggers = _triggers(sentence, words, bounds, attribution)
    bounds = sorted({*bounds, *clause_commas(words, triggers, span.start)})
    drafted: list[Drafted] = []
    previous_source: list[str] = []
    for number, trigger in enumerate(triggers):
        first, last = trigger.span.start - span.start, trigger.span.end - span.start
        clause_start = max([b + 1 for b in bounds if b < first], default=0)
        before = triggers[number - 1].span.end - span.start if number else 0
        left_start = max(clause_start, before)
        right_end = min([b for b in bounds if b >= last] + [len(words)]
                        + ([triggers[number + 1].span.start - span.start] if number + 1 < len(triggers) else []))
        status = modality.status(trigger.type, words[clause_start:first], " ".join(words[last:right_end]),
                                 20 if trigger.nominal and not modality.REFERENCES & set(words[max(0, first - 5):first]) else 4)
        if status is None:
            continue
        left = [m for m in actors if left_start <= token_of[id(m)] < first]
        if trigger.nominal and {"regarding", "concerning", "about", "asked"} & set(words[max(0, first - 4):first]):
            # "Regarding the meeting in London, Peskov stressed": who speaks of it did not attend it
            right_end = next((i for i in range(last, right_end) if words[i] == ","), right_end)
        right = [m for m in actors if last <= token_of[id(m)] < right_end]
        if trigger.nominal and "their" in words[max(0, first - 4):first]:  # "During their call, Trump told Zelensky"
            right += [m for m in actors if token_of[id(m)] >= right_end and m.kind == "person"][:2]
        chained = previous_source if number and (before > clause_start or trigger.nominal) else []
        event = _assemble(trigger, (first, last), left, right, words, token_of, chained, context)
        if event is None:
            continue
        roles, inherited = event
        kind = "acceptance" if trigger.type == "agreement" and "source" in roles else trigger.type
        subject = [m.actor for m in left if m.actor in roles.get("participants", roles.get("source", ()))]
        previous_source = roles.get("source") or subject or roles.get("participants", [])
        future = status in ("planned", "proposed", "cancelled")
        nouns = [t.span.start_char for t in triggers if t is not trigger]
        when = _date(sentence, trigger, left_start, right_end, context.published, future, nouns, context.anchor)
        if future and drafted and drafted[-1].status == "occurred" and drafted[-1].explicit \
                and "/" not in drafted[-1].date and (when is None or drafted[-1].at > trigger.span.start_char - 60):
            # "arrived in Cairo on Saturday to attend talks": the day is the arrival's, the talks follow it
            when = f"{drafted[-1].date}/.."

        drafted.append(Drafted(
            type=kind, date=when or bound(context.published, future),
            status=status, roles=roles, sentence=sentence.text, start=sentence.start, end=sentence.end,
            trigger=trigger.span.text, location=_place(sentence, left_start, right_end),
            confidence=_confidence(trigger, roles, when is not None, inherited, mentions),
            thing=_thing(words[last:max([b for b in bounds if b >= last] + [len(words)])] + words[left_start:first]),
            at=trigger.span.start_char - span.start_char, nominal=trigger.nominal, explicit=when is not None,
            reach=clause_end(span, bounds, last), begin=span[min(left_start, len(span) - 1)].idx - span.start_char,
            passive="by" in words[last - 1:last + 1], subject=subject))
    if credited and drafted:
        for event in drafted:
            event.roles.setdefault("mentioned", []).extend(a for a in credited if a not in event.actors())
    elif credited and not drafted:
        others = [m.actor for m in actors if m.actor not in credited]
        roles = {"source": credited[:1], **({"mentioned": list(dict.fromkeys(others))} if others else {})}
        drafted.append(Drafted("assessment", bound(context.published), "occurred", roles, sentence.text,
                               sentence.start, sentence.end, "according to", 0.45))
    drafted = [e for e in drafted if not _attribution_only(e, drafted, sentence.text)]
    _add_quotes(sentence, drafted)
    context.anchor = anchor_after([e.date for e in drafted if e.explicit], context.anchor)
    return drafted


def _triggers(sentence: Sentence, words: list[str], bounds: list[int], attribution: int | None) -> list[Trigger]:
    """The sentence's triggers that report an event of their own, outside quotations and attributions.

    A trigger that refers to an event told elsewhere ("Before meeting the envoys,") is left out, and
    the comma after it ends a clause; so is a verb used as a noun ("rejected such demands").
    """
    span = sentence.span
    quoted = quoted_tokens(span, sentence.line)
    kept: list[Trigger] = []
    for trigger in find_triggers(span):
        first = trigger.span.start - span.start
        if kept and not kept[-1].nominal and kept[-1].span.end == trigger.span.start and not trigger.nominal \
                and kept[-1].span[-1].lower_ != "to":
            trigger = trigger._replace(nominal=True)  # noqa: PLW2901 - "rejected demands from": a noun here
        if first in quoted or attribution is not None and first >= attribution:
            continue
        symmetric = trigger.type in ("meeting", "call", "visit")
        if modality.is_reference(words[:first]) and not _dated(sentence, trigger):
            comma = next((i for i in range(first, len(words)) if words[i] == ","), None)
            if comma is not None:
                bounds.append(comma)
                bounds.sort()
            if trigger.type in TOLD_AS_NOUNS:  # "after talks in Abu Dhabi with Ukrainian officials"
                kept.append(trigger._replace(nominal=True))
            continue
        if not trigger.nominal and modality.is_noun(words[:first]) and (not symmetric or words[first - 1] in DEFINITE):
            # "the meeting between X and Y", "the call with Putin"; "Trump's call for a ceasefire"
            if trigger.type in TOLD_AS_NOUNS or words[first - 1] in ("'s", "’s"):
                kept.append(trigger._replace(nominal=True))
            continue
        kept.append(trigger)
    return kept


def _assemble(trigger: Trigger, where: tuple[int, int], left: list[Mention], right: list[Mention],
              words: list[str], token_of: dict[int, int], previous: list[str],
              context: Context) -> tuple[dict[str, list[str]], bool] | None:
    """The roles of the event of ``trigger`` and whether its acting actor was inherited; None if it has none."""
    first, last = where
    passive = last < len(words) and words[last] == "by" or words[last - 1] == "by"  # "the plan proposed by X"
    places = [m for m in left + right if word_before(token_of[id(m)], words) in PLACE_WORDS
              or words[token_of[id(m)] - 2:token_of[id(m)]] in (["at", "the"], ["in", "the"])]  # "at the White House"
    left = [m for m in left if m not in places and not is_object(token_of[id(m)], words)]
    right = [m for m in right if m not in places]
    if passive:
        stop = next((i for i in range(last + (words[last - 1] != "by"), len(words)) if words[i] in PREPOSITIONS),
                    len(words))
        sources, targets = [m.actor for m in right if token_of[id(m)] < stop], [m.actor for m in left]
    else:
        sources, targets = [m.actor for m in left], [m.actor for m in right]
    if trigger.nominal:  # "Kyiv and Europe's counter-proposal": only the names right before the noun
        owners = _owners(left, first, words, token_of)
        if not owners and words[first - 1] in PRONOUNS:  # "his conversation with Putin": the clause's subject
            persons = [m.actor for m in left if m.kind == "person"]
            owners = persons[:1] or ([context.last_person] if context.last_person else [])
        if not owners and words[last:last + 1] == ["from"]:  # "rejected demands from Ukraine and ..."
            owners = [m.actor for m in right if token_of[id(m)] <= last + 6]
            targets = []
        joined = next((w for w in words[last - 1:last + 5] if w in WITH or not w.isalnum()), None)
        if not owners and joined == "with":  # "after talks in Abu Dhabi with", not "..., with Putin calling it"
            owners = list(previous)  # "Witkoff flew to Moscow after talks with Ukrainian officials"
        if len({*owners, *targets}) < 2 and context.last_group and _both_sides(words[max(0, first - 12):last + 12]):
            owners, targets = list(context.last_group), []  # "a meeting of the defense attaches of both sides"
        return _roles(trigger, (first, last), owners, targets, left, right, token_of, words, places, context, False)
    coordinated = words[first - 1] == "and" or words[first - 1] == "," and words[first].endswith("ing")
    if previous and coordinated and not trigger.nominal:
        # "X met Y and presented", "..., accusing X and vowing to": the verb shares the subject before it
        sources, targets = list(previous), [a for a in targets if a not in previous]
        return _roles(trigger, (first, last), sources, targets, left, right, token_of, words, places, context, True)
    inherited = False
    if not sources and not passive:
        pronoun = any(w in PRONOUNS for w in words[:first][-6:])
        grouped = set(words[max(0, first - 4):first]) & GROUP_WORDS
        if grouped and context.last_group:  # "Trump claimed that both sides had agreed"
            sources, inherited = list(context.last_group), True
        elif previous:
            sources, inherited = list(previous), True
        elif pronoun and context.last_person:
            sources, inherited = [context.last_person], True
        elif set(words[:first]) & GROUP_WORDS and context.last_group:
            sources, inherited = list(context.last_group), True
    return _roles(trigger, (first, last), sources, targets, left, right, token_of, words, places, context, inherited)


def _both_sides(words: list[str]) -> bool:
    """Whether ``words`` speak of the two sides told before ("both sides", "the two countries")."""
    pairs = set(zip(words, words[1:]))
    return bool(pairs & {("both", "sides"), ("two", "sides"), ("both", "countries"), ("two", "countries"),
                         ("both", "parties"), ("two", "parties")})


def _owners(left: list[Mention], first: int, words: list[str], token_of: dict[int, int]) -> list[str]:
    """The names that own a nominal trigger: those just before it, joined by "and", "'s" or adjectives."""
    owners: list[str] = []
    end = first
    for mention in reversed(left):
        between = [w for w in words[token_of[id(mention)] + 1:end] if w not in ("'s", "’s", "and", ",", "-")]
        if len(between) > 2 or set(between) & {"the", "a", "an", "of", "to", "by", "with"}:
            break
        owners.insert(0, mention.actor)
        end = token_of[id(mention)]
    return owners


def _roles(trigger: Trigger, where: tuple[int, int], sources: list[str], targets: list[str], left: list[Mention],
           right: list[Mention], token_of: dict[int, int], words: list[str], places: list[Mention], context: Context,
           inherited: bool) -> tuple[dict[str, list[str]], bool] | None:
    """Sources and targets put in the roles of the trigger's type; None if the event lacks its actors."""
    kind = EVENT_TYPES[trigger.type]
    sources = list(dict.fromkeys(sources))
    targets = [a for a in dict.fromkeys(targets) if a not in sources]
    if trigger.type == "visit":
        hosts = [m.actor for m in right if word_before(token_of[id(m)], words) in ("to", "in")
                 or token_of[id(m)] == where[1]] or [m.actor for m in places]
        visitors = [a for a in sources + targets if a not in hosts]
        roles = {"participants": visitors, "host": hosts[:1]}
        return (roles, inherited) if visitors and hosts else None
    if kind.symmetric:
        everyone = list(dict.fromkeys(sources + targets))
        if len(everyone) >= 2:
            if not trigger.nominal:  # "his conversation with Putin" names another group than the one talking
                context.last_group = everyone
            return {"participants": everyone}, inherited
        if trigger.span[0].lower_.startswith("agree") and sources:  # one side agrees: it accepts
            return {"source": sources}, inherited
        return None
    if not sources:
        return None
    for mention in left + right:
        if mention.actor in sources and mention.kind == "person":
            context.last_person = mention.actor
    if trigger.type in ("statement", "claim", "assessment"):
        return ({"source": sources, **({"mentioned": targets} if targets else {})}, inherited)
    return ({"source": sources, **({"target": targets} if targets else {})}, inherited)


def _date(sentence: Sentence, trigger: Trigger, left: int, right: int, published: dt.date,
          future: bool, others: list[int], anchor: dt.date | None = None) -> str | None:
    """The explicit date nearest the trigger within its clause; None if the clause gives none.

    A date right before another trigger dates that one ("following a Monday phone call"), not this one;
    ``others`` are where the sentence's other triggers start (offsets in its line).
    """
    span = sentence.span
    begin = span[left].idx if left < len(span) else span[-1].idx
    finish = span[right - 1].idx + len(span[right - 1]) if right > 0 else begin
    found = [d for d in find_dates(sentence.line[begin:finish], published, future, begin, anchor) if d.explicit and (
        sentence.line[d.end:d.end + 2] not in ("'s", "’s")  # "Sunday's talks" dates only the talks
        or trigger.nominal and 0 <= trigger.span.start_char - d.end <= 12)
        and (not trigger.nominal or trigger.span.start_char - 15 <= d.start <= trigger.span.end_char + 140
             or opens_sentence(sentence.line, span.start_char, d))
        and not any(0 <= at - d.end <= 3 for at in others)]
    if trigger.type in SPEECH:  # "said on Tuesday", not the dates of what was said
        found = [d for d in found if (d.end <= trigger.span.start_char or d.start - trigger.span.end_char < 25
                 or " by " in sentence.line[trigger.span.end_char:d.start])  # "confirmed by X on Wednesday"
                 and not quoted(sentence.line, span.start_char, d.start)]  # said, "Late Monday ..."
    if not found:
        return None
    where = trigger.span.start_char
    return min(found, key=lambda d: abs(d.start - where)).edtf


def _dated(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the words just before a trigger date it ("following the October 16 call")."""
    before = sentence.line[max(0, trigger.span.start_char - 25):trigger.span.start_char]
    return any(d.explicit for d in find_dates(before, dt.date(2000, 1, 1)))


def _place(sentence: Sentence, left: int, right: int) -> str | None:
    """A capitalised name after "in"/"at" in the clause ("in Moscow", "in Brussels")."""
    if left >= right:
        return None
    span = sentence.span
    match = _PLACE.search(sentence.line[span[left].idx:span[right - 1].idx + len(span[right - 1])])
    return match.group(1) if match else None


def _thing(words: list[str]) -> str | None:
    joined = " ".join(words).replace(" - ", "-")
    for word in joined.split():
        if word in THINGS:
            return word
    return None


def _confidence(trigger: Trigger, roles: dict[str, list[str]], explicit: bool, inherited: bool,
                mentions: list[Mention]) -> float:
    score = BASE_CONFIDENCE.get(trigger.type, 0.6) + (0.1 if explicit else 0.0) - (0.15 if inherited else 0.0)
    unknown = {m.actor for m in mentions if not m.known}
    score -= 0.1 * bool(unknown & {a for ids in roles.values() for a in ids})
    score -= 0.1 * trigger.nominal
    return round(min(0.95, max(0.1, score)), 2)




def _attribution_only(event: Drafted, drafted: list[Drafted], text: str) -> bool:
    """Whether a statement only sources another event of its sentence.

    "Leavitt said Zelensky requested ...", "Rubio and Lavrov had a productive call, an official said": the
    event reported is the news, the saying is not. A statement whose other events lie before it, across a
    clause ("Lavrov expressed reservations after Poland threatened ..."), is an event of its own.
    """
    if event.type != "statement":
        return False
    said_last = len(text) - event.at < 40  # a reporting clause that ends the sentence
    return any(other is not event and other.type != "statement" and not other.nominal
               and (event.at < other.at < event.reach or said_last) for other in drafted)




def _add_quotes(sentence: Sentence, drafted: list[Drafted]) -> None:
    """Give each quotation in the sentence to the event told just before it, spoken by its first actor."""
    verbal = [e for e in drafted if not e.nominal]
    if not verbal:
        return
    for match in QUOTE.finditer(sentence.text):
        text = (match.group(1) or match.group(2)).strip(" ,.")
        event = ([e for e in verbal if e.at <= match.start()] or verbal[:1])[-1]
        speaker = (event.roles.get("source") or event.roles.get("participants") or [None])[0]
        if speaker and text:
            event.quotes.append((speaker, text))









