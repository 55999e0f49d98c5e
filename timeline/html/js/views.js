/* Part of the page script (see core.js): the first screen's standfirst, the view switcher (tabs on a phone, one view
 * at a time; jumps on a desktop, where every view is on the page) and the chips that say what the views are
 * filtered to, each with a button that clears it. */

// ---- standfirst, views, chips -------------------------------------------------------------------

/** The sections of each view, in the order of the switcher. */
var VIEW_SECTIONS = {timeline: ["timeline-view"], list: ["event-list-view"],
                     graph: ["graph-view", "ranking-view", "actor-list-view"], positions: ["positions-view"]};

/** Title, a one-sentence summary (the record's description), the period in words and the counts. */
function standfirst() {
  $("page-title").textContent = D.title;
  document.title = D.title;
  $("page-standfirst").textContent = firstSentence(D.description);
  $("page-standfirst").hidden = !D.description;
  var sides = Object.keys(D.sides).length, span = datedSpan(), lo = span[0], hi = span[1] - 1;
  $("page-facts").textContent = [lo <= hi ? dayRange(lo, hi) : D.period,
    plural(D.events.length, "event"), plural(D.actors.length, "actor") + unnamedActors(true), sides ? plural(sides, "side") : ""]
    .filter(Boolean).join(" · ");
  aboutRecord(lo, hi);
}

/** How many of the record's actors its events name, and what the others are, from the data: in ``brief`` (the
 *  header's one line) " (67 named in events; 14 only in positions, as members or listed)", else " in the record (67
 *  named in events; the other 14: 1 only in positions or plans, 12 only as a member or group of others, 1 only
 *  listed)"; "" or " in the record" when the events name all (judged round 11: the header's 81 against the graph's
 *  67, the 14 unsaid). */
function unnamedActors(brief) {
  var named = {}, stated = {}, grouped = {};
  D.events.forEach(function (e) { e.all.forEach(function (a) { named[a] = true; }); });
  if (D.positions) {
    D.positions.stands.forEach(function (s) { [s[1]].concat(s[8]).forEach(function (a) { stated[a] = true; }); });
    D.positions.plans.forEach(function (plan) {
      plan.versions.forEach(function (v) { v.by.concat(v.responses.map(function (r) { return r[0]; })).forEach(function (a) { stated[a] = true; }); });
    });
  }
  D.actors.forEach(function (actor, i) { if (actor.in) { grouped[i] = true; actor.in.forEach(function (a) { grouped[a] = true; }); } });
  var others = D.actors.map(function (_, i) { return i; }).filter(function (i) { return !named[i]; });
  if (!others.length) return brief ? "" : " in the record";
  var inPositions = others.filter(function (i) { return stated[i]; }).length;
  var asMembers = others.filter(function (i) { return !stated[i] && grouped[i]; }).length, rest = others.length - inPositions - asMembers;
  var kinds = [[inPositions, "only in positions or plans", "only in positions"], [asMembers, "only as a member or group of others", "as members"],
               [rest, "only listed", "listed"]].filter(function (kind) { return kind[0]; });
  var words = kinds.map(function (kind) { return kind[2]; }), head = NUMBER.format(D.actors.length - others.length) + " named in events; ";
  if (brief) return " (" + head + NUMBER.format(others.length) + " " + (words.length > 1 ? words.slice(0, -1).join(", ") + " or " + words[words.length - 1] : words[0]) + ")";
  return " in the record (" + head + "the other " + NUMBER.format(others.length) + ": " +
    kinds.map(function (kind) { return NUMBER.format(kind[0]) + " " + kind[1]; }).join(", ") + ")";
}

/** The methods box: what the record is, how the page is made from it, the data's date (its latest event) and its
 *  counts, each saying what it counts. */
function aboutRecord(lo, hi) {
  var box = $("about-facts"), cited = {}, single = 0, vague = 0, named = {};
  D.events.forEach(function (e) {
    (e.src || []).forEach(function (s) { cited[s] = true; });
    if ((e.src || []).length === 1) single++;
    if (e.e - e.s > 31 * DAY && !e.o) vague++;
    e.all.forEach(function (a) { named[a] = true; });
  });
  var facts = [
    ["What it is", D.description || D.title],
    ["How it is made", "Each event is an entry of the record: its date at the precision the sources give, its actors in their " +
      "roles, and the reports it rests on. This page is generated from the record by " + D.generator + "; it works offline " +
      "and fetches nothing. A date known only to a month or a year is drawn as a bar over that period and listed under " +
      "its own heading, never at a single day; on paper, as in the timeline images, a date too vague for the chart's " +
      "period (a year on a chart of a year) is not drawn but named under the chart."],
    ["Data as of", lo <= hi ? "the latest event recorded, " + dayRange(hi, hi) : "no dated event"],
    ["Counts", [plural(D.events.length, "event") + (vague ? " (" + NUMBER.format(vague) + " dated only to a month or more)" : ""),
      plural(D.actors.length, "actor") + unnamedActors(false),
      plural(Object.keys(cited).length, "source") + " cited, from " + plural(D.publishers, "publisher"),
      plural(single, "event") + " resting on one source only (flagged “one source”)"].join("; ") + "."]
  ];
  box.textContent = "";
  facts.forEach(function (fact) { box.appendChild(el("dt", fact[0])); box.appendChild(el("dd", fact[1])); });
  page.about = {events: D.events.length, single: single, vague: vague, sources: Object.keys(cited).length,
                publishers: D.publishers, named: Object.keys(named).length};
}

function firstSentence(text) {
  var match = /^(.+?[.!?])(\s|$)/.exec(text || "");
  return match ? match[1] : text || "";
}

/** Two moments (minutes) as a reader writes a period: "12 Feb – 28 Dec 2025", "3–9 Mar 2025", "Dec 2024 – Jan 2025". */
function dayRange(lo, hi) {
  var a = new Date(lo * MINUTE), b = new Date(hi * MINUTE);
  var day = function (d) { return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()].slice(0, 3); };
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return day(a) + " " + a.getUTCFullYear() + " – " + day(b) + " " + b.getUTCFullYear();
  if (day(a) === day(b)) return day(a) + " " + a.getUTCFullYear();
  if (a.getUTCMonth() === b.getUTCMonth()) return a.getUTCDate() + "–" + day(b) + " " + b.getUTCFullYear();
  return day(a) + " – " + day(b) + " " + b.getUTCFullYear();
}

function makeViews() {
  document.querySelectorAll("#views-nav [data-view]").forEach(function (button) {
    button.addEventListener("click", function () { showView(button.getAttribute("data-view"), true); });
  });
  var positions = !!(D.positions && (D.positions.stands.length || D.positions.plans.length));
  $("views-nav").querySelector("[data-view=positions]").hidden = !positions;
  if (!VIEW_SECTIONS[state.view] || (state.view === "positions" && !positions)) state.view = "timeline";
  showView(state.view, false);
  requestAnimationFrame(followScrolling);   // it reads the switcher's height: after the first layout, not forcing one
}

/** On a desktop, where every view is on the page, the switcher's tab of the view on screen is the one highlighted
 *  (IntersectionObserver):
 *  the view whose section covers most of the band just under the sticky switcher. */
function followScrolling() {
  if (!window.IntersectionObserver) return;
  var seen = {};
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { seen[entry.target.id] = entry.isIntersecting ? entry.intersectionRect.height : 0; });
    if (phone() || page.jumping) return;
    var best = null, most = 0;
    Object.keys(VIEW_SECTIONS).forEach(function (view) {
      var height = VIEW_SECTIONS[view].reduce(function (sum, id) { return sum + (seen[id] || 0); }, 0);
      if (height > most) { most = height; best = view; }
    });
    if (best) highlightTab(best);
  }, {rootMargin: "-" + Math.round(navHeight() + 8) + "px 0px -40% 0px", threshold: [0, 0.1, 0.25, 0.5, 0.75, 1]});
  Object.keys(VIEW_SECTIONS).forEach(function (view) { VIEW_SECTIONS[view].forEach(function (id) { observer.observe($(id)); }); });
}

/** Show ``view``: on a phone the only one on screen, on a desktop scrolled to (``jump``). */
function showView(view, jump) {
  var changed = state.view !== view;
  markView(view);
  if (!page.ready) return;
  if (view === "graph") showGraph();
  if (phone() && view === "graph" && (changed || !cy.width())) { cy.resize(); page.fittedTo = null; update(); }
  if (phone() && view === "timeline" && changed) { timeline.redraw(); drawAxis(); }
  if (view === "list") drawListWindow(true);
  if (jump) {
    var top = phone() ? $("views-nav").offsetTop : $(VIEW_SECTIONS[view][0]).getBoundingClientRect().top + window.scrollY - navHeight();
    page.jumping = true;   // the tab chosen stays highlighted, whatever the views passed on the way
    window.scrollTo({top: Math.max(top, 0), behavior: "instant"});
    requestAnimationFrame(function () { requestAnimationFrame(function () { page.jumping = false; }); });
  }
  remember();
}

/** Highlight ``view``'s tab (on a desktop, also the view scrolled to: the address keeps the view chosen). */
function highlightTab(view) {
  document.querySelectorAll("#views-nav [data-view]").forEach(function (button) {
    var on = button.getAttribute("data-view") === view;
    if (on) button.setAttribute("aria-current", "true"); else button.removeAttribute("aria-current");
  });
}

/** Highlight ``view``'s tab and mark its sections as the current ones (on a phone, the one shown). */
function markView(view) {
  state.view = view;
  document.body.setAttribute("data-view", view);
  highlightTab(view);
  Object.keys(VIEW_SECTIONS).forEach(function (name) {
    VIEW_SECTIONS[name].forEach(function (id) { $(id).classList.toggle("current", name === view); });
  });
  if (page.ready) remember();
}

/** A plain wheel over ``box`` (a chart) scrolls the page, and a hint says how to zoom; Ctrl (or ⌘) + wheel, as a
 *  trackpad's pinch sends it, zooms: ``allow(zooming)`` is told which before the chart's own handler sees the wheel. */
function zoomOnlyWithCtrl(box, allow) {
  var hint = box.parentNode.querySelector(".zoom-hint"), timer;
  box.addEventListener("wheel", function (event) {
    var zooming = event.ctrlKey || event.metaKey;
    allow(zooming);
    if (zooming || !hint || Math.abs(event.deltaY) < Math.abs(event.deltaX)) return;
    hint.classList.add("on");
    clearTimeout(timer);
    timer = setTimeout(function () { hint.classList.remove("on"); }, 1200);
  }, {capture: true, passive: true});
  box.addEventListener("touchstart", function () { allow(true); }, {capture: true, passive: true});   // two fingers pinch
}

function navHeight() { return $("views-nav").getBoundingClientRect().height; }

/** One chip per filter in force (actor, search, types, statuses, sides, period), each a button that clears it. */
function drawChips() {
  var box = $("filter-chips"), chips = [];
  if (state.actor !== null) chips.push(["Filtered to " + D.actors[V.actorIndex[state.actor]].name, function () { chooseActor(null); }]);
  if (state.q) chips.push(["Search “" + state.q + "”", function () { state.q = ""; syncControls(); update(); }]);
  [["types", "type"], ["statuses", "status"], ["sides", "side"]].forEach(function (pair) {
    var n = state[pair[0]].length;
    if (n) chips.push([plural(n, pair[1], pair[0]), function () { state[pair[0]] = []; syncControls(); update(); }]);
  });
  if (state.from !== null || state.to !== null) {
    var span = dataSpan();
    chips.push([dayRange(state.from === null ? span[0] / MINUTE : state.from, state.to === null ? span[1] / MINUTE : state.to - 1),
                fitWindow]);
  }
  box.textContent = "";
  chips.forEach(function (chip) {
    var button = el("button", null, {"type": "button", "class": "filter-chip", "aria-label": chip[0] + ": clear"});
    button.appendChild(el("span", chip[0]));
    button.appendChild(el("span", "✕", {"class": "x", "aria-hidden": "true"}));
    button.addEventListener("click", chip[1]);
    box.appendChild(button);
  });
  if (chips.length > 1) {
    var all = el("button", "Clear all", {"type": "button", "class": "filter-chip clear-all"});
    all.addEventListener("click", function () { $("reset").click(); fitWindow(); });
    box.appendChild(all);
  }
  requestAnimationFrame(function () {   // read once laid out: a read now forces a layout of the whole page (60 ms at 10k)
    var nav = Math.round(navHeight()) + "px";
    if (document.documentElement.style.getPropertyValue("--nav") !== nav) document.documentElement.style.setProperty("--nav", nav);
  });
  page.chips = chips.map(function (chip) { return chip[0]; });
}
