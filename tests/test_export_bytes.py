"""Every export writes the same bytes as the writers did before they were made faster (issue 18).

The digests in ``tests/data/export-digests.json`` are the SHA-256 of each file the writers of
main at 138637c wrote, for the seed, the tricky dataset of the export tests and a dataset with
positions. A writer made faster must keep them; a change that means to change an output (a new
attribute, another colour) updates them on purpose and says why in its commit:

    python tests/test_export_bytes.py --update
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from conftest import SEED
from export_cases import TRICKY

from timeline.dataset import load
from timeline.export import FORMATS, export

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "data" / "export-digests.json"
#: (format, options) of every export ``timeline build`` writes, and the graph of positions.
CASES = [*((fmt, {}) for fmt in FORMATS if fmt != "ftm"),
         ("graphml", {"level": "state"}), ("gexf", {"level": "state"}), ("graphml", {"graph": "events"}),
         ("gexf", {"graph": "events"}), ("json", {"graph": "events"}), ("cytoscape", {"graph": "events"}),
         ("gexf", {"graph": "positions"}), ("graphml", {"graph": "positions"}),
         ("timelinejs", {"group_by": "side"}), ("ical", {"coarse": True})]
DATASETS = {"seed": lambda tmp: SEED, "negotiation": lambda tmp: HERE / "data" / "negotiation.yaml",
            "tricky": lambda tmp: _written(tmp / "tricky.yaml", TRICKY)}


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _name(dataset: str, fmt: str, options: dict) -> str:
    return "/".join([dataset, fmt, *(f"{k}={v}" for k, v in sorted(options.items()))])


def digests(folder: Path) -> dict[str, str]:
    """``dataset/format/options`` (and ``/file`` for a folder of tables) -> SHA-256 of what is written now."""
    found = {}
    for label, where in DATASETS.items():
        dataset = load(where(folder))
        for fmt, options in CASES:
            if options.get("graph") == "positions" and not dataset.positions:
                continue
            name = _name(label, fmt, options)
            target = folder / name.replace("/", "_")
            path = export(dataset, fmt, target, **options)
            files = sorted(p for p in path.iterdir() if not p.name.startswith(".")) if path.is_dir() else [path]
            for file in files:
                key = f"{name}/{file.name}" if path.is_dir() else name
                found[key] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def test_every_export_writes_the_bytes_it_wrote_before(tmp_path):
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    found = digests(tmp_path)
    changed = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
    assert not changed, f"these exports changed bytes (see this file's docstring): {changed}"


@pytest.mark.parametrize("name", ["seed/gexf", "tricky/graphml", "seed/csv/events.csv", "negotiation/gexf/graph=positions"])
def test_the_digests_cover_each_kind_of_export(name):
    assert name in json.loads(DIGESTS.read_text(encoding="utf-8"))


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import os
    import tempfile

    os.environ["TIMELINE_NO_CACHE"] = "1"
    with tempfile.TemporaryDirectory() as scratch:
        DIGESTS.write_text(json.dumps(digests(Path(scratch)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
