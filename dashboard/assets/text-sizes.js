// plotly.js measures every piece of text it draws (tick labels, bar labels, legend entries,
// titles): it copies the text into a hidden SVG and asks the browser for its box, a forced
// style and layout of the page each time, about 95 per chart on /employers and a third of the
// charts' drawing on a warm load. It keeps what it measured for the page's life, keyed by the
// text, its anchor and its font (Drawing.savedBBoxes, handed out by the bundle's entry as
// Plotly.cmaTextSizes). This keeps them for the reader's next visit: saved in localStorage once
// a page's charts are drawn and the browser is idle, and given back to plotly.js before the
// next page load draws its first chart, so text measured before is not measured again.
//
// The same text in the same font has the same box in the same browser. The sizes are kept
// with what they depend on (plotly.js's version, the device pixel ratio, which a zoom changes,
// and the width of a sample text in the charts' font, which a change of fonts does), and are
// dropped, not used, when any of it differs. Where storage is off, plotly.js measures as usual.
(function () {
  var draw = (window.cmaDraw = window.cmaDraw || { transforms: [] });
  var KEY = "cma-text-sizes";
  var KEEP = 3000; // sizes kept, this page's first: about 130 bytes each
  var FONT = "font-family:"; // where plotly.js's style attribute, part of every key, starts
  var SAMPLE = "Medical assistants earn $42,000 (13.9%)";
  var given = false;
  var saved = 0; // how many sizes the page held when last saved
  var waiting = false; // a save asked for, at the browser's next idle moment

  function sizes() {
    return window.Plotly && window.Plotly.cmaTextSizes;
  }

  // What the sizes depend on, given one of the styles they were measured in.
  function fingerprint(style) {
    var family = /font-family: ([^;]*);/.exec(style || "");
    var canvas = document.createElement("canvas").getContext("2d");
    if (!canvas) {
      return null;
    }
    canvas.font = "14px " + (family ? family[1] : "sans-serif");
    var width = canvas.measureText(SAMPLE).width;
    return [window.Plotly.version, window.devicePixelRatio, width].join("|");
  }

  // Stored compactly: each key's style (most of its length, shared by many keys) by number.
  function pack(found) {
    var styles = [];
    var rows = Object.keys(found).map(function (key) {
      var box = found[key];
      var start = key.indexOf(FONT);
      var end = start < 0 ? -1 : key.indexOf("~", start); // a group's position follows its style
      var style = start < 0 ? "" : key.slice(start, end < 0 ? key.length : end);
      var index = start < 0 ? -1 : styles.indexOf(style);
      if (start >= 0 && index < 0) {
        index = styles.push(style) - 1;
      }
      var before = start < 0 ? key : key.slice(0, start);
      var after = start < 0 ? "" : key.slice(start + style.length);
      return [before, index, after, box.height, box.width, box.left, box.top, box.right, box.bottom];
    });
    return { fingerprint: fingerprint(styles[0]), styles: styles, sizes: rows };
  }

  function unpack(memory) {
    var found = {};
    memory.sizes.forEach(function (row) {
      var key = row[0] + (row[1] < 0 ? "" : memory.styles[row[1]]) + row[2];
      found[key] = {
        height: row[3],
        width: row[4],
        left: row[5],
        top: row[6],
        right: row[7],
        bottom: row[8],
      };
    });
    return found;
  }

  // The stored sizes (undefined when none, or storage is off).
  function stored() {
    return (draw.stored(KEY) || [])[0];
  }

  function usable(memory) {
    if (!memory || !Array.isArray(memory.sizes) || !Array.isArray(memory.styles)) {
      return false;
    }
    var own = fingerprint(memory.styles[0]);
    return own !== null && memory.fingerprint === own; // no canvas: nothing to check them by
  }

  // Before the page's first draw: the sizes of the last visits, if they still hold.
  function give() {
    given = true;
    var last = stored();
    if (sizes() && usable(last)) {
      sizes()(unpack(last));
    }
    saved = sizes() ? Object.keys(sizes()()).length : 0;
  }

  // This page's sizes first, then the last visits' (if they still hold), KEEP in all.
  function save() {
    var now = sizes()();
    var last = stored();
    var kept = usable(last) ? unpack(last) : {};
    var merged = {};
    var older = Object.keys(kept).filter(function (key) {
      return !(key in now);
    });
    Object.keys(now).concat(older).slice(0, KEEP).forEach(function (key) {
      merged[key] = now[key] || kept[key];
    });
    saved = Object.keys(now).length;
    draw.store(KEY, [pack(merged)], 1);
  }

  // After a draw, at the browser's next idle moment: saved if every chart of the page is drawn
  // and something new was measured (a later draw asks again).
  function saveWhenIdle() {
    if (waiting) {
      return;
    }
    waiting = true;
    draw.idle(function () {
      waiting = false;
      if (Object.keys(sizes()()).length !== saved && draw.chartsDrawn()) {
        save();
      }
    }, 2000);
  }

  draw.transforms.push({
    order: -100, // before any other step: nothing is measured before them
    before: function (gd, figure) {
      if (!given) {
        give();
      }
      return figure;
    },
    after: function () {
      if (sizes()) {
        saveWhenIdle();
      }
      return null;
    },
  });
})();
