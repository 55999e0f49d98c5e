"""Round 4 (issue #16): actors drafting finds without a dataset, and names that only look like actors.

Tables of (text, expected actor ids in the order the text names them). The ids of new people are
their surnames, as the project's datasets write them (``trump``, ``araghchi``), unless the surname is
taken or the family name comes first ("Xi Jinping"); states come from the gazetteer, which holds every
country of ``countryinfo``.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.dataset import load
from timeline.draft.actors import ActorIndex
from timeline.draft.countries import merged, slug
from timeline.draft.gazetteer import STATES
from timeline.draft.sentences import sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WEDNESDAY = dt.date(2025, 12, 3)


def named(text: str, dataset=None) -> list[str]:  # noqa: ANN001
    index = ActorIndex.build(dataset)
    return [m.actor for sentence in sentences(text) for m in index.find(sentence)]


def proposed(text: str, dataset=None) -> dict[str, dict[str, str]]:  # noqa: ANN001
    index = ActorIndex.build(dataset)
    for sentence in sentences(text):
        index.find(sentence)
    return index.proposed


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


WITHOUT_A_DATASET = [
    # states and capitals the typed list lacks come from countryinfo; "Congo" is the DR Congo, as news has it
    ("The Democratic Republic of Congo and Rwanda met in Kinshasa.", ["dr-congo", "rwanda", "dr-congo"]),
    ("Burkina Faso and Côte d'Ivoire sent envoys to Ouagadougou.", ["burkina-faso", "ivory-coast", "burkina-faso"]),
    ("Ivorian officials met Kazakhstan's envoy.", ["ivory-coast", "kazakhstan"]),
    ("Talks in eastern Congo resumed.", ["dr-congo"]),
    # new people: the surname is the id, the title and its portfolio are no part of the name
    ("Rwandan President Paul Kagame met Congolese President Félix Tshisekedi.",
     ["kagame", "tshisekedi"]),
    ("Minister of Minerals Mohamed Bashir Abu-Namo will lead the delegation.", ["abu-namo"]),
    ("Sudan's Sovereign Council Chairman Abdel Fattah al-Burhan spoke.", ["al-burhan"]),
    ("US Army Lieutenant Colonel Jeff Tolbert said so.", ["tolbert"]),
    ("Deputy International and Legal Affairs Minister Kazem Gharibabadi joined.", ["gharibabadi"]),
    ("Pakistan's DGMO Maj Gen Kashif Abdullah and his Indian counterpart Lt Gen Rajiv Ghai spoke.",
     ["abdullah", "ghai"]),
    # a first name remembered from one person does not take another person's name
    ("Minister Mohamed Bashir Abu-Namo spoke. RSF leader Mohamed Hamdan Dagalo accepted.",
     ["abu-namo", "dagalo"]),
    # the family name first: the whole name is the id
    ("Chinese President Xi Jinping called Cambodian Prime Minister Hun Manet.", ["xi-jinping", "hun-manet"]),
    # an acronym defined after a name names the same actor from then on; an unknown acronym is an organisation
    ("Sudan will talk to the Rapid Support Forces (RSF). The RSF agreed.", ["sudan", "rsf", "rsf"]),
    ("M23 fighters captured Goma.", ["m23"]),
    # organisations of the gazetteer
    ("The UN human rights office and the Arab League welcomed the talks.", ["un-human-rights-office", "arab-league"]),
    ("IGAD and the African Union mediated.", ["igad", "african-union"]),
    # a mediator's foreign ministry is its state; a spokesperson of it is a person of that state
    ("The Qatari Foreign Ministry said talks would resume.", ["qatar"]),
    ("The Egyptian foreign ministry and the Lebanese presidency said so.", ["egypt", "lebanon"]),
    ("Iranian Foreign Ministry spokesperson Esmaeil Baqaei said so.", ["baqaei"]),
    # a title after a demonym, nobody named: the state ("unnamed officials of a side are that side's state")
    ("The Egyptian foreign minister said talks would resume.", ["egypt"]),
    ("The talks would be hosted by Malaysian Prime Minister and ASEAN chair Anwar Ibrahim.", ["ibrahim"]),
    # a country's press is a group of its own, not the state
    ("Indian media reported that the officers spoke; Israeli forces struck.", ["indian-media", "israel"]),
    ("Iranian state media said the talks ended.", ["iranian-state-media"]),
    # names that are no actor: texts, news agencies
    ("The government demanded that the Jeddah Declaration be implemented.", []),
    ("A delegate told AFP and Reuters the talks went well.", []),
]


@pytest.mark.parametrize(("text", "expected"), WITHOUT_A_DATASET)
def test_actors_without_a_dataset(text, expected):
    assert named(text) == expected


WITH_THE_SEEDS = [
    # a person the dataset knows keeps its id; the surname of a new person does not take it
    ("Ivanka Trump met Zelenskyy.", ["ivanka-trump", "zelenskyy"]),
    # a name of the dataset inside a longer name is someone else
    ("The Supreme National Security Council approved it.", ["supreme-national-security-council"]),
    ("The National Security Council approved it.", ["us-national-security-council"]),
    ("President Trump spoke with Putin.", ["trump", "putin"]),
]


@pytest.mark.parametrize(("text", "expected"), WITH_THE_SEEDS)
def test_actors_with_the_seeds(text, expected, seeds):
    assert named(text, seeds) == expected


def test_new_people_keep_their_name_title_and_state():
    found = proposed("Rwandan President Paul Kagame met Félix Tshisekedi. Kagame spoke.")
    assert found["kagame"] == {"id": "kagame", "name": "Paul Kagame", "kind": "person", "title": "President",
                               "affiliation": "rwanda"}
    assert found["tshisekedi"]["name"] == "Félix Tshisekedi"


def test_the_press_belongs_to_its_state_and_the_state_is_proposed_with_it():
    found = proposed("Indian media reported the call.")
    assert list(found.values()) == [{"id": "india", "name": "India", "kind": "state"},
                                    {"id": "indian-media", "name": "Indian media", "kind": "group",
                                     "affiliation": "india"}]


def test_a_spokesperson_belongs_to_the_state_of_the_ministry():
    assert proposed("Iranian Foreign Ministry spokesperson Esmaeil Baqaei said so.")["baqaei"]["affiliation"] == "iran"


def test_two_people_of_one_surname_are_two_ids():
    found = proposed("Lara Trump met Donald Trump.")
    assert [(a["id"], a["name"]) for a in found.values()] == [("trump", "Lara Trump"), ("donald-trump", "Donald Trump")]


def test_every_state_of_the_gazetteer_has_a_name_and_the_news_forms_come_first():
    assert all(words[0] for words in STATES.values())
    assert STATES["united-states"][:3] == ("United States", "American", "Washington")
    assert "Congo-Kinshasa" in STATES["dr-congo"]
    assert STATES["republic-of-the-congo"][1] == ""  # "Congolese" is the DR Congo's
    assert len(STATES) > 200


@pytest.mark.parametrize(("record", "expected"), [
    # a small country is left out; ISO codes, one-word and comma-inverted other names are never read
    ({"name": "Tuvalu", "population": 11323, "capital": "Funafuti"}, {}),
    ({"name": "Iceland", "population": 328170, "capital": "Reykjavik", "demonym": "Icelander",
      "altSpellings": ["IS", "Island", "Republic of Iceland", "Iceland, Republic of"]},
     {"iceland": ("Iceland", "Icelander", "Republic of Iceland", "Reykjavik")}),
    ({"name": "The Gambia", "population": 1882450, "capital": "Banjul", "demonym": "Gambian"},
     {"gambia": ("Gambia", "Gambian", "Banjul")}),
])
def test_countries_are_read_safely(record, expected):
    assert merged({}, [record]) == expected


def test_slug():
    assert [slug(n) for n in ("South Sudan", "The Gambia", "Côte d'Ivoire")] == ["south-sudan", "gambia",
                                                                               "cote-divoire"]
