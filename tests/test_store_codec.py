"""timeline.store.codec: a dataset written as plain JSON columns reads back equal, field for field."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

import pytest

from timeline.dates import DateSpan, parse_edtf
from timeline.model import Actor, Dataset, Event, Link, Quote, Source
from timeline.store import codec


def roundtrip(record: Dataset) -> Dataset:
    (back,) = codec.decode([codec.encode(record)])
    return back


def test_many_documents_read_back_in_order_each_column_joined(seed: Dataset) -> None:
    """Documents of one record or of several (the fragments of a folder's files) read back as written."""
    half = len(seed.events) // 2
    first = Dataset(actors=dict(list(seed.actors.items())[:5]), events=seed.events[:half], title="one")
    second = Dataset(actors=dict(list(seed.actors.items())[3:]), events=seed.events[half:], description="two")
    texts: list[str] = []
    both = codec.pack(codec.encode_fields([first, Dataset(), second], texts), texts)
    assert codec.decode([both, codec.encode(seed)]) == [first, Dataset(), second, seed]


def test_the_seed_dataset_reads_back_equal(seed: Dataset) -> None:
    back = roundtrip(seed)
    assert back == seed
    assert list(back.actors) == list(seed.actors) and [e.id for e in back.events] == [e.id for e in seed.events]


def test_an_empty_dataset_reads_back_equal() -> None:
    assert roundtrip(Dataset()) == Dataset()
    assert roundtrip(Dataset(title="", description="")) == Dataset(title="", description="")


def moment(text: str) -> Event:
    return Event(id=f"e-{text}", type="meeting", date=parse_edtf(text))


@pytest.mark.parametrize("date", [
    "2025-12-02", "2025-12", "2025", "2025-12-02T21:00+03:00", "2025-12-02T21:00:30Z", "2025-12-02T21:00",
    "2025-11/2025-12-03", "../2025-12-03", "2025-12-03/..", "2025-11~", "2025-11?", "2025-11%",
])
def test_every_kind_of_date_reads_back_equal(date: str) -> None:
    record = Dataset(events=[moment(date), moment("2025-01-01")],
                     sources={"s": Source("s", published=parse_edtf(date)), "t": Source("t")})
    back = roundtrip(record)
    assert back == record
    assert back.events[0].date.tz == record.events[0].date.tz
    assert back.events[0].date.label() == record.events[0].date.label()


@pytest.mark.parametrize("text", ["", " ", "a\x1fb", "\x1f", "line\nbreak", "quote \" and \\", "NUL \x00 here",
                                  "Мар’яна", "日本語", "emoji 🕊", "\ud800 lone surrogate", "\uffff"])
def test_any_text_reads_back_exactly(text: str) -> None:
    """Separators, NUL, escapes, non-Latin scripts and lone surrogates: every text kept as it was."""
    event = Event(id="e", type="statement", date=parse_edtf("2025"), summary=text, location=text or None,
                  source=(text, "x"), quotes=(Quote("x", text, None),), related=(Link("disputes", text),))
    record = Dataset(actors={text: Actor(id=text, name=text, aliases=(text, text + "2"))},
                     events=[event, Event(id="f", type="statement", date=parse_edtf("2025"))],
                     title=text)
    assert roundtrip(record) == record


def test_a_column_of_few_values_is_written_once_per_value() -> None:
    events = [Event(id=f"e{i}", type="meeting", date=parse_edtf("2025-01-01"), status="occurred")
              for i in range(100)]
    body, _ = codec.unpack(codec.encode(Dataset(events=events)))
    columns = body["events"]["items"]
    assert columns["type"]["table"] == ["meeting"] and columns["date"]["table"][0][0] == "2025-01-01"
    back = roundtrip(Dataset(events=events))
    assert back.events == events
    assert back.events[0].date is back.events[1].date  # frozen: one object for all


def test_mutable_objects_are_never_shared() -> None:
    quotes = (Quote("a", "same words"),)
    events = [Event(id=f"e{i}", type="claim", date=parse_edtf("2025"), quotes=quotes) for i in range(10)]
    back = roundtrip(Dataset(events=events)).events
    assert back[0].quotes == back[1].quotes and back[0].quotes[0] is not back[1].quotes[0]


def test_the_document_holds_only_plain_json_and_text(seed: Dataset) -> None:
    head, _, tail = codec.encode(seed).partition(b"\n")
    body = json.loads(head)  # plain JSON: nothing but text, numbers, booleans, null, lists and objects
    assert set(body) == {*Dataset.__dataclass_fields__, "texts"}
    assert len(tail.decode("utf-8").split(codec.SEPARATOR)) == body["texts"]
    assert seed.events[0].summary in tail.decode("utf-8")


# A model to come (the negotiation model adds named tuples, numbers of two kinds and tuples of objects):
# the codec follows the type hints, with no change.

class Span(NamedTuple):
    actor: str
    start: DateSpan | None = None
    context: tuple[str, ...] = ()


class Amount(NamedTuple):
    what: str
    value: int | float
    approximate: bool = False


@dataclass(slots=True)
class Later:
    id: str
    spans: tuple[Span, ...] = ()
    amounts: tuple[Amount, ...] = ()
    coding: Amount | None = None
    when: datetime | None = None
    zone: timezone | None = None
    flag: bool = False


def test_classes_it_never_saw_read_back_through_their_type_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [Later("a", spans=(Span("x", parse_edtf("2025-01"), ("military",)), Span("y")),
                   amounts=(Amount("prisoners", 390), Amount("km", 12.5, True), Amount("n", 1.0)),
                   coding=Amount("t", 1), when=datetime(2025, 1, 2, 3, 4), zone=timezone(timedelta(hours=3))),
             Later("b"), Later("c", flag=True)]
    texts: list[str] = []
    columns = codec._columns(Later, items, texts)
    back = codec._rows(Later, [json.loads(json.dumps(columns))], [codec.Texts(texts)])
    assert back == items
    assert [type(a.value) for a in back[0].amounts] == [int, float, float]  # 1.0 stays a float, 390 an int


def test_a_type_it_cannot_write_is_refused() -> None:
    @dataclass
    class Odd:
        value: set[str]

    with pytest.raises(TypeError, match="cannot store"):
        codec._columns(Odd, [Odd({"a"})], [])


def test_the_fingerprint_names_every_stored_field() -> None:
    shape = codec.fingerprint()
    for cls in (Actor, Event, Source, Quote, Link):
        assert cls.__name__ + "(" in shape
    assert "DateSpan(text:" in shape and ",date:" in shape
