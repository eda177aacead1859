// "Show as table" (components.chart_card): each chart's table is sent as its rows only, in the
// `data-rows` of its empty holder, and written here as the components components.data_table
// makes. Rendered with the page, the tables were 40-55 % of its components, all inside closed
// <details>, and delayed its charts. A table is written:
// - before its <details> opens: on the click that opens it (a mouse's, or Enter or Space on
//   its summary), and on `toggle` for a <details> opened otherwise (by a script);
// - otherwise once the page's charts are drawn, one table per idle moment of the browser.
// A holder that already has children is left alone: a page's callback answered with its table.
(function () {
  var HOLDER = "details.chart-table [data-rows]";
  var POLL_MS = 200; // how often to look for a page's undrawn charts and unwritten tables
  var WAIT_MS = 5000; // a chart not drawn by then (an error) holds its page's tables no longer
  var waiting = null; // since when unwritten tables have waited for the charts

  function el(type, children, props) {
    return {
      type: type,
      namespace: "dash_html_components",
      props: Object.assign({ children: children }, props || {}),
    };
  }

  // components.data_table, from its `[title, headers, rows]`.
  function table(spec) {
    var title = spec[0];
    var head = el("Thead", el("Tr", spec[1].map(function (h) {
      return el("Th", h, { scope: "col" });
    })));
    var body = spec[2].map(function (r) {
      var cells = r.slice(1).map(function (c) {
        return el("Td", c);
      });
      return el("Tr", [el("Th", r[0], { scope: "row" })].concat(cells));
    });
    var caption = el("Caption", title + ": the figures shown");
    return el(
      "Div",
      el("Table", [caption, head, el("Tbody", body)], { className: "table table-sm mb-0" }),
      {
        className: "table-responsive",
        tabIndex: "0",
        role: "region",
        "aria-label": title + ", as a table",
      }
    );
  }

  function write(holder) {
    var dash = window.dash_clientside;
    if (!holder || holder.firstChild || !holder.id || !dash || !dash.set_props) {
      return;
    }
    var rows = JSON.parse(holder.getAttribute("data-rows"));
    var set = function () {
      dash.set_props(holder.id, { children: table(rows) });
    };
    // Drawn now, not at React's next turn: the <details> opens with its table complete.
    if (window.ReactDOM && window.ReactDOM.flushSync) {
      window.ReactDOM.flushSync(set);
    } else {
      set();
    }
  }

  function holderOf(details) {
    return details && details.querySelector("[data-rows]");
  }

  document.addEventListener(
    "click",
    function (event) {
      var summary = event.target.closest && event.target.closest("details.chart-table > summary");
      if (summary && !summary.parentElement.open) {
        write(holderOf(summary.parentElement));
      }
    },
    true // capture: before the click's default action opens the <details>
  );
  document.addEventListener(
    "toggle",
    function (event) {
      var details = event.target;
      if (details.open && details.matches && details.matches("details.chart-table")) {
        write(holderOf(details));
      }
    },
    true // `toggle` does not bubble
  );

  function chartsDrawn() {
    return window.cmaDraw.chartsDrawn(); // draw.js
  }

  // One table per idle moment, after the charts; then look again later (a page reached by a
  // link brings its own tables).
  function next() {
    var holder = document.querySelector(HOLDER + ":empty");
    waiting = holder ? waiting || Date.now() : null;
    if (!holder || (!chartsDrawn() && Date.now() - waiting < WAIT_MS)) {
      window.setTimeout(next, POLL_MS);
      return;
    }
    window.cmaDraw.idle(function () {
      write(document.querySelector(HOLDER + ":empty"));
      next();
    }, 2000);
  }
  next();
})();
