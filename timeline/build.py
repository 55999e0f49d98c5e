"""The main job: every chart, graph and export of a dataset in one folder.

>>> from timeline.build import build
>>> report = build(record, "output")
>>> report.files[:2]
[PosixPath('output/timeline.png'), PosixPath('output/timeline.svg')]
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import NothingToShow
from timeline.model import HELD_STATUSES, MEETING_TYPES, Dataset
from timeline.outputs import check_writable, folder_lock

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Step:
    """One file the build writes: its name in the output folder, how to write it, and the single command
    that writes the same file (``command + ["-o", path]``; what ``bench/bench_build.py`` times as its part)."""

    name: str
    write: Callable[[Dataset, Path, bool], object]
    command: tuple[str, ...] = ()
    #: Does it draw on the actor graphs the other steps share? A step that makes a graph of its own (the event
    #: graph) makes it in a scope of its own, dropped when the step ends (issue 18: the build's peak memory).
    shares: bool = True


def _drawn_once(draw: Callable[[Dataset], Figure], uses: int = 2) -> Callable[[Dataset], Figure]:
    """``draw``, its figure kept for the next ``uses - 1`` calls: the build saves a chart as PNG and as SVG from one
    layout (round 13: the seed's person graph, laid out for each, took 45 s of the build's 74 s of CPU)."""
    kept: list[Figure] = []

    def figure(dataset: Dataset) -> Figure:
        if not kept:
            kept.extend([draw(dataset)] * uses)
        return kept.pop()

    return figure


def _chart(fmt: str, figure: Callable[[Dataset], Figure]) -> Step:
    def write(dataset: Dataset, path: Path, force: bool) -> None:
        from timeline.render.files import save_image

        save_image(figure(dataset), path, 200, force)   # render_timeline's dpi

    return Step(f"timeline.{fmt}", write, ("render", "timeline"))


def _graph(level: str, fmt: str, figure: Callable[[Dataset], Figure]) -> Step:
    def write(dataset: Dataset, path: Path, force: bool) -> None:
        from timeline.render.files import save_image
        from timeline.render.graph import DPI

        save_image(figure(dataset), path, DPI, force)

    return Step(f"graph{'-state' * (level == 'state')}.{fmt}", write, ("render", "graph", "--level", level))


def _timeline_figure(dataset: Dataset) -> Figure:
    from timeline.render.timeline import draw_timeline

    return draw_timeline(dataset)


def _graph_figure(level: str) -> Callable[[Dataset], Figure]:
    def draw(dataset: Dataset) -> Figure:
        from timeline.render.graph import DPI, draw_graph

        return draw_graph(dataset, level=level, dpi=DPI)

    return draw


def _export(fmt: str, level: str = "person", graph: str = "actors") -> Step:
    from timeline.export import FORMATS, default_path

    options: dict[str, Any] = {name: value for name, value in (("graph", graph), ("level", level))
                               if name in FORMATS[fmt].options}

    def write(dataset: Dataset, path: Path, force: bool) -> None:
        from timeline.export import export

        export(dataset, fmt, path, force=force, **options)

    flags = (f"--{name}={value}" for name, value in options.items())
    return Step(default_path(fmt, **options).name, write, ("export", fmt, *flags), shares=graph == "actors")


def _negotiation_chart(kind: str) -> Step:
    def write(dataset: Dataset, path: Path, force: bool) -> None:
        from timeline.render.lineage import render_lineage
        from timeline.render.positions import render_positions

        render = render_positions if kind == "positions" else render_lineage
        render(dataset, path, force=force)

    return Step(f"{kind}.png", write, ("render", kind))


def _page() -> Step:
    def write(dataset: Dataset, path: Path, force: bool) -> None:
        from timeline.html import write_page

        write_page(dataset, path, force=force)

    return Step("index.html", write, ("html",))


def steps(dataset: Dataset | None = None) -> list[Step]:
    """Everything ``timeline build`` writes for ``dataset``, in order: the positions chart and the graph of
    stances when it records positions, the lineage chart when it records plan versions (issue 15)."""
    from timeline.export import FORMATS

    positions = dataset is not None and bool(dataset.positions)
    plans = dataset is not None and any(plan.versions for plan in dataset.plans.values())
    chart, person = _drawn_once(_timeline_figure), _drawn_once(_graph_figure("person"))   # each laid out once
    return [
        *(_chart(fmt, chart) for fmt in ("png", "svg")),
        _graph("person", "png", person), _graph("state", "png", _graph_figure("state")), _graph("person", "svg", person),
        *([_negotiation_chart("positions")] if positions else []), *([_negotiation_chart("lineage")] if plans else []),
        *(_export(fmt) for fmt in FORMATS),
        _export("graphml", "state"), _export("gexf", "state"), _export("graphml", graph="events"),
        *([_export("gexf", graph="positions")] if positions else []),
        _page(),
    ]


@dataclass
class Report:
    """What a build did: the files written and a few figures about the dataset."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    events: int = 0
    actors: int = 0
    meetings: int = 0
    period: str | None = None

    def summary(self) -> str:
        """A few lines for the end of ``timeline build``."""
        span = self.period or "no dated events"
        skipped = "".join(f"\nskipped {line}" for line in self.skipped)
        return (f"{self.events} events, {self.actors} actors, {self.meetings} meetings, calls or visits held, "
                f"{span}\n"
                f"{len(self.files)} files written in {self.seconds:.1f} s{skipped}")


def build(dataset: Dataset, out: str | Path = "output", *, force: bool = False,
          progress: Callable[[int, int, str], None] | None = None) -> Report:
    """:func:`_build` holding the lock on ``out``: a second build into it waits (see :mod:`timeline.outputs`)."""
    with folder_lock(out):
        return _build(dataset, out, force=force, progress=progress)


def _build(dataset: Dataset, out: str | Path = "output", *, force: bool = False,
           progress: Callable[[int, int, str], None] | None = None) -> Report:
    """Write every chart, graph and export of ``dataset`` into the folder ``out``.

    Only files that timeline wrote before are replaced (unless ``force``); that
    is checked for all of them before anything is written. ``progress`` is
    called before each step with (number, total, file name).
    """
    out = Path(out)
    plan = steps(dataset)
    for step in plan:
        if not (out / step.name).is_dir():  # a folder of tables checks its own files
            check_writable(out / step.name, force)
    started = time.perf_counter()
    report = Report(events=len(dataset.events), actors=len(dataset.actors),
                    meetings=sum(e.type in MEETING_TYPES and e.status in HELD_STATUSES
                                 for e in dataset.events))
    report.period = dataset.date_range()
    from timeline.graph import shared_graphs

    try:
        with shared_graphs():  # the charts, the exports and the page use the same actor graphs: made once
            for number, step in enumerate(plan, 1):
                if progress:
                    progress(number, len(plan), step.name)
                try:
                    with nullcontext() if step.shares else shared_graphs():
                        step.write(dataset, out / step.name, force)
                except NothingToShow as reason:
                    report.skipped.append(f"{step.name}: {reason}")
                else:
                    report.files.append(out / step.name)
                gc.collect()  # what the step made (figures, rows, its own graph) goes before the next: the peak is one step's
                gc.freeze()  # what survives (the modules the step imported) is not walked again by each later collect
    finally:
        gc.unfreeze()  # a library caller's process collects what the build left behind again
    report.seconds = time.perf_counter() - started
    return report
