"""``timeline draft``'s input: an article in any text encoding is read, binary data is refused in one line,
and ``--into`` the ``--data`` file itself loads the dataset once (round 9)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from conftest import SEED

from timeline.cli import cli
from timeline.dataset import load
from timeline.draft.text import ArticleError, article_text

ARTICLE = "Putin met Witkoff in Moscow on Tuesday. Ushakov called the talks “useful”, said Café Pushkin.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"])
def test_an_article_is_read_in_its_encoding(encoding):
    raw = ARTICLE.encode(encoding)
    if encoding in ("utf-16", "utf-32"):
        assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # with a byte-order mark
    assert article_text(raw, "a.txt") == ARTICLE


@pytest.mark.parametrize(("raw", "message"), [
    (b"\x00\x01binary", "a.txt: a binary file, not text (no encoding reads it as words and spaces); "
                        "save the article as UTF-8 text or HTML"),
    (bytes(range(256)) * 4, "a.txt: a binary file, not text"),
    (b"\xff\xfeP\x00u\x00\x00\xd8", "a.txt: starts as UTF-16-LE text (byte-order mark) but byte 6 is not "
                                    "UTF-16-LE; save it as UTF-8"),
])
def test_what_no_encoding_reads_is_refused(raw, message):
    with pytest.raises(ArticleError) as error:
        article_text(raw, "a.txt")
    assert str(error.value).startswith(message)


def test_a_utf16_file_drafts_like_its_utf8_copy(tmp_path):
    drafts = []
    for encoding in ("utf-8", "utf-16"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(ARTICLE.encode(encoding))
        result = CliRunner().invoke(cli, ["draft", str(path), "--published", "2025-12-03", "--data", str(SEED),
                                          "--source-id", "ex", "-o", str(tmp_path / f"{encoding}.yaml")])
        assert result.exit_code == 0, result.output
        drafts.append(yaml.safe_load((tmp_path / f"{encoding}.yaml").read_text())["events"])
    assert drafts[0] == drafts[1]
    assert [(e["type"], e["date"], e.get("participants")) for e in drafts[1]][0] == \
        ("meeting", "2025-12-02", ["putin", "witkoff"])


def test_a_binary_article_exits_1_with_one_line(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 8)
    result = subprocess.run([sys.executable, "-m", "timeline", "draft", str(path), "--published", "2025-12-03",
                             "-o", str(tmp_path / "d.yaml")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == (f"Error: {path}: a binary file, not text (no encoding reads it as words and spaces); "
                             "save the article as UTF-8 text or HTML\n")
    assert not (tmp_path / "d.yaml").exists()


def test_into_the_data_file_itself_loads_it_once(tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(SEED, base)
    before = load(base)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", str(article), "--published", "2025-12-03", "--data", str(base),
                                      "--source-id", "ex", "--into", str(base)])
    assert result.exit_code == 0, result.output
    assert result.output == (f"{article}: 2 events drafted, 1 new actors proposed; wrote {base} "
                             "(every event draft: true until reviewed)\n")
    after = load(base)
    assert len(after.events) == len(before.events) and len(after.drafts) == len(before.drafts) + 2


def test_into_a_file_the_check_refuses_leaves_it_as_it_was(tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(SEED, base)
    other = tmp_path / "other.yaml"  # defines an actor the dataset defines too: the merged check fails
    other.write_text("actors:\n  - {id: putin, name: Vladimir Putin, kind: person}\n", encoding="utf-8")
    held = other.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", str(article), "--published", "2025-12-03", "--data", str(base),
                                      "--source-id", "ex", "--into", str(other)])
    assert result.exit_code == 1
    assert f"--into: nothing was added to {other}; it is as it was" in result.output
    assert "putin" in result.output and "Traceback" not in result.output
    assert other.read_bytes() == held
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "base.yaml", "other.yaml"]
