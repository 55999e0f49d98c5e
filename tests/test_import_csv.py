"""``timeline import`` of the project's own CSV tables: what ``timeline export csv`` writes comes back the same."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import SEED, SEEDS
from test_positions_export import NEGOTIATION

from timeline.dataset import load
from timeline.importers import detect
from timeline.importers.project_csv import read_csv
from timeline.importers.records import collect
from timeline.negotiation import StanceScale


def _events(dataset):
    """Events with their codes as the model reads them (an explicit default code and none mean the same)."""
    return [dataclasses.replace(e, cameo=e.cameo_code(), plover=e.plover_coding()) for e in dataset.events]


def _actors(dataset):
    """Actors without what the CSV export does not write (colour, dated affiliations)."""
    return {k: dataclasses.replace(a, color=None, affiliations=()) for k, a in dataset.actors.items()}


@pytest.mark.parametrize("path", [SEED, SEEDS, NEGOTIATION], ids=["moscow", "seeds", "negotiation"])
def test_export_then_import_gives_the_same_dataset(run, tmp_path, path):
    tables, back = tmp_path / "tables", tmp_path / "back.yaml"
    assert run("export", "csv", "-o", str(tables), data=path).exit_code == 0
    result = run("import", str(tables / "events.csv"), "-o", str(back), data=None)
    assert result.exit_code == 0, result.output
    assert f"{tables / 'events.csv'}: csv (the events table of timeline export csv)" in result.stderr
    original, again = load(path), load(back)
    assert _events(again) == _events(original)
    assert again.sources == original.sources
    assert _actors(again) == _actors(original)
    assert (again.issues, again.positions, again.plans, again.stances) == \
        (original.issues, original.positions, original.plans, original.stances)
    rows = len(original.events) + len(original.actors) + len(original.sources) + len(original.issues) \
        + len(original.positions) + len(original.plans) + (original.stances != StanceScale())
    assert result.stdout.startswith(f"{rows} rows read, {len(original.events)} events imported, 0 skipped")


def test_formula_guard_and_quantities_come_back(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text('\ufeffid,type,date,status,participants,source,target,summary,quantities,draft\r\n'
                    'x,exchange,2025-05,occurred,ukraine; russia,,,"\'=1+1","{""what"": ""prisoners_released"", '
                    '""value"": 0, ""unit"": ""persons""}; {""what"": ""bodies"", ""value"": 6000, '
                    '""approximate"": true}",yes\r\n'
                    'y,nonsense,2025,occurred,,,,,,\r\n', encoding="utf-8")
    result = collect(read_csv(path))
    assert result.refused == [f"{path}:3: unknown type 'nonsense'"]
    assert result.events["x"] == {
        "id": "x", "type": "exchange", "date": "2025-05", "status": "occurred", "summary": "=1+1",
        "participants": ["ukraine", "russia"], "draft": True,
        "quantities": [{"what": "prisoners_released", "value": 0, "unit": "persons"},
                       {"what": "bodies", "value": 6000, "approximate": True}]}
    assert detect(path) == ("csv", "the events table of timeline export csv")
