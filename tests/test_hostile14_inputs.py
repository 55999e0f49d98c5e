"""Round 14's hostile inputs, one row each: what a user's file or command holds, the one line it gets, the exit
status. Each row was a traceback or a misleading line before."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import ROOT, TWO_PEOPLE

IMPORTS = ROOT / "tests" / "data" / "import"
HUGE = "9" * 5000   # past the 4,300 digits Python turns into a whole number


def _first_row(name: str, blank: str = "", delimiter: str = ",") -> bytes:
    """The header and first data row of a sample in tests/data/import, the cell ``blank`` emptied."""
    header, row = list(csv.reader(io.StringIO((IMPORTS / name).read_text(encoding="utf-8")), delimiter=delimiter))[:2]
    if blank:
        row[header.index(blank)] = ""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows([header, row])
    return out.getvalue().encode()


def _cut(name: str) -> bytes:
    """A sample cut short in its third line (a download that stopped)."""
    lines = (IMPORTS / name).read_bytes().splitlines(keepends=True)
    return b"".join(lines[:2]) + lines[2][:60]


def _refused(fmt: str, cell: str, line: int = 2) -> str:
    return (f"{{f}}: {fmt}\nrefused {{f}}:{line}: the cell {cell!r} is empty, and every row needs one; fill it in, "
            "or delete the row\nError: nothing to import: 1 rows read, 0 events imported, 0 skipped by filter, "
            "0 merged, 1 refused (the refused rows say why above); nothing was written\n")


ACLED = "acled (ACLED, columns since the 2023 change)"
IMPORTED = [
    # A needed cell left empty: a KeyError's traceback before.
    ("acled-no-date", "a.csv", _first_row("acled_2023.csv", "event_date"), 1, _refused(ACLED, "event_date")),
    ("acled-no-type", "a.csv", _first_row("acled_2023.csv", "event_type"), 1, _refused(ACLED, "event_type")),
    ("acled-no-id", "a.csv", _first_row("acled_2023.csv", "event_id_cnty"), 1, _refused(ACLED, "event_id_cnty")),
    ("ucdp-no-id", "u.csv", _first_row("ucdp_ged.csv", "id"), 1, _refused("ucdp (UCDP GED)", "id")),
    ("ucdp-no-start", "u.csv", _first_row("ucdp_ged.csv", "date_start"), 1, _refused("ucdp (UCDP GED)", "date_start")),
    ("icews-no-code", "i.tab", _first_row("icews_events.tab", "CAMEO Code", "\t"), 1,
     _refused("icews (ICEWS coded events)", "CAMEO Code")),
    # A file cut short: its last row was imported with half its cells before.
    ("acled-cut-short", "a.csv", _cut("acled_2023.csv"), 0,
     f"{{f}}: {ACLED}\nrefused {{f}}:3: 7 cells of the header's 31, and the file ends in this row without a line "
     "break: it was cut short; get the whole file again\n"),
    # A number too long for Python: a ValueError's traceback before.
    ("timelinejs-huge-number", "t.json", b'{"events": [{"start_date": {"year": 2025}, "n": ' + HUGE.encode() + b"}]}", 1,
     "{f}: timelinejs (TimelineJS JSON)\nError: {f}: a number of thousands of digits, too long to read; TimelineJS "
     "JSON holds years of four\n"),
    ("plover-huge-number", "p.json", b'[{"event": "CONSULT", "n": ' + HUGE.encode() + b"}]", 1,
     "{f}: plover (PLOVER JSON records)\nrefused {f}:1: a number of thousands of digits, too long to read; a PLOVER "
     "record holds none\nError: nothing to import: 1 rows read, 0 events imported, 0 skipped by filter, 0 merged, "
     "1 refused (the refused rows say why above); nothing was written\n"),
]


@pytest.mark.parametrize(("name", "content", "status", "stderr"), [row[1:] for row in IMPORTED],
                         ids=[row[0] for row in IMPORTED])
def test_an_import(run, tmp_path, name, content, status, stderr):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("import", str(path), "-o", str(tmp_path / "out.yaml"), data=None)
    assert (result.exit_code, result.stderr) == (status, stderr.format(f=path))
    assert (tmp_path / "out.yaml").exists() == (status == 0)


def _dataset(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "data.yaml"


def _dangling(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data.yaml").symlink_to(tmp_path / "gone.yaml")
    return tmp_path / "data.yaml"


DRAFTS = TWO_PEOPLE.replace("Geneva}", "Geneva, draft: true}").replace("boris]}", "boris], draft: true}")
COMMANDS = [
    # An empty dataset was told to loosen filters it was not given.
    ("empty-render", _dataset, "", ("render", "timeline", "-o", "{d}/t.png"), 1,
     "Error: no events to draw; the dataset has none yet: add events to it\n"),
    ("empty-export", _dataset, "", ("export", "csv", "-o", "{d}/tables"), 1,
     "Error: no events to write as csv; the dataset has none yet: add events to it\n"),
    ("filtered-export", _dataset, TWO_PEOPLE, ("export", "csv", "-o", "{d}/tables", "--since", "2030"), 1,
     "Error: no events to write as csv; loosen the filters\n"),
    ("drafts-render", _dataset, DRAFTS, ("render", "timeline", "-o", "{d}/t.png"), 1,
     "Error: no events to draw; the dataset's are all drafts: review them (delete 'draft: true')\n"),
    ("drafts-export", _dataset, DRAFTS, ("export", "json", "-o", "{d}/t.json"), 1,
     "Error: no events to write as json; the dataset's are all drafts: add --include-drafts\n"),
    # A link to nothing was 'does not exist; did you mean' itself.
    ("dangling-data", _dangling, "", ("validate",), 2,
     "Error: timeline validate: --data '{d}/data.yaml' is a broken link (to '{d}/gone.yaml'); restore what it points "
     "to, or give another path (see 'timeline validate --help')\n"),
    # A control character in a title made an SVG no browser opens (XML holds none).
    *[(f"title-{command}", _dataset, TWO_PEOPLE, ("render", command, "--title", "a\x07b", "-o", "{d}/t.svg"), 2,
       f"Error: timeline render {command}: --title: the control character U+0007 (BEL) cannot be drawn; delete it "
       f"(see 'timeline render {command} --help')\n") for command in ("timeline", "graph", "positions", "lineage")],
    # A whole number of 5,000 digits: a ValueError's traceback before; now text, as a quoted one would be.
    ("huge-number", _dataset, TWO_PEOPLE.replace("id: e2", f"id: {HUGE}"), ("validate",), 0, ""),
]


@pytest.mark.parametrize(("make", "text", "args", "status", "stderr"), [row[1:] for row in COMMANDS],
                         ids=[row[0] for row in COMMANDS])
def test_a_command(run, tmp_path, make, text, args, status, stderr):
    data = make(tmp_path, text)
    result = run(*(arg.format(d=tmp_path) for arg in args), data=data)
    assert (result.exit_code, result.stderr) == (status, stderr.format(d=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]


VALUELESS = [
    (("met", "--since"), "Option '--since' requires an argument"),
    (("import", "x.csv", "--between", "RUS"), "Option '--between' requires 2 arguments"),
    (("render", "timeline", "--size"), "Option '--size' requires an argument"),
    (("render", "timeline", "--size", "5x5", "--width", "6"), "give either --size or --width/--height, not both"),
]


@pytest.mark.parametrize(("args", "message"), VALUELESS, ids=[" ".join(args) for args, _ in VALUELESS])
def test_an_option_without_its_value_names_its_command(run, args, message):
    """The parser raises these with no command: the line and its help were 'timeline''s."""
    result = run(*args, data=None)
    command = " ".join(["timeline", *args[:2 if args[0] == "render" else 1]])
    assert (result.exit_code, result.stderr) == (2, f"Error: {command}: {message} (see '{command} --help')\n")
