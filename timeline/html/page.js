/* The offline page of timeline: a vis-timeline and a Cytoscape.js graph over one record, linked.
 *
 * Safety: every text of the record is written with textContent or as a DOM attribute value,
 * never as HTML; only http(s) addresses become links (new tab, rel="noopener noreferrer").
 * State: level, actor, filters, search, period and the open detail live in the URL fragment.
 * Views: each view registers an update(visible) with the page; a later view (positions) adds itself.
 */
(function () {
  "use strict";

  /** At most this many events are drawn one by one; above it the timeline counts them per lane and period. */
  var DETAIL_LIMIT = 300;
  /** At most about this many periods across the timeline when it counts (vis-timeline draws each count as an item). */
  var BUCKETS = 36;
  /** At most this many events are listed in text; the rest are counted. */
  var LIST_LIMIT = 200;
  /** Past this many edges the graph draws straight lines: curved parallel edges take seconds to lay out. */
  var BEZIER_UP_TO = 1500;
  var MINUTE = 60000;
  var DAY = 1440;
  var GREY = "#b0b0b0";
  var SHAPES = {person: "ellipse", state: "round-rectangle", organization: "diamond", group: "hexagon"};

  var D, V, cy, timeline, items, groups;
  var state = {level: "person", actor: null, types: [], statuses: [], sides: [], q: "", from: null, to: null,
               event: null, edge: null};
  var views = [];
  var page = window.timelinePage = {ready: false, state: state, views: views, counts: counts};

  // ---- small helpers --------------------------------------------------------------------------

  function $(id) { return document.getElementById(id); }

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attributes) Object.keys(attributes).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    return node;
  }

  function color(value, fallback) { return /^#[0-9a-fA-F]{6}$/.test(value || "") ? value : fallback; }

  function webAddress(url) {
    try {
      var parsed = new URL(String(url));
      return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.host ? parsed.href : null;
    } catch (error) { return null; }
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s"); }

  // ---- data -----------------------------------------------------------------------------------

  function readData() {
    var node = $("page-data");
    if (node.getAttribute("data-encoding") !== "gzip+base64") return Promise.resolve(JSON.parse(node.textContent));
    var binary = atob(node.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function prepare(data) {
    var v = data.vocabulary;
    V = {
      types: v.types, statuses: v.statuses, roles: v.roles, links: v.links, relations: v.relations,
      typeIndex: index(v.types), statusIndex: index(v.statuses), actorIndex: {}, eventIndex: {},
      linkLabel: {}, incoming: []
    };
    v.links.forEach(function (l) { V.linkLabel[l.id] = l.label; });
    data.actors.forEach(function (a, i) { V.actorIndex[a.id] = i; });
    data.events.forEach(function (e, i) {
      V.eventIndex[e.id] = i;
      e.all = [];
      Object.keys(e.r).forEach(function (key) { e.r[key].forEach(function (a) { if (e.all.indexOf(a) < 0) e.all.push(a); }); });
      V.incoming.push([]);
    });
    data.events.forEach(function (e, i) { (e.rel || []).forEach(function (l) { V.incoming[l[1]].push([l[0], i]); }); });
    V.order = data.events.map(function (_, i) { return i; });   // the record's own order (the model's date order)
    return data;
  }

  function index(list) { var found = {}; list.forEach(function (x, i) { found[x.id] = i; }); return found; }

  function nodeOf(actor) { return state.level === "state" ? D.actors[actor].side : actor; }

  function sideColor(actor) { return color(D.sides[String(D.actors[actor].side)], GREY); }

  function actorName(actor) { return typeof actor === "number" && D.actors[actor] ? D.actors[actor].name : String(actor); }

  // ---- which events are visible -------------------------------------------------------------------

  function searchText(e) {
    if (e.search === undefined) {
      var words = [e.ti];
      e.all.forEach(function (a) { words.push(D.actors[a].name); (D.actors[a].aliases || []).forEach(function (x) { words.push(x); }); });
      e.search = fold(words.join("\n"));
    }
    return e.search;
  }

  /** The events that pass the filters (type, status, side, search; the actor unless ``ignoreActor``). */
  function passing(ignoreActor) {
    var types = set(state.types.map(function (t) { return V.typeIndex[t]; }));
    var statuses = set(state.statuses.map(function (s) { return V.statusIndex[s]; }));
    var sides = set(state.sides.map(function (s) { return V.actorIndex[s]; }));
    var query = state.q ? fold(state.q) : "";
    var actor = ignoreActor || state.actor === null ? null : V.actorIndex[state.actor];
    var pass = new Uint8Array(D.events.length);
    D.events.forEach(function (e, i) {
      if (types && !types[e.ty]) return;
      if (statuses && !statuses[e.st]) return;
      if (sides && !e.all.some(function (a) { return sides[D.actors[a].side]; })) return;
      if (actor !== null && actor !== undefined && !e.all.some(function (a) { return belongs(a, actor); })) return;
      if (query && searchText(e).indexOf(query) < 0) return;
      pass[i] = 1;
    });
    return pass;
  }

  /** Whether an actor is ``node`` or counts for it: a member of it, or (by state) on its side. */
  function belongs(actor, node) {
    return actor === node || nodeOf(actor) === node || (D.actors[actor].in || []).indexOf(node) >= 0;
  }

  function set(list) {
    if (!list.length) return null;
    var found = {};
    list.forEach(function (x) { if (x !== undefined) found[x] = true; });
    return found;
  }

  function inPeriod(e, from, to) { return (from === null || e.e > from) && (to === null || e.s < to); }

  // ---- timeline -------------------------------------------------------------------------------

  function makeTimeline() {
    groups = new vis.DataSet(D.lanes.map(function (name, i) { return {id: i, content: "", name: name, order: i}; }));
    items = new vis.DataSet();
    var span = dataSpan();
    timeline = new vis.Timeline($("timeline"), items, groups, {
      moment: function (date) { return vis.moment(date).utc(); },
      orientation: {axis: "top", item: "top"}, stack: true, showCurrentTime: false, selectable: true, multiselect: false,
      groupOrder: "order", zoomMin: 60 * MINUTE, margin: {item: {horizontal: 2, vertical: 3}},
      start: span[0], end: span[1], maxHeight: timelineHeight(),
      verticalScroll: true, tooltip: {followMouse: false, overflowMethod: "cap"},
      xss: {disabled: false, filterOptions: {whiteList: {}}},
      template: function (item) {
        var label = el("span", item.label);
        if (item.hint) label.title = item.hint;
        return label;
      },
      groupTemplate: function (group) { return group ? el("span", group.name, {"class": "lane"}) : el("span"); }
    });
    timeline.on("rangechanged", function (props) {
      var from = Math.round(props.start.valueOf() / MINUTE), to = Math.round(props.end.valueOf() / MINUTE);
      var whole = dataSpan(), slack = (whole[1] - whole[0]) / MINUTE * 0.01;
      var all = from <= whole[0] / MINUTE + slack && to >= whole[1] / MINUTE - slack;
      state.from = all ? null : from;
      state.to = all ? null : to;
      if (props.byUser) update();
    });
    timeline.on("select", function (props) {
      var id = props.items[0];
      if (id === undefined) return;
      if (typeof id === "string" && id.indexOf("agg") === 0) {
        var item = items.get(id);
        timeline.setWindow(item.start, item.end);
        return;
      }
      showEvent(id, true);
    });
    $("timeline").addEventListener("keydown", timelineKeys);
  }

  function timelineHeight() { return Math.max(320, Math.round(window.innerHeight * 0.6)); }

  function dataSpan() {
    var lo = Infinity, hi = -Infinity;
    D.events.forEach(function (e) { if (e.s < lo) lo = e.s; if (e.e > hi) hi = e.e; });
    if (lo === Infinity) { lo = Date.now() / MINUTE - DAY * 30; hi = lo + DAY * 60; }
    var pad = Math.max((hi - lo) * 0.04, 60);
    return [(lo - pad) * MINUTE, (hi + pad) * MINUTE];
  }

  function timelineKeys(event) {
    var range = timeline.getWindow(), start = range.start.valueOf(), end = range.end.valueOf(), width = end - start;
    var moves = {ArrowLeft: [-0.2, -0.2], ArrowRight: [0.2, 0.2], "+": [0.2, -0.2], "=": [0.2, -0.2], "-": [-0.25, 0.25]};
    if (event.key === "0" || event.key === "Home") { fitWindow(); event.preventDefault(); return; }
    var move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    timeline.setWindow(start + move[0] * width, end + move[1] * width, {animation: false});
    var range2 = timeline.getWindow();
    state.from = Math.round(range2.start.valueOf() / MINUTE);
    state.to = Math.round(range2.end.valueOf() / MINUTE);
    update();
  }

  function fitWindow() {
    var span = dataSpan();
    state.from = state.to = null;
    timeline.setWindow(span[0], span[1], {animation: false});
    update();
  }

  function itemOf(i) {
    var e = D.events[i], type = V.types[e.ty], status = V.statuses[e.st];
    var classes = ["ev", "st-" + status.id.replace(/[^a-z0-9_-]/gi, "")];
    if (status.pending) classes.push("pending");
    else if (!status.held) classes.push("gone");
    if (status.contested) classes.push("contested");
    if (e.o) classes.push("open-" + e.o);
    if (e.x) classes.push("draft");
    var long = e.e - e.s > DAY || e.o;
    classes.push("ty-" + e.ty);
    var item = {id: i, group: e.ln, className: classes.join(" "),
                label: e.ti, hint: e.d + " · " + type.label + " · " + status.label, content: ""};
    if (long) { item.type = "range"; item.start = e.s * MINUTE; item.end = e.e * MINUTE; }
    else { item.type = "point"; item.start = Math.round((e.s + e.e) / 2) * MINUTE; }
    return item;
  }

  /** The timeline's items: each visible event in the window, or, past DETAIL_LIMIT, counts per lane and period. */
  function drawTimeline(visible, from, to) {
    var shown = [];
    V.order.forEach(function (i) { if (visible[i] && inPeriod(D.events[i], from, to)) shown.push(i); });
    var list;
    if (shown.length > DETAIL_LIMIT) {
      list = aggregate(shown, from, to);
      page.mode = "counts";
      say(plural(shown.length, "event") + " in this period: the timeline counts them per lane; zoom in (or filter) to see each one.");
    } else {
      list = shown.map(itemOf);
      page.mode = "events";
      say(shown.length ? "" : "No event matches in this period; loosen the filters or widen the period.");
    }
    if (timeline.stacked !== (page.mode === "events")) {   // counts sit side by side in their lane
      timeline.stacked = page.mode === "events";
      timeline.setOptions({stack: timeline.stacked});
    }
    items.clear();
    items.add(list);
    markLinked();
    return shown;
  }

  function aggregate(shown, from, to) {
    var lo = from === null ? dataSpan()[0] / MINUTE : from, hi = to === null ? dataSpan()[1] / MINUTE : to;
    var steps = [DAY, 7 * DAY, 30.4375 * DAY, 91.3125 * DAY, 365.25 * DAY, 3652.5 * DAY];
    var step = steps.find(function (s) { return (hi - lo) / s <= BUCKETS; }) || steps[steps.length - 1];
    var buckets = {}, most = 1;
    shown.forEach(function (i) {
      var e = D.events[i], key = e.ln + ":" + Math.floor((e.s + e.e) / 2 / step);
      most = Math.max(most, buckets[key] = (buckets[key] || 0) + 1);
    });
    return Object.keys(buckets).map(function (key) {
      var parts = key.split(":"), n = buckets[key], start = Number(parts[1]) * step;
      var heat = n / most > 0.66 ? " hotter" : n / most > 0.33 ? " hot" : "";
      return {id: "agg" + key, group: Number(parts[0]), type: "range", start: start * MINUTE, end: (start + step) * MINUTE,
              className: "agg" + heat, label: String(n), hint: plural(n, "event") + "; select to zoom in", content: ""};
    });
  }

  // ---- graph ----------------------------------------------------------------------------------

  function makeGraph() {
    cy = cytoscape({
      container: $("graph"), minZoom: 0.05, maxZoom: 6, boxSelectionEnabled: false,
      style: [
        {selector: "node", style: {
          "label": "data(label)", "background-color": "data(color)", "shape": "data(shape)",
          "width": "data(size)", "height": "data(size)", "font-size": "data(font)", "color": "#1a1a1a",
          "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
          "min-zoomed-font-size": 7, "border-width": 1, "border-color": "#fff"}},
        {selector: "edge", style: {
          "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "data(arrow)",
          "curve-style": "bezier", "width": "mapData(count, 1, 40, 1.5, 9)",
          "opacity": 0.75, "arrow-scale": 0.9}},
        {selector: ".hidden", style: {"display": "none"}},
        {selector: "node.chosen", style: {"border-width": 4, "border-color": "#1a1a1a"}},
        {selector: "edge.chosen", style: {"opacity": 1, "width": "mapData(count, 1, 40, 4, 12)", "z-index": 10}},
        {selector: "node.found", style: {"border-width": 3, "border-color": "#0050b3"}}
      ]
    });
    cy.on("tap", "node", function (event) { chooseActor(D.actors[Number(event.target.data("actor"))].id); });
    cy.on("tap", "edge", function (event) { showEdge(event.target.id()); });
    cy.on("tap", function (event) { if (event.target === cy && state.actor !== null) chooseActor(null); });
    $("graph").addEventListener("keydown", function (event) {
      var keys = {"+": 1.25, "=": 1.25, "-": 0.8};
      if (keys[event.key]) { cy.zoom({level: cy.zoom() * keys[event.key], renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }
      else if (event.key === "0") cy.fit(cy.elements(":visible"), 20);
      else if (event.key.indexOf("Arrow") === 0) {
        var d = 40, by = {ArrowLeft: [d, 0], ArrowRight: [-d, 0], ArrowUp: [0, d], ArrowDown: [0, -d]}[event.key];
        cy.panBy({x: by[0], y: by[1]});
      } else return;
      event.preventDefault();
    });
    loadLevel();
  }

  function loadLevel() {
    var g = D.graphs[state.level];
    var most = g.nodes.reduce(function (m, n) { return Math.max(m, n[3]); }, 1);
    var width = Math.max(520, Math.sqrt(g.nodes.length) * 110), height = width / 1.5;
    var elements = g.nodes.map(function (n) {
      var actor = D.actors[n[0]], size = 10 + 22 * Math.sqrt(n[3] / most);
      return {group: "nodes", data: {id: "n" + n[0], actor: n[0], label: actor.name, color: sideColor(n[0]),
              shape: SHAPES[actor.kind] || "ellipse", size: size, font: 11 + 4 * Math.sqrt(n[3] / most)},
              position: {x: n[1] * width, y: (1 - n[2]) * height}};
    });
    g.edges.forEach(function (edge, k) {
      var relation = V.relations[edge[2]];
      elements.push({group: "edges", data: {id: "e" + k, source: "n" + edge[0], target: "n" + edge[1], count: edge[3].length,
                     color: color(relation.color, "#7f7f7f"), arrow: relation.directed ? "triangle" : "none"}});
    });
    g.isolated = {};
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
    g.classes = g.nodes.map(function () { return ""; });
    page.fittedTo = null;
  }

  /** Show the edges with a visible event (all of an actor's edges if one is chosen), and their ends. */
  function drawGraph(visible, from, to) {
    var g = D.graphs[state.level], actor = state.actor === null ? null : V.actorIndex[state.actor];
    var shownNodes = {}, active = {}, edgeCount = 0, nodeCount = 0, query = state.q ? fold(state.q) : "";
    var edges = g.elements.edges, nodes = g.elements.nodes;
    cy.batch(function () {
      g.edges.forEach(function (edge, k) {
        var n = 0;
        edge[3].forEach(function (i) { if (visible[i] && inPeriod(D.events[i], from, to)) n++; });
        var on = n > 0 && (actor === null || edge[0] === actor || edge[1] === actor);
        if (on !== g.on[k]) { edges[k].toggleClass("hidden", !on); g.on[k] = on; }
        if (on) {
          edgeCount++;
          shownNodes[edge[0]] = shownNodes[edge[1]] = true;
          if (g.count[k] !== n) { edges[k].data("count", n); g.count[k] = n; }
        }
      });
      g.elements.all.edges(".chosen").removeClass("chosen");
      if (state.edge !== null && g.on[Number(state.edge.slice(1))]) edges[Number(state.edge.slice(1))].addClass("chosen");
      D.events.forEach(function (e, i) {
        if (visible[i] && inPeriod(e, from, to)) e.all.forEach(function (a) { active[nodeOf(a)] = true; });
      });
      g.nodes.forEach(function (n, k) {
        var a = n[0], on = !!(shownNodes[a] || (g.isolated[a] || actor === a) && active[a] && (actor === null || actor === a));
        var classes = (on ? "" : "hidden") + (actor === a ? " chosen" : "") +
          (query && on && fold(D.actors[a].name).indexOf(query) >= 0 ? " found" : "");
        if (classes !== g.classes[k]) { nodes[k].classes(classes); g.classes[k] = classes; }
        if (on) nodeCount++;
      });
    });
    var key = state.level + "|" + (actor === null ? "" : actor);
    if (page.fittedTo !== key) {
      var shown = cy.nodes().filter(function (node) { return !node.hasClass("hidden"); });
      if (shown.length) cy.fit(shown, 24);
      page.fittedTo = key;
    }
    page.graphCounts = {nodes: nodeCount, edges: edgeCount};
    $("graph-summary").textContent = "The graph shows " + plural(nodeCount, "actor") + " and " + plural(edgeCount, "relation") +
      (state.level === "state" ? ", each actor counted as its state" : "") + ". The list of actors below names them.";
    return page.graphCounts;
  }

  // ---- the text views: lists of events and actors -------------------------------------------------

  function drawEventList(shown) {
    var list = $("event-list");
    list.textContent = "";
    shown.slice(0, LIST_LIMIT).forEach(function (i) {
      var e = D.events[i], item = el("li");
      item.appendChild(el("span", e.d + " ", {"class": "when"}));
      var button = el("button", e.ti, {"type": "button", "class": "linkish", "data-event": e.id});
      button.addEventListener("click", function () { showEvent(i, false); });
      item.appendChild(button);
      item.appendChild(el("span", " · " + V.types[e.ty].label + (V.statuses[e.st].id === "occurred" ? "" : " · " + V.statuses[e.st].label), {"class": "when"}));
      list.appendChild(item);
    });
    $("event-list-more").textContent = shown.length > LIST_LIMIT
      ? "And " + plural(shown.length - LIST_LIMIT, "more event") + ": zoom in or filter to list them." : "";
  }

  function drawActorList() {
    var list = $("actor-list");
    list.textContent = "";
    var nodes = cy.nodes().filter(function (n) { return !n.hasClass("hidden"); }).map(function (n) { return Number(n.data("actor")); });
    nodes.sort(function (a, b) { return D.actors[a].name.localeCompare(D.actors[b].name); });
    nodes.slice(0, 300).forEach(function (a) {
      var button = el("button", D.actors[a].name, {"type": "button", "aria-pressed": String(state.actor === D.actors[a].id)});
      button.addEventListener("click", function () { chooseActor(state.actor === D.actors[a].id ? null : D.actors[a].id); });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  // ---- details --------------------------------------------------------------------------------

  function openDetail(heading) {
    var body = $("detail-body");
    body.textContent = "";
    $("detail").classList.toggle("empty", heading === null);
    if (heading !== null) body.appendChild(el("h3", heading, {"id": "detail-title", "tabindex": "-1"}));
    return body;
  }

  function actorButton(actor) {
    if (typeof actor !== "number") return el("span", actor);
    var button = el("button", D.actors[actor].name, {"type": "button", "class": "linkish"});
    if (D.actors[actor].title) button.title = D.actors[actor].title;
    button.addEventListener("click", function () { chooseActor(D.actors[actor].id); });
    return button;
  }

  function eventButton(i) {
    var button = el("button", D.events[i].ti + " (" + D.events[i].d + ")", {"type": "button", "class": "linkish"});
    button.addEventListener("click", function () { showEvent(i, false); });
    return button;
  }

  function showEvent(i, fromTimeline) {
    var e = D.events[i];
    if (!e) return;
    state.event = e.id;
    state.edge = null;
    var body = openDetail(e.ti);
    body.appendChild(el("p", e.d + " · " + V.types[e.ty].label + " · " + V.statuses[e.st].label + (e.loc ? " · " + e.loc : ""), {"class": "meta"}));
    if (e.x) body.appendChild(el("p", "Draft: awaiting review.", {"class": "draft"}));
    var roles = el("dl");
    V.roles.forEach(function (role) {
      var actors = e.r[role.key];
      if (!actors || !actors.length) return;
      roles.appendChild(el("dt", role.label));
      var dd = el("dd");
      actors.forEach(function (a, k) { if (k) dd.appendChild(document.createTextNode(", ")); dd.appendChild(actorButton(a)); });
      roles.appendChild(dd);
    });
    body.appendChild(roles);
    if (e.sm) body.appendChild(el("p", e.sm));
    (e.q || []).forEach(function (q) {
      var quote = el("blockquote");
      quote.appendChild(el("p", "“" + q[1] + "”"));
      quote.appendChild(el("footer", "— " + actorName(q[0])));
      body.appendChild(quote);
    });
    var links = (e.rel || []).map(function (l) { return [V.linkLabel[l[0]] || l[0], l[1]]; })
      .concat(V.incoming[i].map(function (l) { return [(V.linkLabel[l[0]] || l[0]) + " this", l[1]]; }));
    if (links.length) {
      body.appendChild(el("h4", "Related events"));
      var related = el("ul");
      links.forEach(function (l) { var li = el("li", l[0] + ": "); li.appendChild(eventButton(l[1])); related.appendChild(li); });
      body.appendChild(related);
    }
    if (e.src && e.src.length) {
      body.appendChild(el("h4", "Sources"));
      var sources = el("ul");
      e.src.forEach(function (s) { sources.appendChild(sourceItem(D.sources[s])); });
      body.appendChild(sources);
    }
    markLinked();
    if (items.get(i)) timeline.setSelection([i]);
    remember();
    if (!fromTimeline) $("detail-title").focus();
  }

  function sourceItem(source) {
    var li = el("li");
    var url = webAddress(source.url);
    if (url) {
      var link = el("a", source.citation, {"target": "_blank", "rel": "noopener noreferrer"});
      link.href = url;
      li.appendChild(link);
    } else {
      li.textContent = source.citation;
    }
    return li;
  }

  function showEdge(id) {
    var k = Number(id.slice(1)), edge = D.graphs[state.level].edges[k], relation = V.relations[edge[2]];
    state.edge = id;
    state.event = null;
    var body = openDetail(D.actors[edge[0]].name + (relation.directed ? " → " : " — ") + D.actors[edge[1]].name);
    body.appendChild(el("p", relation.label, {"class": "meta"}));
    var visible = passing(true), list = el("ul"), n = 0;
    edge[3].forEach(function (i) {
      if (!visible[i] || !inPeriod(D.events[i], state.from, state.to)) return;
      n++;
      var li = el("li");
      li.appendChild(eventButton(i));
      list.appendChild(li);
    });
    body.appendChild(el("p", plural(n, "event") + " in view:"));
    body.appendChild(list);
    cy.edges().removeClass("chosen");
    cy.getElementById(id).addClass("chosen");
    remember();
    $("detail-title").focus();
  }

  function markLinked() {
    var i = state.event === null ? undefined : V.eventIndex[state.event];
    var linked = {};
    if (i !== undefined) {
      (D.events[i].rel || []).forEach(function (l) { linked[l[1]] = true; });
      V.incoming[i].forEach(function (l) { linked[l[1]] = true; });
    }
    document.querySelectorAll(".vis-item.linked").forEach(function (node) { node.classList.remove("linked"); });
    var updates = [];
    items.forEach(function (item) {
      if (typeof item.id !== "number") return;
      var want = linked[item.id] ? item.className.replace(/ linked/g, "") + " linked" : item.className.replace(/ linked/g, "");
      if (want !== item.className) updates.push({id: item.id, className: want});
    });
    if (updates.length) items.update(updates);
  }

  // ---- state: filters, fragment ----------------------------------------------------------------------

  function chooseActor(id) {
    state.actor = id;
    state.edge = null;
    $("actor-filter").value = id === null ? "" : id;
    update();
  }

  function remember() {
    var params = new URLSearchParams();
    if (state.level !== defaultLevel()) params.set("level", state.level);
    if (state.actor !== null) params.set("actor", state.actor);
    state.types.forEach(function (t) { params.append("type", t); });
    state.statuses.forEach(function (s) { params.append("status", s); });
    state.sides.forEach(function (s) { params.append("side", s); });
    if (state.q) params.set("q", state.q);
    if (state.from !== null) params.set("from", new Date(state.from * MINUTE).toISOString().slice(0, 16));
    if (state.to !== null) params.set("to", new Date(state.to * MINUTE).toISOString().slice(0, 16));
    if (state.event !== null) params.set("event", state.event);
    var text = params.toString();
    if (text !== location.hash.slice(1)) history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }

  function restore() {
    var params = new URLSearchParams(location.hash.slice(1));
    var known = function (list, lookup) { return list.filter(function (x) { return lookup[x] !== undefined; }); };
    var level = params.get("level");
    state.level = level === "state" || level === "person" ? level : defaultLevel();
    var actor = params.get("actor");
    state.actor = actor !== null && V.actorIndex[actor] !== undefined ? actor : null;
    state.types = known(params.getAll("type"), V.typeIndex);
    state.statuses = known(params.getAll("status"), V.statusIndex);
    state.sides = known(params.getAll("side"), V.actorIndex);
    state.q = params.get("q") || "";
    state.from = minutes(params.get("from"));
    state.to = minutes(params.get("to"));
    var event = params.get("event");
    state.event = event !== null && V.eventIndex[event] !== undefined ? event : null;
    if (state.level === "state" && state.actor !== null) {
      state.actor = D.actors[D.actors[V.actorIndex[state.actor]].side].id;
    }
    syncControls();
  }

  /** People, unless their graph is too large to read at first sight: then their states. */
  function defaultLevel() { return D.graphs.person.edges.length > BEZIER_UP_TO ? "state" : "person"; }

  function minutes(text) {
    if (!text) return null;
    var time = Date.parse(/Z$|[+-]\d\d:\d\d$/.test(text) ? text : text + "Z");
    return isNaN(time) ? null : Math.round(time / MINUTE);
  }

  function syncControls() {
    $("search").value = state.q;
    document.querySelectorAll("input[name=level]").forEach(function (input) { input.checked = input.value === state.level; });
    fillActorFilter();
    $("actor-filter").value = state.actor === null ? "" : state.actor;
    [["type", state.types], ["status", state.statuses], ["side", state.sides]].forEach(function (pair) {
      document.querySelectorAll("#" + pair[0] + "-filter input").forEach(function (input) { input.checked = pair[1].indexOf(input.value) >= 0; });
      document.querySelector("[data-count=" + pair[0] + "]").textContent = pair[1].length ? "(" + pair[1].length + ")" : "";
    });
  }

  function fillActorFilter() {
    var select = $("actor-filter");
    while (select.options.length > 1) select.remove(1);
    var shown = D.graphs[state.level].nodes.map(function (n) { return n[0]; });
    var ids = {};
    shown.forEach(function (a) { ids[a] = true; });
    D.events.forEach(function (e) { e.all.forEach(function (a) { ids[nodeOf(a)] = true; }); });
    Object.keys(ids).map(Number).sort(function (a, b) { return D.actors[a].name.localeCompare(D.actors[b].name); })
      .forEach(function (a) { select.appendChild(el("option", D.actors[a].name, {"value": D.actors[a].id})); });
  }

  function checkboxes(target, list, labelOf, swatchOf) {
    var box = $(target + "-filter");
    list.forEach(function (x) {
      var label = el("label"), input = el("input", null, {"type": "checkbox", "value": x.id});
      label.appendChild(input);
      if (swatchOf) { var s = el("span", null, {"class": "swatch"}); s.style.background = swatchOf(x); label.appendChild(s); }
      label.appendChild(document.createTextNode(labelOf(x)));
      box.appendChild(label);
    });
    box.addEventListener("change", function () {
      var chosen = [];
      box.querySelectorAll("input:checked").forEach(function (input) { chosen.push(input.value); });
      state[{type: "types", status: "statuses", side: "sides"}[target]] = chosen;
      syncControls();
      update();
    });
  }

  function makeControls() {
    if (window.matchMedia("(max-width: 760px)").matches) $("controls").open = false;  // phones: the views first
    $("page-title").textContent = D.title;
    $("page-about").textContent = [D.description, D.period ? "Period: " + D.period + "." : "",
      plural(D.events.length, "event") + ", " + plural(D.actors.length, "actor") + "."].filter(Boolean).join(" ");
    document.title = D.title;
    checkboxes("type", V.types.filter(function (t, i) { return D.events.some(function (e) { return e.ty === i; }); }),
               function (t) { return t.label; }, function (t) { return color(t.color, GREY); });
    checkboxes("status", V.statuses, function (s) { return s.label; });
    var sides = Object.keys(D.sides).map(Number);
    checkboxes("side", sides.map(function (a) { return {id: D.actors[a].id, actor: a}; }),
               function (s) { return D.actors[s.actor].name; }, function (s) { return sideColor(s.actor); });
    var timer;
    $("search").addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = $("search").value.trim(); update(); }, 150);
    });
    $("filters").addEventListener("submit", function (event) { event.preventDefault(); });
    document.querySelectorAll("input[name=level]").forEach(function (input) {
      input.addEventListener("change", function () { setLevel(input.value); });
    });
    $("actor-filter").addEventListener("change", function () { chooseActor($("actor-filter").value || null); });
    $("fit").addEventListener("click", fitWindow);
    $("reset").addEventListener("click", function () {
      state.actor = null; state.types = []; state.statuses = []; state.sides = []; state.q = ""; state.edge = null;
      syncControls();
      update();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && (state.event !== null || state.edge !== null)) {
        state.event = state.edge = null;
        timeline.setSelection([]);
        openDetail(null).appendChild(el("p", "Nothing selected.", {"class": "placeholder"}));
        update();
      }
    });
    // print: the whole timeline, not its scrolled window
    window.addEventListener("beforeprint", function () { timeline.setOptions({maxHeight: 100000}); });
    window.addEventListener("afterprint", function () { timeline.setOptions({maxHeight: timelineHeight()}); });
    window.addEventListener("hashchange", function () { restore(); applyLevel(); applyWindow(); update(); openRemembered(); });
    legends();
  }

  /** One rule per type: its colour in --c, for the item and the dot vis-timeline draws beside it. */
  function typeColors() {
    var rules = V.types.map(function (t, i) {
      return ".vis-item.ev.ty-" + i + " { --c: " + color(t.color, "#7f7f7f") + "; --on: " + color(t.ink, "#1a1a1a") + "; }";
    });
    document.head.appendChild(el("style", rules.join("\n")));
  }

  function legends() {
    typeColors();
    var statuses = $("status-legend");
    V.statuses.forEach(function (s) {
      var classes = ["mark", "st-" + s.id];
      if (s.pending) classes.push("pending"); else if (!s.held) classes.push("gone");
      if (s.contested) classes.push("contested");
      var item = el("span");
      item.appendChild(el("span", null, {"class": classes.join(" "), "aria-hidden": "true"}));
      item.appendChild(document.createTextNode(s.label));
      statuses.appendChild(item);
    });
    var relations = $("relation-legend");
    var used = {};
    ["person", "state"].forEach(function (level) { D.graphs[level].edges.forEach(function (e) { used[e[2]] = true; }); });
    V.relations.forEach(function (r, i) {
      if (!used[i]) return;
      var item = el("span"), line = el("span", null, {"class": "line", "aria-hidden": "true"});
      line.style.borderTopColor = color(r.color, "#7f7f7f");
      item.appendChild(line);
      item.appendChild(document.createTextNode(r.label + (r.directed ? " →" : "")));
      relations.appendChild(item);
    });
  }

  function setLevel(level) {
    if (level === state.level) return;
    var actor = state.actor === null ? null : V.actorIndex[state.actor];
    state.level = level;
    if (actor !== null && level === "state") state.actor = D.actors[D.actors[actor].side].id;
    state.edge = null;
    applyLevel();
    syncControls();
    update();
  }

  function applyLevel() {
    if (cy.scratch("level") === state.level) return;
    cy.scratch("level", state.level);
    loadLevel();
  }

  function applyWindow() {
    var span = dataSpan();
    var start = state.from === null ? span[0] : state.from * MINUTE, end = state.to === null ? span[1] : state.to * MINUTE;
    timeline.setWindow(start, end, {animation: false});
  }

  function openRemembered() {
    if (state.event !== null) showEvent(V.eventIndex[state.event], true);
  }

  function say(text) { $("status").textContent = text; }

  // ---- one update of every view ------------------------------------------------------------------

  function update() {
    var t = [performance.now()];
    var visible = passing(false);
    t.push(performance.now());
    var shown = drawTimeline(visible, state.from, state.to);
    t.push(performance.now());
    var graph = drawGraph(visible, state.from, state.to);
    t.push(performance.now());
    drawEventList(shown);
    drawActorList();
    t.push(performance.now());
    page.updateTimes = t.map(function (x) { return Math.round(x - t[0]); });
    views.forEach(function (view) { view.update(visible, state); });
    page.last = {events: shown.length, nodes: graph.nodes, edges: graph.edges};
    remember();
  }

  /** The figures a test or a reader may check: events in view, items drawn, graph nodes and edges. */
  function counts() {
    return {mode: page.mode, events: page.last.events, items: items.length,
            drawn: document.querySelectorAll("#timeline .vis-item .vis-item-content").length,
            nodes: cy.nodes(":visible").length, edges: cy.edges(":visible").length,
            graphNodes: page.graphCounts.nodes, graphEdges: page.graphCounts.edges};
  }

  function start() {
    var t = page.timings = {start: performance.now()};
    readData().then(function (data) {
      t.data = performance.now();
      D = prepare(data);
      makeControls();
      restore();
      t.prepared = performance.now();
      makeTimeline();
      t.timeline = performance.now();
      makeGraph();
      t.graph = performance.now();
      cy.scratch("level", state.level);
      applyWindow();
      update();
      openRemembered();
      t.ready = performance.now();
      page.ready = true;
    }).catch(function (error) {
      say("The page could not start: " + error.message);
      throw error;
    });
  }

  page.update = function () { update(); };
  page.debug = function () { return {items: items, timeline: timeline, cy: cy}; };
  page.register = function (view) { views.push(view); if (page.ready) update(); };
  start();
})();
