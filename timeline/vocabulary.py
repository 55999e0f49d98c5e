"""The words of the record: event types, statuses, roles, relations and outcomes, with their codes.

Every event type carries its codes in the field's two standard vocabularies:

* CAMEO (Conflict and Mediation Event Observations, Gerner, Schrodt et al.;
  used by GDELT and ICEWS): a root code ``"01"`` to ``"20"`` and a default
  code of two to four digits, kept as text because leading zeros matter.
* PLOVER (Political Language Ontology for Verifiable Event Records, Open Event
  Data Alliance; used by POLECAT): one of 16 event types, with a mode where
  the CAMEO-to-PLOVER table (``CAMEO2PLOVER-2021.txt``, PLOVER manual draft
  0.8) gives one for the default code.

Every CAMEO root and every PLOVER type has at least one home here
(``timeline types`` lists them; the tests check the coverage).
"""
from typing import NamedTuple

#: The 20 CAMEO root codes and their names (CAMEO codebook 1.1b3).
CAMEO_ROOTS: dict[str, str] = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}

#: The 16 PLOVER event types and what each covers (PLOVER manual, Open Event Data Alliance).
PLOVER_TYPES: dict[str, str] = {
    "AGREE": "agree to, offer or promise cooperation, including to meet, negotiate or settle",
    "CONSULT": "meet, visit, telephone or negotiate (modes: visit, host, third-party, multilateral, phone)",
    "SUPPORT": "praise, endorse, defend, recognise, apologise or sign a formal agreement",
    "CONCEDE": "yield to a demand, ease restrictions, accede to reform",
    "COOPERATE": "cooperate materially: economic, military, judicial, intelligence",
    "AID": "provide economic, military or humanitarian aid, protection or asylum",
    "RETREAT": "release persons or property, ease sanctions, allow access, ceasefire, withdraw",
    "REQUEST": "ask or demand that another act: aid, change, yield, meet or mediate",
    "ACCUSE": "disapprove, criticise, accuse, complain, sue, investigate",
    "REJECT": "reject a proposal, demand, mediation or plan; refuse to yield; veto",
    "THREATEN": "threaten sanctions, force, halting talks; give an ultimatum",
    "PROTEST": "demonstrate, strike, boycott, obstruct, riot",
    "SANCTION": "reduce or break relations, halt negotiations or mediation, expel or withdraw",
    "MOBILIZE": "raise alert, mobilise police or armed forces, show force",
    "COERCE": "seize property, impose restrictions or sanctions, arrest, deport, blockade",
    "ASSAULT": "use violence: attacks, abductions, bombings, armed fighting, mass violence",
}


class EventType(NamedTuple):
    """An event type, its words for people and its codes in the event datasets.

    ``cameo`` is the CAMEO root code, ``code`` the default full CAMEO code and
    ``cameo_label`` that code's name; ``plover`` the PLOVER type (``None``
    for public statements, which PLOVER does not code) and ``mode`` its
    default PLOVER mode. ``symmetric`` types join their ``participants`` (a
    meeting, an exchange); the others go from ``source`` to ``target``, and
    the target may be absent (a joint draft, a statement to the press).
    ``relation`` is the actor-graph relation the type makes (``met``,
    ``proposed_to``); ``meeting`` says whether its actors count as having
    met (:func:`timeline.query.met`).
    """

    name: str
    label: str
    cameo: str
    code: str
    cameo_label: str
    plover: str | None
    mode: str | None
    symmetric: bool
    relation: str
    meaning: str
    meeting: bool = False


EVENT_TYPES: dict[str, EventType] = {t.name: t for t in (
    # 01 statements
    EventType("statement", "Statement", "01", "010", "Make statement", None, None, False, "addressed",
              "A public statement, to the press or addressed to another actor."),
    EventType("claim", "Claim", "01", "010", "Make statement", None, None, False, "claimed_against",
              "An assertion of fact by one side (a capture, a promise made) that others may dispute."),
    EventType("denial", "Denial", "01", "016", "Deny responsibility", "REJECT", None, False, "denied",
              "A denial of a claim or report; link it to the claim with 'disputes'."),
    EventType("assessment", "Assessment", "01", "010", "Make statement", None, None, False, "assessed",
              "A judgement of the situation or of another event by an official or analyst."),
    # 02 appeals
    EventType("appeal", "Appeal", "02", "020", "Appeal", "REQUEST", None, False, "appealed_to",
              "A call on another actor to act (meet, negotiate, settle, yield), softer than a demand."),
    # 03 intent to cooperate
    EventType("proposal", "Proposal", "03", "030", "Express intent to cooperate", "AGREE", None, False,
              "proposed_to", "A plan, offer or terms put to another actor (or made public without one)."),
    EventType("counter_proposal", "Counter-proposal", "03", "030", "Express intent to cooperate", "AGREE", None,
              False, "counter_proposed_to", "A proposal made in answer to another; link it with 'responds_to'."),
    EventType("joint_draft", "Joint draft", "03", "030", "Express intent to cooperate", "AGREE", None, False,
              "proposed_to", "A text drafted together by its sources (list them all under 'source'); "
              "no target needed."),
    EventType("offer_to_mediate", "Offer to mediate or host", "03", "039", "Express intent to mediate", "AGREE",
              None, False, "offered_mediation_to", "An offer to mediate between sides or to host their talks."),
    EventType("agreement_in_principle", "Agreement in principle", "03", "037", "Express intent to settle dispute",
              "AGREE", None, True, "agreed",
              "The sides say they agree on terms still to be written down or signed."),
    # 04 consultations
    EventType("meeting", "Meeting", "04", "040", "Consult", "CONSULT", None, True, "met",
              "Actors meet in person: talks, a round of negotiations, a summit.", meeting=True),
    EventType("call", "Call", "04", "041", "Discuss by telephone", "CONSULT", "phone", True, "met",
              "A telephone or video call.", meeting=True),
    EventType("visit", "Visit", "04", "042", "Make a visit", "CONSULT", "visit", True, "met",
              "Visitors ('participants') go to a host ('host'); they meet the host, not each other.",
              meeting=True),
    EventType("talks_resumed", "Talks resumed", "04", "046", "Engage in negotiation", "CONSULT", None, True,
              "resumed_talks_with", "Negotiations that had stopped start again (record the meeting itself "
              "as a 'meeting')."),
    # 05 diplomatic cooperation
    EventType("agreement", "Agreement", "05", "050", "Engage in diplomatic cooperation", "AGREE", None, True,
              "agreed", "The sides reach an agreement (signed or not: see 'agreement_signed')."),
    EventType("agreement_signed", "Agreement signed", "05", "057", "Sign formal agreement", "SUPPORT", None, True,
              "agreed", "A formal agreement is signed; name who signed under 'signatory'."),
    EventType("endorsement", "Endorsement", "05", "051", "Praise or endorse", "SUPPORT", None, False,
              "endorsed", "Support for another actor, its plan or position: praise, endorsement, backing."),
    # 06 material cooperation
    EventType("cooperation", "Material cooperation", "06", "060", "Engage in material cooperation", "COOPERATE",
              None, False, "cooperated_with", "Economic, military, judicial or intelligence cooperation."),
    # 07 aid
    EventType("aid", "Aid", "07", "070", "Provide aid", "AID", None, False, "aided",
              "Economic, military or humanitarian aid, protection or asylum given to the target."),
    # 08 yield
    EventType("acceptance", "Acceptance", "08", "080", "Yield", "CONCEDE", None, False, "accepted",
              "An actor accepts a proposal or demand, or yields to it."),
    EventType("exchange", "Exchange", "08", "0841", "Return, release person(s)", "RETREAT", "release", True,
              "exchanged_with", "Sides hand over prisoners, bodies or property to each other; give the "
              "numbers under 'quantities'."),
    EventType("release", "Release", "08", "0841", "Return, release person(s)", "RETREAT", "release", False,
              "released_to", "One side releases prisoners, hostages or property, without an exchange."),
    EventType("ceasefire_declared", "Ceasefire declared", "08", "0871", "Declare truce, ceasefire", "RETREAT",
              "ceasefire", False, "declared_ceasefire_towards",
              "A truce or ceasefire is declared or ordered, by one side or several (its sources)."),
    EventType("ceasefire_in_force", "Ceasefire in force", "08", "0871", "Declare truce, ceasefire", "RETREAT",
              "ceasefire", True, "in_ceasefire_with",
              "A ceasefire between the participants takes effect; date it by when it holds."),
    EventType("withdrawal", "Withdrawal", "08", "087", "De-escalate military engagement", "RETREAT", "withdraw",
              False, "withdrew_from", "Forces pull back or are withdrawn; a retreat or de-escalation."),
    EventType("sanctions_eased", "Sanctions eased", "08", "085", "Ease economic sanctions, boycott, embargo",
              "RETREAT", None, False, "eased_sanctions_on", "Sanctions, a boycott or an embargo are eased or lifted."),
    # 09 investigate
    EventType("investigation", "Investigation", "09", "090", "Investigate", "ACCUSE", "investigate", False,
              "investigated", "An inquiry into crimes, abuses, military action or war crimes."),
    # 10 demand
    EventType("demand", "Demand", "10", "100", "Demand", "REQUEST", None, False, "demanded_of",
              "An actor demands that another act, yield or meet."),
    # 11 disapprove
    EventType("accusation", "Accusation", "11", "112", "Accuse", "ACCUSE", "disapprove", False, "accused",
              "An accusation of aggression, crimes, bad faith or breaking an agreement."),
    EventType("criticism", "Criticism", "11", "111", "Criticize or denounce", "ACCUSE", "disapprove", False,
              "criticized", "Criticism or denunciation of an actor, its plan or conduct."),
    # 12 reject
    EventType("rejection", "Rejection", "12", "120", "Reject", "REJECT", None, False, "rejected",
              "An actor rejects a proposal, demand, plan or mediation."),
    # 13 threaten
    EventType("threat", "Threat", "13", "130", "Threaten", "THREATEN", None, False, "threatened",
              "A threat of force, sanctions or of halting talks."),
    EventType("deadline", "Deadline or ultimatum", "13", "139", "Give ultimatum", "THREATEN", "relations", False,
              "gave_deadline_to", "A deadline set for another actor to answer or act, with a cost if it does not."),
    # 14 protest
    EventType("protest", "Protest", "14", "140", "Engage in political dissent", "PROTEST", None, False,
              "protested_against", "Demonstrations, strikes, boycotts or blockades by a group or public."),
    # 15 force posture
    EventType("show_of_force", "Show of force", "15", "150", "Demonstrate military or police power", "MOBILIZE",
              None, False, "showed_force_to", "Raised alert, mobilisation, exercises or deployments as a signal."),
    # 16 reduce relations
    EventType("talks_suspended", "Talks suspended", "16", "164", "Halt negotiations", "SANCTION", "withdraw", False,
              "suspended_talks_with", "Talks are suspended, broken off or walked out of, by its sources."),
    EventType("expulsion", "Expulsion", "16", "166", "Expel or withdraw", "SANCTION", "expel", False, "expelled",
              "Diplomats, a delegation, observers or staff expelled or asked to leave."),
    EventType("relations_reduced", "Relations reduced", "16", "161", "Reduce or break diplomatic relations",
              "SANCTION", "withdraw", False, "reduced_relations_with",
              "Diplomatic relations downgraded or broken; an embassy closed."),
    EventType("sanctions", "Sanctions", "16", "163", "Impose embargo, boycott, or sanctions", "COERCE", "restrict",
              False, "sanctioned", "Sanctions, an embargo or a boycott imposed on the target."),
    # 17 coerce
    EventType("coercion", "Coercion", "17", "170", "Coerce", "COERCE", None, False, "coerced",
              "Seizure of property, restrictions, blockade or other coercion short of violence."),
    EventType("arrest", "Arrest or detention", "17", "173", "Arrest, detain, or charge with legal action",
              "COERCE", "arrest", False, "arrested", "Persons arrested, detained or charged."),
    # 18 assault
    EventType("assault", "Assault", "18", "180", "Use unconventional violence", "ASSAULT", None, False, "attacked",
              "Unconventional violence: bombings, assassinations, physical assault."),
    EventType("abduction", "Abduction or hostage-taking", "18", "181", "Abduct, hijack, or take hostage",
              "ASSAULT", "abduct", False, "abducted", "Persons abducted or taken hostage."),
    # 19 fight
    EventType("military_action", "Military action", "19", "190", "Use conventional military force", "ASSAULT",
              None, False, "attacked", "Use of armed force: strikes, offensives, shelling, fighting."),
    EventType("ceasefire_violation", "Ceasefire violation", "19", "196", "Violate ceasefire", "ASSAULT", None,
              False, "violated_ceasefire_with", "Fire opened in breach of a ceasefire in force."),
    # 20 mass violence
    EventType("mass_violence", "Mass violence", "20", "200", "Use unconventional mass violence", "ASSAULT",
              "massacre", False, "attacked", "Mass killings, mass expulsion, ethnic cleansing or weapons of "
              "mass destruction."),
)}

#: The types of version 0.1 keep their order (charts list lanes and legends in this order); the rest follow.
_FIRST = ("meeting", "call", "visit", "agreement", "proposal", "counter_proposal", "demand", "rejection",
          "acceptance", "statement", "accusation", "threat", "claim", "denial", "military_action", "assessment")
EVENT_TYPES = {name: EVENT_TYPES[name] for name in (*_FIRST, *(n for n in EVENT_TYPES if n not in _FIRST))}

#: Types whose participants (and host) count as having met.
MEETING_TYPES = tuple(name for name, kind in EVENT_TYPES.items() if kind.meeting)


class Status(NamedTuple):
    """What a status says about an event: whether it took place, may still, and how to label it.

    ``held``: it took place (by at least one side's account). ``pending``: it
    has not taken place but may (planned, proposed, postponed). An event
    neither held nor pending will not take place (cancelled). ``contested``:
    its taking place rests on one side's word (disputed, claimed).
    ``label`` is what a chart legend or calendar says.
    """

    name: str
    label: str
    held: bool
    pending: bool
    contested: bool
    meaning: str


STATUS_INFO: dict[str, Status] = {s.name: s for s in (
    Status("occurred", "Occurred", True, False, False, "It took place (the default)."),
    Status("planned", "Planned", False, True, False, "Arranged for a date, not yet held."),
    Status("proposed", "Proposed", False, True, False,
           "Suggested by someone but not arranged (a summit offered, perhaps rebuffed); never a planned meeting."),
    Status("postponed", "Postponed", False, True, False, "Arranged, then put off; it may still take place."),
    Status("cancelled", "Cancelled", False, False, False, "Arranged, then called off; it did not take place."),
    Status("disputed", "Disputed", True, False, True,
           "Took place by one side's account, which another side disputes."),
    Status("claimed", "Claimed", True, False, True, "Asserted by one side and not verified by others."),
)}
STATUSES = tuple(STATUS_INFO)
#: Statuses of events that took place (a disputed or claimed one by one side's account).
HELD_STATUSES = tuple(name for name, status in STATUS_INFO.items() if status.held)
#: Levels of the actor graph and of "who met whom": actors as recorded, or as their states.
LEVELS = ("person", "state")
#: Orders of events whose dates have different precisions (see :func:`timeline.model.date_order`).
ORDERS = ("midpoint", "start", "end")
#: Statuses of events that may still take place; ``met --include-planned`` lists only ``planned`` ones.
PENDING_STATUSES = tuple(name for name, status in STATUS_INFO.items() if status.pending)


class Role(NamedTuple):
    """A role an actor has in an event: its key in a data file, and what it means."""

    name: str
    key: str
    label: str
    meaning: str


ROLE_INFO: dict[str, Role] = {r.name: r for r in (
    Role("participant", "participants", "Participant", "Took part in a symmetric event (a meeting, call, exchange)."),
    Role("head", "head", "Head of delegation",
         "Led a side's delegation at a meeting; also counts as a participant."),
    Role("host", "host", "Host", "Received the others (a visit's host); in mediated talks, only the venue's state."),
    Role("mediator", "mediator", "Mediator",
         "Carried messages between sides that did not meet each other; each side meets the mediator."),
    Role("initiator", "initiator", "Initiator", "Asked for the call or meeting ('at Russia's request')."),
    Role("signatory", "signatory", "Signatory", "Signed the agreement."),
    Role("source", "source", "Source", "The actor who acts in a directed event (who proposes, demands, states)."),
    Role("target", "target", "Target", "The actor acted on or addressed."),
    Role("mentioned", "mentioned", "Mentioned", "Named in the event without acting in it."),
)}
#: Roles in the order tables, charts and exports list them.
ROLES = tuple(ROLE_INFO)
#: The key each role has in a data file.
ROLE_KEYS = {role.key: role.name for role in ROLE_INFO.values()}


class Term(NamedTuple):
    """A word of the vocabulary: its ``name`` in data files, a ``label`` for people, a one-line ``meaning``."""

    name: str
    label: str
    meaning: str


#: A relation from one event to another (:data:`RELATION_INFO`).
EventRelation = Term
#: What a meeting, call or round of talks came to (:data:`OUTCOME_INFO`).
Outcome = Term

RELATION_INFO: dict[str, EventRelation] = {r.name: r for r in (
    EventRelation("responds_to", "Responds to", "This event answers that one (a rejection of a proposal)."),
    EventRelation("disputes", "Disputes", "This event denies or contests that one (a denial of a claim)."),
    EventRelation("supersedes", "Supersedes", "This event replaces that one (a new date, a revised plan)."),
    EventRelation("part_of", "Part of", "This event is a part of that one (a session of a round of talks)."),
    EventRelation("announces", "Announces", "This event makes that one public (a statement announcing talks)."),
    EventRelation("proposes", "Proposes", "This event proposes that one (an offer of a summit that is 'proposed')."),
    EventRelation("caused_by", "Caused by", "This event happened because of that one."),
    EventRelation("leads_to", "Leads to", "This event brought about that one."),
    EventRelation("amends", "Amends", "This event changes that one in part (an amended plan or agreement)."),
)}
RELATIONS = tuple(RELATION_INFO)

OUTCOME_INFO: dict[str, Outcome] = {o.name: o for o in (
    Outcome("agreement_reached", "Agreement reached", "The sides agreed on what they met about."),
    Outcome("partial_agreement", "Partial agreement", "Agreed on some points (an exchange), not on the rest."),
    Outcome("no_agreement", "No agreement", "Ended without agreement; talks may go on."),
    Outcome("talks_continue", "Talks continue", "No result yet; the sides agreed to keep talking."),
    Outcome("broke_down", "Broke down", "The talks ended in a breakdown or walk-out."),
    Outcome("postponed", "Postponed", "The business was put off to a later meeting."),
)}
OUTCOMES = tuple(OUTCOME_INFO)

#: Bounds a quantity can have ("more than 1,000": at_least).
QUANTITY_BOUNDS = ("exact", "approximate", "at_least", "at_most")


def cameo_root(code: str) -> str:
    """The root (first two digits) of a CAMEO code: ``"0871"`` -> ``"08"``."""
    return code[:2]
