// Warta's page: plain JavaScript, no libraries, no network beyond this server.
// Untrusted article text is only ever put in the page with textContent / text nodes:
// nothing from an article is parsed as HTML.
"use strict";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function api(path, options) {
  const resp = await fetch(path, options);
  let body = null;
  try { body = await resp.json(); } catch (e) { body = null; }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${resp.status}`;
    const err = new Error(msg);
    err.status = resp.status;
    err.code = body && body.error ? body.error.code : null;
    throw err;
  }
  return body;
}

// ---- PLOVER badges -------------------------------------------------------------------
const COOPERATIVE = new Set(["AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);
const VERBAL = new Set(["CONSULT", "REQUEST"]);
function badge(type, mode) {
  const cls = COOPERATIVE.has(type) ? "coop" : VERBAL.has(type) ? "talk" : "conf";
  return el("span", { class: `badge ${cls}`, title: "PLOVER event type" }, type + (mode ? "/" + mode : ""));
}

function actorLink(actor) {
  if (!actor) return el("span", { class: "muted" }, "—");
  const label = actor.name + (actor.country || actor.sector
    ? ` (${[actor.country, actor.sector].filter(Boolean).join(", ")})` : "");
  if (actor.actor_id) return el("a", { href: "#/actor/" + encodeURIComponent(actor.actor_id) }, label);
  return el("span", {}, label);
}

function eventItem(ev) {
  const date = ev.date ? ev.date + (ev.date_source === "report" ? " (report date)" : "") : "undated";
  const li = el("li", { class: "event" }, badge(ev.type, ev.mode), actorLink(ev.source), " → ",
    actorLink(ev.target), ", " + date);
  if (ev.modality && ev.modality !== "asserted") li.append(el("span", { class: "modality" }, ev.modality));
  if (ev.mentions && ev.mentions > 1) li.append(el("span", { class: "modality" }, `${ev.mentions} reports`));
  if (ev.evidence) li.append(el("div", { class: "evidence-text" }, "“" + ev.evidence + "”"));
  return li;
}

function quoteItem(q) {
  const who = q.speaker_id
    ? el("a", { class: "speaker", href: "#/actor/" + encodeURIComponent(q.speaker_id) }, q.speaker)
    : el("span", { class: "speaker" }, q.speaker || "unattributed");
  const li = el("li", {}, who, el("span", { class: "modality" }, q.kind || ""), ": ",
    el("span", { class: "quote" }, "“" + q.text + "”"));
  if (q.article_id) li.append(" ", el("a", { href: "#/article/" + encodeURIComponent(q.article_id) }, "article"));
  return li;
}

// ---- the marked text -----------------------------------------------------------------
function markedText(result) {
  const text = result.text || "";
  const spans = [];
  for (const q of result.quotes || []) if (q.end > q.start) spans.push({ s: q.start, e: q.end, kind: "quote", q });
  for (const d of result.dates || []) if (d.end > d.start) spans.push({ s: d.start, e: d.end, kind: "date", d });
  for (const en of result.entities || []) if (en.end > en.start) spans.push({ s: en.start, e: en.end, kind: "ent", en });
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(Math.max(0, sp.s)); cuts.add(Math.min(text.length, sp.e)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "marked", id: "marked" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = spans.filter((sp) => sp.s <= a && sp.e >= b);
    let node = document.createTextNode(piece);
    const ent = cover.find((sp) => sp.kind === "ent");
    const date = cover.find((sp) => sp.kind === "date");
    const quote = cover.find((sp) => sp.kind === "quote");
    if (date) node = el("span", { class: "date", title: "→ " + date.d.value }, node);
    if (ent) {
      const e = ent.en;
      const title = `${e.label}: ${e.canonical}${e.country ? " (" + e.country + ")" : ""}`;
      node = e.actor_id
        ? el("a", { class: "ent " + e.label, href: "#/actor/" + encodeURIComponent(e.actor_id), title }, node)
        : el("span", { class: "ent " + e.label, title }, node);
    }
    if (quote) node = el("span", { class: "quote", title: "said by " + (quote.q.speaker || "unattributed") }, node);
    box.append(node);
  }
  return box;
}

function flagsPanel(result) {
  const flags = result.flags || [];
  const score = (result.trust && result.trust.stale_score) || 0;
  const panel = el("div", { class: "panel flags " + (flags.length ? "raised" : "clean"), id: "flags" });
  panel.append(el("h3", {}, "Trust: stale-news score ", el("span", { class: "score" }, score.toFixed(2)),
    flags.length ? ` — ${flags.length} flag${flags.length > 1 ? "s" : ""}` : " — no flags raised"));
  for (const f of flags) {
    const row = el("div", { class: "flag" }, el("span", { class: "kind" }, f.kind),
      ` (${(f.confidence || 0).toFixed(2)}): `, f.message);
    const ev = Object.entries(f.evidence || {}).filter(([k]) => k !== "start" && k !== "end")
      .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join(" · ");
    if (ev) row.append(el("div", { class: "evidence" }, ev));
    panel.append(row);
  }
  return panel;
}

function parseIso(value) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

function datesTimeline(result) {
  const items = (result.dates || []).map((d) => ({ d, t: parseIso(d.value) })).filter((x) => x.t !== null);
  const box = el("div", { class: "timeline", id: "timeline" });
  if (!items.length) { box.append(el("p", { class: "hint" }, "No time expressions found.")); return box; }
  const pub = parseIso(result.published);
  const ts = items.map((x) => x.t).concat(pub !== null ? [pub] : []);
  let lo = Math.min(...ts), hi = Math.max(...ts);
  if (hi === lo) { lo -= 86400000 * 3; hi += 86400000 * 3; }
  const W = 900, H = 60 + items.length * 18, X = (t) => 20 + ((t - lo) / (hi - lo)) * (W - 200);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "time expressions on a timeline" });
  root.append(svg("line", { x1: 20, y1: 30, x2: W - 180, y2: 30, stroke: "#999" }));
  if (pub !== null) {
    root.append(svg("line", { x1: X(pub), y1: 15, x2: X(pub), y2: H - 5, stroke: "#1d4e89", "stroke-dasharray": "4 3" }));
    root.append(svg("text", { x: X(pub) + 3, y: 12, "font-size": 11, fill: "#1d4e89" }, "published " + result.published));
  }
  items.forEach((x, i) => {
    const y = 50 + i * 18;
    root.append(svg("circle", { cx: X(x.t), cy: 30, r: 5, fill: "#b26a00" }));
    root.append(svg("line", { x1: X(x.t), y1: 30, x2: X(x.t), y2: y - 4, stroke: "#e0c090" }));
    root.append(svg("text", { x: X(x.t) + 4, y, "font-size": 11 }, `${x.d.text} → ${x.d.value}`));
  });
  box.append(root);
  return box;
}

function entitiesTable(result) {
  const table = el("table", { class: "grid", id: "entities" });
  table.append(el("thead", {}, el("tr", {}, ...["mention", "type", "canonical", "country", "role"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  const seen = new Set();
  for (const e of result.entities || []) {
    const key = e.canonical + "|" + e.label;
    if (seen.has(key)) continue;
    seen.add(key);
    const canon = e.actor_id ? el("a", { href: "#/actor/" + encodeURIComponent(e.actor_id) }, e.canonical) : e.canonical;
    body.append(el("tr", {}, el("td", {}, e.text), el("td", {}, e.label), el("td", {}, canon),
      el("td", {}, e.country || ""), el("td", {}, (e.role && e.role.text) || "")));
  }
  table.append(body);
  return table;
}

function renderAnalysis(container, result) {
  clear(container);
  container.append(flagsPanel(result));
  container.append(el("div", { class: "meta", id: "check-meta" },
    `${result.title ? result.title + " · " : ""}language ${result.lang} · published ${result.published || "unknown"}` +
    (result.published_source && result.published ? ` (from ${result.published_source})` : "") +
    (result.fixes && result.fixes.length ? ` · repaired: ${result.fixes.join(", ")}` : "")));
  container.append(el("h2", {}, "Text"));
  container.append(el("div", { class: "legend" }, el("span", { class: "ent PERSON" }, "person"),
    el("span", { class: "ent ORG" }, "organisation"), el("span", { class: "ent PLACE" }, "place"),
    el("span", { class: "date" }, "date"), el("span", { class: "quote" }, "quote")));
  container.append(markedText(result));
  container.append(el("h2", {}, `Events (${(result.events || []).length})`));
  container.append(el("ul", { class: "events", id: "events" }, ...(result.events || []).map(eventItem)));
  container.append(el("h2", {}, `Quotes (${(result.quotes || []).length})`));
  container.append(el("ul", { class: "quotes", id: "quotes" }, ...(result.quotes || []).map(quoteItem)));
  container.append(el("h2", {}, `Dates (${(result.dates || []).length})`));
  container.append(datesTimeline(result));
  container.append(el("h2", {}, "Entities"));
  container.append(entitiesTable(result));
  container.hidden = false;
}

// ---- check view ----------------------------------------------------------------------
let uploaded = null;  // {kind: "html"|"text", content}

function setupCheck() {
  $("#check-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) { uploaded = null; return; }
    const content = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || /^\s*</.test(content);
    uploaded = { kind: isHtml ? "html" : "text", content };
    $("#check-text").value = isHtml ? "" : content;
    $("#check-text").placeholder = isHtml ? `(uploaded ${file.name}; its main text will be extracted)` : "";
  });
  $("#check-text").addEventListener("input", () => { uploaded = null; });
  $("#check-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = {};
    if (uploaded && uploaded.kind === "html") body.html = uploaded.content;
    else body.text = $("#check-text").value;
    if ($("#check-published").value) body.published = $("#check-published").value;
    if ($("#check-lang").value) body.lang = $("#check-lang").value;
    const err = $("#check-error");
    err.hidden = true;
    $("#check-submit").disabled = true;
    try {
      const result = await api("/api/analyze", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify(body) });
      renderAnalysis($("#check-result"), result);
    } catch (e) {
      err.textContent = e.message;
      err.hidden = false;
      $("#check-result").hidden = true;
    } finally {
      $("#check-submit").disabled = false;
    }
  });
}

// ---- corpus view ---------------------------------------------------------------------
function filters() {
  const p = new URLSearchParams();
  if ($("#f-from").value) p.set("from", $("#f-from").value);
  if ($("#f-to").value) p.set("to", $("#f-to").value);
  if ($("#f-country").value) p.set("country", $("#f-country").value.toUpperCase());
  return p;
}

function stackedChart(data) {
  const box = clear($("#chart"));
  if (!data.series.length) { box.append(el("p", { class: "hint" }, "No events in this range.")); return; }
  const W = 900, H = 260, pad = 30;
  const totals = data.series.map((s) => Object.values(s.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = (W - 2 * pad) / data.series.length;
  const colors = {};
  data.types.forEach((t, i) => { colors[t] = `hsl(${(i * 360) / Math.max(1, data.types.length)}, 55%, 50%)`; });
  const root = svg("svg", { viewBox: `0 0 ${W} ${H + 40}`, role: "img", "aria-label": "events over time by type" });
  data.series.forEach((s, i) => {
    let y = H;
    for (const t of data.types) {
      const n = s.counts[t] || 0;
      if (!n) continue;
      const h = (n / max) * (H - pad);
      y -= h;
      const r = svg("rect", { x: pad + i * bw, y, width: Math.max(1, bw - 2), height: h, fill: colors[t] });
      r.append(svg("title", {}, `${s.date} ${t}: ${n}`));
      root.append(r);
    }
    if (i % Math.ceil(data.series.length / 10) === 0)
      root.append(svg("text", { x: pad + i * bw, y: H + 14, "font-size": 10 }, s.date));
  });
  data.types.forEach((t, i) => {
    root.append(svg("rect", { x: pad + (i % 8) * 110, y: H + 22 + Math.floor(i / 8) * 12, width: 9, height: 9, fill: colors[t] }));
    root.append(svg("text", { x: pad + (i % 8) * 110 + 12, y: H + 30 + Math.floor(i / 8) * 12, "font-size": 10 }, t));
  });
  box.append(root);
}

function network(net) {
  const box = clear($("#network"));
  if (!net.nodes.length) { box.append(el("p", { class: "hint" }, "No interactions yet.")); return; }
  const W = 900, H = 520, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 80;
  const pos = {};
  net.nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / net.nodes.length;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a)];
  });
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  root.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: "auto" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8aa" }))));
  for (const e of net.edges) {
    const [x1, y1] = pos[e.source] || [0, 0], [x2, y2] = pos[e.target] || [0, 0];
    const line = svg("line", { x1, y1, x2, y2, stroke: "#8aa", "stroke-width": 1 + (4 * e.weight) / maxW,
      "marker-end": "url(#arrow)", opacity: 0.7 });
    line.append(svg("title", {}, `${e.source_name} → ${e.target_name}: ${e.weight} events`));
    root.append(line);
  }
  for (const n of net.nodes) {
    const [x, y] = pos[n.id];
    const g = svg("a", { href: n.actor_id ? "#/actor/" + encodeURIComponent(n.actor_id) : "#/corpus" });
    g.append(svg("circle", { cx: x, cy: y, r: 6 + Math.min(10, n.events), fill: "#1d4e89" }));
    g.append(svg("text", { x: x + 10, y: y + 4, "font-size": 11 }, n.name));
    root.append(g);
  }
  box.append(root);
}

async function loadCorpus() {
  const p = filters();
  try {
    const [timeline, top] = await Promise.all([api("/api/stats/timeline?" + p), api("/api/stats/top?" + p)]);
    $("#corpus-nodb").hidden = true;
    stackedChart(timeline);
    clear($("#top-actors")).append(...top.actors.map((a) => el("li", {}, actorLink(a), ` — ${a.events} events`)));
    clear($("#top-dyads")).append(...top.dyads.map((d) => el("li", {}, actorLink(d.source), " → ", actorLink(d.target), ` — ${d.events}`)));
    network(top.network);
    const arts = await api("/api/articles?limit=20&" + p);
    clear($("#article-list")).append(...arts.items.map((a) => el("li", {},
      el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id),
      el("span", { class: "modality" }, `${a.published || "undated"} · ${a.lang} · stale ${(a.stale_score || 0).toFixed(2)}`))));
  } catch (e) {
    if (e.status === 503) { $("#corpus-nodb").hidden = false; return; }
    $("#status").textContent = e.message;
  }
}

function setupCorpus() {
  $("#corpus-filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadCorpus(); });
  $("#quote-search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if ($("#q-speaker").value) p.set("speaker", $("#q-speaker").value);
    if ($("#q-words").value) p.set("q", $("#q-words").value);
    try {
      const res = await api("/api/quotes?" + p);
      clear($("#quote-results")).append(...res.items.map(quoteItem));
      if (!res.items.length) $("#quote-results").append(el("li", {}, "No quotes found."));
    } catch (e) { $("#status").textContent = e.message; }
  });
}

// ---- actor and article views ------------------------------------------------------------
function rolesChart(roles) {
  const box = clear($("#actor-roles"));
  if (!roles.length) { box.append(el("p", { class: "hint" }, "No dated roles known.")); return; }
  const now = Date.now();
  const spans = roles.map((r) => ({ r, a: parseIso(r.start) || now, b: r.end ? parseIso(r.end) : now }));
  const lo = Math.min(...spans.map((s) => s.a)), hi = Math.max(...spans.map((s) => s.b));
  const W = 900, H = 30 + spans.length * 26, X = (t) => 10 + ((t - lo) / Math.max(1, hi - lo)) * (W - 320);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "roles over time" });
  spans.forEach((s, i) => {
    const y = 10 + i * 26;
    root.append(svg("rect", { x: X(s.a), y, width: Math.max(3, X(s.b) - X(s.a)), height: 16, fill: "#0e7c86", rx: 3 }));
    root.append(svg("text", { x: X(s.b) + 6, y: y + 12, "font-size": 11 },
      `${s.r.title || s.r.role}${s.r.country ? " (" + s.r.country + ")" : ""}: ${s.r.start || "?"} – ${s.r.end || "now"}`));
  });
  box.append(root);
}

async function showActor(id) {
  try {
    const a = await api("/api/actors/" + encodeURIComponent(id));
    $("#actor-name").textContent = a.actor.name;
    $("#actor-meta").textContent = [a.actor.label, a.actor.country, a.actor.sector,
      a.actor.aliases && a.actor.aliases.length ? "also: " + a.actor.aliases.slice(0, 8).join(", ") : ""]
      .filter(Boolean).join(" · ");
    rolesChart(a.roles || []);
    clear($("#actor-source")).append(...(a.events_as_source || []).map(eventItem));
    clear($("#actor-target")).append(...(a.events_as_target || []).map(eventItem));
    clear($("#actor-quotes")).append(...(a.quotes || []).map(quoteItem));
  } catch (e) {
    $("#actor-name").textContent = "Actor not found";
    $("#actor-meta").textContent = e.message;
  }
}

async function showArticle(id) {
  const box = $("#article-body");
  try {
    renderAnalysis(box, await api("/api/articles/" + encodeURIComponent(id)));
  } catch (e) {
    clear(box).append(el("div", { class: "error" }, e.message));
  }
}

// ---- routing -------------------------------------------------------------------------
function route() {
  const hash = location.hash || "#/check";
  const [, view, arg] = /^#\/([a-z]+)\/?(.*)$/.exec(hash) || [null, "check", ""];
  for (const sec of document.querySelectorAll(".view")) sec.hidden = sec.id !== "view-" + view;
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.view === view);
  if (view === "corpus") loadCorpus();
  if (view === "actor") showActor(decodeURIComponent(arg));
  if (view === "article") showArticle(decodeURIComponent(arg));
}

document.addEventListener("DOMContentLoaded", () => {
  setupCheck();
  setupCorpus();
  window.addEventListener("hashchange", route);
  route();
  api("/api/health").then((h) => { $("#status").textContent = h.database ? "corpus database open" : "no corpus database"; })
    .catch(() => {});
});
