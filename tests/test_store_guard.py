"""The guard every SQLite file of ours passes before it is read: a regular file of ours holding exactly our tables."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from timeline.index.guard import holds_exactly, open_ours

SCHEMA = ("CREATE TABLE a (x TEXT)", "CREATE INDEX a_x ON a (x)")


def _file(tmp_path: Path, *statements: str) -> Path:
    file = tmp_path / "t.sqlite"
    with sqlite3.connect(file) as db:
        for statement in statements:
            db.execute(statement)
    file.chmod(0o600)
    return file


def test_a_file_with_exactly_our_tables_opens_read_only(tmp_path: Path) -> None:
    file = _file(tmp_path, *SCHEMA, "INSERT INTO a VALUES ('kept')")
    db = open_ours(file, SCHEMA[::-1])                  # in any order
    assert db.execute("SELECT x FROM a").fetchall() == [("kept",)]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("INSERT INTO a VALUES ('more')")
    db.close()


@pytest.mark.parametrize("extra", ["CREATE TABLE b (y)", "CREATE VIEW v AS SELECT x FROM a",
                                   "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM a; END"])
def test_a_file_with_anything_more_or_less_is_refused(tmp_path: Path, extra: str) -> None:
    file = _file(tmp_path, *SCHEMA, extra)
    with pytest.raises(ValueError, match="does not hold exactly our tables"):
        open_ours(file, SCHEMA)
    with pytest.raises(ValueError, match="does not hold exactly our tables"):
        (tmp_path / "less").mkdir()
        open_ours(_file(tmp_path / "less", SCHEMA[0]), SCHEMA)


def test_a_link_or_a_file_others_may_write_is_refused(tmp_path: Path) -> None:
    file = _file(tmp_path, *SCHEMA)
    (tmp_path / "link.sqlite").symlink_to(file)
    with pytest.raises(ValueError, match="not a file of ours"):
        open_ours(tmp_path / "link.sqlite", SCHEMA)
    file.chmod(0o666)
    with pytest.raises(ValueError, match="not a file of ours"):
        open_ours(file, SCHEMA)


def test_an_empty_file_holds_exactly_nothing(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "empty.sqlite") as db:
        assert holds_exactly(db, ()) and not holds_exactly(db, SCHEMA)
        assert db.execute("PRAGMA trusted_schema").fetchone() == (0,)
