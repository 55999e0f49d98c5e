"""Issues, positions, plans and the stance scale: read, checked with file:line, kept by the store."""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEED, SEEDS

from timeline import cache, positions
from timeline.dataset import DatasetError, load
from timeline.negotiation import DEFAULT_STANCES, Point, Quote, Stance, VersionRelation

FIXTURE = Path(__file__).parent / "data" / "negotiation.yaml"

#: A valid dataset the bad cases below add to. Each case: what it adds, the one problem expected, and a text
#: on the line it names (``{x}`` in a message: the line of the item with id ``x``).
BASE = """\
actors:
  - {id: russia, kind: state}
  - {id: ukraine, kind: state}
sources:
  - {id: src, title: A report}
events:
  - {id: talks, type: meeting, date: 2025-11-23, participants: [russia, ukraine], sources: [src]}
  - {id: bare, type: statement, date: 2025-11-24, source: [russia]}
issues:
  - {id: territory, proposition: Ukraine cedes territory, aliases: [land]}
"""


def _problems(tmp_path: Path, extra: str) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(BASE + extra, encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load(path)
    return [str(p).replace(f"{path}:", "data.yaml:") for p in error.value.problems]


BAD = [
    ("unknown issue with alias hint",
     "positions:\n  - {id: p, actor: russia, issue: land, stance: demands, date: 2025-01, sources: [src]}\n",
     "unknown issue 'land' in position 'p'; 'land' is an alias of issue 'territory': write its id", "issue: land"),
    ("unknown actor, did you mean",
     "positions:\n  - {id: p, actor: rusia, issue: territory, stance: demands, date: 2025-01, sources: [src]}\n",
     "unknown actor 'rusia' in position 'p'; did you mean 'russia'?", "actor: rusia"),
    ("unknown stance lists the scale",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demand, date: 2025-01, sources: [src]}\n",
     "unknown stance 'demand' in position 'p'; did you mean 'demands'? "
     "(stances: demands, accepts, open_to, undecided, rejects, red_line)", "stance: demand,"),
    ("unknown event",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, event: talk}\n",
     "unknown event 'talk' in position 'p'; did you mean 'talks'?", "event: talk"),
    ("unknown source",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, sources: [scr]}\n",
     "unknown source 'scr' in position 'p'; did you mean 'src'?", "[scr]"),
    ("no sources and no event",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01}\n",
     "position 'p' has no 'sources' and it names no event; cite the reporting it rests on under "
     "'sources'", "id: p,"),
    ("an event without sources",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, event: bare}\n",
     "position 'p' has no 'sources' and its event 'bare' cites none; cite the reporting it rests on "
     "under 'sources'", "event: bare"),
    ("missing date",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, sources: [src]}\n",
     "missing 'date' (EDTF, e.g. 2025-08-15, 2025-08, or '../2025-08-15')", "id: p,"),
    ("bad date",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-13, sources: [src]}\n",
     None, "2025-13"),
    ("duplicate position id",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, sources: [src]}\n"
     "  - {id: p, actor: ukraine, issue: territory, stance: rejects, date: 2025-01, sources: [src]}\n",
     "duplicate position id 'p': already used at data.yaml:{p}; give each position its own id", "actor: ukraine, issue"),
    ("a claim by the actor itself",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, sources: [src],"
     " claimed_by: [russia]}\n",
     "'russia' cannot claim its own position; leave 'claimed_by' out for what the actor itself says", "claimed_by"),
    ("unknown key", "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01,"
     " sources: [src], stanse: x}\n", "unknown key 'stanse' in position; did you mean 'stance'?", "stanse"),
    ("unknown parent", "  - {id: donbas, proposition: x, parent: teritory}\n",
     "unknown issue 'teritory' in issue 'donbas'; did you mean 'territory'?", "parent: teritory"),
    ("parent cycle", "  - {id: a, proposition: x, parent: b}\n  - {id: b, proposition: y, parent: a}\n",
     "parent cycle: a -> b -> a; an issue cannot be part of itself", "id: a,"),
    ("duplicate issue", "  - {id: territory, proposition: again}\n",
     "duplicate issue id 'territory': already used at data.yaml:{territory}; give each issue its own id", "proposition: again"),
    ("no proposition", "  - {id: nato, name: NATO}\n", "missing 'proposition'", "id: nato"),
    ("a plan without versions", "plans:\n  - {id: plan}\n",
     "missing 'versions': a plan lists its versions (id, name, date, points...)", "id: plan}"),
    ("relation to an unknown version",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        relations:\n"
     "          - {relation: supersedes, version: v0}\n",
     "unknown version 'v0' in version 'v1'", "version: v0"),
    ("unknown relation",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        relations:\n"
     "          - {relation: replaces, version: v1}\n",
     "unknown version relation 'replaces' (version relations: supersedes, amends, answers)", "relation: replaces"),
    ("unknown response",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        responses:\n"
     "          - {actor: ukraine, response: rejectd}\n",
     "unknown response 'rejectd'; did you mean 'rejected'? (responses: drafted, endorsed, accepted, "
     "accepted_as_basis, welcomed, open_to, rejected, amended)", "rejectd"),
    ("unknown responding actor",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        responses:\n"
     "          - {actor: ukrain, response: rejected}\n",
     "unknown actor 'ukrain' in version 'v1'; did you mean 'ukraine'?", "ukrain,"),
    ("duplicate version id across plans",
     "plans:\n  - id: a\n    versions: [{id: v, date: 2025}]\n  - id: b\n    versions: [{id: v, date: 2026}]\n",
     "duplicate version id 'v': already used at data.yaml:{v}; give each version its own id", "2026"),
    ("a point key twice",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        points:\n"
     "          - {number: 1, key: k, text: a}\n          - {number: 2, key: k, text: b}\n",
     "point key 'k' is used twice in version 'v1'; give each point its own 'key' (it identifies "
     "the point across versions)", "text: b"),
    ("a point's unknown issue",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        points:\n"
     "          - {number: 1, text: a, issues: [lnd]}\n",
     "unknown issue 'lnd' in version 'v1'", "lnd"),
    ("a stance out of order",
     "dataset:\n  stances:\n    - {id: for, value: 1}\n    - {id: against, value: 2}\n",
     "stance 'against' (2) should come before 'for' (1): list stances from most in favour (highest "
     "value) to most against", "id: against"),
    ("a point number as a list",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        points:\n"
     "          - {number: [1], text: a}\n",
     "'number' should be text, not a list", "number: [1]"),
    ("an infinite stance value", "dataset:\n  stances:\n    - {id: for, value: .inf}\n",
     "a stance needs a 'value' that is a number such as 1 or -0.5, not inf", "value: .inf"),
    ("a stance without a number", "dataset:\n  stances:\n    - {id: for, value: high}\n",
     "a stance needs a 'value' that is a number such as 1 or -0.5, not 'high'", "value: high"),
    # hostile and careless input (round 3): each the one line the user needs
    ("a point number twice under different keys",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        points:\n"
     "          - {number: 1, key: a, text: a}\n          - {number: 1, key: b, text: b}\n",
     "point number '1' is used twice in version 'v1'; number each point as the plan does (e.g. 7 and 7a)",
     "key: b"),
    ("a version superseding itself",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        relations:\n"
     "          - {relation: supersedes, version: v1}\n",
     "version 'v1' supersedes itself; a version can only follow an earlier one", "relations:"),
    ("versions amending one another in a cycle",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n"
     "        relations: [{relation: amends, version: v3}]\n      - id: v2\n        date: 2025-12\n"
     "        relations: [{relation: supersedes, version: v1}]\n      - id: v3\n        date: 2026-01\n"
     "        relations: [{relation: supersedes, version: v2}]\n",
     "versions supersede or amend one another in a cycle: v1 -> v3 -> v2 -> v1; a version can only follow an "
     "earlier one", "relation: amends"),
    ("an alias of two issues", "  - {id: donbas, proposition: x, aliases: [Land]}\n",
     "alias 'Land' of issue 'donbas' is already an alias of issue 'territory'; give it to one issue only",
     "id: donbas"),
    ("an alias that is another issue's id", "  - {id: donbas, proposition: x, aliases: [territory]}\n",
     "alias 'territory' of issue 'donbas' is the id of issue 'territory'; give it to one issue only", "id: donbas"),
    ("an empty proposition", "  - {id: donbas, proposition: ''}\n",
     "empty 'proposition'; write it (it is required)", "id: donbas"),
    ("an empty stance scale", "dataset:\n  stances: []\n",
     "'stances' is empty; list the scale's stances, or leave 'stances' out for the default scale "
     "(demands ... red_line)", "stances: []"),
    ("two stances of one value", "dataset:\n  stances:\n    - {id: for, value: 1}\n    - {id: also, value: 1}\n",
     "stance 'also' has the same value (1) as 'for'; give each stance its own value, or merge the two", "id: also"),
    ("sources as a mapping is one problem, not two",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, "
     "sources: {a: src}}\n", "'sources' should be an id or a list of ids, not a mapping", "sources: {a"),
    ("a control character in a statement",
     "positions:\n  - {id: p, actor: russia, issue: territory, stance: demands, date: 2025-01, sources: [src], "
     "statement: \"Russia\\r\\x1b[2J demands\"}\n",
     "'statement' holds the invisible character U+000D (CR); delete it", "statement:"),
    ("a direction override in a point's text",
     "plans:\n  - id: plan\n    versions:\n      - id: v1\n        date: 2025-11\n        points:\n"
     "          - {number: 1, text: \"Ukraine \\u202Eswen\"}\n",
     "'text' holds the invisible character U+202E (a direction override: the text would display other than it "
     "reads); delete it", "number: 1"),
]


@pytest.mark.parametrize(("extra", "expected", "marker"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_each_bad_input_is_one_line_with_its_line(tmp_path, extra, expected, marker):
    """``marker`` is a text on the line the problem is about; ``{x}`` in a message is the line of the item ``x``."""
    problems = _problems(tmp_path, extra)
    lines = (BASE + extra).splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if text in line)

    assert len(problems) == 1, problems
    where = f"data.yaml:{line_of(marker)}: "
    if expected is None:  # the date grammar's own message
        assert problems[0].startswith(where)
    else:
        ids = re.findall(r"\{(\w+)\}", expected)
        assert problems[0] == where + expected.format(**{i: line_of(f"id: {i}") for i in ids})


def test_bad_input_on_the_command_line_exits_1_without_traceback(run, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text(BASE + "positions:\n  - {id: p, actor: rusia, issue: territory, stance: demands, date: 2025-01,"
                           " sources: [src]}\n", encoding="utf-8")
    result = run("validate", data=path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:12: unknown actor 'rusia' in position 'p'; did you mean 'russia'?",
        "Error: 1 problem in the dataset; nothing was loaded"]
    assert "Traceback" not in result.output


def test_an_events_unknown_issue(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text(BASE.replace("sources: [src]}\n  - {id: bare", "sources: [src], issues: [teritory]}\n  - {id: bare"),
                    encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load(path)
    assert [str(p) for p in error.value.problems] == [
        f"{path}:7: unknown issue 'teritory' in event 'talks'; did you mean 'territory'?"]


def test_the_fixture_reads_into_the_model():
    record = load(FIXTURE)
    assert record.stances.stances == DEFAULT_STANCES
    assert [i.id for i in record.issues.values()] == ["territory", "donbas", "zaporizhzhia", "nato", "sanctions"]
    assert record.issues["donbas"].parent == "territory"
    assert record.issues["donbas"].aliases == ("Donetsk region",)
    position = next(p for p in record.positions if p.id == "russia-donbas-2025-08-15")
    assert (position.actor, position.issue, position.stance, position.date.text, position.event) == \
        ("russia", "donbas", "demands", "2025-08-15", "alaska-summit")
    assert position.quote == Quote("putin", "Donbas is ours.", "src-a")
    claim = next(p for p in record.positions if p.id == "russia-donbas-claimed-2025-09-10")
    assert claim.claimed and claim.claimed_by == ("ukraine",)
    first, second = record.plans["us-peace-plan"].versions
    assert first.date.text == "2025-11-19/2025-11-20" and first.drafted_by == ("witkoff",)
    assert first.points[1] == Point("2", "donbas", "Ukraine withdraws from Donetsk region.", ("donbas",))
    assert second.relations == (VersionRelation("supersedes", "us-plan-28-points"),)
    assert [(r.actor, r.response, r.date.text) for r in first.responses] == \
        [("russia", "welcomed", "2025-11-21"), ("ukraine", "accepted_as_basis", "2025-11-23")]
    assert record.event("alaska-summit").issues == ("donbas", "territory")


def test_a_dataset_scale_replaces_the_default(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("dataset:\n  stances:\n    - {id: yes, value: 1, label: Yes}\n    - {id: 'no', value: -1}\n"
                    + BASE + "positions:\n  - {id: p, actor: russia, issue: territory, stance: 'yes', date: 2025,"
                             " sources: [src]}\n", encoding="utf-8")
    record = load(path)
    assert record.stances.stances == (Stance("yes", 1.0, "Yes"), Stance("no", -1.0, "no"))
    assert record.positions[0].stance == "yes"


@pytest.mark.parametrize("path", [SEED, SEEDS], ids=["moscow", "seeds"])
def test_a_dataset_without_the_new_keys_loads_as_before(path):
    record = load(path)
    assert record.stances.stances == DEFAULT_STANCES
    assert all(event.issues == () for event in record.events) or record.issues


def test_ids_are_per_kind(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text(BASE + "  - {id: talks, proposition: an issue named like an event}\n", encoding="utf-8")
    assert "talks" in load(path).issues


def test_a_warm_load_answers_as_the_cold_one(tmp_path, monkeypatch):
    data = tmp_path / "negotiation.yaml"
    shutil.copy(FIXTURE, data)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cold = cache.load(data)
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    cache.load(data)  # fills the store
    warm = cache.load(data)
    assert warm is not cold and warm == cold
    assert [dataclasses.astuple(p) for p in warm.positions] == [dataclasses.astuple(p) for p in cold.positions]
    assert warm.plans == cold.plans and warm.issues == cold.issues and warm.stances == cold.stances
    assert [e.issues for e in warm.events] == [e.issues for e in cold.events]
    assert cache.cache_file(data).exists()
    from timeline.store import open_store

    stored = open_store(data).load()   # what the warm load read: the store, not the YAML
    assert stored is not None and stored == cold
    assert positions.gaps(warm, "2025-12-05", since="2025-09-01") == positions.gaps(cold, "2025-12-05", since="2025-09-01")
    assert positions.as_of(warm, "2025-11", "territory", children=True) == \
        positions.as_of(cold, "2025-11", "territory", children=True)
    assert positions.plan_diff(warm, "us-peace-plan") == positions.plan_diff(cold, "us-peace-plan")
