/* Graph: actors, people, places and events, laid out by force (fCoSE). A node's size is how many
   reports name it, an edge's width how many reports tie its ends. Labels that would overlap at the
   current zoom are hidden, biggest nodes first kept, so every label shown can be read; the rest
   appear on zooming in or in the side panel. A node can be expanded to its whole neighbourhood. */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const status = document.getElementById("graph-count");
  const EVENTS = 60;
  const KIND_COLORS = {actor: "#E69F00", person: "#CC79A7", place: "#0072B2", event: "#D55E00"};
  let state = bindFilters((s) => { state = s; load(); });
  const cy = cytoscape({
    container: document.getElementById("graph"),
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 2,
        "text-wrap": "ellipsis", "text-max-width": 130, "color": "#1d2733", "text-background-color": "#fff",
        "text-background-opacity": 0.8, "text-background-padding": 1,
        "background-color": (n) => KIND_COLORS[n.data("kind")] || "#777", "border-width": 1, "border-color": "#1d2733",
        "width": "mapData(reports, 1, 12, 14, 44)", "height": "mapData(reports, 1, 12, 14, 44)"}},
      {selector: "node[kind = 'event']", style: {"shape": "round-rectangle"}},
      {selector: "node.quiet", style: {"label": ""}},
      {selector: "node.off", style: {"display": "none"}},
      {selector: "node:selected", style: {"border-width": 4, "border-color": "#000", "label": "data(label)", "z-index": 10}},
      {selector: "node.faded, edge.faded", style: {"opacity": 0.15}},
      {selector: "edge", style: {"width": "mapData(reports, 1, 6, 1, 6)", "line-color": "#9fb0bf", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#9fb0bf", "arrow-scale": 0.6}},
    ],
  });

  /* Hide the labels that would overlap one already kept: most reported nodes keep theirs. */
  function declutter() {
    cy.nodes().removeClass("quiet");
    const kept = [];
    const order = cy.nodes(":visible").sort((a, b) => b.data("reports") - a.data("reports") || a.id().localeCompare(b.id()));
    for (const node of order) {
      const box = node.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
      if (!box.w || !box.h) continue;
      if (kept.some(k => box.x1 < k.x2 && k.x1 < box.x2 && box.y1 < k.y2 && k.y1 < box.y2)) node.addClass("quiet");
      else kept.push(box);
    }
    document.body.dataset.labels = String(kept.length);
  }

  function layout() {
    const visible = cy.elements(":visible");
    if (!visible.length) return;
    visible.layout({name: "fcose", quality: "default", randomize: true, animate: false, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 9000, idealEdgeLength: () => 70, packComponents: true, fit: true, padding: 30}).run();
    // Labels are drawn about 12px high at the fitted zoom, however far out the whole graph sits.
    const scale = Math.min(3, 1 / Math.min(1, cy.zoom()));
    cy.style().selector("node").style({"font-size": 12 * scale, "text-max-width": 150 * scale}).update();
    declutter();
  }

  function elements(data) {
    return [
      ...data.nodes.map(n => ({group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, entity: n.entity, event: n.event,
        reports: n.reports || 1}})),
      ...data.edges.map(e => ({group: "edges", data: {id: `${e.source}|${e.relation}|${e.target}`, source: e.source,
        target: e.target, relation: e.relation, reports: e.reports}})),
    ];
  }

  function applyKinds() {
    const boxes = [...document.querySelectorAll("input[name=kind]")];
    const shown = new Set(boxes.filter(i => i.checked).map(i => i.value));
    cy.batch(() => {
      cy.nodes(".off").removeClass("off");
      if (shown.size < boxes.length) cy.nodes().filter(n => !shown.has(n.data("kind"))).addClass("off");
    });
  }

  async function expand(node) {
    const param = node.data("kind") === "place" ? "place" : "actor";
    // The neighbourhood across every place and actor: the other filters (type, dates, grade, words) still hold.
    const {actor, place, near, ...rest} = state;
    const data = await api("/api/graph", {...rest, [param]: node.data("entity"), limit: 100});
    const added = cy.add(elements(data).filter(x => cy.getElementById(x.data.id).empty()));
    applyKinds();
    layout();
    node.select();
    status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges (${added.nodes().length} added)`;
  }

  async function nodeDetail(node) {
    const d = node.data();
    // Each tie is a button that selects the node at its other end: the graph can be walked by keyboard.
    const ties = node.connectedEdges().map(e => {
      const other = e.source().id() === node.id() ? e.target() : e.source();
      const step = el("button", {type: "button", class: "tie"}, other.data("label"));
      step.addEventListener("click", () => focusNode(other));
      return el("li", {}, `${e.data("relation")} · `, step, ` (${e.data("reports")} report${e.data("reports") > 1 ? "s" : ""})`);
    });
    const head = [el("h3", {class: "node-title"}, d.label), el("p", {class: "meta"}, `${d.kind} · named in ${d.reports} report(s)`)];
    if (d.kind === "event") {
      show(detail, ...eventDetail(await api(`/api/events/${encodeURIComponent(d.event)}`)));
      return;
    }
    const button = el("button", {type: "button", id: "expand"}, "Expand its neighbourhood");
    button.addEventListener("click", () => expand(node).catch(error => fail(detail, error)));
    show(detail, ...head, el("p", {}, el("a", {href: `/dossier?id=${encodeURIComponent(d.entity)}`}, "Open the dossier"), " ", button),
      el("ul", {class: "ties"}, ...ties));
  }

  function focusNode(node) {
    if (node.data("kind") === "event") writeSelected(node.data("event"));
    cy.nodes().unselect();
    node.select();
    cy.elements().addClass("faded");
    node.closedNeighborhood().removeClass("faded");
    nodeDetail(node).then(() => { const first = detail.querySelector("button.tie"); if (first) first.focus(); })
      .catch(error => fail(detail, error));
  }

  cy.on("tap", "node", (evt) => focusNode(evt.target));
  cy.on("tap", (evt) => { if (evt.target === cy) cy.elements().removeClass("faded"); });
  let pending = null;
  cy.on("zoom", () => { clearTimeout(pending); pending = setTimeout(declutter, 120); });
  for (const box of document.querySelectorAll("input[name=kind]")) box.addEventListener("change", () => { applyKinds(); layout(); });
  document.getElementById("relayout").addEventListener("click", layout);

  async function load() {
    try {
      delete document.body.dataset.loaded;
      // The newest events only, a graph still to be read and laid out quickly; a node's
      // neighbourhood brings the rest of its ties on demand.
      const data = await api("/api/graph", {...state, limit: EVENTS});
      cy.elements().remove();
      cy.add(elements(data));
      applyKinds();
      layout();
      const shown = cy.nodes("[kind = 'event']").length;
      status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges`
        + (data.events > shown ? `: the newest ${shown} of ${data.events} events; expand a node for its neighbourhood` : "");
      // The event selected on the map or the timeline is selected here too, with its ties.
      const chosen = readSelected(), node = chosen === null ? cy.collection() : cy.getElementById(`i${chosen}`);
      if (node.nonempty()) {
        node.select();
        cy.elements().addClass("faded");
        node.closedNeighborhood().removeClass("faded");
        await nodeDetail(node);
      }
      document.body.dataset.loaded = "graph";
    } catch (error) { fail(detail, error); }
  }
  window.sitrepGraph = cy;
  load();
})();
