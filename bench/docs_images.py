"""Redraw every image in docs/ with the README's own commands, on the shipped dataset (seeds/).

    python bench/docs_images.py                  # every image, into docs/
    python bench/docs_images.py --dry-run        # print the commands only
    python bench/docs_images.py --only graph.png html-phone.png --out /tmp/docs

Each chart and graph is one ``timeline render ...`` command of the README, written with ``-o docs/NAME``; the page's
screenshots are bench/html_screens.py's, of the page ``timeline html`` writes, copied to their names in docs/. Each
command is printed before it runs, so that the log shows how the docs are made. Run it after a change that alters
what the charts or the page draw, and look at every image before committing them.
"""
from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: docs/NAME -> the README's command that draws it (written with -o docs/NAME).
CHARTS = {
    "timeline.png": ["render", "timeline"],
    "graph.png": ["render", "graph"],
    "graph-state.png": ["render", "graph", "--level", "state"],
    "positions.png": ["render", "positions"],
    "lineage.png": ["render", "lineage"],
    "positions-graph.png": ["render", "graph", "--graph", "positions"],
}
#: docs/NAME -> the screenshot of bench/html_screens.py it is (size-view).
SCREENS = {"html-desktop.png": "desktop-event", "html-positions.png": "desktop-positions", "html-phone.png": "phone-first"}


def run(command: list[str], dry_run: bool) -> None:
    """Print ``command`` as typed in the checkout (``timeline ...``, paths relative to it), then run it there (unless
    ``dry_run``)."""
    print("$ " + shlex.join(_typed(arg) for arg in command), flush=True)
    if not dry_run:
        subprocess.run(command, cwd=ROOT, check=True)


def _typed(arg: str) -> str:
    """``arg`` as one types it in the checkout: ``timeline`` and ``python`` by name, paths under it relative."""
    if arg == sys.executable or Path(arg).name == "timeline":
        return "python" if arg == sys.executable else "timeline"
    return arg.removeprefix(f"{ROOT}/")


def redraw(out: Path, only: set[str], dry_run: bool) -> None:
    """Draw the images named in ``only`` (every one if empty) into ``out``."""
    beside = Path(sys.executable).parent / "timeline"   # this Python's timeline, whether or not its venv is active
    timeline = [str(beside) if beside.exists() else shutil.which("timeline") or "timeline"]
    for name, command in CHARTS.items():
        if not only or name in only:
            run([*timeline, *command, "--data", "seeds", "-o", str(out / name)], dry_run)
    shots = {name: shot for name, shot in SCREENS.items() if not only or name in only}
    if not shots:
        return
    with tempfile.TemporaryDirectory(prefix="docs-page-") as folder:
        page, screens = Path(folder) / "index.html", Path(folder) / "screens"
        run([*timeline, "html", "--data", "seeds", "-o", str(page)], dry_run)
        run([sys.executable, str(ROOT / "bench" / "html_screens.py"), str(page), str(screens), "--only", *shots.values()],
            dry_run)
        for name, shot in shots.items():
            print(f"$ cp {screens / shot}.png {_typed(str(out / name))}", flush=True)
            if not dry_run:
                shutil.copyfile(screens / f"{shot}.png", out / name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder to write into (default: docs/)")
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME", choices=[*CHARTS, *SCREENS],
                        help="only these images, by their name in docs/")
    parser.add_argument("--dry-run", action="store_true", help="print the commands, run none")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    redraw(args.out.resolve(), set(args.only), args.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
