"""The trigger patterns: for each event type of :mod:`timeline.vocabulary`, the words that report it.

Patterns are written as words separated by spaces: ``a|b`` is either word,
``~`` up to three other words, ``PLAN`` a word for a plan or proposal, ``CAP`` a capitalised word, ``YEAR`` a year.
A leading ``*`` marks a nominal trigger (``counter-proposal``, ``peace plan``), which takes its acting actor from the
name just before it ("Kyiv and Europe's counter-proposal").
The choice of words follows the CAMEO verb dictionaries' main entries for each root.

Split from :mod:`timeline.draft.triggers` (round 16, by job): the patterns here, the word lists they use in
:mod:`timeline.draft.trigger_words`, the matcher and the rules that cut or drop a match there.
"""
from __future__ import annotations

from timeline.draft.trigger_words import (
    ACCORDS,
    ARRIVAL_PLACES,
    ASKED_ACTS,
    ASSIST,
    ASSISTED,
    CALLED_OFF,
    CAPTURE,
    CONTINUED,
    DEALS,
    EASED,
    ENVOYS,
    FIGHTING,
    FORCES,
    GUESTS,
    HALT,
    HELD,
    INVADED_AFTER,
    INVITED_TO,
    ITEMS,
    LEAVE,
    LEVIES,
    LISTING,
    MADE_KNOWN,
    MEDIATE,
    MODALS,
    PLAN,
    POSSESSIVE,
    PRESS,
    RENEW,
    RESTATE,
    ROUNDS,
    SAY,
    SEIZE,
    SENT,
    SIGN,
    STRIKES,
    TAKEN_PLACE,
    TALKS,
    TEAM,
    TRUCES,
    WELCOMING,
)

#: Event type -> patterns. A leading ``*`` marks a nominal trigger.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "claim": ("claims|claimed|claiming|claim", f"said|says|say|saying it|they has|had|have {CAPTURE}",
              f"said|says|claimed its forces|troops had|have {CAPTURE}"),
    "denial": ("denies|denied|deny|denying|refuted|refutes|refuting", "dismissed|rejected the|those|such claims|claim|reports"),
    "meeting": ("met|meet|meets", "is|are|was|were|be meeting", "held|hold|holds|holding ~ talks|talk|negotiations",
                "held|hold|holds|holding ~ hours|days|weeks|rounds|round of talks|negotiations|discussions|consultations",
                "* talks|negotiations|meeting|dialogue with|between", "sat down with", "* summit with|between",
                "* talks|negotiations|meeting|meetings|summit|consultations",
                "continue|continued|resume ~ talks|discussions|negotiations|contacts",
                "had|have|has a|an|the|their|two|several|more|further ~ talks|discussion|discussions|meeting",
                "had|have|has talks|discussions|negotiations",
                # drafta13: a round of talks named after their place or forum ("the next round of the Geneva
                # International Discussions")
                "* round of talks|negotiations",
                # drafta14: a round told in the passive ("an initial round was held in the Omani capital Muscat")
                f"* {'|'.join(sorted(ROUNDS))} was|were|been|is|are held|expected|due|scheduled|planned|set",
                # drafta14: talks told as their matter ("elements that have been under negotiation for months")
                "* under negotiation|negotiations",
                f"* {'|'.join(sorted(ROUNDS))} of the ~ talks|negotiations|discussions|consultations|dialogue",
                "led|leads|headed|heads|chaired|chairs the|their ~ talks|negotiations|consultations|discussions",
                "* consultations between|with", "gathered|gather|gathers|convened|convene|convenes|reconvened|reconvene",
                "shuttling|shuttled|shuttles between",
                # drafta10: a host or mediator brings the sides to one table (CAMEO 046, "Engage in negotiation")
                "brought|brings|bring|bringing ~ together", "establish|established|establishes|establishing contact|contacts",
                "hosted|hosts|host|hosting ~ counterparts|talks|meeting|meetings|summit|leaders|delegations|negotiations",
                f"hosted|hosts|host|hosting his|her|their|its ~ {GUESTS}", f"hosted|hosts|host|hosting ~ {GUESTS}"),
    "call": ("spoke|spoken|speak|speaks|talked|talks ~ by phone|telephone", "* phone|telephone|video call|conversation|talks",
             "phoned|phones|phoning|telephoned", "spoke|spoken|speaks|talked ~ with", "held|had|have|hold ~ call|conversation",
             # draft16: a length told before the noun ("had a 90-minute phone call"): a hyphen takes a token
             "held|had|have|hold|has ~ - ~ call|conversation",
             "* call|conversation|conversations between|with", "contact|contacts|communication over|via hotline|phone",
             "spoke|speak|speaks|talked ~ over|via hotline|phone",
             # drafta14: "spoke over the phone", "talked by a secure telephone line"
             "spoke|spoken|speak|speaks|talked over|via|by|on the|a ~ hotline|phone|telephone",
             "spoke|spoken|speak|speaks|talked to each|one other|another",
             "telephonic|telephone talk|talks|conversation|conversations",
             # draft16: a contact told as a noun with its line ("The conversation, conducted over the hotline")
             "* conversation|conversations|contact|contacts|communication ~ over|via|through ~ hotline|phone|telephone",
             "called|calls|phoned|rang CAP"),
    "visit": ("visited|visits|visiting|visit", "visit to", "travelled|traveled|travels|travelling|traveling|flew|flies to",
              "arrived|arrives|arriving in|at", "landed|lands in",
              # drafta10: CAMEO 042/043, a side's team sent to the host ("Qatar sent a delegation to Cairo")
              f"sent|sends|send|sending|dispatched|dispatches|dispatch ~ {SENT} to",
              "paid|pays|made|makes ~ visit|trip to", "trip to", "being sent|dispatched to",
              # drafta11: a trip to come ("may travel to", "is due to fly to"); "go to" only after a modal
              f"{MODALS}|to travel|fly to", f"{MODALS} go|head to",
              "left|leaves|departed|departs for|to",
              f"{'|'.join(sorted(WELCOMING))} ~ ~ at ~ {ARRIVAL_PLACES}"),
    "counter_proposal": ("submitted|submits|delivered|delivers|handed|hands|sent|sends ~ response|reply|answer to ~ "
                         f"{PLAN}|memorandum",
                         "* counter - proposal|proposals|offer|plan", "* counterproposal|counteroffer",
                         "* alternative plan|proposal"),
    "proposal": (f"proposed|proposes|propose|proposing|unveiled|unveils|unveiling|submitted|submits|submitting|tabled ~ {PLAN}",
                 "proposed|presented|drafted|submitted|tabled|unveiled|outlined by", "set|laid|put out|forward by",
                 "proposed|proposes|propose|proposing ~ talks|talk|dialogue|negotiations|meeting|ceasefire|truce",
                 "proposed|proposes|propose|proposing opening|holding|starting|resuming ~ talks|talk|dialogue|negotiations",
                 f"present|presents|presented|presenting ~ {PLAN}",
                 # drafta11: a memorandum put forward ("ready to present the memorandum", "will propose a memorandum")
                 "propose|proposes|proposed|present|presents|presented ~ memorandum", f"presented|presents ~ ~ with ~ {PLAN}",
                 f"put|puts|putting forward ~ {PLAN}",
                 f"handed|hands|sent|sends ~ {PLAN}", "offered|offers|offering to",
                 "proposed|proposes ~ to",  # draft8: 'had proposed "to examine the crisis"'
                 f"offer|offered|offers|offering ~ guarantees|assurances|{PLAN}",
                 f"leaked ~ {PLAN}", "* peace plan|proposal|deal",
                 f"{PLAN} became|becomes|become public", f"{PLAN} was|were made public", f"{PLAN} was|were|is|are {MADE_KNOWN}",
                 f"{PLAN} has|have|had been {MADE_KNOWN}",
                 # drafta13: CAMEO 03 "Express intent"/036 proposals told with any object ("proposed autonomous
                 # rule", "floated organizing reunions"); the longer patterns above win where they match
                 "proposed|proposes|floated|floats"),
    "demand": ("demanded|demands|demanding|demand", "seeking|sought|seeks", "insisted|insists|insisting on",
               # drafta14: a position held as a condition ("New Delhi remains firm that dialogue will only follow")
               "remains|remained|remain|stands|stood|stand firm",
               # drafta9: "The GNA wants Haftar's forces to return": what one side wants of another
               "wants|wanted|want CAP ~ to", f"wants|wanted|want the|its|their|{POSSESSIVE} ~ to",
               "made|makes|make|issued|issues|set|sets ~ demands|demand|conditions|preconditions"),
    "offer_to_mediate": (f"offered|offers|offering|proposed|volunteered to {MEDIATE}",
                         f"ready|readiness|willing|willingness|prepared|availability to {MEDIATE}",
                         f"{RESTATE} ~ readiness|willingness|availability to {MEDIATE}",
                         f"offered|offers|offering|proposed|volunteered to {ASSIST} ~ {ASSISTED}",
                         f"ready|readiness|willing|willingness|prepared|availability to {ASSIST} ~ {ASSISTED}",
                         # drafta11: "stands ready to assist and facilitate the peace process"
                         f"ready|readiness|willing|willingness|prepared|availability to assist|help ~ ~ {ASSISTED}",
                         "offered|offers|offering ~ mediation|mediate|good offices", "* mediation offer|offers",
                         # drafta9: an invitation to talks ("invited both sides to participate", "the invitation
                         # of our Swedish hosts to return to Stockholm"): an offer to host or mediate them
                         f"invited|invites|inviting ~ ~ to {INVITED_TO}", "* invitation of|from",
                         # drafta10: the invited may be named at length ("invited both the army and the RSF to")
                         f"invited|invites|inviting ~ ~ ~ to {INVITED_TO}",
                         # drafta10: CAMEO 039, a mediator's pledge to go on helping ("readiness to continue
                         # accompanying the process")
                         f"ready|readiness|willing|willingness|prepared|commitment to continue {CONTINUED} ~ {ASSISTED}"),
    # "flew in to press X to" (draft8), not "Putin's press secretary"
    "appeal": ("urged|urges|urging|urge", PRESS, "to press", f"asked|asks|asking ~ to {ASKED_ACTS}",
               f"{RESTATE} {POSSESSIVE} appeal|appeals|call|calls for|to",
               "called|calls|calling|call on|for", "appealed|appeals|appealing to", "asked|asks|asking for",
               "requested|requests|request|requesting",
               # drafta10: CAMEO 02 "Make an appeal or request": persuading another to act
               "convince|convinced|convinces|convincing|persuade|persuaded|persuades|persuading ~ to"),
    "rejection": ("rejected|rejects|reject|rejecting",
                  "not|never|n't recognize|recognise|accept ~ agreement|agreements|deal|deals|outcome|outcomes|result"
                  "|results|decision|decisions|ceasefire|truce|plan|proposal|proposals|terms|conditions|demands",
                  # drafta14: a position against told with its verb ("Russia opposes the deployment", "objected to")
                  "opposes|oppose", "objected|objects|object to", "is|are|was|were|remains|remain|remained opposed to",
                  "refused|refuses|refusing", "ruled|rules|ruling out",
                  "turned|turns|turning down", "dismissed|dismisses|dismissing", "rebuffed|rebuffs|spurned|spurns|snubbed|snubs",
                  "balked|balks at",
                  f"not|never|n't {RENEW} ~ {DEALS}|mandate|truces|ceasefires",
                  f"not|never|n't to {RENEW} ~ {DEALS}|mandate|truces|ceasefires",
                  "brushed|brushes aside", "calling|called|calls it|them|this ~ unacceptable",
                  "unacceptable", f"{LEAVE} from ~ {ACCORDS}", f"{LEAVE} out of ~ {ACCORDS}",
                  f"not|never|n't sign ~ anything|{ACCORDS}"),
    "acceptance": ("accepted|accepts|accepting|accept", f"{RESTATE} {POSSESSIVE} willingness|readiness to",
                   # drafta14: a side open to what the other offers ("Kyiv is open to talks", "remains open to a deal")
                   "is|are|was|were|remains|remain|remained open to",
                   "confirmed|confirms|confirming their|his|her|its participation|attendance|presence",
                   "agreed|agrees to attend|participate|join"),
    "endorsement": ("welcomed|welcomes|welcome|praised|praises|praise|endorsed|endorses|endorse|backed|backs",
                    "commended|commends|commend|congratulated|congratulates|congratulate|hailed|hails|applauded|applauds",
                    "is|are|was|were|been recognized|recognised by",
                    "supported|endorsed by",  # drafta12: the passive ("the agreement, supported by the United States")
                    # drafta10: CAMEO 051, support told with its verb ("supports direct dialogue between")
                    "supports|supported direct|efforts|dialogue|talks|negotiations|peace", "supports the|a|an|CAP",
                    "expressed|expresses|voiced|voices|declared|declares ~ support|backing for",
                    # drafta11: gratitude (CAMEO 051; not "thanked", a courtesy annotators differ on); praise as a participle
                    "expressed|expresses|expressing|voiced|conveyed ~ gratitude|thanks|appreciation",
                    "praising|welcoming|commending|hailing|applauding|endorsing|congratulating|lauding",
                    "lauded|lauds|saluted|salutes"),
    "agreement": ("agreed|agree|agrees", "came|come|comes to terms",
                  f"reached|reach|reaches|struck|strike|strikes|clinched|sealed ~ {DEALS}",
                  f"brokered|brokers|mediated|mediates ~ {DEALS}",  # drafta13: a mediator's deal between the sides
                  "* agreement|deal|accord|understanding|truce reached|struck|brokered|sealed|clinched|announced",
                  # drafta13: the passive with its auxiliary ("The deal was struck in Washington last Friday")
                  f"* {DEALS}|understanding was|were|been|is|are reached|struck|sealed|clinched"),
    "agreement_in_principle": ("reached|reach ~ understanding", "agreed|agree in principle"),
    "agreement_signed": (f"{SIGN} ~ {DEALS}|agreements|treaty|memorandum|declaration|protocol",
                         "* agreement|deal|accord|treaty|memorandum|declaration|understanding|pact signed",
                         "* memorandum|declaration of understanding|principles signed",
                         f"* {DEALS}|treaty|memorandum|declaration|agreements was|were|been signed|inked|initialled|initialed"),
    "accusation": ("accused|accuses|accusing|accuse", "blamed|blames|blaming",
                   "alleged|alleges|alleging|allege that"),  # drafta10: CAMEO 112 "Accuse" (an allegation)
    "criticism": ("criticised|criticized|criticises|criticizes|criticising|criticizing",
                  "condemned|condemns|condemn|denounced|denounces|denounce|slammed|slams",
                  "condemning|denouncing|slamming",  # drafta11: the participle after the clause's subject
                  "complained|complains|complaining"),
    "threat": ("threatened|threatens|threatening", "vowing|vowed|vows to escalate|strike|attack|retaliate|respond",
               "warned|warns of|against"),
    "statement": (SAY, f"named|names|listed|lists|enumerated|detailed ~ {ITEMS}", "pointed|points out",
                  "brief|briefing ~ media|press|reporters|journalists|correspondents",  # drafta10: CAMEO 010
                  "announce"),  # drafta11: "will announce the results" (a statement still to come)
    "military_action": ("attacked|shelled|bombed|struck", "launched|launches ~ attack|attacks|strike|strikes|offensive",
                        "resumed|resumes|began|begins ~ war|offensive|strikes|attacks|fighting|hostilities",
                        "resumed|resumes|intensified|intensifies|stepped|steps|expanded|expands ~ operations|raids "
                        "against", "intensified|intensifies|escalated|escalates|stepped|steps up ~ attacks|strikes|"
                        "offensive|bombardment|shelling|raids", "fighting|fought|fights against",
                        f"{SEIZE} {TAKEN_PLACE}", f"{SEIZE} CAP", "intervened|invaded|ousted|overthrew|toppled",
                        f"* {STRIKES} on|against|that|which|in|killed|hit|targeting",
                        f"* {STRIKES} .",
                        f"* {FIGHTING} between|with|continued|continue|erupted|broke",
                        "fought|fight|fights|waged|wage|wages ~ war|wars|battle|battles",
                        "engaging|engaged|engage|engages in ~ clashes|fighting|hostilities|skirmishes",
                        "* invasion|invasions of", "* skirmish|skirmishes between",
                        # drafta11: a past attack as a noun with its author ("the attack by Hamas", "the Turkish invasion")
                        f"* {STRIKES}|invasion by", "* invasion .",
                        f"* invasion|invasions|assault {INVADED_AFTER}",  # drafta12: cut to the noun
                        # drafta12: a dated war or attack named with its year ("Russia's February 2022 invasion")
                        f"* YEAR {STRIKES}|invasion|war"),
    #: drafta10: CAMEO 15 "Exhibit military posture" (152 raise alert, 154 mobilize or increase armed forces)
    "show_of_force": (f"activate|activated|activates|activating|mobilized|mobilised|mobilize|mobilise|deployed|deploys|"
                      f"deploy|massed|masses ~ {FORCES}", "put|puts|placed|places ~ on alert|high|standby"),
    "exchange": (f"exchanged|swapped ~ {HELD}|bodies", "prisoner exchange|swap"),
    "release": (f"released|freed ~ {HELD}",),
    # drafta13: up to six words between ("announced a seven-day unilateral truce"); a truce extended is declared again
    "ceasefire_declared": (f"declared|announced|ordered|proclaimed ~ ~ {TRUCES}",
                           f"extended|extends|prolonged|prolongs ~ ~ {TRUCES}"),
    "ceasefire_in_force": (f"* {TRUCES} ~ takes|took|take|taking effect|hold",
                           f"* {TRUCES} ~ goes|went|go|came|comes|come|entered|enters|entering ~ into effect|force",
                           f"* {TRUCES} with effect from"),
    "arrest": ("arrested|detained", "* arrest warrant|warrants"),
    "sanctions": ("imposed|imposes|reimposed|reimposes|reimpose|re-imposed ~ sanctions", "sanctioned|sanctioning",
                  f"imposed|imposes|escalated|raised|hiked|slapped ~ {LEVIES}",
                  f"retaliated|retaliates with ~ {LEVIES}",
                  "add|added|adds|designated|designates|listed ~ sponsor|sponsors of terrorism",
                  f"{'|'.join(sorted(LISTING))} ~ to ~ list ~ ~ sponsor|sponsors|supporters of terrorism",  # drafta10
                  "blacklisted|blacklists"),
    "talks_suspended": (f"{HALT} ~ {TALKS}", f"broke|breaks|break|breaking off ~ {TALKS}", "walked out",
                        f"called|calls|calling|call off ~ {CALLED_OFF}", "called|calls|calling a halt",
                        "was|were|been|is|are " + HALT,
                        "was|were|been|is|are called|broken off",
                        f"withdrew|withdraws|withdrawn|withdrawing|pulled|pulls|recalled|recalls ~ {TEAM}",
                        f"withdrew|withdraws|withdrawing|pulled|pulls ~ from|of the|a|an|its|their ~ {TALKS}|meeting",
                        f"* suspension of ~ {TALKS}"),
    "talks_resumed": (f"resumed|resumes ~ {TALKS}", f"decided|decides|decide to resume ~ {TALKS}",
                      # drafta10: talks as the subject ("Talks between X and Y resumed on Monday")
                      "resumed|resumes|restarted|restarts"),
    "deadline": ("deadline|ultimatum",),
    #: CAMEO 16 (reduce relations): cooperation or ties cut with another side (draft8)
    "relations_reduced": ("suspended|suspends|halted|halts|froze|freezes|cut|cuts|severed|severs|downgraded ~ "
                          "cooperation|ties|relations|contacts with",),
    # drafta10: the material acts of CAMEO roots 07-20 that no pattern above reads, each with the object that makes
    # the verb that act (CAMEO 2.0 verb dictionary's main entries under each code; PLOVER's event types)
    #: CAMEO 087 "De-escalate military engagement" (PLOVER RETREAT): forces pulled back
    "withdrawal": (f"withdrew|withdraws|withdrawing|pulled|pulls|pulling ~ {FORCES}",
                   f"pulled|pulls|pulling back|out ~ {FORCES}", f"{FORCES} withdrew|withdraw|retreated|pulled",
                   # drafta11: a pull-back to come, only after a modal ("urged X to withdraw" is the appeal alone)
                   f"{MODALS} withdraw|pull ~ {FORCES}", f"{MODALS} pull back|out ~ {FORCES}"),
    #: CAMEO 085 "Ease economic sanctions, boycott, embargo": inflected forms only ("to lift" is an aim)
    "sanctions_eased": (f"lifted|lifts|eased|eases|relaxed|relaxes|waived|waives|suspended|suspends ~ {EASED}",
                        "* sanctions relief"),
    #: CAMEO 070-075 "Provide aid": aid or asylum given
    "aid": ("sent|sends|delivered|delivers|provided|provides|shipped|ships|airlifted ~ aid|assistance|supplies|"
            "weapons|arms|ammunition", "granted|grants|offered|offers asylum"),
    #: CAMEO 166 "Expel or withdraw": diplomats or observers sent away
    "expulsion": (f"expelled|expels|expelling ~ {ENVOYS}", f"ordered|orders ~ {ENVOYS} out|to leave",
                  "declared|declares ~ persona non grata"),
    #: CAMEO 196 "Violate ceasefire"
    "ceasefire_violation": (f"violated|violates|breached|breaches|broke|breaks ~ {TRUCES}",
                            f"* {TRUCES} violation|violations|breach|breaches"),
    #: CAMEO 090-092 "Investigate"
    "investigation": ("opened|opens|launched|launches|began|begins|ordered|orders ~ investigation|inquiry|probe",),
    #: CAMEO 181 "Abduct, hijack, or take hostage"
    "abduction": ("abducted|abducts|kidnapped|kidnaps|hijacked|hijacks", "took|takes|taken|taking ~ hostage|hostages"),
    "coercion": ("* blockade|blockades|siege of|on",
                 "restricted|restricts|restricting|barred|bars|blocked|blocks ~ monitors|inspectors|access"),
}

#: How sure a match of each type is, before the actors and the date are weighed (general words are less sure).
BASE_CONFIDENCE = {"statement": 0.55, "meeting": 0.75, "call": 0.8, "visit": 0.7, "claim": 0.75, "denial": 0.75,
                   "rejection": 0.7, "proposal": 0.6, "counter_proposal": 0.65}
