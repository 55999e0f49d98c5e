"""Round 14 (judged round 13): no arrow through a label's words; the marks of one day in reading order; a lane
of a few folded sides named by them."""
from __future__ import annotations

import pytest
from judged_charts import COLUMN, chart, dataset, links_through_words

from timeline.render.labels import reading_order
from timeline.render.lanes import lane_name, plan_lanes


@pytest.mark.parametrize(("name", "size"), [("moscow", None), ("chronology", None), ("chronology", COLUMN)])
def test_no_link_passes_through_a_label_s_words(name, size):
    """Judged round 13: the dispute (2 → Pokrovsk) cut "in ending the war" in the Sybiha label."""
    figure = chart(name, size)
    assert [p for p in figure.axes[0].patches if (p.get_gid() or "").startswith("link:")]
    assert not links_through_words(figure)


def test_the_marks_of_one_day_stack_in_reading_order():
    """Judged round 13: on 2 Dec "Witkoff and Kushner meet Putin in Moscow" (part of the trip) was stacked above
    "…travel to Moscow". An event after another by its relations (part of it, an answer to it) comes after it
    in reading order and is drawn beneath it on their day."""
    events = dataset("moscow").events
    place = dict(zip((e.id for e in events), reading_order(events)))
    assert place["us-delegation-moscow-visit"] < place["moscow-talks"]
    assert sorted(place.values()) == list(range(len(events)))
    ax = chart("moscow").axes[0]
    y = {line.get_gid(): line.get_ydata()[0] for line in ax.lines if ":" not in (line.get_gid() or ":")}
    assert y["us-delegation-moscow-visit"] < y["moscow-talks"]          # rows grow downward


def test_a_lane_of_a_few_folded_sides_is_named_by_them():
    """Judged round 13: one lane read "Others / Pro-Ukrainian war mappers, UK" in the 2025 chart and "Pro-Ukrainian
    war mappers" in the Moscow chart. A lane of two folded sides is named by them, as a lane of one is."""
    seed = dataset("seed")
    plan = plan_lanes(seed, seed.events, "side")
    own = {lane_name(seed, a) for a in seed.actors}
    *kept, folded = plan.names
    assert "Others" not in plan.names and set(kept) - {"Between sides"} <= own
    assert all(part in own for part in folded.split(", ")) and len(folded.split(", ")) == 2
    assert plan_lanes(seed, seed.events, "side", most=2).names[-1] == "Others"      # more than two: "Others"
