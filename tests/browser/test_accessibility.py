"""Accessibility in a real browser: axe-core (WCAG 2.1 A/AA and best practice) finds nothing on
any page with its controls used, and the controls work by keyboard alone. Each page's default
state is checked by axe and walked by keyboard in test_pages (one browser visit per page)."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from tests.browser.axe import describe, violations
from tests.browser.conftest import console_errors
from tests.browser.test_pages import GRAPHS, choose_only, radio_input

TIMEOUT = 15
CONTENT = f"#{ids.PAGE_CONTENT}"


def open_page(dash_duo, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element(f"{CONTENT} h1", timeout=TIMEOUT)
    if path in GRAPHS:
        dash_duo.wait_for_element(f"#{GRAPHS[path]} .main-svg", timeout=TIMEOUT)


def assert_no_violations(dash_duo, state: str) -> None:
    found = violations(dash_duo.driver)
    assert found == [], f"{state}:\n{describe(found)}"


def test_pages_with_their_controls_used_have_no_axe_violations(dash_duo, app):
    dash_duo.start_server(app)
    # Sources narrowed to one.
    open_page(dash_duo, "/employers")
    choose_only(dash_duo, ids.EMPLOYERS_SOURCES, "Himalayas")
    until(lambda: "sources=himalayas-cma-guide" in dash_duo.driver.current_url, TIMEOUT)
    assert_no_violations(dash_duo, "/employers, one source chosen")
    # A toggle changed.
    open_page(dash_duo, "/countries")
    dash_duo.find_element(f"label[for='{radio_input(ids.COUNTRIES_BASIS, 'ppp')}']").click()
    until(lambda: "basis=ppp" in dash_duo.driver.current_url, TIMEOUT)
    assert_no_violations(dash_duo, "/countries, PPP chosen")
    # A salary typed and placed.
    open_page(dash_duo, "/pay")
    dash_duo.find_element(f"#{ids.PAY_SALARY}").send_keys("45000")
    dash_duo.wait_for_contains_text(f"#{ids.PAY_PLACEMENT}", "percentile", timeout=TIMEOUT)
    assert_no_violations(dash_duo, "/pay, a salary placed")
    # The figures table filtered.
    open_page(dash_duo, "/data")
    dash_duo.find_element(f"#{ids.DATA_SEARCH}").send_keys("Canada")
    dash_duo.wait_for_contains_text(f"#{ids.DATA_OBSERVATIONS}", "CAD 40,000", timeout=TIMEOUT)
    assert_no_violations(dash_duo, "/data, table filtered")
    assert console_errors(dash_duo) == []


def test_controls_are_operated_by_keyboard_alone(dash_duo, app):
    """A toggle with the arrow keys, a dropdown with Enter and the arrows, a salary typed."""
    dash_duo.start_server(app)
    open_page(dash_duo, "/countries")
    usd = dash_duo.find_element(f"#{radio_input(ids.COUNTRIES_BASIS, 'usd')}")
    dash_duo.driver.execute_script("arguments[0].focus()", usd)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    until(lambda: "basis=ppp" in dash_duo.driver.current_url, TIMEOUT)

    open_page(dash_duo, "/employers")
    first = dash_duo.find_element(f"#{ids.EMPLOYERS_SOURCES} input[type='checkbox']")
    dash_duo.driver.execute_script("arguments[0].focus()", first)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.SPACE)  # unchecks one source
    until(lambda: "sources=" in dash_duo.driver.current_url, TIMEOUT)

    open_page(dash_duo, "/pay")
    box = dash_duo.find_element(f"#{ids.PAY_SALARY}")
    dash_duo.driver.execute_script("arguments[0].focus()", box)
    dash_duo.driver.switch_to.active_element.send_keys("45000")
    dash_duo.wait_for_contains_text(f"#{ids.PAY_PLACEMENT}", "percentile", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []
