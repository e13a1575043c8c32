/* Timeline: events by date, their precision shown as a range (a week, a month, a year). */
"use strict";
(async function () {
  const detail = document.getElementById("detail");
  const container = document.getElementById("timeline");
  const timeline = new vis.Timeline(container, new vis.DataSet([]), {stack: true, zoomable: true, height: "320px"});

  function range(ev) {
    const v = ev.date, date = {precision: ev.precision};
    const start = new Date(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v);
    const end = new Date(start);
    if (date.precision === "week") end.setDate(end.getDate() + 7);
    else if (date.precision === "month") end.setMonth(end.getMonth() + 1);
    else if (date.precision === "year") end.setFullYear(end.getFullYear() + 1);
    return date.precision === "day" ? {start} : {start, end, type: "range"};
  }

  async function load(params) {
    try {
      const events = (await api("/api/events", {...params, limit: 1000})).items.filter(ev => ev.date);
      const byId = new Map(events.map(ev => [ev.id, ev]));
      // Item content is a DOM node, never an HTML string: vis-timeline would parse a string as HTML.
      timeline.setItems(new vis.DataSet(events.map(ev => ({id: ev.id,
        content: el("span", {class: "tl-event"}, `${ev.sub_type}${ev.place ? " · " + ev.place.name : ""}`),
        style: `border-color:${EVENT_COLORS[ev.type] || "#555"}`, ...range(ev)}))));
      if (events.length) timeline.fit({animation: false});
      timeline.off("select");
      timeline.on("select", (props) => { const ev = byId.get(props.items[0]); if (ev) show(detail, ...eventDetail(ev)); });
      document.body.dataset.loaded = "timeline";
    } catch (error) { fail(detail, error); }
  }
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(formParams(e.target)); });
  load({});
})();
