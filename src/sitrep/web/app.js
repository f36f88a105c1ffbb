// sitrep's web view: a map, a timeline and a list of the stored events, and each event's article with
// its evidence and the words each field came from highlighted. No build step, no network but this server.
// Every piece of article or event text goes into the page through textContent, never as HTML.
"use strict";

const TYPES = {
  "Battles": "#c92a2a",
  "Explosions/Remote violence": "#e8590c",
  "Violence against civilians": "#862e9c",
  "Protests": "#1971c2",
  "Riots": "#2f9e44",
  "Strategic developments": "#495057",
};
const state = { events: [], selected: null, brush: null, truces: [] };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "style") node.setAttribute("style", v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function filters() {
  const form = new FormData(document.getElementById("filters"));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (String(v).trim()) params.set(k, String(v).trim());
  if (state.brush) { params.set("since", state.brush[0]); params.set("until", state.brush[1]); }
  return params;
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function setStatus(text) { document.getElementById("status").textContent = text; }

// --- map ---
// no tile layer, so the zoom range is ours to give (the cluster layer needs a maximum)
const map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 12 }).setView([20, 20], 2);
const clusters = L.markerClusterGroup({ maxClusterRadius: 30 });
map.addLayer(clusters);

async function drawCountries() {
  const world = await getJSON("/static/vendor/countries-110m.json");
  const shapes = topojson.feature(world, world.objects.countries);
  L.geoJSON(shapes, { style: { className: "country", color: "#9aa5b1", weight: 0.6, fillColor: "#fafafa", fillOpacity: 1 },
                      interactive: false }).addTo(map);
}

function violations() {
  return new Set(state.truces.flatMap((t) => t.violations.map((v) => v.event_id)));
}

function drawMarkers(events) {
  clusters.clearLayers();
  const points = [];
  for (const ev of events) {
    if (ev.latitude == null || ev.longitude == null) continue;
    const radius = 5 + 2.5 * Math.sqrt(ev.fatalities || 0);
    const breach = violations().has(ev.event_id_cnty);  // violence during a truce: a red ring
    const marker = L.circleMarker([ev.latitude, ev.longitude], {
      radius, color: breach ? "#e03131" : "#222", weight: breach ? 3 : 1, fillColor: TYPES[ev.event_type] || "#868e96",
      fillOpacity: 0.85, className: breach ? "event-marker violation" : "event-marker",
    });
    marker.bindTooltip(`${ev.event_date || "?"} ${ev.sub_event_type} (${ev.location || "?"})`);
    marker.on("click", () => select(ev.event_id_cnty));
    clusters.addLayer(marker);
    points.push([ev.latitude, ev.longitude]);
  }
  document.getElementById("map").dataset.markers = String(points.length);
  if (points.length) map.fitBounds(points, { maxZoom: 7, padding: [30, 30] });
}

// --- timeline: events per day stacked by type; drag across it to keep those days ---
const svgNS = "http://www.w3.org/2000/svg";
function svg(tag, attrs) {
  const node = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function drawTimeline(counts) {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const days = [...new Set(counts.map((c) => c.day))].filter((d) => d !== "unknown").sort();
  box.dataset.days = String(days.length);
  if (!days.length) return;
  const width = box.clientWidth || 600, height = box.clientHeight || 120, pad = 18;
  const step = (width - 2 * pad) / days.length;
  const totals = {};
  for (const c of counts) totals[c.day] = (totals[c.day] || 0) + c.events;
  const most = Math.max(...Object.values(totals));
  for (const t of state.truces) {  // truce windows shaded behind the bars
    if (!t.start) continue;
    const last = t.end || (t.during && t.during.end) || t.start;
    const inside = days.filter((d) => d >= t.start && d <= last);
    if (!inside.length) continue;
    const a = days.indexOf(inside[0]), b = days.indexOf(inside[inside.length - 1]);
    const shade = svg("rect", { x: pad + a * step, y: 0, width: (b - a + 1) * step, height: height - pad,
                                class: "truce", "data-start": t.start });
    const title = svg("title", {});
    title.textContent = `${t.kind} from ${t.start}${t.end ? " to " + t.end : ""}: ${t.parties.join(", ")}`;
    shade.append(title);
    box.append(shade);
  }
  const stacked = {};
  for (const c of counts) {
    if (c.day === "unknown") continue;
    const i = days.indexOf(c.day);
    const below = stacked[c.day] || 0;
    const h = ((height - 2 * pad) * c.events) / most;
    const bar = svg("rect", { x: pad + i * step + 1, y: height - pad - below - h, width: Math.max(step - 2, 1), height: h,
                              fill: TYPES[c.type] || "#868e96", class: "day-bar", "data-day": c.day });
    const title = svg("title", {});
    title.textContent = `${c.day}: ${c.events} ${c.type}`;
    bar.append(title);
    box.append(bar);
    stacked[c.day] = below + h;
  }
  for (const [i, d] of [[0, days[0]], [days.length - 1, days[days.length - 1]]]) {
    const label = svg("text", { x: pad + i * step, y: height - 4 });
    label.textContent = d;
    box.append(label);
  }
  let start = null;
  const dayAt = (x) => days[Math.min(days.length - 1, Math.max(0, Math.floor((x - pad) / step)))];
  box.onmousedown = (e) => { start = e.offsetX; };
  box.onmousemove = (e) => {
    if (start === null) return;
    box.querySelector(".brush")?.remove();
    box.append(svg("rect", { class: "brush", x: Math.min(start, e.offsetX), y: 2, width: Math.abs(e.offsetX - start),
                             height: height - 4 }));
  };
  box.onmouseup = (e) => {
    if (start === null) return;
    const [a, b] = [dayAt(Math.min(start, e.offsetX)), dayAt(Math.max(start, e.offsetX))];
    start = null;
    state.brush = [a, b];
    load(false);
  };
}

// --- list and detail ---
function drawList(events) {
  const list = document.getElementById("events");
  list.replaceChildren(...events.map((ev) => {
    const item = el("li", { "data-id": ev.event_id_cnty },
      el("span", { class: "dot", style: `background:${TYPES[ev.event_type] || "#868e96"}` }),
      el("strong", {}, ev.sub_event_type), " ", ev.location || "place unknown",
      el("div", { class: "meta" }, `${ev.event_date || "date unknown"} · ${[ev.actor1, ev.actor2].filter(Boolean).join(" vs ") || "actors unknown"}`
        + (ev.fatalities != null ? ` · ${ev.fatalities} killed` : "")));
    item.addEventListener("click", () => select(ev.event_id_cnty));
    return item;
  }));
}

// The article text with the event's mention spans, its evidence and each field's words marked.
function highlighted(text, ev) {
  const ranges = [];
  for (const m of ev.mentions || []) ranges.push([m.start, m.end, "mention"]);
  if (ev.evidence) ranges.push([ev.evidence.start, ev.evidence.end, "evidence"]);
  const spans = ranges.length ? ranges : [[0, text.length, "mention"]];
  const fields = {
    place: ev.location && ev.location.text, actor1: ev.actor1 && ev.actor1.text, actor2: ev.actor2 && ev.actor2.text,
    date: ev.date && ev.date.text, fatalities: ev.fatalities && ev.fatalities.text, trigger: ev.evidence && ev.evidence.trigger,
  };
  for (const [name, words] of Object.entries(fields)) {
    if (!words) continue;
    for (const [a, b] of spans) {
      const at = text.slice(a, b).indexOf(words);
      if (at >= 0) { ranges.push([a + at, a + at + words.length, `field ${name}`]); break; }
    }
  }
  const cuts = new Set([0, text.length]);
  for (const [a, b] of ranges) { cuts.add(Math.max(0, a)); cuts.add(Math.min(text.length, b)); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = el("div", { class: "text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = ranges.filter(([s, e]) => s <= a && b <= e).map((r) => r[2]);
    if (!covering.length) { out.append(document.createTextNode(piece)); continue; }
    let node = document.createTextNode(piece);
    for (const cls of covering) {
      const mark = el("mark", { class: cls });
      if (cls.startsWith("field ")) mark.title = cls.slice(6);
      mark.append(node);
      node = mark;
    }
    out.append(node);
  }
  return out;
}

async function select(id) {
  state.selected = id;
  for (const li of document.querySelectorAll("#events li")) li.classList.toggle("selected", li.dataset.id === id);
  const detail = document.getElementById("detail");
  try {
    const data = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const ev = data.event;
    const facts = el("dl", {});
    const add = (k, v) => { if (v != null && v !== "") facts.append(el("dt", {}, k), el("dd", {}, String(v))); };
    add("event", `${ev.event_type} / ${ev.sub_event_type} (${ev.status})`);
    add("date", ev.event_date);
    add("place", [ev.location, ev.admin1, ev.country].filter(Boolean).join(", "));
    add("actors", [ev.actor1, ev.actor2].filter(Boolean).join(" vs "));
    add("fatalities", ev.fatalities);
    add("sources", (ev.reports || []).map((r) => r.outlet).filter(Boolean).join(", "));
    detail.replaceChildren(el("h2", {}, `${ev.event_id_cnty}: ${ev.sub_event_type}`), facts);
    for (const told of data.told) {
      const a = told.article;
      detail.append(el("h3", {}, a.title || a.id), el("div", { class: "meta" }, [a.source, a.published].filter(Boolean).join(" · ")));
      for (const e of told.events) detail.append(highlighted(a.text || "", e));
    }
    detail.hidden = false;
    detail.scrollIntoView({ block: "nearest" });
  } catch (err) {
    detail.replaceChildren(el("p", {}, `Could not load ${id}: ${err.message}`));
    detail.hidden = false;
  }
}

async function load(fit = true) {
  const params = filters();
  setStatus("loading…");
  try {
    params.set("limit", "5000");
    const [page, counts] = await Promise.all([getJSON(`/api/events?${params}`), getJSON(`/api/counts?${params}`)]);
    state.events = page.events;
    drawMarkers(page.events);
    drawList(page.events);
    if (fit || !state.brush) drawTimeline(counts.day_type);
    const range = state.brush ? ` (${state.brush[0]} to ${state.brush[1]})` : "";
    setStatus(`${page.total} events${range}`);
  } catch (err) {
    setStatus(`error: ${err.message}`);
  }
}

function init() {
  const select = document.querySelector("select[name=type]");
  for (const t of Object.keys(TYPES)) select.append(el("option", { value: t }, t));
  const legend = document.getElementById("legend");
  for (const [t, c] of Object.entries(TYPES)) legend.append(el("span", { style: `--c:${c}` }, t));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); state.brush = null; load(); });
  document.getElementById("clear").addEventListener("click", () => {
    document.getElementById("filters").reset(); state.brush = null; load();
  });
  drawCountries().catch((err) => setStatus(`outlines: ${err.message}`));
  getJSON("/api/ceasefires").then((t) => { state.truces = t; }).catch(() => { state.truces = []; }).finally(() => load());
}

init();
