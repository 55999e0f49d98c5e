"""``timeline draft``: the file it writes validates with the dataset, stays a draft, never overwrites the user's."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from conftest import SEEDS

from timeline.cli import cli
from timeline.dataset import load
from timeline.model import Evidence

ARTICLE = """Talks in Moscow end without a deal

Putin met Witkoff in Moscow on Tuesday. Kremlin aide Yury Ushakov said the talks were “useful.”
Russia claims to have captured Pokrovsk. Kyiv denies this.
Kushner and Witkoff may meet a Ukrainian delegation as early as Wednesday.
Kenyan President William Ruto met Zelenskyy last week.
"""
USER_FILE = """# my own notes: keep this comment
dataset:
  title: Mine

events:
  # a hand-written event
  - id: mine-1
    type: statement
    title: Putin speaks
    date: 2025-11-30
    source: [putin]
    sources: [mine]   # trailing comment

sources:
  - {id: mine, publisher: Me}
# the end
"""


def run(*args, cwd=None):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_drafts_validate_with_the_dataset_and_stay_drafts(tmp_path, article):
    result = run("draft", article, "--published", "2025-12-03", "--data", SEEDS, "--source-id", "example-2025-12-03",
                 "--url", "https://example.org/talks", "--publisher", "Example News", "-o", tmp_path / "drafts.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("6 events drafted, 2 new actors proposed; wrote "
                                  f"{tmp_path / 'drafts.yaml'} (every event draft: true until reviewed)\n")
    data = yaml.safe_load((tmp_path / "drafts.yaml").read_text())
    assert data["sources"] == [{"id": "example-2025-12-03", "publisher": "Example News",
                                "title": "Talks in Moscow end without a deal", "url": "https://example.org/talks",
                                "published": "2025-12-03"}]
    assert data["actors"] == [{"id": "kenya", "name": "Kenya", "kind": "state"},
                              {"id": "ruto", "name": "William Ruto", "kind": "person", "title": "President",
                               "affiliation": "kenya"}]
    events = {e["id"]: e for e in data["events"]}
    assert all(e["draft"] is True and e["sources"] == ["example-2025-12-03"] for e in events.values())
    meeting = events["example-2025-12-03-putin-meeting"]
    assert (meeting["date"], meeting["location"], meeting["participants"]) == ("2025-12-02", "Moscow",
                                                                              ["putin", "witkoff"])
    assert meeting["evidence"] == {"text": "Putin met Witkoff in Moscow on Tuesday.", "start": 36, "end": 75,
                                   "trigger": "met"}
    assert meeting["confidence"] == 0.85
    assert ARTICLE[36:75] == "Putin met Witkoff in Moscow on Tuesday."
    assert meeting["summary"] == "Vladimir Putin met Witkoff in Moscow on Tuesday."
    denial = events["example-2025-12-03-ukraine-denial"]
    assert denial["related"] == [{"relation": "disputes", "event": "example-2025-12-03-russia-claim"}]
    assert events["example-2025-12-03-russia-claim"]["status"] == "disputed"
    planned = events["example-2025-12-03-kushner-meeting"]
    assert (planned["status"], planned["date"]) == ("planned", "2025-12-03/..")
    assert events["example-2025-12-03-ruto-meeting"]["date"] == "2025-11-24/2025-11-30"
    # `timeline validate` accepts the dataset with the drafts in it (a merged folder) ...
    merged = tmp_path / "merged"
    shutil.copytree(SEEDS, merged)
    shutil.copy(tmp_path / "drafts.yaml", merged / "drafts.yaml")
    assert run("validate", "--data", merged).exit_code == 0
    # ... and the drafts stay out of answers unless asked for
    record = load(merged)
    assert {e.id for e in record.drafts} == set(events)
    loaded = record.event("example-2025-12-03-putin-meeting")
    assert (loaded.evidence, loaded.confidence) == (Evidence("Putin met Witkoff in Moscow on Tuesday.", 36, 75, "met"),
                                                    0.85)
    assert not set(events) & {e.id for e in record.events}
    assert "example-2025-12-03-putin-meeting" not in run("events", "--data", merged, "--format", "json").stdout
    assert "example-2025-12-03-putin-meeting" in run("events", "--data", merged, "--include-drafts", "--format",
                                                     "json").stdout


def test_without_a_dataset_the_file_stands_alone(tmp_path, article):
    assert run("draft", article, "--published", "3 Dec 2025", "-o", tmp_path / "d.yaml").exit_code == 0
    record = load(tmp_path / "d.yaml")
    assert {"russia", "ukraine", "ushakov"} <= set(record.actors)
    # Putin, Witkoff, Kushner and Zelenskyy are unknown single names: meetings without two actors are left out
    assert [e.type for e in record.drafts] == ["statement", "claim", "denial"]


def test_html_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><header>Site</header><article><h1>Talks</h1>"
                    "<p>Putin met Witkoff on Tuesday.</p></article></body></html>", encoding="utf-8")
    assert run("draft", page, "--published", "2025-12-03", "--data", SEEDS, "-o", tmp_path / "d.yaml").exit_code == 0
    (event,) = yaml.safe_load((tmp_path / "d.yaml").read_text())["events"]
    assert (event["type"], event["date"], event["participants"]) == ("meeting", "2025-12-02", ["putin", "witkoff"])


def test_output_never_replaces_a_file_the_user_wrote(tmp_path, article):
    mine = tmp_path / "mine.yaml"
    mine.write_text(USER_FILE)
    result = run("draft", article, "--published", "2025-12-03", "--data", SEEDS, "-o", mine)
    assert result.exit_code == 1
    assert result.output == (f"Error: {mine} exists and was not written by timeline; choose another path with -o, "
                             "or pass --force to replace it\n")
    assert mine.read_text() == USER_FILE


def test_into_appends_and_keeps_every_byte(tmp_path, article):
    mine = tmp_path / "mine.yaml"
    mine.write_text(USER_FILE)
    result = run("draft", article, "--published", "2025-12-03", "--data", SEEDS, "--source-id", "ex", "--into", mine)
    assert result.exit_code == 0, result.output
    new = mine.read_text()
    kept = iter(new.splitlines())
    assert all(line in kept for line in USER_FILE.splitlines())  # every line, in order
    data = yaml.safe_load(new)
    assert data["events"][0]["id"] == "mine-1" and len(data["events"]) == 7
    assert [s["id"] for s in data["sources"]] == ["mine", "ex"]
    merged = tmp_path / "merged"
    shutil.copytree(SEEDS, merged)
    shutil.copy(mine, merged / "mine.yaml")
    assert run("validate", "--data", merged).exit_code == 0
    again = run("draft", article, "--published", "2025-12-03", "--data", SEEDS, "--source-id", "ex", "--into", mine)
    assert again.exit_code == 0  # a second draft of the same article gets new ids
    assert len(yaml.safe_load(mine.read_text())["events"]) == 13


@pytest.mark.parametrize(("content", "message"), [
    ("events: []\n", "'events' is written inline (events: [...]); write it as a block list"),
    ("- a\n- b\n", "not a dataset file (a mapping with lists actors, sources, events)"),
    ("events: [\n", "cannot be read as a dataset file"),
])
def test_into_refuses_what_it_cannot_append_safely(tmp_path, article, content, message):
    mine = tmp_path / "mine.yaml"
    mine.write_text(content)
    result = run("draft", article, "--published", "2025-12-03", "--data", SEEDS, "--into", mine)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {mine}: ") and message in result.output
    assert result.output.count("\n") == 1
    assert mine.read_text() == content


def test_into_a_folder_adds_a_file(tmp_path, article):
    folder = tmp_path / "data"
    shutil.copytree(SEEDS, folder)
    result = run("draft", article, "--published", "2025-12-03", "--data", folder, "--source-id", "ex", "--into", folder)
    assert result.exit_code == 0, result.output
    assert len(load(folder).drafts) == 6


@pytest.mark.parametrize(("setup", "args", "message"), [
    (None, ["missing.txt", "--published", "2025-12-03"], "missing.txt: no such file"),
    (b"\x00\x01binary", ["a.bin", "--published", "2025-12-03"], "a.bin: a binary file, not text"),
    (b"  \n ", ["a.txt", "--published", "2025-12-03"], "a.txt: no text to draft from"),
    (b"Putin met Witkoff.", ["a.txt", "--published", "yesterday-ish"], "--published: cannot read the date"),
    (b"Putin met Witkoff.", ["a.txt", "--published", "2025-12"], "--published 2025-12 is not a single day"),
    (b"Putin met Witkoff.", ["a.txt", "--published", "2025-12-03", "--into", "x.yaml", "-o", "y.yaml"],
     "give either -o NEW.yaml"),
    (b"Putin met Witkoff.", ["a.txt", "--published", "2025-12-03", "--data", ".", "-o", "out.yaml"],
     "out.yaml is inside the dataset folder .: the drafts would join it before you review them"),
])
def test_bad_input_is_one_line(tmp_path, monkeypatch, setup, args, message):
    monkeypatch.chdir(tmp_path)
    if setup is not None:
        (tmp_path / args[0]).write_bytes(setup)
    if "-o" not in args and "--into" not in args:
        args = [*args, "-o", "out.yaml"]
    result = subprocess.run([sys.executable, "-m", "timeline", "draft", *args], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_without_spacy_one_line_says_how_to_install(tmp_path, article):
    code = "import sys; sys.modules['spacy'] = None; from timeline.cli import main; sys.argv[0] = 'timeline'; main()"
    result = subprocess.run([sys.executable, "-c", code, "draft", str(article), "--published", "2025-12-03", "-o",
                             str(tmp_path / "d.yaml")], capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (1, "Error: timeline draft needs spaCy and selectolax: "
                                                     "pip install 'timeline[draft]'\n")


def test_readme_excerpt_is_what_the_example_writes(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Drafting from an article", 1)[1]
    shown = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    result = run("draft", ROOT / "docs" / "example-article.txt", "--published", "2025-12-03", "--data", SEEDS,
                 "--source-id", "example-2025-12-03", "-o", tmp_path / "drafts.yaml")
    assert result.exit_code == 0
    events = yaml.safe_load((tmp_path / "drafts.yaml").read_text())["events"]
    assert shown[0] in events
