"""Geometry of a drawn actor graph, measured in pixels from its artists, and the records and readers the graph tests
share."""
from __future__ import annotations

import random
from functools import cache
from itertools import combinations
from pathlib import Path as FilePath

import numpy as np
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from timeline.dataset import load
from timeline.dates import parse_edtf
from timeline.model import Actor, Dataset, Event
from timeline.render.graph import draw_graph

ROOT = FilePath(__file__).parents[1]
#: The records the graph tests draw, by name.
RECORDS = {"2025": ROOT / "seeds", "moscow": ROOT / "seeds" / "moscow-talks-2025-12.yaml",
           "2022-2025": ROOT / "tests" / "charts" / "chronology.yaml"}


@cache
def record(name: str):
    """One of :data:`RECORDS`, loaded once a test session."""
    return load(RECORDS[name])


def drawn(name: str, **options):
    """``draw_graph`` of the record ``name`` with ``options`` (values hashable: a size as a tuple), drawn once a test
    session and shared by every test module that asks for the same drawing: tests only read the figure."""
    options = {"level": "person", **{k: v for k, v in options.items() if v is not None}}    # one key a drawing
    return _drawn(name, tuple(sorted(options.items())))


@cache
def _drawn(name: str, options: tuple):
    return draw_graph(record(name), **dict(options))


def by_gid(figure, kind: str) -> dict[str, object]:
    """Every artist of the figure whose gid starts with ``kind:``, by the rest of its gid."""
    return {a.get_gid().split(":", 1)[1]: a for a in figure.findobj(lambda a: str(a.get_gid()).startswith(kind + ":"))}


def text(figure, gid: str) -> str:
    """The text of the figure's text whose gid is ``gid`` (``title``, ``subtitle``, ``footer``)."""
    return next(t.get_text() for t in figure.texts if t.get_gid() == gid)


def legend(figure, name: str) -> list[str]:
    """The entries of the key's section ``name`` (gid ``legend:<name>``)."""
    return [t.get_text() for t in by_gid(figure, "legend")[name].get_texts()]


def synthetic(actors: int, rounds) -> Dataset:
    """A hub ``p000`` meeting each of ``actors - 1`` people ``rounds(i)`` times; people belong to ten states."""
    states = [Actor(f"s{k}", f"State {k}", kind="state") for k in range(10)]
    people = [Actor(f"p{i:03}", f"Person {i:03}", affiliation=f"s{i % 10}") for i in range(actors)]
    events = [Event(f"m{i:03}-{r}", "meeting", parse_edtf(f"2025-{1 + r % 12:02}-{1 + i % 28:02}"),
                    participants=("p000", f"p{i:03}"))
              for i in range(1, actors) for r in range(rounds(i))]
    return Dataset(actors={a.id: a for a in states + people}, events=events, title="Hub")


def clusters(size: int = 10) -> Dataset:
    """Five states of ``size`` delegates, each meeting about half of the others, and 50 rejections across."""
    rng = random.Random(3)
    states = [Actor(f"s{k}", f"State {k}", kind="state") for k in range(5)]
    people = [Actor(f"p{i:02}", f"Delegate Number {i:02}", affiliation=f"s{i // size}") for i in range(5 * size)]
    events = [Event(f"m{a}{b}", "meeting", parse_edtf("2025-01-01"), participants=(f"p{a:02}", f"p{b:02}"))
              for k in range(5) for a, b in combinations(range(k * size, (k + 1) * size), 2) if rng.random() < 0.5]
    events += [Event(f"x{j}", "rejection", parse_edtf("2025-02-01"), source=(f"p{a:02}",), target=(f"p{b:02}",))
               for j, (a, b) in enumerate(rng.sample(range(5 * size), 2) for _ in range(50))]
    return Dataset(actors={a.id: a for a in states + people}, events=events, title="Clusters")


def arrow_head(patch) -> bool:
    """Is this patch (an edge's line or head, or a legend line) an arrowhead? (An edge's line is a plain path.)"""
    return hasattr(patch, "get_arrowstyle") and type(patch.get_arrowstyle()).__name__ != "Curve"


def ends(figure, patch):
    """The two ends of a line patch, in pixels."""
    return patch.get_transform().transform(patch.get_path().vertices[[0, -1]])


def labels_crossed(figure, others: bool = False) -> list[tuple[str, str]]:
    """(label, edge) for every node label an edge's line runs through (the glyphs' box, less a pixel); with
    ``others``, only lines not from or to the label's own node."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = {n: t.get_window_extent(renderer).expanded(1, 1).padded(-1) for n, t in by_gid(figure, "label").items()}
    px = figure.dpi / 72
    lines = {edge: drawn_line(patch) for edge, patch in by_gid(figure, "edge").items()}
    return [(label, edge) for edge, patch in by_gid(figure, "edge").items() for label, box in boxes.items()
            if not (others and label in edge.split(":")[:2]) and _in_box(lines[edge], box, patch.get_linewidth() * px / 2)]


def _in_box(points: np.ndarray, box, grow: float) -> bool:
    """Does a line drawn through ``points`` (pixels, a point every 2 pixels) enter ``box`` grown by ``grow``?"""
    x, y = points.T
    return bool(np.any((x >= box.x0 - grow) & (x <= box.x1 + grow) & (y >= box.y0 - grow) & (y <= box.y1 + grow)))


def crossings(figure, ties: bool = False) -> int:
    """How many pairs of drawn edges (and with ``ties``, membership bands) cross each other (sharing no end node)."""
    lines = {e: drawn_line(p, step=6.0) for kind in ("edge", "tie")[:1 + ties] for e, p in by_gid(figure, kind).items()}
    count = 0
    for (a, la), (b, lb) in combinations(lines.items(), 2):
        if set(a.split(":")[:2]) & set(b.split(":")[:2]):
            continue
        count += _polylines_cross(la, lb)
    return count


def _polylines_cross(a: np.ndarray, b: np.ndarray) -> bool:
    """Do the lines drawn through the points ``a`` and through ``b`` cross?"""
    p, r = a[:-1], a[1:] - a[:-1]
    q, s = b[:-1], b[1:] - b[:-1]
    denom = r[:, None, 0] * s[None, :, 1] - r[:, None, 1] * s[None, :, 0]
    qp = q[None, :, :] - p[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[..., 0] * s[None, :, 1] - qp[..., 1] * s[None, :, 0]) / denom
        u = (qp[..., 0] * r[:, None, 1] - qp[..., 1] * r[:, None, 0]) / denom
    return bool(np.any((denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)))


def drawn_line(patch, step: float = 2.0) -> np.ndarray:
    """The points of an edge's line as drawn (straight or bowed), in pixels, one every ``step`` pixels or less."""
    path = patch.get_path().transformed(patch.get_transform())
    points = np.concatenate([p for p in path.to_polygons(closed_only=False) if len(p)])
    out = [points[:1]]
    for a, b in zip(points[:-1], points[1:]):
        n = max(1, int(np.ceil(np.hypot(*(b - a)) / step)))
        out.append(a + (b - a) * np.linspace(0, 1, n + 1)[1:, None])
    return np.concatenate(out)


def node_outline(figure, node) -> np.ndarray:
    """The outline of a node's marker as drawn, a closed polygon in pixels."""
    figure.canvas.draw()
    centre = node.get_offset_transform().transform(node.get_offsets()[0])
    shape = node.get_paths()[0].transformed(Affine2D(node.get_transforms()[0]))
    return centre + np.concatenate(shape.to_polygons(closed_only=False))


def distance_to(outline: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Each point's distance to the polygon ``outline`` in pixels, negative inside it."""
    a, b = outline, np.roll(outline, -1, axis=0)
    ab = b - a
    t = np.clip(np.einsum("pik,ik->pi", points[:, None, :] - a, ab) / np.maximum((ab ** 2).sum(1), 1e-12), 0, 1)
    nearest = a + t[..., None] * ab
    d = np.hypot(*(points[:, None, :] - nearest).transpose(2, 0, 1)).min(axis=1)
    return np.where(Path(outline).contains_points(points), -d, d)


def label_gaps(figure) -> dict[str, float]:
    """Points from each node label's box to its node's outline (0 where they touch or overlap)."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    nodes = by_gid(figure, "node")
    gaps = {}
    for node, text in by_gid(figure, "label").items():
        box = text.get_window_extent(renderer)
        xs, ys = np.linspace(box.x0, box.x1, 41), np.linspace(box.y0, box.y1, 21)
        rim = np.concatenate([np.column_stack([xs, np.full(41, y)]) for y in (box.y0, box.y1)]
                             + [np.column_stack([np.full(21, x), ys]) for x in (box.x0, box.x1)])
        gaps[node] = max(0.0, float(distance_to(node_outline(figure, nodes[node]), rim).min())) * 72 / figure.dpi
    return gaps


def bows(figure) -> dict[str, float]:
    """How far each edge's drawn line strays from the straight chord between its ends, as a share of the chord."""
    out = {}
    for edge, patch in by_gid(figure, "edge").items():
        line = drawn_line(patch)
        a, b = line[0], line[-1]
        chord = float(np.hypot(*(b - a)))
        if chord > 1:
            off = np.abs((line[:, 0] - a[0]) * (b[1] - a[1]) - (line[:, 1] - a[1]) * (b[0] - a[0])) / chord
            out[edge] = float(off.max()) / chord
    return out


def bundle_gaps(figure, share: float = 0.6) -> dict[tuple[str, str], float]:
    """For each two drawn lines of one pair, the least gap in points between them over the middle ``share`` of the
    first (beyond both lines' half widths): negative where they overlap."""
    px = figure.dpi / 72
    lines = {e: (drawn_line(p), p.get_linewidth() * px / 2) for e, p in by_gid(figure, "edge").items()}
    out = {}
    for (a, (la, wa)), (b, (lb, wb)) in combinations(lines.items(), 2):
        if set(a.split(":")[:2]) != set(b.split(":")[:2]):
            continue
        cut = int(len(la) * (1 - share) / 2)
        middle = la[cut:len(la) - cut]
        near = np.hypot(*(middle[:, None, :] - lb[None, :, :]).transpose(2, 0, 1)).min(axis=1)
        out[a, b] = float(near.min() - wa - wb) / px
    return out


def head_tips(figure) -> dict[str, list[tuple[str, np.ndarray, float]]]:
    """Each node's incoming arrowheads: (edge, the tip in pixels, the head's drawn width in pixels: its outline's
    extent across the way it points)."""
    figure.canvas.draw()
    out: dict[str, list] = {}
    for edge, head in by_gid(figure, "head").items():
        base, tip = head.get_transform().transform(head._posA_posB)       # noqa: SLF001
        way = (tip - base) / max(float(np.hypot(*(tip - base))), 1e-9)
        outline = np.concatenate(head.get_path().transformed(head.get_transform()).to_polygons(closed_only=False))
        across = (outline - tip) @ np.array([-way[1], way[0]])
        out.setdefault(edge.split(":")[1], []).append((edge, tip, float(np.ptp(across))))
    return out


def head_gaps(figure) -> dict[str, tuple[float, float]]:
    """For each node two or more arrowheads point into, the least distance in points between two of their tips and
    the wider of those two heads' widths in points."""
    px = figure.dpi / 72
    return {node: min((float(np.hypot(*(a[1] - b[1]))) / px, max(a[2], b[2]) / px) for a, b in combinations(tips, 2))
            for node, tips in head_tips(figure).items() if len(tips) > 1}


def titles_crossed(figure) -> list[tuple[str, str]]:
    """(side, edge) for every side's name beside its circle (gid ``group-label:<side>``) an edge's line runs through
    (the glyphs' box, less a pixel)."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = {n: t.get_window_extent(renderer).expanded(1, 1).padded(-1) for n, t in by_gid(figure, "group-label").items()}
    px = figure.dpi / 72
    return [(side, edge) for edge, patch in by_gid(figure, "edge").items() for side, box in boxes.items()
            if _in_box(drawn_line(patch), box, patch.get_linewidth() * px / 2)]
