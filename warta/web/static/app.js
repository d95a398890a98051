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

// How each PLOVER type reads in a sentence: [past, base form].
const VERBS = {
  AGREE: ["agreed with", "agree with"], CONSULT: ["met or consulted", "meet or consult"],
  SUPPORT: ["supported", "support"], CONCEDE: ["made concessions to", "make concessions to"],
  COOPERATE: ["cooperated with", "cooperate with"], AID: ["gave aid to", "give aid to"],
  RETREAT: ["pulled back from", "pull back from"], REQUEST: ["made a request to", "make a request to"],
  ACCUSE: ["accused", "accuse"], REJECT: ["rejected", "reject"], THREATEN: ["threatened", "threaten"],
  PROTEST: ["protested against", "protest against"], SANCTION: ["sanctioned", "sanction"],
  MOBILIZE: ["mobilised against", "mobilise against"], COERCE: ["coerced", "coerce"],
  ASSAULT: ["attacked", "attack"],
};
const MODAL = { future: "will", hypothetical: "may", negated: "did not" };

function eventSentence(ev) {
  const [past, base] = VERBS[ev.type] || [ev.type.toLowerCase(), ev.type.toLowerCase()];
  const verb = MODAL[ev.modality] ? `${MODAL[ev.modality]} ${base}` : past;
  const span = el("span", { class: "sentence" });
  span.append(ev.source ? actorLink(ev.source) : el("span", { class: "muted" }, "Someone unnamed"));
  span.append(` ${verb} `);
  span.append(ev.target ? actorLink(ev.target) : el("span", { class: "muted" }, "(no target named)"));
  if (ev.date) span.append(` on ${ev.date}` + (ev.date_source === "report" ? " (the report's date)" : ""));
  else span.append(", date unknown");
  span.append(".");
  return span;
}

function eventItem(ev) {
  const li = el("li", { class: "event" }, badge(ev.type, ev.mode), eventSentence(ev));
  if (ev.modality && ev.modality !== "asserted") li.append(el("span", { class: "tag" }, ev.modality));
  if (ev.mentions && ev.mentions > 1) {
    const n = `${ev.mentions} reports` + (ev.sources && ev.sources.length > 1 ? ` in ${ev.sources.length} outlets` : "");
    li.append(ev.cluster_id !== undefined && ev.cluster_id !== null
      ? el("a", { class: "tag", href: "#/cluster/" + ev.cluster_id }, n) : el("span", { class: "tag" }, n));
  }
  if (ev.article_id && location.hash.indexOf("#/article/") !== 0)
    li.append(" ", el("a", { class: "tag", href: "#/article/" + encodeURIComponent(ev.article_id) }, "article"));
  if (ev.evidence) li.append(el("div", { class: "evidence-text" }, "“" + ev.evidence + "”"));
  return li;
}

function quoteItem(q) {
  const who = q.speaker_id
    ? el("a", { class: "speaker", href: "#/actor/" + encodeURIComponent(q.speaker_id) }, q.speaker)
    : el("span", { class: "speaker" }, q.speaker || "unattributed");
  const li = el("li", {}, who, el("span", { class: "tag" }, q.kind || ""), ": ",
    el("span", { class: "quote" }, "“" + q.text + "”"));
  if (q.article_id) li.append(" ", el("a", { class: "tag", href: "#/article/" + encodeURIComponent(q.article_id) },
    q.published ? "article, " + q.published : "article"));
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
    if (quote && quote.e === b) box.append(el("span", { class: "said" }, "— " + (quote.q.speaker || "unattributed")));
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
  const all = result.dates || [];
  const items = all.map((d) => ({ d, t: parseIso(d.value) })).filter((x) => x.t !== null);
  const box = el("div", { class: "timeline", id: "timeline" });
  if (!all.length) { box.append(el("p", { class: "hint" }, "No time expressions found.")); return box; }
  if (items.length) {
    const pub = parseIso(result.published);
    const ts = items.map((x) => x.t).concat(pub !== null ? [pub] : []);
    let lo = Math.min(...ts), hi = Math.max(...ts);
    if (hi === lo) { lo -= 86400000 * 3; hi += 86400000 * 3; }
    const W = 900, H = 60 + items.length * 18, X = (t) => 20 + ((t - lo) / (hi - lo)) * (W - 260);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "time expressions on a timeline" });
    root.append(svg("line", { x1: 20, y1: 30, x2: W - 240, y2: 30, stroke: "#999" }));
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
  }
  const table = el("table", { class: "grid dates" });
  table.append(el("thead", {}, el("tr", {}, ...["expression", "resolved to", "kind", "note"].map((h) => el("th", {}, h)))));
  table.append(el("tbody", {}, ...all.map((d) => el("tr", {}, el("td", {}, d.text),
    el("td", {}, d.value || el("span", { class: "muted" }, "unresolved")), el("td", {}, d.kind || ""),
    el("td", { class: "muted" }, d.conflict || "")))));
  box.append(table);
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
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function filters() {
  const p = new URLSearchParams();
  p.set("modality", $("#f-modality").value);
  if ($("#f-from").value) p.set("from", $("#f-from").value);
  if ($("#f-to").value) p.set("to", $("#f-to").value);
  if ($("#f-country").value.trim()) p.set("country", $("#f-country").value.trim().toUpperCase());
  return p;
}

function stackedChart(data) {
  const box = clear($("#chart"));
  if (!data.series.length) { box.append(el("p", { class: "hint" }, "No events in this range.")); return; }
  const W = 900, H = 260, pad = 36;
  const totals = data.series.map((s) => Object.values(s.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = Math.min(40, (W - 2 * pad) / data.series.length);
  const colors = {};
  data.types.forEach((t) => { colors[t] = TYPE_COLORS[t] || "#777"; });
  const root = svg("svg", { viewBox: `0 0 ${W} ${H + 46}`, role: "img", "aria-label": "events over time by type" });
  for (const frac of [0, 0.5, 1]) {
    const y = H - frac * (H - pad);
    root.append(svg("line", { x1: pad, y1: y, x2: W - pad, y2: y, stroke: "#e3e7eb" }));
    root.append(svg("text", { x: pad - 6, y: y + 4, "font-size": 10, "text-anchor": "end", fill: "#5b6470" },
      String(Math.round(frac * max))));
  }
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
    if (i % Math.ceil(data.series.length / 8) === 0)
      root.append(svg("text", { x: pad + i * bw, y: H + 14, "font-size": 10, fill: "#5b6470" }, s.date));
  });
  data.types.forEach((t, i) => {
    const x = pad + (i % 8) * 105, y = H + 26 + Math.floor(i / 8) * 13;
    root.append(svg("rect", { x, y, width: 9, height: 9, fill: colors[t] }));
    root.append(svg("text", { x: x + 12, y: y + 8, "font-size": 10 }, t));
  });
  box.append(root);
  box.append(el("p", { class: "hint" }, `Each real-world event counted once, by ${data.bucket}` +
    (data.modality === "any" ? "." : `; ${data.modality} events only.`)));
}

// Cooperative types in greens and blues, verbal ones in blues, conflictual ones in reds.
const TYPE_COLORS = {
  AGREE: "#2e7d32", CONSULT: "#1d4e89", SUPPORT: "#43a047", CONCEDE: "#7cb342", COOPERATE: "#00897b",
  AID: "#26a69a", RETREAT: "#9ccc65", REQUEST: "#5c8fd6", ACCUSE: "#ef6c00", REJECT: "#f9a825",
  THREATEN: "#d84315", PROTEST: "#8e24aa", SANCTION: "#6d4c41", MOBILIZE: "#c2185b", COERCE: "#b3261e",
  ASSAULT: "#7f0000",
};

function network(net) {
  const box = clear($("#network"));
  if (!net.nodes.length) { box.append(el("p", { class: "hint" }, "No interactions yet.")); return; }
  const W = 900, H = 520, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 70;
  const pos = {};
  net.nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / net.nodes.length - Math.PI / 2;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a)];
  });
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const radius = {};
  for (const n of net.nodes) radius[n.id] = 5 + Math.min(9, n.events);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  root.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerUnits: "userSpaceOnUse", markerWidth: 10, markerHeight: 10, orient: "auto" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#7a9a9a" }))));
  for (const e of net.edges) {
    const [x1, y1] = pos[e.source] || [0, 0], [x2, y2] = pos[e.target] || [0, 0];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1, cut = (radius[e.target] || 6) + 3;
    const line = svg("line", { x1, y1, x2: x2 - ((x2 - x1) * cut) / len, y2: y2 - ((y2 - y1) * cut) / len,
      stroke: "#7a9a9a", "stroke-width": 1 + (3 * e.weight) / maxW, "marker-end": "url(#arrow)", opacity: 0.8 });
    line.append(svg("title", {}, `${e.source_name} → ${e.target_name}: ${plural(e.weight, "event")}`));
    root.append(line);
  }
  for (const n of net.nodes) {
    const [x, y] = pos[n.id];
    const g = svg("a", { href: n.actor_id ? "#/actor/" + encodeURIComponent(n.actor_id) : "#/corpus" });
    g.append(svg("circle", { cx: x, cy: y, r: radius[n.id], fill: n.actor_id ? "#1d4e89" : "#8a94a0" }));
    const right = x >= cx;
    g.append(svg("text", { x: x + (right ? 14 : -14), y: y + 4, "font-size": 12,
      "text-anchor": right ? "start" : "end" }, n.name));
    g.append(svg("title", {}, `${n.name}: ${plural(n.events, "event")}`));
    root.append(g);
  }
  box.append(root);
}

function articleItem(a) {
  const li = el("li", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id),
    el("span", { class: "tag" }, `${a.published || "undated"} · ${a.lang || "?"} · ${a.outlet || ""}`),
    el("span", { class: "tag" }, `${plural(a.n_events, "event")} · ${plural(a.n_quotes, "quote")}`));
  if (a.stale_score > 0) li.append(el("span", { class: "tag warn" }, `stale ${a.stale_score.toFixed(2)}`));
  return li;
}

// A list that shows one page and a "more" button that fetches the next one.
async function pagedList(listSel, moreSel, totalSel, url, render, pageSize) {
  let offset = 0;
  const list = clear($(listSel)), more = $(moreSel);
  async function next() {
    const sep = url.includes("?") ? "&" : "?";
    const res = await api(`${url}${sep}limit=${pageSize}&offset=${offset}`);
    offset += res.items.length;
    list.append(...res.items.map(render));
    if (totalSel) $(totalSel).textContent = `(${res.total})`;
    more.hidden = offset >= res.total;
    more.onclick = () => next().catch(showStatus);
  }
  await next();
}

function showStatus(e) { $("#status").textContent = e.message; }

function noCorpus(e) {
  const box = $("#corpus-nodb");
  if (e.code !== "no_database") clear(box).append(e.message);
  box.hidden = false;
  $("#corpus-body").hidden = true;
}

async function loadCorpus() {
  const p = filters();
  const ev = new URLSearchParams(p);
  if ($("#f-type").value) ev.set("type", $("#f-type").value);
  if (ev.get("modality") === "any") ev.delete("modality");
  const arts = new URLSearchParams(p);
  arts.delete("modality");
  $("#corpus-error").hidden = true;
  try {
    const [timeline, top] = await Promise.all([api("/api/stats/timeline?" + p), api("/api/stats/top?" + p)]);
    $("#corpus-nodb").hidden = true;
    $("#corpus-body").hidden = false;
    stackedChart(timeline);
    clear($("#top-actors")).append(...top.actors.map((a) => el("li", {}, actorLink(a), ` — ${plural(a.events, "event")}`)));
    clear($("#top-dyads")).append(...top.dyads.map((d) => el("li", {}, actorLink(d.source), " → ", actorLink(d.target), ` — ${d.events}`)));
    network(top.network);
    await pagedList("#event-list", "#event-more", "#event-total", "/api/events?" + ev, eventItem, 15);
    await pagedList("#article-list", "#article-more", "#article-total", "/api/articles?" + arts, articleItem, 20);
    refreshStatus();
  } catch (e) {
    if (e.status === 503) { noCorpus(e); return; }
    const box = $("#corpus-error");
    box.textContent = e.message;
    box.hidden = false;
  }
}

function setupCorpus() {
  const types = $("#f-type");
  for (const t of Object.keys(TYPE_COLORS)) types.append(el("option", { value: t }, t));
  $("#corpus-filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadCorpus(); });
  $("#quote-search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if ($("#q-speaker").value) p.set("speaker", $("#q-speaker").value);
    if ($("#q-words").value) p.set("q", $("#q-words").value);
    try {
      await pagedList("#quote-results", "#quote-more", "#quote-total", "/api/quotes?" + p, quoteItem, 20);
      if (!$("#quote-results").firstChild) $("#quote-results").append(el("li", { class: "muted" }, "No quotes found."));
    } catch (e) {
      if (e.status === 503) noCorpus(e); else showStatus(e);
    }
  });
}

// ---- actor, article and story views -----------------------------------------------------
function rolesChart(roles) {
  const box = clear($("#actor-roles"));
  if (!roles.length) { box.append(el("p", { class: "hint" }, "No dated roles known.")); return; }
  const now = Date.now();
  const spans = roles.map((r) => ({ r, a: parseIso(r.start) || now, b: r.end ? parseIso(r.end) : now }));
  const lo = Math.min(...spans.map((s) => s.a)), hi = Math.max(...spans.map((s) => s.b));
  const W = 900, H = 30 + spans.length * 26, X = (t) => 10 + ((t - lo) / Math.max(1, hi - lo)) * (W - 400);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "roles over time" });
  spans.forEach((s, i) => {
    const y = 10 + i * 26;
    root.append(svg("rect", { x: X(s.a), y, width: Math.max(3, X(s.b) - X(s.a)), height: 16, fill: "#0e7c86", rx: 3 }));
    root.append(svg("text", { x: X(s.b) + 6, y: y + 12, "font-size": 11 },
      `${s.r.title || s.r.role || "role"}${s.r.country ? " (" + s.r.country + ")" : ""}: ${s.r.start || "?"} – ${s.r.end || "now"}`));
  });
  box.append(root);
}

function fillList(sel, items, render, empty) {
  const list = clear($(sel));
  list.append(...items.map(render));
  if (!items.length) list.append(el("li", { class: "muted" }, empty));
}

async function showActor(id) {
  clear($("#actor-roles"));
  try {
    const a = await api("/api/actors/" + encodeURIComponent(id));
    $("#actor-name").textContent = a.actor.name;
    $("#actor-meta").textContent = [a.actor.label, a.actor.country, a.actor.sector,
      a.actor.aliases && a.actor.aliases.length ? "also: " + a.actor.aliases.slice(0, 8).join(", ") : ""]
      .filter(Boolean).join(" · ");
    rolesChart(a.roles || []);
    const c = a.counts || {};
    $("#actor-counts").textContent = a.corpus === false ? "No corpus database is open: roles only."
      : `In the corpus: ${plural(c.mentions || 0, "mention")} in ${plural(c.articles || 0, "article")}.`;
    $("#actor-source-n").textContent = `(${c.events_as_source || 0})`;
    $("#actor-target-n").textContent = `(${c.events_as_target || 0})`;
    $("#actor-quotes-n").textContent = `(${c.quotes || 0})`;
    fillList("#actor-source", a.events_as_source || [], eventItem, "None.");
    fillList("#actor-target", a.events_as_target || [], eventItem, "None.");
    fillList("#actor-quotes", a.quotes || [], quoteItem, "None.");
  } catch (e) {
    $("#actor-name").textContent = "Actor not found";
    $("#actor-meta").textContent = e.message;
    $("#actor-counts").textContent = "";
    for (const sel of ["#actor-source", "#actor-target", "#actor-quotes"]) clear($(sel));
  }
}

async function showArticle(id) {
  const box = $("#article-body");
  clear(box);
  try {
    const result = await api("/api/articles/" + encodeURIComponent(id));
    renderAnalysis(box, result);
    box.prepend(el("h1", {}, result.title || result.id));
    if (result.cluster_id !== null && result.cluster_id !== undefined) {
      const story = await api("/api/clusters/" + result.cluster_id).catch(() => null);
      if (story && story.n_articles > 1)
        box.querySelector("#check-meta").after(el("p", { class: "meta" }, el("a", { href: "#/cluster/" + story.id },
          `This story: ${plural(story.n_articles, "article")} from ${plural(story.n_outlets, "outlet")}`)));
    }
  } catch (e) {
    box.append(el("div", { class: "error" }, e.message));
  }
}

async function showCluster(id) {
  const box = clear($("#cluster-body"));
  try {
    const c = await api("/api/clusters/" + encodeURIComponent(id));
    box.append(el("h1", {}, "Story: " + ((c.earliest && (c.earliest.title || c.earliest.id)) || "#" + c.id)));
    box.append(el("p", { class: "meta" }, `${plural(c.n_articles, "article")} from ${plural(c.n_outlets, "outlet")}` +
      ` · ${(c.langs || []).join(", ")} · first published ${c.earliest_published || "unknown"}`));
    box.append(el("h2", {}, "Reports"));
    box.append(el("ul", { class: "articles" }, ...c.articles.map((a) => {
      const li = articleItem(a);
      if (c.earliest && a.id === c.earliest.id) li.append(el("span", { class: "tag good" }, "earliest report"));
      return li;
    })));
    box.append(el("h2", {}, `Events, reports merged (${c.events.length})`));
    box.append(el("ul", { class: "events" }, ...c.events.map(eventItem)));
    if (c.links.length) {
      box.append(el("h2", {}, "Why these articles are one story"));
      const table = el("table", { class: "grid" });
      table.append(el("thead", {}, el("tr", {}, ...["article", "linked to", "how", "score"].map((h) => el("th", {}, h)))));
      table.append(el("tbody", {}, ...c.links.map((l) => el("tr", {}, el("td", {}, l.article_id),
        el("td", {}, l.linked_article_id), el("td", {}, l.method.replace("_", " ")), el("td", {}, l.score.toFixed(2))))));
      box.append(table);
    }
  } catch (e) {
    box.append(el("div", { class: "error" }, e.message));
  }
}

// ---- status and routing --------------------------------------------------------------------
async function refreshStatus() {
  try {
    const h = await api("/api/health");
    let text = "no corpus database: checking articles only";
    if (h.database) {
      const c = h.corpus || {};
      const when = c.snapshot_taken_at ? new Date(c.snapshot_taken_at).toLocaleTimeString() : null;
      text = when ? `corpus as of ${when}` : "corpus database open";
      if (c.changed_since_snapshot && c.writer_seen_at) text += " · being updated by an ingest: newer articles appear when it finishes";
      if (c.error) text += " · " + c.error;
    }
    $("#status").textContent = text;
  } catch (e) { /* the status line is a nicety */ }
}

function route() {
  const hash = location.hash || "#/check";
  const [, view, arg] = /^#\/([a-z]+)\/?(.*)$/.exec(hash) || [null, "check", ""];
  const known = document.getElementById("view-" + view) ? view : "check";
  for (const sec of document.querySelectorAll(".view")) sec.hidden = sec.id !== "view-" + known;
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.view === known);
  window.scrollTo(0, 0);
  if (known === "corpus") loadCorpus();
  if (known === "actor") showActor(decodeURIComponent(arg));
  if (known === "article") showArticle(decodeURIComponent(arg));
  if (known === "cluster") showCluster(decodeURIComponent(arg));
}

document.addEventListener("DOMContentLoaded", () => {
  setupCheck();
  setupCorpus();
  window.addEventListener("hashchange", route);
  route();
  refreshStatus();
});
