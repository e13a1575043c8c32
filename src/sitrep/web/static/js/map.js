/* Map: Natural Earth countries (no tile server), events as markers by type, routes as arrowed lines. */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const map = L.map("map", {worldCopyJump: true, preferCanvas: false}).setView([30, 20], 3);
  const layers = L.layerGroup().addTo(map);
  try {
    const world = await fetch("/static/vendor/countries-110m.json").then(r => r.json());
    L.geoJSON(topojson.feature(world, world.objects.countries),
      {style: {color: "#8aa2b4", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1}, interactive: false}).addTo(map);
  } catch (error) { fail(detail, error); }

  function arrowHead(from, to, color) {
    const a = map.latLngToLayerPoint(from), b = map.latLngToLayerPoint(to);
    const mid = L.point((a.x + b.x) / 2, (a.y + b.y) / 2);
    const angle = Math.atan2(b.y - a.y, b.x - a.x), size = 9;
    const wing = (d) => map.layerPointToLatLng(L.point(mid.x - size * Math.cos(angle + d), mid.y - size * Math.sin(angle + d)));
    return L.polygon([map.layerPointToLatLng(mid), wing(0.5), wing(-0.5)], {color, weight: 1, fillOpacity: 1, className: "route-arrow"});
  }

  let events = [], routes = [];
  function draw() {
    layers.clearLayers();
    // Routes first, so event markers sit on top of the stops and stay clickable.
    for (const route of routes) {
      const points = route.waypoints.filter(w => w.lat !== null).map(w => [w.lat, w.lon]);
      if (points.length < 2) continue;
      const line = L.polyline(points, {color: "#1f5f8b", weight: 3, className: "route-line"}).addTo(layers);
      line.on("click", () => show(detail, el("h3", {}, `Route: ${route.what}`),
        el("p", {}, route.waypoints.map(w => w.name).join(" → ")),
        route.who || route.who_text ? el("p", {}, "Who: ", route.who ? el("a", {href: `/dossier?id=${encodeURIComponent(route.who.id)}`}, route.who.name) : route.who_text) : null,
        route.cost ? el("p", {}, `Cost: ${route.cost.amount} ${route.cost.currency}${route.cost.per ? " per " + route.cost.per : ""}`) : null,
        el("p", {}, el("a", {href: `/reader?id=${encodeURIComponent(route.kb_document)}`}, `Read the report: ${route.title || route.document}`))));
      for (let i = 1; i < points.length; i++) arrowHead(points[i - 1], points[i], "#1f5f8b").addTo(layers);
      // Each stop named on hover; the tooltip gets a DOM node, so the name is never parsed as HTML.
      for (const w of route.waypoints.filter(w => w.lat !== null)) {
        L.circleMarker([w.lat, w.lon], {radius: 3, color: "#1f5f8b", fillOpacity: 1, className: "route-stop"})
          .bindTooltip(el("span", {}, w.name)).addTo(layers);
      }
    }
    for (const ev of events) {
      if (!ev.place || ev.place.lat === null) continue;
      const marker = L.circleMarker([ev.place.lat, ev.place.lon],
        {radius: 7, color: "#222", weight: 1, fillColor: EVENT_COLORS[ev.type] || "#555", fillOpacity: 0.9, className: "event-marker"});
      marker.on("click", () => show(detail, ...eventDetail(ev)));
      marker.addTo(layers);
    }
  }

  async function load(params) {
    try {
      // Routes take the same filters, except the ACLED type: for a route, type is what it moves.
      const {type, ...routeParams} = params;
      const [eventList, routeList] = await Promise.all([api("/api/events", {...params, limit: 500}), api("/api/routes", {...routeParams, limit: 500})]);
      events = eventList.items;
      routes = routeList.items;
      const bounds = [];
      for (const ev of events) if (ev.place && ev.place.lat !== null) bounds.push([ev.place.lat, ev.place.lon]);
      for (const r of routes) for (const w of r.waypoints) if (w.lat !== null) bounds.push([w.lat, w.lon]);
      if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 8, animate: false});
      draw();
      document.body.dataset.loaded = "map";
    } catch (error) { fail(detail, error); }
  }
  map.on("zoomend", draw);
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(formParams(e.target)); });
  load({});
})();
