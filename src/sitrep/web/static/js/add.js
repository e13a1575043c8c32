/* Add a report: paste or upload; the server analyses and ingests it, then the reader opens. */
"use strict";
document.getElementById("add-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("add-status");
  show(status, "Analysing…");
  try {
    const response = await fetch("/api/reports", {method: "POST", body: new FormData(event.target), credentials: "same-origin"});
    const data = await response.json();
    if (!response.ok) throw new Error(data.detail || response.statusText);
    show(status, data.created ? "Added. " : "Already in the knowledge base. ",
      el("a", {href: `/reader?id=${encodeURIComponent(data.id)}`, id: "added-link"}, "Open it in the reader"));
    document.body.dataset.loaded = "added";
  } catch (error) { fail(status, error); }
});
