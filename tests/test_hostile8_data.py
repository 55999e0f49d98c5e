"""Round-8 review: hostile datasets and --data paths get one line each, exit 1, no traceback."""
from __future__ import annotations

import pytest

from timeline.read import files


def test_data_pointing_at_a_whole_disk_is_refused_without_walking_it(run, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ENTRIES", 20)
    for number in range(3):
        folder = tmp_path / f"d{number}"
        folder.mkdir()
        for name in range(8):
            (folder / f"{name}.txt").write_text("x")
    result = run("events", data=tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {tmp_path}: more than 20 files and folders below it, so not a "
                                          "dataset folder; point --data at the folder of the dataset's YAML files"]


def test_a_folder_under_the_limit_still_loads(run, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ENTRIES", 20)
    (tmp_path / "a.yaml").write_text("actors:\n  - {id: a, name: A}\n")
    assert run("validate", str(tmp_path), data=None).output == "warning: " + str(tmp_path) + \
        " has no events yet: charts and exports will be empty\nok: " + str(tmp_path) + ": 0 events, 1 actors, 0 sources\n"


@pytest.mark.parametrize("text, line", [
    ("? {key}\n: 1\n", "data.yaml:1: unknown top-level key '{cut}'"),
    ("actors:\n  - id: a\n    name: A\n    ? {key}\n    : 1\n", "data.yaml:4: unknown key '{cut}' in actor"),
    ("actors:\n  - {{id: a, name: A}}\n  - {{id: b, name: B}}\nevents:\n  - {{id: e, type: call, date: 2025-01-01, "
     "participants: [a, {key}]}}\n", "data.yaml:5: unknown actor '{cut}' in event 'e'"),
])
def test_a_long_piece_of_the_data_is_cut_in_its_message(run, write_yaml, text, line):
    key = "k" * 3000
    path = write_yaml(text.format(key=key))
    result = run("validate", str(path), data=None)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{path.parent}/{line.format(cut='k' * 77 + '...')}",
                                          "Error: 1 problem in the dataset; nothing was loaded"]


def test_ids_that_differ_only_in_case_or_accents_load_with_a_warning(run, write_yaml):
    path = write_yaml("actors:\n  - {id: putin, name: Vladimir Putin}\n  - {id: Putín, name: Another}\n"
                      "  - {id: us-delegation, name: US}\n"
                      "events:\n  - {id: US_Delegation, type: call, date: 2025-12-02, participants: [putin, Putín]}\n")
    result = run("validate", str(path), data=None)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"warning: {path}: actor ids 'putin' and 'Putín' differ only in case, accents or dashes: a reference meant "
        "for one names the other if mistyped; rename one",
        f"warning: {path}: ids actor 'us-delegation' and event 'US_Delegation' differ only in case, accents or "
        "dashes: a reference meant for one names the other if mistyped; rename one",
        f"ok: {path}: 1 events, 3 actors, 0 sources, 2 Dec 2025"]
