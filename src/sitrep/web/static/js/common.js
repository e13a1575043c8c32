/* Shared helpers. Everything from a report reaches the page through textContent, never innerHTML. */
"use strict";
const EVENT_COLORS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d"
};

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
      el("p", {}, "Trigger: ", el("strong", {}, r.trigger.text), r.modality !== "asserted" ? ` (${r.modality})` : ""),
      r.claim ? el("blockquote", {class: "claim-text"}, r.claim.text) : null,
      r.claim ? el("p", {class: "meta"}, "Source: ", el("span", {class: "source-name"}, r.claim.source),
        ` (${r.claim.source_type}) · grade ${grade(r.claim)}`) : null));
  }
  return parts;
}

function fail(container, error) {
  show(container, el("p", {class: "error"}, String(error.message || error)));
}
