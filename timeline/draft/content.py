"""What a reported statement's words make it: a criticism or a threat told without its verb.

"Sybiha said Putin's comments show he has no interest in ending the war" is a
criticism (CAMEO 111, "Criticize or denounce"): someone's words or acts are said to
show a failing. "Putin suggested that Russian forces could expand operations" is a
threat (CAMEO 138, "Threaten with military force"): the speaker's side could widen
the fighting. Both rules are conservative (a negative finding; a military verb with
a military object): a statement kept as a statement costs less than a wrong type.
"""
from __future__ import annotations

import re

#: Someone's words or acts said to show a failing ("X's comments show he has no interest").
_CRITICISM = re.compile(
    r"^(?:that )?(?:[\w.-]+ ){0,4}(?:'s |’s )?(?:comments|remarks|words|statements|statement|actions|stance|"
    r"position|refusal|behaviou?r|demands|response|conduct) (?:show|shows|showed|shown|prove|proves|proved|"
    r"demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|confirm|confirms|confirmed|make clear|"
    r"makes clear|made clear) (?:that )?.*\b(?:no|not|never|n't|lack|lacks|unwilling|unwillingness|contempt|"
    r"disregard)\b")
#: The speaker's side could widen the fighting ("forces could expand operations", "would strike").
_THREAT = re.compile(
    r"^(?:that )?(?:[\w.-]+ ){0,4}(?:forces|troops|army|military|we|it|they) (?:could|would|might|may|will|can) "
    r"(?:(?:expand|widen|extend|intensify|escalate|step up)(?: [\w-]+){0,2} (?:operations|offensive|offensives|"
    r"attacks|strikes|war|fighting|hostilities|campaign)\b|(?:strike|attack|retaliate|seize|capture)\b)")


#: Conduct said to break a law or an agreement (CAMEO 112, "Accuse"): "represents a violation of international law".
_ACCUSATION = re.compile(
    r"\b(?:represents?|represented|constitutes?|constituted|amounts? to|amounted to|is|was|are|were) (?:a |an )?"
    r"(?:\w+ )?(?:violation|violations|breach|breaches) of\b|\b(?:violated|breached) (?:the|a|an|its|their|international)\b")
#: A precondition put to others (CAMEO 10, "Demand"; tests/drafting/README.md: "a position held as a precondition"):
#: "the need to address X before talks", "the only way", "would like to see ... before".
_DEMAND = re.compile(r"\bthe need (?:to|for)\b.*\bbefore\b|\bwould like to see\b|\b(?:is|are|was|were) the only way\b")


#: A condition put with a cost (CAMEO 13, "Threaten"): "if X does not ..., we will ...", "would face consequences".
_CONDITIONAL = re.compile(
    r"\bif\b(?: [\w'’-]+){1,12} (?:not|n't|fails?|refuses?)\b.*\b(?:will|would|'ll)\b"
    r"|\b(?:will|would|'ll|(?:is|are) \w+ing)\b.*\bif\b(?: [\w'’-]+){1,12} (?:not|n't|fails?|refuses?)\b"
    r"|\b(?:will|would) (?:face|pay|suffer|bear)(?: [\w-]+){0,3} (?:consequences|price|retaliation)\b"
    # drafta10: an act said to bring a response on its author ("could trigger a strong response")
    r"|\b(?:will|would|could|might) (?:trigger|provoke|prompt|draw|invite|meet)(?: [\w-]+){0,3} "
    r"(?:response|retaliation|consequences|reaction|reprisals)\b")


def statement_kind(after: list[str]) -> str | None:
    """The type a reporting verb's words make the statement, else None.

    ``"criticism"``, ``"threat"``, ``"accusation"`` or ``"demand"``; ``after`` are the clause's lower-cased
    tokens after the verb ("putin", "'s", "comments", "show", ...), or the quotation a final "X said" reports.
    """
    said = " ".join(after)
    if _CRITICISM.match(said):
        return "criticism"
    if _THREAT.match(said) or _CONDITIONAL.search(said):
        return "threat"
    if _ACCUSATION.search(said):
        return "accusation"
    if _DEMAND.search(said):
        return "demand"
    return None
