/* The offline page of timeline: a vis-timeline and a Cytoscape.js graph over one record, linked.
 *
 * Safety: every text of the record is written with textContent or as a DOM attribute value,
 * never as HTML; only http(s) addresses become links (new tab, rel="noopener noreferrer").
 * State: level, actor, filters, search, period and the open detail live in the URL fragment.
 * Views: each view registers an update(visible) with the page; a later view (positions) adds itself.
 * The script is joined from js/*.js by timeline/html/page.py (PARTS, in order), in one function scope.
 */


/** At most this many events are drawn one by one; above it the timeline counts them per lane and period. */
var DETAIL_LIMIT = 300;
/** At most about this many periods across the timeline when it counts (vis-timeline draws each count as an item); on a
 *  phone, as many as leave each count room for its figure. */
var BUCKETS = 36, PHONE_BUCKETS = 12;
/** At most this many rows of the list are printed (on screen, a long list draws the rows near the screen: WINDOW_FROM). */
var LIST_LIMIT = 400;
/** Actors and pairs in the ranked lists. */
var RANKED = 10;
/** Past this many edges the graph draws straight lines: curved parallel edges take seconds to lay out. */
var BEZIER_UP_TO = 1000;
/** The diameter of an event's dot on the timeline, in pixels, and the font of its labels. */
var DOT = 10, PHONE_DOT = 14;
var LABEL_FONT = "12px";
/** The smallest label the graph draws, in pixels on screen: the graph's smallest regular label (judged round 10: a
 *  main actor's label squeezed to 11 px read as "tiny" beside the others' 12 to 16). */
var LABEL_MIN = 12;
var MINUTE = 60000;
/** The palette's shapes of the type families (timeline.palette), as SVG paths in a 10×10 box. */
var SHAPE_PATHS = {
  "circle": "M5,0.8A4.2,4.2 0 1,1 4.99,0.8Z", "square": "M1,1H9V9H1Z", "diamond": "M5,0.2L9.8,5L5,9.8L0.2,5Z",
  "triangle-up": "M5,0.4L9.7,9.2L0.3,9.2Z", "triangle-down": "M0.3,0.8L9.7,0.8L5,9.6Z",
  "star": "M5,0.2L6.3,3.6L9.9,3.7L7.1,6L8.1,9.6L5,7.6L1.9,9.6L2.9,6L0.1,3.7L3.7,3.6Z",
  "cross": "M1.6,0.2L5,3.6L8.4,0.2L9.8,1.6L6.4,5L9.8,8.4L8.4,9.8L5,6.4L1.6,9.8L0.2,8.4L3.6,5L0.2,1.6Z",
  "plus": "M3.4,0.3H6.6V3.4H9.7V6.6H6.6V9.7H3.4V6.6H0.3V3.4H3.4Z"
};
var DAY = 1440;
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"];
var GREY = "#b0b0b0";
/** Node shapes by actor kind, as the graph image draws them (person o, state s, organisation D, group h). */
var SHAPES = {person: "ellipse", state: "rectangle", organization: "diamond", group: "hexagon"};

var D, V, cy, timeline, items, groups;
var state = {level: "person", actor: null, types: [], statuses: [], sides: [], q: "", from: null, to: null,
             event: null, edge: null, stance: null, asof: null, view: "timeline"};
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

/** An event's mark as its family's shape (an SVG the statuses' rules fill, dash or ring). */
function shapeMark(shape) {
  var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg"), path = document.createElementNS(svg.namespaceURI, "path");
  svg.setAttribute("viewBox", "0 0 10 10");
  svg.setAttribute("class", "mark shape");
  svg.setAttribute("aria-hidden", "true");
  path.setAttribute("d", SHAPE_PATHS[shape] || SHAPE_PATHS.circle);
  svg.appendChild(path);
  return svg;
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

/** ``n`` with its thousands separated ("10,000"): one formatter, as a new one per call costs 50 µs. */
var NUMBER = new Intl.NumberFormat("en");
function plural(n, one, many) { return NUMBER.format(n) + " " + (n === 1 ? one : many || one + "s"); }

// ---- data -----------------------------------------------------------------------------------

/** The data of the script element ``id`` ("page-data": what the views draw; "page-detail": what only details and print
 *  read), as a promise; ``now``: parsed at once if it is plain JSON (a small record), else null. */
function readData(id, now) {
  var node = $(id);
  if (node.getAttribute("data-encoding") !== "gzip+base64") {
    var data = JSON.parse(node.textContent);
    return now ? data : Promise.resolve(data);
  }
  if (now) return null;
  var binary = atob(node.textContent.trim());
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}

/** Call ``then`` once the details (summaries, quotes, sources: half the data of a large record) are read: at once if
 *  they are, or if they are plain JSON; else when decoded (the page starts decoding them once it is ready). */
function withDetails(then) {
  if (D.detailed) { then(); return; }
  var now = readData("page-detail", true);
  if (now) { addDetails(now); then(); return; }
  page.detailRead = page.detailRead || readData("page-detail", false).then(addDetails);
  page.detailRead.then(then);
}

function addDetails(detail) {
  if (D.detailed) return;
  if (detail.sources) D.sources = detail.sources;
  detail.events.forEach(function (more, i) { if (more) { D.events[i].sm = more[0]; D.events[i].q = more[1]; } });
  D.detailed = true;
  if (page.printing) update();   // the printed list carries each event's sources
}

function prepare(data) {
  var v = data.vocabulary;
  V = {
    types: v.types, statuses: v.statuses, roles: v.roles, links: v.links, relations: v.relations,
    typeIndex: index(v.types), statusIndex: index(v.statuses), actorIndex: {}, eventIndex: {},
    linkLabel: {}, incoming: [], activity: data.actors.map(function () { return 0; })
  };
  v.links.forEach(function (l) { V.linkLabel[l.id] = l.label; });
  data.actors.forEach(function (a, i) { V.actorIndex[a.id] = i; });
  data.events.forEach(function (e, i) {
    V.eventIndex[e.id] = i;
    e.all = [];
    Object.keys(e.r).forEach(function (key) { e.r[key].forEach(function (a) { if (e.all.indexOf(a) < 0) e.all.push(a); }); });
    e.all.forEach(function (a) { V.activity[a]++; });
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
    var words = [e.ti, e.loc || ""];   // the place too: "Alaska" finds the Anchorage summit
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

/** Could the event lie in the period from..to (minutes; null: unbounded)? An open date ("by 3 Dec", "from 3 Dec")
 *  could lie anywhere on its open side, as the library's filters read it (timeline.dates.DateSpan.overlaps). */
function inPeriod(e, from, to) {
  return (from === null || e.o === "end" || e.e > from) && (to === null || e.o === "start" || e.s < to);
}
