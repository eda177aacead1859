// Map outlines the page named in its head (dashboard/outlines.py: <link rel=preload
// data-outline>), handed to plotly.js as they arrive: plotly.js looks in
// window.PlotlyGeoAssets.topojson before fetching a map's outline file, so the map is drawn
// whole in its first draw instead of drawn empty, then again once its own fetch is back.
(function () {
  var assets = (window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} });
  assets.topojson = assets.topojson || {};
  document.querySelectorAll("link[rel=preload][data-outline]").forEach(function (link) {
    var name = link.dataset.outline;
    // Same URL, mode and credentials as the preload, so the preload's response is the answer.
    fetch(link.href, { credentials: "same-origin", mode: "cors" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (outline) {
        if (outline && assets.topojson[name] === undefined) {
          assets.topojson[name] = outline;
        }
      })
      .catch(function () {
        // Not arrived: plotly.js fetches the file itself when the map draws.
      });
  });
})();
