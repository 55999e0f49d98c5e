"""Five pieces of real reporting written in the format: each fact they state is data, answered by a query.

The datasets are in ``tests/reporting/`` (an encyclopedia chronology, the 2025 Gaza plan, two
readouts of US–Russia foreign ministers' calls, a report on a round of talks in Istanbul). Each
row below is one fact the reporting states and the query that must give it back, exactly.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from timeline import query
from timeline.cli import cli
from timeline.dataset import load
from timeline.filters import EventFilter
from timeline.model import Dataset

REPORTING = Path(__file__).parent / "reporting"
FILES = sorted(REPORTING.glob("*.yaml"))


def data(name: str) -> Dataset:
    return load(REPORTING / f"{name}.yaml")


def met(name: str, *actors: str, **options: Any) -> list[tuple]:
    return [(m.actors, m.event, m.status) for m in query.met(data(name), *actors, **options)]


def relations(name: str, actor: str, **options: Any) -> list[tuple]:
    return [(r.source, r.relation, r.target, r.events) for r in query.relations(data(name), actor, **options)]


def ids(name: str, **criteria: Any) -> list[str]:
    return [e.id for e in EventFilter(**criteria).apply(data(name))]


def event(name: str, ident: str):
    return data(name).event(ident)


def quantities(name: str, ident: str) -> list[tuple]:
    return [(q.what, q.value, q.unit, q.actor, q.approximate, q.bound) for q in event(name, ident).quantities]


def cli_rows(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


IST, GAZA, MAY, OCT, CHRON = ("istanbul-talks-2025-05-16", "gaza-plan-2025", "rubio-lavrov-call-2025-05-17",
                              "rubio-lavrov-call-2025-10-20", "russia-ukraine-chronology")

FACTS: list[tuple[str, Callable[[], Any], Any]] = [
    # -- a round of talks in Istanbul ------------------------------------------------------------
    ("the heads of delegation met face to face", lambda: met(IST, "medinsky", "umerov"),
     [(("medinsky", "umerov"), "istanbul-talks", "occurred")]),
    ("Fidan chaired: he met both delegations",
     lambda: [m[0][1] for m in met(IST, "fidan")], ["medinsky", "russia", "ukraine", "umerov"]),
    ("Medinsky headed Russia's delegation", lambda: ids(IST, actors=("medinsky",), roles=("head",)),
     ["istanbul-talks"]),
    ("the talks ended in a partial agreement", lambda: event(IST, "istanbul-talks").outcome, "partial_agreement"),
    ("they lasted about two hours", lambda: quantities(IST, "istanbul-talks"),
     [("duration", 2, "hours", None, True, None)]),
    ("1,000 for 1,000", lambda: quantities(IST, "exchange-agreed"),
     [("prisoners_to_release", 1000, "persons", "russia", False, None),
      ("prisoners_to_release", 1000, "persons", "ukraine", False, None)]),
    ("the exchange itself is planned, not held", lambda: ids(IST, statuses=("planned",)), ["exchange-planned"]),
    ("a Putin–Zelenskyy meeting was only proposed: never a planned meeting",
     lambda: met(IST, "putin", "zelenskyy", include_planned=True), []),
    ("Ukraine proposed it", lambda: [(r.source, r.relation, r.target) for r in query.relations(
        data(IST), "ukraine") if r.relation == "proposed_to" and r.source == "ukraine"], [("ukraine", "proposed_to", "russia")]),
    ("two agreements in principle", lambda: ids(IST, types=("agreement_in_principle",)),
     ["agree-to-meet-again", "written-ceasefire-conditions"]),
    ("the talks resumed after Putin's proposal",
     lambda: list(event(IST, "talks-resume").related), [("caused_by", "putin-proposes-direct-talks")]),
    ("the Kremlin's statement had no counterpart", lambda: relations(IST, "kremlin"),
     [("kremlin", "statement", None, ("kremlin-putin-will-not-attend",))]),
    ("Fidan is quoted", lambda: [q.speaker for q in event(IST, "agree-to-meet-again").quotes], ["fidan"]),
    # -- the 2025 Gaza plan -------------------------------------------------------------------------
    ("Israel and Hamas never met: they talked through mediators", lambda: met(GAZA, "israel", "hamas"), []),
    ("Israel met each mediator", lambda: [m[0][1] for m in met(GAZA, "israel")],
     ["egypt", "qatar", "turkey", "united-states"]),
    ("Egypt hosted and mediated", lambda: met(GAZA, "egypt", "hamas"),
     [(("egypt", "hamas"), "sharm-indirect-talks", "occurred")]),
    ("but Israel and Hamas agreed, exchanged and hold a ceasefire with each other",
     lambda: [r[1] for r in relations(GAZA, "israel") if r[2] == "hamas"],
     ["agreed", "exchanged_with", "in_ceasefire_with"]),
    ("the mediators mediated the agreement", lambda: sorted(r[0] for r in relations(GAZA, "hamas")
                                                             if r[1] == "mediated"),
     ["egypt", "qatar", "turkey", "united-states"]),
    ("the plan has 20 points", lambda: quantities(GAZA, "twenty-point-plan"), [("points", 20, "points", None,
                                                                                False, None)]),
    ("20 hostages for 1,968 prisoners; 4 of 28 bodies returned", lambda: quantities(GAZA, "hostage-prisoner-exchange"),
     [("hostages_released", 20, "persons", "hamas", False, None),
      ("prisoners_released", 1968, "persons", "israel", False, None),
      ("deceased_hostages_returned", 4, "bodies", "hamas", False, None),
      ("deceased_hostages_held", 28, "bodies", "hamas", False, None)]),
    ("the ceasefire took effect on 10 October", lambda: [(e.id, e.date.label()) for e in data(GAZA).events
                                                         if e.type == "ceasefire_in_force"],
     [("ceasefire-takes-effect", "10 Oct 2025")]),
    ("four leaders signed as guarantors", lambda: event(GAZA, "guarantors-declaration").signatory,
     ("trump", "sisi", "erdogan", "tamim")),
    ("Trump signed", lambda: ids(GAZA, actors=("trump",), roles=("signatory",)), ["guarantors-declaration"]),
    ("more than twenty leaders at the summit", lambda: [q.label() for q in event(GAZA, "sharm-summit").quantities],
     ["at least 20 leaders"]),
    ("Israel and Hamas did not attend the summit", lambda: met(GAZA, "israel", "trump"), []),
    ("talks of three days, as a span", lambda: event(GAZA, "sharm-indirect-talks").date.label(), "6–8 Oct 2025"),
    # -- a call: 17 May 2025 --------------------------------------------------------------------
    ("the call was at the initiative of the US", lambda: ids(MAY, actors=("united-states",), roles=("initiator",)),
     ["call"]),
    ("Rubio and Lavrov spoke", lambda: met(MAY, "rubio", "lavrov"), [(("rubio", "lavrov"), "call", "occurred")]),
    ("at state level, the US and Russia", lambda: met(MAY, level="state"),
     [(("russia", "united-states"), "call", "occurred")]),
    ("Rubio welcomed the exchange agreement, appealed for a ceasefire and spoke for the US plan",
     lambda: [(r[1], r[2]) for r in relations(MAY, "rubio")],
     [("met", "lavrov"), ("addressed", "russia"), ("appealed_to", "russia"), ("endorsed", "russia"),
      ("endorsed", "ukraine")]),
    ("Lavrov credited the US", lambda: [(r[1], r[2]) for r in relations(MAY, "lavrov")],
     [("met", "rubio"), ("endorsed", "united-states")]),
    # -- a call: 20 October 2025 ----------------------------------------------------------------
    ("the ministers spoke; their meeting was called off", lambda: met(OCT, "rubio", "lavrov", include_planned=True),
     [(("rubio", "lavrov"), "ministers-call", "occurred"), (("rubio", "lavrov"), "preparatory-meeting",
                                                             "cancelled")]),
    ("the called-off meeting was never held", lambda: met(OCT, "rubio", "lavrov"),
     [(("rubio", "lavrov"), "ministers-call", "occurred")]),
    ("the presidents' call led to a planned summit", lambda: met(OCT, "putin", "trump", include_planned=True),
     [(("putin", "trump"), "putin-trump-call", "occurred"), (("putin", "trump"), "budapest-summit", "planned")]),
    ("the summit was planned within two weeks", lambda: event(OCT, "budapest-summit").date.label(),
     "16–30 Oct 2025"),
    ("talks continue", lambda: event(OCT, "ministers-call").outcome, "talks_continue"),
    ("a US official said the meeting was not needed", lambda: relations(OCT, "us-official"),
     [("us-official", "statement", None, ("official-meeting-not-needed",))]),
    ("... which announced the meeting's cancellation",
     lambda: [link.event for link in event(OCT, "official-meeting-not-needed").related if link.relation == "announces"],
     ["preparatory-meeting"]),
    ("no initiator is given for this call", lambda: event(OCT, "ministers-call").initiator, ()),
    # -- the chronology since 2022 ----------------------------------------------------------------
    ("the invasion comes before what followed it 'early in the invasion'", lambda: ids(CHRON)[:3],
     ["invasion", "zelenskyy-lukashenko-call", "round-1"]),
    ("Russia and Ukraine met in seven rounds", lambda: [m[1] for m in met(CHRON, "russia", "ukraine")],
     ["round-1", "round-2", "round-3", "round-4", "round-5", "istanbul-2022", "istanbul-2025"]),
    ("the first round ended without agreement", lambda: event(CHRON, "round-1").outcome, "no_agreement"),
    ("the foreign ministers met in Antalya, hosted by Turkey",
     lambda: [(m[0], m[1]) for m in met(CHRON, "turkey")],
     [(("turkey", "kuleba"), "antalya"), (("turkey", "lavrov"), "antalya"), (("turkey", "russia"), "istanbul-2022"),
      (("turkey", "ukraine"), "istanbul-2022")]),
    ("the Istanbul Communiqué was drafted jointly, with no target",
     lambda: [(r[1], r[2]) for r in relations(CHRON, "ukraine") if "istanbul-communique" in r[3]],
     [("joint_draft", None), ("acted_together", "russia")]),
    ("the talks stopped in May 2022", lambda: (event(CHRON, "talks-stop-2022").date.label(),
                                              event(CHRON, "talks-stop-2022").source), ("May 2022",
                                                                                        ("russia", "ukraine"))),
    ("Russia renewed its calls around September 2022, and Ukraine refused",
     lambda: [(r.relation, r.target, query.dates_label(r.dates)) for r in query.relations(data(CHRON), "russia")
              if r.relation == "appealed_to"], [("appealed_to", "ukraine", "c. Sep 2022")]),
    ("Zelenskyy's decree is coded as a refusal to negotiate (CAMEO 125, PLOVER REJECT)",
     lambda: (event(CHRON, "decree-no-talks-with-putin").cameo_code(),
              event(CHRON, "decree-no-talks-with-putin").plover_coding().type), ("125", "REJECT")),
    ("Kozak's deal: a span, labelled as written", lambda: event(CHRON, "kozak-deal").date.label(),
     "24 Feb – Mar 2022"),
    ("the 2025 round was led by Medinsky and Umerov", lambda: event(CHRON, "istanbul-2025").head,
     ("medinsky", "umerov")),
]


@pytest.mark.parametrize(("fact", "ask", "expected"), FACTS, ids=[fact for fact, _, _ in FACTS])
def test_each_fact_is_answered(fact, ask, expected):
    assert ask() == expected


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_event_cites_a_source_with_a_url_and_has_a_title(path):
    dataset = load(path)
    assert dataset.events
    for item in dataset.events:
        assert item.title and item.sources, item.id
        assert all(dataset.sources[s].url.startswith("http") for s in item.sources), item.id
    for item in dataset.events:
        for quote in item.quotes:
            assert quote.source in item.sources and len(quote.text) <= 80, item.id


def test_the_five_kinds_of_reporting_are_here():
    assert [p.stem for p in FILES] == [GAZA, IST, MAY, OCT, CHRON]
    assert sum(len(load(p).events) for p in FILES) == 48


def test_the_command_line_gives_the_same_answers():
    rows = cli_rows("met", "israel", "hamas", "--data", str(REPORTING / f"{GAZA}.yaml"))
    assert rows == []
    rows = cli_rows("events", "--data", str(REPORTING / f"{MAY}.yaml"), "--actor", "united-states",
                    "--role", "initiator")
    assert [(r["id"], r["initiator"], r["cameo"], r["plover"], r["plover_mode"]) for r in rows] == [
        ("call", ["united-states"], "041", "CONSULT", "phone")]
