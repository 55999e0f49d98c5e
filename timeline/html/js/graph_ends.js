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
        var from = edge.data("arc") ? edge.controlPoints()[0] : edge.source().position();   // an arc comes in from its bow
        return {edge: edge, angle: Math.atan2(from.x - at.x, at.y - from.y) * 180 / Math.PI};   // 0 up, clockwise
      });
      var node = cy.getElementById(id);
      if (node.data("shape") === "rectangle" && ends.length > 1) alongSides(node, ends);
      else {
        spread(ends, Math.min(headsGap(node, into[id]), 360 / ends.length));
        ends.forEach(function (end) { end.at = (Math.round(end.angle * 10) / 10) + "deg"; });
      }
      page.ringEnds[node.data("label")] = ends.map(function (end) { return end.angle; });
      ends.forEach(function (end) {
        if (end.edge.data("tend") !== end.at) { end.edge.data("tend", end.at); end.edge.style("target-endpoint", end.at); }
      });
    });
  });
}

/** A node this many times its size at most, to give the arrowheads into it their own places round it. */
var RING_GROWTH = 2.2;

/** Grow ``node`` (its data "ring", graph units) until its outline has room for the arrowheads of its ``edges`` side by
 *  side, each its width and 3 px apart, up to RING_GROWTH times its size (judged round 12: about ten heads knotted on
 *  Ukraine's square, which had room round it for six); a circle's outline is π its size, a square's four times less its corners. */
function roomForHeads(node, edges) {
  var widest = edges.reduce(function (most, edge) { return Math.max(most, headWidth(edge)); }, 0);
  var perimeter = edges.length * (widest + 3), square = node.data("shape") === "rectangle";
  // a square's heads keep off its corners (alongSides): its sides less 3/4 of a head's width and 2 px at each end
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

/** Spread the heads into a square ``node`` along its four sides by the way they come from (judged round 13: six heads
 *  at the top right corner of Ukraine's square, its left and lower sides bare): each ``end`` (angle, degrees, 0 up,
 *  clockwise) starts where its line, aimed at the centre, meets the outline; then, on the outline less its corners
 *  (each head's tip 3/4 of a head's width and 2 px off a corner), neighbours are moved a head's width and 3 px apart
 *  as ``spread`` moves angles (evenly round, if they do not fit). Sets each end's ``at`` (a target-endpoint: a point
 *  relative to the node's centre, in percent of its size) and ``angle`` (of that point). */
function alongSides(node, ends) {
  var widest = ends.reduce(function (most, end) { return Math.max(most, headWidth(end.edge)); }, 0);
  var half = node.data("size") / 2 + node.numericStyle("border-width") / 2, step = widest + 3;
  var room = Math.max(half - 0.75 * widest - 2, 1), usable = 8 * room;   // each side's usable length is 2 room
  ends.forEach(function (end) {
    var a = ((end.angle % 360) + 360) % 360, side = Math.floor(((a + 45) % 360) / 90), r = a * Math.PI / 180;
    var dx = Math.sin(r), dy = -Math.cos(r);   // towards the source, y down
    // the clockwise coordinate along the side: top +x, right +y, bottom -x, left -y
    var along = side % 2 ? dy / Math.max(Math.abs(dx), 1e-6) : dx / Math.max(Math.abs(dy), 1e-6);
    along = Math.max(-room, Math.min(room, (side > 1 ? -along : along) * half));
    end.angle = (side * 2 * room + along + room) / usable * 360;   // its place on the usable outline, in degrees
  });
  spread(ends, Math.min(360, step / usable * 360));
  ends.forEach(function (end) {
    var u = ((end.angle % 360) + 360) % 360 / 360 * usable, side = Math.min(3, Math.floor(u / (2 * room)));
    var along = u - side * 2 * room - room;
    var x = [along, half, -along, -half][side], y = [-half, along, half, -along][side], size = 2 * half;
    end.at = (Math.round(1000 * x / size) / 10) + "% " + (Math.round(1000 * y / size) / 10) + "%";
    end.angle = Math.atan2(x, -y) * 180 / Math.PI;
  });
}
