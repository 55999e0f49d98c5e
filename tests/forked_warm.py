"""The last preload of the fork server of tests/forked.py: one build of a two-person dataset in a temporary
folder, so that each forked build starts with what a first build loads once in a process and keeps (the fonts,
followthemoney's model, the first use of openpyxl and pydot: 0.8 s of the 3.8 s of CPU of a tiny build).

Importing this module builds: only the fork server imports it."""
from __future__ import annotations

import tempfile
from pathlib import Path

from timeline.build import build
from timeline.dataset import load

WARM = """\
actors:
  - {id: ada, name: Ada, kind: person}
  - {id: ben, name: Ben, kind: person}
events:
  - {id: w1, type: meeting, date: 2025-12-01, participants: [ada, ben], location: Bern}
"""

with tempfile.TemporaryDirectory() as folder:
    (Path(folder) / "warm.yaml").write_text(WARM, encoding="utf-8")
    build(load(Path(folder) / "warm.yaml"), Path(folder) / "out")
