"""The JavaScript readers of the graph exports (tests/js), run in one node process for many files."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from browser import JS, require_package
from conftest import require_program


def read_in_node(jobs: list[tuple[str, Path]]) -> list[dict]:
    """What graphology (format ``"gexf"`` or ``"graphml"``) or Cytoscape.js (``"cyjs"``) finds in each file, in
    the order of ``jobs``: one ``node tests/js/read_many.js`` for all of them (node's start-up and the readers'
    loading, ~0.3 s, are paid once). Skips where node or the npm packages are missing, but fails in CI."""
    node = require_program("node")
    for package in ("graphology-gexf", "graphology-graphml", "cytoscape"):
        require_package(package)
    done = subprocess.run([node, str(JS / "read_many.js")], input=json.dumps([[fmt, str(path)] for fmt, path in jobs]),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)
