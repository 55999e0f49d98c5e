/* Part of the page script (see core.js): the Cytoscape.js actor graph. */

// ---- graph ----------------------------------------------------------------------------------

function makeGraph() {
  // before Cytoscape.js listens to the wheel (it does so in the capture phase too): it is told first
  zoomOnlyWithCtrl($("graph"), function (zooming) { cy.userZoomingEnabled(zooming); });
  page.graphShown = phone();   // a phone draws only the view chosen: its graph costs nothing until then
  cy = cytoscape({   // on a desktop, headless until its part of the page comes near the screen: see showGraph
    container: page.graphShown ? $("graph") : undefined, headless: !page.graphShown, styleEnabled: true,
    minZoom: 0.05, maxZoom: 6, boxSelectionEnabled: false, userZoomingEnabled: false,
    style: [
      {selector: "node", style: {
        "label": "data(label)", "background-color": "data(color)", "shape": "data(shape)",
        "width": "data(size)", "height": "data(size)", "font-size": "data(fs)", "color": "#1a1a1a",
        "text-valign": "data(valign)", "text-halign": "data(halign)", "text-margin-y": "data(my)", "text-margin-x": "data(mx)",
        "text-outline-width": 0, "font-family": getComputedStyle($("graph")).fontFamily,   // the font declutter measures
        "min-zoomed-font-size": LABEL_MIN - 0.5, "border-width": 2, "border-color": "data(edge)", "z-index": "data(z)",
        // a halo: each label on an opaque white ground, above every line (lines are drawn under nodes and their labels)
        "text-background-color": "#fff", "text-background-opacity": 1, "text-background-padding": "data(pad)",
        "text-background-shape": "round-rectangle"}},
      {selector: "edge", style: {
        "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "data(arrow)",
        "curve-style": "bezier", "width": "mapData(count, 1, 40, 1.5, 9)",
        "opacity": 0.75, "arrow-scale": 0.9}},
      {selector: ".hidden, .print-off, .bundled", style: {"display": "none"}},
      {selector: "node.chosen", style: {"border-width": 4, "border-color": "#1a1a1a"}},
      {selector: "edge.chosen", style: {"opacity": 1, "width": "mapData(count, 1, 40, 4, 12)", "z-index": 10}},
      {selector: "node.found", style: {"border-width": 3, "border-color": "#0050b3"}},
      {selector: "node.involved", style: {"border-width": 4, "border-color": "#1a1a1a", "z-index": 200}},
      {selector: "node.unlabelled", style: {"label": ""}},
      {selector: "node.named", style: {"label": "data(label)", "z-index": 1000}},   // pointed at: named above all
      {selector: "edge.involved", style: {"opacity": 1, "z-index": 20}},
      {selector: ".dim", style: {"opacity": 0.18}}
    ].concat(relationStyles())
  });
  if (page.graphShown) wholeLabels();
  cy.on("mouseover", "node", function (event) {   // a node without a label for room is named while pointed at
    var node = event.target;
    if (!node.hasClass("unlabelled")) return;
    node.data("fs", Math.max(node.data("font"), LABEL_MIN) / cy.zoom());
    node.addClass("named");
  });
  cy.on("mouseout", "node", function (event) { event.target.removeClass("named"); });
  cy.on("dragfree", "node", function () { ringEnds(); routeLines(); declutter(); });
  cy.on("tap", "node", function (event) { chooseActor(D.actors[Number(event.target.data("actor"))].id); });
  cy.on("tap", "edge", function (event) { showEdge(event.target.id()); });
  cy.on("tap", function (event) { if (event.target === cy && state.actor !== null) chooseActor(null); });
  cy.on("viewport", declutterSoon);
  // the reader's own zoom or pan, kept when the graph's box changes size (wholeLabels), until the graph is fitted again
  cy.on("scrollzoom pinchzoom dragpan", function () { page.readerViewport = true; });
  $("graph").addEventListener("keydown", function (event) {
    var keys = {"+": 1.25, "=": 1.25, "-": 0.8};
    if (keys[event.key]) { cy.zoom({level: cy.zoom() * keys[event.key], renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }
    else if (event.key === "0") cy.fit(cy.elements(":visible").boundingBox({includeLabels: false}), 40);
    else if (event.key.indexOf("Arrow") === 0) {
      var d = 40, by = {ArrowLeft: [d, 0], ArrowRight: [-d, 0], ArrowUp: [0, d], ArrowDown: [0, -d]}[event.key];
      cy.panBy({x: by[0], y: by[1]});
    } else return;
    page.readerViewport = event.key !== "0";
    event.preventDefault();
  });
  loadLevel();
}

/** Make the graph if it is not made yet (the page makes it after its first frame; a print or a tab may ask sooner). */
function makeGraphNow() {
  if (cy) return;
  makeGraph();
  cy.scratch("level", state.level);
  var visible = passing(false), graph = drawGraph(visible, state.from, state.to);
  drawActorList(drawRanking(visible));
  if (page.last) { page.last.nodes = graph.nodes; page.last.edges = graph.edges; }
}

/** Draw the desktop's graph (once): until then Cytoscape.js runs headless, its nodes, edges and classes kept up to date and
 *  nothing drawn. Drawing it is most of the page's first second at 10,000 events, and on a desktop it is below the
 *  fold; it is drawn when it comes into view, is chosen, or is printed. */
function showGraph() {
  makeGraphNow();
  if (page.graphShown) return;
  page.graphShown = true;
  cy.mount($("graph"));
  wholeLabels();
  page.fittedTo = null;
  drawGraph(passing(false), state.from, state.to);
}

/** Draw the graph if it is on the screen, once the page is laid out (the page is then ready with it drawn), else when
 *  the reader scrolls to it; then call ``done``. */
function showGraphWhenNear(done) {
  if (page.graphShown || !("IntersectionObserver" in window)) { showGraph(); done(); return; }
  var first = true, observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) { observer.disconnect(); showGraph(); }
    if (first) { first = false; done(); }
  });
  observer.observe($("graph"));
}

/** One style per relation, from the palette's looks: its colour and its dash (in pixels, for a 2 px line). */
function relationStyles() {
  return V.relations.map(function (r, i) {
    var look = {"line-color": color(r.color, "#7f7f7f"), "target-arrow-color": color(r.color, "#7f7f7f")};
    if (r.dash.length) { look["line-style"] = "dashed"; look["line-dash-pattern"] = r.dash.map(function (x) { return x * 2.5; }); }
    return {selector: "edge.r" + i, style: look};
  });
}

function loadLevel() {
  var g = D.graphs[state.level];
  var most = g.nodes.reduce(function (m, n) { return Math.max(m, n[3]); }, 1);
  var width = Math.max(520, Math.sqrt(g.nodes.length) * 110), height = width / 1.5, tall = phone();   // a phone: turned a quarter
  var elements = g.nodes.map(function (n) {
    var actor = D.actors[n[0]], size = 10 + 22 * Math.sqrt(n[3] / most);
    return {group: "nodes", data: {id: "n" + n[0], actor: n[0], label: actor.name, color: sideColor(n[0]),
            edge: tint(sideColor(n[0]), 0.4, true), shape: SHAPES[actor.kind] || "ellipse", size: size, base: size, font: 12 + 4 * Math.sqrt(n[3] / most), fs: 12,
              z: Math.round(100 * n[3] / most), valign: "bottom", halign: "center", my: 3, mx: 0, pad: 1},   // the more active on top, label included
            position: tall ? {x: n[2] * height, y: n[1] * width} : {x: n[1] * width, y: (1 - n[2]) * height}};
  });
  g.edges.forEach(function (edge, k) {
    var relation = V.relations[edge[2]];
    elements.push({group: "edges", classes: "r" + edge[2],
                   data: {id: "e" + k, source: "n" + edge[0], target: "n" + edge[1], count: edge[3].length,
                          color: color(relation.color, "#7f7f7f"), arrow: relation.directed ? "triangle" : "none"}});
  });
  g.isolated = {};
  g.has = {};
  g.nodes.forEach(function (n) { g.has[n[0]] = true; });
  var touched = {};
  g.edges.forEach(function (edge) { touched[edge[0]] = touched[edge[1]] = true; });
  g.nodes.forEach(function (n) { if (!touched[n[0]]) g.isolated[n[0]] = true; });
  cy.elements().remove();
  // many edges: straight lines without arrowheads (the legend and the details still give directions)
  cy.style().selector("edge").style("curve-style", g.edges.length > BEZIER_UP_TO ? "haystack" : "bezier").update();
  var added = cy.add(elements);
  g.elements = {all: added, nodes: added.nodes().toArray(), edges: added.edges().toArray()};
  g.on = g.edges.map(function () { return true; });
  g.count = g.edges.map(function (edge) { return edge[3].length; });
  g.drawnCount = g.count.slice();
  g.bundled = g.edges.map(function () { return false; });
  g.classes = g.nodes.map(function () { return ""; });
  g.marks = g.edges.map(function () { return ""; });
  page.fittedTo = null;
}

/** The chosen event and the graph's nodes of its actors (people or their states), or null. */
function involved() {
  var i = state.event === null ? undefined : V.eventIndex[state.event];
  if (i === undefined) return null;
  var nodes = {};
  D.events[i].all.forEach(function (a) { nodes[nodeOf(a)] = true; });
  return {event: i, nodes: nodes};
}

/** Show the edges with a visible event (all of an actor's edges if one is chosen), and their ends. */
function drawGraph(visible, from, to) {
  var g = D.graphs[state.level], actor = state.actor === null ? null : V.actorIndex[state.actor];
  var shownNodes = {}, active = {}, edgeCount = 0, nodeCount = 0, query = state.q ? fold(state.q) : "";
  var edges = g.elements.edges, nodes = g.elements.nodes, chosen = involved();
  var acted = {};   // who acted (not only mentioned) in a held event in view: a node, as in the library's graph of them
  D.events.forEach(function (e, i) {
    if (!visible[i] || !inPeriod(e, from, to)) return;
    e.all.forEach(function (a) { var n = nodeOf(a); active[n] = (active[n] || 0) + 1; });
    if (V.statuses[e.st].held) Object.keys(e.r).forEach(function (key) {
      if (key !== "mentioned") e.r[key].forEach(function (a) { acted[nodeOf(a)] = true; });
    });
  });
  var kept = fewActors(g, active, actor, chosen), ladder = kept && phone();
  var named = Object.keys(active).length;   // the actors the events in view name: the page's one count of them
  var inView = g.edges.map(function (edge) {
    var n = 0;
    edge[3].forEach(function (i) { if (visible[i] && inPeriod(D.events[i], from, to)) n++; });
    return n;
  });
  g.inView = inView;   // each line's events in view, drawn or not (an actor's partners: partnersOf)
  var strongest = ladder ? strongestOfPairs(g, inView, kept) : null;   // a phone: one line a pair
  var faint = null;
  cy.batch(function () {
    g.edges.forEach(function (edge, k) {
      var n = inView[k];
      var on = n > 0 && (actor === null || edge[0] === actor || edge[1] === actor) &&
        (!kept || (kept[edge[0]] && kept[edge[1]] && (!strongest || strongest[k])));
      if (on !== g.on[k]) { edges[k].toggleClass("hidden", !on); g.on[k] = on; }
      if (on) {
        edgeCount++;
        shownNodes[edge[0]] = shownNodes[edge[1]] = true;
        g.count[k] = n;
      }
    });
    bundleLines(g, edges);
    faint = ladder && actor === null ? faintLines(g) : null;
    g.elements.all.edges(".chosen").removeClass("chosen");
    edges.forEach(function (edge, k) {
      var mark = chosen ? (g.edges[k][3].indexOf(chosen.event) >= 0 ? "involved" : "dim") : faint && faint[k] ? "dim" : "";
      if (mark !== (g.marks[k] || "")) { edge.removeClass("involved dim"); if (mark) edge.addClass(mark); g.marks[k] = mark; }
    });
    if (state.edge !== null && g.on[Number(state.edge.slice(1))]) edges[Number(state.edge.slice(1))].addClass("chosen");
    g.nodes.forEach(function (n, k) {
      // an actor with no tie in view is drawn all the same when it acted in an event in view (a statement to the
      // press), not only when it has no tie in the whole record, as the library's graph of the events in view has it
      // (the Moscow record zoomed in: Ushakov's statement in view, his rejection of the counter-proposal out of it)
      var a = n[0], on = !!(shownNodes[a] || (g.isolated[a] || acted[a] || actor === a) && active[a] && (actor === null || actor === a));
      if (kept) on = !!(kept[a] && active[a]);   // a phone's few: each of them, related to the others or not
      var classes = (on ? "" : "hidden") + (actor === a ? " chosen" : "") +
        (query && on && fold(D.actors[a].name).indexOf(query) >= 0 ? " found" : "") +
        (chosen ? (chosen.nodes[a] ? " involved" : " dim") : "");
      if (classes !== g.classes[k]) { nodes[k].classes(classes); g.classes[k] = classes; }
      if (on) nodeCount++;
    });
  });
  var key = state.level + "|" + (actor === null ? "" : actor) + "|" + (chosen ? chosen.event : "") + "|" +
    (kept ? Object.keys(kept).join(",") : "");
  if (ladder && page.fittedTo !== key) layOutFew();
  else if (!ladder && page.laidOutFew) leaveFew();
  if (page.fittedTo !== key) {   // the actors followed, or those of the chosen event, with room around them
    if (!ladder) { ringEnds(); spaceNodes(); }
    var shown = cy.nodes().filter(function (node) { return !node.hasClass("hidden") && (!chosen || node.hasClass("involved")); });
    // the nodes, not their labels: a label keeps its size on screen, so its box in the graph grows as the graph shrinks
    var around = shown.boundingBox({includeLabels: false});
    if (shown.length && !ladder) cy.fit(around, chosen ? 70 : 40);   // a phone's column: laid out at zoom 1
    if (chosen && !ladder && cy.zoom() > 1) { cy.zoom(1); cy.center(shown); }   // close enough to read, far enough to see around
    page.fittedTo = key;
    page.readerViewport = false;
    ringEnds();
    routeLines();
    declutter();
    if (!ladder && !chosen && actor === null && nodeCount > 40) roomForTheMain();   // a crowded whole graph, no actor followed
    if (shown.length && !ladder && !chosen) roomAtTheSides(around, 40);
  }
  ringEnds();   // the heads' places first: a line is routed along its way to its head
  routeLines();
  declutter();
  declutter();   // again on the nodes' boxes as the first drew them (Cytoscape.js updates some only when drawn)
  page.graphCounts = {nodes: nodeCount, edges: edgeCount};
  otherSidesKey();
  showAllButton(kept, g, active);
  page.involved = chosen ? {nodes: cy.nodes(".involved").map(function (n) { return n.data("label"); }).sort(),
                            edges: cy.edges(".involved").length} : null;
  $("graph-summary").textContent = (kept ? "The " + plural(nodeCount, "actor") + " with most events in view" +
      (named > nodeCount ? " (of the " + NUMBER.format(named) + " they name" + leftOut(g, active) + ")" : "") +
      (actor !== null ? " among those " + D.actors[actor].name + " dealt with" : "") + " and the " + plural(edgeCount, "relation") +
      " between them" + (faint && Object.keys(faint).length ? "; the " + PHONE_STRONG + " with most events drawn dark, " +
      "the others faint (tap an actor for its own)" : "") + "; the ranking below counts all."
    : actor !== null ? "The graph shows " + D.actors[actor].name + " and the " + plural(Math.max(nodeCount - 1, 0), "actor") +
      " it dealt with in the events in view, and " + plural(edgeCount, "relation") + "; those events name " + plural(named, "actor") +
      " in all (the list of actors below)."
    : "The graph shows " + (named > nodeCount ? NUMBER.format(nodeCount) + " of the " + plural(named, "actor") : plural(nodeCount, "actor")) +
      " named in the events in view" + (state.level === "state" ? " (each counted as its state)" : "") + ", and " +
      plural(edgeCount, "relation") + (named - nodeCount === 1 ? "; the other one has no tie the graph draws" :
        named > nodeCount ? "; the other " + NUMBER.format(named - nodeCount) + " have no tie the graph draws" : "") +
      ". The list of actors below names all " + NUMBER.format(named) + ".");
  return page.graphCounts;
}

/** The words for the actors named in the events in view (``active``) that the graph ``g`` has no node for, or "": the
 *  library's graph draws events that were held, not those only planned, proposed or cancelled (judged round 10: "Show
 *  all 67 actors" beside "of the 68 they name", the one left out unsaid). */
function leftOut(g, active) {
  var names = Object.keys(active).filter(function (a) { return !g.has[a]; })
    .map(function (a) { return D.actors[a].name; }).sort();
  if (!names.length) return "";
  var listed = names.length > 3 ? names.slice(0, 3).join(", ") + " and " + NUMBER.format(names.length - 3) + " more" : names.join(", ");
  return "; " + listed + (names.length > 1 ? " are" : " is") + " named only in events not held (planned, proposed or " +
    "cancelled), which the graph leaves out";
}

/** Actors drawn on a phone at first: a graph of more is a tangle no finger can pick a node from. */
var PHONE_ACTORS = 12;
/** Actors drawn on a desktop at first: more is a tangle no one reads, and drawing thousands costs seconds. */
var DESKTOP_ACTORS = 150;
/** A node's smallest size on a phone's screen, in pixels: a finger's target. */
var FINGER = 44;

/** Unless the reader asked for every actor: the PHONE_ACTORS (on a desktop DESKTOP_ACTORS) actors with most events in
 *  view (``active``), the one followed and those of the chosen event always among them, as a set of actor indices;
 *  else null (all: there are no more, or "Show all" was pressed). */
function fewActors(g, active, actor, chosen) {
  if (state.allActors || page.printing) return null;
  var most = actorsAtFirst();
  if (!phone() && Object.keys(active).length <= most) return null;
  var must = chosen ? Object.keys(chosen.nodes).map(Number) : [];
  if (actor !== null) must.push(actor);
  var partners = null;
  if (actor !== null) {   // following an actor: its partners with most events in view
    partners = {};
    g.edges.forEach(function (edge) {
      if (edge[0] === actor || edge[1] === actor) partners[edge[0] === actor ? edge[1] : edge[0]] = true;
    });
  }
  var ranked = g.nodes.map(function (n) { return n[0]; })
    .filter(function (a) { return active[a] && (!partners || partners[a]); })
    .sort(function (a, b) { return active[b] - active[a] || a - b; });
  var kept = {};
  var room = Math.max(most, must.length), n = 0;
  must.concat(ranked).forEach(function (a) { if (n < room && !kept[a]) { kept[a] = true; n++; } });
  return kept;
}

function actorsAtFirst() { return phone() ? PHONE_ACTORS : DESKTOP_ACTORS; }

/** Under a phone's graph: how many actors it shows of how many, and a button to show them all (or the few again). */
function showAllButton(kept, g, active) {
  var button = $("graph-all"), all = g.nodes.filter(function (n) { return active[n[0]]; }).length;
  button.hidden = all <= actorsAtFirst();
  button.textContent = kept ? "Show all " + plural(all, "actor") + " of the graph" : "Show the " + actorsAtFirst() + " most active actors";
  button.setAttribute("aria-pressed", String(!kept));
}

/** ``hex`` mixed with white (with black if ``dark``): ``share`` of it. A node is filled with its side's colour as the
 *  palette gives it, as in the graph images (round 8's pale fill made Ukraine and the UAE, Russia and the EU alike),
 *  and ringed in a darker shade of it. */
function tint(hex, share, dark) {
  var c = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); }), to = dark ? 0 : 255;
  return "#" + c.map(function (x) { return Math.round(x + (to - x) * share).toString(16).padStart(2, "0"); }).join("");
}

/** At most this many actors in the printed graph: on paper nothing can be zoomed, so it shows the strongest ties. */
var PRINTED = 14;

/** The graph for print (``on``): the PRINTED actors with most events in view and, for each pair of them with two
 *  events or more, the relation with most events, fitted and drawn at once; off, the graph as it was. */
function printGraph(on) {
  var g = D.graphs[state.level], weight = {};
  page.printing = on;
  if (on) withDetails(function () {});   // the printed list carries each event's sources
  if (!cy) { if (!on) return; makeGraphNow(); }
  if (on) showGraph();
  cy.elements().removeClass("print-off");
  if (on) {
    g.edges.forEach(function (edge, k) {
      if (g.on[k]) { weight[edge[0]] = (weight[edge[0]] || 0) + g.count[k]; weight[edge[1]] = (weight[edge[1]] || 0) + g.count[k]; }
    });
    var kept = {};
    Object.keys(weight).sort(function (a, b) { return weight[b] - weight[a] || a - b; }).slice(0, PRINTED)
      .forEach(function (a) { kept[a] = true; });
    cy.nodes().forEach(function (node) { if (!kept[node.data("actor")]) node.addClass("print-off"); });
    // one line a pair, its relation with most events; a pair of one event is left out
    var drawn = strongestOfPairs(g, g.count.map(function (n, k) { return g.on[k] && n >= 2 ? n : 0; }), kept);
    g.elements.edges.forEach(function (edge, k) { if (!drawn[k]) edge.addClass("print-off"); });
    cy.resize();
    ringEnds();
    spaceNodes();
    cy.fit(cy.nodes(":visible").boundingBox({includeLabels: false}), 40);
    ringEnds();
    routeLines();
    declutter();
    otherSidesKey();
    $("graph-summary").textContent = "In print: the " + PRINTED + " actors with most events in view and, for each pair " +
      "with two events or more, its most frequent relation; " +
      "the page itself shows all " + plural(page.graphCounts.nodes, "actor") + ".";
  } else if (page.printed) {
    page.fittedTo = null;
    update();
  }
  cy.forceRender();
  page.printed = on ? cy.nodes(":visible").length : null;
}
