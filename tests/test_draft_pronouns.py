"""Subject pronouns resolved to the last sentence's subject (issue #16; timeline.draft.pronouns), as a table."""
from __future__ import annotations

import pytest

from timeline.dataset import load
from timeline.draft.actors import ActorIndex
from timeline.draft.sentences import sentences


@pytest.fixture(scope="module")
def record():
    return load("seeds")


PRONOUNS = [
    # one person as subject: "He" is that person
    ("Putin received Witkoff in the Kremlin. He said the talks were useful.", "He", ["putin"]),
    ("Guterres was upbeat when the talks began. But he warned of obstacles.", None, []),  # "he" mid-sentence: roles'
    # a sentence with no subject that names one person: that person
    ("But the tone soured and the UN chief Antonio Guterres flew back.\nHe held talks with Nicos Anastasiades.",
     "He", ["guterres"]),
    # two persons as subject: ambiguous, no resolution
    ("Putin and Trump spoke by phone. He said the call was frank.", "He", []),
    # "They": the two actors of the last subject
    ("Russia and Ukraine held talks in Istanbul. They agreed to swap prisoners.", "They", ["russia", "ukraine"]),
    # "They" after one person: no resolution (not plural)
    ("Zelenskyy arrived in Berlin. They discussed guarantees.", "They", []),
    # "She" after a state: no person to stand for
    ("Ukraine rejected the plan. She said it was unacceptable.", "She", []),
    # a sentence between whose subject is no actor and that names two persons: "He" is unknown
    ("Lavrov arrived in Ankara. The visit followed talks between Rubio and Witkoff. He met Fidan.", "He", []),
    # "The leaders of the two states ... They said": the subject is not named; "They" is unknown
    ("Armenia and Azerbaijan held talks. The leaders of the two states reached an agreement in Munich. "
     "They said the ministers will meet.", "They", []),
    # "He" as a family name is no pronoun
    ("Bessent met reporters. He Lifeng called the talks candid.", "He", []),
    # a pronoun inside a quotation is what was said: left alone
    ('Trump called Zelensky on Wednesday. "He said the plants could be run by us," Leavitt said.', None, []),
]


@pytest.mark.parametrize(("text", "word", "expected"), PRONOUNS)
def test_opening_pronoun_stands_for_the_last_subject(record, text, word, expected):
    index = ActorIndex.build(record)
    found = [index.find(sentence) for sentence in sentences(text)]
    if word is None:
        assert not [m for m in found[-1] if m.text.lower() in ("he", "she", "they")]
        return
    assert [m.actor for m in found[-1] if m.text == word] == expected


def test_he_after_a_title_is_a_family_name():
    """ "Vice-Premier He Lifeng": "He" right after a title is the family name, not a pronoun (drafta7)."""
    import datetime as dt

    from timeline.draft.pipeline import draft_article

    draft = draft_article("US Treasury Secretary Scott Bessent and Chinese Vice-Premier He Lifeng led the talks in "
                          "Geneva on Saturday.", dt.date(2025, 5, 12))
    assert [(e.type, e.date, e.roles) for e in draft.events] == [
        ("meeting", "2025-05-10", {"participants": ["bessent", "he-lifeng"]})]
    assert {"id": "he-lifeng", "name": "He Lifeng", "kind": "person"} in draft.actors
