// plotly.js with only the trace types dashboard/figures draws (go.Scatter, go.Bar, go.Choropleth);
// see README.md for the command that bundles it.
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth')]);
module.exports = Plotly;
