"""Problems: capped and cheap, one parse per file, hints for what is shown; wrong shapes; merged definitions."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

import timeline.read.yaml
from timeline.dataset import DatasetError, load

GOOD_ACTORS = "actors:\n  - {id: putin, name: Vladimir Putin, kind: person}\n  - {id: witkoff, name: Steve Witkoff}\n"


def caught(path: Path) -> DatasetError:
    with pytest.raises(DatasetError) as error:
        load(path)
    return error.value


def problems(path: Path) -> list[str]:
    return [str(p) for p in caught(path).problems]


# -- the cap ------------------------------------------------------------------------------------

def test_the_first_hundred_problems_are_shown_and_the_rest_counted(write_yaml):
    path = write_yaml("events:\n" + "".join(f"  - bad {i}\n" for i in range(150)))
    error = caught(path)
    assert (len(error.problems), error.count) == (100, 150)
    assert str(error.problems[0]) == f"{path}:2: each item of 'events' should be a mapping, not 'bad 0'"
    assert str(error.problems[-1]) == f"{path}:101: each item of 'events' should be a mapping, not 'bad 99'"
    assert error.summary().splitlines()[-2:] == ["... and 50 more problems like these, not shown",
                                                 "Error: 150 problems in the dataset; nothing was loaded"]


def test_two_megabytes_of_bad_items_end_quickly(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("events:\n" + "  - bad item\n" * 170_000)
    started = time.process_time()
    error = caught(path)
    # CPU seconds, not the clock, which a loaded machine stretched past 15 s (it was a million lines of output)
    assert time.process_time() - started < 15
    assert (len(error.problems), error.count) == (100, 170_000)


def test_shown_problems_are_in_file_and_line_order(tmp_path):
    (tmp_path / "a.yaml").write_text("events:\n  - {id: e, type: meeting, date: 2025-12-02, participants: [x, y]}\n")
    (tmp_path / "b.yaml").write_text("actors:\n  - {id: x, kind: persn}\n")
    assert problems(tmp_path) == [
        f"{tmp_path}/a.yaml:2: unknown actor 'y' in event 'e'",
        f"{tmp_path}/b.yaml:2: unknown actor kind 'persn'; did you mean 'person'? "
        "(kinds: person, state, organization, group)"]


def test_each_file_is_parsed_once_even_when_problems_need_lines_from_other_files(tmp_path, monkeypatch):
    parsed: list[str] = []
    real = timeline.read.yaml._parser

    def counting(text: str):
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(timeline.read.yaml, "_parser", counting)
    (tmp_path / "a.yaml").write_text(GOOD_ACTORS + "events:\n  - {id: talks, type: meeting, date: 2025-12-02,\n"
                                     "     participants: [putin, witkof]}\n")
    (tmp_path / "b.yaml").write_text("events:\n  - {id: talks, type: statement, date: 2025-12-02, source: [putn]}\n")
    assert problems(tmp_path) == [
        f"{tmp_path}/a.yaml:6: unknown actor 'witkof' in event 'talks'; did you mean 'witkoff'?",
        f"{tmp_path}/b.yaml:2: duplicate id 'talks': already used at {tmp_path}/a.yaml:5; ids of actors, events and "
        "sources must all differ"]
    assert len(parsed) == 2


def test_hints_are_worked_out_only_for_the_problems_shown(write_yaml, monkeypatch):
    import rapidfuzz.process

    calls = []
    real = rapidfuzz.process.extractOne
    monkeypatch.setattr(rapidfuzz.process, "extractOne", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    actors = "".join(f"  - {{id: actor-{i}}}\n" for i in range(1000))
    events = "".join(f"  - {{id: e{i}, type: statement, date: 2025-12-02, source: [actr-{i}]}}\n" for i in range(300))
    error = caught(write_yaml(f"actors:\n{actors}events:\n{events}"))
    assert error.count == 300 and len(calls) == 100
    assert str(error.problems[0]).endswith(": unknown actor 'actr-0' in event 'e0'; did you mean 'actor-0'?")


# -- wrong shapes -------------------------------------------------------------------------------

def test_aliases_written_as_one_text_with_commas_say_how_to_write_a_list(write_yaml):
    path = write_yaml(GOOD_ACTORS + "  - {id: lavrov, aliases: \"Lavrov, Sergei Lavrov, FM: Lavrov\"}\n")
    assert problems(path) == [
        f"{path}:4: 'aliases' is a list: write aliases: [Lavrov, Sergei Lavrov, \"FM: Lavrov\"] (or one '- ' line "
        "each); quote a single entry that has a comma: [\"Lavrov, Sergei Lavrov, FM: Lavrov\"]"]


def test_a_list_without_brackets_inside_braces_gets_a_hint(write_yaml):
    path = write_yaml(GOOD_ACTORS + "events:\n  - {id: e, type: meeting, date: 2025-12-02, participants: putin, "
                                    "witkoff}\n")
    assert problems(path)[0] == (
        f"{path}:5: 'witkoff' inside {{...}} has no ':' and is read as a key of its own (a comma ends a value "
        "there): for a list write participants: [putin, witkoff]; for text with a comma use quotes")


def test_a_list_with_a_number_is_a_list(write_yaml):
    path = write_yaml(GOOD_ACTORS + "events:\n  - {id: e, type: meeting, date: 2025-12-02, participants: "
                                    "[1.0, bob, putin]}\n")
    assert problems(path) == [f"{path}:5: unknown actor '1.0' in event 'e'",
                              f"{path}:5: unknown actor 'bob' in event 'e'"]


def test_an_empty_item_in_a_list_of_ids_is_named(write_yaml):
    path = write_yaml(GOOD_ACTORS + "events:\n  - id: e\n    type: meeting\n    date: 2025-12-02\n"
                                    "    participants:\n      - putin\n      -\n      - witkoff\n")
    assert problems(path) == [f"{path}:5: meeting 'e' needs at least two actors in 'participants', 'head', 'host', "
                              "'mediator' and 'signatory'",
                              f"{path}:10: 'participants' should be a list of ids; item 2 is nothing"]


# -- numbers and booleans for the fields that want them: YAML 1.2 rules --------------------------

EVENT = """\
actors: [{{id: a}}, {{id: b}}]
events:
  - id: e
    type: meeting
    date: 2025-12-02
    participants: [a, b]
    draft: {draft}
    quantities: [{{what: prisoners_released, value: {value}}}]
"""


def test_true_and_digits_are_a_flag_and_a_number(write_yaml):
    draft = load(write_yaml(EVENT.format(draft="true", value="390"))).event("e")
    assert draft.draft is True and draft.quantities[0].value == 390
    dataset = load(write_yaml(EVENT.format(draft="false", value="12.5")))
    assert dataset.event("e").draft is False and dataset.event("e").quantities[0].value == 12.5


@pytest.mark.parametrize(("draft", "value", "expected"), [
    ("yes", "390", [":7: 'draft' should be true or false, not 'yes'"]),
    ("on", "1_000", [":7: 'draft' should be true or false, not 'on'",
                     ":8: 'value' should be a number such as 390, not '1_000' (write 1200, not '1,200'; 'about' is "
                     "approximate: true)"]),
    ("false", "about 400", [":8: 'value' should be a number such as 390, not 'about 400' (write 1200, not '1,200'; "
                            "'about' is approximate: true)"]),
])
def test_yaml_1_1_flags_and_numbers_are_one_line_naming_the_key(write_yaml, draft, value, expected):
    path = write_yaml(EVENT.format(draft=draft, value=value))
    assert problems(path) == [f"{path}{line}" for line in expected]


# -- the same actor or source in several files --------------------------------------------------

def test_identical_definitions_in_several_files_merge(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(GOOD_ACTORS + "sources:\n  - {id: tass, publisher: TASS}\n")
    dataset = load(tmp_path)
    assert list(dataset.actors) == ["putin", "witkoff"] and list(dataset.sources) == ["tass"]


def test_conflicting_definitions_name_both_places_and_the_fields(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD_ACTORS)
    (tmp_path / "b.yaml").write_text("actors:\n  - {id: putin, name: Putin, kind: person, aliases: [VVP]}\n")
    assert problems(tmp_path) == [
        f"{tmp_path}/b.yaml:2: actor 'putin' is defined differently at {tmp_path}/a.yaml:2 (name: 'Vladimir Putin' "
        "there, 'Putin' here; aliases: nothing there, a list here); define it once, or the same way"]


def test_a_repeated_definition_in_one_file_is_still_a_duplicate(write_yaml):
    path = write_yaml(GOOD_ACTORS + "  - {id: putin, name: Vladimir Putin, kind: person}\n")
    assert problems(path) == [f"{path}:4: duplicate id 'putin': already used at {path}:2; ids of actors, events "
                              "and sources must all differ"]
