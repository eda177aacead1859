// A returning reader's browser takes the page's scripts from its cache, and compiles them again
// unless V8 has a code cache for them. Chrome writes that cache the second time a script runs,
// not the first: on a reader's second visit, which pays for it (about 75 ms of a page's
// scripts). So once a page has drawn its charts and the browser is idle, its scripts run a
// second time in a hidden frame holding nothing else, from the HTTP cache, without a request;
// the next visit finds them compiled (docs/architecture.md, Speed). Once per script URL: the
// URLs are fingerprinted, so a new version is warmed once more. Skipped when the reader asks
// to save data, and where there is no storage to remember what was warmed.
(function () {
  var KEY = "cma-warm-scripts";
  var KEEP = 100; // script URLs remembered, newest first
  var SETTLE_MS = 300; // after the charts, the page's own idle work (its tables) goes first
  var POLL_MS = 250;

  function remember(urls) {
    var known = window.cmaDraw.stored(KEY) || [];
    var fresh = urls.concat(known.filter(function (url) {
      return urls.indexOf(url) < 0;
    }));
    window.cmaDraw.store(KEY, fresh, KEEP);
  }

  function scripts() {
    return Array.prototype.map.call(document.querySelectorAll("script[src]"), function (s) {
      return s.src;
    }).filter(function (src) {
      return src.indexOf(window.location.origin + "/") === 0;
    });
  }

  function escaped(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function warm() {
    var known = window.cmaDraw.stored(KEY); // null: no storage to remember what was warmed
    var urls = scripts();
    if (!known || !urls.length || urls.every(function (url) { return known.indexOf(url) >= 0; })) {
      return;
    }
    // Every script, in the page's order: each needs those before it (React before Dash).
    var body = urls.map(function (url) {
      return '<script src="' + escaped(url) + '"></scr' + "ipt>";
    }).join("");
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Scripts prepared for the next visit";
    frame.setAttribute("aria-hidden", "true");
    frame.className = "warm-scripts";
    frame.addEventListener("load", function () {
      frame.remove();
      remember(urls);
    });
    frame.srcdoc = "<!DOCTYPE html><html lang=\"en\"><head><title>scripts</title></head><body>" +
      body + "</body></html>";
    document.body.appendChild(frame);
  }

  function waitForCharts() {
    // No graph yet may be a page whose layout has not arrived: its charts are still to come.
    var ready = document.querySelector("#_pages_content > *") && window.cmaDraw.chartsDrawn();
    if (!ready) {
      window.setTimeout(waitForCharts, POLL_MS);
      return;
    }
    window.setTimeout(function () {
      window.cmaDraw.idle(warm, 3000);
    }, SETTLE_MS);
  }

  var saveData = navigator.connection && navigator.connection.saveData;
  // Not inside a frame: the warming frame runs this script too.
  if (!saveData && window.top === window && "srcdoc" in document.createElement("iframe")) {
    waitForCharts();
  }
})();
