"""A returning visit does not measure again the text plotly.js measured on an earlier one
(assets/text-sizes.js): the sizes are saved once a page's charts are drawn, given back to
plotly.js before the next load's first draw, and the picture is the same. Sizes kept under
another fingerprint (another zoom, font or plotly.js) or unreadable are not used: the text is
measured as usual and the sizes saved afresh (run with --headless)."""

from __future__ import annotations

import json

import pytest
from dash.testing.wait import until

from dashboard import charts, components
from tests.browser.conftest import console_errors
from tests.browser.test_draw_once import PICTURE, _close
from tests.browser.test_pages import TIMEOUT

KEY = "cma-text-sizes"
# Installed before the page's scripts: counts plotly.js's text measurements (each a forced
# style and layout), read in the hidden SVG it copies a text into to measure it.
COUNT = """
window.__measured = 0;
const own = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function () {
  if (this.closest && this.closest('#js-plotly-tester')) window.__measured += 1;
  return own.apply(this, arguments);
};
"""
STORED = f"return JSON.parse(localStorage.getItem('{KEY}') || 'null')"


def _drawn(dash_duo, path: str) -> int:
    """Load `path`, wait for every chart; the text measurements it took."""
    dash_duo.driver.get(dash_duo.server_url + path)
    for chart in charts.for_page(path):
        dash_duo.wait_for_element(f"#{components.graph_id(chart.id)} .main-svg", TIMEOUT)
    until(lambda: len(dash_duo.driver.execute_script(PICTURE)) == len(charts.for_page(path)), 10)
    return dash_duo.driver.execute_script("return window.__measured")


def _saved(dash_duo, fingerprint_not: str | None = None) -> dict:
    """The sizes stored, once they are (and their fingerprint is not `fingerprint_not`)."""

    def ready():
        stored = dash_duo.driver.execute_script(STORED)
        if not isinstance(stored, list) or not stored or not isinstance(stored[0], dict):
            return None  # nothing saved yet, or what a test put there still
        return stored[0].get("fingerprint") != fingerprint_not and stored[0]

    return until(ready, TIMEOUT)


def _start(dash_duo, app) -> None:
    dash_duo.start_server(app)
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT})


@pytest.mark.parametrize("path", ["/employers", "/careers", "/countries"])
def test_a_returning_visit_measures_no_text_again(dash_duo, app, path):
    _start(dash_duo, app)
    measured = _drawn(dash_duo, path)
    first = dash_duo.driver.execute_script(PICTURE)
    stored = _saved(dash_duo)
    assert measured > 20 and len(stored["sizes"]) > 20  # a first visit measures its text
    # Kept compactly: plotly.js's long style attribute once, each size naming its own.
    assert all(s.startswith("font-family:") for s in stored["styles"])
    assert len(json.dumps(stored)) < 200 * len(stored["sizes"])

    again = _drawn(dash_duo, path)
    # (A map's colour bar labels are measured in place, at where the first draw put them:
    # again where the first visit's margins differed from those draw.js starts from.)
    assert again * 5 <= measured, (measured, again)
    assert _close(first, dash_duo.driver.execute_script(PICTURE))
    assert console_errors(dash_duo) == []


def test_sizes_kept_for_another_fingerprint_are_not_used(dash_duo, app):
    _start(dash_duo, app)
    _drawn(dash_duo, "/employers")
    first = dash_duo.driver.execute_script(PICTURE)
    stored = _saved(dash_duo)
    # As if kept at another zoom: every size twice as wide.
    for size in stored["sizes"]:
        size[4] *= 2
    own = stored["fingerprint"]
    stored["fingerprint"] = "4.1.1|2|300"
    dash_duo.driver.execute_script(
        f"localStorage.setItem('{KEY}', JSON.stringify([arguments[0]]))", stored
    )

    assert _drawn(dash_duo, "/employers") > 20  # measured again (at most a few if used)
    assert _close(first, dash_duo.driver.execute_script(PICTURE))
    assert _saved(dash_duo, fingerprint_not="4.1.1|2|300")["fingerprint"] == own
    assert console_errors(dash_duo) == []


@pytest.mark.parametrize("kept", ["not json{", '{"sizes": 3}', '[{"styles": [], "sizes": [1]}]'])
def test_unreadable_sizes_are_not_used(dash_duo, app, kept):
    _start(dash_duo, app)
    dash_duo.driver.get(dash_duo.server_url + "/data")  # the origin's storage, no chart
    dash_duo.driver.execute_script(f"localStorage.setItem('{KEY}', arguments[0])", kept)

    assert _drawn(dash_duo, "/employers") > 20
    assert _saved(dash_duo)["sizes"]  # saved afresh
    assert console_errors(dash_duo) == []
