"""What the doctests of the ``timeline`` package see (``pytest`` collects them; see setup.cfg).

It lives in the package, as pandas' does, so that it applies to the package's
doctests only, and the tests' own ``conftest`` keeps its plain name.

Each doctest runs in a fresh temporary folder holding a link to the seed
dataset (``seeds``), so an example may write files by plain names and read
``load("seeds")``. The names it may use without importing them: ``record``
(the seed dataset), ``query``, ``actor_graph``, ``event_graph`` and ``tmp``
(that folder, as a :class:`~pathlib.Path`).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

SEEDS = Path(__file__).resolve().parent / "seeds"  # the link to the top-level seeds/


@pytest.fixture(autouse=True)
def _doctest_folder(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each doctest in its own folder, with the names the examples use."""
    if not isinstance(request.node, DoctestItem):
        return
    from timeline import query
    from timeline.dataset import load
    from timeline.graph import actor_graph, event_graph

    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    request.node.dtest.globs.update(record=load(SEEDS), query=query, actor_graph=actor_graph,
                                    event_graph=event_graph, tmp=tmp_path)
