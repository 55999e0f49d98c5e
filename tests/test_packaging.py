"""What ``pip install .`` (not editable) installs: every module, template, table and seed of the checkout.

A package missing from ``setup.cfg`` works in an editable install and breaks the installed tool
(``timeline.index`` once did), so the wheel is built and its contents compared with the tree.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_the_wheel_holds_every_module_and_data_file_of_the_tree(tmp_path: Path) -> None:
    source = tmp_path / "source"   # a clean copy: a checkout's build/ folder would lend the wheel stale files
    source.mkdir()
    for name in ("pyproject.toml", "setup.cfg", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("timeline", "seeds"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("timeline-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    tree = ROOT / "timeline"
    wanted = {f"timeline/{p.relative_to(tree).as_posix()}" for p in tree.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".js", ".css", ".html")}
    wanted |= {f"timeline/seeds/{p.relative_to(ROOT / 'seeds').as_posix()}" for p in (ROOT / "seeds").rglob("*.yaml")}
    assert sorted(wanted - inside) == []

