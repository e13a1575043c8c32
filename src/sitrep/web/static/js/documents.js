/* Reports: the newest first, or those matching the search box. */
"use strict";
(async function () {
  const list = document.getElementById("documents");
  const more = document.getElementById("more");
  const q = new URLSearchParams(window.location.search).get("q") || "";
  let offset = 0;
  async function page() {
    try {
      const data = q ? await api("/api/search", {q, limit: 50, offset}) : await api("/api/documents", {limit: 50, offset});
      for (const doc of data.items) {
        list.append(el("li", {}, el("a", {href: `/reader?id=${encodeURIComponent(doc.kb_document)}`}, doc.title || doc.document),
          " ", el("span", {class: "meta"}, [doc.outlet, doc.published].filter(Boolean).join(" · ")),
          doc.snippet ? el("div", {class: "meta"}, doc.snippet) : null));
      }
      offset += data.items.length;
      more.hidden = offset >= data.total;
      document.body.dataset.loaded = "documents";
    } catch (error) { fail(list, error); }
  }
  more.addEventListener("click", page);
  page();
})();
