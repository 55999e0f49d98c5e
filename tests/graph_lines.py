"""Measure the page's drawn actor graph as a reader sees it, from Cytoscape.js's own geometry in Chromium: the lines
(each sampled along its drawn curve), the nodes' and labels' boxes and the arrowheads, all in pixels on screen.

Shared by the html test modules that judge the graph (judged round 12: heads knotted into Ukraine's node, labels
crossed by red lines, straight lines through nodes that were not their ends).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from timeline.graph import actor_graph

#: A node's label's box as drawn (a JavaScript function of a node): Cytoscape.js 3.35 reads a label's place from its
#: last frame's calculations on the first read after a change of its style, unless marked dirty (the page's labelBox).
LABEL = "(n => (n.dirtyBoundingBoxCache(), n.renderedBoundingBox({includeNodes: false, includeEdges: false})))"

#: The graph as drawn: {lines: [[source label, target label, [[x, y], ...] samples, width]], nodes: [[label, box]],
#: labels: [[label, box]]}, rendered pixels. A line's curve is sampled from its ends and control points (a bezier is
#: a chain of quadratic curves through the control points' midpoints, as Cytoscape.js draws it); a node's box is
#: its body, its label's box the label's white ground.
DRAWN = """(() => { const cy = window.timelinePage.debug().cy, z = cy.zoom(), pan = cy.pan(), LABEL = """ + LABEL + """;
    const on = p => [p.x * z + pan.x, p.y * z + pan.y];
    const quad = (a, c, b, out) => { for (let t = 0.05; t <= 1.0001; t += 0.05) out.push(
        [(1 - t) * (1 - t) * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
         (1 - t) * (1 - t) * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1]]); };
    const lines = cy.edges(':visible').map(e => {
      const s = on(e.sourceEndpoint()), t = on(e.targetEndpoint()), out = [s];
      const style = e.style('curve-style');
      const cps = style === 'haystack' || style === 'straight' ? [] : (e.controlPoints() || []).map(on);
      if (!cps.length) out.push(t);
      else {
        let from = s;
        cps.forEach((c, i) => { const to = i === cps.length - 1 ? t : [(c[0] + cps[i + 1][0]) / 2, (c[1] + cps[i + 1][1]) / 2];
                                quad(from, c, to, out); from = to; });
      }
      return [e.source().data('label'), e.target().data('label'), out, parseFloat(e.renderedStyle('width') || '1')];
    });
    const nodes = cy.nodes(':visible').map(n => [n.data('label'), n.renderedBoundingBox({includeLabels: false})]);
    const labels = cy.nodes(':visible').filter(n => !n.hasClass('unlabelled') && n.style('label'))
      .map(n => [n.data('label'), LABEL(n)]);
    return {lines, nodes, labels}; })()"""


def drawn(page: Any) -> dict[str, Any]:
    """The graph of ``page`` as drawn (see DRAWN)."""
    return page.evaluate(DRAWN)


def shrink(box: dict, by: float) -> dict:
    return {"x1": box["x1"] + by, "x2": box["x2"] - by, "y1": box["y1"] + by, "y2": box["y2"] - by}


def crosses(points: list[list[float]], box: dict) -> bool:
    """Whether the polyline ``points`` enters ``box`` (Liang–Barsky clipping of each segment)."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        t0, t1, dx, dy = 0.0, 1.0, x1 - x0, y1 - y0
        inside = True
        for p, q in ((-dx, x0 - box["x1"]), (dx, box["x2"] - x0), (-dy, y0 - box["y1"]), (dy, box["y2"] - y0)):
            if p == 0:
                if q < 0:
                    inside = False
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                inside = False
                break
        if inside:
            return True
    return False


def lines_through_nodes(graph: dict[str, Any], spare: float = 2) -> list[str]:
    """Each line that passes through a node not its end (the node's body less ``spare`` pixels), as "A→B through C"."""
    found = []
    for source, target, points, _ in graph["lines"]:
        for name, box in graph["nodes"]:
            if name not in (source, target) and crosses(points, shrink(box, spare)):
                found.append(f"{source}→{target} through {name}")
    return found


def labels_crossed(graph: dict[str, Any], spare: float = 2, others: bool = False) -> list[str]:
    """Each label a line crosses (its white ground less ``spare`` pixels), as "label ← A→B"; with ``others``, only
    by lines of other actors (not from or to the label's own node)."""
    return [f"{name} ← {source}→{target}" for name, box in graph["labels"]
            for source, target, points, _ in graph["lines"]
            if not (others and name in (source, target)) and crosses(points, shrink(box, spare))]


def most_active(record, events, n: int) -> list[str]:
    """The ``n`` actors with most events (ties: the record's order of actors), as the page ranks them."""
    order = {a: i for i, a in enumerate(record.actors)}
    counts = Counter(a for e in events for a in {*e.actors()})
    graph = actor_graph(record, events)
    ranked = sorted((a for a in graph.nodes if counts[a]), key=lambda a: (-counts[a], order[a]))
    return ranked[:n]


#: The width (pixels) of each name given, set at 12 px (the graph's smallest label) in the graph's font.
TEXT_WIDTHS = """(names => { const c = document.createElement('canvas').getContext('2d');
    c.font = '12px ' + getComputedStyle(document.getElementById('graph')).fontFamily;
    return names.map(name => c.measureText(name).width); })"""


def room_left(page: Any, graph: dict[str, Any], unlabelled: list[str]) -> list[str]:
    """Each of the ``unlabelled`` nodes with free room for its label at 12 px somewhere round it (below, above, beside
    or at a corner, 3 px off its body): inside the graph, over no other node, crossed by no other actor's line, and
    nearer its own node than any other, whatever labels lie there (another's label has other places); as "name: place"
    (judged round 14: Mark Rutte unlabelled with room all round but for the United Arab Emirates' label)."""
    width, height = page.evaluate("[window.timelinePage.debug().cy.width(), window.timelinePage.debug().cy.height()]")
    nodes = dict(graph["nodes"])
    found = []
    for name, text in zip(unlabelled, page.evaluate(TEXT_WIDTHS, unlabelled)):
        body, w, h = nodes[name], text + 6, 20
        cx, cy = (body["x1"] + body["x2"]) / 2, (body["y1"] + body["y2"]) / 2
        xs = {"left": body["x1"] - 3 - w, "centre": cx - w / 2, "right": body["x2"] + 3}
        ys = {"above": body["y1"] - 3 - h, "level": cy - h / 2, "below": body["y2"] + 3}
        for (xn, x), (yn, y) in ((a, b) for a in xs.items() for b in ys.items()):
            box = {"x1": x, "x2": x + w, "y1": y, "y2": y + h}
            own = _gap(box, body)
            if (xn, yn) == ("centre", "level") or box["x1"] < 0 or box["y1"] < 0 or box["x2"] > width or box["y2"] > height:
                continue
            if any(_gap(box, other) <= max(own, 4) for other_name, other in nodes.items() if other_name != name):
                continue
            if any(crosses(points, box) for source, target, points, _ in graph["lines"] if name not in (source, target)):
                continue
            found.append(f"{name}: {yn} {xn}")
    return found


def _gap(a: dict, b: dict) -> float:
    dx, dy = max(0, a["x1"] - b["x2"], b["x1"] - a["x2"]), max(0, a["y1"] - b["y2"], b["y1"] - a["y2"])
    return (dx * dx + dy * dy) ** 0.5

