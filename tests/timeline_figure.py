"""Reading a drawn timeline chart back from its artists (shared by the ``test_render_timeline*`` modules), and
small records for single chart rules."""
from __future__ import annotations

from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from timeline.dates import parse_edtf
from timeline.model import Actor, Dataset, Event


def axes(figure):
    return figure.axes[0]


def _own(figure) -> dict[str, Line2D]:
    ids = {e.id for e in figure.timeline.events}
    return {line.get_gid(): line for line in axes(figure).lines if (line.get_gid() or "").partition("@")[0] in ids}


def markers(figure) -> dict[str, Line2D]:
    """The point marker of each event drawn as a point, by event id."""
    return {i: line for i, line in _own(figure).items() if len(line.get_xdata()) == 1}


def bars(figure) -> dict[str, Line2D]:
    """The capped line of each event drawn as a span, by event id (and '@1'... for its copies in further
    lanes): two points, no marker."""
    return {i: line for i, line in _own(figure).items() if len(line.get_xdata()) == 2}


def marks(figure) -> dict[str, object]:
    return markers(figure) | bars(figure)


def tick_labels(ax, minor: bool = False) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels(minor=minor) if t.get_text()]


def labels(figure) -> dict[str, object]:
    return {t.get_gid().removeprefix("label:"): t for t in axes(figure).texts
            if (t.get_gid() or "").startswith("label:")}


def by_gid(figure, prefix: str) -> dict[str, object]:
    ax = axes(figure)
    artists = [*ax.lines, *ax.patches, *ax.collections, *ax.texts]
    return {a.get_gid().removeprefix(prefix): a for a in artists if (a.get_gid() or "").startswith(prefix)}


def marker_box(figure, mark) -> Bbox:
    """The mark's extent on the canvas, in pixels: a marker's square, or a span's line with its caps."""
    points = axes(figure).transData.transform(list(zip(mark.get_xdata(), mark.get_ydata())))
    r = max(mark.get_markersize(), 7.0) * figure.dpi / 72 / 2
    return Bbox.from_extents(points[:, 0].min() - r, points[:, 1].min() - r, points[:, 0].max() + r,
                             points[:, 1].max() + r)


def overlaps(a: Bbox, b: Bbox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def footer(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "footer")


def subtitle(figure) -> str:
    return next(t.get_text() for t in figure.texts if t.get_gid() == "subtitle")


def assert_labels_clear(figure) -> None:
    """No label overlaps another label or another event's mark, and its own mark only if it lies inside its bar
    (measured with the Agg renderer)."""
    renderer = figure.canvas.get_renderer()
    texts = {i: t.get_window_extent(renderer) for i, t in labels(figure).items()}
    boxes = {i: marker_box(figure, mark) for i, mark in marks(figure).items()}
    ordered = sorted(texts.items())
    for n, (i, box) in enumerate(ordered):
        assert not [j for j, other in ordered[n + 1:] if overlaps(box, other)], f"label {i} overlaps labels"
        assert not [j for j, mark in boxes.items() if j != i and overlaps(box, mark)], f"label {i} covers a mark"
        own = boxes[i]
        inside = own.x0 <= box.x0 and box.x1 <= own.x1
        assert inside or not overlaps(box, own), f"label {i} covers part of its own mark"


def record(*events: Event, actors: tuple[Actor, ...] = ()) -> Dataset:
    people = actors or (Actor("ru", "Russia", "state"), Actor("ua", "Ukraine", "state"))
    return Dataset({a.id: a for a in people}, list(events), title="Test")


def meeting(event_id: str, date: str, **roles) -> Event:
    return Event(event_id, "meeting", parse_edtf(date), **({"participants": ("ru", "ua")} | roles))

