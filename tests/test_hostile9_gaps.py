"""``timeline gaps`` measures on the charts' day by default (:func:`timeline.positions.default_as_of`), not today."""
from __future__ import annotations

import json

import pytest

from timeline.dataset import load
from timeline.positions import default_as_of

LINES = ["actors:", "  - {id: russia, kind: state}", "  - {id: ukraine, kind: state}", "sources:",
         "  - {id: src, title: A report}", "issues:", "  - {id: i0, proposition: p0}", "  - {id: i1, proposition: p1}",
         "positions:",
         "  - {id: a, actor: russia, issue: i0, stance: demands, date: 2031-03, sources: [src]}",
         "  - {id: b, actor: ukraine, issue: i0, stance: rejects, date: 2031-04-02, sources: [src]}",
         "  - {id: c, actor: russia, issue: i1, stance: accepts, date: 2031-05/2031-06, sources: [src]}",
         "  - {id: d, actor: ukraine, issue: i1, stance: red_line, date: 2031-06-30, sources: [src]}"]


@pytest.fixture
def later(tmp_path):
    """Positions dated after any day these tests run on: today's gaps would be none."""
    path = tmp_path / "later.yaml"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("env", [{}, {"TIMELINE_NO_CACHE": "1"}], ids=["tables", "library"])
def test_the_default_day_is_the_charts_day(run, later, env):
    assert default_as_of(load(later)).isoformat() == "2031-06-30"  # a span's last day
    default = run("gaps", "--format", "json", data=later, env=env)
    assert (default.exit_code, default.stderr) == (0, "")
    assert [(row["issue"], row["gap"], row["sides"]) for row in json.loads(default.stdout)] == [
        ("i0", 3.0, {"russia": "demands", "ukraine": "rejects"}),
        ("i1", 3.0, {"russia": "accepts", "ukraine": "red_line"})]
    assert default.stdout == run("gaps", "--as-of", "2031-06-30", "--format", "json", data=later, env=env).stdout


def test_the_help_says_so(run):
    text = " ".join(run("gaps", "--help", data=None).stdout.split())
    assert ("--as-of DATE The day to measure the gaps on; by default the day the positions chart and the page show. "
            "[default: (the latest dated position's day)]") in text


def test_no_dated_position_is_one_line(run, tmp_path):
    path = tmp_path / "none.yaml"
    path.write_text("\n".join(LINES[:8]) + "\n", encoding="utf-8")
    result = run("gaps", data=path)
    assert (result.exit_code, result.stderr) == (1, "Error: the dataset records no dated positions\n")
