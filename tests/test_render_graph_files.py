"""The actor graph's files and command: formats by extension, the same bytes for the same data, default paths, one-line
errors, and files timeline did not write."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from timeline.outputs import OutputExists
from timeline.render.files import ImageError
from timeline.render.graph import (
    render_graph,
)

# --- files and the command ---------------------------------------------------------------


def test_same_data_gives_the_same_svg_bytes(tmp_path):
    script = ("import sys; from timeline.dataset import load; from timeline.render.graph import render_graph; "
              "render_graph(load('seeds'), sys.argv[1], size=(6, 6))")   # a column: the same code path, a fifth of the work
    digests = set()
    for hashseed in ("1", "2"):
        out = tmp_path / f"g{hashseed}.svg"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, cwd=os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))), env={**os.environ, "PYTHONHASHSEED": hashseed})
        digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
    assert len(digests) == 1
    assert b'id="node:putin"' in out.read_bytes()


def test_render_writes_by_extension_and_refuses_others(seed, tmp_path):
    assert render_graph(seed, tmp_path / "g.pdf").read_bytes().startswith(b"%PDF")
    assert render_graph(seed, tmp_path / "g.png", dpi=40).read_bytes().startswith(b"\x89PNG")
    with pytest.raises(ImageError, match=r"\.jpg': name the file \.png, \.svg or \.pdf"):
        render_graph(seed, tmp_path / "g.jpg")


def test_cli_writes_the_default_paths(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("render", "graph", "--dpi", "40")
    assert result.exit_code == 0 and result.output == "wrote output/graph.png\n"
    assert run("render", "graph", "--level", "state", "--dpi", "40").output == "wrote output/graph-state.png\n"
    assert (tmp_path / "output" / "graph-state.png").read_bytes().startswith(b"\x89PNG")
    assert run("render", "graph", "--graph", "events", "--since", "2 Dec 2025", "--dpi", "40").output == \
        "wrote output/graph-events.png\n"


def test_cli_options_reach_the_drawing(run, tmp_path):
    out = tmp_path / "putin.svg"
    result = run("render", "graph", "-o", str(out), "--around", "putin", "--relations", "rejected,threatened")
    assert result.exit_code == 0
    svg = out.read_text()
    assert 'id="edge:putin:ukraine:pressure"' in svg and 'id="node:kushner"' not in svg


@pytest.mark.parametrize("args, message", [
    (("--around", "witcoff"), "no actor called 'witcoff'; did you mean 'witkoff'?"),
    (("--relations", "met,rejectd"), "unknown relation 'rejectd'; did you mean 'rejected'?"),
    (("-o", "graph.txt"), "cannot write 'graph.txt': name the file .png, .svg or .pdf"),
])
def test_cli_errors_are_one_line_and_exit_1(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("render", "graph", *args)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {message}") and result.output.count("\n") == 1


def test_render_keeps_a_file_timeline_did_not_write_unless_forced(seed, tmp_path):
    mine = tmp_path / "mine.svg"
    mine.write_text("my drawing")
    with pytest.raises(OutputExists, match="pass --force"):
        render_graph(seed, mine, level="state")
    assert mine.read_text() == "my drawing"
    render_graph(seed, mine, level="state", force=True)
    assert 'id="node:russia"' in mine.read_text()


