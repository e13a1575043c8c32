/* Add a report: paste or upload; the server analyses and ingests it, then the reader opens. */
"use strict";
document.getElementById("add-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("add-status");
  show(status, "Analysing…");
  try {
    const response = await fetch("/api/reports", {method: "POST", body: new FormData(event.target),
      credentials: "same-origin", headers: {"X-CSRF-Token": csrfToken()}});
    let data = await response.json();
    if (!response.ok) throw new Error(data.detail || response.statusText);
    while (data.status === "queued" || data.status === "running") {  /* analysed off the request: poll */
      await new Promise(resolve => setTimeout(resolve, 1000));
      data = await api(data.status_url || `/api/jobs/${encodeURIComponent(data.job)}`);
    }
    if (data.status === "failed") throw new Error(data.error);
    show(status, data.created ? "Added. " : "Already in the knowledge base. ",
      el("a", {href: `/reader?id=${encodeURIComponent(data.id)}`, id: "added-link"}, "Open it in the reader"));
    document.body.dataset.loaded = "added";
  } catch (error) { fail(status, error); }
});

/* The sign-in's CSRF token, which every write made with the session cookie must echo. */
function csrfToken() {
  const found = document.cookie.split("; ").find(c => c.startsWith("sitrep_csrf="));
  return found ? decodeURIComponent(found.slice("sitrep_csrf=".length)) : "";
}
