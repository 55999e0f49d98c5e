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
  var lo = Infinity, hi = -Infinity, sides = Object.keys(D.sides).length;
  var dated = D.events.filter(function (e) { return e.e - e.s <= 31 * DAY; });   // "2025" alone does not open the period
  (dated.length ? dated : D.events).forEach(function (e) { lo = Math.min(lo, e.s); hi = Math.max(hi, e.e - 1); });
  $("page-facts").textContent = [lo <= hi ? dayRange(lo, hi) : D.period,
    plural(D.events.length, "event"), plural(D.actors.length, "actor"), sides ? plural(sides, "side") : ""]
    .filter(Boolean).join(" · ");
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
}

/** Show ``view``: on a phone the only one on screen, on a desktop scrolled to (``jump``). */
function showView(view, jump) {
  var changed = state.view !== view;
  state.view = view;
  document.body.setAttribute("data-view", view);
  document.querySelectorAll("#views-nav [data-view]").forEach(function (button) {
    var on = button.getAttribute("data-view") === view;
    if (on) button.setAttribute("aria-current", "true"); else button.removeAttribute("aria-current");
  });
  Object.keys(VIEW_SECTIONS).forEach(function (name) {
    VIEW_SECTIONS[name].forEach(function (id) { $(id).classList.toggle("current", name === view); });
  });
  if (!page.ready) return;
  if (phone() && view === "graph" && (changed || !cy.width())) { cy.resize(); page.fittedTo = null; update(); }
  if (phone() && view === "timeline" && changed) { timeline.redraw(); drawAxis(); }
  if (jump) {
    var top = phone() ? $("views-nav").offsetTop : $(VIEW_SECTIONS[view][0]).getBoundingClientRect().top + window.scrollY - navHeight();
    window.scrollTo({top: Math.max(top, 0), behavior: "instant"});
  }
  remember();
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
  document.documentElement.style.setProperty("--nav", Math.round(navHeight()) + "px");
  page.chips = chips.map(function (chip) { return chip[0]; });
}
