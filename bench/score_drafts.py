"""Score ``timeline draft`` against the hand-annotated development set (issue #16).

    python bench/score_drafts.py                         # runs `timeline draft` on every article
    python bench/score_drafts.py --sets tune             # the pipeline's own engineer: tune/ only
    python bench/score_drafts.py --set heldout --texts /work/devset-texts   # one set (the lead)
    python bench/score_drafts.py --texts /work/devset-texts   # texts kept out of the repository
    python bench/score_drafts.py --command "python -m timeline draft" --keep /tmp/drafts
    python bench/score_drafts.py --sets tune --command in-process   # the same, one process: while tuning
    python bench/score_drafts.py --drafts /tmp/drafts    # score drafts written earlier
    python bench/score_drafts.py --baseline empty        # the floor: a draft with no events
    python bench/score_drafts.py --json                  # the same figures as JSON
    python bench/score_drafts.py --sets tune --details   # which events were missed or extra, and why
    python bench/score_drafts.py --breakdown             # each set's misses by cause and type (counts only)
    python bench/score_drafts.py --sets tune --data none # every article drafted without a dataset

The articles are ``tests/drafting/<set>/<slug>.yaml`` (gold) with their text in
``<slug>.txt`` beside them or in a ``--texts`` folder (``DIR/<set>/<slug>.txt`` or
``DIR/<slug>.txt``); an article without text is skipped, and the report says so. The command
runs as ``COMMAND TEXT --published DATE --data DATA [--data DATA ...] -o OUT``, where the DATA
are the article's own: a line ``# data: PATH[, PATH ...]`` in the gold file's header comment
(paths from the root of the repository holding ``tests/drafting/``) names the datasets its
drafts are made against; without it, the ``--data`` option (default ``seeds``) is used.

A predicted event **matches** a gold event when the types are equal, the date spans overlap
(EDTF bounds from :mod:`timeline.dates`; an open end overlaps everything on its side) and they
share at least one actor in any role. Each event matches at most one other: the pairs are a
maximum bipartite matching (augmenting paths in the order the events are told: the first told of two
equal drafts takes the gold event, the same in every run), so the count of matches is the largest
possible. Actors are the same when their ids are equal, or when the draft proposes a new actor
(one it lists under ``actors:``) whose id or name folds (:func:`timeline.names.fold`: case,
accents, hyphens) to the id, name or an alias of exactly one actor the gold file defines: the
ids a draft gives actors its dataset lacks are its own choice ("benjamin-netanyahu"), so they
are matched by name, as the pipeline matches names to a dataset. Precision = matches /
predicted, recall = matches / gold, F1 their harmonic mean; per article, and micro-averaged
over each set (sums of the three counts). A *lenient* line, secondary and labelled so, counts
types as equal when they share a PLOVER category (the public statement types, which PLOVER
does not code, form one category).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from draft_devset import DEVSET, SETS, Article, data_arguments, data_of, evaluate, find_articles
from draft_matching import (
    EXTRA_REASONS,
    MISS_CAUSES,
    MISS_REASONS,
    Item,
    Score,
    compatible,
    extra_reason,
    match,
    miss_cause,
    miss_reason,
    overlaps,
    plover_category,
    resolve_actors,
    same_plover,
    score,
    to_item,
)

#: What the tests and ``bench/train_types.py`` use through this script (the parts live in draft_devset and
#: draft_matching since round 12).
__all__ = ["DEVSET", "MISS_CAUSES", "SETS", "Article", "Item", "Score", "breakdown", "breakdown_markdown",
           "compatible", "data_arguments", "data_of", "evaluate", "extra_reason", "find_articles", "main", "markdown",
           "match", "miss_cause", "miss_reason", "overlaps", "parse_args", "plover_category",
           "resolve_actors", "same_plover", "score", "to_item"]


# --- reports -----------------------------------------------------------------------------------

def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def totals(articles: list[Article], name: str) -> tuple[Score, Score]:
    """The micro-averaged strict and lenient scores of the scored articles of one set."""
    strict, lenient = Score(), Score()
    for article in articles:
        if article.set == name and article.scored:
            strict += article.strict
            lenient += article.lenient
    return strict, lenient


def markdown(articles: list[Article], sets: Iterable[str], details: bool = False) -> str:
    """One table per set: an article a row, then the micro-average and the lenient line.

    With ``details``, each article's unmatched gold events (missed) and unmatched predicted
    events (extra) are listed by id under the table.
    """
    lines = []
    for name in sets:
        rows = [a for a in articles if a.set == name]
        if not rows:
            continue
        lines += [f"### {name}", "", "| article | gold | predicted | matched | P | R | F1 |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for a in rows:
            if a.scored:
                s = a.strict
                lines.append(f"| {a.slug} | {s.gold} | {s.predicted} | {s.matched} | {_rate(s.precision)} | "
                             f"{_rate(s.recall)} | {s.f1:.2f} |")
            else:
                lines.append(f"| {a.slug} | – | – | – | – | – | – |")
        strict, lenient = totals(articles, name)
        lines.append(f"| **micro-average, {name}** | {strict.gold} | {strict.predicted} | {strict.matched} | "
                     f"{_rate(strict.precision)} | {_rate(strict.recall)} | **{strict.f1:.2f}** |")
        lines.append(f"| *lenient (secondary): type by PLOVER category* | {lenient.gold} | {lenient.predicted} | "
                     f"{lenient.matched} | {_rate(lenient.precision)} | {_rate(lenient.recall)} | {lenient.f1:.2f} |")
        notes = [f"- {a.slug}: {a.note}" for a in rows if a.note]
        if details:
            notes += [f"- {a.slug}: missed {', '.join(a.missed) or 'none'}; extra {', '.join(a.extra) or 'none'}"
                      for a in rows if a.scored]
            counts = {reason: sum(a.reasons.get(reason, 0) for a in rows) for reason in MISS_REASONS}
            notes.append("- missed events, why (the nearest unmatched prediction of their type): "
                         + ", ".join(f"{reason} {count}" for reason, count in counts.items()))
            counts = {reason: sum(a.extra_reasons.get(reason, 0) for a in rows) for reason in EXTRA_REASONS}
            notes.append("- extra events, why: " + ", ".join(f"{reason} {count}" for reason, count in counts.items()))
        lines += ["", *notes, ""] if notes else [""]
    return "\n".join(lines).rstrip() + "\n"


def breakdown(articles: list[Article], name: str) -> dict:
    """One set's misses counted by cause, by gold type and cause, and the types missed ones were drafted as.

    Counts only (no ids, texts or dates), so that a held-out set's failures can be read without its gold.
    """
    causes = [cause for a in articles if a.set == name and a.scored for cause in a.causes]
    by_cause = {cause: sum(1 for c in causes if c[0] == cause) for cause in MISS_CAUSES}
    by_type: dict[str, dict[str, int]] = {}
    confused: dict[str, int] = {}
    for cause, gold_type, drafted_as in causes:
        row = by_type.setdefault(gold_type, {})
        row[cause] = row.get(cause, 0) + 1
        if drafted_as:
            key = f"{gold_type} -> {drafted_as}"
            confused[key] = confused.get(key, 0) + 1
    extra = {reason: sum(a.extra_reasons.get(reason, 0) for a in articles if a.set == name)
             for reason in EXTRA_REASONS}
    order = sorted(by_type, key=lambda t: (-sum(by_type[t].values()), t))
    extra_types: dict[str, dict[str, int]] = {}
    for reason, drafted in (pair for a in articles if a.set == name for pair in a.extra_types):
        row = extra_types.setdefault(drafted, {})
        row[reason] = row.get(reason, 0) + 1
    extra_order = sorted(extra_types, key=lambda t: (-sum(extra_types[t].values()), t))
    return {"misses": by_cause, "by_type": {t: by_type[t] for t in order},
            "extra_by_type": {t: extra_types[t] for t in extra_order},
            "drafted_as": dict(sorted(confused.items(), key=lambda kv: (-kv[1], kv[0]))), "extra": extra}


def breakdown_markdown(articles: list[Article], sets: Iterable[str]) -> str:
    """:func:`breakdown` of each set as a few lines of text."""
    lines = []
    for name in sets:
        report = breakdown(articles, name)
        lines += [f"### why missed, {name} ({sum(report['misses'].values())} misses)", "",
                  "- causes: " + ", ".join(f"{k} {v}" for k, v in report["misses"].items()),
                  "- extra: " + ", ".join(f"{k} {v}" for k, v in report["extra"].items()),
                  "- drafted as another type: " + (", ".join(f"{k} {v}" for k, v in report["drafted_as"].items())
                                                   or "none"), "", "| gold type | misses | causes |", "|---|---:|---|"]
        lines += [f"| {t} | {sum(row.values())} | {', '.join(f'{k} {v}' for k, v in row.items())} |"
                  for t, row in report["by_type"].items()]
        lines += ["", "| drafted type | extra | why |", "|---|---:|---|"]
        lines += [f"| {t} | {sum(row.values())} | {', '.join(f'{k} {v}' for k, v in row.items())} |"
                  for t, row in report["extra_by_type"].items()]
        lines.append("")
    return "\n".join(lines)


def as_json(articles: list[Article], sets: Iterable[str]) -> str:
    report = {}
    for name in sets:
        strict, lenient = totals(articles, name)
        report[name] = {
            "articles": [{"slug": a.slug, "published": a.published, "data": a.data, "scored": a.scored,
                          "note": a.note,
                          "missed": a.missed, "extra": a.extra, "miss_reasons": a.reasons,
                          "extra_reasons": a.extra_reasons,
                          "strict": a.strict.as_dict() if a.scored else None,
                          "lenient": a.lenient.as_dict() if a.scored else None}
                         for a in articles if a.set == name],
            "micro": {"strict": strict.as_dict(), "lenient": lenient.as_dict()},
            "breakdown": breakdown(articles, name),
        }
    return json.dumps(report, indent=2)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="folder with tune/ and heldout/")
    parser.add_argument("--sets", "--set", default=",".join(SETS),
                        help="comma-separated: tune, heldout (default both)")
    parser.add_argument("--texts", type=Path, action="append", default=[],
                        help="a folder of article texts kept out of the repository (repeatable)")
    parser.add_argument("--command", default="timeline draft",
                        help="the drafting command (default: %(default)s); 'in-process' runs timeline draft "
                             "in this process (no start-up per article)")
    parser.add_argument("--data", default="seeds",
                        help="the dataset passed as --data for articles whose gold file names none "
                             "(default: %(default)s); 'none' drafts every article without --data")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--drafts", type=Path, help="score the drafts in this folder instead of running the command")
    source.add_argument("--baseline", choices=["empty"], help="score a baseline instead of drafts")
    parser.add_argument("--keep", type=Path, help="write the drafts here (DIR/<set>/<slug>.yaml) and keep them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--breakdown", action="store_true",
                        help="after the tables, each set's misses counted by cause and type (counts only: "
                             "safe on the held-out set)")
    parser.add_argument("--details", action="store_true",
                        help="list each article's missed gold and extra predicted events by id")
    args = parser.parse_args(argv)
    args.sets = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = [name for name in args.sets if name not in SETS]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}: choose from {', '.join(SETS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit status 1 when the command failed on an article, 0 otherwise."""
    args = parse_args(argv)
    articles = find_articles(args.devset, args.sets, args.texts)
    evaluate(articles, args)
    print(as_json(articles, args.sets) if args.json else markdown(articles, args.sets, args.details), end="")
    if args.breakdown and not args.json:
        print("\n" + breakdown_markdown(articles, args.sets), end="")
    return int(any(a.failed for a in articles))


if __name__ == "__main__":
    sys.exit(main())
