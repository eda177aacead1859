"""The overview opens in a real browser with the headline figure and no console errors."""

from __future__ import annotations

from tests.browser.conftest import console_errors, screenshot


def test_overview_opens(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("h1", dash_duo.find_element("h1").text, timeout=10)
    dash_duo.wait_for_contains_text("#card-median", "$42,000", timeout=10)
    screenshot(dash_duo, "smoke-overview")
    assert console_errors(dash_duo) == []
