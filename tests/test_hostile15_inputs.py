"""Round 15's hostile inputs, one row each: what a user types, the one line it gets, the exit status.

Each row was a poor or misleading line before: an actor's "did you mean" by difflib's cutoff (unranked, with
unrelated names, and nothing for a name typed surname first), an unknown --cameo code taken silently (it kept
no row), an output path that is a link to nothing called a file timeline did not write."""
from __future__ import annotations

import pytest
from conftest import ROOT

#: Actors whose names lie near each other: two Vladimirs, Ukraine and a council of Ukraine.
PEOPLE = """\
actors:
  - {id: rubio, name: Marco Rubio, kind: person, aliases: [Secretary Rubio]}
  - {id: zelenskyy, name: Volodymyr Zelenskyy, kind: person, aliases: [Zelensky, Volodymyr Zelensky]}
  - {id: putin, name: Vladimir Putin, kind: person, aliases: [Putin]}
  - {id: medinsky, name: Vladimir Medinsky, kind: person}
  - {id: ukraine, name: Ukraine, kind: state}
  - {id: ukraine-nsdc, name: National Security and Defense Council of Ukraine, kind: organization}
events:
  - {id: e1, type: meeting, date: 2025-12-02, participants: [rubio, zelenskyy], location: Geneva}
  - {id: e2, type: call, date: 2025-12-03, participants: [putin, medinsky]}
"""

NAMES = [
    # difflib: 'medinsky' or 'zelenskyy' (alphabetical, the wrong Vladimir first)
    ("Volodimir Zelenski", "did you mean 'Volodymyr Zelensky'?"),
    # difflib: 'rubio' or 'ukraine-nsdc'
    ("Rubbio", "did you mean 'rubio'?"),
    # difflib: nothing near a name typed surname first
    ("Putin Vladimir", "did you mean 'Vladimir Putin'?"),
    ("Marko Rubio", "did you mean 'Marco Rubio'?"),
    # difflib: 'ukraine' or 'ukraine-nsdc'
    ("Ukrane", "did you mean 'ukraine'?"),
    ("Xerxes", "'timeline actors' lists every actor"),
]


@pytest.mark.parametrize(("typed", "hint"), NAMES, ids=[typed for typed, _ in NAMES])
def test_an_unknown_actor_gets_the_nearest_names(run, tmp_path, typed, hint):
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    result = run("met", typed, data=tmp_path / "people.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: no actor called '{typed}'; {hint}\n")


CAMEO = [
    ("047", "did you mean '04' (Consult) or '046' (Engage in negotiation)?"),
    ("4", "did you mean '04' (Consult)?"),
    ("21", "did you mean '20' (Use unconventional mass violence)?"),
    ("consult", "did you mean '04' (Consult)?"),
    ("04a", "give two to four digits, such as 04 (Consult) or 046 (Engage in negotiation)"),
]


@pytest.mark.parametrize(("code", "hint"), CAMEO, ids=[code for code, _ in CAMEO])
def test_an_unknown_cameo_code_is_refused_with_the_nearest(run, tmp_path, code, hint):
    out = tmp_path / "out.yaml"
    result = run("import", str(ROOT / "tests" / "data" / "import" / "icews_events.tab"), "--cameo", code,
                 "-o", str(out), data=None)
    assert (result.exit_code, result.stderr) == (
        2, f"Error: timeline import: --cameo: '{code}' is not an event code of the CAMEO codebook; {hint} "
           "(see 'timeline import --help')\n")
    assert not out.exists()


FILE_LINK = ("{link} is a broken link (to '{gone}'), and timeline writes through no link; choose another path "
             "with -o, or pass --force to replace the link")
FOLDER_LINK = "cannot write {link}/: it is a broken link (to '{gone}'); restore what it points to, or choose another " \
              "place with -o"
LINKED = [  # the link's name, the command, the message (a chart's file is checked by the same code as json's)
    ("t.json", ("export", "json"), FILE_LINK),
    ("out", ("build",), FOLDER_LINK),
    ("tables", ("export", "csv", "--force"), FOLDER_LINK),   # --force replaces files, not a link to a folder
]


@pytest.mark.parametrize(("name", "command", "message"), LINKED, ids=[" ".join(row[1]) for row in LINKED])
def test_an_output_that_is_a_broken_link_says_so(run, tmp_path, name, command, message):
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    link, gone = tmp_path / name, tmp_path / "gone" / name
    link.symlink_to(gone)
    result = run(*command, "-o", str(link), data=tmp_path / "people.yaml")
    assert (result.exit_code, result.stderr) == (1, f"Error: {message.format(link=link, gone=gone)}\n")
    assert link.is_symlink() and not gone.parent.exists()


def test_force_replaces_a_broken_link_with_the_file_not_writing_through_it(run, tmp_path):
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    link, gone = tmp_path / "out.json", tmp_path / "gone.json"
    link.symlink_to(gone)
    assert run("export", "json", "-o", str(link), "--force", data=tmp_path / "people.yaml").exit_code == 0
    assert not link.is_symlink() and link.read_bytes().startswith(b"{") and not gone.exists()
