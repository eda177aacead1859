// plotly.js with only the trace types dashboard/figures draws (go.Scatter, go.Bar, go.Choropleth);
// see README.md for the command that bundles it.
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth')]);

// The text sizes plotly.js has measured in this page, keyed by text and font
// (Drawing.savedBBoxes), and `seed` added to them first when given: assets/text-sizes.js keeps
// them for the reader's next visit.
var drawing = require('plotly.js/src/components/drawing');
Plotly.cmaTextSizes = function (seed) {
  if (seed) Object.assign(drawing.savedBBoxes, seed);
  return drawing.savedBBoxes;
};
module.exports = Plotly;
