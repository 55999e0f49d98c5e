/* Part of the page script (see core.js): the graph's labels, placed where they collide with nothing and drawn whole. */

// ---- graph labels ---------------------------------------------------------------------------

/** Labels drawn afresh each frame, not from Cytoscape.js's cache of label textures: that cache keeps a label's
 *  drawing after declutter moves or resizes it, and the stale texture is cut to the label's new box ("Jkraine's allies",
 *  a name half gone, another not drawn at all; Cytoscape.js 3.35). At most DESKTOP_ACTORS labels: drawing them costs
 *  little. Its cache's ``getElement`` returning null is the renderer's own fallback to drawing the element. */
function wholeLabels() {
  var data = cy.renderer() && cy.renderer().data;
  if (data && data.lblTxrCache) data.lblTxrCache.getElement = function () { return null; };
  // Cytoscape.js follows the window's size, not its box's: the details panel opening narrows the box, and labels
  // placed for the old width would be cut at the frame; the box followed, the labels placed again for the new one
  if (window.ResizeObserver) new ResizeObserver(function () {
    var before = [cy.width(), cy.height()];
    cy.resize();
    if (Math.abs(cy.width() - before[0]) > 1 || Math.abs(cy.height() - before[1]) > 1) declutter();
  }).observe($("graph"));
}

/** Where a label may go, in order: below its node, above, right, left: [valign, halign, box of a w×h label
 *  beside a node of rendered box b at zoom z]. */
var LABEL_PLACES = [
  ["bottom", "center", function (p, b, w, h, z) { return {x1: p.x - w / 2 - 1, x2: p.x + w / 2 + 1, y1: b.y2 + 3 * z, y2: b.y2 + 3 * z + h}; }],
  ["top", "center", function (p, b, w, h, z) { return {x1: p.x - w / 2 - 1, x2: p.x + w / 2 + 1, y1: b.y1 - 3 * z - h, y2: b.y1 - 3 * z}; }],
  ["center", "right", function (p, b, w, h, z) { return {x1: b.x2 + 4 * z, x2: b.x2 + 4 * z + w + 2, y1: p.y - h / 2, y2: p.y + h / 2}; }],
  ["center", "left", function (p, b, w, h, z) { return {x1: b.x1 - 4 * z - w - 2, x2: b.x1 - 4 * z, y1: p.y - h / 2, y2: p.y + h / 2}; }]
];

/** The most active actors shown: their labels may lie over a less active actor's node, a main one's too (drawn above
 *  it, on its white ground), never over another label or a more active actor's node; the first view of the graph zooms in to make room (roomForTheMain). */
var ALWAYS_LABELLED = 8;

/** Zoom in (up to five times, a quarter each time) on the main actors while some of the ALWAYS_LABELLED most active have no
 *  room for their label: a dense middle is spread until they are named; the reader zooms out (or presses 0) for the rest. */
function roomForTheMain() {
  if (!page.graphShown) return;
  for (var step = 0; step < 5; step++) {
    var main = drawnNodes().sort(function (a, b) { return b.data("z") - a.data("z"); }).slice(0, ALWAYS_LABELLED);
    if (!main.some(function (node) { return node.hasClass("unlabelled"); })) return;
    var middle = main.reduce(function (sum, node) { var at = node.position(); return {x: sum.x + at.x / main.length, y: sum.y + at.y / main.length}; }, {x: 0, y: 0});
    var before = {zoom: cy.zoom(), pan: Object.assign({}, cy.pan())};
    cy.zoom({level: cy.zoom() * 1.25, position: middle});
    var out = main.some(function (node) {   // a main actor pushed off the graph: one step too far
      var box = node.renderedBoundingBox({includeLabels: false});
      return box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height();
    });
    if (out) cy.viewport(before);
    declutter();
    if (out) return;
  }
}

/** Labels keep their size on screen (``font`` pixels, 12 to 16, whatever the zoom), below their node or, if that
 *  place is taken, above, right or left of it; a label that would be drawn over a label placed before (the chosen
 *  and the more active actors' first) or over any other node in every place, or past the graph's edges, is left out (the actor is still named
 *  in the lists and its details): no label ever collides or is cut. Zooming in makes room for more. */
function declutter() {
  if (!page.graphShown) return;   // headless: nothing on screen to fit labels into
  var zoom = cy.zoom(), placed = [], nodes = drawnNodes().sort(function (a, b) {
    return (b.hasClass("involved") - a.hasClass("involved")) || (b.hasClass("chosen") - a.hasClass("chosen")) || b.data("z") - a.data("z");
  });
  if (nodes.length > 3000) return;
  cy.batch(function () {   // on a phone's few actors, every node at least a finger's size on screen
    nodes.forEach(function (node) {
      var size = page.laidOutFew ? Math.max(node.data("base"), FINGER / zoom) : node.data("base");
      if (Math.abs(node.data("size") - size) > 0.01) node.data("size", size);
    });
  });
  var bodies = nodes.map(function (n) { return n.renderedBoundingBox({includeLabels: false}); });
  var hit = function (a, b) { return a.x1 < b.x2 + 2 && b.x1 < a.x2 + 2 && a.y1 < b.y2 + 1 && b.y1 < a.y2 + 1; };
  var shown = 0, names = [];
  cy.batch(function () {
    nodes.forEach(function (node, k) {
      var font = node.data("font"), fits = font >= LABEL_MIN, box = null, place = null;

      // a main actor's label too big for every place is tried again at the smallest size before it is left out
      var sizes = !fits ? [] : k < ALWAYS_LABELLED && font > LABEL_MIN ? [font, LABEL_MIN] : [font];
      for (var s = 0; s < sizes.length && !place; s++) {
        font = sizes[s];
        // the label's box as Cytoscape.js draws it (its line height, background padding), with a little to spare
        var text = textWidth(node.data("label")) * font / 12, margin = page.laidOutFew ? 1 : 1 + 0.03 * text;   // a phone's ladder: as before, room is short
        var w = text * 1.04 + 4, h = font * 1.55 + 2, p = node.renderedPosition();
        var free = function (at) {   // inside the graph, over no label placed and no other node
          box = placeBox(at, p, bodies[k], w, h, zoom, margin);
          return box.x1 >= 0 && box.x2 <= cy.width() && box.y1 >= 0 && box.y2 <= cy.height() &&
                 !placed.some(function (other) { return hit(box, other); }) &&
                 !bodies.some(function (other, j) { return j !== k && (k >= ALWAYS_LABELLED || j < k) && hit(box, other); });
        };
        place = LABEL_PLACES.find(free);
      }
      fits = !!place;
      if (place) {
        box = placeBox(place, p, bodies[k], w, h, zoom, margin);   // its box (the last one tried may be another place's)
        var mx = (place[1] === "right" ? 4 : place[1] === "left" ? -4 : 0) + box.shift / zoom;
        if (node.data("valign") !== place[0] || node.data("halign") !== place[1] || Math.abs(node.data("mx") - mx) > 0.01) {
          node.data({valign: place[0], halign: place[1], my: place[0] === "bottom" ? 3 : place[0] === "top" ? -3 : 0, mx: mx});
        }
        if (Math.abs(node.data("fs") - font / zoom) > 0.01) node.data("fs", font / zoom);
        // Cytoscape.js measures a label at its size in the graph (small: labels keep their size on screen) and cuts the
        // text drawn to that box, a letter short at each end: a margin around the text keeps it whole
        if (Math.abs(node.data("pad") - margin / zoom) > 0.01) node.data("pad", margin / zoom);
      }
      if (fits) { placed.push(box); names.push(node.data("label")); shown++; }
      if (node.hasClass("unlabelled") === fits) node.toggleClass("unlabelled", !fits);
    });
  });
  page.labels = {shown: shown, boxes: placed, names: names};
}

/** A label's box at ``place`` (see LABEL_PLACES), its white ground's ``margin`` around it (pixels on screen, 1 as
 *  the places count); a label centred under or over a node near the graph's side slides along to stay inside, by up to
 *  half its width less 8 px (``shift``, pixels on screen), so that it still touches it. */
function placeBox(place, p, body, w, h, zoom, margin) {
  var box = place[2](p, body, w, h, zoom), most = Math.max(w / 2 - 8, 0), shift = 0, m = Math.max(margin - 1, 0);
  box = {x1: box.x1 - m, x2: box.x2 + m, y1: box.y1 - m - 1.5, y2: box.y2 + m + 1.5};   // its line height rounds up
  if (place[1] === "center") shift = box.x1 < 0 ? Math.min(-box.x1, most) : box.x2 > cy.width() ? -Math.min(box.x2 - cy.width(), most) : 0;
  return {x1: box.x1 + shift, x2: box.x2 + shift, y1: box.y1, y2: box.y2, shift: shift};
}

/** The nodes drawn: not hidden by the filters nor left off paper. By their classes, not ":visible", which reads the
 *  style of the last batch's end: right after a filter is lifted it still names the few nodes it left. */
function drawnNodes() {
  return cy.nodes().filter(function (node) { return !node.hasClass("hidden") && !node.hasClass("print-off"); });
}
