"""A sentence's event types by a linear model trained on the hand-annotated tune articles (issue #16, round 10).

The model is one logistic regression per event type (one-vs-rest) over sparse binary features of the
sentence (:func:`features`): its words, their first five letters, word pairs, the types the rule
triggers (:mod:`timeline.draft.triggers`) find in it and modality cues. It is trained offline by
``bench/train_types.py`` (scikit-learn, the ``train`` extra) and shipped as plain data,
``types_model.json`` beside this module: ``{"types": [...], "bias": [...], "weights": {feature:
{type: weight}}}``, no pickle. Applying it is a sum of weights and a logistic function: no
scikit-learn at run time.

The environment variable ``TIMELINE_DRAFT_TYPES`` names another weights file (the cross-validation of
``bench/train_types.py --folds`` drafts each fold with a model that never saw it), or ``none`` to draft
with the rules alone.
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.draft import modality
from timeline.draft.clause_facts import place
from timeline.draft.clauses import QUOTE
from timeline.draft.dates import bound, find_dates
from timeline.draft.drafted import Drafted
from timeline.draft.modality import NEGATIONS, PLANNED_WORDS, PROPOSED_WORDS, REFERENCES
from timeline.draft.triggers import Trigger, find_triggers
from timeline.vocabulary import EVENT_TYPES

if TYPE_CHECKING:
    from timeline.draft.actors import Mention
    from timeline.draft.roles import Context
    from timeline.draft.sentences import Sentence

#: The shipped weights file.
WEIGHTS = Path(__file__).with_name("types_model.json")
#: The environment variable naming another weights file, or ``none``.
ENVIRONMENT = "TIMELINE_DRAFT_TYPES"
#: Letters kept of a word as its crude stem ("negotiations", "negotiated" -> "negot").
STEM = 5


class Model:
    """Per-type weights of sparse binary features; :meth:`scores` gives each type's probability (0-1)."""

    def __init__(self, data: dict) -> None:
        self.types: list[str] = list(data["types"])
        self.bias: dict[str, float] = dict(zip(self.types, data["bias"]))
        self.weights: dict[str, dict[str, float]] = data["weights"]

    @classmethod
    def load(cls, path: Path) -> Model:
        """The model in the JSON file at ``path``; ValueError (with the path) if it is not one."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}: not an event-type weights file ({error})") from error

    def scores(self, found: list[str]) -> dict[str, float]:
        """Each type's probability for a sentence of features ``found`` (unknown features weigh nothing)."""
        totals = dict(self.bias)
        for feature in set(found):
            for kind, weight in self.weights.get(feature, {}).items():
                totals[kind] += weight
        return {kind: 1 / (1 + math.exp(-min(max(total, -30.0), 30.0))) for kind, total in totals.items()}

    def strongest(self, words: list[str], kind: str) -> str | None:
        """Of ``words``, the one whose feature ``w=`` weighs most for ``kind`` (None if none weighs for it)."""
        weights = [(self.weights.get(f"w={w}", {}).get(kind, 0.0), w) for w in words]
        best = max(weights, default=(0.0, None))
        return best[1] if best[0] > 0 else None


@lru_cache(maxsize=4)
def _load(path: str) -> Model | None:
    return None if path.lower() == "none" else Model.load(Path(path))


def model() -> Model | None:
    """The model in use: the shipped one, or the file ``TIMELINE_DRAFT_TYPES`` names (None for ``none``)."""
    return _load(os.environ.get(ENVIRONMENT) or str(WEIGHTS))


def features(sentence: Sentence, triggers: list[Trigger] | None = None) -> list[str]:
    """The sparse features of ``sentence``: ``w=`` words, ``s=`` stems, ``b=`` word pairs, ``r=`` rule types, ``m=`` cues.

    Words are spaCy's tokens in lower case, punctuation left out (a quotation mark is the cue ``m=quote``);
    ``triggers`` are the sentence's rule triggers where the caller has read them (else they are read here).
    """
    tokens = [t.lower_ for t in sentence.span]
    words = [w for w in tokens if any(c.isalnum() for c in w)]
    found = [f"w={w}" for w in words] + [f"s={w[:STEM]}" for w in words if len(w) > STEM]
    found += [f"b={a} {b}" for a, b in zip(words, words[1:])]
    for trigger in find_triggers(sentence.span) if triggers is None else triggers:
        found.append(f"r={trigger.type}{':noun' if trigger.nominal else ''}")
        found.append(f"t={trigger.type}={trigger.span[0].lower_}")
    cues = {"planned": PLANNED_WORDS, "proposed": PROPOSED_WORDS, "negated": NEGATIONS, "reference": REFERENCES}
    found += [f"m={name}" for name, cue in cues.items() if cue & set(words)]
    if {'"', "“", "”"} & set(tokens):
        found.append("m=quote")
    return found


def sentence_types(sentence: Sentence) -> dict[str, float]:
    """Each event type's probability for ``sentence`` by the model in use; empty without one."""
    current = model()
    return current.scores(features(sentence)) if current else {}


#: The probability from which the model's likeliest type for a sentence the rules drafted nothing from is drafted.
SURE = 0.7


def propose(sentence: Sentence, mentions: list[Mention], context: Context, triggers: list[Trigger]) -> list[Drafted]:
    """An event of the model's likeliest type for a sentence the rules drafted nothing from; [] if unsure.

    The type is the one the model gives at least :data:`SURE`; its parties are the actors the sentence
    names outside quotations and places ("in Moscow"), in order: two or more for a symmetric type, all
    participants; for the others the first is the source, the rest the target. Its status is read from the
    sentence's words by :func:`timeline.draft.modality.status` (no event if a word negates); its date is the
    sentence's first explicit date, else bounded by publication; its confidence the model's probability, halved;
    its trigger the sentence's word that weighs most for the type. It is told as a noun (no verb was read).
    """
    current = model()
    scores = current.scores(features(sentence, triggers)) if current else {}
    kind = max(scores, key=scores.__getitem__, default=None)
    if current is None or kind is None or scores[kind] < SURE:
        return []
    words = [t.lower_ for t in sentence.span]
    status = None if NEGATIONS & set(words) else modality.status(kind, modality.modal_words(words), "", len(words))
    parties = list(dict.fromkeys(m.actor for m in mentions if _party(sentence, m.start)))
    if status is None or len(parties) < (2 if EVENT_TYPES[kind].symmetric else 1):
        return []
    roles = {"participants": parties} if EVENT_TYPES[kind].symmetric else \
        {"source": parties[:1], **({"target": parties[1:]} if parties[1:] else {})}
    future = status in ("planned", "proposed")
    dated = [d for d in find_dates(sentence.text, context.published, future, 0, context.anchor) if d.explicit]
    word = current.strongest(words, kind) or ""
    at = next((t.idx - sentence.start + sentence.origin for t in sentence.span if t.lower_ == word), 0)
    return [Drafted(kind, dated[0].edtf if dated else bound(context.published, future), status, roles,
                    sentence.text, sentence.start, sentence.end, sentence.text[at:at + len(word)],
                    round(scores[kind] / 2, 2), location=place(sentence, 0, len(sentence.span)), at=at,
                    nominal=True, explicit=bool(dated), reach=len(sentence.text))]


def _party(sentence: Sentence, start: int) -> bool:
    """Whether the name at article offset ``start`` may be a party: not quoted, not a place ("in Moscow")."""
    at = start - sentence.start
    before = sentence.text[:at].split()[-1:]
    return before not in (["in"], ["at"], ["near"]) and not any(m.start() <= at < m.end()
                                                                for m in QUOTE.finditer(sentence.text))
