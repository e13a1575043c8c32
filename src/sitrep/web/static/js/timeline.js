/* Timeline: events by date, a date's precision shown as a range (a week, a month, a year),
   coloured by type as on the map, optionally one row per type or per actor. Its height follows
   its rows, up to most of the window, so no item is cut off. */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const groupBy = document.getElementById("group-by");
  const status = document.getElementById("tl-count");
  const timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet([]),
    {stack: true, zoomable: true, maxHeight: Math.max(320, Math.round(window.innerHeight * 0.7)), verticalScroll: true,
     margin: {item: {horizontal: 2, vertical: 4}}, orientation: {axis: "both", item: "top"}});
  const LIMIT = 1000;  // vis-timeline stays quick to draw and to read up to about this many items
  let state = bindFilters((s) => { state = s; load(); });
  let points = [];
  typeLegend(document.getElementById("legend"));
  groupBy.value = new URLSearchParams(window.location.search).get("group") || "";

  function range(p) {
    const v = p.date;
    const start = new Date(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v);
    const end = new Date(start);
    if (p.precision === "week") end.setDate(end.getDate() + 7);
    else if (p.precision === "month") end.setMonth(end.getMonth() + 1);
    else if (p.precision === "year") end.setFullYear(end.getFullYear() + 1);
    return p.precision === "day" || !p.precision ? {start} : {start, end, type: "range"};
  }

  function groupOf(p) {
    if (groupBy.value === "type") return p.type;
    if (groupBy.value === "actor") return p.actor || "no actor named";
    return null;
  }

  function draw() {
    const dated = points.filter(p => p.date);
    // Item and group content are DOM nodes, never HTML strings: vis-timeline would parse a string as HTML.
    const items = dated.map(p => ({id: p.id, className: `tl-event ${typeClass(p.type)}`, group: groupOf(p) ?? undefined,
      content: el("span", {class: "tl-label"}, `${p.sub_type}${p.place ? " · " + p.place : ""}`), ...range(p)}));
    if (groupBy.value) {
      const names = [...new Set(dated.map(groupOf))].sort((a, b) => a.localeCompare(b));
      timeline.setData({groups: new vis.DataSet(names.map(n => ({id: n, content: el("span", {class: "tl-group"}, n)}))),
        items: new vis.DataSet(items)});
    } else {
      timeline.setData({groups: null, items: new vis.DataSet(items)});
    }
    if (items.length) timeline.fit({animation: false});
  }

  async function load() {
    try {
      delete document.body.dataset.loaded;
      const data = await api("/api/points", {...state, limit: LIMIT});
      points = data.items;
      status.textContent = `${data.total} events` + (data.total > points.length ? `, the newest ${points.length} shown` : "");
      draw();
      const chosen = readSelected();
      if (chosen !== null && timeline.itemsData.get(chosen)) {
        timeline.setSelection([chosen]);
        timeline.moveTo(timeline.itemsData.get(chosen).start, {animation: false});
        await choose(chosen);
      }
      document.body.dataset.loaded = "timeline";
    } catch (error) { fail(detail, error); }
  }

  /* The chosen event opens its sources and goes into the URL, for the map and the graph. */
  async function choose(id) {
    writeSelected(id);
    try {
      show(detail, ...eventDetail(await api(`/api/events/${encodeURIComponent(id)}`)));
      document.body.dataset.selected = String(id);
    } catch (error) { fail(detail, error); }
  }

  timeline.on("select", (props) => { if (props.items.length) choose(props.items[0]); });
  keyboardTimeline(timeline, document.getElementById("timeline"), choose, true);
  groupBy.addEventListener("change", () => {
    const params = new URLSearchParams(window.location.search);
    if (groupBy.value) params.set("group", groupBy.value); else params.delete("group");
    history.replaceState(null, "", `${window.location.pathname}?${params}`);
    draw();
  });
  document.getElementById("zoom-selection").addEventListener("click", () => {
    const chosen = timeline.getSelection();
    if (chosen.length) timeline.focus(chosen, {animation: false}); else timeline.fit({animation: false});
  });
  window.sitrepTimeline = timeline;
  load();
})();
