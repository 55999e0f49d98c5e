"""The scorer of ``timeline draft`` (bench/score_drafts.py) and the development set it reads."""
from __future__ import annotations

import importlib
import json
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS

DEVSET = ROOT / "tests" / "drafting"
GOLD_FILES = sorted(DEVSET.glob("*/*.yaml"))


sys.path.append(str(ROOT / "bench"))
sd = importlib.import_module("score_drafts")     # bench/score_drafts.py (bench/ is no package)


def event(id: str, type: str, date: str, **roles: list[str]) -> dict:
    return {"id": id, "type": type, "date": date, **roles}


def items(*events: dict) -> list:
    return [sd.to_item(e, n) for n, e in enumerate(events, 1)]


GOLD = items(
    event("talks", "meeting", "2025-12-02", participants=["witkoff", "kushner", "putin"]),
    event("claim", "claim", "../2025-12-03", source=["russia"], target=["ukraine"]),
    event("planned", "meeting", "2025-12-03/..", participants=["witkoff", "ukrainian-delegation"]),
    event("demand", "demand", "../2025-12-03", source=["russia"], target=["ukraine"]),
)


# --- the match rule ------------------------------------------------------------------------------

@pytest.mark.parametrize(("predicted", "matches"), [
    (event("p", "meeting", "2025-12-02", participants=["putin", "witkoff"]), True),          # same day, shared actors
    (event("p", "meeting", "2025-12-05", participants=["putin", "witkoff"]), False),         # wrong date
    (event("p", "meeting", "2025-12", participants=["putin", "witkoff"]), True),             # coarser, overlapping
    (event("p", "meeting", "2025-12-02/..", participants=["putin", "witkoff"]), True),       # open end
    (event("p", "meeting", "../2025-12-01", participants=["putin", "witkoff"]), False),      # ends before the day
    (event("p", "call", "2025-12-02", participants=["putin", "witkoff"]), False),            # wrong type
    (event("p", "meeting", "2025-12-02", participants=["zelenskyy", "trump"]), False),       # no shared actor
    (event("p", "meeting", "2025-12-02", mentioned=["kushner"], participants=["a", "b"]), True),  # any role counts
    (event("p", "meeting", "not a date", participants=["putin", "witkoff"]), False),         # unreadable date
    ({"id": "p", "type": "meeting", "participants": ["putin", "witkoff"]}, False),           # no date
])
def test_match_rule_on_one_pair(predicted: dict, matches: bool) -> None:
    gold = GOLD[0]
    assert sd.compatible(sd.to_item(predicted, 1), gold) is matches


def test_open_ended_dates_overlap_only_on_their_open_side() -> None:
    planned = GOLD[2]                     # 2025-12-03/..
    later = items(event("p", "meeting", "2026-03-01", participants=["witkoff", "x"]))[0]
    earlier = items(event("p", "meeting", "2025-12-02", participants=["witkoff", "x"]))[0]
    assert sd.overlaps(later, planned) and not sd.overlaps(earlier, planned)
    by_publication = GOLD[1]              # ../2025-12-03: up to the end of 3 December, no further
    on_the_day = items(event("p", "claim", "2025-12-03", source=["russia"]))[0]
    next_day = items(event("p", "claim", "2025-12-04", source=["russia"]))[0]
    assert sd.compatible(on_the_day, by_publication) and not sd.compatible(next_day, by_publication)


def test_the_lenient_rule_matches_types_of_one_plover_category() -> None:
    appeal = items(event("p", "appeal", "2025-12-01", source=["russia"]))[0]     # REQUEST, like demand
    statement = items(event("p", "statement", "2025-12-01", source=["russia"]))[0]  # no PLOVER type, like claim
    assert not sd.compatible(appeal, GOLD[3])
    assert sd.compatible(appeal, GOLD[3], sd.same_plover)
    assert sd.compatible(statement, GOLD[1], sd.same_plover) and not sd.compatible(statement, GOLD[3], sd.same_plover)
    assert sd.plover_category("claim") == sd.plover_category("assessment") == "STATEMENT"


# --- scores --------------------------------------------------------------------------------------

def test_a_perfect_draft_scores_one() -> None:
    result = sd.score(list(GOLD), GOLD)
    assert (result.matched, result.precision, result.recall, result.f1) == (4, 1.0, 1.0, 1.0)


def test_an_empty_draft_has_no_recall_and_no_precision() -> None:
    result = sd.score([], GOLD)
    assert (result.matched, result.precision, result.recall, result.f1) == (0, None, 0.0, 0.0)


def test_each_gold_event_matches_at_most_one_prediction() -> None:
    twice = items(event("a", "meeting", "2025-12-02", participants=["putin", "x"]),
                  event("b", "meeting", "2025-12-02", participants=["witkoff", "y"]))
    result = sd.score(twice, GOLD)
    assert (result.matched, result.precision, result.recall) == (1, 0.5, 0.25)
    assert result.f1 == pytest.approx(2 * 1 / (2 + 4))


def test_the_matching_is_maximum_not_greedy() -> None:
    # p1 fits both gold meetings, p2 only the first: a greedy pass that gives p1 the first
    # meeting leaves p2 unmatched; the maximum matching pairs p1-planned and p2-talks.
    predicted = items(event("p1", "meeting", "2025-12-02/..", participants=["witkoff"]),
                      event("p2", "meeting", "2025-12-02", participants=["putin"]))
    pairs = sd.match(predicted, GOLD)
    assert sorted((p.id, g.id) for p, g in pairs) == [("p1", "planned"), ("p2", "talks")]


def test_micro_average_sums_the_counts() -> None:
    total = sd.Score()
    total += sd.Score(matched=1, predicted=2, gold=4)
    total += sd.Score(matched=3, predicted=3, gold=4)
    assert (total.precision, total.recall, total.f1) == (4 / 5, 4 / 8, 2 * 4 / 13)


# --- the command line ----------------------------------------------------------------------------

GOLD_FILE = """\
sources:
  - {id: art, publisher: P, title: T, published: 2025-12-03}
events:
  - {id: talks, type: meeting, date: 2025-12-02, participants: [witkoff, putin], sources: [art]}
  - {id: claim, type: claim, date: ../2025-12-03, source: [russia], sources: [art]}
"""


@pytest.fixture
def devset(tmp_path: Path) -> Path:
    """A development set with one tune article (text present) and one heldout article (text absent)."""
    for name, slug in (("tune", "art"), ("heldout", "other")):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{slug}.yaml").write_text(GOLD_FILE.replace("art", slug), encoding="utf-8")
    (tmp_path / "tune" / "art.txt").write_text("Witkoff met Putin on Tuesday.\n", encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    status = sd.main(list(argv))
    return status, capsys.readouterr().out


def test_scores_a_folder_of_drafts(devset: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    drafts = tmp_path / "drafts"
    (drafts / "tune").mkdir(parents=True)
    (drafts / "tune" / "art.yaml").write_text(textwrap.dedent("""\
        events:
          - {id: d1, type: meeting, date: 2025-12-02, participants: [putin], draft: true}
          - {id: d2, type: statement, date: 2025-12-03, source: [russia], draft: true}
        """), encoding="utf-8")
    status, out = _run(capsys, "--devset", str(devset), "--drafts", str(drafts), "--json")
    report = json.loads(out)
    assert status == 0
    assert report["tune"]["articles"][0]["strict"] == {
        "matched": 1, "predicted": 2, "gold": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["tune"]["micro"]["lenient"]["matched"] == 2        # statement ~ claim by PLOVER
    assert report["tune"]["articles"][0]["missed"] == ["claim"] and report["tune"]["articles"][0]["extra"] == ["d2"]
    assert report["heldout"]["articles"][0]["scored"] is False
    assert "no draft other.yaml" in report["heldout"]["articles"][0]["note"]


def test_runs_the_drafting_command_with_the_publication_date(devset: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture) -> None:
    fake = tmp_path / "fake_draft.py"
    fake.write_text(textwrap.dedent("""\
        import sys
        args = sys.argv[1:]
        out = args[args.index("-o") + 1]
        published = args[args.index("--published") + 1]
        with open(out, "w") as f:
            f.write(f"events:\\n  - {{id: x, type: meeting, date: '{published}', participants: [putin, witkoff]}}\\n")
        """), encoding="utf-8")
    keep = tmp_path / "kept"
    status, out = _run(capsys, "--devset", str(devset), "--command", f"{sys.executable} {fake}",
                       "--keep", str(keep), "--sets", "tune")
    assert status == 0
    assert "| art | 2 | 1 | 0 | 0.00 | 0.00 | 0.00 |" in out      # dated 2025-12-03: not the talks of the 2nd
    assert yaml.safe_load((keep / "tune" / "art.yaml").read_text())["events"][0]["date"] == "2025-12-03"
    assert "micro-average, tune" in out and "lenient (secondary)" in out


def test_an_article_without_text_is_skipped_and_said(devset: Path, capsys: pytest.CaptureFixture) -> None:
    status, out = _run(capsys, "--devset", str(devset), "--command", f"{sys.executable} -c pass",
                       "--sets", "heldout")
    assert "| other | – | – | – | – | – | – |" in out
    assert "other: skipped: text not in the repository" in out
    texts = devset / "texts"
    (texts / "heldout").mkdir(parents=True)
    (texts / "heldout" / "other.txt").write_text("text", encoding="utf-8")
    found = sd.find_articles(devset, ["heldout"], [texts])
    assert found[0].text == texts / "heldout" / "other.txt"


def test_a_failing_command_counts_as_an_empty_draft(devset: Path, capsys: pytest.CaptureFixture) -> None:
    status, out = _run(capsys, "--devset", str(devset), "--sets", "tune",
                       "--command", f"{sys.executable} -c \"import sys; sys.exit('no such command')\"")
    assert status == 1
    assert "| art | 2 | 0 | 0 | n/a | 0.00 | 0.00 |" in out
    assert "command failed (exit 1): no such command (scored as an empty draft)" in out


def test_the_empty_baseline_and_an_unknown_set(devset: Path, capsys: pytest.CaptureFixture) -> None:
    status, out = _run(capsys, "--devset", str(devset), "--baseline", "empty", "--json")
    assert json.loads(out)["heldout"]["micro"]["strict"]["recall"] == 0.0
    with pytest.raises(SystemExit) as exit_:
        sd.main(["--sets", "train"])
    assert exit_.value.code == 2
    assert "unknown set train" in capsys.readouterr().err


# --- the article's own dataset and actors the dataset lacks --------------------------------------

@pytest.mark.parametrize(("header", "data"), [
    ("# data: seeds\n", ["seeds"]),
    ("# Gold annotation.\n# data: seeds, tests/drafting/extra.yaml\n", ["seeds", "tests/drafting/extra.yaml"]),
    ("#data:seeds\n", ["seeds"]),
    ("# Gold annotation, no data line.\n", None),
    ("sources: []\n# data: seeds\n", None),                  # only the header comment counts
])
def test_the_gold_file_header_names_the_datasets(tmp_path: Path, header: str, data: list | None) -> None:
    gold = tmp_path / "art.yaml"
    gold.write_text(header + GOLD_FILE, encoding="utf-8")
    assert sd.data_of(gold) == data


def test_a_malformed_data_line_names_the_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "art.yaml"
    gold.write_text("# Gold annotation.\n# data: seeds (the 2025 dataset)\n" + GOLD_FILE, encoding="utf-8")
    with pytest.raises(ValueError, match=r"art\.yaml:2: '# data:' takes comma-separated paths"):
        sd.data_of(gold)


def test_each_article_is_drafted_against_its_own_data(devset: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    gold = devset / "tune" / "art.yaml"
    gold.write_text("# data: seeds, tests/drafting/other.yaml\n" + gold.read_text(encoding="utf-8"),
                    encoding="utf-8")
    fake = tmp_path / "record.py"
    fake.write_text(textwrap.dedent("""\
        import json, sys
        args = sys.argv[1:]
        data = [args[i + 1] for i, word in enumerate(args) if word == "--data"]
        with open(args[args.index("-o") + 1], "w") as f:
            f.write("events: []\\n")
        with open(sys.argv[0] + ".json", "w") as f:
            json.dump(data, f)
        """), encoding="utf-8")
    status, out = _run(capsys, "--devset", str(devset), "--set", "tune", "--command", f"{sys.executable} {fake}",
                       "--data", "ignored-default", "--json")
    assert status == 0
    root = gold.resolve().parents[3]                              # <root>/tests/drafting/tune/art.yaml
    assert json.loads((tmp_path / "record.py.json").read_text()) == [
        str(root / "seeds"), str(root / "tests" / "drafting" / "other.yaml")]
    assert json.loads(out)["tune"]["articles"][0]["data"] == ["seeds", "tests/drafting/other.yaml"]
    assert list(json.loads(out)) == ["tune"]                      # --set scores that set only


def test_without_a_data_line_the_option_is_used(devset: Path) -> None:
    (article,) = sd.find_articles(devset, ["tune"], [])
    assert article.data is None
    assert sd.data_arguments(article, "seeds") == ["--data", "seeds"]


GOLD_ACTORS = {"netanyahu": frozenset({"netanyahu", "benjamin netanyahu", "bibi"}),
               "hamas": frozenset({"hamas"}), "qatar": frozenset({"qatar", "doha"})}


@pytest.mark.parametrize(("proposed", "actors", "expected"), [
    ({"benjamin-netanyahu": frozenset({"benjamin netanyahu"})}, ["benjamin-netanyahu"], {"netanyahu"}),  # by name
    ({"x1": frozenset({"x1", "bibi"})}, ["x1"], {"netanyahu"}),                                    # by alias
    ({"qatar": frozenset({"qatar"})}, ["qatar", "witkoff"], {"qatar", "witkoff"}),                # same id
    ({"yair-lapid": frozenset({"yair lapid"})}, ["yair-lapid"], {"yair-lapid"}),                   # nobody gold
    ({"witkoff": frozenset({"doha"})}, ["witkoff"], {"qatar"}),                                    # a proposed id
])
def test_actors_the_draft_proposes_are_matched_by_name(proposed: dict, actors: list, expected: set) -> None:
    (item,) = items(event("p", "meeting", "2025-10-08", participants=actors))
    (resolved,) = sd.resolve_actors([item], proposed, GOLD_ACTORS)
    assert resolved.actors == frozenset(expected)


def test_a_name_of_two_gold_actors_matches_neither() -> None:
    (item,) = items(event("p", "meeting", "2025-10-08", participants=["gaza"]))
    known = {"hamas": frozenset({"hamas", "gaza"}), "gaza-health-ministry": frozenset({"gaza"})}
    assert sd.resolve_actors([item], {"gaza": frozenset({"gaza"})}, known)[0].actors == {"gaza"}


def test_a_draft_with_new_actors_scores_against_the_gold_ones(devset: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture) -> None:
    (devset / "heldout" / "gaza.yaml").write_text(textwrap.dedent("""\
        # data: seeds
        sources:
          - {id: gaza, publisher: P, title: T, published: 2025-10-08}
        actors:
          - {id: netanyahu, name: Benjamin Netanyahu, kind: person, aliases: [Netanyahu]}
          - {id: hamas, name: Hamas, kind: organization}
        events:
          - {id: g1, type: statement, date: 2025-10-08, source: [netanyahu], sources: [gaza]}
          - {id: g2, type: agreement, date: 2025-10-08, participants: [hamas, israel], sources: [gaza]}
        """), encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "gaza.yaml").write_text(textwrap.dedent("""\
        actors:
          - {id: benjamin-netanyahu, name: Benjamin Netanyahu, kind: person}
          - {id: israel, name: Israel, kind: state}
        events:
          - {id: d1, type: statement, date: 2025-10-08, source: [benjamin-netanyahu], draft: true}
          - {id: d2, type: agreement, date: 2025-10-08, participants: [israel], draft: true}
        """), encoding="utf-8")
    status, out = _run(capsys, "--devset", str(devset), "--drafts", str(drafts), "--set", "heldout")
    assert status == 0
    assert "| gaza | 2 | 2 | 2 | 1.00 | 1.00 | 1.00 |" in out     # israel: the same id in both


# --- the development set itself ------------------------------------------------------------------

@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_gold_file_validates_with_the_seeds(gold: Path, tmp_path: Path, run) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(gold, tmp_path / gold.name)
    result = run("validate", str(tmp_path), data=None)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_gold_file_follows_the_format(gold: Path) -> None:
    data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    (source,) = [s for s in data["sources"] if s["id"] == gold.stem]
    assert source["published"] and source["publisher"] and source["title"]
    assert data["events"]
    for item in data["events"]:
        assert "draft" not in item, item["id"]
        assert item["sources"] == [gold.stem], item["id"]
        assert item.get("notes"), f"{item['id']} needs the sentence it rests on"


def test_the_readme_lists_every_article_and_the_sets_are_large_enough() -> None:
    readme = (DEVSET / "README.md").read_text(encoding="utf-8")
    cells = [[cell.strip() for cell in line.split("|")[1:-1]] for line in readme.splitlines()
             if line.startswith("| ") and not line.startswith("| slug")]
    assert {row[0]: row[1] for row in cells} == {p.stem: p.parent.name for p in GOLD_FILES}
    in_repo = {row[0] for row in cells if row[7].startswith("yes")}
    assert in_repo == {p.stem for p in DEVSET.glob("*/*.txt")}        # no text kept that the table says is out
    assert all("public domain" in row[6] or "CC BY" in row[6] for row in cells if row[0] in in_repo)
    assert sum(row[1] == "tune" for row in cells) >= 5
    assert sum(row[1] == "heldout" for row in cells) >= 10
    other_negotiations = [p for p in DEVSET.glob("heldout/*.yaml") if sd.data_of(p) == ["seeds"]]
    assert len(other_negotiations) >= 4
    assert "gnw-2025-12-03-moscow-talks" in {row[0] for row in cells}   # the seed article


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_data_line_names_datasets_that_exist(gold: Path) -> None:
    for path in sd.data_of(gold) or []:
        assert (ROOT / path).exists(), path
    assert gold.resolve().parents[3] == ROOT.resolve()              # where the scorer takes them from


def test_an_actor_id_means_the_same_actor_in_every_gold_file() -> None:
    names: dict[str, set[str]] = {}
    for gold in GOLD_FILES:
        for actor in yaml.safe_load(gold.read_text(encoding="utf-8")).get("actors") or []:
            names.setdefault(actor["id"], set()).add(actor["name"])
    assert {actor: found for actor, found in names.items() if len(found) > 1} == {}
