// Dash renders a page after the document loads, so the browser cannot jump to a #fragment
// (e.g. /data#discrepancies) by itself: scroll once the target element appears.
(function () {
  if (!window.location.hash) {
    return;
  }
  var id = decodeURIComponent(window.location.hash.slice(1));
  var observer = new MutationObserver(function () {
    var target = document.getElementById(id);
    if (target) {
      observer.disconnect();
      target.scrollIntoView();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // Give up quietly if the target never appears.
  setTimeout(function () {
    observer.disconnect();
  }, 10000);
})();
