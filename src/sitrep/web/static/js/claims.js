/* Claims: every claim in the selected reports with its Admiralty grade, filtered by grade and
   source type as well as by the shared filters; each links to its words in the report. */
"use strict";
(async function () {
  const body = document.getElementById("claims");
  const more = document.getElementById("more");
  const status = document.getElementById("claims-count");
  const form = document.getElementById("claim-filters");
  const own = ["reliability", "credibility", "source_type"];
  let state = bindFilters((s) => { state = s; restart(); });
  let offset = 0;
  const params = new URLSearchParams(window.location.search);
  for (const key of own) if (params.get(key)) form.elements[key].value = params.get(key);

  function gradeCell(c) {
    const base = {reliability: c.base_reliability, credibility: c.base_credibility};
    return el("td", {}, gradeBadge(c), grade(base) && grade(base) !== grade(c) ? el("span", {class: "meta"}, ` (${grade(base)})`) : null);
  }

  // The claims behind the event selected on the map, the timeline or the graph are marked.
  const chosen = readSelected();
  const marked = chosen === null ? Promise.resolve(new Set())
    : api(`/api/events/${encodeURIComponent(chosen)}`).then(ev => new Set((ev.reports || [])
      .filter(r => r.claim).map(r => `${r.kb_document}:${r.claim.id}`))).catch(() => new Set());

  function row(c, chosenClaims) {
    const mine = chosenClaims.has(`${c.kb_document}:${c.claim}`);
    return el("tr", {class: mine ? "claim-row selected" : "claim-row", "aria-current": mine ? "true" : null}, gradeCell(c),
      el("td", {}, sentenceLink(c.kb_document, c.start, c.text)),
      el("td", {}, sourceLink(c.source.text), el("div", {class: "meta"}, c.source.type.replace(/_/g, " "))),
      el("td", {}, el("a", {href: `/reader?id=${encodeURIComponent(c.kb_document)}`}, c.title || c.document),
        el("div", {class: "meta"}, [c.outlet, c.published].filter(Boolean).join(" · "))));
  }

  async function page() {
    try {
      const data = await api("/api/claims", {...state, ...formParams(form), limit: 100, offset});
      const chosenClaims = await marked;
      body.append(...data.items.map(c => row(c, chosenClaims)));
      offset += data.items.length;
      more.hidden = offset >= data.total;
      status.textContent = `${data.total} claims`;
      document.body.dataset.loaded = "claims";
    } catch (error) { fail(status, error); }
  }

  function restart() {
    delete document.body.dataset.loaded;
    body.replaceChildren();
    offset = 0;
    const query = new URLSearchParams(stateQuery(state));
    for (const [key, value] of Object.entries(formParams(form))) query.set(key, value);
    history.replaceState(null, "", `${window.location.pathname}?${query}`);
    page();
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); restart(); });
  more.addEventListener("click", page);
  page();
})();
