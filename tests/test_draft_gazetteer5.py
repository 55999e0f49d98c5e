"""Round 5 (issue #16): the gazetteer's names are one table (``news_names.tsv``) read by one loop.

The table gives each actor its kind and names; the loop must give the same states, demonyms and
kinds as the Python tables it replaced (rows below are from that table).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.draft.gazetteer import KINDS, NEWS_NAMES, NEWS_STATES, STATES, read_names

ROWS = [
    # id, kind, its names (name, demonym or possessive, others)
    ("russia", "state", ("Russia", "Russian", "Moscow", "Kremlin", "the Kremlin", "Russian Federation")),
    ("europe", "group", ("Europe", "European", "the Europeans", "Europeans")),
    ("ecowas", "organization", ("Economic Community of West African States", "ECOWAS's", "ECOWAS")),
    ("houthis", "organization", ("Houthis", "Houthi", "Ansar Allah")),
    ("vatican", "state", ("Vatican", "Holy See")),
    ("dr-congo", "state", ("Democratic Republic of the Congo", "Congolese", "Kinshasa", "DR Congo", "DRC", "Congo",
                           "Democratic Republic of Congo", "D.R. Congo", "DRC's")),
]


@pytest.mark.parametrize(("ident", "kind", "names"), ROWS, ids=[row[0] for row in ROWS])
def test_a_row_of_the_table_gives_names_and_kind(ident: str, kind: str, names: tuple[str, ...]) -> None:
    assert NEWS_STATES[ident] == names
    assert STATES[ident][:len(names)] == names
    assert KINDS.get(ident, "state") == kind


def test_the_table_holds_every_kind_once_and_only_known_kinds() -> None:
    assert len(NEWS_STATES) == 149
    assert set(KINDS.values()) == {"organization", "group"}
    assert sum(kind == "organization" for kind in KINDS.values()) == 34


def test_a_broken_row_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "names.tsv"
    table.write_text("# comment\nchad\tstate\tChad|Chadian\nmali state Mali\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"names\.tsv:3: expected 'id<TAB>kind<TAB>names'"):
        read_names(table)
    table.write_text("chad\tstate\tChad|Chadian|N'Djamena\n\nau\torganization\tAfrican Union|AU's\n", encoding="utf-8")
    assert read_names(table) == ({"chad": ("Chad", "Chadian", "N'Djamena"), "au": ("African Union", "AU's")},
                                 {"au": "organization"})


def test_the_table_ships_with_the_package() -> None:
    setup = (Path(__file__).resolve().parents[1] / "setup.cfg").read_text(encoding="utf-8")
    assert f"timeline.draft = {NEWS_NAMES.name}" in setup
