"""Shared fixtures: the seed dataset, small hand-made datasets, and a CLI runner."""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from timeline.cli import cli
from timeline.dataset import load
from timeline.model import Dataset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: The small Moscow example the exact answers of the tests are written for; it loads on its own.
#: (The whole of seeds/, the default dataset, also holds the 2025 peace process: tests/test_seed_2025.py.)
SEED = SEEDS / "moscow-talks-2025-12.yaml"
#: The official GEXF and GraphML schemas (see their SOURCES.md): beside this checkout, or where $TIMELINE_SCHEMAS says.
SCHEMAS = Path(os.environ.get("TIMELINE_SCHEMAS", ROOT.parent / "shared" / "schemas"))

#: Two people who meet and call: a dataset whose build writes the same files as the seed's, in a third of the time.
TWO_PEOPLE = """\
actors:
  - {id: anna, name: Anna, kind: person}
  - {id: boris, name: Boris, kind: person}
events:
  - {id: e1, type: meeting, date: 2025-12-02, participants: [anna, boris], location: Geneva}
  - {id: e2, type: call, date: 2025-12-03, participants: [anna, boris]}
"""

# Hypothesis: no deadline and no speed health check (how long an example takes depends on the machine's load, not on
# what a test asserts: both failed only on a loaded machine), and in CI the same examples every run (derandomize:
# seeded by each test's name), so that two CI runs of the same code cannot give two answers. Runs elsewhere draw new
# examples each time, and may find what CI does not.
settings.register_profile("timeline", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("timeline"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "timeline")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the dataset cache of the tests, and the key of its stores, out of the user's home."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))


@pytest.fixture(scope="session")
def seed() -> Dataset:
    """The shipped Moscow example (seeds/moscow-talks-2025-12.yaml)."""
    return load(SEED)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """``timeline build --out DIR`` of the Moscow example, run once a session: (click's Result, DIR).

    Tests only read DIR; one that changes a build copies it first (the manifest holds digests, so the copies
    are still timeline's own files)."""
    out = tmp_path_factory.mktemp("seed-build") / "out"
    result = CliRunner().invoke(cli, ["build", "--out", str(out), "--data", str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result, out


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a YAML text (dedented) to a file in a temporary folder and return its path."""

    def write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the ``timeline`` command in-process on the Moscow example; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str, data: Path | str | None = SEED, env: dict | None = None) -> Result:
        argv = [*args, "--data", str(data)] if data is not None else list(args)
        return runner.invoke(cli, argv, env=env, catch_exceptions=False)

    return invoke


@cache
def bench_generate() -> ModuleType:
    """bench/generate.py (the benchmarks' dataset generator) imported as a module, once.

    Its folder goes on ``sys.path`` first, as when it runs as a script: it imports its siblings
    (``generate_words``, ``generate_cast``, ``generate_yaml``)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def require_schema(*parts: str) -> Path:
    """The path of an official schema file; skip the test if it is missing, but fail in CI."""
    path = SCHEMAS.joinpath(*parts)
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI needs the shared schemas beside the checkout")
        pytest.skip(f"{path} is missing: set TIMELINE_SCHEMAS to the folder of the GEXF and GraphML schemas")
    return path


def require_program(name: str) -> str:
    """The path of an external program; skip the test if it is missing, but fail in CI."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run should install it")
        pytest.skip(f"{name} is not installed")
    return path

#: Not a test module: the fork server of tests/forked.py imports it, and its import builds.
collect_ignore = ["forked_warm.py"]

#: The tests that take most of a minute of CI (the README's build of the 2025 record, builds killed at random moments):
#: run first, so that pytest -n's other worker is never left idle at the end of the run waiting for one of them.
FIRST = ("test_readme.py::test_readme_example_runs_as_shown[timeline build]",
         "test_outputs_faults.py::test_builds_killed_at_random_moments")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the :data:`FIRST` tests first, the others in their order."""
    items.sort(key=lambda item: not item.nodeid.removeprefix("tests/").startswith(FIRST))
