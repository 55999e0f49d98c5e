"""FollowTheMoney: every line made and validated by the followthemoney library, accepted by ``ftm validate``,
stored as FtM statements and rolled back up, and saying what the record says."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from export_cases import HOSTILE, SPECIAL, TRICKY

from timeline.dataset import load
from timeline.export import export

followthemoney = pytest.importorskip("followthemoney", reason="the ftm extra is not installed: pip install '.[ftm]'")
from followthemoney import model  # noqa: E402


@pytest.fixture
def hostile(write_yaml):
    return load(write_yaml(HOSTILE, "hostile.yaml"))


def written(dataset, tmp_path) -> tuple[list[dict], str]:
    path = export(dataset, "ftm", tmp_path / "entities.ftm.json")
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()], str(path)


def ftm_process(*args: str) -> subprocess.CompletedProcess:
    """Run the ``ftm`` command of the followthemoney installed beside this Python (it comes with the library)."""
    beside = Path(sys.executable).with_name("ftm")
    command = str(beside) if beside.exists() else shutil.which("ftm")
    assert command, "followthemoney is installed but its ftm command is not: reinstall followthemoney"
    return subprocess.run([command, *args], capture_output=True, text=True, timeout=120, check=False)


def ftm(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``ftm ARGS`` run in this process: the click command the ``ftm`` script calls (its start-up, 2 s of
    importing, is paid once, by :func:`ftm_process`)."""
    from click.testing import CliRunner
    from followthemoney.cli.cli import cli

    result = CliRunner().invoke(cli, list(args), input=stdin, prog_name="ftm")
    return subprocess.CompletedProcess(["ftm", *args], result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("which", ["seed", "tricky", "hostile"])
def test_every_line_is_a_valid_entity_and_every_reference_resolves(which, seed, write_yaml, tmp_path):
    dataset = {"seed": seed}.get(which) or load(write_yaml(TRICKY if which == "tricky" else HOSTILE))
    entities, _ = written(dataset, tmp_path)
    ids = [e["id"] for e in entities]
    assert len(set(ids)) == len(ids)
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)  # the library cleans every value: nothing may change
        assert proxy.to_dict() == data
        for prop, values in data["properties"].items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert set(values) <= set(ids)
    schemata = [e["schema"] for e in entities]
    assert schemata.count("Event") == len(dataset.events)
    assert sum(s in ("Person", "Organization", "PublicBody") for s in schemata) == len(dataset.actors)
    assert schemata.count("Membership") == sum(a.affiliation is not None for a in dataset.actors.values())


def test_ftm_validate_accepts_the_file_and_the_statements_roll_back_up(hostile, tmp_path):
    entities, path = written(hostile, tmp_path)
    done = ftm_process("validate", "-i", path)   # the command itself, once
    assert (done.returncode, done.stderr) == (0, "")
    assert sorted(json.loads(line)["id"] for line in done.stdout.splitlines()) == sorted(e["id"] for e in entities)
    statements = tmp_path / "statements.csv"
    done = ftm("statements", "-d", "talks", "-f", "csv", "-o", str(statements), path)
    assert done.returncode == 0, done.stderr
    done = ftm("aggregate-statements", "-d", "talks", "-f", "csv", "-i", str(statements))
    assert done.returncode == 0, done.stderr
    stored = {e["id"]: e for e in map(json.loads, done.stdout.splitlines())}
    assert {i: (e["schema"], {p: sorted(v) for p, v in e["properties"].items()}) for i, e in stored.items()} == {
        e["id"]: (e["schema"], {p: sorted(v) for p, v in e["properties"].items()}) for e in entities}


def test_entities_say_what_the_record_says(hostile, tmp_path):
    entities, _ = written(hostile, tmp_path)
    by_id = {e["id"]: e for e in entities}
    props = {e["id"]: e["properties"] for e in entities}
    assert props["event-e12"]["startDate"] == ["2025-12-02T18:00"] and props["event-e12"]["endDate"] == [
        "2025-12-02T20:00"]  # two zones, both in UTC
    assert (props["event-e11"]["date"], props["event-e16"]["date"]) == (["2025-12"], ["2024"])  # precision by length
    assert "startDate" not in props["event-title-0"] and props["event-title-0"]["endDate"] == ["2025-11-20"]
    assert "endDate" not in props["event-e15"] and props["event-e15"]["startDate"] == ["2025-11-25T09:00"]
    talks = props["event-e10"]
    assert talks["summary"] == [SPECIAL]
    assert talks["involved"] == ["actor-e0", "actor-e1", "actor--minus"]
    assert talks["namesMentioned"] == ["Solo actor"]
    assert talks["sourceUrl"][0] == "https://example.org/a?b=1;c=2"
    assert talks["publisher"] == ["Pub; & Co"]
    visit = props["event-title-0"]
    assert visit["name"] == ["Cancelled: Visit: Иван Петров, مرحبا"] and visit["organizer"] == ["actor-e3"]
    assert "Participant: Иван Петров\nHost: مرحبا" in visit["notes"][0] and "Status: Cancelled" in visit["notes"][0]
    assert "Date: c. 2024 (2024~)" in props["event-e16"]["notes"][0]
    assert by_id["actor-e1"]["schema"] == "Person" and props["actor-e1"]["country"] == ["ru"]
    assert by_id["actor-e2"]["schema"] == "PublicBody"
    assert props["membership-e1-e2"] == {"member": ["actor-e1"], "organization": ["actor-e2"]}
    assert props["actor-e0"]["name"] == [hostile.actors["e0"].name]
    assert props["actor-007"] == {"name": ["Nov 2025"], "position": ["04"], "notes": ["timeline id: 007"]}


def test_ids_ftm_refuses_are_hashed(write_yaml, tmp_path):
    tricky = load(write_yaml(TRICKY))
    entities, _ = written(tricky, tmp_path)
    ids = [e["id"] for e in entities]
    assert "actor-ид:1" not in ids and "event-later" in ids
    hashed = [len(i) for i in ids if not i.startswith(("actor-", "event-", "membership-"))]
    assert hashed == [40] * 5  # ид:1, o"brien, x y/z, talks:1, and the membership of o"brien in ид:1
    assert written(tricky, tmp_path / "again")[0] == entities  # the same data gives the same ids


def test_ftm_aggregate_merges_fragments_back_into_our_entities(hostile, tmp_path):
    """As a store does: entities cut into one fragment per property, shuffled, aggregated by ``ftm aggregate``."""
    entities, _ = written(hostile, tmp_path)
    fragments = [{"id": e["id"], "schema": e["schema"], "properties": {prop: [value]}}
                 for e in entities for prop, values in e["properties"].items() for value in values]
    random.Random(7).shuffle(fragments)
    done = ftm("aggregate", stdin="".join(json.dumps(f, ensure_ascii=False) + "\n" for f in fragments))
    assert (done.returncode, done.stderr) == (0, "")
    merged = {e["id"]: (e["schema"], {p: sorted(v) for p, v in e["properties"].items()})
              for e in map(json.loads, done.stdout.splitlines())}
    assert merged == {e["id"]: (e["schema"], {p: sorted(v) for p, v in e["properties"].items()}) for e in entities}


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_the_entities_load_into_an_ftm_store_and_their_links_are_walked(which, seed, hostile, tmp_path):
    """nomenklatura's SQL store (SQLite here; the store behind OpenSanctions and yente) takes every entity, and
    walking it from an event reaches exactly the people and bodies the event involves."""
    pytest.importorskip("nomenklatura", reason="nomenklatura (an FtM store) is not installed")
    from followthemoney.dataset import Dataset as FtmDataset
    from followthemoney.statement.entity import StatementEntity
    from nomenklatura.db import make_session
    from nomenklatura.resolver import Resolver
    from nomenklatura.store import SQLStore

    dataset = {"seed": seed, "hostile": hostile}[which]
    entities, _ = written(dataset, tmp_path)
    session = make_session(f"sqlite:///{tmp_path / 'store.sqlite'}")
    scope = FtmDataset.make({"name": "timeline_export", "title": "timeline export"})
    resolver = Resolver(session, create=True)
    store = SQLStore(scope, resolver.get_linker(), session.engine)
    with store.writer() as writer:
        for data in entities:
            writer.add_entity(StatementEntity.from_data(scope, data))
    view, walked = store.default_view(), 0
    stored = {entity.id: entity for entity in view.entities()}
    assert set(stored) == {e["id"] for e in entities}
    for data in entities:
        assert stored[data["id"]].schema.name == data["schema"]
        if data["schema"] == "Event":
            reached = {other.id for prop, other in view.get_adjacent(stored[data["id"]]) if prop.name == "involved"}
            assert reached == set(data["properties"].get("involved", []))
            walked += bool(reached)
    assert walked >= sum(1 for e in dataset.events if e.actors()) > 0
    session.close()
