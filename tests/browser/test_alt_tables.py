""" "Show as table": a chart's table, sent as rows and written by assets/alt-tables.js, is
whole the moment its <details> opens (by keyboard, mouse or script), is written anyway once
the charts are drawn and the browser idle, and is the table a page's callback would answer."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import charts, components, ids
from dashboard.view import View
from tests.browser.conftest import console_errors
from tests.browser.test_pages import TIMEOUT, choose_radio

PATH = "/countries"
THREE_CHARTS = "/employers"
# No idle moment ever comes: only opening a table can write it.
NEVER_IDLE = "window.requestIdleCallback = function () { return 0; };"
# Opens the chart's <details> by a click on its summary and reads its table in the same task:
# what the reader finds as it opens, before anything else can run.
OPEN_AND_READ = """
const details = document.getElementById(arguments[0]).closest('details');
const written = document.getElementById(arguments[0]).childElementCount > 0;
if (arguments[1]) { details.querySelector('summary').click(); }
return {written: written, open: details.open, table: read(arguments[0])};
function read(id) {
  const holder = document.getElementById(id);
  const table = holder.querySelector('table');
  if (!table) return null;
  return {
    region: holder.querySelector('[role=region]').getAttribute('aria-label'),
    caption: table.caption && table.caption.textContent,
    columns: [...table.querySelectorAll('thead th[scope=col]')].map(th => th.textContent),
    rows: [...table.querySelectorAll('tbody tr')].map(
      tr => [...tr.children].map(cell => cell.textContent)),
    rowHeaders: table.querySelectorAll('tbody th[scope=row]').length,
  };
}
"""


def expected(spec, tables, view: View | None = None) -> dict:
    headers, rows = spec.render(tables, view or View()).table
    return {
        "region": f"{spec.title}, as a table",
        "caption": f"{spec.title}: the figures shown",
        "columns": headers,
        "rows": rows,
        "rowHeaders": len(rows),
    }


def open_charts(dash_duo, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    for spec in charts.for_page(path):
        dash_duo.wait_for_element(f"#{components.graph_id(spec.id)} .main-svg", timeout=TIMEOUT)


def test_a_table_is_whole_as_it_opens_by_keyboard_mouse_or_script(dash_duo, app, tables):
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NEVER_IDLE})
    dash_duo.start_server(app)
    open_charts(dash_duo, THREE_CHARTS)
    first, second, third = charts.for_page(THREE_CHARTS)
    driver = dash_duo.driver

    found = driver.execute_script(OPEN_AND_READ, components.table_id(first.id), True)
    assert found["written"] is False  # sent as rows, not yet written
    assert found["open"] and found["table"] == expected(first, tables)

    summary = dash_duo.find_element(f"#{components.table_id(second.id)}")
    summary = summary.find_element("xpath", "preceding-sibling::summary")
    summary.send_keys(Keys.ENTER)  # the keyboard's way: Enter on the focused summary
    found = driver.execute_script(OPEN_AND_READ, components.table_id(second.id), False)
    assert found["open"] and found["table"] == expected(second, tables)

    third_id = components.table_id(third.id)
    driver.execute_script(f"document.getElementById('{third_id}').closest('details').open = true")
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.execute_script(OPEN_AND_READ, third_id, False)["table"]
    )
    assert driver.execute_script(OPEN_AND_READ, third_id, False)["table"] == expected(third, tables)
    assert console_errors(dash_duo) == []


def test_every_table_is_written_once_the_browser_is_idle(dash_duo, app, tables):
    dash_duo.start_server(app)
    open_charts(dash_duo, PATH)
    for spec in charts.for_page(PATH):
        table_id = components.table_id(spec.id)
        WebDriverWait(dash_duo.driver, TIMEOUT).until(
            lambda d, t=table_id: d.execute_script(OPEN_AND_READ, t, False)["table"]
        )
        found = dash_duo.driver.execute_script(OPEN_AND_READ, table_id, False)
        assert found["open"] is False and found["table"] == expected(spec, tables)
    assert console_errors(dash_duo) == []


def test_a_redrawn_chart_redraws_its_table(dash_duo, app, tables):
    """A page's callback answers with the table; nothing written from the first layout's rows
    replaces it afterwards."""
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NEVER_IDLE})
    dash_duo.start_server(app)
    open_charts(dash_duo, PATH)
    spec = charts.for_page(PATH)[0]
    table_id = components.table_id(spec.id)
    choose_radio(dash_duo, ids.COUNTRIES_BASIS, "ppp")
    want = expected(spec, tables, View(basis="ppp"))
    assert want != expected(spec, tables)
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: d.execute_script(OPEN_AND_READ, table_id, False)["table"] == want
    )
    found = dash_duo.driver.execute_script(OPEN_AND_READ, table_id, True)
    assert found["open"] and found["table"] == want
    assert console_errors(dash_duo) == []
