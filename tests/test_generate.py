"""The benchmark's dataset generator (bench/generate.py) writes valid, realistic, reproducible data."""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pytest
from conftest import bench_generate

from timeline.dataset import load
from timeline.dates import parse_edtf

generate = bench_generate()
import generate_cast  # noqa: E402  (bench/, on sys.path once bench_generate() ran)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """300 events, seed 3, written to a folder: (folder, summary)."""
    folder = tmp_path_factory.mktemp("small")
    return folder, generate.generate(300, folder, seed=3)


@pytest.fixture(scope="module")
def mix() -> generate.Generator:
    """A larger dataset kept in memory, to measure proportions."""
    return generate.Generator(4000, seed=1)


def shares(values: list[str]) -> dict[str, float]:
    return {key: count / len(values) for key, count in Counter(values).items()}


def test_generated_dataset_loads_whole(small: tuple[Path, dict]) -> None:
    folder, summary = small
    dataset = load(folder)
    assert len(dataset.events) == summary["events"] == 300
    assert len(dataset.actors) == summary["actors"]
    assert len(dataset.sources) == summary["sources"]
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*.yaml")) == summary["files"]
    assert {"actors.yaml", "sources.yaml", "events/2021.yaml", "events/2025.yaml"} <= set(summary["files"])
    assert summary["most_active"] == Counter(a for e in dataset.events for a in e.actors()).most_common(1)[0][0]


def test_same_seed_writes_the_same_bytes(tmp_path: Path, small: tuple[Path, dict]) -> None:
    folder, summary = small
    generate.generate(300, tmp_path / "again", seed=3)
    generate.generate(300, tmp_path / "other", seed=4)
    for name in summary["files"]:
        assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes(), name
    assert (tmp_path / "other" / "sources.yaml").read_bytes() != (folder / "sources.yaml").read_bytes()


def test_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="did not write"):
        generate.generate(10, tmp_path)
    assert (tmp_path / "notes.yaml").read_text(encoding="utf-8") == "mine\n"


def test_names_in_many_scripts(small: tuple[Path, dict]) -> None:
    names = [actor.name for actor in load(small[0]).actors.values()]
    assert {"Володимир Зеленський", "習近平"} <= set(names)
    assert any("\u0400" <= ch <= "\u04ff" for name in names for ch in name)        # Cyrillic
    assert any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name)        # CJK
    assert any("'" in name for name in names)


def test_type_mix_is_that_of_reporting(mix: generate.Generator) -> None:
    share = shares([event.type for event in mix.events])
    assert len(mix.events) == 4000
    assert 0.22 <= share["statement"] <= 0.28
    assert 0.12 <= share["meeting"] <= 0.18
    assert 0.08 <= share["accusation"] <= 0.12
    assert all(0.03 <= share[kind] <= 0.07 for kind in ("call", "visit", "rejection", "demand"))
    assert all(0.003 <= share[kind] <= 0.03 for kind in ("agreement", "acceptance"))
    assert 0.015 <= share["denial"] <= share["claim"] <= 0.045


def test_denials_dispute_claims(mix: generate.Generator) -> None:
    events = {event.id: event for event in mix.events}
    denials = [event for event in mix.events if event.type == "denial"]
    for denial in denials:
        (relation, claim), = denial.related
        assert relation == "disputes" and events[claim].type == "claim" and events[claim].status == "disputed"
        assert denial.day >= events[claim].day
    assert sum(e.status == "disputed" for e in mix.events) == len(denials)


def test_statuses_and_date_precisions_are_those_of_reporting(mix: generate.Generator) -> None:
    def form(text: str) -> str:
        span = parse_edtf(text)
        if text.startswith("../") or text.endswith("/.."):
            return "open"
        if span.is_interval:
            return "interval"
        if span.approximate or span.uncertain:
            return "qualified"
        return "moment" if span.is_moment else span.precision

    share = shares([form(event.date) for event in mix.events])
    assert 0.66 <= share["day"] <= 0.74
    assert 0.07 <= share["month"] <= 0.13
    assert all(0.03 <= share[kind] <= 0.07 for kind in ("moment", "interval"))
    assert all(0.015 <= share[kind] <= 0.055 for kind in ("year", "qualified", "open"))
    assert any("+03:00" in event.date for event in mix.events)
    status = shares([event.status for event in mix.events])
    assert 0.015 <= status["planned"] <= 0.045
    assert 0.003 <= status["cancelled"] <= 0.02


def test_a_few_actors_are_in_most_events(mix: generate.Generator) -> None:
    activity = mix.activity()
    top = {actor for actor, _ in activity.most_common(10)}
    assert sum(bool(top & {a for ids in e.roles.values() for a in ids}) for e in mix.events) > 0.5 * 4000
    assert len(activity) > 0.8 * len(mix.actors)     # and the long tail is there too


@pytest.mark.parametrize(("events", "low", "high"), [(1000, 100, 140), (10_000, 270, 330), (100_000, 560, 640)])
def test_actor_count_grows_with_the_dataset(events: int, low: int, high: int) -> None:
    assert low <= generate_cast.actor_count(events) <= high


def test_size() -> None:
    assert [generate.size(s) for s in ("300", "1k", "2.5k", "1M")] == [300, 1000, 2500, 1_000_000]
    with pytest.raises(argparse.ArgumentTypeError, match="not a size"):
        generate.size("lots")
