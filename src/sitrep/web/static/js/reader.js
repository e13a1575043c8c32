/* Reader: the report's own text with its places, actors, people, events, claims and repeats highlighted. */
"use strict";
(async function () {
  const params = new URLSearchParams(window.location.search);
  const id = params.get("id");
  const at = params.has("at") ? Number(params.get("at")) : null;  // a link to one passage: marked and scrolled to
  const head = document.getElementById("doc-head");
  const body = document.getElementById("doc-text");
  const detail = document.getElementById("detail");
  try {
    const a = await api(`/api/documents/${encodeURIComponent(id)}`);
    const doc = a.document;
    show(head, el("h1", {}, doc.title || doc.id),
      el("p", {class: "meta"}, [doc.outlet, doc.byline && "by " + doc.byline, doc.dateline, doc.published].filter(Boolean).join(" · ")));
    const entities = new Map(a.entities.map(e => [e.id, e]));
    // Boundaries of every highlighted range; the text is cut at each and wrapped in nested marks.
    const ranges = [];
    for (const m of a.mentions) ranges.push({start: m.start, end: m.end, kind: m.kind, info: () => mentionInfo(m, entities.get(m.entity))});
    for (const ev of a.events) ranges.push({start: ev.trigger.start, end: ev.trigger.end, kind: "event", info: () => [el("h3", {}, ev.sub_type), el("p", {}, ev.type), el("p", {class: "meta"}, `confidence ${ev.confidence}`)]});
    for (const c of a.claims) {
      ranges.push({start: c.start, end: c.end, kind: "claim", info: () => [el("h3", {}, "Claim"), el("p", {}, c.text), el("p", {class: "meta"}, `source: ${c.source.text} (${c.source.type}) · grade ${grade(c)}`)]});
      if (c.source.start !== undefined) ranges.push({start: c.source.start, end: c.source.end, kind: "source", info: () => [el("h3", {}, "Source"), el("p", {}, `${c.source.text} (${c.source.type})`)]});
    }
    for (const d of a.duplicates) ranges.push({start: d.span.start, end: d.span.end, kind: "dup", info: () => [el("h3", {}, "Repeated passage"), el("p", {}, `similarity ${d.similarity}`)]});
    render(doc.text, ranges);
    document.body.dataset.loaded = "reader";
  } catch (error) { fail(body, error); }

  function mentionInfo(m, e) {
    const out = [el("h3", {}, e ? e.name : m.text), el("p", {class: "meta"}, m.kind)];
    if (e && e.geo) out.push(el("p", {}, `${e.geo.lat.toFixed(4)}, ${e.geo.lon.toFixed(4)} · ${e.geo.country || ""} · ${e.geo.feature || ""} · confidence ${e.geo.confidence}`));
    else if (e && m.kind === "place") out.push(el("p", {}, "unresolved"));
    if (e && e.actor_type) out.push(el("p", {}, e.actor_type));
    if (e && e.aliases && e.aliases.length) out.push(el("p", {}, `aliases: ${e.aliases.join(", ")}`));
    if (e && e.kb_id) out.push(el("p", {}, el("a", {href: `/dossier?id=${encodeURIComponent(e.kb_id)}`}, "Open dossier")));
    return out;
  }

  function render(text, ranges) {
    const cuts = new Set([0, text.length]);
    for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
    const points = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    let focused = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      let node = document.createTextNode(text.slice(s, e));
      const covering = ranges.filter(r => r.start <= s && e <= r.end).sort((x, y) => (y.end - y.start) - (x.end - x.start));
      for (const r of covering.reverse()) {
        const tag = ["place", "actor", "person", "event"].includes(r.kind) ? "mark" : "span";
        const wrap = el(tag, {class: r.kind, "data-kind": r.kind}, node);
        wrap.addEventListener("mouseenter", (evt) => { evt.stopPropagation(); show(detail, ...r.info()); });
        node = wrap;
      }
      frag.append(node);
      if (at !== null && s <= at && at < e && !focused) focused = node;
    }
    body.replaceChildren(frag);
    if (focused) {
      const target = focused.nodeType === Node.TEXT_NODE ? focused.parentNode.insertBefore(el("span", {}), focused) : focused;
      if (focused.nodeType === Node.TEXT_NODE) target.append(focused);
      target.classList.add("focus");
      target.id = "at";
      target.scrollIntoView({block: "center"});
    }
  }
})();
