""" "Show as table": a chart's table is in the page as it loads (one block of HTML inside the
closed <details>, dashboard.html_block), whole the moment it opens by keyboard, mouse or
script, and is the table a page's callback answers when the chart is redrawn. A page's other
tables, written as HTML too, keep their links: a state's "Check an offer here" goes to the
offer check without a page load, as the dcc.Link it was (run with --headless)."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import charts, components, ids
from dashboard.view import View
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT, choose_radio

PATH = "/countries"
THREE_CHARTS = "/employers"
INSTANT_INTO_VIEW = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})"
# Reads a chart's table as it is now, and whether its <details> is open.
READ = """
const holder = document.getElementById(arguments[0]);
const details = holder.closest('details');
const table = holder.querySelector('table');
if (!table) return {open: details.open, table: null};
const region = holder.querySelector('[role=region]');
return {open: details.open, shown: table.checkVisibility(), table: {
  region: region.getAttribute('aria-label'),
  focusable: region.tabIndex === 0,
  caption: table.caption && table.caption.textContent,
  columns: [...table.querySelectorAll('thead th[scope=col]')].map(th => th.textContent),
  rows: [...table.querySelectorAll('tbody tr')].map(
    tr => [...tr.children].map(cell => cell.textContent)),
  rowHeaders: table.querySelectorAll('tbody th[scope=row]').length,
}};
"""


def expected(spec, tables, view: View | None = None) -> dict:
    headers, rows = spec.render(tables, view or View()).table
    return {
        "region": f"{spec.title}, as a table",
        "focusable": True,
        "caption": f"{spec.title}: the figures shown",
        "columns": headers,
        "rows": rows,
        "rowHeaders": len(rows),
    }


def open_charts(dash_duo, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    for spec in charts.for_page(path):
        dash_duo.wait_for_element(f"#{components.graph_id(spec.id)} .main-svg", timeout=TIMEOUT)


def test_every_table_is_there_and_opens_by_keyboard_mouse_or_script(dash_duo, app, tables):
    dash_duo.start_server(app)
    open_charts(dash_duo, THREE_CHARTS)
    first, second, third = charts.for_page(THREE_CHARTS)
    driver = dash_duo.driver
    for spec in (first, second, third):  # in the page, closed, before anything opens them
        found = driver.execute_script(READ, components.table_id(spec.id))
        assert found["open"] is False and found["shown"] is False
        assert found["table"] == expected(spec, tables)

    summary = dash_duo.find_element(f"#{components.table_id(first.id)}")
    summary = summary.find_element("xpath", "preceding-sibling::summary")
    # At once: Bootstrap makes scrolling smooth, and a click mid-scroll lands elsewhere.
    driver.execute_script(INSTANT_INTO_VIEW, summary)
    summary.click()
    found = driver.execute_script(READ, components.table_id(first.id))
    assert found["open"] and found["shown"] and found["table"] == expected(first, tables)

    summary = dash_duo.find_element(f"#{components.table_id(second.id)}")
    summary = summary.find_element("xpath", "preceding-sibling::summary")
    summary.send_keys(Keys.ENTER)  # the keyboard's way: Enter on the focused summary
    found = driver.execute_script(READ, components.table_id(second.id))
    assert found["open"] and found["shown"] and found["table"] == expected(second, tables)

    third_id = components.table_id(third.id)
    driver.execute_script(f"document.getElementById('{third_id}').closest('details').open = true")
    found = driver.execute_script(READ, third_id)
    assert found["open"] and found["shown"] and found["table"] == expected(third, tables)
    assert console_errors(dash_duo) == []


def test_a_redrawn_chart_redraws_its_table(dash_duo, app, tables):
    dash_duo.start_server(app)
    open_charts(dash_duo, PATH)
    spec = charts.for_page(PATH)[0]
    table_id = components.table_id(spec.id)
    choose_radio(dash_duo, ids.COUNTRIES_BASIS, "ppp")
    want = expected(spec, tables, View(basis="ppp"))
    assert want != expected(spec, tables)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: d.execute_script(READ, table_id)["table"] == want
    )
    assert console_errors(dash_duo) == []


def test_a_link_in_a_written_table_is_followed_without_a_page_load(dash_duo, app):
    dash_duo.start_server(app)
    open_charts(dash_duo, "/countries/states")
    link = dash_duo.wait_for_element(f"#{ids.STATES_TABLE} a[data-cma-link]", timeout=TIMEOUT)
    href = link.get_attribute("href")
    assert "/offer?state=" in href
    dash_duo.driver.execute_script("window.__samePage = true")
    dash_duo.driver.execute_script(INSTANT_INTO_VIEW, link)
    link.click()
    dash_duo.wait_for_element(f"#{ids.OFFER_FORM}", timeout=TIMEOUT)
    driver = dash_duo.driver
    assert driver.current_url == href
    assert driver.execute_script("return window.__samePage") is True  # no page load
    assert driver.execute_script("return window.scrollY") == 0
    state = href.rsplit("=", 1)[1]
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.find_element("id", ids.OFFER_STATE).get_attribute("value") == state
    )
    driver.back()  # the address pushed: Back returns to the states
    dash_duo.wait_for_element(f"#{ids.STATES_TABLES}", timeout=TIMEOUT)
    assert console_errors(dash_duo) == []
