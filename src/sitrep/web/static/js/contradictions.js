/* Contradictions: each point where reports disagree, every side with its report, the words that
   carry its value, and the claim's source and grade. */
"use strict";
(async function () {
  const root = document.getElementById("contradictions");
  const more = document.getElementById("more");
  const status = document.getElementById("contradictions-count");
  let state = bindFilters((s) => { state = s; root.replaceChildren(); offset = 0; page(); });
  let offset = 0;

  function evidence(ev, kbDocument) {
    return el("li", {}, "“", sentenceLink(kbDocument, ev.start, ev.text), "”",
      ev.claim ? el("div", {class: "meta"}, "Claim: ", sentenceLink(kbDocument, ev.claim.start, ev.claim.text)) : null,
      ev.claim ? el("div", {}, "Source: ", sourceLink(ev.claim.source), ` (${ev.claim.source_type.replace(/_/g, " ")}) `,
        gradeBadge(ev.claim)) : el("div", {class: "meta"}, "no attributed source"));
  }

  function side(s) {
    return el("section", {class: "side"},
      el("p", {class: "value"}, String(s.value)),
      el("p", {}, el("a", {href: `/reader?id=${encodeURIComponent(s.kb_document)}`, class: "side-report"}, s.title || s.document),
        el("span", {class: "meta"}, ` ${[s.outlet, s.published].filter(Boolean).join(" · ")}`)),
      el("ul", {}, ...s.evidence.map(ev => evidence(ev, s.kb_document))));
  }

  function card(c) {
    const onMap = new URLSearchParams(stateQuery(state));
    if (c.event !== undefined) onMap.set("sel", String(c.event));
    // The event's link opens the map on it, selected; the selected event's card is marked here.
    const target = c.event !== undefined
      ? el("a", {href: `/map?${onMap}`, class: "meta event-link"}, `event ${c.event} on the map`)
      : el("a", {href: `/dossier?id=${encodeURIComponent(c.entity)}`, class: "meta"}, "dossier");
    return el("article", {class: c.event !== undefined && c.event === readSelected() ? "contradiction selected" : "contradiction",
      "aria-current": c.event !== undefined && c.event === readSelected() ? "true" : null},
      el("h2", {}, `${c.about}: `, c.subject || ""), el("p", {}, target),
      el("div", {class: "sides"}, ...c.sides.map(side)));
  }

  async function page() {
    try {
      delete document.body.dataset.loaded;
      const data = await api("/api/contradictions", {...state, limit: 50, offset});
      root.append(...data.items.map(card));
      offset += data.items.length;
      more.hidden = offset >= data.total;
      status.textContent = data.total ? `${data.total} points of disagreement` : "No two reports disagree in this selection.";
      document.body.dataset.loaded = "contradictions";
    } catch (error) { fail(status, error); }
  }
  more.addEventListener("click", page);
  page();
})();
