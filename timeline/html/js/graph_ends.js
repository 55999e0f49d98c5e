/* Part of the page script (see core.js): the graph's line ends and arrowheads, spread round their nodes. */

// ---- line ends ----------------------------------------------------------------------------

/** Arrowheads into one node this many degrees apart round it at least (or evenly round it, if more come in). */
var RING_GAP = 18;
/** Each line end's style and its data: where it meets its node's outline. */
var END_STYLES = {target: ["target-endpoint", "tend"], source: ["source-endpoint", "send"]};

/** Each line drawn starts and ends where its own direction meets the outline of its nodes, and the ends at one node
 *  are spread round it: arrowheads RING_GAP degrees apart at least (judged round 10: the red heads of every demand and
 *  rejection knotted into Ukraine's node, one on another), a line's other end its width and LINE_END_GAP apart
 *  (judged round 16: Ukraine's outgoing lines started at one spot on its right side); where a node's outline has no
 *  room for them all, the other ends have less (see spread). In a crowded graph (which the reader zooms into) only the
 *  heads: its lines' other ends spread took the room of labels (55 of 66 actors unlabelled on a desktop, not 49).
 *  page.ringEnds holds each node's heads' angles. */
function ringEnds() {
  if (!page.graphShown || D.graphs[state.level].edges.length > BEZIER_UP_TO) return;   // straight haystack lines have no heads
  var at = {}, crowded = drawnNodes().length > CROWDED;
  page.ringEnds = {};
  cy.batch(function () {
    cy.edges().forEach(function (edge) {
      var off = edge.hasClass("hidden") || edge.hasClass("print-off") || edge.hasClass("bundled") || edge.isLoop();
      ["target", "source"].forEach(function (side) {
        var head = side === "target" && edge.data("arrow") !== "none";
        if (off || (crowded && !head)) { placeEnd({edge: edge, side: side}); return; }
        var node = edge[side]();
        (at[node.id()] = at[node.id()] || []).push({edge: edge, side: side, head: head});
      });
    });
    cy.nodes().forEach(function (node) { if (!at[node.id()] && node.data("ring")) { node.removeData("ring"); fitSize(node); } });
    Object.keys(at).forEach(function (id) {
      var node = cy.getElementById(id), ends = at[id], heads = ends.filter(function (end) { return end.head; });
      roomForEnds(node, ends);
      spreadEnds(node, ends);
      ends.forEach(function (end) { placeEnd(end, end.at); });
      page.ringEnds[node.data("label")] = heads.map(function (end) { return end.angle; });
    });
  });
}

/** Set ``end``'s place on its node's outline (a target- or source-endpoint), or, if ``where`` is null, none: aimed at
 *  its centre, Cytoscape.js's own. */
function placeEnd(end, where) {
  var names = END_STYLES[end.side], edge = end.edge;
  if ((where || undefined) === edge.data(names[1])) return;
  if (where) { edge.data(names[1], where); edge.style(names[0], where); }
  else { edge.removeStyle(names[0]); edge.removeData(names[1]); }
}

/** Spread ``ends`` (ringEnds') round ``node``: each its ``angle`` (degrees, 0 up, clockwise) and its place ``at``.
 *  An end starts where its line, aimed at the centre, meets the outline. */
function spreadEnds(node, ends) {
  var at = node.position(), headWide = ends.reduce(function (most, end) {
    return end.head ? Math.max(most, headWidth(end.edge)) : most; }, 0);
  ends.forEach(function (end) {
    var other = end.side === "target" ? end.edge.source() : end.edge.target();
    var from = end.edge.data("arc") ? end.edge.controlPoints()[0] : other.position();   // an arc comes in from its bow
    end.angle = Math.atan2(from.x - at.x, at.y - from.y) * 180 / Math.PI;   // 0 up, clockwise
    end.width = end.head ? headWide : end.edge.numericStyle("width");
  });
  if (node.data("shape") === "rectangle" && ends.length > 1) { alongSides(node, ends); return; }
  var radius = node.data("size") / 2 + node.numericStyle("border-width") / 2;   // its data: the style lags in a batch
  ends.forEach(function (end) {   // the degrees each end keeps: the chord of its width and its gap
    var chord = 2 * Math.asin(Math.min(1, (end.width + (end.head ? 2 : LINE_END_GAP)) / 2 / radius)) * 180 / Math.PI;
    end.room = end.head ? Math.max(RING_GAP, chord) : chord;
  });
  spread(ends);
  ends.forEach(function (end) { end.at = (Math.round(end.angle * 10) / 10) + "deg"; });
}

/** A node this many times its size at most, to give the line ends at it their own places round it; and the pixels
 *  between a line's end (not a head) and its neighbours': lines may start side by side, not on one spot. */
var RING_GROWTH = 2.2, LINE_END_GAP = 1;

/** Grow ``node`` (its data "ring", graph units) until its outline has room for its line ``ends`` (ringEnds') side by
 *  side, an arrowhead its width and 3 px apart, a line's other end its width and LINE_END_GAP, up to RING_GROWTH times
 *  its size (judged round 12: about ten heads knotted on Ukraine's square, which had room round it for six); a
 *  circle's outline is π its size, a square's four times less its corners. */
function roomForEnds(node, ends) {
  var widest = 0, perimeter = ends.reduce(function (sum, end) {
    var width = end.head ? headWidth(end.edge) : end.edge.numericStyle("width");
    if (end.head) widest = Math.max(widest, width);
    return sum + width + (end.head ? 3 : LINE_END_GAP);
  }, 0), square = node.data("shape") === "rectangle";
  // a square's ends keep off its corners (alongSides): its sides less 3/4 of a head's width and 2 px at each end
  var size = square ? perimeter / 4 + 1.5 * widest + 4 : perimeter / Math.PI;
  var ring = Math.min(size, RING_GROWTH * node.data("base"));
  if (Math.abs((node.data("ring") || 0) - ring) > 0.01) { node.data("ring", ring); fitSize(node); }
}

/** Give ``node`` its size: its own, or more to be a finger's target on a phone's ladder or to hold its heads. */
function fitSize(node) {
  var size = Math.max(node.data("base"), node.data("ring") || 0, page.laidOutFew ? FINGER / cy.zoom() : 0);
  if (Math.abs(node.data("size") - size) > 0.01) node.data("size", size);
}

/** The width of ``edge``'s arrowhead, graph units: Cytoscape.js's triangle, 0.3 of its arrow size,
 *  max((13.37 w)^0.9, 29) times arrow-scale for a line w wide (its renderer's getArrowWidth). */
function headWidth(edge) {
  return 0.3 * Math.max(Math.pow(edge.numericStyle("width") * 13.37, 0.9), 29) * edge.numericStyle("arrow-scale");
}

/** Move the ``ends``' angles (degrees) apart so that neighbours round the circle keep their ``room`` (degrees: two
 *  ends are the mean of theirs apart), each moving little: in order round the circle from the widest empty arc, each
 *  end at its own angle or its room past the one before, then all turned back by their mean move; if that would close
 *  the circle, round it in turn, each its share of the circle by its room. Rooms that add up to more than the circle
 *  are cut: a line's end's first, the arrowheads' (``head``) only if theirs alone do. */
function spread(ends) {
  var n = ends.length;
  if (n < 2) return;
  var heads = 0, rest = 0;
  ends.forEach(function (end) { if (end.head) heads += end.room; else rest += end.room; });
  if (heads + rest > 360 && rest > 0) {
    var cut = Math.max(360 - heads, 0) / rest;
    ends.forEach(function (end) { if (!end.head) end.room *= cut; });
  }
  ends.sort(function (a, b) { return a.angle - b.angle; });
  var start = 0, widest = -1;
  ends.forEach(function (end, i) {
    var arc = i === n - 1 ? ends[0].angle + 360 - end.angle : ends[i + 1].angle - end.angle;
    if (arc > widest) { widest = arc; start = (i + 1) % n; }
  });
  var order = ends.slice(start).concat(ends.slice(0, start)), base = order[0].angle;
  var gap = function (k) { return (order[k].room + order[(k + 1) % n].room) / 2; };   // from the k-th to the next
  var natural = order.map(function (end) { return base + ((end.angle - base) % 360 + 360) % 360; });
  var placed = natural.slice();
  for (var i = 1; i < n; i++) placed[i] = Math.max(natural[i], placed[i - 1] + gap(i - 1));
  if (placed[n - 1] - placed[0] > 360 - gap(n - 1)) {   // no room left: round the circle, each end its share
    var total = order.reduce(function (sum, _, k) { return sum + gap(k); }, 0);
    placed = [0];
    for (var k = 1; k < n; k++) placed.push(placed[k - 1] + gap(k - 1) * 360 / total);
  }
  var shift = natural.reduce(function (sum, x, k) { return sum + (placed[k] - x); }, 0) / n;
  order.forEach(function (end, k) { end.angle = placed[k] - shift; });
}

/** Spread the line ends at a square ``node`` along its four sides by the way they come from (judged round 13: six
 *  heads at the top right corner of Ukraine's square, its left and lower sides bare): each of ``ends`` (angle, degrees,
 *  0 up, clockwise; width, graph units) starts where its line, aimed at the centre, meets the outline; then, on the
 *  outline less its corners (a head's tip 3/4 of the widest head's width and 2 px off a corner), neighbours are moved
 *  their mean width and 3 px apart as ``spread`` moves angles. Sets each end's ``at`` (an endpoint: a point relative to
 *  the node's centre, in percent of its size) and ``angle`` (of that point). */
function alongSides(node, ends) {
  var widest = ends.reduce(function (most, end) { return end.head ? Math.max(most, end.width) : most; }, 0);
  var half = node.data("size") / 2 + node.numericStyle("border-width") / 2;
  var room = Math.max(half - 0.75 * widest - 2, 1), usable = 8 * room;   // each side's usable length is 2 room
  ends.forEach(function (end) {
    var a = ((end.angle % 360) + 360) % 360, side = Math.floor(((a + 45) % 360) / 90), r = a * Math.PI / 180;
    var dx = Math.sin(r), dy = -Math.cos(r);   // towards the source, y down
    // the clockwise coordinate along the side: top +x, right +y, bottom -x, left -y
    var along = side % 2 ? dy / Math.max(Math.abs(dx), 1e-6) : dx / Math.max(Math.abs(dy), 1e-6);
    along = Math.max(-room, Math.min(room, (side > 1 ? -along : along) * half));
    end.angle = (side * 2 * room + along + room) / usable * 360;   // its place on the usable outline, in degrees
    end.room = (end.width + (end.head ? 3 : LINE_END_GAP)) / usable * 360;
  });
  spread(ends);
  ends.forEach(function (end) {
    var u = ((end.angle % 360) + 360) % 360 / 360 * usable, side = Math.min(3, Math.floor(u / (2 * room)));
    var along = u - side * 2 * room - room;
    var x = [along, half, -along, -half][side], y = [-half, along, half, -along][side], size = 2 * half;
    end.at = (Math.round(1000 * x / size) / 10) + "% " + (Math.round(1000 * y / size) / 10) + "%";
    end.angle = Math.atan2(x, -y) * 180 / Math.PI;
  });
}
