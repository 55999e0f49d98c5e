"""Every export writes the same bytes as the writers did before they were made faster (issue 18).

The digests in ``tests/data/export-digests.json`` are the SHA-256 of each file the writers of
main at 138637c wrote, for the seed, the tricky dataset of the export tests and a dataset with
positions. A writer made faster must keep them; a change that means to change an output (a new
attribute, another colour) updates them on purpose and says why in its commit:

    python tests/test_export_bytes.py --update

An xlsx file is a zip of XML parts that openpyxl serialises with lxml when it is installed and
with the standard library otherwise: the same document, other bytes (``<a/>`` or ``<a />``, where
a namespace is declared). Its digest is taken over each part's name and canonical XML (C14N 2.0,
:func:`xml.etree.ElementTree.canonicalize`), so the test holds with and without lxml
(``test_an_xlsx_digest_is_the_same_with_and_without_lxml``).
"""
from __future__ import annotations

import hashlib
import json
import os
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
                found[key] = xlsx_digest(file) if fmt == "xlsx" else hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def xlsx_digest(path: Path) -> str:
    """SHA-256 of each part's name and content (XML parts in canonical form), in the zip's order."""
    import zipfile
    from xml.etree.ElementTree import canonicalize

    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            if name.endswith((".xml", ".rels")):
                content = canonicalize(content.decode("utf-8")).encode("utf-8")
            digest.update(f"{name}\n{len(content)}\n".encode())
            digest.update(content)
    return digest.hexdigest()


def test_every_export_writes_the_bytes_it_wrote_before(tmp_path):
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    found = digests(tmp_path)
    changed = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
    assert not changed, f"these exports changed bytes (see this file's docstring): {changed}"


def test_an_xlsx_digest_is_the_same_with_and_without_lxml(tmp_path):
    """openpyxl writes other bytes without lxml (``OPENPYXL_LXML=False``, read when it is imported)."""
    import subprocess

    code = ("import sys; from timeline.dataset import load; from timeline.export import export; "
            "export(load(sys.argv[1]), 'xlsx', sys.argv[2])")
    written = {}
    for lxml in ("True", "False"):
        target = tmp_path / f"lxml-{lxml}.xlsx"
        subprocess.run([sys.executable, "-c", code, str(SEED), str(target)], check=True,
                       env={**os.environ, "OPENPYXL_LXML": lxml, "TIMELINE_NO_CACHE": "1"})
        written[lxml] = target
    if written["True"].read_bytes() == written["False"].read_bytes():
        pytest.skip("lxml is not installed: openpyxl wrote the same bytes both times")
    assert xlsx_digest(written["True"]) == xlsx_digest(written["False"])
    assert xlsx_digest(written["True"]) == json.loads(DIGESTS.read_text(encoding="utf-8"))["seed/xlsx"]


@pytest.mark.parametrize("name", ["seed/gexf", "tricky/graphml", "seed/csv/events.csv", "negotiation/gexf/graph=positions"])
def test_the_digests_cover_each_kind_of_export(name):
    assert name in json.loads(DIGESTS.read_text(encoding="utf-8"))


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    os.environ["TIMELINE_NO_CACHE"] = "1"
    with tempfile.TemporaryDirectory() as scratch:
        DIGESTS.write_text(json.dumps(digests(Path(scratch)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
