"""``timeline draft``, round 3: events told as nouns, group actors, people named by role, other negotiations."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from timeline.dataset import DatasetError, load
from timeline.draft import draft_article
from timeline.draft.output import draft_data, summary
from timeline.model import Evidence

WEDNESDAY = dt.date(2025, 12, 3)


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


def events(text, dataset=None, published=WEDNESDAY):
    return [(e.type, e.date, e.status, e.roles) for e in draft_article(text, published, dataset).events]


@pytest.mark.parametrize(("text", "expected"), [
    # events reported only as nouns
    ("Sunday's meeting between Witkoff and Umerov lasted four hours.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["witkoff", "umerov"]})]),
    ("A phone call between Trump and Putin took place on Thursday.",
     [("call", "2025-11-27", "occurred", {"participants": ["trump", "putin"]})]),
    ("The talks in Geneva on Sunday between US and Ukrainian officials were productive, Rubio said.",
     [("meeting", "2025-11-30", "occurred", {"participants": ["united-states", "ukraine"]}),
      ("statement", "../2025-12-03", "occurred", {"source": ["rubio"]})]),
    ("Witkoff flew to Moscow after talks in Abu Dhabi with Ukrainian officials.",
     [("visit", "../2025-12-03", "occurred", {"participants": ["witkoff"], "host": ["russia"]}),
      ("meeting", "../2025-12-03", "occurred", {"participants": ["witkoff", "ukraine"]})]),
    ("An upcoming summit in Budapest between Trump and Putin has been canceled.",
     [("meeting", "2025-12-03/..", "cancelled", {"participants": ["trump", "putin"]})]),
    ("Rubio spoke with Lavrov to discuss next steps following the October 16 call between Trump and Putin.",
     [("call", "../2025-12-03", "occurred", {"participants": ["rubio", "lavrov"]}),
      ("call", "2025-10-16", "occurred", {"participants": ["trump", "putin"]})]),
    ("Regarding the disrupted meeting in London, the Kremlin spokesman stressed that it was no summit.",
     [("statement", "../2025-12-03", "occurred", {"source": ["peskov"]})]),  # the meeting has no one to meet
    ('"We have no contacts with the Europeans," Peskov said.',
     [("statement", "../2025-12-03", "occurred", {"source": ["peskov"]})]),
    # unnamed group actors, seats of government
    ("Ukrainian officials and a Russian delegation met in Istanbul on Friday.",
     [("meeting", "2025-11-28", "occurred", {"participants": ["ukraine", "russian-delegation"]})]),
    ("European leaders criticised the plan.", [("criticism", "../2025-12-03", "occurred",
                                                {"source": ["european-allies"]})]),
    ("Washington rejected the proposal on Tuesday.", [("rejection", "2025-12-02", "occurred",
                                                       {"source": ["united-states"]})]),
    # people named by role: the last one named whose title fits, or the one person of the dataset who fits
    ("Witkoff flew to Moscow. The US envoy met the Russian leader on Tuesday.",
     [("visit", "../2025-12-03", "occurred", {"participants": ["witkoff"], "host": ["russia"]}),
      ("meeting", "2025-12-02", "occurred", {"participants": ["witkoff", "putin"]})]),
    ("The Russian leader said on Tuesday that the war would go on.",
     [("statement", "2025-12-02", "occurred", {"source": ["putin"]})]),
    ("Trump spoke with Putin on Thursday. The official also stated that the two leaders spoke by phone for two hours.",
     [("call", "2025-11-27", "occurred", {"participants": ["trump", "putin"]})]),
    # several events in one sentence; a statement that only sources another event is none of its own
    ("Putin met Witkoff and presented a plan.",
     [("meeting", "../2025-12-03", "occurred", {"participants": ["putin", "witkoff"]}),
      ("proposal", "../2025-12-03", "occurred", {"source": ["putin"]})]),
    ("Peskov said Putin rejected the plan on Tuesday.",
     [("rejection", "2025-12-02", "occurred", {"source": ["putin"]})]),
    ("The peace plan proposed by the United States outlines the way forward.",
     [("proposal", "../2025-12-03", "occurred", {"source": ["united-states"]})]),
    # a trip's purpose is planned from the day of the trip
    ("A Hamas delegation arrived in Cairo on Saturday to attend talks with Egyptian and Qatari mediators.",
     [("visit", "2025-11-29", "occurred", {"participants": ["hamas"], "host": ["egypt"]}),
      ("meeting", "2025-11-29/..", "planned", {"participants": ["hamas", "egypt", "qatar"]})]),
])
def test_round3_cases(seeds, text, expected):
    assert events(text, seeds) == expected


def test_readout_statements_inside_a_call_are_not_events_of_their_own(seeds):
    text = ("Secretary of State Marco Rubio spoke today with Russian Foreign Minister Sergey Lavrov. "
            "The Secretary emphasized the importance of upcoming engagements.")
    assert events(text, seeds) == [("call", "2025-12-03", "occurred", {"participants": ["rubio", "lavrov"]})]


@pytest.mark.parametrize(("text", "expected", "actors"), [
    # Gaza: a state by its capital and demonym, an organisation, a new person with a title and a state
    ("Israeli Prime Minister Benjamin Netanyahu met Egyptian President Abdel Fattah al-Sisi in Cairo on Monday.",
     [("meeting", "2025-12-01", "occurred", {"participants": ["netanyahu", "al-sisi"]})],
     [{"id": "egypt", "name": "Egypt", "kind": "state"}, {"id": "israel", "name": "Israel", "kind": "state"},
      {"id": "netanyahu", "name": "Benjamin Netanyahu", "kind": "person", "title": "Prime Minister",
       "affiliation": "israel"},
      {"id": "al-sisi", "name": "Abdel Fattah al-Sisi", "kind": "person", "title": "President",
       "affiliation": "egypt"}]),
    ("Hamas rejected the Israeli proposal on Tuesday.",
     [("rejection", "2025-12-02", "occurred", {"source": ["hamas"], "target": ["israel"]})],
     [{"id": "hamas", "name": "Hamas", "kind": "organization"}, {"id": "israel", "name": "Israel", "kind": "state"}]),
    # Iran: an organisation by its acronym; the minister named again by role
    ("Iranian Foreign Minister Abbas Araghchi held talks with the IAEA in Tehran on Wednesday. "
     "The Iranian minister rejected the European proposal.",
     [("meeting", "2025-12-03", "occurred", {"participants": ["araghchi", "iaea"]}),
      # the same paragraph and minister, no date of its own: Wednesday's episode (drafta7, round 7)
      ("rejection", "2025-12-03", "occurred", {"source": ["araghchi"], "target": ["europe"]})],
     [{"id": "iaea", "name": "International Atomic Energy Agency", "kind": "organization"},
      {"id": "iran", "name": "Iran", "kind": "state"}, {"id": "europe", "name": "Europe", "kind": "group"},
      {"id": "araghchi", "name": "Abbas Araghchi", "kind": "person", "title": "Foreign Minister",
       "affiliation": "iran"}]),
    # Armenia–Azerbaijan: a signing at a seat of government
    ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed a peace agreement "
     "at the White House on Friday.",
     [("agreement_signed", "2025-11-28", "occurred", {"participants": ["pashinyan", "aliyev"]})],
     [{"id": "armenia", "name": "Armenia", "kind": "state"}, {"id": "azerbaijan", "name": "Azerbaijan", "kind": "state"},
      {"id": "pashinyan", "name": "Nikol Pashinyan", "kind": "person", "title": "Prime Minister",
       "affiliation": "armenia"},
      {"id": "aliyev", "name": "Ilham Aliyev", "kind": "person", "title": "President",
       "affiliation": "azerbaijan"}]),
])
def test_other_negotiations_without_a_dataset(text, expected, actors):
    draft = draft_article(text, WEDNESDAY)
    assert [(e.type, e.date, e.status, e.roles) for e in draft.events] == expected
    assert draft.actors == actors


def test_summaries_are_the_articles_words_with_the_actors_named(seeds):
    draft = draft_article("Witkoff flew to Moscow. The US envoy may meet the Russian leader as early as Wednesday.",
                          WEDNESDAY, seeds)
    names = {a.id: a.name for a in seeds.actors.values()}
    assert [summary(e, names) for e in draft.events] == [
        "Steve Witkoff flew to Moscow.", "Steve Witkoff may meet the Russian leader as early as Wednesday."]
    passive = draft_article("The visit was confirmed by Kremlin aide Yury Ushakov on Wednesday.", WEDNESDAY, seeds)
    assert [summary(e, names) for e in passive.events] == [
        "The visit was confirmed by Kremlin aide Yury Ushakov on Wednesday."]


def test_evidence_and_confidence_are_fields_the_loader_reads(seeds, write_yaml):
    text = "Talks.\n\nPutin met Witkoff in Moscow on Tuesday."
    data = draft_data(draft_article(text, WEDNESDAY, seeds))
    (event,) = data["events"]
    assert (event["evidence"], event["confidence"]) == (
        {"text": "Putin met Witkoff in Moscow on Tuesday.", "start": 8, "end": 47, "trigger": "met"}, 0.85)
    assert text[8:47] == "Putin met Witkoff in Moscow on Tuesday."


@pytest.mark.parametrize(("field", "message"), [
    ("evidence: {text: Putin met Witkoff., start: 9, end: 3}",
     "'start' and 'end' should be character offsets with start <= end, not 9 and 3"),
    ("evidence: Putin met Witkoff.", "'evidence' should be a mapping with text, start, end (and trigger)"),
    ("evidence: {text: x, start: 0, end: 1, page: 3}", "unknown key 'page' in evidence"),
    ("confidence: 1.5", "'confidence' should be a number from 0 to 1, not 1.5"),
    ("confidence: high", "'confidence' should be a number from 0 to 1, not 'high'"),
])
def test_bad_evidence_gets_one_clear_line(write_yaml, field, message):
    text = (f"actors:\n  - {{id: a, name: A}}\n  - {{id: b, name: B}}\nevents:\n"
            f"  - {{id: e, type: call, date: 2025, participants: [a, b], draft: true, {field}}}\n")
    with pytest.raises(DatasetError) as caught:
        load(write_yaml(text))
    assert [str(p).split(": ", 1)[-1] for p in caught.value.problems if message in str(p)], caught.value.problems
    assert any(":5:" in str(p) and message in str(p) for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(("text", "expected"), [
    # a new person is recognised again by surname; an appositive describes, it does not act
    ("US President Donald Trump spoke with Xi Jinping on Friday. Later, Trump claimed that both sides had agreed.",
     [("call", "2025-11-28", "occurred", {"participants": ["trump", "xi-jinping"]}),
      # "both sides": the call's sides (drafta6, round 6)
      ("claim", "../2025-12-03", "claimed", {"source": ["trump"], "mentioned": ["xi-jinping"]}),
      ("agreement", "../2025-12-03", "occurred", {"participants": ["trump", "xi-jinping"]})]),
    ("Miroslav Lajcak, the head of EU diplomacy, will meet Albin Kurti on Friday.",
     [("meeting", "2025-12-05", "planned", {"participants": ["lajcak", "kurti"]})]),
    ("Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti have confirmed their participation.",
     [("acceptance", "../2025-12-03", "occurred", {"source": ["vucic", "kurti"]})]),
    # "According to X," opening a sentence credits X; the rest is the news
    ("According to the statement, Phumtham Wechayachai urged Donald Trump to convey the offer.",
     [("appeal", "../2025-12-03", "occurred", {"source": ["wechayachai"], "target": ["trump"]})]),
    # meetings of "both sides", dated apart, stay apart
    ("Thailand and Cambodia agreed to a ceasefire. It will be followed by a meeting of officers of both sides on "
     "December 5, and a meeting of the border committee of both sides on December 9.",
     [("agreement", "../2025-12-03", "occurred", {"participants": ["thailand", "cambodia"]}),
      ("meeting", "2025-12-05", "planned", {"participants": ["thailand", "cambodia"]}),
      ("meeting", "2025-12-09", "planned", {"participants": ["thailand", "cambodia"]})]),
])
def test_round3_cases_without_a_dataset(text, expected):
    assert events(text) == expected


def test_a_new_persons_affiliation_comes_from_the_description_around_the_name():
    draft = draft_article("Miroslav Lajcak, the head of EU diplomacy, will meet Albin Kurti on Friday.", WEDNESDAY)
    assert {a["id"]: a.get("affiliation") for a in draft.actors} == {
        "european-union": None, "lajcak": "european-union", "kurti": None}


def test_the_store_keeps_evidence_and_confidence(write_yaml):
    from timeline.store import codec

    path = write_yaml("""\
        actors:
          - {id: a, name: A}
          - {id: b, name: B}
        events:
          - {id: e, type: call, date: 2025, participants: [a, b], draft: true, confidence: 0.8,
             evidence: {text: A called B., start: 0, end: 11, trigger: called}}
        """)
    record = load(path)
    (back,) = codec.decode([codec.encode(record)])
    assert (back.drafts[0].evidence, back.drafts[0].confidence) == (Evidence("A called B.", 0, 11, "called"), 0.8)
