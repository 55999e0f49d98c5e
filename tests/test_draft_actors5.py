"""Round 5 (issue #16): sides named again by what they are, a state's opposition, datelines.

Tables of (text, expected actor ids in the order the text names them), drafted without a dataset.
"""
from __future__ import annotations

import pytest

from timeline.draft.actors import ActorIndex
from timeline.draft.groups import Sides
from timeline.draft.sentences import sentences


def named(text: str) -> list[str]:
    index = ActorIndex.build(None)
    return [m.actor for sentence in sentences(text) for m in index.find(sentence)]


def proposed(text: str) -> dict[str, dict[str, str]]:
    index = ActorIndex.build(None)
    for sentence in sentences(text):
        index.find(sentence)
    return index.proposed


SIDES_NAMED_AGAIN = [
    # the government: the state whose government was named, in any of its forms
    ("Talks between the Colombian government and the ELN resumed. The government delegation accepted.",
     ["colombia", "eln", "colombia"]),
    ("The government of Sudan met the RSF. The government demanded more.", ["sudan", "rsf", "sudan"]),
    ("The US government has not responded to the Sudanese government's request. The government insisted.",
     ["united-states", "sudan", "sudan"]),
    ("Venezuela's opposition will meet Maduro's envoys in Oslo. The regime agreed.",
     ["venezuelan-opposition", "norway", "venezuela"]),
    # the army: the state whose army was named, else the government's
    ("The Sudanese army met RSF envoys. The army said it would attend.", ["sudan", "rsf", "sudan"]),
    ("Delegations of the Colombian government and the ELN met. The military resumed operations against the rebels.",
     ["colombia", "eln", "colombia", "eln"]),
    # the rebels, the armed group: the armed group named most often, never a bloc or an agency
    ("The ELN met UN envoys. The ELN said the UN would help. The armed group said so.",
     ["eln", "united-nations", "eln", "united-nations", "eln"]),
    ("A Houthi official met UN envoys. The group received 13 detainees.", ["houthis", "united-nations", "houthis"]),
    ("M23 fighters took Goma. The rebels said they would stay.", ["m23", "m23"]),
    # the opposition: the one named last
    ("Venezuela's opposition met in Oslo. The opposition said it would attend.",
     ["venezuelan-opposition", "norway", "venezuelan-opposition"]),
    # nobody named before: the words name nobody
    ("The government said it would attend. The rebels agreed.", []),
    ("NATO met the EU. The group said so.", ["nato", "european-union"]),
    # a name before the noun is read as the name ("the Sudanese army", "the Contact Group")
    ("The Colombian government met the Sudanese army.", ["colombia", "sudan"]),
]


OPPOSITIONS = [
    ("Venezuela's opposition will attend.", "venezuelan-opposition", "Venezuelan opposition"),
    ("The Venezuelan opposition will attend.", "venezuelan-opposition", "Venezuelan opposition"),
    ("Belarus's main opposition rejected it.", "belarusian-opposition", "Belarusian opposition"),
]


@pytest.mark.parametrize(("text", "ident", "name"), OPPOSITIONS)
def test_a_states_opposition_is_a_side_of_its_own(text: str, ident: str, name: str) -> None:
    assert named(text) == [ident]
    assert proposed(text)[ident] == {"id": ident, "name": name, "kind": "organization"}


DATELINES = [
    ("CARACAS, Nov 1, 2024 (BSS/AFP) - Delegations from the Colombian government met Venezuela.",
     ["colombia", "venezuela"]),
    ("CARACAS, July 8 (NNN-AGENCIES) — Norway will host talks.", ["norway"]),
    ("Abuja, Nigeria | Xinhua | A delegation from ECOWAS met Mohamed Bazoum.", ["ecowas", "bazoum"]),
    ("CAIRO – 13 April 2025: Egypt hosted Hamas.", ["egypt", "hamas"]),
    # no dateline: the place is an actor
    ("Caracas and Bogota agreed.", ["venezuela", "colombia"]),
]


def test_the_government_is_the_one_named_last_and_a_person_gives_their_state() -> None:
    sides = Sides()
    sides.named("colombia", "state", after=" government and")
    sides.named("venezuela", "state", before="the government of ")
    assert sides.side("government") == "venezuela"
    sides.named("maduro", "person", after="'s government", state="cuba")
    assert sides.side("government") == "cuba"
    assert sides.side("army") == "cuba"          # no army named: the government's state
    sides.named("sudan", "state", after=" armed forces said")
    assert (sides.side("military"), sides.side("authorities")) == ("sudan", "cuba")


NAMES_WITH_OF = [
    # a new organisation named with "of": the words after "of" are no actors of their own
    ("The Organization of American States said so. The OAS observed the vote.",
     ["organization-of-american-states", "organization-of-american-states"]),
    ("The Bank of England and the Council of Europe commented.", ["bank-of-england", "council-of-europe"]),
    ("The Community of Sant'Egidio hosted the talks.", ["community-of-santegidio"]),
    ("The National Council for the Safeguard of the Homeland (CNSP) met ECOWAS. The CNSP said so.",
     ["cnsp", "ecowas", "cnsp"]),
    # a state's office stands for the state
    ("The Ministry of Foreign Affairs of Qatar said talks would resume.", ["qatar"]),
    ("Talks at the Embassy of Egypt ended.", ["egypt"]),
    # names the gazetteer knows whole keep their ids
    ("The League of Arab States and the Economic Community of West African States met.", ["arab-league", "ecowas"]),
    ("The Democratic Republic of the Congo answered.", ["dr-congo"]),
    # a person's title after the name ends it; the organisation then describes the person
    ("The Organization of American States Secretary General Luis Almagro spoke.", ["almagro"]),
    # no organisation word: no organisation ("Secretary of State", "President of Ukraine")
    ("Secretary of State Marco Rubio met the President of Ukraine.", ["rubio", "ukraine"]),
    # a name with an organisation word and no "of" is proposed as before
    ("Venezuela's Unitary Platform signed.", ["venezuela", "unitary-platform"]),
]


def test_a_new_organisation_is_proposed_with_its_full_name() -> None:
    found = proposed("The Organization of American States (OAS) will observe the vote.")
    assert found["oas"] == {"id": "oas", "name": "Organization of American States", "kind": "organization"}


NAMES_WITH_ACRONYMS = [
    # a name given with its acronym and ending in an organisation word is one organisation, known by the acronym
    ("The Congo River Alliance (AFC) said it would attend.", ["afc"]),
    ("The Tigray People's Liberation Front (TPLF) signed. The TPLF said so.", ["tplf", "tplf"]),
    ("The Democratic Forces for the Liberation of Rwanda (FDLR) attacked.", ["fdlr"]),
    ("Colombia's National Liberation Army (ELN) held talks.", ["colombia", "eln"]),
    ("The Rapid Support Forces (RSF) met envoys. The RSF agreed.", ["rsf", "rsf"]),
    # "Maduro's government" is the government, not Maduro: the state whose opposition was named (round 6)
    ("Venezuela's opposition will meet Nicolás Maduro's government.", ["venezuelan-opposition", "venezuela"]),
    ("The two Southeast Asian nations met.", []),
]


NAMED = [*SIDES_NAMED_AGAIN, *DATELINES, *NAMES_WITH_OF, *NAMES_WITH_ACRONYMS]


@pytest.mark.parametrize(("text", "ids"), NAMED, ids=[row[0][:50] for row in NAMED])
def test_the_actors_a_text_names(text: str, ids: list[str]) -> None:
    assert named(text) == ids
