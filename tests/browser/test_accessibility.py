"""Accessibility in a real browser: axe-core (WCAG 2.1 A/AA and best practice) finds nothing on
any page, in its default state or with its controls used, and every page works by keyboard."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from tests.browser.axe import describe, violations
from tests.browser.conftest import console_errors
from tests.browser.test_pages import GRAPHS, KEY_FIGURES, choose_only, radio_input

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


# Every control a page has that a person can reach: inside the main landmark, shown, enabled.
# Each is tagged with its number, so a re-rendered page cannot leave a stale reference behind.
# A data grid is one stop, as the ARIA grid pattern has it: Tab enters it, the arrow keys move
# within it, Tab leaves it; so a grid counts as reached when focus is anywhere inside it.
GRID = ".ag-root-wrapper"
TAG_REACHABLE = """
    const main = document.getElementById(arguments[0]);
    const grids = Array.from(main.querySelectorAll(arguments[1]));
    const all = main.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    const shown = Array.from(all).filter(e => !e.disabled && e.tabIndex >= 0
        && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden'
        && !e.closest(arguments[1])
        // Inside a closed <details> ("Show as table"), not shown: only its summary is a stop.
        && !e.closest('details:not([open]) > :not(summary)'));
    const stops = shown.concat(grids);
    stops.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    return stops.length;
"""
FOCUSED = """
    const focused = document.activeElement;
    const stop = focused.closest('[data-kb]') || focused;
    // A ring: an outline, a box shadow, or a border drawn by a pseudo-element (AG Grid's cells).
    const lined = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        || (s.boxShadow && s.boxShadow !== 'none');
    const boxed = s => s.content !== 'none' && s.borderStyle !== 'none'
        && parseFloat(s.borderWidth) > 0;
    const ring = lined(getComputedStyle(focused))
        || [':after', ':before'].some(p => {
            const s = getComputedStyle(focused, ':' + p);
            return lined(s) || boxed(s);
        });
    return [stop.getAttribute('data-kb'), ring, focused.outerHTML.slice(0, 120)];
"""
UNREACHED = """
    return Array.from(document.querySelectorAll('[data-kb]'))
        .filter(e => !arguments[0].includes(e.getAttribute('data-kb')))
        .map(e => e.outerHTML.slice(0, 120));
"""


@pytest.mark.parametrize("path", sorted(KEY_FIGURES))
def test_every_page_passes_axe_and_works_by_keyboard(dash_duo, app, path):
    """No axe violation; then, from the top of the page, Tab alone: the skip link first, then
    every control on the page, each drawn with a focus ring."""
    dash_duo.start_server(app)
    open_page(dash_duo, path)
    assert_no_violations(dash_duo, path)
    # Fresh from loading, nothing focused: the first Tab goes to the first stop of the page.
    ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
    first = dash_duo.driver.switch_to.active_element
    assert first.get_attribute("class") == "skip-link", "the first Tab stop skips to content"
    first.send_keys(Keys.ENTER)
    until(lambda: dash_duo.driver.switch_to.active_element.get_attribute("id") == ids.MAIN, 5)
    wanted = dash_duo.driver.execute_script(TAG_REACHABLE, ids.MAIN, GRID)
    reached: set[str] = set()
    unringed: list[str] = []
    for _ in range(wanted * 3 + 10):  # generous: grids and menus add stops of their own
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        number, ring, html = dash_duo.driver.execute_script(FOCUSED)
        if number is not None and number not in reached:
            reached.add(number)
            if not ring:
                unringed.append(html)
        if len(reached) == wanted:
            break
    missed = dash_duo.driver.execute_script(UNREACHED, sorted(reached))
    assert missed == [], f"{path}: not reachable by Tab: {missed}"
    assert unringed == [], f"{path}: focused without a visible ring: {unringed}"
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
