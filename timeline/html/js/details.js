/* Part of the page script (see core.js): the text views (lists of events and actors) and the details of an event or a relation. */

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
  $("event-list-count").textContent = "(" + shown.length.toLocaleString("en") + ")";
  $("event-list-more").textContent = shown.length > LIST_LIMIT
    ? "And " + plural(shown.length - LIST_LIMIT, "more event") + ": zoom in or filter to list them." : "";
}

function drawActorList() {
  var list = $("actor-list");
  list.textContent = "";
  var nodes = cy.nodes().filter(function (n) { return !n.hasClass("hidden"); }).map(function (n) { return Number(n.data("actor")); });
  nodes.sort(function (a, b) { return D.actors[a].name.localeCompare(D.actors[b].name); });
  $("actor-list-count").textContent = "(" + nodes.length.toLocaleString("en") + ")";
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
  (e.q || []).forEach(function (q) { body.appendChild(quoteOf(q)); });
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
  update();   // the event's actors and relations stand out in the graph; its label is drawn
  if (items.get(i)) timeline.setSelection([i]);
  if (!fromTimeline) $("detail-title").focus();
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
