"""The 2025 peace-process dataset (seeds/2025-peace-process): its size, its sourcing, and answers a reader expects.

The folder is read together with the rest of seeds/ (the default dataset); it
reuses the actors and events of seeds/moscow-talks-2025-12.yaml by id, so
"its" events and actors are those of the default dataset minus that file's.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from timeline import query
from timeline.dataset import load
from timeline.dates import parse_edtf

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FOLDER = SEEDS / "2025-peace-process"
MOSCOW = SEEDS / "moscow-talks-2025-12.yaml"


@pytest.fixture(scope="module")
def seeds():
    return load(SEEDS)


@pytest.fixture(scope="module")
def moscow():
    return load(MOSCOW)


@pytest.fixture(scope="module")
def events_2025(seeds, moscow):
    """The events the 2025 folder adds to the default dataset."""
    old = {event.id for event in moscow.events}
    return [event for event in seeds.events if event.id not in old]


def publisher_name(publisher: str) -> str:
    """The outlet behind a publisher entry: 'Associated Press (via Japan Today)' -> 'Associated Press'."""
    return publisher.split(" (")[0].strip()


# --- size -------------------------------------------------------------------

def test_the_folder_adds_at_least_150_events(events_2025):
    assert len(events_2025) >= 150


def test_the_folder_adds_at_least_40_actors(seeds, moscow):
    added = set(seeds.actors) - set(moscow.actors)
    assert len(added) >= 40
    kinds = Counter(seeds.actors[a].kind for a in added)
    assert kinds["person"] >= 25 and kinds["state"] >= 8 and kinds["group"] >= 3


def test_events_cover_february_to_december(events_2025):
    months = {event.date.iso_start()[:7] for event in events_2025 if event.date.iso_start()}
    assert {f"2025-{m:02d}" for m in range(2, 13)} <= months


def test_sources_are_many_and_from_both_sides_and_independent_outlets(seeds, events_2025):
    cited = {source for event in events_2025 for source in event.sources}
    assert len(cited) >= 30
    publishers = {publisher_name(seeds.sources[s].publisher) for s in cited}
    assert len(publishers) >= 8
    # Russian state outlets, Ukrainian outlets and independent ones are all cited.
    assert {"TASS", "Sputnik"} <= publishers
    assert {"Ukrainska Pravda", "The Kyiv Independent"} <= publishers
    assert {"Al Jazeera", "Associated Press", "Radio Free Europe/Radio Liberty", "The Moscow Times"} <= publishers
    assert any("Reuters" in seeds.sources[s].publisher or "Reuters" in (seeds.sources[s].notes or "")
               for s in cited)


# --- sourcing ----------------------------------------------------------------

def test_every_event_has_a_title_and_a_source_with_an_address(seeds, events_2025):
    for event in events_2025:
        assert event.title, event.id
        urls = [seeds.sources[s].url for s in event.sources]
        assert any(url and url.startswith(("http://", "https://")) for url in urls), event.id


def test_every_quote_names_a_cited_source(events_2025):
    for event in events_2025:
        for quote in event.quotes:
            assert quote.source in event.sources, (event.id, quote.text)


def test_files_hold_only_their_month():
    for path in sorted(FOLDER.glob("2025-*.yaml")):
        month = path.stem
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["events"]:
            date = parse_edtf(str(item["date"]))
            first, last = (date.iso_start() or "")[:7], (date.iso_end() or "9999")[:7]
            assert first <= month <= last, item["id"]


def test_no_id_of_the_moscow_seed_is_redefined():
    moscow = yaml.safe_load(MOSCOW.read_text(encoding="utf-8"))
    taken = {item["id"] for key in ("actors", "events", "sources") for item in moscow[key]}
    for path in FOLDER.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        defined = {item["id"] for key in ("actors", "events", "sources") for item in data.get(key, [])}
        assert not defined & taken, path.name


def test_the_moscow_seed_still_loads_on_its_own(moscow):
    assert len(moscow.events) == 24   # round 11: the Kremlin's two rejections (24 Nov, 2 Dec) are two events
    assert moscow.title == "Moscow talks on the US peace plan for Ukraine, late November to early December 2025"


def test_the_default_dataset_is_titled_for_the_year(seeds):
    assert seeds.title == "The US-brokered Russia–Ukraine talks of 2025"
    assert seeds.description.startswith("From the Trump–Putin call of 12 February")


# --- answers a reader expects -------------------------------------------------

def test_who_met_whom_in_riyadh_on_18_february(seeds):
    pairs = {m.actors for m in query.met(seeds, since="2025-02-18", until="2025-02-18", counterparts=True)
             if m.event == "riyadh-talks-2025-02-18"}
    us, russia, saudi = {"rubio", "waltz", "witkoff"}, {"lavrov", "ushakov", "dmitriev"}, {"faisal-bin-farhan", "al-aiban"}
    # The Saudi hosts took part: its two officials met both delegations for the host state (#14).
    expected = {tuple(sorted((a, b))) for a in us for b in russia} \
        | {tuple(sorted((a, b))) for a in us | russia for b in saudi}
    assert {tuple(sorted(p)) for p in pairs} == expected
    event = seeds.event("riyadh-talks-2025-02-18")
    assert event.head == ("rubio", "lavrov") and event.host == ("saudi-arabia",)
    assert not query.met(seeds, "ukraine", "russia", since="2025-02-18", until="2025-02-18", level="state")


def test_istanbul_rounds_hosted_by_turkey_with_fidan_at_the_table(seeds):
    rounds = ["istanbul-talks-2025-05-16", "istanbul-talks-2025-06-02", "istanbul-talks-2025-07-23"]
    for event in map(seeds.event, rounds):
        assert event.host == ("turkey",) and "fidan" in event.participants
        assert event.head == ("medinsky", "umerov")
    assert [m.event for m in query.met(seeds, "medinsky", "umerov")] == rounds


def test_mediated_talks_do_not_pair_the_sides(seeds):
    event = seeds.event("riyadh-round-2025-03")
    assert event.mediator == ("united-states",)
    assert query.met(seeds, "russian-delegation-riyadh", "ukrainian-delegation") == []
    assert seeds.met_pairs(event) == [("russian-delegation-riyadh", "united-states"),
                                      ("ukrainian-delegation", "united-states")]


def test_the_uae_mediated_two_prisoner_exchanges(seeds):
    mediated = {e.id for e in seeds.events if "united-arab-emirates" in e.mediator}
    assert mediated == {"prisoner-exchange-2025-03-19", "exchange-2025-08-24"}


def quantities(event, what, actor=None):
    return [(q.value, q.bound) for q in event.quantities if q.what == what and (actor is None or q.actor == actor)]


def test_prisoners_and_bodies_of_the_june_round(seeds):
    deal = seeds.event("istanbul-june-exchange-agreement")
    assert quantities(deal, "bodies_to_return", "ukraine") == [(6000, None)]
    assert quantities(deal, "bodies_to_return", "russia") == [(6000, None)]
    assert quantities(deal, "prisoners_to_exchange", "ukraine") == [(1000, "at_least")]
    first = seeds.event("bodies-returned-2025-06-11")
    assert quantities(first, "bodies_returned", "ukraine") == [(1212, None)]
    assert quantities(first, "bodies_returned", "russia") == [(27, None)]


def test_the_1000_for_1000_exchange_adds_up(seeds):
    stages = [e for e in seeds.events if any(link.relation == "part_of" and link.event == "exchange-1000-for-1000"
                                             for link in e.related)]
    returned = [q.value for e in stages for q in e.quantities if q.what == "prisoners_returned" and q.actor == "ukraine"]
    assert sorted(returned) == [303, 307, 390] and sum(returned) == 1000


def test_what_russia_claimed_and_ukraine_denied(seeds):
    denied = {}
    for event in seeds.events:
        if event.type != "denial" or seeds.side(event.source[0]) != "ukraine":
            continue
        for link in event.related:
            if link.relation == "disputes":
                claim = seeds.event(link.event)
                if claim.type == "claim" and seeds.side(claim.source[0]) == "russia":
                    denied[claim.id] = claim.location
    assert denied == {
        "russia-claims-kursk-recaptured": "Kursk region, Russia",
        "russia-claims-kupiansk": "Kupiansk, Kharkiv region",
        "russia-claims-vovchansk-pokrovsk-shares": "Vovchansk (Kharkiv region) and Pokrovsk (Donetsk region)",
        "russia-claims-siversk": "Siversk, Donetsk region",
        "russia-claims-pokrovsk": "Pokrovsk, Donbas",
        "russia-claims-residence-attack": "Novgorod region, Russia",
    }


def test_affiliations_change_with_the_post(seeds):
    assert seeds.affiliation_chain("waltz", parse_edtf("2025-03-11")) == [
        "waltz", "us-national-security-council", "united-states"]
    assert seeds.affiliation_chain("waltz", parse_edtf("2025-08")) == ["waltz", "united-states"]
    assert seeds.side("yermak", parse_edtf("2025-11-23")) == "ukraine"
    assert seeds.side("yermak", parse_edtf("2025-12-14")) == "yermak"
    assert "ukraine-ministry-of-defence" in seeds.affiliation_chain("umerov", parse_edtf("2025-05-16"))
    assert "ukraine-nsdc" in seeds.affiliation_chain("umerov", parse_edtf("2025-11-30"))


def test_a_rebuffed_summit_is_proposed_not_planned(seeds):
    assert seeds.event("putin-zelenskyy-meeting-proposed").status == "proposed"
    assert query.met(seeds, "putin", "zelenskyy", include_planned=True) == []
    assert seeds.event("budapest-summit-planned").status == "cancelled"


def test_the_plan_shrinks_from_28_to_19_to_20_points(seeds):
    geneva, december = seeds.event("geneva-refined-framework"), seeds.event("zelenskyy-plan-now-20-points")
    assert ("amends", "leaked-28-point-draft") in {(link.relation, link.event) for link in geneva.related}
    assert ("amends", "geneva-refined-framework") in {(link.relation, link.event) for link in december.related}
    assert [q.value for q in geneva.quantities if q.what == "plan_points"] == [19]
    assert [q.value for q in december.quantities if q.what == "plan_points"] == [20]


def test_minerals_deal_signed_by_bessent_and_svyrydenko(seeds):
    event = seeds.event("minerals-agreement-signed")
    assert event.type == "agreement_signed" and event.signatory == ("bessent", "svyrydenko")
    assert ("supersedes", "minerals-deal-signing-cancelled") in {(link.relation, link.event) for link in event.related}


def test_outcomes_of_the_summits(seeds):
    assert seeds.event("alaska-summit-2025-08-15").outcome == "no_agreement"
    assert seeds.event("oval-office-meeting-2025-02-28").outcome == "broke_down"
    assert seeds.event("jeddah-talks-2025-03-11").outcome == "agreement_reached"


def test_the_main_states_and_mediators_have_fixed_colours(seeds):
    colours = {a: (seeds.actors[a].color or "").upper() for a in ("russia", "ukraine", "united-states", "saudi-arabia", "turkey",
                                                  "united-arab-emirates")}
    assert colours == {"russia": "#E69F00", "ukraine": "#0072B2", "united-states": "#21165A",
                       "saudi-arabia": "#009E73", "turkey": "#CC79A7", "united-arab-emirates": "#56B4E9"}
