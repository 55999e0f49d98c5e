"""``timeline draft``, round 10: the event-type model (``timeline/draft/classify.py``).

Its weights are plain JSON read without scikit-learn; a sentence's probabilities are the logistic of summed
weights; a sentence the rules draft nothing from gets the model's type when the model is sure. Sentences
written for the test.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from timeline.dataset import load
from timeline.draft import classify, draft_article
from timeline.draft.classify import ENVIRONMENT, WEIGHTS, Model, features, sentence_types
from timeline.draft.sentences import sentences
from timeline.vocabulary import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
TEXTS = Path("/work/devset-texts")


def _sentence(text: str):  # noqa: ANN202 - a Sentence
    return next(sentences(text))


def test_the_weights_file_is_plain_data() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(data) == {"types", "bias", "weights"}
    assert set(data["types"]) <= set(EVENT_TYPES) and len(data["bias"]) == len(data["types"])
    assert all(isinstance(b, float) for b in data["bias"])
    for feature, weights in data["weights"].items():
        assert isinstance(feature, str) and set(weights) <= set(data["types"])
        assert all(isinstance(w, float) and abs(w) >= 0.05 for w in weights.values())


def test_the_model_scores_without_scikit_learn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading and applying the weights imports no scikit-learn (an import of it would raise here)."""
    monkeypatch.setitem(sys.modules, "sklearn", None)
    classify._load.cache_clear()  # the weights read again, as in a fresh process
    scores = sentence_types(_sentence("Putin met Witkoff in Moscow on Tuesday."))
    assert max(scores, key=scores.__getitem__) == "meeting"
    assert sys.modules["sklearn"] is None


def test_scores_are_the_logistic_of_the_summed_weights() -> None:
    model = Model({"types": ["meeting", "statement"], "bias": [-1.0, 0.5],
                   "weights": {"w=met": {"meeting": 3.0}, "w=said": {"statement": 1.0, "meeting": -0.5}}})
    scores = model.scores(["w=met", "w=met", "w=unknown"])  # a feature counts once; an unknown one weighs nothing
    assert scores == {"meeting": pytest.approx(1 / (1 + math.exp(-2.0))),
                      "statement": pytest.approx(1 / (1 + math.exp(-0.5)))}
    assert model.scores(["w=said"])["meeting"] == pytest.approx(1 / (1 + math.exp(1.5)))


def test_a_file_that_is_not_weights_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text('{"types": ["meeting"]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"w\.json: not an event-type weights file \('bias'\)"):
        Model.load(path)


def test_the_features_of_a_sentence() -> None:
    assert features(_sentence('Putin may meet Zelensky, "soon".')) == [
        "w=putin", "w=may", "w=meet", "w=zelensky", "w=soon", "s=zelen",
        "b=putin may", "b=may meet", "b=meet zelensky", "b=zelensky soon",
        "r=meeting", "t=meeting=meet", "m=planned", "m=quote"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin met Witkoff in Moscow on Tuesday.", [("meeting", 0.466), ("claim", 0.031)]),
    ("Peskov said the Kremlin saw no clear outlines of a deal.", [("statement", 0.859), ("threat", 0.015)]),
    ("The two sides signed a ceasefire agreement in Doha.", [("agreement_signed", 0.608), ("meeting", 0.045)]),
])
def test_the_shipped_model_on_known_sentences(text: str, expected: list[tuple[str, float]]) -> None:
    """The shipped weights' two likeliest types (a retrained model changes these figures: update them with it)."""
    scores = sentence_types(_sentence(text))
    assert [(kind, round(p, 3)) for kind, p in sorted(scores.items(), key=lambda x: -x[1])[:2]] == expected


@pytest.fixture
def meeting_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-type model for the test: "discussed" makes a meeting (probability 0.73)."""
    path = tmp_path / "types.json"
    path.write_text(json.dumps({"types": ["meeting"], "bias": [-5.0], "weights": {"w=discussed": {"meeting": 6.0}}}),
                    encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(path))
    return path


@pytest.mark.parametrize(("text", "expected"), [
    ("Witkoff and Putin discussed the plan in Moscow on Tuesday.",
     [("meeting", "2025-12-02", "occurred", {"participants": ["witkoff", "putin"]}, 0.37)]),
    ("Witkoff and Putin will discuss the plan.",  # no "discussed": the model is not sure
     []),
    ("Witkoff and Putin discussed nothing new, not even the plan.", []),  # negated
    ("Witkoff discussed the plan.", []),  # a meeting needs two sides
])
def test_a_sentence_the_rules_draft_nothing_from(meeting_model: Path, text: str, expected: list) -> None:
    events = draft_article(text, dt.date(2025, 12, 3), load(SEEDS)).events
    assert [(e.type, e.date, e.status, e.roles, e.confidence) for e in events] == expected


def test_without_a_model_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENVIRONMENT, "none")
    text = "Witkoff and Putin discussed the plan in Moscow on Tuesday. Putin met Witkoff on Wednesday."
    assert [e.type for e in draft_article(text, dt.date(2025, 12, 3), load(SEEDS)).events] == ["meeting"]


def _train_types():  # noqa: ANN202 - bench/train_types.py as a module
    spec = importlib.util.spec_from_file_location("train_types", ROOT / "bench" / "train_types.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic() -> None:
    pytest.importorskip("sklearn")
    train = _train_types().train
    data = [(["w=met", "w=in"], {"meeting"}), (["w=met", "w=on"], {"meeting"}), (["w=said", "w=in"], {"statement"}),
            (["w=said", "w=on"], {"statement"}), (["w=the", "w=in"], set())] * 4
    model = train(data)
    assert model == train(data)
    assert model["types"] == ["meeting", "statement"]
    assert model["weights"]["w=met"]["meeting"] > 1 > 0 > model["weights"]["w=met"]["statement"]
    assert Model(model).scores(["w=said"])["statement"] > 0.5 > Model(model).scores(["w=the"])["statement"]


@pytest.mark.skipif(not (TEXTS / "tune").is_dir(), reason="the tune texts are kept out of the repository")
def test_the_shipped_weights_are_reproduced(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "types.json"
    _train_types().main(["--texts", str(TEXTS), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == WEIGHTS.read_text(encoding="utf-8")
