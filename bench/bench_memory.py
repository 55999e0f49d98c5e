"""Issue 18: peak memory at 100k under 1 GB for every command.

    python bench/bench_memory.py                       # bench/data/100k, every command once
    python bench/bench_memory.py --only export,build   # the commands whose words start so
    python bench/bench_memory.py --timeline /work/before-wt/.venv/bin/timeline

Each command runs in a new process from the same warm store (one ``validate`` fills it first;
``validate (cold)`` runs with ``TIMELINE_NO_CACHE=1``); its peak is the kernel's ``ru_maxrss`` of the
finished child. ``draft`` reads a long article (the shared seed article repeated to ``--words``
words) against the 100k dataset; ``import`` reads a GDELT file of ``--gdelt-rows`` rows (keeping
the ~5% with a Russian actor) and an ACLED file of ``--acled-rows`` rows (keeping all), both made by
``bench/bench_import.py``'s generators. A command that exits non-zero (``positions`` on a dataset
with none) shows its status: its peak still counts.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import paired

HERE = Path(__file__).resolve().parent
LIMIT_MB = 1024
FORMATS = ("graphml", "gexf", "json", "cytoscape", "dot", "csv", "xlsx", "timelinejs", "ical", "ftm")


def commands(data: Path, out: Path, inputs: dict[str, Path]) -> dict[str, list[str]]:
    """Label -> argv (without the ``timeline`` command) of every command measured."""
    facts = json.loads((data / "bench.json").read_text(encoding="utf-8")) if (data / "bench.json").exists() else {}
    actor = facts.get("most_active", "ukraine")
    text = sorted((data / "events").glob("*.yaml"))[0].read_text(encoding="utf-8")
    first = next(line.split(": ", 1)[1].strip() for line in text.splitlines() if line.startswith("  - id: "))
    queries = {
        "validate": ["validate"], "met": ["met", actor], "events --actor --since": ["events", "--actor", actor,
                                                                                  "--since", "2025-01-01"],
        "contested": ["contested"], "relations": ["relations", actor], "path": ["path", actor, "russia"],
        "actors": ["actors"], "show": ["show", first], "positions": ["positions"], "gaps": ["gaps"], "plan": ["plan"],
        "render timeline": ["render", "timeline"], "render graph": ["render", "graph"],
        "render graph --level state": ["render", "graph", "--level", "state"],
        "render graph --graph events": ["render", "graph", "--graph", "events"],
        "render positions": ["render", "positions"], "render lineage": ["render", "lineage"],
        **{f"export {fmt}": ["export", fmt] for fmt in FORMATS},
        "export graphml --graph events": ["export", "graphml", "--graph", "events"],
        "html": ["html"], "build": ["build", "-q"],
    }
    def output(label: str, command: str) -> list[str]:
        name = label.replace(" ", "_").replace("-", "") + (".png" if command == "render" else "")  # a chart names its format
        return ["-o", str(out / name)] if command in ("render", "export", "html", "build") else []

    runs = {label: [*argv, "--data", str(data), *output(label, argv[0])] for label, argv in queries.items()}
    runs["draft (long article)"] = ["draft", str(inputs["article"]), "--published", "2025-12-03", "--data", str(data),
                                    "-o", str(out / "draft.yaml")]
    # a folder is named by its trailing slash, which a Path drops (round 4's "import ACLED" wrote one file)
    runs["import GDELT --country RUS"] = ["import", str(inputs["gdelt"]), "--country", "RUS", "-o", f"{out / 'g'}/"]
    runs["import ACLED"] = ["import", str(inputs["acled"]), "-o", f"{out / 'a'}/"]
    runs["import ACLED to one file"] = ["import", str(inputs["acled"]), "-o", str(out / "acled.yaml")]
    return runs


def inputs(folder: Path, words: int, gdelt_rows: int, acled_rows: int) -> dict[str, Path]:
    """The long article and the import samples, written into ``folder``."""
    import bench_draft
    import bench_import

    made = {"article": folder / "article.txt", "gdelt": folder / "gdelt.csv", "acled": folder / "acled.csv"}
    made["article"].write_text(bench_draft.article_of(words, bench_draft.ARTICLE), encoding="utf-8")
    bench_import.generate(gdelt_rows, made["gdelt"])
    bench_import.generate_acled(acled_rows, made["acled"])
    return made


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "100k")
    parser.add_argument("--timeline", default=str(Path(sys.executable).with_name("timeline")))
    parser.add_argument("--only", default="", help="comma-separated starts of the labels to run")
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--gdelt-rows", type=int, default=1_000_000)
    parser.add_argument("--acled-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    data = args.data.resolve()
    paired.run([args.timeline, "validate", "--data", str(data)])  # fills the store
    print(f"{paired.machine()}\n\n{data}; `{args.timeline}`, each command once, warm store\n")
    print("| command | peak | under 1 GB | CPU | wall | exit |\n|---|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        out = Path(scratch)
        made = inputs(out, args.words, args.gdelt_rows, args.acled_rows)
        runs = {"validate (cold)": ["validate", "--data", str(data)], **commands(data, out, made)}
        for label, command in runs.items():
            if args.only and not label.startswith(tuple(args.only.split(","))):
                continue
            env = paired.with_env(TIMELINE_NO_CACHE="1") if label == "validate (cold)" else None
            sample = paired.run([args.timeline, *command], env=env, cwd=out)
            print(f"| `{label}` | {sample.peak_mb:.0f} MB | {'yes' if sample.peak_mb < LIMIT_MB else '**no**'} | "
                  f"{sample.cpu:.1f} s | {sample.wall:.1f} s | {sample.status} |", flush=True)


if __name__ == "__main__":
    main()
