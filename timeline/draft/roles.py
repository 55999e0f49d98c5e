"""Who acts in a drafted event: the roles of a trigger's actors, read from the words around it.

The actors named before a trigger act (``source``, or ``participants`` of a
symmetric type), those after it are acted on (``target``); ``VERB by X``
turns that round. A trigger with nobody before it shares the actor of the
trigger before it ("X met Y and presented a plan"), or, after "he"/"she", the
last person the article named. A nominal trigger is owned by the names just
before it ("Kyiv and Europe's counter-proposal"); a visit's destination is its
``host``. Role keys and symmetric types: :mod:`timeline.vocabulary`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.draft.actors import Mention
from timeline.draft.clauses import PREPOSITIONS, is_object, word_before
from timeline.draft.coref import named_pair, other_side, their_own
from timeline.draft.trigger_words import BE, WELCOMING
from timeline.draft.triggers import Trigger
from timeline.vocabulary import EVENT_TYPES

if TYPE_CHECKING:
    from timeline.draft.drafted import Drafted

PLACE_WORDS = frozenset(("in", "at", "near", "outside", "inside"))
PRONOUNS = frozenset(("he", "she", "him", "her", "his"))
#: Words for the actors of the last event with several ("They agreed", "the two leaders also agreed").
GROUP_WORDS = frozenset(("they", "leaders", "sides", "both", "presidents", "delegations", "rivals"))  # drafta10: rivals
#: Words that name the sides of talks as a group just before the verb ("the parties agreed", draft16): never the
#: speaker who reports them.
SIDE_WORDS = frozenset(("sides", "parties", "rivals"))
#: Words for the teams of the sides at the talks ("Technical teams will meet"): the states of the last group.
TEAM_WORDS = frozenset(("teams", "negotiators", "delegations", "experts"))
#: Words naming a plan or deal, whose owner a sentence with no author takes ("a draft peace plan became public").
PLAN_WORDS = frozenset(("plan", "plans", "proposal", "proposals", "deal", "framework", "draft", "initiative"))
#: Words before talks that make them the object of another act ("the offer for direct negotiations", "steps in
#: the negotiations", "attending the meeting"): such talks are not told as an event of their own.
OBJECT_OF = frozenset(("offer", "offers", "proposal", "invitation", "step", "steps", "attending", "attend", "join",
                       "joined"))
#: Verbs of asking another actor to act, before the act asked ("urged Kiir and Machar to meet"), drafta11.
ASKERS = frozenset(("asked", "asks", "urged", "urges", "instructed", "instructs", "ordered", "orders", "directed",
                    "told", "tasked", "authorized", "authorised", "pressed", "encouraged", "invited", "invites"))
#: Words after which a reporting verb comes before its speaker ('"...," said Witkoff'), drafta11.
INVERTING = frozenset((",", '"', "”", "“", "'", "’"))
#: "called on X to": an appeal whose "on" opens who is asked.
CALLING = frozenset(("called", "calls", "calling", "call"))
#: Words that open a time phrase around a call or talks told as a noun ("during a call with", "after talks with").
REFERENCE_WORDS = frozenset(("during", "after", "following", "in"))
#: Month names, which may stand between an owner and its noun with the date ("Russia's February 2022 invasion").
MONTH_WORDS = frozenset(m.lower() for m in calendar.month_name[1:])
#: Words that open a relative clause: the agent of a passive ends before them ("the attack by Hamas militants that
#: triggered Israel's assault": Israel did not attack), drafta13.
RELATIVES = frozenset(("that", "which", "who", "whose"))
#: Types whose object "them" (just after the verb) names the sides told before ("urged them to", "phoned them").
THEM_TYPES = frozenset(("appeal", "call", "meeting", "demand", "accusation", "criticism", "threat"))
#: Words after a noun trigger that bring in the other side: the owner of the noun is the clause's subject.
WITH = frozenset(("with", "between"))


@dataclass
class Context:
    """What the article has told so far: its events and the last person named as acting."""

    published: dt.date
    events: list[Drafted] = field(default_factory=list)
    last_person: str | None = None
    last_group: list[str] = field(default_factory=list)
    lookup: Callable[[str], str | None] | None = None  # a name -> the id of the actor it names, if known
    affiliations: dict[str, str] = field(default_factory=dict)  # actor id -> the state it rolls up to
    anchor: dt.date | None = None  # the day the article dated an event last ("the same day" counts from it)
    subject: list[str] = field(default_factory=list)  # who the sentence opens with (:func:`opening_subject`)

    def states(self, actors: list[str]) -> list[str]:
        """The states (or top organisations) ``actors`` roll up to, in order, once each."""
        return list(dict.fromkeys(self.affiliations.get(a, a) for a in actors))

    def plan_owner(self) -> list[str]:
        """Whose plan a sentence with no author means: the last proposal's source, else the states of the last
        event told in a sentence about a plan or deal ("as the US continues to push for a deal")."""
        for event in reversed(self.events):
            if event.type in ("proposal", "counter_proposal") and event.roles.get("source"):
                return list(event.roles["source"])
        for event in reversed(self.events):
            if PLAN_WORDS & set(re.findall(r"[a-z]+", event.sentence.lower())):
                return self.states(event.roles.get("source") or event.roles.get("participants") or [])
        return []



def assemble(trigger: Trigger, where: tuple[int, int], left: list[Mention], right: list[Mention],
              words: list[str], token_of: dict[int, int], previous: list[str],
              context: Context) -> tuple[dict[str, list[str]], bool] | None:
    """The roles of the event of ``trigger`` and whether its acting actor was inherited; None if it has none."""
    first, last = where
    if not context.last_group:  # drafta14: "the parties" before any meeting is told: the pair the article opens with
        context.last_group = named_pair([*left, *right], words, token_of)
    passive = last < len(words) and words[last] == "by" or words[last - 1] == "by"  # "the plan proposed by X"
    if trigger.span[0].lower_ in BE and "by" in words[last:last + 6]:  # "talks were called off in 2019 by X"
        passive = True
    places = [m for m in left + right if word_before(token_of[id(m)], words) in PLACE_WORDS
              or words[token_of[id(m)] - 2:token_of[id(m)]] in (["at", "the"], ["in", "the"])]  # "at the White House"
    at_place = {token_of[id(m)] for m in places}
    places += [m for m in left + right if words[token_of[id(m)] - 2:token_of[id(m)]] == [",", "the"]
               and token_of[id(m)] - 3 in at_place  # "in Riyadh, the Saudi capital": still the place
               or words[token_of[id(m)] - 1:token_of[id(m)]] == ["("] and _after_place(token_of[id(m)], words, at_place)]
    left = [m for m in left if m not in places and not is_object(token_of[id(m)], words)]
    right = [m for m in right if m not in places]
    if passive:
        stop = next((i for i in range(last + (words[last - 1] != "by"), len(words))
                     if words[i] in PREPOSITIONS or words[i] in RELATIVES), len(words))
        sources, targets = [m.actor for m in right if token_of[id(m)] < stop], [m.actor for m in left]
    else:
        sources, targets = [m.actor for m in left], [m.actor for m in right]
    if trigger.nominal:  # "Kyiv and Europe's counter-proposal": only the names right before the noun
        owners = sources if passive else _owners(left, first, words, token_of)  # "the memorandum signed by X"
        if not owners and words[first - 1] in PRONOUNS:  # "his conversation with Putin": the clause's subject
            persons = [m.actor for m in left if m.kind == "person"]
            owners = persons[:1] or ([context.last_person] if context.last_person else [])
        if not owners and (words[last:last + 1] == ["from"] or words[last - 1] in ("from", "of")):
            # "rejected demands from Ukraine and ..."; "the invitation of our Swedish hosts" (drafta9)
            owners = [m.actor for m in right if token_of[id(m)] <= last + 6]
            targets = []
        joined = next((w for w in words[last - 1:last + 5] if w in WITH or not w.isalnum()), None)
        if not owners and len(left) >= 2 and their_own(words, last):
            owners, targets = [m.actor for m in left], []  # drafta14: "A and B are discussing ... of their ministers"
        if not owners and "between" in words[last - 1:last + 1]:
            owners, targets = targets, []  # "artillery exchanges between Thai and Cambodian forces": both act
        if not owners and joined == "with":  # "after talks in Abu Dhabi with", not "..., with Putin calling it"
            owners = list(previous)  # "Witkoff flew to Moscow after talks with Ukrainian officials"
        if not owners and joined == "with" and trigger.type == "meeting":  # drafta14: "Dialogue with the ELN": the
            owners = other_side(targets, context.last_group)  # other side of the pair told before
        deal = trigger.type.startswith("agreement") or trigger.type == "ceasefire_in_force"
        if deal and not owners and not targets and len(left) >= 2 and len(trigger.span) >= 2:
            # drafta12: "Iran and the powers returned to the accord sealed in 2015": the sides are the clause's subject
            owners = [m.actor for m in left]
        if len({*owners, *targets}) < 2 and context.last_group and not owners and deal:
            # "talks between X and Y ... concluded with a cessation of hostilities agreement"
            owners, targets = list(context.last_group), []
        both = _both_sides(words[max(0, first - 12):last + 12])
        if len({*owners, *targets}) < 2 and context.last_group and both:
            # "a meeting of the defense attaches of both sides"; "of the officials from both nations": their states
            owners, targets = list(context.last_group if both == "sides" else context.states(context.last_group)), []
        if not owners and not targets and context.last_group and trigger.type in ("meeting", "call") \
                and not OBJECT_OF & set(words[max(0, first - 3):first]):
            owners = list(context.last_group)  # "Last week's talks were the first in months": the sides told before
        return _roles(trigger, (first, last), owners, targets, left, right, token_of, words, places, context, False)
    coordinated = words[first - 1] == "and" or words[first - 1] == "," and words[first].endswith("ing")
    if previous and coordinated and not trigger.nominal and not passive:  # drafta12: "and supported by X": X acts
        # "X met Y and presented", "..., accusing X and vowing to": the verb shares the subject before it
        sources, targets = list(previous), [a for a in targets if a not in previous]
        return _roles(trigger, (first, last), sources, targets, left, right, token_of, words, places, context, True)
    if coordinated and not trigger.nominal and not sources and not passive and context.subject:
        # drafta10: "Hamas holds 59 captives, insisting that ...": a participle with no subject of its own
        # shares the sentence's, though the main verb reports no event
        sources, targets = list(context.subject), [a for a in targets if a not in context.subject]
        return _roles(trigger, (first, last), sources, targets, left, right, token_of, words, places, context, True)
    asker = _asker_end(words, first)
    if asker is not None and not passive:
        # drafta11: "Trump asked Witkoff to meet Putin": who is asked meets, not who asks; "called on the
        # mediators to put forward a plan": the asked act of someone the text does not name is no event
        sources = [m.actor for m in left if token_of[id(m)] > asker]
        if not sources:
            return None
    speaker = [m for m in right if token_of[id(m)] <= last + 1] if trigger.type == "statement" and not sources \
        and not passive and words[first - 1:first] and words[first - 1] in INVERTING else []
    if speaker:  # drafta11: '"...," said Witkoff', '..., said the source on Saturday': the speaker follows
        sources, targets = [speaker[0].actor], [a for a in targets if a != speaker[0].actor]
    inherited = False
    if not sources and not passive:
        pronoun = any(w in PRONOUNS for w in words[:first][-6:])
        grouped = set(words[max(0, first - 4):first]) & (GROUP_WORDS | SIDE_WORDS)
        teams = set(words[max(0, first - 4):first]) & TEAM_WORDS
        pair = _both_sides(words[max(0, first - 6):first])  # drafta10: "the two countries engaging in clashes"
        sides = bool(pair or grouped & SIDE_WORDS)
        if teams and context.last_group and EVENT_TYPES[trigger.type].symmetric:  # "Technical teams will meet"
            sources, inherited = context.states(context.last_group), True
        elif pair and context.last_group:
            sources = list(context.last_group if pair == "sides" else context.states(context.last_group))
            inherited = True
        elif grouped and context.last_group:  # "Trump claimed that both sides had agreed"
            sources, inherited = list(context.last_group), True
        elif trigger.type == "proposal" and trigger.span[0].lower_ in PLAN_WORDS:  # "the plan was leaked"
            sources, inherited = context.plan_owner(), True
        # "X met Y and presented", not "X told reporters that the two sides agreed" (nor "He noted that the parties
        # agreed"): the sides are not the speaker
        elif previous and not sides:
            sources, inherited = list(previous), True
        elif pronoun and context.last_person and not sides:
            sources, inherited = [context.last_person], True
        elif set(words[:first]) & GROUP_WORDS and context.last_group:
            sources, inherited = list(context.last_group), True
    if not targets and context.last_group and trigger.type in THEM_TYPES and "them" in words[last:last + 3]:
        # drafta13: "phoned to urge them to seize the opportunity": "them" are the sides told before
        targets = [a for a in context.last_group if a not in sources]
    pair = _both_sides(words[first:last + 3])
    if pair and context.last_group and EVENT_TYPES[trigger.type].symmetric and len({*sources, *targets}) < 2:
        # drafta10: "Türkiye brought both sides together", "met both parties": the two sides told before meet
        group = context.last_group if pair == "sides" else context.states(context.last_group)
        targets = [*targets, *(a for a in group if a not in sources)]
    return _roles(trigger, (first, last), sources, targets, left, right, token_of, words, places, context, inherited)


def _after_place(token: int, words: list[str], at_place: set[int]) -> bool:
    """Whether the name at ``token``, after "(", follows a place within three words ("in Abu Dhabi (United Arab
    Emirates)", "in Alaska (United States)": the place's country, no party), drafta13."""
    return any(token - back in at_place or words[token - back - 1:token - back] in (["in"], ["at"])
               for back in range(2, 5))


def _asker_end(words: list[str], first: int) -> int | None:
    """Where a verb of asking ends when the verb at ``first`` is what it asks ("urged X and Y to meet",
    "instructed Witkoff to travel"): its index, or None. Within eight words, with "to" just before the verb."""
    if first < 2 or words[first - 1] != "to":
        return None
    return next((i for i in range(first - 3, max(-1, first - 10), -1)  # someone between: "asked to meet" is his own
                 if words[i] in ASKERS or words[i] == "on" and words[i - 1] in CALLING), None)


def opening_subject(mentions: list[Mention], token_of: dict[int, int], words: list[str]) -> list[str]:
    """The actor a sentence opens with, its subject: a name among its first four words, with no comma before it
    ("Hamas still holds ...", "The UN chief Guterres was ..."); [] when it opens otherwise."""
    first = min(mentions, key=lambda m: token_of[id(m)], default=None)
    if first is None or token_of[id(first)] > 3 or "," in words[:token_of[id(first)]]:
        return []
    return [first.actor]


def aside_party(words: list[str], where: tuple[int, int, int, int], actors: list[Mention],
                token_of: dict[int, int]) -> list[Mention]:
    """The other party of a call or talks told in a time phrase with "with" (drafta12): the subject after the
    phrase when it opens the sentence ("During a phone call with Blinken last Monday, al-Burhan stressed ...") or
    before it when it is an aside ("Putin, after a call with Trump on May 19, said ..."); [] otherwise.

    ``where``: the noun's first and end token, where its clause ends (the phrase's comma), where the next verb
    trigger starts (the subject comes before it: "..., Sudan's Sovereign Council Chairman al-Burhan emphasized").
    """
    first, last, end, verb = where
    if "with" not in words[last - 1:last + 1]:
        return []
    opener = next((i for i in range(first - 1, max(-1, first - 4), -1) if words[i] in REFERENCE_WORDS), None)
    if opener is None:
        return []
    if opener <= 1 and words[end:end + 1] == [","]:  # the phrase opens the sentence: its subject follows the comma
        return [m for m in actors if end < token_of[id(m)] < min(verb, end + 10)][:1]
    if opener >= 2 and words[opener - 1] == ",":  # an aside after the subject: "Putin, after a call with ..."
        return [m for m in actors if token_of[id(m)] < opener - 1 and token_of[id(m)] <= 3][:1]
    return []


def _capital_of(token: int, words: list[str]) -> bool:
    """Whether the name at ``token`` is a place named after "in/to the (Afghan) capital/city" (draft8)."""
    return word_before(token, words) in ("capital", "city") and bool({"in", "to"} & set(words[max(0, token - 5):token]))


#: "both countries", "the two neighbours", "the two South Caucasus states" (up to two words between, drafta10).
_STATES = re.compile(r"\b(?:both|two)(?: [\w-]+){0,2} (?:countries|nations|states|neighbou?rs|governments)\b")
_SIDES = re.compile(r"\b(?:both|two)(?: [\w-]+){0,2} (?:sides|parties|rivals|delegations|leaders)\b")


def _both_sides(words: list[str]) -> str:
    """How ``words`` speak of the two sides told before: "sides" ("both sides", "the two parties"), "states"
    ("the two countries", "both nations", draft8), or "" when they do not."""
    joined = " ".join(words)
    if _STATES.search(joined):
        return "states"
    return "sides" if _SIDES.search(joined) else ""


def _owners(left: list[Mention], first: int, words: list[str], token_of: dict[int, int]) -> list[str]:
    """The names that own a nominal trigger: those just before it, joined by "and", "'s" or adjectives."""
    owners: list[str] = []
    end = first
    for mention in reversed(left):
        between = [w for w in words[token_of[id(mention)] + 1:end] if w not in ("'s", "’s", "'", "’", "and", ",", "-")
                   and not w.isdigit() and w not in MONTH_WORDS]  # drafta12: "Hamas' October 7, 2023 attack"
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
    if trigger.type == "visit" and trigger.span[0].lower_ in WELCOMING:  # "X welcomed Y at the airport"
        return ({"participants": targets, "host": sources[:1]}, inherited) if sources and targets else None
    if trigger.type == "visit":
        hosts = [m.actor for m in right if word_before(token_of[id(m)], words) in ("to", "in")
                 or token_of[id(m)] == where[1] or _capital_of(token_of[id(m)], words)] or [m.actor for m in places]
        visitors = [a for a in sources + targets if a not in hosts]
        roles = {"participants": visitors, "host": hosts[:1]}
        return (roles, inherited) if visitors and hosts else None
    if kind.symmetric:
        everyone = list(dict.fromkeys(sources + targets))
        if len(everyone) >= 2:
            if not trigger.nominal:  # "his conversation with Putin" names another group than the one talking
                context.last_group = everyone
            return {"participants": everyone}, inherited
        if trigger.span[0].lower_.startswith("agree") and sources and not trigger.nominal:  # one side agrees: it accepts
            return {"source": sources}, inherited
        venue = [m.actor for m in places if m.actor not in everyone and m.actor not in context.states(everyone)]
        if trigger.type == "meeting" and everyone and venue:  # "X will hold talks in Jeddah": the venue's state hosts
            return {"participants": everyone, "host": venue[:1]}, inherited
        return None
    if not sources:
        return None
    for mention in left + right:
        if mention.actor in sources and mention.kind == "person":
            context.last_person = mention.actor
    if trigger.type in ("statement", "claim", "assessment"):
        return ({"source": sources, **({"mentioned": targets} if targets else {})}, inherited)
    return ({"source": sources, **({"target": targets} if targets else {})}, inherited)
