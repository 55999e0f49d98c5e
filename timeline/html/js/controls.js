/* Part of the page script (see core.js): the state: filters, level, the URL fragment, legends. */

// ---- state: filters, fragment ----------------------------------------------------------------------

/** Filter both views to the actor ``id`` (null: every actor) and show its details (or close them). */
function chooseActor(id) {
  state.actor = id;
  state.edge = state.event = state.stance = null;
  $("actor-filter").value = id === null ? "" : id;
  holdInPlace($("graph"));   // the timeline above grows or shrinks with the filter: the graph stays where it was
  update();
  if (id !== null) { showActor(V.actorIndex[id]); focusDetail(); }
  else if (page.actorShown) closeDetail();
}

/** Keep ``element``, if it is on screen, where it is now while the views above it redraw (vis-timeline resizes in
 *  the frames after an update): the page is scrolled by as much as it moves, for a few frames. */
function holdInPlace(element) {
  var top = element.getBoundingClientRect().top, frames = 0;
  if (element.offsetParent === null || top > window.innerHeight || element.getBoundingClientRect().bottom < 0) return;
  (function hold() {
    var moved = element.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    if (++frames < 6) requestAnimationFrame(hold);
  })();
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
  if (state.asof) params.set("asof", state.asof);
  if (state.view && state.view !== "timeline") params.set("view", state.view);
  var text = params.toString();
  if (text === location.hash.slice(1)) return;
  var url = text ? "#" + text : location.pathname + location.search;
  if (isStep(new URLSearchParams(location.hash.slice(1)), params)) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** Whether going from the address ``before`` to ``after`` is a step the browser's Back should undo: details
 *  opened (an event or an actor chosen) or another view shown. Filters typed and details closed replace the
 *  address instead, so Back is never a keystroke of the search box. */
function isStep(before, after) {
  var opened = function (key) { return after.get(key) !== null && after.get(key) !== before.get(key); };
  return opened("event") || opened("actor") || (before.get("view") || "timeline") !== (after.get("view") || "timeline");
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
  state.view = VIEW_SECTIONS[params.get("view")] ? params.get("view") : "timeline";
  var asof = params.get("asof");
  state.asof = /^\d{4}-\d\d-\d\d$/.test(asof || "") ? asof : null;
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
  if (phone()) $("controls").open = $("actor-list-box").open = false;   // phones: the key stays open, the marks need it
  standfirst();
  checkboxes("type", V.types.filter(function (t, i) { return D.events.some(function (e) { return e.ty === i; }); }),
             function (t) { return t.label; }, function (t) { return color(t.color, GREY); });
  checkboxes("status", V.statuses, function (s) { return s.label; });
  var sides = D.sideOrder;
  checkboxes("side", sides.map(function (a) { return {id: D.actors[a].id, actor: a}; }),
             function (s) { return D.actors[s.actor].name; }, function (s) { return sideColor(s.actor); });
  var timer;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = $("search").value.trim(); update(); }, 150);
  });
  $("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  // one list of choices open at a time; a click elsewhere or Escape closes it
  var choices = document.querySelectorAll("details.choices");
  choices.forEach(function (box) {
    box.addEventListener("toggle", function () {
      if (box.open) choices.forEach(function (other) { if (other !== box) other.open = false; });
    });
  });
  document.addEventListener("click", function (event) {
    choices.forEach(function (box) { if (box.open && !box.contains(event.target)) box.open = false; });
  });
  document.querySelectorAll("input[name=level]").forEach(function (input) {
    input.addEventListener("change", function () { setLevel(input.value); });
  });
  $("actor-filter").addEventListener("change", function () { chooseActor($("actor-filter").value || null); });
  $("fit").addEventListener("click", fitWindow);
  document.querySelector(".key-jump").addEventListener("click", function () {   // a phone's key, under its chart
    $("key-box").open = true;
    $("key-box").scrollIntoView({block: "start"});
  });
  $("graph-all").addEventListener("click", function () { state.allActors = !state.allActors; page.fittedTo = null; update(); });
  $("reset").addEventListener("click", function () {
    state.actor = null; state.types = []; state.statuses = []; state.sides = []; state.q = ""; state.edge = null;
    syncControls();
    update();
  });
  document.addEventListener("keydown", function (event) {
    var open = document.querySelector("details.choices[open]");
    if (event.key === "Escape" && open) { open.open = false; open.querySelector("summary").focus(); return; }
    if (event.key === "Escape") closeDetail();
  });
  $("detail-close").addEventListener("click", closeDetail);
  $("event-table-box").addEventListener("toggle", drawEventTable);
  // print: the about text and both lists open, whatever a phone folded
  var redraw = function () { drawTimeline(passing(false), state.from, state.to); drawEventList(page.shown); };   // long labels whole on paper
  window.addEventListener("afterprint", function () { printGraph(false); redraw(); });
  window.addEventListener("beforeprint", function () {
    printGraph(true);
    redraw();
    ["event-list-box", "actor-list-box", "key-box"].forEach(function (id) { $(id).open = true; });
    document.querySelectorAll("#plans details").forEach(function (box) { box.open = true; });
  });
  var printing = window.matchMedia("print");   // fires for the browser's print and for an emulated print medium
  printing.addEventListener("change", function () { printGraph(printing.matches); redraw(); });
  window.addEventListener("hashchange", function () {   // Back and Forward, or an address edited by hand
    restore(); applyLevel(); applyWindow(); update(); showView(state.view, false);
    if (state.event === null && state.actor === null) closeDetail(); else openRemembered();
  });
  legends();
  balanceKeys();
  var balancing;
  window.addEventListener("resize", function () { clearTimeout(balancing); balancing = setTimeout(balanceKeys, 150); });
}

/** Opacity of a faded status's mark, as the timeline image fades it (timeline/render/marks.py): a dot keeps at
 *  least FADED_DOT (a faded marker stays legible), a bar takes the status's opacity times SPAN_ALPHA (legend.SPAN_LINE). */
var FADED_DOT = 0.6, SPAN_ALPHA = 0.8;

/** The style rules of the types and statuses, from the palette's looks (the data's vocabulary), as the timeline
 *  image draws them: a type's colour in --c (and the ink readable on it in --on); a pending status hollow (white
 *  inside the type's colour, a bar's outline dashed) with its label in italics; a faded one (cancelled, postponed)
 *  faded, a cancelled label in the muted grey; a disputed one ringed in ink, a claimed one ringed with a dashed ring. */
function lookRules() {
  var rules = V.types.map(function (t, i) {
    return ".ev.ty-" + i + " { --c: " + color(t.color, "#7f7f7f") + "; --on: " + color(t.ink, "#1a1a1a") + "; }";
  });
  V.statuses.forEach(function (s, i) {
    var st = ".ev.st-" + i, ring = [];
    if (!s.fill) rules.push(st + " span.mark { background: var(--paper); border-style: dashed; }",
                            st + " svg.mark path { fill: var(--paper); stroke-width: 1.6; }",
                            st + " .lab, " + st + ".inside .lab { font-style: italic; color: var(--ink); }");
    if (s.alpha < 1) rules.push(st + ".dot .mark { opacity: " + Math.max(Number(s.alpha), FADED_DOT) + "; }",
                                st + ".span .mark { opacity: " + Number(s.alpha) * SPAN_ALPHA + "; }");
    // a cancelled label in the muted grey, as the image's; on its faded bar, in ink (the grey would read too pale)
    if (s.struck) rules.push(st + " .lab { color: var(--muted); }", st + ".inside .lab { color: var(--ink); }");
    if (s.ring === "solid") ring.push("box-shadow: 0 0 0 2px var(--paper), 0 0 0 3.5px var(--ink)");
    if (s.ring === "dashed") ring.push("outline: 1.5px dashed var(--ink); outline-offset: 2px");
    if (ring.length) rules.push(st + " .mark { " + ring.join("; ") + "; }");
  });
  document.head.appendChild(el("style", rules.join("\n")));
}

/** A key entry: a swatch drawn as the views draw it, and its words. */
function keyEntry(swatch, words) {
  var item = el("span", null, {"class": "key-entry"});
  swatch.setAttribute("aria-hidden", "true");
  item.appendChild(swatch);
  item.appendChild(el("span", words));
  return item;
}

/** A key whose entries wrap leaving one alone on its last line is narrowed, 20 px at a time down to half its width,
 *  until its last line holds two (judged round 13: "Sanctions and measures" alone on a second line). */
function balanceKeys() {
  document.querySelectorAll(".legend").forEach(function (box) {
    box.style.maxWidth = "";
    var entries = [].slice.call(box.querySelectorAll(":scope > .key-entry")).filter(function (e) { return e.offsetParent; });
    var lines = function () {
      var tops = entries.map(function (e) { return e.offsetTop; }), last = Math.max.apply(null, tops);
      return {count: new Set(tops).size, alone: tops.filter(function (t) { return Math.abs(t - last) < 2; }).length < 2};
    };
    var before = entries.length > 2 ? lines() : {count: 1};
    if (before.count < 2 || !before.alone) return;
    for (var full = box.clientWidth, width = full - 20; width > full / 2; width -= 20) {
      box.style.maxWidth = width + "px";
      var now = lines();
      if (now.count > before.count) break;
      if (!now.alone) return;
    }
    box.style.maxWidth = "";
  });
}

function legends() {
  lookRules();
  var types = $("type-legend"), present = {};
  D.events.forEach(function (e) { present[e.ty] = true; });
  var families = [], seen = {};
  V.types.forEach(function (t, i) {
    if (!present[i]) return;
    if (seen[t.family] === undefined) {
      seen[t.family] = families.length;
      families.push({label: t.familyLabel, color: t.familyColor, shape: t.shape, types: []});
    }
    families[seen[t.family]].types.push(t.label);
  });
  families.forEach(function (f) {
    var swatch = el("span", null, {"class": "ev dot"});
    swatch.style.setProperty("--c", color(f.color, "#7f7f7f"));
    swatch.appendChild(shapeMark(f.shape));
    var entry = types.appendChild(keyEntry(swatch, f.label));
    entry.setAttribute("data-family", f.label);
    entry.title = f.types.join(", ");   // the types the family holds (the filter lists them too)
  });
  var statuses = $("status-legend"), drawn = {};
  D.events.forEach(function (e) { drawn[V.statuses[e.st].keyWith] = true; });
  V.statuses.forEach(function (s, i) {   // the image's key: one entry for the statuses drawn alike, a grey dot each
    if (s.keyWith !== s.id || !drawn[s.id] || s.id === "occurred") return;
    var swatch = el("span", null, {"class": "ev dot st-" + i});
    swatch.style.setProperty("--c", "#555555");   // ink, not a type's colour: a status is drawn on every type
    swatch.appendChild(shapeMark("circle"));
    statuses.appendChild(keyEntry(swatch, s.key)).setAttribute("data-status", s.id);
  });
  statuses.hidden = !statuses.querySelector(".key-entry");
  var relations = $("relation-legend");
  var used = {};
  ["person", "state"].forEach(function (level) { D.graphs[level].edges.forEach(function (e) { used[e[2]] = true; }); });
  var keyed = {};
  V.relations.forEach(function (r, i) {   // one entry per family of relations, as the graph image's key
    if (!used[i] || keyed[r.family]) return;
    keyed[r.family] = true;
    var line = el("span", null, {"class": "line"});
    line.style.borderTopColor = color(r.color, "#7f7f7f");
    line.style.borderTopStyle = r.dash.length ? (r.dash[0] <= 1.5 ? "dotted" : "dashed") : "solid";
    relations.appendChild(keyEntry(line, r.familyLabel)).setAttribute("data-family", r.family);
  });
  kindLegend();
  markLegend();
  sideLegend();
}

/** Marks that are not a type or a status: a date known only as a span, an uncertain (?) or approximate (~) one, in the
 *  timeline image's words (D.dateKey; judged round 10: the page keyed none of them), an open date ("by", "from") and an
 *  event related to the one selected. */
function markLegend() {
  var box = $("mark-legend");
  if (D.events.some(function (e) { return e.e - e.s > DAY && !e.o; })) {
    var bar = el("span", null, {"class": "ev span"});
    bar.style.setProperty("--c", "#555555");
    bar.appendChild(el("span", null, {"class": "mark"}));
    box.appendChild(keyEntry(bar, D.dateKey.span)).setAttribute("data-date", "span");
  }
  [["?", "uncertain"], ["~", "approximate"]].forEach(function (mark) {
    if (!D.events.some(function (e) { return e.u && e.u.indexOf(mark[0]) >= 0; })) return;
    box.appendChild(keyEntry(el("span", mark[0], {"class": "qual"}), D.dateKey[mark[1]])).setAttribute("data-date", mark[1]);
  });
  if (D.events.some(function (e) { return e.o; })) {
    box.appendChild(keyEntry(el("span", "← by", {"class": "open-word"}), "(on or before the date; no earlier date known)"));
    if (D.events.some(function (e) { return e.o === "end"; })) box.appendChild(keyEntry(el("span", "from →", {"class": "open-word"}), "(on or after the date)"));
  }
  if (D.events.some(function (e) { return e.rel; })) {
    box.appendChild(keyEntry(el("span", null, {"class": "linked-swatch"}), "related to the selected event (a claim and its denial…)"))
      .classList.add("on-screen");   // nothing is selected on paper
  }
  box.hidden = !box.querySelector(".key-entry");
}

/** The sides in their colours, most active first; the other sides share the palette's grey, as in the graph images
 *  (only the principal sides wear a hue), and are named in one entry, "Other sides", so that a grey node is never read
 *  as a side of its own. */
function sideLegend() {
  var sides = $("side-legend"), other = [];
  D.sideOrder.forEach(function (a) {
    if (color(D.sides[String(a)], GREY).toLowerCase() === D.otherSide) { other.push(a); return; }
    var dot = el("span", null, {"class": "dot-swatch"});
    dot.style.background = sideColor(a);
    dot.style.borderColor = tint(sideColor(a), 0.4, true);
    sides.appendChild(keyEntry(dot, D.actors[a].name));
  });
  if (other.length) {
    var dot = el("span", null, {"class": "dot-swatch"});
    dot.style.background = D.otherSide;
    dot.style.borderColor = tint(D.otherSide, 0.4, true);
    var entry = sides.appendChild(keyEntry(dot, ""));
    entry.classList.add("other-sides");
  }
  page.otherSides = other;
  otherSidesKey();
}

/** The key's "Other sides" entry names the grey sides of the nodes drawn, not every one in the record (judged round 13:
 *  "Other sides (15): …" under a graph of Ukraine that drew three grey nodes); on paper and before the graph is drawn,
 *  those of the record, said so. */
function otherSidesKey() {
  var entry = document.querySelector("#side-legend .other-sides");
  if (!entry) return;
  var drawn = {}, all = page.otherSides, words;
  if (cy && page.graphShown) drawnNodes().forEach(function (node) { drawn[D.actors[node.data("actor")].side] = true; });
  var names = all.filter(function (a) { return drawn[a]; }).map(function (a) { return D.actors[a].name; });
  if (!cy || !page.graphShown) words = "Other sides (" + all.length + " in the whole record): " + all.map(actorName).join(", ");
  else words = "Other sides (" + names.length + " drawn" + (names.length < all.length ? ", of " + all.length + " in the whole record" : "") +
    "): " + names.join(", ");
  entry.lastChild.textContent = words;
  entry.style.display = cy && page.graphShown && !names.length ? "none" : "";   // not [hidden]: .legend span sets display
}

/** The graph's shapes: one per kind of actor present (as the graph image draws them), and what a node's size says. */
function kindLegend() {
  var paths = {person: SHAPE_PATHS.circle, state: SHAPE_PATHS.square, organization: SHAPE_PATHS.diamond,
               group: "M2.5,0.7L7.5,0.7L9.8,5L7.5,9.3L2.5,9.3L0.2,5Z"};
  var words = {person: "person", state: "state", organization: "organisation", group: "group"};
  var present = {};
  D.actors.forEach(function (a) { present[a.kind] = true; });
  Object.keys(paths).forEach(function (kind) {
    if (!present[kind]) return;
    var svg = shapeMark("circle");
    svg.firstChild.setAttribute("d", paths[kind]);
    svg.setAttribute("class", "kind-mark");
    $("kind-legend").appendChild(keyEntry(svg, words[kind]));
  });
  $("kind-legend").appendChild(el("span", "· size: events in view · labels only where they fit", {"class": "key-note"}));
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
  if (page.actorShown && state.actor !== null) showActor(V.actorIndex[state.actor]);
}

function applyLevel() {
  if (!cy || cy.scratch("level") === state.level) return;   // no graph yet: it is made at the level chosen
  cy.scratch("level", state.level);
  loadLevel();
}

function applyWindow() {
  var span = dataSpan();
  var start = state.from === null ? span[0] : state.from * MINUTE, end = state.to === null ? span[1] : state.to * MINUTE;
  timeline.setWindow(start, end, {animation: false});
}

function openRemembered() {
  if (state.event !== null) showEvent(V.eventIndex[state.event], false);
  else if (state.actor !== null) showActor(V.actorIndex[state.actor]);
}

function say(text) { $("status").textContent = text; }
