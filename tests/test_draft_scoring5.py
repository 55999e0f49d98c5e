"""Round 5 (issue #16): the scorer says why each missed gold event was missed (``--details``), and
drafts without a dataset (``--data none``).

Table of (missed gold event, unmatched drafted events, all drafted events) -> reason.
"""
from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.append(str(ROOT / "bench"))
sd = importlib.import_module("score_drafts")     # bench/score_drafts.py (bench/ is no package)


def item(ident: str, kind: str, day: int | None, *actors: str) -> object:
    start = dt.datetime(2025, 5, day) if day else None
    end = start + dt.timedelta(days=1) if start else None
    return sd.Item(ident, kind, start, end, frozenset(actors))


GOLD = item("g", "meeting", 10, "russia", "ukraine")
REASONS = [
    ([item("p", "meeting", 12, "russia")], [], "date"),                  # type and an actor, other day
    ([item("p", "meeting", 10, "turkey")], [], "actor"),                 # type and day, no shared actor
    ([item("p", "meeting", 12, "turkey")], [], "date+actor"),            # only the type
    ([item("p", "call", 10, "russia")], [], "type"),                     # no drafted meeting left
    ([], [item("m", "call", 10, "ukraine")], "type"),                    # its actors are in the draft
    ([], [item("m", "call", 10, "turkey")], "unseen"),                   # nobody of it in the draft
    ([item("p", "meeting", 12, "turkey"), item("q", "meeting", 14, "ukraine")], [], "date"),  # the nearest wins
]


@pytest.mark.parametrize(("extra", "matched", "reason"), REASONS, ids=[row[2] + str(i) for i, row in enumerate(REASONS)])
def test_why_a_gold_event_was_missed(extra: list, matched: list, reason: str) -> None:
    assert sd.miss_reason(GOLD, extra, [*extra, *matched]) == reason


def test_the_details_end_with_the_reasons_and_none_drafts_without_data(tmp_path: Path) -> None:
    article = sd.Article("tune", "x", tmp_path / "tests" / "drafting" / "tune" / "x.yaml", "2025-05-10", ["seeds"])
    assert sd.data_arguments(article, "none") == []
    article.scored, article.reasons = True, {"date": 1, "unseen": 2}
    article.extra_reasons = {"told again": 2, "type": 1}
    report = sd.markdown([article], ["tune"], details=True)
    assert report.rstrip().endswith("why (the nearest unmatched prediction of their type): "
                                    "date 1, actor 0, date+actor 0, type 0, unseen 2\n"
                                    "- extra events, why: told again 2, date 0, actor 0, type 1, no such event 0")
