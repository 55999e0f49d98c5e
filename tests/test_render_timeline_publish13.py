"""Round 14 (judged round 13): no arrow through a label's words; the marks of one day in reading order; a lane
of a few folded sides named by them."""
from __future__ import annotations

import re

import pytest
from judged_charts import COLUMN, chart, dataset, links_through_words, numbers_off_level

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


@pytest.mark.parametrize(("name", "size", "most"), [("moscow", None, 0), ("chronology", None, 1), ("seed", None, 4),
                                                    ("chronology", COLUMN, 7), ("seed", COLUMN, 10)])
def test_numbers_sit_level_with_their_own_marks(name, size, most):
    """Judged round 13: default 13 sat 18 px above its circle, 5 between its circle and a span, chronology 4
    below-right of its circle. A number goes right of its mark, level with it, else left, level (tried before the
    places up or down right); the counts left off level (round 13: 0, 3, 6, 8, 12) may only fall."""
    assert len(numbers_off_level(chart(name, size))) <= most


def test_meetings_and_calls_between_two_sides_read_in_one_grammar():
    """Judged round 13: "Putin–Witkoff, Moscow, 13 Mar 2025", "Putin meets Witkoff, Moscow", "Putin–Trump call"
    and "11 Rubio – Umerov, Yermak, Geneva" in one chart. Derived labels of two people or groups are clauses."""
    figure = chart("chronology")
    texts = [t.get_text().replace("\n", " ") for t in figure.axes[0].texts
             if (t.get_gid() or "").startswith("label:")] + [line for note in figure.texts for line in
                                                              note.get_text().split(";")]
    assert sum("Putin meets Witkoff, Moscow" in t for t in texts) == 4
    assert "Putin speaks to Trump by phone" in texts
    assert not [t for t in texts if re.search(r"\b[A-Z]\w+ ?– ?[A-Z]\w+(, [A-Z]\w+)*(, [A-Z][a-z]+| call)\b", t)]
