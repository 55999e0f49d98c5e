"""The store's tables (timeline.index) answer met and contested exactly as the library does, byte for byte.

Each question runs twice in the command line: once answered from the
tables (the first run writes them; the library's ``query.met`` is then
made to fail, so a fallback would show), once with ``TIMELINE_NO_CACHE=1``
(the library on the loaded record). Output and messages must be equal.
"""
from __future__ import annotations

import functools
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.export_cases import HOSTILE, TRICKY
from tests.store_cases import cache_home  # noqa: F401 (a private cache for each test)
from timeline import dataset, query
from timeline.cli import cli
from timeline.graph import shared_graphs
from timeline.index import open_tables

ROOT = Path(__file__).resolve().parent.parent

#: Meetings that exercise every rule of met: a mediator, a visit, a planned and a proposed meeting, a draft,
#: a delegation and its members, a dated affiliation, a name with an accent and an alias.
RULES = """
actors:
  - {id: us, name: United States, kind: state}
  - {id: ua, name: Ukraine, kind: state}
  - {id: ru, name: Russia, kind: state}
  - {id: tr, name: Türkiye, kind: state, aliases: [Turkey]}
  - {id: fidan, name: Hakan Fidan, affiliation: tr}
  - {id: umerov, name: Rustem Umerov, affiliation: ua}
  - {id: medinsky, name: Vladimir Medinsky, affiliation: ru}
  - {id: ua-delegation, name: Ukrainian delegation, kind: group, affiliation: ua}
  - {id: envoy, name: Envoy Élan, affiliation: [{actor: us, until: 2025-07-01}, {actor: tr, from: 2025-07-01}]}
events:
  - {id: istanbul, type: meeting, date: 2025-05-16, participants: [umerov, medinsky, ua-delegation],
     mediator: [fidan], host: tr, location: Istanbul}
  - {id: visit-kyiv, type: visit, date: 2025-06, participants: [envoy], host: [umerov], location: Kyiv}
  - {id: later-visit, type: visit, date: 2025-09-02, participants: [envoy], host: [medinsky]}
  - {id: planned-one, type: meeting, date: 2025-12-20, status: planned, participants: [envoy, umerov]}
  - {id: proposed-one, type: meeting, date: 2026, status: proposed, participants: [envoy, medinsky]}
  - {id: call-1, type: call, date: 2025-07-01/2025-07-03, participants: [umerov, envoy], status: disputed}
  - {id: draft-call, type: call, date: 2025-08-01, participants: [fidan, medinsky], draft: true}
  - {id: open-end, type: meeting, date: 2025-11/.., participants: [ua, ru]}
  - {id: claim-1, type: claim, date: 2025-10-03, source: [ru], summary: "Took a village."}
  - {id: denial-1, type: denial, date: 2025-10-04, source: [ua], summary: "No.",
     related: [{relation: disputes, event: claim-1}]}
  - {id: denial-2, type: denial, date: 2025-10-05, source: [umerov, ua], summary: "Still no.",
     related: [{relation: disputes, event: claim-1}, {relation: disputes, event: call-1}]}
  - {id: draft-denial, type: denial, date: 2025-10-06, source: [tr], draft: true, summary: "Draft.",
     related: [{relation: disputes, event: istanbul}]}
"""


def _generated(tmp_path: Path) -> Path:
    out = tmp_path / "generated"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--events", "1500", "--out", str(out),
                    "--seed", "7"], check=True, capture_output=True)
    return out


def _written(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


DATASETS = {
    "seeds": lambda tmp: ROOT / "seeds",
    "moscow": lambda tmp: ROOT / "seeds" / "moscow-talks-2025-12.yaml",
    "istanbul": lambda tmp: ROOT / "tests" / "reporting" / "istanbul-talks-2025-05-16.yaml",
    "gaza": lambda tmp: ROOT / "tests" / "reporting" / "gaza-plan-2025.yaml",
    "war": lambda tmp: ROOT / "tests" / "reporting" / "russia-ukraine-chronology.yaml",
    "chronology": lambda tmp: ROOT / "tests" / "charts" / "chronology.yaml",
    "negotiation": lambda tmp: ROOT / "tests" / "data" / "negotiation.yaml",
    "hostile": lambda tmp: _written(tmp, "hostile.yaml", HOSTILE),
    "tricky": lambda tmp: _written(tmp, "tricky.yaml", TRICKY),
    "rules": lambda tmp: _written(tmp, "rules.yaml", RULES),
    "generated": _generated,
}


def _questions(path: Path) -> list[list[str]]:
    """The met questions to ask of the dataset at ``path``: every option, about its busiest actors."""
    record = dataset.load(path)
    busy = [a for a, _ in Counter(a for e in (*record.events, *record.drafts) for a in e.actors()).most_common(3)]
    actor = busy[0] if busy else next(iter(record.actors))
    name = record.actors[actor].name.upper()
    other = next((m.actors[1] for m in query.met(record, actor, include_planned=True)), None)
    asked = [[], [actor], [name], [actor, "--level", "state"], [actor, "--include-planned"],
             [actor, "--counterparts"], [actor, "--since", "2025-06", "--until", "2025-12-15"],
             [actor, "--type", "call"], [actor, "--include-drafts"], ["--level", "state", "--include-planned"],
             ["--since", "Dec 2025"], ["--until", "2025-05"], *([b] for b in busy[1:])]
    if other:
        asked += [[actor, other], [other, actor, "--include-planned"]]
    formats = [[actor, "--format", fmt] for fmt in ("json", "csv")] + [["--format", fmt] for fmt in ("json", "csv")]
    contests = [[], ["--include-drafts"], ["--since", "2025-06"], ["--until", "Nov 2025"], ["--format", "json"],
                ["--format", "csv", "--include-drafts"]]
    return [["met", *q] for q in (*asked, *formats)] + [["contested", *q] for q in contests]


@pytest.mark.parametrize("name", DATASETS)
def test_met_and_contested_from_the_tables_are_the_librarys_answers(name: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = DATASETS[name](tmp_path)
    questions = _questions(path)
    runner = CliRunner()
    expected = library_answers(runner, path, questions, monkeypatch)
    with monkeypatch.context() as patched:
        patched.setattr(query, "met", _no_library)
        patched.setattr(query, "contested", _no_library)
        answered = [_run(runner, path, question) for question in questions]
    assert answered == expected
    assert any(output.count("\n") > 2 for output, _, _ in expected)  # some questions have answers


def library_answers(runner: CliRunner, path: Path, questions: list[list[str]],
                    monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int]]:
    """Write the tables of ``path`` (one ``met``), then ask each question of the library (``TIMELINE_NO_CACHE``).

    The library's record is read from the files once for all the questions, and its graphs made once
    (:func:`timeline.graph.shared_graphs`): the questions only read them, and a question that changed them
    would make the library's later answers differ from the tables'."""
    first = runner.invoke(cli, ["met", "--data", str(path)])
    assert first.exit_code == 0, first.output
    assert open_tables(path) is not None
    with monkeypatch.context() as patched:
        patched.setenv("TIMELINE_NO_CACHE", "1")
        patched.setattr(dataset, "load", functools.cache(dataset.load))  # read once, not once a question
        with shared_graphs():  # and its actor graphs made once, as timeline build does
            return [_run(runner, path, question) for question in questions]


def both_ways(path: Path, questions: list[list[str]], refused: list[list[str]], library: list[tuple[object, str]],
              monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    """Each question's (stdout, stderr, exit code) from the tables and from the library (``TIMELINE_NO_CACHE``).

    From the tables, the functions ``library`` names (owner, name) are made to fail, so a fallback shows;
    the ``refused`` questions, and those the library refuses, are asked without that (the library words
    their errors)."""
    runner = CliRunner()
    expected = library_answers(runner, path, [*questions, *refused], monkeypatch)
    with monkeypatch.context() as patched:
        for owner, name in library:
            patched.setattr(owner, name, _no_library)
        answered = [_run(runner, path, question) if code == 0 else None
                    for question, (_, _, code) in zip(questions, expected, strict=False)]
    answered = [_run(runner, path, question) if found is None else found
                for question, found in zip((*questions, *refused), [*answered, *[None] * len(refused)], strict=True)]
    return answered, expected


def _run(runner: CliRunner, path: Path, question: list[str]) -> tuple[str, str, int]:
    result = runner.invoke(cli, [*question, "--data", str(path)], env={"COLUMNS": "100"})
    return result.stdout, result.stderr, result.exit_code


def _no_library(*args: object, **kwargs: object) -> None:
    raise AssertionError("answered by the library, not the store's tables")
