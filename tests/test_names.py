"""Finding actors by what people type: one rule for empty names, apostrophes, any word of a name."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.dataset import load
from timeline.model import Dataset
from timeline.names import APOSTROPHES, ActorNotFound, find_actor, fold

EMPTY = "Error: an actor name cannot be empty: give an id, a name or an alias ('timeline actors' lists them)\n"

PEOPLE = """\
actors:
  - {id: maryana, name: "Мар’яна Безугла", kind: person}
  - {id: obrien, name: "Robert O’Brien", kind: person}
  - {id: yermak, name: "Андрій Єрмак", kind: person}
  - {id: yermakov, name: "Yermakov", kind: person}
  - {id: ivan-petrov, name: "Ivan Petrov", kind: person}
  - {id: ivan-sidorov, name: "Ivan Sidorov", kind: person}
  - {id: petrova, name: "Petrova Anna", kind: person}
events:
  - {id: e1, type: meeting, date: 2025-12-02, participants: [maryana, obrien, yermak, yermakov]}
  - {id: e2, type: meeting, date: 2025-12-03, participants: [ivan-petrov, ivan-sidorov, petrova]}
"""


@pytest.fixture
def people(write_yaml: Callable[[str, str], Path]) -> Dataset:
    return load(write_yaml(PEOPLE))


@pytest.mark.parametrize(("typed", "actor"), [
    ("Мар'яна", "maryana"),            # ASCII apostrophe finds the typographic one
    ("Марʼяна Безугла", "maryana"),     # modifier letter apostrophe (Ukrainian orthography)
    ("O'Brien", "obrien"), ("o‘brien", "obrien"), ("O′Brien", "obrien"), ("O`Brien", "obrien"),
    ("Robert O´Brien", "obrien"),
    ("Єрмак", "yermak"),                # any word of a name, not only its start
    ("Безугла", "maryana"),
    ("Yermakov", "yermakov"),
    ("Єрм", "yermak"),                  # the start of a word, when no name begins so
    ("Sidorov", "ivan-sidorov"),
    ("Ivan Petrov", "ivan-petrov"),
])
def test_names_match_as_people_type_them(people: Dataset, typed: str, actor: str) -> None:
    assert find_actor(people, typed).id == actor


def test_every_apostrophe_folds_alike() -> None:
    assert {fold(f"O{mark}Brien") for mark in APOSTROPHES} == {"o'brien"}


def test_a_whole_word_ranks_before_the_start_of_a_word(people: Dataset) -> None:
    """'Petrov' is a whole word of 'Ivan Petrov' and only the start of 'Petrova Anna'; 'petro' begins a name."""
    assert find_actor(people, "petrov").id == "ivan-petrov"
    assert find_actor(people, "petro").id == "petrova"


@pytest.mark.parametrize(("typed", "message"), [
    ("Ivan", "'Ivan' could be any of: ivan-petrov (Ivan Petrov), ivan-sidorov (Ivan Sidorov); use one of these ids"),
    ("Yerm", "'Yerm' could be any of: yermak (Андрій Єрмак), yermakov (Yermakov); use one of these ids"),
    ("Xerxes", "no actor called 'Xerxes'; 'timeline actors' lists every actor"),
])
def test_ambiguous_and_unknown_names_say_what_to_do(people: Dataset, typed: str, message: str) -> None:
    with pytest.raises(ActorNotFound) as caught:
        find_actor(people, typed)
    assert str(caught.value) == message


@pytest.mark.parametrize("blank", ["", " ", "\t", "\u3000"])
def test_the_library_refuses_an_empty_name(seed: Dataset, blank: str) -> None:
    with pytest.raises(ActorNotFound) as caught:
        find_actor(seed, blank)
    assert f"Error: {caught.value}\n" == EMPTY


@pytest.mark.parametrize("args", [
    ("met", ""), ("met", " "), ("met", "putin", ""), ("met", "", "putin"), ("relations", ""),
    ("path", "", "putin"), ("path", "putin", " "), ("events", "--actor", ""), ("render", "graph", "--around", ""),
])
def test_every_command_refuses_an_empty_name_in_one_line(run: Callable, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", EMPTY)


def test_a_long_name_is_shortened_in_the_message(seed: Dataset) -> None:
    with pytest.raises(ActorNotFound) as caught:
        find_actor(seed, "x" * 80_000)
    assert str(caught.value) == f"no actor called '{'x' * 57}...'; 'timeline actors' lists every actor"
