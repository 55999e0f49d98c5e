"""From a sentence's triggers, actors and dates to drafted events: roles, status, date, location, quotes.

Each trigger (:mod:`timeline.draft.triggers`) reads its clause: the words
between the boundaries around it (:mod:`timeline.draft.clauses`); who acts in
it is read by :mod:`timeline.draft.roles`, its status by :mod:`timeline.draft.modality`.
Names after "in"/"at" are the place.
Names after "according to" are the attribution: ``mentioned`` in the events
of the sentence, or, for an outside assessor, the source of an ``assessment`` when the sentence has none.
"""
from __future__ import annotations

from dataclasses import dataclass

from timeline.draft import clause_words, modality
from timeline.draft.actors import Mention
from timeline.draft.clause_facts import after_publication, clause_date, confidence, dated_before, place, thing
from timeline.draft.clauses import (
    SPEECH,
    attribution_start,
    boundaries,
    clause_commas,
    clause_end,
    quoted_tokens,
    token_at,
)
from timeline.draft.content import statement_kind
from timeline.draft.dates import anchor_after, bound
from timeline.draft.drafted import Drafted
from timeline.draft.one_side import one_side_kind
from timeline.draft.quoted import quoted_acts
from timeline.draft.reporting import add_quotes, attribution_only
from timeline.draft.roles import PLAN_WORDS, Context, aside_party, assemble, opening_subject
from timeline.draft.sentences import Sentence
from timeline.draft.trigger_words import ASKING, IN_PRINCIPLE
from timeline.draft.triggers import Trigger

#: Words before a noun that make it an event told before ("the meeting"), not a new one.
DEFINITE = frozenset(("the", "this", "that", "these", "those"))
#: Types an article often reports with a noun only ("Sunday's meeting", "after talks in Geneva with ...").
TOLD_AS_NOUNS = frozenset(("meeting", "call", "agreement", "agreement_signed"))
#: Types whose verb keeps the clause's subject after a possessive ("Ankara's readiness to host the talks").
OWNED_ACTS = frozenset(("offer_to_mediate",))
#: Words that open a refusal told as a negation ("would not recognize any agreements"): a stance, not speculation.
REFUSALS = frozenset(("not", "never", "n't"))
#: Reporting verbs whose content may make the statement a criticism or a threat (:mod:`timeline.draft.content`).
SAID_OF = frozenset(("said", "says", "suggested", "suggests", "warned", "warns", "argued", "argues", "stated",
                     "signalled", "signaled", "indicated", "declared", "insisted", "noted", "added", "told", "tells",
                     "stressed", "stresses", "emphasized", "emphasised", "insisting"))


@dataclass
class _Reading:
    """What one sentence gives every trigger of it: its words, who may act, its clause bounds and triggers."""

    sentence: Sentence
    mentions: list[Mention]
    words: list[str]
    token_of: dict[int, int]  # id(mention) -> its token's number
    quoted: set[int]  # numbers of tokens inside a quotation
    actors: list[Mention]  # names that may act: outside quotations and attributions
    backers: set[int]  # ids of the names that only say who backs another
    credited: list[str]  # who the sentence is attributed to ("according to X")
    bounds: list[int]
    triggers: list[Trigger]


def sentence_events(sentence: Sentence, mentions: list[Mention], context: Context,
                    found: list[Trigger]) -> list[Drafted]:
    """The events ``sentence`` reports, each with roles, status, date, place, quotes and links.

    ``found`` are the sentence's triggers (:func:`timeline.draft.triggers.find_triggers` of its span).
    """
    reading = _read(sentence, mentions, context, found)
    drafted: list[Drafted] = []
    previous_source: list[str] = []
    triggers, offset = reading.triggers, sentence.span.start
    objects = {n for n in range(1, len(triggers)) if clause_words.object_of(triggers[n - 1], triggers[n], reading.words, offset)}
    for number in range(len(triggers)):
        event = _clause_event(reading, number, objects, drafted, previous_source, context)
        if event is not None:
            drafted.append(event)
            previous_source = event.roles.get("source") or event.subject or event.roles.get("participants", [])
    in_quotes = [(reading.token_of[id(m)], m.actor) for m in mentions if reading.token_of[id(m)] in reading.quoted]
    acts = quoted_acts(sentence, found, reading.quoted, reading.words, drafted, context, in_quotes)
    _credit(reading, drafted, acts, context)
    drafted = [e for e in drafted if not attribution_only(e, drafted, sentence.text)]
    add_quotes(sentence, drafted)
    context.anchor = anchor_after([e.date for e in drafted if e.explicit], context.anchor)
    return drafted + acts


def _read(sentence: Sentence, mentions: list[Mention], context: Context, found: list[Trigger]) -> _Reading:
    """Read the sentence once: whose names act, what is attributed or quoted, its clause bounds and triggers.

    Sets ``context.subject`` to the subject an elided one shares (drafta10).
    """
    span = sentence.span
    words = [t.lower_ for t in span]
    starts = [t.idx + sentence.origin for t in span]
    token_of = {id(m): token_at(starts, m.start) for m in mentions}
    attribution = attribution_start(words)
    quoted = quoted_tokens(span, sentence.line)  # names inside a quotation are what was said, not who said it
    actors = [m for m in mentions if (attribution is None or token_of[id(m)] < attribution)
              and token_of[id(m)] not in quoted]
    backers = {id(m) for m in actors if clause_words.backer(words, token_at(starts, m.end - 1))}  # "the Iran-backed group"
    credited = [m.actor for m in mentions if attribution is not None and token_of[id(m)] >= attribution]
    opening = words.index(",") if attribution == 2 and "," in words else None
    if opening is not None:  # "According to the statement, Phumtham urged Trump ...": the rest is the news
        credited = [m.actor for m in mentions if token_of[id(m)] < opening]
        actors = [m for m in mentions if token_of[id(m)] > opening]
        attribution = None
    bounds = boundaries(words, {token_of[id(m)] for m in mentions}, attribution) + ([opening] if opening else [])
    context.subject = opening_subject(actors, token_of, words)  # drafta10: the subject an elided one shares
    triggers = _triggers(sentence, found, quoted, words, bounds, attribution)
    bounds = sorted({*bounds, *clause_commas(words, triggers, span.start)})
    return _Reading(sentence, mentions, words, token_of, quoted, actors, backers, credited, bounds, triggers)


def _clause_event(reading: _Reading, number: int, objects: set[int], drafted: list[Drafted],
                  previous_source: list[str], context: Context) -> Drafted | None:
    """The event the trigger ``number`` reports in its clause, or None (no status, no one acting).

    ``objects`` are the numbers of the triggers that are the object of the verb before them; ``drafted``
    the sentence's events so far; ``previous_source`` who acted in the last of them (a chained verb's subject).
    """
    sentence, words, bounds, triggers = reading.sentence, reading.words, reading.bounds, reading.triggers
    span, trigger = sentence.span, triggers[number]
    first, last = trigger.span.start - span.start, trigger.span.end - span.start
    clause_start = max([b + 1 for b in bounds if b < first], default=0)
    before = triggers[number - 1].span.end - span.start if number else 0
    left_start = max(clause_start, before)
    nominal_deal = trigger.nominal and trigger.type.startswith("agreement")  # "the deal reached at talks with X"
    right_end = min([b for b in bounds if b >= last] + [len(words)]
                    + ([triggers[number + 1].span.start - span.start]
                       if number + 1 < len(triggers) and not nominal_deal else []))
    status = _status(trigger, words, clause_start, first, last, right_end)
    if status is None:
        return None
    left = [m for m in reading.actors if left_start <= reading.token_of[id(m)] < first and id(m) not in reading.backers]
    right_end = _right_end(words, trigger, first, last, right_end)
    right = _right(reading, number, first, last, right_end)
    chained = previous_source if number and (before > clause_start or trigger.nominal) else []
    event = assemble(trigger, (first, last), left, right, words, reading.token_of, chained, context)
    talks = [e for e in drafted if e.type == "meeting"]
    if event is None and nominal_deal and talks:  # "talks between X and Y concluded with an agreement reached"
        event = {"participants": list(talks[-1].roles["participants"])}, True
    if event is None:
        return None
    roles, inherited = event
    kind = _kind(reading, trigger, roles, left, first, last, context)
    subject = [m.actor for m in left if m.actor in roles.get("participants", roles.get("source", ()))]
    future = status in ("planned", "proposed", "cancelled")
    date_end = last if number in objects else right_end
    following = triggers[number + 1].span.start - span.start if number + 1 < len(triggers) else 0
    during = following > 0 and "during" in words[max(0, following - 3):following]
    if number + 1 in objects or during:  # "rebuffed the counter-proposal on Monday": the date is the verb's;
        # "agreed a ceasefire during their meeting in October": the meeting's date is the verb's too
        date_end = _after_object(triggers, number + 1, bounds, len(words), span.start)
    when = _when(reading, trigger, (left_start, date_end), status, drafted, context)
    return Drafted(
        type=kind, date=when or bound(context.published, future),
        status=status, roles=roles, sentence=sentence.text, start=sentence.start, end=sentence.end,
        trigger=trigger.span.text, location=place(sentence, left_start, right_end),
        confidence=confidence(trigger, roles, when is not None, inherited, reading.mentions),
        thing=thing(words[last:max([b for b in bounds if b >= last] + [len(words)])] + words[left_start:first]),
        at=trigger.span.start_char - span.start_char, nominal=trigger.nominal, explicit=when is not None,
        reach=clause_end(span, bounds, last), begin=span[min(left_start, len(span) - 1)].idx - span.start_char,
        passive="by" in words[last - 1:last + 1], subject=subject)


def _status(trigger: Trigger, words: list[str], clause_start: int, first: int, last: int,
            right_end: int) -> str | None:
    """The status of the trigger's event from the words of its clause; None where it reports no event."""
    before_words = modality.modal_words(words[clause_start:first])
    if trigger.span[0].lower_ in REFUSALS:  # "would not recognize": the modal is part of the refusal
        before_words = [w for w in before_words if w not in modality.PLANNED_WORDS]
    status = modality.status(trigger.type, before_words, " ".join(words[last:right_end]),
                             20 if trigger.nominal and not modality.REFERENCES & set(words[max(0, first - 5):first]) else 4)
    if status == "occurred" and not trigger.nominal and modality.ahead(words[max(0, clause_start - 1):first],
                                                                       trigger.span[0].lower_):
        # "after they sign an agreement": still to come; "if they meet": a condition, no event
        conditional = "if" in words[max(0, clause_start - 1, first - 8):first]
        status = "planned" if trigger.type in modality.PLANNABLE and not conditional else None
    if status in ("planned", "proposed") and trigger.nominal and modality.told_done(trigger.span):
        status = "occurred"  # "urged to respect the agreement signed on May 20": it was signed
    if status == "occurred" and trigger.type == "ceasefire_in_force" \
            and modality.TAKING_EFFECT & {t.lower_ for t in trigger.span}:
        status = "planned"  # "the ceasefire takes effect in phases, goes fully into effect in August"
    if trigger.type not in SPEECH and clause_words.conditional(words[last:right_end]):
        status = None  # "is withdrawing from the talks if they do not agree": a threat's cost, not an event
    return status


def _right_end(words: list[str], trigger: Trigger, first: int, last: int, right_end: int) -> int:
    """Where the names after a noun trigger stop being its parties: before its topic or a comma."""
    if trigger.nominal and {"regarding", "concerning", "about", "asked"} & set(words[max(0, first - 4):first]):
        # "Regarding the meeting in London, Peskov stressed": who speaks of it did not attend it
        right_end = next((i for i in range(last, right_end) if words[i] == ","), right_end)
    if trigger.nominal and trigger.type in TOLD_AS_NOUNS:  # "negotiations aimed at ending Russia's war"
        right_end = next((i for i in range(last, right_end) if clause_words.topic(words, i)), right_end)
    return right_end


def _right(reading: _Reading, number: int, first: int, last: int, right_end: int) -> list[Mention]:
    """The names after the trigger ``number``, up to ``right_end``, that may be its parties (the object, who is
    asked; the other party of a call or meeting told in an aside)."""
    words, token_of, triggers = reading.words, reading.token_of, reading.triggers
    trigger = triggers[number]
    # "asked Turkey to release", "wants Haftar's forces to return" (drafta9): who is asked is inside the match
    inside = first if trigger.type == "appeal" or trigger.span[0].lower_ in ASKING else last - 1
    right = [m for m in reading.actors if inside < token_of[id(m)] < right_end]
    if trigger.nominal and "their" in words[max(0, first - 4):first]:  # "During their call, Trump told Zelensky"
        right += [m for m in reading.actors if token_of[id(m)] >= right_end and m.kind == "person"][:2]
    elif trigger.nominal and trigger.type in ("call", "meeting") and not number:  # "During a call with X, Y said"
        verb = triggers[1].span.start - reading.sentence.span.start if len(triggers) > 1 else len(words)
        right += aside_party(words, (first, last, right_end, verb), reading.actors, token_of)
    return right


def _kind(reading: _Reading, trigger: Trigger, roles: dict[str, list[str]], left: list[Mention], first: int,
          last: int, context: Context) -> str:
    """The event's type: the trigger's, unless one side agrees, a draft deal, or what was said is of a kind.

    A statement whose words criticise, accuse or threaten another state's actor takes that actor as its target.
    """
    words = reading.words
    # one side agrees (to a ceasefire, in principle): it accepts
    kind = "acceptance" if trigger.type.startswith("agreement") and "source" in roles else trigger.type
    if kind == "agreement" and IN_PRINCIPLE & {t.lower_ for t in trigger.span}:  # "reached a draft deal"
        kind = "agreement_in_principle"
    kind = one_side_kind(kind, trigger, roles, [m.actor for m in left], words, first, last)  # draft8
    if kind == "statement" and trigger.span[0].lower_ in SAID_OF:
        quote = [words[i] for i in sorted(reading.quoted) if i < first and words[i].isalnum()]  # '"...," Egypt said'
        # with the word that ends the clause: "stressed the need to ... before talks" is a precondition
        # what was said runs to the clause's end, over the nouns it names ("said the talks had been ...")
        said_end = min([b for b in reading.bounds if b >= last] + [len(words)])
        kind = statement_kind(words[last:said_end + 1]) or statement_kind(quote) or kind
        own = set(context.states(roles["source"]))
        others = [a for a in roles.get("mentioned", ()) if context.states([a])[0] not in own]
        if kind in ("criticism", "accusation", "threat") and others:  # "said Putin's comments show"
            roles["target"] = others[:1]
            roles.pop("mentioned")
    return kind


def _when(reading: _Reading, trigger: Trigger, clause: tuple[int, int], status: str, drafted: list[Drafted],
          context: Context) -> str | None:
    """The EDTF date the clause (token numbers ``[start, end)``) gives the event, or None (bounded by publication)."""
    future = status in ("planned", "proposed", "cancelled")
    nouns = [t.span.start_char for t in reading.triggers if t is not trigger]
    when = clause_date(reading.sentence, trigger, clause[0], clause[1], context.published, future, nouns,
                       context.anchor)
    if when and status == "occurred" and after_publication(when, context.published):
        when = None  # "reached a deal ... in exchange for an election in 2024": a later date is another event's
    if future and drafted and drafted[-1].status == "occurred" and drafted[-1].explicit \
            and "/" not in drafted[-1].date and (when is None or drafted[-1].at > trigger.span.start_char - 60):
        # "arrived in Cairo on Saturday to attend talks": the day is the arrival's, the talks follow it
        when = f"{drafted[-1].date}/.."
    return when


def _credit(reading: _Reading, drafted: list[Drafted], acts: list[Drafted], context: Context) -> None:
    """Who the sentence is attributed to: mentioned in its events, or the source of an assessment of its own.

    A sentence with no event of its own is an ``assessment`` only when it is attributed to an outside assessor (a
    mapping, a study, a monitor: no person and no state). Said by a person or a state ("..., according to
    Iranian officials", "according to Mr. Guterres") it only sources what it reports (``tests/drafting/README.md``:
    attributions that only source another event are not events; round 13: 6 of 7 such assessments on tune were
    extra, the one kept is "according to pro-Ukrainian mapping").
    """
    credited = reading.credited
    if credited and (drafted or acts):
        for event in drafted + acts:
            event.roles.setdefault("mentioned", []).extend(a for a in credited if a not in event.actors())
    elif credited and not {m.kind for m in reading.mentions if m.actor == credited[0]} & {"person", "state"}:
        sentence = reading.sentence
        others = [m.actor for m in reading.actors if m.actor not in credited]
        roles = {"source": credited[:1], **({"mentioned": list(dict.fromkeys(others))} if others else {})}
        drafted.append(Drafted("assessment", bound(context.published), "occurred", roles, sentence.text,
                               sentence.start, sentence.end, "according to", 0.45))


def _after_object(triggers: list[Trigger], number: int, bounds: list[int], length: int, offset: int) -> int:
    """Where the clause of a verb ends when the trigger ``number`` is its object: the bound or trigger after it."""
    end = triggers[number].span.end - offset
    following = [triggers[number + 1].span.start - offset] if number + 1 < len(triggers) else []
    return min([b for b in bounds if b >= end] + [length] + following)


def _triggers(sentence: Sentence, found: list[Trigger], quoted: set[int], words: list[str], bounds: list[int],
              attribution: int | None) -> list[Trigger]:
    """The sentence's triggers that report an event of their own, outside quotations and attributions.

    A trigger that refers to an event told elsewhere ("Before meeting the envoys,") is left out, and
    the comma after it ends a clause; so is a verb used as a noun ("rejected such demands").
    """
    span = sentence.span
    kept: list[Trigger] = []
    for trigger in found:
        first = trigger.span.start - span.start
        if kept and not kept[-1].nominal and kept[-1].span.end == trigger.span.start and not trigger.nominal \
                and kept[-1].span[-1].lower_ != "to":
            trigger = trigger._replace(nominal=True)  # noqa: PLW2901 - "rejected demands from": a noun here
        if first in quoted or attribution is not None and first >= attribution or clause_words.modifier(words, first, trigger):
            continue
        if trigger.type == "military_action" and trigger.nominal and kept and kept[-1].span.end == trigger.span.start:
            continue  # "vowing to escalate attacks on ...": the attacks are what the threat names
        act = next((t for t in found if t.span.start == trigger.span.end + 1 and not t.nominal), None)
        if trigger.type == "proposal" and not trigger.nominal and act is not None \
                and words[trigger.span.end - span.start:][:1] == ["to"]:
            trigger = trigger._replace(type=act.type)  # noqa: PLW2901 - drafta9: "proposed to accept": the act
        symmetric = trigger.type in ("meeting", "call", "visit")
        if modality.is_reference(words[:first]) and not dated_before(sentence, trigger):
            comma = next((i for i in range(first, len(words)) if words[i] == ","), None)
            if comma is not None and "between" not in words[first:first + 3]:  # "after a meeting between A, B and C"
                bounds.append(comma)
                bounds.sort()
            if trigger.type in TOLD_AS_NOUNS:  # "after talks in Abu Dhabi with Ukrainian officials"
                kept.append(trigger._replace(nominal=True))
            continue
        if not trigger.nominal and modality.is_noun(words[:first], trigger.span[0].lower_) and trigger.type not in OWNED_ACTS \
                and trigger.span[0].lower_ not in PLAN_WORDS \
                and (not symmetric or words[first - 1] in DEFINITE):
            # "the meeting between X and Y", "the call with Putin"; "Trump's call for a ceasefire"
            if trigger.type in TOLD_AS_NOUNS or words[first - 1] in ("'s", "’s"):
                kept.append(trigger._replace(nominal=True))
            continue
        kept.append(trigger)
    return kept


