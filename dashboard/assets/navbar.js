// The navbar's menu button (dashboard/navbar.py): shows or hides the pages' links, and says so.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  cma: Object.assign({}, (window.dash_clientside || {}).cma, {
    // [the menu open, the button's aria-expanded] after a press of the button.
    toggleMenu: function (clicks, open) {
      var next = !open;
      return [next, next ? "true" : "false"];
    },
  }),
});
