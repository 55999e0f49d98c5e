"""Loading and checking data files: every problem reported at once, with file and line."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from timeline.dataset import DatasetError, load

GOOD = """\
actors:
  - {id: putin, name: Vladimir Putin, kind: person, affiliation: russia, aliases: [Putin]}
  - {id: witkoff, name: Steve Witkoff, affiliation: united-states}
  - {id: russia, name: Russia, kind: state}
  - {id: united-states, name: United States, kind: state}
sources:
  - {id: article, publisher: Example News, title: Talks, published: 2025-12-03}
events:
  - id: talks
    type: meeting
    date: 2025-12-02
    participants: [putin, witkoff]
    sources: [article]
  - id: offer
    type: proposal
    date: 2025-12
    source: [united-states]
    target: [russia]
    related: [{relation: part_of, event: talks}]
"""


def problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(path)
    return [str(p) for p in caught.value.problems]


def test_good_file_loads_with_its_contents(write_yaml):
    dataset = load(write_yaml(GOOD))
    assert list(dataset.actors) == ["putin", "witkoff", "russia", "united-states"]
    assert [e.id for e in dataset.events] == ["talks", "offer"]  # by midpoint: mid-December after 2 Dec
    talks = dataset.event("talks")
    assert talks.participants == ("putin", "witkoff")
    assert talks.date.precision == "day" and talks.date.text == "2025-12-02"
    assert dataset.event("offer").date.iso_start() == "2025-12-01"
    assert dataset.event("offer").date.iso_end() == "2025-12-31"
    assert dataset.sources["article"].published.text == "2025-12-03"
    assert dataset.side("witkoff") == "united-states"


def test_every_problem_is_reported_at_once_with_its_line(write_yaml):
    path = write_yaml("""\
        actors:
          - {id: putin, name: Vladimir Putin}
          - {id: witkoff, name: Steve Witkoff, kind: persn}
          - {id: putin, name: Duplicate}
        events:
          - id: talks
            type: meetng
            date: 2025-12-02
            participants: [putin, witkof]
          - id: later
            type: meeting
            date: 2025-12-05/2025-12-01
            participants: [putin, witkoff]
            participnts: [putin]
          - id: other
            type: statement
            date: 2025-13
            source: [putin]
            status: done
            related: [{relation: responds_to, event: talk}]
    """)
    assert problems(path) == [
        f"{path}:3: unknown actor kind 'persn'; did you mean 'person'? (kinds: person, state, organization, group)",
        f"{path}:4: duplicate id 'putin': already used at {path}:2; ids of actors, events and sources must all differ",
        f"{path}:7: unknown event type 'meetng'; did you mean 'meeting'?",
        f"{path}:12: end 2025-12-01 is before start 2025-12-05 in '2025-12-05/2025-12-01' (e.g. '2025-12-01/2025-12-05')",
        f"{path}:14: unknown key 'participnts' in event; did you mean 'participants'?",
        f"{path}:17: " + problems_of_date("2025-13"),
        f"{path}:19: unknown status 'done' (statuses: occurred, planned, proposed, postponed, cancelled, disputed, claimed)",
    ]
    assert "2025-13" in problems_of_date("2025-13")


def problems_of_date(text: str) -> str:
    from timeline.dates import DateError, parse_edtf

    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    return str(caught.value)


def test_references_are_checked_once_the_items_are_valid(write_yaml):
    path = write_yaml("""\
        actors:
          - {id: putin, name: Vladimir Putin, affiliation: rusia}
          - {id: russia, name: Russia, kind: state}
          - {id: witkoff, name: Steve Witkoff}
        sources:
          - {id: article}
        events:
          - id: talks
            type: meeting
            date: 2025-12-02
            participants: [putin, witkof]
            sources: [articel]
            quotes: [{speaker: ushakov, text: "useful"}]
          - id: reply
            type: rejection
            date: 2025-12-03
            target: [putin]
            related: [{relation: responds_to, event: talk}]
    """)
    assert problems(path) == [
        f"{path}:2: unknown affiliation 'rusia' of actor 'putin'; did you mean 'russia'?",
        f"{path}:11: unknown actor 'witkof' in event 'talks'; did you mean 'witkoff'?",
        f"{path}:12: unknown source 'articel' in event 'talks'; did you mean 'article'?",
        f"{path}:13: unknown speaker 'ushakov' in event 'talks'",
        f"{path}:14: rejection 'reply' needs a 'source': the actor who acts",
        f"{path}:18: unknown event 'talk' in 'related' of 'reply'; did you mean 'talks'?",
    ]


def test_affiliation_cycle_is_reported(write_yaml):
    path = write_yaml("""\
        actors:
          - {id: a, name: A, affiliation: b}
          - {id: b, name: B, affiliation: a}
    """)
    assert problems(path) == [f"{path}:2: affiliation cycle: a -> b -> a; an actor cannot belong to itself"]


def test_unknown_role_key_and_top_level_key(write_yaml):
    path = write_yaml("""\
        actor:
          - {id: a}
        events:
          - {id: e, type: statement, date: 2025, speaker: [a]}
    """)
    assert problems(path) == [
        f"{path}:1: unknown top-level key 'actor'; did you mean 'actors'?",
        f"{path}:4: unknown key 'speaker' in event; roles are participants, head, host, mediator, initiator, "
        "signatory, source, target, mentioned",
        f"{path}:4: statement 'e' needs a 'source': the actor who acts",
    ]


def test_an_actor_id_in_sources_gets_a_hint(write_yaml):
    path = write_yaml("""\
        actors: [{id: russia, kind: state}, {id: ukraine, kind: state}]
        events:
          - {id: e, type: claim, date: 2025-12, source: [russia], sources: [russia]}
    """)
    assert problems(path) == [f"{path}:3: unknown source 'russia' in event 'e'; that is an actor: "
                              "name the acting actor with 'source' (singular)"]


def test_malformed_yaml_names_the_line(write_yaml):
    path = write_yaml("actors:\n  - id: a\n   name: b\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:3: malformed YAML: ")
    assert "check indentation" in message


def test_wrong_shapes_are_reported_not_crashed(write_yaml):
    path = write_yaml("""\
        actors: {id: a}
        events:
          - just text
          - {id: e, type: [meeting], date: {a: 1}, participants: {x: 1}}
    """)
    assert problems(path) == [
        f"{path}:1: 'actors' should be a list of mappings (items starting with '- '), not a mapping",
        f"{path}:3: each item of 'events' should be a mapping, not 'just text'",
        f"{path}:4: 'type' should be text, not a list",
        f"{path}:4: a date should be text such as 2025-12-02, not a mapping",
        f"{path}:4: 'participants' should be an id or a list of ids, not a mapping",
    ]


def test_empty_file_is_an_empty_dataset(write_yaml):
    dataset = load(write_yaml(""))
    assert (dataset.events, dataset.actors) == ([], {})


def test_non_utf8_bytes_name_the_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("actors:\n  - {id: a, name: Zelensk\xfd}\n".encode("latin-1"))
    assert problems(path) == [f"{path}:2: byte 0xfd is not UTF-8; save the file as UTF-8"]


def test_alias_bomb_is_refused_at_once_with_one_line(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nevents: *a9\n")
    started = time.process_time()
    found = problems(path)
    assert time.process_time() - started < 5
    assert found == [f"{path}:{i + 1}: unknown top-level key 'a{i}'" for i in range(5)] + [
                     f"{path}:6: aliases repeat more than ten times what the file holds (an alias bomb?); "
                     "write the values out"]


def test_deep_nesting_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("events: " + "[" * 100_000 + "]" * 100_000 + "\n")
    [message] = problems(path)
    assert message.startswith(f"{path}")


def test_a_50_mb_file_is_refused_at_once(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "w") as file:
        file.write("events:\n")
        file.writelines(f"  - {{id: e{i}, type: statement, date: 2025, source: [a]}}\n" for i in range(1_000_000))
    assert path.stat().st_size > 50 * 2**20
    started = time.process_time()
    assert problems(path) == [f"{path}: file is 57 MB, over the 32 MB limit; split it into a folder of files "
                              "(or set TIMELINE_MAX_FILE_MB)"]
    assert time.process_time() - started < 1


def test_folder_of_files_is_one_dataset(tmp_path):
    actors, rest = GOOD.split("sources:\n")
    (tmp_path / "actors.yaml").write_text(actors)
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "2025.yml").write_text("sources:\n" + rest)
    dataset = load(tmp_path)
    assert len(dataset.actors) == 4 and len(dataset.events) == 2


def test_an_id_cannot_name_both_an_actor_and_an_event(write_yaml):
    path = write_yaml("""\
        actors: [{id: a}, {id: b}]
        events: [{id: a, type: call, date: 2025, participants: [a, b]}]
    """)
    assert problems(path) == [f"{path}:2: duplicate id 'a': already used at {path}:1; "
                              "ids of actors, events and sources must all differ"]


def test_seed_dataset_is_valid_and_complete(seed):
    assert len(seed.events) >= 20
    types = {e.type for e in seed.events}
    assert {"meeting", "visit", "proposal", "counter_proposal", "rejection", "accusation", "threat",
            "claim", "denial", "statement", "assessment", "demand"} <= types
    talks = seed.event("moscow-talks")
    assert (talks.date.text, talks.location, talks.status) == ("2025-12-02", "Moscow", "occurred")
    assert set(talks.participants) | set(talks.host) == {"putin", "witkoff", "kushner"}
    for person, state in [("witkoff", "united-states"), ("kushner", "united-states"), ("ushakov", "russia"),
                          ("sybiha", "ukraine"), ("zelenskyy", "ukraine"), ("trump", "united-states")]:
        assert seed.side(person) == state
    assert all(e.sources for e in seed.events)
    assert all(actor.aliases for actor in seed.actors.values() if actor.kind == "person")


def test_seed_dates_are_no_more_precise_than_the_article(seed):
    planned = [e for e in seed.events if e.status == "planned"]
    assert [(e.type, e.date.text) for e in planned] == [("meeting", "2025-12-03/..")]
    denial = next(e for e in seed.events if e.type == "denial")
    claim = seed.event(denial.related[0].event)
    assert (denial.related[0].relation, claim.type, claim.status) == ("disputes", "claim", "disputed")


def test_references_are_checked_along_with_other_problems(write_yaml):
    path = write_yaml("""\
        actors: [{id: putin}, {id: witkoff, kind: persn}]
        events:
          - {id: talks, type: meetng, date: 2025-12-02, participants: [putin, witkoff]}
          - {id: later, type: meeting, date: 2025-12-03, participants: [putin, witkof]}
    """)
    assert problems(path) == [
        f"{path}:1: unknown actor kind 'persn'; did you mean 'person'? (kinds: person, state, organization, group)",
        f"{path}:3: unknown event type 'meetng'; did you mean 'meeting'?",
        f"{path}:4: unknown actor 'witkof' in event 'later'; did you mean 'witkoff'?",
    ]


def test_problems_inside_an_event_point_at_their_line(write_yaml):
    path = write_yaml("""\
        actors: [{id: a}, {id: b}]
        events:
          - id: e
            type: call
            date: 2025
            participants: [a, b]
            related: {relation: part_of}
            quotes:
              - just words
    """)
    assert problems(path) == [
        f"{path}:7: 'related' should be a list of mappings (items starting with '- '), not a mapping",
        f"{path}:9: each item of 'quotes' should be a mapping, not 'just words'",
    ]


def test_size_limit_from_the_environment(write_yaml, monkeypatch):
    path = write_yaml("actors: [{id: a}]\n")
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "lots")
    assert problems(path) == ["TIMELINE_MAX_FILE_MB: should be a whole number of megabytes, such as 64, not 'lots'"]
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "1")
    assert list(load(path).actors) == ["a"]


def test_a_folder_passes_over_hidden_files_and_node_modules(tmp_path):
    (tmp_path / "actors.yaml").write_text("actors: [{id: a}]\n")
    for hidden in (".git/config.yaml", "node_modules/pkg/.travis.yml", ".draft.yaml"):
        (tmp_path / hidden).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / hidden).write_text("not: [a dataset\n")
    assert list(load(tmp_path).actors) == ["a"]


def test_a_file_that_is_not_yaml_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("actors: []\n")
    assert problems(path) == [f"{path}: not a dataset: data files end in .yaml or .yml"]


def test_the_period_covered_is_as_precise_as_its_dates(write_yaml, seed):
    path = write_yaml("""\
        actors: [{id: a}]
        events:
          - {id: s, type: statement, date: 1990, source: [a]}
          - {id: t, type: statement, date: "../2025-12-03?", source: [a]}
    """)
    assert load(path).date_range() == "1990 to 3 Dec 2025?"
    assert seed.date_range() == "19 Nov 2025 to 3 Dec 2025"


@pytest.mark.parametrize(("url", "character"), [
    ("https://x.org/a\r\nBEGIN:VEVENT", "the character U+000D"),
    ("https://x.org/a\nb", "the character U+000A"),
    ("https://x.org/a b", "a space"),
    ("https://x.org/\x1b[2J", "the character U+001B"),
    ("https://x.org/a\x85b", "the character U+0085"),
])
def test_a_url_with_a_line_break_space_or_control_character_is_refused(write_yaml, url, character):
    import json

    path = write_yaml(f"""\
        actors: [{{id: a, name: A}}]
        sources:
          - id: s
            url: {json.dumps(url)}
        """)
    assert problems(path) == [f"{path}:4: the url has {character} in it; write spaces as %20 and remove line breaks "
                              "and control characters"]
