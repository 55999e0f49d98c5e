/* Part of the page script (see core.js): the vis-timeline view. */

// ---- timeline -------------------------------------------------------------------------------

function makeTimeline() {
  groups = new vis.DataSet(D.lanes.map(function (name, i) { return {id: i, content: "", name: name, order: i}; }));
  var first = timelineItems(passing(false), state.from, state.to), span = dataSpan();
  items = new vis.DataSet(first.list);   // drawn once, with the first window: vis-timeline's redraws are its cost
  page.itemsKey = first.key;
  timeline = new vis.Timeline($("timeline"), items, groups, {
    moment: function (date) { return vis.moment(date).utc(); },
    orientation: {axis: "top", item: "top"}, stack: first.mode === "events", showCurrentTime: false,
    selectable: true, multiselect: false,
    groupOrder: "order", zoomMin: 60 * MINUTE, margin: {item: {horizontal: 2, vertical: 3}},
    start: state.from === null ? span[0] : state.from * MINUTE, end: state.to === null ? span[1] : state.to * MINUTE,
    maxHeight: timelineHeight(),
    verticalScroll: true, tooltip: {followMouse: false, overflowMethod: "cap"},
    xss: {disabled: false, filterOptions: {whiteList: {}}},
    template: function (item) {
      var label = el("span", item.label);
      if (item.hint) label.title = item.hint;
      return label;
    },
    groupTemplate: function (group) { return group ? el("span", group.name, {"class": "lane"}) : el("span"); }
  });
  timeline.stacked = first.mode === "events";
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
/** What the timeline shows: the visible events in the window, each as an item, or counts past DETAIL_LIMIT. */
function timelineItems(visible, from, to) {
  var shown = [];
  V.order.forEach(function (i) { if (visible[i] && inPeriod(D.events[i], from, to)) shown.push(i); });
  var counting = shown.length > DETAIL_LIMIT;
  var list = counting ? aggregate(shown, from, to) : shown.map(itemOf);
  return {shown: shown, list: list, mode: counting ? "counts" : "events",
          key: list.map(function (item) { return item.id; }).join(",")};
}

function drawTimeline(visible, from, to) {
  var next = timelineItems(visible, from, to);
  page.mode = next.mode;
  say(next.mode === "counts"
    ? plural(next.shown.length, "event") + " in this period: the timeline counts them per lane; zoom in (or filter) to see each one."
    : next.shown.length ? "" : "No event matches in this period; loosen the filters or widen the period.");
  if (next.key !== page.itemsKey) {   // each redraw of vis-timeline measures the page: only when something changed
    if (timeline.stacked !== (next.mode === "events")) {   // counts sit side by side in their lane
      timeline.stacked = next.mode === "events";
      timeline.setOptions({stack: timeline.stacked});
    }
    items.clear();
    items.add(next.list);
    page.itemsKey = next.key;
  }
  markLinked();
  return next.shown;
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
