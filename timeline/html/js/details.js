/* Part of the page script (see core.js): the details of an event or a relation, in a panel beside the views
 * (a sheet from the bottom on a phone) that takes the focus and closes with Escape. */

// ---- details --------------------------------------------------------------------------------

function openDetail(heading) {
  var body = $("detail-body");
  body.textContent = "";
  page.actorShown = null;
  body.appendChild(el("h3", heading, {"id": "detail-title", "tabindex": "-1"}));
  $("detail").classList.add("open");
  $("detail-close").hidden = false;
  document.body.classList.add("detail-open");
  return body;
}

/** Close the details and forget the selection; the focus goes back where the reader was, if it is still there. */
function closeDetail() {
  if (!$("detail").classList.contains("open")) return;
  var shown = state.event;
  markListed(null);
  $("detail").classList.remove("open");
  page.actorShown = null;
  $("detail-close").hidden = true;
  document.body.classList.remove("detail-open");
  $("detail-body").textContent = "";
  $("detail-body").appendChild(el("p", "Nothing selected.", {"class": "placeholder"}));
  state.event = state.edge = state.stance = null;
  timeline.setSelection([]);
  update();
  var back = page.returnFocus;
  if (!back || back === document.body || !document.body.contains(back)) back = revealRow(page.returnEvent || shown);
  if (back && document.body.contains(back) && back.offsetParent !== null) back.focus({preventScroll: true});
}

/** Mark the list's row of the event ``id`` as the one shown (``aria-current``), and no other. */
function markListed(id) {
  document.querySelectorAll('#event-list [aria-current]').forEach(function (row) { row.removeAttribute("aria-current"); });
  var row = listRow(id);
  if (row) row.setAttribute("aria-current", "true");
}

/** The list's row of the event ``id`` (the list is drawn again as the views change), or ``null``. */
function listRow(id) {
  return id ? document.querySelector('#event-list [data-event="' + CSS.escape(id) + '"]') : null;
}

/** Move the focus into the details (the reader hears and sees them at once), remembering where it was. */
function focusDetail() {
  var active = document.activeElement;
  if (active && !$("detail").contains(active)) {
    page.returnFocus = active;
    page.returnEvent = active.getAttribute("data-event");
  }
  $("detail-title").focus({preventScroll: true});
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
  button.addEventListener("click", function () { showEvent(i, true); });
  return button;
}

function showEvent(i, focus) {
  var e = D.events[i];
  if (!e) return;
  if (!D.detailed) { withDetails(function () { showEvent(i, focus); }); return; }   // a large record: decoded now
  state.event = e.id;
  markListed(e.id);
  state.edge = null;
  var body = openDetail(e.ti);
  body.appendChild(el("p", e.d + " · " + V.types[e.ty].label + " · " + V.statuses[e.st].label + (e.loc ? " · " + e.loc : ""), {"class": "meta"}));
  if (e.x) body.appendChild(el("p", "Draft: awaiting review.", {"class": "draft"}));
  sourceList(body, e.src);
  var roles = el("dl");
  V.roles.forEach(function (role) {
    var actors = e.r[role.key];
    if (!actors || !actors.length) return;
    roles.appendChild(el("dt", actors.length > 1 && !/s$/.test(role.label) ? role.label + "s" : role.label));   // "Participants"
    roles.appendChild(actorButtons(actors));
  });
  body.appendChild(roles);
  if (e.sm) body.appendChild(el("p", e.sm));
  (e.q || []).forEach(function (q) { body.appendChild(quoteOf(q)); });
  var links = (e.rel || []).map(function (l) { return [V.linkLabel[l[0]] || l[0], l[1]]; })
    .concat(V.incoming[i].map(function (l) { return [(V.linkLabel[l[0]] || l[0]) + " this", l[1]]; }));
  if (links.length) {
    body.appendChild(el("h4", "Related events"));
    var related = el("ul", null, {"class": "related"});
    links.forEach(function (l) { var li = el("li", l[0] + ": "); li.appendChild(eventButton(l[1])); related.appendChild(li); });
    body.appendChild(related);
  }
  state.stance = null;
  update();   // the event's actors and relations stand out in the graph; its label is drawn
  if (items.get(i)) timeline.setSelection([i]);
  if (focus !== false) focusDetail();
}

/** The sources of an event or a stance, first in the details so that they are always in view. */
function sourceList(body, ids, tag) {
  body.appendChild(el(tag || "h4", ids && ids.length === 1 ? "Source" : "Sources"));
  if (!ids || !ids.length) { body.appendChild(el("p", "No source recorded.", {"class": "placeholder"})); return; }
  if (ids.length === 1) body.appendChild(el("p", "One source only: no second report confirms it.", {"class": "single-source"}));
  var sources = el("ul", null, {"class": "sources"});
  ids.forEach(function (s) { sources.appendChild(sourceItem(D.sources[s])); });
  body.appendChild(sources);
}

/** A quote: its words, and who said them (name and title) and where it was reported. */
function quoteOf(q) {
  var quote = el("figure", null, {"class": "quote"});
  quote.appendChild(el("blockquote", "“" + q[1] + "”"));
  var speaker = typeof q[0] === "number" ? D.actors[q[0]] : null;
  var caption = el("figcaption", "— ");
  caption.appendChild(speaker ? actorButton(q[0]) : el("span", q[0]));
  if (speaker && speaker.title) caption.appendChild(document.createTextNode(", " + speaker.title));
  var source = typeof q[2] === "number" ? D.sources[q[2]] : null;
  if (source) caption.appendChild(document.createTextNode(" (as reported by " + (source.publisher || source.citation) + ")"));
  quote.appendChild(caption);
  return quote;
}

/** A source as its citation reads (publisher, “title”, date), the title (else the publisher) a link that opens
 *  in a new tab and tells nothing to the page it opens; only http(s) addresses become links. */
function sourceItem(source) {
  var li = el("li", null, {"class": "source"}), url = webAddress(source.url);
  var title = source.title ? "“" + source.title + "”" : null, linked = title || source.publisher || source.citation;
  var parts = title ? [source.publisher, title] : [linked];
  parts.filter(Boolean).forEach(function (part, k) {
    if (k) li.appendChild(document.createTextNode(", "));
    if (url && part === linked) {
      var link = el("a", part, {"target": "_blank", "rel": "noopener noreferrer"});
      link.href = url;
      link.appendChild(el("span", " (opens in a new tab)", {"class": "visually-hidden"}));
      li.appendChild(link);
    } else {
      li.appendChild(el("span", part, {"class": k || !title ? "title" : "publisher"}));
    }
  });
  if (source.date) li.appendChild(el("span", ", " + source.date, {"class": "date"}));
  if (url) li.appendChild(el("span", " " + new URL(url).host.replace(/^www\./, ""), {"class": "host"}));
  return li;
}

/** The details of a pair of actors, from one of its lines (``id``, "e<k>"): every event of the pair in view, under each
 *  relation, the line chosen first; an event of two relations is under both, and counted once in the total. */
function showEdge(id) {
  var k = Number(id.slice(1)), g = D.graphs[state.level], edge = g.edges[k], a = edge[0], b = edge[1];
  state.edge = id;
  state.event = null;
  var lines = g.edges.map(function (x, j) { return j; }).filter(function (j) {
    var other = g.edges[j];
    return (other[0] === a && other[1] === b) || (other[0] === b && other[1] === a);
  }).sort(function (x, y) { return (y === k) - (x === k) || g.edges[y][3].length - g.edges[x][3].length; });
  var pair = pairEvents(lines), relation = V.relations[edge[2]];
  var body = openDetail(D.actors[a].name + (lines.length === 1 && relation.directed ? " → " : " – ") + D.actors[b].name);
  body.appendChild(el("p", plural(pair.shown, "event") + " in view" + (pair.shown === pair.all ? "" : " of " + NUMBER.format(pair.all) +
    " in all (widen the period or clear the filters for the others)") + (lines.length > 1 ? ", under " + plural(lines.length, "relation") : "") + ":",
    {"class": "meta pair-count"}));
  lines.forEach(function (j) {
    var mine = pair.by[j], look = V.relations[g.edges[j][2]];
    if (!mine.length) return;
    var direction = look.directed ? " (" + D.actors[g.edges[j][0]].name + " → " + D.actors[g.edges[j][1]].name + ")" : "";
    body.appendChild(el("h4", look.label + direction + ": " + NUMBER.format(mine.length)));
    var list = el("ul", null, {"class": "related"});
    mine.forEach(function (i) { var li = el("li"); li.appendChild(eventButton(i)); list.appendChild(li); });
    body.appendChild(list);
  });
  makeGraphNow();
  cy.edges().removeClass("chosen");
  cy.getElementById(id).addClass("chosen");
  page.pairShown = {shown: pair.shown, all: pair.all, relations: lines.length};
  remember();
  focusDetail();
}

/** The events in view of the graph's lines ``lines``: {by: {line: [event indices]}, shown (distinct), all (distinct)}. */
function pairEvents(lines) {
  var g = D.graphs[state.level], visible = passing(true), seen = {}, every = {}, by = {};
  lines.forEach(function (j) {
    by[j] = g.edges[j][3].filter(function (i) {
      every[i] = true;
      return visible[i] && inPeriod(D.events[i], state.from, state.to);
    });
    by[j].forEach(function (i) { seen[i] = true; });
  });
  return {by: by, shown: Object.keys(seen).length, all: Object.keys(every).length};
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

/** The details of the actor the views are filtered to: its name, kind and title, what it belongs to and who
 *  belongs to it, its events (in view and in all), its partners in the graph, and its latest events in view. */
function showActor(a) {
  var actor = D.actors[a], kinds = {person: "Person", state: "State", organization: "Organisation", group: "Group"};
  state.event = state.edge = state.stance = null;
  var body = openDetail(actor.name);
  body.appendChild(el("p", [kinds[actor.kind] || actor.kind, actor.title].filter(Boolean).join(" · "), {"class": "meta"}));
  var visible = passing(false), mine = [], all = 0, named = 0;
  D.events.forEach(function (e, i) {
    if (!e.all.some(function (x) { return belongs(x, a); })) return;
    all++;
    if (!visible[i] || !inPeriod(e, state.from, state.to)) return;
    mine.push(i);
    if (e.all.some(function (x) { return nodeOf(x) === a; })) named++;
  });
  var facts = el("dl");
  var fact = function (term, value) { facts.appendChild(el("dt", term)); facts.appendChild(value); };
  var chain = (actor.in || []).concat(actor.side !== a && (actor.in || []).indexOf(actor.side) < 0 ? [actor.side] : []);
  if (chain.length) fact("Belongs to", actorButtons(chain));
  var members = D.actors.map(function (_, k) { return k; }).filter(function (k) { return (D.actors[k].in || [])[0] === a; })
    .sort(function (x, y) { return V.activity[y] - V.activity[x] || x - y; });   // the most active first
  if (members.length) fact("Members", actorButtons(members.slice(0, 12), members.length));
  fact("Events", el("dd", eventsWording(actor, mine.length, named, all), {"class": "actor-events"}));
  var partners = partnersOf(a);
  if (partners.length) fact("Dealt most with", actorButtons(partners.slice(0, 6).map(function (p) { return p[0]; }), partners.length));
  body.appendChild(facts);
  var clear = el("button", "Show every actor again", {"type": "button", "class": "clear-actor"});
  clear.addEventListener("click", function () { chooseActor(null); });
  body.appendChild(clear);
  if (mine.length) {
    body.appendChild(el("h4", "Latest events in view"));
    var list = el("ul", null, {"class": "related"});
    mine.slice(-8).reverse().forEach(function (i) { var li = el("li"); li.appendChild(eventButton(i)); list.appendChild(li); });
    body.appendChild(list);
  }
  page.actorShown = actor.id;
}

/** What an actor's count of events counts: "154 events in view: 76 name Ukraine, 78 only its members (211 in all)".
 *  ``named``: those that name the actor itself (at the graph's level), the figure of the ranking and of its node. */
function eventsWording(actor, shown, named, all) {
  var words = plural(shown, "event") + " in view";
  if (named < shown) words += ": " + NUMBER.format(named) + " name " + actor.name + ", " +
    NUMBER.format(shown - named) + " only " + (state.level === "state" ? "actors on its side" : "its members");
  return words + (shown === all ? "" : " (" + NUMBER.format(all) + " in all)");
}

/** Actors as buttons, comma-separated (a comma never starts a line), and how many more there are past ``total``. */
function actorButtons(actors, total) {
  var dd = el("dd");
  actors.forEach(function (x, k) {
    var one = el("span", null, {"class": "one"});
    one.appendChild(actorButton(x));
    if (k < actors.length - 1) one.appendChild(el("span", ",", {"class": "sep"}));
    if (k) dd.appendChild(document.createTextNode(" "));
    dd.appendChild(one);
  });
  if (total > actors.length) dd.appendChild(document.createTextNode(" and " + (total - actors.length) + " more"));
  return dd;
}

/** The actors ``a`` shares events in view with (on the graph's lines: each relation's events), most events first:
 *  [[actor, events]]; the same at every width, whatever the graph draws of them (judged round 10: a phone's graph of
 *  its 12 most active actors ranked Ukraine's partners otherwise than a desktop's). */
function partnersOf(a) {
  makeGraphNow();
  var g = D.graphs[state.level], found = {};
  g.edges.forEach(function (edge, k) {
    if (!g.inView[k] || (edge[0] !== a && edge[1] !== a)) return;
    var other = edge[0] === a ? edge[1] : edge[0];
    found[other] = (found[other] || 0) + g.inView[k];
  });
  return Object.keys(found).map(function (k) { return [Number(k), found[k]]; })
    .sort(function (p, q) { return q[1] - p[1] || p[0] - q[0]; });
}
