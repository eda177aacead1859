/*
 * Places an exported chart's source line below everything plotly draws under the plot.
 *
 * Loaded into kaleido's page after plotly.js. How far tick labels, axis titles and legends reach
 * below the plot depends on the text and the label angle plotly picks, which only the browser
 * knows; so the figure is drawn once at its on-screen height, the bottom margin plotly ended up
 * with is read, and the figure is exported with that margin plus a band for the source line.
 * Figures without `layout.meta.cma_source_line` are exported untouched.
 */
(function () {
  "use strict";
  var NAME = "cma-source-line";
  var GAP = 6; // pixels between the lowest axis text and the source line
  var PAD_LEFT = 10; // the title's left padding, so both start at the same place
  var toImage = Plotly.toImage;

  function placed(figure) {
    var layout = figure.layout || {};
    var meta = layout.meta && layout.meta.cma_source_line;
    return meta && typeof meta.band === "number" && !figure.nodeType ? meta.band : null;
  }

  function shifted(y, height, band) {
    // Keeps a container-anchored element (a legend under the plot) above the new band.
    return (y * height + band) / (height + band);
  }

  function finalLayout(layout, size, band) {
    var height = layout.height - band;
    var out = Object.assign({}, layout);
    out.margin = Object.assign({}, layout.margin, { b: size.b + band + GAP });
    out.annotations = (layout.annotations || []).map(function (note) {
      if (note.name !== NAME) return note;
      return Object.assign({}, note, { yshift: -(size.b + GAP), xshift: PAD_LEFT - size.l });
    });
    Object.keys(layout).forEach(function (key) {
      var item = layout[key];
      var isLegend = key.indexOf("legend") === 0 && item && item.yref === "container";
      if (isLegend && typeof item.y === "number") {
        out[key] = Object.assign({}, item, { y: shifted(item.y, height, band) });
      }
    });
    return out;
  }

  Plotly.toImage = function (figure, options) {
    var band = placed(figure);
    if (band === null) return toImage.apply(this, arguments);
    var gd = document.createElement("div");
    document.body.appendChild(gd);
    var measured = Object.assign({}, figure.layout, { height: figure.layout.height - band });
    return Plotly.newPlot(gd, figure.data, measured, figure.config)
      .then(function () {
        var size = Object.assign({}, gd._fullLayout._size);
        Plotly.purge(gd);
        gd.remove();
        var layout = finalLayout(figure.layout, size, band);
        var final = { data: figure.data, layout: layout, config: figure.config };
        return toImage.call(Plotly, final, options);
      })
      .catch(function (error) {
        if (gd.parentNode) {
          Plotly.purge(gd);
          gd.remove();
        }
        throw error;
      });
  };
})();
