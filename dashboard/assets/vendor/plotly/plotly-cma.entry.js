// plotly.js with only the trace types the dashboard draws (dashboard/figures: go.Scatter, go.Bar, go.Choropleth)
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth')]);
module.exports = Plotly;
