/* Part of the page script (see core.js): the text views: the events in view by month, the actors, and
 * the actors and pairs ranked by their events (on a phone, in place of the graph). */

// ---- the text views -----------------------------------------------------------------------------

/** Past this many rows (events and their headings) the list draws only the rows near the screen, over a box of the
 *  whole list's height (rows of one height, --row): 10,000 events cost as much as a screenful. A shorter list is
 *  drawn whole, so that the browser's find and a screen reader's list reach every row at once. */
var WINDOW_FROM = 400;
/** Rows drawn above and below the screen in a windowed list. */
var WINDOW_SPARE = 20;
var listed = {rows: [], first: -1, last: -1, windowed: false};

/** The rows of the list: the events in view by start date, under a heading per month; an event dated no closer than a
 *  few months ("2025") is listed at its start, under a heading of its own ("2025: no closer date recorded"), never
 *  filed in a month it may not belong to. [{heading}] or [{event: i}]. */
function listRows(shown) {
  var rows = [], key = null, order = shown.slice().sort(function (a, b) {
    var x = D.events[a], y = D.events[b];
    return x.s - y.s || (y.e - y.s) - (x.e - x.s) || a - b;   // at one start, the vaguer date first: it opens its period
  });
  order.forEach(function (i) {
    var e = D.events[i], when = new Date(e.s * MINUTE), vague = e.e - e.s > 31 * DAY && !e.o;
    var next = vague ? "v" + e.d : "m" + (when.getUTCFullYear() * 12 + when.getUTCMonth());
    if (next !== key) {
      key = next;
      rows.push({heading: vague ? e.d + ": no closer date recorded" : MONTHS[when.getUTCMonth()] + " " + when.getUTCFullYear()});
    }
    rows.push({event: i});
  });
  return rows;
}

/** The events in view in date order, under a heading per month (on a phone, the timeline itself). */
function drawEventList(shown) {
  var list = $("event-list"), rows = listRows(shown);
  var windowed = rows.length > WINDOW_FROM && !page.printing;
  listed = {rows: rows, first: -1, last: -1, windowed: windowed, events: shown.length};
  list.classList.toggle("windowed", windowed);
  list.style.height = windowed ? rows.length * rowHeight() + "px" : "";
  if (windowed) drawListWindow(true);
  else {
    list.textContent = "";
    (page.printing ? rows.slice(0, LIST_LIMIT) : rows).forEach(function (row, k) { list.appendChild(listItem(row, k)); });
  }
  $("event-list-count").textContent = "(" + NUMBER.format(shown.length) + ")";
  $("event-table-box").hidden = !windowed;
  drawEventTable();
  $("event-list-more").textContent = page.printing && rows.length > LIST_LIMIT
    ? "Printed: the first " + NUMBER.format(LIST_LIMIT) + " rows of " + NUMBER.format(rows.length) + " by date." : "";
}

/** The whole list as one table of text, drawn when its box is opened (a windowed list's rows off the screen are not in
 *  the page: the browser's find, a screen reader's table commands and print reach them here); emptied when closed. */
function drawEventTable() {
  var box = $("event-table-box"), body = document.querySelector("#event-table tbody");
  body.textContent = "";
  if (box.hidden || !box.open) return;
  document.querySelector("#event-table caption").textContent = "The " + plural(listed.events, "event") + " in view, by date";
  var rows = document.createDocumentFragment();
  listed.rows.forEach(function (row) {
    if (row.event === undefined) return;
    var e = D.events[row.event], tr = el("tr");
    [e.d, labelOf(e), V.types[e.ty].label, e.all.map(actorName).join(", ")].forEach(function (text, k) {
      tr.appendChild(el(k === 1 ? "th" : "td", text, k === 1 ? {"scope": "row"} : null));
    });
    rows.appendChild(tr);
  });
  body.appendChild(rows);
}

/** The height of a row of a windowed list, in pixels (the CSS variable --row of the list). */
function rowHeight() { return parseFloat(getComputedStyle($("event-list")).getPropertyValue("--row")) || 32; }

/** Draw the rows of a windowed list that are on the screen or near it (``again``: even if they are the same). */
function drawListWindow(again) {
  if (!listed.windowed) return;
  var list = $("event-list"), row = rowHeight(), top = list.getBoundingClientRect().top;
  var view = list.offsetParent === null ? [0, 0] : [Math.floor(-top / row), Math.ceil((window.innerHeight - top) / row)];
  var first = Math.max(0, Math.min(view[0], listed.rows.length) - WINDOW_SPARE);
  var last = Math.min(listed.rows.length, Math.max(view[1], 0) + WINDOW_SPARE);
  if (!again && first === listed.first && last === listed.last) return;
  var focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.getAttribute("data-event") : null;
  list.textContent = "";
  for (var k = first; k < last; k++) {
    var item = listItem(listed.rows[k], k);
    item.style.top = k * row + "px";
    list.appendChild(item);
  }
  listed.first = first;
  listed.last = last;
  if (focused && listRow(focused)) listRow(focused).focus({preventScroll: true});   // the reader keeps their place
}

/** A row of the list: a month's heading, or an event's button (with its sources under it on paper). */
function listItem(row, k) {
  var attributes = listed.windowed ? {"aria-setsize": String(listed.rows.length), "aria-posinset": String(k + 1)} : {};
  if (row.heading) return el("li", row.heading, Object.assign({"class": "month", "aria-hidden": "true"}, attributes));
  var i = row.event, e = D.events[i];
  var item = el("li", null, Object.assign({"class": "ev st-" + e.st + " ty-" + e.ty}, attributes));
  var button = el("button", null, {"type": "button", "class": "event-row", "data-event": e.id});
  if (e.id === state.event) button.setAttribute("aria-current", "true");
  button.appendChild(shapeMark(V.types[e.ty].shape));
  button.appendChild(el("span", e.d, {"class": "when"}));
  var what = el("span", labelOf(e), {"class": "what", "title": labelOf(e)});
  button.appendChild(what);
  if (e.src && e.src.length === 1) button.appendChild(el("span", "one source", {"class": "one-source"}));
  button.appendChild(el("span", V.types[e.ty].label, {"class": "kind"}));
  button.addEventListener("click", function () { showEvent(i, true); });
  button.addEventListener("keydown", listKeys);
  item.appendChild(button);
  if (page.printing && D.detailed && e.src && e.src.length) {   // on paper, nothing to click: each event's sources under it
    var sources = el("ul", null, {"class": "sources print-sources", "aria-label": "Sources"});
    e.src.forEach(function (s) { sources.appendChild(sourceItem(D.sources[s])); });
    item.appendChild(sources);
  }
  return item;
}

/** Up and down arrows move between the list's events (a windowed list draws the next one as it comes). */
function listKeys(event) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  var at = listIndex(event.currentTarget.getAttribute("data-event")), by = event.key === "ArrowDown" ? 1 : -1;
  for (var k = at + by; k >= 0 && k < listed.rows.length; k += by) {
    if (listed.rows[k].event === undefined) continue;
    var row = revealRow(D.events[listed.rows[k].event].id);
    if (row) row.focus();
    break;
  }
  event.preventDefault();
}

function listIndex(id) {
  var i = V.eventIndex[id];
  for (var k = 0; k < listed.rows.length; k++) if (listed.rows[k].event === i) return k;
  return -1;
}

/** The list's row of the event ``id``, scrolled to and drawn if the list is windowed and it was not; or null. */
function revealRow(id) {
  var row = listRow(id);
  if (row || !listed.windowed) return row;
  var k = listIndex(id);
  if (k < 0) return null;
  var list = $("event-list"), top = list.getBoundingClientRect().top + window.scrollY + k * rowHeight();
  window.scrollTo({top: Math.max(top - window.innerHeight / 2, 0), behavior: "instant"});
  drawListWindow(false);
  return listRow(id);
}

/** The actors the events in view name (as people or as their states): the same count as the graph's summary and the
 *  ranking's, whether or not the graph draws them. */
function drawActorList(named) {
  var list = $("actor-list"), nodes = named.slice();
  list.textContent = "";
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
  g.edges.forEach(function (edge, k) {   // a pair's events: those of its lines in view, each counted once
    if (!g.on[k]) return;
    var n = g.count[k], key = Math.min(edge[0], edge[1]) + "-" + Math.max(edge[0], edge[1]);
    var pair = byPair[key] || (byPair[key] = {a: edge[0], b: edge[1], events: {}, edge: k});
    edge[3].forEach(function (i) { if (visible[i] && inPeriod(D.events[i], state.from, state.to)) pair.events[i] = true; });
    if (n > g.count[pair.edge] || !g.on[pair.edge]) pair.edge = k;
  });
  Object.keys(byPair).forEach(function (key) { byPair[key].n = Object.keys(byPair[key].events).length; });
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
  return actors;
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
