"""The development set of ``timeline draft``: its articles, drafting each one, scoring it (issue #16).

Split from ``bench/score_drafts.py`` (round 12): where the gold files and texts are, which datasets an
article is drafted against, running the drafting command, and filling in each article's scores.
"""
from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from draft_matching import (
    Item,
    Score,
    date_text,
    extra_reason,
    match,
    miss_cause,
    miss_reason,
    read_file,
    resolve_actors,
    same_plover,
    score,
)

HERE = Path(__file__).resolve().parent
DEVSET = HERE.parent / "tests" / "drafting"
SETS = ("tune", "heldout")
#: The header line of a gold file that names the datasets its article is drafted against.
DATA_LINE = re.compile(r"^#\s*data:(?P<paths>.*)$")
DATA_PATHS = re.compile(r"\s*[^\s,]+(\s*,\s*[^\s,]+)*\s*")


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
    #: (cause, gold type, drafted type) of each miss: the breakdown per set (counts only, no ids or texts).
    causes: list[tuple[str, str, str]] = field(default_factory=list)
    #: (reason, drafted type) of each extra event.
    extra_types: list[tuple[str, str]] = field(default_factory=list)


# --- gold files ---------------------------------------------------------------------------------

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
    return date_text(chosen[0]["published"]).rstrip("?~%")


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
            matched = {pair[0] for pair in pairs}
            for g in gold:
                if g.id in article.missed:
                    cause, drafted_as = miss_cause(g, predicted, matched)
                    article.causes.append((cause, g.type, drafted_as))
            for extra in unmatched:
                reason = extra_reason(extra, gold, {pair[1] for pair in pairs})
                article.extra_reasons[reason] = article.extra_reasons.get(reason, 0) + 1
                article.extra_types.append((reason, extra.type))
            article.lenient = score(predicted, gold, same_plover)
            article.scored = True
