// Clientside callbacks' helpers (namespace "cma").
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  cma: {
    // `value`, once the page is drawn and the browser idle (within 2 s): for content a reader
    // does not see at first that costs the browser time to take in, such as the careers
    // picker's every occupation (dashboard/pages/careers.py).
    whenIdle: function (value) {
      return new Promise(function (resolve) {
        var give = function () {
          resolve(value);
        };
        if (window.requestIdleCallback) {
          window.requestIdleCallback(give, { timeout: 2000 });
        } else {
          window.setTimeout(give, 200);
        }
      });
    },
  },
});
