/* Dossier: one actor, person or place with aliases, people, events, routes, places and sources. */
"use strict";
(async function () {
  const id = new URLSearchParams(window.location.search).get("id");
  const root = document.getElementById("dossier");
  try {
    const d = await api(`/api/entities/${encodeURIComponent(id)}`);
    const section = (title, rows) => rows.length ? [el("h2", {}, title), el("ul", {}, ...rows.map(r => el("li", {}, ...r)))] : [];
    const link = (x) => el("a", {href: `/dossier?id=${encodeURIComponent(x.id)}`}, x.name);
    show(root, el("h1", {}, d.name), el("p", {class: "meta"}, [d.kind, d.actor_type, d.country].filter(Boolean).join(" · ")),
      d.aliases.length ? el("p", {}, `Also known as: ${d.aliases.join(", ")}`) : "",
      ...section("People", d.people.map(p => [link(p)])),
      ...section("Events", d.events.map(ev => [`${ev.date || "undated"} · ${ev.sub_type} · `,
        ...ev.reports.flatMap((r, i) => [i ? " / " : "", el("a", {href: `/reader?id=${encodeURIComponent(r.kb_document)}&at=${encodeURIComponent(r.trigger.start)}`,
          class: "event-report"}, r.trigger.text)])])),
      ...section("Routes", d.routes.map(r => [`${r.what}: ${r.waypoints.map(w => w.name).join(" → ")} · `,
        el("a", {href: `/reader?id=${encodeURIComponent(r.kb_document)}`}, r.title || r.document)])),
      ...section("Places", d.places.map(p => [link(p)])),
      ...section("Sources", d.sources.map(s => [el("a", {href: `/reader?id=${encodeURIComponent(s.kb_document)}`}, s.title || s.document),
        ` · ${[s.outlet, s.published].filter(Boolean).join(" · ")}`])));
    document.body.dataset.loaded = "dossier";
  } catch (error) { fail(root, error); }
})();
