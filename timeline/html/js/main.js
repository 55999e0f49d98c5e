/* Part of the page script (see core.js): one update of every view, the figures a test reads, and the start. */

// ---- one update of every view ------------------------------------------------------------------

function update() {
  var t = [performance.now()];
  var visible = passing(false);
  t.push(performance.now());
  var shown = drawTimeline(visible, state.from, state.to);
  t.push(performance.now());
  var graph = cy ? drawGraph(visible, state.from, state.to) : {nodes: 0, edges: 0};   // no graph yet: see start
  t.push(performance.now());
  drawEventList(shown);
  if (cy) drawActorList(drawRanking(visible));   // ranked by the graph's lines in view
  drawChips();
  t.push(performance.now());
  page.updateTimes = t.map(function (x) { return Math.round(x - t[0]); });
  views.forEach(function (view) { view.update(visible, state); });
  page.last = {events: shown.length, nodes: graph.nodes, edges: graph.edges};
  if (page.printing) printGraph(true);   // a relayout for paper redraws the graph: cut it again
  remember();
}

/** The figures a test or a reader may check: events in view, items drawn, graph nodes and edges. */
function counts() {
  return {mode: page.mode, events: page.last.events, items: items.length,
          drawn: document.querySelectorAll("#timeline .vis-item .vis-item-content").length,
          nodes: cy ? cy.nodes(":visible").length : 0,
          // the relations shown, each drawn or bundled into the line of its kind between its two actors
          edges: cy ? cy.edges(":visible").length + cy.edges(".bundled").filter(function (edge) {
            return !edge.hasClass("hidden") && !edge.hasClass("print-off"); }).length : 0,
          graphNodes: cy ? page.graphCounts.nodes : 0, graphEdges: cy ? page.graphCounts.edges : 0};
}

function start() {
  var t = page.timings = {start: performance.now()};
  readData("page-data").then(function (data) {
    t.data = performance.now();
    D = prepare(data);
    makeControls();
    restore();
    makeViews();   // before the views are drawn: on a phone, the one shown is the only one with a size
    t.prepared = performance.now();
    makeTimeline();
    t.timeline = performance.now();
    makePositions();
    update();
    if (page.mode === "events") {   // the lane names are drawn now: lay the labels out again if the width changed
      timeline.redraw();
      if (Math.abs(timeline.body.domProps.center.width - page.laidOutFor) > 1) update();
    }
    var pending = false;   // a windowed list draws the rows that scroll into view, once a frame
    var follow = function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; drawListWindow(false); });
    };
    window.addEventListener("scroll", follow, {passive: true});
    window.addEventListener("resize", follow);
    // usable: the timeline, the lists and the filters drawn, their handlers attached; the graph (on a desktop below the
    // fold) is made after that first frame: at 10,000 events its 1,400 lines take a third of the page's start
    t.usable = performance.now();
    requestAnimationFrame(function () {
      t.usablePainted = performance.now();
      setTimeout(function () {
        makeGraphNow();
        t.graph = performance.now();
        showGraphWhenNear(function () {
          openRemembered();
          t.ready = performance.now();
          page.ready = true;
          requestAnimationFrame(function () {
            t.painted = performance.now();   // the first frame with everything
            setTimeout(function () { withDetails(function () {}); }, 0);   // read before a reader asks (or prints)
          });
        });
      }, 0);
    });
  }).catch(function (error) {
    say("The page could not start: " + error.message);
    throw error;
  });
}

page.update = function () { update(); };
/** Draw the graph now (it is drawn when it comes near the screen): for a test or a screenshot. */
page.showGraph = function () { showGraph(); };
/** The id of the event with most actors (the first of them): the one a screenshot opens. */
page.busiestEvent = function () {
  var best = 0;
  D.events.forEach(function (e, i) { if (e.all.length > D.events[best].all.length) best = i; });
  return D.events.length ? D.events[best].id : null;
};
/** The index of the stance of position ``id`` among the positions view's bars, or -1. */
page.stanceIndex = function (id) {
  var bars = [];
  (P ? P.rows : []).forEach(function (panel) { panel.rows.forEach(function (row) { bars = bars.concat(row.stands); }); });
  return bars.map(function (i) { return P.stands[i][11]; }).indexOf(id);
};
page.eventIndex = function (id) { return V.eventIndex[id]; };
/** Where the mark of event ``i`` is on screen, [x, y] (scrolled into view first), or null if it is not drawn. */
page.itemBox = function (i) {
  var item = timeline.itemSet.items[i], mark = item && item.dom && item.dom.box && item.dom.box.querySelector(".mark");
  if (!mark) return null;
  mark.scrollIntoView({block: "center"});
  var box = mark.getBoundingClientRect();
  return [box.left + box.width / 2, box.top + box.height / 2];
};
page.debug = function () { return {items: items, timeline: timeline, cy: cy, declutter: declutter}; };
page.graphSettled = function () { return graphSettled(); };
page.register = function (view) { views.push(view); if (page.ready) update(); };
start();
