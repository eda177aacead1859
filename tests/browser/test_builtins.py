"""Pages run on the browser's own built-ins: Babel's polyfill for old browsers is not loaded
(dashboard.speed.UNUSED_SCRIPTS), so no native function is replaced by a slower copy and
React's scheduler finds no polyfilled setImmediate; what Dash's lazy components need of it,
`regeneratorRuntime`, is there, so graphs, dropdowns and the grid still load (run with
--headless)."""

from __future__ import annotations

import pytest

from dashboard import charts, components
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT

# Each function as the page has it, read with a fresh frame's Function.prototype.toString:
# core-js dresses the copies it installs as "[native code]" to the page's own toString.
BUILTINS = """
const frame = document.createElement('iframe');
document.body.appendChild(frame);
const source = frame.contentWindow.Function.prototype.toString;
const functions = {
  'String.prototype.trim': String.prototype.trim, 'String.prototype.trimStart':
  String.prototype.trimStart, parseFloat: parseFloat, parseInt: parseInt,
  'Number.parseFloat': Number.parseFloat, 'Number.parseInt': Number.parseInt,
  Promise: Promise, 'Function.prototype.toString': Function.prototype.toString,
};
const native = name => /\\[native code\\]/.test(source.call(functions[name]));
const replaced = Object.keys(functions).filter(name => !native(name));
frame.remove();
return {replaced: replaced, setImmediate: typeof window.setImmediate,
        regenerator: typeof window.regeneratorRuntime, babel: typeof window._babelPolyfill,
        scripts: [...document.querySelectorAll('script[src]')].map(s => s.src)};
"""


@pytest.mark.parametrize("path", ["/employers", "/data"])
def test_pages_keep_the_browsers_own_functions(dash_duo, app, path):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + path)
    for chart in charts.for_page(path):  # dcc.Graph, a lazy component, loaded and drawn
        dash_duo.wait_for_element(f"#{components.graph_id(chart.id)} .main-svg", TIMEOUT)
    if path == "/data":  # the grid's rows, from AG Grid's bundle
        dash_duo.wait_for_element(".ag-row", TIMEOUT)
    found = dash_duo.driver.execute_script(BUILTINS)
    assert found["replaced"] == []
    assert found["setImmediate"] == "undefined" and found["babel"] == "undefined"
    assert found["regenerator"] == "object"
    assert not any("polyfill" in src for src in found["scripts"])
    assert console_errors(dash_duo) == []
