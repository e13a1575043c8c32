/* Natural Earth countries without antimeridian artefacts.
   world-atlas cuts a country that spans the 180th meridian (Russia, Fiji) so that one ring jumps
   from +180 to -180; drawn as is, that jump is a line across the whole map. Each ring is unwrapped
   (later points shifted by 360 degrees to stay next to the earlier ones), so the country runs on past
   180 instead. Antarctica, whose ring circles the pole, has no place on a conflict map and is left out. */
"use strict";
const LEFT_OUT = new Set(["010"]);  // Antarctica

function unwrapRing(ring) {
  let shift = 0;
  return ring.map((point, i) => {
    if (i > 0) {
      const jump = point[0] - ring[i - 1][0];
      if (jump > 180) shift -= 360;
      else if (jump < -180) shift += 360;
    }
    return [point[0] + shift, point[1]];
  });
}

function unwrapGeometry(geometry) {
  if (geometry.type === "Polygon") return {type: "Polygon", coordinates: geometry.coordinates.map(unwrapRing)};
  if (geometry.type === "MultiPolygon") {
    return {type: "MultiPolygon", coordinates: geometry.coordinates.map(polygon => polygon.map(unwrapRing))};
  }
  return geometry;
}

function worldFeatures(topology) {
  const countries = topojson.feature(topology, topology.objects.countries);
  return {type: "FeatureCollection", features: countries.features
    .filter(f => !LEFT_OUT.has(String(f.id)) && f.geometry)
    .map(f => ({...f, geometry: unwrapGeometry(f.geometry)}))};
}

/* A route's longitudes unwrapped the same way: a route across the Pacific takes the short way. */
function unwrapLine(points) {
  return unwrapRing(points.map(([lat, lon]) => [lon, lat])).map(([lon, lat]) => [lat, lon]);
}
