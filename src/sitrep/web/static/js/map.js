/* Map workspace: Natural Earth countries (no tile server), events clustered and coloured by type,
   routes with arrowheads and labels, a legend, and a time brush below that narrows the map.
   The shared filters live in the URL; the brush writes its dates there too. */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const count = document.getElementById("map-count");
  const map = L.map("map", {worldCopyJump: false, keyboard: true, minZoom: 2, maxZoom: 12}).setView([30, 20], 3);
  const routeLayer = L.layerGroup().addTo(map);
  const cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false, disableClusteringAtZoom: 11,
    chunkedLoading: true, iconCreateFunction: clusterIcon});
  map.addLayer(cluster);
  const markers = new Map();
  const BRUSH_DOTS = 1000;
  // Up to this many events the browser gets them all and clusters them itself; beyond, the
  // database groups them (a test may lower it through window.sitrepClientMax).
  const CLIENT_MAX = window.sitrepClientMax || 3000;
  const DETAIL_ZOOM = 8, VIEW_POINTS = 3000;
  const cellLayer = L.layerGroup().addTo(map);
  let serverMode = false, total = 0, moving = null;
  let selectedId = readSelected();
  let state = bindFilters((s) => { state = s; loadAll(); });
  let points = [], routes = [];

  // The countries come while the events are asked for; they are drawn under the events' panes.
  const countries = fetch("/static/vendor/countries-110m.json").then(r => r.json()).then(world => {
    L.geoJSON(worldFeatures(world), {style: {color: "#8aa2b4", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1,
      className: "country"}, interactive: false, pane: "tilePane"}).addTo(map);
  }).catch(error => fail(detail, error));

  legend();

  /* A cluster says how many events it holds, ringed in the colour of the type most of them are. */
  function clusterIcon(group) {
    const tally = {};
    for (const m of group.getAllChildMarkers()) tally[m.options.eventType] = (tally[m.options.eventType] || 0) + 1;
    const top = Object.keys(tally).sort((a, b) => tally[b] - tally[a])[0];
    const n = group.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({className: `event-cluster ${typeClass(top)}`, iconSize: [size, size], html: el("span", {}, String(n))});
  }

  /* The legend sits under the map, so it never hides a marker. */
  function legend() {
    const box = document.getElementById("legend");
    typeLegend(box);
    box.append(el("span", {}, el("span", {class: "swatch cluster-swatch"}), "several events, ringed by the commonest type"));
    box.append(el("span", {}, el("span", {class: "swatch route-swatch"}), "route, arrows show the direction"));
    box.append(el("span", {id: "route-kinds", class: "meta"}));
  }

  function arrowHead(from, to) {
    const a = map.latLngToLayerPoint(from), b = map.latLngToLayerPoint(to);
    const mid = L.point((a.x + b.x) / 2, (a.y + b.y) / 2);
    const angle = Math.atan2(b.y - a.y, b.x - a.x), size = 10;
    const wing = (d) => map.layerPointToLatLng(L.point(mid.x - size * Math.cos(angle + d), mid.y - size * Math.sin(angle + d)));
    return L.polygon([map.layerPointToLatLng(mid), wing(0.5), wing(-0.5)],
      {color: "#1f3f5b", weight: 1, fillOpacity: 1, className: "route-arrow", interactive: false});
  }

  function routeSummary(route) {
    const who = route.who ? route.who.name : route.who_text;
    const cost = route.cost ? `${route.cost.amount} ${route.cost.currency}${route.cost.per ? " per " + route.cost.per : ""}` : null;
    return el("span", {class: "route-hover"}, el("strong", {}, route.what), who ? ` · ${who}` : "",
      el("br"), route.waypoints.map(w => w.name).join(" → "), cost ? el("br") : null, cost ? `Cost: ${cost}` : null);
  }

  function routeDetail(route) {
    show(detail, el("h3", {}, `Route: ${route.what}`),
      el("p", {}, route.waypoints.map(w => w.name).join(" → ")),
      route.who || route.who_text ? el("p", {}, "Who: ", route.who ? el("a", {href: `/dossier?id=${encodeURIComponent(route.who.id)}`}, route.who.name) : route.who_text) : null,
      route.cost ? el("p", {}, `Cost: ${route.cost.amount} ${route.cost.currency}${route.cost.per ? " per " + route.cost.per : ""}`) : null,
      el("p", {}, sentenceLink(route.kb_document, route.start, `Read the report: ${route.title || route.document}`)));
  }

  function drawRoutes() {
    routeLayer.clearLayers();
    for (const route of routes) {
      const points = unwrapLine(route.waypoints.filter(w => w.lat !== null).map(w => [w.lat, w.lon]));
      if (points.length < 2) continue;
      const line = L.polyline(points, {color: "#1f3f5b", weight: 3, opacity: 0.85, dashArray: "6 4", className: "route-line"})
        .addTo(routeLayer);
      line.bindTooltip(routeSummary(route), {sticky: true, className: "route-tip"});
      line.on("click", () => routeDetail(route));
      for (let i = 1; i < points.length; i++) arrowHead(points[i - 1], points[i]).addTo(routeLayer);
      const middle = points[Math.floor((points.length - 1) / 2)], next = points[Math.floor((points.length - 1) / 2) + 1];
      // The label is a DOM node in a div icon (never an HTML string), placed halfway along.
      L.marker([(middle[0] + next[0]) / 2, (middle[1] + next[1]) / 2], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "route-label", iconSize: null, iconAnchor: [-8, 8],
          html: el("span", {}, `${route.what}${route.who ? " · " + route.who.name : ""}`)})}).addTo(routeLayer);
      // Each stop named on hover; a tooltip gets a DOM node, so a name is never parsed as HTML.
      for (const w of route.waypoints.filter(w => w.lat !== null)) {
        L.circleMarker([w.lat, w.lon], {radius: 3, color: "#1f3f5b", fillOpacity: 1, className: "route-stop"})
          .bindTooltip(el("span", {}, w.name)).addTo(routeLayer);
      }
    }
    const kinds = [...new Set(routes.map(r => r.what))].sort();
    const box = document.getElementById("route-kinds");
    if (box) box.textContent = kinds.length ? `Routes move: ${kinds.join(", ")}` : "";
  }

  function marker(p) {
    const m = L.marker([p.lat, p.lon], {keyboard: true, riseOnHover: true, eventType: p.type,
      title: `${p.sub_type}${p.place ? " · " + p.place : ""}${p.date ? " · " + p.date : ""}`,
      icon: L.divIcon({className: `event-marker ${typeClass(p.type)}`, iconSize: [14, 14]})});
    m.on("click", () => select(p.id, "map"));
    return m;
  }

  // The density layer: where events crowd, for dense periods where clusters hide the spread.
  const heat = L.heatLayer([], {radius: 22, blur: 18, minOpacity: 0.25});
  const heatBox = document.getElementById("heat");
  heatBox.addEventListener("change", () => {
    if (heatBox.checked) heat.addTo(map); else map.removeLayer(heat);
  });

  function drawPoints(shown) {
    if (!serverMode) heat.setLatLngs(shown.filter(p => p.lat !== null).map(p => [p.lat, p.lon, 1]));
    cellLayer.clearLayers();
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const p of shown) {
      if (p.lat === null || p.lon === null) continue;
      const m = marker(p);
      markers.set(p.id, m);
      layers.push(m);
    }
    cluster.addLayers(layers);
    if (selectedId !== null && markers.has(selectedId)) mark(markers.get(selectedId));
  }

  /* The database's grid cells, for a KB too big to send whole: a click zooms into a cell. */
  function drawCells(cells) {
    cluster.clearLayers();
    markers.clear();
    cellLayer.clearLayers();
    const most = Math.max(1, ...cells.map(c => c.count));
    heat.setOptions({max: most});
    heat.setLatLngs(cells.map(c => [c.lat, c.lon, c.count]));
    for (const c of cells) {
      const n = c.count, size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
      const m = L.marker([c.lat, c.lon], {keyboard: true, title: `${n} events, most of them ${c.type}`,
        icon: L.divIcon({className: `event-cluster server-cell ${typeClass(c.type)}`, iconSize: [size, size],
          html: el("span", {}, String(n))})});
      m.on("click", () => {
        const [s, w, nn, e] = c.bounds;
        if (nn - s < 1e-6 && e - w < 1e-6) map.setView([c.lat, c.lon], Math.max(map.getZoom() + 2, DETAIL_ZOOM));
        else map.fitBounds([[s, w], [nn, e]], {padding: [40, 40], maxZoom: Math.max(map.getZoom() + 1, DETAIL_ZOOM)});
      });
      cellLayer.addLayer(m);
    }
  }

  function mark(m) {
    for (const icon of document.querySelectorAll(".event-marker.selected")) icon.classList.remove("selected");
    if (m._icon) L.DomUtil.addClass(m._icon, "selected");
  }

  /* Selecting an event anywhere marks it on the map and in the strip, opens its sources and
     goes into the URL, so the timeline and the graph open on it too. */
  async function select(id, from) {
    selectedId = id;
    writeSelected(id);
    const m = markers.get(id);
    if (m && from !== "map") cluster.zoomToShowLayer(m, () => mark(m));
    else if (m) mark(m);
    if (from !== "brush") brush.setSelection([id]);
    try {
      const ev = await api(`/api/events/${encodeURIComponent(id)}`);
      show(detail, ...eventDetail(ev));
      document.body.dataset.selected = String(id);
      // Too many events to hold them all: go to the event, whose marker comes with the view.
      if (!m && serverMode && ev.lat !== null) {
        map.setView([ev.lat, ev.lon], Math.max(map.getZoom(), DETAIL_ZOOM), {animate: false});
        clearTimeout(moving);
        await loadView();
      }
    } catch (error) { fail(detail, error); }
  }

  function fit(cells) {
    const bounds = [];
    for (const p of points) if (p.lat !== null) bounds.push([p.lat, p.lon]);
    for (const c of cells || []) bounds.push([c.bounds[0], c.bounds[1]], [c.bounds[2], c.bounds[3]]);
    for (const r of routes) for (const w of unwrapLine(r.waypoints.filter(w => w.lat !== null).map(w => [w.lat, w.lon]))) bounds.push(w);
    if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 8, animate: false});
  }

  // The time brush: the events the other filters keep, at most a thousand dots taken evenly across
  // the dates; its visible window is the map's date range.
  const brush = new vis.Timeline(document.getElementById("brush"), new vis.DataSet([]),
    {stack: false, height: "110px", zoomable: true, moveable: true, selectable: true, showCurrentTime: false,
     margin: {item: 2}});
  keyboardTimeline(brush, document.getElementById("brush"), (id) => select(id, "brush"));
  brush.on("select", (props) => { if (props.items.length) select(props.items[0], "brush"); });
  brush.on("rangechanged", (props) => {
    if (!props.byUser) return;
    const day = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    state = {...state, since: day(props.start), until: day(props.end)};
    fillForm(document.getElementById("filters"), state);
    writeState(state);
    delete document.body.dataset.loaded;
    loadMap(false).then(() => { document.body.dataset.loaded = "map"; });
  });
  document.getElementById("all-dates").addEventListener("click", () => {
    const {since, until, ...rest} = state;
    state = rest;
    fillForm(document.getElementById("filters"), state);
    writeState(state);
    loadAll();
  });

  async function loadBrush() {
    const {since, until, ...rest} = state;
    const items = (await api("/api/points", {...rest, limit: BRUSH_DOTS, even: true})).items;
    brush.setItems(new vis.DataSet(items.filter(p => p.date).map(p => ({id: p.id, start: p.date, type: "point",
      className: `tl-point ${typeClass(p.type)}`, content: el("span", {class: "tl-dot"})}))));
    // No item title: vis-timeline would show a title string as HTML.
    if (since || until) brush.setWindow(since || items[0]?.date, until || new Date(), {animation: false});
    else if (items.length) brush.fit({animation: false});
    if (selectedId !== null) brush.setSelection([selectedId]);
  }

  /* The map's view as SOUTH,WEST,NORTH,EAST, a little wider than the screen; null for the world. */
  function viewBox() {
    const b = map.getBounds().pad(0.25);
    if (b.getEast() - b.getWest() >= 360) return `${Math.max(-90, b.getSouth()).toFixed(4)},-180,${Math.min(90, b.getNorth()).toFixed(4)},180`;
    const wrap = (lon) => L.Util.wrapNum(lon, [-180, 180], true).toFixed(4);
    return `${Math.max(-90, b.getSouth()).toFixed(4)},${wrap(b.getWest())},${Math.min(90, b.getNorth()).toFixed(4)},${wrap(b.getEast())}`;
  }

  /* With too many events to send, the view asks the database for what it shows: grid cells at
     low zoom, the events themselves once zoomed in. A newer request wins over a slower older one. */
  let asked = 0;
  async function loadView() {
    const mine = ++asked;
    if (map.getZoom() >= DETAIL_ZOOM) {
      const list = await api("/api/points", {...state, bbox: viewBox(), limit: VIEW_POINTS});
      if (mine !== asked) return;
      points = list.items;
      heat.setOptions({max: 1});
      heat.setLatLngs(points.filter(p => p.lat !== null).map(p => [p.lat, p.lon, 1]));
      drawPoints(points);
      document.body.dataset.view = "points";
    } else {
      const cells = await api("/api/clusters", {...state, bbox: viewBox(), zoom: map.getZoom()});
      if (mine !== asked) return;
      points = [];
      drawCells(cells.items);
      document.body.dataset.view = "cells";
    }
    document.body.dataset.events = String(markers.size);
  }

  async function loadMap(refit) {
    try {
      // Routes take the same filters, except the ACLED type: for a route, type is what it moves.
      const {type, grade, q, ...routeParams} = state;
      const [world, routeList] = await Promise.all([api("/api/clusters", {...state, zoom: 2}),
        api("/api/routes", {...routeParams, limit: 500})]);
      routes = routeList.items;
      total = world.total;
      serverMode = total > CLIENT_MAX;
      if (serverMode) {
        points = [];
        if (refit) fit(world.items);
        clearTimeout(moving);  // the fit's own move needs no second request
        drawRoutes();
        await loadView();
      } else {
        points = (await api("/api/points", {...state, limit: CLIENT_MAX})).items;
        if (refit) fit();
        drawRoutes();
        drawPoints(points);
        document.body.dataset.view = "points";
        document.body.dataset.events = String(points.length);
      }
      count.textContent = `${total} events on the map${serverMode ? " (grouped by the database until zoomed in)" : ""}, `
        + `${routeList.total} routes`;
    } catch (error) { fail(detail, error); }
  }

  async function loadAll(first) {
    delete document.body.dataset.loaded;
    let view = first ? readView() : null;
    if (!view && first && selectedId !== null) {
      // Opened on an event: the map starts there, zoomed in, rather than on the whole selection.
      const ev = await api(`/api/events/${encodeURIComponent(selectedId)}`).catch(() => null);
      if (ev && ev.lat !== null) view = {center: [ev.lat, ev.lon], zoom: DETAIL_ZOOM};
    }
    if (view) map.setView(view.center, view.zoom, {animate: false});
    await Promise.all([loadMap(!view), loadBrush().catch(error => fail(detail, error)), countries]);
    if (first && selectedId !== null) await select(selectedId, "url");
    document.body.dataset.loaded = "map";
  }

  /* The map's centre and zoom go into the URL too (``view``), so a shared link opens on the
     same place; they are the map's own, not a filter, so other views do not take them. */
  function readView() {
    const m = /^(-?[0-9.]+),(-?[0-9.]+),([0-9]{1,2})$/.exec(new URLSearchParams(window.location.search).get("view") || "");
    if (!m) return null;
    const [lat, lon, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 540 ? {center: [lat, lon], zoom} : null;
  }

  map.on("moveend", () => {
    const params = new URLSearchParams(window.location.search), c = map.getCenter();
    params.set("view", `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
    history.replaceState(null, "", `${window.location.pathname}?${params}`);
  });

  map.on("moveend", () => {
    if (!serverMode) return;
    clearTimeout(moving);
    moving = setTimeout(() => loadView().catch(error => fail(detail, error)), 150);
  });

  document.getElementById("download").addEventListener("click", async () => {
    // The whole selection, not only what the view shows.
    const all = serverMode ? (await api("/api/points", {...state, limit: 20000})).items : points;
    const features = all.filter(p => p.lat !== null).map(p => ({type: "Feature",
      geometry: {type: "Point", coordinates: [p.lon, p.lat]},
      properties: {id: p.id, type: p.type, sub_type: p.sub_type, date: p.date, precision: p.precision, place: p.place, actor: p.actor}}));
    for (const r of routes) {
      const line = r.waypoints.filter(w => w.lat !== null).map(w => [w.lon, w.lat]);
      if (line.length > 1) features.push({type: "Feature", geometry: {type: "LineString", coordinates: line},
        properties: {route: r.id, what: r.what, who: r.who ? r.who.name : r.who_text, document: r.document}});
    }
    const blob = new Blob([JSON.stringify({type: "FeatureCollection", features})], {type: "application/geo+json"});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "sitrep-selection.geojson";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  map.on("zoomend", drawRoutes);
  window.sitrepMap = {map, brush, cluster, markers, cells: cellLayer};
  loadAll(true);
})();
