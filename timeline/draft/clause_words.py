"""Word tests of a clause that decide what its trigger drafts: a condition's cost, a backer's name, a topic of talks,
a verb's object, a noun with a verb of its own, and a trigger that names no event (:mod:`timeline.draft.events`)."""
from __future__ import annotations

from timeline.draft import modality
from timeline.draft.triggers import Trigger

#: Words after a noun for talks that open their subject: names after them are not at the table.
TOPIC_WORDS = frozenset(("aimed", "about", "over", "regarding", "concerning", "towards", "toward"))
#: Base forms of verbs that report an act in the present ("we welcome"); after "to" they name an aim.
BASE_FORMS = frozenset(("accept", "welcome", "praise", "endorse", "urge", "condemn", "denounce", "commend",
                        "congratulate"))
#: Words before fighting told as a noun that name it as what is to end ("to end two years of hostilities").
ENDED = frozenset(("end", "ends", "ending", "ended", "cessation", "halt", "halting", "stop", "stopping", "ceasefire",
                   "truce", "moratorium", "de-escalation", "resolve", "resolving"))
#: Verbs that give a noun a clause of its own ("a meeting with Putin would be held", "talks were due").
FINITE_AUXILIARIES = frozenset(("is", "are", "was", "were", "has", "have", "had", "must", "should"))
#: Words that end the noun phrase before any verb of its own could follow.
CLAUSE_STOPS = frozenset((",", ".", ";", ":", "that", "which", "who", "and", "but", "after", "before", "when"))


def conditional(after: list[str]) -> bool:
    """Whether the words after a verb make it the cost of a condition ("... if X does not agree")."""
    condition = next((i for i, w in enumerate(after) if w == "if"), None)
    return condition is not None and bool(modality.NEGATIONS & set(after[condition + 1:condition + 10]))


def backer(words: list[str], last: int) -> bool:
    """Whether the name ending at token ``last`` only says who backs another ("the Iran-backed group ousted")."""
    return words[last + 1:last + 2] in (["-"], ["–"]) and words[last + 2:last + 3] in (
        ["backed"], ["allied"], ["aligned"], ["supported"], ["sponsored"], ["funded"], ["armed"])


def topic(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` opens what talks are about ("aimed at ending", "on ending the war", "to end")."""
    following = words[at + 1] if at + 1 < len(words) else ""
    return words[at] in TOPIC_WORDS or words[at] in ("on", "to") and (following.endswith("ing") or following in
                                                                      ("end", "discuss", "settle", "resolve", "the"))


def object_of(verb: Trigger, noun: Trigger, words: list[str], offset: int) -> bool:
    """Whether the nominal trigger ``noun`` is the object of the verb trigger just before it.

    "rebuffed the European counter-proposal on Monday": at most four words between them, none of which
    ends a clause; a date after the object then dates the verb's event, not the object's.
    """
    if verb.nominal or not noun.nominal:
        return False
    between = words[verb.span.end - offset:noun.span.start - offset]
    return len(between) <= 4 and not set(between) & {",", ".", ";", "and", "that", "which", "after", "before",
                                                     "during", "at"} \
        and not subject_of_clause(words[noun.span.end - offset:])  # drafta12: "agreed X during their meeting"


def subject_of_clause(after: list[str]) -> bool:
    """Whether the words after a noun give it a verb of its own ("said a meeting with Putin would be held on
    December 17"): a modal or a form of "be" or "have" within six words, before a comma or another clause.

    The noun then opens the clause of what was said, and a date after it is its own, not the verb's before it.
    """
    for word in after[:6]:
        if word in CLAUSE_STOPS:
            return False
        if word in modality.PLANNED_WORDS or word in FINITE_AUXILIARIES:
            return True
    return False


def modifier(words: list[str], first: int, trigger: Trigger) -> bool:
    """Whether a trigger names no event of its own.

    A verb that only modifies a noun or names an aim ("US-backed opposition", "to accept oil", "seeking
    comment", "the release of detained fighters"), force said
    to have been used in a claim ("claims to have captured Pokrovsk": the claim is the event), and fighting
    or strikes named as what a truce ends ("the cessation of hostilities between X and Y").
    """
    after = words[trigger.span.end - trigger.span.start + first:][:3]
    if trigger.type in ("demand", "appeal") and ("comment" in after or after[:1] == ["to"]):
        return True  # "calls seeking comment", "requests for comment"; "efforts seeking to facilitate": an aim
    if trigger.type == "arrest" and words[first - 1:first] == ["of"]:
        return True  # "the release of detained fighters"
    if trigger.type == "military_action":
        near = set(words[max(0, first - 6):first])
        if trigger.nominal and near & ENDED or not trigger.nominal and words[first - 2:first] == ["to", "have"]:
            return True
    if trigger.nominal or not first:
        return False
    return words[first - 1] in ("-", "–") or words[first - 1] == "to" and trigger.span[0].lower_ in BASE_FORMS
