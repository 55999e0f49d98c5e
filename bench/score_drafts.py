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
maximum bipartite matching (Hopcroft–Karp, networkx), so the count of matches is the largest
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
import datetime as dt
import json
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx
import yaml

from timeline.dates import parse_edtf
from timeline.names import fold
from timeline.vocabulary import EVENT_TYPES, ROLE_KEYS

HERE = Path(__file__).resolve().parent
DEVSET = HERE.parent / "tests" / "drafting"
SETS = ("tune", "heldout")
#: The header line of a gold file that names the datasets its article is drafted against.
DATA_LINE = re.compile(r"^#\s*data:(?P<paths>.*)$")
DATA_PATHS = re.compile(r"\s*[^\s,]+(\s*,\s*[^\s,]+)*\s*")


@dataclass(frozen=True)
class Item:
    """One event reduced to what matching looks at: type, date bounds ([start, end), None = open), actors."""

    id: str
    type: str
    start: dt.datetime | None
    end: dt.datetime | None
    actors: frozenset[str]
    dated: bool = True


@dataclass
class Score:
    """Counts of one article or of a set; the rates are ``None`` where their denominator is 0."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.matched / total if total else 0.0

    def as_dict(self) -> dict:
        return {"matched": self.matched, "predicted": self.predicted, "gold": self.gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Article:
    """One gold file, where its text is, and what scoring it gave."""

    set: str
    slug: str
    gold_path: Path
    published: str
    data: list[str] | None = None
    text: Path | None = None
    strict: Score = field(default_factory=Score)
    lenient: Score = field(default_factory=Score)
    note: str = ""
    scored: bool = False
    failed: bool = False
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)
    extra_reasons: dict[str, int] = field(default_factory=dict)


# --- reading events ----------------------------------------------------------------------------

def _date_text(value: object) -> str:
    """A YAML date value as EDTF text (PyYAML turns ``2025-12-03`` into a ``date``)."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _actors(event: dict) -> frozenset[str]:
    ids: set[str] = set()
    for key in ROLE_KEYS:
        value = event.get(key) or []
        ids.update(str(actor) for actor in ([value] if isinstance(value, str) else value) if actor)
    return frozenset(ids)


def to_item(event: dict, number: int) -> Item:
    """The :class:`Item` of one event mapping; an absent or unreadable date matches nothing."""
    try:
        span = parse_edtf(_date_text(event["date"]))
        start, end, dated = span.start, span.end, True
    except (KeyError, ValueError, TypeError):
        start = end = None
        dated = False
    return Item(str(event.get("id", f"#{number}")), str(event.get("type", "")), start, end, _actors(event), dated)


def _load(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not YAML ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a dataset file (a mapping with 'events')")
    return data


def read_items(path: Path) -> list[Item]:
    """The events of a dataset file (gold or draft) as items; a file without ``events`` gives ``[]``.

    Raises ``ValueError`` naming the file when it is not YAML or not a mapping.
    """
    return read_file(path)[0]


def read_file(path: Path) -> tuple[list[Item], dict[str, frozenset[str]]]:
    """The items of a dataset file and the folded names (id, name, aliases) of the actors it defines.

    Raises ``ValueError`` naming the file when it is not YAML or not a mapping.
    """
    data = _load(path)
    events = data.get("events") or []
    items = [to_item(event, number) for number, event in enumerate(events, 1) if isinstance(event, dict)]
    return items, actor_names(data.get("actors") or [])


def actor_names(actors: list) -> dict[str, frozenset[str]]:
    """Each actor mapping's id with its folded id, name and aliases."""
    names = {}
    for actor in actors:
        if isinstance(actor, dict) and actor.get("id"):
            words = [actor["id"], actor.get("name") or "", *(actor.get("aliases") or [])]
            names[str(actor["id"])] = frozenset(fold(str(word)) for word in words if word)
    return names


def resolve_actors(items: list[Item], proposed: dict[str, frozenset[str]],
                   known: dict[str, frozenset[str]]) -> list[Item]:
    """``items`` with each actor the draft proposed renamed to the gold actor it names, if any.

    ``proposed`` are the actors the draft defines (its new actors), ``known`` those the gold file
    defines. An id of both, or of neither, is kept; a proposed actor is renamed when its folded
    id or name is the folded id, name or an alias of exactly one gold actor.
    """
    renamed = {}
    for actor, names in proposed.items():
        if actor in known:
            continue
        hits = [gold for gold, gold_names in known.items() if names & gold_names]
        if len(hits) == 1:
            renamed[actor] = hits[0]
    if not renamed:
        return items
    return [replace(item, actors=frozenset(renamed.get(actor, actor) for actor in item.actors)) for item in items]


def data_of(path: Path) -> list[str] | None:
    """The datasets the gold file's header names (``# data: seeds, x.yaml``), or ``None``.

    Only the comment lines before the first YAML line are read; the paths are as written
    (relative to the repository's root). Raises ``ValueError`` naming the file and line when
    the line holds anything but comma-separated paths.
    """
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("#"):
            break
        found = DATA_LINE.match(line)
        if found:
            if not DATA_PATHS.fullmatch(found["paths"]):
                raise ValueError(f"{path}:{number}: '# data:' takes comma-separated paths, "
                                 f"such as '# data: seeds, extra.yaml'")
            return [part.strip() for part in found["paths"].split(",")]
    return None


def published_of(path: Path, slug: str) -> str:
    """The ``published`` date of the gold file's source ``slug`` (or of its only source)."""
    sources = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sources") or []
    chosen = [s for s in sources if s.get("id") == slug] or sources[:1]
    if not chosen or "published" not in chosen[0]:
        raise ValueError(f"{path}: no source '{slug}' with a 'published' date")
    return _date_text(chosen[0]["published"]).rstrip("?~%")


# --- matching ----------------------------------------------------------------------------------

def overlaps(a: Item, b: Item) -> bool:
    """Whether the two date spans share a moment; open ends reach infinitely far."""
    if not (a.dated and b.dated):
        return False
    return ((a.end is None or b.start is None or b.start < a.end)
            and (b.end is None or a.start is None or a.start < b.end))


def same_type(a: Item, b: Item) -> bool:
    return a.type == b.type


def plover_category(type_name: str) -> str:
    """The PLOVER type of an event type; the public-statement types (no PLOVER type) share one."""
    kind = EVENT_TYPES.get(type_name)
    if kind is None:
        return f"?{type_name}"
    return kind.plover or "STATEMENT"


def same_plover(a: Item, b: Item) -> bool:
    return plover_category(a.type) == plover_category(b.type)


def compatible(a: Item, b: Item, types: Callable[[Item, Item], bool] = same_type) -> bool:
    """The match rule: types agree (by ``types``), dates overlap, at least one shared actor."""
    return types(a, b) and overlaps(a, b) and bool(a.actors & b.actors)


def match(predicted: list[Item], gold: list[Item],
          types: Callable[[Item, Item], bool] = same_type) -> list[tuple[Item, Item]]:
    """A maximum one-to-one matching of predicted to gold events, as (predicted, gold) pairs."""
    graph = nx.Graph()
    left = [("p", i) for i in range(len(predicted))]
    graph.add_nodes_from(left)
    graph.add_nodes_from(("g", j) for j in range(len(gold)))
    graph.add_edges_from((("p", i), ("g", j)) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold) if compatible(p, g, types))
    pairs = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=left)
    return [(predicted[i], gold[pairs[("p", i)][1]]) for side, i in left if ("p", i) in pairs]


#: Why a missed gold event was missed, judged against the unmatched predicted events.
MISS_REASONS = ("date", "actor", "date+actor", "type", "unseen")


def miss_reason(missed: Item, extra: list[Item], predicted: list[Item] = ()) -> str:
    """Why ``missed`` matched no predicted event: the nearest unmatched prediction of its type.

    ``date``: one has its type and an actor but dates that do not overlap; ``actor``: one has
    its type and overlapping dates but no shared actor; ``date+actor``: one has only its type;
    ``type``: no unmatched prediction has its type (a missed trigger or a wrong type);
    ``unseen``: as ``type``, and no event of the whole draft (``predicted``) names any of its actors.
    """
    same = [p for p in extra if p.type == missed.type]
    if any(p.actors & missed.actors for p in same):
        return "date"
    if any(overlaps(p, missed) for p in same):
        return "actor"
    if same:
        return "date+actor"
    return "type" if any(p.actors & missed.actors for p in predicted) else "unseen"


#: Why a predicted event matched no gold event (round 11), judged against the gold events.
EXTRA_REASONS = ("told again", "date", "actor", "type", "no such event")


def extra_reason(extra: Item, gold: list[Item], matched: set[Item]) -> str:
    """Why the prediction ``extra`` matched no gold event.

    ``told again``: a gold event it would match is matched by another prediction (one event drafted twice);
    ``date``/``actor``: a gold event of its type shares an actor but not the dates / the dates but no actor;
    ``type``: an unmatched gold event of another type shares its dates and an actor (a wrong type);
    ``no such event``: none of these (the article reports no such event).
    """
    same = [g for g in gold if g.type == extra.type]
    if any(compatible(extra, g) for g in same if g in matched):
        return "told again"
    if any(g.actors & extra.actors for g in same):
        return "date"
    if any(overlaps(g, extra) for g in same):
        return "actor"
    if any(overlaps(g, extra) and g.actors & extra.actors for g in gold if g not in matched):
        return "type"
    return "no such event"


def score(predicted: list[Item], gold: list[Item],
          types: Callable[[Item, Item], bool] = same_type) -> Score:
    return Score(len(match(predicted, gold, types)), len(predicted), len(gold))


# --- articles and drafting ---------------------------------------------------------------------

def find_articles(devset: Path, sets: Iterable[str], texts: list[Path]) -> list[Article]:
    """Every gold file of ``sets`` under ``devset``, with the first text found for it."""
    found = []
    for name in sets:
        for gold in sorted((devset / name).glob("*.yaml")):
            article = Article(name, gold.stem, gold, published_of(gold, gold.stem), data_of(gold))
            candidates = [gold.with_suffix(".txt"),
                          *(folder / name / f"{gold.stem}.txt" for folder in texts),
                          *(folder / f"{gold.stem}.txt" for folder in texts)]
            article.text = next((path for path in candidates if path.is_file()), None)
            found.append(article)
    return found


def data_arguments(article: Article, default: str) -> list[str]:
    """``--data`` and a path for each dataset of the article (its own, else ``default``).

    The article's own paths are taken from the root of the repository that holds the gold
    file (``<root>/tests/drafting/<set>/<slug>.yaml``); ``default`` is passed as given.
    """
    if default == "none":  # --data none: drafting without any dataset, as a user without one does
        return []
    root = article.gold_path.resolve().parents[3]
    paths = [str(root / path) for path in article.data] if article.data else [default]
    return [word for path in paths for word in ("--data", path)]


def run_command(command: str, article: Article, data: str, out: Path) -> str:
    """Run the drafting command on one article into ``out``; an error line, or '' on success.

    ``command`` "in-process" runs ``timeline draft`` through click's test runner in this process:
    the same command and arguments without a start-up per article (the figures are the same).
    """
    argv = [*shlex.split(command), str(article.text), "--published", article.published,
            *data_arguments(article, data), "-o", str(out)]
    if command == "in-process":
        from click.testing import CliRunner

        from timeline.cli import cli

        result = CliRunner().invoke(cli, ["draft", *argv[1:]])
        if result.exit_code:
            lines = (result.output or repr(result.exception)).strip().splitlines()
            return f"command failed (exit {result.exit_code}): {lines[-1] if lines else 'no output'}"
        return "" if out.is_file() else f"command wrote no file at {out}"
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"command failed: {error}"
    if done.returncode:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return f"command failed (exit {done.returncode}): {lines[-1] if lines else 'no output'}"
    return "" if out.is_file() else f"command wrote no file at {out}"


Draft = tuple[list[Item], dict[str, frozenset[str]]]


def predictions(article: Article, args: argparse.Namespace, workdir: Path) -> tuple[Draft | None, str]:
    """The predicted items and proposed actors of one article (``None`` = skip it), and a note.

    A failed command, or a file that is not a dataset, counts as an empty draft (and sets
    ``article.failed``) rather than being skipped, so that failures lower the score.
    """
    if args.baseline == "empty":
        return ([], {}), ""
    if args.drafts:
        for path in (args.drafts / article.set / f"{article.slug}.yaml", args.drafts / f"{article.slug}.yaml"):
            if path.is_file():
                return read_file(path), ""
        return None, f"skipped: no draft {article.slug}.yaml in {args.drafts}"
    if article.text is None:
        return None, "skipped: text not in the repository (see tests/drafting/README.md; pass --texts DIR)"
    out = (args.keep or workdir) / article.set / f"{article.slug}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    error = run_command(args.command, article, args.data, out)
    try:
        if not error:
            return read_file(out), ""
    except ValueError as problem:
        error = str(problem)
    article.failed = True
    return ([], {}), f"{error} (scored as an empty draft)"


def evaluate(articles: list[Article], args: argparse.Namespace) -> None:
    """Fill in each article's strict and lenient scores (or its skip note)."""
    with tempfile.TemporaryDirectory(prefix="score-drafts-") as workdir:
        for article in articles:
            draft, article.note = predictions(article, args, Path(workdir))
            if draft is None:
                continue
            gold, known = read_file(article.gold_path)
            predicted = resolve_actors(draft[0], draft[1], known)
            pairs = match(predicted, gold)
            article.strict = Score(len(pairs), len(predicted), len(gold))
            article.missed = [g.id for g in gold if g not in {pair[1] for pair in pairs}]
            article.extra = [p.id for p in predicted if p not in {pair[0] for pair in pairs}]
            unmatched = [p for p in predicted if p.id in article.extra]
            article.reasons = {}
            for g in gold:
                if g.id in article.missed:
                    reason = miss_reason(g, unmatched, predicted)
                    article.reasons[reason] = article.reasons.get(reason, 0) + 1
            for extra in unmatched:
                reason = extra_reason(extra, gold, {pair[1] for pair in pairs})
                article.extra_reasons[reason] = article.extra_reasons.get(reason, 0) + 1
            article.lenient = score(predicted, gold, same_plover)
            article.scored = True


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
    return int(any(a.failed for a in articles))


if __name__ == "__main__":
    sys.exit(main())
