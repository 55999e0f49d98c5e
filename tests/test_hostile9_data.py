"""Ids that hold characters no one sees are refused at their line: a reference typed as the id shows would fail."""
from __future__ import annotations

import pytest

from timeline.dataset import DatasetError, load


@pytest.mark.parametrize(("char", "code"), [("\u200b", "U+200B"), ("\u202e", "U+202E"), ("\u2066", "U+2066"),
                                            ("\ufeff", "U+FEFF"), ("\u200f", "U+200F")])
def test_an_invisible_character_in_an_id(tmp_path, char, code):
    path = tmp_path / "ids.yaml"
    path.write_text(f'actors:\n  - {{id: a, name: A, kind: state}}\n  - {{id: "x{char}y", name: B, kind: state}}\n',
                    encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load(path)
    assert error.value.summary() == (f"{path}:3: actor id 'x\\u{code[2:].lower()}y' holds the invisible character "
                                     f"{code}: a reference typed as it shows would not find it; delete the character"
                                     "\nError: 1 problem in the dataset; nothing was loaded")


def test_an_event_id_and_a_name_with_one(run, tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text('actors:\n  - {id: a, name: "A\u200bB", kind: state}\n  - {id: b, name: B, kind: state}\n'
                    'sources:\n  - {id: s, title: T}\nevents:\n  - {id: "e\u202e1", type: meeting, date: 2025-01-01, '
                    'participants: [a, b], sources: [s]}\n', encoding="utf-8")
    result = run("validate", data=path)
    assert (result.exit_code, result.stderr) == (
        1, f"{path}:7: event id 'e\\u202e1' holds the invisible character U+202E: a reference typed as it shows "
           "would not find it; delete the character\nError: 1 problem in the dataset; nothing was loaded\n")


def test_a_file_named_twice_is_read_once(run, tmp_path):
    from conftest import SEED, SEEDS

    link = tmp_path / "link.yaml"
    link.symlink_to(SEED)
    for more in (SEED, link):
        result = run("validate", "--data", str(SEED), data=more)
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == f"ok: {SEED} + {more}: 24 events, 16 actors, 24 sources, 19 Nov 2025 to 3 Dec 2025\n"
    assert len(load(SEEDS, SEED).events) == len(load(SEEDS).events)


def test_a_url_the_exports_leave_out_is_named_by_validate(run, tmp_path):
    path = tmp_path / "urls.yaml"
    path.write_text('sources:\n  - {id: s, title: T, url: "javascript:alert(1)"}\n  - {id: t, title: U, url: '
                    '"www.example.org/a"}\n  - {id: u, title: V, url: "https://example.org/a"}\n', encoding="utf-8")
    result = run("validate", data=path)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1:] == [
        f"warning: {path}: source '{name}' has the url '{url}', not a web address (http:// or https://): the "
        "exports and the page leave it out; write the article's address"
        for name, url in (("s", "javascript:alert(1)"), ("t", "www.example.org/a"))]


def test_the_first_and_last_days_are_noted_as_beyond_the_axis_not_beyond_the_years(run, tmp_path):
    path = tmp_path / "ends.yaml"
    path.write_text("actors:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\nevents:\n"
                    "  - {id: e1, type: meeting, date: 9999-12-31, participants: [a, b]}\n"
                    "  - {id: e2, type: meeting, date: 0001-01-01, participants: [a, b]}\n", encoding="utf-8")
    assert run("render", "timeline", "-o", str(tmp_path / "t.svg"), data=path).exit_code == 0
    assert ("<!-- 2 events dated beyond the days the axis can draw (3 Jan 0001 to 29 Dec 9999; 0001-01-01…) drawn "
            "at its edge. -->") in (tmp_path / "t.svg").read_text(encoding="utf-8")


def test_a_positions_chart_before_the_first_position_says_when_it_is(run, tmp_path):
    from conftest import SEEDS

    result = run("render", "positions", "--as-of", "1990", "-o", str(tmp_path / "p.png"), data=SEEDS)
    assert (result.exit_code, result.stderr) == (1, "Error: no positions to draw by 31 Dec 1990: the first is dated "
                                                    "12 Feb 2025; give a later --as-of\n")
