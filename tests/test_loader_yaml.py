"""Reading YAML: what the user typed is what is stored; repeated keys and hostile files get one line each."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dataset import DatasetError, load
from timeline.read.values import text_of
from timeline.read.yaml import Reader, typed


def problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(path)
    return [str(p) for p in caught.value.problems]


def read(text: str) -> tuple[dict, list[tuple[int, str]]]:
    """The top-level mapping of ``text`` read whole, and the problems reported."""
    found: list[tuple[int, str]] = []
    return {key: value for key, _, value in Reader(text, lambda *p: found.append(p)).top()}, found


# -- YAML 1.1 typing is gone: text stays text --------------------------------------------------

YAML11 = """\
actors:
  - {id: no, name: Norway, kind: state}
  - {id: yes, name: Yemen, kind: state}
  - {id: on, name: Oman, kind: state}
  - {id: 010, name: Ten}
  - {id: 0x1F, name: Hex}
  - {id: 1_000, name: Thousand}
  - {id: 1.0, name: One}
  - {id: true, name: No}
events:
  - {id: e1, type: visit, date: 2025-12-02, participants: [no, 010, 0x1F, 1_000, 1.0, "true"], host: [on],
     summary: No}
"""


def test_ids_names_and_summaries_are_the_text_typed(write_yaml):
    dataset = load(write_yaml(YAML11))
    assert list(dataset.actors) == ["no", "yes", "on", "010", "0x1F", "1_000", "1.0", "true"]
    assert dataset.actors["true"].name == "No"
    event = dataset.event("e1")
    assert event.participants == ("no", "010", "0x1F", "1_000", "1.0", "true")
    assert event.host == ("on",)
    assert event.summary == "No"


def test_a_time_is_not_read_as_sexagesimal(write_yaml):
    path = write_yaml("events:\n  - {id: e, type: statement, date: 12:30, source: [a]}\nactors: [{id: a}]\n")
    assert problems(path) == [f"{path}:2: '12:30' is not an EDTF date (e.g. '2025-12-02', '2025-12', "
                              "'2025-12-02T21:00+03:00' or '2025-11/2025-12-03')"]


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("False", False), ("TRUE", True), ("yes", "yes"), ("no", "no"), ("on", "on"), ("y", "y"),
    ("~", None), ("null", None), ("", None), ("NULL", None), ("nil", "nil"),
    ("010", 10), ("-7", -7), ("0o17", 15), ("0x1F", 31), ("1_000", "1_000"), ("017", 17), ("0b11", "0b11"),
    ("1.5", 1.5), ("1e3", 1000.0), (".5", 0.5), ("-.inf", float("-inf")), ("1:30", "1:30"),
    ("2025-12-02", "2025-12-02"), ("2025", 2025), ("+12", 12), ("1.2.3", "1.2.3"),
])
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text, value):
    assert typed(text) == value and type(typed(text)) is type(value)


def test_numbers_and_booleans_keep_the_text_they_were_written_as():
    top, found = read("m:\n  a: 010\n  b: [0x1F, 1.50, x]\n  c: 'quoted'\n  d: true\n")
    data = top["m"]
    assert found == []
    assert (data["a"], text_of(data, "a")) == (10, "010")
    assert [text_of(data["b"], i) for i in range(3)] == ["0x1F", "1.50", "x"]
    assert data["b"] == [31, 1.5, "x"] and text_of(data, "d") == "true" and data["d"] is True


def test_quoted_and_block_scalars_are_always_text():
    data, _ = read("a: '010'\nb: \"true\"\nc: |\n  no\nd: !!str 12\n")
    assert data == {"a": "010", "b": "true", "c": "no\n", "d": "12"}


SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(SAFE_TEXT, SAFE_TEXT, max_size=8))
def test_any_mapping_of_strings_dumped_and_read_back_keeps_every_string(mapping):
    for style in (None, False, True):       # PyYAML's choice of style, block style, flow style
        data, found = read(yaml.safe_dump({"m": mapping}, allow_unicode=True, default_flow_style=style))
        assert found == []
        got = data["m"] or {}
        assert {key: text_of(got, key) for key in got} == mapping


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1,
                        max_size=20).filter(lambda s: "," not in s), min_size=1, max_size=5, unique=True))
def test_any_actor_names_and_ids_load_exactly(tmp_path_factory, names):
    actors = [{"id": name, "name": name, "aliases": [name]} for name in names]
    path = tmp_path_factory.mktemp("names") / "data.yaml"
    path.write_text(yaml.safe_dump({"actors": actors}, allow_unicode=True), encoding="utf-8")
    dataset = load(path)
    assert [(a.id, a.name, a.aliases) for a in dataset.actors.values()] == [(n, n, (n,)) for n in names]


# -- repeated keys ------------------------------------------------------------------------------

def test_a_repeated_key_in_an_event_names_both_lines(write_yaml):
    path = write_yaml("""\
        actors: [{id: a}, {id: b}]
        events:
          - id: talks
            type: meeting
            date: 2025-12-02
            date: 2025-12-03
            participants: [a, b]
    """)
    assert problems(path) == [f"{path}:6: 'date' appears twice in this mapping (first at line 5); keep one"]


def test_two_files_joined_with_cat_lose_nothing_silently(tmp_path):
    week1 = "actors:\n  - {id: a}\n  - {id: b}\nevents:\n  - {id: e1, type: meeting, date: 2025-12-01, participants: [a, b]}\n"
    week2 = "actors:\n  - {id: c}\nevents:\n  - {id: e2, type: meeting, date: 2025-12-08, participants: [a, c]}\n"
    path = tmp_path / "all.yaml"
    path.write_text(week1 + week2)
    assert problems(path) == [
        f"{path}:6: 'actors' appears twice at the top level (first at line 1); YAML keeps only the last block: "
        "put every item under one 'actors:'",
        f"{path}:8: 'events' appears twice at the top level (first at line 4); YAML keeps only the last block: "
        "put every item under one 'events:'"]


def test_a_repeated_key_in_a_flow_mapping_and_a_list_item(write_yaml):
    path = write_yaml("actors:\n  - {id: a, name: A, name: B}\n  - id: b\n    kind: state\n    kind: person\n")
    assert problems(path) == [f"{path}:2: 'name' appears twice in this mapping (first at line 2); keep one",
                              f"{path}:5: 'kind' appears twice in this mapping (first at line 4); keep one"]


# -- hostile and odd YAML -----------------------------------------------------------------------

def test_python_tags_are_refused_and_nothing_runs(write_yaml, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_yaml("actors: !!python/object/apply:os.system ['touch ran']\n"
                      "sources: [{id: s, title: !!python/name:os.system }]\n")
    assert problems(path) == [
        f"{path}:1: the tag !!python/object/apply:os.system is not supported; remove it (timeline reads plain YAML)",
        f"{path}:1: each item of 'actors' should be a mapping, not 'touch ran'",
        f"{path}:2: the tag !!python/name:os.system is not supported; remove it (timeline reads plain YAML)"]
    assert not (tmp_path / "ran").exists()


def test_core_tags_are_honoured_and_checked(write_yaml):
    path = write_yaml("actors:\n  - {id: !!str 010, name: !!binary aGVsbG8=}\n  - {id: !!int abc}\n")
    assert problems(path) == [f"{path}:2: the tag !!binary is not supported; remove it (timeline reads plain YAML)",
                              f"{path}:3: 'abc' is not a int; remove the tag !!int or correct the value"]


def test_deep_nesting_is_one_line(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("events:\n  - " + "[" * 60 + "]" * 60 + "\n")
    assert problems(path) == [f"{path}:2: nested more than 40 levels deep; a dataset needs about six"]


def test_nesting_past_libyaml_limit_is_one_line(tmp_path):
    path = tmp_path / "deeper.yaml"
    path.write_text("events: " + "[" * 100_000 + "]" * 100_000 + "\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:1: malformed YAML: ") and "nesting depth" in message


def test_an_alias_to_itself_is_one_line(write_yaml):
    path = write_yaml("actors:\n  - &x {id: a, name: *x}\n")
    assert problems(path) == [f"{path}:2: alias *x comes before its anchor &x (or inside it)"]


def test_aliases_and_merge_keys_still_work(write_yaml):
    path = write_yaml("""\
        actors:
          - &state {id: russia, kind: state}
          - {<<: *state, id: ukraine, name: Ukraine}
        events:
          - {id: e, type: meeting, date: 2025-12-02, participants: &both [russia, ukraine]}
          - {id: f, type: meeting, date: 2025-12-03, participants: *both}
    """)
    dataset = load(path)
    assert dataset.actors["ukraine"].kind == "state" and dataset.actors["ukraine"].name == "Ukraine"
    assert dataset.event("f").participants == ("russia", "ukraine")


def test_a_huge_text_is_refused_with_one_line(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("actors:\n  - id: a\n    name: " + "x" * 10_000_000 + "\n")
    started = time.process_time()
    assert problems(path) == [f"{path}:3: a text of 10,000,000 characters, over the 100,000 limit; shorten it"]
    assert time.process_time() - started < 10


def test_a_second_document_is_refused(write_yaml):
    path = write_yaml("---\nactors: []\n---\nevents: []\n")
    assert problems(path) == [f"{path}:3: a second YAML document starts here (after '---'); a data file holds "
                              "one: split it into two files"]


@pytest.mark.parametrize(("raw", "name", "column"), [("\a", "U+0007 (BEL)", 22), ("\0", "U+0000 (NUL)", 22),
                                                     ("\x1b", "U+001B (ESC)", 22), ("\x7f", "U+007F (DEL)", 22)])
def test_a_raw_control_character_is_one_line_with_its_place(tmp_path, raw, name, column):
    path = tmp_path / "pasted.yaml"
    path.write_bytes(f"actors:\n  - {{id: a, name: Zel{raw}ensky}}\n  - {{id: b{raw}}}\n".encode())
    assert problems(path) == [f"{path}:2: the control character {name} at column {column} (and 1 more in this "
                              "file) is not allowed in YAML (text pasted from a PDF often has them); delete it"]


def test_an_escape_in_double_quotes_is_kept_as_typed(write_yaml):
    path = write_yaml('actors:\n  - {id: a, name: "red\\e[31m", notes: "tab\\tand\\nline"}\n')
    actor = load(path).actors["a"]
    assert (actor.name, actor.notes) == ("red\x1b[31m", "tab\tand\nline")   # output layers show them escaped


def test_a_key_that_is_a_list_is_one_line(write_yaml):
    path = write_yaml("actors:\n  - {[a, b]: 1, id: x}\n")
    assert problems(path) == [f"{path}:2: a key should be text, not a list or mapping"]


def test_a_long_text_repeated_by_aliases_is_bounded(write_yaml):
    note = "x" * 90_000
    path = write_yaml("actors:\n  - {id: a, notes: &t " + note + "}\n"
                      + "".join(f"  - {{id: a{i}, notes: *t}}\n" for i in range(200)))
    assert problems(path) == [f"{path}:23: aliases repeat more than ten times what the file holds (an alias "
                              "bomb?); write the values out"]


def test_without_libyaml_the_pure_python_parser_reads_the_same(write_yaml, monkeypatch):
    path = write_yaml(YAML11)
    with_libyaml = load(path)
    monkeypatch.setitem(__import__("sys").modules, "yaml.cyaml", None)   # as where PyYAML was built without it
    without = load(path)
    assert without.actors == with_libyaml.actors and without.events == with_libyaml.events
    bad = write_yaml("actors:\n  - {id: a, name: A, name: B}\n", "bad.yaml")
    assert problems(bad) == [f"{bad}:2: 'name' appears twice in this mapping (first at line 2); keep one"]
