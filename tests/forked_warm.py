"""The last preload of the fork server of tests/forked.py: one build of conftest's two-person dataset in a temporary
folder, so that each forked build starts with what a first build loads once in a process and keeps (the fonts,
followthemoney's model, the first use of openpyxl and pydot: 0.8 s of the 3.8 s of CPU of a tiny build).

Importing this module builds: only the fork server imports it."""
from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import TWO_PEOPLE

from timeline.build import build
from timeline.dataset import load

with tempfile.TemporaryDirectory() as folder:
    (Path(folder) / "warm.yaml").write_text(TWO_PEOPLE, encoding="utf-8")
    build(load(Path(folder) / "warm.yaml"), Path(folder) / "out")
