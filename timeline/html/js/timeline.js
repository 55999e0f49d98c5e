/* Part of the page script (see core.js): the vis-timeline view. */

// ---- timeline -------------------------------------------------------------------------------

function makeTimeline() {
  groups = new vis.DataSet(D.lanes.map(function (name, i) { return {id: i, content: "", name: name, order: i}; }));
  var first = timelineItems(passing(false), state.from, state.to), span = dataSpan();
  items = new vis.DataSet(first.list);   // drawn once, with the first window: vis-timeline's redraws are its cost
  page.itemsKey = first.key;
  if (phone()) DOT = PHONE_DOT;
  var options = {
    moment: function (date) { return vis.moment(date).utc(); },
    orientation: {axis: "top", item: "top"}, stack: first.mode === "events", showCurrentTime: false,
    selectable: true, multiselect: false,
    zoomKey: "ctrlKey",   // a plain wheel scrolls the page; Ctrl+wheel (as a trackpad's pinch sends it) zooms
    groupOrder: "order", zoomMin: 60 * MINUTE, margin: {item: {horizontal: 2, vertical: 3}},
    // made with a window past the record's end, where no item shows: vis-timeline then lays out each item as it is
    // added (a forced layout of the page per item: 0.25 s for 200 items); moved to the record below, it lays them out at once
    start: span[1] + (span[1] - span[0]), end: span[1] + 2 * (span[1] - span[0]),
    showMajorLabels: false, showMinorLabels: false,   // the month row is the page's own, kept in view (drawAxis)
    align: "left", order: function (a, b) { return (a.rank || 0) - (b.rank || 0); }, tooltip: {followMouse: false, overflowMethod: "cap"},
    xss: {disabled: false, filterOptions: {whiteList: {}}},
    template: itemTemplate,
    groupTemplate: function (group) { return group ? el("span", group.name, {"class": "lane"}) : el("span"); }
  };
  // no scroll box of its own, even on a phone: a vertical swipe over the lanes scrolls the page (the lanes' names and
  // the time row stay in view, sticky), a horizontal one pans the timeline (swipeScrollsPage)
  timeline = new vis.Timeline($("timeline"), items, groups, options);
  // panning stops at the record's first and last dates (no empty months); the window as options too: vis-timeline sets
  // its options' window again after its first redraw
  timeline.setOptions({min: span[0], max: span[1], start: state.from === null ? span[0] : state.from * MINUTE,
                       end: state.to === null ? span[1] : state.to * MINUTE});
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
  swipeScrollsPage($("timeline"));
  zoomOnlyWithCtrl($("timeline"), function () {});   // vis-timeline's zoomKey does the rest
  // labels are laid out for the drawing's width: when it changes (lane names drawn, window resized), again
  timeline.on("changed", function () {
    drawAxis();
    var width = timeline.body.domProps.center.width;
    if (page.ready && page.mode === "events" && Math.abs(width - page.laidOutFor) > 1) { page.laidOutFor = width; update(); }
  });
}

/** A vertical swipe over the timeline scrolls the page. vis-timeline takes every touch for its pans (touch-action: none;
 *  the browser's own scrolling, once it starts, leaves its gesture recogniser stuck until reload), so the page is
 *  scrolled here by the swipe's vertical movement, once a swipe reads as vertical; a horizontal one pans the timeline. */
function swipeScrollsPage(box) {
  var from = null, vertical = null;
  box.addEventListener("touchstart", function (event) {
    from = event.touches.length === 1 ? [event.touches[0].clientX, event.touches[0].clientY] : null;
    vertical = null;
  }, {passive: true});
  box.addEventListener("touchmove", function (event) {
    if (!from || event.touches.length !== 1) { from = null; return; }   // two fingers pinch
    var x = event.touches[0].clientX, y = event.touches[0].clientY, dx = x - from[0], dy = y - from[1];
    if (vertical === null && Math.abs(dx) + Math.abs(dy) > 8) vertical = Math.abs(dy) > Math.abs(dx);
    if (!vertical) return;
    window.scrollBy(0, -dy);
    from = [x, y];
  }, {passive: true});
}

/** An item's content: a count, or an event's mark and its label (left of the mark near the right edge). */
function itemTemplate(item) {
  if (typeof item.id !== "number") return el("span", item.label, {"title": item.hint});
  var box = el("span", null, {"class": "evb", "title": item.hint});
  var mark = item.shape ? shapeMark(item.shape) : el("span", null, {"class": "mark", "aria-hidden": "true"});
  if (!item.shape) mark.style.width = Math.round(item.markPx) + "px";
  var label = item.label ? el("span", item.label, {"class": "lab"}) : null;
  var wrap = item.className.indexOf(" wrap") >= 0;
  if (label && item.lines) label.style.width = item.lines + "px";
  if (label && item.within && wrap) {   // its width set here: vis-timeline measures the item before it sizes the bar
    label.style.marginLeft = item.within[0] + "px";
    label.style.width = Math.max(item.markPx - item.within[0] - item.within[1] - 8, 40) + "px";
  } else if (label && item.within) { label.style.left = item.within[0] + "px"; label.style.right = item.within[1] + "px"; }
  var words = item.label ? ["← by", "from →"] : ["←", "→"];   // a mark alone: its arrow, not a word without a title
  if (phone()) {   // a finger's target around the mark, whatever the size of the dot
    var target = el("span", null, {"class": "markbox"});
    target.appendChild(mark);
    target.appendChild(el("span", null, {"class": "hit", "aria-hidden": "true"}));
    mark = target;
  }
  var qualified = D.events[item.id].u;   // "~" approximate, "?" uncertain: raised at the mark's top right, as the image does
  var parts = [item.open === "start" ? el("span", words[0], {"class": "open-word", "aria-hidden": "true"}) : null, mark,
               qualified ? el("span", qualified, {"class": "qual", "aria-hidden": "true"}) : null,
               item.open === "end" ? el("span", words[1], {"class": "open-word", "aria-hidden": "true"}) : null];
  if (item.className.indexOf("label-left") >= 0) parts.unshift(label); else parts.push(label);
  parts.forEach(function (part) { if (part) box.appendChild(part); });
  if (!label) box.setAttribute("aria-label", item.hint);
  return box;
}

/** The whole period in milliseconds: the events dated to a month or closer (a vaguer date, "2025", does not open
 *  it; see datedSpan), with 2 % of room on each side, and at least half a mark and its ring (a dot is centred on its
 *  time; judged round 10: on a phone the last mark was cut by the frame). */
function dataSpan() {
  var span = datedSpan(), lo = span[0], hi = span[1];
  if (lo === Infinity) { lo = Date.now() / MINUTE - DAY * 30; hi = lo + DAY * 60; }
  // the screen's width, not the chart's (none while another view is shown on a phone, nor before its first drawing):
  // one period whatever is on screen
  var mark = (phone() ? PHONE_DOT : DOT) / 2 + 6, room = document.documentElement.clientWidth * 0.85;
  var pad = Math.max((hi - lo) * 0.02, (hi - lo) * mark / Math.max(room - 2 * mark, 100), 60);
  return [(lo - pad) * MINUTE, (hi + pad) * MINUTE];
}

/** The first start and last end (minutes) of the events dated to a month or closer, or of all if none is. */
function datedSpan() {
  var lo = Infinity, hi = -Infinity, dated = D.events.filter(function (e) { return e.e - e.s <= 31 * DAY; });
  (dated.length ? dated : D.events).forEach(function (e) { if (e.s < lo) lo = e.s; if (e.e > hi) hi = e.e; });
  return [lo, hi];
}

function timelineKeys(event) {
  var range = timeline.getWindow(), start = range.start.valueOf(), end = range.end.valueOf(), width = end - start;
  var moves = {ArrowLeft: [-0.2, -0.2], ArrowRight: [0.2, 0.2], "+": [0.2, -0.2], "=": [0.2, -0.2], "-": [-0.25, 0.25]};
  if (event.key === "0" || event.key === "Home") { fitWindow(); event.preventDefault(); return; }
  if (event.key === "ArrowDown" || event.key === "ArrowUp") { stepEvent(event.key === "ArrowDown" ? 1 : -1); event.preventDefault(); return; }
  var move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  timeline.setWindow(start + move[0] * width, end + move[1] * width, {animation: false});
  var range2 = timeline.getWindow();
  state.from = Math.round(range2.start.valueOf() / MINUTE);
  state.to = Math.round(range2.end.valueOf() / MINUTE);
  update();
}

/** Select the next (or previous) event in view, in date order, and open its details without leaving the timeline. */
function stepEvent(by) {
  var shown = page.shown || [], at = state.event === null ? -1 : shown.indexOf(V.eventIndex[state.event]);
  var next = shown[Math.min(Math.max(at + by, 0), shown.length - 1)];
  if (next !== undefined) showEvent(next, false);
}

/** Steps of the time row, the finest first: [unit, how many of it]. One step for the whole row, from the period the
 *  window opens in: every label the same number of days, weeks, months or years after the one before (judged round
 *  16: "Feb 2025" followed by "Apr", and "Feb 2025 · Jul · Oct" on a phone: the tick after the wider first label left
 *  out, a gap in the row). */
var AXIS_STEPS = [["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 2], ["month", 3], ["month", 6],
                  ["year", 1], ["year", 2], ["year", 5], ["year", 10]];
/** Pixels between a label's words and the next tick's line, at least. */
var AXIS_AIR = 10;

/** The time row above the timeline: the page's own (vis-timeline's scrolls away with its panel), sticky at the top
 *  of the screen while the lanes scroll by; a tick at each step (AXIS_STEPS: the finest whose labels all fit). */
function drawAxis() {
  var axis = $("axis"), center = document.querySelector("#timeline .vis-panel.vis-center");
  if (!center || !timeline) return;
  var range = timeline.getWindow(), lo = range.start.valueOf() / MINUTE, hi = range.end.valueOf() / MINUTE;
  var left = center.getBoundingClientRect().left - axis.getBoundingClientRect().left, width = center.clientWidth;
  var key = [Math.round(lo), Math.round(hi), Math.round(left), width].join(":");
  if (axis.dataset.key === key) return;
  axis.dataset.key = key;
  axis.textContent = "";
  var ticks = null;
  for (var s = 0; s < AXIS_STEPS.length && !ticks; s++) ticks = axisTicks(lo, hi, width, AXIS_STEPS[s], s === AXIS_STEPS.length - 1);
  ticks.forEach(function (tick) {
    var span = el("span", tick.words, {"class": "tick"});
    span.style.left = Math.round(left + tick.x) + "px";
    axis.appendChild(span);
  });
  axis.style.setProperty("--lanes", left + "px");
}

/** The ticks of the window lo..hi (minutes) ``width`` pixels wide at ``step`` (an AXIS_STEPS entry): [{x, words}], or
 *  null if a label would run into the next one's tick (unless ``last``: then those that fit). The first names the
 *  period the window opens in, at its left edge, with its year (judged round 10: Feb's events drawn left of a first
 *  label "Mar 2025"); a month or longer is named by the record's first date when the window opens in the padding
 *  before it (judged round 13: "Jan 2025" at the left edge of a record that begins on 12 February); a label in a year
 *  other than the one before it says its year too. A label that would end past the right edge is left out. */
function axisTicks(lo, hi, width, step, last) {
  var unit = step[0], scale = width / Math.max(hi - lo, 1);
  var least = {day: DAY, month: 28 * DAY, year: 365 * DAY}[unit] * step[1] * scale;
  if (!last && least < textWidth(unit === "year" ? "2000" : "May") + 4 + AXIS_AIR) return null;   // too narrow at once
  var opening = unit === "day" ? lo : Math.max(lo, Math.min(datedSpan()[0], hi - 1));
  var at = periodStart(new Date(opening * MINUTE), unit), ticks = [], free = -Infinity, year = null;
  for (var n = 0; n < 400; n++, at = stepOn(at, step)) {
    var x = Math.max((at.valueOf() / MINUTE - lo) * scale, 0);
    if (x >= width) break;
    var words = tickWords(at, unit, at.getUTCFullYear() !== year);
    if (x < free) { if (last) continue; return null; }
    if (x + textWidth(words) + 8 > width) break;
    ticks.push({x: x, words: words});
    free = x + 4 + textWidth(words) + AXIS_AIR;
    year = at.getUTCFullYear();
  }
  return ticks;
}

/** A tick's label: a day and month ("5 Feb"), a month ("Feb") or a year; with the year if ``withYear``. */
function tickWords(date, unit, withYear) {
  var month = MONTHS[date.getUTCMonth()].slice(0, 3), year = String(date.getUTCFullYear());
  if (unit === "year") return year;
  var words = unit === "day" ? date.getUTCDate() + " " + month : month;
  return withYear ? words + " " + year : words;
}

/** The start of the day, month or year ``date`` lies in. */
function periodStart(date, unit) {
  var y = date.getUTCFullYear(), m = date.getUTCMonth();
  return unit === "year" ? new Date(Date.UTC(y, 0, 1)) : unit === "month" ? new Date(Date.UTC(y, m, 1))
    : new Date(Date.UTC(y, m, date.getUTCDate()));
}

/** ``date`` moved on by ``step`` (an AXIS_STEPS entry). */
function stepOn(date, step) {
  var y = date.getUTCFullYear(), m = date.getUTCMonth(), by = step[1];
  if (step[0] === "year") return new Date(Date.UTC(y + by, 0, 1));
  if (step[0] === "month") return new Date(Date.UTC(y, m + by, 1));
  return new Date(Date.UTC(y, m, date.getUTCDate() + by));
}

function fitWindow() {
  var span = dataSpan();
  state.from = state.to = null;
  timeline.setWindow(span[0], span[1], {animation: false});
  update();
}

/** An event as a timeline item: its mark (a dot for a day or less, a bar for a span) and, if it has room,
 *  its label beside it. The item covers mark and label, so vis-timeline's stacking keeps labels apart. */
function itemOf(i, labelled, scale, edges) {
  var e = D.events[i], type = V.types[e.ty], status = V.statuses[e.st];
  var span = e.e - e.s > DAY && !e.o;
  var classes = ["ev", "st-" + e.st, "ty-" + e.ty, span ? "span" : "dot"];
  if (e.o) classes.push("open-" + e.o);
  if (e.x) classes.push("draft");
  var at = placement(e, scale, edges[0] / MINUTE, edges[1] / MINUTE, labelled);
  if (at.side === "inside" || at.side === "clip" || at.side === "wrap") classes.push("inside");
  if (at.side === "clip" || at.side === "wrap") classes.push("clip");
  if (at.side === "wrap") classes.push("wrap");   // the whole label, on lines, inside its bar
  if (at.lines) classes.push("lines");            // the whole label, on two lines, beside its bar
  if (at.side === "left") classes.push("label-left");
  var label = at.side ? labelOf(e) : "", markPx = at.mark, start = (at.box[0] / scale) + edges[0] / MINUTE;
  var end = (at.box[1] / scale) + edges[0] / MINUTE;
  return {id: i, group: e.ln, className: classes.join(" "), type: "range", start: start * MINUTE, end: end * MINUTE,
          label: label, markPx: markPx, within: at.within, lines: at.lines, shape: span ? null : type.shape, open: e.o, hint: e.ti + " · " + e.d + " · " + type.label + " · " + status.label, content: ""};
}

/** A bar at least this wide on screen (pixels) always carries its label inside, cut short if it must be (the whole
 *  title is in its tooltip, the list and its details): a long bar is never left unnamed. */
var CLIPPED_FROM = 40;
/** Lines a long bar's label may take beside it, whole, rather than be cut; and the room a label set on lines takes
 *  over its width on one line (for the words that do not break where the line would). */
var MOST_LINES = 3, LINES_SLACK = 1.2;

/** Where an event's mark and label go in the window lo..hi (minutes) at ``scale`` pixels a minute, in pixels
 *  from the window's left edge: ``mark`` (its width), ``box`` (mark and label) and ``side`` of the label (``after``,
 *  ``left`` near the right edge, ``inside`` a wide bar, or null: no label, or no room for it inside the window).
 *  A long bar whose label has no room on one line keeps it whole if it can: on two lines inside the bar (``wrap``),
 *  else on up to MOST_LINES lines ``lines`` pixels wide beside it (``after`` or ``left``); else cut short inside it (``clip``;
 *  judged round 9: a phone read "Canc…"). On paper, where nothing can be zoomed, a label is never cut: up to
 *  MOST_LINES lines inside, else beside, else inside on as many lines as it needs.
 *  A bar is cut a window's width beyond each edge, as vis-timeline cuts its box, so that the label stays put. */
function placement(e, scale, lo, hi, labelled) {
  var span = e.e - e.s > DAY && !e.o, width = (hi - lo) * scale, open = e.o ? openWidth(labelled) : 0;
  var x0 = span ? (e.s - lo) * scale : ((e.s + e.e) / 2 - lo) * scale - DOT / 2, x1 = span ? (e.e - lo) * scale : x0 + DOT;
  if (e.o === "start") x0 -= open;   // "by": the arrow and word before the mark, pointing back in time
  if (e.o === "end") x1 += open;     // "from": after it, pointing on
  x0 = Math.max(x0, -0.9 * width);
  x1 = Math.max(Math.min(x1, 1.9 * width), x0);
  var mark = Math.max(x1 - x0, span ? 3 : DOT), need = labelled ? textWidth(labelOf(e)) + 6 : 0, side = null, lines = null;
  if (labelled && span && !e.o && x0 >= 0 && mark >= need + 8 && x0 + need <= width) side = "inside";
  else if (labelled && x0 + mark >= 0 && x0 + mark + need <= width) side = "after";
  else if (labelled && x0 - need >= 0 && x0 + mark <= width) side = "left";
  else if (span && !e.o && Math.min(x0 + mark, width) - Math.max(x0, 0) >= CLIPPED_FROM) {   // long bar: named
    var whole = textWidth(labelOf(e)) * LINES_SLACK + 6, after = width - x0 - mark - 4, before = x0 - 4;
    var room = Math.min(x0 + mark, width) - Math.max(x0, 0) - 18;   // inside the bar, less the label's padding
    var free = x0 + mark <= width ? Math.max(after, before) : after;
    if (room * (page.printing ? MOST_LINES : 2) >= whole) side = "wrap";
    else if (free * MOST_LINES >= whole && x0 + mark >= 0) {
      side = free === after ? "after" : "left";
      lines = Math.ceil(whole / Math.ceil(whole / free));
    } else side = page.printing ? "wrap" : "clip";   // on paper, where nothing can be zoomed, on as many lines as it needs
    // (judged round 11: on paper a 50-pixel bar held its label one word a line, 11 lines, with room beside it)
  }
  var beside = lines ? lines + 4 : need;
  var box = side === "after" ? [x0, x0 + mark + beside] : side === "left" ? [x0 - beside, x0 + mark] : [x0, x0 + mark];
  // a label inside its bar sits in the part of the bar inside the window: [pixels from its left end, from its right end]
  var within = side === "clip" || side === "wrap" ? [Math.max(-x0, 0) + 5, Math.max(x0 + mark - width, 0) + 5] : null;
  return {mark: mark, box: box, side: side, within: within, lines: lines};
}

/** An event's label: its title, and the status in words unless it occurred (planned, proposed...); a status the
 *  chart fades (cancelled, postponed: marks.STATUS_WORDS) comes first, so that a label cut short still says it:
 *  "Cancelled: A second …". */
function labelOf(e) {
  var status = V.statuses[e.st];
  if (status.alpha < 1) return status.label + ": " + e.ti;
  return status.id === "occurred" ? e.ti : e.ti + " (" + status.label.toLowerCase() + ")";
}

/** The width of an open date's arrow and word ("← by", "from →") beside its mark; of its arrow alone, unlabelled. */
function openWidth(labelled) { return textWidth(labelled ? "← by" : "←") + 4; }

/** The width of a label in pixels, in the timeline's font. */
function textWidth(text) {
  var known = textWidth.known || (textWidth.known = new Map());
  if (!known.has(text)) {
    var context = textWidth.context;
    if (!context) {
      context = textWidth.context = document.createElement("canvas").getContext("2d");
      context.font = LABEL_FONT + " " + getComputedStyle($("timeline")).fontFamily;
    }
    known.set(text, Math.ceil(context.measureText(text).width));
  }
  return known.get(text);
}

/** Pixels per minute in the window from..to (minutes), over the timeline's drawing width. */
function pxPerMinute(from, to) {
  var span = dataSpan(), lo = from === null ? span[0] / MINUTE : from, hi = to === null ? span[1] / MINUTE : to;
  var width = timeline && timeline.body ? timeline.body.domProps.center.width : $("timeline").clientWidth * 0.85;
  page.laidOutFor = width;
  return Math.max(width, 100) / Math.max(hi - lo, 1);
}

/** Which of the shown events get a label. Events are placed, the most telling first (the chosen event, then
 *  most actors, meetings and agreements, held), into rows of their lane as vis-timeline stacks them; an event is
 *  labelled if its mark and label fit in one of the lane's first labelRows() rows, and only if the label fits
 *  inside the window, so no label is ever cut. The others are drawn as marks (named by their tooltip and the list). */
function labelledEvents(shown, scale, from, to) {
  var rows = {}, chosen = {rank: {}}, most = labelRows();
  var weight = function (i) {
    var e = D.events[i];
    return e.all.length + (V.types[e.ty].symmetric ? 3 : 0) + (V.statuses[e.st].held ? 2 : 0) + (e.e - e.s > DAY ? 1 : 0);
  };
  var ranked = shown.slice().sort(function (a, b) { return weight(b) - weight(a) || a - b; });
  ranked.forEach(function (i, rank) { chosen.rank[i] = rank; });   // never by the selection: rows stay put on a click
  var free = function (row, x0, x1) { return row.every(function (r) { return x1 + 4 <= r[0] || x0 >= r[1] + 4; }); };
  ranked.forEach(function (i) {
    var e = D.events[i], lane = rows[e.ln] || (rows[e.ln] = []), at = placement(e, scale, from, to, true);
    if (at.side) {
      for (var r = 0; r < most; r++) {
        if (!lane[r]) lane[r] = [];
        if (free(lane[r], at.box[0], at.box[1])) { lane[r].push(at.box); chosen[i] = true; return; }
      }
    }
    var mark = placement(e, scale, from, to, false).box;
    for (var k = 0; ; k++) {   // a mark alone goes in the first row with room
      if (!lane[k]) lane[k] = [];
      if (free(lane[k], mark[0], mark[1])) { lane[k].push(mark); return; }
    }
  });
  return chosen;
}

/** Rows of labels a lane may stack: fewer on a phone, where the lanes scroll in a box a screen high. */
function labelRows() { return phone() ? 12 : 24; }

/** Is the page on a phone's width (where the list of events by month stands for the timeline)? */
function phone() { return window.matchMedia("screen and (max-width: 760px)").matches; }

/** The timeline's items: each visible event in the window, or, past DETAIL_LIMIT, counts per lane and period. */
function timelineItems(visible, from, to) {
  var shown = [];
  V.order.forEach(function (i) { if (visible[i] && inPeriod(D.events[i], from, to)) shown.push(i); });
  var counting = shown.length > DETAIL_LIMIT, list, labelled = 0;
  if (counting) list = aggregate(shown, from, to);
  else {
    var span = dataSpan(), lo = from === null ? span[0] / MINUTE : from, hi = to === null ? span[1] / MINUTE : to;
    var scale = pxPerMinute(lo, hi), drawn = page.printing ? placeable(shown, lo, hi) : shown;
    var chosen = labelledEvents(drawn, scale, lo, hi);
    list = drawn.map(function (i) {
      var item = itemOf(i, chosen[i], scale, [lo * MINUTE, hi * MINUTE]);
      if (item.label) labelled++;   // a long bar's cut label too
      item.rank = chosen.rank[i];   // vis-timeline stacks in this order, as labelledEvents placed them
      return item;
    });
  }
  return {shown: shown, list: list, mode: counting ? "counts" : "events", labelled: labelled,
          key: list.map(function (item) {
            return item.id + ":" + Math.round(item.start / MINUTE) + ":" + item.label.length + (/ wrap/.test(item.className) ? "w" : "") + (item.lines || "");
          }).join(",")};
}

/** On paper, the ``shown`` events a date does not place on the axis ``lo``..``hi`` (minutes) left out, as the timeline
 *  image leaves them out (D.coarse: a closed date wider than its share of the axis and its days, "2025" on a chart of
 *  2025), and named in a note in the image's words; on screen, where the reader zooms, every one is drawn. */
function placeable(shown, lo, hi) {
  var wide = Math.max(D.coarse.share * (hi - lo), D.coarse.days * DAY), left = [];
  var kept = shown.filter(function (i) {
    var e = D.events[i], vague = !e.o && e.e - e.s > wide;
    if (vague) left.push(e);
    return !vague;
  });
  var words = left.slice(0, 3).map(function (e) {
    var status = V.statuses[e.st].id, when = "some time in " + e.d;
    return e.ti + " (" + (status === "occurred" ? when : status.replace(/_/g, " ") + " for " + when) + ")";
  });
  var note = $("coarse-note");
  note.textContent = left.length ? "Not drawn, dated too vaguely for this axis: " + words.join("; ") +
    (left.length > 3 ? "; and " + (left.length - 3) + " more" : "") + "." : "";
  note.hidden = !left.length;
  return kept;
}

function drawTimeline(visible, from, to) {
  if (!page.printing) $("coarse-note").hidden = true;
  var next = timelineItems(visible, from, to);
  page.shown = next.shown;
  page.mode = next.mode;
  page.labelled = next.labelled;
  say(next.mode === "counts"
    ? plural(next.shown.length, "event") + " in this period: the timeline counts them per lane; zoom in (or filter) to see each one."
    : !next.shown.length ? "No event matches in this period; loosen the filters or widen the period."
    : next.labelled < next.shown.length ? plural(next.shown.length - next.labelled, "event") + " of " + next.shown.length +
      " drawn without a label for room: " + (phone() ? "pinch to zoom in, or open the List tab." : "zoom in to label them, or read the list of events below.") : "");
  if (next.key !== page.itemsKey) {   // each redraw of vis-timeline measures the page: only when something changed
    if (timeline.stacked !== (next.mode === "events")) {   // counts sit side by side in their lane
      timeline.stacked = next.mode === "events";
      timeline.setOptions({stack: timeline.stacked});
    }
    items.clear();
    items.add(next.list);
    page.itemsKey = next.key;
    var chosen = state.event === null ? undefined : V.eventIndex[state.event];
    if (chosen !== undefined && items.get(chosen)) timeline.setSelection([chosen]);   // a redraw keeps the selection
  }
  markLinked();
  return next.shown;
}

function aggregate(shown, from, to) {
  var lo = from === null ? dataSpan()[0] / MINUTE : from, hi = to === null ? dataSpan()[1] / MINUTE : to;
  var steps = [DAY, 7 * DAY, 30.4375 * DAY, 91.3125 * DAY, 365.25 * DAY, 3652.5 * DAY];
  var most = phone() ? PHONE_BUCKETS : BUCKETS;
  var step = steps.find(function (s) { return (hi - lo) / s <= most; }) || steps[steps.length - 1];
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
