// The component dashboard/html_block.py sends: HTML written on the server (the pages' tables),
// drawn as one element's content instead of one Dash component per cell (a table of a few
// hundred cells took Dash 400-700 ms in one task; as one block, a few ms). Only the server
// writes this HTML, from the data, escaped (html_block.to_html); no reader's input reaches it.
//
// A link in it that was a dcc.Link (marked data-cma-link) is followed as dcc.Link follows
// one: without a page load, the address pushed and Dash told (its pages router and
// dcc.Location listen for `_dashprivate_pushstate`), back at the top. A click with a modifier
// key, or not the main button, is left to the browser (a new tab, a new window).
(function () {
  var React = window.React;

  function HtmlBlock(props) {
    return React.createElement("div", {
      id: props.id,
      className: props.className,
      dangerouslySetInnerHTML: { __html: props.html || "" },
    });
  }

  window.cma_components = Object.assign({}, window.cma_components, { HtmlBlock: HtmlBlock });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-cma-link]");
    if (!link || event.defaultPrevented || event.button !== 0) {
      return;
    }
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var url = new URL(link.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    event.preventDefault();
    window.history.pushState({}, "", url.pathname + url.search + url.hash);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo({ top: 0, left: 0, behavior: "instant" }); // a new page starts at its top
  });
})();
