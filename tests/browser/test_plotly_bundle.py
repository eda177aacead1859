"""The vendored plotly.js builds its country-name lookups on first use
(scripts/plotly_lazy_lookups.py): a map of country names, the only kind of chart that asks,
still finds its countries, and so does a map of ISO-3 codes (run with --headless)."""

from __future__ import annotations

from selenium.webdriver.support.ui import WebDriverWait

from dashboard import components, ids
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT

DRAW = """
const div = document.createElement('div');
div.id = arguments[0];
document.body.appendChild(div);
window.Plotly.newPlot(div, [{type: 'choropleth', locationmode: arguments[1],
                             locations: arguments[2], z: [1, 2]}],
                      {}, {topojsonURL: '/assets/topojson/'});
"""
COUNTRIES = (
    "return document.querySelectorAll('#' + arguments[0] + ' path.choroplethlocation').length"
)


def test_maps_find_countries_by_name_and_code(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/countries")
    dash_duo.wait_for_element(f"#{components.graph_id(ids.COUNTRIES_MAP)} .main-svg", TIMEOUT)
    for name, mode, where in (
        ("by-name", "country names", ["France", "Federal Republic of Germany"]),
        ("by-code", "ISO-3", ["FRA", "DEU"]),
    ):
        dash_duo.driver.execute_script(DRAW, name, mode, where)
        WebDriverWait(dash_duo.driver, TIMEOUT).until(
            lambda d, name=name: d.execute_script(COUNTRIES, name) == 2
        )
    assert console_errors(dash_duo) == []
