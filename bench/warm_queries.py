"""Every warm query of issue 18 against its floor, in one paired run: one Markdown table on stdout.

    python bench/generate.py --preset 100k
    python bench/generate.py --preset 100k --positions 5000 --out bench/data/100k-positions
    python bench/floors.py prepare bench/data/100k-positions /tmp/floors    # the same events, and the positions
    python bench/warm_queries.py --floors /tmp/floors --runs 7

The package is byte-compiled first, as an installation is (the floors' DuckDB is); without it, in an
environment that sets ``PYTHONDONTWRITEBYTECODE``, every run compiles timeline's modules again (about 0.06 s).
Each question is asked once first (so the store's tables are written and warm), then it and its
floor run in turn (A B A B ..., :func:`paired.paired`, one unkept turn first), each a whole new
process; the table gives the medians of CPU (user + system) and the median of the pair-by-pair
ratios A/B. A goal is met when that ratio is at most its bound (1 for DuckDB's floors, 1.3 for
``met`` on the seeds against ``python -c "import click, yaml"``) and both sides exit 0.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from paired import machine, paired

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def questions(data: Path, positions: Path, floors: str,
              path: tuple[str, str] = ("marko-jovanovic", "eleni-oikonomou")) -> list[tuple[str, list[str], list[str], float]]:
    """(question, timeline's command, the floor's command, the goal's bound on the ratio); ``path``: two people of
    ``data`` to join by a chain of meetings (the default: two of ``generate.py``'s seed 1)."""
    def timeline(*args: str, at: Path = data) -> list[str]:
        return [PY, "-m", "timeline", *args, "--data", str(at)]

    def floor(*args: str) -> list[str]:
        return [PY, str(ROOT / "bench" / "floors.py"), *args]

    return [
        ("met ukraine", timeline("met", "ukraine"), floor("duckdb-met", floors, "ukraine"), 1),
        ("contested", timeline("contested"), floor("duckdb-contested", floors), 1),
        ("relations ukraine", timeline("relations", "ukraine"), floor("duckdb-relations", floors, "ukraine"), 1),
        (f"path {' '.join(path)}", timeline("path", *path), floor("duckdb-path", floors, *path), 1),
        ("events --actor ukraine --since 2025-01-01", timeline("events", "--actor", "ukraine", "--since", "2025-01-01"),
         floor("duckdb-events", floors, "ukraine", "2025-01-01"), 1),
        ("positions territory --children --as-of 2024-06-30",
         timeline("positions", "territory", "--children", "--as-of", "2024-06-30", at=positions),
         floor("duckdb-positions", floors, "territory", "2024-06-30"), 1),
        ("positions territory --children (history)", timeline("positions", "territory", "--children", at=positions),
         floor("duckdb-positions", floors, "territory", "2024-06-30"), 1),
        ("gaps --as-of 2024-06-30 --since 2023-06-30",
         timeline("gaps", "--as-of", "2024-06-30", "--since", "2023-06-30", at=positions),
         floor("duckdb-positions", floors, "territory", "2024-06-30"), 1),
        ("met putin, seeds", timeline("met", "putin", at=ROOT / "seeds"), [PY, "-c", "import click, yaml"], 1.3),
    ]


def helps() -> list[tuple[str, list[str], list[str], float]]:
    """``--help`` of every command and subcommand against ``python -c "import click, yaml"`` (goal: ≤ 1.5×)."""
    from click import Group

    from timeline.cli import cli

    floor = [PY, "-c", "import click, yaml"]
    names = [[name] for name in cli.list_commands(None)]  # type: ignore[arg-type]
    names += [[group, name] for group in ("render", "export")
              if isinstance(command := cli.get_command(None, group), Group)  # type: ignore[arg-type]
              for name in command.list_commands(None)]  # type: ignore[arg-type]
    return [(f"{' '.join(name)} --help", [PY, "-m", "timeline", *name, "--help"], floor, 1.5) for name in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "100k")
    parser.add_argument("--positions", type=Path, default=ROOT / "bench" / "data" / "100k-positions")
    parser.add_argument("--floors", default="/tmp/floors", help="the folder floors.py prepare wrote")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--path", nargs=2, default=("marko-jovanovic", "eleni-oikonomou"), metavar=("A", "B"),
                        help="two people of --data for the path question")
    parser.add_argument("--helps", action="store_true", help="also every command's --help against its floor")
    args = parser.parse_args()
    print(machine(), file=sys.stderr)
    import compileall  # as pip does when it installs: with PYTHONDONTWRITEBYTECODE set, nothing else would

    compileall.compile_dir(ROOT / "timeline", quiet=1)
    print("| question (100k) | timeline CPU | floor CPU | timeline / floor (pairs) | peaks | exits | bound | met? |")
    print("|---|---:|---:|---:|---:|---|---:|---|")
    asked = questions(args.data, args.positions, args.floors, tuple(args.path))
    if not args.positions.exists():  # no dataset with positions: those questions are left out
        asked = [question for question in asked if str(args.positions) not in question[1]]
    for name, a, b, bound in [*asked, *(helps() if args.helps else [])]:
        pair = paired(a, b, runs=args.runs, warmup=1, cwd=ROOT)
        exits = f"{sorted(pair.a.statuses)} · {sorted(pair.b.statuses)}"
        ratio = pair.ratio()
        met = "yes" if ratio <= bound and pair.a.statuses == pair.b.statuses == {0} else "**no**"
        print(f"| `{name}` | {pair.a.median():.3f} s | {pair.b.median():.3f} s | **{ratio:.2f}×** ({args.runs}) "
              f"| {pair.a.peak_mb:.0f} / {pair.b.peak_mb:.0f} MB | {exits} | ≤ {bound:g}× | {met} |", flush=True)
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr)


if __name__ == "__main__":
    main()
