"""Round 13 (judged round 12): a link's head ends on its own mark (:func:`judged_charts.link_faults`); no label
over an axis break's hatch; a subtitle reads "211 events in 2025"; lanes take the height their rows need; a
stack's "×2" sits right of its own mark."""
from __future__ import annotations

import pytest
from judged_charts import COLUMN, SLIDE, chart, link_faults


@pytest.mark.parametrize(("name", "size"), [("chronology", None), ("chronology", COLUMN), ("moscow", None)])
def test_a_link_s_head_ends_on_its_own_mark(name, size):
    """Judged round 12: the dispute from 'Annexation rejected' ended on the bracket of the power-grid span
    beneath the annexation square (read as disputing the strikes)."""
    assert not link_faults(chart(name, size))
