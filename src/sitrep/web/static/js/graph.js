/* Graph: actors, people, places and events as nodes; a click opens the entity's dossier. */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const colors = {actor: "#e67e22", person: "#8e44ad", place: "#2980b9", event: "#c0392b"};
  try {
    const data = await api("/api/graph", {limit: 400});
    const cy = cytoscape({
      container: document.getElementById("graph"),
      elements: [
        ...data.nodes.map(n => ({data: {id: n.id, label: n.label, kind: n.kind, entity: n.entity}})),
        ...data.edges.map((e, i) => ({data: {id: `e${i}`, source: e.source, target: e.target, label: e.relation}})),
      ],
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 9, "background-color": (n) => colors[n.data("kind")] || "#777", "width": 14, "height": 14}},
        {selector: "edge", style: {"width": 1, "line-color": "#b7c2cc", "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "#b7c2cc", "arrow-scale": 0.6}},
      ],
      layout: {name: "cose", animate: false, nodeRepulsion: 8000},
    });
    cy.on("tap", "node", (evt) => {
      const node = evt.target.data();
      if (node.kind === "event") {
        show(detail, el("h3", {}, node.label), el("p", {class: "meta"}, "event"));
      } else {
        window.location.assign(`/dossier?id=${encodeURIComponent(node.entity)}`);
      }
    });
    window.sitrepGraph = cy;
    document.body.dataset.loaded = "graph";
  } catch (error) { fail(detail, error); }
})();
