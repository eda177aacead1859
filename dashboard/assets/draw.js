// Every Plotly.react a graph makes (dcc.Graph calls react(gd, {data, layout, config, ...}))
// passes through here, so that a chart is drawn once, in its final form:
// - transforms other assets register (narrow.js: a phone's form) change the figure first;
// - then the margins this browser found for the same figure at the same width last time are
//   its margins to start from. Axes with `automargin` widen the margins to fit their labels
//   after a first draw and then draw the whole chart again (40-50 % of a chart's drawing
//   time); started from margins already wide enough, plotly.js finds nothing to change and
//   draws once. automargin stays on: a figure or font that needs more room still gets it.
(function () {
  var draw = (window.cmaDraw = window.cmaDraw || { transforms: [] });
  var KEY = "cma-margins";
  var KEEP = 200; // figures remembered, newest first
  var SIDES = ["l", "r", "t", "b"];

  function hash(text) {
    var h = 2166136261; // FNV-1a, 32 bits: enough to tell a page's figures apart
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return (h >>> 0).toString(36) + ":" + text.length;
  }

  function remembered() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || [];
    } catch (error) {
      return []; // storage off or unreadable: draw as plotly.js would
    }
  }

  // Every figure remembered but `key`'s, then `key`'s new margins first when given.
  function remember(key, margins) {
    var found = remembered().filter(function (entry) {
      return entry[0] !== key;
    });
    if (margins) {
      found.unshift([key, margins]);
    }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(found.slice(0, KEEP)));
    } catch (error) {
      // storage full or off: nothing remembered, nothing lost
    }
  }

  function sides(margins) {
    var found = {};
    SIDES.forEach(function (side) {
      found[side] = margins[side];
    });
    return found;
  }

  // The margins to start from, given the figure's own (`asked`) and those plotly.js settled on
  // (`settled`). An axis pushes its side out to its labels' depth plus a pad of the smallest
  // margin, at most 12 px (plotly.js's Plots.autoMargin): a side it pushed starts that much
  // wider again when the smallest margin grows, or plotly.js would still find it too narrow.
  function startFrom(asked, settled) {
    var pad = function (m) {
      return Math.min(12, m.l, m.r, m.t, m.b);
    };
    var start = {};
    SIDES.forEach(function (side) {
      start[side] = Math.max(asked[side], settled[side]);
    });
    var grow = pad(start) - pad(asked);
    SIDES.forEach(function (side) {
      if (settled[side] > asked[side]) {
        start[side] += grow;
      }
    });
    return start;
  }


  // Whether every graph on the page holds its drawing (deferred.js, alt-tables.js and
  // warm-scripts.js wait for it before their own work).
  draw.chartsDrawn = function () {
    return Array.prototype.every.call(document.querySelectorAll(".dash-graph"), function (g) {
      return g.querySelector(".main-svg");
    });
  };

  function hook(plotly) {
    if (!plotly || typeof plotly.react !== "function" || plotly.react.cmaHooked) {
      return;
    }
    var react = plotly.react;
    var wrapped = function (gd, figure) {
      var target = typeof gd === "string" ? document.getElementById(gd) : gd;
      if (arguments.length !== 2 || !figure || Array.isArray(figure) || !target) {
        return react.apply(this, arguments);
      }
      var steps = draw.transforms.slice().sort(function (a, b) {
        return a.order - b.order;
      });
      var redraw = Boolean(target._fullLayout);
      var drawn = figure;
      steps.forEach(function (step) {
        drawn = step.before(target, drawn, redraw);
      });
      var key = null;
      try {
        key = hash(JSON.stringify([drawn.data, drawn.layout])) + "@" + target.clientWidth;
      } catch (error) {
        key = null; // a figure that is not plain JSON: drawn as it is
      }
      var known = key && remembered().filter(function (entry) {
        return entry[0] === key;
      })[0];
      var start = known && startFrom(known[1].asked, known[1].settled);
      var layout = drawn.layout;
      var own = layout && layout.margin;
      if (start) {
        // In place: a transform may know the layout object (narrow.js), and every caller
        // hands react a copy of its layout (dcc.Graph clones it for each draw).
        layout.margin = Object.assign({}, own, start);
      }
      var done = react.call(this, gd, drawn);
      return done.then(function (result) {
        if (start && target.layout === layout) {
          // The figure's own margins again, for whatever redraws it next (a resize, a phone's
          // form): plotly.js widens them anew for that draw.
          if (own === undefined) {
            delete layout.margin;
          } else {
            layout.margin = own;
          }
        }
        var full = target._fullLayout;
        if (key && full && full._size && full.margin) {
          var settled = sides(full._size);
          if (!start) {
            remember(key, { asked: sides(full.margin), settled: settled });
          } else if (SIDES.some(function (side) { return settled[side] !== start[side]; })) {
            remember(key, null); // the figure needed other margins: start afresh next time
          }
        }
        return steps.reduce(function (chain, step) {
          return step.after ? chain.then(function () {
            return step.after(target, drawn, redraw);
          }) : chain;
        }, Promise.resolve()).then(function () {
          return result;
        });
      });
    };
    wrapped.cmaHooked = true;
    plotly.react = wrapped;
  }

  // plotly.js arrives after the assets (a deferred script): wrap it as it is defined.
  if (window.Plotly) {
    hook(window.Plotly);
  } else {
    var plotlyValue;
    Object.defineProperty(window, "Plotly", {
      configurable: true,
      enumerable: true,
      get: function () {
        return plotlyValue;
      },
      set: function (value) {
        plotlyValue = value;
        hook(value);
      },
    });
  }
})();
