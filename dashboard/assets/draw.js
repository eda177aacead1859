// Every Plotly.react a graph makes (dcc.Graph calls react(gd, {data, layout, config, ...}))
// passes through here, so that a chart is drawn once, in its final form:
// - transforms other assets register (narrow.js: a phone's form) change the figure first;
// - then the margins this browser found for the same figure at the same width last time are
//   its margins to start from. Axes with `automargin` widen the margins to fit their labels
//   after a first draw and then draw the whole chart again (40-50 % of a chart's drawing
//   time); started from margins already wide enough, plotly.js finds nothing to change and
//   draws once. Where the axes are remembered too, the chart is drawn at the margins it
//   settled on with automargin off for that draw, so labels are not even measured for it; the
//   figure keeps automargin for every later draw (a resize, a new figure). The same figure at
//   the same width in the same browser has the same labels; a figure whose margins still come
//   out other than remembered (a legend that needs more room) is started afresh next time.
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

  // The list kept in localStorage under `key` ([] when none), or null where storage is off or
  // unreadable (draw.js, warm-scripts.js).
  draw.stored = function (key) {
    try {
      return JSON.parse(window.localStorage.getItem(key)) || [];
    } catch (error) {
      return null;
    }
  };

  // `list`'s first `keep` entries kept under `key`; storage full or off: nothing kept, nothing lost.
  draw.store = function (key, list, keep) {
    try {
      window.localStorage.setItem(key, JSON.stringify(list.slice(0, keep)));
    } catch (error) {
      // nothing remembered: done again next time
    }
  };

  function remembered() {
    return draw.stored(KEY) || []; // storage off or unreadable: draw as plotly.js would
  }

  // Every figure remembered but `key`'s, then `key`'s new margins first when given.
  function remember(key, margins) {
    var found = remembered().filter(function (entry) {
      return entry[0] !== key;
    });
    if (margins) {
      found.unshift([key, margins]);
    }
    draw.store(KEY, found, KEEP);
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


  // `then` at the browser's next idle moment, or after `timeout` ms at the latest.
  draw.idle = function (then, timeout) {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(then, { timeout: timeout });
    } else {
      window.setTimeout(then, 50);
    }
  };

  function restore(layout, name, value) {
    if (value === undefined) {
      delete layout[name];
    } else {
      layout[name] = value;
    }
  }

  // The cartesian axes plotly.js laid out (none for a map).
  function axesOf(full) {
    return Object.keys(full).filter(function (name) {
      return /^[xy]axis\d*$/.test(name);
    });
  }

  // Whether every graph on the page holds its drawing (deferred.js, text-sizes.js and
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
      var layout = drawn.layout;
      // Known axes (remembered since they were): drawn at the settled margins with automargin
      // off, so plotly.js does not measure every label again to find what it already found
      // (a third to a half of a chart's drawing); else started from them with it on.
      var axes = known && layout && known[1].axes;
      var start = known && (axes ? known[1].settled : startFrom(known[1].asked, known[1].settled));
      var own = layout && layout.margin;
      var ownAxes = {};
      if (start) {
        // In place: a transform may know the layout object (narrow.js), and every caller
        // hands react a copy of its layout (dcc.Graph clones it for each draw).
        layout.margin = Object.assign({}, own, start);
        (axes || []).forEach(function (name) {
          ownAxes[name] = layout[name];
          layout[name] = Object.assign({}, layout[name], { automargin: false });
        });
      }
      var done = react.call(this, gd, drawn);
      return done.then(function (result) {
        if (start && target.layout === layout) {
          // The figure's own margins and axes again, for whatever redraws it next (a resize,
          // a phone's form): plotly.js widens the margins anew for that draw.
          restore(layout, "margin", own);
          Object.keys(ownAxes).forEach(function (name) {
            restore(layout, name, ownAxes[name]);
          });
        }
        var full = target._fullLayout;
        if (key && full && full._size && full.margin) {
          var settled = sides(full._size);
          if (!start) {
            remember(key, { asked: sides(full.margin), settled: settled, axes: axesOf(full) });
          } else if (SIDES.some(function (side) { return Math.abs(settled[side] - start[side]) >= 1; })) {
            // The figure needed other margins: start afresh next time. (Within a pixel: plotly.js
            // rounds the margins it is given, not those its axes pushed, 87.7 drawn as 88.)
            remember(key, null);
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
    hookResize(plotly.Plots);
  }

  // plotly.js's Plots.resize draws the whole chart again even at the size it already has (its
  // relayout sets the width and height, which replots): dcc.Graph asks for one right after a
  // graph's first draw and its ResizeObserver for another, two more draws of every chart as
  // the page appears. A chart whose box has the size it was drawn at is left as it is, by
  // plotly.js's own test of a new size (more than a pixel either way); any other is resized.
  function hookResize(plots) {
    if (!plots || typeof plots.resize !== "function" || plots.resize.cmaHooked) {
      return;
    }
    var resize = plots.resize;
    var sized = function (gd) {
      var target = typeof gd === "string" ? document.getElementById(gd) : gd;
      var full = target && target._fullLayout;
      if (full && target.layout && !target._redrawTimer && target.isConnected) {
        var style = window.getComputedStyle(target);
        var width = parseFloat(style.width);
        var height = parseFloat(style.height);
        if (Math.abs(full.width - width) <= 1 && Math.abs(full.height - height) <= 1) {
          return Promise.resolve(target);
        }
      }
      return resize.apply(this, arguments);
    };
    sized.cmaHooked = true;
    plots.resize = sized;
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
