// AG Grid's bundle is loaded only by pages with a grid (dashboard/speed.py, GRID_PAGES). Links
// to those pages are full page loads; should an in-page navigation reach one anyway (a link
// added later, history), load it afresh rather than show a page whose grid cannot render.
(function () {
  var GRID_PAGES = ["/data"];
  function check() {
    if (!window.dash_ag_grid && GRID_PAGES.indexOf(window.location.pathname) !== -1) {
      window.location.reload();
    }
  }
  window.addEventListener("_dashprivate_pushstate", check);
  window.addEventListener("popstate", check);
})();
