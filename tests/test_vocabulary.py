"""The model's vocabulary: complete against CAMEO and PLOVER, and every new field read as written."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.dataset import DatasetError, load
from timeline.dates import parse_edtf
from timeline.model import (
    CAMEO_ROOTS,
    EVENT_TYPES,
    HELD_STATUSES,
    MEETING_TYPES,
    PLOVER_TYPES,
    ROLES,
    STATUS_INFO,
    Affiliation,
    Plover,
    Quantity,
    date_order,
)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "event-data"


def test_every_cameo_root_and_plover_type_has_a_home():
    assert sorted({t.cameo for t in EVENT_TYPES.values()}) == [f"{n:02d}" for n in range(1, 21)] == list(CAMEO_ROOTS)
    assert {t.plover for t in EVENT_TYPES.values()} - {None} == set(PLOVER_TYPES)
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize("kind", EVENT_TYPES.values(), ids=list(EVENT_TYPES))
def test_each_type_is_coded_consistently(kind):
    assert kind.code.startswith(kind.cameo) and kind.code.isdigit() and 2 <= len(kind.code) <= 4
    assert kind.plover is None or kind.plover in PLOVER_TYPES
    assert kind.label and kind.meaning and kind.relation


def test_default_codes_and_names_agree_with_the_cameo_codebook():
    path = SHARED / "CAMEO.eventcodes.txt"
    if not path.exists():
        pytest.skip("../shared/event-data is not here")
    names = dict(line.split("\t", 1) for line in path.read_text(encoding="latin-1").splitlines()[1:])
    for kind in EVENT_TYPES.values():
        assert kind.code in names, kind.name
        assert names[kind.code].strip().lower().startswith(kind.cameo_label.lower()[:12]), kind.name


def test_default_plover_types_follow_the_cameo2plover_table():
    path = SHARED / "CAMEO2PLOVER-2021.txt"
    if not path.exists():
        pytest.skip("../shared/event-data is not here")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, sep, rest = line.partition(":")
        if sep and code.strip().isdigit() and len(code.strip()) > 2:
            table[code.strip()] = rest.split("#")[0].split(",")[0].strip()
    mapped = {name: (kind.code, kind.plover) for name, kind in EVENT_TYPES.items() if kind.code in table}
    assert {name: table[code] for name, (code, _) in mapped.items()} == {n: p for n, (_, p) in mapped.items()
                                                                          if n != "agreement"} | {
        "agreement": "SUPPORT"}  # 0.1 coded 'agreement' as AGREE, kept on the type; its code 050 is SUPPORT


@pytest.mark.parametrize(("status", "held", "pending"), [
    ("occurred", True, False), ("planned", False, True), ("proposed", False, True), ("postponed", False, True),
    ("cancelled", False, False), ("disputed", True, False), ("claimed", True, False),
])
def test_statuses_say_whether_held(status, held, pending):
    info = STATUS_INFO[status]
    assert (info.held, info.pending, status in HELD_STATUSES) == (held, pending, held)


def test_roles_in_order_and_meeting_types():
    assert ROLES == ("participant", "head", "host", "mediator", "initiator", "signatory", "source", "target",
                     "mentioned")
    assert MEETING_TYPES == ("meeting", "call", "visit")


@pytest.mark.parametrize(("dates", "order", "expected"), [
    (["2022", "2022-02-24"], "midpoint", ["2022-02-24", "2022"]),
    (["2022", "2022-02-24"], "start", ["2022", "2022-02-24"]),
    (["2022", "2022-02-24"], "end", ["2022-02-24", "2022"]),
    (["2025-12-02", "2025-11"], "midpoint", ["2025-11", "2025-12-02"]),
    (["2025-12-03", "../2025-12-03", "2025-12-02"], "midpoint", ["2025-12-02", "../2025-12-03", "2025-12-03"]),
    (["2025-12/..", "2025-12-01T10:00"], "midpoint", ["2025-12/..", "2025-12-01T10:00"]),
    (["../2025-12-03", "2025-12-01"], "start", ["../2025-12-03", "2025-12-01"]),
    (["2025-12-01/..", "2025-12-01"], "end", ["2025-12-01", "2025-12-01/.."]),
])
def test_spans_of_different_precision_sort_by_a_documented_rule(dates, order, expected):
    assert sorted(dates, key=lambda d: date_order(parse_edtf(d), order)) == expected


def test_unknown_order_is_refused():
    with pytest.raises(ValueError, match="order must be one of midpoint, start, end"):
        date_order(parse_edtf("2025"), "median")


RICH = """\
actors:
  - {id: us, name: United States, kind: state, color: '#1F77B4'}
  - {id: ru, name: Russia, kind: state}
  - {id: ua, name: Ukraine, kind: state}
  - id: envoy
    name: An envoy
    affiliation:
      - {actor: ua, until: 2024-12-31}
      - {actor: us, from: 2025-01-20}
events:
  - id: swap
    type: exchange
    title: Prisoner exchange
    date: 2025-05-23
    participants: [ru, ua]
    mediator: [us]
    cameo: '0841'
    plover: {type: RETREAT, mode: release, context: [military, legal]}
    outcome: agreement_reached
    quantities:
      - {what: prisoners_released, value: 390, unit: persons, actor: ua}
      - {what: bodies_returned, value: 1000, unit: bodies, approximate: true, bound: at_least}
  - id: call
    type: call
    date: 2025-03
    participants: [envoy, ru]
    initiator: [ru]
    plover: CONSULT
    draft: true
"""


def test_every_new_field_is_read_as_written(write_yaml):
    dataset = load(write_yaml(RICH))
    swap, call = dataset.event("swap"), dataset.event("call")
    assert (swap.title, swap.cameo, swap.outcome, swap.mediator) == ("Prisoner exchange", "0841",
                                                                     "agreement_reached", ("us",))
    assert swap.plover == Plover("RETREAT", "release", ("military", "legal"))
    assert swap.quantities == (Quantity("prisoners_released", 390, "persons", "ua"),
                               Quantity("bodies_returned", 1000, "bodies", None, True, "at_least"))
    assert [q.label() for q in swap.quantities] == ["390 persons", "about at least 1,000 bodies"]
    assert (call.initiator, call.draft, call.plover, call.cameo_code()) == (("ru",), True, Plover("CONSULT"), "041")
    assert call.title is None and call.headline() == "Call: envoy, ru"
    envoy = dataset.actors["envoy"]
    assert envoy.affiliation == "us" and envoy.affiliations == (
        Affiliation("ua", None, parse_edtf("2024-12-31")), Affiliation("us", parse_edtf("2025-01-20"), None))
    assert dataset.actors["us"].color == "#1f77b4"
    assert [dataset.side("envoy", parse_edtf(d)) for d in ("2024-06", "2025-03", "2025-01-05")] == ["ua", "us", "envoy"]
    assert dataset.side("envoy") == "us"


@pytest.mark.parametrize(("event", "message"), [
    ("{id: e, type: call, date: 2025, participants: [a, b], cameo: 036}",
     "write the CAMEO code in quotes, such as cameo: '036'"),
    ("{id: e, type: call, date: 2025, participants: [a, b], cameo: '036'}",
     "CAMEO code 036 (root 03) does not fit type 'call' (root 04); types of root 03: proposal, counter_proposal,"),
    ("{id: e, type: call, date: 2025, participants: [a, b], cameo: '04x'}", "a CAMEO code is 2 to 4 digits"),
    ("{id: e, type: call, date: 2025, participants: [a, b], plover: CONSLT}",
     "unknown PLOVER type 'CONSLT'; did you mean 'CONSULT'?"),
    ("{id: e, type: call, date: 2025, participants: [a, b], outcome: success}", "unknown outcome 'success'"),
    ("{id: e, type: call, date: 2025, participants: [a, b], draft: 'yes'}", "'draft' should be true or false"),
    ("{id: e, type: exchange, date: 2025, participants: [a, b], quantities: [{what: prisoners, value: '1,200'}]}",
     "'value' should be a number such as 390, not '1,200'"),
    ("{id: e, type: exchange, date: 2025, participants: [a, b], quantities: [{what: x, value: 3, actor: c}]}",
     "unknown actor 'c' in event 'e'"),
    ("{id: e, type: exchange, date: 2025, participants: [a, b], quantities: [{what: x, value: 3, bound: more}]}",
     "'bound' should be at_least or at_most, not 'more'"),
    ("{id: e, type: call, date: 2025, participants: [a], status: rumoured}", "unknown status 'rumoured'"),
])
def test_bad_fields_get_one_clear_line(write_yaml, event, message):
    text = f"actors:\n  - {{id: a, name: A}}\n  - {{id: b, name: B}}\nevents:\n  - {event}\n"
    with pytest.raises(DatasetError) as caught:
        load(write_yaml(text))
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(("actor", "message"), [
    ("{id: a, name: A, color: red}", "'color' should be a hex colour such as '#1f77b4'"),
    ("{id: a, name: A, affiliation: [{actor: nobody}]}", "unknown affiliation 'nobody' of actor 'a'"),
    ("{id: a, name: A, affiliation: [{actor: b, from: 2025, until: 2024}]}", "affiliation ends (2024) before it"),
    ("{id: a, name: A, affiliation: [{actor: b, since: 2025}]}", "unknown key 'since' in affiliation"),
])
def test_bad_actor_fields_get_one_clear_line(write_yaml, actor, message):
    text = f"actors:\n  - {actor}\n  - {{id: b, name: B, kind: state}}\n"
    with pytest.raises(DatasetError) as caught:
        load(write_yaml(text))
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


def _data_format_section() -> str:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## The data format"):readme.index("### Dates")]


def test_the_readme_example_loads_with_every_field(write_yaml):
    import re

    example = re.search(r"```yaml\n(.*?)```", _data_format_section(), flags=re.S).group(1)
    dataset = load(write_yaml(example))
    events = [*dataset.events, *dataset.drafts]
    written = {key for e in events for key in ("title", "outcome", "cameo", "plover", "notes") if getattr(e, key)}
    assert written == {"title", "outcome", "cameo", "plover", "notes"}
    assert {role for e in events for _, role in e.roles()} == set(ROLES)
    assert dataset.actors["envoy"].affiliations and dataset.actors["united-states"].color
    assert [e.id for e in dataset.drafts] == ["summit"]


def test_the_readme_type_table_is_the_model():
    rows = [line for line in _data_format_section().splitlines() if line.startswith("| `")]
    types = [row.split("`")[1] for row in rows if row.split("`")[1] in EVENT_TYPES]
    assert types == list(EVENT_TYPES)
    for row in rows:
        name = row.split("`")[1]
        if name in EVENT_TYPES:
            kind = EVENT_TYPES[name]
            assert f"`{kind.code}`" in row and kind.meaning in row and (kind.plover or "—") in row
