"""Map outlines on their way early (dashboard.outlines, assets/outlines.js), in a real browser
(run with --headless): the map pages' outline files are fetched once, by their preload, and
handed to plotly.js, which draws the maps with them instead of fetching them again."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import components, ids
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT

DRAWN = "return document.querySelectorAll('#' + arguments[0] + ' path.choroplethlocation').length"
FETCHES = """return performance.getEntriesByType('resource')
    .filter(e => e.name.endsWith('/assets/topojson/' + arguments[0] + '.json'))
    .map(e => e.initiatorType)"""


@pytest.mark.parametrize(
    "path, chart, outline",
    [
        ("/countries", ids.COUNTRIES_MAP, "world_110m"),
        ("/countries/states", ids.STATES_MAP, "usa_110m"),
    ],
)
def test_a_map_is_drawn_with_its_preloaded_outline(dash_duo, app, path, chart, outline):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + path)
    graph = components.graph_id(chart)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(lambda d: d.execute_script(DRAWN, graph) > 0)
    given = dash_duo.driver.execute_script(
        "return Boolean((window.PlotlyGeoAssets || {topojson: {}}).topojson[arguments[0]])",
        outline,
    )
    assert given
    # Fetched once, by the page's preload (plotly.js's own fetch would be an XHR).
    assert dash_duo.driver.execute_script(FETCHES, outline) == ["link"]
    assert console_errors(dash_duo) == []
