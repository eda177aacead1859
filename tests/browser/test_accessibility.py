"""Accessibility in a real browser: axe-core (WCAG 2.1 A/AA and best practice) finds nothing on
any page with its controls used, and the controls work by keyboard alone. Each page's default
state is checked by axe and walked by keyboard in test_pages (one browser visit per page)."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
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


def press(dash_duo, *keys) -> None:
    """Keys to whatever has the focus, as a person presses them."""
    ActionChains(dash_duo.driver).send_keys(*keys).perform()


def focused(dash_duo) -> str:
    return dash_duo.driver.execute_script("return document.activeElement.outerHTML")


def click(dash_duo, selector: str) -> None:
    """Click what `selector` finds, scrolled to the middle of the window first (the sticky
    navbar, or the window's edge, can sit over it)."""
    found = dash_duo.find_element(selector)
    scroll = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})"
    dash_duo.driver.execute_script(scroll, found)  # not smooth: Bootstrap's default
    found.click()


def search_careers_by_keyboard(dash_duo, search: str) -> None:
    """The careers picker's search box focused and typed in, until it says what it found."""
    box = dash_duo.find_element(f"#{ids.CAREERS_SEARCH}")
    dash_duo.driver.execute_script("arguments[0].focus()", box)
    press(dash_duo, search)
    dash_duo.wait_for_contains_text(f"#{ids.CAREERS_MATCHES}", "match", timeout=TIMEOUT)


def tab_to(dash_duo, wanted: str, most: int = 25) -> None:
    """Tab until the focused element's HTML holds `wanted`."""
    for _ in range(most):
        press(dash_duo, Keys.TAB)
        if wanted in focused(dash_duo):
            return
    raise AssertionError(f"{wanted} not reached in {most} Tabs")


def test_open_controls_and_an_answered_offer_have_no_axe_violations(dash_duo, app):
    """The states a reader opens: the careers picker's search, a Download menu, a chart's
    table, the offer check's answer and its ranked states, a phone's menu."""
    dash_duo.start_server(app)
    open_page(dash_duo, "/careers")
    search_careers_by_keyboard(dash_duo, "nurse")
    assert_no_violations(dash_duo, "/careers, the picker searched, its matches listed")

    open_page(dash_duo, "/employers")
    click(dash_duo, "details.chart-table summary")
    click(dash_duo, "details.export-menu summary")  # last: a click elsewhere closes a menu
    until(lambda: dash_duo.find_element("details.export-menu .dropdown-item").is_displayed(), 5)
    until(lambda: dash_duo.find_element("details.chart-table table").is_displayed(), 5)
    assert_no_violations(dash_duo, "/employers, a Download menu and a table open")

    dash_duo.driver.get(dash_duo.server_url + "/offer?salary=41000&state=OH&years=3")
    dash_duo.wait_for_contains_text(f"#{ids.OFFER_ANSWER}", "percentile", timeout=TIMEOUT)
    click(dash_duo, f"#{ids.OFFER_ANSWER} details summary")
    until(lambda: dash_duo.find_element(f"#{ids.OFFER_BUYS_TABLE}").is_displayed(), 5)
    assert_no_violations(dash_duo, "/offer, answered, the ranked states open")

    dash_duo.driver.set_window_size(400, 900)
    try:
        open_page(dash_duo, "/")
        click(dash_duo, f"#{ids.NAVBAR_TOGGLER}")
        until(lambda: dash_duo.find_element(f"#{ids.NAVBAR} a.nav-link").is_displayed(), 5)
        toggler = dash_duo.find_element(f"#{ids.NAVBAR_TOGGLER}")
        assert toggler.get_attribute("aria-expanded") == "true"
        assert_no_violations(dash_duo, "/ at 400 px, the menu open")
    finally:
        dash_duo.driver.set_window_size(1280, 1000)
    assert console_errors(dash_duo) == []


def test_the_picker_and_the_download_menu_work_by_keyboard(dash_duo, app):
    """A career found by typing, reached with Tab and checked with Space, then unchecked; a
    Download menu opened with Enter, its first link reached with Tab, closed with Escape back
    on its button."""
    dash_duo.start_server(app)
    open_page(dash_duo, "/careers")
    search_careers_by_keyboard(dash_duo, "dental hyg")
    assert dash_duo.find_element(f"#{ids.CAREERS_MATCHES}").text == "1 occupation matches."
    tab_to(dash_duo, 'value="29-1292"')
    press(dash_duo, Keys.SPACE)
    until(lambda: "29-1292" in dash_duo.driver.current_url, TIMEOUT, msg="dental hygienists")
    table = f"#{ids.CAREERS_TABLE}"
    until(lambda: "Dental hygienists" in dash_duo.find_element(table).text, TIMEOUT)
    press(dash_duo, Keys.SPACE)  # unchecked again: back to the default comparison
    until(lambda: "occupations=" not in dash_duo.driver.current_url, TIMEOUT, msg="default")
    box = dash_duo.find_element(f"#{ids.CAREERS_SEARCH}")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("zzqx")
    matches = f"#{ids.CAREERS_MATCHES}"
    dash_duo.wait_for_text_to_equal(matches, "No occupation matches \u201czzqx\u201d.", timeout=5)

    menu = dash_duo.find_element("details.export-menu")
    summary = menu.find_element("css selector", "summary")
    dash_duo.driver.execute_script("arguments[0].focus()", summary)
    press(dash_duo, Keys.ENTER)
    until(lambda: menu.get_attribute("open") is not None, 5, msg="menu opened by Enter")
    press(dash_duo, Keys.TAB)
    assert "dropdown-item" in focused(dash_duo)
    press(dash_duo, Keys.ESCAPE)
    until(lambda: menu.get_attribute("open") is None, 5, msg="menu closed by Escape")
    assert "<summary" in focused(dash_duo)
    assert console_errors(dash_duo) == []


def test_controls_are_operated_by_keyboard_alone(dash_duo, app):
    """A toggle with the arrow keys, a checkbox with Space, a salary typed."""
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
