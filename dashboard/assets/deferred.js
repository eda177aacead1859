// A page's visible tables (components.deferred): its first layout sends them as one HtmlBlock
// (dashboard/html_block.py, their HTML) in the `data-deferred` of an empty holder, and they are
// written here as soon as the page's charts are drawn (or after WAIT_MS, if a chart never is),
// in one go. The tables sit below the charts: laid out before them, they delayed the charts.
// A holder that already has children is left alone: a page's callback answered with them.
(function () {
  var HOLDER = "[data-deferred]:empty";
  var WAIT_MS = 3000;
  var since = null; // since when holders have waited for the page's charts
  var queued = false;

  function chartsDrawn() {
    return window.cmaDraw.chartsDrawn(); // draw.js
  }

  function writeAll() {
    queued = false;
    var holders = document.querySelectorAll(HOLDER);
    var dash = window.dash_clientside;
    if (!holders.length) {
      since = null;
      return;
    }
    since = since || Date.now();
    if (!dash || !dash.set_props || (!chartsDrawn() && Date.now() - since < WAIT_MS)) {
      window.setTimeout(schedule, 100); // look again even if nothing on the page changes
      return;
    }
    Array.prototype.forEach.call(holders, function (holder) {
      if (!holder.firstChild && holder.id) {
        dash.set_props(holder.id, { children: JSON.parse(holder.getAttribute("data-deferred")) });
      }
    });
    since = null;
  }

  function schedule() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(writeAll);
    }
  }

  // Every change to the page (a layout arriving, a chart drawn) is a moment to look.
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  schedule();
})();
