"""Run the export tests' JavaScript: npm packages in tests/js, headless Chromium, node."""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, require_program

JS = ROOT / "tests" / "js"
#: Headless Chromium, offline and with nothing of the user's: no sync, no updates, a throwaway profile.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000")


def require_package(name: str) -> Path:
    """The folder of an npm package in tests/js; skip if not installed, but fail in CI."""
    path = JS / "node_modules" / name
    if not path.is_dir():
        message = f"npm package {name} is missing: run 'npm ci' in tests/js"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def dump_dom(page: Path, timeout: float = 60) -> str:
    """The DOM of ``page`` once its scripts have run, as headless Chromium serialises it."""
    chromium = require_program("chromium")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                               page.as_uri()], capture_output=True, text=True, timeout=timeout, check=True)
    return done.stdout


def run_node(script: str, *args: str) -> str:
    """The standard output of ``node tests/js/<script> args``."""
    node = require_program("node")
    return subprocess.run([node, str(JS / script), *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout
