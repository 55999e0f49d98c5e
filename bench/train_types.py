"""Train the event-type classifier of ``timeline draft`` on the tune annotations (issue #16, round 10).

    pip install -e '.[draft,train]'
    python bench/train_types.py --texts /work/devset-texts            # writes timeline/draft/types_model.json
    python bench/train_types.py --texts /work/devset-texts --folds 5  # leave-articles-out cross-validation

Each sentence of a tune article (:func:`timeline.draft.sentences.sentences`) is an example; its labels
are the types of the gold events whose ``notes`` quote it (the notes quote the text, fragments joined
by "..."); a sentence no gold event quotes is a negative for every type. One logistic regression per
type (one-vs-rest, liblinear, fixed seed: the same data gives the same weights) over the features of
:func:`timeline.draft.classify.features`; the weights are written as JSON (no pickle), rounded, those
near zero left out.

``--folds K`` splits the articles into K folds (every K-th article by name), trains on K-1, drafts the
held-out fold with ``timeline draft`` in this process with that model (``TIMELINE_DRAFT_TYPES``),
and scores it as ``bench/score_drafts.py`` does; beside it the same fold drafted with the rules alone.
Only ``tune/`` is read: the heldout set is the lead's.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from timeline.draft.classify import ENVIRONMENT, WEIGHTS, features
from timeline.draft.sentences import sentences

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score_drafts  # noqa: E402 - the scorer beside this script

#: Types with fewer gold sentences than this are not learnt (too few to say anything).
MIN_EXAMPLES = 4
#: Features seen in fewer training sentences than this are left out.
MIN_COUNT = 2
#: Weights nearer zero than this are left out of the file (0.02 gives the same cross-validated counts and a file
#: twice as large); the rest are rounded to 4 decimals.
KEEP = 0.05
#: Inverse regularisation strength of the logistic regressions.
STRENGTH = 3.0
_PIECES = re.compile(r"\s*(?:\.\.\.|…)\s*")
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _flat(text: str) -> str:
    """``text`` with curly quotes straight and each run of spaces one (offsets not kept)."""
    return re.sub(r"\s+", " ", text.translate(_FOLD))


def labelled(gold: Path, text: str) -> tuple[list[tuple[list[str], set[str]]], int, int]:
    """The sentences of one article as (features, gold types) and how many gold events were placed, of how many.

    A gold event is placed in every sentence one of its notes' fragments (of 12 characters or more) lies in.
    """
    told = list(sentences(text))
    flats = [_flat(s.text) for s in told]
    labels: list[set[str]] = [set() for _ in told]
    events = (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("events") or []
    placed = 0
    for event in events:
        pieces = [_flat(p).strip(" \"'") for p in _PIECES.split(str(event.get("notes") or ""))]
        where = {n for piece in pieces if len(piece) >= 12 for n, flat in enumerate(flats)
                 if piece in flat or flat in piece}
        for number in where:
            labels[number].add(event["type"])
        placed += bool(where)
    return [(features(s), kinds) for s, kinds in zip(told, labels)], placed, len(events)


def examples(articles: list[score_drafts.Article]) -> list[tuple[list[str], set[str]]]:
    """Every sentence of ``articles`` (those with a text) as (features, gold types)."""
    found = []
    for article in articles:
        if article.text is not None:
            found += labelled(article.gold_path, article.text.read_text(encoding="utf-8"))[0]
    return found


def train(data: list[tuple[list[str], set[str]]]) -> dict:
    """The weights file's mapping learnt from ``data`` (scikit-learn's LogisticRegression per type)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for found, _ in data for f in set(found))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: n for n, f in enumerate(vocabulary)}
    rows, cols = [], []
    for row, (found, _) in enumerate(data):
        for number in sorted({column[f] for f in found if f in column}):
            rows.append(row)
            cols.append(number)
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocabulary)))
    sizes = Counter(kind for _, kinds in data for kind in kinds)
    types = sorted(kind for kind, n in sizes.items() if n >= MIN_EXAMPLES)
    bias, weights = [], {}
    for kind in types:
        target = np.array([kind in kinds for _, kinds in data], dtype=int)
        fitted = LogisticRegression(C=STRENGTH, solver="liblinear", random_state=0, max_iter=1000)
        fitted.fit(matrix, target)
        bias.append(round(float(fitted.intercept_[0]), 4))
        for number, weight in enumerate(fitted.coef_[0]):
            if abs(weight) >= KEEP:
                weights.setdefault(vocabulary[number], {})[kind] = round(float(weight), 4)
    return {"types": types, "bias": bias, "weights": dict(sorted(weights.items()))}


def write(model: dict, path: Path) -> None:
    """Write ``model`` as JSON: one feature a line, so that a change of weights reads as a diff."""
    lines = [f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps(w, sort_keys=True)}" for f, w in model["weights"].items()]
    path.write_text('{\n  "types": ' + json.dumps(model["types"]) + ',\n  "bias": ' + json.dumps(model["bias"])
                    + ',\n  "weights": {\n' + ",\n".join("  " + line for line in lines) + "\n  }\n}\n",
                    encoding="utf-8")


def folds(articles: list[score_drafts.Article], count: int) -> list[list[score_drafts.Article]]:
    """``count`` folds of the articles that have a text: every ``count``-th article by name."""
    scored = sorted((a for a in articles if a.text is not None), key=lambda a: a.slug)
    return [scored[n::count] for n in range(count)]


def _score(articles: list[score_drafts.Article], weights: str) -> score_drafts.Score:
    """The micro-averaged strict score of ``articles`` drafted in process with the weights file ``weights``."""
    os.environ[ENVIRONMENT] = weights
    args = score_drafts.parse_args(["--sets", "tune", "--command", "in-process"])
    for article in articles:
        article.scored = False
    score_drafts.evaluate(articles, args)
    total = score_drafts.Score()
    for article in articles:
        total += article.strict
    return total


def cross_validate(articles: list[score_drafts.Article], count: int) -> list[str]:
    """Markdown rows: per fold, the rules alone and the rules with a model trained on the other folds."""
    rows = ["| fold | articles | gold | rules alone: pred / matched / F1 | with the model: pred / matched / F1 |",
            "|---|---:|---:|---:|---:|"]
    parts = folds(articles, count)
    sums = [score_drafts.Score(), score_drafts.Score()]
    with tempfile.TemporaryDirectory(prefix="train-types-") as folder:
        for number, held in enumerate(parts):
            training = [a for part in parts if part is not held for a in part]
            path = Path(folder) / f"fold{number}.json"
            write(train(examples(training)), path)
            alone, model = _score(held, "none"), _score(held, str(path))
            sums[0] += alone
            sums[1] += model
            rows.append(f"| {number + 1} | {len(held)} | {alone.gold} | {alone.predicted} / {alone.matched} / "
                        f"{alone.f1:.3f} | {model.predicted} / {model.matched} / {model.f1:.3f} |")
    rows.append(f"| **all** | {sum(map(len, parts))} | {sums[0].gold} | {sums[0].predicted} / {sums[0].matched} / "
                f"**{sums[0].f1:.3f}** | {sums[1].predicted} / {sums[1].matched} / **{sums[1].f1:.3f}** |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=score_drafts.DEVSET, help="folder with tune/")
    parser.add_argument("--texts", type=Path, action="append", default=[], help="folder of texts (repeatable)")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="the weights file (default: the shipped one)")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate over this many folds of articles")
    args = parser.parse_args(argv)
    articles = score_drafts.find_articles(args.devset, ["tune"], args.texts)
    if args.folds:
        print("\n".join(cross_validate(articles, args.folds)))
        return 0
    placed = total = 0
    data = []
    for article in (a for a in articles if a.text is not None):
        found, here, events = labelled(article.gold_path, article.text.read_text(encoding="utf-8"))
        data += found
        placed, total = placed + here, total + events
    model = train(data)
    write(model, args.out)
    print(f"{len(data)} sentences, {sum(bool(k) for _, k in data)} with gold events; {placed} of {total} gold "
          f"events placed; {len(model['types'])} types, {len(model['weights'])} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
