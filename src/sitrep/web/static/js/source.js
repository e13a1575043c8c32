/* A source's record: what it said across reports, and for each event it spoke of, which other
   reports agree and which disagree (and on what). Without a name: the sources, most quoted first. */
"use strict";
(async function () {
  const root = document.getElementById("source");
  const more = document.getElementById("more");
  const name = new URLSearchParams(window.location.search).get("name");
  let offset = 0;

  function standing(ev) {
    const agree = ev.corroborated_by.map(d => el("li", {class: "agree"}, "agrees: ",
      el("a", {href: `/reader?id=${encodeURIComponent(d.kb_document)}`}, d.title || d.document), ` · ${d.outlet || ""}`));
    const disagree = ev.contradicted_by.map(d => el("li", {class: "disagree"}, "disagrees: ",
      el("a", {href: `/reader?id=${encodeURIComponent(d.kb_document)}`}, d.title || d.document),
      ` · ${d.points.map(p => `${p.about}: ${p.theirs} (this source: ${p.ours})`).join("; ")}`));
    return el("li", {}, `${ev.sub_type} · ${ev.date || "undated"}`,
      agree.length || disagree.length ? el("ul", {}, ...agree, ...disagree) : el("div", {class: "meta"}, "told by no other report"));
  }

  function said(c) {
    return el("li", {class: "said"}, gradeBadge(c), " ", sentenceLink(c.kb_document, c.start, c.text),
      el("div", {class: "meta"}, el("a", {href: `/reader?id=${encodeURIComponent(c.kb_document)}`}, c.title || c.document),
        ` · ${[c.outlet, c.published].filter(Boolean).join(" · ")}`),
      c.events.length ? el("ul", {}, ...c.events.map(standing)) : null);
  }

  async function record() {
    const r = await api("/api/source", {name});
    const against = r.claims.reduce((n, c) => n + c.events.reduce((m, ev) => m + ev.contradicted_by.length, 0), 0);
    const agree = r.claims.reduce((n, c) => n + c.events.reduce((m, ev) => m + ev.corroborated_by.length, 0), 0);
    show(root, el("h1", {}, r.name), el("p", {class: "meta"}, `${r.total} claims · corroborated by ${agree} report(s), `
      + `contradicted by ${against}`), el("ol", {class: "record"}, ...r.claims.map(said)));
    document.body.dataset.loaded = "source";
  }

  async function list() {
    const data = await api("/api/sources", {...readState(), limit: 100, offset});  // the shared filters narrow the list
    if (!offset) show(root, el("h1", {}, "Sources"), el("ol", {id: "sources", class: "record"}));
    document.getElementById("sources").append(...data.items.map(s => el("li", {}, sourceLink(s.name),
      el("span", {class: "meta"}, ` · ${s.type.replace(/_/g, " ")} · ${s.claims} claims in ${s.reports} reports · grades ${s.best || "?"}–${s.worst || "?"}`))));
    offset += data.items.length;
    more.hidden = offset >= data.total;
    document.body.dataset.loaded = "source";
  }

  more.addEventListener("click", () => list().catch(error => fail(root, error)));
  (name ? record() : list()).catch(error => fail(root, error));
})();
