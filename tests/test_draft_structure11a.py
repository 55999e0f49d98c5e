"""``timeline draft``, round 11 (draft11): the trigger matcher runs once per sentence, for the rules and the model.

The pipeline reads a sentence's triggers once and passes them to the rules (:func:`sentence_events`) and to the
event-type model's features (:func:`classify.propose`); the sentences are written for the test.
"""
from __future__ import annotations

import datetime as dt

import pytest
from test_draft_actors8 import seeds

from timeline.draft import classify, pipeline
from timeline.draft.classify import features
from timeline.draft.pipeline import draft_article
from timeline.draft.sentences import sentences
from timeline.draft.triggers import find_triggers

TEXT = "Putin met Witkoff in Moscow on Tuesday. Witkoff and Putin discussed the plan. The weather was fine."


def test_features_from_triggers_read_once_are_the_features_read_again() -> None:
    sentence = next(sentences('Putin may meet Zelensky, "soon".'))
    assert features(sentence, find_triggers(sentence.span)) == features(sentence)


def test_the_matcher_runs_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(span):  # noqa: ANN001, ANN202 - spaCy's Span, a list of triggers
        calls.append(span.text)
        return find_triggers(span)

    monkeypatch.setattr(pipeline, "find_triggers", counted)
    monkeypatch.setattr(classify, "find_triggers", lambda span: pytest.fail(f"matched again: {span.text}"))
    events = draft_article(TEXT, dt.date(2025, 12, 3), seeds()).events
    assert calls == [s.text for s in sentences(TEXT)]
    assert [(e.type, e.date, e.roles) for e in events] == [
        ("meeting", "2025-12-02", {"participants": ["putin", "witkoff"]})]
