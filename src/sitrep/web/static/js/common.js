/* Shared helpers. Everything from a report reaches the page through textContent, never innerHTML. */
"use strict";
/* Okabe-Ito colours: told apart with any of the common colour-vision deficiencies. */
const EVENT_COLORS = {
  "Battles": "#D55E00", "Explosions/Remote violence": "#E69F00", "Violence against civilians": "#CC79A7",
  "Protests": "#0072B2", "Riots": "#009E73", "Strategic developments": "#56B4E9"
};
const OTHER_COLOR = "#6b6b6b";

/* A CSS class per ACLED type, so the map, the timeline and the graph colour alike (app.css). */
function typeClass(type) {
  const known = Object.keys(EVENT_COLORS).indexOf(type);
  return known < 0 ? "t-other" : `t-${known}`;
}

/* The event types' colours, as a legend in ``box`` (the map, the timeline). */
function typeLegend(box) {
  box.append(el("strong", {}, "Events:"));
  for (const type of [...Object.keys(EVENT_COLORS), "other"]) {
    box.append(el("span", {}, el("span", {class: `swatch ${type === "other" ? "t-other" : typeClass(type)}`}), type));
  }
}

/* The one filter state every view shares, kept in the URL so a view can be shared and reloaded. */
const STATE_KEYS = ["type", "actor", "place", "near", "since", "until", "grade", "q"];

function readState() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of STATE_KEYS) if (params.get(key)) state[key] = params.get(key);
  return state;
}

/* Writes the state into the URL (keeping other parameters) and into every link that carries it. */
function writeState(state) {
  const params = new URLSearchParams(window.location.search);
  for (const key of STATE_KEYS) {
    if (state[key]) params.set(key, state[key]); else params.delete(key);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
  carryState(state);
}

/* The selected event (``sel``) travels with the filters, so the next view opens on it too. */
function stateQuery(state) {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) if (state[key]) params.set(key, state[key]);
  const selected = readSelected();
  if (selected !== null) params.set("sel", String(selected));
  return params.toString();
}

function readSelected() {
  const value = new URLSearchParams(window.location.search).get("sel");
  return value && /^[0-9]{1,10}$/.test(value) ? Number(value) : null;
}

function writeSelected(id) {
  const params = new URLSearchParams(window.location.search);
  if (id === null || id === undefined) params.delete("sel"); else params.set("sel", String(id));
  const query = params.toString();
  history.replaceState(null, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
  carryState(readState());
}

/* Keyboard for a vis timeline, which has none of its own: Left/Right step to the previous or
   next event by date, Home/End to the first or last, +/- zoom, Enter opens the selected one.
   ``follow`` moves the window to the chosen item (the map's strip keeps its window: it is a filter). */
function keyboardTimeline(timeline, container, onChoose, follow) {
  container.setAttribute("tabindex", "0");
  container.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Home End + - Enter");
  const sorted = () => timeline.itemsData.get().sort((a, b) => new Date(a.start) - new Date(b.start) || a.id - b.id);
  container.addEventListener("keydown", (event) => {
    const items = sorted();
    if (!items.length) return;
    const at = items.findIndex(item => item.id === timeline.getSelection()[0]);
    let next = null;
    if (event.key === "ArrowRight") next = at < 0 ? 0 : Math.min(items.length - 1, at + 1);
    else if (event.key === "ArrowLeft") next = at < 0 ? items.length - 1 : Math.max(0, at - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    else if (event.key === "+" || event.key === "=") timeline.zoomIn(0.5, {animation: false});
    else if (event.key === "-") timeline.zoomOut(0.5, {animation: false});
    else if (event.key === "Enter" && at >= 0) onChoose(items[at].id);
    else return;
    event.preventDefault();
    if (next === null) return;
    timeline.setSelection([items[next].id]);
    // Moved to, not focused: vis zooms a focused point in to a few milliseconds.
    if (follow) timeline.moveTo(items[next].start, {animation: false});
    onChoose(items[next].id);
  });
}

function carryState(state) {
  const query = stateQuery(state);
  for (const link of document.querySelectorAll("a.keep")) {
    const path = link.getAttribute("href").split("?")[0];
    link.setAttribute("href", query ? `${path}?${query}` : path);
  }
}

function fillForm(form, state) {
  if (!form) return;
  for (const key of STATE_KEYS) if (form.elements[key]) form.elements[key].value = state[key] || "";
}

/* Wires the shared filter form: the URL fills it; a submit writes the URL and calls onChange. */
function bindFilters(onChange) {
  const form = document.getElementById("filters");
  const state = readState();
  fillForm(form, state);
  carryState(state);
  if (form) {
    form.addEventListener("submit", (e) => { e.preventDefault(); const s = formParams(form); writeState(s); onChange(s); });
    const clear = form.querySelector("button[type=reset]");
    if (clear) clear.addEventListener("click", (e) => { e.preventDefault(); fillForm(form, {}); writeState({}); onChange({}); });
  }
  return state;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/* Only same-site paths become links: a report cannot smuggle in javascript: URLs. */
function safeHref(value) {
  const text = String(value);
  return text.startsWith("/") && !text.startsWith("//") ? text : "#";
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}});
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${path}`);
  return response.json();
}

function formParams(form) {
  const params = {};
  if (!form) return params;
  for (const [key, value] of new FormData(form).entries()) if (value) params[key] = value;
  return params;
}

function show(container, ...nodes) {
  container.replaceChildren(...nodes);
}

function grade(claim) {
  if (!claim) return "";
  return `${claim.reliability || "?"}${claim.credibility || "?"}`;
}

/* An Admiralty grade as a badge; the letter's class colours it (A best, F worst). */
function gradeBadge(claim) {
  const g = grade(claim);
  return el("span", {class: `grade g-${(claim && claim.reliability) || "x"}`, title: "Admiralty grade: source reliability, information credibility"}, g);
}

function sourceLink(name) {
  return el("a", {href: `/source?name=${encodeURIComponent(name)}`, class: "source-name"}, name);
}

/* A link to the words at ``start`` in a report, which the reader scrolls to and marks. */
function sentenceLink(kbDocument, start, text) {
  const at = start === null || start === undefined ? "" : `&at=${encodeURIComponent(start)}`;
  return el("a", {href: `/reader?id=${encodeURIComponent(kbDocument)}${at}`, class: "sentence"}, text);
}

/* An event across reports (the KB's incident): its people and place, then what each report says. */
function eventDetail(ev) {
  const actors = (ev.actors || []).map(a => el("li", {}, el("a", {href: `/dossier?id=${encodeURIComponent(a.id)}`}, a.name), ` (${a.roles.join(", ")})`));
  const date = ev.date ? `${ev.date} (${ev.precision})` : "undated";
  const parts = [
    el("h3", {class: "event-title"}, ev.sub_type),
    el("p", {class: "meta"}, `${ev.type} · ${date}`, ev.place ? " · " : "",
      ev.place ? el("a", {href: `/dossier?id=${encodeURIComponent(ev.place.id)}`}, ev.place.name) : ""),
    ev.fatalities !== null && ev.fatalities !== undefined ? el("p", {}, `Fatalities: ${ev.fatalities_reported.join(" / ")}`) : null,
    actors.length ? el("ul", {}, ...actors) : null,
  ];
  for (const r of ev.reports || []) {
    parts.push(el("div", {class: "report"},
      el("p", {}, el("a", {href: `/reader?id=${encodeURIComponent(r.kb_document)}`}, r.title || r.document),
        el("span", {class: "meta"}, ` ${[r.outlet, r.published].filter(Boolean).join(" · ")}`)),
      el("p", {}, "Trigger: ", sentenceLink(r.kb_document, r.trigger.start, r.trigger.text),
        r.modality !== "asserted" ? ` (${r.modality})` : ""),
      r.claim ? el("blockquote", {class: "claim-text"}, r.claim.text) : null,
      r.claim ? el("p", {class: "meta"}, "Source: ", sourceLink(r.claim.source),
        ` (${r.claim.source_type}) · grade `, gradeBadge(r.claim)) : null));
  }
  return parts;
}

function fail(container, error) {
  show(container, el("p", {class: "error"}, String(error.message || error)));
}

/* Pages without the filter form still pass the shared filters on through the navigation. */
carryState(readState());
