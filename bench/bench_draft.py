"""Bench ``timeline draft`` on a 1,500-word article, after start-up, against the floor: spaCy tokenizing it.

    python bench/bench_draft.py                 # 15 paired runs, medians
    python bench/bench_draft.py --repeat 30 --article some.txt --published 2025-12-03

The article is the seed article (../shared/seeds, published 3 December 2025) repeated to
1,500 words (its paragraphs in turn). "After start-up" means the dataset is loaded and the
pipeline built once (imports, spaCy's blank English pipeline, the matchers); then each run
drafts the whole article (sentences, actors, triggers, dates, events, the YAML text). The
floor is what no rule-based drafting on spaCy can beat: ``spacy.blank("en")`` tokenizing the
same text. Runs are paired (draft, floor, draft, floor, ...) so that load on the machine
hits both alike; CPU time is given beside wall time. Start-up itself (a fresh ``timeline
draft`` process, spaCy's import included) is timed apart.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
ARTICLE = HERE.parent.parent / "shared" / "seeds" / "000_cb0c55db5773bf71.txt"


def article_of(words: int, path: Path) -> str:
    """The article at ``path`` repeated paragraph by paragraph until it has ``words`` words."""
    paragraphs = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip().endswith((".", "”"))]
    out, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n".join(out) + "\n"


def timed(function, *args) -> tuple[float, float]:  # noqa: ANN001
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--published", default="2025-12-03")
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()

    from timeline.dataset import load
    from timeline.draft import draft_article
    from timeline.draft.output import draft_data, dump
    from timeline.draft.sentences import pipeline

    text = article_of(options.words, options.article)
    published = dt.date.fromisoformat(options.published)
    dataset = load(SEEDS)

    def draft() -> None:
        dump(draft_data(draft_article(text, published, dataset)))

    nlp = pipeline()
    draft()  # start-up: the matchers are built on first use
    drafts, floors = [], []
    for _ in range(options.repeat):
        drafts.append(timed(draft))
        floors.append(timed(nlp.make_doc, text))
    events = len(draft_article(text, published, dataset).events)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "article.txt"
        source.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "timeline", "draft", str(source), "--published", options.published,
                        "--data", str(SEEDS), "-o", str(Path(folder) / "d.yaml")], check=True,
                       stdout=subprocess.DEVNULL)
        process = time.perf_counter() - start

    def median(values: list[tuple[float, float]], index: int) -> float:
        return statistics.median(v[index] for v in values)

    print(f"article: {len(text.split())} words, {len(text)} characters, {events} events drafted; "
          f"{options.repeat} paired runs, medians")
    print("| | wall (ms) | CPU (ms) |\n|---|---:|---:|")
    print(f"| timeline draft, after start-up | {median(drafts, 0) * 1000:.1f} | {median(drafts, 1) * 1000:.1f} |")
    print(f"| floor: spacy.blank('en') tokenizing | {median(floors, 0) * 1000:.1f} | {median(floors, 1) * 1000:.1f} |")
    print(f"| ratio | {median(drafts, 0) / median(floors, 0):.1f}x | {median(drafts, 1) / median(floors, 1):.1f}x |")
    print(f"fresh process `timeline draft` (start-up, dataset load, draft, write, check): {process:.2f} s wall")


if __name__ == "__main__":
    main()
