// The newsdex page: every state lives in the URL's query string; each change pushes a new URL
// and renders it from /api/. Text from the index is only ever inserted as text, never as HTML.
"use strict";

const FACETS = ["month", "person", "org", "place", "source"];
const LIST_FILTERS = ["actor", "source", "country"];  // repeatable parameters
const PAGE = 10;

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// The state in the address bar.
function state() { return new URLSearchParams(location.search); }

function go(params, replace = false) {
  const query = params.toString();
  const url = query ? "/?" + query : "/";
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}

// A copy of the state with `change` applied and the page reset.
function changed(change) {
  const params = state();
  params.delete("offset");
  params.delete("show");
  change(params);
  return params;
}

function toggle(name, value) {
  go(changed((params) => {
    const values = params.getAll(name);
    params.delete(name);
    const on = values.includes(value);
    for (const v of values) if (v !== value) params.append(name, v);
    if (!on) params.append(name, value);
  }));
}

function filterParam(facet) {
  if (facet === "source") return "source";
  if (facet === "month") return "month";
  return "actor";
}

async function api(endpoint, params) {
  const started = performance.now();
  const response = await fetch("/api/" + endpoint + "?" + params.toString());
  const body = await response.json();
  return { ok: response.ok, status: response.status, body, ms: performance.now() - started };
}

// Snippet text with <mark> around matched words: marks become elements, the rest stays text.
function marked(snippet) {
  const span = el("span", { class: "snippet" });
  const parts = snippet.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) span.append(inMark ? el("mark", { text: part }) : document.createTextNode(part));
  }
  return span;
}

function articleLink(id, text) {
  const params = state();
  params.set("show", id);
  const link = el("a", { href: "/?" + params.toString(), text });
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    go(params);
  });
  return link;
}

function renderFilters(params) {
  const box = $("#filters");
  box.replaceChildren();
  const chips = [];
  for (const name of [...LIST_FILTERS, "month", "from", "to"]) {
    for (const value of params.getAll(name)) chips.push([name, value]);
  }
  if (!chips.length) return;
  box.append(el("span", { text: "Filters:" }));
  for (const [name, value] of chips) {
    box.append(el("button", {
      class: "chip", type: "button", "aria-label": "Remove filter " + name + " " + value,
      onclick: () => toggle(name, value),
    }, el("span", { class: "chip-name", text: name + " " }), value, el("span", { "aria-hidden": "true", text: " ×" })));
  }
}

function renderList(facet, values, params) {
  const list = $("#facet-" + facet + " ul");
  list.replaceChildren();
  const param = filterParam(facet);
  const active = params.getAll(param);
  for (const { value, count } of values || []) {
    const on = active.includes(value);
    list.append(el("li", {}, el("button", {
      type: "button", class: "facet-value", "aria-pressed": on ? "true" : "false",
      "data-facet": facet, "data-value": value,
      title: on ? "Remove this filter" : "Only articles with " + value,
      onclick: () => toggle(param, value),
    }, el("span", { class: "name", text: value }), el("span", { class: "count", text: String(count) }))));
  }
  if (!list.children.length) list.append(el("li", { class: "none", text: "none" }));
}

// The month timeline as SVG bars; each bar is a button that filters by its month.
function renderTimeline(facet, params) {
  const box = $("#facet-month .timeline");
  box.replaceChildren();
  const buckets = (facet && facet.buckets) || [];
  const undated = facet && facet.unknown ? facet.unknown.count : 0;
  if (!buckets.length) {
    box.append(el("p", { class: "none", text: undated ? undated + " undated" : "no dates" }));
    return;
  }
  const ns = "http://www.w3.org/2000/svg";
  const width = 300, height = 110, top = 8, bottom = 20;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = width / buckets.length;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Matches per month");
  const selected = params.get("month");
  buckets.forEach((bucket, i) => {
    const h = (bucket.count / max) * (height - top - bottom);
    const g = document.createElementNS(ns, "g");
    g.setAttribute("class", "bar" + (bucket.value === selected ? " selected" : ""));
    g.setAttribute("tabindex", bucket.count ? "0" : "-1");
    g.setAttribute("role", "button");
    g.setAttribute("data-value", bucket.value);
    g.setAttribute("aria-label", `${bucket.value}: ${bucket.count}`);
    const hit = document.createElementNS(ns, "rect");
    hit.setAttribute("x", i * step); hit.setAttribute("y", 0);
    hit.setAttribute("width", step); hit.setAttribute("height", height - bottom);
    hit.setAttribute("class", "hit");
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", i * step + step * 0.1); rect.setAttribute("width", Math.max(1, step * 0.8));
    rect.setAttribute("y", height - bottom - h); rect.setAttribute("height", h);
    const title = document.createElementNS(ns, "title");
    title.textContent = `${bucket.value}: ${bucket.count}`;
    g.append(hit, rect, title);
    if (bucket.count) {
      g.addEventListener("click", () => toggle("month", bucket.value));
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle("month", bucket.value); }
      });
    }
    svg.append(g);
  });
  for (const [i, anchor] of [[0, "start"], [buckets.length - 1, "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", anchor === "start" ? 0 : width);
    label.setAttribute("y", height - 5);
    label.setAttribute("text-anchor", anchor);
    label.textContent = buckets[i].value;
    svg.append(label);
  }
  box.append(svg);
  const note = `peak ${max} a month` + (undated ? ` · ${undated} undated` : "");
  box.append(el("p", { class: "note", text: note }));
}

function renderHit(hit) {
  const meta = [hit.date || "undated", hit.source || "no source"].join(" · ");
  const item = el("li", { class: "hit" },
    el("h3", {}, articleLink(hit.id, hit.title || hit.id)),
    el("p", { class: "meta" }, meta));
  if (hit.duplicates > 0) {
    item.querySelector(".meta").append(" · ", articleLink(hit.id, `+${hit.duplicates} similar`));
  }
  if (hit.snippet) item.append(el("p", {}, marked(hit.snippet)));
  return item;
}

function renderPager(body) {
  const pager = $("#pager");
  pager.replaceChildren();
  const offset = body.offset;
  const move = (to) => go(changed((p) => { if (to) p.set("offset", String(to)); }));
  if (offset > 0) pager.append(el("button", { type: "button", onclick: () => move(Math.max(0, offset - PAGE)), text: "← Previous" }));
  if (offset + body.results.length < body.total) pager.append(el("button", { type: "button", onclick: () => move(offset + PAGE), text: "Next →" }));
}

async function renderSearch(params) {
  const request = new URLSearchParams();
  request.set("q", params.get("q") || "");
  for (const facet of FACETS) request.append("facet", facet);
  request.set("facet-limit", "8");
  request.set("limit", String(PAGE));
  for (const name of ["offset", "sort", "month", "from", "to", ...LIST_FILTERS]) {
    for (const value of params.getAll(name)) request.append(name, value);
  }
  const answer = await api("search", request);
  const status = $("#status");
  const results = $("#results");
  results.replaceChildren();
  if (!answer.ok) {
    status.className = "error";
    status.textContent = answer.body.error || "error " + answer.status;
    for (const facet of FACETS.slice(1)) renderList(facet, [], params);
    renderTimeline(null, params);
    $("#pager").replaceChildren();
    return;
  }
  const body = answer.body;
  status.className = "";
  const unit = body.total_unit === "stories" ? (body.total === 1 ? "story" : "stories") : (body.total === 1 ? "article" : "articles");
  const shown = body.results.length ? `, showing ${body.offset + 1}–${body.offset + body.results.length}` : "";
  status.replaceChildren(`${body.total_exact ? "" : "about "}${body.total} ${unit}${shown} `,
    el("span", { class: "took", title: `${Math.round(answer.ms)} ms with the trip to the server`, text: `(${body.took_ms} ms)` }));
  const exported = new URLSearchParams({ format: "csv", q: params.get("q") || "" });
  for (const name of ["month", "from", "to", ...LIST_FILTERS]) {
    for (const value of params.getAll(name)) exported.append(name, value);
  }
  status.append(" · ", el("a", { href: "/api/export?" + exported.toString(), download: "newsdex.csv", text: "CSV" }));
  if (body.suggestion) {
    status.append(" · Did you mean ", el("a", {
      href: "#", text: body.suggestion,
      onclick: (event) => { event.preventDefault(); go(changed((p) => p.set("q", body.suggestion))); },
    }), "?");
  }
  if (body.relaxed) status.append(el("span", { class: "note", text: ` · no article has every word: showing those with ${body.relaxed.min_words} or more` }));
  for (const hit of body.results) results.append(renderHit(hit));
  renderTimeline(body.facets.month, params);
  for (const facet of FACETS.slice(1)) renderList(facet, body.facets[facet], params);
  renderPager(body);
}

async function renderArticle(params) {
  const id = params.get("show");
  const box = $("#article");
  const back = new URLSearchParams(params);
  back.delete("show");
  box.replaceChildren(el("p", {}, el("a", { href: back.toString() ? "/?" + back : "/", text: "← Back to the results",
    onclick: (event) => { event.preventDefault(); go(back); } })));
  const [shown, cluster] = await Promise.all([api("show", new URLSearchParams({ id })), api("cluster", new URLSearchParams({ id }))]);
  if (!shown.ok) {
    box.append(el("p", { class: "error", text: shown.body.error || "error " + shown.status }));
    return;
  }
  const a = shown.body;
  box.append(el("h2", { text: a.title || a.id }));
  box.append(el("p", { class: "meta", text: [a.date || "undated", a.source || "no source", a.author, "id " + a.id].filter(Boolean).join(" · ") }));
  if (a.url) box.append(el("p", {}, el("a", { href: a.url, rel: "noreferrer noopener", text: a.url })));
  const actors = el("p", { class: "actors" });
  for (const type of ["person", "org", "place"]) {
    for (const name of (a.actors && a.actors[type]) || []) {
      actors.append(el("button", { type: "button", class: "chip " + type, text: name,
        onclick: () => go(changed((p) => { p.delete("actor"); p.append("actor", name); })) }), " ");
    }
  }
  box.append(actors);
  for (const paragraph of a.paragraphs || []) box.append(el("p", { text: paragraph }));
  if (a.also_seen && a.also_seen.length) {
    box.append(el("h3", { text: "Also published as" }));
    const list = el("ul");
    for (const copy of a.also_seen) list.append(el("li", { text: [copy.id, copy.source, copy.url].filter(Boolean).join(" · ") }));
    box.append(list);
  }
  const members = cluster.ok ? cluster.body.members.filter((m) => m.id !== a.id) : [];
  if (members.length) {
    box.append(el("h3", { text: "Near copies" }));
    const list = el("ul");
    for (const m of members) list.append(el("li", {}, articleLink(m.id, m.title || m.id), " ", el("span", { class: "meta", text: [m.date, m.source].filter(Boolean).join(" · ") })));
    box.append(list);
  }
}

async function render() {
  const params = state();
  $("#q").value = params.get("q") || "";
  renderFilters(params);
  const showing = params.has("show");
  $("#article").hidden = !showing;
  for (const id of ["#results", "#pager", "#status"]) $(id).hidden = showing;
  document.title = (params.get("q") ? params.get("q") + " — " : "") + "newsdex";
  if (showing) await renderArticle(params);
  await renderSearch(params);
  document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
}

function init() {
  $("#search").addEventListener("submit", (event) => {
    event.preventDefault();
    go(changed((p) => p.set("q", $("#q").value)));
  });
  const help = $("#syntax");
  const toggleHelp = (open) => {
    help.hidden = !open;
    $("#syntax-toggle").setAttribute("aria-expanded", String(open));
  };
  $("#syntax-toggle").addEventListener("click", () => toggleHelp(help.hidden));
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (event.key === "/" && !typing) { event.preventDefault(); $("#q").focus(); $("#q").select(); }
    if (event.key === "Escape" && !help.hidden) toggleHelp(false);
  });
  window.addEventListener("popstate", render);
  render();
}

init();
