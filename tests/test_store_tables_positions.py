"""The store's tables answer ``positions`` and ``gaps`` exactly as the library does, byte for byte.

As ``test_store_tables.py`` does for met and contested: each question runs in
the command line once from the tables (the library's answers are then made to
fail, so a fallback would show) and once with ``TIMELINE_NO_CACHE=1`` (the
library on the loaded record); output, messages and exit codes must be equal.
Questions the tables leave to the library (an unknown issue or actor, a bad
date, --since after --as-of) are compared too, without the library made to fail.
"""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store_cases import cache_home  # noqa: F401 (a private cache for each test)
from tests.test_store_tables import ROOT, _written, both_ways
from timeline import dataset, positions
from timeline.cli import cli
from timeline.index import open_tables
from timeline.index import positions as stored

#: Every rule at once: a scale of its own (whole and fractional values), a claim, a position resting on a
#: draft, two positions of one chain on one day, an open-start date, a sub-issue, an alias with an accent,
#: an envoy whose side changes with the date, and positions of a group and an organisation.
RULES = """
dataset:
  stances:
    - {id: insists, label: Insists, value: 3}
    - {id: leans, label: Leans towards, value: 0.75}
    - {id: cool, label: Cool on, value: -0.25}
    - {id: never, label: Never, value: -3}
actors:
  - {id: us, name: United States, kind: state}
  - {id: ua, name: Ukraine, kind: state}
  - {id: ru, name: Russia, kind: state}
  - {id: tr, name: Türkiye, kind: state, aliases: [Turkey]}
  - {id: eu, name: European Union, kind: organization}
  - {id: umerov, name: Rustem Umerov, affiliation: ua}
  - {id: ua-delegation, name: Ukrainian delegation, kind: group, affiliation: ua}
  - {id: envoy, name: Envoy Élan, affiliation: [{actor: us, until: 2025-07-01}, {actor: tr, from: 2025-07-01}]}
sources:
  - {id: s1, title: Report one}
  - {id: s2, title: Report two}
events:
  - {id: talks, type: meeting, date: 2025-05-16, participants: [umerov, envoy], sources: [s1]}
  - {id: draft-call, type: call, date: 2025-08-01, participants: [envoy, umerov], draft: true, sources: [s2]}
issues:
  - {id: land, name: Territory, proposition: Ukraine cedes land, aliases: [Zemlyá]}
  - {id: east, name: The east, parent: land, proposition: Ukraine leaves the east}
  - {id: bloc, name: Alliance, proposition: Ukraine stays out of the alliance}
positions:
  - {id: p1, actor: ru, issue: land, stance: insists, date: 2025-03, sources: [s1]}
  - {id: p2, actor: ua, issue: land, stance: never, date: 2025-03, sources: [s1]}
  - {id: p3, actor: envoy, issue: land, stance: leans, date: 2025-05-16, event: talks}
  - {id: p4, actor: envoy, issue: land, stance: cool, date: 2025-08-01, event: draft-call}
  - {id: p5, actor: umerov, issue: east, stance: cool, date: ../2025-06-10, sources: [s2]}
  - {id: p6, actor: ua-delegation, issue: east, stance: never, date: 2025-06-10, sources: [s2]}
  - {id: p7, actor: ru, issue: east, stance: never, date: 2025-06, claimed_by: [ua], sources: [s2]}
  - {id: p8, actor: ru, issue: east, stance: insists, date: 2025-06, sources: [s2]}
  - {id: p9, actor: ru, issue: east, stance: leans, date: 2025-06-01, sources: [s2]}
  - {id: p10, actor: eu, issue: bloc, stance: leans, date: 2025-09, sources: [s1]}
  - {id: p11, actor: tr, issue: bloc, stance: cool, date: 2025-09-15, sources: [s1]}
  - {id: p12, actor: envoy, issue: bloc, stance: insists, date: 2025-10-01, sources: [s1]}
"""


def _generated(tmp_path: Path) -> Path:
    out = tmp_path / "generated"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "1500", "--out", str(out),
                    "--seed", "7", "--positions", "400"], check=True, capture_output=True)
    return out


DATASETS = {
    "seeds": lambda tmp: ROOT / "seeds",
    "negotiation": lambda tmp: ROOT / "tests" / "data" / "negotiation.yaml",
    "rules": lambda tmp: _written(tmp, "rules.yaml", RULES),
    "generated": _generated,
}
#: Days to ask where everyone stood on: before any position, in the middle, after all (the seeds' and the fixtures'
#: positions are of 2025; the generated ones of 2021-2025).
DAYS = ("2020-01-01", "2023-06", "2025-06-10", "5 Dec 2025", "2025-12", "2026")


def _questions(path: Path) -> list[list[str]]:
    """positions and gaps, every option, about the dataset's issues and its busiest actors in positions."""
    record = dataset.load(path)
    issues = list(record.issues.values())
    busy = [a for a, _ in Counter(p.actor for p in record.positions).most_common(3)]
    parent = next((i.parent for i in issues if i.parent), issues[0].id)
    asked = [[i.id] for i in issues] + [[issues[0].name.upper()], *([a] for i in issues[:3] for a in i.aliases[:1]),
                                       [parent, "--children"], [parent, "--no-claims"], [parent, "--include-drafts"],
                                       [parent, "--format", "json"], [parent, "--format", "csv", "--children"]]
    asked += [[parent, "--as-of", day, *extra] for day in DAYS
              for extra in ([], ["--children"], ["--no-claims", "--children"], ["--include-drafts", "--children"])]
    for actor in busy:
        asked += [[issues[0].id, "--actor", actor, "--children"], [parent, "--actor", actor, "--as-of", "2025-12"]]
    asked.append([parent, "--children", "--actor", record.actors[busy[0]].name, "--format", "json"])
    gaps = [["--as-of", day, *extra] for day in DAYS for extra in ([], ["--level", "person"], ["--include-drafts"])]
    gaps += [["--as-of", "2025-12-05", "--since", since] for since in ("2020", "2025-06-10", "Sep 2025")]
    gaps += [["--as-of", "2025-12", "--since", "2025-06", "--level", "person", "--format", fmt] for fmt in ("json", "csv")]
    return [["positions", *q] for q in asked] + [["gaps", *q] for q in gaps]


def _refused(path: Path) -> list[list[str]]:
    """Questions the tables leave to the library, which answers them or says what is wrong."""
    issue = next(iter(dataset.load(path).issues))
    return [["positions", "no-such-issue"], ["positions", " "], ["positions", issue, "--actor", "nobody-at-all"],
            ["positions", issue, "--as-of", "not a date"], ["positions", issue, "--as-of", "2025-12/.."],
            ["gaps", "--as-of", "someday"], ["gaps", "--as-of", "2025-06", "--since", "2025-12"]]


@pytest.mark.parametrize("name", DATASETS)
def test_positions_and_gaps_from_the_tables_are_the_librarys_answers(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = DATASETS[name](tmp_path)
    questions, refused = _questions(path), _refused(path)
    library = [(positions, function) for function in ("history", "as_of", "gaps", "find_issue")]
    answered, expected = both_ways(path, questions, refused, library, monkeypatch)
    assert answered == expected
    assert sum(output.count("\n") > 2 for output, _, _ in expected) > len(questions) // 2  # most have answers
    assert any(stderr.startswith("no positions on") for _, stderr, _ in expected)  # and some say why there are none
    unreadable = ("not a date", "someday")   # a usage error (2), naming the option; the others the library's (1)
    assert [code for _, _, code in expected[len(questions):]] == [2 if set(q) & set(unreadable) else 1
                                                                   for q in refused]


def test_the_rules_dataset_asks_what_it_is_meant_to(tmp_path: Path) -> None:
    """The answers that make RULES worth asking, from the tables: a draft moves a chain's end, two positions of
    one day (the later listed holds), a claim stands apart, the envoy's side is the one of each position's date."""
    path = _written(tmp_path, "rules.yaml", RULES)
    assert CliRunner().invoke(cli, ["met", "--data", str(path)]).exit_code == 0
    db = open_tables(path)
    assert db is not None
    try:
        # the envoy belongs to Türkiye as things stand (--actor), to the United States on 16 May (gaps' sides)
        assert [(s.position, s.until) for s in stored.history(db, "Zemlya", actor="turkey") or []] == [("p3", None)]
        assert [(s.position, s.until) for s in stored.history(db, "land", actor="envoy", include_drafts=True) or []] \
            == [("p3", "2025-08-01"), ("p4", None)]
        assert [(s.position, s.claimed_by) for s in stored.as_of(db, "2025-06-30", "east") or []] == [
            ("p9", ()), ("p6", ()), ("p5", ()), ("p7", ("ua",))]
        assert [(g.issue, g.gap, g.sides) for g in stored.gaps(db, "2025-12") or []] == [
            ("land", 6, {"ru": "insists", "us": "leans", "ua": "never"}), ("east", 3.75, {"ru": "leans", "ua": "never"}),
            ("bloc", 2.25, {"tr": "insists", "eu": "leans"})]
        assert stored.stance_labels(db) == {"insists": "Insists", "leans": "Leans towards", "cool": "Cool on",
                                            "never": "Never"}
        assert (stored.first_dated(db), stored.first_dated(db, "bloc")) == ("Mar 2025", "Sep 2025")
    finally:
        db.close()
