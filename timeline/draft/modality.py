"""Whether a reported event took place, may take place, is only claimed, or is no event at all.

Read from the words just before the trigger (in its clause) and the rest of the clause:

* ``may meet``, ``could``, ``will``, ``plans to``, ``is expected to``, ``as early as``,
  ``potentially``: **planned** (issue #16);
* ``proposed``, ``offered to``, ``invited ... to``, ``called for``: **proposed** (a meeting
  suggested, not arranged; :data:`timeline.vocabulary.STATUS_INFO`);
* ``not``, ``never``, ``no``: not an event (``did not meet``);
* ``before meeting``, ``after talks``: a reference to an event told elsewhere, not a new one.

Only events that can be arranged ahead (meetings, calls, visits, agreements,
exchanges, ...) can be planned or proposed; a statement or a rejection in the
conditional ("Kyiv could reject the plan") is speculation and is left out.
Claims are ``claimed`` (``disputed`` once the article reports a denial).
"""
from __future__ import annotations

PLANNED_WORDS = frozenset(("may", "might", "could", "would", "will", "'ll", "shall", "potentially", "possibly",
                           "likely", "upcoming", "planned", "possible", "expected", "future", "next", "verge"))
#: Words that make only the noun right after them planned ("a potential meeting between X and Y", draft16), not
#: the rest of their sentence ("talks begin ... to broker a deal and a potential halt to the war").
PLANNED_BEFORE = frozenset(("potential", "prospective"))
#: Verbs that make the next verb planned when "to" follows them ("plans to meet", "is expected to visit").
PLANNING_VERBS = frozenset(("plans", "plan", "planned", "planning", "expected", "set", "scheduled", "due", "intends",
                            "intend", "hopes", "hope", "going", "agreed", "agree", "aims", "ready", "wants", "want",
                            # drafta14: a side's readiness to act ("signalled his readiness to meet", "is prepared to")
                            "readiness", "willingness", "prepared", "willing", "eager", "keen", "open"))
PROPOSED_WORDS = frozenset(("proposed", "proposes", "propose", "proposing", "offered", "offers", "offer", "offering",
                            "invited", "invites", "invite", "suggested", "suggests", "suggest", "urged", "urges",
                            "called", "calls", "calling"))
#: Verbs pressing another side to act, whose act ("urged Kiir and Machar to meet") is proposed, not held.
URGING = frozenset(("urged", "urges", "urging", "pressed", "encouraged", "invited", "invites"))
#: Forms of "call" that propose only with "for" or "on" after them ("called for talks", "calls on X to meet").
CALLED = frozenset(("called", "calls", "calling"))
#: Words after an arranged event, in its clause, that say it was called off.
CANCELLED_WORDS = frozenset(("canceled", "cancelled", "scrapped", "postponed", "shelved", "disrupted", "derailed",
                             "scuttled", "aborted"))
#: Verbs that make the verb after "X to" planned ("asked Witkoff to meet", "instructed him to call").
ASKING_VERBS = frozenset(("asked", "instructed", "ordered", "directed", "told", "authorized", "authorised", "tasked"))
#: Verbs after "to" that make the event they name the purpose of a trip ("arrived to attend talks"): planned.
PURPOSE_VERBS = frozenset(("attend", "hold", "join", "continue", "resume", "discuss"))
NEGATIONS = frozenset(("not", "n't", "never", "no", "neither", "nor", "without", "refused", "declined", "unable",
                       "failed", "fail"))
REFERENCES = frozenset(("before", "after", "since", "during", "following", "ahead", "until", "amid", "despite"))
#: Words after the trigger, in its clause, that make it planned ("as early as Wednesday, potentially in Brussels").
LATER_WORDS = ("as early as", "as soon as", "potentially", "possibly", "next week", "tomorrow", "later this",
               "will resume", "would resume", "will begin", "will start", "will take place", "will be held",
               "would begin", "would start", "would take place", "would be held", "to be held")  # drafta15: told reported
#: Words after an arrangement's noun, in its clause, that put it on a schedule ("A summit between X and Y is
#: planned for next month"): planned, for the types that can be arranged only (a statement's clause may tell of
#: another event's plan, drafta14).
ARRANGED_AFTER = ("is planned", "are planned", "is scheduled", "are scheduled", "is set for", "are set for",
                  "is due to", "are due to", "is expected to take place", "are expected to take place",
                  "next month", "next year", "in the coming days", "in the coming weeks", "later this month")

#: Present forms of "take effect" and "go into force": a truce that "takes effect in August" is still to come.
TAKING_EFFECT = frozenset(("takes", "take", "goes", "go", "comes", "come", "enters", "enter"))

#: Words before "to" that put an act on a schedule ("is expected to brief", "is due to announce"): unlike "could"
#: or "may", they tell a statement still to come, not speculation (drafta11).
SCHEDULE_WORDS = frozenset(("expected", "due", "scheduled", "set"))
#: Types that are no arrangement but may be scheduled: a briefing, an announcement (drafta11).
SCHEDULABLE = frozenset(("statement",))


def _scheduled(near: list[str]) -> bool:
    """Whether the words before a verb put it on a schedule: "expected to", "due to", or "will" just before it."""
    return near[-1:] in (["will"], ["'ll"]) or any(a in SCHEDULE_WORDS and b == "to" for a, b in zip(near, near[1:]))


#: Types that can be arranged before they happen: the only ones that may be planned or proposed.
PLANNABLE = frozenset((
    "meeting", "call", "visit", "talks_resumed", "agreement", "agreement_signed", "agreement_in_principle",
    "exchange", "release", "ceasefire_declared", "ceasefire_in_force", "talks_suspended", "withdrawal",
    "sanctions", "sanctions_eased", "military_action", "proposal", "counter_proposal", "joint_draft",
))


def status(kind: str, before: list[str], after: str, reach: int = 4) -> str | None:
    """The status of an event of type ``kind``; None when it is no event (negated, or speculation).

    ``before`` are the lower-case words of the clause before the trigger, nearest last;
    ``after`` the text of the clause after it; ``reach`` how many words before the trigger
    govern it (more for a noun: "will host a high-level meeting").

    >>> status("meeting", ["kushner", "and", "witkoff", "may"], "a ukrainian delegation as early as wednesday")
    'planned'
    >>> status("meeting", ["putin", "offered", "to"], "zelenskyy in moscow")
    'proposed'
    >>> status("meeting", ["they", "did", "not"], "")
    """
    near = before[-reach:]
    if set(before[-3:]) & NEGATIONS:
        return None
    if kind == "claim":
        return "claimed"
    if kind in PLANNABLE and (set(after.split()) | set(before[-3:])) & CANCELLED_WORDS:
        return "cancelled"  # "an upcoming summit ... has been canceled"
    proposed = any(word in PROPOSED_WORDS and (word not in CALLED or near[i + 1:i + 2] in (["for"], ["on"]))
                   for i, word in enumerate(near))  # drafta11: "called for talks", not "called the talks useful"
    if before[-1:] == ["to"] and not proposed and set(before[-10:-1]) & URGING:
        proposed = True  # drafta11: "urged Russia and Ukraine to meet": suggested, not arranged (past the reach)
    planning = any(a in PLANNING_VERBS and b == "to" for a, b in zip(near, near[1:])) \
        or near[-1:] == ["to"] and bool(set(near) & ASKING_VERBS)  # "asked Witkoff to meet"
    purpose = len(near) >= 2 and near[-2] == "to" and near[-1] in PURPOSE_VERBS
    planning = planning or near[-2:] in (["is", "to"], ["are", "to"])  # drafta13: "the envoy is to meet officials"
    planned = bool(set(near) & PLANNED_WORDS) or bool(set(before[-1:]) & PLANNED_BEFORE) or planning or purpose \
        or any(words in after for words in LATER_WORDS) \
        or kind in PLANNABLE and any(words in after for words in ARRANGED_AFTER)
    if not (proposed or planned):
        # "for the two countries to reach a deal": an aim, not an event
        return None if kind.startswith("agreement") and before[-1:] == ["to"] else "occurred"
    if kind in SCHEDULABLE and _scheduled(near):
        return "planned"  # drafta11: "is expected to brief the media today", "will announce the results"
    if kind not in PLANNABLE:
        return None if planned and not proposed else "occurred"
    return "proposed" if proposed and kind not in ("proposal", "counter_proposal") else "planned" if planned \
        else "occurred"


#: Words opening a clause of time or condition, whose present tense tells what is still to come.
AHEAD_OPENERS = frozenset(("after", "once", "when", "until", "if", "unless"))
#: Irregular past forms of the verbs that report events (the regular ones end in "-ed").
IRREGULAR_PAST = frozenset(("met", "held", "spoke", "spoken", "sat", "struck", "took", "made", "gave", "sent", "went",
                            "came", "began", "broke", "left", "flew", "told", "said", "put", "won", "lost", "shot",
                            "sought", "fought", "brought", "drew", "withdrew", "swapped", "freed", "had", "did", "paid"))


def ahead(before: list[str], verb: str) -> bool:
    """Whether a verb in the present after "after"/"once"/"if" tells an event still to come.

    English puts a future event in the present tense in clauses of time and condition ("the US will
    announce the relief after the two sides sign an agreement"). ``before`` are the words from the
    clause up to the verb (the nearest opener among the last eight counts); ``verb`` the verb's first
    word. A past or perfect verb is no such event.

    >>> ahead(["after", "the", "two", "sides"], "sign"), ahead(["after", "they"], "met")
    (True, False)
    """
    openers = [i for i, word in enumerate(before[-8:]) if word in AHEAD_OPENERS]
    if not openers:
        return False
    clause = before[-8:][openers[-1]:]
    past = verb.endswith("ed") or verb in IRREGULAR_PAST or bool({"had", "has", "have", "was", "were"} & set(clause))
    return not past and not verb.endswith("ing")


#: Forms of "be" that open a passive trigger ("were suspended").
BE_FORMS = frozenset(("was", "were", "is", "are", "been", "be"))
DETERMINERS = frozenset(("the", "a", "an", "such", "these", "those", "this", "that", "its", "their", "his", "her",
                         "our", "any", "no", "'s", "’s"))


def modal_words(before: list[str]) -> list[str]:
    """``before`` without the month "May" read as a modal ("during the May 16 talks"): "may" before a number."""
    return [word for i, word in enumerate(before)
            if not (word == "may" and i + 1 < len(before) and before[i + 1][:1].isdigit())]


#: Past participles that end a deal told as a noun ("the agreement signed on May 20"): what they tell was done.
DONE = frozenset(("signed", "announced", "reached", "struck", "brokered", "sealed", "clinched", "inked", "initialled",
                  "initialed"))


def told_done(span) -> bool:  # noqa: ANN001 - a spaCy Span
    """Whether a noun trigger ends with a participle that tells its deal was done ("a ceasefire agreement signed"),
    whatever the clause around it plans or asks ("urged them to respect the agreement signed on May 20")."""
    return span[-1].lower_ in DONE


def is_reference(before: list[str]) -> bool:
    """Whether the trigger names an event told elsewhere ("before meeting the envoys", "after talks in Moscow")."""
    near = [word for word in before[-3:] if word not in DETERMINERS]
    if before[-2:] in (["has", "since"], ["have", "since"], ["had", "since"]):
        return False  # "has since accepted": an adverb of time, the verb is an event of its own
    return bool(near) and near[-1] in REFERENCES


def is_noun(before: list[str], word: str = "") -> bool:
    """Whether a verb trigger opening with ``word`` is used as a noun here ("rejected such demands", "the claims").

    A passive's "be" after "that" is a relative clause, not a noun ("negotiations that were suspended by", drafta12).
    """
    return bool(before) and before[-1] in DETERMINERS and word not in BE_FORMS
