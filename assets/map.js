// placemap web map: draws the layers inlined in #placemap-data with Leaflet (assets/leaflet/).
// Claims are circles coloured by the gaining side and drawn by verification (solid and large: assessed,
// i.e. corroborated or acknowledged; solid: claimed; hollow: unverified or disputed); places are small
// labelled dots coloured by the latest claimed controller. A slider shows the claims up to a date
// (event_date); undated claims are always shown. No tiles are needed: a graticule gives the frame, and a
// tile URL given to `placemap map --tiles` adds a basemap.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("placemap-data").textContent);
  var SIDE = { UA: "#1f77b4", RU: "#d62728" };
  var OTHER = "#bcaaa4", PLACE = "#7f7f7f";

  function sideColor(side) { return SIDE[side] || OTHER; }
  function assessed(v) { return v === "corroborated" || v === "acknowledged"; }
  function doubted(v) { return v === "unverified" || v === "disputed"; }

  function claimStyle(p) {
    var c = sideColor(p.gaining_side);
    var hollow = doubted(p.verification);
    return {
      radius: assessed(p.verification) ? 9 : 7,
      color: hollow ? c : "#232323",
      weight: hollow ? 2.5 : 1,
      dashArray: p.verification === "disputed" ? "3 2" : null,
      fillColor: hollow ? "#ffffff" : c,
      fillOpacity: hollow ? 0.9 : 0.95,
      className: "pm-claim pm-side-" + (SIDE[p.gaining_side] ? p.gaining_side : "other") + " pm-ver-" + p.verification
    };
  }

  function placeStyle(p) {
    var c = p.controller === "UA" || p.controller === "RU" ? SIDE[p.controller]
      : p.controller === "contested" ? OTHER : PLACE;
    return { radius: 4, color: "#ffffff", weight: 1, fillColor: c, fillOpacity: 1, className: "pm-place" };
  }

  // A popup built from text nodes only (article text is never parsed as HTML).
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function row(box, label, value) {
    if (value === null || value === undefined || value === "") return;
    var r = el("div", "pm-row");
    r.appendChild(el("span", "pm-key", label));
    r.appendChild(document.createTextNode(" " + value));
    box.appendChild(r);
  }
  function link(box, url, text) {
    if (!url || !/^https?:\/\//i.test(url)) return;
    var a = el("a", "pm-link", text || url);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    box.appendChild(a);
  }
  function claimPopup(p) {
    var box = el("div", "pm-popup");
    box.appendChild(el("div", "pm-title", p.title));
    if (p.quote) box.appendChild(el("blockquote", "pm-quote", p.quote));
    row(box, "date", p.event_date ? p.event_date + (p.time_precision === 1 ? "" : " (approx.)") : "undated");
    row(box, "verification", p.verification);
    row(box, "claimant", p.claimant);
    row(box, "source", p.source_name || p.source_title || p.doc);
    link(box, p.source_url);
    return box;
  }
  function placePopup(p) {
    var box = el("div", "pm-popup");
    box.appendChild(el("div", "pm-title", p.name));
    row(box, "", p.description);
    row(box, "written", p.names_as_written);
    return box;
  }
  function otherPopup(p) {
    var box = el("div", "pm-popup");
    box.appendChild(el("div", "pm-title", p.title || p.text));
    if (p.quote) box.appendChild(el("blockquote", "pm-quote", p.quote));
    row(box, "published", p.published_date);
    link(box, p.source_url);
    return box;
  }

  var map = L.map("map", { zoomSnap: 0.25, worldCopyJump: true, fadeAnimation: false, zoomAnimation: false,
    markerZoomAnimation: false });
  if (data.tiles) {
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution || "", maxZoom: 18 }).addTo(map);
  }
  // The first view: the claims and links (else the places), not the far countries an article also names.
  function bounds(features) {
    var b = L.latLngBounds([]);
    features.forEach(function (f) { b.extend(L.geoJSON(f).getBounds()); });
    return b;
  }
  var frame = bounds([].concat(data.claims.features, data.links.features));
  if (!frame.isValid()) frame = bounds(data.places.features);
  if (!frame.isValid()) frame = L.latLngBounds([[44, 22], [53, 41]]);
  var wide = window.innerWidth > 800;  // keep the first view clear of the legend panel
  map.fitBounds(frame, { maxZoom: 9, paddingTopLeft: [wide ? 400 : 40, 40], paddingBottomRight: [80, 40] });
  frame = frame.pad(0.5);

  // Graticule lines at a round step: about ten across the first view.
  function graticule(b) {
    var span = Math.max(b.getEast() - b.getWest(), b.getNorth() - b.getSouth(), 0.1);
    var s = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30].filter(function (x) { return span / x <= 12; })[0] || 30;
    var g = L.layerGroup(), lines = { color: "#d2d2d2", weight: 0.6, interactive: false };
    var w = Math.floor(b.getWest() / s - 10) * s, e = Math.ceil(b.getEast() / s + 10) * s;
    var so = Math.max(-80, Math.floor(b.getSouth() / s - 10) * s), n = Math.min(80, Math.ceil(b.getNorth() / s + 10) * s);
    for (var x = w; x <= e; x += s) L.polyline([[so, x], [n, x]], lines).addTo(g);
    for (var y = so; y <= n; y += s) L.polyline([[y, w], [y, e]], lines).addTo(g);
    return g;
  }
  if (!data.tiles) graticule(frame).addTo(map);

  var links = L.geoJSON(data.links, {
    style: function () { return { color: "#555555", weight: 2, dashArray: "6 4", className: "pm-link-line" }; },
    onEachFeature: function (f, l) { l.bindPopup(otherPopup(f.properties)); }
  });
  var quantities = L.geoJSON(data.quantities, {
    pointToLayer: function (f, ll) {
      return L.circleMarker(ll, { radius: 3, color: "#8c564b", fillColor: "#8c564b", fillOpacity: 1, className: "pm-quantity" });
    },
    onEachFeature: function (f, l) { l.bindPopup(otherPopup(f.properties)); }
  });
  var places = L.geoJSON(data.places, {
    pointToLayer: function (f, ll) { return L.circleMarker(ll, placeStyle(f.properties)); },
    onEachFeature: function (f, l) {
      l.bindPopup(placePopup(f.properties));
      l.bindTooltip(f.properties.name, { permanent: true, direction: "right", offset: [6, 0], className: "pm-label" });
    }
  });
  var claims = L.layerGroup();
  var claimMarkers = data.claims.features.map(function (f) {
    var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
    var m = L.circleMarker(ll, claimStyle(f.properties)).bindPopup(claimPopup(f.properties));
    m.bindTooltip(f.properties.title, { direction: "top", offset: [0, -8] });
    return { date: f.properties.event_date, marker: m };
  });
  links.addTo(map); quantities.addTo(map); places.addTo(map); claims.addTo(map);
  L.control.layers(null, { "Claims": claims, "Places": places, "Links": links, "Quantities": quantities },
    { collapsed: false, position: "topright" }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  // The time slider: the claims up to the chosen date (the last position: every claim).
  var dates = claimMarkers.map(function (c) { return c.date; }).filter(Boolean)
    .filter(function (d, i, a) { return a.indexOf(d) === i; }).sort();
  var slider = document.getElementById("pm-slider"), shown = document.getElementById("pm-date");
  slider.min = 0; slider.max = Math.max(dates.length - 1, 0); slider.value = slider.max;
  slider.disabled = dates.length < 2;
  function showUpTo(i) {
    var until = dates[i];
    claims.clearLayers();
    var n = 0;
    claimMarkers.forEach(function (c) {
      if (!c.date || !until || c.date <= until) { claims.addLayer(c.marker); n += 1; }
    });
    shown.textContent = until ? "claims up to " + until + " (" + n + ")" : n + " claims, undated";
    return n;
  }
  slider.addEventListener("input", function () { showUpTo(Number(slider.value)); });
  showUpTo(Number(slider.value));

  window.placemap = {
    dates: dates,
    counts: {
      places: data.places.features.length, claims: data.claims.features.length,
      links: data.links.features.length, quantities: data.quantities.features.length
    },
    showUpTo: function (i) { slider.value = i; return showUpTo(i); },
    ready: true
  };
})();
