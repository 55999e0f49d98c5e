"""``timeline draft``, round 12 (draft12): a sentence's events read in parts, and the development set's held-out split.

``sentence_events`` reads the sentence once (``_read``) and each trigger's clause in parts; the status of a
trigger's event is its own function (``_status``), tested here on sentences written for the test. Round 12 moved
the h10 articles to ``tune/``: the held-out set is one round's fresh articles.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_draft_actors8 import seeds

from timeline.draft.events import _read, _status
from timeline.draft.pipeline import draft_article
from timeline.draft.roles import Context
from timeline.draft.sentences import sentences
from timeline.draft.triggers import find_triggers

DEVSET = Path(__file__).resolve().parent / "drafting"
PUBLISHED = dt.date(2025, 12, 3)


def _statuses(text: str) -> list[tuple[str, str | None]]:
    """Each kept trigger of the sentence ``text`` with the status of its clause's event (None: no event)."""
    sentence = next(sentences(text))
    reading = _read(sentence, [], Context(PUBLISHED), find_triggers(sentence.span))
    offset, words = sentence.span.start, reading.words
    found = []
    for trigger in reading.triggers:
        first, last = trigger.span.start - offset, trigger.span.end - offset
        clause_start = max([b + 1 for b in reading.bounds if b < first], default=0)
        right_end = min([b for b in reading.bounds if b >= last] + [len(words)])
        found.append((trigger.type, _status(trigger, words, clause_start, first, last, right_end)))
    return found


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin met Witkoff in Moscow.", [("meeting", "occurred")]),
    ("Putin may meet Witkoff next week.", [("meeting", "planned")]),
    ("They will sign the agreement after they meet in Geneva.", [("agreement_signed", "planned"),
                                                                  ("meeting", "planned")]),
    ("If they meet, nothing will change.", [("meeting", None)]),  # a condition, no event
    ("The ceasefire takes effect on Friday.", [("ceasefire_in_force", "planned")]),
    ("Kyiv is withdrawing from the talks if Moscow does not agree.",  # a threat's cost; a negated agreement
     [("talks_suspended", None), ("agreement", None)]),
])
def test_the_status_of_a_clause(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _statuses(text) == expected


def test_a_sentence_read_in_parts_drafts_what_it_reported_whole() -> None:
    """Status, roles, dates, the chained subject and the attribution, through the parts of ``sentence_events``."""
    text = ("According to Peskov, Putin met Witkoff in Moscow on Tuesday and rejected the plan. "
            "Zelensky will visit Washington on Friday.")
    events = draft_article(text, PUBLISHED, seeds()).events
    assert [(e.type, e.date, e.status, e.roles) for e in events] == [
        ("meeting", "2025-12-02", "occurred", {"participants": ["putin", "witkoff"], "mentioned": ["peskov"]}),
        ("rejection", "2025-12-02", "occurred", {"source": ["putin"], "mentioned": ["peskov"]}),
        ("visit", "2025-12-05", "planned", {"participants": ["zelenskyy"], "host": ["united-states"]}),
    ]


def test_the_heldout_set_is_one_rounds_fresh_articles() -> None:
    """Round 12 moved round 10's h10 articles into tune/: held-out slugs are h11 only, and no slug is in both sets."""
    heldout = {p.stem for p in (DEVSET / "heldout").glob("*.yaml")}
    tune = {p.stem for p in (DEVSET / "tune").glob("*.yaml")}
    assert len(heldout) == 12 and {slug[:4] for slug in heldout} == {"h11-"}
    assert len([s for s in tune if s.startswith("h10-")]) == 12 and not heldout & tune
