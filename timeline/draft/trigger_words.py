"""The word lists of the trigger patterns (:data:`timeline.draft.trigger_patterns.TRIGGERS`): verbs, nouns and objects
that make a match one event type or another, each with the CAMEO or PLOVER entry it follows where it has one.

Split from :mod:`timeline.draft.triggers` (round 12): the words here, the patterns in
:mod:`timeline.draft.trigger_patterns` (round 16), the matcher in :mod:`timeline.draft.triggers`.
"""
from __future__ import annotations

PLAN = "plan|plans|proposal|proposals|draft|drafts|framework|frameworks|offer|offers|deal|document|documents|terms|" \
       "initiative|initiatives|roadmap|blueprint|principles|vision|visions"
SAY = "said|says|say|stated|noted|told|tells|stressed|stresses|acknowledged|acknowledges|added|" \
      "insisted|insists|insisting|declared|announced|announces|warned|warns|suggested|suggests|argued|argues|" \
      "emphasised|emphasized|reiterated|confirmed|confirms|expressed|expresses|saying|described|describes|" \
      "remarked|commented|asserted|maintained|explained|conceded|admitted|vowed|pledged|promised|" \
      "affirmed|affirms|reaffirmed|reaffirms|briefed|briefs|outlined|outlines|highlighted|highlights|underscored|" \
      "underscores|underlined|underlines|indicated|indicates|signalled|signaled|signals|" \
      "wrote|writes|tweeted|tweets|posted|" \
      "clarified|clarifies|assured|assures|revealed|reveals|disclosed|discloses|replied|replies|cautioned|cautions|" \
      "recounted|mentioned|specified|predicted|predicts|lamented|laments"
# drafta9: "wrote on Twitter that", "posted on his account"; drafta10: the other reporting verbs of CAMEO 010's
# dictionary entries ("clarified that", "assured reporters", "cautioned that")
#: Words for an agreement reached ("reached a trade agreement", "struck a draft deal").
DEALS = "agreement|deal|accord|pact|truce|ceasefire"
#: Modal verbs before a base form that tells an act still to come ("will withdraw", "may travel to"), drafta11.
MODALS = "will|would|may|might|shall|could|'ll"
#: Words that make an agreement reached one in principle: terms still to be written down or signed.
IN_PRINCIPLE = frozenset(("draft", "preliminary", "framework", "outline", "tentative"))
#: Verbs of pressing another actor to act ("has pressed Kinshasa and M23 to reach an accord"): an appeal.
PRESS = "pressed|presses|pressing|pressured|pressures|pressuring|encouraged|encourages|encouraging"
#: Acts asked of another actor ("asked Cuba to extradite them"): an appeal, not a planned meeting.
ASKED_ACTS = "extradite|release|free|return|withdraw|stop|halt|end|cease|lift|hand|allow|respect|implement|refrain"
TRUCES = "ceasefire|truce|cease-fire|ceasefires|truces"
#: drafta15: verbs of the CAMEO 2.0 verb dictionary's synsets that no other pattern reads, each in all its forms
#: (CAMEO 02 PLEAD, 040 CONSULT/CONFER/NEGOTIATE, 0854 INITIAL under SIGN, 111 DECRY/DEPLORE/CENSURE, 12 VETO).
PLEAD = "pleaded|pleads|pleading|pled"
CONSULT = "conferred|confers|conferring|consulted|consults|consulting|negotiated|negotiates|negotiating"
INITIALLED = "initialled|initialed|initials|initialling|initialing"
CRITICISE = "deplored|deplores|deploring|decried|decries|decrying|lambasted|lambasts|castigated|castigates|" \
            "censured|censures|rebuked|rebukes|chided|chides|assailed|assails|blasted|blasts"
VETO = "vetoed|vetoes|vetoing|repudiated|repudiates|repudiating"
#: Verbs of signing a text (CAMEO 057 "Sign formal agreement"; its synset's INITIAL added by drafta15).
SIGN = f"signed|signs|sign|signing|inked|inks|inking|{INITIALLED}"
#: Verbs that restate a position already taken ("reiterated his appeal", "confirmed its readiness").
RESTATE = "reiterated|reiterates|reiterating|renewed|renews|renewing|repeated|repeats|repeating|reaffirmed|reaffirms|" \
          "reaffirming|restated|confirmed|confirms|confirming|expressed|expresses|expressing|voiced|underlined|stressed"
POSSESSIVE = "his|her|its|their|our"
#: What a mediator or a host offers to do (CAMEO 039, "Express intent to mediate").
MEDIATE = "mediate|host|broker|coordinate"
#: A helper's verb that is mediation only with talks as its object ("ready to facilitate the talks", not
#: "ready to facilitate the navigation of vessels", draft8).
ASSIST = "facilitate"
ASSISTED = "talks|negotiations|dialogue|meeting|meetings|contacts|process|exchange|exchanges|settlement|summit"
#: A mediator's help told as going on ("continue accompanying the process", "continue facilitating the talks").
CONTINUED = "accompanying|facilitating|supporting|mediating|hosting|accompany|facilitate|support|mediate|host"
#: What happens to a plan that becomes known with no author in its sentence ("the plan was leaked").
MADE_KNOWN = "leaked|revised|published|unveiled|released|amended|updated|circulated|presented|drafted"
CAPTURE = "captured|taken|seized|liberated|destroyed|downed|killed|encircled|shot"
#: Taking ground by force (CAMEO 19, "Fight"): the verb before a place or a named thing.
SEIZE = "captured|captures|seized|seizes|overran|overruns|stormed|storms|occupied|occupies|" \
        "recaptured|recaptures|retook|retakes|regained|regains"  # drafta11: ground taken back
TAKEN_PLACE = "the|a|much|most|control"
#: Uses of armed force told as nouns ("a Russian strike that killed", "Israeli and US strikes on its sites").
STRIKES = "strike|strikes|airstrike|airstrikes|attack|attacks|bombardment|bombardments|shelling|offensive|assault|" \
          "assaults"  # drafta13: "Israel's devastating assault on Gaza"
#: Fighting between sides told as a noun ("artillery exchanges between Thai and Cambodian forces").
FIGHTING = "exchanges|clashes|fighting|hostilities|conflict|war"
#: Talks as the subject or object of a verb that stops or restarts them ("suspended the peace talks").
TALKS = "talks|negotiations|dialogue|negotiation|process"
#: drafta15: the verbs of the CAMEO 2.0 verb dictionary's synsets that no pattern of
#: :data:`timeline.draft.trigger_patterns.TRIGGERS` reads, in all their forms, by event type: 02 PLEAD, IMPLORE, EXHORT;
#: 040 CONFER, CONSULT, NEGOTIATE (with a counterpart); 111 DEPLORE, DECRY, LAMBASTE, CENSURE, REBUKE; 12 VETO,
#: REPUDIATE. INITIAL, under 057 SIGN, is in :data:`SIGN`.
SYNSETS = {
    "appeal": (f"{PLEAD} with|for", "implored|implores|imploring|exhorted|exhorts"),
    "meeting": (f"{CONSULT} with",),
    "criticism": (CRITICISE,),
    "rejection": (VETO,),
}
#: What is called off when talks stop ("called off the talks", "call off a meeting"), drafta15.
CALLED_OFF = f"{TALKS}|meeting|meetings|summit"
#: Verbs that stop talks (CAMEO 164, "halt negotiations"), active and passive ("talks were suspended").
HALT = "suspended|suspends|suspend|halted|halts|froze|freezes|paused|pauses|interrupted"
#: The team a side sends to talks: recalling or withdrawing it walks out of them ("withdrew their delegations").
TEAM = "delegation|delegations|negotiators|negotiating|team|teams"
#: What a speaker lists ("named three results", "listed the conditions"): reported speech.
ITEMS = "results|conditions|points|priorities|steps|principles|terms|outcomes|goals|areas|issues|reasons|elements"
#: Verbs that keep a truce or deal going: "decided not to renew a ceasefire" ends it (a rejection).
RENEW = "renew|extend|prolong"
#: The verb "be" of a passive whose subject opens the match ("talks were suspended"): the event's verb starts there.
BE = frozenset(("was", "were", "been", "is", "are"))
#: Trade measures used as coercion (CAMEO 163, "Impose embargo, boycott, or sanctions").
LEVIES = "tariffs|tariff|levies|duties"
#: What a side withdraws from when it leaves a deal (a rejection of it), not talks (:data:`TALKS`).
ACCORDS = "accord|accords|deal|agreement|agreements|treaty|pact|memorandum"
#: Verbs of leaving a deal ("withdrew from the accord in 2018", "pulled out of the treaty").
LEAVE = "withdrew|withdraws|withdrawn|withdrawing|exited|exits|quit|quits|pulled|pulls"
#: Places where a host meets a visitor on arrival ("welcomed X at Asmara airport").
ARRIVAL_PLACES = "airport|airfield|palace|residence"
#: Verbs of a visit told by its host ("Isaias welcomed Abiy at Asmara airport").
WELCOMING = frozenset(("welcomed", "welcomes", "received", "receives", "greeted", "greets"))

#: Verbs whose match holds who is asked: "wants Ukraine to", "invited Russia and Ukraine to return" (drafta9).
ASKING = frozenset(("wants", "wanted", "want", "invited", "invites", "inviting"))
#: What an invitation asks the invited to do when it offers talks (CAMEO 039).
INVITED_TO = "participate|attend|join|return|resume|hold|talks|negotiations|negotiate|meet|take"
#: Guests a host receives, named after the verb ("hosted his Armenian and Azerbaijani counterparts", draft8): the
#: match is cut to the verb, so that the sides named between it and the noun are its participants.
GUESTS = "counterpart|counterparts|officials|envoys|negotiators|delegation"

#: Armed forces as what is mobilised or deployed ("activate its standby force", "massed troops on the border").
FORCES = "force|forces|troops|soldiers|units|brigade|brigades|battalions|warships|army"

#: What is eased when sanctions are (CAMEO 085): "lifted the sanctions on", "eased the oil embargo".
EASED = "sanctions|embargo|embargoes|restrictions|tariffs|blockade"
#: Who is expelled (CAMEO 166): "expelled two Russian diplomats", "ordered the observers out".
ENVOYS = "diplomat|diplomats|ambassador|envoy|envoys|observers|monitors|staff|attaché|attache|attachés"

#: Types whose match names what is acted on ("expelled two Russian diplomats", "lifted the EU sanctions"): the
#: match is cut to the verb, so that the names in it are the event's target (drafta10).
OBJECT_TYPES = frozenset(("expulsion", "sanctions_eased", "aid", "ceasefire_violation", "withdrawal", "abduction",
                          "release"))
#: Verbs of putting a state on a list (a sanction), before the state listed.
LISTING = frozenset(("add", "added", "adds", "put", "puts"))

#: Who a side sends to talks abroad ("sent a delegation to Cairo", "dispatched its envoy to Doha").
SENT = "delegation|delegations|envoy|envoys|emissary|emissaries|negotiators|team|mission"

#: People held by a side, whom it frees or swaps (CAMEO 0841 "Return, release person(s)"; drafta10 added all but
#: the first three).
HELD = "prisoners|hostages|captives|pows|detainees|prisoner|hostage|soldiers|servicemen|civilians|fishermen|" \
       "journalists|nationals"

#: Nouns of one sitting of talks ("the next round of the Geneva International Discussions"), drafta13.
ROUNDS = frozenset(("round", "rounds", "session", "sessions"))
#: Words after a noun for talks that name their sides ("talks between X and Y", "negotiations with X").
WITH = frozenset(("between", "with"))
#: Words after an invasion told as a noun that go on about it, not name its author ("an invasion triggered by a coup").
INVADED_AFTER = "in|that|which|triggered|launched"
#: What a passive endorsement endorses ("the principles ... supported by", drafta12): plans, deals, talks, efforts.
ENDORSED = frozenset((*PLAN.split("|"), *DEALS.split("|"), *TALKS.split("|"), *ACCORDS.split("|"), "principles",
                      "tracks", "efforts", "resolution"))
