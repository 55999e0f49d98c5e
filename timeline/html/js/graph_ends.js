/* Part of the page script (see core.js): the graph's arrowheads, spread round the node they point to. */

// ---- arrowheads ---------------------------------------------------------------------------

/** Arrowheads into one node this many degrees apart round it at least (or evenly round it, if more come in). */
var RING_GAP = 18;

/** Each directed line drawn ends where its own direction meets the outline of the node it points to, and the heads
 *  into one node are spread round it, RING_GAP degrees apart at least (judged round 10: the red heads of every
 *  demand and rejection knotted into Ukraine's node, one on another); page.ringEnds holds each node's angles. */
function ringEnds() {
  if (!page.graphShown || D.graphs[state.level].edges.length > BEZIER_UP_TO) return;   // straight haystack lines have no heads
  var into = {};
  page.ringEnds = {};
  cy.batch(function () {
    cy.edges().forEach(function (edge) {
      if (edge.hasClass("hidden") || edge.hasClass("print-off") || edge.hasClass("bundled") || edge.data("arrow") === "none" || edge.isLoop()) {
        if (edge.data("tend") !== undefined) { edge.removeStyle("target-endpoint"); edge.removeData("tend"); }
        return;
      }
      (into[edge.target().id()] = into[edge.target().id()] || []).push(edge);
    });
    cy.nodes().forEach(function (node) { if (!into[node.id()] && node.data("ring")) { node.removeData("ring"); fitSize(node); } });
    Object.keys(into).forEach(function (id) {
      roomForHeads(cy.getElementById(id), into[id]);
      var at = cy.getElementById(id).position(), ends = into[id].map(function (edge) {
        var from = edge.source().position();
        return {edge: edge, angle: Math.atan2(from.x - at.x, at.y - from.y) * 180 / Math.PI};   // 0 up, clockwise
      });
      spread(ends, Math.min(headsGap(cy.getElementById(id), into[id]), 360 / ends.length));
      page.ringEnds[cy.getElementById(id).data("label")] = ends.map(function (end) { return end.angle; });
      ends.forEach(function (end) {
        var angle = (Math.round(end.angle * 10) / 10) + "deg";
        if (end.edge.data("tend") !== angle) { end.edge.data("tend", angle); end.edge.style("target-endpoint", angle); }
      });
    });
  });
}

/** A node this many times its size at most, to give the arrowheads into it their own places round it. */
var RING_GROWTH = 2.2;

/** Grow ``node`` (its data "ring", graph units) until its outline has room for the arrowheads of its ``edges`` side by
 *  side, each its width and 3 px apart, up to RING_GROWTH times its size (judged round 12: about ten heads knotted on
 *  Ukraine's square, which had room round it for six); a circle's outline is π its size, a square's four times. */
function roomForHeads(node, edges) {
  var widest = edges.reduce(function (most, edge) { return Math.max(most, headWidth(edge)); }, 0);
  var perimeter = edges.length * (widest + 3), size = perimeter / (node.data("shape") === "rectangle" ? 4 : Math.PI);
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

/** Degrees between two arrowheads into ``node`` for their bases not to touch: the widest of its ``edges``' heads
 *  and 2 px, as a chord of its outline; RING_GAP at least (judged round 11: 18° round Ukraine's node left the red
 *  heads one on another). */
function headsGap(node, edges) {
  var widest = edges.reduce(function (most, edge) { return Math.max(most, headWidth(edge)); }, 0);
  var radius = node.data("size") / 2 + node.numericStyle("border-width") / 2;   // its data: the style lags in a batch
  return Math.max(RING_GAP, 2 * Math.asin(Math.min(1, (widest + 2) / 2 / radius)) * 180 / Math.PI);
}

/** Move the ``ends``' angles (degrees) apart so that neighbours round the circle are ``gap`` apart at least, each
 *  moving little: in order round the circle from the widest empty arc, each end at its own angle or ``gap`` past the
 *  one before, then all turned back by their mean move; if that would close the circle, evenly round it. */
function spread(ends, gap) {
  var n = ends.length;
  if (n < 2) return;
  ends.sort(function (a, b) { return a.angle - b.angle; });
  var start = 0, widest = -1;
  ends.forEach(function (end, i) {
    var arc = i === n - 1 ? ends[0].angle + 360 - end.angle : ends[i + 1].angle - end.angle;
    if (arc > widest) { widest = arc; start = (i + 1) % n; }
  });
  var order = ends.slice(start).concat(ends.slice(0, start)), base = order[0].angle;
  var natural = order.map(function (end) { return base + ((end.angle - base) % 360 + 360) % 360; });
  var placed = natural.slice();
  for (var i = 1; i < n; i++) placed[i] = Math.max(natural[i], placed[i - 1] + gap);
  if (placed[n - 1] - placed[0] > 360 - gap) {   // no room left: evenly round the circle
    var step = 360 / n;
    placed = natural.map(function (_, k) { return k * step; });
  }
  var shift = natural.reduce(function (sum, x, k) { return sum + (placed[k] - x); }, 0) / n;
  order.forEach(function (end, k) { end.angle = placed[k] - shift; });
}
