// Phones: a chart's figure declares its narrow layout in layout.meta.narrow (written by
// dashboard/figures/narrow.py). While the graph is narrower than `below` px it is drawn with
// the `narrow` patch, and with `wide` (the figure's own values) again when it widens: in the
// browser, with no request, after every draw, callback redraw or resize. The patched figure is
// a copy (Plotly.react), so the figure Dash holds is never changed. A figure that arrives for a
// graph already narrow (the first draw, a callback's redraw) is patched before it is drawn:
// drawn once, not wide and then narrow again (each draw of a chart costs 50-300 ms).
(function () {
  var form = new WeakMap(); // the layout object plotly draws -> "narrow" or "wide"

  // A copy of `obj` with `value` at a Plotly attribute path ("annotations[2].font.size"),
  // copying only the objects along the path.
  function setPath(obj, path, value) {
    var keys = [];
    path.split(".").forEach(function (part) {
      var match = /^(\w+)\[(\d+)\]$/.exec(part);
      if (match) {
        keys.push(match[1], Number(match[2]));
      } else {
        keys.push(part);
      }
    });
    var root = Array.isArray(obj) ? obj.slice() : Object.assign({}, obj);
    var node = root;
    keys.forEach(function (key, i) {
      if (i === keys.length - 1) {
        if (value === null) {
          delete node[key];
        } else {
          node[key] = value;
        }
        return;
      }
      var next = node[key];
      if (next === undefined || next === null) {
        next = typeof keys[i + 1] === "number" ? [] : {};
      }
      node[key] = Array.isArray(next) ? next.slice() : Object.assign({}, next);
      node = node[key];
    });
    return root;
  }

  function patched(gd, part) {
    return patchedFigure(gd.data, gd.layout, part);
  }

  function patchedFigure(data, layout, part) {
    Object.keys(part.layout || {}).forEach(function (path) {
      layout = setPath(layout, path, part.layout[path]);
    });
    data = data.map(function (trace, index) {
      var changes = (part.traces || {})[String(index)] || {};
      Object.keys(changes).forEach(function (path) {
        trace = setPath(trace, path, changes[path]);
      });
      return trace;
    });
    return [data, layout];
  }

  function fit(gd) {
    var meta = gd.layout && gd.layout.meta;
    var spec = meta && meta.narrow;
    if (!spec || !window.Plotly || !gd.clientWidth) {
      return;
    }
    var want = gd.clientWidth < spec.below ? "narrow" : "wide";
    if ((form.get(gd.layout) || "wide") === want) {
      form.set(gd.layout, want); // a layout fresh from the server is the wide one
      gd.dataset.layoutForm = want; // what the browser tests wait for
      return;
    }
    var figure = patched(gd, spec[want]);
    form.set(figure[1], want);
    var angles = autoAngles(spec[want]);
    window.Plotly.react(gd, figure[0], figure[1])
      .then(function () {
        return Object.keys(angles).length ? window.Plotly.relayout(gd, angles) : null;
      })
      .then(function () {
        gd.dataset.layoutForm = want;
      });
  }

  // The figure Plotly.react is about to draw, in its narrow form if the graph is narrow and
  // the figure is fresh (its form unknown): dcc.Graph calls react(gd, {data, layout, ...}).
  function beforeDraw(gd, figure) {
    var layout = figure && figure.layout;
    var spec = layout && layout.meta && layout.meta.narrow;
    if (!spec || form.has(layout) || !Array.isArray(figure.data)) {
      return figure;
    }
    if (!gd || !gd.clientWidth || gd.clientWidth >= spec.below) {
      return figure;
    }
    var drawn = patchedFigure(figure.data, layout, spec.narrow);
    form.set(drawn[1], "narrow");
    return Object.assign({}, figure, { data: drawn[0], layout: drawn[1] });
  }

  // Run by draw.js before every Plotly.react, and after it on a redraw.
  var draw = (window.cmaDraw = window.cmaDraw || { transforms: [] });
  draw.transforms.push({
    order: 0,
    before: function (gd, figure) {
      return beforeDraw(gd, figure);
    },
    after: function (gd, drawn, redraw) {
      // A redraw keeps the last draw's automatic tick angles: measured anew, as fit() does.
      if (!redraw || form.get(drawn.layout) !== "narrow") {
        return null;
      }
      var angles = autoAngles(narrowSpec(drawn.layout).narrow);
      return Object.keys(angles).length ? window.Plotly.relayout(gd, angles) : null;
    },
  });

  function narrowSpec(layout) {
    return layout.meta.narrow;
  }

  // Plotly.react keeps an axis's automatic tick angle from the last draw: angles are set
  // again by relayout, which measures them anew.
  function autoAngles(part) {
    var angles = {};
    Object.keys(part.layout || {}).forEach(function (path) {
      if (/tickangle$/.test(path)) {
        angles[path] = part.layout[path] === null ? "auto" : part.layout[path];
      }
    });
    return angles;
  }

  function watch(gd) {
    if (gd.dataset.narrowWatched || typeof gd.on !== "function") {
      return;
    }
    gd.dataset.narrowWatched = "1";
    ["plotly_afterplot", "plotly_relayout", "plotly_react"].forEach(function (name) {
      gd.on(name, function () {
        fit(gd);
      });
    });
    fit(gd);
  }

  function scan() {
    document.querySelectorAll(".js-plotly-plot").forEach(watch);
  }

  new MutationObserver(scan).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".js-plotly-plot").forEach(fit);
  });
})();
