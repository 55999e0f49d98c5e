"""``timeline draft``, round 9: sentences. A title abbreviated before a name ends no sentence ("Lt. Gen. Rajiv
Ghai", "Amb. Keter"), and a line printed twice is one telling. Texts written for the test."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.draft import draft_article
from timeline.draft.sentences import sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Lt. Gen. Rajiv Ghai spoke to Maj. Gen. Kashif Abdullah. The talks ended.",
     ["Lt. Gen. Rajiv Ghai spoke to Maj. Gen. Kashif Abdullah.", "The talks ended."]),
    ("Brig. Gen. Ali met Col. Bashir on Monday. Capt. Musa left.",
     ["Brig. Gen. Ali met Col. Bashir on Monday.", "Capt. Musa left."]),
    ("Amb. Keter met Pres. Kiir. Forces of Lt.-Gen. Haftar advanced.",
     ["Amb. Keter met Pres. Kiir.", "Forces of Lt.-Gen. Haftar advanced."]),
    # spaCy's own exceptions still hold
    ("Gen. Sumbeiywo met Mr. Lavrov on Jan. 5. Dr. Lomuro spoke.",
     ["Gen. Sumbeiywo met Mr. Lavrov on Jan. 5.", "Dr. Lomuro spoke."]),
    # a line repeated word for word is read once; a heading without final punctuation is left out
    ("Talks in Juba\nKiir met Keter.\nKiir  met Keter.\nThey agreed.",
     ["Kiir met Keter.", "They agreed."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(text)] == expected


def test_a_meeting_told_after_titles_is_drafted() -> None:
    text = "Amb. Charles Keter met Pres. Salva Kiir in Juba on Tuesday."
    events = draft_article(text, dt.date(2024, 11, 29), load(SEEDS)).events
    assert [(e.type, e.date, e.roles) for e in events] == \
        [("meeting", "2024-11-26", {"participants": ["keter", "kiir"]})]
