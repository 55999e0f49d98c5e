/* Part of the page script (see core.js): the text views: the events in view by month, the actors, and
 * the actors and pairs ranked by their events (on a phone, in place of the graph). */

// ---- the text views -----------------------------------------------------------------------------

/** The events in view in date order, under a heading per month (on a phone, the timeline itself). */
function drawEventList(shown) {
  var list = $("event-list"), month = null;
  list.textContent = "";
  shown.slice(0, LIST_LIMIT).forEach(function (i) {
    var e = D.events[i], when = new Date(e.s * MINUTE), key = when.getUTCFullYear() * 12 + when.getUTCMonth();
    if (key !== month && (e.e - e.s <= 31 * DAY || month === null)) {   // a vaguer date ("2025") stays in the month it is listed in
      month = key;
      list.appendChild(el("li", MONTHS[when.getUTCMonth()] + " " + when.getUTCFullYear(), {"class": "month", "aria-hidden": "true"}));
    }
    var item = el("li", null, {"class": "ev st-" + e.st + " ty-" + e.ty});
    var button = el("button", null, {"type": "button", "class": "event-row", "data-event": e.id});
    if (e.id === state.event) button.setAttribute("aria-current", "true");
    button.appendChild(shapeMark(V.types[e.ty].shape));
    button.appendChild(el("span", e.d, {"class": "when"}));
    button.appendChild(el("span", labelOf(e), {"class": "what"}));
    button.appendChild(el("span", V.types[e.ty].label, {"class": "kind"}));
    button.addEventListener("click", function () { showEvent(i, true); });
    item.appendChild(button);
    if (page.printing && e.src && e.src.length) {   // on paper, nothing to click: each event's sources under it
      var sources = el("ul", null, {"class": "sources print-sources", "aria-label": "Sources"});
      e.src.forEach(function (s) { sources.appendChild(sourceItem(D.sources[s])); });
      item.appendChild(sources);
    }
    list.appendChild(item);
  });
  $("event-list-count").textContent = "(" + NUMBER.format(shown.length) + ")";
  $("event-list-more").textContent = shown.length > LIST_LIMIT
    ? "Listed: the first " + NUMBER.format(LIST_LIMIT) + " of " + NUMBER.format(shown.length) +
      " by date" + (page.printing ? "." : ", to keep the page quick. Zoom the timeline to a shorter period, or filter, to list the others.") : "";
}

function drawActorList() {
  var list = $("actor-list");
  list.textContent = "";
  var nodes = cy.nodes().filter(function (n) { return !n.hasClass("hidden"); }).map(function (n) { return Number(n.data("actor")); });
  nodes.sort(function (a, b) { return D.actors[a].name.localeCompare(D.actors[b].name); });
  $("actor-list-count").textContent = "(" + NUMBER.format(nodes.length) + ")";
  nodes.slice(0, 300).forEach(function (a) {
    var button = el("button", D.actors[a].name, {"type": "button", "aria-pressed": String(state.actor === D.actors[a].id)});
    button.addEventListener("click", function () { chooseActor(state.actor === D.actors[a].id ? null : D.actors[a].id); });
    var item = el("li");
    item.appendChild(button);
    list.appendChild(item);
  });
}

/** The graph as two ranked lists: actors by their events in view, pairs (the graph's edges, relations merged) by
 *  theirs. An actor filters both views as a node does; a pair opens its events. */
function drawRanking(visible) {
  var g = D.graphs[state.level], byActor = {}, byPair = {};
  g.edges.forEach(function (edge, k) {
    if (!g.on[k]) return;
    var n = g.count[k], key = Math.min(edge[0], edge[1]) + "-" + Math.max(edge[0], edge[1]);
    var pair = byPair[key] || (byPair[key] = {a: edge[0], b: edge[1], n: 0, edge: k});
    pair.n += n;
    if (n > g.count[pair.edge] || !g.on[pair.edge]) pair.edge = k;
  });
  D.events.forEach(function (e, i) {
    if (!visible[i] || !inPeriod(e, state.from, state.to)) return;
    var seen = {};
    e.all.forEach(function (a) { var node = nodeOf(a); if (!seen[node]) { seen[node] = true; byActor[node] = (byActor[node] || 0) + 1; } });
  });
  var actors = Object.keys(byActor).map(Number).sort(function (a, b) { return byActor[b] - byActor[a] || a - b; });
  var pairs = Object.keys(byPair).map(function (k) { return byPair[k]; }).sort(function (p, q) { return q.n - p.n || p.a - q.a; });
  rankList($("actor-ranking"), actors.slice(0, RANKED), function (a) {
    return {words: D.actors[a].name, n: byActor[a], pressed: state.actor === D.actors[a].id,
            act: function () { chooseActor(state.actor === D.actors[a].id ? null : D.actors[a].id); }};
  });
  rankList($("pair-ranking"), pairs.slice(0, RANKED), function (p) {
    return {words: D.actors[p.a].name + " – " + D.actors[p.b].name, n: p.n,
            act: function () { showEdge("e" + p.edge); }};
  });
  page.ranking = {actors: actors.length, pairs: pairs.length};
}

function rankList(list, entries, describe) {
  list.textContent = "";
  var most = 1;
  entries.forEach(function (x) { most = Math.max(most, describe(x).n); });
  entries.forEach(function (x) {
    var d = describe(x), button = el("button", null, {"type": "button", "class": "rank"});
    if (d.pressed !== undefined) button.setAttribute("aria-pressed", String(d.pressed));
    button.appendChild(el("span", d.words, {"class": "who"}));
    button.appendChild(el("span", plural(d.n, "event"), {"class": "n"}));
    var bar = el("span", null, {"class": "bar", "aria-hidden": "true"});
    bar.style.width = Math.round(100 * d.n / most) + "%";
    button.appendChild(bar);
    button.addEventListener("click", d.act);
    var item = el("li");
    item.appendChild(button);
    list.appendChild(item);
  });
  if (!entries.length) list.appendChild(el("li", "None in view.", {"class": "placeholder"}));
}
